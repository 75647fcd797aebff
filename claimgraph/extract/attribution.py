"""Attribution: the domain-independent finder of who said what.

One pass over the sentences finds speaking cues (verbs, 'according to', 'reportedly', nominal
cues such as 'claims that'), their speaker (subject, passive agent, relative-clause owner,
the speaker of an enclosing reporting verb) and the content span they report.
"""
from __future__ import annotations

import bisect

from .lexicon import (ANON, CONTENT_PREPS, GROUP, INHERIT_DEPS, PERSON_PRONOUNS, QUOTE_CLOSERS, QUOTE_OPENERS,
                      SPEECH_STANCES, SUBJ_DEPS, THING_PRONOUNS, _in_quotes)
from .mediation import mediation_verb
from .sources import OUTLET_KINDS, STATE_TITLES, Sources, _before, _by_whom, _hung_cue, _role_words, _with_conjuncts
from .stance import (HEAD_OFFICE_TITLES, TIME_LIMITS, _after_quoted_question, _owner_actor, _ready_or_future,
                     charge_disputed_by, deed_on_other_side, stance_of_verb)

class Article(Sources):
    """An article under analysis: its sources (inherited) and the raw statements its cues make."""

    # ------------------------------------------------ pass 2: cues
    def scan(self):
        self.rel_pronoun = {}      # antecedent token i -> the relative pronoun standing for it as a subject
        for n, (sent, start, end) in enumerate(self.sents):
            self.cur = n
            self.relays = []
            for tok in sent:
                if tok.lower_ == "according" and (tok.dep_ in ACCORDING_DEPS or tok.dep_ == "ROOT" and (
                        tok.i == sent.start or tok.i > sent.start + 2 and tok.doc[tok.i - 1].text == ",")):
                    self._according(tok, n)
                elif tok.lower_ in self.lx["anonymous"]["adverbs"] and tok.dep_ == "advmod":
                    self._anon_adverb(tok, n)
                elif tok.i == sent.start and tok.lower_ in INVERTED_FORMS and tok.is_title and self._inverted(tok, n):
                    pass
                elif tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or _infinitive_noun(tok):
                    if not self._asked(tok, n):
                        self._verb(tok, n)
                if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in self.lx["nouns"]:
                    self._nominal(tok, n)
                if tok.tag_ == "NNS" and tok.i > sent.start and tok.doc[tok.i - 1].is_title:
                    self._noun_tagged_cue(tok, n)
                if tok.dep_ in SUBJ_DEPS and (tok.ent_type_ in ("GPE", "ORG", "NORP") or (
                        tok.pos_ == "NOUN" and any(c.dep_ == "poss" for c in tok.children))):
                    kind, aid = self.resolve(tok)
                    if kind == "actor" and self.actors.by_id[aid]["type"] != "person":
                        bisect.insort(self.thing_speakers, ((n, tok.i), aid))
            for cue, source, content, speaker_text in self.relays:
                if not self._relays_same_source(cue.head, source):
                    self._add_raw(n, cue, source, "assert", content, speaker_text=speaker_text)
        self._colon_quotes()
        self._continued_quotes()
        self._trim_acts_told_on()

    def _trim_acts_told_on(self):
        """'X said 740 trucks were queuing, and accused Vilnius of violating transit rules', with the
        second verb hung by the parser inside the first's clause: what X said ends where the act
        of its own that X goes on to make begins (its words are that act's content, and a wrong in
        them is no charge in the first)."""
        for r in self.raw:
            ids = {t.i for t in r["content"]}
            for q in self.raw:
                cue = q["cue"]
                if q is r or q["n"] != r["n"] or cue.doc is not r["cue"].doc or cue.i not in ids or cue.dep_ != "conj" \
                        or q["kind"] != r["kind"] or q["aid"] != r["aid"] or cue.head.i not in ids:
                    continue
                cut = {t.i for t in cue.subtree} | {c.i for c in cue.head.children
                                                    if c.dep_ in ("cc", "punct") and cue.head.i < c.i < cue.i}
                r["content"] = [t for t in r["content"] if t.i not in cut]
                ids = {t.i for t in r["content"]}

    # ------------------------------------------------ pass 3: whom each person speaks for
    def settle_affiliations(self):
        """Whom a person of no stated side speaks for, read from the whole article once every cue
        is read: a title's qualifier that became a body's short name during the pass, then an
        office holder's state from what he says (the statements' actors follow, in claims._build)."""
        self._bodies_named_since()
        self._place_office_holders()

    def _place_office_holders(self):
        """In a dispute between one state and a body that is no state, a minister whose state the
        text never names ('Maritime Economy Minister X') holds that state's office; in one between
        two states, he is of the side that what he says was done to ('said Indian trawlers had
        dragged away the nets of Sri Lankan fishermen'), or that he accuses the other of, when all he
        says points one way. Nothing is guessed from the dateline (wires leave the other side's
        minister unnamed too)."""
        parties = self.sides()
        if len(parties) != 2:
            return
        states = [p for p in parties if self.actors.by_id[p]["type"] == "state"]
        heads = [pid for pid, a in self.actors.by_id.items() if a["type"] == "person" and not a["affiliations"]
                 and "prime minister" in self.actors.titles.get(pid, ())]
        for pid, a in list(self.actors.by_id.items()):
            titles = self.actors.titles.get(pid, set()) & HEAD_OFFICE_TITLES
            if a["type"] != "person" or a["affiliations"] or not titles or len(heads) > 1 and pid in heads:
                continue      # (two prime ministers of no stated state: rival governments, whose is whose untold)
            mine = [r for r in self.raw if r["kind"] == "actor" and r["aid"] == pid]
            side = None
            if mine and len(states) == 1 and not self._speaks_of_a_state_as_another(mine, states[0]):
                side = states[0]
            elif mine and len(states) == 2:
                votes = set()
                for r in mine:
                    done_to = deed_on_other_side(self, r["content"], parties)
                    if done_to is not None:
                        votes.add(done_to)
                    # whom he accuses ('accused New Delhi of ...', 'accused Haitian authorities of ...'),
                    # and who denies what he says ('..., a charge Egypt denied'), is the other side
                    others = [c for v in [r["cue"]] + r["content"]
                              if v.pos_ == "VERB" and stance_of_verb(self, v) == "accuse"
                              for c in v.children if c.dep_ == "dobj"]
                    denier = charge_disputed_by(self, r["content"])
                    others += [denier] if denier is not None else []
                    for o in others:
                        other = _owner_actor(self, o)
                        votes |= {p for p in parties if other in parties and p != other}
                    votes |= self._states_whose_intent_told(r) & set(parties)
                side = votes.pop() if len(votes) == 1 else None
            if side is not None:
                self.actors.affiliate(pid, side, min(titles))

    def _bodies_named_since(self):
        """'UHS secretary general X' with 'UHS' untagged: when the persons were registered, no body
        went by that name yet; the name given in brackets later in the pass ('The Unión Hortícola
        del Sur (UHS) said ...') makes the qualifier the body's, and the person speaks for it."""
        for (n, i), pid in self.person_mentions:
            a = self.actors.by_id[pid]
            if a["type"] != "person" or a["affiliations"]:
                continue
            for t in self.sents[n][0].doc[i].subtree:
                if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i < i and not t.ent_type_:
                    aid = self.actors.alias.get(t.lower_)
                    if aid is not None and self.actors.by_id[aid]["type"] == "organisation":
                        self.actors.affiliate(pid, aid, _role_words(self.np_span(t.head), t.head))
                        break

    def _states_whose_intent_told(self, r):
        """The states whose intent or readiness a statement tells ('warned that Tehran would respond
        firmly'): what a state will do is told by its own side."""
        found = set()
        for t in r["content"]:
            if t.pos_ in ("PROPN", "ADJ") and t.dep_ == "nsubj" and _ready_or_future(self, t.head):
                aid = self.actor_of(t)
                if aid is not None and self.actors.by_id[aid]["type"] == "state":
                    found.add(aid)
        return found

    def _speaks_of_a_state_as_another(self, statements, state):
        """The office holder's words set him apart from the one state of the dispute: he tells what
        another state will do ('warned that Estonia would sue'), or he accuses and names that state
        ('said the Russian charge d'affaires would be summoned'). Then he is not guessed to hold
        its office."""
        for r in statements:
            if self._states_whose_intent_told(r) - {state}:
                return True       # (what another state will do or is ready to do is told by its own)
            if r["stance"] == "accuse" and any(
                    t.pos_ in ("PROPN", "ADJ") and self.actor_of(t) == state for t in r["content"]):
                return True
        return False

    def _colon_quotes(self):
        """'Its chairman put it bluntly: "..."', 'X was blunt: "..."', 'The statement ended with a
        warning: "..."': a quotation after a colon, introduced by a clause with no cue of speaking,
        is said by that clause's subject (a speaker, or a document speaking for its author)."""
        said = {}
        for r in self.raw:
            said.setdefault(r["n"], set()).update(t.i for t in r["content"])
        for n, (sent, _, _) in enumerate(self.sents):
            colon = next((t for t in sent if t.text == ":" and t.i + 1 < sent.end
                          and t.doc[t.i + 1].text in QUOTE_OPENERS), None)
            if colon is None:
                continue
            quoted = [t for t in sent.doc[colon.i + 1:sent.end] if not t.is_punct and not t.is_space]
            if len(quoted) < 3 or not all(_in_quotes(t) for t in quoted) or said.get(n, set()) & {t.i for t in quoted}:
                continue
            subj = next((t for t in sent if t.i < colon.i and t.dep_ in ("nsubj", "nsubjpass") and t.head.i < colon.i
                         and t.head.pos_ in ("VERB", "AUX")), None)
            if subj is None or _in_quotes(subj):
                continue
            kind, aid = self.resolve(subj)
            if kind is None:
                owner = next((c for c in subj.children if c.dep_ == "poss"), None)
                if owner is None or subj.lemma_.lower() not in self.lx["document_nouns"]:
                    continue
                kind, aid = self.resolve(owner)      # 'the group's statement': the group's words
            if kind not in ("actor", ANON):
                continue
            self._add_raw(n, subj.head, subj, "assert", quoted, kind_hint=(kind, aid))

    def _subject_in_fronted_phrase(self, v):
        """'In a statement posted on Telegram, the Logone Patriotic Front (LPF) said ...' parsed with
        the name conjoined inside the fronted phrase and the verb left with no subject: the name that
        stands right before the verb, after the comma, is its subject."""
        i = v.i - 1
        if i > 0 and v.doc[i].text == ")":
            i = next((t.i for t in reversed(v.doc[v.sent.start:i]) if t.text == "("), i) - 1
        if i <= v.sent.start:
            return []
        t = v.doc[i]
        while t.dep_ in ("compound", "flat") and t.head.i > t.i:
            t = t.head
        span = self.np_span(t)
        if t.pos_ not in ("PROPN", "NOUN") or t.dep_ not in ("conj", "pobj", "appos") or span.end < i \
                or span.start == v.sent.start or v.doc[span.start - 1].text != ",":
            return []
        return [t]

    def _opening_name(self, v):
        """'Tabe dismissed the ultimatum, ...' with the name parsed as an adverb: a main verb with no
        subject, right after the sentence's first words, which are one name (tagged as a name, or
        a word of a person's name met before), has that name for its subject."""
        words = v.doc[v.sent.start:v.i]
        if not 0 < len(words) <= 4 or not all(t.text[:1].isupper() or t.text in ("-", "'") for t in words):
            return []
        e = self.ent(words[0])
        if e is not None and e.start == words.start and e.end == words.end and e.label_ in ("PERSON", "ORG", "NORP", "GPE"):
            return [words[-1]]
        if len(words) == 1 and words[0].lower_ in self.actors.name_tokens:
            return [words[0]]
        return []

    def _continued_quotes(self):
        """A quotation running over several sentences: a sentence of quoted words with no cue of its
        own is said by the speaker of the quotation (claims._build keeps it where it makes an act of
        its own, a threat after a charge), named in the sentence before it ('..., he said.
        "More words."') or, when the quotation closes in the next sentence, in that one ('"Words.
        More words," he said.'). Only within a paragraph."""
        said = {}
        for r in self.raw:
            said.setdefault(r["n"], []).append(r)
        for n, (sent, _, _) in enumerate(self.sents):
            if n in said:
                continue
            words = [t for t in sent if not t.is_punct and not t.is_space]
            quoted = [t for t in words if _in_quotes(t, whole_paragraph=True)]
            if len(quoted) < 3 or len(quoted) < 0.8 * len(words):
                continue
            source = None
            for m in (n - 1, n + 1):
                if not 0 <= m < len(self.sents) or self.sents[m][0].doc is not sent.doc:
                    continue
                rs = [r for r in said.get(m, []) if r["kind"] in ("actor", ANON)
                      and any(_in_quotes(t, whole_paragraph=True) for t in r["content"])]
                if m == n + 1:
                    rs = [r for r in rs if any(_in_quotes(t, whole_paragraph=True) and t.i < r["cue"].i for t in r["content"])]
                if rs:
                    source = rs[-1] if m == n - 1 else rs[0]
                    break
            if source is None:
                continue
            self._add_raw(n, source["cue"], source["subj"], "assert", quoted, kind_hint=(source["kind"], source["aid"]),
                          speaker_text=source["speaker_text"])
            self.raw[-1]["continues"] = source      # (kept as a statement of its own only for an act of its own)
            said.setdefault(n, []).append(self.raw[-1])

    def _subjects(self, v, depth=0):
        """Subject tokens of v, inherited along conj/advcl/xcomp chains; passive agents for acl."""
        subs = [c for c in v.children if c.dep_ == "nsubj"]
        if not subs and depth == 0 and _backshifted_conj(v) and stance_of_verb(self, v.head.head):
            return self._subjects(v.head.head, depth + 1)   # 'X said Y had paid ... and called Z ...': X calls
        if not subs and depth == 0 and v.dep_ in ("xcomp", "advcl") and v.head.lemma_.lower() in self.lx["causing_verbs"] \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            # '..., prompting Ruritania to accuse ...', 'led the ministry to deny ...': the one moved
            # to speak is the causing verb's object, not its subject
            objs = [c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i]
            if objs:
                return objs
        if len(subs) == 2 and self.np_span(subs[0]).end == self.np_span(subs[1]).start \
                and subs[1].pos_ == "PROPN":
            # "Russia's aviation agency Rosaviatsia said": one speaker, its name apposed; 'The São Paulo
            # business daily Diário X reported': the paper's name, which names it, not its kind
            subs = subs[1:] if self.np_span(subs[0])[-1].lower_ in OUTLET_KINDS else subs[:1]
        if len(subs) == 2 and subs[0].i < v.i < subs[1].i and (_misparsed_clause(subs[1]) or any(
                c.dep_ == "ccomp" and c.i > subs[1].i for c in v.children)):
            subs = subs[:1]      # 'A report ... says Algerian forces left ...', 'X said tailings from Y's mine
            #                      had turned ...': the second is the clause's
        if self._stranded_subject(v) is not None:
            subs = subs[1:]      # 'The army, the ministry said, had not fired ...': the ministry speaks
        if len(subs) == 1 and subs[0].lower_ == "they" and v.dep_ == "ccomp" and v.head.i != v.i:
            outer = [c for c in v.head.children if c.dep_ == "nsubj"]
            if len(outer) == 1 and outer[0].conjuncts:
                return _with_conjuncts(outer)    # 'Both X and Y said they welcomed the offer': each of them
        if not subs and (depth == 0 or not any(c.dep_ == "nsubjpass" for c in v.children)):
            # (a verb conjoined to a passive clause shares its subject, not its agent: 'the jet had been
            # shot down by Ruritania and accused ...' is no act of Ruritania's)
            subs = _by_whom(v)
        if not subs and depth > 0:
            # 'After saying ..., she was taken to hospital', 'He was freed and told reporters ...':
            # the speaker of a clause hung on a passive main verb is that verb's subject
            subs = [c for c in v.children if c.dep_ == "nsubjpass"]
        if not subs:
            owner = self._relcl_owner(v)
            if owner is not None:
                return [owner]
            outer = self._reporting_ancestor(v)
            if outer is not None and depth < 4:
                return self._subjects(outer, depth + 1)
            if v.dep_ == "advcl" and v.tag_ == "VBG" and v.head.dep_ == "relcl" and v.i > 0 \
                    and v.doc[v.i - 1].text == "," and depth < 4:
                # 'X scolded a man who asked ..., saying ...': the parser hangs the participle
                # after the relative clause on it, but it goes with the clause that holds the noun
                owner = next((a for a in v.head.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if owner is not None:
                    return self._subjects(owner, depth + 1)
            if v.dep_ == "advcl" and v.tag_ in ("VBD", "VBN") and v.head.dep_ == "relcl" and v.i > 0 \
                    and v.doc[v.i - 1].text == "," and v.head.head.dep_ == "ROOT" \
                    and v.head.head.pos_ in ("PROPN", "NOUN"):
                # 'Turkmenistan, whose ports handle Uzbek cargo, offered to host talks', parsed with the
                # name as the root and the verb hung on the relative clause: the name speaks
                return [v.head.head]
        if not subs and v.dep_ == "acl" and depth < 4 and _rooted_acl(v):
            # 'The AU Commission chairperson called on ...' parsed as one noun phrase; 'The X Alliance,
            # a Lagos-based group, accused Y of ...' with the verb hung on the apposition
            return [v.head.head if v.head.dep_ == "appos" else v.head]
        if not subs and v.dep_ == "acl" and depth == 0:
            if self._message(v) and v.head.dep_ == "dobj":
                return self._subjects(v.head.head, depth + 1)   # 'X issued a statement saying ...': X
            return [v.head] if v.head.lower_ in self.lx["anon_nouns"] or self._message(v) else []
        if not subs and v.dep_ == "relcl":
            subs = [v.head]
        if not subs and v.dep_ == "ROOT" and depth == 0:
            subs = self._subject_in_fronted_phrase(v) or self._opening_name(v)
        if not subs and v.dep_ == "pcomp" and depth < 4:
            return self._subjects(v.head.head, depth + 1)
        if not subs and v.dep_ in INHERIT_DEPS and depth < 4 and v.head.i != v.i:
            if v.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in v.head.children):
                return []
            return self._subjects(v.head, depth + 1)
        out = []
        for s in subs:
            pron = None
            if s.lower_ in ("which", "who", "that") and s.head.dep_ == "relcl":
                self.rel_pronoun[s.head.head.i] = pron = s
                s = s.head.head
                first = s
                while first.dep_ == "conj" and first.head.i != first.i:
                    first = first.head
                cop = first.head
                while cop.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in cop.children) and cop.head.i != cop.i:
                    cop = cop.head      # ('X incites violence and is a liar who ...')
                owner = next((c for c in cop.children if c.dep_ == "nsubj"), None) \
                    if first.dep_ == "attr" and first.head.lemma_ == "be" else None
                if owner is not None:
                    # 'X is a serial liar and a birther who has pledged ...': the one the predicate
                    # describes speaks, once, not each of its descriptions
                    out.append(owner)
                    continue
            out.append(s)
            if s.lemma_.lower() in self.lx["roles"]:
                # 'Qatari and Egyptian officials': each further name coordinated in the modifier
                # that says whose the officials are speaks as well
                # (not inside one name: "Israel's Energy and Infrastructure Ministry")
                name = self.ent(s)
                out.extend(c for m in s.children if m.dep_ in ("amod", "compound", "nmod") and m.i < s.i
                           for c in m.conjuncts if c.i < s.i and not (name is not None and name.start <= c.i < name.end)
                           and self.resolve(c)[0] == "actor")
                # 'representatives of Sudan and Chad', 'delegates of A and of B': each one whose they are
                # (not inside one name: 'the Department of Health and Social Care')
                out.extend(c for p in s.children if p.dep_ == "prep" and p.lower_ == "of"
                           for o in p.children if o.dep_ == "pobj" for c in o.conjuncts
                           if not (name is not None and name.start <= c.i < name.end) and self.resolve(c)[0] == "actor")
            # ('the United States, which recognised ..., and Spain': a relative clause between a name
            # and the one conjoined to it speaks for the first only)
            stack = [c for c in s.children if c.dep_ == "conj" and (pron is None or c.i < pron.i)]
            while stack:
                c = stack.pop()
                out.append(c)
                stack.extend(x for x in c.children if x.dep_ == "conj")
        return out

    def _quoted_by_another(self, v):
        """A cue inside the quoted words of a speaker named outside the quotation, with a named third
        party as its subject: what the speaker says that party does, not that party's act."""
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        x = v
        while x.dep_ == "conj" and x.head.i != x.i:
            x = x.head
            subj = subj or next((c for c in x.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ != "PROPN" or x.dep_ != "ccomp" or _in_quotes(x.head):
            return False
        outer = next((c for c in x.head.children if c.dep_ == "nsubj"), None)
        if outer is None or stance_of_verb(self, x.head) is None or _in_quotes(outer):
            return False
        theirs = self.resolve(outer)      # (an unplaced 'a spokesman' may speak for the one quoted)
        return theirs[0] == "actor" and theirs != self.resolve(subj)

    def _stranded_subject(self, v):
        """'The army, the ministry said in a statement, had not fired on the convoy': the parser
        gives 'said' both subjects; the first, set off by a comma, belongs to the reported clause
        after the verb, which has none of its own. That subject, or None."""
        subs = [c for c in v.children if c.dep_ == "nsubj"]
        if len(subs) != 2 or not subs[0].i < subs[1].i < v.i \
                or not any(t.text == "," for t in v.doc[subs[0].right_edge.i + 1:subs[1].left_edge.i]):
            return None
        clause = [c for c in v.children if c.dep_ == "ccomp" and c.i > v.i
                  and not any(g.dep_ in SUBJ_DEPS for g in c.children)]
        return subs[0] if clause else None

    def _message(self, v):
        """'a statement saying ...', 'an email urging ...': a speaking participle on a message noun."""
        return v.dep_ == "acl" and v.tag_ == "VBG" and v.head.lemma_.lower() in self.lx["message_nouns"]

    def _relcl_owner(self, v):
        """'Sudan, which hosted talks between ..., called for ...': the parser often hangs the
        main (finite) verb under the relative clause as an 'acl'. Its subject is the noun
        that owns the relative clause."""
        if v.dep_ != "acl" or v.tag_ not in ("VBD", "VBZ", "VBP") or v.i == 0 or v.doc[v.i - 1].text != ",":
            return None
        for x in [v.head] + list(v.head.ancestors):
            if x.dep_ == "relcl" and x.head.i < x.i < v.i:
                return x.head
            if any(c.dep_ == "relcl" and x.i < c.i < v.i for c in x.children) and x.pos_ in ("PROPN", "NOUN"):
                return x
        return None

    def _reporting_ancestor(self, v):
        """', calling the move a violation' / ', saying ...' after a reported clause: the parser
        hangs the participle inside the clause, but its speaker is the one of the reporting verb."""
        if v.dep_ != "advcl" or v.tag_ != "VBG" or v.i == 0 or v.doc[v.i - 1].text != ",":
            return None
        x, crossed = v.head, False
        while x.dep_ in ("ccomp", "conj", "advcl", "xcomp") and x.head.i != x.i:
            crossed = crossed or x.dep_ == "ccomp"
            x = x.head
            if crossed and stance_of_verb(self, x) in SPEECH_STANCES:
                return x
        return None

    def _narrated_dispute(self, v):
        """'The two neighbours have long disputed the region' narrates a dispute: it is not a denial."""
        if v.lemma_.lower() not in self.lx["dispute_verbs"]:
            return False
        subs = [c for c in v.children if c.dep_ == "nsubj"]
        if any(any(x.dep_ == "conj" for x in s.children) or self._is_group(s) for s in subs):
            return True
        for o in v.children:
            if o.dep_ == "dobj" and (o.lemma_.lower() in self.lx["dispute_objects"] or o.ent_type_ in ("GPE", "LOC", "FAC")):
                return True
        return False

    def _quoted_first_person(self, v):
        """'"We reject these accusations," a spokeswoman said': the quoted act is the speaker's own."""
        for c in v.children:
            if c.dep_ in ("ccomp", "parataxis") and any(x.dep_ == "nsubj" and x.lower_ in ("we", "i") for x in c.children):
                inner = stance_of_verb(self, c)
                if inner and inner not in ("assert", "mediate", "report"):
                    return c, inner
        return None, None

    def _content(self, v, stance):
        """Token span of what the cue verb reports, and its relevant child tokens."""
        kids = list(v.children)
        cc = [c for c in kids if c.dep_ == "ccomp"]
        if not cc and v.dep_ == "parataxis":
            drop = {x.i for x in v.subtree}
            for c in v.head.children:
                if c.i < v.i and c.dep_ in ("advcl", "ccomp", "conj") and any(
                        stance_of_verb(self, x) for x in c.subtree if x.pos_ == "VERB"):
                    drop |= {x.i for x in c.subtree}
                elif c.i < v.i < v.head.i and _scene_setting(c):
                    # 'Since the talks began, the ministry said, Ottawa had not shared ...': the
                    # frame before the cue is no part of the claim, which starts after it
                    drop |= {x.i for x in c.subtree}
            return [t for t in v.head.subtree if t.i not in drop]
        if cc:
            stranded = self._stranded_subject(v)
            lead = list(stranded.subtree) if stranded is not None else []
            # (a verb of the speaker's own sentence hung on the clause is no part of it)
            cut = {t.i for c in cc for x in c.children if _backshifted_conj(x) and stance_of_verb(self, x)
                   for t in list(x.subtree) + [g for g in c.children if g.dep_ == "cc" and g.i == x.left_edge.i - 1]}
            return lead + [t for c in cc for t in c.subtree if t.i not in cut]
        if v.lemma_.lower() in self.lx["quote_verbs"]:
            clause = next((c for c in kids if c.dep_ == "nsubj" and c.i > v.i and _misparsed_clause(c)), None)
            if clause is not None and any(c.dep_ == "nsubj" and c.i < v.i for c in kids):
                return list(clause.subtree)   # ('says Algerian security forces left 1,900 people ...')
            misparsed = [c for c in kids if c.dep_ == "advcl" and c.i > v.i and _bare_clause(c)]
            if misparsed:   # 'X said after the meeting he would ...': the complement, hung on 'after'
                c = misparsed[0]
                subject = next(g for g in c.children if g.dep_ == "nsubj")
                lead = {t.i for g in c.children if g.dep_ == "prep" and g.i < subject.i for t in g.subtree}
                return [t for t in c.subtree if t.i not in lead]
        if stance in ("deny", "accuse", "endorse") and v.dep_ == "relcl" and v.head.pos_ == "NOUN" and not any(
                c.dep_ == "dobj" and c.lower_ not in ("which", "that", "whom") for c in kids):
            return list(self.np_span(v.head))          # 'a charge Caracas rejected as a fabrication', '..., which X refused'
        if stance == "demand" and v.lemma_.lower() in ("give", "set") and any(
                c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in TIME_LIMITS for c in kids):
            # 'gave Kampala seven days to return the boats': the ultimatum, whom and what (not a
            # participle of its own after it: ', saying ...')
            parts = [c for c in kids if c.i > v.i and (c.dep_ in ("dative", "dobj", "npadvmod") or c.dep_ in (
                "advcl", "relcl", "acl", "xcomp") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))]
            return [t for c in parts for t in c.subtree if not t.is_punct]
        picks = [c for c in kids if c.dep_ in ("xcomp", "dobj", "oprd", "dative", "attr")]
        picks += [c for c in kids if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children)]
        phrasal = self.lx["phrasal_map"].get(v.lemma_.lower(), {})
        picks += [c for c in kids if c.dep_ == "prep" and (c.lower_ in CONTENT_PREPS or c.lower_ in phrasal)
                  and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children)
                  and not (c.lower_ == "as" and stance == "deny" and picks)]   # ('sided with X': the phrase's own)
        if stance == "commit" and v.i + 1 < v.sent.end and v.doc[v.i + 1].lower_ == "to" and not any(
                c.dep_ == "xcomp" for c in kids):
            return [t for t in v.doc[v.i + 1:v.sent.end] if t.i in {x.i for x in v.subtree}]   # 'pledging to end months ...'
        if not picks and stance in ("endorse", "accuse", "deny", "demand", "commit"):
            picks = [c for c in kids if c.dep_ == "nsubjpass"]   # 'The complaint was welcomed by ...', 'The deal was signed by ...'
        if not picks and stance == "assert" and any(c.dep_ == "agent" for c in kids):
            return [t for c in kids if c.dep_ == "nsubjpass" for t in c.subtree]   # 'The plan was first reported by ...'

        described = v.lemma_.lower() in self.lx["describing_verbs"] and any(c.dep_ == "prep" and c.lower_ == "as" for c in picks)
        if v.lemma_.lower() in self.lx["answering_verbs"] and v.tag_ != "VB" \
                and not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in kids):
            # ('Borduria responded with a statement of its own', 'replied to the charges'): what it answers
            # (not 'for Borduria to respond now to ...', no answer given yet)
            answer = [t for c in kids if c.dep_ == "prep" and c.lower_ in ("to", "with") for t in c.subtree]
            if answer:
                return answer
        # ('is describing as "reckless" a plan the council ...': the judgement after 'as' says it all)
        if stance in SPEECH_STANCES - {"accuse", "deny"} and not described \
                and not any(c.dep_ in ("xcomp", "dobj", "oprd") for c in picks):
            return []
        if stance == "assert" and v.lemma_ in ("tell", "say") and not any(c.dep_ in ("xcomp", "oprd") for c in picks):
            return []
        return [t for c in picks for t in c.subtree]

    def _verb(self, v, n):
        stance = stance_of_verb(self, v)
        if stance is None or _negated(v):
            return
        named = self._answer_named(v, stance)
        if named is not None:
            self._add_answer(n, v, named, stance)
            return
        if v.dep_ in ("acl", "amod") and stance != "mediate" and v.head.lower_ not in self.lx["anon_nouns"] \
                and self._relcl_owner(v) is None and not self._message(v) and not _rooted_acl(v):
            return
        if v.dep_ == "pcomp" and v.head.lower_ not in ("after", "before", "while", "since", "upon", "when", "with", "despite") \
                and not (v.head.lower_ == "by" and (v.lemma_.lower() in self.lx["quote_verbs"] or stance in SPEECH_STANCES
                                                    and any(c.dep_ == "ccomp" for c in v.children))) \
                and not self._free_relative(v) \
                and not (v.head.lower_ == "as" and v.head.head.lemma_.lower() in ("quote", "cite")
                         and any(c.dep_ == "nsubjpass" for c in v.head.head.children)):   # 'X was quoted as saying'
            return            # ('ended by saying ...', 'opened by stressing that ...', 'despite admitting that ...'
            #                    speak; 'by pressing ...' does not)
        if self._no_act(v):
            return
        if stance == "mediate":
            mediation_verb(self, v, n)
            return
        if stance == "deny" and self._narrated_dispute(v):
            return
        if v.dep_ == "ccomp" and any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubj") for c in v.children) \
                and any(stance_of_verb(self, a) for a in list(v.ancestors)[:4]):
            return          # 'condemned what it called ...', 'said X must drop what he called ...': the outer act
        inner, inner_stance = self._quoted_first_person(v) if stance == "assert" else (None, None)
        if inner is not None:
            stance = inner_stance
            content = self._content(inner, stance) or list(inner.subtree)
        elif v.lemma_.lower() in self.lx["question_frames"] and _after_quoted_question(v) \
                and not any(c.dep_ in ("ccomp", "xcomp") for c in v.children):
            content = self._quotation(v)[0]     # '"Why ...?" Ruiz asked the commanders': the question, not whom
        else:
            content = self._content(v, stance)
        if not content and v.dep_ == "acl":
            content = list(v.doc[v.i + 1:v.sent.end])
        quoted = False
        if not content and v.dep_ == "advcl" and stance == "assert" and (
                any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children)
                or v.lemma_.lower() in self.lx["quote_verbs"] and v.left_edge.i > 0 and v.doc[v.left_edge.i - 1].text == ","
                and not any(c.dep_ == "mark" for c in v.children)):
            # 'As X told reporters, the plan ...', 'as Y reported', '..., she said.': the main clause
            # is what the aside reports
            content = [t for t in v.head.subtree if t.i not in {x.i for x in v.subtree} and not t.is_punct]
        if not content and stance == "assert" and (v.dep_ == "ROOT" or v.dep_ == "conj" and v.head.dep_ == "ROOT"
                                                   and v.head.i < v.i):
            content = self._trailing(v)     # (the conjunct of a root: '... was boarded and escorted to
            #                                  Tromso, Norway's fisheries ministry said in a statement.')
        if not content and (v.lemma_.lower() in self.lx["quote_verbs"] or stance == "assert"):
            clause = self._clause_on_noun(v)
            if clause is not None:      # (before any quoted words inside it: 'and that it had "no choice"')
                content = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i)]
        if not content and v.lemma_.lower() in self.lx["quote_verbs"]:
            content = self._stranded_predicate(v)
        if not content and v.lemma_.lower() in self.lx["quote_verbs"]:
            content, quoted = self._quotation(v)
        if not content and (v.lemma_.lower() in self.lx["quote_verbs"] or stance == "assert"):
            content = self._that_clause(v)     # ('reported at the time that ...', the clause hung on 'time')
        if not content and not quoted and stance != "mediate" and not any(
                c.dep_ in ("dobj", "ccomp", "xcomp", "prep") for c in v.children):
            content, quoted = self._quotation(v)   # '"Why ...?" Hale demanded.', '"...," she vowed.'
        if not content and stance != "deny" and not quoted:
            return
        if stance in SPEECH_STANCES and inner is None and self._relays(v):
            return
        self.rel_pronoun = {}
        subs = self._subjects(v)
        titled = [x for x in subs if x.i > v.i and _in_quotes(x)]
        if titled and not _in_quotes(v):
            # '"...," Doe, an adviser, said on Radio One's "Good Morning"': a subject the parser
            # found in a quoted title after the verb speaks nothing; the name before the verb does
            subs = [x for x in subs if x not in titled] or self._name_before(v, parsed_subject=False)
        subs = subs or self._name_before(v)
        if v.dep_ == "conj" and not any(self.resolve(s)[0] for s in subs):
            own = [c for c in v.children if c.dep_ in SUBJ_DEPS]
            subs = next((self._subjects(a) for a in v.ancestors if a.pos_ in ("VERB", "AUX")
                         and not any(c.dep_ == "nsubjpass" for c in a.children)
                         and any(self.resolve(x)[0] or self._placed_as(x) is not None for x in self._subjects(a))), []) \
                or own or (subs if not any(c.dep_ == "aux" and c.lower_ in ("can", "could", "may", "might")
                                           for c in v.children) else [])
            # ('and experts say ...': its own subject; 'X survived ... and says ...': the inherited one,
            # unless a modal of possibility makes it no act: '... and can add ten days to a voyage')
        if not subs:
            after = self._name_after(v)
            if after is not None:
                head, hint, words = after
                if any(t.i > v.i for t in content):     # (the name's own misparse hung on the verb)
                    content = [t for t in content if t.i < v.i - 2]
                self._add_raw(n, v, head, stance, content, kind_hint=hint, speaker_text=words)
            return
        subs = [self._relaying_speaker(v, s) for s in subs]
        pieces = self._split_content(v, content)
        predicates = self._split_predicates(v, pieces[0]) if len(pieces) == 1 else []
        for piece in pieces if not predicates else predicates:
            for s in subs:
                self._add_raw(n, v, s, stance, piece, speaker_text=self._relative_speaker(s))
                if predicates:
                    self.raw[-1]["predicate_of"] = (n, v.i, s.i)

    def _split_predicates(self, v, content):
        """'said his government considered the matter closed and would continue to rely on the
        court', 'said Uganda would not suspend the rule but was prepared to waive the fee': one
        clause with two predicates, each with a tense or modal of its own, may make two acts (a
        statement and a pledge, a refusal and an offer). Each predicate is a piece (the later
        ones with the clause's subject put back); claims._build keeps a later piece only where
        its act differs from the ones before. (A predicate that is a cue of its own, 'and he urged
        India to ...', is a statement already.)"""
        cc = [c for c in v.children if c.dep_ == "ccomp"]
        if v.dep_ == "parataxis" or len(cc) != 1 or _in_quotes(cc[0]):
            return []
        root = cc[0]
        later = [c for c in root.children if c.dep_ == "conj" and c.i > root.i and c.pos_ in ("VERB", "AUX")
                 and not any(m.dep_ == "mark" for m in c.children) and not stance_of_verb(self, c)
                 and (c.pos_ == "AUX" or any(m.dep_ in ("aux", "auxpass") for m in c.children)
                      or any(m.dep_ in SUBJ_DEPS for m in c.children))]
        if not later:
            return []
        ids = {t.i for t in content}
        cut = {t.i for c in later for t in c.subtree} | _joints(root, later)
        first = [t for t in content if t.i not in cut]
        subject = [t for m in root.children if m.dep_ in SUBJ_DEPS for t in m.subtree]
        pieces = [first]
        for c in later:
            own = any(m.dep_ in SUBJ_DEPS for m in c.children)
            pieces.append(sorted({t.i: t for t in (([] if own else subject) + list(c.subtree)) if t.i in ids}.values(),
                                 key=lambda t: t.i))
        return pieces if all(pieces) else []

    def _no_refusal(self, v):
        """'refuse' refuses a claim or a demand as an act of its own only with what is refused:
        a verb ('refused to extradite them', not 'refused to comment') or, in a relative clause,
        the noun it hangs on ('a demand Tajikistan refused'; not 'inmates who refused food').
        Told by another speaker ('X said Y had refused to ...') it is what that speaker charges,
        unless it answers a demand that speaker tells of ('..., a condition Suva has refused')."""
        if _in_quotes(v):
            return True       # ('"Serbia has refused to recognise our plates for years," he said': his charge)
        xcomp = next((c for c in v.children if c.dep_ == "xcomp"), None)
        if xcomp is not None:
            refused = xcomp.lemma_.lower() not in self.lx["no_comment_verbs"]
        else:
            refused = v.dep_ == "relcl" and not any(c.dep_ == "dobj" and c.lower_ not in ("which", "that", "whom")
                                                    for c in v.children)
        return not refused or (v.dep_ != "relcl" and self._reported(v))   # ('..., a condition Suva has refused to accept')

    def _armed_answer(self, v):
        """'Thai troops had responded in self-defence': troops, police or fighters answer with arms."""
        return v.lemma_.lower() in self.lx["answering_verbs"] and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in self.lx["doers"] for c in v.children)

    def _no_act(self, v):
        """Whether a cue verb, whatever its stance, makes no speech act of its own: a condition or
        a generic case ('only if both sides agree', 'when a government tells ...'), what a demand
        asks of others or an accusation charges, what a quoted speaker says a third party does, a
        possibility in quoted words, or the terms of an anonymous source."""
        lx = self.lx
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in v.children):
            return True       # 'talks can begin only if both sides agree': no act yet
        if self._armed_answer(v):
            return True       # 'Thai troops had responded in self-defence': an armed answer, not words
        if v.lemma_.lower() == "refuse" and self._no_refusal(v):
            return True       # ('the inmates refused food', 'the ministry refused to comment', 'X said Y had refused ...')
        if any(c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "whenever") for c in v.children) and any(
                c.dep_ == "nsubj" and any(d.dep_ == "det" and d.lower_ in lx["generic_determiners"] for d in c.children)
                for c in v.children):
            return True       # '"When a government tells its people ..."': what anyone might say, no act
        if v.dep_ == "xcomp" and v.head.i != v.i and stance_of_verb(self, v.head) == "demand" \
                and any(c.dep_ in ("dobj", "dative") or c.dep_ == "prep" and c.lower_ == "on" for c in v.head.children):
            return True       # 'called on both governments to agree on ...': what is asked of them, not done
        if _in_quotes(v) and v.dep_ in ("ccomp", "conj") and self._quoted_by_another(v):
            return True       # '"Russia blockades our ports and then blames the world," Sybiha said': his charge
        if _in_quotes(v) and any(c.dep_ == "nsubj" and c.lower_ == "it" and _in_quotes(c)
                                 for c in (v.head if v.dep_ == "xcomp" else v).children):
            return True       # '"... and it chose to say nothing"': what the speaker says a body did, in quotation
        if v.dep_ == "xcomp" and v.head.lemma_.lower() in lx["failing_verbs"]:
            return True       # 'Sahelink had failed to report the breach': a speech act not made
        if v.dep_ == "xcomp" and v.head.lemma_.lower() in lx["attempt_verbs"] and self._reported(v):
            return True       # 'said France was trying to blame others': the reporter's charge, not France's act
        if v.tag_ == "VBG" and v.dep_ == "conj" and any(
                a.dep_ == "prep" and a.lower_ in ("of", "for") and stance_of_verb(self, a.head) == "accuse" for a in v.ancestors):
            return True       # 'accused Russia of torturing prisoners and denying them care': the wrong charged
        first = v
        while first.dep_ == "conj" and first.head.i != first.i and first.tag_ in ("VB", "VBP"):
            first = first.head    # ('demanded that Moscow provide an explanation and guarantee that ...')
        if v.tag_ in ("VB", "VBP") and first.dep_ == "ccomp" and first.tag_ in ("VB", "VBP") \
                and not any(c.dep_ in ("aux", "auxpass") for c in v.children) \
                and not any(c.dep_ in ("aux", "auxpass") for c in first.children) \
                and stance_of_verb(self, first.head) == "demand":
            return True       # 'demanded that the prime minister explain ...': an act asked for, not made
        if any(c.dep_ == "auxpass" for c in v.children) and not any(c.dep_ == "agent" for c in v.children) \
                and any(c.dep_ == "nsubjpass" and c.lower_ in ("what", "which", "that") for c in v.children):
            return True       # '... to know what has been agreed': an act of no one the sentence names
        if any(c.dep_ == "aux" and c.lower_ in lx["possibility_modals"] for c in v.children) and _in_quotes(v):
            return True       # '"They can write whatever they want," he said': what one could say, in the words quoted
        if v.lemma_.lower() in lx["telling_verbs"] and any(c.dep_ == "xcomp" for c in v.children) and not any(
                c.dep_ in ("dobj", "dative", "ccomp") for c in v.children):
            return True       # 'among the six diplomats told to leave' (tagged a past tense or not): no speaker
        if self._asks_anonymity(v):
            return True       # '..., who asked not to be named, said ...': the source's terms, not a statement
        return False

    def _free_relative(self, v):
        """'a plan amounting to what Borduria called a land grab', 'engaged in what critics described
        as stalling': a finite cue verb with its own subject in a 'what' clause after a preposition
        (parsed as the preposition's complement) is that subject's act, not a gerund's. Under another
        cue it is part of that act ('thanked him for what he called a reconciliation')."""
        subj = next((c for c in v.children if c.dep_ == "nsubj" and c.lower_ not in ("what", "which", "who", "that")), None)
        finite = v.tag_ in ("VBD", "VBZ", "VBP") or v.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in v.children)
        if not finite or subj is None or not any(t.lower_ == "what" for t in v.doc[v.left_edge.i:v.i]):
            return False
        outer = next((a for a in v.ancestors if stance_of_verb(self, a)), None)
        if outer is None:
            return True
        # ('India agreed, in what officials on both sides described as a step ...': others judge the act)
        theirs = [self.resolve(c) for c in outer.children if c.dep_ == "nsubj"]
        return bool(theirs) and self.resolve(subj) not in theirs and subj.lower_ not in PERSON_PRONOUNS | THING_PRONOUNS

    def _placed_as(self, s):
        """The actor id s was placed as when it spoke an earlier cue of the sentence, as a source
        of its own, or None ('the eastern-based parliament rejected ..., saying ..., and insisted
        ...': the body the lexicon does not know speaks the later conjoined act as well)."""
        if s is None:
            return None
        return next((r["aid"] for r in self.raw if r["subj"] is not None and r["subj"].i == s.i
                     and r["subj"].doc is s.doc and r["kind"] == "actor"), None)

    def _answer_named(self, v, stance):
        """'..., a charge Lopez denied': the parser often hangs the denying verb on the answer noun
        as a participle ('acl') and the name before it as the noun's apposition or compound, where
        'a charge Caracas rejected' gets a relative clause with its subject; or, with the verb
        read as the main one ('..., a charge New Delhi rejects.'), it makes the noun the verb's
        subject with the name apposed to it. The name right before the verb, hung on the answer
        noun, is the speaker; None when the sentence is not so parsed."""
        if stance not in ("deny", "accuse", "endorse") or v.i == 0:
            return None
        if v.dep_ == "acl" and v.tag_ in ("VBD", "VBN") and v.head.lemma_.lower() in self.lx["answer_nouns"]:
            name = v.doc[v.i - 1]
            if name.head.i != v.head.i or name.dep_ not in ("appos", "compound", "nmod") \
                    or any(c.dep_ in SUBJ_DEPS for c in v.children):
                return None
        else:
            subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
            if subj is None or subj.lemma_.lower() not in self.lx["answer_nouns"]:
                return None
            name = next((c for c in subj.children if c.dep_ in ("appos", "compound") and c.i > subj.i
                         and c.right_edge.i == v.i - 1), None)
        if name is None or name.pos_ != "PROPN" or self.resolve(name)[0] != "actor":
            return None
        return name

    def _add_answer(self, n, cue, name, stance):
        """The statement of a name answering a charge (:meth:`_answer_named`): what it answers is
        the answer noun's phrase, without the name ('a charge')."""
        skip = {t.i for t in name.subtree}
        self._add_raw(n, cue, name, stance, [t for t in self.np_span(name.head) if t.i not in skip])

    def _relaying_speaker(self, v, s):
        """'Lazar said he welcomed ...': the act reported under a speaking verb, whose subject is a
        pronoun for that verb's own speaker, is spoken by the one named there, in those words."""
        if s.pos_ != "PRON" or s.lower_ not in PERSON_PRONOUNS | THING_PRONOUNS:
            return s
        x = v
        while x.dep_ == "conj" and x.head.i != x.i:
            x = x.head
        if x.dep_ not in ("ccomp", "parataxis") or stance_of_verb(self, x.head) not in SPEECH_STANCES:
            return s
        outer = [c for c in x.head.children if c.dep_ == "nsubj"]
        if len(outer) != 1 or outer[0].i > s.i:
            return s
        mine, theirs = self.resolve(s), self.resolve(outer[0])
        return outer[0] if mine[0] == "actor" and mine == theirs else s   # (also 'She said she recalls ...')

    def _relative_speaker(self, s):
        """The speaker's words when a relative pronoun is the subject of the cue ('Jones, who said
        ...'): the antecedent through the pronoun, the words that stand for the speaker."""
        pron = self.rel_pronoun.get(s.i)
        if pron is None or pron.i < s.i:
            return None
        return s.doc[self.np_span(s).start:pron.i + 1].text

    def _quotation(self, v):
        """(content tokens, found) for a speaking verb with no complement of its own: the words
        inside the quotation marks of its sentence; the sentence before it when that one is a
        quotation ('"Really?" Bush said.'); the next one after a colon ('He said: ...'), which may
        be the next paragraph, so a colon alone is enough to count."""
        sent, doc = v.sent, v.doc
        inside = [t for t in sent if t.i != v.i and _in_quotes(t)]
        if inside:
            return inside, True
        closer = next((t for t in doc[sent.start:v.i] if t.text in QUOTE_CLOSERS), None)
        if closer is not None and not any(t.text in QUOTE_OPENERS - QUOTE_CLOSERS for t in doc[sent.start:closer.i]):
            return [t for t in doc[sent.start:closer.i] if not t.is_punct], True   # a quotation begun earlier
        last = doc[sent.end - 1]
        if last.text == ":" and last.i > v.i:
            nxt = doc[sent.end:].sents if sent.end < len(doc) else iter(())
            return list(next(nxt, [])), True
        subject_first = any(c.dep_ == "nsubj" and c.i < v.i and c.left_edge.i == sent.start for c in v.children)
        if sent.start > 0 and doc[sent.start - 1].text in QUOTE_CLOSERS and (v.i - sent.start <= 4 or subject_first):
            # ('"...." Rep. Jane Doe (D-Ohio) said.': a longer subject before the verb)
            prev = doc[sent.start - 1].sent
            return [t for t in prev if not t.is_punct], True
        return [], False

    def _trailing(self, v):
        """'Clinton marched in the parade, CNN reported.' parsed with the clause hung elsewhere: a
        speaking verb whose subject follows a comma and that ends its sentence reports what stands
        before the comma."""
        subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
        sent = v.sent
        if subj is None or subj.left_edge.i - 1 <= sent.start or v.doc[subj.left_edge.i - 1].text != ",":
            return []
        if any(t.dep_ not in ("punct", "advmod", "npadvmod", "prep", "pobj", "det", "compound", "amod", "nummod")
               for t in v.doc[v.i + 1:sent.end]):
            return []
        out = [t for t in v.doc[sent.start:subj.left_edge.i - 1] if not t.is_punct]
        return out if len(out) > 2 else []

    def _stranded_predicate(self, v):
        """'experts said holes in the tail, visible in images, appeared to have been caused by ...'
        parsed with the complement's subject as the object of 'said' and its verb hung, subjectless,
        on the clause before: the object and that verb are what is said."""
        obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i and c.pos_ in ("NOUN", "PROPN")), None)
        if obj is None or v.dep_ not in ("ROOT", "conj") or v.lemma_.lower() in ("tell", "ask"):   # (whom one tells)
            return []
        owner = v.head if v.dep_ == "conj" else v
        verb = next((c for c in owner.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                     and c.tag_ in ("VBD", "VBZ", "VBP") and c.i > obj.right_edge.i
                     and not any(g.dep_ in SUBJ_DEPS for g in c.children)), None)
        if verb is None or any(t.dep_ == "cc" for t in v.doc[obj.right_edge.i + 1:verb.i]):
            return []
        return [t for t in v.doc[obj.left_edge.i:verb.right_edge.i + 1] if not (t.is_punct and t.i == verb.right_edge.i)]

    def _clause_on_noun(self, v):
        """'X said in a statement that A, and that B', parsed with the that-clause hung on the
        noun as a relative clause: that clause (a verb with the mark 'that', under the object of
        one of the cue's prepositions), or None."""
        return next((a for p in v.children if p.dep_ == "prep" and p.i > v.i
                     for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in self.lx["document_nouns"]
                     for a in o.children if a.dep_ == "acl" and a.pos_ in ("VERB", "AUX")
                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in a.children)), None)

    def _that_clause(self, v):
        """'Bihi said at the time that Ethiopia would ...' parsed without a clause under the verb:
        what follows the first 'that' after it, up to the next comma, is what it reports."""
        sent = v.sent
        that = next((t for t in v.doc[v.i + 1:min(v.i + 20, sent.end)] if t.lower_ == "that" and (
            t.i < v.i + 8 or t.dep_ == "mark")), None)   # ('said on CNN, where ..., that'; 'said in a statement
        #   issued through his lawyer that ...', its clause hung on the noun as a relative one)
        if that is None:
            return []
        out = []
        for t in v.doc[that.i + 1:sent.end]:
            if t.text in (",", ";", ".") and out:
                break
            out.append(t)
        return out if len(out) > 2 else []

    def _name_before(self, v, parsed_subject=True):
        """A finite main cue verb left without a subject by the parser ('On Friday Stoltenberg told
        reporters ...' parsed as 'on Friday Stoltenberg'): the name standing right before it speaks.
        parsed_subject=False: the subject the parser gave it is to be ignored."""
        if v.dep_ not in ("ROOT", "ccomp") or v.tag_ not in ("VBD", "VBZ", "VBP") or v.i == v.sent.start \
                or parsed_subject and any(c.dep_ in SUBJ_DEPS for c in v.children):
            return []
        prev = v.doc[v.i - 1]
        if prev.text == "," and v.i - 2 > v.sent.start:
            # 'In 2021 Sudan, backed by Egypt, proposed ...': the name owning the phrase
            # set off by commas right before the verb speaks
            for x in v.doc[v.sent.start:v.i - 1]:
                if x.dep_ in ("acl", "relcl", "appos") and x.head.i < x.i and x.right_edge.i == v.i - 2 \
                        and x.head.pos_ == "PROPN" and self.ent(x.head) is not None:
                    prev = x.head
                    break
        e = self.ent(prev)
        if prev.pos_ == "PROPN" and e is not None and e.label_ in ("PERSON", "ORG", "GPE", "NORP"):
            # the whole name speaks ('Ministry of Water Resources and Irrigation', not 'Irrigation');
            # 'X and Y pledged' hung as conjuncts of an earlier noun: each name speaks
            names = [e.root if e.start <= e.root.i < e.end else prev]
            while names[-1].dep_ == "conj" and self.ent(names[-1].head) is not None \
                    and self.ent(names[-1].head).label_ == e.label_:
                names.append(names[-1].head)
            return names
        return []

    def _name_after(self, v):
        """'"...," said Early.', '"...," said Tomas Ferreira, an official who heads ...': a quoting verb
        right after the closing quotation mark, left without a subject because the parser hung the
        name after it elsewhere (as an adverb, or as the subject of a later word). The name between
        the verb and the next comma or full stop speaks: (its head token, a kind hint or None, its
        words), or None."""
        doc, sent = v.doc, v.sent
        if v.lemma_.lower() not in self.lx["quote_verbs"] or v.tag_ not in ("VBD", "VBZ") \
                or v.i - 2 < sent.start or doc[v.i - 1].text not in QUOTE_CLOSERS \
                or doc[v.i - 2].text not in (",", "?", "!"):
            return None
        end = next((t.i for t in doc[v.i + 1:sent.end] if t.is_punct or t.lower_ in ("who", "which", "on", "in", "at")),
                   sent.end)
        words = doc[v.i + 1:end]
        if not 0 < len(words) <= 5 or not (words[0].is_title or words[0].lower_ in ("the", "a", "an")) \
                or not all(t.is_title or t.pos_ in ("DET", "ADJ", "NOUN", "PROPN") for t in words):
            return None
        head = words[-1]
        if all(t.is_title for t in words) and words[0].lower_ not in ("the", "a", "an") and self.resolve(head)[0] is None:
            return head, ("actor", self.actors.person(words.text)), words.text
        return head, None, words.text

    def _asks_anonymity(self, v):
        """'asked not to be named', 'requested not to be identified': the terms of an anonymous
        source ('speaking on condition of anonymity' in other words), no act of speech."""
        return v.lemma_.lower() in ("ask", "request") and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in ("name", "identify") and any(g.dep_ == "auxpass" for g in c.children)
            and any(g.dep_ == "neg" for g in c.children) for c in v.children)

    def _relays(self, v):
        """'X said [Y told Z that ...]': the outer speaker only relays another speech act."""
        if stance_of_verb(self, v) != "assert":
            return False
        clauses = [c for c in v.children if c.dep_ == "ccomp"]
        if len(clauses) > 1 and all(c.i < v.i for c in clauses) and any(not stance_of_verb(self, c) for c in clauses):
            return False      # 'Y had told Z that ..., but the city overruled it, X added': the cue after
            #                   the clauses reports them all, not only the speech act among them
        for c in v.children:
            inner = stance_of_verb(self, c) if c.dep_ in ("ccomp", "parataxis") else None
            if inner and (self._armed_answer(c) or c.lemma_.lower() == "refuse"):
                continue          # ('adding that Thai troops had responded in self-defence', 'said Y had
                #                    refused to ...': no inner act; the outer speaker tells it)
            if inner:
                own = [s for s in c.children if s.dep_ in SUBJ_DEPS]
                body = self._spokesperson_after(v, c) if own and c.i < v.i else None
                if body is not None:
                    # (and a later 'she' is the body's spokeswoman)
                    bisect.insort(self.person_subjects, ((self.cur, v.i), body))
                    return True
                if own and own[0].dep_ == "nsubjpass" and not any(a.dep_ == "agent" for a in c.children):
                    continue      # 'X said she was asked to ...': the one asked speaks no act; X does
                modal = any(a.dep_ == "aux" and a.tag_ == "MD" or a.dep_ == "neg" for a in c.children)
                if own and _in_quotes(own[0]) and not _in_quotes(v):
                    continue      # '"He says ...," X said': X speaks the whole quotation
                if _in_quotes(c) and not _in_quotes(v) and self._quoted_by_another(c):
                    continue      # 'A and B "reaffirmed ...," X said': X's words, quoted (see _no_act)
                if own and not modal and self.resolve(own[0])[0] and (
                        inner in SPEECH_STANCES or own[0].pos_ == "PRON") and (
                        inner == "deny" or self._content(c, inner)
                        or c.lemma_.lower() in self.lx["quote_verbs"]
                        or any(r["cue"].i == c.i for r in self.raw)):   # (an act already drawn: 'called on X to ...')
                    if self._another_speaker(v, c, own[0]):
                        continue
                    return True       # (an inner speaker the article cannot place, or an act with
                    # nothing to report, makes no statement of its own: the outer one stands)
        return False

    def _spokesperson_after(self, v, c):
        """'The European Commission called on Lithuania to ..., a spokeswoman said.': an unnamed
        spokesperson after a body's act c, drawn already, speaks for that body, whose act stands.
        The body, or None."""
        outer = next((x for x in v.children if x.dep_ == "nsubj" and x.i > v.i - 3), None)
        if outer is None or outer.lemma_.lower() not in self.lx["spokes_nouns"] or any(
                x.dep_ in ("poss", "compound", "amod", "prep") for x in outer.children):
            return None
        drawn = next((r for r in self.raw if r["cue"].i == c.i and r["kind"] == "actor"), None)
        if drawn is None or self.actors.by_id[drawn["aid"]]["type"] == "person":
            return None
        return drawn["aid"]

    def _another_speaker(self, v, c, inner):
        """'The Times wrote that Olm had claimed ...', 'Olm notes that the commission announced ...':
        an act told after a speaking verb, as its one clause, by a speaker of its own, named (no
        pronoun) and placed as another actor than the outer subject (a name or a pronoun: 'He notes
        that ...'), is reported by the outer speaker, who speaks too. ('Olm said A, and Doe said B'
        parsed as two clauses of the first 'said', or 'A, Doe said' before the verb, stay one act each.)"""
        if inner.pos_ == "PRON" or inner.lower_ in PERSON_PRONOUNS | THING_PRONOUNS or c.i < v.i:
            return False
        if sum(1 for x in v.children if x.dep_ in ("ccomp", "parataxis")) != 1 or any(
                t.dep_ == "cc" or t.text == ";" for t in v.doc[v.i + 1:c.left_edge.i]):
            return False
        outer = [x for x in v.children if x.dep_ == "nsubj" and x.i < v.i]
        if len(outer) != 1 or outer[0].lower_ in ("which", "who", "that", "i", "we", "you"):
            return False
        mine, theirs = self.resolve(inner), self.resolve(outer[0])
        if mine[0] not in ("actor", ANON) or theirs[0] != "actor":
            return False
        if mine[0] == ANON:
            return True       # ('Olm has said about 20 people have indicated an interest': unnamed ones)
        return self.actors.acts_for(mine[1]) != self.actors.acts_for(theirs[1]) and mine[1] != theirs[1]

    def _split_content(self, v, content):
        """'said that A, but that B' gives one statement per complement clause."""
        if v.dep_ == "parataxis" and not any(c.dep_ == "ccomp" for c in v.children):
            # 'A had taken note of it, they said, but B could only come with ...': the clause set against
            # the first after the aside, with its own subject, is a second statement of the same speaker
            # ('A, it said, and B' goes on telling the one account; a quotation is one utterance)
            later = [c for c in v.head.children if c.dep_ == "conj" and c.i > v.right_edge.i
                     and any(m.dep_ in SUBJ_DEPS for m in c.children) and not _in_quotes(c)
                     and any(m.dep_ == "cc" and m.lower_ in ("but", "yet") and v.right_edge.i < m.i < c.i
                             for m in v.head.children)]
            if len(later) == 1:
                cut = {t.i for t in later[0].subtree}
                first = [t for t in content if t.i not in cut and t.i < v.i]
                if first:
                    return [first, [t for t in content if t.i in cut]]
            return [content]
        cc = [c for c in v.children if c.dep_ == "ccomp"] or [c for c in [self._clause_on_noun(v)] if c is not None]
        if len(cc) != 1:
            return [content]
        extra = [c for c in cc[0].children if c.dep_ == "conj" and any(m.dep_ == "mark" for m in c.children)
                 and any(m.dep_ in SUBJ_DEPS for m in c.children)]
        if not extra:
            return [content]
        cut = {t.i for c in extra for t in c.subtree}
        first = [t for t in content if t.i not in cut | _joints(cc[0], extra) and t.i < min(cut)]     # (not its 'and')
        return [first] + [list(c.subtree) for c in extra]

    def _add_raw(self, n, cue, subj, stance, content, kind_hint=None, speaker_text=None):
        via = "hint" if kind_hint else "continued"
        kind, aid = kind_hint or self._last_speaker(n, subj) or (None, None)
        if kind is None and subj is not None and subj.pos_ == "PRON" and content and content[0].i < subj.i \
                and content[0].sent.start == subj.sent.start and subj.lower_ in PERSON_PRONOUNS | THING_PRONOUNS:
            # 'Caracas had declined to cooperate, they added.': what 'they' reports cannot hold
            # whom 'they' stands for; the antecedent is named before the report
            via, (kind, aid) = "resolved", self._pronoun(subj, before=min(content, key=lambda t: t.i))
        if kind is None:
            via, (kind, aid) = "resolved", self.resolve(subj)
        placed = self._placed_as(subj) if kind is None else None
        if placed is not None:
            kind, aid = "actor", placed     # (a source of its own, placed at its first cue)
        if kind is None and subj is not None and not any(
                c.dep_ == "aux" and c.lower_ in self.lx["obligation_modals"] for c in cue.children) \
                and (not self._reported(cue) or cue.dep_ == "ccomp" and subj.doc is cue.doc and (
                     subj.dep_ == "nsubj" and subj.head.i == cue.head.i
                     or subj.dep_ == "conj" and subj.head.dep_ == "nsubj" and subj.head.head.i == cue.head.i)):
            # (or the reporting verb's own subject, who says what it does: 'Both the defence front and
            # Minera Llamacancha said they welcomed the offer')
            via, (kind, aid) = "unplaced", self.unplaced_source(subj)  # ('the platform should reiterate' is no act)
            if kind is None and subj.lower_ in ("i", "we") and not _in_quotes(subj, whole_paragraph=True):
                kind, aid = ANON, None      # the writer speaking in the first person: a source the text does not name
        if kind == ANON and subj is not None:
            stated = self._position_stated(subj, content)
            if stated is not None:
                kind, aid = "actor", stated     # 'a spokesperson said the government's position ...'
        if kind is None:
            return
        reported = self._reported(cue)
        if kind == "actor" and not reported:
            self._office_of_the_state_told_of(aid, n, content)
        if kind == "actor":
            self.actors.seen(aid, self.np_span(subj).text if subj is not None else "")
            if self.actors.by_id[aid]["type"] != "person":
                bisect.insort(self.thing_speakers, ((n, subj.i if subj is not None else cue.i), aid))
            elif not reported:     # ('X said Y had assured him ...': a later 'he' is X, not Y)
                bisect.insort(self.person_subjects, ((n, subj.i if subj is not None else cue.i), aid))
            self.actors.mention(aid)
        elif kind == GROUP:
            bisect.insort(self.thing_speakers, ((n, cue.i), GROUP))
        if kind == ANON:
            stance = "report"
        outlet = bool(aid) and self.actors.is_outlet(aid)
        if outlet:
            stance = "assert"     # a news outlet reports: its words are told, not charged (FORMAT.md)
        self.raw.append({"n": n, "cue": cue, "subj": subj, "kind": kind, "aid": aid, "stance": stance, "via": via,
                         "reported": reported, "outlet": outlet,
                         "content": sorted(content, key=lambda t: t.i),
                         "speaker_text": speaker_text or (self.np_span(subj).text if subj is not None else "")})

    def _office_of_the_state_told_of(self, pid, n, content):
        """'Russia warned that ... Deputy Foreign Minister X said Moscow was ready to help ...', '...
        and said Islamabad would raise the attacks at the United Nations': an office holder of a state
        the text does not name, who says a state that has itself just spoken (in this sentence or the
        one before) is ready to act or will act, holds that state's office: a state's readiness and
        intent are told by its own."""
        a = self.actors.by_id[pid]
        if a["type"] != "person" or a["affiliations"] or not STATE_TITLES & self.actors.titles.get(pid, set()):
            return
        subj = next((t for t in content if t.dep_ == "nsubj" and t.head in content and t.pos_ == "PROPN"), None)
        if subj is None or any(c.dep_ == "neg" for c in subj.head.children) or not _ready_or_future(self, subj.head):
            return            # (only a readiness or an intent of the state's own: 'Bagchi said Canada had not
            #                    shared ...' after Canada spoke is India's spokesman answering it)
        state = self.actor_of(subj)
        if state is None or self.actors.by_id[state]["type"] != "state":
            return
        end = bisect.bisect_left(self.thing_speakers, ((n, content[0].i),))
        if any(aid == state and o[0] >= n - 1 for o, aid in self.thing_speakers[max(0, end - 10):end]) or any(
                n - 1 <= m["n"] <= n and any(self.actors.acts_for(a) == state for _, a in m["mediators"])
                for m in self.med_mentions):
            # (or that has just offered to mediate: 'Turkmenistan offered to host talks. Foreign Minister
            # X said Ashgabat would provide a neutral table')
            self.actors.affiliate(pid, state, min(self.actors.titles[pid] & STATE_TITLES))

    def reporting_body(self, pron):
        """'X said it would ...', 'X said we will ...': the actor of the reporting verb's subject, for
        a pronoun that is the subject of the clause a speaking cue reports (or None)."""
        clause = pron.head
        if pron.dep_ != "nsubj" or clause.dep_ != "ccomp" or clause.head.i == clause.i \
                or stance_of_verb(self, clause.head) is None:
            return None
        subjects = self._subjects(clause.head)
        return self.actor_of(subjects[0]) if subjects and subjects[0].pos_ != "PRON" else None

    def _position_stated(self, subj, content):
        """'A spokesperson said the government's position had not changed': a spokesperson of no
        stated body who tells a body's position, policy or view speaks for that body."""
        if subj.lemma_.lower() not in self.lx["spokes_nouns"] or any(c.dep_ in ("poss", "prep", "compound", "amod")
                                                           for c in subj.children):
            return None
        for t in content:
            if t.dep_ in SUBJ_DEPS and t.lemma_.lower() in self.lx["position_nouns"]:
                owner = next((c for c in t.children if c.dep_ == "poss"), None)
                if owner is not None:
                    kind, aid = self.resolve(owner)
                    return self.actors.acts_for(aid) if kind == "actor" else None
        return None

    def _reported(self, cue):
        """True when the cue stands inside what another cue reports ('X said the two sides had
        agreed ...'): an act told by someone else, whose unnamed doer is no source of the article."""
        x = cue
        while x.head.i != x.i:
            if (x.dep_ == "ccomp" or x.dep_ == "parataxis" and x is not cue) and stance_of_verb(self, x.head):
                return True       # (a cue hung on its clause as an aside, 'they have been asked ..., aid
            x = x.head            #  workers say', reports that clause: it is not reported by it)
        return False

    def _last_speaker(self, n, subj):
        """'It said ...' right after a body has spoken: news reports go on quoting the same
        speaker, so the pronoun is that body rather than the last organisation named."""
        if subj is None or subj.lower_ != "it" or self._reporting_name(subj) is not None:
            return None       # ('Maersk said it welcomed ...': the 'it' is the name reporting it)
        if subj.dep_ == "nsubj" and subj.head.dep_ == "ccomp":
            # "Brazil's aviation agency ANAC said it had opened a review and ordered ...": the body
            # whose report holds the 'it', placed as a source at that cue, not the one before it
            reporter = next((r for r in reversed(self.raw) if r["n"] == n and r["cue"] == subj.head.head), None)
            aid = (reporter["aid"] if reporter["kind"] == "actor" else None) if reporter is not None \
                else self.reporting_body(subj)     # ('The Chinese embassy said it had asked the company ...',
            if aid is not None and self.actors.by_id[aid]["type"] != "person":      # the report folded into the act)
                return "actor", aid
        for r in reversed(self.raw):
            if n - r["n"] > 2:
                return None
            if r["kind"] == "actor" and r["n"] < n and self.actors.by_id[r["aid"]]["type"] != "person":
                return "actor", r["aid"]
        return None

    def _asked(self, v, n):
        """'X was asked whether ...', 'When asked about Y, X ...': a question put by someone the text
        does not name (no 'by' agent): an unnamed source, whose words are the question."""
        if v.tag_ != "VBN" or v.lemma_.lower() not in self.lx["asking_verbs"]:
            return False
        passive = any(c.dep_ == "auxpass" for c in v.children) or (
            v.dep_ == "advcl" and not any(c.dep_ in SUBJ_DEPS for c in v.children))
        if not passive or any(c.dep_ == "agent" for c in v.children):
            return False
        if any(c.dep_ == "xcomp" for c in v.children):
            return True       # 'she was asked to give a talk': a request of no one named, and no question
        content = [t for t in v.subtree if t.i > v.i and not t.is_punct]
        if len(content) >= 2 and not any(c.dep_ == "neg" for c in v.children):
            self._add_raw(n, v, None, "report", content, kind_hint=(ANON, None), speaker_text="")
        return True       # (never the act of the one who was asked)

    def _according(self, tok, n):
        pobj = [p for c in tok.children if c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
        speaker_text = None
        if not pobj:
            # 'according to show insiders', 'to poll workers': the tagger took the first noun of the
            # source for a verb whose object is the rest; the words after 'to' are the source
            verb = next((p for c in tok.children if c.lower_ == "to" for p in c.children
                         if p.dep_ == "pcomp" and p.tag_ == "VB" and p.i == c.i + 1), None)
            pobj = [o for o in (verb.children if verb is not None else ()) if o.dep_ == "dobj" and o.i == verb.i + 1
                    and o.pos_ == "NOUN" and not any(g.dep_ == "det" for g in o.children)]
            if not pobj or tok.dep_ == "ROOT":
                return
            speaker_text = tok.doc[verb.i:pobj[0].right_edge.i + 1].text
        if tok.dep_ == "ROOT" and tok.i > tok.sent.start:
            # '... east of the sea border, according to Ghana's foreign ministry.' with 'according'
            # parsed as a root of its own: what comes before the comma is what the source reports
            content = [t for t in tok.doc[tok.sent.start:tok.i - 1] if not t.is_punct]
            if len(content) >= 3:
                self._add_raw(n, tok, pobj[0], "assert", content, speaker_text=speaker_text)
            return
        if tok.dep_ == "ROOT":
            # 'According to X, the move reeks of fear.' parsed as a sentence of 'according' (the rest
            # hung on X): what follows the comma after the source is what it reports
            comma = next((t for t in tok.doc[pobj[0].i + 1:tok.sent.end] if t.text == ","), None)
            content = [t for t in tok.doc[comma.i + 1:tok.sent.end] if not t.is_punct] if comma is not None else []
            if len(content) >= 3:
                self._add_raw(n, tok, pobj[0], "assert", content,
                              speaker_text=tok.doc[pobj[0].left_edge.i:comma.i].text)
            return
        head = tok.head
        skip = {t.i for t in tok.subtree}
        content = [t for t in head.subtree if t.i not in skip and not t.is_punct or t.i not in skip and t.i > tok.i]
        while content and content[-1].is_punct and content[-1].i > tok.i:
            content.pop()         # (the full stop after 'according to X' would stretch the span over it)
        if stance_of_verb(self, head) is not None:
            # a source behind a speech act: weighed once the sentence's acts are all drawn
            self.relays.append((tok, pobj[0], content, speaker_text))
            return
        self._add_raw(n, tok, pobj[0], "assert", content, speaker_text=speaker_text)

    def _relays_same_source(self, cue, source):
        """Whether the source named behind a speech act drawn from ``cue`` ('X said ..., according
        to Y') adds nothing to it: Y is the speaker's own side ('Modi told Trump ..., according to
        Misri'; a person of no known side, or a speaker of no known side, may well be), or is the
        speaker. A news organisation or an unnamed source relaying the words ('Sanders said ...,
        according to CNN', '... told aides ..., according to someone in attendance') makes a
        statement of its own, as does any source when the act drew none (its speaker unknown)."""
        spoken = [r for r in self.raw if r["cue"].i == cue.i and r["cue"].doc is cue.doc]
        if not spoken:
            return False      # ('He told aides ..., according to numerous sources', the 'he' unplaced)
        kind, aid = self.resolve(source)
        if kind is None:
            kind, aid = self.unplaced_source(source)
        if kind == ANON:
            return any(r["kind"] == ANON for r in spoken)
        if kind != "actor":
            return True
        if self.actors.by_id[aid]["label"].lower() in self.lx["news_lower"]:
            return False
        A = self.actors

        def sided(x):
            return A.acts_for(x) != x or A.by_id[x]["type"] != "person"
        return not sided(aid) or any(r["kind"] == "actor" and (not sided(r["aid"]) or A.acts_for(r["aid"]) == A.acts_for(aid))
                                     for r in spoken)     # (an unnamed speaker is never the named source)

    def _anon_adverb(self, tok, n):
        head = tok.head
        if stance_of_verb(self, head) and any(c.dep_ in SUBJ_DEPS for c in head.children):
            return                    # 'Local officials reportedly said ...': the verb's own subject speaks
        content = [t for t in head.subtree if t.i != tok.i]
        self._add_raw(n, tok, None, "report", content, kind_hint=(ANON, None), speaker_text=tok.text)

    def _noun_tagged_cue(self, tok, n):
        """'Smith charges that ...', 'Smith Vows To ...' (headlines): the tagger reads the cue verb
        after a name opening the sentence as a plural noun. A name, then a word that is a cue verb
        with -s, then 'that' or 'to': the name speaks what follows."""
        stance = self.lx["verbs"].get(tok.lemma_.lower())  # a plural noun's lemma is the verb's ('charges': charge)
        answering = self._answer_named(tok, stance)
        if answering is not None:
            self._add_answer(n, tok, answering, stance)    # ('..., a charge New Delhi rejects.')
            return
        name = tok.doc[tok.i - 1]
        sent = tok.sent
        if stance is None or stance == "mediate" or tok.i + 2 >= sent.end \
                or not (name.head.i == tok.i or tok.head.i == name.i) \
                or name.pos_ not in ("PROPN", "NOUN") or any(c.dep_ in ("det", "poss") for c in tok.children):
            return          # (the name under the cue, or the cue hung on the name as its object)
        first = name
        while first.i > sent.start and first.nbor(-1).pos_ == "PROPN":
            first = first.nbor(-1)
        lead = tok.doc[sent.start:first.i]
        if len(lead) and lead[-1].text == ",":
            lead = lead[:0]         # ('Railing Against Olm, Smith Vows To ...': a phrase set off before the name)
        if any(not (t.dep_ == "cc" or t.is_punct) for t in lead):
            return                  # ('the Smith charges that ...' is a noun phrase, no sentence)
        if any(r["cue"].doc is tok.doc and r["cue"].i == tok.i for r in self.raw):
            return                  # (read already as a nominal cue: one statement)
        nxt = tok.doc[tok.i + 1]
        if not (nxt.lower_ == "that" or nxt.lower_ == "to" and tok.doc[tok.i + 2].pos_ == "VERB"):
            return
        content = [t for t in tok.doc[tok.i + 2:sent.end] if not (t.is_punct and t.i == sent.end - 1)]
        if len(content) >= 2:
            self._add_raw(n, tok, name, stance, content, speaker_text=tok.doc[first.i:name.i + 1].text)

    def _inverted(self, tok, n):
        """'Said Olm: "..."', 'Added the mayor, "..."': a quoting verb opening its sentence, the speaker's
        name after it and a colon or comma before the words, which the parser reads as one noun phrase."""
        sent, doc = tok.sent, tok.doc
        punct = next((t for t in doc[tok.i + 1:min(tok.i + 8, sent.end)] if t.text in (":", ",")), None)
        if punct is None or punct.i == tok.i + 1 or not all(
                t.pos_ in ("PROPN", "DET", "NOUN", "ADJ", "PUNCT") and t.text not in QUOTE_OPENERS
                for t in doc[tok.i + 1:punct.i]):
            return False
        name = doc[punct.i - 1]
        content = [t for t in doc[punct.i + 1:sent.end] if not t.is_punct or t.text not in QUOTE_OPENERS | QUOTE_CLOSERS | {"."}]
        if len(content) < 3:
            return False
        words = doc[tok.i + 1:punct.i]
        hint = None
        if self.np_span(name).start <= tok.i and all(t.pos_ == "PROPN" for t in words):
            hint = ("actor", self.actors.person(words.text))     # (the parser took 'Said Olm' for one name)
        self._add_raw(n, tok, name, "assert", content, kind_hint=hint, speaker_text=words.text)
        return True

    def _nominal(self, tok, n):
        """'Islamabad's claims that ...', 'Thai claims', 'a US warning that ...', 'Russian mediation'."""
        lx = self.lx
        stance = lx["nouns"][tok.lemma_.lower()]
        speaker = None
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.lower_ not in ("its", "his", "her", "their"):
                kind, aid = self.resolve(c)
                if kind == "actor":
                    speaker = c
        if speaker is None and tok.i > 0:
            prev = tok.doc[tok.i - 1]
            if prev.dep_ != "poss" and (self.actors.known(prev.text) or (self.ent(prev) is not None and self.ent(prev).label_ == "ORG")):
                speaker = prev
        negated = any(c.dep_ == "neg" for c in tok.children) or any(
            t.lower_ in ("not", "never") for t in tok.doc[max(tok.i - 3, tok.sent.start):tok.i])
        if stance == "mediate":
            # 'Qatari and Egyptian mediators', 'mediators from Egypt and Qatar', 'a mediation team
            # sent by ECOWAS', 'under the auspices of the AU': every actor named as whose the mediation is
            holder = tok.head if tok.dep_ == "compound" else tok
            named = [speaker] if speaker is not None else []
            named += [p for c in holder.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                      for p in c.children if p.dep_ == "pobj"]
            named += [p for c in holder.children if c.dep_ == "acl" and c.lemma_.lower() in self.lx["sending_verbs"]
                      for p in _by_whom(c)]
            mediators = [(x, aid) for x in _with_conjuncts(named) for kind, aid in [self.resolve(x)] if kind == "actor"]
            if negated:
                self.negated_mediators.update(self.actors.acts_for(aid) for _, aid in mediators)
            elif mediators:
                # ('Egyptian mediators said ...': what they say is the statement; the mediation is told)
                speaks = holder.dep_ == "nsubj" and stance_of_verb(self, holder.head) not in (None, "mediate")
                self.med_mentions.append({"n": n, "mediators": mediators, "cue": tok, "held": True,
                                          "statement": not speaks})
            return
        hint = None
        if speaker is None and stance != "mediate":
            # 'his claim that ...', 'her promise to ...': the possessive pronoun's antecedent
            own = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
            if own is not None:
                prior = _before(self.person_subjects, self.order(own)) or _before(self.person_mentions, self.order(own))
                if prior:
                    speaker, hint = own, ("actor", prior[1])
        if speaker is None:
            return
        content = [t for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl")
                   and c.lemma_.lower() not in lx["seeing_verbs"]       # (not 'a police report seen by AFP')
                   for t in c.subtree]
        if not content and stance in ("accuse", "demand"):     # 'a US warning of an imminent attack'
            content = [t for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "about", "against")
                       for t in list(c.subtree)[1:]]
        if not content:
            return
        self._add_raw(n, tok, speaker, stance, content, kind_hint=hint)


