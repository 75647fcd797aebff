#!/usr/bin/env python3
"""Benchmark the store, the build and the queries on synthetic corpora (not a timed test).

Usage: python scripts/bench_store.py --sizes 1000 10000 100000 [--work /tmp/cg-bench]
       [--build-only-from 100000] [--rdflib-size 1000] [--rdflib-timeout 60] [--markdown results.md]

For each size N it writes a synthetic corpus (scripts/synth_corpus.py), then reports on
the same data, in one run:

* build: `claimgraph build --no-export` into a fresh store, as users run it (every
  article checked against the shapes, one worker per core): wall time, statements/s,
  triples/s, peak RSS summed over the build's processes; a no-change rebuild (and its
  share of the full build); the TriG export; the same build with --no-validate; all
  against a raw ``pyoxigraph.Store.bulk_load`` of the N-Quads the build produced.
  From --build-only-from on, only the build, the rebuild and memory are measured;
* every canned query: in-process ``store.run_query`` (what `claimgraph query` runs)
  against the same SPARQL on a ``pyoxigraph.Store`` with the rows read out, and the whole
  `claimgraph query NAME --store DIR --format json` process against a bare Python process
  running the same query on pyoxigraph;
* at --rdflib-size, the canned queries in rdflib's in-memory Dataset (each in its own
  process, cut at --rdflib-timeout);
* store size on disk, and `claimgraph query` start-up against `python -c "import rdflib"`.

With --answers STORE..., only the answers people ask for are measured on stores already
built, as whole processes in wall and CPU seconds and peak RSS: `claimgraph contested` (the
disputes list's first page), `claimgraph contested CLAIM` for a dispute of median size and
the largest, and each paged canned query's default page as a table and as JSON, against a
bare pyoxigraph process running the same page of SPARQL and against one opening the store.

Every timing is the median of --repeat runs (default 3) after one warm-up, except builds.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
CLAIMGRAPH = [PY, "-c", "from claimgraph.cli import main; main()"]


def children_cpu() -> float:
    """CPU seconds (user + system) used so far by this process's finished children."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(cmd: list[str], **kwargs) -> tuple[float, int, subprocess.CompletedProcess]:
    """Run a process; (wall seconds, peak RSS in MiB, completed process)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)
    out, err = proc.communicate()
    wall = time.perf_counter() - started
    # wait4 is gone after communicate(); ask the kernel for the children's peak instead
    import resource

    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return wall, peak, subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def run_rss(cmd: list[str]) -> tuple[float, float, str, str, int]:
    """Run a process and read its own peak RSS with wait4: (wall s, peak MiB, stdout, stderr, rc)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    return wall, usage.ru_maxrss / 1024, out.decode(), err.decode(), proc.returncode


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(c) for c in fh.read().split()]
    except OSError:
        return []


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_tree(cmd: list[str]) -> tuple[float, float, str, str, int]:
    """Run a process and sample the summed RSS of it and all its descendants (a build's
    worker processes count) every 50 ms: (wall s, peak MiB of the tree, stdout, stderr, rc)."""
    import tempfile
    import threading

    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        peak = [0]

        def sample():
            while proc.poll() is None:
                pids, total = [proc.pid], 0
                while pids:
                    pid = pids.pop()
                    total += _rss_kib(pid)
                    pids += _children(pid)
                peak[0] = max(peak[0], total)
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        proc.wait()
        wall = time.perf_counter() - started
        sampler.join()
        out.seek(0)
        err.seek(0)
        return wall, peak[0] / 1024, out.read().decode(), err.read().decode(), proc.returncode


