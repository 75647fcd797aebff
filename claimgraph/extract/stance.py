"""Stance: which of the eight speech acts a cue performs.

:func:`stance_of_verb` reads the cue lexicon (with phrasal and conditional verbs);
:func:`_refine` turns a party's neutral report into an accusation, denial or commitment by
what its content says, and :func:`_obligation` a 'must'/'should' aimed at others into a demand.
"""
from __future__ import annotations

from .lexicon import QUOTE_CLOSERS, QUOTE_OPENERS, SUBJ_DEPS, _in_quotes
from .sources import STATE_TITLES, _by_whom, _counted

def _both_sides(tok):
    """A noun phrase that stands for the two sides of a dispute: 'both sides', 'the two delegations',
    'elders from both communities', 'the Argentine and Paraguayan foreign ministers'."""
    def two(t):
        return any(c.dep_ in ("det", "predet", "nummod") and c.lower_ in ("both", "two") for c in t.children)
    if two(tok):
        return True
    if any(c.dep_ == "prep" and c.lower_ in ("from", "of") and any(p.dep_ == "pobj" and two(p) for p in c.children)
           for c in tok.children):
        return True
    return any(c.dep_ in ("amod", "compound", "nmod") and c.pos_ in ("ADJ", "PROPN") and c.text[:1].isupper()
               and any(g.dep_ == "conj" and g.text[:1].isupper() for g in c.children) for c in tok.children)


#: what an ultimatum gives ('gave Kampala seven days to ...', 'set a Friday deadline')
TIME_LIMITS = {"day", "hour", "week", "month", "deadline", "ultimatum"}


def stance_of_verb(art, v):
    lx = art.lx
    lemma = v.lemma_.lower()
    kids = list(v.children)
    phr = lx["phrasal_map"].get(lemma, {})
    for c in kids:
        if c.dep_ in ("prt", "prep", "acomp", "oprd", "ccomp", "xcomp", "advmod") and c.lower_ in phr:
            return phr[c.lower_]
        if c.dep_ in ("ccomp", "xcomp", "oprd", "dobj", "advcl"):
            for g in c.children:
                if g.lower_ in phr and (g.dep_ in ("acomp", "oprd", "amod") or g.dep_ == "mark" and g.i < c.i
                                        or g.dep_ in ("dobj", "appos") and c.dep_ in ("oprd", "dobj")):
                    return phr[g.lower_]       # (mark: 'called for the president to resign'; dobj: 'called
                    #                            the plan the only basis ...' parsed with 'basis' under 'plan')
    as_stance = _as_evaluation(v, phr)
    if as_stance:
        return as_stance
    if lemma in lx["naming_verbs"] and _names_a_stigma(lx, v):
        return "accuse"       # 'designated him a terrorist', 'branded the group a terrorist organisation'
    if lemma in ("act", "serve") and any(c.dep_ == "prep" and c.lower_ == "as" and any(
            p.dep_ == "pobj" and _hyphenated(p) in lx["go_between_nouns"] for p in c.children) for c in kids):
        return "mediate"      # 'has acted as a go-between for Western capitals and the rebels'
    if lemma == "call" and any(c.dep_ == "dobj" and (any(g.dep_ == "conj" for g in c.children) or c.lemma_.lower() in (
            "side", "party")) for c in kids) and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(p.dep_ == "pobj" and p.lemma_.lower() in lx["conditional_verbs"]["invite"]
                                                          for p in c.children) for c in kids):
        return "mediate"      # 'called both sides to talks in Dhaka' convenes them, as 'invited ... to talks' does
        #                       (what one is called to: the talks one is invited to, cues.yaml)
        #                       (not 'called the ambassador to a meeting': one summoned)
    question = lx["question_frames"].get(lemma)
    deps = {c.dep_ for c in kids}
    if question and (deps & set(question) or not deps & {"dobj", "xcomp", "prep", "dative"}
                     or _after_quoted_question(v)) and "xcomp" not in deps:
        return "assert"       # 'asked whether ...', '"...?" Clinton asked.', '"Why ...?" Ruiz asked the commanders.'
    if lemma in ("offer", "provide", "extend", "lend") and any(
            c.dep_ == "dobj" and (c.lower_ == "offices" and any(a.lower_ == "good" for a in c.children)
                                  or c.lemma_.lower() == "venue") for c in kids):
        return "mediate"      # 'offered its good offices', 'ready to provide a venue' (for talks)
    if lemma in ("bring", "get") and any(t.lower_ == "together" and v.i in (t.head.i, t.head.head.i) for t in v.subtree) \
            and any(c.dep_ == "dobj" and (c.lemma_.lower() in ("side", "party", "parties", "sides") or any(
                g.dep_ == "conj" for g in c.children)) for c in kids):
        return "mediate"      # 'would bring both sides together', 'brought the company and the union together'
    if lemma in ("give", "set") and any(c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in TIME_LIMITS for c in kids) \
            and (lemma == "set" or any(c.dep_ == "dative" for c in kids)):
        return "demand"       # 'gave the authorities seven days to return the boats', 'set a deadline': an ultimatum
    if lemma == "give" and any(c.dep_ == "prep" and c.lower_ in ("until", "till") for c in kids) \
            and any(c.dep_ in ("dative", "dobj") for c in kids):
        return "demand"       # 'had given Golden Loom until March 26 to pay in full'
    if lemma in ("help", "assist") and any(
            c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in HELPED_SETTLEMENT
            and any(o.dep_ == "dobj" and o.lemma_.lower() in SETTLEMENT_OBJECTS for o in c.children) for c in kids):
        return "mediate"      # 'stands ready to help its neighbours find a solution', 'help the sides resolve ...'
    if lemma not in lx["verbs"]:
        return None
    if lemma == "put" and not any(c.dep_ == "prep" and c.lower_ == "at" for c in kids):
        return None           # 'put the death toll at 45' tells a figure; 'to put that number in context' does not
    cond = lx["conditional_verbs"].get(lemma)
    if cond is not None:
        deps = {c.dep_ for c in kids}
        objs = {c.lemma_.lower() for c in kids if c.dep_ in ("dobj", "nsubjpass")
                or (c.dep_ == "nsubj" and v.tag_ == "VBN" and any(a.dep_ == "agent" for a in kids))}
        objs |= {p.lemma_.lower() for c in kids if c.dep_ == "dobj" for pr in c.children
                 if pr.dep_ == "prep" and pr.lower_ == "of" for p in pr.children}   # 'rounds of negotiations'
        objs |= {p.lemma_.lower() for c in kids if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
                 if p.dep_ == "pobj"}                             # 'threatened Caracas with sanctions'
        objs |= {c.lower_ for c in kids if c.dep_ == "prep" and c.lower_ in ("to", "with")}   # 'committed to', 'charged with'
        if lemma == "invite":     # 'invited the company and the union to talks': the talks come after 'to'
            objs |= {p.lemma_.lower() for c in kids if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
                     if p.dep_ == "pobj"}
        if lemma in ("host", "convene"):
            # 'host elders from both sides for talks': the talks come after 'for'; 'host the Argentine
            # and Paraguayan foreign ministers', 'host negotiators from both sides': both sides hosted
            objs |= {p.lemma_.lower() for c in kids if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
                     if p.dep_ == "pobj"}
            if any(c.dep_ == "dobj" and _both_sides(c) for c in kids):
                objs.add("talks")
        if v.dep_ == "acl" or (v.dep_ == "amod" and v.tag_ == "VBN"):   # 'talks facilitated by', 'EU-facilitated talks'
            objs.add(v.head.lemma_.lower())
            if v.dep_ == "acl" and v.head.dep_ == "pobj" and v.head.head.head.pos_ in ("NOUN", "PROPN"):
                objs.add(v.head.head.head.lemma_.lower())   # 'talks between the two sides, hosted by X' hung on 'sides'
        if v.dep_ == "advcl" and v.tag_ == "VBN":       # 'to begin negotiations ..., facilitated by Turkey'
            objs |= {c.lemma_.lower() for c in v.head.children if c.dep_ == "dobj"}
        actor_obj = lemma in lx["actor_object_verbs"] and any(
            c.dep_ == "dobj" and art.resolve(c)[0] == "actor" for c in kids)    # 'backed Guyana'
        if not (deps & set(cond) or objs & set(cond) or actor_obj or _names_in_quotes(v)):
            return None
    if lemma in lx["tell_to_demand"] and any(c.dep_ == "xcomp" for c in kids) and any(c.dep_ in ("dobj", "dative") for c in kids):
        return "demand"
    if lemma in lx["expressing_verbs"]:
        felt = next((lx["expressed_stances"][c.lemma_.lower()] for c in kids
                     if c.dep_ == "dobj" and c.lemma_.lower() in lx["expressed_stances"]), None)
        if felt:
            return felt       # 'voiced support for the plan' endorses it, 'expressed readiness to ...' commits
    if lemma in lx["announce_verbs"] and any(c.dep_ == "dobj" and c.lemma_.lower() in lx["undertaking_nouns"] for c in kids):
        return "commit"       # 'announced a halt to oil exports', 'declared a ceasefire': the speaker's side acts
    return lx["verbs"][lemma]