def _infinitive_noun(tok):
    """'offered to host talks' with 'host' tagged a noun: a complement after 'to' with an object
    of its own is a verb, whatever its tag."""
    if tok.pos_ != "NOUN" or not any(c.dep_ == "dobj" for c in tok.children):
        return False
    if tok.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return True
    # ('offered to coordinate the search and to host talks ...': the second, a conjunct of the first)
    return tok.dep_ == "conj" and tok.head.dep_ in ("xcomp", "advcl") and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "to"


#: how the parser hangs 'according (to X)' on the clause it sources: a phrase, or a participle
#: ('..., which began last month, according to Karl Olm.' with 'according' conjoined to the clause)
ACCORDING_DEPS = {"prep", "conj", "advcl"}


#: forms of the quoting verbs that open an inverted attribution ('Said Olm: "..."'); the tagger
#: often reads the capitalised word as part of the name after it
INVERTED_FORMS = {"said", "says", "added", "adds", "wrote", "writes", "explained", "explains", "noted", "notes",
                  "replied", "replies", "insisted", "insists", "declared", "declares"}


def _joints(head, conjuncts):
    """The 'and', 'but' or comma right before each of a clause's conjuncts, which belongs to neither
    piece when the clause is cut there."""
    return {m.i for c in conjuncts for m in head.children if m.dep_ in ("cc", "punct") and m.i == c.left_edge.i - 1}


