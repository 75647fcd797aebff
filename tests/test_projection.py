"""The projection's fast queries give what the single queries they replaced gave.

The statements' edges were one SPARQL query (every pattern joined, ordered by IRI), and
each statement's targets another; Oxigraph planned them as a lookup per statement and
pattern (25 s at 56k statements). They are now several queries joined in Python
(claimgraph/projection.py); these tests run the old queries, kept here verbatim, on the
seed graph and on a copy with awkward additions, and compare.
"""
from __future__ import annotations

import numpy as np
import pyoxigraph as ox
import pytest

from claimgraph.layout import _overlapping_pairs
from claimgraph.projection import _actor_rows, _statements, _Tables, project
from claimgraph.store import open_graph, rows, run_query
from claimgraph.vocab import CG

#: claimgraph/queries/_projection.rq as it was (commit 15267f3): one row per statement, speaker and claim.
ONE_QUERY = """# Internal: every statement as an edge speaker -> claim (its group across articles, cg:countsToward), for the network projection (used by `claimgraph render` and `export --format graphml`).
PREFIX cg: <https://w3id.org/claimgraph/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <https://schema.org/>

SELECT DISTINCT ?kind ?from ?fromLabel ?fromType ?to ?toLabel ?toType ?edge ?stance ?onBehalfOf ?attributedTo ?confidence ?sentence ?span ?date ?method ?article
WHERE {
    # statements: speaker -> claim
    ?edge cg:countsToward ?to ; a ?cls ; dcterms:source ?article ; dcterms:date ?date ;
          cg:method/rdfs:label ?method ;
          cg:evidence/oa:hasTarget/oa:hasSelector/oa:exact ?sentence .
    ?cls rdfs:subClassOf cg:Statement ; rdfs:label ?stance .
    ?to rdfs:label ?toLabel .
    BIND("claim" AS ?toType)
    OPTIONAL { ?edge cg:contentSpan/oa:hasSelector/oa:exact ?span }
    OPTIONAL { ?edge cg:speaker ?actor . ?actor rdfs:label ?actorLabel ; a ?actorCls .
               ?actorCls rdfs:subClassOf cg:Actor . }
    OPTIONAL { ?edge cg:onBehalfOf/rdfs:label ?onBehalfOf }
    OPTIONAL { ?edge cg:countsFor ?attributedTo }
    OPTIONAL { ?edge cg:confidence ?confidence }
    BIND(COALESCE(?actor, cg:UnnamedSource) AS ?from)
    BIND(COALESCE(?actorLabel, "Unnamed sources") AS ?fromLabel)
    BIND(COALESCE(?actorCls, cg:Report) AS ?fromType)
    BIND("statement" AS ?kind)
}
ORDER BY ?edge ?from ?to
"""

#: claimgraph/queries/_targets.rq as it was: every statement's targets, and its claim's subject.
TARGETS = """# Internal: whom each statement is aimed at (cg:target), and each claim's subject actor (used by `claimgraph render`).
# Unordered: the projection sorts each statement's targets itself (ORDER BY over IRIs was 90% of this query's time).
PREFIX cg: <https://w3id.org/claimgraph/ns#>

SELECT DISTINCT ?edge ?target ?via
WHERE {
  { ?edge cg:target ?target . BIND("target" AS ?via) }
  UNION
  { ?edge cg:claim ?claim . ?claim cg:subject ?target . BIND("subject" AS ?via) }
}
"""

COLUMNS = ("kind", "from", "fromLabel", "fromType", "to", "toLabel", "toType", "edge", "stance", "onBehalfOf",
           "attributedTo", "confidence", "sentence", "span", "date", "method", "article")