#: what one helps others do, to what, that makes the helper a go-between ('help the two sides find
#: a solution', 'resolve their dispute'; not 'help the group find its targets')
HELPED_SETTLEMENT = {"find", "reach", "resolve", "settle", "negotiate", "broker", "bridge", "reduce", "ease", "defuse"}
SETTLEMENT_OBJECTS = {"solution", "agreement", "deal", "compromise", "settlement", "dispute", "difference", "conflict",
                      "crisis", "row", "impasse", "standoff", "ground", "way", "truce", "ceasefire", "matter",
                      "tension", "tensions"}


def _after_quoted_question(v):
    """'"Why are you still blocking the convoy?" Ruiz asked the commanders.': the question the
    verb reports stands in quotation marks before it, in its own sentence."""
    doc, start = v.doc, v.sent.start
    if start >= 2 and doc[start - 1].text in QUOTE_CLOSERS and doc[start - 2].text == "?" and v.i - start <= 4:
        return True           # (the quotation split off as a sentence of its own)
    return any(t.text == "?" and doc[t.i + 1].text in QUOTE_CLOSERS for t in doc[start:v.i - 1])


def _names_in_quotes(v):
    """'has called the ensuing chaos "a lesson we had to learn"', 'called the ruling "a turning point"':
    'call' with an object and the name it gives in quotation marks right after it (parsed as an
    apposition or a clause of its own rather than a naming complement)."""
    if v.lemma_.lower() != "call":
        return False
    doc = v.doc
    return any(c.dep_ == "dobj" and c.i + 1 < v.sent.end and doc[c.i + 1].text in QUOTE_OPENERS
               for c in v.children)


def _hyphenated(t):
    """The word a token ends, with the part before a hyphen the tokenizer split off ('go-between')."""
    doc = t.doc
    return f"{doc[t.i - 2].lower_}-{t.lower_}" if t.i >= 2 and doc[t.i - 1].text == "-" else t.lower_


def _names_a_stigma(lx, v):
    """The verb names its object by a word that brands it a wrongdoer ('a terrorist', 'a terrorist
    organisation', 'as war criminals'), whichever way the parser hangs the naming word."""
    if v.dep_ == "relcl" or any(c.lower_ in ("what", "which", "whom", "who", "that") and c.dep_ in ("dobj", "dative", "nsubj")
                                for c in v.children):
        return False          # 'struck what it described as terrorist camps', 'those it calls terrorists': a framing
    words = [c for c in v.children if c.dep_ in ("dobj", "oprd", "attr", "dative", "acomp")]
    words += [p for c in v.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    words += [g for w in list(words) for g in w.children if g.dep_ in ("amod", "compound", "oprd", "appos")]
    return any(w.lower_ in lx["stigma_words"] or w.lemma_.lower() in lx["stigma_words"] for w in words)


def _as_evaluation(v, phr):
    """'described the plan as a violation / as the only basis for a solution': the word the
    speaker judges by after 'as' (or its adjective) gives the stance, as it does after 'called
    the plan a violation'. The parser hangs 'as' on the verb or on its object."""
    if not phr:
        return None
    preps = [c for c in v.children if c.dep_ == "prep" and c.lower_ == "as"]
    preps += [g for c in v.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep" and g.lower_ == "as"]
    for prep in preps:
        for p in prep.children:
            if p.dep_ not in ("pobj", "acomp", "amod"):
                continue
            for w in [p] + [g for g in p.children if g.dep_ in ("amod", "conj")]:
                if w.lower_ in phr:
                    return phr[w.lower_]
    return None


def _agents(art, toks, speaker=None, nominal=False, person=False):
    """Actors that act in the content: subjects, 'by X' agents and their owners ('Cambodian troops').
    Pronouns in reported speech ('X said its troops ...') are taken to be the speaker; after a
    nominal cue ('Y rejected X's claims that its troops ...') they usually point at someone else.
    A person quoted word for word speaks of his own side as 'we': his 'they' are others."""
    out = []
    for t in toks:
        if person and t.dep_ == "nsubj" and t.lower_ == "they" and _in_quotes(t):
            out.append(None)  # '"They have no right to hijack our operations," the admiral said'
        elif t.dep_ == "nsubj" and t.lower_ in ("it", "we", "they", "i", "he", "she"):
            kind, aid = art.resolve(t) if t.lower_ == "it" else (None, None)
            cleft = t.head.lemma_ == "be" and any(c.dep_ == "attr" for c in t.head.children)
            if cleft:
                out.append(art.actors.acts_for(aid) if kind == "actor" else None)
            elif t.head.head not in toks or t.head.head == t.head:
                out.append(speaker)
        elif t.dep_ == "nsubj" or (t.dep_ == "pobj" and t.head.lower_ == "by"):
            cand = [t] + [c for c in t.children if c.dep_ in ("poss", "compound", "amod")]
            if any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our", "my") for c in cand):
                out.append(None if nominal else speaker)
                continue
            for c in cand:
                if c.lower_ in ("this", "that", "there", "its", "which", "who", "what"):
                    continue
                kind, aid = art.resolve(c)
                if kind == "actor":
                    out.append(art.actors.acts_for(aid))
                    break
            else:
                out.append(None)
        elif t.dep_ in ("poss", "compound") and t.head.lemma_ in art.lx["wrongdoing"]:
            kind, aid = art.resolve(t)
            if kind == "actor":
                out.append(art.actors.acts_for(aid))
    return out


def _core(toks):
    """The reported clause without what merely rides along: clauses with a subject of their own
    joined by 'and', relative clauses and appositions ('..., a shift that Rabat hailed')."""
    ids = {t.i for t in toks}
    root = _content_root(toks)
    if root is None:
        return []
    out, stack = [], [root]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.i not in ids or c.dep_ in ("relcl", "appos", "acl") or (
                    c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)):
                continue
            stack.append(c)
    return out


def _victim(art, t):
    """The name stands where a wrong's victim stands: the passive subject or object of a wrong,
    'attacks on/against X', or inside such a phrase ('harm the security of Chinese residents')."""
    h = t.head if t.dep_ in ("amod", "compound", "poss", "nmod") else t
    while h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.i != h.head.i:
        h = h.head.head
    if h.dep_ in ("nsubjpass", "dobj", "dative"):
        return _is_wrong(art, h.head) or h.head.lemma_.lower() in art.lx["harm_verbs"]
    return h.dep_ == "pobj" and h.head.lower_ in ("on", "against", "at", "toward", "towards") \
        and _is_wrong(art, h.head.head)


def _is_wrong(art, t):
    """A wrongdoing word, by its form or its lemma when the lemma is the form's stem (not 'lay' -> 'lie')."""
    return _wrongdoing_word(art, t) and not _walkout(art, t) or _breaks_undertaking(art, t)


#: forms the lemmatiser gives a wrong's lemma that belong to another verb ('lay' -> 'lie')
OTHER_VERBS_FORMS = {"lay", "lain"}


def _wrongdoing_word(art, t):
    """The word is in the wrongdoing table by its form, or by its lemma unless the form is one the
    lemmatiser maps onto a wrong from another verb: 'lay' and 'lain' (the waters lay within ...)
    are of 'lie' down, no 'lie'; 'lying' may be either, and is read as the wrong."""
    return t.lower_ in art.lx["wrongdoing"] or t.lemma_.lower() in art.lx["wrongdoing"] and t.lower_ not in OTHER_VERBS_FORMS


def _breaks_undertaking(art, t):
    """'had broken the deal', 'tearing up a wage agreement', 'reneged on its pledge': a verb of
    breaking whose object is an undertaking ('tear' only with 'up'), a wrong though neither word
    is one alone."""
    lemma = t.lemma_.lower()
    if t.pos_ != "VERB" or lemma not in art.lx["breaking_verbs"] or (
            lemma == "tear" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in t.children)):
        return False
    objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [p for c in t.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children if p.dep_ == "pobj"]
    return any(o.lemma_.lower() in art.lx["broken_undertakings"] for o in objs)


