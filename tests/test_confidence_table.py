"""The extractor's confidence table is the fit of its stored first reads (tests/data/first_reads).

The fit needs the shared scorer's alias resolution and sentence matching (../shared/eval), so
the staleness test skips without it; the data checks run everywhere.
"""
import importlib.util
import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
FIRST_READS = REPO / "tests" / "data" / "first_reads"
REGRESSION = REPO / "tests" / "data" / "extract"
TABLE = REPO / "claimgraph" / "data" / "confidence.yaml"
SHARED_SCORER = REPO.parent / "shared" / "eval" / "score.py"


def calibrate():
    spec = importlib.util.spec_from_file_location("calibrate_confidence", REPO / "scripts" / "calibrate_confidence.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_first_read_is_of_a_regression_article_and_listed():
    listed = set(re.findall(r"^\| (batch-\d\d\.jsonl) \|", (FIRST_READS / "README.md").read_text(encoding="utf-8"), re.M))
    files = sorted(FIRST_READS.glob("batch-*.jsonl"))
    assert files and {p.name for p in files} == listed
    for path in files:
        records = calibrate().batch_records(path)
        docs = {r["doc"] for r in records}
        assert len(docs) == 6, path.name
        for r in records:
            assert r["type"] == "attribution" and r["basis"] and r["stance"], path.name
            text = (REGRESSION / f"{r['doc']}.txt").read_text(encoding="utf-8")
            assert (REGRESSION / f"{r['doc']}.gold.yaml").is_file()
            assert r["sentence"] in text, (path.name, r["sentence"][:60])


def test_lookup_falls_back_from_basis_to_stance_to_overall():
    table = {"overall": 0.6, "stance": {"deny": 0.8}, "basis": {"named/cue/deny": 0.9}}
    lookup = calibrate().confidence_in
    assert lookup(table, "named/cue", "deny") == 0.9
    assert lookup(table, "pronoun/cue", "deny") == 0.8
    assert lookup(table, "pronoun/cue", "commit") == 0.6


def test_fit_smooths_rare_keys_towards_their_stance():
    rows = [("named/cue", "deny", None, True)] * 8 + [("named/cue", "deny", None, False)] * 2 \
        + [("pronoun/cue", "deny", None, False)] + [("named/cue", "assert", None, r) for r in (True, False)] * 5
    table = calibrate().fit(rows)
    assert table["overall"] == round(13 / 21, 2)
    assert table["counts"]["pronoun/cue/deny"] == [1, 0]
    # one wrong denial by a pronoun moves its key a little below the denials' share, not to 0
    assert 0.05 < table["basis"]["pronoun/cue/deny"] < table["stance"]["deny"] < table["basis"]["named/cue/deny"]


@pytest.mark.skipif(not SHARED_SCORER.is_file(), reason="shared evaluation scorer not present")
def test_committed_table_is_the_fit_of_the_first_reads():
    cal = calibrate()
    committed = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    assert committed == cal.fit(cal.first_reads()), "stale: run python scripts/calibrate_confidence.py --write"
