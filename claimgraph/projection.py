"""Project the RDF graph onto a networkx graph of who says what, and cut it down.

The projection is what people look at: actors, claims and mediations as nodes; stances,
mediation roles and affiliations as edges, each edge carrying its evidence. It is built
from a few SPARQL queries (``claimgraph/queries/_*.rq``; one query per edge kind, since
Oxigraph plans the union of them badly at scale, and the statements' labels joined here
rather than in SPARQL), so it works on any store the queries work on. The queries are
unordered: ORDER BY over IRIs is slow in Oxigraph, so the sorting is done here.

Everything here is deterministic: the same graph gives the same nodes, edges and
positions, so a page rendered twice from one graph is byte-identical.
"""
from __future__ import annotations

import gc
import io
import os
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from operator import itemgetter

import networkx as nx

from .errors import ClaimgraphError
from .query import canned_queries, select_table
from .store import dump
from .vocab import ACTOR_CLASS, CG, DISPUTING_CLASSES, SUPPORTING_CLASSES

#: What the page calls each actor class (and the unnamed sources of reports).
ACTOR_TYPES = {**{cls: kind.replace("-", " ") for kind, cls in ACTOR_CLASS.items()}, CG + "Report": "unnamed source"}
#: Stance labels (the projection's ``stance`` of statement edges) on each side of a claim.
SUPPORTING = SUPPORTING_CLASSES
DISPUTING = DISPUTING_CLASSES


def _node_kind(type_value: str) -> tuple[str, str]:
    """(kind, type) of a node from the projection's type column."""
    if type_value in ("claim", "mediation"):
        return type_value, type_value
    return "actor", ACTOR_TYPES.get(type_value, "actor")


#: The internal queries a projection reads: the two costliest first, then in the order it uses them.
PROJECTION_QUERIES = ("_projection", "_projection_evidence", "_targets", "_articles", "_actor_labels",
                      "_projection_claims", "_projection_mediations", "_projection_affiliations",
                      "_projection_structure", "_actors", "_contradicts")


class _Tables:
    """The answers of the internal queries of one projection, read while it is built.

    On a local store they are read in threads, one per core (at most four), in the order
    of :data:`PROJECTION_QUERIES`: Oxigraph evaluates a query without holding Python's lock,
    so the queries overlap each other and the building of the projection, which waits for
    each answer only when it needs it (at 10,000 articles the two statement queries take
    6 s of CPU, the rest 3 s, the Python that joins them 4 s). A remote endpoint is asked
    one query at a time. Use it as a context manager: leaving it waits for the queries
    still running.
    """

    def __init__(self, store):
        self._found: dict[str, tuple[list[str], list[tuple[str, ...]]]] = {}
        self._futures: dict = {}
        self._pool = None
        if hasattr(store, "sparql_json"):
            self._found = {name: self._read(store, name) for name in PROJECTION_QUERIES}
            return
        self._pool = ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1)))
        self._futures = {name: self._pool.submit(self._read, store, name) for name in PROJECTION_QUERIES}

    def __enter__(self) -> _Tables:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Wait for the queries still running (an error or Ctrl-C while building leaves some)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    @staticmethod
    def _read(store, name: str) -> tuple[list[str], list[tuple[str, ...]]]:
        return select_table(store, canned_queries()[name].sparql, f"query {name}")

    def table(self, name: str) -> tuple[list[str], list[tuple[str, ...]]]:
        """The columns and rows (tuples of plain strings, '' where unbound) of an internal query."""
        if name not in self._found:
            self._found[name] = self._futures.pop(name).result()
        return self._found[name]

    def rows(self, name: str) -> list[dict[str, str]]:
        """The rows of an internal query as dicts of plain strings, as :func:`claimgraph.store.rows` gives them."""
        columns, found = self.table(name)
        return [dict(zip(columns, row)) for row in found]


def _actor_rows(tables: _Tables) -> dict[str, list[dict]]:
    """Each actor's labels and classes (rows of _actor_labels, sorted)."""
    found: dict[str, list[dict]] = defaultdict(list)
    for row in sorted(tables.rows("_actor_labels"), key=lambda r: (r["actor"], r["type"], r["label"])):
        found[row["actor"]].append(row)
    return found


