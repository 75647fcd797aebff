"""The on-disk Oxigraph store and the incremental build: real stores, real files, real processes."""
from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from claimgraph.build import build_graph
from claimgraph.errors import AnnotationError, ClaimgraphError, QueryError, StoreError, ValidationError
from claimgraph.cli import cli
from claimgraph.query import contested_claims
from claimgraph.source import open_source
from claimgraph.store import BUILD_NS, export_trig, open_graph, open_store, rows, run_query
from claimgraph.vocab import BUILD_GRAPH

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def synth(folder: Path, articles: int, seed: int = 1) -> Path:
    spec = importlib.util.spec_from_file_location("synth_corpus", ROOT / "scripts" / "synth_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(folder, articles, seed)
    return folder


def quads(store) -> set:
    return {q for q in store if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == BUILD_GRAPH)}


def graph_triples(store, article_id: str) -> set:
    g = ox.NamedNode(f"https://w3id.org/claimgraph/id/graph/{article_id}")
    return {q.triple for q in store.quads_for_pattern(None, None, None, g)}


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return synth(tmp_path_factory.mktemp("corpus"), 30)


def test_store_build_is_byte_identical_to_in_memory_build(tmp_path, corpus):
    for name, paths in (("seed", [SEEDS]), ("synthetic", [corpus])):
        memory = build_graph(paths, tmp_path / f"{name}-memory.trig")
        result = build_graph(paths, tmp_path / f"{name}-store.trig", store=tmp_path / f"{name}-store")
        assert result.exported and result.added == len(result.articles)
        assert (result.statements, result.triples) == (memory.statements, memory.triples)
        assert (tmp_path / f"{name}-store.trig").read_bytes() == (tmp_path / f"{name}-memory.trig").read_bytes()
    assert (tmp_path / "seed-store.trig").read_bytes() == (ROOT / "graph" / "claims.trig").read_bytes()


def test_no_change_rebuild_skips_everything(tmp_path, corpus):
    out, store = tmp_path / "g.trig", tmp_path / "store"
    first = build_graph([corpus], out, store=store)
    stamp = out.stat().st_mtime_ns
    again = build_graph([corpus], out, store=store)
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 30)
    assert again.summary() == "0 added, 0 updated, 0 removed, 30 unchanged"
    assert not again.exported and out.stat().st_mtime_ns == stamp
    assert again.triples == first.triples and again.statements == first.statements
    out.unlink()  # a missing export is written again even when nothing changed
    assert build_graph([corpus], out, store=store).exported and out.exists()


def test_counts_from_the_build_records_equal_counting_the_store(tmp_path, corpus):
    """The counts summed from the articles' records, and Oxigraph's count for stores whose
    records predate them, agree."""
    from dataclasses import replace

    from claimgraph.build import _counts, _fill_counts, _ontology_quads, _read_records, _Terms

    result = build_graph([corpus], None, store=tmp_path / "store")
    store = open_store(tmp_path / "store")
    records = list(_read_records(store)[0].values())
    ontology = len(set(_ontology_quads(_Terms())[0]))
    assert all(r.statements and r.triples for r in records)
    assert _counts(store, records, ontology) == (result.statements, result.triples)
    old = [replace(r, statements="", triples="") for r in records]
    assert _counts(store, _fill_counts(store, old), ontology) == (result.statements, result.triples)
    del store
    writable = open_store(tmp_path / "store", write=True)  # as built before the records had counts, or were packed
    graph = ox.NamedNode(BUILD_GRAPH)
    for quad in list(writable.quads_for_pattern(None, ox.NamedNode(BUILD_NS + "record"), None, graph)):
        fields = json.loads(quad.object.value)
        writable.remove(quad)
        writable.extend([ox.Quad(quad.subject, ox.NamedNode(BUILD_NS + key), ox.Literal(value), graph)
                         for key, value in fields.items() if key not in ("statements", "triples")])
    assert {r.packed for r in _read_records(writable)[0].values()} == {False}
    del writable
    again = build_graph([corpus], None, store=tmp_path / "store")
    assert (again.statements, again.triples) == (result.statements, result.triples)
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(records))
    store = open_store(tmp_path / "store")
    assert _read_records(store)[0] == {r.source: r for r in records}  # counted once, kept, packed again
    assert all(r.packed for r in _read_records(store)[0].values())
    assert {q.predicate.value for q in store.quads_for_pattern(None, None, None, graph)
            if q.subject.value.startswith("urn:claimgraph:source:")} == {BUILD_NS + "record"}


def test_rebuild_trusts_size_and_mtime_and_falls_back_to_the_content(tmp_path, make_article):
    """Unchanged size and mtime skip reading the files; a touched file is hashed and found
    unchanged; an edit that keeps the size is found by its new mtime."""
    import claimgraph.build as build

    folder = tmp_path / "articles"
    path = make_article("one", folder=folder)
    text = path.with_suffix(".txt")
    store = tmp_path / "store"
    build_graph([folder], None, store=store)
    hashed = []
    real = build.content_hash
    build.content_hash = lambda *a: hashed.append(1) or real(*a)
    try:
        assert build_graph([folder], None, store=store).unchanged == 1 and hashed == []
        os.utime(text, ns=(text.stat().st_atime_ns, text.stat().st_mtime_ns + 10**9))  # touch
        assert build_graph([folder], None, store=store).unchanged == 1 and len(hashed) == 1
        edited = text.read_text().replace("Alphaland", "Alphalanb")
        assert len(edited) == len(text.read_text())
        text.write_text(edited)
        with pytest.raises(AnnotationError):  # the sentences no longer match the text: it was read again
            build_graph([folder], None, store=store)
    finally:
        build.content_hash = real


