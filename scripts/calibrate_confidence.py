#!/usr/bin/env python3
"""Calibrate the extractor's confidence on its first reads of unseen articles; print reliability.

    python scripts/calibrate_confidence.py [--write] [--check BATCH] [--dev] [--regression] [--blind]

An analyst runs the extractor on articles nobody tuned it for, so its confidence is fitted on
exactly that: tests/data/first_reads, the extractor's records for each batch of regression
articles the first time it ran on them, before anyone read their errors (tests/data/first_reads/
README.md says at which commit). Dev, where the rules were tuned, would flatter: 0.88 of dev
statements are right against 0.63 of first-read ones.

Each record is judged as the shared scorer judges typed attributions: right when a gold
attribution has the same sentence, the record's actor and its stance (one-to-one, greedy). A
statement's confidence is the share of right records with the same basis (speaker kind / stance
origin, see claims._basis) and stance, smoothed towards the stance's share, which is smoothed
towards the overall share, so that rare keys get neither 0 nor 1. The stance carries most of it
(an 'assert' is right about half the time, a denial four times in five).

--write stores the table in claimgraph/data/confidence.yaml (the data is ours: the regression
articles' gold and the extractor's own output). --check BATCH fits without that batch and shows
the reliability of that fit on the batch's first read: the honest test of the table (--check all
does it for every batch in turn and pools them). --dev,
--regression and --blind run today's extractor on dev (without the blind five), the regression
articles or the blind five, and show the committed table's reliability there.
"""
import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
FIRST_READS = REPO / "tests" / "data" / "first_reads"
REGRESSION = REPO / "tests" / "data" / "extract"
CONFIDENCE_PATH = REPO / "claimgraph" / "data" / "confidence.yaml"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(EVAL))

from claimgraph.extract.claims import confidence_in  # noqa: E402  (no spaCy: the lookup only)

