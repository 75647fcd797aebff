"""Claims and contest: statements assembled from raw attributions, their claims (with a
subject-relation-object core where the relation vocabulary allows), and contested links
between a claim and the denials or counter-accusations that answer it.
"""
from __future__ import annotations

import re

from .lexicon import ANON, GROUP, _confidence_table, _slug
from .mediation import _mediations
from .sources import _span_text
from .stance import DEMONSTRATIVES, _agents, _condition, _conditional_threat, _content_root, _good_offices, _obligation, _points_back, _refine

def _build(art, doc_id, text):
    lx, A = art.lx, art.actors
    parties = art.sides()
    statements, claims = [], []

    seen_ids = {}

    def new_claim(label, core):
        base = _slug(label) or "claim"
        seen_ids[base] = k = seen_ids.get(base, 0) + 1
        cid = base if k == 1 else f"{base}-{k}"
        subj, rel, obj, verb = core
        claims.append({"id": cid, "label": label, "subject": subj, "relation": rel, "object": obj, "verb": verb,
                       "contradicts": []})
        return cid

    for r in art.raw:
        sent, st, en = art.sents[r["n"]]
        span = _named_objects(art, sent, r["content"]) or (
            _runs_text(sent, r["content"]) if r.get("predicate_of") else _span_text(sent, r["content"]))
        if r["kind"] == GROUP:
            speakers = [(p, [q for q in parties if q != p]) for p in parties]
        else:
            speakers = [(r["aid"], None)]
        for aid, others in speakers:
            acts = A.acts_for(aid)
            stance = r["stance"]
            about = _about(art, r, acts, parties, others)
            if stance == "assert" and r["cue"].pos_ != "NOUN" and (_condition(art, r) or _conditional_threat(art, r, acts)):
                stance = "demand"     # terms set on the other side outrank what the content says of it
            if stance == "assert" and _good_offices(art, r, acts):
                stance = "mediate"    # 'said its good offices were available': an offer to mediate
            if stance == "assert" and r["cue"].pos_ != "NOUN" and _obligation(art, r):
                stance = "demand"     # what another must or should do is asked of it, whatever else it says
            if (stance == "assert" or (r["cue"].pos_ == "NOUN" and stance in ("assert", "accuse"))) and not r.get("outlet"):
                stance = _refine(art, r, acts, parties, stance)
            bare_answer = r["cue"].dep_ in ("relcl", "acl") and r["cue"].head.lemma_.lower() in lx["answer_nouns"]
            if stance == "deny" and (not span or bare_answer):
                prev = [s for s in statements if s["n"] == r["n"] and s["actor"] != acts and s["stance"] in ("accuse", "assert")]
                span = prev[-1]["span"] if prev else ""
            if aid is None and r["kind"] != ANON:
                continue
            basis = _basis(art, r, acts, stance)
            statements.append({"id": f"s{len(statements) + 1}", "stance": stance, "speaker": aid,
                               "speaker_text": r["speaker_text"], "actor": acts, "about": about,
                               "sentence": text[st:en], "start": st, "end": en, "span": span or r["speaker_text"],
                               "claim": None, "confidence": None, "basis": basis,
                               "hedge": _hedges(art, r), "n": r["n"], "_raw": r})
    statements = _merge_predicates(art, statements)
    # a quotation running on into the next sentence is one statement: the later sentence stands as
    # a statement of its own only where it makes another act ('"..." he said. "If they are not home
    # by Friday, we will ..."': a threat after a charge)
    first_of = {id(s["_raw"]): s for s in statements}
    statements = [s for s in statements if not (
        s["_raw"].get("continues") is not None and id(s["_raw"]["continues"]) in first_of
        and first_of[id(s["_raw"]["continues"])]["stance"] == s["stance"])]
    # mediation attributions (a verb's before a noun's: 'mediators are trying to broker a deal between
    # A and B' is told by what the verb says)
    for m in sorted(art.med_mentions, key=lambda m: m["cue"].pos_ == "NOUN"):
        sent, st, en = art.sents[m["n"]]
        for tok, aid in m["mediators"]:
            acts = A.acts_for(aid)
            if acts in art.negated_mediators:
                continue
            # 'X said a truce "reached through Xian mediation" ...', 'X offered to host talks', 'X said
            # it stood ready to mediate': one act, X's mediation (an offer to mediate is mediation offered)
            owns = [s for s in statements if s["_raw"] is not None and s["n"] == m["n"] and s["actor"] == acts
                    and s["stance"] in ("assert", "commit") and (
                        any(t.i == m["cue"].i for t in s["_raw"]["content"])
                        or m["cue"].dep_ in ("xcomp", "advcl") and m["cue"].head.i == s["_raw"]["cue"].i
                        and m["cue"].doc is s["_raw"]["cue"].doc)]
            if owns:
                owns[0].update(stance="mediate", basis="mediator/mediate",
                               about=[p for p in parties if p != acts])
                # ('Bishop X said the council had offered to host talks': the council's offer, told by
                # its chairman, is one mediation, not his and the council's besides)
                statements = [s for s in statements if not any(s is o for o in owns[1:])]
                continue
            if not m.get("statement", True):
                continue
            if any(s["n"] == m["n"] and s["actor"] == acts and s["stance"] == "mediate" for s in statements):
                continue                # 'Qatari mediators are trying to broker a deal': one act, told twice
            statements.append({"id": f"s{len(statements) + 1}", "stance": "mediate", "speaker": aid,
                               "speaker_text": art.np_span(tok).text, "actor": acts,
                               "about": [p for p in parties if p != acts], "sentence": text[st:en], "start": st,
                               "end": en, "span": _span_text(sent, list(m["cue"].subtree)) or m["cue"].text,
                               "claim": None, "confidence": None, "basis": "mediator/mediate", "hedge": [], "n": m["n"], "_raw": None})
    statements.sort(key=lambda s: s["start"])
    for i, s in enumerate(statements, 1):
        s["id"] = f"s{i}"
    contested = _contest(art, statements, parties, new_claim)
    for s in statements:
        s["confidence"] = _confidence(s["basis"], s["stance"])     # once the contest has settled the stance
        if s["claim"] is None:
            s["claim"] = new_claim(_shortened(s["span"], 80) or s["stance"], _claim_core(art, s))
    mediations = _mediations(art, statements, parties, text)
    used = {s["speaker"] for s in statements} | {a for s in statements for a in s["about"]} | {s["actor"] for s in statements}
    used |= {a for m in mediations for a in m["mediators"] + m["parties"]}
    used |= {c[k] for c in claims for k in ("subject", "object") if c[k] in A.by_id}
    for aid in list(used):
        if aid:
            used |= {f["actor"] for f in A.by_id[aid]["affiliations"]}
    actors = [dict(a) for aid, a in A.by_id.items() if aid in used]
    for s in statements:
        s.pop("n", None)
        s.pop("_raw", None)
    return {"doc": doc_id, "words": len(text.split()), "actors": actors, "statements": statements, "claims": claims,
            "contested": contested, "mediations": mediations}


