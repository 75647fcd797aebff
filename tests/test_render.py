"""The page as HTML (no browser): offline, escaped, deterministic; the cuts the render command makes."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.layout import layout, remove_overlaps
from claimgraph.projection import aggregate, between, contested_only, narrow, neighbourhood, project
from claimgraph.cli import cli
from claimgraph.render import render_html


@pytest.fixture(scope="module")
def seed_graph(seed_store):
    return project(seed_store)


def page_data(html: str) -> dict:
    raw = re.search(r'<script id="cg-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    return json.loads(raw)


def render(*args) -> str:
    result = CliRunner().invoke(cli, ["render", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.output


def test_page_requests_nothing_from_the_network(seed_graph):
    html = render_html(seed_graph)
    assert not re.search(r"<script[^>]+src=", html, re.I)
    assert not re.search(r"<link[^>]+href=", html, re.I)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "default-src 'none'" in html  # and the content security policy forbids it anyway


def test_projection_carries_aliases_and_affiliations(seed_graph, seed_store):
    from claimgraph.query import contested_claims

    pakistan = next(n for n, d in seed_graph.nodes(data=True) if d["label"] == "Pakistan")
    assert "Islamabad" in seed_graph.nodes[pakistan]["aliases"]
    persons = [d for _, d in seed_graph.nodes(data=True) if d.get("type") == "person"]
    assert persons and all(d["affiliations"] for d in persons)
    claim = next(c for c in contested_claims(seed_store) if "harbour" in c["claim"].lower())
    assert seed_graph.nodes[claim["claim_iri"]]["contested"]
    data = page_data(render_html(seed_graph))
    assert "Islamabad" in data["nodes"][pakistan]["aliases"]


def test_contested_flags_match_the_contested_query(seed_graph, seed_store):
    """project() marks contested claims itself (fast); it must agree with `claimgraph contested`."""
    import sys

    import pyoxigraph as ox

    from claimgraph.query import contested_claims
    from tests.conftest import ROOT

    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_render import synthetic_quads

    from claimgraph.store import add_union_view

    store = ox.Store()
    store.extend(synthetic_quads(200, 20, seed=5))
    add_union_view(store)
    for st, graph in ((seed_store, seed_graph), (store, project(store))):
        expected = {c["claim_iri"]: (sorted(c["supporters"]), sorted(c["disputers"])) for c in contested_claims(st)}
        got = {n: (d["supporters"], d["disputers"]) for n, d in graph.nodes(data=True) if d.get("contested")}
        assert got == expected
        assert expected


def test_planted_script_is_escaped(make_article, tmp_path):
    evil = "Alphaland accused Betaland of <script>alert('x')</script> shelling & </script><img src=x onerror=alert(2)>."
    path = make_article(text=evil + "\nBetaland denied the accusation.\n",
                        replace=('"Alphaland accused Betaland of shelling the border town."', f'"{evil}"'))
    path.write_text(path.read_text().replace('span: "Betaland of shelling the border town"',
                                             "span: \"Betaland of <script>alert('x')</script> shelling\""))
    graph, out = tmp_path / "g.trig", tmp_path / "p.html"
    assert CliRunner().invoke(cli, ["build", str(path), "-o", str(graph)]).exit_code == 0
    render("--graph", graph, "-o", out)
    html = out.read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    sentences = [s["sentence"] for s in page_data(html)["statements"]]
    assert evil in sentences  # the text is all there, as data


def test_page_data_is_json_safe_inside_a_script_element():
    """The page data (written by orjson) reads back as the same value, sorted and compact as the
    standard library writes it, with nothing that can end the script or break a JS string."""
    import json

    from claimgraph.render import _script_json

    value = {"b": [1.5, 0.1, 1e16, -0.0, None, True], "a": "</script><b>&amp; \u2028\u2029 \x00\x1f\x7f \"q\" \\ نعم 汉",
             "é": {"z": 1, "y": [{"x": 2.0}]}}
    text = _script_json(value)
    assert json.loads(text) == value
    assert not any(c in text for c in "<>&\u2028\u2029")
    reference = (json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                 .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                 .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    assert text == reference


def test_render_is_deterministic(seed_trig, tmp_path):
    render("--graph", seed_trig, "-o", tmp_path / "a.html")
    render("--graph", seed_trig, "-o", tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_labels_do_not_overlap(seed_graph):
    from claimgraph.render import _node_look

    boxes = {n: _node_look(n, d, seed_graph.degree(n))[1] for n, d in seed_graph.nodes(data=True)}
    pos = layout(seed_graph, boxes=boxes)
    items = sorted(pos)
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            overlap_x = (boxes[a][0] + boxes[b][0]) / 2 - abs(pos[a][0] - pos[b][0])
            overlap_y = (boxes[a][1] + boxes[b][1]) / 2 - abs(pos[a][1] - pos[b][1])
            assert overlap_x <= 0 or overlap_y <= 0, (seed_graph.nodes[a]["label"], seed_graph.nodes[b]["label"])


def test_remove_overlaps_separates_a_pile():
    import numpy as np

    pos = remove_overlaps(np.zeros((60, 2)), np.full((60, 2), 20.0))
    gaps = np.abs(pos[:, None, :] - pos[None, :, :])
    clash = (gaps[..., 0] < 40) & (gaps[..., 1] < 40)
    assert clash.sum() == 60  # only each box with itself


def test_aggregates_above_max_nodes(seed_graph, seed_trig, tmp_path):
    out = tmp_path / "agg.html"
    assert "aggregated" in render("--graph", seed_trig, "-o", out, "--max-nodes", 5)
    data = page_data(out.read_text(encoding="utf-8"))
    assert data["info"]["mode"] == "aggregated"
    drawn = {k: n for k, n in data["nodes"].items() if not n.get("dispute")}
    assert {n["kind"] for n in drawn.values()} == {"actor"}
    assert len(drawn) <= 5
    assert {e["stance"] for e in data["edges"].values() if not e.get("dispute")} <= {"Accusation", "Denial", "mediates"}
    # every contested claim is in the page, with its statements, for the disputes list to draw it
    contested = {n for n, d in seed_graph.nodes(data=True) if d.get("contested")}
    assert contested and set(data["disputes"]) == contested
    for claim in contested:
        assert data["nodes"][claim]["kind"] == "claim" and data["nodes"][claim]["dispute"]
        about = [e for e in data["edges"].values() if e.get("dispute") and e["to"] == claim]
        assert sum(len(e["st"]) for e in about) == sum(
            1 for _, v, d in seed_graph.edges(data=True) if v == claim and d["kind"] == "statement")
    agg = aggregate(seed_graph, 100)
    pakistan, taliban = (next(n for n, d in agg.nodes(data=True) if d["label"] == x) for x in ("Pakistan", "Afghan Taliban"))
    accusations = sum(d["weight"] for u, v, d in agg.edges(data=True)
                      if (u, v) == (pakistan, taliban) and d["stance"] == "Accusation")
    assert accusations == sum(1 for u, v, d in seed_graph.edges(data=True) if d["stance"] == "Accusation"
                              and (d["attributed_to"] or u) == pakistan and taliban in d["targets"])
    mediators = {u for u, v, d in agg.edges(data=True) if d["stance"] == "mediates"}
    assert {agg.nodes[m]["label"] for m in mediators} >= {"Qatar", "Turkey"}
    full = tmp_path / "full.html"
    assert "drawn in full" in render("--graph", seed_trig, "-o", full)
    assert page_data(full.read_text(encoding="utf-8"))["info"]["mode"] == "full"


def test_actor_hops_focus(seed_graph, seed_trig, tmp_path):
    focus = neighbourhood(seed_graph, "Islamabad", 1)  # an alias finds the actor
    pakistan = focus.graph["focus"]
    assert seed_graph.nodes[pakistan]["label"] == "Pakistan"
    claims = {v for u, v, d in seed_graph.edges(data=True) if u == pakistan and d["kind"] == "statement"}
    assert claims <= set(focus.nodes)
    others = {u for u, v, d in seed_graph.edges(data=True) if v in claims}
    assert others <= set(focus.nodes)
    assert len(neighbourhood(seed_graph, "Pakistan", 0)) == 1
    assert set(focus.nodes) <= set(neighbourhood(seed_graph, "Pakistan", 2).nodes)
    out = tmp_path / "focus.html"
    render("--graph", seed_trig, "--actor", "Pakistan", "--hops", 1, "-o", out)
    data = page_data(out.read_text(encoding="utf-8"))
    assert set(data["nodes"]) == set(focus.nodes)
    assert "Pakistan" in data["note"]
    result = CliRunner().invoke(cli, ["render", "--graph", str(seed_trig), "--actor", "Atlantis", "-o", str(out)])
    assert result.exit_code == 1 and "Atlantis" in result.output and "Traceback" not in result.output


def test_since_until(seed_graph, seed_trig, tmp_path):
    dates = sorted({d["date"] for _, _, d in seed_graph.edges(data=True) if d["kind"] == "statement"})
    assert between(seed_graph, since=dates[0]).number_of_edges() == seed_graph.number_of_edges()
    assert between(seed_graph, until="1999-12-31").number_of_nodes() == 0
    out = tmp_path / "dated.html"
    render("--graph", seed_trig, "--since", dates[0], "--until", dates[-1], "-o", out)
    statements = page_data(out.read_text(encoding="utf-8"))["statements"]
    assert statements and all(dates[0] <= s["date"] <= dates[-1] for s in statements if s["date"])
    result = CliRunner().invoke(cli, ["render", "--graph", str(seed_trig), "--since", "2999-01-01", "-o", str(out)])
    assert result.exit_code == 1 and "nothing to draw" in result.output


def test_contested_only(seed_graph, seed_trig, tmp_path):
    cut = contested_only(seed_graph)
    claims = {n for n, d in cut.nodes(data=True) if d["kind"] == "claim"}
    assert claims == {n for n, d in seed_graph.nodes(data=True) if d.get("contested")}
    assert all(d["kind"] == "statement" or (d["kind"] == "structure" and u in claims)
               for u, _, d in cut.edges(data=True))
    out = tmp_path / "contested.html"
    render("--graph", seed_trig, "--contested-only", "-o", out)
    data = page_data(out.read_text(encoding="utf-8"))
    assert set(data["nodes"]) == set(cut.nodes)
    x = {n["id"]: n["x"] for n in data["vis"]["nodes"]}
    for claim in claims:  # supporters drawn left of the claim, disputers right
        for u, v, d in cut.edges(data=True):
            if v == claim:
                assert (x[u] < x[claim]) if d["stance"] in ("Assertion", "Accusation") else (x[u] > x[claim])


def test_claim_structure_is_drawn_and_actor_finds_the_harboured_group(seed_graph, seed_trig, tmp_path):
    """Subject, object and targets of claims are edges: the harboured group is a node --actor can find."""
    ttp = next(n for n, d in seed_graph.nodes(data=True) if d["kind"] == "actor" and "TTP" in [d["label"], *d["aliases"]])
    harbours = [(u, d) for u, v, d in seed_graph.in_edges(ttp, data=True)
                if d["kind"] == "structure" and d["stance"] == "object"]
    assert harbours and all(d["relation"] == "harbours" for _, d in harbours)
    claim = harbours[0][0]
    subject = [v for _, v, d in seed_graph.out_edges(claim, data=True) if d["stance"] == "subject"]
    assert len(subject) == 1 and seed_graph.nodes[subject[0]]["kind"] == "actor"
    focus = neighbourhood(seed_graph, "TTP", 1)
    assert focus.graph["focus"] == ttp and claim in focus.nodes
    speakers = {u for u, v, d in seed_graph.in_edges(claim, data=True) if d["kind"] == "statement"}
    assert speakers and speakers <= set(focus.nodes)
    out = tmp_path / "ttp.html"
    render("--graph", seed_trig, "--actor", "TTP", "-o", out)
    data = page_data(out.read_text(encoding="utf-8"))
    assert ttp in data["nodes"] and data["nodes"][ttp]["kind"] == "actor"
    drawn = [e for e in data["edges"].values() if e["kind"] == "structure" and e["to"] == ttp]
    assert drawn and {e["from"] for e in drawn} >= {claim}
    look = next(e for e in data["vis"]["edges"] if e["from"] == claim and e["to"] == ttp)
    assert look["label"] == "object: harbours"


def test_contested_is_computed_within_the_window(seed_graph):
    """A claim whose denials fall outside --since/--until is not contested in that window."""
    import networkx as nx

    claim = next(n for n, d in sorted(seed_graph.nodes(data=True)) if d.get("contested"))
    moved = nx.MultiDiGraph(seed_graph)  # a copy: the denials of that claim moved a year earlier
    for u, v, k, d in list(moved.edges(keys=True, data=True)):
        moved.edges[u, v, k].update(dict(d))
        if v == claim and d["kind"] == "statement" and d["stance"] == "Denial":
            moved.edges[u, v, k]["date"] = "2000-01-01"
    dates = sorted(d["date"][:10] for u, v, d in moved.edges(data=True) if v == claim and d["stance"] != "Denial")
    windowed, _ = narrow(moved, since=dates[0])
    assert claim in windowed and not windowed.nodes[claim]["contested"]
    assert seed_graph.nodes[claim]["contested"]  # the whole graph is untouched
    whole, _ = narrow(moved, since="1999-01-01")
    assert whole.nodes[claim]["contested"]
    assert whole.nodes[claim]["disputers"] == seed_graph.nodes[claim]["disputers"]
    cut, _ = narrow(moved, since=dates[0], contested=True)
    assert claim not in cut


def test_narrow_says_what_it_did(seed_graph):
    graph, note = narrow(seed_graph, actor="Pakistan", hops=1, contested=False, since="2025-01-01")
    assert "Pakistan" in note and "2025-01-01" in note
    assert narrow(seed_graph) == (seed_graph, "")


@pytest.mark.slow
def test_layout_scales(benchmark_sizes=(1500, 5000)):
    """A 5,000-node graph lays out in seconds (networkx's spring_layout took over a minute)."""
    import random
    import time

    import networkx as nx

    rnd = random.Random(3)
    for n in benchmark_sizes:
        g = nx.MultiDiGraph()
        for i in range(n):
            g.add_node(f"n{i}", label=f"node {i}")
        for i in range(int(n * 1.5)):
            g.add_edge(f"n{rnd.randrange(n // 5)}", f"n{rnd.randrange(n)}")
        start = time.perf_counter()
        pos = layout(g)
        took = time.perf_counter() - start
        assert len(pos) == n
        assert took < 30, f"{n} nodes took {took:.1f} s"


def test_stance_counts_and_most_active_match_the_curated_seed(seed_store):
    """The networkx analysis helpers count what the curated annotation says."""
    from collections import Counter

    from claimgraph.projection import most_active, project, stance_counts
    from claimgraph.annotation import load_annotation
    from claimgraph.vocab import STANCE_CLASS
    from tests.conftest import SEED_YAML

    ann = load_annotation(SEED_YAML)
    labels = {"assert": "Assertion", "accuse": "Accusation", "deny": "Denial", "commit": "Commitment",
              "endorse": "Endorsement", "demand": "Demand", "report": "Report"}
    assert set(labels) == set(STANCE_CLASS)
    graph = project(seed_store)
    assert stance_counts(graph) == Counter(labels[st.stance] for st in ann.statements)
    speakers = {a.id: a.label for a in ann.actors}
    accusers = Counter(speakers[st.speaker] for st in ann.statements if st.stance == "accuse")
    assert dict(most_active(graph, "Accusation")) == dict(accusers)


def page_source_in(source: str) -> list[str]:
    """The string literals of a Python module (docstrings aside) that look like HTML, CSS or JS."""
    import ast

    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    looks_like_page = re.compile(r"<(script|style|html|head|body|div|!doctype)\b"  # HTML
                                 r"|[\w#.\]\)-]\s*\{[^{}]*:[^{}]*;"  # a CSS rule block
                                 r"|\bfunction\b\s*\w*\s*\(|=>|addEventListener|document\.", re.I)  # JS
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and looks_like_page.search(node.value)]