ATTACK_MARKS = {"air", "missile", "drone", "rocket", "military", "artillery", "retaliatory", "precision", "deadly", "lethal",
                "cross-border", "pre-emptive", "preemptive", "naval"}


def _walkout(art, t):
    """'the strike' of a labour dispute or 'a bird strike' is no attack: the noun 'strike' is a
    wrong only when it is marked as one ('air strikes', 'an Israeli strike', 'strikes on X');
    'returned fire' answers an attack, and 'an exchange of fire' charges no one; 'plots' of land
    are no conspiracy."""
    if t.lemma_.lower() == "fire" and (t.dep_ == "dobj" and t.head.lemma_.lower() == "return" or t.dep_ == "pobj"
                                       and t.head.lower_ == "of" and t.head.head.lemma_.lower() == "exchange"):
        return True           # ('an exchange of fire': both sides fired, no one is charged)
    if t.lemma_.lower() == "plot" and t.pos_ == "NOUN" and not any(
            c.dep_ == "prep" and c.lower_ in ("against", "by") or c.dep_ in ("acl", "relcl") for c in t.children):
        return True           # ('help smallholders map their plots': land, not a conspiracy; 'a plot against')
    if t.pos_ != "NOUN" or t.lemma_.lower() != "strike":
        return False
    for c in t.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss") and (c.lower_ in ATTACK_MARKS or art.resolve(c)[0] == "actor"):
            return False
        if c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "in", "near"):
            return False
    return True


def _party_does_wrong(art, toks, parties):
    """The content says a party did wrong: a party (or its troops, 'Cambodian troops') is the
    subject of a wrongdoing verb, or of a verb whose object is a wrongdoing ('bore responsibility')."""
    wrong = art.lx["wrongdoing"]
    ids = {t.i for t in toks}
    for t in toks:
        if t.dep_ != "nsubj" or t.head.i not in ids:
            continue
        verb = t.head
        objs = [c for c in verb.children if c.dep_ in ("dobj", "attr", "acomp")]
        if not (verb.lemma_.lower() in wrong or verb.lower_ in wrong
                or any(o.lemma_.lower() in wrong for o in objs)):
            continue
        for c in [t] + [c for c in t.children if c.dep_ in ("poss", "compound", "amod")]:
            kind, aid = art.resolve(c)
            if kind == "actor" and art.actors.acts_for(aid) in parties:
                return True
    return False


def _has_wrongdoing(art, toks):
    return bool(_wrong_words(art, toks))


def _wrong_words(art, toks):
    """The words of a wrong in the content: a wrongdoing word (not as a mere modifier), an
    undertaking broken, a harm done to someone ('had threatened refugees'; not 'threatened to
    quit'), or a thing taken or done that is called unlawful ('collecting unlawful fees'; not the
    'criminal syndicates' someone blames, whose deed the sentence tells)."""
    lx = art.lx
    return [t for t in toks if _wrongdoing_word(art, t) and t.dep_ != "amod"
            and not _walkout(art, t) or _breaks_undertaking(art, t)
            or t.pos_ == "VERB" and t.lemma_.lower() in lx["harm_verbs"] and any(c.dep_ == "dobj" for c in t.children)
            or t.dep_ == "amod" and t.lower_ in lx["plain_wrongs"] and t.head.dep_ == "dobj"]


def _refine(art, r, actor, parties, stance):
    """A party's neutral report becomes an accusation, denial or commitment by its content."""
    toks = r["content"]
    if not toks:
        return stance
    nominal = r["cue"].pos_ == "NOUN"
    lx = art.lx
    if _filed_charge(art, r["subj"]):
        return "accuse"       # 'The lawsuit says ...', 'according to a charge sheet ...': a filing charges
    if charge_disputed_by(art, toks) is not None:
        return "accuse"       # 'said the firm had acted with officials in Cairo, a charge Egypt denied'
    if any(c.dep_ == "dobj" and c.lemma_.lower() in lx["own_deed_nouns"] for c in r["cue"].children):
        return stance         # 'the group claimed responsibility for the attack': its own act, told, no charge
    subj_self = any(t.dep_ == "nsubj" and (t.pos_ == "PRON" or art.resolve(t)[1] == actor) for t in toks[:6])
    if subj_self and any(t.lower_ in lx["commit_markers"] for t in toks):
        return "commit"
    if _disowns(art, toks):
        return "deny"         # 'said the reports did not correspond to reality'
    if _only_a_bystander(art, toks, actor):
        return "deny"         # 'says it is merely an observer': the speaker disclaims any part
    if _will_not_hesitate(art, toks) or _reserves_the_right(art, toks, actor) or _met_with_force(art, toks):
        return "demand"       # 'said it would not hesitate to order further strikes', 'reserves the right to respond': a threat
    if _own_refusal(art, toks, actor):
        return "deny"         # 'said it would not release the crew', 'would never recognise the court': a refusal
    if _own_future(art, toks, actor) or _own_undertaking(art, toks, actor):
        return "commit"       # 'France will withdraw its troops, Macron said': the speaker's side will act
    if _leader_announces(art, toks, actor, parties):
        return "commit"
    own_act = _own_speech_act(art, toks, actor)
    if own_act:
        return own_act        # 'said it welcomed the offer', 'said the king had rejected the plan'
    if _wish_on_others(art, toks, actor):
        return "demand"       # 'said Brussels expected Belgrade to cooperate', 'China hoped the parties would ...'
    if _undertakings_only(art, toks):
        return stance         # 'said the rebels had agreed not to attack towns': a pledge reported, no wrong done
    if _calls_it_wrong(art, toks) or _stigma_doer(art, toks):
        return "accuse"       # '"This constitutes a deliberate violation of the truce," he said', '"These terrorists burn schools"'
    if _calls_an_act_wrong(art, toks):
        return "accuse"       # 'said his removal was unlawful': the wrong is laid on whoever did it
    if _wronged_by(art, toks):
        return "accuse"       # 'said he had been threatened by armed groups': the wrong is laid on its doer
    cue = r["cue"]
    head_stance = stance_of_verb(art, cue.head) if cue.dep_ in ("advcl", "conj") and cue.head.i != cue.i else None
    if actor not in parties and not nominal:
        # a bystander, or a person of no stated side: only a party's wrongdoing in what he says
        # accuses it (his own side is unknown or none, so no other party rule applies)
        if _party_does_wrong(art, toks, parties):
            return "accuse"
        core = _core(toks)
        named = {art.actors.acts_for(aid) for t in core if t.pos_ in ("PROPN", "ADJ") and not _victim(art, t)
                 for kind, aid in [art.resolve(t)] if kind == "actor"}
        loose = any(_is_wrong(art, t) and not any(c.dep_ == "neg" for c in t.children) for t in core)
        if loose and (named & set(parties)) - {actor}:
            return "accuse"
        root = _content_root(toks)
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
        if subj is not None and subj.lower_ in ("it", "we", "they") and not _in_quotes(root, whole_paragraph=True) \
                and _speakers_side(art, subj, actor, pronouns=True) and any(
                c.dep_ == "dobj" and any(d.lower_ == "no" for d in c.children) for c in root.children):
            return "deny"     # 'the group said it had no bases in the country': what it is said to have, it has not
        if _office_holder(art, actor) and not (subj is not None and art.resolve(subj)[0] == "actor"
                                               and not _office_holders_government(art, subj, actor)):
            # an office holder of a state the text does not name denies as a party does, though
            # whose side he is on is not guessed: 'Bangui has nothing to hide', 'the army had not
            # fired' (not 'Washington had no right to ...': what another has not, no denial)
            if _quantified_negation(art, toks) or (_has_wrongdoing(art, toks) and _wrongs_negated(art, toks)):
                return "deny"
        return stance
    person = r.get("aid") in art.actors.by_id and art.actors.by_id[r["aid"]]["type"] == "person"
    agents = _agents(art, toks, actor, nominal, person)
    opponents = {p for p in parties if p != actor}
    own_agent = actor in agents or any(t.dep_ == "xcomp" and t.head == r["cue"] for t in toks)
    wrong = _has_wrongdoing(art, toks)
    neg_tokens = _negators(art, toks)
    opp_agent = any(a in opponents for a in agents) or (nominal and any(a and a != actor for a in agents))
    other_agent = any(a != actor for a in agents)
    wrong_noun = any(t.pos_ == "NOUN" and t.lemma_.lower() in lx["wrongdoing"] and not _walkout(art, t) for t in toks)
    mentions_opp = any(art.resolve(t)[1] in opponents for t in toks if t.pos_ in ("PROPN", "ADJ"))
    if opp_agent and (wrong or any(t.dep_ == "neg" or t.lower_ == "not" for t in neg_tokens)):
        return "accuse"
    if _other_side_acts_on_ours(art, toks, actor, opponents):
        return "accuse"       # 'said Ugandan officers had held Kenyan fishermen for days': the other side's deed against ours
    if any(doer in opponents and subj.pos_ != "PRON" and verb.lemma_.lower() not in NEUTRAL_DEEDS
           and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children)    # ('its Kenyan agent')
           for doer, _, subj, verb in _deeds(art, toks)):
        return "accuse"       # 'said three Iranian aircraft had crossed the river into our districts', 'said Turkish
        #                        dams had cut the flow of the Tigris': a deed of the other side's, told, is a charge
    if opp_agent and _imputes_an_aim(art, toks):
        return "accuse"       # 'the union said the company was trying to avoid negotiating': a motive laid on the other side
    if _ties_to_wrong(art, toks, opponents):
        return "accuse"       # 'police had evidence linking agents of Y to the killing'
    if r["cue"].lemma_ == "claim" and opp_agent:
        return "accuse"
    if opp_agent and head_stance in ("accuse", "deny"):
        return "accuse"       # 'accused the EU of hypocrisy, saying European countries had ...'
    if head_stance == "accuse" and cue.dep_ == "conj" and cue.head.lemma_.lower() in CHARGING_VERBS \
            and not own_agent and not neg_tokens and _told_done(toks):
        return "accuse"       # 'accused the company of ... and said the gates had been opened at night without
        #                        a siren': what the accuser adds of the deed charged is the charge's
    root_neg = any(t.dep_ == "neg" and t.head.dep_ in ("ccomp", "ROOT") for t in toks)
    if head_stance == "deny" and root_neg and not opp_agent:
        return "deny"         # 'rejected the criticism, saying the dam would not harm ...'
    if wrong and not opp_agent and _wrongs_negated(art, toks):
        return "deny"         # 'said the dam will not harm downstream countries': no wrong, and none of its own
    if not own_agent and _unnamed_doer(art, toks):
        return "accuse"       # 'said the election had been rigged', 'the weapons had been planted': a wrong done, its doer unnamed
    if not own_agent and wrong and (other_agent or wrong_noun or mentions_opp):
        return "accuse"
    if _quantified_negation(art, toks) and not opp_agent and not nominal and not _another_has_none(art, toks, actor):
        return "deny"
    return stance


