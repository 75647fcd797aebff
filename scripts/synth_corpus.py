#!/usr/bin/env python3
"""Write a synthetic corpus of annotated articles for benchmarks and build tests.

Usage: python scripts/synth_corpus.py --articles 10000 --out /tmp/corpus-10k [--seed 1]

Each article is NAME.txt + NAME.yaml in the seeds/ schema. What is realistic about it:
actors are drawn with Zipf-distributed frequencies (a few states and groups speak in
most articles, a long tail speaks once), claims are shared between articles the same
way, each article has 2-12 statements (mean about 6) with stances in news-like
proportions, about a third of statements are machine-extracted with a confidence,
one article in five reports a mediation, and accusations are regularly denied by their
target in the same or another article, so many claims are contested. The same seed
always writes the same files.
"""
from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

STANCE_WEIGHTS = {"assert": 30, "accuse": 16, "deny": 12, "commit": 9, "endorse": 9, "demand": 14, "report": 10}
ACTOR_TYPES = [("state", 30), ("armed-group", 20), ("organisation", 25), ("person", 25)]
RELATIONS = ["harbours", "supports", "attacks", "kills", "violates", "agrees-to"]
SYLLABLES = ["al", "be", "cor", "da", "el", "fa", "gor", "han", "is", "jar", "ka", "lu", "mor", "na", "or",
             "pa", "qu", "ra", "sa", "tan", "ur", "va", "wen", "xi", "ya", "zor"]
VERBS = {"assert": "said that", "accuse": "accused", "deny": "denied that", "commit": "pledged that",
         "endorse": "welcomed the news that", "demand": "demanded that", "report": "reportedly"}
PLACES = ["Doha", "Istanbul", "Geneva", "Muscat", "Riyadh", "Oslo", "Nairobi", "Vienna"]


class Zipf:
    """Draw 0..n-1 with P(k) proportional to 1/(k+1)^s."""

    def __init__(self, n: int, s: float, rng: random.Random):
        self.rng = rng
        self.cum = list(itertools.accumulate(1.0 / (k + 1) ** s for k in range(n)))

    def draw(self) -> int:
        return bisect.bisect_left(self.cum, self.rng.random() * self.cum[-1])

    def sample(self, k: int) -> list[int]:
        found: list[int] = []
        while len(found) < k:
            x = self.draw()
            if x not in found:
                found.append(x)
        return found


def _name(i: int, rng_seed: int) -> str:
    r = random.Random(i * 7919 + rng_seed)
    return "".join(r.choice(SYLLABLES) for _ in range(2 + i % 2)).capitalize()