def test_edit_add_delete_rename_match_a_full_build(tmp_path, make_article):
    folder = tmp_path / "articles"
    a = make_article("one", folder=folder)
    make_article("two", folder=folder)
    out, store_dir = tmp_path / "g.trig", tmp_path / "store"
    build_graph([folder], out, store=store_dir)

    def check(expected):
        result = build_graph([folder], out, store=store_dir)
        reference = build_graph([folder], tmp_path / "ref.trig")
        assert out.read_bytes() == (tmp_path / "ref.trig").read_bytes()
        assert (result.statements, result.triples) == (reference.statements, reference.triples)
        assert (result.added, result.updated, result.removed) == expected
        return result

    a.write_text(a.read_text().replace("A minimal test article", "An edited title"))
    check((0, 1, 0))
    make_article("three", folder=folder)
    check((1, 0, 0))
    (folder / "two.yaml").unlink()
    result = check((0, 0, 1))
    assert result.articles == ["one", "three"]
    a.write_text(a.read_text().replace("id: one", "id: uno"))  # same file, new article id
    result = check((0, 1, 0))
    assert result.articles == ["three", "uno"]
    store = open_store(store_dir)
    assert not graph_triples(store, "one") and graph_triples(store, "uno")


def test_publisher_of_a_removed_article_goes_too(tmp_path, make_article):
    folder = tmp_path / "articles"
    make_article("one", folder=folder, replace=("  date: 2025-01-02\n", "  date: 2025-01-02\n  publisher: Agency X\n"))
    make_article("two", folder=folder)
    out, store_dir = tmp_path / "g.trig", tmp_path / "store"
    build_graph([folder], out, store=store_dir)
    assert "Agency X" in out.read_text()
    (folder / "one.yaml").unlink()
    build_graph([folder], out, store=store_dir)
    assert "Agency X" not in out.read_text()


def test_queries_on_the_store_match_the_file(tmp_path, seed_trig):
    build_graph([SEEDS], tmp_path / "g.trig", store=tmp_path / "store")
    store = open_store(tmp_path / "store")
    assert contested_claims(store) == contested_claims(open_graph(seed_trig))
    assert contested_claims(open_source(store=tmp_path / "store")) == contested_claims(store)
    assert contested_claims(open_graph(tmp_path / "store")) == contested_claims(store)  # a folder opens the store
    columns, found = rows(run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?c }"))
    assert int(found[0]["n"]) > 100


def test_cli_build_reports_and_reads_the_store(runner, tmp_path, seed_trig):
    out = tmp_path / "graph" / "claims.trig"
    first = runner.invoke(cli, ["build", str(SEEDS), "-o", str(out)])
    assert first.exit_code == 0, first.output
    assert "1 added, 0 updated, 0 removed, 0 unchanged" in first.stderr
    assert (tmp_path / "graph" / "store" / "CURRENT").is_file(), "the store goes next to the output"
    second = runner.invoke(cli, ["build", str(SEEDS), "-o", str(out)])
    assert "0 added, 0 updated, 0 removed, 1 unchanged" in second.stderr
    assert "already up to date" in second.stderr
    by_store = runner.invoke(cli, ["contested", "--store", str(tmp_path / "graph" / "store"), "--format", "json"])
    by_file = runner.invoke(cli, ["contested", "--graph", str(seed_trig), "--format", "json"])
    assert by_store.exit_code == 0 and json.loads(by_store.stdout) == json.loads(by_file.stdout)
    both = runner.invoke(cli, ["contested", "--graph", str(seed_trig), "--store", str(tmp_path)])
    assert both.exit_code == 1 and "only one of" in both.output