#: verbs that lay a charge by their meaning alone (not 'called the attack a violation', whose
#: next clause may report a loss: 'and later said two soldiers had been killed')
CHARGING_VERBS = {"accuse", "blame", "charge"}


def _told_done(toks):
    """The reported clause tells something done, in the past ('the gates had been opened', 'the
    charges were meant to humiliate'), not what will be or should be."""
    root = _content_root(toks)
    return root is not None and root.tag_ in ("VBD", "VBN") and not _future(root)


def charge_disputed_by(art, toks):
    """'He said the firm had acted with the knowledge of officials in Cairo, a charge Egypt denied':
    the words the reporter calls a charge (accusation, allegation) that someone denies are a
    charge; the token naming who denies it (or None when there is no such charge)."""
    for t in toks:
        if t.lemma_.lower() not in CHARGE_NOUNS or t.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj"):
            continue          # ('denied the charge', 'the charge was false': the charge is spoken of, not laid)
        for c in t.children:
            if c.dep_ in ("relcl", "acl") and stance_of_verb(art, c) == "deny":
                return next((g for g in c.children if g.dep_ in ("nsubj", "agent")), c)
    return None


#: what a reporter calls words that lay blame ('..., a charge Egypt denied')
CHARGE_NOUNS = {"charge", "accusation", "allegation"}


def _another_has_none(art, toks, actor):
    """'saying Washington had no right to interfere': what the content's subject, a state other than
    the speaker's, has not is no denial of the speaker's (but 'Jade Lotus had no connection to any
    Chinese agency' denies China's part: the speaker's side is named in it)."""
    root = _content_root(toks)
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
    if subj is None or subj.pos_ != "PROPN":
        return False
    other = art.actor_of(subj)
    if other is None or other == actor or art.actors.by_id[other]["type"] != "state":
        return False
    return not any(t.pos_ in ("PROPN", "ADJ") and art.actor_of(t) == actor for t in toks if t.i != subj.i)


#: what one side may do to the other's people or property without wronging them
KIND_DEEDS = {"return", "release", "free", "help", "support", "meet", "welcome", "thank", "invite", "assist", "protect",
              "pay", "compensate", "save", "rescue", "treat", "feed", "host", "inform", "notify", "contact", "call",
              "visit", "brief", "assure", "reassure", "tell", "ask", "urge", "offer", "allow", "permit", "give", "send",
              "hand", "repatriate", "congratulate", "praise", "recognise", "recognize", "back", "join",
              "exchange", "swap"}


def _other_side_acts_on_ours(art, toks, actor, opponents):
    """The content says the other side did something to the speaker's own side: its subject an
    opponent, its object the speaker's people or property ('Ugandan officers had held Kenyan
    fishermen', 'the company's trucks had covered our homes in dust'), in the past, not negated,
    and not a kindness (returning, releasing, helping ...). A charge told in neutral words."""
    return any(doer in opponents and any(_owner_actor(art, o) == actor or any(
        c.dep_ == "poss" and c.lower_ in ("our", "my") for c in o.children) for o in objs)
        for doer, objs, _, _ in _deeds(art, toks))


def deed_on_other_side(art, toks, parties):
    """The party a content says the other party did something to ('said Indian trawlers had been
    dragging away the nets of Sri Lankan fishermen': Sri Lanka), or None. What one side did to
    the other is mostly told by the side it was done to."""
    for doer, objs, _, _ in _deeds(art, toks):
        if doer in parties:
            for o in objs:
                if o.lemma_.lower() in art.lx["diplomat_nouns"]:
                    continue  # ('Chisinau had summoned the Russian ambassador': one side's answer to the other)
                target = _owner_actor(art, o)
                if target in parties and target != doer:
                    return target
    return None


