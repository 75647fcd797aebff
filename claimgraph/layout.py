"""Positions for the page: a deterministic force layout in numpy, then label boxes pushed apart.

Exact repulsion for small components, a particle-mesh (FFT grid) approximation for large
ones; positions are in screen pixels at zoom 1, computed once in Python so the page
needs no physics, and the same graph always gives the same positions.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict

import networkx as nx
import numpy as np

from .vocab import DISPUTING_CLASSES, SUPPORTING_CLASSES


def _repulsion_exact(pos, k2):
    """Repulsion k^2/d from every other node, exactly: per block of rows, the squared distances
    turned into weights in place and each coordinate's weighted sum as one einsum (no n x n x 2
    arrays: 900 nodes 69 ms -> 15 ms an iteration)."""
    n = len(pos)
    disp = np.empty_like(pos)
    step = max(1, 4_000_000 // max(1, n))
    x, y = pos[:, 0], pos[:, 1]
    for lo in range(0, n, step):
        dx = x[lo:lo + step, None] - x[None, :]
        dy = y[lo:lo + step, None] - y[None, :]
        weight = dx * dx
        weight += dy * dy
        weight[weight < 1e-9] = np.inf  # self and exact coincidences
        np.divide(k2, weight, out=weight)
        disp[lo:lo + step, 0] = np.einsum("ij,ij->i", dx, weight)
        disp[lo:lo + step, 1] = np.einsum("ij,ij->i", dy, weight)
    return disp


def _repulsion_mesh(pos, k2, cell):
    """Repulsion k^2/d from every other node, summed on a grid with an FFT convolution (O(n + G^2 log G))."""
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


def _overlapping_pairs(pos, hw, hh, block: int = 1_000_000):
    """Index pairs (i, j), i != j, whose boxes overlap: a sweep along x, so not all n^2 pairs are tried.

    The candidates of a box are its next neighbours in x order within the widest box's reach,
    all tested at once (in blocks of about ``block`` pairs); the overlapping pairs come out
    ordered by their distance in x order, then by position.
    """
    n = len(pos)
    order = np.argsort(pos[:, 0], kind="stable")
    xs = pos[order, 0]
    reach = np.searchsorted(xs, xs + 2 * hw.max(), side="right")
    span = reach - np.arange(n) - 1  # the neighbours at distances 1..span[a] (in x order) of the box at a
    found_a, found_offset = [], []
    ends = np.cumsum(span)
    first = 0
    while first < n:  # boxes first..last-1: about ``block`` candidate pairs
        last = max(first + 1, int(np.searchsorted(ends, (ends[first - 1] if first else 0) + block, side="right")))
        count = span[first:last]
        a = np.repeat(np.arange(first, last), count)
        offset = np.arange(len(a)) - np.repeat(np.cumsum(count) - count, count) + 1
        i, j = order[a], order[a + offset]
        hit = (np.abs(pos[i, 0] - pos[j, 0]) < hw[i] + hw[j]) & (np.abs(pos[i, 1] - pos[j, 1]) < hh[i] + hh[j])
        found_a.append(a[hit])
        found_offset.append(offset[hit])
        first = last
    a, offset = np.concatenate(found_a), np.concatenate(found_offset)
    by_offset = np.lexsort((a, offset))
    a, offset = a[by_offset], offset[by_offset]
    return order[a], order[a + offset]


def remove_overlaps(pos, half_sizes, gap: float = 6.0, passes: int = 300):
    """Push apart label boxes (centre ``pos``, half width/height ``half_sizes``) until none overlap.

    Crowded layouts are first spread out uniformly until the boxes could fit; then each
    pass moves every overlapping pair apart along the axis where it overlaps least.
    """
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
            side[u]["left" if d["stance"] in SUPPORTING_CLASSES else "right" if d["stance"] in DISPUTING_CLASSES else "left"] += 1
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
