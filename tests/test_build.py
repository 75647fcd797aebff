"""Building the graph: conformance, determinism, one named graph per article, the headline answers."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

import pytest
from rdflib import RDFS, Dataset, URIRef

from claimgraph.annotation import load_annotation
from claimgraph.build import build_graph
from claimgraph.vocab import DISPUTING_STANCES, SUPPORTING_STANCES
from claimgraph.query import canned_queries, contested_claims
from claimgraph.errors import AnnotationError, ClaimgraphError, ValidationError
from claimgraph.rdf import build_dataset, graph_iri
from claimgraph.shacl import validate_dataset, validate_source
from claimgraph.store import open_graph, rows, run_query
from tests.conftest import MINIMAL_YAML, ROOT, SEED_YAML, SEEDS


def test_seed_graph_parses_with_rdflib_and_conforms(seed_trig):
    ds = Dataset()
    ds.parse(seed_trig, format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert str(graph_iri("pak-afg-ceasefire")) in names
    conforms, report = validate_source(open_graph(seed_trig))
    assert conforms, report


def test_no_blank_nodes(seed_trig):
    assert "_:" not in seed_trig.read_text(encoding="utf-8")


def test_two_builds_are_byte_identical(tmp_path):
    a, b = tmp_path / "a.trig", tmp_path / "b.trig"
    build_graph([SEEDS], a)
    # a separate process has another hash seed: set and dict order must not leak into the output
    subprocess.run([sys.executable, "-c", f"from claimgraph.build import build_graph; "
                    f"build_graph([{str(SEEDS)!r}], {str(b)!r})"], check=True, env={"PYTHONHASHSEED": "123"})
    assert a.read_bytes() == b.read_bytes()


def test_committed_graph_is_fresh(seed_trig):
    committed = ROOT / "graph" / "claims.trig"
    assert committed.exists(), "graph/claims.trig is missing: run `claimgraph build`"
    assert committed.read_bytes() == seed_trig.read_bytes(), \
        "graph/claims.trig is stale: run `claimgraph build` and commit the result"


def _graph_block(trig: str, article_id: str) -> str:
    start = trig.index(f"graph:{article_id} {{")
    return trig[start:trig.index("\n}", start)]


def test_editing_one_article_changes_only_its_named_graph(tmp_path, make_article):
    folder = tmp_path / "articles"
    make_article("first-article")
    second = make_article("second-article")
    before = tmp_path / "before.trig"
    build_graph([folder], before)
    second.write_text(second.read_text().replace("Betaland shelled the border town", "Betaland shelled a town"))
    after = tmp_path / "after.trig"
    build_graph([folder], after)
    b, a = before.read_text(), after.read_text()
    assert _graph_block(b, "first-article") == _graph_block(a, "first-article")
    assert _graph_block(b, "second-article") != _graph_block(a, "second-article")


def test_replacing_an_article_leaves_no_duplicates(tmp_path, make_article):
    path = make_article("only")
    out = tmp_path / "g.trig"
    build_graph([path], out)
    path.write_text(path.read_text().replace("A minimal test article", "A renamed article"))
    build_graph([path], out)
    text = out.read_text()
    assert "A renamed article" in text and "A minimal test article" not in text


def test_invalid_graph_is_refused_and_nothing_written(tmp_path, make_article):
    ds = build_dataset([load_annotation(make_article())])
    g = ds.graph(graph_iri("minimal"))
    claim = URIRef("https://w3id.org/claimgraph/id/claim/betaland-shelled-town")
    g.remove((claim, RDFS.label, None))
    with pytest.raises(ValidationError, match="does not conform"):
        validate_dataset(ds)


def test_failed_build_does_not_overwrite_output(tmp_path, make_article):
    out = tmp_path / "g.trig"
    out.write_text("previous")
    bad = make_article(replace=("stance: deny", "stance: scold"))
    with pytest.raises(AnnotationError, match="stance"):
        build_graph([bad], out)
    assert out.read_text() == "previous"
    assert [p.name for p in out.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_duplicate_article_id_across_files(tmp_path, make_article):
    a = make_article("same")
    other = tmp_path / "other"
    b = make_article("dup", folder=other, yaml_text=a.read_text().replace("same.txt", "dup.txt"))
    with pytest.raises(ClaimgraphError, match="duplicate article id 'same'"):
        build_graph([a, b], tmp_path / "g.trig")


# --- the headline questions, answered from the graph and checked against the curated seed


def _expected_contested(annotation):
    """Contested claims computed directly from the curated statements (no RDF, no SPARQL)."""
    labels = {a.id: a.label for a in annotation.actors}
    claim_labels = {c.id: c.label for c in annotation.claims}
    sides: dict[str, tuple[set, set]] = {}
    for st in annotation.statements:
        if st.stance in SUPPORTING_STANCES:
            sides.setdefault(st.claim, (set(), set()))[0].add(labels[st.attributed_to])
        elif st.stance in DISPUTING_STANCES:
            sides.setdefault(st.claim, (set(), set()))[1].add(labels[st.attributed_to])
    return {claim_labels[c]: (s, d) for c, (s, d) in sides.items() if s and d and (s | d) != (s & d)}


def test_contested_claims_match_the_curated_seed(seed_store):
    expected = _expected_contested(load_annotation(SEED_YAML))
    found = {c["claim"]: (set(c["supporters"]), set(c["disputers"])) for c in contested_claims(seed_store)}
    assert found == expected
    assert expected, "the seed has at least one contested claim"


def test_harbouring_claim_is_contested_by_pakistan_and_taliban(seed_store):
    ann = load_annotation(SEED_YAML)
    harbour = next(c for c in ann.claims if c.relation == "harbours")
    subject = next(a.label for a in ann.actors if a.id == harbour.subject)
    claim = next(c for c in contested_claims(seed_store) if c["claim"] == harbour.label)
    assert "Pakistan" in claim["supporters"]
    assert subject in claim["disputers"]
    sentences = {e["sentence"] for e in claim["evidence"]}
    assert sentences == {st.sentence.text for st in ann.statements if st.claim == harbour.id}
    assert all(e["source"] == ann.article.title for e in claim["evidence"])


def test_mediations_query_names_the_curated_mediators(seed_store):
    ann = load_annotation(SEED_YAML)
    labels = {a.id: a.label for a in ann.actors}
    _, found = rows(run_query(seed_store, canned_queries()["mediations"].sparql))
    by_label = {r["label"]: r for r in found}
    for med in ann.mediations:
        row = by_label[med.label]
        assert set(filter(None, row["mediators"].split(", "))) == {labels[m] for m in med.mediators}
        assert set(row["parties"].split(", ")) == {labels[p] for p in med.parties}
        assert row["status"] == med.status


def test_every_statement_is_answerable_with_its_evidence(seed_store):
    ann = load_annotation(SEED_YAML)
    _, found = rows(run_query(seed_store, canned_queries()["statements-by-date"].sparql))
    assert len(found) == len(ann.statements)
    assert {r["sentence"] for r in found} == {st.sentence.text for st in ann.statements}


def test_anonymous_only_claims(seed_store):
    ann = load_annotation(SEED_YAML)
    named = {st.claim for st in ann.statements if st.speaker}
    expected = {c.label for c in ann.claims
                if c.id not in named and any(st.claim == c.id for st in ann.statements)}
    _, found = rows(run_query(seed_store, canned_queries()["anonymous-only"].sparql))
    assert {r["claimLabel"] for r in found} == expected


def test_every_ontology_class_has_a_shape_and_every_term_a_label_and_comment():
    from rdflib import OWL, RDF, Graph, Namespace

    from claimgraph.rdf import CG
    from claimgraph.vocab import ontology_path

    SH = Namespace("http://www.w3.org/ns/shacl#")
    onto = Graph().parse(ontology_path() / "claims.ttl")
    shapes = Graph().parse(ontology_path() / "shapes.ttl")
    terms = {s for s in onto.subjects() if isinstance(s, URIRef) and str(s).startswith(str(CG))}
    assert len(terms) > 40
    for term in terms:
        assert onto.value(term, RDFS.label), f"{term} has no rdfs:label"
        assert onto.value(term, RDFS.comment), f"{term} has no rdfs:comment"
    targeted = set(shapes.objects(None, SH.targetClass))
    for cls in onto.subjects(RDF.type, OWL.Class):
        assert cls in targeted, f"no SHACL shape targets {cls}"


@pytest.mark.slow
def test_wheel_ships_ontology_and_queries_and_builds_without_checkout(tmp_path):
    """Installed from a wheel (not the checkout), the package still finds its ontology and queries."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(tmp_path), str(ROOT)], check=True)
    wheel = next(tmp_path.glob("claimgraph-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"claimgraph/ontology/claims.ttl", "claimgraph/ontology/shapes.ttl",
            "claimgraph/queries/contested.rq", "claimgraph/web/page.html", "claimgraph/web/page.css",
            "claimgraph/web/page.js"} <= names
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
                   check=True)
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(SEEDS, elsewhere / "seeds")
    script = ("import claimgraph, sys; from claimgraph.build import build_graph; "
              "from claimgraph.vocab import ontology_path; "
              "print(claimgraph.__file__); print(ontology_path()); "
              "build_graph(['seeds'], 'out.trig'); "
              "from claimgraph.render import _web_assets; print(claimgraph.render.__file__, len(_web_assets()))")
    out = subprocess.run([sys.executable, "-c", script], cwd=elsewhere, check=True, capture_output=True, text=True,
                         env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}).stdout.splitlines()
    assert out[0].startswith(str(site)) and out[1].startswith(str(site)) and out[2].startswith(str(site))
    assert (elsewhere / "out.trig").read_bytes() == (ROOT / "graph" / "claims.trig").read_bytes()


