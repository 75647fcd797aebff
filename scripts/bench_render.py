#!/usr/bin/env python3
"""Time `claimgraph render` on a synthetic corpus and how soon its page is interactive in Chromium.

Usage: python scripts/bench_render.py [--statements 100000] [--actors 1200] [--drawn-statements 7200]
                                     [--drawn-actors 520] [--repeat 5] [--keep DIR] [--no-browser]
       python scripts/bench_render.py --store DIR [--runs 3] [--search ACTOR] [--keep DIR]

Writes a synthetic graph in claimgraph's vocabulary (the same shape `claimgraph build`
writes: actors with aliases and affiliations, claims, statements of every stance with
evidence selectors, mediations, articles), as TriG, straight from pyoxigraph quads. Then
it times, as a user would run them:
  1. `claimgraph render` of the whole graph (aggregated above --max-nodes, 1,500 by default);
  2. a second graph of --drawn-statements drawn whole (about 2,000 nodes and 14,000 edges);
  3. `claimgraph render --actor NAME --hops 1`, for the busiest actor and a quiet one;
each in wall and CPU seconds (wait4), against bare pyoxigraph loading the same TriG, measured
in the same run. Unless --no-browser, it opens each page offline in /usr/bin/chromium
(Playwright, every other request aborted) and times navigation -> first drawing -> a search
answered (page interactive), then the in-page actions until the next frame is drawn: a
selection, a legend filter, a source filter, an expansion, a dispute drawn; in wall and
main-thread CPU milliseconds (Chromium's TaskDuration), against one whole redraw of the page.
Targets (issues 5 and 12): render under 30 s, interactive under 5 s, actions under 300 ms.

With --store DIR it times `claimgraph render --store DIR` on a store already built (opened
read-only, never written) instead, as a whole process: wall and CPU seconds and peak RSS
(wait4), --runs times, against a reference measured in the same run: bare pyoxigraph opening
the same store and counting its default graph's triples (SELECT (COUNT(*) AS ?n) WHERE
{ ?s ?p ?o }). It prints figures and ratios; it asserts no time.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
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


ACTIONS = """(name) => {
    // one user action, from the page's own controls and hooks (no eval: the page's CSP forbids it)
    const search = document.getElementById("search"), src = document.getElementById("f-source");
    const legend = document.querySelector("#legend-stances button");
    const change = (v) => { src.value = v; src.dispatchEvent(new Event("change")); };
    const disputes = window.cgDisputes();
    const busiest = network.body.nodeIndices.slice().sort((a, b) => network.body.nodes[b].edges.length
        - network.body.nodes[a].edges.length || (a < b ? -1 : 1));
    const act = {
        select: () => search.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true})),
        legend: () => legend.click(),
        source: () => change(src.value ? "" : src.options[1].value),
        dispute: () => (disputes.length ? window.cgDrawDispute(disputes[0].id) : null),
        expand: () => window.cgExpand(busiest[0]),
        whole: () => document.getElementById("unfocus").click(),
        redraw: () => network.redraw(),
    }[name];
    const t = performance.now();
    act();
    if (name === "redraw") return performance.now() - t;  // synchronous: one whole drawing
    return new Promise((done) => requestAnimationFrame(() => setTimeout(() => done(performance.now() - t), 0)));
}"""
# each measured action, and what puts the page back (so the next round starts from the same view)
SEQUENCE = [("select", None), ("legend", "legend"), ("source", "source"), ("expand", "whole"), ("dispute", "whole")]


def time_page(page_file: Path, search: str, repeat: int = 5) -> dict:
    """Load the page offline and time it: drawn, interactive, then each action's wall and main-thread CPU
    milliseconds (median of ``repeat``), with one whole synchronous redraw as the reference."""
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
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")

        def busy() -> float:  # seconds the renderer's main thread has spent on tasks (its CPU time, near enough)
            return next(m["value"] for m in cdp.send("Performance.getMetrics")["metrics"] if m["name"] == "TaskDuration")

        start, cpu0 = time.perf_counter(), busy()
        page.goto(url, timeout=120_000)
        page.wait_for_function("window.cgReady === true", timeout=120_000)
        drawn = time.perf_counter() - start
        page.fill("#search", search)
        page.press("#search", "Enter")
        page.wait_for_function("document.querySelector('#panel h2') && network.getSelectedNodes().length === 1",
                               timeout=60_000)
        interactive, interactive_cpu = time.perf_counter() - start, busy() - cpu0
        timings: dict[str, tuple[list, list]] = {}

        def measure(name):
            before = busy()
            wall = page.evaluate(ACTIONS, name)
            timings.setdefault(name, ([], []))
            timings[name][0].append(wall)
            timings[name][1].append((busy() - before) * 1000)

        for _ in range(repeat):
            measure("redraw")
            for name, undo in SEQUENCE:
                measure(name)
                if undo:
                    page.evaluate(ACTIONS, undo)
        nodes = page.evaluate("network.body.nodeIndices.length")
        edges = page.evaluate("network.body.edgeIndices.length")
        browser.close()
    return {"drawn_s": drawn, "interactive_s": interactive, "interactive_cpu_s": interactive_cpu,
            "nodes": nodes, "edges": edges, "errors": errors, "blocked": len(blocked),
            "ms": {k: (statistics.median(w), statistics.median(c)) for k, (w, c) in timings.items()}}


def run_usage(cmd: list[str]) -> dict:
    """Run a process: its wall seconds, CPU seconds (user and system, from wait4), peak RSS (MB),
    exit code and stderr."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    return {"wall": time.perf_counter() - started, "cpu": usage.ru_utime + usage.ru_stime,
            "rss_mb": usage.ru_maxrss / 1024, "code": os.waitstatus_to_exitcode(status), "err": err.decode()}


