#!/usr/bin/env python3
"""Render the seed graph's page in headless Chromium and save a PNG of it (for the README).

Usage: python scripts/screenshot.py [-o docs/claims.png] [--graph graph/claims.trig]
                                    [--select harbour] [--width 1600 --height 1000]
                                    [--title TEXT] [--max-nodes N] [--disputes]

docs/disputes.png is ``--graph`` of 2,000 synthetic articles (scripts/synth_corpus.py, then
``claimgraph build DIR -o FILE --no-store``) with ``--select '' --disputes``: the disputes
list open and its top dispute drawn.

Builds nothing: it renders ``--graph`` (default graph/claims.trig; run ``claimgraph build``
first) to a temporary page, opens it offline in Debian's /usr/bin/chromium through
Playwright (every network request is aborted and counted), optionally clicks the claim
whose label contains ``--select`` so the evidence panel shows, and saves the screenshot.
Needs ``apt-get install chromium`` and ``pip install playwright`` (never ``playwright install``).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "claims.png")
    parser.add_argument("--graph", type=Path, default=ROOT / "graph" / "claims.trig")
    parser.add_argument("--select", default="harbour", help="click the claim whose label contains this ('' for none)")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--title", default="claimgraph: Pakistan–Afghanistan ceasefire")
    parser.add_argument("--max-nodes", type=int, default=None, help="the page's --max-nodes (default: render's)")
    parser.add_argument("--disputes", action="store_true", help="open the disputes list and draw its top dispute")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from claimgraph.projection import project
    from claimgraph.render import render_file
    from claimgraph.store import open_graph

    graph = project(open_graph(args.graph))
    with tempfile.TemporaryDirectory() as tmp:
        extra = {"max_nodes": args.max_nodes} if args.max_nodes else {}
        page_file = render_file(graph, Path(tmp) / "claims.html", title=args.title, **extra)
        url = page_file.resolve().as_uri()
        blocked = []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": args.height}, device_scale_factor=1)

            def route(r):
                if r.request.url.split("#")[0] == url:
                    r.continue_()
                else:
                    blocked.append(r.request.url)
                    r.abort()

            page.route("**/*", route)
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(url)
            page.wait_for_function("window.cgReady === true", timeout=30_000)
            if args.select:
                target = next((n for n, d in sorted(graph.nodes(data=True))
                               if d["kind"] == "claim" and args.select.lower() in d["label"].lower()), None)
                if target is None:
                    print(f"no claim label contains {args.select!r}", file=sys.stderr)
                    return 1
                pos = page.evaluate(
                    "id => { var p = network.getPositions([id])[id]; var c = network.canvasToDOM(p);"
                    " var r = document.getElementById('network').getBoundingClientRect();"
                    " return {x: r.left + c.x, y: r.top + c.y}; }", target)
                page.mouse.click(pos["x"], pos["y"])
                page.wait_for_timeout(300)
            if args.disputes:
                if not page.is_visible("#disputes-box"):
                    page.click("#toggle-disputes")
                page.click("#disputes tbody tr:first-child button")
                page.wait_for_timeout(300)
            args.output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.output))
            browser.close()
        if errors:
            print("page errors: " + "; ".join(errors), file=sys.stderr)
            return 1
        print(f"{args.output}: {args.width}x{args.height}, {len(blocked)} blocked request(s)", file=sys.stderr)
        return 1 if blocked else 0


if __name__ == "__main__":
    sys.exit(main())