def test_render_py_holds_no_page_source(seed_graph):
    """The page is real files in claimgraph/web (linted in CI), inlined verbatim at render time."""
    from importlib import resources

    import claimgraph.render

    assert page_source_in('X = "<style>a { color: red; }</style>"\nY = "function f() {}"') != []  # the check bites
    assert page_source_in(Path(claimgraph.render.__file__).read_text(encoding="utf-8")) == []
    html = render_html(seed_graph)
    web = resources.files("claimgraph") / "web"
    for name in ("page.css", "page.js"):
        assert (web / name).read_text(encoding="utf-8") in html
    assert not re.search(r"@@[A-Z_]+@@", html)  # every placeholder filled


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #rgb / #rrggbb colours."""
    def luminance(colour):
        h = colour.lstrip("#")
        h = "".join(c * 2 for c in h) if len(h) == 3 else h
        channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula():
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48  # the WCAG reference values
    assert contrast("#000", "#fff") == pytest.approx(21)


def test_text_colours_meet_wcag_aa():
    """Every stance tag and every text colour of the page reads at 4.5:1 on the backgrounds it can sit on."""
    from importlib import resources

    from claimgraph.render import FONT, STANCE_INK, STANCE_STYLE, _edge_look, _node_look

    css = re.sub(r"/\*.*?\*/", "", (resources.files("claimgraph") / "web" / "page.css").read_text(), flags=re.S)
    hexcolour = r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b"
    rules = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        text = re.search(rf"(?:^|;)\s*color:\s*({hexcolour})", body)
        ground = re.search(rf"background(?:-color)?:\s*({hexcolour})", body)
        rules.append((selector.strip(), text and text.group(1), ground and ground.group(1)))
    assert len([r for r in rules if r[1]]) >= 8  # the parse found the page's text colours
    light = {"#ffffff"} | {g for _, t, g in rules if g and not t and contrast(g, "#000") > 10}
    failures = []
    for selector, text, ground in rules:
        for back in ([ground] if ground else light) if text else []:
            if contrast(text, back) < 4.5:
                failures.append(f"{selector}: {text} on {back} is {contrast(text, back):.2f}:1")
    assert set(STANCE_INK) == set(STANCE_STYLE)
    for stance, ink in STANCE_INK.items():  # the tag on a white evidence card
        if contrast(ink, "#ffffff") < 4.5:
            failures.append(f"{stance} tag: {ink} is {contrast(ink, '#ffffff'):.2f}:1")
    claim = {"kind": "claim", "type": "claim", "label": "x", "contested": True, "supporters": [], "disputers": []}
    look = _node_look("c", claim, 1)[0]
    for back in (look["color"]["background"], look["color"]["highlight"]["background"], look["color"]["hover"]["background"]):
        assert contrast(look["font"]["color"], back) >= 4.5
    actor = _node_look("a", {"kind": "actor", "type": "state", "label": "x"}, 1)[0]
    assert contrast(actor["font"]["color"], "#ffffff") >= 4.5 and actor["font"]["face"] == FONT
    assert contrast(_edge_look("Assertion", "statement")["font"]["color"], "#ffffff") >= 4.5
    assert failures == []


def test_edges_into_contested_claims_are_long_enough_to_see(seed_graph):
    """The accusations and denials of a contested claim are not hidden under its box (issue 12)."""
    from claimgraph.render import _node_look

    data = page_data(render_html(seed_graph))
    at = {n["id"]: (n["x"], n["y"]) for n in data["vis"]["nodes"]}
    box = {n: _node_look(n, d, seed_graph.degree(n))[1] for n, d in seed_graph.nodes(data=True)}
    gaps = []
    for u, v, d in seed_graph.edges(data=True):
        if d["kind"] == "statement" and seed_graph.nodes[v].get("contested"):
            gap_x = abs(at[u][0] - at[v][0]) - (box[u][0] + box[v][0]) / 2
            gap_y = abs(at[u][1] - at[v][1]) - (box[u][1] + box[v][1]) / 2
            gaps.append(max(gap_x, gap_y))  # the free space between the two boxes
    assert gaps and min(gaps) >= 40, gaps