def _statements(tables: _Tables, actors: dict[str, list[dict]]) -> tuple[list[dict[str, str]], dict[str, list[str]]]:
    """One row per statement edge speaker -> claim (the columns of the edge queries), sorted by edge, speaker, claim;
    and whom each statement is aimed at (sorted).

    The statement's values, its sentence and span, its claim's label and its speaker's label
    and class come from separate queries, joined here (one query joining them all took Oxigraph 25 s at 56k
    statements). The join is the one that query made: a statement needs a sentence and a
    labelled claim; its speaker counts only with a label and an actor class (else it is
    "Unnamed sources"); several values of one property give one row each, and equal rows
    are one.
    """
    claims: dict[str, list[str]] = defaultdict(list)
    for row in tables.rows("_projection_claims"):
        claims[row["claim"]].append(row["label"])
    unnamed = [(CG + "UnnamedSource", "Unnamed sources", CG + "Report")]
    speakers: dict[str, set] = defaultdict(set)
    values: dict[str, set] = defaultdict(set)
    aimed: dict[str, set] = defaultdict(set)
    evidence: dict[str, set] = defaultdict(set)
    columns, table = tables.table("_projection_evidence")
    at_edge, at_sentence, at_span = (columns.index(c) for c in ("edge", "sentence", "span"))
    for row in table:
        evidence[row[at_edge]].add((row[at_sentence], row[at_span]))
    columns, table = tables.table("_projection")
    at_edge, at_speaker, at_target = columns.index("edge"), columns.index("speaker"), columns.index("target")
    keep = itemgetter(*(columns.index(c) for c in ("to", "stance", "onBehalfOf", "attributedTo", "confidence",
                                                    "date", "method", "article")))
    for row in table:
        speakers[row[at_edge]].add(row[at_speaker])
        values[row[at_edge]].add(keep(row))
        if row[at_target]:
            aimed[row[at_edge]].add(row[at_target])
    found = set()
    for edge, combos in values.items():
        # the speaker is one optional part: the speakers with a label and an actor class, else none at all
        who = [(s, a["label"], a["type"]) for s in speakers[edge] for a in actors.get(s, ())] or unnamed
        for to, stance, obo, attributed, confidence, when, method, article in combos:
            for to_label in claims.get(to, ()):
                for sentence, span in evidence.get(edge, ()):  # (a statement needs a sentence)
                    for speaker, label, cls in who:
                        found.add((edge, speaker, to, label, cls, to_label, stance, obo, attributed, confidence,
                                   sentence, span, when, method, article))
    columns = ("edge", "from", "to", "fromLabel", "fromType", "toLabel", "stance", "onBehalfOf", "attributedTo",
               "confidence", "sentence", "span", "date", "method", "article")
    return ([{"kind": "statement", **dict(zip(columns, values)), "toType": "claim"} for values in sorted(found)],
            {edge: sorted(targets) for edge, targets in aimed.items()})