def _merge_predicates(art, statements):
    """One clause's predicates, told apart by attribution._split_predicates ('said A and would
    B'): a later predicate stands as a statement of its own only where it makes another act
    that looks ahead (a pledge, a refusal, a demand: 'would continue to rely on the court',
    'would not return to work until ...'). Any other is told by the statement before it, which
    then holds both predicates' words: a charge in either makes the clause one ('assert' becomes
    'accuse'), and a negated first predicate before a denial is that denial ('would not affect
    any party and had broken no law')."""
    kept, out = {}, []
    for s in statements:
        key = s["_raw"].get("predicate_of")
        if key is None:
            out.append(s)
            continue
        group = kept.setdefault((key, s["actor"]), [])
        if not group:
            group.append(s)
            out.append(s)
            continue
        head = group[0]
        same = next((k for k in group if k["stance"] == s["stance"]), None)
        if same is None and head["stance"] == "assert" and s["stance"] == "deny" \
                and any(t.dep_ == "neg" for t in head["_raw"]["content"]):
            head["stance"], same = "deny", head
        if same is None and s["stance"] in ("commit", "deny", "demand"):
            group.append(s)
            out.append(s)
            continue
        into = same or head
        if into["stance"] == "assert" and s["stance"] == "accuse":
            into["stance"] = "accuse"
        whole = sorted({t.i: t for t in into["_raw"]["content"] + s["_raw"]["content"]}.values(), key=lambda t: t.i)
        into["span"] = _span_text(art.sents[into["n"]][0], whole) or into["span"]
    return out


