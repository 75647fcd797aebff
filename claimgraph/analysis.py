"""Project the RDF graph onto a networkx graph and measure it.

The projection is what people look at: actors, claims and mediations as nodes; stances,
mediation roles and affiliations as edges, each edge carrying its evidence. It is built
from one SPARQL query, so it works on any store the queries work on.
"""
from __future__ import annotations

from collections import Counter

import networkx as nx

from .query import canned_queries, contested_claims
from .store import rows, run_query

CG = "https://w3id.org/claimgraph/ns#"
ACTOR_TYPES = {CG + "State": "state", CG + "ArmedGroup": "armed group", CG + "Organisation": "organisation",
               CG + "Person": "person", CG + "Report": "unnamed source"}


def _node_kind(type_value: str) -> tuple[str, str]:
    """(kind, type) of a node from the projection's type column."""
    if type_value in ("claim", "mediation"):
        return type_value, type_value
    return "actor", ACTOR_TYPES.get(type_value, "actor")


def project(store) -> nx.MultiDiGraph:
    """The network of who says what: a MultiDiGraph keyed by node IRI, one edge per statement.

    Node attributes: ``label``, ``kind`` (actor, claim, mediation), ``type`` and, for
    claims, ``contested`` with ``supporters``/``disputers``. Edge attributes: ``stance``,
    ``kind``, ``sentence``, ``span``, ``source``, ``url``, ``date``, ``method``, ``on_behalf_of``.
    """
    graph = nx.MultiDiGraph()
    _, found = rows(run_query(store, canned_queries()["_projection"].sparql))
    for row in found:
        for end in ("from", "to"):
            node = row[end]
            if node not in graph:
                kind, node_type = _node_kind(row[end + "Type"])
                graph.add_node(node, label=row[end + "Label"], kind=kind, type=node_type)
        graph.add_edge(row["from"], row["to"], key=row["edge"], kind=row["kind"], stance=row["stance"],
                       sentence=row["sentence"], span=row["span"], source=row["source"] or row["article"],
                       url=row["url"], date=row["date"], method=row["method"], on_behalf_of=row["onBehalfOf"])
    for node in graph.nodes:
        if graph.nodes[node]["kind"] == "claim":
            graph.nodes[node].update(contested=False, supporters=[], disputers=[])
    for claim in contested_claims(store):
        if claim["claim_iri"] in graph:
            graph.nodes[claim["claim_iri"]].update(contested=True, supporters=claim["supporters"],
                                                   disputers=claim["disputers"])
    return graph


def stance_counts(graph: nx.MultiDiGraph) -> Counter:
    """How many statements of each stance the projection holds."""
    return Counter(d["stance"] for _, _, d in graph.edges(data=True) if d["kind"] == "statement")


def most_active(graph: nx.MultiDiGraph, stance: str, top: int = 10) -> list[tuple[str, int]]:
    """Actors ranked by how many statements of one stance they made (e.g. who accuses most)."""
    counts = Counter(graph.nodes[u]["label"] for u, _, d in graph.edges(data=True)
                     if d["kind"] == "statement" and d["stance"] == stance)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def layout(graph: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Deterministic node positions, computed once in Python so the page needs no physics."""
    if graph.number_of_nodes() == 0:
        return {}
    simple = nx.Graph(graph.to_undirected())
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(simple.nodes))
    ordered.add_edges_from(sorted(simple.edges))
    pos = nx.spring_layout(ordered, seed=seed, k=1.6 / max(1, len(ordered)) ** 0.5, iterations=200)
    return {node: (round(float(x) * 900, 1), round(float(y) * 700, 1)) for node, (x, y) in pos.items()}


def to_graphml(graph: nx.MultiDiGraph) -> bytes:
    """GraphML of the projection for Gephi or Cytoscape (list attributes joined with '; ')."""
    import io

    flat = nx.MultiDiGraph()
    for node, data in sorted(graph.nodes(data=True)):
        flat.add_node(node, **{k: "; ".join(v) if isinstance(v, list) else v for k, v in data.items()})
    for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[2]):
        flat.add_edge(u, v, key=key, **{k: "" if val is None else val for k, val in data.items()})
    buf = io.BytesIO()
    nx.write_graphml(flat, buf)
    return buf.getvalue()