def test_equal_wording_in_unrelated_articles_is_no_merge(tmp_path, make_article):
    """Two articles whose extracted claims are worded alike (the same slug id) keep two claims:
    identity never rests on wording. Whether they are one proposition is the claim linking's
    to say, as a link with its reason (tests/test_linking.py; there, the same words about
    other actors make no link at all). A claim a person curated keeps its corpus-wide id, so
    curators can still join articles on purpose."""
    extracted = MINIMAL_YAML.replace("    span: \"Betaland of shelling the border town\"\n",
                                     "    span: \"Betaland of shelling the border town\"\n    method: extracted\n"
                                     "    confidence: 0.7\n")
    one = make_article("one", folder=tmp_path / "a", yaml_text=extracted.replace(
        "  - id: s2\n    stance: deny\n    speaker: betaland\n    claim: betaland-shelled-town\n"
        "    about: [alphaland]\n    sentence: \"Betaland denied the accusation.\"\n", ""))
    two = make_article("two", folder=tmp_path / "b", yaml_text=extracted.replace(
        "  - id: s1\n    stance: accuse\n    speaker: alphaland\n    claim: betaland-shelled-town\n"
        "    about: [betaland]\n    sentence: \"Alphaland accused Betaland of shelling the border town.\"\n"
        "    span: \"Betaland of shelling the border town\"\n    method: extracted\n    confidence: 0.7\n", "")
        .replace("    sentence: \"Betaland denied the accusation.\"\n",
                 "    sentence: \"Betaland denied the accusation.\"\n    method: extracted\n    confidence: 0.6\n"))
    out = tmp_path / "g.trig"
    build_graph([one, two], out)
    store = open_graph(out)
    claims = rows(run_query(store, "SELECT DISTINCT ?c WHERE { ?s <https://w3id.org/claimgraph/ns#claim> ?c }"))[1]
    assert sorted(c["c"] for c in claims) == [
        "https://w3id.org/claimgraph/id/one/claim/betaland-shelled-town",
        "https://w3id.org/claimgraph/id/two/claim/betaland-shelled-town"]
    [dispute] = contested_claims(store)  # joined by a link, whose reason is more than the words
    reasons = rows(run_query(store, "SELECT ?r WHERE { ?l <https://w3id.org/claimgraph/ns#reason> ?r }"))[1]
    assert "a side's claim against the other's denial" in reasons[0]["r"]
    curated = make_article("three", folder=tmp_path / "c")  # the same words, curated: the shared id
    build_graph([one, curated], out)
    claims = rows(run_query(open_graph(out), "SELECT DISTINCT ?c WHERE { ?s <https://w3id.org/claimgraph/ns#claim> ?c }"))[1]
    assert "https://w3id.org/claimgraph/id/claim/betaland-shelled-town" in {c["c"] for c in claims}