def median_time(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


IN_PROCESS = """
import json, statistics, sys, time
sys.path.insert(0, sys.argv[1])
from claimgraph.store import open_store, run_query
store, sparql, repeat = open_store(sys.argv[2]), open(sys.argv[3]).read(), int(sys.argv[4])
def raw():
    return [[t.value if t is not None else None for t in s]
            for s in store.query(sparql)]
def ours():
    return run_query(store, sparql)
def median(fn):
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
    return statistics.median(times)
print(json.dumps({"raw_s": median(raw), "lib_s": median(ours), "rows": len(raw())}))
"""


def canned():
    sys.path.insert(0, str(ROOT))
    from claimgraph.query import canned_queries

    return {name: q.sparql for name, q in canned_queries().items()}


def _extracted_only_claims(path: Path) -> int:
    """How many claims of an annotation only extracted statements state (the claims linking works on)."""
    import yaml

    methods: dict[str, set] = {}
    for st in yaml.safe_load(path.read_text())["statements"]:
        methods.setdefault(st["claim"], set()).add(st.get("method", "curated"))
    return sum(1 for m in methods.values() if m == {"extracted"})


def bench_size(n: int, work: Path, args, report: dict) -> None:
    corpus = work / f"corpus-{n}"
    if not corpus.exists():
        subprocess.run([PY, str(ROOT / "scripts" / "synth_corpus.py"), "--articles", str(n), "--out", str(corpus)],
                       check=True)
    row: dict = {"articles": n}
    store = work / f"store-{n}"
    shutil.rmtree(store, ignore_errors=True)

    # --- the default build: every article checked against the shapes, workers on every core ---
    cpu = children_cpu()
    wall, peak, out, err, rc = run_tree(CLAIMGRAPH + ["build", str(corpus), "--store", str(store), "--no-export",
                                                      "-o", str(work / "unused.trig")])
    if rc != 0:
        raise SystemExit(f"build failed: {err}")
    line = [ln for ln in err.splitlines() if "article(s)" in ln][0]
    statements = int(line.split("article(s), ")[1].split(" statements")[0].replace(",", ""))
    triples = int(line.split("statements, ")[1].split(" triples")[0].replace(",", ""))
    row["build_cpu_s"] = children_cpu() - cpu
    row.update(statements=statements, triples=triples, build_s=wall, build_peak_mib=peak,
               statements_per_s=statements / wall, triples_per_s=triples / wall)
    print(f"[{n}] build: {wall:.1f} s, {row['build_cpu_s']:.1f} s CPU, {triples:,} triples, peak {peak:.0f} MiB "
          f"(all processes)", file=sys.stderr)

    # --- no-change rebuild ---
    cpu = children_cpu()
    wall2, _, _, err2, _ = run_rss(CLAIMGRAPH + ["build", str(corpus), "--store", str(store), "--no-export",
                                                 "-o", str(work / "unused.trig")])
    row.update(rebuild_s=wall2, rebuild_share=wall2 / wall, rebuild_cpu_s=children_cpu() - cpu)
    print(f"[{n}] no-change rebuild: {wall2:.2f} s ({100 * wall2 / wall:.1f}%), "
          f"{row['rebuild_cpu_s']:.2f} s CPU ({100 * row['rebuild_cpu_s'] / row['build_cpu_s']:.1f}%)", file=sys.stderr)

    # --- one new article added to the corpus folder and built: loaded, checked, its claims linked ---
    source = next(p for p in sorted(corpus.glob("*.yaml")) if _extracted_only_claims(p) >= 2)
    added = corpus / "bench-added.yaml"
    (corpus / "bench-added.txt").write_bytes(source.with_suffix(".txt").read_bytes())
    added.write_text(source.read_text().replace(f"  id: {source.stem}\n", "  id: bench-added\n", 1)
                     .replace(f"text: {source.stem}.txt", "text: bench-added.txt"))
    try:
        cpu = children_cpu()
        wall6, _, _, err6, rc6 = run_rss(CLAIMGRAPH + ["build", str(corpus), "--store", str(store), "--no-export",
                                                       "-o", str(work / "unused.trig")])
        if rc6 != 0:
            raise SystemExit(f"adding one article failed: {err6}")
        row.update(add_one_s=wall6, add_one_cpu_s=children_cpu() - cpu)
        print(f"[{n}] one article added: {wall6:.2f} s, {row['add_one_cpu_s']:.2f} s CPU "
              f"({err6.strip().splitlines()[-1]})", file=sys.stderr)
    finally:  # and taken out again, so the rest measures the corpus alone
        added.unlink()
        (corpus / "bench-added.txt").unlink()
        run_rss(CLAIMGRAPH + ["build", str(corpus), "--store", str(store), "--no-export",
                              "-o", str(work / "unused.trig")])
    row["store_mib"] = du(store) / 2**20
    if n >= args.build_only_from:
        report["sizes"].append(row)
        if not args.keep_stores:
            shutil.rmtree(store, ignore_errors=True)
        return

    # --- export TriG from the store (happens on a normal `claimgraph build`) ---
    trig = work / f"claims-{n}.trig"
    wall3, peak3, _, err3, rc3 = run_rss(CLAIMGRAPH + ["build", str(corpus), "--store", str(store),
                                                       "-o", str(trig)])
    row.update(export_s=wall3 - wall2, export_peak_mib=peak3)

    # --- without the shapes check ---
    vstore = work / f"store-{n}-noshacl"
    shutil.rmtree(vstore, ignore_errors=True)
    cpu = children_cpu()
    wall4, peak4, _, err4, rc4 = run_tree(CLAIMGRAPH + ["build", str(corpus), "--store", str(vstore),
                                                        "--no-validate", "--no-export", "-o", str(work / "unused.trig")])
    row.update(build_noshacl_s=wall4, build_noshacl_peak_mib=peak4, shacl_share=1 - wall4 / wall,
               build_noshacl_cpu_s=children_cpu() - cpu)
    shutil.rmtree(vstore, ignore_errors=True)
    print(f"[{n}] build without the shapes check: {wall4:.1f} s, {row['build_noshacl_cpu_s']:.1f} s CPU", file=sys.stderr)

    # --- raw pyoxigraph bulk load of the same quads ---
    nq = work / f"quads-{n}.nq"
    subprocess.run([PY, "-c", f"import pyoxigraph as ox; s = ox.Store.read_only({str(store)!r}); "
                    f"s.dump({str(nq)!r}, ox.RdfFormat.N_QUADS)"], check=True)
    raw = work / f"raw-{n}"
    shutil.rmtree(raw, ignore_errors=True)
    cpu = children_cpu()
    wall5, peak5, _, _, _ = run_rss([PY, "-c", f"import pyoxigraph as ox; s = ox.Store({str(raw)!r}); "
                                     f"s.bulk_load(path={str(nq)!r}, format=ox.RdfFormat.N_QUADS); s.flush()"])
    row.update(raw_load_s=wall5, raw_load_peak_mib=peak5, build_vs_raw=wall / wall5,
               build_noshacl_vs_raw=wall4 / wall5, raw_load_cpu_s=children_cpu() - cpu)
    shutil.rmtree(raw, ignore_errors=True)
    nq.unlink()
    print(f"[{n}] raw bulk_load: {wall5:.1f} s, {row['raw_load_cpu_s']:.1f} s CPU (build/raw {wall / wall5:.2f}x, "
          f"CPU {row['build_cpu_s'] / row['raw_load_cpu_s']:.2f}x; without the check {wall4 / wall5:.2f}x, "
          f"CPU {row['build_noshacl_cpu_s'] / row['raw_load_cpu_s']:.2f}x)", file=sys.stderr)

    # --- canned queries (each measured in its own process, cut at --query-timeout) ---
    queries = canned()
    q_rows = {}
    for name, sparql in queries.items():
        qfile = work / f"{name}.rq"
        qfile.write_text(sparql)
        q_rows[name] = {"rows": None, "raw_s": None, "lib_s": None, "lib_ratio": None, "cli_s": None,
                        "raw_process_s": None, "cli_ratio": None}
        try:
            done = subprocess.run([PY, "-c", IN_PROCESS, str(ROOT), str(store), str(qfile), str(args.repeat)],
                                  capture_output=True, text=True, timeout=args.query_timeout)
            q_rows[name].update(json.loads(done.stdout))
            q_rows[name]["lib_ratio"] = q_rows[name]["lib_s"] / q_rows[name]["raw_s"]
        except subprocess.TimeoutExpired:
            print(f"[{n}] {name}: over {args.query_timeout:g} s, skipped", file=sys.stderr)
            continue
        raw_cmd = [PY, "-c", "import sys, pyoxigraph as ox; s = ox.Store.read_only(sys.argv[1]); "
                   "q = open(sys.argv[2]).read(); "
                   "sys.stdout.write(s.query(q)"
                   ".serialize(format=ox.QueryResultsFormat.JSON).decode())", str(store), str(qfile)]
        cli_cmd = CLAIMGRAPH + ["query", str(qfile), "--store", str(store), "--format", "json"]
        cli_times, raw_times = [], []
        for _ in range(args.repeat):
            cli_times.append(run(cli_cmd)[0])
            raw_times.append(run(raw_cmd)[0])
        q_rows[name].update(cli_s=statistics.median(cli_times), raw_process_s=statistics.median(raw_times))
        q_rows[name]["cli_ratio"] = q_rows[name]["cli_s"] / q_rows[name]["raw_process_s"]
        print(f"[{n}] {name}: {q_rows[name]['rows']} rows, raw {q_rows[name]['raw_s']:.3f} s, "
              f"lib {q_rows[name]['lib_s']:.3f} s, cli {q_rows[name]['cli_s']:.2f} s vs "
              f"{q_rows[name]['raw_process_s']:.2f} s", file=sys.stderr)
    row["queries"] = q_rows

    # --- start-up ---
    tiny = ["query", "ASK { ?s ?p ?o }", "--store", str(store), "--format", "json"]
    row["startup_claimgraph_s"] = statistics.median(run(CLAIMGRAPH + tiny)[0] for _ in range(5))
    row["startup_rdflib_s"] = statistics.median(run([PY, "-c", "import rdflib"])[0] for _ in range(5))

    # --- rdflib ---
    if n == args.rdflib_size:
        rdf = {}
        for name, sparql in queries.items():
            qfile = work / f"{name}.rq"
            if q_rows[name]["raw_s"] is None:
                rdf[name] = {"rdflib_s": None, "rows": None}
                continue
            script = ("import sys, time, rdflib; ds = rdflib.Dataset(default_union=True); "
                      "ds.parse(sys.argv[1], format='trig'); q = open(sys.argv[2]).read(); "
                      "t = time.perf_counter(); n = len(list(ds.query(q))); "
                      "print(time.perf_counter() - t, n)")
            try:
                done = subprocess.run([PY, "-c", script, str(trig), str(qfile)], capture_output=True, text=True,
                                      timeout=args.rdflib_timeout)
                seconds, count = done.stdout.split()
                rdf[name] = {"rdflib_s": float(seconds), "rows": int(count)}
            except ValueError:  # rdflib failed on this query
                rdf[name] = {"rdflib_s": None, "rows": None, "error": (done.stderr.strip().splitlines() or [""])[-1]}
            except subprocess.TimeoutExpired:
                rdf[name] = {"rdflib_s": None, "rows": None}
            t = rdf[name]["rdflib_s"]
            print(f"[{n}] rdflib {name}: {t if t is None else round(t, 2)} s", file=sys.stderr)
        row["rdflib"] = rdf
    report["sizes"].append(row)
    if not args.keep_stores:
        shutil.rmtree(store, ignore_errors=True)


RAW_PAGE = """
import sys, pyoxigraph as ox
s = ox.Store.read_only(sys.argv[1])
sys.stdout.write(s.query(open(sys.argv[2]).read()).serialize(format=ox.QueryResultsFormat.JSON).decode())
"""

KEYS = """
import json, statistics, sys
sys.path.insert(0, sys.argv[1])
from claimgraph.query import _summary_keys
from claimgraph.store import open_store
keys = _summary_keys(open_store(sys.argv[2]))
by_articles = sorted(keys, key=lambda k: (k["articles"], k["claim_iri"]))
print(json.dumps({"disputes": len(keys), "median": by_articles[len(keys) // 2] if keys else None,
                  "largest": by_articles[-1] if keys else None}))
"""


def timed(cmd: list[str], timeout: float | None = None) -> dict | None:
    """One run of a process under GNU time: wall and CPU seconds, peak RSS and stdout lines; None
    if killed at ``timeout``. The peak is time's report for its own child: a child this Python
    process forked would report at least this process's peak (Linux carries the high-water mark
    across exec), which grows with the output read here."""
    import tempfile

    with tempfile.NamedTemporaryFile("r", suffix=".time") as report, \
            tempfile.TemporaryFile("w+b") as out:
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%e %U %S %M", "-o", report.name] + cmd,
                                stdout=out, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return None
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd[3:])} failed with exit code {proc.returncode}")
        wall, user, system, peak_kib = report.read().split()[-4:]
        out.seek(0)
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: out.read(1 << 20), b""))
    return {"wall_s": float(wall), "cpu_s": float(user) + float(system), "peak_mib": int(peak_kib) / 1024,
            "stdout_lines": lines}


