"""The second-reader study: scripts/score_agreement.py scores a second annotation as the extractor is scored.

tests/data/second_reads holds a second, independent annotation of four regression articles
(written from the text alone, never from their gold); README "How far two careful readers
agree" reports it. The figures are the shared scorer's, so the test needs ../shared.
"""
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
SECOND = REPO / "tests" / "data" / "second_reads"
ARTICLES = REPO / "tests" / "data" / "extract"
SHARED_SCORER = REPO.parent / "shared" / "eval" / "score.py"
STANCES = {"assert", "accuse", "deny", "commit", "endorse", "demand", "mediate", "report"}


def run_agreement(*folders):
    return subprocess.run([sys.executable, str(REPO / "scripts" / "score_agreement.py"), *map(str, folders),
                           "--reference", str(ARTICLES)], capture_output=True, text=True)


@pytest.mark.parametrize("second", sorted(SECOND.glob("*.gold.yaml")), ids=lambda p: p.name)
def test_second_read_is_well_formed(second):
    """Each entry quotes its article exactly and names a declared actor, as the gold format asks."""
    gold = yaml.safe_load(second.read_text(encoding="utf-8"))
    text = (ARTICLES / second.name.replace(".gold.yaml", ".txt")).read_text(encoding="utf-8")
    for a in gold["attributions"]:
        assert a["sentence"] in text, a["id"]
        assert a["actor"] is None or a["actor"] in gold["actors"], a["id"]
        assert a["stance"] in STANCES, a["id"]


@pytest.mark.skipif(not SHARED_SCORER.is_file(), reason="shared evaluation scorer not present")
def test_second_reads_score_as_reported():
    done = run_agreement(SECOND)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == (
        "typed_f1=0.936 attribution_f1=0.955 contested_f1=0.957 mediation_f1=1.000")


@pytest.mark.skipif(not SHARED_SCORER.is_file(), reason="shared evaluation scorer not present")
def test_article_without_reference_is_one_error_line(tmp_path):
    (tmp_path / "nowhere.gold.yaml").write_text("attributions: []\n", encoding="utf-8")
    done = run_agreement(tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'nowhere.gold.yaml'}: no reference gold for 'nowhere' in {ARTICLES}"]