def _runs_text(sent, toks):
    """A later predicate's words with its clause's subject put back ('his government' + 'would
    continue to rely on the court'): each run of adjacent tokens as it stands, joined by a space."""
    runs, ids = [], sorted(t.i for t in toks if sent.start <= t.i < sent.end)
    for i in ids:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return " ".join(_span_text(sent, [sent.doc[i] for i in run]) for run in runs).strip()


def _named_objects(art, sent, toks):
    """The reported words with 'him'/'her' as an object named ('describe him as a militant' ->
    'describe Jon Doe as a militant'): the claim says whom it is about, so two articles that call
    the same person one thing meet on the name. None when there is no such pronoun."""
    names = {}
    for t in toks:
        if t.lower_ in ("him", "her") and t.tag_ == "PRP" and t.dep_ in ("dobj", "dative", "pobj", "nsubj"):
            kind, aid = art.resolve(t)
            if kind == "actor" and art.actors.by_id[aid]["type"] == "person":
                names[t.i] = art.actors.by_id[aid]["label"]
    if not names:
        return None
    plain = _span_text(sent, toks)
    if not plain:
        return None
    toks = sorted((t for t in toks if sent.start <= t.i < sent.end), key=lambda t: t.i)
    while toks and (toks[0].dep_ == "mark" or toks[0].is_punct):
        toks = toks[1:]
    if not toks:
        return None
    doc = sent.doc
    words = doc[toks[0].i:toks[-1].i + 1]
    text = "".join(names.get(t.i, t.text) + t.whitespace_ for t in words)
    return text.strip(" ,.;:\"'\u201c\u201d\u2018\u2019")


def _basis(art, r, actor, stance):
    """What a statement rests on, as 'speaker kind/stance origin': with the stance, the key of the
    confidence table (data/confidence.yaml, fitted by scripts/calibrate_confidence.py).

    Speaker kind: group ('both sides', expanded per party), anonymous, pronoun (resolved to an
    antecedent), unplaced (a name or description the actor tables did not know), person (a person
    acting for no known body), named (a state or organisation, or a person acting for one).
    Stance origin: according ('according to'), nominal ('X's claim that'), refined (the content
    changed the cue's stance), cue (the cue's own stance)."""
    A, subj = art.actors, r["subj"]
    if r["kind"] == GROUP:
        kind = "group"
    elif r["kind"] == ANON:
        kind = "anonymous"
    elif subj is not None and subj.pos_ == "PRON":
        kind = "pronoun"
    elif r["via"] == "unplaced":
        kind = "unplaced"
    elif A.by_id[actor]["type"] == "person":
        kind = "person"
    else:
        kind = "named"
    cue = r["cue"]
    origin = ("according" if cue.lower_ == "according" else "nominal" if cue.pos_ == "NOUN"
              else "refined" if stance != r["stance"] else "cue")
    return f"{kind}/{origin}"


