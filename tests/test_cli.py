"""The CLI through click's CliRunner: every command, its outputs, its errors and exit codes."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli
from tests.conftest import ROOT, SEEDS


@pytest.fixture
def runner():
    return CliRunner()


def ok(runner, *args):
    result = runner.invoke(cli, list(map(str, args)))
    assert result.exit_code == 0, result.output
    return result


def fails(runner, *args, code=1):
    """Run a command that must fail: one-line message, the given exit code, no traceback."""
    result = runner.invoke(cli, list(map(str, args)))
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 or code == 2, result.output
    return result.output


def test_build_writes_graph_and_reports(runner, tmp_path):
    out = tmp_path / "g.trig"
    result = ok(runner, "build", SEEDS, "-o", out)
    assert out.exists()
    assert re.search(r"1 article\(s\), \d+ statements, \d+ triples", result.output)


def test_contested_json_names_pakistan_and_taliban(runner, seed_trig):
    data = json.loads(ok(runner, "contested", "--graph", seed_trig, "--format", "json").stdout)
    assert isinstance(data, list) and data
    harbour = next(c for c in data if "harbour" in c["claim"].lower())
    assert {"claim", "supporters", "disputers", "evidence", "articles", "first", "latest", "methods"} <= set(harbour)
    assert "Pakistan" in harbour["supporters"]
    assert "Afghan Taliban" in harbour["disputers"]
    assert all({"sentence", "source", "article", "method", "confidence", "date"} <= set(e) for e in harbour["evidence"])
    assert {e["article"]["id"] for e in harbour["evidence"]} == {"pak-afg-ceasefire"}


def test_contested_table_and_csv(runner, seed_trig):
    table = ok(runner, "contested", "--graph", seed_trig).stdout
    header = table.splitlines()[1]
    assert header.index("claim") < header.index("supporters") < header.index("disputers") < header.index("articles")
    assert "Afghan Taliban" in table and "2025-10-19" in table
    rows = list(csv.DictReader(io.StringIO(ok(runner, "contested", "--graph", seed_trig, "--format", "csv").stdout)))
    assert {"Pakistan"} <= {r["supporters"] for r in rows}
    full = ok(runner, "contested", "taliban-harbours-militants", "--graph", seed_trig).stdout
    assert "Pakistan has long" in full and "Denial" in full


def test_contested_window_and_paging(runner, seed_trig):
    assert runner.invoke(cli, ["contested", "--graph", str(seed_trig), "--until", "2025-10-18"]).exit_code == 1
    assert ok(runner, "contested", "--graph", seed_trig, "--since", "2025-10-19", "--until", "2025-10-19").stdout
    paged = runner.invoke(cli, ["contested", "--graph", str(seed_trig), "--offset", "1"])
    assert paged.exit_code == 0 and paged.stderr == "no contested claims from number 2: there are 1\n"
    assert runner.invoke(cli, ["contested", "--graph", str(seed_trig), "--all", "--limit", "3"]).exit_code == 2
    unknown = runner.invoke(cli, ["contested", "no-such-claim", "--graph", str(seed_trig)])
    assert unknown.exit_code == 1 and "no contested claim with that IRI or label" in unknown.output


def test_contested_with_none_exits_1(runner, tmp_path, make_article):
    path = make_article(replace=("stance: deny", "stance: assert"))
    out = tmp_path / "g.trig"
    ok(runner, "build", path, "-o", out)
    result = runner.invoke(cli, ["contested", "--graph", str(out)])
    assert result.exit_code == 1 and "no contested claims" in result.output


def test_query_mediations_json_is_sparql_results_and_names_mediators(runner, seed_trig):
    data = json.loads(ok(runner, "query", "mediations", "--graph", seed_trig, "--format", "json").stdout)
    assert set(data) == {"head", "results"} and "vars" in data["head"]
    mediators = {m for b in data["results"]["bindings"] if "mediators" in b for m in b["mediators"]["value"].split(", ")}
    assert {"Qatar", "Turkey"} <= mediators


def test_query_list_shows_every_canned_query(runner):
    from claimgraph.query import canned_queries

    listed = ok(runner, "query", "--list").stdout
    public = [n for n in canned_queries() if not n.startswith("_")]
    assert len(public) >= 8
    for name in public:
        assert name in listed


@pytest.mark.parametrize("name", ["contested", "harbouring", "accusations", "denials", "mediations",
                                  "statements-by-actor", "anonymous-only", "statements-by-date"])
def test_each_canned_query_answers_on_the_seed(runner, seed_trig, name):
    out = ok(runner, "query", name, "--graph", seed_trig, "--format", "csv").stdout
    assert len(out.splitlines()) >= 2


def test_query_from_file_and_text(runner, seed_trig, tmp_path):
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/claimgraph/ns#Denial> }")
    data = json.loads(ok(runner, "query", rq, "--graph", seed_trig, "--format", "json").stdout)
    assert int(data["results"]["bindings"][0]["n"]["value"]) >= 1
    text = "ASK { ?s a <https://w3id.org/claimgraph/ns#Mediation> }"
    assert json.loads(ok(runner, "query", text, "--graph", seed_trig, "--format", "json").stdout)["boolean"] is True


def test_query_no_rows_exits_1(runner, seed_trig):
    result = runner.invoke(cli, ["query", "SELECT ?s WHERE { ?s a <urn:nothing> }", "--graph", str(seed_trig)])
    assert result.exit_code == 1


def test_sparql_syntax_error(runner, seed_trig):
    out = fails(runner, "query", "SELECT * WHERE { ?s ?p }", "--graph", seed_trig)
    assert "SPARQL syntax error" in out


def test_unknown_canned_query(runner, seed_trig):
    assert "claimgraph query --list" in fails(runner, "query", "no-such-query", "--graph", seed_trig)


def test_missing_graph_file(runner, tmp_path):
    out = fails(runner, "contested", "--graph", tmp_path / "missing.trig")
    assert "missing.trig" in out and "not found" in out


def test_corrupt_graph_file(runner, tmp_path):
    bad = tmp_path / "bad.trig"
    bad.write_text("this is { not trig")
    assert "bad.trig" in fails(runner, "query", "contested", "--graph", bad)


def test_query_without_argument_is_usage_error(runner):
    result = runner.invoke(cli, ["query"])
    assert result.exit_code == 2


@pytest.mark.parametrize("replace, field", [
    (("stance: deny", "stance: scold"), "statements[1].stance"),
    (("speaker: betaland", "speaker: gammaland"), "statements[1].speaker"),
    (("Betaland denied the accusation.\"", "Betaland denied it all.\""), "statements[1].sentence"),
    (("  - id: s2\n", "  - id: s1\n"), "statements[1].id"),
    (("  - id: s2\n", "  - id: s2\n    about: [unclosed\n"), None),
])
def test_build_bad_input_one_line_error_and_nothing_written(runner, tmp_path, make_article, replace, field):
    path = make_article(replace=replace)
    out = tmp_path / "g.trig"
    out.write_text("previous")
    message = fails(runner, "build", path, "-o", out)
    assert str(path) in message
    assert re.search(r":\d+:", message), "names the line"
    if field:
        assert field in message
    assert out.read_text() == "previous"


def test_build_missing_text_and_non_utf8(runner, tmp_path, make_article):
    path = make_article()
    path.with_suffix(".txt").write_bytes("caf\xe9".encode("latin-1"))
    assert "not valid UTF-8" in fails(runner, "build", path, "-o", tmp_path / "g.trig")
    path.with_suffix(".txt").unlink()
    assert "not found" in fails(runner, "build", path, "-o", tmp_path / "g.trig")
    assert not (tmp_path / "g.trig").exists()


def test_build_missing_path(runner, tmp_path):
    assert "no such file or folder" in fails(runner, "build", tmp_path / "nowhere")


def test_render_writes_offline_page(runner, seed_trig, tmp_path):
    out = tmp_path / "page.html"
    ok(runner, "render", "--graph", seed_trig, "-o", out)
    page = out.read_text(encoding="utf-8")
    assert "vis.Network" in page
    assert not re.search(r"<script[^>]+src=[\"']?https?://", page, re.I)
    assert not re.search(r"<link[^>]+href=[\"']?https?://", page, re.I)


def test_render_escapes_article_text(runner, tmp_path, make_article):
    evil = "Alphaland accused Betaland of <script>alert(1)</script> shelling."
    path = make_article(text=evil + "\nBetaland denied the accusation.\n",
                        replace=('"Alphaland accused Betaland of shelling the border town."', f'"{evil}"'))
    path.write_text(path.read_text().replace('span: "Betaland of shelling the border town"',
                                             'span: "Betaland of <script>alert(1)</script> shelling"'))
    graph, page = tmp_path / "g.trig", tmp_path / "p.html"
    ok(runner, "build", path, "-o", graph)
    ok(runner, "render", "--graph", graph, "-o", page)
    html = page.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "alert(1)" in html  # the text is there, only escaped


@pytest.mark.parametrize("fmt, marker", [("graphml", "<graphml"), ("jsonld", '"@id"'), ("nt", "> .\n"),
                                         ("nq", "graph/pak-afg-ceasefire> .\n"), ("ttl", "@prefix cg:"),
                                         ("trig", "graph:pak-afg-ceasefire {")])
def test_export_formats(runner, seed_trig, tmp_path, fmt, marker):
    out = tmp_path / f"export.{fmt}"
    ok(runner, "export", "--graph", seed_trig, "--format", fmt, "-o", out)
    assert marker in out.read_text(encoding="utf-8")


def test_export_graphml_loads_in_networkx(runner, seed_trig, tmp_path):
    import networkx as nx

    out = tmp_path / "g.graphml"
    ok(runner, "export", "--graph", seed_trig, "--format", "graphml", "-o", out)
    g = nx.read_graphml(out)
    assert any(d.get("label") == "Pakistan" for _, d in g.nodes(data=True))


def test_validate_conforming_graph(runner, seed_trig):
    assert "Conforms: True" in ok(runner, "validate", "--graph", seed_trig).stdout


def test_version_and_help_have_examples(runner):
    assert "claimgraph" in ok(runner, "--version").stdout
    for command in cli.commands:
        assert "Example" in ok(runner, command, "--help").stdout, f"{command} --help has no example"


def test_every_command_is_documented_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in cli.commands:
        assert f"claimgraph {command}" in readme, f"README does not document `claimgraph {command}`"


def test_query_does_not_import_nlp_stack(seed_trig):
    code = ("import sys; from click.testing import CliRunner; from claimgraph.cli import cli; "
            f"r = CliRunner().invoke(cli, ['query', 'contested', '--graph', {str(seed_trig)!r}]); "
            "assert r.exit_code == 0, r.output; "
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc', 'torch', 'pyshacl')); "
            "assert not heavy, heavy")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_build_extract_without_the_model_is_an_environment_error(runner, tmp_path, monkeypatch):
    """A missing spaCy model exits 2 from every command that needs it, `build --extract` included."""
    import claimgraph.extract as extract
    import claimgraph.extract.pipeline as pipeline
    from claimgraph.errors import ExtractorUnavailable

    def unavailable():
        raise ExtractorUnavailable(f"spaCy model en_core_web_sm is not installed; run: {extract.INSTALL_HINT}")

    monkeypatch.setattr(pipeline, "load_model", unavailable)
    (tmp_path / "raw.txt").write_text("Alphaland accused Betaland of shelling the town.\n", encoding="utf-8")
    result = runner.invoke(cli, ["build", str(tmp_path), "--extract", "-o", str(tmp_path / "g.trig"),
                                 "--store", str(tmp_path / "store")])
    assert result.exit_code == 2, result.output
    assert result.output.strip().splitlines() == [
        f"Error: spaCy model en_core_web_sm is not installed; run: {extract.INSTALL_HINT}"]


def test_canned_queries_page_where_they_pick_their_items(runner, seed_trig):
    """A table shows a canned query's first page; --limit/--offset move through it, csv and json
    (and --all) give every item, and a query without a page clause refuses --limit."""
    from claimgraph.query import canned_queries, page_size, paged

    every = ok(runner, "query", "statements-by-date", "--graph", seed_trig, "--format", "csv").stdout.splitlines()
    assert len(every) > 10 and page_size(canned_queries()["statements-by-date"].sparql) == 100
    pages = [ok(runner, "query", "statements-by-date", "--graph", seed_trig, "--format", "csv", "--limit", "4",
                "--offset", str(offset)).stdout.splitlines() for offset in range(0, len(every), 4)]
    assert all(page[0] == every[0] and len(page) <= 5 for page in pages)
    assert sorted(row for page in pages for row in page[1:]) == sorted(every[1:])  # each row on one page
    table = ok(runner, "query", "statements-by-date", "--graph", seed_trig, "--limit", "4")
    assert table.stderr == "one page: up to 4 items from item 1; --offset 4 for the next, --all for every row\n"
    assert ok(runner, "query", "statements-by-date", "--graph", seed_trig).stderr == ""  # 21 statements: one page
    refused = runner.invoke(cli, ["query", "SELECT ?s WHERE { ?s ?p ?o }", "--graph", str(seed_trig), "--limit", "2"])
    assert refused.exit_code == 2 and "no page clause" in refused.stderr
    query = "SELECT ?s WHERE {\n  { SELECT ?s WHERE { ?s ?p ?o }\n    LIMIT 5  # page\n  }\n}"
    assert paged(query, None, 3) == query.replace("LIMIT 5  # page", "LIMIT 1000000 OFFSET 3  # page: every item")
    assert paged(query, 2, 4) == query.replace("LIMIT 5", "LIMIT 2 OFFSET 4")
    assert paged(query, None) == query.replace("LIMIT 5  # page", "LIMIT 1000000  # page: every item")
    twice = query + "\n" + query  # a query that picks its page's items twice pages both alike
    assert paged(twice, 2, 4) == twice.replace("LIMIT 5", "LIMIT 2 OFFSET 4")


def test_a_store_linked_by_another_version_says_so(runner, tmp_path):
    """The disputes list reads what linking writes; a store linked by another claimgraph is named
    as such on every read until a build links it again."""
    import pyoxigraph as ox

    from claimgraph.store import BUILD_NS, open_store
    from claimgraph.vocab import BUILD_GRAPH

    store_dir = tmp_path / "store"
    assert runner.invoke(cli, ["build", str(SEEDS), "--store", str(store_dir), "--no-export"]).exit_code == 0
    store = open_store(store_dir, write=True)
    store.update(f"DELETE WHERE {{ GRAPH <{BUILD_GRAPH}> {{ <urn:claimgraph:links> <{BUILD_NS}version> ?v }} }}")
    store.add(ox.Quad(ox.NamedNode("urn:claimgraph:links"), ox.NamedNode(BUILD_NS + "version"), ox.Literal("0"),
                      ox.NamedNode(BUILD_GRAPH)))
    store.flush()
    del store
    answer = runner.invoke(cli, ["contested", "--store", str(store_dir)])
    assert "linked by another version of claimgraph" in answer.stderr
    assert runner.invoke(cli, ["build", str(SEEDS), "--store", str(store_dir), "--no-export"]).exit_code == 0
    assert runner.invoke(cli, ["contested", "--store", str(store_dir)]).stderr == ""


def test_a_disputes_table_counts_long_lists_of_names():
    """A table cell names the first few actors and counts the rest; csv and json list every one."""
    from claimgraph.cli import FEW, _few

    names = [f"Actor {i:02d}" for i in range(FEW + 3)]
    assert _few(names) == ", ".join(names[:FEW]) + " and 3 more"
    assert _few(names[:2]) == "Actor 00, Actor 01"


def test_a_table_cuts_a_cell_of_many_lines_and_says_so(capsys):
    """A table is for people: a cell over CELL_LINES lines ends in a mark, stderr says how to see
    it whole; short cells and line breaks of their own are kept as they are."""
    from claimgraph.cli import CELL_LINES, CUT_MARK, _wrap, print_rows

    names = ", ".join(f"Actor {i:03d}" for i in range(400))
    cut = _wrap(names, 30)
    lines = cut.splitlines()
    assert len(lines) == CELL_LINES and lines[-1].endswith(CUT_MARK)
    assert all(len(line) <= 30 for line in lines)
    assert cut.replace(CUT_MARK, "").replace("\n", " ").startswith("Actor 000, Actor 001, Actor 002")
    assert _wrap("one\ntwo three four", 9) == "one\ntwo three\nfour"
    exact = "\n".join(f"line {i}" for i in range(CELL_LINES))
    assert _wrap(exact, 30) == exact  # as many lines as a cell shows: nothing cut
    print_rows(["who"], [{"who": names}], "table")
    captured = capsys.readouterr()
    assert CUT_MARK.strip() in captured.out and "Actor 399" not in captured.out
    assert "--format csv or json gives them whole" in captured.err
    print_rows(["who"], [{"who": "Actor 000"}], "table")
    assert capsys.readouterr().err == ""


def test_wide_characters_are_measured_after_an_ascii_table():
    """An ASCII table is made without wcwidth (it would measure each character as one); a table
    of CJK text, even after it in the same process, is aligned by display width."""
    import subprocess
    import sys

    script = """
from claimgraph.cli import print_rows
import sys
print_rows(["who"], [{"who": "Pakistan"}], "table")
assert "wcwidth" not in sys.modules, "an ASCII table imported wcwidth"
print_rows(["who", "n"], [{"who": "北京", "n": "1"}, {"who": "Delhi", "n": "2"}], "table")
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    lines = [line for line in out.splitlines() if "北京" in line or "Delhi" in line]
    widths = {len(line) + sum(1 for ch in line if ch in "北京") for line in lines}  # display columns
    assert len(widths) == 1, out  # both rows end at the same column
