#!/usr/bin/env python3
"""Benchmark: extraction throughput against spaCy's bare nlp.pipe on the same text.

    python scripts/bench_extract.py [--words 50000] [--dev DIR] [--seed FILE] [--jobs N]

Both runs use the same loaded model (same components enabled) and the same
paragraphs, so the ratio shows the cost of the rules on top of parsing.
"""
import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimgraph import extract  # noqa: E402


def corpus(dev, seed, words):
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(dev).glob("*.txt"))]
    if seed and Path(seed).is_file():
        texts.append(Path(seed).read_text(encoding="utf-8"))
    if not texts:
        sys.exit(f"no texts under {dev}")
    out, n = [], 0
    while n < words:
        for t in texts:
            out.append((f"doc{len(out)}", t))
            n += len(t.split())
    return out, n


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--rounds", type=int, default=2, help="alternating rounds; the best time of each counts")
    ap.add_argument("--dev", default=str(Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"),
                    help="folder of .txt articles (default: ../shared/eval/dev beside the repository)")
    ap.add_argument("--jobs", type=int, default=0,
                    help="also time extract_files over the corpus written to files, with 1 and N processes")
    ap.add_argument("--seed", default=str(Path(__file__).resolve().parents[1] / "seeds" / "pak-afg-ceasefire.txt"))
    args = ap.parse_args()
    items, n_words = corpus(args.dev, args.seed, args.words)
    nlp = extract.load_model()
    paragraphs = [p for _, t in items for _, p in extract._pieces(t)]
    list(nlp.pipe(paragraphs[:20]))                         # warm-up

    bare = full = float("inf")
    for _ in range(args.rounds):          # alternate so that machine load hits both alike
        t0 = time.perf_counter()
        for _ in nlp.pipe(paragraphs, batch_size=64):
            pass
        bare = min(bare, time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_statements = sum(len(r["statements"]) for r in extract.extract_docs(items, nlp=nlp, batch_size=64))
        full = min(full, time.perf_counter() - t0)

    print(f"corpus: {len(items)} documents, {n_words} words, components: {', '.join(nlp.pipe_names)}")
    print(f"spaCy nlp.pipe : {n_words / bare:10.0f} words/s ({bare:.2f} s)")
    print(f"extraction     : {n_words / full:10.0f} words/s ({full:.2f} s, {n_statements} statements)")
    print(f"ratio extraction/spaCy = {bare / full:.2f} (issue 10's target: >= 0.5)")
    if args.jobs > 1:
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            paths = []
            for doc, text in items:
                p = Path(tmp) / f"{doc}.txt"
                p.write_text(text, encoding="utf-8")
                paths.append(p)
            for jobs in (1, args.jobs):
                t0 = time.perf_counter()
                n = sum(1 for _, r in extract.extract_files(paths, jobs=jobs) if isinstance(r, dict))
                secs = time.perf_counter() - t0
                print(f"extract_files --jobs {jobs}: {n_words / secs:10.0f} words/s ({secs:.2f} s, {n} files)")


if __name__ == "__main__":
    main()