def _confidence(basis, stance):
    """The calibrated confidence of a statement with this basis and stance (data/confidence.yaml)."""
    return confidence_in(_confidence_table(), basis, stance)


def confidence_in(table, basis, stance):
    """The share of right statements (speaker's actor and stance) among those with this basis and
    stance in the extractor's first reads of articles it had not seen, from a calibration table
    (scripts/calibrate_confidence.py fits one); a pair never seen there gets its stance's share,
    an unknown stance the overall share."""
    return table["basis"].get(f"{basis}/{stance}", table["stance"].get(stance, table["overall"]))


def _hedges(art, r):
    """The speaker's own hedging, kept apart from the extractor's confidence: hedge adverbs in
    the content ('reportedly', 'allegedly'), hedging cues ('alleged', 'suggested') and modals of
    possibility on the reported clause ('may have', 'could')."""
    hedges = art.lx["hedges"]
    found = [t.lower_ for t in r["content"] if t.lower_ in hedges["adverbs"]]
    if r["cue"].lemma_.lower() in hedges["verbs"]:
        found.append(r["cue"].lower_)
    if r["cue"].lower_ in hedges["adverbs"]:
        found.append(r["cue"].lower_)
    ids = {t.i for t in r["content"]}
    for t in r["content"]:
        if t.head.i not in ids or t.head.i == t.i:
            found += [c.lower_ for c in t.children if c.dep_ == "aux" and c.lower_ in hedges["modals"]]
            break
    return sorted(set(found))


def _about(art, r, actor, parties, others):
    if others is not None:
        return list(others)
    out = []
    for t in r["content"]:
        if t.pos_ in ("PROPN", "ADJ", "NOUN") and (t.ent_type_ or art.actors.known(t.text) or t.lower_ in art.actors.name_tokens):
            kind, aid = art.resolve(t)
            if kind == "actor":
                a = art.actors.acts_for(aid)
                if a != actor and a not in out:
                    out.append(a)
    if any(t.lower_ in ("other", "both") for t in r["content"]) or not out:
        out += [p for p in parties if p != actor and p not in out]
    return out


def _claim_core(art, s):
    """(subject, relation, object, verb): the relation when the content uses the relation
    vocabulary; else the subject actor and the lemma of the content's own verb, when it has
    them ('Ottawa had not shared a shred of evidence': Canada, 'share'), so that a claim and its
    negation told in other words in another article can meet (:mod:`claimgraph.linking`)."""
    r = s.get("_raw")
    if r is None:
        return None, None, None, None
    rel_of = art.lx["rel_of"]
    toks = r["content"]
    for t in toks:
        rel = rel_of.get(t.lemma_.lower())
        if rel:
            subj = next((a for a in _agents(art, [x for x in toks if x.i <= t.i]) if a), None)
            if subj is None and r["cue"].lemma_ in ("accuse", "blame", "charge"):
                subj = next((art.actors.acts_for(art.resolve(c)[1]) for c in r["cue"].children
                             if c.dep_ == "dobj" and art.resolve(c)[0] == "actor"), None)
            if subj is None and s["stance"] in ("commit", "assert") and rel == "agrees-to":
                subj = s["actor"]
            obj = None
            for c in t.subtree:
                if c.i > t.i and c.pos_ in ("PROPN", "NOUN", "ADJ"):
                    kind, aid = art.resolve(c)
                    if kind == "actor" and art.actors.acts_for(aid) != subj:
                        obj = art.actors.acts_for(aid)
                        break
            if obj is None:
                objs = [c for c in t.children if c.dep_ in ("dobj", "pobj", "prep")]
                obj = _span_text(t.sent, list(objs[0].subtree)) if objs else None
            return subj, rel, obj, None
    core = _verb_core(art, r)
    if core is None:
        return None, None, None, None
    return core[1], None, None, core[0]