def measure(cmd: list[str], repeat: int, timeout: float | None = None) -> dict:
    """Median wall and CPU seconds and peak RSS of a whole process, over ``repeat`` runs after a
    warm-up; ``{"timeout": s}`` if the warm-up takes longer than ``timeout`` seconds."""
    if timed(cmd, timeout) is None:
        return {"timeout": timeout}
    runs = [timed(cmd) for _ in range(repeat)]
    return {"wall_s": statistics.median(r["wall_s"] for r in runs), "cpu_s": statistics.median(r["cpu_s"] for r in runs),
            "peak_mib": max(r["peak_mib"] for r in runs), "stdout_lines": runs[-1]["stdout_lines"]}


def bench_answers(store: Path, work: Path, args) -> dict:
    """The answers a person asks for, on a built store, as whole processes: the disputes list,
    one dispute, and each canned query's default page (table and json) against a bare
    pyoxigraph process running the same page of SPARQL, measured in the same run."""
    sys.path.insert(0, str(ROOT))
    from claimgraph.query import canned_queries, paged

    out = {"store": str(store), "triples": None}
    out["reference"] = measure([PY, "-c", "import sys, pyoxigraph as ox; s = ox.Store.read_only(sys.argv[1]); "
                                "print(s.query('ASK { ?s ?p ?o }'))", str(store)], args.repeat)
    keys = json.loads(subprocess.run([PY, "-c", KEYS, str(ROOT), str(store)], capture_output=True, text=True,
                                     check=True).stdout)
    out["disputes"] = keys["disputes"]
    base = ["--store", str(store)]
    out["contested"] = measure(CLAIMGRAPH + ["contested"] + base, args.repeat, args.query_timeout)
    print(f"[{store.name}] contested: {out['contested']}", file=sys.stderr)
    for which in ("median", "largest"):
        if keys[which]:
            out[f"dispute_{which}"] = dict(measure(CLAIMGRAPH + ["contested", keys[which]["claim_iri"]] + base,
                                                   args.repeat, args.query_timeout), articles=keys[which]["articles"])
            print(f"[{store.name}] one dispute ({which}): {out[f'dispute_{which}']}", file=sys.stderr)
    if keys["largest"]:  # every statement of the largest, not one page of it
        out["dispute_largest_json"] = dict(measure(CLAIMGRAPH + ["contested", keys["largest"]["claim_iri"], "--format",
                                                                 "json"] + base, args.repeat, args.query_timeout),
                                           articles=keys["largest"]["articles"])
        print(f"[{store.name}] the largest dispute, all as json: {out['dispute_largest_json']}", file=sys.stderr)
    out["queries"] = {}
    for name, query in canned_queries().items():
        if name.startswith("_") or not query.page_size:
            continue
        qfile = work / f"page-{name}.rq"
        qfile.write_text(paged(query.sparql, query.page_size))
        row = {"page": query.page_size,
               "table": measure(CLAIMGRAPH + ["query", name] + base, args.repeat, args.query_timeout)}
        if "timeout" not in row["table"]:
            row["json"] = measure(CLAIMGRAPH + ["query", name, "--limit", str(query.page_size), "--format", "json"]
                                  + base, args.repeat)
            row["raw"] = measure([PY, "-c", RAW_PAGE, str(store), str(qfile)], args.repeat)
        out["queries"][name] = row
        print(f"[{store.name}] {name}: {row}", file=sys.stderr)
    return out