def _deeds(art, toks):
    """(doer, objects, subject, verb) of each deed the content tells as done: a verb in the past ('had held',
    'had been dragging'), not negated, not a kindness (returning, releasing, helping ...) and no
    speech act; its doer the actor its subject (or, for a verb joined to one, that verb's subject)
    stands for or belongs to, its objects what it was done to ('the nets of Kenyan fishermen',
    'on Afghan farmers')."""
    ids = {t.i for t in toks}
    for v in (t for t in toks if t.pos_ == "VERB" and (t.tag_ in ("VBD", "VBN") or t.tag_ == "VBG" and any(
            c.dep_ == "aux" and c.lower_ in ("was", "were", "been") for c in t.children))):
        if v.lemma_.lower() in KIND_DEEDS or stance_of_verb(art, v) is not None or any(
                c.dep_ in ("neg", "aux") and c.lower_ in NOT_DONE for c in v.children):
            continue          # (a kindness, a future, or a speech act: 'the company rejected a union proposal')
        subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i in ids), None)
        if subj is None and v.dep_ == "conj" and v.head.i in ids:     # ('had been crossing ... and dragging away')
            subj = next((c for c in v.head.children if c.dep_ == "nsubj" and c.i in ids), None)
        objs = [c for c in v.children if c.dep_ == "dobj" and c.i in ids]
        objs += [p for c in v.children if c.dep_ == "prep" and c.lower_ in ("on", "into", "at", "against")
                 for p in c.children if p.dep_ == "pobj" and p.i in ids]     # ('had fired on Afghan farmers')
        objs += [p for o in list(objs) for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"]                      # ('the nets of Kenyan fishermen')
        if subj is not None and objs:
            yield _owner_actor(art, subj), objs, subj, v


#: deeds of the other side that lay no blame when told alone ('Sudan's army had left the town', 'Israel
#: reserved the right to respond', 'Vodafone charged high fees for moving data')
NEUTRAL_DEEDS = {"leave", "withdraw", "retreat", "return", "evacuate", "vacate", "quit", "pull", "reserve", "charge",
                 "have", "get", "receive", "win", "sign", "agree", "accept"}

#: auxiliaries and negations of a deed not done ('had not fired', 'will seize', 'could have hit')
NOT_DONE = {"not", "n't", "never", "will", "would", "could", "may", "might", "shall", "should", "can", "must"}


def _owner_actor(art, t):
    """The actor a noun phrase stands for or belongs to: its own name, or its owner's ('Kenyan
    fishermen', "the company's trucks")."""
    for c in [t] + [c for c in t.children if c.dep_ in ("poss", "compound", "amod", "nmod")]:
        if c.lower_ in ("its", "their", "his", "her", "our", "my", "which", "who", "that"):
            continue
        aid = art.actor_of(c)
        if aid is not None:
            return aid
    return None


def _negators(art, toks):
    return [t for t in toks if (t.lower_ in art.lx["negators"] or t.dep_ == "neg")
            and not (t.lower_ == "no" and t.head.lower_ in ("longer", "more"))]   # 'no longer welcome': a change


def _quantified_negation(art, toks):
    """'had nothing to do with', 'no one was armed', 'never crossed', 'not a single post': a
    negation of quantity, which says that what was put forward is not so."""
    return any(t.lower_ in ("no", "neither", "never", "nor", "none", "nothing")
               or (t.lower_ == "not" and t.head.pos_ in ("NOUN", "PROPN")) for t in _negators(art, toks))


def _filed_charge(art, subj):
    """The source is a legal filing that brings a case against someone (a lawsuit, an
    indictment, a charge sheet, an application to a court): what it tells, it charges."""
    if subj is None or subj.pos_ != "NOUN":
        return False
    word = subj.lemma_.lower()
    if word == "sheet":
        return any(c.dep_ == "compound" and c.lower_ == "charge" for c in subj.children)
    return word in art.lx["charging_documents"]


def _imputes_an_aim(art, toks):
    """'X was trying to shift the blame', 'Y is seeking to avoid talks': what the reported clause
    says the other side is out to do (not an undertaking it tries: 'trying to reach an agreement')."""
    t = _content_root(toks)
    if t is None or t.lemma_.lower() not in art.lx["attempt_verbs"] or any(c.dep_ == "neg" for c in t.children):
        return False
    aim = next((c for c in t.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    return aim is not None and aim.lemma_.lower() not in art.lx["undertaking_verbs"] | art.lx["settling_verbs"]


def _unnamed_doer(art, toks):
    """The reported clause's verb is a covert wrong in the passive with no agent and no negation
    ('had been rigged', 'had been planted', 'was stolen'): someone did it, and saying so charges them
    (not 'soldiers had been killed', a count of one's dead)."""
    t = _content_root(toks)
    if t is None or t.tag_ != "VBN" or t.lemma_.lower() not in art.lx["covert_wrongs"] \
            or any(c.dep_ in ("agent", "neg") for c in t.children):
        return False
    return any(c.dep_ == "auxpass" for c in t.children) and any(c.dep_ == "nsubjpass" for c in t.children)


def _ties_to_wrong(art, toks, opponents):
    """A linking word ('linking', 'tying', 'a link between') holds both an opponent (or its
    agents) and a wrongdoing in what it joins: the content ties that side to the wrong."""
    ids = {t.i for t in toks}
    for t in toks:
        if t.lemma_.lower() not in art.lx["link_words"]:
            continue
        sub = [x for x in t.subtree if x.i in ids and x.i != t.i]
        if not any(_is_wrong(art, x) for x in sub):
            continue
        for x in sub:
            kind, aid = art.resolve(x) if x.pos_ in ("PROPN", "ADJ") else (None, None)
            if kind == "actor" and art.actors.acts_for(aid) in opponents and not _victim(art, x):
                return True
    return False


def _calls_it_wrong(art, toks):
    """'This constitutes / is / amounts to a violation': a bare 'this' or 'that' (the event just
    told) named as a wrong: the speaker lays it on whoever did it."""
    root = _content_root(toks)
    if root is None:
        return False
    # ('That is not tax planning, it is theft': beside a name denied, 'it' is the act the wrong names)
    clauses = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("AUX", "VERB")]
    renamed = any(x.lemma_.lower() in JUDGING_VERBS and any(c.dep_ == "neg" for c in x.children)
                  and _points_back([c for c in x.children if c.dep_ == "nsubj"]) for x in toks)
    for t in clauses:
        if t.lemma_.lower() not in JUDGING_VERBS or not _plainly(t):
            continue          # (not 'if proven true, this would be a violation': a wrong supposed, not laid)
        subj = [c for c in t.children if c.dep_ == "nsubj"]
        if not (_points_back(subj) or renamed and len(subj) == 1 and subj[0].lower_ == "it"):
            continue
        objs = _judged_as(t)
        objs += [g for o in objs for g in o.children if g.dep_ == "conj"]
        if any(_is_wrong(art, o) or any(_is_wrong(art, g) for g in o.children if g.dep_ == "amod") for o in objs):
            return True
    return False


def _judged_as(t):
    """What a judging verb names its subject ('is a violation', 'constitutes theft', 'amounts to
    unlawful pushbacks')."""
    return [c for c in t.children if c.dep_ in ("attr", "dobj", "acomp")] + [
        p for c in t.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]


def _stigma_doer(art, toks):
    """'These terrorists burn schools': the doer of what the content tells is named by a stigma
    noun ('terrorists', 'thugs', 'criminals'), plainly: the speaker lays the deed and the name on
    them. (Not an object, 'the army killed five terrorists', nor a negated or supposed deed.)"""
    return any(t.dep_ == "nsubj" and t.pos_ == "NOUN" and t.lower_ in STIGMA_NOUNS and t.head.pos_ == "VERB"
               and _plainly(t.head) for t in toks)


#: stigma words that name the doers of a deed (stigma_words holds adjectives and judgements too)
STIGMA_NOUNS = {"terrorist", "terrorists", "criminal", "criminals", "extremist", "extremists", "murderer", "murderers",
                "killer", "killers", "thug", "thugs", "bandits", "mercenaries", "looters"}


def _calls_an_act_wrong(art, toks):
    """'his removal was unlawful', 'the decree is illegal', 'the raid was a violation of the
    truce': an act (a noun with its owner or article, no actor by name) judged a wrong, plainly
    (no negation, no 'would'/'could', no condition)."""
    t = _content_root(toks)
    if t is None or t.lemma_.lower() not in JUDGING_VERBS or not _plainly(t):
        return False
    subj = [c for c in t.children if c.dep_ == "nsubj"]
    if len(subj) != 1 or subj[0].pos_ != "NOUN" or art.resolve(subj[0])[0] == "actor" or not any(
            c.dep_ in ("poss", "det") and c.lower_ not in ("a", "an", "no", "any", "some") for c in subj[0].children):
        return False
    judged = _judged_as(t)
    judged += [g for j in judged for g in j.children if g.dep_ == "amod"]   # ('amounted to unlawful pushbacks')
    return any((j.lower_ in art.lx["plain_wrongs"] or j.lemma_.lower() in art.lx["plain_wrongs"])
               and not any(g.dep_ == "neg" for g in j.children) for j in judged)


def _wronged_by(art, toks):
    """'he had been threatened by armed groups', 'our vessels were rammed by their ships': a wrong
    told in the passive with its doer named ('by ...'), plainly (no negation, no 'would')."""
    t = _content_root(toks)
    if t is None or not (_is_wrong(art, t) or t.lemma_.lower() in art.lx["harm_verbs"]) \
            or not any(c.dep_ == "auxpass" for c in t.children) or not _plainly(t):
        return False
    return any(art.resolve(p)[0] is not None or p.lemma_.lower() in art.lx["doers"] for p in _by_whom(t))   # not 'by a flying object'


def _plainly(t):
    """The clause says its wrong plainly: not negated, not supposed ('would', 'could') and under
    no condition or other clause of its own ('if proven true, ...')."""
    return not any(c.dep_ in ("neg", "advcl") or c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in t.children)


JUDGING_VERBS = {"be", "constitute", "amount", "represent"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may"}


def _only_a_bystander(art, toks, actor):
    """'X says it is merely an observer / only a mediator': the speaker's own side, said to be
    no more than an onlooker's role, disclaims a part in the dispute."""
    t = _content_root(toks)
    if t is None or t.lemma_ != "be" or any(c.dep_ == "neg" for c in t.children):
        return False
    subj = [c for c in t.children if c.dep_ == "nsubj"]
    attrs = [c for c in t.children if c.dep_ == "attr"]
    limited = [c for c in t.children if c.dep_ == "advmod" and c.lower_ in LIMITERS]
    limited += [g for a in attrs for g in a.children if g.dep_ in ("advmod", "amod") and g.lower_ in LIMITERS]
    return bool(subj and attrs and limited) and _own_subject(art, subj[0], actor)


LIMITERS = {"merely", "only", "just", "simply", "mere"}


def _undertakings_only(art, toks):
    """Every wrongdoing word in the content lies under an undertaking verb ('had agreed not to
    attack towns', 'had undertaken not to carry out air strikes'): it names what a side pledged
    to do or not to do, not a wrong anyone did."""
    ids = {t.i for t in toks}
    verbs = art.lx["undertaking_verbs"]

    def under(t):
        while t.head.i in ids and t.head.i != t.i:
            t = t.head
            if t.lemma_.lower() in verbs:
                return True
        return False

    wrongs = [t for t in toks if _is_wrong(art, t)]
    return bool(wrongs) and all(under(t) for t in wrongs)


def _wrongs_negated(art, toks):
    """Every wrongdoing verb in the content is negated ('will not harm', 'had not fired'), and
    the clause is no undertaking ('agreed not to attack' commits, it does not deny)."""
    root = _content_root(toks)
    if root is not None and root.lemma_.lower() in art.lx["undertaking_verbs"]:
        return False
    wrongs = [t.head.head if t.dep_ == "amod" else t for t in _wrong_words(art, toks)]   # (the deed of 'unlawful fees')
    return bool(wrongs) and all(t.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "neg" or c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in t.children) for t in wrongs)      # ('had not fired', 'had broken no law', 'threatened no one')


def _content_root(toks):
    """The first content token whose head lies outside the content: the reported clause's verb."""
    ids = {t.i for t in toks}
    tops = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    if len(tops) > 1 and tops[0].dep_ in ("nsubj", "nsubjpass") and tops[1].pos_ in ("VERB", "AUX"):
        return tops[1]        # a later predicate with its clause's subject put back (attribution._split_predicates)
    return tops[0] if tops else None


def _obligation(art, r):
    """'X said the agreement must lead to ...', '... Y would have to drop ...': saying what someone
    else must or should do is a demand."""
    t = _content_root(r["content"])
    if t is None or t.pos_ not in ("VERB", "AUX"):
        return False
    if t.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in art.lx["necessity_words"] for c in t.children) \
            and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in t.children) \
            and any(c.dep_ in ("ccomp", "xcomp") for c in t.children):
        return True           # 'it is critical that the inquiry proceed', 'it is essential to restore calm'
    if t.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in t.children) \
            and any(c.dep_ == "xcomp" for c in t.children) and any(
                c.dep_ == "prep" and c.lower_ == "up" and any(p.lower_ == "to" for p in c.children) for c in t.children):
        return True           # 'it is up to Borduria to withdraw its troops': the act is laid on another
    modal = any(c.dep_ == "aux" and c.lower_ in art.lx["obligation_modals"] for c in t.children)
    modal = modal or (t.lemma_ in ("have", "need") and any(c.dep_ == "xcomp" and any(
        a.lower_ == "to" for a in c.children) for c in t.children))
    subj = [c for c in t.children if c.dep_ in SUBJ_DEPS]
    return modal and not any(c.lower_ in ("we", "i", "it") for c in subj)