@contextmanager
def gc_paused():
    """No cyclic garbage collection inside: building a projection makes millions of small objects and
    no cycles worth collecting, and each full collection walks all of them (1.9 s of a 10k render)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def project(store) -> nx.MultiDiGraph:
    """The network of who says what: a MultiDiGraph keyed by node IRI, one edge per statement.

    Node attributes: ``label``, ``kind`` (actor, claim, mediation), ``type``; for actors
    ``aliases`` (skos:altLabel) and ``affiliations`` (``"role of Organisation"`` strings)
    with ``affiliated_with`` (their IRIs); for claims ``contested`` with
    ``supporters``/``disputers``. Edge attributes: ``stance``, ``kind``, ``sentence``,
    ``span``, ``source`` (article title), ``article`` (its IRI), ``url``, ``publisher``,
    ``published``, ``date``, ``method``, ``confidence``, ``on_behalf_of`` (label),
    ``attributed_to`` (IRI of the actor the statement counts for) and ``targets`` (IRIs
    of the actors it is aimed at, else the claim's subject).
    """
    with gc_paused():
        return _project(store)


def _project(store) -> nx.MultiDiGraph:
    with _Tables(store) as tables:
        return _project_tables(tables)


def _project_tables(tables: _Tables) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    aimed: dict[str, set] = defaultdict(set)
    for row in tables.rows("_targets"):  # the claim's subject, for the statements aimed at no one
        aimed[row["edge"]].add(row["target"])
    # the query is unordered and may repeat a row (sorting 100k rows by IRI in Oxigraph took 90% of it)
    subjects = {edge: sorted(found) for edge, found in aimed.items()}
    columns = ("article", "source", "url", "publisher", "published")
    articles = {row["article"]: row
                for row in sorted(tables.rows("_articles"), key=lambda r: [r[c] for c in columns])}
    actor_rows = _actor_rows(tables)
    found, targets = _statements(tables, actor_rows)
    # unordered (Oxigraph sorts IRIs slowly): in the order of their edge, ends and values
    found += sorted(tables.rows("_projection_mediations"), key=lambda r: (r["edge"], r["from"], r["to"], *r.values()))
    found += tables.rows("_projection_affiliations")
    about = {article: {k: v for k, v in row.items() if k != "article"} for article, row in articles.items()}
    unknown = dict.fromkeys(("source", "url", "publisher", "published"), "")
    for row in found:
        row.update(about.get(row["article"], unknown))
        for end in ("from", "to"):
            node = row[end]
            if node not in graph:
                kind, node_type = _node_kind(row[end + "Type"])
                graph.add_node(node, label=row[end + "Label"], kind=kind, type=node_type)
        edge = row["edge"]
        confidence = float(row["confidence"]) if row["confidence"] else None
        graph.add_edge(row["from"], row["to"], key=edge, kind=row["kind"], stance=row["stance"],
                       sentence=row["sentence"], span=row["span"], source=row["source"] or row["article"],
                       article=row["article"], url=row["url"], publisher=row["publisher"],
                       published=row["published"], date=row["date"] or row["published"], method=row["method"],
                       confidence=confidence, on_behalf_of=row["onBehalfOf"],
                       attributed_to=row["attributedTo"] or (row["from"] if row["kind"] == "statement" else ""),
                       targets=targets.get(edge) or subjects.get(edge, []))
    structure = sorted(tables.rows("_projection_structure"),
                       key=lambda r: (r["claim"], r["to"], r["stance"], r["relation"]))
    _add_structure(graph, structure, {actor: labels[-1] for actor, labels in actor_rows.items()})
    for node, data in graph.nodes(data=True):
        if data["kind"] == "actor":
            data.update(aliases=[], affiliations=[], affiliated_with=[])
        elif data["kind"] == "claim":
            data.update(contested=False, supporters=[], disputers=[])
    for row in tables.rows("_actors"):
        data = graph.nodes.get(row["actor"])
        if data is None:
            continue
        if row["alias"] and row["alias"] not in data["aliases"]:
            data["aliases"].append(row["alias"])
        if row["org"] and row["org"] not in data["affiliated_with"]:
            data["affiliated_with"].append(row["org"])
            data["affiliations"].append(f"{row['role']} of {row['orgLabel']}" if row["role"] else row["orgLabel"])
    contradicts = defaultdict(set)
    for row in tables.rows("_contradicts"):
        contradicts[row["other"]].add(row["claim"])
    graph.graph["contradicts"] = {claim: sorted(others) for claim, others in sorted(contradicts.items())}
    _mark_contested(graph, graph.graph["contradicts"])
    return graph


def contested_in_view(graph: nx.MultiDiGraph) -> None:
    """Recompute ``contested`` (and both sides) from the statements the graph still holds.

    A cut by date keeps some statements of a claim and drops others; a claim is contested
    in the view only when a supporter and a different disputer are both still in it.
    """
    for _, data in graph.nodes(data=True):
        if data["kind"] == "claim":
            data.update(contested=False, supporters=[], disputers=[])
    _mark_contested(graph, graph.graph.get("contradicts", {}))


def _add_structure(graph: nx.MultiDiGraph, found: list[dict[str, str]], actors: dict[str, dict]) -> None:
    """Edges claim -> actor for what each claim is about: ``subject``, ``object`` (with its ``relation``)
    and ``target`` (an actor a statement about it is aimed at, when neither subject nor object).

    Only for claims some statement speaks of; one edge per claim and actor, the first of
    subject, object, target. The actors become nodes, so an accused or harboured group can
    be searched, filtered and focused with --actor.
    """
    rank = {"subject": 0, "object": 1, "target": 2}
    best: dict[tuple, dict] = {}
    for row in found:
        pair = (row["claim"], row["to"])
        if row["claim"] in graph and row["to"] in actors and (pair not in best or rank[row["stance"]] < rank[best[pair]["stance"]]):
            best[pair] = row
    for (claim, actor), row in sorted(best.items()):
        if actor not in graph:
            kind, node_type = _node_kind(actors[actor]["type"])
            graph.add_node(actor, label=actors[actor]["label"], kind=kind, type=node_type)
        key = f"{claim}#{row['stance']}" + (f"-{actor.rsplit('/', 1)[-1]}" if row["stance"] == "target" else "")
        graph.add_edge(claim, actor, key=key, kind="structure", stance=row["stance"], relation=row["relation"],
                       sentence="", span="", source="", article="", url="", publisher="", published="", date="",
                       method="", confidence=None, on_behalf_of="", attributed_to="", targets=[])


def _mark_contested(graph: nx.MultiDiGraph, contradicts: dict[str, set]) -> None:
    """Mark claims with a supporter and a different disputer, as ``claimgraph contested`` defines them.

    Supporters assert or accuse the claim; disputers deny it or assert/accuse a claim that
    contradicts it; statements count for the actor they are attributed to. Computed here
    in one pass over the edges, because the SPARQL form takes minutes on a large graph.
    """
    def who(u, d):
        actor = d.get("attributed_to") or u
        if actor in graph:
            return actor, graph.nodes[actor]["label"]
        return actor, d.get("on_behalf_of") or actor.rsplit("/", 1)[-1]

    support: dict[str, dict] = defaultdict(dict)
    dispute: dict[str, dict] = defaultdict(dict)
    for u, v, d in graph.edges(data=True):
        if d["kind"] != "statement":
            continue
        actor, label = who(u, d)
        if d["stance"] in SUPPORTING:
            support[v][actor] = label
            for other in contradicts.get(v, ()):
                dispute[other][actor] = label
        elif d["stance"] in DISPUTING:
            dispute[v][actor] = label
    for claim in support:
        pro, con = set(support[claim]), set(dispute.get(claim, ()))
        if claim in graph and pro and con and not (len(pro) == len(con) == 1 and pro == con):
            graph.nodes[claim].update(contested=True, supporters=sorted(support[claim].values()),
                                      disputers=sorted(dispute[claim].values()))


def stance_counts(graph: nx.MultiDiGraph) -> Counter:
    """How many statements of each stance the projection holds."""
    return Counter(d["stance"] for _, _, d in graph.edges(data=True) if d["kind"] == "statement")


def most_active(graph: nx.MultiDiGraph, stance: str, top: int = 10) -> list[tuple[str, int]]:
    """Actors ranked by how many statements of one stance they made (e.g. who accuses most)."""
    counts = Counter(graph.nodes[u]["label"] for u, _, d in graph.edges(data=True)
                     if d["kind"] == "statement" and d["stance"] == stance)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


# ---------------------------------------------------------------------------------------------
# Cutting the projection down: dates, contested claims, one actor's neighbourhood, aggregation


def _restrict(graph: nx.MultiDiGraph, keep_edge, keep_nodes: set | None = None) -> nx.MultiDiGraph:
    """The edges ``keep_edge(u, v, data)`` accepts; affiliations only between nodes still shown.

    Nodes left without a statement or mediation edge are dropped (except ``keep_nodes``);
    a claim's structure (its subject, object and targets) is kept with the claim.
    """
    kept = [(u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)
            if d["kind"] not in ("affiliation", "structure") and keep_edge(u, v, d)]
    shown = {n for u, v, _, _ in kept for n in (u, v)} | (keep_nodes or set())
    structure = [(u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)
                 if d["kind"] == "structure" and u in shown and keep_edge(u, v, d)]
    kept += structure
    shown |= {v for _, v, _, _ in structure}
    kept += [(u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)
             if d["kind"] == "affiliation" and u in shown and v in shown and keep_edge(u, v, d)]
    out = nx.MultiDiGraph(**graph.graph)
    out.add_nodes_from((n, graph.nodes[n]) for n in sorted(shown) if n in graph)
    out.add_edges_from(kept)
    return out


def between(graph: nx.MultiDiGraph, since: date | str | None = None, until: date | str | None = None):
    """Statements and mediations dated from ``since`` to ``until`` (inclusive, either may be None)."""
    lo = str(since) if since else ""
    hi = str(until) if until else ""

    def keep(u, v, d):
        when = (d.get("date") or "")[:10]
        if not when or d["kind"] == "affiliation":
            return True
        return (not lo or when >= lo) and (not hi or when <= hi)

    out = _restrict(graph, keep)
    contested_in_view(out)
    return out


def contested_only(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Only the contested claims and the statements about them (both sides)."""
    out = _restrict(graph, lambda u, v, d: (d["kind"] == "statement" and graph.nodes[v].get("contested", False))
                    or (d["kind"] == "structure" and graph.nodes[u].get("contested", False)))
    out.graph["contested_only"] = True
    return out


def find_actor(graph: nx.MultiDiGraph, name: str) -> str:
    """The actor node called ``name``: its label or an alias (case-insensitive), or its IRI."""
    wanted = name.strip().casefold()
    actors = [(n, d) for n, d in sorted(graph.nodes(data=True)) if d["kind"] == "actor"]
    for node, data in actors:
        if node == name or data["label"].casefold() == wanted:
            return node
    for node, data in actors:
        if any(a.casefold() == wanted for a in data.get("aliases", [])) or node.rsplit("/", 1)[-1] == wanted:
            return node
    partial = [(n, d) for n, d in actors if wanted in d["label"].casefold()]
    if len(partial) == 1:
        return partial[0][0]
    hint = ", ".join(sorted(d["label"] for _, d in partial)[:8]) if partial else \
        ", ".join(sorted(d["label"] for _, d in actors)[:8])
    raise ClaimgraphError(f"--actor {name!r}: no actor with that label or alias"
                          f"{' (several match)' if partial else ''}; e.g. {hint}")


def neighbourhood(graph: nx.MultiDiGraph, actor: str, hops: int = 1) -> nx.MultiDiGraph:
    """What is within ``hops`` of an actor, one hop being actor -> claim or mediation -> actor.

    ``actor`` is a label, alias or IRI. hops=1 gives the actor, every claim it speaks
    about and mediation it takes part in, and every other actor speaking about those.
    """
    if hops < 0:
        raise ClaimgraphError("--hops must be 0 or more")
    centre = find_actor(graph, actor)
    near = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre, cutoff=2 * hops)
    keep = set(near) | {centre}
    sub = _restrict(graph, lambda u, v, d: u in keep and v in keep, keep_nodes={centre})
    sub.graph["focus"] = centre
    return sub


