"""Draw the projection as one self-contained, offline HTML page (pyvis + vis-network).

pyvis's own templates fetch vis-network, Bootstrap or tom-select from a CDN, so a page
drawn with them is blank without a network. Here pyvis holds the network (nodes, edges,
options) and we write the page ourselves with vis-network inlined from pyvis's bundled
copy. Article text reaches the page only as JSON inside a non-executable script element
and is put on screen with ``textContent``, never as HTML.
"""
from __future__ import annotations

import html
import json
from importlib import resources
from pathlib import Path

import networkx as nx

from .analysis import layout

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
TYPE_COLOURS = {"state": "#0072B2", "armed group": "#D55E00", "organisation": "#009E73", "person": "#CC79A7",
                "unnamed source": "#999999", "claim": "#F0E442", "mediation": "#56B4E9"}
STANCE_STYLE = {  # colour, dashed, verb drawn on the edge
    "Assertion": ("#0072B2", False, "asserts"), "Accusation": ("#D55E00", False, "accuses"),
    "Denial": ("#000000", True, "denies"), "Commitment": ("#009E73", False, "commits"),
    "Endorsement": ("#56B4E9", False, "endorses"), "Demand": ("#E69F00", True, "demands"),
    "Report": ("#999999", True, "reports"), "mediates": ("#56B4E9", False, "mediates"),
    "party": ("#999999", True, "party to"),
}
AFFILIATION_STYLE = ("#CC79A7", True)