def _verb_core(art, r):
    """(verb lemma, subject actor, negated) of a reported clause whose verb says what its one
    subject, an actor, did or did not do ('Lima had not sent any papers': send, Peru, True);
    None for a clause without one, or whose verb says too little ('be', 'have', 'say')."""
    if r is None:
        return None
    root = _content_root(r["content"])
    if root is None or root.pos_ not in ("VERB", "AUX") or root.lemma_.lower() in art.lx["general_verbs"]:
        return None
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subj) != 1:
        return None
    kind, aid = art.resolve(subj[0])
    if kind != "actor":
        return None
    negated = any(c.dep_ == "neg" for c in root.children) or any(
        d.dep_ == "det" and d.lower_ in ("no", "not") for c in root.children if c.dep_ == "dobj" for d in c.children)
    return root.lemma_.lower(), art.actors.acts_for(aid), negated


def _contest(art, statements, parties, new_claim):
    """Link denials and mutual blame to the claims they answer; one entry per (supporter, disputer)."""
    lx = art.lx
    pairs = {}

    def disputes(x, y):
        return [v for k, v in pairs.items() if k[:2] == (x, y)]

    def claim_of(st):
        """The statement's claim, made from its proposition when it has none yet."""
        if st["claim"] is None:
            st["claim"] = new_claim(_proposition(art, st), _claim_core(art, st))
        return st["claim"]

    def add(claimer, denier, evidence, s_claim):
        if not claimer or not denier or claimer == denier:
            return
        # one entry per charge disputed ('X accused Y of A', 'X accused Y of B': two disputes);
        # other claims answered (a demand refused, an account denied) fold into the pair's first
        key = (claimer, denier) + ((claim_of(s_claim),) if s_claim["stance"] == "accuse" else ())
        if key not in pairs:
            claim_of(s_claim)
            pairs[key] = {"claim": s_claim["claim"], "supporters": [claimer], "disputers": [denier], "evidence": []}
        for e in evidence:
            if e["id"] not in pairs[key]["evidence"]:
                pairs[key]["evidence"].append(e["id"])
            if e["claim"] is None:
                e["claim"] = pairs[key]["claim"]

    for s, p in _negations(art, statements):
        s["stance"] = "deny"
        s["claim"] = claim_of(p)
        add(p["actor"], s["actor"], [p, s], p)
    mutual = []
    speaking = {s["actor"] for s in statements if s["actor"] and s["stance"] != "mediate"}
    for i, s in enumerate(statements):
        if s["stance"] == "accuse" and s["_raw"] is not None and len(parties) == 2:
            r = s["_raw"]
            reciprocal = any(t.lower_ in ("other", "another") and t.i > 0 and (
                t.doc[t.i - 1].lower_ in ("each", "one") or (r["kind"] == GROUP and t.doc[t.i - 1].lower_ == "the"))
                for t in r["content"]) or r["cue"].lemma_.lower() in lx["trading_verbs"]   # 'traded accusations'
            if reciprocal and r["kind"] in (GROUP, "actor") and s["actor"] in parties:
                mutual.append(s)
        if s["stance"] != "deny" or s["claim"] is not None:
            continue
        target = None
        r = s["_raw"]
        # 'X proposed that ..., an idea Y rejected', 'Y called that timetable unacceptable': the
        # denial of a proposal answers the proposal (a demand, a pledge, a plan told) that the
        # other side put forward in the same sentence or the one before
        heads = ([r["cue"].head] if r["cue"].dep_ in ("relcl", "acl") else []) + list(r["content"][:4]) if r is not None else []
        if any(t.pos_ == "NOUN" and t.lemma_.lower() in lx["proposal_nouns"] for t in heads):
            offers = [p for p in statements[:i] if p["stance"] in ("demand", "commit", "assert") and p["actor"]
                      and p["actor"] != s["actor"] and s["n"] - 1 <= p["n"] <= s["n"]]
            if offers:
                target = offers[-1]
                s["claim"] = claim_of(target)
                add(target["actor"], s["actor"], [target, s], target)
                continue
        answers = r is not None and (not r["content"] or any(t.lemma_.lower() in lx["answer_nouns"] or t.lemma_.lower()
                                                             in lx["view_nouns"] for t in r["content"][:4]))
        earlier = [p for p in statements[:i] if p["stance"] in ("accuse", "assert") and p["actor"] and p["actor"] != s["actor"]]
        same = [p for p in earlier if p["start"] == s["start"]]
        inside = _told_inside(s, statements)
        # 'rejected suggestions that the affair had driven a wedge': the answer noun tells what it
        # answers, put forward by no one named; it answers an earlier statement only if that one
        # was a charge against the denier, and is nobody's claim otherwise
        told = r is not None and any(t.lemma_.lower() in lx["answer_nouns"] and any(
            c.dep_ == "acl" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in t.children)
            for t in r["content"][:4])
        charged = lambda p: not told or (p["stance"] == "accuse" and s["actor"] in p["about"])  # noqa: E731
        before = [p for p in earlier if p["n"] == s["n"] - 1 and charged(p)] if _refers_back(art, r) else []
        # 'X accused Y of ..., a charge that Y dismissed': the denial hangs on the charge its own
        # sentence tells, and answers nothing said elsewhere
        bare = r is not None and r["cue"].dep_ in ("relcl", "acl") and r["cue"].head.lemma_.lower() in lx["answer_nouns"]
        if bare and not (inside or same):
            continue
        if inside:
            target = inside[-1]
        elif same:
            target = same[-1]
        elif before:
            target = before[-1]
        elif answers:
            aimed = [p for p in earlier if s["actor"] in p["about"] and charged(p)]
            target = (aimed or ([] if told else earlier) or [None])[-1]
        elif r is not None and any(t.pos_ in ("VERB", "AUX") or t.lemma_.lower() in lx["denial_objects"]
                                   for t in r["content"]):       # a proposition, or 'denied any involvement'
            aimed = [p for p in earlier if s["actor"] in p["about"] and p["stance"] == "accuse"
                     and s["start"] - p["end"] < 600]
            target = aimed[-1] if aimed else None
        if target is not None:
            if bare and target["stance"] == "assert" and _told_of_doer(art, target, s["actor"]):
                # 'Y said X had routed profits through Dubai, a claim X has denied': a deed laid on
                # the one who denies it is a charge
                target["stance"] = "accuse"
                target["about"] = [s["actor"]] + [a for a in target["about"] if a != s["actor"]]
            s["claim"] = claim_of(target)
            add(target["actor"], s["actor"], [target, s], target)
        elif s["about"] and not told and r is not None and any(t.pos_ in ("VERB", "AUX") or t.lemma_.lower() in lx["answer_nouns"]
                                                  for t in r["content"]) and s["about"][0] in speaking:
            # a denial answering nothing told: put forward by the first actor its words name, if that
            # actor speaks in the article (not one only named: 'denies being behind the M23 rebels')
            add(s["about"][0], s["actor"], [s], s)
    # blame laid back: one side accuses the other, and the other, in a later sentence, blames the
    # first for it or holds it responsible ('Ruritania accused Borduria of ...'; 'Borduria blamed
    # Ruritania for the collapse'): mutual blame told in two sentences, each side's charge
    # disputed by the other
    charges = [s for s in statements if s["stance"] == "accuse" and s["actor"] and s["_raw"] is not None
               and s not in mutual]
    for back in charges:
        r = back["_raw"]
        if not (r["cue"].lemma_.lower() in lx["blame_verbs"] or any(
                t.lower_ in ("responsible", "responsibility") for t in r["content"])) or not back["about"]:
            continue
        first = next((s for s in charges if s["n"] < back["n"] and s["actor"] == back["about"][0]
                      and back["actor"] in s["about"][:1]), None)
        if first is not None:
            for x in (first, back):
                claim_of(x)
            add(first["actor"], back["actor"], [first, back], first)
            add(back["actor"], first["actor"], [back, first], back)
    # two sides' accounts set against each other in one sentence ('Ruritania says X, whereas
    # Borduria says Y'): a charge there is disputed by the side whose account it is set against
    for t in statements:
        r = t["_raw"]
        if r is None or not t["actor"] or not any(
                c.dep_ in ("mark", "cc") and c.lower_ in lx["contrast_marks"] for c in r["cue"].children):
            continue
        other = next((s for s in statements if s["n"] == t["n"] and s["_raw"] is not None and s["actor"]
                      and s["actor"] != t["actor"] and s["_raw"]["cue"].i < r["cue"].i
                      and s["_raw"]["cue"].doc is r["cue"].doc), None)
        if other is None:
            continue
        charged = [(x, y) for x, y in ((other, t), (t, other)) if x["stance"] == "accuse" and x["about"][:1] == [y["actor"]]]
        for x, _ in charged:
            claim_of(x)
        for x, y in charged:
            add(x["actor"], y["actor"], [x, y], x)
    # mutual blame ('both sides blamed each other for X'): evidence for the two sides' existing
    # claims against each other when there are both, else a claim of its own
    if mutual:
        a, b = parties
        if disputes(a, b) and disputes(b, a):
            for s in mutual:
                add(s["actor"], [p for p in parties if p != s["actor"]][0], [s], s)
        else:
            first = mutual[0]
            obj = _blame_object(first)
            label = "The other side is to blame" + (f" for {obj}" if obj else "")
            cid = new_claim(label, (None, None, None, None))
            for s in mutual:
                s["claim"] = cid
            for x, y in ((a, b), (b, a)):     # each side blames the other, and rejects the blame
                if any(s["id"] in d["evidence"] for d in disputes(x, y) for s in mutual):
                    continue                  # that side's blame, answered, is a dispute already
                pairs[("mutual", cid, x)] = {"claim": cid, "supporters": [x], "disputers": [y],
                                             "evidence": [s["id"] for s in mutual]}
    return list(pairs.values())