def answers_markdown(report: dict) -> str:
    lines = [f"Machine: {report['machine']}", "", f"Command: `{report['command']}`", ""]
    for a in report["answers"]:
        ref = a["reference"]
        lines += [f"Answers on `{a['store']}` ({a['disputes']:,} contested claims), whole processes, median of "
                  f"{report['repeat']}; reference: a bare pyoxigraph process opening the store and asking one "
                  f"question, {ref['wall_s']:.2f} s wall, {ref['cpu_s']:.2f} s CPU, {ref['peak_mib']:.0f} MiB", "",
                  "| answer | wall | CPU | peak RSS |", "|---|---|---|---|"]
        for key, label in (("contested", "`claimgraph contested` (the disputes list, first page)"),
                           ("dispute_median", "`claimgraph contested CLAIM`, a dispute of median article count"),
                           ("dispute_largest", "`claimgraph contested CLAIM`, the dispute in most articles "
                                               "(a table: its first 100 statements)"),
                           ("dispute_largest_json", "`claimgraph contested CLAIM --format json`, the same dispute, "
                                                    "every statement")):
            if key in a:
                m = a[key]
                extra = f" ({m['articles']:,} articles)" if "articles" in m else ""
                if "timeout" in m:
                    lines.append(f"| {label}{extra} | over {m['timeout']:g} s | - | - |")
                    continue
                lines.append(f"| {label}{extra} | {m['wall_s']:.2f} s | {m['cpu_s']:.2f} s | {m['peak_mib']:.0f} MiB |")
        lines += ["", "| canned query (default page) | items | table: wall | CPU | peak RSS | json: wall | CPU | peak RSS "
                      "| table / json (CPU, RSS) | bare pyoxigraph, same page: wall | CPU | peak RSS |",
                  "|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for name, q in a["queries"].items():
            if "timeout" in q["table"]:
                lines.append(f"| {name} | {q['page']} | over {q['table']['timeout']:g} s | - | - | - | - | - | - | - | - | - |")
                continue
            t, j, r = q["table"], q["json"], q["raw"]
            lines.append(f"| {name} | {q['page']} | {t['wall_s']:.2f} s | {t['cpu_s']:.2f} s | {t['peak_mib']:.0f} MiB | "
                         f"{j['wall_s']:.2f} s | {j['cpu_s']:.2f} s | {j['peak_mib']:.0f} MiB | "
                         f"{t['cpu_s'] / j['cpu_s']:.2f}x, {t['peak_mib'] / j['peak_mib']:.2f}x | "
                         f"{r['wall_s']:.2f} s | {r['cpu_s']:.2f} s | {r['peak_mib']:.0f} MiB |")
        lines.append("")
    return "\n".join(lines)


def markdown(report: dict) -> str:
    out = [f"Machine: {report['machine']}", "", f"Command: `{report['command']}`", ""]
    out += ["| articles | statements | triples | build | statements/s | triples/s | without the shapes check | "
            "raw bulk_load | build / raw | without check / raw | no-change rebuild | TriG export | "
            "peak RSS (all processes) | store on disk |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in report["sizes"]:
        def opt(key, fmt):
            return fmt.format(r[key]) if key in r else "not run"
        out.append(f"| {r['articles']:,} | {r['statements']:,} | {r['triples']:,} | {r['build_s']:.1f} s | "
                   f"{r['statements_per_s']:,.0f} | {r['triples_per_s']:,.0f} | {opt('build_noshacl_s', '{:.1f} s')} | "
                   f"{opt('raw_load_s', '{:.1f} s')} | {opt('build_vs_raw', '{:.2f}x')} | "
                   f"{opt('build_noshacl_vs_raw', '{:.2f}x')} | "
                   f"{r['rebuild_s']:.2f} s ({100 * r['rebuild_share']:.1f}%) | {opt('export_s', '{:.1f} s')} | "
                   f"{r['build_peak_mib']:.0f} MiB | {r['store_mib']:,.0f} MiB |")
    for r in (r for r in report["sizes"] if "queries" in r):
        out += ["", f"Canned queries at {r['articles']:,} articles ({r['triples']:,} triples); start-up: "
                    f"`claimgraph query` {r['startup_claimgraph_s']:.2f} s vs `python -c 'import rdflib'` "
                    f"{r['startup_rdflib_s']:.2f} s (+{r['startup_claimgraph_s'] - r['startup_rdflib_s']:.2f} s)",
                "",
                "| query | rows | pyoxigraph | run_query | ratio | `claimgraph query` process | bare pyoxigraph process "
                "| ratio |" + (" rdflib in memory | rdflib / pyoxigraph |" if "rdflib" in r else ""),
                "|---|---|---|---|---|---|---|---|" + ("---|---|" if "rdflib" in r else "")]
        for name, q in r["queries"].items():
            if q["raw_s"] is None:
                out.append(f"| {name} | - | over {report.get('query_timeout', '?')} s | - | - | - | - | - |"
                           + (" - | - |" if "rdflib" in r else ""))
                continue
            line = (f"| {name} | {q['rows']:,} | {q['raw_s'] * 1000:.1f} ms | {q['lib_s'] * 1000:.1f} ms | "
                    f"{q['lib_ratio']:.2f}x | {q['cli_s']:.2f} s | {q['raw_process_s']:.2f} s | {q['cli_ratio']:.2f}x |")
            if "rdflib" in r:
                t = r["rdflib"][name]["rdflib_s"]
                line += (f" {t:.2f} s | {t / q['raw_s']:.2f}x |" if t is not None else " timed out | - |")
            out.append(line)
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/claimgraph-bench"))
    parser.add_argument("--build-only-from", type=int, default=100_000,
                        help="from this size on, measure only the build, the no-change rebuild and memory")
    parser.add_argument("--rdflib-size", type=int, default=None, help="size for the rdflib comparison "
                        "(default: the smallest)")
    parser.add_argument("--rdflib-timeout", type=float, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--query-timeout", type=float, default=120, help="skip a canned query slower than this")
    parser.add_argument("--keep-stores", action="store_true", help="keep each size's store (WORK/store-N)")
    parser.add_argument("--json", type=Path, default=None, help="also write the raw numbers here")
    parser.add_argument("--markdown", type=Path, default=None, help="also write the tables here")
    parser.add_argument("--report", type=Path, default=None, metavar="JSON",
                        help="print the tables of an earlier --answers run from its --json file, and exit")
    parser.add_argument("--answers", type=Path, nargs="+", default=None, metavar="STORE",
                        help="only measure the answers (disputes list, one dispute, each canned query's default "
                             "page) on these built stores")
    args = parser.parse_args()
    if args.report:
        print(answers_markdown(json.loads(args.report.read_text())))
        return 0
    args.rdflib_size = args.rdflib_size or min(args.sizes)
    args.work.mkdir(parents=True, exist_ok=True)
    import pyoxigraph

    machine = (f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
               f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB RAM, "
               f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
               f"pyoxigraph {pyoxigraph.__version__}")
    command = "python scripts/bench_store.py " + " ".join(sys.argv[1:])
    report = {"machine": machine, "command": command, "sizes": [], "query_timeout": args.query_timeout}
    if args.answers:
        report.update(repeat=args.repeat, answers=[bench_answers(store, args.work, args) for store in args.answers])
        text = answers_markdown(report)
        print(text)
        if args.json:
            args.json.write_text(json.dumps(report, indent=2))
        if args.markdown:
            args.markdown.write_text(text)
        return 0
    for n in sorted(args.sizes):
        bench_size(n, args.work, args, report)
        if args.json:
            args.json.write_text(json.dumps(report, indent=2))
    text = markdown(report)
    print(text)
    if args.markdown:
        args.markdown.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