def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet as shipped inside the pyvis package."""
    lib = resources.files("pyvis") / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def _script_json(value) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' can end it or start a tag."""
    return (json.dumps(value, ensure_ascii=False, sort_keys=True)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def to_network(graph: nx.MultiDiGraph):
    """The pyvis Network for a projection: positions fixed, physics off, styles by type and stance."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    positions = layout(graph)
    for node in sorted(graph.nodes):
        data = graph.nodes[node]
        x, y = positions.get(node, (0.0, 0.0))
        shape = {"claim": "box", "mediation": "diamond"}.get(data["kind"], "dot")
        colour = TYPE_COLOURS.get(data["type"], "#777777")
        border = {"border": "#C00000", "background": colour} if data.get("contested") else colour
        label = data["label"] if len(data["label"]) <= 60 else data["label"][:57] + "..."
        net.add_node(node, label=label, shape=shape, x=x, y=y, color=border,
                     borderWidth=4 if data.get("contested") else 1, size=16,
                     font={"size": 14, "multi": False}, group=data["type"])
    for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        if data["kind"] == "affiliation":
            colour, dashed, verb = (*AFFILIATION_STYLE, data["stance"])
        else:
            colour, dashed, verb = STANCE_STYLE.get(data["stance"], ("#777777", False, data["stance"]))
        net.add_edge(u, v, id=key, label=verb, color=colour, dashes=dashed, arrows="to",
                     width=3 if data["stance"] in ("Accusation", "Denial") else 1.5,
                     font={"size": 11, "align": "middle"})
    net.toggle_physics(False)
    return net


def _details(graph: nx.MultiDiGraph) -> dict:
    """What the evidence panel shows for each node and edge (plain text only)."""
    nodes = {}
    for node, data in graph.nodes(data=True):
        nodes[node] = {"label": data["label"], "kind": data["kind"], "type": data["type"],
                       "contested": bool(data.get("contested")), "supporters": data.get("supporters", []),
                       "disputers": data.get("disputers", [])}
    edges = {}
    for u, v, key, data in graph.edges(keys=True, data=True):
        edges[key] = {"from": graph.nodes[u]["label"], "to": graph.nodes[v]["label"], "kind": data["kind"],
                      "stance": data["stance"], "sentence": data["sentence"], "span": data["span"],
                      "source": data["source"], "url": data["url"], "date": data["date"],
                      "method": data["method"], "on_behalf_of": data["on_behalf_of"]}
    return {"nodes": nodes, "edges": edges}


def render_html(graph: nx.MultiDiGraph, title: str = "claimgraph") -> str:
    """The whole page as a string: network, legend, search and evidence panel, no external requests."""
    net = to_network(graph)
    script, style = _vis_assets()
    counts: dict[str, int] = {}
    for _, data in graph.nodes(data=True):
        counts[data["type"]] = counts.get(data["type"], 0) + 1
    stance_counts: dict[str, int] = {}
    for _, _, data in graph.edges(data=True):
        if data["kind"] != "affiliation":
            stance_counts[data["stance"]] = stance_counts.get(data["stance"], 0) + 1
    legend_nodes = "".join(
        f'<li><span class="sw" style="background:{TYPE_COLOURS.get(t, "#777")}"></span>{html.escape(t)} '
        f'<span class="n">{n}</span></li>' for t, n in sorted(counts.items()))
    legend_edges = "".join(
        f'<li><span class="ln{" dash" if STANCE_STYLE.get(s, ("", False))[1] else ""}" '
        f'style="border-color:{STANCE_STYLE.get(s, ("#777",))[0]}"></span>'
        f'{html.escape(STANCE_STYLE.get(s, ("", False, s))[2])} <span class="n">{n}</span></li>'
        for s, n in sorted(stance_counts.items()))
    payload = {"nodes": net.nodes, "edges": net.edges, "details": _details(graph),
               "options": {"physics": {"enabled": False}, "interaction": {"hover": True, "keyboard": True},
                           "edges": {"smooth": {"type": "curvedCW", "roundness": 0.15}}}}
    return PAGE.format(
        title=html.escape(title), style=style, script=script, data=_script_json(payload),
        legend_nodes=legend_nodes, legend_edges=legend_edges,
        summary=html.escape(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"),
    )


def render_file(graph: nx.MultiDiGraph, output: Path, title: str = "claimgraph") -> Path:
    from .build import write_atomic

    write_atomic(Path(output), render_html(graph, title).encode("utf-8"))
    return Path(output)


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
<style>
  html, body {{ margin: 0; height: 100%; font: 14px/1.4 system-ui, sans-serif; color: #222; }}
  #app {{ display: grid; grid-template-columns: 1fr 360px; grid-template-rows: auto 1fr; height: 100%; }}
  header {{ grid-column: 1 / 3; display: flex; gap: 1em; align-items: center; padding: .4em .8em;
           border-bottom: 1px solid #ddd; }}
  header h1 {{ font-size: 1.1em; margin: 0; }}
  #network {{ min-height: 400px; }}
  aside {{ border-left: 1px solid #ddd; overflow: auto; padding: .6em .8em; }}
  aside h2 {{ font-size: 1em; margin: .8em 0 .3em; }}
  ul.legend {{ list-style: none; padding: 0; margin: 0; }}
  ul.legend li {{ margin: .15em 0; }}
  .sw {{ display: inline-block; width: .9em; height: .9em; border-radius: 50%; margin-right: .4em;
         vertical-align: middle; }}
  .ln {{ display: inline-block; width: 1.8em; border-top: 3px solid; margin-right: .4em; vertical-align: middle; }}
  .ln.dash {{ border-top-style: dashed; }}
  .n {{ color: #666; }}
  #panel {{ user-select: text; }}
  #panel blockquote {{ margin: .4em 0; padding: .3em .6em; border-left: 3px solid #0072B2; background: #f6f6f6; }}
  #panel mark {{ background: #ffe08a; }}
  .contested {{ color: #C00000; font-weight: bold; }}
  #search {{ padding: .2em .4em; min-width: 16em; }}
</style>
</head>
<body>
<div id="app">
<header>
  <h1>{title}</h1>
  <label>Search <input id="search" type="search" placeholder="actor, alias or claim" aria-label="Search by label"></label>
  <span class="n" id="summary">{summary}</span>
</header>
<div id="network" role="img" aria-label="Network of actors, claims and mediations"></div>
<aside>
  <section id="panel" aria-live="polite"><p>Click a node or an edge to see the statements and evidence behind it.</p></section>
  <h2>Nodes</h2><ul class="legend">{legend_nodes}</ul>
  <h2>Stances</h2><ul class="legend">{legend_edges}</ul>
  <p class="n">Contested claims have a red border. Dashed lines: denials, demands, reports, parties.</p>
</aside>
</div>
<script>{script}</script>
<script id="cg-data" type="application/json">{data}</script>
<script>
(function () {{
  "use strict";
  var data = JSON.parse(document.getElementById("cg-data").textContent);
  var details = data.details;
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(document.getElementById("network"), {{nodes: nodes, edges: edges}}, data.options);
  window.network = network;
  var panel = document.getElementById("panel");

  function el(tag, text, cls) {{
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }}
  function quote(sentence, span) {{
    var q = el("blockquote");
    var i = span ? sentence.indexOf(span) : -1;
    if (i < 0) {{ q.textContent = sentence; return q; }}
    q.appendChild(document.createTextNode(sentence.slice(0, i)));
    q.appendChild(el("mark", span));
    q.appendChild(document.createTextNode(sentence.slice(i + span.length)));
    return q;
  }}
  function evidence(e) {{
    var box = el("div");
    var who = e.from + (e.on_behalf_of ? " (for " + e.on_behalf_of + ")" : "");
    box.appendChild(el("p", who + " \u2014 " + e.stance + " \u2014 " + e.to));
    box.appendChild(quote(e.sentence, e.span));
    box.appendChild(el("p", (e.source || "") + " \u00b7 " + (e.date || "") + " \u00b7 " + e.method, "n"));
    return box;
  }}
  function show(kind, id) {{
    panel.replaceChildren();
    if (kind === "edge") {{
      var e = details.edges[id];
      if (!e) return;
      panel.appendChild(el("h2", e.stance));
      panel.appendChild(evidence(e));
      return;
    }}
    var n = details.nodes[id];
    if (!n) return;
    panel.appendChild(el("h2", n.label));
    panel.appendChild(el("p", n.kind + (n.kind === "actor" ? " (" + n.type + ")" : "")));
    if (n.contested) {{
      panel.appendChild(el("p", "Contested", "contested"));
      panel.appendChild(el("p", "Supporters: " + n.supporters.join(", ")));
      panel.appendChild(el("p", "Disputers: " + n.disputers.join(", ")));
    }}
    network.getConnectedEdges(id).forEach(function (eid) {{
      if (details.edges[eid]) panel.appendChild(evidence(details.edges[eid]));
    }});
  }}
  network.on("click", function (params) {{
    if (params.nodes.length) show("node", params.nodes[0]);
    else if (params.edges.length) show("edge", params.edges[0]);
  }});
  document.getElementById("search").addEventListener("change", function (ev) {{
    var q = ev.target.value.trim().toLowerCase();
    if (!q) return;
    var hit = Object.keys(details.nodes).find(function (id) {{
      return details.nodes[id].label.toLowerCase().indexOf(q) >= 0;
    }});
    if (hit) {{ network.selectNodes([hit]); network.focus(hit, {{scale: 1.2}}); show("node", hit); }}
  }});
}})();
</script>
</body>
</html>
"""
