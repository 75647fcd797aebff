"""Draw the projection as one self-contained, offline HTML page (pyvis + vis-network).

pyvis's own templates fetch vis-network, Bootstrap or tom-select from a CDN, so a page
drawn with them is blank without a network. Here pyvis only holds the network (nodes and
edges, filled directly: ``from_nx`` is quadratic) and we write the page ourselves with
vis-network inlined from pyvis's bundled copy. The page's own HTML, CSS and JS are real
files in ``claimgraph/web`` (linted by Biome in CI), inlined here so that the page stays one
file that works offline. Article text reaches the page only as JSON inside a non-executable
script element and is put on screen with ``textContent``, never as HTML; links are only
ever http(s).

Positions are computed here (``layout.layout``), physics is off, and above
``max_nodes`` the page shows actors only with weighted accusation, denial and mediation
edges (``projection.aggregate``).
"""
from __future__ import annotations

import html
import math
import re
import textwrap
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from .errors import ClaimgraphError
from .fileio import write_atomic
from .layout import layout, sides_layout
from .projection import SUPPORTING, aggregate, gc_paused, narrow, project

DEFAULT_MAX_NODES = 1500

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. Every
# node type also has its own shape and every stance its own line pattern and label.
TYPE_STYLE = {  # colour, vis shape, legend name
    "state": ("#0072B2", "dot", "state"),
    "armed group": ("#D55E00", "triangle", "armed group"),
    "organisation": ("#009E73", "square", "organisation"),
    "person": ("#CC79A7", "dot", "person"),
    "unnamed source": ("#999999", "triangleDown", "unnamed source"),
    "actor": ("#777777", "dot", "actor"),
    "claim": ("#FFF3B0", "box", "claim"),
    "mediation": ("#56B4E9", "hexagon", "mediation"),
}
STANCE_STYLE = {  # colour, dash pattern (False = solid), verb on the edge, width, arrow head
    "Assertion": ("#0072B2", False, "asserts", 1.5, "arrow"),
    "Accusation": ("#D55E00", False, "accuses", 3.0, "arrow"),
    "Denial": ("#000000", [8, 5], "denies", 3.0, "bar"),
    "Commitment": ("#009E73", [2, 4], "commits", 2.0, "arrow"),
    "Endorsement": ("#56B4E9", [14, 4], "endorses", 2.0, "arrow"),
    "Demand": ("#E69F00", [10, 4, 2, 4], "demands", 2.0, "arrow"),
    "Report": ("#777777", [2, 3], "reports", 1.5, "arrow"),
    "mediates": ("#CC79A7", False, "mediates", 2.0, "arrow"),
    "party": ("#777777", [5, 5], "party to", 1.2, "arrow"),
    "affiliation": ("#CC79A7", [1, 4], "acts for", 1.2, "arrow"),
    # the structure of a claim: claim -> its subject, its object (labelled with the relation), whom it is aimed at
    "subject": ("#8a7a00", [1, 3], "subject", 1.0, "arrow"),
    "object": ("#8a7a00", [6, 3], "object", 1.0, "arrow"),
    "target": ("#8a7a00", [1, 6], "aimed at", 1.0, "arrow"),
}
# The stance as text (the tags on evidence cards): darker shades of the line colours above, so that
# each reads at WCAG AA (4.5:1) on the page's backgrounds; tests/test_render.py computes the ratios.
STANCE_INK = {
    "Assertion": "#0072B2", "Accusation": "#A94400", "Denial": "#000000", "Commitment": "#00785A",
    "Endorsement": "#1F6F9F", "Demand": "#8F5F00", "Report": "#666666", "mediates": "#9E3F78",
    "party": "#666666", "affiliation": "#9E3F78", "subject": "#6B5F00", "object": "#6B5F00", "target": "#6B5F00",
}
CONTESTED_BORDER = "#D55E00"
CLAIM_CLEARANCE = 60  # px kept free round a contested claim's box in the layout
FONT = "Arial"
FONT_SIZE = 14
LINE_HEIGHT = 17
# Advance widths of Arial/Helvetica (per 1000 em), to size label boxes before the browser does.
_WIDTHS = {**{c: 556 for c in "abdeghnopqu0123456789?$#_"}, **{c: 500 for c in "cksvxyzJ"},
           **{c: 222 for c in "ijl|'"}, **{c: 278 for c in " ftI,.:;!/\\[]"}, "m": 833, "w": 722, "r": 333,
           **{c: 333 for c in "()-`"}, **{c: 667 for c in "ABEKPSVXY&"}, **{c: 722 for c in "CDHNRUw"},
           **{c: 778 for c in "GOQ"}, **{c: 611 for c in "FTZ"}, "L": 556, "M": 833, "W": 944, '"': 355,
           "\u2019": 222, "\u2014": 1000, "\u2026": 1000, "\u00b7": 278}


