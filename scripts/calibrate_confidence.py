#!/usr/bin/env python3
"""Calibrate the extractor's confidence on dev and print its reliability table.

    python scripts/calibrate_confidence.py [--write] [--held-out] [--blind]

Every extracted statement has a basis ('speaker kind/stance origin', see claims._basis). On the
dev articles (without the blind five of scripts/blind_set.txt) each statement is matched to the
gold as the shared scorer matches typed attributions (same sentence, the speaker's actor, the
stance; one-to-one, greedy); a basis's confidence is its share of right statements, smoothed
towards its speaker kind and the overall share so that rare bases do not get 0 or 1.
--write stores the table in claimgraph/data/confidence.yaml (the data it is built from is ours:
the dev gold). The reliability table shows, per band of confidence, what share was right: on
dev (where it was fitted) and, with --held-out, on tests/data/extract and the clusters' articles;
--blind adds the blind five (run it only once tuning is done).
"""
import argparse
import sys
from collections import defaultdict
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(EVAL))

from claimgraph import extract  # noqa: E402
from claimgraph.extract import lexicon  # noqa: E402
import score  # noqa: E402  (the shared scorer: its alias resolution and sentence matching)

SMOOTHING = 4          # pseudo-statements of the parent share added to each basis
BANDS = [(0.0, 0.3), (0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]


def blind_names():
    lines = (REPO / "scripts" / "blind_set.txt").read_text(encoding="utf-8").splitlines()
    return {x.strip() for x in lines if x.strip() and not x.startswith("#")}


def judged(nlp, txts):
    """(basis, confidence, right) for every attribution record extracted from these articles."""
    items = [(t.stem, extract.read_article(t)) for t in txts]
    out = []
    for t, result in zip(txts, extract.extract_docs(items, nlp=nlp)):
        gold = yaml.safe_load(t.with_name(t.stem + ".gold.yaml").read_text(encoding="utf-8"))
        actors = score.Actors(gold.get("actors"))
        preds = [r for r in extract.to_jsonl_records(result) if r["type"] == "attribution"]
        for p in preds:
            p["_actors"] = actors.resolve(p.get("actor"), p.get("speaker")) if p.get("actor") else set()
        right = set()
        for g in gold.get("attributions") or []:
            for i, p in enumerate(preds):
                who = (not p["_actors"] and p["stance"] == "report") if g.get("actor") is None \
                    else g["actor"] in p["_actors"]
                if i not in right and who and p["stance"] == g["stance"] and \
                        score.same_sentence(g["sentence"], p["sentence"]):
                    right.add(i)
                    break
        out += [(p["basis"], p["confidence"], i in right) for i, p in enumerate(preds)]
    return out


def table(rows):
    """The confidence table: overall share, per speaker kind, per basis (each smoothed to its parent)."""
    overall = sum(r for _, _, r in rows) / len(rows)
    by_kind, by_basis = defaultdict(list), defaultdict(list)
    for basis, _, r in rows:
        by_kind[basis.split("/")[0]].append(r)
        by_basis[basis].append(r)

    def smooth(hits, parent):
        return round(min(0.95, max(0.05, (sum(hits) + SMOOTHING * parent) / (len(hits) + SMOOTHING))), 2)

    kind = {k: smooth(v, overall) for k, v in sorted(by_kind.items())}
    basis = {b: smooth(v, kind[b.split("/")[0]]) for b, v in sorted(by_basis.items())}
    counts = {b: [len(v), sum(v)] for b, v in sorted(by_basis.items())}
    return {"overall": round(overall, 2), "kind": kind, "basis": basis, "counts": counts}


def reliability(name, rows):
    print(f"\nreliability on {name} ({len(rows)} statements, {sum(r for *_, r in rows)} right)")
    print(f"{'confidence':>12} {'statements':>10} {'right':>6} {'share right':>11}")
    for lo, hi in BANDS:
        band = [r for _, c, r in rows if lo <= c < hi]
        if band:
            print(f"{lo:.1f}-{min(hi, 1.0):.1f}".rjust(12) + f" {len(band):>10} {sum(band):>6} {sum(band) / len(band):>11.2f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="store the fitted table in claimgraph/data")
    ap.add_argument("--held-out", action="store_true", help="also show reliability on tests/data and clusters")
    ap.add_argument("--blind", action="store_true", help="also show reliability on the blind five")
    args = ap.parse_args()
    nlp = extract.load_model()
    blind = blind_names()
    dev = [t for t in sorted((EVAL / "dev").glob("*.txt")) if t.stem not in blind]
    rows = judged(nlp, dev)
    fitted = table(rows)
    if args.write:
        header = ("# Confidence of an extracted statement by its basis (speaker kind/stance origin): the share of\n"
                  "# dev statements with that basis that named the right actor with the right stance.\n"
                  "# Written by scripts/calibrate_confidence.py --write; counts: [statements, right].\n")
        lexicon.CONFIDENCE_PATH.write_text(header + yaml.safe_dump(fitted, sort_keys=False), encoding="utf-8")
        lexicon._confidence_table.cache_clear()
        rows = judged(nlp, dev)        # re-judged with the new confidences
    for basis, (n, hits) in fitted["counts"].items():
        print(f"{basis:24} {n:4} statements, {hits:4} right -> {fitted['basis'][basis]:.2f}")
    reliability("dev without the blind five (fitted)", rows)
    if args.held_out:
        held = sorted((REPO / "tests" / "data" / "extract").glob("*.txt"))
        held += [t for c in sorted((EVAL / "clusters").iterdir()) for t in sorted(c.glob("*.txt"))]
        reliability("tests/data/extract and the clusters (held out)", judged(nlp, held))
    if args.blind:
        reliability("the blind five", judged(nlp, [t for t in sorted((EVAL / "dev").glob("*.txt")) if t.stem in blind]))


if __name__ == "__main__":
    main()
