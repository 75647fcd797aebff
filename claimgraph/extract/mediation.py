"""Mediation: who brokers or hosts talks between whom.

:func:`mediation_verb` records a mediation cue found by the attribution scan;
:func:`_mediations` gathers an article's mentions into one mediation effort.
"""
from __future__ import annotations

from .lexicon import _slug
from .sources import _by_whom, _with_conjuncts
from .stance import stance_of_verb

def mediation_verb(art, v, n):
    mediators = []
    agents = _by_whom(v)
    # 'after talks in Muscat facilitated by Oman', parsed as a clause with 'talks' its subject:
    # a participle with an agent is passive whatever the parser says; its agents mediate
    subs = _with_conjuncts(agents) if v.tag_ == "VBN" and agents else art._subjects(v)
    if not subs:
        for c in v.children:
            if c.dep_ in ("npadvmod", "compound", "nmod") and c.i < v.i:
                subs = [c]
    if v.dep_ in ("xcomp", "ccomp") and v.head.lemma_ in ("help", "assist"):
        subs = subs + art._subjects(v.head)
    if not subs and v.dep_ == "xcomp" and v.head.dep_ == "acomp" and v.head.head.i != v.head.i:
        subs = art._subjects(v.head.head)      # 'it stood ready to mediate', 'Luanda was prepared to host talks'
    near = {v.i} | {x.i for x in v.children}
    for c in v.subtree:
        if c.dep_ == "prep" and c.lower_ == "alongside" and c.head.i in near:
            subs = subs + [p for p in c.children if p.dep_ == "pobj"]
    for s in subs:
        kind, aid = art.resolve(s)
        reporter = art.reporting_body(s) if s.lower_ in ("it", "we") else None
        if reporter is not None:
            kind, aid = "actor", reporter     # 'X's director said it would bring both sides together': the body that speaks
        owner = next((c for c in s.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if kind != "actor" and owner is not None:       # 'her mission': the one she acts for
            kind, aid = art.resolve(owner)
            aid = art.actors.acts_for(aid) if kind == "actor" else None
            kind = "actor" if aid else None
        if kind != "actor" and s.pos_ in ("NOUN", "PROPN") and s.lower_ not in ("which", "who", "that") \
                and owner is None:
            aid = art.actors.org(art.np_span(s).text, common=True, unnamed=s.pos_ == "NOUN")
            kind = "actor" if aid else None
        if kind == "actor":
            mediators.append((s, aid))
    if not mediators:
        return
    held = not any(c.lower_ in ("will", "would") for c in v.children)
    offered = (v.dep_ == "xcomp" or v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)) \
        and (stance_of_verb(art, v.head) == "commit" or v.head.dep_ == "acomp")     # ('offered on Friday to host')
    # 'offered to host talks', 'stood ready to mediate' offer a planned mediation (the offer is the
    # mediator's statement: claims._build gives it the stance 'mediate');
    # 'proposed that A and B jointly mediate', 'urged Qatar to mediate' ask for one: nobody mediates yet
    asked = _asked_for(art, v)
    # one asked for mediates nothing yet: no mediator, though the talks it is asked for still name the parties
    art.med_mentions.append({"n": n, "mediators": [] if asked else mediators, "cue": v,
                              "held": held and not offered and not asked, "statement": not offered and not asked,
                              "parties": _between(art, v)})


def _asked_for(art, v):
    """'proposed that the UN mediate', 'urged Qatar to mediate', 'urged X to agree to talks
    facilitated by Y': the mediation is what a proposal or a demand asks for, up the clause
    that holds it (through complements, objects and the noun the cue describes)."""
    x = v
    while x.dep_ in ("ccomp", "xcomp", "acl", "amod", "dobj", "pobj", "prep") and x.head.i != x.i:
        x = x.head
        if x.pos_ in ("VERB", "AUX") and (x.lemma_.lower() in PROPOSAL_VERBS or stance_of_verb(art, x) == "demand"):
            return True
    return False


#: verbs whose clause proposes an action rather than reporting one
PROPOSAL_VERBS = {"propose", "suggest", "want", "wish", "recommend", "request", "seek", "ask", "urge", "invite"}

def _between(art, v):
    """Actors named in 'talks between A and B' under a mediation cue (or invited or called to talks,
    or brought together: 'invited the company and the union to talks')."""
    out = []
    for t in v.subtree:
        if t.dep_ == "prep" and t.lower_ == "between" or t.dep_ == "dobj" and t.head is v and v.lemma_ in (
                "invite", "call", "bring", "get"):     # ('brought the company and the union together')
            for p in (t.children if t.dep_ == "prep" else [t]):
                for x in [p] + [c for c in p.subtree if c.dep_ == "conj"]:
                    kind, aid = art.resolve(x)
                    if kind == "actor" and art.actors.acts_for(aid) not in out:
                        out.append(art.actors.acts_for(aid))
    return out if len(out) >= 2 else []


def _mediations(art, statements, parties, text):
    """The article's mediation efforts: mediators named together (in one cue: 'Qatar and Turkey
    mediated', 'alongside') or linked through a mediator they share make one effort; a mediator
    acting on its own ('ECOWAS stood ready to mediate', and later 'Senegal offered to host talks')
    is an effort of its own."""
    med = [s for s in statements if s["stance"] == "mediate"]
    groups = []                     # lists of mediator ids, in order of first mention

    def join(ids):
        ids = [i for i in dict.fromkeys(ids) if i not in art.negated_mediators]
        if not ids:
            return
        touching = [g for g in groups if set(g) & set(ids)]
        merged = [x for g in touching for x in g] + [i for i in ids if not any(i in g for g in touching)]
        first = groups.index(touching[0]) if touching else len(groups)
        for g in touching:
            groups.remove(g)
        groups.insert(min(first, len(groups)), merged)

    by_sentence = {}          # mediators named in one sentence work together ('a truce brokered by Kenya after
    for m in art.med_mentions:  # talks hosted by Egypt'): the cues' mediators first, then the statements'
        by_sentence.setdefault(m["n"], []).extend(art.actors.acts_for(aid) for _, aid in m["mediators"])
    for s in med:
        by_sentence.setdefault(s["n"], []).append(s["actor"])
    for n in sorted(by_sentence):
        join(by_sentence[n])
    labels = {g[0]: art.actors.by_id[g[0]]["label"] for g in groups}
    for g in list(groups):
        # one body's own mission ('the United Nations Support Mission' of 'the United Nations'), or a
        # person of no stated side ('Hakan Fidan') working with the mediator named before: one effort
        lone_person = all(art.actors.by_id[a]["type"] == "person" for a in g)
        host = next((h for h in groups if h is not g and (
            any(art.actors.by_id[a]["label"].startswith(labels[h[0]] + " ") for a in g)
            or lone_person and groups.index(h) < groups.index(g))), None)
        if host is not None:
            host.extend(g)
            groups.remove(g)
    out = []
    for mediators in groups:
        mentions = [m for m in art.med_mentions if any(art.actors.acts_for(aid) in mediators for _, aid in m["mediators"])]
        own = [s for s in med if s["actor"] in mediators]
        between = next((m["parties"] for m in mentions if m.get("parties")), [])
        sides = [p for p in between if p not in mediators] or parties
        if own:
            first = own[0]
        else:
            sent, st, en = art.sents[mentions[0]["n"]]
            first = {"sentence": text[st:en], "start": st, "end": en}
        place = None
        for m in mentions:
            for t in art.sents[m["n"]][0]:
                if t.ent_type_ == "GPE" and t.head.lower_ in ("in", "at") and not art.actors.country(t.text):
                    place = place or t.text
        held = any(m["held"] for m in mentions)
        label = "Talks mediated by " + " and ".join(art.actors.by_id[m]["label"] for m in mediators)
        out.append({"id": _slug(label), "label": label, "mediators": mediators,
                    "parties": [p for p in sides if p not in mediators], "place": place,
                    "status": "held" if held else "planned", "sentence": first["sentence"], "start": first["start"],
                    "end": first["end"], "statements": [s["id"] for s in own]})
    return out