def _told_of_doer(art, st, actor):
    """The statement's reported clause has ``actor`` as the subject of its verb."""
    r = st["_raw"]
    t = _content_root(r["content"]) if r is not None else None
    if t is None or t.pos_ not in ("VERB", "AUX"):
        return False
    return any(kind == "actor" and art.actors.acts_for(aid) == actor
               for c in t.children if c.dep_ == "nsubj" for kind, aid in [art.resolve(c)])


def _negations(art, statements):
    """(denial, claim denied): one side says what another side said, negated, with the same
    verb and the same subject ('Lima had sent the papers' / 'Lima had not sent any papers'),
    earlier or later in the article: the negated one denies the other's claim."""
    def core(st):
        if st["stance"] not in ("assert", "accuse") or not st["actor"]:
            return None
        return _verb_core(art, st["_raw"])

    cores = [(st, core(st)) for st in statements]
    found = []
    for s, cs in cores:
        if cs is None or not cs[2]:
            continue
        for p, cp in cores:
            if cp is not None and not cp[2] and cp[:2] == cs[:2] and p["actor"] != s["actor"]:
                found.append((s, p))
                break
    return found


def _told_inside(s, statements):
    """The other side's statements told inside a denial's own words ('dismissed the group's
    assertion that it ...'): what the denial answers, wherever its cue stands in the sentence."""
    r = s["_raw"]
    if r is None or not r["content"]:
        return []
    ids = {t.i for t in r["content"]}
    doc = r["content"][0].doc
    return [p for p in statements if p is not s and p["n"] == s["n"] and p["_raw"] is not None
            and p["_raw"]["cue"].doc is doc and p["_raw"]["cue"].i in ids
            and p["stance"] in ("accuse", "assert") and p["actor"] and p["actor"] != s["actor"]]