def test_default_source_is_the_store_else_the_trig(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    missing = runner.invoke(cli, ["contested"])
    assert missing.exit_code == 1 and "graph/claims.trig" in missing.output and "claimgraph build" in missing.output
    assert runner.invoke(cli, ["build", str(SEEDS), "-o", "graph/claims.trig"]).exit_code == 0
    (tmp_path / "graph" / "claims.trig").unlink()  # only the store is left: commands read it
    result = runner.invoke(cli, ["query", "mediations", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["results"]["bindings"]


def test_bad_article_stops_build_keeps_earlier_articles_and_writes_no_trig(runner, tmp_path, make_article):
    folder = tmp_path / "articles"
    make_article("a-good", folder=folder)
    bad = make_article("b-bad", folder=folder, replace=("stance: deny", "stance: scold"))
    out = tmp_path / "g.trig"
    result = runner.invoke(cli, ["build", str(folder), "-o", str(out)])
    assert result.exit_code == 1
    message = result.output.strip()
    assert len(message.splitlines()) == 1 and str(bad) in message and "Traceback" not in message
    assert not out.exists()
    refused = runner.invoke(cli, ["contested", "--store", str(tmp_path / "store")])
    assert refused.exit_code == 1 and "first build did not finish" in refused.output
    store = open_store(tmp_path / "store", unfinished_ok=True)
    assert graph_triples(store, "a-good") and not graph_triples(store, "b-bad")
    del store
    bad.write_text(bad.read_text().replace("stance: scold", "stance: deny"))
    fixed = runner.invoke(cli, ["build", str(folder), "-o", str(out)])
    assert fixed.exit_code == 0 and "1 added, 0 updated, 0 removed, 1 unchanged" in fixed.stderr


def test_duplicate_article_id_is_refused(tmp_path, make_article):
    make_article("same", folder=tmp_path / "x")
    make_article("same", folder=tmp_path / "y")
    with pytest.raises(ClaimgraphError, match="duplicate article id 'same'"):
        build_graph([tmp_path / "x", tmp_path / "y"], tmp_path / "g.trig", store=tmp_path / "store")


def test_corrupted_store_gives_a_clear_error(runner, tmp_path):
    build_graph([SEEDS], None, store=tmp_path / "store")
    for name in os.listdir(tmp_path / "store"):
        if name.startswith("MANIFEST") or name == "CURRENT":
            (tmp_path / "store" / name).write_bytes(b"\x00garbage\x00" * 10)
    for args in (["query", "contested"], ["contested"], ["serve"]):
        result = runner.invoke(cli, args + ["--store", str(tmp_path / "store")])
        assert result.exit_code == 1, result.output
        assert "damaged" in result.output and "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1
    result = runner.invoke(cli, ["build", str(SEEDS), "--store", str(tmp_path / "store"), "-o", str(tmp_path / "g")])
    assert result.exit_code == 1 and "damaged" in result.output


def test_not_a_store_and_missing_store(runner, tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("x")
    result = runner.invoke(cli, ["contested", "--store", str(tmp_path / "notes")])
    assert result.exit_code == 1 and "not an Oxigraph store" in result.output
    result = runner.invoke(cli, ["build", str(SEEDS), "--store", str(tmp_path / "notes"), "-o", str(tmp_path / "g")])
    assert result.exit_code == 1 and "not an Oxigraph store" in result.output
    result = runner.invoke(cli, ["contested", "--store", str(tmp_path / "nowhere")])
    assert result.exit_code == 1 and "store not found" in result.output


def test_locked_store_gives_a_clear_error(runner, tmp_path):
    store = tmp_path / "store"
    build_graph([SEEDS], None, store=store)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time, pyoxigraph
        s = pyoxigraph.Store({str(store)!r})
        print("open", flush=True)
        time.sleep(60)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        result = runner.invoke(cli, ["contested", "--store", str(store)])
        assert result.exit_code == 1 and "being written by another process" in result.output
        result = runner.invoke(cli, ["build", str(SEEDS), "--store", str(store), "-o", str(tmp_path / "g.trig")])
        assert result.exit_code == 1 and "locked by another process" in result.output
        assert "Traceback" not in result.output
    finally:
        holder.kill()
        holder.wait()
    assert runner.invoke(cli, ["contested", "--store", str(store)]).exit_code == 0


@pytest.mark.slow
def test_killing_a_build_midway_loses_nothing_already_built(tmp_path):
    corpus = synth(tmp_path / "corpus", 150, seed=3)
    store = tmp_path / "store"
    script = textwrap.dedent(f"""
        from claimgraph.build import build_graph
        def progress(done, total):
            print(done, flush=True)
        build_graph([{str(corpus)!r}], None, validate=False, store={str(store)!r}, progress=progress,
                    batch_articles=5)
        """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        for line in proc.stdout:
            if int(line) >= 60:
                break
        time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL

    # Every article the store records is complete: its graph equals the same article built alone.
    reference = tmp_path / "reference.trig"
    build_graph([corpus], reference, validate=False)
    full = open_graph(reference)
    partial = open_store(store, unfinished_ok=True)
    recorded = {q.subject.value for q in partial.quads_for_pattern(None, None, None, ox.NamedNode(BUILD_GRAPH))
                if q.subject.value.startswith("urn:claimgraph:source:")}
    assert 40 <= len(recorded) < 150, "the kill landed midway"
    article_ids = sorted(g.value.rsplit("/", 1)[1] for g in partial.named_graphs()
                         if "/id/graph/art-" in g.value)
    assert len(article_ids) == len(recorded), "no graph without its record, no record without its graph"
    for article_id in article_ids:
        assert graph_triples(partial, article_id) == graph_triples(full, article_id)
    del partial

    # Building again carries on from there and ends where a full build ends.
    out = tmp_path / "g.trig"
    result = build_graph([corpus], out, validate=False, store=store)
    assert result.unchanged == len(recorded) and result.added == 150 - len(recorded)
    assert out.read_bytes() == reference.read_bytes()


def test_build_graph_without_store_is_unchanged(tmp_path):
    result = build_graph([SEEDS], tmp_path / "g.trig")
    assert result.store is None and result.articles == ["pak-afg-ceasefire"]
    assert (tmp_path / "g.trig").read_bytes() == (ROOT / "graph" / "claims.trig").read_bytes()


def test_store_error_is_a_claimgraph_error():
    assert issubclass(StoreError, ClaimgraphError)


def test_union_view_has_set_semantics_and_follows_incremental_builds(tmp_path, make_article):
    """Queries see each triple once however many articles state it, and only while one does."""
    from claimgraph.store import open_store, rows, run_query

    folder = tmp_path / "articles"
    make_article("first", folder=folder)
    second = make_article("second", folder=folder)
    store_dir = tmp_path / "store"
    labels = "SELECT ?l WHERE { <https://w3id.org/claimgraph/id/actor/alphaland> " \
             "<http://www.w3.org/2000/01/rdf-schema#label> ?l }"

    def found():
        store = open_store(store_dir)
        try:
            return [r["l"] for r in rows(run_query(store, labels))[1]]
        finally:
            del store

    build_graph([folder], None, store=store_dir)
    assert found() == ["Alphaland"]  # two articles describe the actor, the view holds it once
    second.unlink()
    build_graph([folder], None, store=store_dir)
    assert found() == ["Alphaland"]  # still described by the first article
    (folder / "first.yaml").write_text((folder / "first.yaml").read_text().replace("label: Alphaland",
                                                                                  "label: Alpha Republic"))
    build_graph([folder], None, store=store_dir)
    assert found() == ["Alpha Republic"]  # the old label left the view with the old version


def _article_triples(path: Path) -> list:
    from claimgraph.build import _Triples, load_source
    from claimgraph.rdf import article_graph, article_metadata

    annotation = load_source(path)
    content, description = _Triples(), _Triples()
    article_graph(content, annotation)
    article_metadata(description, annotation, "0" * 64)
    return content + description


def _nquads(triples) -> bytes:
    from claimgraph.build import _Terms

    terms = _Terms()
    return ox.serialize(terms.quads(triples, ox.DefaultGraph()), format=ox.RdfFormat.N_QUADS)


def test_article_nquads_text_parses_to_the_converted_terms():
    """Workers write an article's N-Quads as text from the rdflib terms; Oxigraph reads that text
    back as exactly the terms the pyoxigraph conversion gives, escapes and datatypes included."""
    from rdflib import XSD, Literal, URIRef

    from claimgraph.build import _Terms

    terms = _Terms()
    subject, predicate = URIRef("https://example.org/s"), URIRef("https://example.org/p")
    objects = [Literal('quote " backslash \\ newline \n return \r tab \t line sep \u2028 end'),
               Literal("x", lang="en-gb"), Literal("5", datatype=XSD.nonNegativeInteger),
               Literal("x", datatype=XSD.string), Literal("2025-01-02", datatype=XSD.date), URIRef("https://example.org/o")]
    for obj in objects:
        line = " ".join(terms.text(t) for t in (subject, predicate, obj)) + " .\n"
        (quad,) = ox.parse(line.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        assert (quad.subject, quad.predicate, quad.object) == tuple(terms.term(t) for t in (subject, predicate, obj))


def test_fast_shacl_check_agrees_with_pyshacl(make_article):
    """The build checks each article with pyshacl-turbo; `claimgraph validate` uses pySHACL.
    On a good article and on each kind of broken one, both engines give the same verdict."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF, RDFS, XSD

    from claimgraph.rdf import CG
    from claimgraph.shacl import check_article, load_shapes, validate_graph

    shapes = load_shapes()
    good = _article_triples(make_article("one"))
    claim = URIRef("https://w3id.org/claimgraph/id/claim/betaland-shelled-town")
    statement = next(s for s, p, o in good if p == CG.claim)
    position = next(s for s, p, o in good if str(s).endswith("/evidence/target/position"))
    variants = {
        "good": good,
        "claim without a label": [t for t in good if not (t[0] == claim and t[1] == RDFS.label)],
        "claim with two labels": good + [(claim, RDFS.label, Literal("a second label"))],
        "statement without a claim": [t for t in good if not (t[0] == statement and t[1] == CG.claim)],
        "claim of the wrong class": [t for t in good if not (t[0] == statement and t[1] == CG.claim)]
                                    + [(statement, CG.claim, position)],
        "offset as a string": [(s, p, Literal(str(o)) if (s == position and p.endswith("#end")) else o)
                               for s, p, o in good],
        "unknown relation": good + [(claim, CG.relation, CG.Accusation)],
        "negative offset": [(s, p, Literal(-1, datatype=XSD.integer) if (s == position and p.endswith("#end"))
                             else o) for s, p, o in good],
        "statement without a type": [t for t in good if not (t[0] == statement and t[1] == RDF.type)],
    }
    verdicts = {name: (check_article(_nquads(triples))[0], validate_graph(triples, shapes)[0])
                for name, triples in variants.items()}
    assert verdicts["good"] == (True, True)
    for name, (fast, reference) in verdicts.items():
        assert fast == reference, name
    assert sum(not fast for fast, _ in verdicts.values()) >= 6, verdicts


def test_parallel_build_equals_the_in_process_build(tmp_path, monkeypatch):
    """Worker processes change nothing in what is stored: the same TriG as one process."""
    import claimgraph.build as build

    corpus = synth(tmp_path / "corpus", 30, seed=5)
    monkeypatch.setattr(build, "PARALLEL_MIN_ARTICLES", 10)
    started = []
    real = build._start_workers
    monkeypatch.setattr(build, "_start_workers", lambda jobs, n: started.append(jobs) or real(jobs, n))
    one, two = tmp_path / "one.trig", tmp_path / "two.trig"
    build_graph([corpus], one, store=tmp_path / "store-1", jobs=1)
    result = build_graph([corpus], two, store=tmp_path / "store-2", jobs=2, batch_articles=7)
    assert started == [1, 2] and result.added == 30
    assert one.read_bytes() == two.read_bytes()


def test_parallel_build_stops_at_the_first_bad_article_and_keeps_the_ones_before(tmp_path, monkeypatch):
    import claimgraph.build as build

    corpus = synth(tmp_path / "corpus", 30, seed=5)
    bad = sorted(corpus.glob("*.yaml"))[17]
    bad.write_text(bad.read_text().replace("claims:", "claims: 12\nunused:", 1))
    monkeypatch.setattr(build, "PARALLEL_MIN_ARTICLES", 10)
    with pytest.raises(AnnotationError) as failure:
        build_graph([corpus], None, store=tmp_path / "store", jobs=2, batch_articles=4)
    assert str(bad) in str(failure.value)
    store = open_store(tmp_path / "store", unfinished_ok=True)
    stored = {g.value.rsplit("/", 1)[1] for g in store.named_graphs() if "/id/graph/art-" in g.value}
    before = {p.stem for p in sorted(corpus.glob("*.yaml"))[:17]}
    assert stored == before


def test_shacl_failure_in_a_batch_names_the_file_and_keeps_the_articles_before(tmp_path, make_article, monkeypatch):
    from rdflib.namespace import RDFS

    import claimgraph.build as build

    folder = tmp_path / "articles"
    paths = [make_article(name, folder=folder) for name in ("a-one", "b-two", "c-bad", "d-four")]
    real = build.article_graph

    def broken(graph, annotation):  # drop the claim's label in c-bad only: loads fine, fails the shapes
        real(graph, annotation)
        if annotation.article.id == "c-bad":
            graph[:] = [t for t in graph if not (t[1] == RDFS.label and "/claim/" in str(t[0]))]

    monkeypatch.setattr(build, "article_graph", broken)
    store_dir = tmp_path / "store"
    with pytest.raises(ValidationError) as failure:
        build_graph([folder], None, validate=True, store=store_dir)
    assert str(paths[2]) in str(failure.value) and "does not conform" in str(failure.value)
    store = open_store(store_dir, unfinished_ok=True)
    assert graph_triples(store, "a-one") and graph_triples(store, "b-two")
    assert not graph_triples(store, "c-bad") and not graph_triples(store, "d-four")


def _bag(results: dict) -> list:
    """Rows as sorted lists, in any order; GROUP_CONCAT lists (names joined by ", ") in any order."""
    lists = {"claimants", "mediators", "parties"}
    return sorted(sorted((k, ", ".join(sorted(v["value"].split(", "))) if k in lists else v["value"])
                         for k, v in b.items()) for b in results["results"]["bindings"])


def test_rewritten_contested_and_anonymous_only_answer_as_before(tmp_path):
    """contested.rq and anonymous-only.rq were rewritten for speed (the page's items first, from
    the build's summaries or by hashed joins, instead of FILTER [NOT] EXISTS); on a synthetic
    corpus with many contested claims, all their pages give exactly the rows of the plain
    shapes they replaced, and contested.rq's disputes come in the order of the disputes list."""
    from claimgraph.query import canned_queries, contested_claims, contested_summary, paged

    corpus = synth(tmp_path / "corpus", 20, seed=3)
    build_graph([corpus], None, validate=False, store=tmp_path / "store")
    store = open_store(tmp_path / "store")
    queries = canned_queries()
    prefixes = queries["contested"].sparql[:queries["contested"].sparql.index("SELECT")]
    # the old shape, over the corpus conclusions the build now writes (cg:countsToward, cg:countsFor)
    old_contested = prefixes + """
SELECT DISTINCT ?claim ?claimLabel ?side ?actor ?actorLabel ?stance ?statement ?sentence ?article ?source ?date ?published ?url ?method ?confidence
WHERE {
  {
    ?statement cg:countsToward ?claim ; a ?cls .
    VALUES (?cls ?side) { (cg:Assertion "supporter") (cg:Accusation "supporter") (cg:Denial "disputer") }
  } UNION {
    ?statement cg:countsToward ?other ; a ?cls .
    VALUES ?cls { cg:Assertion cg:Accusation }
    ?other cg:contradicts ?claim .
    BIND("disputer" AS ?side)
  }
  ?statement cg:countsFor ?actor ;
             cg:evidence/oa:hasTarget/oa:hasSelector ?quote ;
             dcterms:source ?article ;
             dcterms:date ?date .
  ?quote a oa:TextQuoteSelector ; oa:exact ?sentence .
  ?cls rdfs:label ?stance .
  ?claim rdfs:label ?claimLabel .
  ?actor rdfs:label ?actorLabel .
  OPTIONAL { ?article schema:headline ?source }
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?article schema:url ?url }
  OPTIONAL { ?statement cg:method/rdfs:label ?method }
  OPTIONAL { ?statement cg:confidence ?confidence }
  FILTER EXISTS {
    ?s1 cg:countsToward ?claim ; a ?c1 ; cg:countsFor ?a1 .
    VALUES ?c1 { cg:Assertion cg:Accusation }
    {
      ?s2 cg:countsToward ?claim ; a cg:Denial ; cg:countsFor ?a2 .
    } UNION {
      ?s2 cg:countsToward ?o2 ; a ?c2 ; cg:countsFor ?a2 .
      VALUES ?c2 { cg:Assertion cg:Accusation }
      ?o2 cg:contradicts ?claim .
    }
    FILTER (?a1 != ?a2)
  }
}
ORDER BY ?claimLabel DESC(?side) ?actorLabel ?statement"""
    old_anonymous = prefixes + """
SELECT DISTINCT ?claimLabel ?sentence ?date ?source
WHERE {
  ?statement a cg:Report ;
             cg:countsToward ?group ;
             cg:claim/rdfs:label ?claimLabel ;
             cg:evidence/oa:hasTarget/oa:hasSelector/oa:exact ?sentence ;
             dcterms:date ?date ;
             dcterms:source ?article .
  FILTER NOT EXISTS { ?named cg:countsToward ?group ; cg:speaker ?someone }
  OPTIONAL { ?article schema:headline ?source }
}"""
    new = run_query(store, paged(queries["contested"].sparql, None))
    assert len(new["results"]["bindings"]) > 20
    assert _bag(new) == _bag(run_query(store, old_contested))
    order = [c["claim_iri"] for c in contested_summary(store)]
    for sort in ("contested", "latest", "claim"):  # a page is the slice of the whole list, ties and all
        whole = contested_summary(store, sort)
        for offset, limit in ((0, 1), (0, 3), (2, 5), (len(whole) - 1, 4), (len(whole), 2)):
            assert contested_summary(store, sort, limit, offset) == whole[offset:offset + limit], (sort, offset)
    full = contested_claims(store)  # the evidence too, a page at a time
    assert [c["claim_iri"] for c in full] == order
    assert contested_claims(store, limit=3, offset=2) == full[2:5]
    assert contested_claims(store, since=date(1900, 1, 1)) == full  # a window over everything: the same answer
    assert list(dict.fromkeys(b["claim"]["value"] for b in new["results"]["bindings"])) == order
    anonymous = run_query(store, paged(queries["anonymous-only"].sparql, None))
    assert anonymous["results"]["bindings"] and _bag(anonymous) == _bag(run_query(store, old_anonymous))
    for name, query in queries.items():  # the pages of each paged query make up its whole answer
        if query.page_size:
            whole = run_query(store, paged(query.sparql, None))
            pages = [run_query(store, paged(query.sparql, 7, offset)) for offset in range(0, 400, 7)]
            assert _bag(whole) == sorted(r for p in pages for r in _bag(p)), name


def test_a_store_whose_last_build_failed_answers_with_a_warning(runner, tmp_path, make_article):
    """A complete store stays readable after a later build fails midway, and every reader says so."""
    folder = tmp_path / "articles"
    make_article("a-good", folder=folder)
    store = tmp_path / "store"
    assert runner.invoke(cli, ["build", str(folder), "--store", str(store), "--no-export"]).exit_code == 0
    assert runner.invoke(cli, ["contested", "--store", str(store)]).stderr == ""
    make_article("b-bad", folder=folder, replace=("stance: deny", "stance: scold"))
    assert runner.invoke(cli, ["build", str(folder), "--store", str(store), "--no-export"]).exit_code == 1
    answer = runner.invoke(cli, ["contested", "--store", str(store)])
    assert answer.exit_code == 0 and "Betaland" in answer.stdout
    assert answer.stderr == ("warning: the store's last build did not finish: some articles may be missing or out "
                             "of date (run `claimgraph build`)\n")
    assert runner.invoke(cli, ["-q", "contested", "--store", str(store)]).stderr == ""


def test_a_damaged_store_says_so_and_how_to_rebuild(runner, tmp_path):
    """Bit flips in the store's data files: every command that reads it gives one line naming the
    store and the way out, never "locked" (which a message match on "lock" in "block" used to say)."""
    store = tmp_path / "store"
    build_graph([SEEDS], None, store=store)
    damaged = 0
    for sst in sorted(store.glob("*.sst")):
        if sst.stat().st_size > 10_000:
            data = bytearray(sst.read_bytes())
            for i in range(100, min(len(data), 4000), 97):
                data[i] ^= 0xFF
            sst.write_bytes(bytes(data))
            damaged += 1
    assert damaged
    for args in (["export", "--store", store, "--format", "nq"], ["contested", "--store", store],
                 ["build", SEEDS, "--store", store, "--no-export"]):
        result = runner.invoke(cli, [str(a) for a in args])
        assert result.exit_code == 1, result.output
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in result.output
        assert lines[0].startswith(f"Error: {store}: the store is damaged (Corruption: ")
        assert lines[0].endswith(f"rebuild it: delete the folder and run `claimgraph build --store {store}`")
        assert "locked" not in lines[0]


def test_a_build_of_other_inputs_keeps_the_corpus_and_the_committed_graph(runner, tmp_path, make_article):
    """`claimgraph build drafts/` neither drops the seeds' articles from the default store nor
    overwrites graph/claims.trig; the seeds' build keeps the drafts; --prune removes them."""
    import shutil

    work = tmp_path / "work"
    shutil.copytree(SEEDS, work / "seeds")
    make_article("draft-one", folder=work / "drafts")
    os.chdir(work)
    try:
        assert runner.invoke(cli, ["build"]).exit_code == 0
        committed = (work / "graph" / "claims.trig").read_bytes()
        drafts = runner.invoke(cli, ["build", "drafts"])
        assert drafts.exit_code == 0, drafts.output
        assert "graph/claims.trig not written: it is the graph of seeds/ only" in drafts.stderr
        assert (work / "graph" / "claims.trig").read_bytes() == committed
        seeds = runner.invoke(cli, ["build"])
        assert "0 removed, 1 unchanged; 1 kept from other inputs (--prune removes them)" in seeds.stderr
        assert (work / "graph" / "claims.trig").read_bytes() == committed  # the seeds' graph only
        both = runner.invoke(cli, ["-q", "contested", "--format", "json"])
        assert {c["claim"] for c in json.loads(both.stdout)} >= {"Betaland shelled the border town"}
        (work / "drafts" / "draft-one.yaml").unlink()
        removed = runner.invoke(cli, ["build", "drafts"])
        assert "1 removed" in removed.stderr  # gone from the folder this build reads, so gone from the store
        make_article("draft-two", folder=work / "drafts")
        runner.invoke(cli, ["build", "drafts"])
        pruned = runner.invoke(cli, ["build", "--prune"])
        assert "1 removed, 1 unchanged in" in pruned.stderr
    finally:
        os.chdir(ROOT)


def test_compaction_reclaims_the_space_of_replaced_articles(tmp_path):
    corpus = synth(tmp_path / "corpus", 40, seed=4)

    def size():
        return sum(f.stat().st_size for f in (tmp_path / "store").rglob("*") if f.is_file())

    build_graph([corpus], None, validate=False, store=tmp_path / "store", compact=False)
    for path in sorted(corpus.glob("*.yaml")):
        path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    result = build_graph([corpus], None, validate=False, store=tmp_path / "store", compact=False)
    assert result.updated == 40 and not result.compacted
    grown = size()
    before = contested_claims(open_store(tmp_path / "store"))
    result = build_graph([corpus], None, validate=False, store=tmp_path / "store", compact=True)
    assert result.compacted and result.unchanged == 40
    assert size() < grown
    assert contested_claims(open_store(tmp_path / "store")) == before


def test_one_dispute_a_page_at_a_time(tmp_path):
    """`contested CLAIM` reads a page of a dispute's statements: the pages together are its
    whole evidence, each page takes the two sides in turn (newest first), the kept summary
    gives the same dispute as a window over everything, and a claim named by its full IRI
    is looked up alone."""
    from claimgraph.query import contested_claims, dispute

    corpus = synth(tmp_path / "corpus", 20, seed=3)
    build_graph([corpus], None, validate=False, store=tmp_path / "store")
    store = open_store(tmp_path / "store")
    every = contested_claims(store)
    for claim in every:  # each dispute's statements, read from the sides the build keeps, are the list's
        assert dispute(store, claim["claim_iri"])["evidence"] == claim["evidence"]
    largest = max(every, key=lambda c: len(c["evidence"]))
    iri, evidence = largest["claim_iri"], largest["evidence"]
    assert len(evidence) > 8 and {e["side"] for e in evidence} == {"supporter", "disputer"}
    whole = dispute(store, iri)
    assert whole["evidence"] == evidence and whole["statements"] == len(evidence)
    assert {k: v for k, v in whole.items() if k not in ("evidence", "statements")} == \
        {k: v for k, v in largest.items() if k != "evidence"}
    assert dispute(store, iri, since=date(1900, 1, 1)) == whole  # the window path agrees with the summary
    key = lambda e: (e["sentence"], e["actor"], e["date"], e["article"]["id"])  # noqa: E731
    pages = [dispute(store, iri, limit=4, offset=k)["evidence"] for k in range(0, len(evidence), 4)]
    assert sorted(key(e) for page in pages for e in page) == sorted(key(e) for e in evidence)
    first = pages[0]
    assert {e["side"] for e in first} == {"supporter", "disputer"}  # both sides on the first page
    newest = max(e["date"] for e in evidence if e["side"] == "disputer")
    assert any(e["side"] == "disputer" and e["date"] == newest for e in first)
    assert dispute(store, iri.rsplit("/", 1)[-1], limit=4) == dispute(store, iri, limit=4)  # the IRI's end names it
    label = largest["claim"]
    assert dispute(store, label, limit=4) == dispute(store, iri, limit=4)  # its label, looked up in the index
    assert dispute(store, f"  {label.upper()} ", limit=4) == dispute(store, iri, limit=4)  # in any case
    with pytest.raises(QueryError):
        dispute(store, iri + "-no-such-claim")
    with pytest.raises(QueryError):
        dispute(store, label + " and more")
    del store  # as linked before the build kept the statements' sides: read from their classes, the same
    older = open_store(tmp_path / "store", write=True)
    older.update("PREFIX cg: <https://w3id.org/claimgraph/ns#> "
                 "DELETE WHERE { ?s cg:supportsClaim ?c } ; DELETE WHERE { ?s cg:deniesClaim ?c }")
    assert dispute(older, iri) == whole and dispute(older, iri, limit=4) == {**whole, "evidence": pages[0]}



def _older(trig: str) -> str:
    """A graph file as a claimgraph of an earlier linking version wrote it: its links graph says no version."""
    from claimgraph.linking import LINKS_VERSION

    mark = f'graph:_links schema:version "{LINKS_VERSION}" .'
    assert mark in trig
    return trig.replace(mark, "")


RUMOUR_YAML = """\
article:
  id: {article_id}
  text: {text_name}
  title: "Reports of shelling"
  date: 2025-01-03
actors:
  - id: betaland
    label: Betaland
    type: state
claims:
  - id: CLAIM
    label: "LABEL"
    subject: betaland
    relation: attacks
    object: the border town
statements:
  - id: s1
    stance: report
    claim: CLAIM
    about: [betaland]
    sentence: "Reports said that LABEL."
"""


def test_anonymously_sourced_claims_the_build_keeps_follow_every_change(tmp_path, make_article):
    """anonymous-only reads the claims the build marks cg:AnonymouslySourcedClaim. After a
    full build, an added article (the incremental path) and a removed one, they are the
    claims that reports with no named speaker put forward and no named speaker does, as the
    plain shape over the statements finds them; a graph file written without the marks gets
    them when it is loaded."""
    from claimgraph.query import canned_queries, paged

    folder = tmp_path / "articles"

    def rumour(name, claim, label):
        make_article(name, text=f"Reports said that {label}.\n", folder=folder,
                     yaml_text=RUMOUR_YAML.replace("CLAIM", claim).replace("LABEL", label))

    query = canned_queries()["anonymous-only"].sparql
    plain = query[:query.index("SELECT")] + """
SELECT DISTINCT ?date ?claimLabel ?sentence ?source WHERE {
  ?statement a cg:Report ; cg:countsToward ?group ; cg:claim/rdfs:label ?claimLabel ;
             cg:evidence/oa:hasTarget/oa:hasSelector/oa:exact ?sentence ; dcterms:date ?date ; dcterms:source ?article .
  FILTER NOT EXISTS { ?named cg:countsToward ?group ; cg:speaker ?someone }
  OPTIONAL { ?article schema:headline ?source }
}"""

    def anonymous() -> set[str]:
        build_graph([folder], None, validate=False, store=tmp_path / "store")
        store = open_store(tmp_path / "store")
        kept = run_query(store, paged(query, None))
        assert _bag(kept) == _bag(run_query(store, plain))
        return {b["claimLabel"]["value"] for b in kept["results"]["bindings"]}

    rumour("rumour", "betaland-shelled-town", "Betaland shelled the border town")
    assert anonymous() == {"Betaland shelled the border town"}
    rumour("other-rumour", "betaland-mined-road", "Betaland mined the road")
    assert anonymous() == {"Betaland shelled the border town", "Betaland mined the road"}
    named = make_article("named", folder=folder)  # Alphaland accuses, Betaland denies: named speakers
    assert anonymous() == {"Betaland mined the road"}
    named.unlink()
    (folder / "named.txt").unlink()
    assert anonymous() == {"Betaland shelled the border town", "Betaland mined the road"}
    graph = tmp_path / "claims.trig"
    export_trig(open_store(tmp_path / "store"), graph)
    text = graph.read_text()
    unmarked = tmp_path / "unmarked.trig"
    unmarked.write_text(_older(text).replace(" a cg:AnonymouslySourcedClaim .", " a cg:Claim ."))
    assert unmarked.read_text() != text
    assert _bag(run_query(open_graph(unmarked), paged(query, None))) == _bag(run_query(open_graph(graph),
                                                                                         paged(query, None)))


def test_a_graph_concluded_before_the_sides_were_kept_gets_them_on_loading(tmp_path, make_article):
    """A graph file whose statements lack cg:supportsClaim and cg:deniesClaim (written by a
    claimgraph from before them) is concluded again when loaded, so contested answers alike."""
    from claimgraph.query import canned_queries, paged

    folder = tmp_path / "articles"
    make_article("one", folder=folder)
    make_article("two", folder=folder, replace=("date: 2025-01-02", "date: 2025-01-05"))
    graph = tmp_path / "claims.trig"
    build_graph([folder], graph)
    text = graph.read_text()
    old = tmp_path / "old.trig"
    old.write_text(_older(text).replace("cg:supportsClaim ", "cg:countsToward ").replace("cg:deniesClaim ", "cg:countsToward "))
    assert "cg:supportsClaim" in text and "cg:deniesClaim" in text and "cg:supportsClaim" not in old.read_text()
    query = paged(canned_queries()["contested"].sparql, None)
    answer = run_query(open_graph(graph), query)
    assert len(answer["results"]["bindings"]) == 4 and _bag(run_query(open_graph(old), query)) == _bag(answer)