def text_width(text: str, size: int = FONT_SIZE) -> float:
    """Width in pixels of ``text`` in Arial at ``size`` px (unknown characters count as wide)."""
    return sum(_WIDTHS.get(c, 640) for c in text) * size / 1000


def _inline(text: str, element: str) -> str:
    """``text`` made safe to sit inside an inline ``element`` (script or style): nothing in it can close it."""
    return re.sub(rf"</({element})", r"<\\/\1", text, flags=re.I)


def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet as shipped inside the pyvis package."""
    lib = resources.files("pyvis") / "lib" / "vis-9.1.2"
    script = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    style = (lib / "vis-network.css").read_text(encoding="utf-8")
    return _inline(script, "script"), _inline(style, "style")


# In page.html a placeholder is written so that the template stays valid where it stands (and lints):
# /*@@NAME@@*/ in a script or style element, "@@NAME@@" as the JSON data, @@NAME@@ in text.
_PLACEHOLDER = re.compile(r'/\*@@([A-Z_]+)@@\*/|"@@([A-Z_]+)@@"|@@([A-Z_]+)@@')


def _web_assets() -> tuple[str, str, str]:
    """The page's template, stylesheet and script: real files in ``claimgraph/web`` (package data), so
    they can be edited, linted and reviewed as HTML, CSS and JS; inlined at render time so the page
    stays one file that works offline."""
    web = resources.files("claimgraph") / "web"
    page = (web / "page.html").read_text(encoding="utf-8")
    style = (web / "page.css").read_text(encoding="utf-8")
    script = (web / "page.js").read_text(encoding="utf-8")
    return page, _inline(style, "style"), _inline(script, "script")


def _script_json(value) -> str:
    """JSON safe inside a script element: no '<', '>' or '&' can end it or start a tag.

    Written by orjson (keys sorted, compact, UTF-8): the page data of a 10,000-article
    corpus is 50 MB, which the standard library's encoder took 1.6 s to write and orjson 0.2 s.
    """
    import orjson

    return (orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS)
            .replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026")
            .replace("\u2028".encode(), b"\\u2028").replace("\u2029".encode(), b"\\u2029")
            .decode("utf-8"))


def _wrap(label: str, width: int, lines: int) -> list[str]:
    out = textwrap.wrap(label, width, break_long_words=True) or [""]
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "\u2026"
    return out


def _node_look(node: str, data: dict, degree: int) -> tuple[dict, tuple[float, float]]:
    """The vis node (without position) and the (width, height) of its shape and label."""
    kind = data["kind"]
    colour, shape, _ = TYPE_STYLE.get(data["type"] if kind == "actor" else kind, TYPE_STYLE["actor"])
    font = {"face": FONT, "size": FONT_SIZE, "color": "#1a1a1a", "strokeWidth": 3, "strokeColor": "#ffffff"}
    if kind == "claim":
        lines = _wrap(data["label"], 30, 3)
        if data.get("contested"):
            lines.insert(0, f"CONTESTED \u00b7 {len(data['supporters'])} for, {len(data['disputers'])} against")
        width = max(text_width(line) for line in lines) + 14
        look = {"shape": "box", "label": "\n".join(lines), "font": {**font, "strokeWidth": 0},
                "color": {"background": colour, "border": CONTESTED_BORDER if data.get("contested") else "#8a7a00",
                          "highlight": {"background": "#FFE066", "border": "#000000"},
                          "hover": {"background": "#FFE98A", "border": "#000000"}},
                "borderWidth": 4 if data.get("contested") else 1, "margin": 6,
                "shapeProperties": {"borderRadius": 3}}
        if data.get("contested"):
            look["borderWidthSelected"] = 5
        return look, (width + 8, LINE_HEIGHT * len(lines) + 14)
    size = round(min(30.0, 9 + 4 * math.log2(1 + degree)), 1)
    if kind == "mediation" or data["type"] == "person":
        size = min(size, 14.0)
    label = data["label"] if len(data["label"]) <= 36 else data["label"][:35] + "\u2026"
    look = {"shape": shape, "label": label, "size": size, "font": font, "borderWidth": 2,
            "color": {"background": colour, "border": "#ffffff" if kind == "actor" else "#1f5f8b",
                      "highlight": {"background": colour, "border": "#000000"},
                      "hover": {"background": colour, "border": "#000000"}}}
    return look, (max(2 * size, text_width(label)) + 6, 2 * size + LINE_HEIGHT + 8)


def _edge_look(stance: str, kind: str, count: int = 1, weight: int | None = None, relation: str = "") -> dict:
    colour, dashes, verb, width, head = STANCE_STYLE.get(
        "affiliation" if kind == "affiliation" else stance, ("#777777", False, stance, 1.5, "arrow"))
    if kind == "affiliation":
        verb = stance  # the role: "spokesman", "foreign minister"
    if relation:
        verb = f"object: {relation}"  # the claim's object, with what its subject is said to do to it
    label = verb
    opacity = 0.9
    if weight is not None:  # aggregated: no labels (hundreds would pile up); width and pattern carry it
        label = ""
        width = round(min(6.0, 0.8 + math.log2(1 + weight)), 1)
        opacity = 0.5
    elif count > 1:
        label = f"{verb} \u00d7{count}"
    return {"label": label, "dashes": dashes, "width": width,
            "color": {"color": colour, "highlight": colour, "hover": colour, "opacity": opacity},
            "arrows": {"to": {"enabled": True, "type": head, "scaleFactor": 0.7}},
            "font": {"face": FONT, "size": 11, "color": "#333333", "strokeWidth": 3, "strokeColor": "#ffffff",
                     "align": "horizontal"}}


def _safe_url(url: str | None) -> str:
    return url if url and re.match(r"https?://", url, re.I) else ""


def view(graph: nx.MultiDiGraph, max_nodes: int = DEFAULT_MAX_NODES, seed: int = 7):
    """The pyvis Network and the page data for a projection (aggregated above ``max_nodes``)."""
    aggregated = graph.number_of_nodes() > max_nodes
    shown = aggregate(graph, max_nodes) if aggregated else graph
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    degree = {n: shown.degree(n, weight="weight" if aggregated else None) for n in shown.nodes}
    looks, boxes = {}, {}
    for node in sorted(shown.nodes):
        looks[node], boxes[node] = _node_look(node, shown.nodes[node], degree[node])
    # A contested claim is laid out with a margin round its box, so that its two sides do not sit against
    # it: the accusations and denials that make it contested stay long enough to see.
    clear = {n: (w + 2 * CLAIM_CLEARANCE, h + 2 * CLAIM_CLEARANCE) if shown.nodes[n].get("contested") else (w, h)
             for n, (w, h) in boxes.items()}
    positions = layout(shown, seed=seed, boxes=clear)
    contested_pos = {} if aggregated else sides_layout(shown, boxes)
    if shown.graph.get("contested_only"):  # --contested-only: the two sides are the layout
        positions = {**positions, **contested_pos}

    statements, sources, edge_meta = [], {}, {}
    groups: dict[tuple, list] = {}
    for u, v, key, data in sorted(shown.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        group = (u, v, key) if aggregated else (u, v, data["kind"], data["stance"])
        groups.setdefault(group, []).append((key, data))
    involved: dict[str, set] = {}
    if not aggregated:  # a mediation edge involves every actor of its mediation
        for u, v, data in shown.edges(data=True):
            if data["kind"] == "mediation":
                med = v if data["stance"] == "mediates" else u
                involved.setdefault(med, set()).add(u if data["stance"] == "mediates" else v)

    labels = {n: d["label"] for n, d in graph.nodes(data=True)}

    def statement(key, data, edge_id, u, v):
        article = data.get("article") or data.get("source") or ""
        if article and article not in sources:
            sources[article] = {"title": data.get("source") or article, "publisher": data.get("publisher") or "",
                                "date": data.get("published") or "", "url": _safe_url(data.get("url"))}
        statements.append({
            "id": key, "edge": edge_id, "kind": data["kind"], "stance": data["stance"],
            "from": labels[u], "fromId": u, "to": labels[v], "toId": v,
            "obo": data.get("on_behalf_of") or "", "by": data.get("attributed_to") or "",
            "date": (data.get("date") or "")[:10], "sentence": data.get("sentence") or "",
            "span": data.get("span") or "", "src": article, "method": data.get("method") or "",
            "conf": data.get("confidence")})
        return len(statements) - 1

    for (u, v, *_), members in sorted(groups.items()):
        edge_id = members[0][0]
        first = members[0][1]
        if aggregated:
            look = _edge_look(first["stance"], "aggregate", weight=first["weight"])
            idx = []
            for n, sample in enumerate(first["samples"]):
                idx.append(statement(f"{edge_id}#{n}", sample, edge_id, sample["speaker"], sample["about"]))
            meta = {"kind": "aggregate", "stance": first["stance"], "weight": first["weight"], "st": idx,
                    "actors": sorted({u, v})}
        elif first["kind"] == "structure":  # what the claim is about: no statement of its own
            look = _edge_look(first["stance"], "structure", relation=first.get("relation") or "")
            meta = {"kind": "structure", "stance": first["stance"], "st": [], "actors": [v]}
            if first.get("relation"):
                meta["relation"] = first["relation"]
        else:
            look = _edge_look(first["stance"], first["kind"], count=len(members))
            idx = [statement(key, data, edge_id, u, v) for key, data in members]
            actors = {u, v} | {d.get("attributed_to") for _, d in members if d.get("attributed_to")}
            for _, d in members:
                actors.update(d.get("targets") or [])
            if first["kind"] == "mediation":
                actors |= involved.get(v if first["stance"] == "mediates" else u, set())
            meta = {"kind": first["kind"], "stance": first["stance"], "st": idx,
                    "actors": sorted(a for a in actors if a in shown and shown.nodes[a]["kind"] != "claim")}
        meta.update({"from": u, "to": v})
        edge_meta[edge_id] = meta
        net.edges.append({"id": edge_id, "from": u, "to": v, **look})

    disputes = _disputes(graph)
    drawn = dict(shown.nodes(data=True))
    if aggregated:  # the disputes are drawn one at a time, from claims and statements kept hidden until then
        wanted = set(disputes) | {x for others in disputes.values() for x in others}
        hidden: dict[tuple, list] = {}
        chosen = [(u, v, key, d) for u, ends in graph.adj.items() for v, edges in ends.items()
                  if v in wanted for key, d in edges.items()   # (the adjacency itself: 94k edges at 10k articles)
                  if d["kind"] == "statement" and (v in disputes or d["stance"] in SUPPORTING)]
        for u, v, key, d in sorted(chosen, key=lambda e: (e[0], e[1], e[2])):
            hidden.setdefault((u, v, d["stance"]), []).append((key, d))
        for (u, v, stance), members in sorted(hidden.items()):
            edge_id = members[0][0]
            idx = [statement(key, d, edge_id, u, v) for key, d in members]
            actors = {u} | {d.get("attributed_to") for _, d in members if d.get("attributed_to")}
            for _, d in members:
                actors.update(d.get("targets") or [])
            # no vis edge: the page draws it from this and data["edgeLook"] (half the bytes of a dispute)
            edge_meta[edge_id] = {"kind": "statement", "stance": stance, "st": idx, "from": u, "to": v,
                                  "actors": sorted(a for a in actors if a in graph), "dispute": True}
            for node in (u, v):
                if node not in drawn:
                    drawn[node] = graph.nodes[node]
                    looks[node] = _node_look(node, drawn[node], graph.degree(node))[0]

    node_meta = {}
    for node in sorted(drawn):
        data = drawn[node]
        x, y = positions.get(node, (0.0, 0.0))
        net.nodes.append({"id": node, "x": x, "y": y, **looks[node]})
        net.node_ids.append(node)  # keep pyvis's own bookkeeping consistent
        meta = {"label": data["label"], "kind": data["kind"], "type": data["type"],
                "aliases": data.get("aliases", []), "affiliations": data.get("affiliations", [])}
        if data["kind"] == "claim":
            meta.update(contested=bool(data.get("contested")), supporters=data.get("supporters", []),
                        disputers=data.get("disputers", []))
        if aggregated and node in shown:
            meta.update(statements=data.get("statements", 0), received=data.get("received", 0),
                        by_stance=data.get("by_stance", {}))
        elif aggregated:
            meta["dispute"] = True  # drawn only with a dispute
        if node in contested_pos:
            meta["cx"], meta["cy"] = contested_pos[node]
        node_meta[node] = meta
    net.toggle_physics(False)
    for record in statements:  # a drawn node's label is in node_meta: the page fills it in (bytes saved per statement)
        if record["toId"] in node_meta:
            del record["to"]
        if record["fromId"] in node_meta:
            del record["from"]
        if record["by"] == record["fromId"]:  # said for itself: the page reads a missing "by" as the speaker
            del record["by"]

    info = {"mode": "aggregated" if aggregated else "full", "max_nodes": max_nodes,
            "total_nodes": graph.number_of_nodes(), "total_edges": graph.number_of_edges()}
    if aggregated:
        info["aggregated"] = shown.graph["aggregated"]
    if graph.graph.get("focus"):
        info["focus"] = graph.graph["focus"]
    data = {"info": info, "nodes": node_meta, "edges": edge_meta, "statements": statements, "sources": sources,
            "disputes": disputes, "look": {"contested": [CONTESTED_BORDER, 4], "plain": ["#8a7a00", 1]},
            "edgeLook": {s: _edge_look(s, "statement") for s in STANCE_STYLE} if aggregated else {},
            "types": {t: [c, s, name] for t, (c, s, name) in TYPE_STYLE.items()},
            "stances": {s: [c, d, verb, STANCE_INK[s]] for s, (c, d, verb, _, _) in STANCE_STYLE.items()}}
    return net, data


def _disputes(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Every contested claim, with the claims whose assertion disputes it (``cg:contradicts``).

    The page recomputes from these and the statements whether each is contested among the
    statements in view, by the rule of ``claimgraph contested``; a claim not contested in the
    whole projection cannot become contested in part of it.
    """
    against: dict[str, set] = defaultdict(set)
    for other, claims in graph.graph.get("contradicts", {}).items():
        for claim in claims:
            against[claim].add(other)
    return {claim: sorted(x for x in against.get(claim, ()) if x in graph)
            for claim, d in sorted(graph.nodes(data=True)) if d.get("contested")}