def test_well_known_actors_get_their_wikidata_match(tmp_path, make_article):
    """A state named like one in data/wikidata.yaml gets skos:exactMatch to its item; a name of
    another type does not (an organisation called Georgia is not the state)."""
    path = make_article(yaml_text=MINIMAL_YAML.replace("    label: Betaland\n    type: state\n",
                                                       "    label: Betaland\n    type: state\n    aliases: [Qatar]\n")
                        .replace("    label: Alphaland\n    type: state\n    aliases: [Alpha City]\n",
                                 "    label: Alphaland\n    type: organisation\n    aliases: [Alpha City, Georgia]\n"))
    out = tmp_path / "g.trig"
    build_graph([path], out)
    found = rows(run_query(open_graph(out), "SELECT ?a ?w WHERE { ?a <http://www.w3.org/2004/02/skos/core#exactMatch> ?w }"))[1]
    assert found == [{"a": "https://w3id.org/claimgraph/id/actor/betaland", "w": "http://www.wikidata.org/entity/Q846"}]


def test_actors_described_differently_across_articles_are_warned_about(tmp_path, make_article, monkeypatch):
    one = make_article("one", folder=tmp_path / "a")
    two = make_article("two", folder=tmp_path / "b", yaml_text=MINIMAL_YAML.replace("label: Alphaland", "label: Alpha Republic")
                       .replace("    label: Betaland\n    type: state", "    label: Betaland\n    type: armed-group"))
    for store, screen_all in ((None, False), (tmp_path / "store", False), (tmp_path / "store2", True)):
        # screen_all: as a build of many changed articles does, every actor of the corpus is screened
        monkeypatch.setattr("claimgraph.build._ACTOR_CHECK_VALUES", -1 if screen_all else 500)
        result = build_graph([one, two], tmp_path / "g.trig", store=store)
        assert [w.split(":")[0] for w in result.warnings] == ["actor alphaland has 2 labels across articles",
                                                              "actor betaland has 2 types across articles"]
        assert "'Alpha Republic' in " in result.warnings[0] and str(two) in result.warnings[0]
    assert build_graph([one], tmp_path / "h.trig").warnings == []