def narrow(graph: nx.MultiDiGraph, actor: str | None = None, hops: int = 1, contested: bool = False,
           since: date | str | None = None, until: date | str | None = None) -> tuple[nx.MultiDiGraph, str]:
    """Apply the command line's cuts in order (dates, contested, actor); returns the graph and a note saying so."""
    notes = []
    if since or until:
        graph = between(graph, since, until)
        notes.append(f"statements dated {since or '…'} to {until or '…'}")
    if contested:
        graph = contested_only(graph)
        notes.append("contested claims only")
    if actor:
        graph = neighbourhood(graph, actor, hops)
        label = graph.nodes[graph.graph["focus"]]["label"]
        notes.append(f"{label} and what is within {hops} hop{'s' if hops != 1 else ''} of it")
    return graph, ("Showing " + "; ".join(notes)) if notes else ""


def aggregate(graph: nx.MultiDiGraph, max_nodes: int = 1500, max_edges: int | None = None) -> nx.MultiDiGraph:
    """Actors only, joined by weighted accusation, denial and mediation edges.

    An accusation or a denial runs from the actor the statement counts for to each actor
    it is aimed at (its targets, else the claim's subject; a denial without either, to
    the claim's supporters); a mediation runs from each mediator to each party. Keeps the
    ``max_nodes`` most active actors and the ``max_edges`` heaviest edges among them.
    Graph attribute ``aggregated`` says what was left out.
    """
    max_edges = max_edges if max_edges is not None else max(2000, 3 * max_nodes)
    weights: Counter = Counter()
    samples: dict[tuple, list] = defaultdict(list)
    activity: Counter = Counter()
    by_stance: dict[str, Counter] = defaultdict(Counter)
    supporters: dict[str, set] = defaultdict(set)
    mediators: dict[str, list] = defaultdict(list)
    parties: dict[str, list] = defaultdict(list)
    statements = 0
    for u, v, d in graph.edges(data=True):
        if d["kind"] == "statement":
            statements += 1
            who = d.get("attributed_to") or u
            activity[who] += 1
            by_stance[who][d["stance"]] += 1
            if d["stance"] in SUPPORTING:
                supporters[v].add(who)
        elif d["kind"] == "mediation":
            (mediators if d["stance"] == "mediates" else parties)[v if d["stance"] == "mediates" else u].append(
                (u if d["stance"] == "mediates" else v, d))

    def add(a, b, stance, d, u, v):
        if a == b or a not in graph or b not in graph or graph.nodes[b]["kind"] != "actor":
            return
        weights[(a, b, stance)] += 1
        if len(samples[(a, b, stance)]) < 3:
            samples[(a, b, stance)].append({**d, "speaker": u, "about": v})

    for u, v, d in graph.edges(data=True):
        if d["kind"] != "statement" or d["stance"] not in ("Accusation", "Denial"):
            continue
        who = d.get("attributed_to") or u
        aimed = d.get("targets") or []
        if not aimed and d["stance"] == "Denial":
            aimed = sorted(supporters.get(v, ()))
        for target in aimed:
            add(who, target, d["stance"], d, u, v)
    for mediation in sorted(mediators):
        for mediator, d in mediators[mediation]:
            activity[mediator] += 1
            by_stance[mediator]["mediates"] += 1
            for party, _ in parties.get(mediation, []):
                add(mediator, party, "mediates", d, mediator, mediation)
    actors = [n for n, d in graph.nodes(data=True) if d["kind"] == "actor"]
    received: Counter = Counter()
    for (a, b, _), n in weights.items():
        received[b] += n
    ranked = sorted(actors, key=lambda n: (-(activity[n] + received[n]), graph.nodes[n]["label"], n))
    kept = set(ranked[:max_nodes])
    edges = sorted(((a, b, s, n) for (a, b, s), n in weights.items() if a in kept and b in kept),
                   key=lambda e: (-e[3], e[0], e[1], e[2]))
    dropped_edges = max(0, len(edges) - max_edges)
    edges = edges[:max_edges]
    out = nx.MultiDiGraph()
    for node in sorted(kept):
        data = dict(graph.nodes[node])
        data.update(statements=activity[node], received=received[node],
                    by_stance=dict(sorted(by_stance[node].items())))
        out.add_node(node, **data)
    for a, b, stance, n in sorted(edges, key=lambda e: (e[0], e[1], e[2])):
        out.add_edge(a, b, key=f"{a}|{stance}|{b}", kind="aggregate", stance=stance, weight=n,
                     samples=samples[(a, b, stance)])
    out.graph["aggregated"] = {
        "nodes": graph.number_of_nodes(), "statements": statements, "actors": len(actors),
        "actors_shown": len(kept), "pairs": len(weights), "pairs_shown": len(edges), "pairs_dropped": dropped_edges,
        "max_nodes": max_nodes,
    }
    return out


