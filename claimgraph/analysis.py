"""Project the RDF graph onto a networkx graph, cut it down, lay it out and measure it.

The projection is what people look at: actors, claims and mediations as nodes; stances,
mediation roles and affiliations as edges, each edge carrying its evidence. It is built
from a few SPARQL queries (``claimgraph/queries/_*.rq``; one query per edge kind, since
Oxigraph plans the union of them badly at scale), so it works on any store the queries
work on.

Everything here is deterministic: the same graph gives the same nodes, edges and
positions, so a page rendered twice from one graph is byte-identical.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import date

import networkx as nx

from .annotation import ClaimgraphError
from .query import canned_queries
from .store import rows, run_query

CG = "https://w3id.org/claimgraph/ns#"
ACTOR_TYPES = {CG + "State": "state", CG + "ArmedGroup": "armed group", CG + "Organisation": "organisation",
               CG + "Person": "person", CG + "Report": "unnamed source"}
#: Stance labels (the projection's ``stance`` of statement edges) on each side of a claim.
SUPPORTING = ("Assertion", "Accusation")
DISPUTING = ("Denial",)


def _node_kind(type_value: str) -> tuple[str, str]:
    """(kind, type) of a node from the projection's type column."""
    if type_value in ("claim", "mediation"):
        return type_value, type_value
    return "actor", ACTOR_TYPES.get(type_value, "actor")


def _query(store, name: str) -> list[dict[str, str]]:
    return rows(run_query(store, canned_queries()[name].sparql))[1]


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
    graph = nx.MultiDiGraph()
    targets: dict[str, list[str]] = defaultdict(list)
    subjects: dict[str, list[str]] = defaultdict(list)
    for row in _query(store, "_targets"):
        (targets if row["via"] == "target" else subjects)[row["edge"]].append(row["target"])
    articles = {row["article"]: row for row in _query(store, "_articles")}
    found = [row for name in ("_projection", "_projection_mediations", "_projection_affiliations")
             for row in _query(store, name)]
    for row in found:
        row.update({k: v for k, v in articles.get(row["article"], {}).items() if k != "article"})
        for key in ("source", "url", "publisher", "published"):
            row.setdefault(key, "")
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
    for node, data in graph.nodes(data=True):
        if data["kind"] == "actor":
            data.update(aliases=[], affiliations=[], affiliated_with=[])
        elif data["kind"] == "claim":
            data.update(contested=False, supporters=[], disputers=[])
    for row in _query(store, "_actors"):
        data = graph.nodes.get(row["actor"])
        if data is None:
            continue
        if row["alias"] and row["alias"] not in data["aliases"]:
            data["aliases"].append(row["alias"])
        if row["org"] and row["org"] not in data["affiliated_with"]:
            data["affiliated_with"].append(row["org"])
            data["affiliations"].append(f"{row['role']} of {row['orgLabel']}" if row["role"] else row["orgLabel"])
    contradicts = defaultdict(set)
    for row in _query(store, "_contradicts"):
        contradicts[row["other"]].add(row["claim"])
    _mark_contested(graph, contradicts)
    return graph


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

    Nodes left without a statement or mediation edge are dropped (except ``keep_nodes``).
    """
    kept = [(u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)
            if d["kind"] != "affiliation" and keep_edge(u, v, d)]
    shown = {n for u, v, _, _ in kept for n in (u, v)} | (keep_nodes or set())
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

    return _restrict(graph, keep)


def contested_only(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Only the contested claims and the statements about them (both sides)."""
    out = _restrict(graph, lambda u, v, d: d["kind"] == "statement" and graph.nodes[v].get("contested", False))
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


# ---------------------------------------------------------------------------------------------
# Layout: a force-directed layout in numpy (exact for small graphs, particle-mesh for large),
# then a pass that pushes overlapping label boxes apart. Positions are in screen pixels at zoom 1.