def _misparsed_clause(subj) -> bool:
    """A reported clause the parser split into a subject of the cue and a participle hung on it
    ('A report ... says [Algerian security forces] [left 1,900 people ...]'): a second subject
    after the cue whose noun carries a past verb with an object of its own."""
    return subj.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and c.i == subj.i + 1 and any(g.dep_ == "dobj" for g in c.children)
        for c in subj.children)


def _bare_clause(c) -> bool:
    """Whether an adverbial clause the parser hung on a speaking verb is its complement without
    'that': a clause of its own subject that no conjunction or wh-adverb introduces
    ('said after the meeting he would ...', not 'said when he arrived ...')."""
    return any(g.dep_ == "nsubj" for g in c.children) and not any(
        g.dep_ == "mark" or g.dep_ == "advmod" and g.lower_ in WH_ADVERBS for g in c.children)


def _scene_setting(c) -> bool:
    """Whether a phrase before a parenthetical cue only sets the scene of what follows: a time,
    place or 'since' clause, a fronted adverb ('Since the talks began, the ministry said, ...').
    A condition ('If the talks fail, ...') is part of the claim and is kept."""
    if c.dep_ in ("prep", "npadvmod", "advmod"):
        return True
    return c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in SCENE_MARKS for g in c.children)


SCENE_MARKS = {"since", "after", "before", "when", "while", "until", "once", "as"}


