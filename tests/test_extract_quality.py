"""Quality floor of the extractor on articles written for this project (tests/data/extract).

Each NAME.txt has a NAME.gold.yaml in the format of the shared evaluation (FORMAT.md: actors
with their surface forms, one attribution per sentence, speaker and speech act, contested
claims, mediations). The scoring below follows the shared scorer's rules: a prediction matches
a gold attribution when the sentences match (containment or word Jaccard >= 0.6) and the actor
resolves to the gold actor through the article's alias table (null actor + report for anonymous
sources); typed F1 also needs the stance. The floors sit below the current scores so that a
regression fails the test; they are not tuned to pass.
"""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from claimgraph import extract as E

pytestmark = pytest.mark.nlp  # every test here needs spaCy and its English model

DATA = Path(__file__).resolve().parent / "data" / "extract"
SHARED_SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
# 201 articles (4,545 attributions) at the end of the eighteenth session: measured 0.717 / 0.873 /
# 0.597 (174 of them written by helpers who never saw the extractor, in twenty-nine batches; the
# twelfth session's floors were 0.66 / 0.84 / 0.51 on 57 articles)
FLOORS = {"typed": 0.69, "attribution": 0.85, "contested": 0.51}
SHARED_DEV = SHARED_SCORER.parent / "dev"
# Measured on all 22 shared dev articles at the end of the ninth session (typed 0.793,
# attribution 0.883, contested 0.711, mediation 0.865), minus a margin. Issue 10's targets
# (0.85 / 0.92 / 0.75 / 0.85) are met on the 17 tuning articles only, not on all 22 (the five
# blind ones are far below): these floors only catch regressions.
DEV_FLOORS = {"typed": 0.77, "attribution": 0.86, "contested": 0.67, "mediation": 0.84}


def norm(text):
    return re.sub(r"\s+", " ", (text or "").replace("\u2019", "'").replace("\u201c", '"')
                  .replace("\u201d", '"')).strip().lower()


def same_sentence(a, b):
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    wa, wb = set(re.findall(r"[a-z0-9']+", a)), set(re.findall(r"[a-z0-9']+", b))
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.6


def has_words(hay, needle):
    return re.search(r"(?<![a-z0-9])" + re.escape(needle) + r"(?![a-z0-9])", hay) is not None


#: words too general to name an actor by themselves (the shared scorer's list)
FILLER = {"both sides", "sides", "officials", "the officials", "spokesman", "spokesperson", "minister", "ministry",
          "government", "army", "military", "forces", "they", "them", "reports", "sources", "statement"}


def resolver(table):
    aliases = {c: {norm(c)} | {norm(f) for f in forms or []} for c, forms in table.items()}

    def resolve(*texts):
        for text in texts:
            t = norm(text)
            if not t:
                continue
            exact = {c for c, names in aliases.items() if t in names}
            if exact:
                return exact
            best, found = 0, set()
            for c, names in aliases.items():
                for n in names:
                    if has_words(t, n) and len(n) >= best:
                        found = found | {c} if len(n) == best else {c}
                        best = len(n)
            if found:
                return found
            if len(t) >= 4 and t not in FILLER:
                # (the shortest alias that holds the text, as the shared scorer takes it)
                within = [(len(n), c) for c, names in aliases.items() for n in names if has_words(n, t)]
                if within:
                    shortest = min(k for k, _ in within)
                    return {c for k, c in within if k == shortest}
        return set()
    return resolve


def greedy(gold, pred, ok):
    used, tp = set(), 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and ok(g, p):
                used.add(i)
                tp += 1
                break
    return tp


