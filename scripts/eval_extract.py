#!/usr/bin/env python3
"""Measure the extractor on the shared evaluation sets in one run (the model loads once).

    python scripts/eval_extract.py [--sets dev,polnear,clusters,tests,blind] [--out DIR]

Sets (paths relative to the repository; the shared data sits beside it in ../shared/eval):
  dev       the dev articles minus the blind set (scripts/blind_set.txt), scored by score.py
  blind     the five blind articles: only the scorer's overall lines are printed, so that
            nothing of their gold is seen while the rules are being tuned
  polnear   PolNeAR dev, scored by score_polnear.py (attribution finding on real news)
  clusters  each cluster's articles (without cluster.gold.yaml), scored by score.py per cluster
  tests     tests/data/extract, the project's own regression articles

Predictions are written to --out (default: a temporary folder) as SET.jsonl for error study.
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from claimgraph import extract  # noqa: E402

EVAL = REPO.parent / "shared" / "eval"
BLIND = REPO / "scripts" / "blind_set.txt"


def blind_names():
    return {line.strip() for line in BLIND.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def gold_folder(tmp, name, txts):
    """A folder of symlinks to just these articles and their gold, for score.py."""
    folder = Path(tmp) / name
    folder.mkdir()
    for t in txts:
        (folder / t.name).symlink_to(t.resolve())
        gold = t.with_name(t.stem + ".gold.yaml")
        if gold.is_file():
            (folder / gold.name).symlink_to(gold.resolve())
    return folder


def predict(nlp, txts, out):
    items = [(t.stem, extract.read_article(t)) for t in txts]
    with open(out, "w", encoding="utf-8") as f:
        for result in extract.extract_docs(items, nlp=nlp):
            for rec in extract.to_jsonl_records(result):
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def run(cmd, only_summary=False):
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    if only_summary:
        lines = [x for x in lines if x.startswith(("overall", "typed_f1"))]
    print("\n".join(lines))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="dev,polnear,clusters,tests")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    sets = args.sets.split(",")
    nlp = extract.load_model()
    blind = blind_names()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        dev = sorted((EVAL / "dev").glob("*.txt"))
        for name in sets:
            print(f"== {name}")
            if name in ("dev", "blind"):
                txts = [t for t in dev if (t.stem in blind) == (name == "blind")]
                pred = out / f"{name}.jsonl"
                predict(nlp, txts, pred)
                run([sys.executable, str(EVAL / "score.py"), str(gold_folder(tmp, name, txts)), str(pred)],
                    only_summary=name == "blind")
            elif name == "polnear":
                pred = out / "polnear.jsonl"
                predict(nlp, sorted((EVAL / "polnear" / "dev" / "text").glob("*.txt")), pred)
                run([sys.executable, str(EVAL / "score_polnear.py"), str(EVAL / "polnear" / "dev"), str(pred)])
            elif name == "clusters":
                for cluster in sorted((EVAL / "clusters").iterdir()):
                    txts = sorted(cluster.glob("*.txt"))
                    pred = out / f"{cluster.name}.jsonl"
                    predict(nlp, txts, pred)
                    print(f"-- {cluster.name}")
                    run([sys.executable, str(EVAL / "score.py"), str(gold_folder(tmp, cluster.name, txts)),
                         str(pred)])
            elif name == "tests":
                txts = sorted((REPO / "tests" / "data" / "extract").glob("*.txt"))
                pred = out / "tests.jsonl"
                predict(nlp, txts, pred)
                run([sys.executable, str(EVAL / "score.py"), str(REPO / "tests" / "data" / "extract"), str(pred)])
            else:
                sys.exit(f"unknown set {name!r}")


if __name__ == "__main__":
    main()