WH_ADVERBS = {"when", "whenever", "where", "while", "why", "how", "once", "as", "before", "after", "since", "until"}


def _backshifted_conj(v) -> bool:
    """'Barasa said the government had already paid part of the arrears and called the strike
    illegal': a simple past verb conjoined to a reported clause in the pluperfect (or with 'would',
    or a past 'was' or 'had' of a backshifted present) continues the speaker's sentence, not the
    reported one; the parser hangs it on the clause."""
    h = v.head
    return v.dep_ == "conj" and v.tag_ == "VBD" and h.dep_ == "ccomp" and h.head.i != h.i \
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in v.children) \
        and (any(c.dep_ == "aux" and c.lower_ in ("had", "would", "'d") for c in h.children)
             or h.lemma_ in ("be", "have") and h.tag_ == "VBD")   # ('said X had no connection to Y and accused ...')


def _rooted_acl(v) -> bool:
    """'The AU Commission chairperson called on both sides to ...', '"...," Murphy, the head of X,
    tweeted on Friday', 'The X Alliance, a Lagos-based group, accused Y of ...': a past-tense cue the parser hung as a participle on the noun it took for
    the sentence's root, a sentence with no verb of its own; the noun is its subject."""
    if v.dep_ != "acl" or v.head.i > v.i or any(c.dep_ in SUBJ_DEPS for c in v.children):
        return False
    if v.head.dep_ == "ROOT" and v.head.pos_ in ("NOUN", "PROPN") and (v.tag_ == "VBD" or v.tag_ == "VBN" and (
            v.doc[v.i - 1].text == "," and any(c.dep_ in ("dobj", "ccomp") or c.dep_ in ("xcomp", "advcl") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in v.children))):
        return True           # ('Uzbekistan, which borders both, offered to host talks', tagged a participle)
    # ('The X Alliance, a Lagos-based group, accused Y of ...': tagged a participle on the apposition)
    return v.head.dep_ == "appos" and v.head.head.dep_ == "ROOT" and v.head.head.pos_ in ("NOUN", "PROPN") \
        and _hung_cue(v)


def _negated(v) -> bool:
    """Whether a speaking verb is itself negated ('did not say'). A negation the parser hangs on
    the verb from inside the quotation ('"Probably not," she said') belongs to the words said."""
    if any(c.dep_ in SUBJ_DEPS and (c.lower_ in NO_ONE or any(d.dep_ == "det" and d.lower_ in NO_ONE for d in c.children))
           for c in v.children):
        return True       # 'neither side has acknowledged direct talks', 'no one has claimed ...'
    return any(c.dep_ == "neg" and not any(t.text in QUOTE_OPENERS | QUOTE_CLOSERS
                                           for t in v.doc[min(c.i, v.i) + 1:max(c.i, v.i)])
               for c in v.children)


#: Subjects (or their determiners) that say no one spoke.
NO_ONE = {"neither", "no", "none", "nobody", "nothing"}
