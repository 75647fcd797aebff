#!/usr/bin/env python3
"""Time `claimgraph render` on a synthetic corpus and how soon its page is interactive in Chromium.

Usage: python scripts/bench_render.py [--statements 100000] [--actors 1200] [--keep DIR] [--no-browser]

Writes a synthetic graph in claimgraph's vocabulary (the same shape `claimgraph build`
writes: actors with aliases and affiliations, claims, statements of every stance with
evidence selectors, mediations, articles), as TriG, straight from pyoxigraph quads. Then
it times, as a user would run them:
  1. `claimgraph render` of the whole graph (aggregated above --max-nodes, 1,500 by default);
  2. `claimgraph render --actor "Actor 0" --hops 1` (the focused view);
and, unless --no-browser, opens each page offline in /usr/bin/chromium (Playwright) and
times navigation -> first drawing -> a search answered (page interactive).
The targets from issue 5: render under 30 s, page interactive under 5 s.
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CG = "https://w3id.org/claimgraph/ns#"
ID = "https://w3id.org/claimgraph/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
DCT = "http://purl.org/dc/terms/"
OA = "http://www.w3.org/ns/oa#"
SCHEMA = "https://schema.org/"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
STANCES = [("Assertion", 30), ("Accusation", 25), ("Denial", 15), ("Commitment", 8), ("Endorsement", 7),
           ("Demand", 10), ("Report", 5)]
TYPES = [("State", 20), ("ArmedGroup", 15), ("Organisation", 30), ("Person", 35)]


def synthetic_quads(statements: int, actors: int, seed: int = 1):
    import pyoxigraph as ox

    rnd = random.Random(seed)
    N, L = ox.NamedNode, ox.Literal
    date = N(XSD_DATE)
    quads = []
    ontology = N(CG.rstrip("#"))
    for triple in ox.parse(path=str(ROOT / "ontology" / "claims.ttl"), format=ox.RdfFormat.TURTLE):
        quads.append(ox.Quad(triple.subject, triple.predicate, triple.object, ontology))
    articles = max(1, statements // 20)
    claims = max(1, statements // 5)
    weights = [1 / (i + 1) ** 0.9 for i in range(actors)]  # a few very active actors, a long tail
    actor_type = [rnd.choices([t for t, _ in TYPES], [w for _, w in TYPES])[0] for _ in range(actors)]

    def day(i):
        return f"2025-{1 + i % 12:02d}-{1 + (i * 7) % 28:02d}"

    for a in range(articles):
        art = N(f"{ID}article/a{a}")
        quads += [ox.Quad(art, N(RDF_TYPE), N(SCHEMA + "NewsArticle")),
                  ox.Quad(art, N(SCHEMA + "headline"), L(f"Synthetic article {a}")),
                  ox.Quad(art, N(SCHEMA + "datePublished"), L(day(a), datatype=date)),
                  ox.Quad(art, N(SCHEMA + "url"), N(f"https://example.org/news/{a}"))]
    graph = N(f"{ID}graph/synthetic")
    for i in range(actors):
        actor = N(f"{ID}actor/x{i}")
        quads += [ox.Quad(actor, N(RDF_TYPE), N(CG + actor_type[i]), graph),
                  ox.Quad(actor, N(RDFS_LABEL), L(f"Actor {i}"), graph),
                  ox.Quad(actor, N(SKOS_ALT), L(f"Alias {i}"), graph)]
        if actor_type[i] == "Person":
            org = N(f"{ID}actor/x{rnd.randrange(min(actors, 50))}")
            aff = N(f"{ID}affiliation/x{i}")
            quads += [ox.Quad(actor, N(CG + "affiliation"), aff, graph), ox.Quad(actor, N(CG + "actsFor"), org, graph),
                      ox.Quad(aff, N(RDF_TYPE), N(CG + "Affiliation"), graph),
                      ox.Quad(aff, N(CG + "organisation"), org, graph), ox.Quad(aff, N(CG + "role"), L("spokesperson"), graph)]
    for c in range(claims):
        claim = N(f"{ID}claim/c{c}")
        quads += [ox.Quad(claim, N(RDF_TYPE), N(CG + "Claim"), graph),
                  ox.Quad(claim, N(RDFS_LABEL), L(f"Synthetic claim number {c} about an event"), graph)]
    stance_names, stance_weights = [s for s, _ in STANCES], [w for _, w in STANCES]
    for s in range(statements):
        node = N(f"{ID}synthetic/statement/s{s}")
        stance = rnd.choices(stance_names, stance_weights)[0]
        speaker, target = rnd.choices(range(actors), weights, k=2)
        article = s % articles
        quads += [ox.Quad(node, N(RDF_TYPE), N(CG + stance), graph),
                  ox.Quad(node, N(CG + "claim"), N(f"{ID}claim/c{rnd.randrange(claims)}"), graph),
                  ox.Quad(node, N(DCT + "source"), N(f"{ID}article/a{article}"), graph),
                  ox.Quad(node, N(DCT + "date"), L(day(article), datatype=date), graph),
                  ox.Quad(node, N(CG + "method"), N(CG + ("curated" if s % 3 else "extracted")), graph),
                  ox.Quad(node, N(CG + "target"), N(f"{ID}actor/x{target}"), graph)]
        if stance != "Report":
            quads += [ox.Quad(node, N(CG + "speaker"), N(f"{ID}actor/x{speaker}"), graph),
                      ox.Quad(node, N(CG + "attributedTo"), N(f"{ID}actor/x{speaker}"), graph)]
        ev, tgt, quote = N(f"{node.value}/evidence"), N(f"{node.value}/evidence/target"), N(f"{node.value}/evidence/target/quote")
        quads += [ox.Quad(node, N(CG + "evidence"), ev, graph), ox.Quad(ev, N(OA + "hasTarget"), tgt, graph),
                  ox.Quad(tgt, N(OA + "hasSelector"), quote, graph),
                  ox.Quad(quote, N(RDF_TYPE), N(OA + "TextQuoteSelector"), graph),
                  ox.Quad(quote, N(OA + "exact"), L(f"Actor {speaker} said something about claim {s} in a sentence."), graph)]
    for m in range(max(1, statements // 500)):
        med = N(f"{ID}synthetic/mediation/m{m}")
        ev, tgt, quote = N(f"{med.value}/evidence"), N(f"{med.value}/evidence/target"), N(f"{med.value}/evidence/target/quote")
        quads += [ox.Quad(med, N(RDF_TYPE), N(CG + "Mediation"), graph), ox.Quad(med, N(RDFS_LABEL), L(f"Talks {m}"), graph),
                  ox.Quad(med, N(DCT + "source"), N(f"{ID}article/a{m % articles}"), graph),
                  ox.Quad(med, N(CG + "method"), N(CG + "curated"), graph),
                  ox.Quad(med, N(CG + "evidence"), ev, graph), ox.Quad(ev, N(OA + "hasTarget"), tgt, graph),
                  ox.Quad(tgt, N(OA + "hasSelector"), quote, graph),
                  ox.Quad(quote, N(OA + "exact"), L(f"Talks {m} were mediated."), graph)]
        for role, who in (("mediator", rnd.randrange(actors)), ("party", rnd.randrange(actors)), ("party", rnd.randrange(actors))):
            quads.append(ox.Quad(med, N(CG + role), N(f"{ID}actor/x{who}"), graph))
    return quads


def time_page(page_file: Path, search: str) -> dict:
    from playwright.sync_api import sync_playwright

    url = page_file.resolve().as_uri()
    blocked = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                           "--disable-component-update", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route("**/*", lambda r: r.continue_() if r.request.url.split("#")[0] == url
                   else (blocked.append(r.request.url), r.abort()))
        start = time.perf_counter()
        page.goto(url, timeout=120_000)
        page.wait_for_function("window.cgReady === true", timeout=120_000)
        drawn = time.perf_counter() - start
        page.fill("#search", search)
        page.press("#search", "Enter")
        page.wait_for_function("document.querySelector('#panel h2') && network.getSelectedNodes().length === 1",
                               timeout=60_000)
        interactive = time.perf_counter() - start
        # In-page work of a click, until the next frame is drawn (median of 5): selecting a node (panel and
        # focus dimming) and hiding a stance in the legend (filter, counts, redraw).
        clicks = page.evaluate("""async () => {
            const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
            const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
            const search = document.getElementById("search"), select = [], filter = [];
            for (let i = 0; i < 5; i++) {
                let t = performance.now();
                search.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
                await frame(); select.push(performance.now() - t);
                const b = document.querySelector("#legend-stances button");
                t = performance.now(); b.click(); await frame(); filter.push(performance.now() - t);
                b.click(); await frame();
            }
            return {select: median(select), filter: median(filter)};
        }""")
        nodes = page.evaluate("network.body.nodeIndices.length")
        edges = page.evaluate("network.body.edgeIndices.length")
        browser.close()
    return {"drawn_s": drawn, "interactive_s": interactive, "nodes": nodes, "edges": edges,
            "select_ms": clicks["select"], "filter_ms": clicks["filter"],
            "errors": errors, "blocked": len(blocked)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--actors", type=int, default=1200)
    parser.add_argument("--keep", type=Path, default=None, help="write the graph and pages here (default: a temp dir)")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)

    import pyoxigraph as ox

    tmp = tempfile.TemporaryDirectory()
    folder = args.keep or Path(tmp.name)
    folder.mkdir(parents=True, exist_ok=True)
    trig = folder / "synthetic.trig"
    start = time.perf_counter()
    quads = synthetic_quads(args.statements, args.actors)
    ox.serialize(quads, output=str(trig), format=ox.RdfFormat.TRIG)
    print(f"synthetic graph: {args.statements} statements, {args.actors} actors, {len(quads)} quads, "
          f"{trig.stat().st_size / 1e6:.0f} MB TriG, written in {time.perf_counter() - start:.1f} s")
    tail = f"Actor {args.actors * 3 // 4}"  # a little-quoted actor: its neighbourhood is drawn in full
    runs = [("full graph", [], "Actor 1"),
            ("--actor 'Actor 0' --hops 1 (the busiest actor)", ["--actor", "Actor 0", "--hops", "1"], "Alias 0"),
            (f"--actor '{tail}' --hops 1", ["--actor", tail, "--hops", "1"], tail)]
    ok, ok_runs = True, []
    for name, extra, search in runs:
        page = folder / f"page-{len(ok_runs)}.html"
        ok_runs.append(name)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-c", "from claimgraph.cli import main; main()", "render", "--graph", str(trig), "-o", str(page),
                                 *extra], capture_output=True, text=True)
        took = time.perf_counter() - start
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            return 1
        print(f"render {name}: {took:.1f} s (target < 30 s), {page.stat().st_size / 1e6:.1f} MB; "
              f"{result.stderr.strip()}")
        ok &= took < 30
        if not args.no_browser:
            t = time_page(page, search)
            print(f"  chromium: drawn {t['drawn_s']:.2f} s, interactive (search answered) {t['interactive_s']:.2f} s "
                  f"(target < 5 s); {t['nodes']} nodes, {t['edges']} edges drawn; "
                  f"{len(t['errors'])} page errors, {t['blocked']} blocked requests; "
                  f"a selection {t['select_ms']:.0f} ms, a legend filter {t['filter_ms']:.0f} ms (target < 300 ms)")
            ok &= t["interactive_s"] < 5 and not t["errors"] and not t["blocked"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