def f1(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else float(not n_gold)
    r = tp / n_gold if n_gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def score(records):
    totals = {k: [0, 0, 0] for k in ("attribution", "typed", "contested", "mediation")}
    for gold_path in sorted(DATA.glob("*.gold.yaml")):
        name = gold_path.name[:-len(".gold.yaml")]
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        resolve = resolver(gold["actors"])
        preds = [r for r in records if r["doc"] == name]
        att = [p for p in preds if p["type"] == "attribution"]
        for p in att:
            p["_a"] = resolve(p["actor"], p["speaker"]) if p["actor"] else set()

        def who(g, p):
            return (not p["_a"] and p["stance"] == "report") if g["actor"] is None else g["actor"] in p["_a"]

        def att_ok(g, p):
            return same_sentence(g["sentence"], p["sentence"]) and who(g, p)

        def sides(p, key):
            return set().union(*[resolve(a) for a in p.get(key) or []]) if p.get(key) else set()

        g_att, g_con, g_med = gold["attributions"], gold.get("contested") or [], gold.get("mediations") or []
        p_con = [p for p in preds if p["type"] == "contested"]
        p_med = [p for p in preds if p["type"] == "mediation"]
        rows = {
            "attribution": (greedy(g_att, att, att_ok), len(att), len(g_att)),
            "typed": (greedy(g_att, att, lambda g, p: att_ok(g, p) and p["stance"] == g["stance"]), len(att), len(g_att)),
            "contested": (greedy(g_con, p_con, lambda g, p: bool(sides(p, "supporters") & set(g["supporters"]))
                                 and bool(sides(p, "disputers") & set(g["disputers"]))), len(p_con), len(g_con)),
            "mediation": (greedy(g_med, p_med, lambda g, p: bool(sides(p, "mediators") & set(g["mediators"]))),
                          len(p_med), len(g_med)),
        }
        for k, v in rows.items():
            totals[k] = [a + b for a, b in zip(totals[k], v)]
    return {k: f1(*v) for k, v in totals.items()}


@pytest.fixture(scope="module")
def records():
    paths = sorted(DATA.glob("*.txt"))
    assert len(paths) >= 4
    out = []
    for _, result in E.extract_files(paths):
        assert isinstance(result, dict), result
        out.extend(E.to_jsonl_records(result))
    return out


def test_gold_files_are_well_formed():
    for gold_path in sorted(DATA.glob("*.gold.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_name(gold_path.name.replace(".gold.yaml", ".txt")).read_text(encoding="utf-8")
        for a in gold["attributions"]:
            assert a["sentence"] in text, (gold_path.name, a["id"])
            assert a["actor"] is None or a["actor"] in gold["actors"], (gold_path.name, a["id"])
            assert a["stance"] in {"assert", "accuse", "deny", "commit", "endorse", "demand", "mediate", "report"}
        ids = {a["id"] for a in gold["attributions"]}
        for c in (gold.get("contested") or []) + (gold.get("mediations") or []):
            assert set(c["evidence"]) <= ids


def test_quality_floor(records):
    got = score(records)
    for key, floor in FLOORS.items():
        assert got[key] >= floor, f"{key} F1 {got[key]:.3f} fell below {floor} ({got})"


@pytest.mark.skipif(not SHARED_SCORER.is_file(), reason="shared evaluation scorer not present")
def test_agrees_with_shared_scorer(records, tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps({k: v for k, v in r.items() if not k.startswith("_")}) + "\n"
                            for r in records), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SHARED_SCORER), str(DATA), str(pred)], capture_output=True,
                         text=True, check=True).stdout.strip().splitlines()[-1]
    shared = {k.split("_")[0]: float(v) for k, v in (x.split("=") for x in out.split())}
    mine = score(records)
    for key in ("typed", "attribution", "contested", "mediation"):
        assert abs(shared[key] - mine[key]) < 0.011, (key, shared[key], mine[key])


@pytest.fixture(scope="module")
def dev_predictions(tmp_path_factory):
    """The extractor's records for the 22 shared dev articles, as a scorer's JSONL file."""
    if not SHARED_DEV.is_dir():
        pytest.skip("shared evaluation dev set not present")
    pred = tmp_path_factory.mktemp("dev") / "dev.jsonl"
    with open(pred, "w", encoding="utf-8") as f:
        for path, result in E.extract_files(sorted(SHARED_DEV.glob("*.txt"))):
            assert isinstance(result, dict), result
            f.writelines(json.dumps(r) + "\n" for r in E.to_jsonl_records(result))
    return pred


def shared_scores(gold_dir, pred):
    out = subprocess.run([sys.executable, str(SHARED_SCORER), str(gold_dir), str(pred)], capture_output=True,
                         text=True, check=True).stdout.strip().splitlines()[-1]
    return {k.split("_")[0]: float(v) for k, v in (x.split("=") for x in out.split())}


def test_dev_floor(dev_predictions):
    """The shared dev set (22 articles, about 560 attributions), scored by the shared scorer."""
    got = shared_scores(SHARED_DEV, dev_predictions)
    for key, floor in DEV_FLOORS.items():
        assert got[key] >= floor, f"dev {key} F1 {got[key]:.3f} fell below {floor} ({got})"


#: Issue 10's bars, met on the 17 dev articles the rules were tuned on (the dev set without the
#: five blind ones of scripts/blind_set.txt): typed 0.863, attribution 0.922, contested 0.779,
#: mediation 0.889 at the end of the ninth session.
ISSUE_BARS = {"typed": 0.85, "attribution": 0.92, "contested": 0.75, "mediation": 0.85}
BLIND_SET = Path(__file__).resolve().parents[1] / "scripts" / "blind_set.txt"


def test_tuning_articles_meet_the_issue_bars(dev_predictions, tmp_path):
    blind = {line.strip() for line in BLIND_SET.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")}
    assert len(blind) == 5
    for path in SHARED_DEV.iterdir():
        if path.name.endswith((".txt", ".gold.yaml")) and path.name.split(".")[0] not in blind:
            (tmp_path / path.name).symlink_to(path)
    assert len(list(tmp_path.glob("*.gold.yaml"))) == 17
    got = shared_scores(tmp_path, dev_predictions)
    for key, bar in ISSUE_BARS.items():
        assert got[key] >= bar, f"dev (17) {key} F1 {got[key]:.3f} fell below issue 10's bar {bar} ({got})"
