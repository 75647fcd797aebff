"""Draw the projection as one self-contained, offline HTML page (pyvis + vis-network).

pyvis's own templates fetch vis-network, Bootstrap or tom-select from a CDN, so a page
drawn with them is blank without a network. Here pyvis only holds the network (nodes and
edges, filled directly: ``from_nx`` is quadratic) and we write the page ourselves with
vis-network inlined from pyvis's bundled copy. Article text reaches the page only as JSON
inside a non-executable script element and is put on screen with ``textContent``, never
as HTML; links are only ever http(s).

Positions are computed here (``layout.layout``), physics is off, and above
``max_nodes`` the page shows actors only with weighted accusation, denial and mediation
edges (``projection.aggregate``).
"""
from __future__ import annotations

import html
import json
import math
import re
import textwrap
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from .errors import ClaimgraphError
from .fileio import write_atomic
from .layout import layout, sides_layout
from .projection import aggregate, narrow, project

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
}
CONTESTED_BORDER = "#D55E00"
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


def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet as shipped inside the pyvis package."""
    lib = resources.files("pyvis") / "lib" / "vis-9.1.2"
    script = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    style = (lib / "vis-network.css").read_text(encoding="utf-8")
    return re.sub(r"</(script)", r"<\\/\1", script, flags=re.I), re.sub(r"</(style)", r"<\\/\1", style, flags=re.I)


def _script_json(value) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' can end it or start a tag."""
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


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


