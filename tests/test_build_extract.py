"""`claimgraph build --extract`: raw articles drafted by the extractor enter the graph marked extracted."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli
from claimgraph.query import canned_queries
from claimgraph.store import open_graph, rows, run_query
from tests.conftest import SEEDS

pytest.importorskip("spacy")
pytestmark = pytest.mark.nlp

RAW = ("Northland accused Southland on Monday of shelling a border village, a charge Southland denied.\n"
       "Eastland, which mediated talks between Northland and Southland, urged both sides to respect the truce.\n")

METHODS = """PREFIX cg: <https://w3id.org/claimgraph/ns#>
SELECT ?article ?method (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s cg:method ?method ; <http://purl.org/dc/terms/source> ?article ; cg:claim ?c } GROUP BY ?article ?method"""


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "news"
    shutil.copytree(SEEDS, folder, ignore=shutil.ignore_patterns("README.md"))
    (folder / "border-shelling.txt").write_text(RAW, encoding="utf-8")
    return folder


def _methods(trig):
    _, found = rows(run_query(open_graph(trig), METHODS))
    return {(r["article"].rsplit("/", 1)[-1], r["method"].rsplit("#", 1)[-1]): int(r["n"]) for r in found}


def test_raw_article_is_extracted_and_curated_wins(folder, tmp_path):
    out = tmp_path / "g.trig"
    result = CliRunner().invoke(cli, ["build", str(folder), "--extract", "--no-store", "-o", str(out)])
    assert result.exit_code == 0, result.output
    methods = _methods(out)
    # the seed has a curated YAML beside its text: only curated statements for it
    assert ("pak-afg-ceasefire", "curated") in methods
    assert ("pak-afg-ceasefire", "extracted") not in methods
    # the raw article is drafted by the extractor
    assert methods.get(("border-shelling", "extracted"), 0) >= 2
    _, found = rows(run_query(open_graph(out), canned_queries()["extracted"].sparql))
    assert found and all(r["source"] for r in found)
    assert all(float(r["confidence"]) <= 1 for r in found)
    assert not any("Pakistan" in r["sentence"] for r in found)


def test_without_extract_a_raw_article_is_ignored_in_folders_and_refused_by_name(folder, tmp_path):
    runner = CliRunner()
    out = tmp_path / "g.trig"
    assert runner.invoke(cli, ["build", str(folder), "--no-store", "-o", str(out)]).exit_code == 0
    assert not any(a == "border-shelling" for a, _ in _methods(out))
    result = runner.invoke(cli, ["build", str(folder / "border-shelling.txt"), "--no-store", "-o", str(out)])
    assert result.exit_code == 1 and "--extract" in result.output


def test_incremental_store_redrafts_only_changed_raw_articles(folder, tmp_path):
    runner = CliRunner()
    args = ["build", str(folder), "--extract", "-o", str(tmp_path / "g.trig"), "--store", str(tmp_path / "store")]
    assert runner.invoke(cli, args).exit_code == 0
    again = runner.invoke(cli, args)
    assert "0 added, 0 updated, 0 removed, 2 unchanged" in again.output
    (folder / "border-shelling.txt").write_text(RAW + "Westland welcomed the truce.\n", encoding="utf-8")
    third = runner.invoke(cli, args)
    assert "0 added, 1 updated, 0 removed, 1 unchanged" in third.output, third.output


def test_in_memory_and_store_builds_of_a_draft_are_byte_identical(folder, tmp_path):
    """Both build paths identify a draft the same way (its extractor), so their TriG agree."""
    runner = CliRunner()
    memory, stored = tmp_path / "memory.trig", tmp_path / "stored.trig"
    assert runner.invoke(cli, ["build", str(folder), "--extract", "--no-store", "-o", str(memory)]).exit_code == 0
    assert runner.invoke(cli, ["build", str(folder), "--extract", "-o", str(stored),
                               "--store", str(tmp_path / "store")]).exit_code == 0
    assert memory.read_bytes() == stored.read_bytes()


ARTICLE_FACTS = """PREFIX schema: <https://schema.org/>
SELECT ?article ?title ?date WHERE { ?article schema:headline ?title ; schema:datePublished ?date } ORDER BY ?article"""


def test_build_extract_takes_title_and_date_from_the_text_else_from_the_options(tmp_path):
    """A headline and a dateline win; --title and --date serve articles without them; a new
    --date re-drafts the raw articles in a store build (the options are part of a draft's identity)."""
    news = tmp_path / "news"
    news.mkdir()
    (news / "plain.txt").write_text(RAW, encoding="utf-8")
    (news / "wire.txt").write_text("Border shelling talks stall\n\nDOHA, Oct 19 (Reuters) - " + RAW, encoding="utf-8")
    out, store = tmp_path / "g.trig", tmp_path / "store"
    args = ["build", str(news), "--extract", "--store", str(store), "-o", str(out), "--date", "2025-10-21",
            "--title", "Shelling on the border"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    _, found = rows(run_query(open_graph(out), ARTICLE_FACTS))
    assert [(r["article"].rsplit("/", 1)[-1], r["title"], r["date"]) for r in found] == [
        ("plain", "Shelling on the border", "2025-10-21"), ("wire", "Border shelling talks stall", "2025-10-19")]
    again = CliRunner().invoke(cli, args[:-4] + ["--date", "2025-11-02", "--title", "Shelling on the border"])
    assert again.exit_code == 0, again.output
    assert "0 added, 2 updated" in again.stderr  # the options identify a draft: both are drafted again
    _, found = rows(run_query(open_graph(out), ARTICLE_FACTS))
    assert [r["date"] for r in found] == ["2025-11-02", "2025-10-19"]
    usage = CliRunner().invoke(cli, ["build", str(news), "--date", "2025-10-21", "-o", str(out)])
    assert usage.exit_code == 2 and "add --extract" in usage.output



def test_a_dispute_between_a_claim_and_its_negation_is_listed_once_and_reads_alike_both_ways(tmp_path):
    """Two raw articles, one side's claim and the other's negation of it: the build marks them
    contradicting and lists the dispute once, under the claim put positively with the
    negation's side disputing it; `contested CLAIM` (read from the sides the build keeps, a
    page at a time) gives its statements exactly as the whole list does."""
    from claimgraph.query import contested_claims, dispute

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Northland said on Monday that Southland troops had crossed the border near Kessa.\n")
    (folder / "b.txt").write_text("Southland told Northland on Tuesday that Southland troops had not crossed the border "
                                  "near Kessa.\n")
    out = tmp_path / "g.trig"
    result = CliRunner().invoke(cli, ["-q", "build", str(folder), "--extract", "--no-store", "-o", str(out)])
    assert result.exit_code == 0, result.output
    store = open_graph(out)
    every = contested_claims(store)
    assert [(c["claim"], c["supporters"], c["disputers"]) for c in every] == [
        ("Southland troops had crossed the border near Kessa", ["Northland"], ["Southland"])]
    for claim in every:
        assert {e["article"]["id"] for e in claim["evidence"]} == {"a", "b"}
        assert dispute(store, claim["claim_iri"])["evidence"] == claim["evidence"]
        assert dispute(store, claim["claim_iri"], limit=1)["evidence"][0]["side"] == "supporter"
