#!/usr/bin/env python3
"""Score a second reader's annotation of articles against their reference gold.

    python scripts/score_agreement.py SECOND_DIR [SECOND_DIR ...] [--reference DIR ...]

How far two careful readers agree bounds what an extractor can be asked to score: a second
annotation (NAME.gold.yaml, written from NAME.txt alone, following ../shared/eval/FORMAT.md)
is turned into prediction records and scored by the shared scorer exactly as the extractor's
output is, so the figures compare like with like. Each NAME.gold.yaml in SECOND_DIR is
matched to the reference folder that holds NAME.txt and NAME.gold.yaml (by default
../shared/eval/dev and tests/data/extract).
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
REFERENCES = [EVAL / "dev", REPO / "tests" / "data" / "extract"]


def records(name, gold):
    """The scorer's prediction records for one annotation: what the reader found, as found."""
    out = []
    for a in gold.get("attributions") or []:
        out.append({"doc": name, "type": "attribution", "sentence": a.get("sentence"),
                    "speaker": a.get("speaker"), "actor": a.get("actor"), "stance": a.get("stance"),
                    "content": a.get("content")})
    for c in gold.get("contested") or []:
        out.append({"doc": name, "type": "contested", "proposition": c.get("proposition"),
                    "supporters": c.get("supporters"), "disputers": c.get("disputers")})
    for m in gold.get("mediations") or []:
        out.append({"doc": name, "type": "mediation", "mediators": m.get("mediators"),
                    "parties": m.get("parties")})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("second", nargs="+", type=Path, help="folders of second annotations")
    ap.add_argument("--reference", action="append", type=Path, default=None,
                    help="a folder of reference articles and gold (repeatable)")
    args = ap.parse_args()
    references = args.reference or REFERENCES
    if not (EVAL / "score.py").is_file():
        sys.exit(f"error: the shared scorer {EVAL / 'score.py'} is missing")
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir = Path(tmp) / "gold"
        gold_dir.mkdir()
        preds = []
        for folder in args.second:
            for second in sorted(folder.glob("*.gold.yaml")):
                name = second.name[: -len(".gold.yaml")]
                ref = next((d for d in references if (d / f"{name}.gold.yaml").is_file()), None)
                if ref is None:
                    sys.exit(f"error: {second}: no reference gold for {name!r} in "
                             + ", ".join(map(str, references)))
                for suffix in (".txt", ".gold.yaml"):
                    (gold_dir / f"{name}{suffix}").symlink_to((ref / f"{name}{suffix}").resolve())
                try:
                    preds += records(name, yaml.safe_load(second.read_text(encoding="utf-8")) or {})
                except yaml.YAMLError as e:
                    sys.exit(f"error: {second}: not YAML ({e.__class__.__name__})")
        if not preds:
            sys.exit("error: no second annotations (NAME.gold.yaml) found")
        pred_path = Path(tmp) / "second.jsonl"
        pred_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in preds),
                             encoding="utf-8")
        done = subprocess.run([sys.executable, str(EVAL / "score.py"), str(gold_dir), str(pred_path)],
                              capture_output=True, text=True)
        sys.stdout.write(done.stdout)
        sys.stderr.write(done.stderr)
        sys.exit(done.returncode)


if __name__ == "__main__":
    main()