def _edge_look(stance: str, kind: str, count: int = 1, weight: int | None = None) -> dict:
    colour, dashes, verb, width, head = STANCE_STYLE.get(
        "affiliation" if kind == "affiliation" else stance, ("#777777", False, stance, 1.5, "arrow"))
    if kind == "affiliation":
        verb = stance  # the role: "spokesman", "foreign minister"
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
    positions = layout(shown, seed=seed, boxes=boxes)
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

    def statement(key, data, edge_id, u, v):
        article = data.get("article") or data.get("source") or ""
        if article and article not in sources:
            sources[article] = {"title": data.get("source") or article, "publisher": data.get("publisher") or "",
                                "date": data.get("published") or "", "url": _safe_url(data.get("url"))}
        statements.append({
            "id": key, "edge": edge_id, "kind": data["kind"], "stance": data["stance"],
            "from": graph.nodes[u]["label"], "fromId": u, "to": graph.nodes[v]["label"], "toId": v,
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

    node_meta = {}
    for node in sorted(shown.nodes):
        data = shown.nodes[node]
        x, y = positions.get(node, (0.0, 0.0))
        net.nodes.append({"id": node, "x": x, "y": y, **looks[node]})
        net.node_ids.append(node)  # keep pyvis's own bookkeeping consistent
        meta = {"label": data["label"], "kind": data["kind"], "type": data["type"],
                "aliases": data.get("aliases", []), "affiliations": data.get("affiliations", [])}
        if data["kind"] == "claim":
            meta.update(contested=bool(data.get("contested")), supporters=data.get("supporters", []),
                        disputers=data.get("disputers", []))
        if aggregated:
            meta.update(statements=data.get("statements", 0), received=data.get("received", 0),
                        by_stance=data.get("by_stance", {}))
        if node in contested_pos:
            meta["cx"], meta["cy"] = contested_pos[node]
        node_meta[node] = meta
    net.toggle_physics(False)

    info = {"mode": "aggregated" if aggregated else "full", "max_nodes": max_nodes,
            "total_nodes": graph.number_of_nodes(), "total_edges": graph.number_of_edges()}
    if aggregated:
        info["aggregated"] = shown.graph["aggregated"]
    if graph.graph.get("focus"):
        info["focus"] = graph.graph["focus"]
    data = {"info": info, "nodes": node_meta, "edges": edge_meta, "statements": statements, "sources": sources,
            "types": {t: [c, s, name] for t, (c, s, name) in TYPE_STYLE.items()},
            "stances": {s: [c, d, verb] for s, (c, d, verb, _, _) in STANCE_STYLE.items()}}
    return net, data


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
    values = {"TITLE": _html_text(title), "VIS_STYLE": style, "VIS_SCRIPT": script, "DATA": _script_json(payload),
              "STYLE": STYLE, "APP": APP_SCRIPT}
    return re.sub(r"@@([A-Z_]+)@@", lambda m: values[m.group(1)], PAGE)


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
    graph, note = narrow(project(store), actor=actor, hops=hops, contested=contested, since=since, until=until)
    if graph.number_of_nodes() == 0:
        raise ClaimgraphError("nothing to draw: no statement matches the options")
    render_file(graph, output, title, max_nodes=max_nodes, note=note)
    return Drawn(Path(output), graph.number_of_nodes(), graph.number_of_edges(),
                 graph.number_of_nodes() > max_nodes)


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'">
<meta name="referrer" content="no-referrer">
<title>@@TITLE@@</title>
<style>@@VIS_STYLE@@</style>
<style>@@STYLE@@</style>
</head>
<body>
<div id="app">
<header>
  <h1 id="title">@@TITLE@@</h1>
  <div class="search">
    <label for="search">Search</label>
    <input id="search" type="search" list="search-names" placeholder="actor, alias or claim (e.g. Islamabad)"
           autocomplete="off" spellcheck="false">
    <datalist id="search-names"></datalist>
    <span id="search-status" role="status" aria-live="polite"></span>
  </div>
  <div class="tools">
    <button type="button" id="fit" title="Show the whole graph">Fit</button>
    <button type="button" id="toggle-table" aria-expanded="false" aria-controls="table-box">Table</button>
    <button type="button" id="csv">CSV</button>
    <button type="button" id="png">PNG</button>
    <button type="button" id="copy-link" title="Copy a link to this view (selection and filters)">Copy link</button>
  </div>
  <p id="summary" class="muted"></p>
</header>
<div id="notice" role="note" hidden></div>
<nav id="side" aria-label="Legend and filters">
  <section>
    <h2>Nodes <span class="hint">click to hide</span></h2>
    <ul class="legend" id="legend-types"></ul>
  </section>
  <section>
    <h2>Stances <span class="hint">click to hide</span></h2>
    <ul class="legend" id="legend-stances"></ul>
  </section>
  <section class="filters">
    <h2>Filters</h2>
    <label class="check"><input type="checkbox" id="f-contested"> Contested claims only <span class="muted">(supporters left, disputers right)</span></label>
    <label for="f-actor">Actor</label>
    <select id="f-actor"><option value="">all actors</option></select>
    <label for="f-source">Source</label>
    <select id="f-source"><option value="">all sources</option></select>
    <div class="dates">
      <span><label for="f-since">From</label><input type="date" id="f-since"></span>
      <span><label for="f-until">To</label><input type="date" id="f-until"></span>
    </div>
    <fieldset><legend>Method</legend>
      <label class="check"><input type="checkbox" id="f-curated" checked> curated</label>
      <label class="check"><input type="checkbox" id="f-extracted" checked> extracted</label>
    </fieldset>
    <button type="button" id="reset">Reset filters</button>
  </section>
</nav>
<main id="network" aria-label="Network of actors, claims and mediations; use the search box or the table to reach nodes by keyboard"></main>
<aside id="panel-box" aria-label="Evidence">
  <section id="panel" aria-live="polite"></section>
</aside>
<section id="table-box" hidden>
  <div class="table-head"><strong id="table-title">Visible statements</strong> <span id="table-count" class="muted"></span></div>
  <div class="table-scroll"><table id="table"><thead></thead><tbody></tbody></table></div>
</section>
</div>
<script>@@VIS_SCRIPT@@</script>
<script id="cg-data" type="application/json">@@DATA@@</script>
<script>@@APP@@</script>
</body>
</html>
"""

STYLE = """
  html, body { margin: 0; height: 100%; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Arial, sans-serif;
               color: #1a1a1a; background: #fff; }
  #app { display: grid; height: 100%; grid-template-columns: 235px minmax(300px, 1fr) 370px;
         grid-template-rows: auto auto minmax(0, 1fr) auto;
         grid-template-areas: "head head head" "notice notice notice" "side net panel" "table table table"; }
  header { grid-area: head; display: flex; flex-wrap: wrap; gap: .4em 1.2em; align-items: center;
           padding: .45em .9em; border-bottom: 1px solid #d9d9d9; background: #fafafa; }
  header h1 { font-size: 1.1em; margin: 0; letter-spacing: .01em; }
  .search { display: flex; gap: .4em; align-items: center; }
  #search { padding: .3em .5em; min-width: 19em; border: 1px solid #888; border-radius: 4px; font: inherit; }
  #search-status { color: #555; font-size: .9em; min-width: 8em; }
  .tools { display: flex; gap: .35em; }
  button { font: inherit; padding: .25em .7em; border: 1px solid #888; border-radius: 4px; background: #fff;
           cursor: pointer; color: #1a1a1a; }
  button:hover { background: #f0f0f0; }
  :focus-visible { outline: 3px solid #0072B2; outline-offset: 1px; }
  #summary { margin: 0 0 0 auto; font-size: .9em; }
  .muted, .hint { color: #5c5c5c; font-weight: normal; }
  .hint { font-size: .8em; }
  #notice { grid-area: notice; padding: .5em .9em; background: #FFF3B0; border-bottom: 1px solid #d9c96b; }
  #notice code { background: #fff8d6; padding: 0 .25em; }
  #side { grid-area: side; overflow: auto; padding: .3em .8em .8em; border-right: 1px solid #d9d9d9; background: #fcfcfc; }
  #side h2 { font-size: .95em; margin: .8em 0 .3em; }
  ul.legend { list-style: none; padding: 0; margin: 0; }
  ul.legend li { margin: 0; }
  ul.legend button { display: flex; align-items: center; gap: .5em; width: 100%; border: 0; background: none;
                     padding: .15em .25em; text-align: left; border-radius: 3px; }
  ul.legend button:hover { background: #eef4fa; }
  ul.legend button[aria-pressed="false"] { opacity: .4; text-decoration: line-through; }
  ul.legend .n { margin-left: auto; color: #5c5c5c; font-variant-numeric: tabular-nums; }
  .filters label { display: block; margin: .5em 0 .1em; font-size: .9em; }
  .filters label.check { display: flex; gap: .4em; align-items: baseline; margin: .35em 0; }
  .filters select, .filters input[type=date] { width: 100%; box-sizing: border-box; font: inherit; padding: .15em; }
  .dates { display: grid; grid-template-columns: 1fr; gap: 0; }
  fieldset { border: 1px solid #ddd; border-radius: 4px; margin: .6em 0; padding: .1em .6em .3em; }
  legend { font-size: .9em; }
  #reset { margin-top: .4em; }
  #network { grid-area: net; min-height: 300px; position: relative; }
  #panel-box { grid-area: panel; overflow: auto; border-left: 1px solid #d9d9d9; padding: .2em 1em 1em; }
  #panel { user-select: text; }
  #panel h2 { font-size: 1.1em; margin: .7em 0 .3em; }
  #panel h3 { font-size: .95em; margin: 1em 0 .3em; }
  #panel .kind { color: #5c5c5c; margin: 0 0 .5em; }
  #panel dl { display: grid; grid-template-columns: max-content 1fr; gap: .15em .7em; margin: .4em 0; }
  #panel dt { color: #5c5c5c; }
  #panel dd { margin: 0; }
  .sides { display: grid; grid-template-columns: 1fr 1fr; gap: .6em; margin: .5em 0; }
  .sides > div { border: 1px solid #ddd; border-radius: 4px; padding: .3em .5em; }
  .sides h4 { margin: 0 0 .2em; font-size: .85em; text-transform: uppercase; letter-spacing: .04em; }
  .sides .for h4 { color: #A94400; } .sides .against h4 { color: #000; }
  .badge { display: inline-block; font-size: .78em; font-weight: bold; padding: .05em .45em; border-radius: 3px;
           color: #fff; background: #A94400; letter-spacing: .03em; }
  .card { border: 1px solid #e3e3e3; border-left: 4px solid #999; border-radius: 4px; padding: .4em .6em;
          margin: .5em 0; }
  .card .who { font-weight: 600; }
  .card blockquote { margin: .35em 0; padding: 0; font-style: normal; }
  .card mark { background: #FFE08A; padding: 0 .1em; }
  .card .src { font-size: .85em; color: #5c5c5c; }
  .card .src a { color: #005A8C; }
  .stance { font-size: .8em; border: 1px solid currentColor; border-radius: 3px; padding: 0 .35em; margin-left: .3em; }
  pre.cmd { background: #f4f4f4; padding: .4em .6em; white-space: pre-wrap; user-select: all; }
  #table-box { grid-area: table; border-top: 1px solid #d9d9d9; max-height: 38vh; display: flex; flex-direction: column; }
  #table-box[hidden] { display: none; }
  .table-head { padding: .3em .9em; }
  .table-scroll { overflow: auto; }
  #table { border-collapse: collapse; width: 100%; font-size: .88em; }
  #table th, #table td { border-bottom: 1px solid #eee; padding: .2em .5em; text-align: left; vertical-align: top; }
  #table th { position: sticky; top: 0; background: #fafafa; }
  .vis-network:focus { outline: none; }
"""

APP_SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("cg-data").textContent);
  var info = data.info, nodeMeta = data.nodes, edgeMeta = data.edges, statements = data.statements;
  var aggregated = info.mode === "aggregated";
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null && text !== "") e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function add(parent) { for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]); return parent; }

  // ---- state: filters and selection, mirrored in the URL fragment ------------------------------
  var state = {hs: [], ht: [], actor: "", src: "", since: "", until: "", hm: [], contested: false, sel: ""};
  function readHash() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ""));
    var list = function (k) { return p.get(k) ? p.get(k).split("|").filter(Boolean) : []; };
    state.hs = list("hs"); state.ht = list("ht"); state.hm = list("hm");
    state.actor = p.get("actor") || ""; state.src = p.get("src") || "";
    state.since = p.get("since") || ""; state.until = p.get("until") || "";
    state.contested = p.get("contested") === "1"; state.sel = p.get("sel") || "";
  }
  function writeHash() {
    var p = new URLSearchParams();
    if (state.sel) p.set("sel", state.sel);
    if (state.hs.length) p.set("hs", state.hs.join("|"));
    if (state.ht.length) p.set("ht", state.ht.join("|"));
    if (state.hm.length) p.set("hm", state.hm.join("|"));
    ["actor", "src", "since", "until"].forEach(function (k) { if (state[k]) p.set(k, state[k]); });
    if (state.contested) p.set("contested", "1");
    var hash = p.toString();
    history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
  }

  // ---- filtering: hide, never grey out --------------------------------------------------------
  var visibleEdge = Object.create(null), visibleNode = Object.create(null), visibleStatements = [];
  function statementPasses(s) {
    if (state.hm.indexOf(s.method) >= 0) return false;
    if (state.src && s.src !== state.src) return false;
    if (s.date && state.since && s.date < state.since) return false;
    if (s.date && state.until && s.date > state.until) return false;
    return true;
  }
  function typeOf(id) { var n = nodeMeta[id]; return n.kind === "actor" ? n.type : n.kind; }
  function edgePasses(id, e) {
    if (state.hs.indexOf(e.kind === "affiliation" ? "affiliation" : e.stance) >= 0) return false;
    if (state.ht.indexOf(typeOf(e.from)) >= 0 || state.ht.indexOf(typeOf(e.to)) >= 0) return false;
    if (state.contested && !(e.kind === "statement" && nodeMeta[e.to].contested)) return false;
    if (state.actor && e.actors.indexOf(state.actor) < 0) return false;
    return true;
  }
  function computeVisible() {
    visibleEdge = Object.create(null); visibleNode = Object.create(null); visibleStatements = [];
    var ids = Object.keys(edgeMeta), later = [];
    ids.forEach(function (id) {
      var e = edgeMeta[id];
      if (e.kind === "affiliation") { later.push(id); return; }
      if (!edgePasses(id, e)) return;
      var ok = e.st.length === 0 || aggregated;
      var passing = [];
      e.st.forEach(function (i) { if (aggregated || statementPasses(statements[i])) { ok = true; passing.push(i); } });
      if (!ok) return;
      visibleEdge[id] = true; visibleNode[e.from] = true; visibleNode[e.to] = true;
      passing.forEach(function (i) { visibleStatements.push(i); });
    });
    later.forEach(function (id) {
      var e = edgeMeta[id];
      if (visibleNode[e.from] && visibleNode[e.to] && edgePasses(id, Object.assign({}, e, {actors: [e.from, e.to]}))) {
        visibleEdge[id] = true;
      }
    });
    if (state.actor && nodeMeta[state.actor] && state.ht.indexOf(typeOf(state.actor)) < 0) visibleNode[state.actor] = true;
    if (!state.actor && !state.contested && !state.src && !state.since && !state.until) {
      lonely.forEach(function (id) { if (state.ht.indexOf(typeOf(id)) < 0) visibleNode[id] = true; });
    }
  }
  var linked = Object.create(null);
  Object.keys(edgeMeta).forEach(function (id) { linked[edgeMeta[id].from] = true; linked[edgeMeta[id].to] = true; });
  var lonely = Object.keys(nodeMeta).filter(function (id) { return !linked[id]; });

  // ---- the network ------------------------------------------------------------------------------
  var nodes = new vis.DataSet(data.vis.nodes);
  var edges = new vis.DataSet(data.vis.edges);
  computeVisible();
  var nodeView = new vis.DataView(nodes, {filter: function (n) { return !!visibleNode[n.id]; }});
  var edgeView = new vis.DataView(edges, {filter: function (e) { return !!visibleEdge[e.id]; }});
  var container = $("network");
  var network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, data.vis.options);
  window.network = network;
  network.on("beforeDrawing", function (ctx) {  // white, not transparent, so the PNG export reads
    ctx.save(); ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height); ctx.restore();
  });
  var home = {};
  data.vis.nodes.forEach(function (n) { home[n.id] = {x: n.x, y: n.y}; });
  var inSides = false;
  function arrange() {  // contested view: supporters left, claims in the middle, disputers right
    if (state.contested === inSides) return;
    inSides = state.contested;
    var moves = [];
    Object.keys(nodeMeta).forEach(function (id) {
      var m = nodeMeta[id];
      if (inSides && m.cx !== undefined) moves.push({id: id, x: m.cx, y: m.cy});
      else if (!inSides) moves.push({id: id, x: home[id].x, y: home[id].y});
    });
    nodes.update(moves);
  }

  function refresh(fit) {
    computeVisible();
    arrange();
    nodeView.refresh(); edgeView.refresh();
    updateCounts();
    if (tableOpen) fillTable();
    if (fit) network.fit({animation: false});
    writeHash();
  }

  // ---- legend with counts; clicking an entry toggles it --------------------------------------
  function swatchNode(type) {
    var spec = data.types[type], ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg"); svg.setAttribute("width", "18"); svg.setAttribute("height", "14");
    svg.setAttribute("aria-hidden", "true");
    var shape, c = spec[0], s = spec[1];
    if (s === "box") { shape = document.createElementNS(ns, "rect"); shape.setAttribute("x", "1"); shape.setAttribute("y", "2");
      shape.setAttribute("width", "16"); shape.setAttribute("height", "10"); shape.setAttribute("stroke", "#8a7a00"); }
    else if (s === "square") { shape = document.createElementNS(ns, "rect"); shape.setAttribute("x", "3"); shape.setAttribute("y", "1");
      shape.setAttribute("width", "12"); shape.setAttribute("height", "12"); }
    else if (s === "triangle" || s === "triangleDown" || s === "hexagon") { shape = document.createElementNS(ns, "polygon");
      shape.setAttribute("points", s === "triangle" ? "9,1 17,13 1,13" : s === "triangleDown" ? "1,1 17,1 9,13" : "5,1 13,1 17,7 13,13 5,13 1,7"); }
    else { shape = document.createElementNS(ns, "circle"); shape.setAttribute("cx", "9"); shape.setAttribute("cy", "7");
      shape.setAttribute("r", type === "person" ? "5" : "6"); }
    shape.setAttribute("fill", c);
    svg.appendChild(shape); return svg;
  }
  function swatchEdge(stance) {
    var spec = data.stances[stance], ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg"); svg.setAttribute("width", "30"); svg.setAttribute("height", "10");
    svg.setAttribute("aria-hidden", "true");
    var line = document.createElementNS(ns, "line");
    line.setAttribute("x1", "1"); line.setAttribute("y1", "5"); line.setAttribute("x2", "29"); line.setAttribute("y2", "5");
    line.setAttribute("stroke", spec[0]); line.setAttribute("stroke-width", stance === "Accusation" || stance === "Denial" ? "3" : "2");
    if (spec[1]) line.setAttribute("stroke-dasharray", spec[1].join(" "));
    svg.appendChild(line); return svg;
  }
  var legendCounts = {};
  function legendEntry(list, key, label, swatch, hidden) {
    var li = el("li"), b = el("button");
    b.type = "button"; b.dataset.key = key;
    b.setAttribute("aria-pressed", hidden.indexOf(key) >= 0 ? "false" : "true");
    var n = el("span", "", "n");
    add(b, swatch, el("span", label), n);
    b.addEventListener("click", function () {
      var i = hidden.indexOf(key);
      if (i >= 0) hidden.splice(i, 1); else hidden.push(key);
      b.setAttribute("aria-pressed", i >= 0 ? "true" : "false");
      refresh(false);
    });
    legendCounts[list.id + ":" + key] = n;
    list.appendChild(add(li, b));
  }
  var typeKeys = [], stanceKeys = [];
  Object.keys(nodeMeta).forEach(function (id) { var t = typeOf(id); if (typeKeys.indexOf(t) < 0) typeKeys.push(t); });
  Object.keys(edgeMeta).forEach(function (id) {
    var e = edgeMeta[id], k = e.kind === "affiliation" ? "affiliation" : e.stance;
    if (stanceKeys.indexOf(k) < 0) stanceKeys.push(k);
  });
  var typeOrder = Object.keys(data.types), stanceOrder = Object.keys(data.stances);
  typeKeys.sort(function (a, b) { return typeOrder.indexOf(a) - typeOrder.indexOf(b); });
  stanceKeys.sort(function (a, b) { return stanceOrder.indexOf(a) - stanceOrder.indexOf(b); });
  function buildLegend() {
    $("legend-types").replaceChildren(); $("legend-stances").replaceChildren();
    typeKeys.forEach(function (t) { legendEntry($("legend-types"), t, data.types[t][2], swatchNode(t), state.ht); });
    stanceKeys.forEach(function (s) {
      var verb = (data.stances[s] || ["", false, s])[2];
      legendEntry($("legend-stances"), s, verb, swatchEdge(data.stances[s] ? s : "Report"), state.hs);
    });
  }
  function updateCounts() {
    var tc = {}, sc = {}, shownNodes = 0, shownEdges = 0;
    Object.keys(visibleNode).forEach(function (id) { shownNodes++; var t = typeOf(id); tc[t] = (tc[t] || 0) + 1; });
    Object.keys(visibleEdge).forEach(function (id) {
      var e = edgeMeta[id], k = e.kind === "affiliation" ? "affiliation" : e.stance;
      shownEdges++;
      sc[k] = (sc[k] || 0) + (aggregated ? e.weight : e.kind === "affiliation" ? 1 : e.st.filter(function (i) { return statementPasses(statements[i]); }).length);
    });
    typeKeys.forEach(function (t) { legendCounts["legend-types:" + t].textContent = String(tc[t] || 0); });
    stanceKeys.forEach(function (s) { legendCounts["legend-stances:" + s].textContent = String(sc[s] || 0); });
    var total = Object.keys(nodeMeta).length;
    $("summary").textContent = aggregated
      ? shownNodes + " of " + total + " actors shown \u00b7 " + info.aggregated.statements + " statements aggregated"
      : shownNodes + " of " + total + " nodes \u00b7 " + visibleStatements.length + " statements shown";
  }

  // ---- filters ----------------------------------------------------------------------------------
  function fillSelect(select, entries) {
    entries.forEach(function (pair) { var o = el("option", pair[1]); o.value = pair[0]; select.appendChild(o); });
  }
  var actorIds = Object.keys(nodeMeta).filter(function (id) { return nodeMeta[id].kind === "actor"; });
  actorIds.sort(function (a, b) { return nodeMeta[a].label.localeCompare(nodeMeta[b].label); });
  fillSelect($("f-actor"), actorIds.map(function (id) { return [id, nodeMeta[id].label]; }));
  var srcIds = Object.keys(data.sources).sort(function (a, b) { return data.sources[a].title.localeCompare(data.sources[b].title); });
  fillSelect($("f-source"), srcIds.map(function (id) { var s = data.sources[id]; return [id, s.title + (s.date ? " (" + s.date + ")" : "")]; }));
  if (aggregated) {
    ["f-source", "f-since", "f-until", "f-curated", "f-extracted"].forEach(function (id) { $(id).disabled = true; });
    $("f-contested").disabled = true;
  }
  function controlsFromState() {
    $("f-actor").value = state.actor; $("f-source").value = state.src;
    $("f-since").value = state.since; $("f-until").value = state.until;
    $("f-curated").checked = state.hm.indexOf("curated") < 0; $("f-extracted").checked = state.hm.indexOf("extracted") < 0;
    $("f-contested").checked = state.contested;
    buildLegend();
  }
  function stateFromControls() {
    state.actor = $("f-actor").value; state.src = $("f-source").value;
    state.since = $("f-since").value; state.until = $("f-until").value;
    state.hm = [];
    if (!$("f-curated").checked) state.hm.push("curated");
    if (!$("f-extracted").checked) state.hm.push("extracted");
    state.contested = $("f-contested").checked;
  }
  ["f-actor", "f-source", "f-since", "f-until", "f-curated", "f-extracted", "f-contested"].forEach(function (id) {
    $(id).addEventListener("change", function () { stateFromControls(); refresh(id === "f-contested" || id === "f-actor"); });
  });
  $("reset").addEventListener("click", function () {
    state.hs = []; state.ht = []; state.hm = []; state.actor = ""; state.src = ""; state.since = ""; state.until = "";
    state.contested = false; controlsFromState(); refresh(true);
  });

  // ---- evidence panel ---------------------------------------------------------------------------
  var panel = $("panel");
  function stanceVerb(s) { return (data.stances[s.kind === "affiliation" ? "affiliation" : s.stance] || ["", false, s.stance])[2]; }
  function stanceColour(s) { return (data.stances[s.kind === "affiliation" ? "affiliation" : s.stance] || ["#777"])[0]; }
  function quote(sentence, span) {
    var q = el("blockquote");
    var i = span ? sentence.indexOf(span) : -1;
    if (i < 0) { q.textContent = sentence; return q; }
    add(q, document.createTextNode(sentence.slice(0, i)), el("mark", span), document.createTextNode(sentence.slice(i + span.length)));
    return q;
  }
  function sourceLine(s) {
    var src = data.sources[s.src] || {title: s.src}, p = el("div", "", "src");
    var bits = [src.title, src.publisher, src.date || s.date].filter(Boolean).join(" \u00b7 ");
    p.appendChild(document.createTextNode("Source: " + bits));
    if (src.url) {
      var a = el("a", src.url); a.href = src.url; a.rel = "noopener noreferrer"; a.target = "_blank";
      add(p, document.createTextNode(" \u00b7 "), a);
    }
    var how = s.method ? s.method + (s.conf !== null && s.conf !== undefined ? " (confidence " + s.conf + ")" : "") : "";
    if (how) p.appendChild(document.createTextNode(" \u00b7 " + how));
    return p;
  }
  function card(s, context) {
    var box = el("div", "", "card");
    box.style.borderLeftColor = stanceColour(s);
    var head = el("div");
    var who = el("span", s.from, "who");
    head.appendChild(who);
    if (s.obo && s.obo !== s.from) head.appendChild(document.createTextNode(" (acting for " + s.obo + ")"));
    var st = el("span", stanceVerb(s), "stance"); st.style.color = stanceColour(s) === "#000000" ? "#000" : stanceColour(s);
    head.appendChild(st);
    if (context) head.appendChild(document.createTextNode(" " + s.to));
    if (s.date) head.appendChild(el("span", " \u00b7 " + s.date, "muted"));
    add(box, head);
    if (s.sentence) box.appendChild(quote(s.sentence, s.span));
    if (s.src) box.appendChild(sourceLine(s));
    return box;
  }
  function cards(parent, list, context, limit) {
    limit = limit || 200;
    list.slice(0, limit).forEach(function (i) { parent.appendChild(card(statements[i], context)); });
    if (list.length > limit) parent.appendChild(el("p", "\u2026 and " + (list.length - limit) + " more (open the table for all)", "muted"));
  }
  function dl(pairs) {
    var d = el("dl");
    pairs.forEach(function (p) { if (p[1]) add(d, el("dt", p[0]), el("dd", p[1])); });
    return d;
  }
  function bySort(a, b) {
    var x = statements[a], y = statements[b];
    return (x.date || "").localeCompare(y.date || "") || x.id.localeCompare(y.id);
  }
  function intro() {
    panel.replaceChildren();
    add(panel, el("h2", "Evidence"),
        el("p", "Click a node or an edge to see the statements behind it: who said it, for whom, when, the exact sentence and its source."),
        el("p", "Search by name or alias, hide kinds and stances in the legend, narrow with the filters; \u201cCopy link\u201d shares this exact view.", "muted"));
    if (aggregated) add(panel, el("p", "This is the aggregated view: click an actor for the command that draws its neighbourhood in full.", "muted"));
  }
  function showNode(id) {
    var n = nodeMeta[id];
    if (!n) return false;
    panel.replaceChildren();
    add(panel, el("h2", n.label), el("p", n.kind === "actor" ? "Actor \u00b7 " + n.type : n.kind === "claim" ? "Claim" : "Mediation", "kind"));
    var touching = [];
    Object.keys(edgeMeta).forEach(function (eid) {
      var e = edgeMeta[eid];
      if (e.from === id || e.to === id || (!aggregated && e.actors.indexOf(id) >= 0 && e.kind === "statement")) {
        e.st.forEach(function (i) { if (touching.indexOf(i) < 0) touching.push(i); });
      }
    });
    touching.sort(bySort);
    if (n.kind === "claim") {
      if (n.contested) {
        panel.appendChild(el("p", "", "")).appendChild(el("span", "CONTESTED", "badge"));
        var sides = el("div", "", "sides"), pro = el("div", "", "for"), con = el("div", "", "against");
        add(pro, el("h4", "For (asserts, accuses)"), el("div", n.supporters.join(", ")));
        add(con, el("h4", "Against (denies)"), el("div", n.disputers.join(", ")));
        panel.appendChild(add(sides, pro, con));
      }
      panel.appendChild(el("h3", "Statements about this claim (" + touching.length + ")"));
      var order = {Accusation: 0, Assertion: 1, Denial: 2};
      touching.sort(function (a, b) {
        var x = order[statements[a].stance], y = order[statements[b].stance];
        return (x === undefined ? 3 : x) - (y === undefined ? 3 : y) || bySort(a, b);
      });
      cards(panel, touching, false);
    } else if (n.kind === "actor") {
      panel.appendChild(dl([["Also called", n.aliases.join("; ")], ["Acts as", n.affiliations.join("; ")]]));
      if (aggregated) {
        var counts = Object.keys(n.by_stance || {}).map(function (k) { return stanceVerb({stance: k}) + " " + n.by_stance[k]; }).join(", ");
        panel.appendChild(dl([["Statements", String(n.statements)], ["By stance", counts], ["Aimed at it", String(n.received)]]));
        panel.appendChild(el("h3", "Draw its neighbourhood in full"));
        panel.appendChild(el("pre", "claimgraph render --actor '" + n.label.replace(/'/g, "'\\''") + "' --hops 1 -o actor.html", "cmd"));
        panel.appendChild(el("h3", "Sample evidence"));
      } else {
        var own = touching.filter(function (i) { var s = statements[i]; return s.fromId === id || s.by === id; });
        var about = touching.filter(function (i) { return own.indexOf(i) < 0; });
        panel.appendChild(el("h3", "Its statements (" + own.length + ")"));
        cards(panel, own, true);
        if (about.length) { panel.appendChild(el("h3", "Statements about it or with it (" + about.length + ")")); cards(panel, about, true); }
        return true;
      }
      cards(panel, touching, true, 30);
    } else {
      panel.appendChild(el("h3", "Mediators and parties"));
      cards(panel, touching, true);
    }
    return true;
  }
  function showEdge(id) {
    var e = edgeMeta[id];
    if (!e) return false;
    panel.replaceChildren();
    var first = statements[e.st[0]] || {stance: e.stance, kind: e.kind};
    var verb = e.kind === "affiliation" ? e.stance : stanceVerb({stance: e.stance, kind: e.kind});
    add(panel, el("h2", nodeMeta[e.from].label + " " + verb + " " + nodeMeta[e.to].label));
    if (aggregated) panel.appendChild(el("p", e.weight + " statement(s) or mediation(s); a sample of the evidence:", "kind"));
    else panel.appendChild(el("p", e.st.length + " statement(s)", "kind"));
    cards(panel, e.st.slice().sort(bySort), true);
    return true;
  }
  function select(sel, focus) {
    state.sel = "";
    var kind = sel.slice(0, 2), id = sel.slice(2), ok = false;
    if (kind === "n:" && visibleNode[id]) {
      ok = showNode(id);
      if (ok) { network.selectNodes([id]); if (focus) network.focus(id, {scale: Math.max(network.getScale(), 1.1), animation: false}); }
    } else if (kind === "e:" && visibleEdge[id]) {
      ok = showEdge(id);
      if (ok) { network.setSelection({nodes: [], edges: [id]}); if (focus) network.fit({nodes: [edgeMeta[id].from, edgeMeta[id].to], animation: false}); }
    }
    if (ok) state.sel = sel; else { network.unselectAll(); intro(); }
    writeHash();
    return ok;
  }
  network.on("click", function (params) {
    if (params.nodes.length) select("n:" + params.nodes[0], false);
    else if (params.edges.length) select("e:" + params.edges[0], false);
    else select("", false);
  });

  // ---- search by label or alias -----------------------------------------------------------------
  var names = [];
  Object.keys(nodeMeta).forEach(function (id) {
    var n = nodeMeta[id];
    names.push([n.label.toLowerCase(), id, n.label]);
    (n.aliases || []).forEach(function (a) { names.push([a.toLowerCase(), id, a + " \u2192 " + n.label, a]); });
  });
  var dlist = $("search-names");
  names.filter(function (x) { return nodeMeta[x[1]].kind !== "claim"; }).slice(0, 5000).forEach(function (x) {
    var o = document.createElement("option"); o.value = x[3] || nodeMeta[x[1]].label; o.label = x[2]; dlist.appendChild(o);
  });
  function find(q) {
    q = q.trim().toLowerCase();
    if (!q) return null;
    var tests = [function (s) { return s === q; }, function (s) { return s.indexOf(q) === 0; }, function (s) { return s.indexOf(q) >= 0; }];
    for (var t = 0; t < tests.length; t++) {
      var hits = names.filter(function (x) { return tests[t](x[0]); });
      if (hits.length) {
        hits.sort(function (a, b) { return (nodeMeta[a[1]].kind === "actor" ? 0 : 1) - (nodeMeta[b[1]].kind === "actor" ? 0 : 1) || a[0].length - b[0].length || (a[1] < b[1] ? -1 : 1); });
        return hits[0][1];
      }
    }
    return null;
  }
  function search() {
    var q = $("search").value, status = $("search-status");
    if (!q.trim()) { status.textContent = ""; return; }
    var hit = find(q);
    if (!hit) { status.textContent = "no match"; return; }
    if (!visibleNode[hit]) { status.textContent = nodeMeta[hit].label + " is hidden by the filters"; return; }
    status.textContent = "\u2192 " + nodeMeta[hit].label;
    select("n:" + hit, true);
  }
  $("search").addEventListener("change", search);
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); search(); }
    if (ev.key === "Escape") { $("search").value = ""; $("search-status").textContent = ""; }
  });

  // ---- table, CSV, PNG, permalink ---------------------------------------------------------------
  var tableOpen = false;
  var COLUMNS = aggregated
    ? [["from", "From"], ["stance", "Stance"], ["to", "To"], ["weight", "Count"]]
    : [["from", "Speaker"], ["obo", "Acting for"], ["stance", "Stance"], ["to", "Claim"], ["date", "Date"],
       ["sentence", "Evidence"], ["source", "Source"], ["method", "Method"], ["conf", "Confidence"], ["id", "Statement"]];
  function tableRows() {
    if (aggregated) {
      return Object.keys(visibleEdge).sort().map(function (id) {
        var e = edgeMeta[id];
        return {from: nodeMeta[e.from].label, stance: e.stance, to: nodeMeta[e.to].label, weight: e.weight};
      });
    }
    return visibleStatements.slice().sort(bySort).filter(function (i) { return statements[i].kind === "statement"; }).map(function (i) {
      var s = statements[i], src = data.sources[s.src] || {title: s.src};
      return {from: s.from, obo: s.obo, stance: s.stance, to: s.to, date: s.date, sentence: s.sentence,
              source: src.title, method: s.method, conf: s.conf === null || s.conf === undefined ? "" : s.conf, id: s.id};
    });
  }
  function fillTable() {
    var rows = tableRows(), head = $("table").tHead, body = $("table").tBodies[0];
    head.replaceChildren(); body.replaceChildren();
    var tr = el("tr");
    COLUMNS.forEach(function (c) { var th = el("th", c[1]); th.scope = "col"; tr.appendChild(th); });
    head.appendChild(tr);
    var limit = 1000, frag = document.createDocumentFragment();
    rows.slice(0, limit).forEach(function (r) {
      var row = el("tr");
      COLUMNS.forEach(function (c) { row.appendChild(el("td", r[c[0]])); });
      frag.appendChild(row);
    });
    body.appendChild(frag);
    $("table-title").textContent = aggregated ? "Visible actor pairs" : "Visible statements";
    $("table-count").textContent = rows.length + " row(s)" + (rows.length > limit ? ", first " + limit + " shown; the CSV has all" : "");
  }
  $("toggle-table").addEventListener("click", function () {
    tableOpen = !tableOpen;
    $("table-box").hidden = !tableOpen;
    $("toggle-table").setAttribute("aria-expanded", String(tableOpen));
    if (tableOpen) fillTable();
    network.redraw();
  });
  function csvCell(v) {
    var s = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;  // never a formula in a spreadsheet
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function toCsv() {
    var lines = [COLUMNS.map(function (c) { return csvCell(c[0]); }).join(",")];
    tableRows().forEach(function (r) { lines.push(COLUMNS.map(function (c) { return csvCell(r[c[0]]); }).join(",")); });
    return lines.join("\r\n") + "\r\n";
  }
  window.cgCsv = toCsv;
  function download(name, href) {
    var a = document.createElement("a"); a.href = href; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
  }
  $("csv").addEventListener("click", function () {
    var url = URL.createObjectURL(new Blob([toCsv()], {type: "text/csv;charset=utf-8"}));
    download("claimgraph-statements.csv", url);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });
  $("png").addEventListener("click", function () {
    download("claimgraph.png", container.querySelector("canvas").toDataURL("image/png"));
  });
  $("copy-link").addEventListener("click", function () {
    writeHash();
    var b = $("copy-link"), done = function () { b.textContent = "Link copied"; setTimeout(function () { b.textContent = "Copy link"; }, 1500); };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(location.href).then(done, function () { window.prompt("Copy this link", location.href); });
    else window.prompt("Copy this link", location.href);
  });
  $("fit").addEventListener("click", function () { network.fit({animation: false}); });

  // ---- what the command line chose, and the aggregated notice ------------------------------------
  var notice = $("notice"), bits = [];
  if (data.note) bits.push(el("span", data.note + ". "));
  if (aggregated) {
    var a = info.aggregated;
    bits.push(el("strong", "Aggregated view. "));
    bits.push(el("span", "The graph has " + a.nodes + " nodes, more than --max-nodes " + a.max_nodes +
      ", so only actors are drawn (" + a.actors_shown + " of " + a.actors + ", the most active), joined by accusation, denial and mediation edges weighted by their count" +
      (a.pairs_dropped ? " (the " + a.pairs_shown + " heaviest of " + a.pairs + " pairs)" : "") + ". Drill in with "));
    ["--actor NAME --hops 1", "--since DATE", "--contested-only", "--max-nodes N"].forEach(function (c, i) {
      if (i) bits.push(document.createTextNode(i === 3 ? " or a larger " : ", "));
      bits.push(el("code", c));
    });
    bits.push(document.createTextNode("."));
  }
  if (bits.length) { bits.forEach(function (b) { notice.appendChild(b); }); notice.hidden = false; }

  // ---- start: restore the view from the URL fragment --------------------------------------------
  function restore() {
    readHash();
    controlsFromState();
    computeVisible(); arrange(); nodeView.refresh(); edgeView.refresh(); updateCounts();
    network.fit({animation: false});
    if (state.sel) select(state.sel, true); else intro();
    writeHash();
  }
  window.addEventListener("hashchange", restore);
  restore();
  network.once("afterDrawing", function () { window.cgReady = true; document.body.dataset.ready = "1"; });
  network.redraw();
})();
"""