def render_html(graph: nx.MultiDiGraph, title: str = "claimgraph", max_nodes: int = DEFAULT_MAX_NODES,
                note: str = "") -> str:
    """The whole page as a string: network, legend, filters, search, panel and table; no external requests.

    ``note`` says what the command line selected (e.g. "Pakistan and 1 hop around it").
    """
    net, data = view(graph, max_nodes)
    big = len(net.nodes) > 400 or len(net.edges) > 1500
    options = {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": not big, "keyboard": {"enabled": True, "bindToWindow": False},
                        "multiselect": False, "navigationButtons": False, "tooltipDelay": 300,
                        "hideEdgesOnDrag": big, "hideEdgesOnZoom": big, "zoomSpeed": 0.7},
        "edges": {"smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.15},
                  "selectionWidth": 2, "hoverWidth": 1},
        "nodes": {"scaling": {"label": {"drawThreshold": 6}}},
    }
    payload = {"vis": {"nodes": net.nodes, "edges": net.edges, "options": options}, **data,
               "title": title, "note": note}
    script, style = _vis_assets()
    page, app_style, app_script = _web_assets()
    values = {"TITLE": _html_text(title), "VIS_STYLE": style, "VIS_SCRIPT": script, "DATA": _script_json(payload),
              "STYLE": app_style, "APP": app_script}
    return _PLACEHOLDER.sub(lambda m: values[m.group(1) or m.group(2) or m.group(3)], page)