CONDITION_MARKS = {"if", "when", "once", "after", "until", "unless"}
CONDITION_PREPS = {"with", "after", "once", "without"}
DEMAND_NOUNS = {"demand", "condition", "precondition"}


def _condition(art, r):
    """'X said talks could only begin if Y withdrew', '... the shutdown will stay in place until
    the dispute is resolved', 'Baku had three demands: ...': setting the terms on which one's
    side will act puts a demand to the other side (as 'warned ... unless' does)."""
    t = _content_root(r["content"])
    if t is None or t.pos_ not in ("VERB", "AUX"):
        return False
    ids = {x.i for x in r["content"]}
    for v in [t] + [c for c in t.children if c.dep_ == "conj" and c.i in ids and c.pos_ in ("VERB", "AUX")]:
        marks = {g.lower_ for c in v.children if c.dep_ == "advcl" for g in c.children if g.dep_ == "mark"}
        if marks & {"until", "unless"} and (_future(v) or any(c.dep_ == "neg" for c in v.children)):
            return True       # 'will stay in place until ...', 'would not return to work until ...', '"We are not
            #                    moving until the last toll booth comes down"'
        if _future(v) and any(c.dep_ == "advcl" and c.i in ids and any(
                g.dep_ == "mark" and g.lower_ in ("unless", "until") for g in c.children) and not any(
                stance_of_verb(art, a) is not None for a in c.ancestors if a.i != v.i and v in a.ancestors)
                for c in v.subtree):
            return True       # 'would move to recover the jets it leases to X unless X paid', 'would keep the
            #                    road closed until the company paid', the clause hung lower down by the parser:
            #                    still the condition of what the side would do
        if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "if" for g in c.children)
               and any(g.dep_ == "neg" for g in c.children) for c in v.children) \
                and _future(v):
            return True       # 'if our fishermen are not home by Friday, we will ...': 'unless' in other words
    kids = list(t.children)
    marks = {g.lower_ for c in kids if c.dep_ == "advcl" for g in c.children if g.dep_ == "mark"}
    if any(c.dep_ == "neg" for c in kids):
        return False
    if any(c.dep_ == "advmod" and c.lower_ == "only" for c in kids) and (
            marks & CONDITION_MARKS or any(c.dep_ == "prep" and c.lower_ in CONDITION_PREPS for c in kids)):
        return True           # 'could only start if ...', 'could only come with the withdrawal of ...'
    return t.lemma_ == "have" and any(c.dep_ == "dobj" and c.lemma_.lower() in DEMAND_NOUNS for c in kids) \
        and any(c.dep_ == "nsubj" for c in kids)    # 'Baku had three demands: that Moscow apologise ...'


def _good_offices(art, r, actor):
    """'said the organisation's good offices were available to both governments': the speaker's
    own good offices, said to be on offer, are an offer to mediate (as 'offered its good offices')."""
    if actor is None:
        return False
    for t in r["content"]:
        if t.lower_ == "offices" and any(c.dep_ == "amod" and c.lower_ == "good" for c in t.children):
            owner = next((c for c in t.children if c.dep_ == "poss"), None)
            if owner is None or owner.lower_ in ("its", "our", "their") or _speakers_side(art, owner, actor, pronouns=True):
                return True
            if owner.lemma_.lower() in art.lx["descriptor_of"] and art.actors.by_id[actor]["type"] != "state":
                return True   # ("the organisation's", said by the organisation's spokeswoman)
    return False


RETALIATION_VERBS = {"respond", "retaliate", "react", "answer", "reply"}
POSSIBILITY_AUX = {"could", "may", "might"}
#: what a side says it will take against the other ('will take all necessary measures')
COUNTER_MEASURES = {"measure", "action", "step", "countermeasure"}


def _conditional_threat(art, r, actor):
    """'The embassy said Moscow would respond if Moldova used the incident as a pretext', 'Vilnius
    could close its checkpoints if the pressure did not ease': what the speaker's own side would
    or could do to the other, on a condition the other controls, is a threat (a demand)."""
    for v, subj in _clauses(r["content"]):
        ifs = [c for c in v.children if c.dep_ == "advcl"
               and any(g.dep_ == "mark" and g.lower_ == "if" for g in c.children)]
        if not ifs or subj is None or not _speakers_side(art, subj, actor, pronouns=True):
            continue
        if _future(v) and v.lemma_.lower() in RETALIATION_VERBS and not any(
                c.dep_ == "prep" and c.lower_ == "to" for c in v.children):
            return True       # 'would respond if ...' (not 'would respond to the letter if ...': a reply)
        if any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_AUX for c in v.children) \
                and any(g.dep_ == "neg" for c in ifs for g in c.children):
            return True       # 'could close ... if the pressure did not ease'
        if _future(v) and v.lemma_.lower() == "take" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in COUNTER_MEASURES for c in v.children):
            return True       # 'if the dredging continues, Vietnam will take all necessary measures'
    return False


