"""Outputs other tools read: every export validates again, GraphML loads in igraph, JSON-LD
frames by type, and the ontology's superclasses answer without a reasoner."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli
from claimgraph.store import open_graph, rows, run_query
from claimgraph.vocab import ACTOR_CLASS, CG, OUTCOME_CLASS, RDFS, STANCE_CLASS, SUPERCLASSES

RDF_FORMATS = ["trig", "nq", "nt", "ttl", "jsonld"]


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def seed_store_dir(tmp_path_factory):
    from claimgraph.build import build_graph
    from tests.conftest import SEEDS

    folder = tmp_path_factory.mktemp("interop") / "store"
    build_graph([SEEDS], None, store=folder)
    return folder


@pytest.mark.parametrize("fmt", RDF_FORMATS)
@pytest.mark.parametrize("source", ["--graph", "--store"])
def test_every_export_validates(runner, seed_trig, seed_store_dir, tmp_path, fmt, source):
    """Export from a graph file or a store, then `claimgraph validate` the file: it conforms
    (Oxigraph's stores normalise xsd:nonNegativeInteger to xsd:integer; exports put it back)."""
    out = tmp_path / f"export.{fmt}"
    where = seed_trig if source == "--graph" else seed_store_dir
    exported = runner.invoke(cli, ["export", source, str(where), "--format", fmt, "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    checked = runner.invoke(cli, ["validate", "--graph", str(out)])
    assert checked.exit_code == 0, checked.output[-2000:]
    assert "Conforms: False" not in checked.stdout and "Conforms: True" in checked.stdout
    assert "XMLSchema#integer" not in out.read_text(encoding="utf-8")


def test_a_broken_export_fails_validation(runner, seed_trig, tmp_path):
    """The round trip above can fail: an oa:end written as text is refused, with the right message."""
    out = tmp_path / "export.nq"
    assert runner.invoke(cli, ["export", "--graph", str(seed_trig), "--format", "nq", "-o", str(out)]).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "#end> \"" in text
    broken = re.sub(r'(#end> "\d+")\^\^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>', r"\1", text)
    assert broken != text
    out.write_text(broken, encoding="utf-8")
    checked = runner.invoke(cli, ["validate", "--graph", str(out)])
    assert checked.exit_code == 1
    assert "oa:end must be an xsd:nonNegativeInteger" in checked.stdout
    assert "needs exactly one oa:end" not in checked.stdout


def test_validate_refuses_an_empty_graph(runner, tmp_path):
    empty = tmp_path / "empty.nq"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["validate", "--graph", str(empty)])
    assert result.exit_code == 1 and "empty" in result.output


def test_graphml_loads_in_igraph_with_typed_attributes(runner, seed_trig, tmp_path):
    igraph = pytest.importorskip("igraph", reason="python-igraph not installed (pip install igraph)")
    out = tmp_path / "claims.graphml"
    assert runner.invoke(cli, ["export", "--graph", str(seed_trig), "--format", "graphml", "-o", str(out)]).exit_code == 0
    text = out.read_text(encoding="utf-8")
    keys = [line for line in text.splitlines() if "<key " in line]
    names = [(k.split('attr.name="')[1].split('"')[0], k.split('for="')[1].split('"')[0]) for k in keys]
    assert len(names) == len(set(names)), "an attribute is declared twice"
    assert '<data key="d' in text and "></data>" not in text, "a missing value was written as ''"
    graph = igraph.Graph.Read_GraphML(str(out))
    assert graph.vcount() > 10 and graph.ecount() > 10
    assert "Pakistan" in graph.vs["label"]
    assert "Accusation" in graph.es["stance"] and "Denial" in graph.es["stance"]


def test_jsonld_is_compacted_and_frames_by_type(runner, seed_trig, tmp_path):
    from pyld import jsonld

    out = tmp_path / "claims.jsonld"
    assert runner.invoke(cli, ["export", "--graph", str(seed_trig), "--format", "jsonld", "-o", str(out)]).exit_code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"]["cg"] == CG
    assert any("@type" in node for graph in doc["@graph"] for node in graph.get("@graph", [graph]))
    framed = jsonld.frame(doc, {"@context": doc["@context"], "@type": "cg:Denial"})
    denials = framed["@graph"] if "@graph" in framed else [framed]
    assert denials and all("cg:Denial" in (d["@type"] if isinstance(d["@type"], list) else [d["@type"]])
                           for d in denials)
    assert all("cg:claim" in d for d in denials)


def test_superclass_types_answer_without_a_reasoner(seed_store):
    actors = rows(run_query(seed_store, f"SELECT DISTINCT ?a WHERE {{ ?a a <{CG}Actor> }}"))[1]
    statements = rows(run_query(seed_store, f"SELECT DISTINCT ?s WHERE {{ ?s a <{CG}Statement> }}"))[1]
    claims_said = rows(run_query(seed_store, f"SELECT DISTINCT ?s WHERE {{ ?s <{CG}claim> ?c }}"))[1]
    assert len(actors) == 9
    assert len(statements) == len(claims_said) == 21


def test_superclass_table_agrees_with_the_ontology():
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDFS as RDFS_NS

    from claimgraph.vocab import ontology_path

    onto = Graph().parse(ontology_path() / "claims.ttl", format="turtle")
    for cls in [*ACTOR_CLASS.values(), *STANCE_CLASS.values(), *OUTCOME_CLASS.values()]:
        closure = {str(c) for c in onto.transitive_objects(URIRef(cls), RDFS_NS.subClassOf)} - {cls}
        assert set(SUPERCLASSES.get(cls, ())) == {c for c in closure if c.startswith(CG)}, cls
    assert RDFS.endswith("rdf-schema#")


def test_language_tagged_aliases_conform(tmp_path):
    from rdflib import Graph

    from claimgraph.shacl import validate_graph
    from claimgraph.store import dump

    from claimgraph.build import build_graph
    from tests.conftest import SEEDS

    out = tmp_path / "g.trig"
    build_graph([SEEDS], out)
    data = open_graph(out)
    data.update(f'INSERT DATA {{ GRAPH <https://w3id.org/claimgraph/id/graph/pak-afg-ceasefire> {{ '
                f'<https://w3id.org/claimgraph/id/actor/pakistan> '
                f'<http://www.w3.org/2004/02/skos/core#altLabel> "پاکستان"@ur }} }}')
    merged = Graph().parse(data=dump(data, "nt"), format="nt")
    conforms, report = validate_graph(merged)
    assert conforms, report


def test_validate_reads_only_the_listed_formats_and_nothing_remote(runner, tmp_path):
    """No format guessing (RDF/XML entity bombs) and no remote JSON-LD contexts: a loopback
    listener named as the @context must receive nothing."""
    import socket
    import threading

    xml = tmp_path / "bomb.rdf"
    xml.write_text('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><r>&a;</r>', encoding="utf-8")
    refused = runner.invoke(cli, ["validate", "--graph", str(xml)])
    assert refused.exit_code == 1 and "unknown graph format '.rdf'" in refused.output

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(3)
    contacted = []

    def accept():
        try:
            contacted.append(listener.accept())
        except OSError:
            pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    port = listener.getsockname()[1]
    remote = tmp_path / "remote.jsonld"
    remote.write_text(json.dumps({"@context": f"http://127.0.0.1:{port}/context.jsonld",
                                  "@id": "http://example.org/a", "name": "x"}), encoding="utf-8")
    result = runner.invoke(cli, ["validate", "--graph", str(remote)])
    thread.join(timeout=4)
    listener.close()
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert contacted == [], "validate fetched a remote JSON-LD context"