@pytest.fixture(scope="module")
def awkward_store(seed_trig):
    """The seed graph plus what the old query's joins had to get right: a second speaker without a label
    (ignored), a statement whose only speaker has no label (an unnamed source), a second target, a statement
    without a span and one with two methods."""
    store = open_graph(seed_trig)
    found = [(r["s"].value, r["who"].value, r["claim"].value) for r in store.query(
        f"SELECT ?s ?who ?claim WHERE {{ ?s <{CG}speaker> ?who ; <{CG}countsToward> ?claim ; <{CG}contentSpan> ?span }} "
        f"ORDER BY ?s")]
    assert len(found) >= 3
    actors = sorted({who for _, who, _ in found})
    n = ox.NamedNode
    (first, _, _), (second, _, _), (third, _, _) = found[:3]
    quads = [ox.Quad(n(first), n(CG + "speaker"), n("https://w3id.org/claimgraph/id/actor/nobody")),
             ox.Quad(n(first), n(CG + "target"), n(actors[-1])),
             ox.Quad(n(first), n(CG + "method"), n(CG + "awkward")),
             ox.Quad(n(CG + "awkward"), n("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("awkward"))]
    store.extend(quads)
    store.update(f"DELETE WHERE {{ <{second}> <{CG}speaker> ?who }}")
    store.update(f"INSERT DATA {{ <{second}> <{CG}speaker> <https://w3id.org/claimgraph/id/actor/nobody> }}")
    store.update(f"DELETE WHERE {{ <{third}> <{CG}contentSpan> ?span }}")
    return store


@pytest.fixture(params=["seed", "awkward"])
def store(request, seed_store, awkward_store):
    return seed_store if request.param == "seed" else awkward_store


def test_statement_rows_equal_the_one_query_form(store):
    old = rows(run_query(store, ONE_QUERY))[1]
    with _Tables(store) as tables:
        new, _ = _statements(tables, _actor_rows(tables))
    assert old, "the seed graph has statements"
    assert sorted(tuple(r[c] for c in COLUMNS) for r in new) == sorted(tuple(r[c] for c in COLUMNS) for r in old)
    order = [(r["edge"], r["from"], r["to"]) for r in new]
    assert order == sorted(order) == [(r["edge"], r["from"], r["to"]) for r in old]  # ORDER BY ?edge ?from ?to


def test_statement_targets_equal_the_targets_query(store):
    targets, subjects = {}, {}
    for row in rows(run_query(store, TARGETS))[1]:
        (targets if row["via"] == "target" else subjects).setdefault(row["edge"], set()).add(row["target"])
    graph = project(store)
    statements = [(key, d) for _, _, key, d in graph.edges(keys=True, data=True) if d["kind"] == "statement"]
    for key, d in statements:
        assert d["targets"] == sorted(targets.get(key) or subjects.get(key, ())), key


def test_the_awkward_graph_has_its_awkward_cases(awkward_store):
    old = rows(run_query(awkward_store, ONE_QUERY))[1]
    per_edge: dict[str, set] = {}
    for row in old:
        per_edge.setdefault(row["edge"], set()).add(row["method"])
    assert any(len(methods) > 1 for methods in per_edge.values())
    assert any(r["fromLabel"] == "Unnamed sources" and r["kind"] == "statement" for r in old)
    assert not any(r["from"].endswith("/nobody") for r in old)
    assert any(r["span"] == "" for r in old)
    graph = project(awkward_store)
    assert any(len(d["targets"]) > 1 for _, _, d in graph.edges(data=True) if d["kind"] == "statement")


class Endpoint:
    """A SPARQL endpoint in front of a local store: project() reads it through SPARQL JSON."""

    def __init__(self, store):
        self.store = store

    def sparql_json(self, sparql):
        return run_query(self.store, sparql)


def test_an_endpoint_gives_the_same_projection_as_the_store(store):
    local, remote = project(store), project(Endpoint(store))
    assert list(remote.nodes(data=True)) == list(local.nodes(data=True))
    assert list(remote.edges(keys=True, data=True)) == list(local.edges(keys=True, data=True))
    assert remote.graph == local.graph


@pytest.mark.parametrize("count, spread, widest", [(1, 10, 5), (2, 1, 5), (40, 30, 30), (300, 400, 40), (600, 50, 90)])
def test_overlapping_pairs_are_every_overlap_once_in_sweep_order(count, spread, widest):
    rng = np.random.default_rng(count)
    pos = rng.uniform(-spread, spread, (count, 2))
    pos[: count // 3, 0] = np.round(pos[: count // 3, 0] / 7) * 7  # ties in x
    hw, hh = rng.uniform(2, widest, count), rng.uniform(2, 20, count)
    for block in (1, 5, 1_000_000):  # any block size: the same pairs in the same order
        i, j = _overlapping_pairs(pos, hw, hh, block=block)
        assert i.dtype == j.dtype == np.int64
        order = np.argsort(pos[:, 0], kind="stable")
        rank = np.empty(count, dtype=np.int64)
        rank[order] = np.arange(count)
        brute = sorted((rank[b] - rank[a], rank[a]) for a in range(count) for b in range(count)
                       if rank[b] > rank[a] and abs(pos[a, 0] - pos[b, 0]) < hw[a] + hw[b]
                       and abs(pos[a, 1] - pos[b, 1]) < hh[a] + hh[b] and pos[b, 0] - pos[a, 0] <= 2 * hw.max())
        assert [(rank[b] - rank[a], rank[a]) for a, b in zip(i, j)] == brute


def test_tables_read_in_threads_equal_those_read_one_by_one(store):
    """The projection reads its queries at once in threads on a local store: same answers."""
    from claimgraph.projection import PROJECTION_QUERIES
    from claimgraph.query import canned_queries, select_table

    with _Tables(store) as tables:
        for name in reversed(PROJECTION_QUERIES):  # (unordered queries: their rows compared as sorted)
            columns, found = select_table(store, canned_queries()[name].sparql)
            assert tables.table(name)[0] == columns and sorted(tables.table(name)[1]) == sorted(found), name
    assert tables.table("_projection")[1], "the seed graph has statements"


def test_exact_repulsion_is_the_sum_over_every_other_node():
    """Each node is pushed by k^2/d from every other node (coincident nodes push nothing):
    checked against the sum written out pair by pair, and, for 2,100 nodes (two blocks of
    rows), against the same sum over whole arrays; the positions are left as they were."""
    from claimgraph.layout import _repulsion_exact

    rng = np.random.default_rng(3)
    pos = rng.uniform(-500, 500, size=(60, 2))
    pos[7] = pos[3]
    k2 = 1600.0
    expected = np.zeros_like(pos)
    for i in range(len(pos)):
        for j in range(len(pos)):
            d = pos[i] - pos[j]
            if d @ d >= 1e-9:
                expected[i] += d * k2 / (d @ d)
    assert np.allclose(_repulsion_exact(pos, k2), expected, rtol=1e-12, atol=1e-9)
    many = rng.uniform(-3000, 3000, size=(2100, 2))
    before = many.copy()
    diff = many[:, None, :] - many[None, :, :]
    d2 = (diff ** 2).sum(-1)
    d2[d2 < 1e-9] = np.inf
    assert np.allclose(_repulsion_exact(many, k2), (diff * (k2 / d2)[:, :, None]).sum(1), rtol=1e-10, atol=1e-9)
    assert np.array_equal(many, before)