def _ready_or_future(art, v):
    """The verb tells what its subject will do or stands ready to do ('X will withdraw', 'Moscow was
    ready to help'): a side's intent, which its own people tell."""
    return _future(v) or any(c.dep_ == "acomp" and c.lower_ in art.lx["commit_markers"] for c in v.children)


def _future(v):
    """The verb has 'will' or 'would' (or 'shall', 'll) as its auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in v.children)


def _clauses(toks):
    """(verb, subject) of the reported clause and of each clause coordinated with it ('we have
    been a reliable partner, and we will defend our rights'); a conjunct with no subject of its
    own shares the first one's."""
    t = _content_root(toks)
    if t is None:
        return []
    ids = {x.i for x in toks}
    put_back = next((x for x in toks if x.dep_ == "nsubj" and x.head.i not in ids), None)
    shared = next((c for c in t.children if c.dep_ == "nsubj"), None) or put_back
    return [(v, next((c for c in v.children if c.dep_ == "nsubj"), None) or (shared if v is not t else put_back))
            for v in [t] + [c for c in t.children if c.dep_ == "conj" and c.i in ids]]


def _own_future(art, toks, actor):
    """The reported clause says what the speaker's own side will do: a subject that is the
    speaker (a pronoun, or a name of its actor) with 'will'/'would' on its verb."""
    for v, subj in _clauses(toks):
        if v.pos_ not in ("VERB", "AUX") or not _future(v):
            continue
        if subj is None:      # 'the inquiry would be carried out by Tajik prosecutors': the doer is the agent
            subj = next(iter(_by_whom(v)), None)
        if subj is not None and _speakers_side(art, subj, actor, pronouns=True):   # not 'the two sides would meet'
            return True
    return False


def _own_refusal(art, toks, actor):
    """The speaker's own side will not do what it is asked ('we will not accept a parliament ...',
    'it would not release the crew before a court had ruled', 'Caracas would never recognise the
    court'): a future of its own, negated, of one of the yielding verbs."""
    return any(v.lemma_.lower() in art.lx["yielding_verbs"] and any(c.dep_ == "neg" for c in v.children)
               and _future(v)
               and subj is not None and _speakers_side(art, subj, actor, pronouns=True) for v, subj in _clauses(toks))


def _leader_announces(art, toks, actor, parties):
    """A person of no known side who says a party will take one of the undertaking steps
    ('Ruritania will withdraw its troops, President Olm said') announces that party's
    undertaking, a commitment: no one else tells what a state will do with its own troops
    and envoys. (The statement stays the person's; whom the person acts for is not guessed.)"""
    a = art.actors.by_id.get(actor) or {}
    if a.get("type") != "person" or a.get("affiliations"):
        return False
    t = _content_root(toks)
    if t is None or any(c.dep_ == "neg" for c in t.children):
        return False
    ready = t.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in art.lx["commit_markers"] for c in t.children)
    if not ready and (t.lemma_.lower() not in art.lx["undertaking_verbs"]       # ('Ruritania was willing to ...')
                      or not _future(t) and not _progressive(t)):
        return False
    subj = [c for c in t.children if c.dep_ == "nsubj"]
    if not subj:
        return False
    kind, aid = art.resolve(subj[0])
    return kind == "actor" and art.actors.acts_for(aid) in parties


def _progressive(t):
    """'is withdrawing', 'was ending': an act under way, announced as the speaker's side's own."""
    return t.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in t.children)


def _will_not_hesitate(art, toks):
    """'will not hesitate to strike again': a negated holding-back verb with 'will'/'would'
    announces force against someone, a threat."""
    t = _content_root(toks)
    return t is not None and t.lemma_.lower() in art.lx["restraint_verbs"] \
        and any(c.dep_ == "neg" for c in t.children) and _future(t) \
        and any(c.dep_ == "xcomp" for c in t.children)


def _met_with_force(art, toks):
    """'Any misadventure will be met with the full might of our armed forces', 'any attack would be
    met with a befitting response': what the other side might do, answered with force, is a threat."""
    t = _content_root(toks)
    if t is None or not _future(t):
        return False
    if t.lemma_.lower() in ANSWERED_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in RESPONSE_NOUNS for c in t.children) \
            and any(c.dep_ == "nsubj" and any(d.dep_ == "det" and d.lower_ in ("any", "every") for d in c.children)
                    for c in t.children):
        return True           # 'Any attempt to obstruct lawful flights will receive an appropriate response'
    return t.lemma_.lower() == "meet" and t.tag_ == "VBN" \
        and any(c.dep_ == "auxpass" for c in t.children) \
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children)


#: what any move of the other side 'will receive' or 'will face' in a threat, and the nouns for it
ANSWERED_VERBS = {"receive", "face", "meet", "draw", "get"}
RESPONSE_NOUNS = {"response", "retaliation", "reaction", "answer", "consequence", "rebuff"}


def _reserves_the_right(art, toks, actor):
    """'Iran reserves the right to respond', '... and reserved its right to defend its water
    security': the speaker's side keeping a right to act against someone is a warning, a threat."""
    for t in toks:
        if t.lemma_.lower() in art.lx["right_keeping_verbs"] and any(
                c.dep_ == "dobj" and c.lemma_.lower() == "right" for c in t.children):
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is None and t.dep_ == "conj":
                subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and _speakers_side(art, subj, actor, pronouns=True):
                return True
    return False


WISH_VERBS = {"expect", "want", "hope", "wish"}
WISH_FORMS = {"expected", "expects", "wanted", "wants", "hoped", "hopes", "wished", "wishes"}   # the model lemmatises 'hoped' as 'hop'


def _wish_on_others(art, toks, actor):
    """The reported clause says the speaker's side expects, wants or hopes someone else to act
    ('X expected Y to cooperate', 'X hoped the parties would implement ...'): a demand."""
    t = _content_root(toks)
    if t is None or (t.lemma_.lower() not in WISH_VERBS and t.lower_ not in WISH_FORMS) or any(c.dep_ == "neg" for c in t.children):
        return False
    subj = [c for c in t.children if c.dep_ == "nsubj"]
    if not subj:
        return False
    s = subj[0]
    kind, aid = art.resolve(s)
    own = s.lower_ in ("we", "i") or (s.pos_ == "PRON" and kind is None) or (
        kind == "actor" and art.actors.acts_for(aid) == actor)
    if not own:
        return False
    kids = {c.dep_: c for c in t.children}
    if "dobj" in kids and "xcomp" in kids:
        return True               # 'expected Belgrade to cooperate'
    cc = kids.get("ccomp")
    return cc is not None and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"to"} for c in cc.children) and any(
        c.dep_ == "nsubj" and c.lower_ not in ("we", "i", "it") for c in cc.children)


FUTURE_AUX = {"will", "would", "'ll", "shall"}


def _disowns(art, toks):
    """The reported clause denies an earlier account: its subject names one ('the reports',
    'the accusation') and its verb is negated, or it calls something false or baseless."""
    t = _content_root(toks)
    if t is None:
        return False
    subj = [c for c in t.children if c.dep_ in SUBJ_DEPS]
    negated = any(c.dep_ == "neg" for c in t.children)
    if negated and any(s.lemma_.lower() in art.lx["answer_nouns"] for s in subj):
        return True
    if negated and _points_back(subj) and (t.lemma_.lower() in art.lx["mismatch_verbs"] or t.lemma_ == "be" and any(
            c.dep_ == "acomp" and c.lemma_.lower() in art.lx["truth_words"] for c in t.children)):
        return True           # 'say that does not match what happened', 'said this was not true'
    if negated and t.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in art.lx["fairness_words"]
                                          for c in t.children):
        return True           # 'said the offer was not fair or reasonable': the speaker rejects it
    # 'the claims were baseless', 'the offer is unacceptable', 'this is absurd' reject what was put
    # forward; 'the displacement of Palestinians was unacceptable' condemns an event, no denial
    lx = art.lx
    if t.lemma_ == "be" and any(c.dep_ == "prep" and c.lower_ == "without" and any(
            p.lemma_.lower() in lx["lacking_nouns"] for p in c.children) for c in t.children):
        return True           # 'said the case was without merit': whatever it calls so, it rejects
    return t.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in lx["falsity_words"] for c in t.children) \
        and (not subj or _points_back(subj) or any(s.lemma_.lower() in lx["put_forward_nouns"] or s.pos_ == "PRON"
                                                   for s in subj))