def _repulsion_exact(pos, k2):
    import numpy as np

    disp = np.zeros_like(pos)
    n = len(pos)
    step = max(1, 4_000_000 // max(1, n))
    for lo in range(0, n, step):
        diff = pos[lo:lo + step, None, :] - pos[None, :, :]
        d2 = (diff ** 2).sum(-1)
        d2[d2 < 1e-9] = np.inf  # self and exact coincidences
        disp[lo:lo + step] = (diff * (k2 / d2)[:, :, None]).sum(1)
    return disp


def _repulsion_mesh(pos, k2, cell):
    """Repulsion k^2/d from every other node, summed on a grid with an FFT convolution (O(n + G^2 log G))."""
    import numpy as np

    lo = pos.min(0) - cell
    extent = (pos.max(0) + cell - lo).max()
    size = int(min(384, max(16, math.ceil(extent / cell))))
    h = extent / size
    idx = np.clip(((pos - lo) / h).astype(np.int64), 0, size - 1)
    rho = np.bincount(idx[:, 0] * size + idx[:, 1], minlength=size * size).reshape(size, size).astype(float)
    off = np.arange(2 * size)
    off = np.where(off < size, off, off - 2 * size) * h
    dx, dy = np.meshgrid(off, off, indexing="ij")
    d2 = dx ** 2 + dy ** 2
    d2[0, 0] = np.inf
    kx, ky = k2 * dx / d2, k2 * dy / d2
    pad = np.zeros((2 * size, 2 * size))
    pad[:size, :size] = rho
    f_rho = np.fft.rfft2(pad)
    fx = np.fft.irfft2(f_rho * np.fft.rfft2(kx), s=pad.shape)[:size, :size]
    fy = np.fft.irfft2(f_rho * np.fft.rfft2(ky), s=pad.shape)[:size, :size]
    return np.stack([fx[idx[:, 0], idx[:, 1]], fy[idx[:, 0], idx[:, 1]]], axis=1)


def force_layout(count: int, edges, weights=None, seed: int = 7, k: float = 100.0, iterations: int | None = None):
    """Fruchterman-Reingold positions for nodes 0..count-1 with a little gravity; an (n, 2) array."""
    import numpy as np

    rng = np.random.default_rng(seed)
    if count == 0:
        return np.zeros((0, 2))
    radius = k * math.sqrt(count) * 0.6
    pos = rng.uniform(-radius, radius, size=(count, 2))
    if count == 1:
        return pos * 0
    src = np.array([e[0] for e in edges], dtype=np.int64)
    dst = np.array([e[1] for e in edges], dtype=np.int64)
    w = np.ones(len(src)) if weights is None else 1 + np.log(np.asarray(weights, dtype=float))
    degree = np.bincount(np.concatenate([src, dst]), minlength=count).astype(float) if len(src) else np.zeros(count)
    iterations = iterations or (300 if count <= 300 else 160 if count <= 2000 else 110)
    exact = count <= 900
    temperature = radius / 4
    k2 = k * k
    for it in range(iterations):
        disp = _repulsion_exact(pos, k2) if exact else _repulsion_mesh(pos, k2, k / 2)
        if len(src):
            diff = pos[src] - pos[dst]
            dist = np.sqrt((diff ** 2).sum(1)) + 1e-9
            pull = diff * (dist * w / k)[:, None]
            disp[:, 0] -= np.bincount(src, pull[:, 0], minlength=count) - np.bincount(dst, pull[:, 0], minlength=count)
            disp[:, 1] -= np.bincount(src, pull[:, 1], minlength=count) - np.bincount(dst, pull[:, 1], minlength=count)
        centre = pos - pos.mean(0)
        disp -= centre * (0.015 * (degree + 1) / k * math.sqrt(count) / 10)[:, None] * k / 50
        length = np.sqrt((disp ** 2).sum(1)) + 1e-9
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature = max(k * 0.02, temperature * (1 - 3.5 / iterations))
    return pos - pos.mean(0)


def _overlapping_pairs(pos, hw, hh):
    """Index pairs (i, j), i != j, whose boxes overlap: a sweep along x, so not all n^2 pairs are tried."""
    import numpy as np

    n = len(pos)
    order = np.argsort(pos[:, 0], kind="stable")
    xs = pos[order, 0]
    reach = np.searchsorted(xs, xs + 2 * hw.max(), side="right")
    found_i, found_j = [], []
    for offset in range(1, int((reach - np.arange(n)).max())):
        a = np.arange(n - offset)
        a = a[a + offset < reach[a]]
        if not len(a):
            continue
        i, j = order[a], order[a + offset]
        hit = (np.abs(pos[i, 0] - pos[j, 0]) < hw[i] + hw[j]) & (np.abs(pos[i, 1] - pos[j, 1]) < hh[i] + hh[j])
        found_i.append(i[hit])
        found_j.append(j[hit])
    if not found_i:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(found_i), np.concatenate(found_j)


def remove_overlaps(pos, half_sizes, gap: float = 6.0, passes: int = 300):
    """Push apart label boxes (centre ``pos``, half width/height ``half_sizes``) until none overlap.

    Crowded layouts are first spread out uniformly until the boxes could fit; then each
    pass moves every overlapping pair apart along the axis where it overlaps least.
    """
    import numpy as np

    n = len(pos)
    if n < 2:
        return pos.copy()
    golden = np.arange(n) * 2.399963  # a tiny deterministic spiral, so no two centres coincide
    pos = pos + np.stack([np.cos(golden), np.sin(golden)], 1) * (1e-3 * (1 + np.arange(n) / n))[:, None]
    hw = half_sizes[:, 0] + gap / 2
    hh = half_sizes[:, 1] + gap / 2
    span = pos.max(0) - pos.min(0)
    need = 4 * (hw * hh).sum() / 0.45  # the area the boxes take at 45 % density
    if (span[0] + 2 * hw.mean()) * (span[1] + 2 * hh.mean()) < need:
        factor = min(math.sqrt(need / max(span[0] * span[1], 1e-9)), 3 * math.sqrt(need) / max(span.max(), 1e-9))
        centre = pos.mean(0)
        pos = centre + (pos - centre) * factor
    for _ in range(passes):
        i, j = _overlapping_pairs(pos, hw, hh)
        if not len(i):
            break
        dx, dy = pos[i, 0] - pos[j, 0], pos[i, 1] - pos[j, 1]
        ox = hw[i] + hw[j] - np.abs(dx)
        oy = hh[i] + hh[j] - np.abs(dy)
        sideways = ox * 0.6 < oy  # labels are wide: moving sideways is cheaper only when clearly so
        push_x = np.where(sideways, np.sign(dx) * (ox / 2 + 0.5), 0.0)
        push_y = np.where(sideways, 0.0, np.sign(dy) * (oy / 2 + 0.5))
        hits = np.bincount(i, minlength=n) + np.bincount(j, minlength=n)
        move = np.stack([np.bincount(i, push_x, minlength=n) - np.bincount(j, push_x, minlength=n),
                         np.bincount(i, push_y, minlength=n) - np.bincount(j, push_y, minlength=n)], 1)
        pos = pos + move / np.maximum(1, np.sqrt(hits))[:, None]
    return pos


def _pack(blocks: list[tuple[float, float]], gap: float) -> list[tuple[float, float]]:
    """Top-left corners for boxes (w, h) placed in rows, biggest first, about as wide as tall overall."""
    area = sum((w + gap) * (h + gap) for w, h in blocks)
    row_width = max(max(w for w, _ in blocks), math.sqrt(area) * 1.3)
    out, x, y, row_h = [], 0.0, 0.0, 0.0
    for w, h in blocks:
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        out.append((x, y))
        x += w + gap
        row_h = max(row_h, h)
    return out


def layout(graph: nx.MultiDiGraph, seed: int = 7, boxes: dict | None = None,
           k: float | None = None) -> dict[str, tuple[float, float]]:
    """Deterministic node positions in pixels, computed once in Python so the page needs no physics.

    Each connected component is laid out on its own (force-directed, see
    :func:`force_layout`) and the components are packed in rows, biggest first. ``boxes``
    maps a node to the (width, height) its shape and label take on screen; boxes never
    overlap in the result, so labels do not overlap at any zoom.
    """
    import numpy as np

    nodes = sorted(graph.nodes)
    if not nodes:
        return {}
    boxes = boxes or {n: (max(40.0, 7.0 * len(graph.nodes[n].get("label", ""))), 40.0) for n in nodes}
    sizes = np.array([boxes[n] for n in nodes], dtype=float)
    k = k or float(np.clip(np.median(sizes.sum(1) / 2) * 0.68, 40, 200))
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    pairs = Counter(tuple(sorted((u, v))) for u, v in graph.edges() if u != v)
    simple.add_edges_from(pairs)
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    placed, blocks = [], []
    for number, members in enumerate(components):
        index = {n: i for i, n in enumerate(members)}
        edges = sorted((index[u], index[v]) for u, v in (tuple(sorted(e)) for e in simple.subgraph(members).edges))
        half = np.array([boxes[n] for n in members], dtype=float) / 2
        if len(members) <= 2:  # alone, or a pair side by side
            pos = np.array([[0.0, 0.0], [half[0, 0] + half[-1, 0] + k / 2, 0.0]])[:len(members)]
        else:
            pos = force_layout(len(members), edges, [pairs[(members[a], members[b])] for a, b in edges],
                               seed=seed + number, k=k, iterations=80 if len(members) <= 30 else None)
        if len(members) > 2:  # turn the long axis horizontal: screens are wider than tall
            centred = pos - pos.mean(0)
            _, vectors = np.linalg.eigh(centred.T @ centred)
            major = vectors[:, -1] * (1 if vectors[np.argmax(np.abs(vectors[:, -1])), -1] > 0 else -1)
            pos = centred @ np.array([[major[0], -major[1]], [major[1], major[0]]])
        pos = remove_overlaps(pos, half)
        lo, hi = (pos - half).min(0), (pos + half).max(0)
        placed.append((members, pos - lo))
        blocks.append(tuple(hi - lo))
    out = {}
    for (members, pos), (x, y) in zip(placed, _pack(blocks, gap=k * 0.6)):
        for node, (px, py) in zip(members, pos):
            out[node] = (round(float(px + x), 1), round(float(py + y), 1))
    return out


def sides_layout(graph: nx.MultiDiGraph, boxes: dict, gap: float = 28.0) -> dict[str, tuple[float, float]]:
    """Contested claims in a column, their supporters to the left and disputers to the right.

    Only contested claims and the speakers of statements about them are placed; each
    speaker goes to the side it takes most often, at the mean height of its claims.
    """
    claims = sorted((n for n, d in graph.nodes(data=True) if d.get("contested")),
                    key=lambda n: graph.nodes[n]["label"])
    if not claims:
        return {}
    side: dict[str, Counter] = defaultdict(Counter)
    links: dict[str, list[str]] = defaultdict(list)
    for u, v, d in graph.edges(data=True):
        if v in graph and graph.nodes[v].get("contested") and d["kind"] == "statement":
            side[u]["left" if d["stance"] in SUPPORTING else "right" if d["stance"] in DISPUTING else "left"] += 1
            links[u].append(v)
    out: dict[str, tuple[float, float]] = {}
    y = 0.0
    claim_y = {}
    mid_width = max(boxes[c][0] for c in claims)
    for claim in claims:
        h = boxes[claim][1]
        claim_y[claim] = y + h / 2
        out[claim] = (0.0, round(y + h / 2, 1))
        y += h + gap
    columns: dict[str, list] = {"left": [], "right": []}
    for actor in sorted(side):
        where = "right" if side[actor]["right"] > side[actor]["left"] else "left"
        columns[where].append((sum(claim_y[c] for c in links[actor]) / len(links[actor]), actor))
    for where, entries in columns.items():
        entries.sort()
        widest = max((boxes[a][0] for _, a in entries), default=0)
        x = (mid_width / 2 + widest / 2 + 220) * (-1 if where == "left" else 1)
        bottom = -math.inf
        for want, actor in entries:
            h = boxes[actor][1]
            top = max(want - h / 2, bottom + gap)
            out[actor] = (round(x, 1), round(top + h / 2, 1))
            bottom = top + h
    return out


def to_graphml(graph: nx.MultiDiGraph) -> bytes:
    """GraphML of the projection for Gephi or Cytoscape (list attributes joined with '; ')."""
    import io

    def flat_value(value):
        if isinstance(value, (list, tuple)):
            return "; ".join(str(v) for v in value)
        if isinstance(value, dict):
            return "; ".join(f"{k}={v}" for k, v in value.items())
        return "" if value is None else value

    flat = nx.MultiDiGraph()
    for node, data in sorted(graph.nodes(data=True)):
        flat.add_node(node, **{k: flat_value(v) for k, v in data.items()})
    for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[2]):
        flat.add_edge(u, v, key=key, **{k: flat_value(val) for k, val in data.items()})
    buf = io.BytesIO()
    nx.write_graphml(flat, buf)
    return buf.getvalue()