def run_cpu(cmd: list[str]) -> tuple[float, float, int, str]:
    """Run a process: (wall s, its CPU s, user and system, from wait4; exit code, stderr)."""
    run = run_usage(cmd)
    return run["wall"], run["cpu"], run["code"], run["err"]


COUNT_TRIPLES = ("import sys, pyoxigraph as ox; store = ox.Store.read_only(sys.argv[1]); "
                 "print(next(iter(store.query('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }')))[0].value)")


def bench_store(store: Path, folder: Path, runs: int, search: str | None, repeat: int) -> int:
    """Time `claimgraph render --store STORE` ``runs`` times against bare pyoxigraph counting the store's triples."""
    page = folder / "page-store.html"
    print(f"render --store {store}: {runs} run(s), each after the reference (pyoxigraph opening the store read-only "
          f"and counting the default graph's triples), both whole processes")
    figures = []
    for n in range(runs):
        ref = run_usage([sys.executable, "-c", COUNT_TRIPLES, str(store)])
        if ref["code"] != 0:
            print(ref["err"], file=sys.stderr)
            return 1
        run = run_usage([sys.executable, "-c", "from claimgraph.cli import main; main()", "render",
                         "--store", str(store), "-o", str(page)])
        if run["code"] != 0:
            print(run["err"], file=sys.stderr)
            return 1
        figures.append((run, ref))
        print(f"  run {n + 1}: render {run['wall']:.1f} s wall, {run['cpu']:.1f} s CPU, peak RSS {run['rss_mb']:.0f} MB; "
              f"reference {ref['wall']:.2f} s wall, {ref['cpu']:.2f} s CPU, peak RSS {ref['rss_mb']:.0f} MB "
              f"= {run['wall'] / ref['wall']:.1f}x wall, {run['cpu'] / ref['cpu']:.1f}x CPU; {run['err'].strip()}")
    if runs > 1:
        wall = statistics.median(r["wall"] for r, _ in figures)
        cpu = statistics.median(r["cpu"] for r, _ in figures)
        ratio_wall = statistics.median(r["wall"] / f["wall"] for r, f in figures)
        ratio_cpu = statistics.median(r["cpu"] / f["cpu"] for r, f in figures)
        print(f"  median: render {wall:.1f} s wall, {cpu:.1f} s CPU = {ratio_wall:.1f}x wall, {ratio_cpu:.1f}x CPU "
              f"of the reference; page {page.stat().st_size / 1e6:.1f} MB")
    if search:  # the page in Chromium too, searching for this actor
        report_page(time_page(page, search, repeat))
    return 0