def _own_undertaking(art, toks, actor):
    """'X said it had agreed to / had resumed / would respect ...': the speaker's own side takes
    on a course of action named by one of the undertaking verbs."""
    t = _content_root(toks)
    if t is None or t.lemma_.lower() not in art.lx["undertaking_verbs"] or any(c.dep_ == "neg" for c in t.children):
        return False
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    return subj is not None and _speakers_side(art, subj, actor)   # not 'the two bodies had agreed': reported


def _speakers_side(art, s, actor, pronouns=False):
    """The subject of what is said is the speaker's own side: 'we', 'its troops', the 'they' of
    coordinated speakers, a name of the speaker's actor, or (with ``pronouns``) a pronoun that
    resolves to no one else. A counted subject ('the two sides') is others, never the speaker."""
    if s.lower_ in ("we", "i") or _owned_by_speaker(s) or _speakers_together(s) or (
            pronouns and s.pos_ == "PRON" and s.lower_ in ("it", "he", "she", "they") and art.resolve(s)[1] in (None, actor)):
        return True
    if _several(s):
        return False
    if pronouns and s.lemma_.lower() not in ADVERSARY_NOUNS and any(
            c.dep_ == "poss" and c.lower_ in ("his", "her", "their")
            and art.resolve(c)[1] in (None, actor) for c in s.children):
        return True           # 'Cherizier said his coalition would lay down its arms' (not 'his rivals')
    if _office_holders_government(art, s, actor):
        return True
    kind, aid = art.resolve(s)
    return kind == "actor" and art.actors.acts_for(aid) == actor


def _office_holders_government(art, s, actor):
    """'Prime Minister Garry Conille said the government would not negotiate ...': a holder of a
    state's office, whose state the text does not say, speaks of his own government when he
    says 'the government' (or 'the army', 'the president'), whatever state that word would
    otherwise be read as."""
    if not _office_holder(art, actor):
        return False
    return s.lemma_.lower() in OWN_INSTITUTIONS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in s.children) and not any(
        c.dep_ in ("poss", "compound", "amod", "nmod") for c in s.children)


def _office_holder(art, actor):
    """A person with the title of a state's office ('Prime Minister X', 'Government spokesman Y')
    whose state the text does not say."""
    a = art.actors.by_id.get(actor) or {}
    return a.get("type") == "person" and not a.get("affiliations") \
        and bool(art.actors.titles.get(actor, set()) & OFFICE_TITLES)


#: What an office holder calls his own side with 'the' alone ('the government would ...').
OWN_INSTITUTIONS = {"government", "ministry", "cabinet", "administration", "presidency", "president", "army",
                    "military", "police", "authorities", "authority"}

#: Titles of a state's office holders at home: sources.STATE_TITLES without the posts held abroad,
#: and heads of state and government.
OFFICE_TITLES = (STATE_TITLES - {"ambassador", "envoy"}) | {"president", "premier", "chancellor"}

#: Titles that, alone, hold a state's office at home (not a spokesman's, which a company or a party
#: has too, nor a president's, who may be a candidate or a firm's).
HEAD_OFFICE_TITLES = {"minister", "premier", "chancellor"}

#: What a speaker's 'his'/'her' owns that is never the speaker's side.
ADVERSARY_NOUNS = {"rival", "opponent", "critic", "enemy", "adversary", "challenger", "accuser", "detractor", "foe"}


def _speakers_together(s):
    """'X and Y said they were pausing voyages': a 'they' in what coordinated speakers say is
    those speakers, each of them (not the last one named)."""
    clause = s.head
    if s.lower_ != "they" or clause.dep_ != "ccomp":
        return False
    return any(c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.children) for c in clause.head.children)


def _several(s):
    """A counted common noun ('the two bodies', 'both sides', 'all three parties') names
    several actors together, never the one speaker alone."""
    return s.pos_ == "NOUN" and _counted(s)


def _owned_by_speaker(s):
    """'its troops', 'our forces': in reported speech the owner is the speaker's own side."""
    return any(c.dep_ == "poss" and c.lower_ in ("its", "our") for c in s.children)


OWN_ACT_STANCES = ("endorse", "deny", "accuse", "demand", "commit")


def _own_subject(art, s, actor):
    """The subject stands for the speaker's own side: 'we', 'I', a pronoun that resolves to no
    one else, a name of the speaker's actor, or a bare title with no owner ('the king', 'the
    ministry'), which in a side's own statement names its own office."""
    if s.lower_ in ("we", "i"):
        return True
    if s.lower_ == "it" and actor and art.actors.by_id.get(actor, {}).get("type") != "person":
        return True           # 'the body said it supported ...': a body's 'it' in its own words is itself
    if _several(s):
        return False
    kind, aid = art.resolve(s)
    if s.pos_ == "PRON":
        return s.lower_ in ("it", "he", "she", "they") and (kind is None or (kind == "actor" and art.actors.acts_for(aid) == actor))
    if kind == "actor":
        return art.actors.acts_for(aid) == actor
    return (s.pos_ == "NOUN" and s.lower_ in art.lx["roles"] | art.lx["person_titles"]
            and any(c.dep_ == "det" and c.lower_ == "the" for c in s.children)
            and not any(c.dep_ in ("poss", "compound", "amod", "prep") for c in s.children))


def _own_speech_act(art, toks, actor):
    """The reported clause is itself a speech act of the speaker's own side ('X said it welcomed
    the offer', 'said the king had rejected the plan', 'said it continued to support the envoy'):
    the statement carries that act's stance, not a neutral 'said'."""
    t = _content_root(toks)
    if t is None or t.pos_ != "VERB" or any(c.dep_ == "neg" for c in t.children):
        return None
    subj = [c for c in t.children if c.dep_ == "nsubj"]
    if t.lemma_.lower() in ASPECT_VERBS:       # 'it continued to support ...': the act is the complement's
        t = next((c for c in t.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), t)
    stance = "endorse" if t.lemma_.lower() in SUPPORT_VERBS or _stands_with(t) else stance_of_verb(art, t)
    if stance not in OWN_ACT_STANCES:
        return None
    return stance if subj and _own_subject(art, subj[0], actor) else None


ASPECT_VERBS = {"continue", "keep", "remain"}


SUPPORT_VERBS = {"support"}


def _stands_with(t):
    """'Washington stood with its treaty ally', 'stands by Manila', 'stood by the ruling': standing
    with someone or by a decision is backing it (not 'stood by the road', a place)."""
    if t.lemma_.lower() != "stand":
        return False

    def within_phrase(g):       # (hung on the verb through nouns and prepositions only)
        x = g.head
        for _ in range(5):
            if x.i == t.i:
                return True
            if x.pos_ in ("VERB", "AUX") or x.head.i == x.i:
                return False
            x = x.head
        return False
    preps = [g for g in t.subtree if g.dep_ == "prep" and g.i != t.i and within_phrase(g)]
    return any(      # (also 'stood shoulder to shoulder with Poland')
        c.lower_ in ("with", "by", "behind") and any(
            p.dep_ == "pobj" and (p.pos_ == "PROPN" or p.lemma_.lower() in STOOD_WITH_NOUNS) for p in c.children)
        for c in preps)


#: whom or what one stands with, by or behind ('its ally', 'the ruling'), besides a name
STOOD_WITH_NOUNS = {"ally", "allies", "partner", "partners", "neighbour", "neighbor", "people", "government", "decision",
                    "ruling", "plan", "proposal", "deal", "agreement", "statement", "position"}

#: Words that point back at what was just said ('that account', 'these claims', a bare 'that').
DEMONSTRATIVES = ("that", "this", "these", "those")


def _points_back(subj):
    """A bare 'that'/'this' as the clause's subject: it stands for the account just given."""
    return len(subj) == 1 and subj[0].lower_ in DEMONSTRATIVES and not list(subj[0].children)