def to_graphml(graph: nx.MultiDiGraph) -> bytes:
    """GraphML of the projection for Gephi, Cytoscape or igraph.

    One typed key per attribute and domain (a number stays a number, lists are joined
    with '; '), and a missing value is left out rather than written as an empty string,
    so strict readers such as igraph load the file.
    """
    def flat_value(value):
        if isinstance(value, (list, tuple)):
            value = "; ".join(str(v) for v in value)
        elif isinstance(value, dict):
            value = "; ".join(f"{k}={v}" for k, v in value.items())
        return None if value is None or value == "" else value

    def flat_items(items):
        """Attributes without missing values, each attribute with one type across the domain."""
        items = [(key, {k: v for k, v in ((k, flat_value(v)) for k, v in data.items()) if v is not None})
                 for key, data in items]
        kinds: dict[str, set] = defaultdict(set)
        for _, data in items:
            for k, v in data.items():
                kinds[k].add(type(v))
        for _, data in items:
            for k, v in data.items():
                if len(kinds[k]) > 1:  # mixed: numbers only become float, anything else text
                    numeric = kinds[k] <= {int, float}
                    data[k] = float(v) if numeric else str(v)
        return items

    flat = nx.MultiDiGraph()
    for node, data in flat_items(sorted(graph.nodes(data=True))):
        flat.add_node(node, **data)
    edges = sorted(graph.edges(keys=True, data=True), key=lambda e: e[2])
    for (u, v, key), data in flat_items([((u, v, key), data) for u, v, key, data in edges]):
        flat.add_edge(u, v, key=key, **data)
    buf = io.BytesIO()
    nx.write_graphml(flat, buf)
    return buf.getvalue()


def export_graph(store, fmt: str) -> bytes:
    """The graph for other tools: ``graphml`` (this projection) or an RDF format of :func:`claimgraph.store.dump`."""
    if fmt == "graphml":
        return to_graphml(project(store))
    return dump(store, fmt)