def report_page(t: dict) -> bool:
    ref_wall, ref_cpu = t["ms"]["redraw"]
    print(f"  chromium: drawn {t['drawn_s']:.2f} s, interactive (search answered) {t['interactive_s']:.2f} s wall, "
          f"{t['interactive_cpu_s']:.2f} s main-thread CPU (target < 5 s); {t['nodes']} nodes, {t['edges']} edges "
          f"drawn at the end; {len(t['errors'])} page errors, {t['blocked']} blocked requests")
    print(f"  in-page actions until the next frame, median (target < 300 ms); reference: one whole redraw "
          f"{ref_wall:.0f} ms wall, {ref_cpu:.0f} ms CPU")
    ok = True
    for name, _ in SEQUENCE:
        wall, cpu = t["ms"][name]
        print(f"    {name:8} {wall:6.0f} ms wall {cpu:6.0f} ms CPU  = {wall / max(ref_wall, 1):4.1f}x / "
              f"{cpu / max(ref_cpu, 1):4.1f}x the redraw")
        ok &= wall < 300
    return ok and t["interactive_s"] < 5 and not t["errors"] and not t["blocked"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--actors", type=int, default=1200)
    parser.add_argument("--drawn-statements", type=int, default=7200,
                        help="a second, smaller graph drawn whole (about 2,000 nodes at the default)")
    parser.add_argument("--drawn-actors", type=int, default=520)
    parser.add_argument("--repeat", type=int, default=5, help="rounds of in-page actions (median)")
    parser.add_argument("--keep", type=Path, default=None, help="write the graphs and pages here (default: a temp dir)")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--store", type=Path, default=None,
                        help="time render on this built store instead (read only), against pyoxigraph counting its triples")
    parser.add_argument("--runs", type=int, default=1, help="with --store: how many times (figures of each and the median)")
    parser.add_argument("--search", default=None, help="with --store: open the page in Chromium too and search for this actor")
    args = parser.parse_args(argv)

    import pyoxigraph as ox

    tmp = tempfile.TemporaryDirectory()
    folder = args.keep or Path(tmp.name)
    folder.mkdir(parents=True, exist_ok=True)
    if args.store:
        return bench_store(args.store, folder, max(1, args.runs), None if args.no_browser else args.search, args.repeat)
    graphs = {}
    for name, statements, actors in (("big", args.statements, args.actors), ("drawn", args.drawn_statements, args.drawn_actors)):
        trig = folder / f"synthetic-{name}.trig"
        start = time.perf_counter()
        quads = synthetic_quads(statements, actors)
        ox.serialize(quads, output=str(trig), format=ox.RdfFormat.TRIG)
        print(f"synthetic graph: {statements} statements, {actors} actors, {len(quads)} quads, "
              f"{trig.stat().st_size / 1e6:.0f} MB TriG, written in {time.perf_counter() - start:.1f} s")
        graphs[name] = trig
    tail = f"Actor {args.actors * 3 // 4}"  # a little-quoted actor: its neighbourhood is drawn in full
    runs = [("full graph (aggregated above --max-nodes)", "big", [], "Actor 1"),
            (f"whole graph of {args.drawn_statements} statements, drawn in full", "drawn", ["--max-nodes", "100000"], "Actor 1"),
            ("--actor 'Actor 0' --hops 1 (the busiest actor)", "big", ["--actor", "Actor 0", "--hops", "1"], "Alias 0"),
            (f"--actor '{tail}' --hops 1", "big", ["--actor", tail, "--hops", "1"], tail)]
    ok = True
    for n, (name, graph, extra, search) in enumerate(runs):
        page = folder / f"page-{n}.html"
        # the reference, in the same run: bare pyoxigraph reading the same TriG into a store
        ref_wall, ref_cpu, _, _ = run_cpu([sys.executable, "-c", "import sys, pyoxigraph as ox; "
                                           "ox.Store().load(path=sys.argv[1], format=ox.RdfFormat.TRIG)", str(graphs[graph])])
        wall, cpu, code, err = run_cpu([sys.executable, "-c", "from claimgraph.cli import main; main()", "render",
                                        "--graph", str(graphs[graph]), "-o", str(page), *extra])
        if code != 0:
            print(err, file=sys.stderr)
            return 1
        print(f"render {name}: {wall:.1f} s wall, {cpu:.1f} s CPU (target < 30 s); {page.stat().st_size / 1e6:.1f} MB; "
              f"{err.strip()}\n  = {wall / ref_wall:.1f}x wall, {cpu / ref_cpu:.1f}x CPU of pyoxigraph loading the TriG "
              f"({ref_wall:.1f} s wall, {ref_cpu:.1f} s CPU)")
        ok &= wall < 30
        if not args.no_browser:
            ok &= report_page(time_page(page, search, args.repeat))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