def _refers_back(art, r):
    """A denial that points at the account just given: 'rejected that account', 'these claims',
    or a bare 'that' as its clause's subject ('says that does not match ...')."""
    if r is None:
        return False
    ids = {t.i for t in r["content"]}
    for t in r["content"]:
        if t.lower_ not in DEMONSTRATIVES:
            continue
        if t.dep_ == "det" and t.head.i in ids and t.head.lemma_.lower() in art.lx["answer_nouns"]:
            return True
        if t.dep_ in ("nsubj", "nsubjpass") and _points_back([t]):
            return True
    return False


def _proposition(art, s):
    """The contested proposition in words: 'Guyana accused Venezuela of sending armed men across
    the border' -> 'Venezuela sent armed men across the border'; 'blamed Y for Z' -> 'Y is to
    blame for Z'; a reported clause stands as it is."""
    r = s.get("_raw")
    span = re.sub(r"^(that|of)\s+", "", s["span"] or "").strip()
    if r is None:
        return _shortened(span, 160) or "claim"
    cue = r["cue"]
    if cue.pos_ != "NOUN" and cue.lemma_.lower() in art.lx["accuse_object_verbs"]:
        dobj = next((c for c in cue.children if c.dep_ in ("dobj", "nsubjpass")), None)
        preps = list(cue.children) + (list(dobj.children) if dobj is not None else [])
        preps += [c for a in cue.children if a.dep_ == "agent" for p in a.children for c in p.children]   # passive
        prep = next((c for c in preps if c.dep_ == "prep" and c.lower_ in ("of", "for", "over")), None)
        obj = [c for c in prep.children if c.dep_ in ("pcomp", "pobj")] if prep is not None else []
        if dobj is not None and dobj.lower_ in ("which", "who", "whom", "that") and dobj.head.dep_ == "relcl":
            dobj = dobj.head.head          # 'Hamas, which Israel accuses of diverting aid': Hamas
        if dobj is not None and obj and dobj.lower_ not in ("other", "each"):
            kind, aid = art.resolve(dobj)
            who = art.actors.by_id[art.actors.acts_for(aid)]["label"] if kind == "actor" else \
                _span_text(dobj.sent, [t for t in art.np_span(dobj) if t.i <= dobj.i])
            o = obj[0]
            skip = {t.i for c in o.subtree if c.dep_ in ("relcl", "appos", "conj", "cc") and c.head.i != o.i or
                    c.dep_ in ("relcl", "appos") for t in c.subtree}
            toks = [t for t in o.subtree if t.i not in skip]
            text = _span_text(o.sent, toks)
            if o.tag_ == "VBG" and text.lower().startswith(o.lower_):
                return f"{who} {_past_tense(art.lx, o.lemma_)}{text[len(o.text):]}"
            if cue.lemma_.lower() == "blame" or prep.lower_ == "for":
                return f"{who} is to blame for {text}"
            return f"{who} is guilty of {text}"
    return _shortened(span, 160) or "claim"


def _shortened(text, limit):
    """A claim's label at most ``limit`` characters: cut after the last whole word, marked with
    an ellipsis ('... linking agents of the Indian …', not '... linking agents o')."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-\u2013\u2014") + "\u2026"


def _past_tense(lx, lemma):
    lemma = lemma.lower()
    if lemma in lx["irregular_past"]:
        return lx["irregular_past"][lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    if len(lemma) <= 4 and re.fullmatch(r"[^aeiou]*[aeiou][bdglmnprt]", lemma):
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def _blame_object(s):
    r = s["_raw"]
    for t in r["content"]:
        if t.dep_ == "prep" and t.lower_ in ("for", "over") and t.head.lemma_ in ("blame", "accuse", "other"):
            return " ".join(x.text for x in t.subtree).split(" ", 1)[1] if len(list(t.subtree)) > 1 else None
    return None