def make_world(articles: int, seed: int):
    rng = random.Random(seed)
    n_actors = max(40, min(5000, articles // 5 + 40))
    actors = []
    types, weights = zip(*ACTOR_TYPES)
    for i in range(n_actors):
        kind = rng.choices(types, weights)[0]
        label = _name(i, seed) + {"state": "land", "armed-group": " Front", "organisation": " Council",
                                  "person": f" {_name(i + 10007, seed)}"}[kind]
        actors.append({"id": f"a{i}", "label": label, "type": kind})
    states = [a for a in actors if a["type"] in ("state", "organisation")]
    for a in actors:
        if a["type"] == "person" and rng.random() < 0.7:
            a["affiliation"] = rng.choice(states)["id"]
    n_claims = max(50, articles // 2)
    claims = []
    for i in range(n_claims):
        subject = rng.randrange(n_actors)
        relation = rng.choice(RELATIONS)
        target = rng.randrange(n_actors)
        claims.append({"id": f"c{i}", "subject": f"a{subject}", "relation": relation, "object": f"a{target}",
                       "label": f"{actors[subject]['label']} {relation.replace('-', ' ')} {actors[target]['label']} "
                                f"(case {i})"})
    return actors, claims


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def write_article(out: Path, n: int, actors, claims, actor_zipf: Zipf, claim_zipf: Zipf, rng: random.Random,
                  day0: date) -> int:
    aid = f"art-{n:06d}"
    when = day0 + timedelta(days=rng.randrange(700))
    n_statements = min(12, max(2, int(rng.gauss(6, 2.5))))
    cast = [actors[i] for i in actor_zipf.sample(min(len(actors), rng.randint(3, 7)))]
    used_claims = [claims[i] for i in claim_zipf.sample(rng.randint(2, 4))]
    sentences, statements = [], []
    needed = {a["id"] for a in cast}
    stance_names, stance_weights = zip(*STANCE_WEIGHTS.items())
    for k in range(n_statements):
        claim = rng.choice(used_claims)
        stance = rng.choices(stance_names, stance_weights)[0]
        if stance == "accuse":
            speaker = rng.choice(cast)
            target = actors[int(claim["subject"][1:])]
        else:
            speaker = rng.choice(cast)
            target = rng.choice(cast)
        if stance == "deny":
            speaker = actors[int(claim["subject"][1:])]
        needed.update({speaker["id"], target["id"], claim["subject"], claim["object"]})
        if stance == "report":
            sentence = f"Sources {VERBS[stance]} said in report {k} that {claim['label']}."
        else:
            sentence = f"{speaker['label']} {VERBS[stance]} {claim['label']}, statement {k} said."
        sentences.append(sentence)
        st = {"id": f"s{k + 1}", "stance": stance, "claim": claim["id"], "about": [target["id"]],
              "sentence": sentence, "span": claim["label"]}
        if stance != "report":
            st["speaker"] = speaker["id"]
        if rng.random() < 0.3:
            st["method"] = "extracted"
            st["confidence"] = round(rng.uniform(0.4, 0.99), 2)
            st["extractor"] = "synth 1.0"
        statements.append(st)
    mediation = None
    if rng.random() < 0.2 and len(cast) >= 3:
        mediator, p1, p2 = cast[:3]
        place = rng.choice(PLACES)
        sentence = f"Talks in {place} were mediated by {mediator['label']} between {p1['label']} and {p2['label']}."
        sentences.append(sentence)
        mediation = {"id": "talks", "label": f"{place} talks", "mediators": [mediator["id"]],
                     "parties": [p1["id"], p2["id"]], "place": place, "sentence": sentence}
        if rng.random() < 0.5:
            mediation["outcome"] = "A ceasefire"
            mediation["outcome_type"] = "ceasefire"
    for a in list(needed):
        aff = actors[int(a[1:])].get("affiliation")
        if aff:
            needed.add(aff)
    text = " ".join(sentences) + "\n"
    (out / f"{aid}.txt").write_text(text, encoding="utf-8")

    lines = ["article:", f"  id: {aid}", f"  text: {aid}.txt", f"  title: {q('Synthetic report ' + str(n))}",
             f"  date: {when.isoformat()}", f"  publisher: {q('Agency ' + str(n % 17))}", "actors:"]
    for a_id in sorted(needed, key=lambda x: int(x[1:])):
        a = actors[int(a_id[1:])]
        lines += [f"  - id: {a['id']}", f"    label: {q(a['label'])}", f"    type: {a['type']}"]
        if a.get("affiliation"):
            lines += ["    affiliations:", f"      - actor: {a['affiliation']}", "        role: spokesperson"]
    lines.append("claims:")
    for c in {c["id"]: c for c in [claims[int(s["claim"][1:])] for s in statements]}.values():
        lines += [f"  - id: {c['id']}", f"    label: {q(c['label'])}", f"    subject: {c['subject']}",
                  f"    relation: {c['relation']}", f"    object: {c['object']}"]
    lines.append("statements:")
    for st in statements:
        lines += [f"  - id: {st['id']}", f"    stance: {st['stance']}"]
        if "speaker" in st:
            lines.append(f"    speaker: {st['speaker']}")
        lines += [f"    claim: {st['claim']}", f"    about: [{', '.join(st['about'])}]",
                  f"    sentence: {q(st['sentence'])}", f"    span: {q(st['span'])}"]
        if st.get("method"):
            lines += [f"    method: {st['method']}", f"    confidence: {st['confidence']}",
                      f"    extractor: {q(st['extractor'])}"]
    if mediation:
        m = mediation
        lines += ["mediations:", f"  - id: {m['id']}", f"    label: {q(m['label'])}",
                  f"    mediators: [{', '.join(m['mediators'])}]", f"    parties: [{', '.join(m['parties'])}]",
                  f"    place: {q(m['place'])}", f"    sentence: {q(m['sentence'])}"]
        if m.get("outcome"):
            lines += [f"    outcome: {q(m['outcome'])}", f"    outcome_type: {m['outcome_type']}"]
    (out / f"{aid}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(statements)


def generate(out: Path, articles: int, seed: int = 1) -> int:
    """Write ``articles`` annotated articles into ``out``; returns the number of statements."""
    out.mkdir(parents=True, exist_ok=True)
    actors, claims = make_world(articles, seed)
    rng = random.Random(seed + 1)
    actor_zipf = Zipf(len(actors), 1.1, rng)
    claim_zipf = Zipf(len(claims), 1.05, rng)
    total = 0
    for n in range(articles):
        total += write_article(out, n, actors, claims, actor_zipf, claim_zipf, rng, date(2024, 1, 1))
    return total


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True, help="how many articles to write")
    parser.add_argument("--out", type=Path, required=True, help="folder to write NAME.txt/NAME.yaml into")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same files)")
    args = parser.parse_args(argv)
    statements = generate(args.out, args.articles, args.seed)
    print(f"{args.out}: {args.articles:,} articles, {statements:,} statements", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