SMOOTHING = 4          # pseudo-statements of the parent share added to each key
BANDS = [(0.0, 0.3), (0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
HEADER = ("# Confidence of an extracted statement by its basis (speaker kind/stance origin) and stance: the\n"
          "# share of such statements that named the right actor with the right stance in the extractor's\n"
          "# first reads of articles it had not seen (tests/data/first_reads). Written by\n"
          "# scripts/calibrate_confidence.py --write; counts: [statements, right].\n")


def judge(records, gold_dir):
    """(basis, stance, confidence, right) for every attribution record, right as the shared scorer
    counts a typed match (same sentence, the actor resolved through the article's aliases, the stance)."""
    import score  # the shared scorer: its alias resolution and sentence matching

    by_doc = defaultdict(list)
    for r in records:
        if r.get("type") == "attribution":
            by_doc[r["doc"]].append(r)
    out = []
    for doc, preds in sorted(by_doc.items()):
        gold = yaml.safe_load((gold_dir / f"{doc}.gold.yaml").read_text(encoding="utf-8"))
        actors = score.Actors(gold.get("actors"))
        resolved = [actors.resolve(p.get("actor"), p.get("speaker")) if p.get("actor") else set() for p in preds]
        right = set()
        for g in gold.get("attributions") or []:
            for i, p in enumerate(preds):
                who = (not resolved[i] and p["stance"] == "report") if g.get("actor") is None \
                    else g["actor"] in resolved[i]
                if i not in right and who and p["stance"] == g["stance"] and \
                        score.same_sentence(g["sentence"], p["sentence"]):
                    right.add(i)
                    break
        out += [(p["basis"], p["stance"], p.get("confidence"), i in right) for i, p in enumerate(preds)]
    return out


def batch_records(path):
    """The records of one stored first read (JSON lines)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def first_reads(without=None):
    """The stored first-read records of every batch (but one), judged against the regression gold."""
    records = [r for path in sorted(FIRST_READS.glob("batch-*.jsonl")) if path.stem != without
               for r in batch_records(path)]
    return judge(records, REGRESSION)


def fit(rows):
    """The table: overall share, per stance (smoothed to overall), per basis/stance (smoothed to its stance)."""
    overall = sum(r for *_, r in rows) / len(rows)
    by_stance, by_key = defaultdict(list), defaultdict(list)
    for basis, stance, _, r in rows:
        by_stance[stance].append(r)
        by_key[f"{basis}/{stance}"].append(r)

    def smooth(hits, parent):
        return min(0.95, max(0.05, (sum(hits) + SMOOTHING * parent) / (len(hits) + SMOOTHING)))

    stance = {s: smooth(v, overall) for s, v in sorted(by_stance.items())}
    key = {k: round(smooth(v, stance[k.rsplit("/", 1)[1]]), 2) for k, v in sorted(by_key.items())}
    counts = {k: [len(v), sum(v)] for k, v in sorted(by_key.items())}
    return {"overall": round(overall, 2), "stance": {s: round(v, 2) for s, v in stance.items()},
            "basis": key, "counts": counts}


def reliability(name, rows):
    print(f"\nreliability on {name} ({len(rows)} statements, {sum(r for *_, r in rows)} right, "
          f"mean confidence {sum(c for _, _, c, _ in rows) / len(rows):.2f}, "
          f"Brier score {sum((c - r) ** 2 for _, _, c, r in rows) / len(rows):.3f})")
    print(f"{'confidence':>12} {'statements':>10} {'right':>6} {'share right':>11}")
    for lo, hi in BANDS:
        band = [r for _, _, c, r in rows if lo <= c < hi]
        if band:
            print(f"{lo:.1f}-{min(hi, 1.0):.1f}".rjust(12) + f" {len(band):>10} {sum(band):>6} {sum(band) / len(band):>11.2f}")


def extracted(txts):
    """Today's extractor's records for these articles (one model load)."""
    from claimgraph import extract

    items = [(t.stem, extract.read_article(t)) for t in txts]
    return [r for result in extract.extract_docs(items, nlp=extract.load_model())
            for r in extract.to_jsonl_records(result)]


def blind_names():
    lines = (REPO / "scripts" / "blind_set.txt").read_text(encoding="utf-8").splitlines()
    return {x.strip() for x in lines if x.strip() and not x.startswith("#")}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="store the fitted table in claimgraph/data")
    ap.add_argument("--check", metavar="BATCH", help="fit without batch-BATCH and show that fit on its first read ('all': each batch in turn, pooled)")
    ap.add_argument("--dev", action="store_true", help="reliability of the committed table on dev (tuned on)")
    ap.add_argument("--regression", action="store_true", help="... on the regression articles (most studied)")
    ap.add_argument("--blind", action="store_true", help="... on the blind five (run it only once tuning is done)")
    args = ap.parse_args()
    if args.check and args.check != "all" and not (FIRST_READS / f"batch-{args.check.removeprefix('batch-').zfill(2)}.jsonl").is_file():
        ap.error(f"--check {args.check}: no such batch in {FIRST_READS.relative_to(REPO)} (give a number such as 27, or 'all')")
    rows = first_reads()
    fitted = fit(rows)
    for key, (n, hits) in fitted["counts"].items():
        print(f"{key:32} {n:4} statements, {hits:4} right -> {fitted['basis'][key]:.2f}")
    reliability("every first read (fitted)", [(b, s, confidence_in(fitted, b, s), r) for b, s, _, r in rows])
    if args.write:
        CONFIDENCE_PATH.write_text(HEADER + yaml.safe_dump(fitted, sort_keys=False), encoding="utf-8")
    if args.check:
        batches = sorted(p.stem for p in FIRST_READS.glob("batch-*.jsonl")) if args.check == "all" \
            else [f"batch-{args.check.removeprefix('batch-').zfill(2)}"]
        then, held = [], []
        for batch in batches:
            table = fit(first_reads(without=batch))
            rows = judge(batch_records(FIRST_READS / f"{batch}.jsonl"), REGRESSION)
            then += rows
            held += [(b, s, confidence_in(table, b, s), r) for b, s, _, r in rows]
        name = f"{batches[0]}'s first read" if len(batches) == 1 else f"the first reads of {len(batches)} batches"
        reliability(f"{name}, with the confidence the extractor gave then", then)
        reliability(f"{name}, each with a table fitted without its batch", held)
    blind = blind_names()
    dev = sorted((EVAL / "dev").glob("*.txt"))
    if args.dev:
        reliability("dev without the blind five (tuned on)", judge(extracted([t for t in dev if t.stem not in blind]), EVAL / "dev"))
    if args.regression:
        reliability("the regression articles (studied)", judge(extracted(sorted(REGRESSION.glob("*.txt"))), REGRESSION))
    if args.blind:
        reliability("the blind five", judge(extracted([t for t in dev if t.stem in blind]), EVAL / "dev"))


if __name__ == "__main__":
    main()