def _html_text(text: str) -> str:
    return html.escape(text, quote=True)


def render_file(graph: nx.MultiDiGraph, output: Path, title: str = "claimgraph",
                max_nodes: int = DEFAULT_MAX_NODES, note: str = "") -> Path:
    write_atomic(Path(output), render_html(graph, title, max_nodes, note).encode("utf-8"))
    return Path(output)


@dataclass
class Drawn:
    """What :func:`render_source` drew: the projection's size and whether it was aggregated to actors."""

    output: Path
    nodes: int
    edges: int
    aggregated: bool


def render_source(store, output: Path, title: str = "claimgraph", actor: str | None = None, hops: int = 1,
                  contested: bool = False, since=None, until=None, max_nodes: int = DEFAULT_MAX_NODES) -> Drawn:
    """Project a graph source, cut it to the view asked for, and write the page to ``output``.

    Raises :class:`ClaimgraphError` when nothing matches the view (an unknown actor, an
    empty window).
    """
    with gc_paused():
        graph, note = narrow(project(store), actor=actor, hops=hops, contested=contested, since=since, until=until)
        if graph.number_of_nodes() == 0:
            raise ClaimgraphError("nothing to draw: no statement matches the options")
        render_file(graph, output, title, max_nodes=max_nodes, note=note)
    return Drawn(Path(output), graph.number_of_nodes(), graph.number_of_edges(),
                 graph.number_of_nodes() > max_nodes)

