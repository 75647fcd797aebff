"""Sources and actors: who the noun phrases of an article are.

:class:`_Actors` is the per-article registry (states, organisations, persons and whom they act
for); :class:`Sources` resolves a token to an actor, a group ('both sides') or an anonymous
source, through names, titles, roles, descriptors ('the union') and pronouns (their antecedent).
"""
from __future__ import annotations

import bisect
import re
import unicodedata

from .lexicon import ANON, GROUP, PERSON_PRONOUNS, SUBJ_DEPS, THING_PRONOUNS, _norm, _slug

#: The article of an Arabic name ('al-Kabir', 'el-Sisi'), which news drops on second reference.
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath"})


# ---------------------------------------------------------------- actors

def _backed_by_another(tok):
    """'the Saudi-backed government', 'the Tripoli-based council': an institution described by
    who backs it or where it sits is a body of its own, not the salient state's."""
    return any(c.dep_ == "amod" and c.tag_ == "VBN" and any(g.dep_ in ("npadvmod", "compound", "nmod") for g in c.children)
               and any(g.tag_ == "HYPH" or g.text == "-" for g in c.children) for c in tok.children)


def _base_of(tok):
    """'the Karachi-based insurer': the name before '-based' is where a body sits, a place, whatever
    the model tagged it, never the body itself."""
    h = tok.head
    return tok.dep_ in ("npadvmod", "compound", "nmod") and h.i == tok.i + 2 and h.lower_ in ("based", "headquartered") \
        and tok.doc[tok.i + 1].text == "-"


def _by_whom(v):
    """The objects of a passive verb's 'by' phrase: 'signed by X', 'released by the army'."""
    return [p for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def _with_conjuncts(toks):
    """The tokens and the names coordinated with each ('Egypt and Qatar')."""
    return [x for t in toks for x in [t, *t.conjuncts]]


def _counted(tok):
    """'the two bodies', 'both groups', 'all three companies': a number of them, never one."""
    return any(c.dep_ == "nummod" or c.dep_ in ("det", "predet") and c.lower_ in ("both", "all") for c in tok.children)


class _Actors:
    """Per-article actor registry: canonical actors, aliases, coreference state."""

    def __init__(self, lx, registry=None, scope=None):
        self.lx = lx
        self.scope = scope         # the article's slug: the id of a body it only describes is its own
        self.by_id = {}
        self.alias = {}            # lower-cased surface -> id
        self.name_tokens = {}      # person name token -> id
        self.count = {}
        self.titles = {}           # person id -> title words written before the name ('general')
        self.outlets = set()       # news outlets named in the text ('The Tartu Ekspress newspaper')
        self.short_names = {}      # lower-cased short name in brackets -> body ('(Fepiv)', '(SRLF)')
        for a in registry or []:
            self._add(a["id"], a["label"], a.get("type", "organisation"))
            for form in a.get("aliases", []):
                self.alias[form.lower()] = a["id"]
            self.by_id[a["id"]]["affiliations"] = [dict(f) for f in a.get("affiliations", [])]
            if a.get("type") == "person":
                self._index_person(a["id"], a["label"])

    def is_outlet(self, aid):
        """A news outlet: one of the agencies and papers the lexicon knows, or one the text names."""
        return self.by_id[aid]["label"].lower() in self.lx["news_lower"] or aid in self.outlets

    def _add(self, aid, label, typ):
        if aid not in self.by_id:
            self.by_id[aid] = {"id": aid, "label": label, "type": typ, "aliases": [], "affiliations": []}
            self.alias.setdefault(label.lower(), aid)
        return aid

    def _index_person(self, pid, name):
        for part in name.split():
            article, _, rest = part.partition("-")
            if article.lower() in ARABIC_ARTICLES and rest[:1].isupper():
                part = rest       # 'Sadiq al-Kabir' is 'Kabir' on second reference
            if len(part) > 2 and part[0].isupper():
                self.name_tokens.setdefault(part.lower(), pid)

    def seen(self, aid, surface):
        a = self.by_id[aid]
        s = _norm(surface)
        if s and s != a["label"] and s not in a["aliases"]:
            a["aliases"].append(s)
        self.alias.setdefault(s.lower(), aid)

    def mention(self, aid):
        self.count[aid] = self.count.get(aid, 0) + 1

    def country(self, text):
        """The state named by a country name, capital, demonym or alias (capitalised text only:
        'polish', 'male' and 'china' in lower case are ordinary words)."""
        t = re.sub(r"^(the|The)\s+|'s$", "", _norm(text))
        t = re.sub(r"^(western|eastern|northern|southern|central|north-western|north-eastern|south-western|"
                   r"south-eastern|northwestern|northeastern|southwestern|southeastern)\s+(?=[A-Z])", "", t)
        if not t or not t[0].isupper():     # ('western Ivory Coast', tagged as one place, is Ivory Coast)
            return None
        t = t.lower()
        name = self.lx["country_of"].get(t)
        if not name:
            return None
        known = self.alias.get(name.lower())
        if known and self.by_id[known]["type"] != "state":
            known = None
        return known if known else self._add(_slug(name), name, "state")

    def intl(self, text):
        """A known international or regional organisation (UN, EU, African Union, ICJ ...)."""
        t = re.sub(r"^(the|The)\s+|'s$", "", _norm(text))
        if not t or not t[0].isupper():
            return None
        name = self.lx["org_of"].get(t.lower())
        if not name:
            return None
        known = self.alias.get(name.lower())
        aid = known if known else self._add(_slug(name), name, "organisation")
        self.by_id[aid]["intl"] = True
        return aid

    def known(self, text):
        return self.country(text) or self.intl(text)

    def outlet(self, label):
        """The news outlet of this name: an organisation of its own, registered as an outlet (not
        folded into a body whose name begins it: 'Tartu Ekspress' is no 'Tartu'; not a person,
        whatever the model tagged the name)."""
        aid = self.alias.get(label.lower())
        if aid is None or self.by_id[aid]["label"].lower() != label.lower() or self.by_id[aid]["type"] == "person":
            aid = self._add(_slug(label), label, "organisation")
            if self.by_id[aid]["type"] == "person":
                self.by_id[aid].update(type="organisation", affiliations=[])
            self.alias[label.lower()] = aid
        self.outlets.add(aid)
        return aid

    def give_short_name(self, short, aid):
        """Record that the article calls the body ``aid`` by ``short`` in brackets ('(SRLF)')."""
        self.alias.setdefault(short.lower(), aid)
        self.short_names.setdefault(short.lower(), aid)

    def body_called(self, text):
        """The body the article itself gave this short name in brackets ('Fepiv' after 'the
        Federation of ... (Fepiv)'), or None."""
        return self.short_names.get(_norm(text).lower())

    def _institution(self, words):
        """True when words only name an institution of a state ('foreign ministry', 'army')."""
        inst = self.lx["institution_words"]
        return bool(words) and all(w.lower().strip(".,") in inst for w in words)

    def org(self, text, common=False, unnamed=False):
        """Organisation named by text; sub-units and acronyms fold into known actors.
        Lower-case phrases ('defence ministry') are roles, not names, unless common.

        ``unnamed``: the text describes a body without naming it ('a rights group', 'federal
        mediators', 'the miners' union at the Kolwezi site'). Such a body gets an id of the
        article's own, so that two articles' 'rights group' never become one actor in a corpus."""
        label = _bare_label(text)
        short = None
        bracket = re.fullmatch(r"(.+?)\s*\(([A-Z][\w&.-]{1,14})\)?", label)
        if bracket and " " in bracket.group(1).strip() and not self.known(bracket.group(2)):
            # 'Sudan Revolutionary Liberation Front (SRLF)', or its entity cut before ')' (not
            # 'Abeche (Chad', a place and its state)
            label, short = bracket.group(1).strip(" ,"), bracket.group(2)
        if not label or label.lower() in self.lx["anon_always"] or not (common or re.search(r"[A-Z]", label)):
            return None
        if short:
            aid = self.org(label, common, unnamed)
            if aid and self.by_id[aid]["type"] != "person":
                self.give_short_name(short, aid)
            return aid
        if label[:1].isupper() and self._institution([label]) and label.lower() not in PARTY_NAMES:
            return None       # ('Army spokesman X', 'Commission spokesman Y': one institution word names no
            #                   body of its own, every state has one; 'Labour' names a party)
        c = self.known(label)
        if c:
            return c
        if " " not in label and label.lower() in self.lx["descriptor_of"]:
            return None       # ('Association chairman X', 'Federation spokesman Y': the word for a kind of
            #                   body, capitalised before a title, names none; the body named before it is meant)
        for phrase, country in self.lx["title_countries"].items():
            if phrase in label:
                return self.country(country)
        low = label.lower()
        if low in self.alias:
            return self.alias[low]
        words = label.split()
        if len(words) > 1 and self._institution(words[1:]):
            # 'Thai army', 'Indian Foreign Ministry', 'UN mission' fold into the state or body;
            # 'Belgian Transport Workers Union' or 'Pakistani Taliban' are actors of their own
            first = self.known(words[0]) or self.alias.get(words[0].lower())
            if first:
                return first
        for form, aid in list(self.alias.items()):
            a = self.by_id[aid]
            if a["type"] == "person":
                continue
            if low.startswith(form + " ") and (
                    self._institution(low[len(form) + 1:].split())
                    or (a["type"] != "state" and not a.get("intl"))):
                self.alias[low] = aid
                return aid
            if _acronym_of(label, a["label"]) or _acronym_of(a["label"], label):
                self.alias[low] = aid
                return aid
        short = self.short_name(label) if len(words) == 1 else self.tail_name(label)
        if short:
            self.alias[low] = short     # 'Sahelink' after 'Sahelink Communications Ltd.'
            return short
        typ = "armed-group" if self.armed(label) else "organisation"
        aid = f"{_slug(label)}-{self.scope}" if unnamed and self.scope else _slug(label)
        return self._add(aid, label, typ)

    def armed(self, text):
        low = text.lower()
        return any(re.search(r"(?<![\w-])" + re.escape(k) + r"(?![\w-])", low) for k in self.lx["armed_lower"])

    def person(self, name):
        name = re.sub(r"'s$|\u2019s$", "", _norm(name)).strip(" ,.\"'")
        low = name.lower()
        if low in self.alias and self.by_id[self.alias[low]]["type"] == "person":
            return self.alias[low]
        parts = _name_parts(name)
        for part in name.split():
            pid = self.name_tokens.get(part.lower())
            if pid and self.by_id[pid]["type"] == "person":
                known = _name_parts(self.by_id[pid]["label"])
                if len(parts) > 1 and len(known) > 1 and not (parts <= known or known <= parts):
                    continue            # 'Moninder Singh' is not 'Hardeep Singh Nijjar'
                self.alias.setdefault(low, pid)
                return pid
        pid = self._add(_slug(name), name, "person")
        self._index_person(pid, name)
        return pid

    def short_name(self, text):
        """'Halden' after 'Halden Energy', 'Cortex' after 'Cortex Labs', 'Nile Star' after 'Nile Star
        River Transport Company': a company's name without its company words (or without the words
        before a legal ending) names that company (when it names exactly one)."""
        low = re.sub(r"'s$|\u2019s$", "", _norm(text)).strip().lower()
        words = self.lx["company_name_words"]
        found = self._one_organisation_beginning(low, lambda rest: all(w in words for w in rest) or (
            len(rest) <= 3 and rest[-1].strip(".") in words and rest[-1].strip(".") in COMPANY_ENDINGS))
        if found is None and " " not in low and low not in GENERIC_NAME_WORDS and low not in self.name_tokens \
                and low not in self.lx["descriptor_of"] and not self._institution([low]):
            # 'Cerrado' after 'Cerrado Linhas Aéreas', 'Turon' after "Turon Temir Yo'l": the first word of
            # one body's name of two to four words, alone, is that body (not 'National' or 'United', nor
            # a person's name the model tagged a body: 'Clinton' is not the Clinton Foundation)
            found = self._one_organisation_beginning(low, lambda rest: 1 <= len(rest) <= 3)
        return found

    def tail_name(self, text):
        """'Serra Dourada' after 'Açúcar Serra Dourada', 'Santander' after 'Banco Santander': the last
        words of one organisation's name, after one or two generic words, name that organisation
        (two words or more, none of them a company word)."""
        low = _norm(text).lower()
        words = low.split()
        if len(words) < 2 or any(w in self.lx["company_name_words"] for w in words):
            return None
        found = {aid for aid, a in self.by_id.items() if a["type"] == "organisation"
                 and a["label"].lower().endswith(" " + low) and 1 <= len(a["label"].split()) - len(words) <= 2}
        return found.pop() if len(found) == 1 else None

    def by_first_word(self, word):
        """'Hanbit' in 'Hanbit chief executive Choi Min-ho', after 'Hanbit Petroservices': the first
        word of one organisation's name, used as a title's qualifier, names that organisation."""
        return self._one_organisation_beginning(word.lower(), lambda rest: True)

    def _one_organisation_beginning(self, low, rest_ok):
        """The one organisation whose name begins with the words ``low`` and goes on with words
        ``rest_ok`` accepts; None when there is none or more than one."""
        found = {aid for aid, a in self.by_id.items() if a["type"] == "organisation" and low
                 and a["label"].lower().startswith(low + " ") and rest_ok(a["label"].lower()[len(low) + 1:].split())}
        return found.pop() if len(found) == 1 else None

    def affiliate(self, pid, aid, role):
        if aid and aid != pid and self.by_id[pid]["type"] == "person" and self.by_id[aid]["type"] != "person":
            affs = self.by_id[pid]["affiliations"]
            if not any(f["actor"] == aid for f in affs):
                affs.append({"actor": aid, "role": role or "member"})

    def acts_for(self, aid):
        """The organisation or state a person speaks for (else the actor itself)."""
        if aid is None:
            return None
        a = self.by_id[aid]
        if a["type"] == "person" and a["affiliations"]:
            return a["affiliations"][0]["actor"]
        return aid


def _name_parts(name):
    """The capitalised words of a person's name, lower-cased ('Romeo Brawner Jr' -> romeo, brawner)."""
    return {p.lower() for p in name.split() if len(p) > 2 and p[0].isupper()}


def _bare_label(text):
    """An actor's label from the words naming it: no article before it, no possessive after it."""
    return re.sub(r"^(the|The|an?|An?)\s+|'s$|\u2019s$", "", _norm(text)).strip(" ,.\"'")


def _folded(text):
    """Lower case without accents, so a keyword finds its word in any Latin script ('Unión' is 'union')."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _junta_described(tok):
    """'the coup leaders', 'the putschists', 'the coup plotters': words for a junta."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (lemma in ("putschist", "putschists") or lemma in ("leader", "plotter", "maker") and any(
        c.dep_ in ("compound", "amod") and c.lower_ == "coup" for c in tok.children))


def _initials(name):
    """The capitals that open a name's words ('Unión Hortícola del Sur' -> 'UHS')."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _acronym_of(short, long):
    """True for 'IAM' vs 'International Association of Machinists ...'."""
    if not (short.isupper() and 2 < len(short) <= 6 and " " not in short):
        return False
    initials = _initials(long)
    return len(initials) >= len(short) and initials.startswith(short)    # ("NRC": the National Renewal Congress)


class Sources:
    def __init__(self, lx, registry, scope=None):
        self.lx = lx
        self.actors = _Actors(lx, registry, scope)
        self.sents = []            # (sent span, start, end)
        self.raw = []              # raw statements before group expansion
        self.med_mentions = []     # mediation mentions
        self.negated_mediators = set()
        self.person_subjects = []  # (global order, person id)
        self.person_mentions = []  # (global order, person id) of every person named, subject or not
        self.mentions = []         # (global order, actor id) of every named entity that is an actor
        self.thing_speakers = []   # (global order, actor id) of non-person speakers/subjects
        self.institution_owners = []  # (global order, institution word, actor id): "Niger's junta"
        self.ministry_portfolios = []  # (global order, portfolio word, state): "Zambia's Health Ministry"
        self._country_word_list = None  # (sentence number, country) of capitalised country words, once read
        self.ent_at = {}           # (doc id, token i) -> entity span
        self.discovering = False   # True while :meth:`discover` registers the article's actors
        self.sent_no = {}          # (doc id, sentence start) -> sentence number

    # ------------------------------------------------ token helpers
    def ent(self, tok):
        return self.ent_at.get((id(tok.doc), tok.i))

    def order(self, tok):
        """Position of tok in the article, comparable across paragraphs."""
        return self.sent_no.get((id(tok.doc), tok.sent.start), self.cur), tok.i

    def np_span(self, tok, name=False):
        """Surface tokens of the noun phrase headed by tok (no relative clauses or conjuncts).
        With name, no apposition either: the name of 'Ana Ruiz, Peru's prime minister' is 'Ana Ruiz'."""
        drop = {"relcl", "acl", "conj", "cc", "advcl", "punct"} | ({"appos"} if name else set())
        idx = [tok.i]
        # (an apposition the parser hung on a subject from beyond its verb, 'X's military said it
        # had ..., a claim Y did not confirm', belongs to the clause, not to the subject)
        # (nor does a phrase of a gerund, 'accused by rights groups of using live ammunition': the
        # verb's complement hung on its agent)
        stack = [c for c in tok.children if c.dep_ not in drop
                 and not (c.dep_ == "appos" and tok.i < tok.head.i < c.i and tok.dep_ in SUBJ_DEPS)
                 and not (c.dep_ == "prep" and tok.i < c.i and any(
                     g.dep_ == "pcomp" or g.dep_ == "pobj" and g.tag_ == "VBG" for g in c.children))]
        while stack:
            c = stack.pop()
            idx.append(c.i)
            stack.extend(g for g in c.children if not _hung_cue(g))   # (not a cue hung on an apposition)
        lo, hi = min(idx), max(idx)
        doc = tok.doc
        while lo < tok.i and (doc[lo].is_punct or doc[lo].ent_type_ in ("DATE", "TIME")):
            lo += 1             # ('On Friday Stoltenberg', 'In 2021 Sudan' parsed as one phrase)
        while hi > lo and doc[hi].is_punct and not (doc[hi].text == ")" and any(t.text == "(" for t in doc[lo:hi])):
            hi -= 1           # (but 'the National Renewal Congress (NRC)' keeps its bracket)
        if doc[hi].text != ")" and hi + 1 < len(doc) and doc[hi + 1].text == ")" and any(t.text == "(" for t in doc[lo:hi]):
            hi += 1
        return doc[lo:hi + 1]

    # ------------------------------------------------ pass 1: actors
    def discover(self):
        """Register named actors, person affiliations and mention counts."""
        self.discovering = True
        ents_of = {}                 # Span.ents rescans the whole Doc: group doc.ents once
        for sent, _, _ in self.sents:
            if id(sent.doc) not in ents_of:
                ents_of[id(sent.doc)] = {}
                for ent in sent.doc.ents:
                    ents_of[id(sent.doc)].setdefault(ent.sent.start, []).append(ent)
                    for t in ent:
                        self.ent_at[(id(sent.doc), t.i)] = ent
        for n, (sent, _, _) in enumerate(self.sents):
            self.cur = n
            self.sent_no[(id(sent.doc), sent.start)] = n
            for tok in sent:
                self._bracketed_short_name(tok)     # (before the names: '(Fepiv)' may be tagged a person)
            for ent in ents_of[id(sent.doc)].get(sent.start, []):
                if _a_place_tagged_as_a_body(ent):
                    continue
                aid = self._entity_actor(ent)
                if aid:
                    self.actors.mention(aid)
                    self.mentions.append(((n, ent.root.i), aid))
                    if self.actors.by_id[aid]["type"] == "person" and ent.root.dep_ in SUBJ_DEPS \
                            and ent.root.head.dep_ in ("ROOT", "conj"):
                        # a main clause's subject, not one inside reported content: 'he' after
                        # 'X said Y had ...' is X
                        bisect.insort(self.person_subjects, ((n, ent.root.i), aid))
                    if self.actors.by_id[aid]["type"] == "person":
                        self.person_mentions.append(((n, ent.root.i), aid))
            for tok in sent:
                self._named_person_subject(n, tok)
                company = self._untagged_company(tok)
                if company:
                    self.actors.mention(company)
                    self.mentions.append(((n, tok.i), company))
                if tok.ent_type_ == "" and (tok.pos_ in ("PROPN", "ADJ") or tok.is_upper and len(tok) > 2) \
                        and self.actors.known(tok.text):       # (acronyms are often tagged NOUN: 'ECOWAS')
                    self.actors.mention(self.actors.known(tok.text))
                if tok.lower_ in self.lx["state_institutions"]:
                    owner = next((self.actors.known(c.text) for c in tok.children
                                  if c.dep_ in ("poss", "compound", "amod") and self.actors.known(c.text)), None)
                    if owner:
                        self.institution_owners.append(((n, tok.i), tok.lower_, owner))
                        self.ministry_portfolios.extend(
                            ((n, tok.i), c.lower_, owner) for c in tok.children if tok.lower_ == "ministry"
                            and c.dep_ in ("compound", "amod") and c.lower_ in self.lx["portfolio_words"])
        self.discovering = False

    def _bracketed_short_name(self, tok):
        """A short name in brackets after a body's name: 'the Federation of Indigenous Peoples of
        the Iriri Valley (Fepiv)', which the model tags as two names joined by 'of the', is one
        body under its whole name, and 'Fepiv coordinator X', 'Fepiv said' are that federation's;
        an acronym names the run of names its letters spell ('the Commission for Conciliation,
        Mediation and Arbitration (CCMA)', cut at the comma)."""
        doc = tok.doc
        if tok.pos_ != "PROPN" or tok.i < 2 or tok.i + 1 >= len(doc) or doc[tok.i - 1].text != "(" \
                or doc[tok.i + 1].text != ")" or self.actors.known(tok.text):
            return
        chain, joined, j = [], True, tok.i - 2      # (names before the bracket, nearest first)
        while j >= tok.sent.start:
            e = self.ent(doc[j])
            if e is None or e.label_ not in ("ORG", "FAC", "LOC") or e.end != j + 1:
                break
            chain.append((e, joined))
            j = e.start - 1
            while j >= tok.sent.start and doc[j].lower_ == "the":
                j -= 1
            if j < tok.sent.start or doc[j].lower_ not in ("of", "for", "and", ","):
                break
            joined = joined and doc[j].text != ","
            j -= 1
        if not chain and tok.text.isupper() and self.ent(tok) is None:
            self._untagged_name_spelled(tok)
            return
        if not chain or self.ent(tok) is not None and self.ent(tok).start < tok.i:
            return
        # (any other short name: the names joined by 'of', 'for' or 'and')
        spelled = [e for e, _ in chain if tok.text.isupper() and _initials(doc[e.start:tok.i - 1].text) == tok.text]
        first = spelled[0] if spelled else [e for e, ok in chain if ok][-1]
        parts = [e for e, _ in chain if e.start >= first.start]
        whole = doc[first.start:tok.i - 1]
        aid = self.actors.org(whole.text if len(parts) > 1 else first.text)   # (one body: its whole name)
        if aid and self.actors.by_id[aid]["type"] != "person":
            for e in parts:
                self.actors.alias.setdefault(_bare_label(e.text).lower(), aid)
            self.actors.give_short_name(tok.text, aid)

    def _untagged_name_spelled(self, tok):
        """'The Unión Hortícola del Sur (UHS)', no entity tagged: capitalised words before a bracketed
        acronym that spells their initials are a body's name, and the acronym its short name."""
        doc, j = tok.doc, tok.i - 2
        while j >= tok.sent.start and (doc[j].is_title and doc[j].pos_ in ("PROPN", "NOUN", "ADJ")
                                        or doc[j].lower_ in NAME_JOINERS):
            j -= 1
        words = [t for t in doc[j + 1:tok.i - 1]]
        while words and words[0].lower_ in NAME_JOINERS:
            words = words[1:]
        name = " ".join(t.text for t in words)
        if len(_initials(name)) >= 2 and _initials(name) == tok.text and not self.actors.known(tok.text):
            aid = self.actors.org(name)
            if aid and self.actors.by_id[aid]["type"] != "person":
                self.actors.give_short_name(tok.text, aid)
                self.actors.mention(aid)
                self.mentions.append(((self.cur, words[-1].i), aid))

    def _untagged_company(self, tok):
        """'Canadian gold producer Brandmoor Gold', untagged: capitalised proper nouns ending in a
        company's word ('Gold', 'Air', 'Holdings') name a company."""
        if tok.ent_type_ or tok.pos_ != "PROPN" or tok.lower_ not in self.lx["company_name_words"] \
                or not (tok.is_title or tok.is_upper and tok.lower_.strip(".") in COMPANY_ENDINGS) or tok.dep_ == "compound":
            return None       # ('Nordlys Fisk ASA': a legal form in capitals ends the name too)
        first = tok.i
        while first > tok.sent.start and tok.doc[first - 1].dep_ == "compound" and tok.doc[first - 1].pos_ == "PROPN" \
                and tok.doc[first - 1].is_title and not tok.doc[first - 1].ent_type_:
            first -= 1          # (the name's own words, not 'gold producer' before it)
        if first == tok.i or any(self.actors.known(t.text) for t in tok.doc[first:tok.i]):
            return None
        return self.actors.org(tok.doc[first:tok.i + 1].text)

    def _a_people(self, tok):
        """A word the model tags as a people or faith (NORP) somewhere in the article, and that is
        no state's name or demonym: 'Tamil' in 'a Tamil activist', even where that one
        mention was tagged as an organisation."""
        e = self.ent(tok)
        for text in (tok.text, e.text if e is not None else ""):
            if self.actors.by_id.get(self.actors.known(text) or "", {}).get("type") == "state":
                return False   # ('South Korean': a demonym of two words, 'Korean' alone is none)
        if getattr(self, "_peoples", None) is None:
            self._peoples = {e.text.lower() for e in self.ent_at.values() if e.label_ == "NORP"}
        return tok.ent_type_ == "NORP" or tok.lower_ in self._peoples or tok.lower_ + "s" in self._peoples   # ('Sikhs')

    def _named_person_subject(self, n, tok):
        """'Toor, 45, was shot outside his home ...' with the surname not tagged as a person (or tagged as a
        place): a main clause's proper-noun subject that is a word of a person's name met earlier
        is that person, and the one a later 'he' or 'him' most likely stands for."""
        if tok.pos_ != "PROPN":
            return
        e = self.ent(tok)
        if e is not None and e.label_ == "PERSON":
            return            # registered with its entity
        pid = self.actors.name_tokens.get(tok.lower_)
        if pid is None or self.actors.by_id[pid]["type"] != "person" or self.actors.known(tok.text) not in (None, pid):
            return
        if tok.dep_ in SUBJ_DEPS and tok.head.dep_ in ("ROOT", "conj"):
            bisect.insort(self.person_subjects, ((n, tok.i), pid))
        self.person_mentions.append(((n, tok.i), pid))

    def _entity_actor(self, ent):
        lab, text = ent.label_, ent.text
        if lab == "PERSON":
            found = self.actors.known(text) or self.actors.body_called(text)
            if found:
                return found
            if self.actors.armed(text) or self._named_company(ent):
                return self.actors.org(text)
            short = self.actors.short_name(text) if len(ent) == 1 else None
            if short:
                return short      # 'Sahelink' tagged a person after 'Sahelink Communications Ltd.'
            pid = self.actors.person(self.person_name(ent))
            self._affiliate_person(pid, ent.root)
            return pid
        if lab in ("GPE", "NORP", "LOC", "FAC"):
            c = self.actors.known(text) or (self.actors.body_called(text) if lab != "NORP" else None)
            if c and lab == "GPE":
                c = self._named_body(ent.root, ent) or c
            if c:
                self.actors.seen(c, text)
                return c
            if lab != "FAC" and self.actors.armed(text):
                return self.actors.org(text)
            return None
        if lab == "ORG":
            if self._portfolio(ent) or _base_of(ent.root):
                return None
            if ent.root.pos_ == "PROPN" and not self.actors.known(text) and self._named_with_a_role(ent):
                pid = self.actors.person(self.person_name(ent))
                self._affiliate_person(pid, ent.root)
                return pid
            if text.lower().split()[-1] in self.actors.name_tokens:
                return self.actors.person(text)
            aid = self.actors.org(text)
            if aid:
                self.actors.seen(aid, text)
            return aid
        return None

    def _named_with_a_role(self, ent):
        """'Abdel-Fatau Musah, the bloc's commissioner', 'government spokeswoman Yolande Makolo',
        'its chief executive, Louis Marchand' tagged as an organisation: a name beside a role only a
        person holds is a person's (not a name made of institution words: 'the Interior Ministry')."""
        roles, root = self.lx["person_roles"], ent.root
        if any((c.dep_ == "appos" or c.dep_ == "compound" and c.i < ent.start) and c.pos_ == "NOUN"
               and c.lemma_.lower() in roles for c in root.children):
            return True
        return root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lemma_.lower() in roles \
            and len(ent) > 1 and not any(t.lower_ in self.lx["institution_words"] for t in ent)

    def _named_company(self, ent):
        """'the French firm Hexanet', 'Hexanet, a cloud provider', 'the carmaker Tesla' tagged as
        a person: a name set beside a company noun is the company's."""
        company = self.lx["descriptors"]["company"]
        root = ent.root
        if len(ent) > 1 and ent[-1].lower_ in self.lx["company_name_words"]:
            return True
        if ent.start > 0 and ent.doc[ent.start - 1].text in COMPANY_PREFIXES or ent[0].text in COMPANY_PREFIXES:
            return True       # 'PT Tomori Bumi Nickel': a legal form before the name
        if root.dep_ == "appos" and root.head.lemma_.lower() in company and root.head.i < ent.start:
            return True
        before = ent.doc[ent.start - 1] if ent.start > ent.sent.start else None
        if before is not None and before.pos_ == "NOUN" and before.is_lower \
                and before.lemma_.lower() in company and before.lemma_.lower() not in PERSON_LIKE_COMPANY_NOUNS:
            return True       # 'sugar and ethanol producer Açúcar Serra Dourada', the noun hung elsewhere
        return any((c.dep_ == "appos" or c.dep_ == "compound" and c.i < root.i) and c.lemma_.lower() in company
                   and c.pos_ == "NOUN" for c in root.children)

    def person_name(self, ent):
        """A PERSON entity's name with the given names the model left out of it ('Moninder' of
        'Moninder Singh'): capitalised proper nouns right before it that modify it and are
        neither titles nor known actors."""
        doc, start = ent.doc, ent.start
        inst = self.lx["institution_words"]
        first = ent.start
        while first < ent.end - 1 and (doc[first].lower_.rstrip(".") in self.lx["person_titles"]
                                       or doc[first].lower_ in self.lx["roles"]):
            first += 1             # 'Spokeswoman Ana Ruiz' tagged as one PERSON: the title is no name
        first += self._office_country(ent)
        if first > ent.start:
            return doc[first:ent.end].text
        while start > ent.sent.start:
            t = doc[start - 1]
            if not (t.pos_ == "PROPN" and t.is_title and t.dep_ == "compound" and ent.start <= t.head.i < ent.end
                    and t.ent_type_ == "" and t.lower_ not in inst and t.lemma_.lower() not in self.lx["roles"]
                    and t.lower_.rstrip(".") not in self.lx["person_titles"]
                    and not self.actors.known(t.text)):
                break
            start -= 1
        return doc[start:ent.end].text if start < ent.start else ent.text

    def _office_country(self, ent):
        """'Prime Minister of Chile Ana Ruiz' tagged as one PERSON 'Chile Ana Ruiz': after 'of' and a
        title, the country words that open the entity name the office's state, not the person
        (a name merely starting like a country, 'Jordan Hale', is left whole). Their number."""
        doc = ent.doc
        of = doc[ent.start - 1] if ent.start > ent.sent.start else None
        if of is None or of.lower_ != "of" or not (of.head.lower_ in self.lx["person_titles"]
                                                   or of.head.lemma_.lower() in self.lx["roles"]):
            return 0
        n = 0
        while ent.start + n < ent.end - 1 and self.actors.country(doc[ent.start + n].text):
            n += 1
        return n

    def _portfolio(self, ent):
        """'Defense' of 'Defense Secretary X', 'State' of 'Secretary of State': an ORG entity made
        only of portfolio words that qualifies a title names an office, not a body (so does a
        portfolio's ministry: 'Foreign Ministry spokesman X' speaks for a state the text does not
        name, not for a body called 'Foreign Ministry')."""
        words = [w for w in ent if w.dep_ not in ("det", "cc", "punct") and w.lower_ not in ("and", "of")]
        if len(words) > 1 and words[-1].lower_ in ("ministry", "department"):
            words = words[:-1]
        if not all(w.lower_ in self.lx["portfolio_words"] for w in words):     # ('Information and Communications Technology')
            return False
        head = ent.root.head.head if ent.root.dep_ == "pobj" else ent.root.head
        if head.lemma_.lower() in ("leader", "leaders"):
            return False      # ('Labour leader Keir Starmer': a party's leader, not a portfolio)
        return head.lower_ in self.lx["person_titles"] or head.lemma_.lower() in self.lx["roles"]

    def _named_body(self, tok, e):
        """'Health New Zealand', 'Radio Free Asia': capitalised words before a country name make a
        body of its own, not the state."""
        named = [c for c in tok.children if c.dep_ == "compound" and c.i < e.start and c.pos_ == "PROPN"
                 and not self.actors.known(c.text) and c.lower_ not in self.lx["roles"]]
        if not named or tok.dep_ == "compound":
            return None
        return self.actors.org(" ".join(t.text for t in self.np_span(tok) if t.i <= tok.i and t.dep_ != "det"))

    def _affiliate_person(self, pid, head):
        """Titles with demonyms, appositions and possessive roles tell whom a person acts for."""
        doc = head.doc
        np = self.np_span(head)
        text = np.text
        if any(t.lower_ in self.lx["former_marks"] for t in doc[np.start:head.i]):
            return            # ("Kenya's former foreign minister": no longer speaks for Kenya)
        e = self.ent(head)
        if e is not None and e.label_ == "PERSON" and self._office_country(e):
            self.actors.affiliate(pid, self.actors.country(doc[e.start].text), doc[e.start - 1].head.lemma_.lower())
        for t in doc[np.start:head.i]:
            if t.lower_.rstrip(".") in self.lx["person_titles"] or t.lemma_.lower() in self.lx["roles"]:
                self.actors.titles.setdefault(pid, set()).add(t.lemma_.lower())
            if t.lower_ == "prime" and t.i + 1 < head.i and doc[t.i + 1].lower_ == "minister":
                self.actors.titles.setdefault(pid, set()).add("prime minister")    # (a head of government)
        for phrase, country in self.lx["title_countries"].items():
            if phrase in text:
                self.actors.affiliate(pid, self.actors.country(country), phrase)
        for t in doc[np.start:head.i]:
            if t.ent_type_ == "PERSON":
                continue
            e = self.ent(t)
            if e is not None and e.label_ == "ORG" and not self.actors.known(e.text):
                # a named body ('Royal Canadian Mounted Police commissioner'), not the state named
                # inside it; a portfolio ('Defense Secretary', 'Secretary of State') is no body
                if t.i == max(e.start, np.start) and not self._portfolio(e):
                    aid = self.actors.org(e.text)
                    if aid is None and len(e) == 1 and t.lower_ in self.lx["descriptor_of"] and t.lower_ != "group":
                        aid = self._descriptor(t)     # 'Association chairman X': the association named before
                    self.actors.affiliate(pid, aid, _role_words(np, head))
                continue
            c = self.actors.known(t.text) or (self.actors.known(e.text) if e is not None else None) \
                or self.actors.body_called(t.text)
            if c and self.actors.by_id[c]["type"] == "state" and any(
                    w.lower_ in self.lx["non_state_qualifiers"] for w in doc[np.start:head.i]):
                continue      # ('Haitian gang leader Jimmy Cherizier' does not speak for Haiti)
            if c is None and t.is_title and e is None and len(t) > 2 and t.lower_ not in self.lx["descriptor_of"] \
                    and t.lower_.rstrip(".") not in self.lx["person_titles"] and t.lemma_.lower() not in self.lx["roles"] \
                    and t.lower_ not in self.lx["portfolio_words"] and t.lower_ not in self.lx["institution_words"]:
                c = self.actors.by_first_word(t.text)     # 'Hanbit chief executive Choi Min-ho'
            if c:
                self.actors.affiliate(pid, c, _role_words(np, head))
            elif t.lower_ in self.lx["descriptor_of"] and t.lower_ != "group":      # 'Union spokesman Tom Wouters'
                self.actors.affiliate(pid, self._descriptor(t), _role_words(np, head))
        for c in head.children:
            if c.dep_ == "appos":
                aid = self.resolve_role(c)
                if aid:
                    self.actors.affiliate(pid, aid, c.lemma_)
            elif c.dep_ == "prep" and c.lower_ in ("of", "from", "at"):      # 'Anne Roy of the RCMP'
                for p in c.children:
                    e = self.ent(p)
                    if p.dep_ == "pobj" and e is not None and e.label_ == "ORG" and e.root == p:
                        self.actors.affiliate(pid, self._entity_actor(e), _role_words(np, head))
            elif c.dep_ == "relcl" and c.lemma_.lower() in self.lx["leading_verbs"] and any(
                    w.dep_ == "nsubj" and w.lower_ == "who" for w in c.children):
                # 'X, who chairs the BMA's council': X acts for the body he leads (or its owner)
                for o in (w for w in c.children if w.dep_ == "dobj"):
                    aid = self.resolve_role(o) if o.lemma_.lower() in self.lx["roles"] else None
                    if aid is None:
                        kind, aid = self.resolve(o)
                        aid = aid if kind == "actor" and not self._other_kind(o, aid) else None
                    if aid:
                        self.actors.affiliate(pid, self.actors.acts_for(aid), c.lemma_.lower())
        if head.dep_ == "appos" and head.head.lemma_ in self.lx["roles"]:
            aid = self.resolve_role(head.head)
            if aid:
                self.actors.affiliate(pid, aid, head.head.lemma_)
        if not self.actors.by_id[pid]["affiliations"]:
            state = self._state_of_the_clause_joined(doc[np.start:head.i], head) \
                or self._state_of_the_capital_spoken_in(pid, doc[np.start:head.i], head) \
                or self._state_of_the_ministry_named(doc[np.start:head.i], head) \
                or self._body_of_the_clause_reported(doc[np.start:head.i], head)
            if state:
                self.actors.affiliate(pid, state, _role_words(np, head))
        if not self.discovering:
            self._company_of_title(pid, head)

    def _company_of_title(self, pid, head):
        """'chief executive Sarah Lind', no firm named beside her: the company the article is about,
        one that has spoken before her first (guessed when she speaks, not while the article's
        actors are being registered, so that the companies that spoke before her are known)."""
        np = self.np_span(head)
        title = next((t for t in head.doc[np.start:head.i] if t.lower_ in self.lx["corporate_titles"]
                      or t.lower_ == "director" and t.i > 0 and t.doc[t.i - 1].lower_ == "managing"), None)
        if title is not None and not self.actors.by_id[pid]["affiliations"]:
            self.actors.affiliate(pid, self._descriptor(title, cls="company", spoken_first=True), _role_words(np, head))

    def _state_of_the_clause_joined(self, words, head):
        """'The Dutch government summoned the ambassador, and Foreign Minister Hendrik Vos called
        ...', 'Angola offered to host talks, with Foreign Minister Manuel Kiala saying ...': an
        office holder with no state named, speaking in a clause joined to one whose subject is a
        state, holds that state's office."""
        if not any(t.lower_ in STATE_TITLES for t in words) or head.dep_ != "nsubj":
            return None
        v = head.head
        if v.dep_ == "conj":
            main = v.head
        elif v.dep_ in ("pcomp", "advcl") and v.head.lower_ == "with" or v.dep_ == "pobj" and v.head.lower_ == "with":
            main = v.head.head
        else:
            return None
        subj = next((c for c in main.children if c.dep_ == "nsubj"), None)
        for _ in range(2):        # ('Angola offered to host talks ..., with ...': the clause of 'host' is Angola's)
            if subj is not None or main.dep_ not in ("xcomp", "advcl") or main.head.i == main.i:
                break
            main = main.head
            subj = next((c for c in main.children if c.dep_ == "nsubj"), None)
        aid = self.actor_of(subj) if subj is not None else None
        return aid if aid and self.actors.by_id[aid]["type"] == "state" else None

    def _state_of_the_capital_spoken_in(self, pid, words, head):
        """'Foreign Minister Alonso Ferreyros told reporters in Lima': an office holder with no
        state named, speaking in a state's capital, holds that state's office."""
        titled = any(t.lower_ in STATE_TITLES for t in words) or STATE_TITLES & self.actors.titles.get(pid, set())
        if not titled or head.dep_ != "nsubj":
            return None
        v = head.head
        for c in list(v.children) + [p for o in v.children if o.dep_ == "dobj" for p in o.children]:
            if c.dep_ == "prep" and c.lower_ == "in":       # ('told a news conference in La Paz')
                for p in c.children:
                    e = self.ent(p)
                    name = self.lx["capital_of"].get((e.text if e is not None else p.text).lower()) \
                        if p.dep_ == "pobj" and p.pos_ == "PROPN" else None
                    if name:
                        return self.actors.country(name)
        return None

    def _place_by_capital(self, pid, tok):
        """A person of no known side, met again speaking in a state's capital ('Foreign Minister X
        said ...', later 'X told reporters in La Paz'), holds that state's office from the start."""
        if not self.actors.by_id[pid]["affiliations"]:
            self.actors.affiliate(pid, self._state_of_the_capital_spoken_in(pid, [], tok),
                                  min(self.actors.titles.get(pid, set()) & STATE_TITLES, default="office"))

    def _state_of_the_ministry_named(self, words, head):
        """'Zambia's Health Ministry rejected that explanation. Health Minister X said ...': a minister
        with no state named, whose portfolio is that of a ministry the article gave a state in this
        sentence or the one before, holds that state's office (every state has a foreign ministry:
        one named further back says nothing of a minister met later)."""
        if not any(t.lower_ == "minister" for t in words):
            return None
        portfolio = {t.lower_ for t in words if t.lower_ in self.lx["portfolio_words"]}
        order = self.order(head)
        return next((aid for o, word, aid in reversed(self.ministry_portfolios)
                     if o < order and o[0] >= order[0] - 1 and word in portfolio), None)

    def _body_of_the_clause_reported(self, words, head):
        """'The ITU has received complaints from both companies, spokeswoman Ines Carvalho said', 'The
        regulator has opened an inquiry ..., Chairman X said': a spokesperson or an officer with no
        owner named, speaking after a clause whose subject is an organisation, speaks for it. (Not
        after a negated clause, nor a state's: 'Canada has not shared any evidence, spokesman X
        said' is how the other side answers.)"""
        titles = self.lx["spokes_nouns"] | self.lx["corporate_titles"]
        if not any(t.lemma_.lower() in titles for t in words) or head.head.i < head.i:
            return None
        clause, subj = _report_before(head, ("ccomp",))
        if subj is None or subj.pos_ not in ("PROPN", "NOUN") or any(c.dep_ == "neg" for c in clause.children):
            return None
        aid = self.actor_of(subj)
        return aid if aid and self.actors.by_id[aid]["type"] == "organisation" else None

    def _plural_named(self, tok):
        """The group a singular modifier names: 'Houthi' in 'Houthi officials' is the article's
        'Houthis' (a movement named in the plural, whose singular is no alias of its own)."""
        aid = self.actors.alias.get(tok.lower_ + "s")
        if aid is not None and self.actors.by_id[aid]["type"] not in ("person", "state"):
            return aid
        return None

    def resolve_role(self, tok):
        """Actor behind a role noun: 'Pakistan's foreign minister', 'a spokesman for the Taliban'."""
        found_org, found_state = None, None
        for c in tok.children:
            aid = None
            if c.dep_ == "poss" and c.lower_ in ("his", "her") and (
                    tok.lemma_.lower() in self.lx["spokes_nouns"] or tok.lemma_.lower() == "office"):
                aid = self._person_before(self.order(c))   # 'according to his office', 'her spokesman said'
            elif c.dep_ == "poss" and c.lower_ == "its" and (tok.lemma_.lower() in self.lx["person_roles"]
                                                             or tok.lemma_.lower() in ("office", "secretariat")):
                # 'Its chief executive, Louis Marchand, urged ...': the body last named speaks through him
                # (or the last speaker: 'its' is never a person, so one taken for a person is a body)
                kind, aid = self._last_thing(self.order(c))
                trailing = tok.dep_ == "nsubj" and tok.head.i > tok.i and c.i > c.sent.start \
                    and tok.doc[c.i - 1].text == "," and tok.head.i >= tok.sent.end - 4
                before = self._thing_that_spoke_before(c) if c.i == c.sent.start or trailing else None
                if before is not None:
                    # ("The Instituto ..., a think tank, said ... Its director, Lucía Berreta, urged":
                    # opening a sentence, 'its' is the body that spoke in the sentence before; so
                    # too in a report's trailing source: '"...", its foreign ministry said.')
                    kind, aid = "actor", before
                aid = aid if kind == "actor" else next(
                    (r["aid"] for r in reversed(self.raw) if r["kind"] == "actor" and 0 <= self.order(c)[0] - r["n"] <= 2),
                    None)
            elif c.dep_ == "poss":
                aid = self.resolve(c)[1] if c.lower_ not in ("its", "his", "her", "their") else None
            elif c.dep_ in ("compound", "amod", "nmod", "npadvmod"):
                e = self.ent(c)
                if e is not None and e.start <= tok.i < e.end:
                    e = None
                # (the whole entity first: 'South Sudanese' is not 'Sudanese')
                aid = (self.actors.known(e.text) if e is not None else None) or self.actors.known(c.text) \
                    or (self._entity_actor(e) if e is not None else None)
                plural = None
                if aid is None and c.pos_ in ("PROPN", "ADJ") and c.is_title:
                    # 'Houthi officials' when the article names 'the Houthis' (a body, though the
                    # model may tag the word as a people)
                    aid = plural = self._plural_named(c)
                if aid is None and c.pos_ == "PROPN" and c.is_title and c.lower_ in self.actors.alias \
                        and self.actors.by_id[self.actors.alias[c.lower_]]["type"] == "organisation":
                    aid = self.actors.alias[c.lower_]      # 'a Heliovax spokesperson' (tagged a product)
                if aid is None and c.pos_ == "PROPN" and c.is_title and " " not in c.text \
                        and tok.lemma_.lower() in self.lx["person_roles"] \
                        and (e is None or e.label_ in ("ORG", "NORP")) \
                        and not any(g.dep_ == "compound" for g in c.children):    # (not 'a West Virginia official')
                    # 'A Meridian spokesman' after 'Meridian Railways' (though the model tags it a people;
                    # not 'Revolutionary Guards', a name whose last word is the role's)
                    aid = plural = self.actors.short_name(c.text)
                    if aid and tok.lower_ in self.actors.by_id[aid]["label"].lower().split():
                        aid = plural = None
                if aid is None and c.lower_ in self.lx["descriptor_of"]:
                    aid = self.resolve(c)[1]
                if aid and aid != plural and self._a_people(c):
                    aid = None     # 'a Tamil activist': a people or faith, not the body he speaks for
            elif c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "in", "from", "to") and not (
                    c.lower_ in ("in", "at") and tok.lemma_.lower() in self.lx["posted_roles"]):   # "an aide to X"
                # ('a Western diplomat in New Delhi' is posted there; he does not speak for India)
                own = self.ent(tok)
                for p in c.children:
                    if c.lower_ in ("in", "at") and self._unknown_place(p):
                        continue      # ('a humanitarian source in Abeche', 'the police commander at Assamaka')
                    if p.dep_ == "pobj" and not (own is not None and own.start <= p.i < own.end):
                        # ('Ministry of Water Resources': the words after 'of' are the role's own name)
                        kind, aid = self.resolve(p)
                        if kind != "actor":
                            aid = None
                            owner = next((o for o in p.children if o.dep_ == "poss"
                                          and o.lower_ not in ("its", "his", "her", "their")), None)
                            if owner is not None and p.pos_ == "NOUN":    # 'a member of the group's political bureau'
                                kind, aid = self.resolve(owner)
                                aid = aid if kind == "actor" else None
                            elif p.pos_ == "NOUN" and any(d.dep_ == "det" and d.lower_ == "the" for d in p.children):
                                aid = self._named_by_head(p)      # 'the head of the mission' (named earlier)
            if aid:
                aid = self.actors.acts_for(aid)
                if self.actors.by_id[aid]["type"] == "state":
                    found_state = found_state or aid
                else:
                    found_org = found_org or aid
        if found_org or found_state:
            return found_org or found_state
        text = self.np_span(tok).text
        for phrase, country in self.lx["title_countries"].items():
            if phrase in text:
                return self.actors.country(country)
        return None

    # ------------------------------------------------ NP resolution
    def actor_of(self, tok):
        """The actor the noun phrase headed by tok counts for (a person's state or body), or None."""
        kind, aid = self.resolve(tok)
        return self.actors.acts_for(aid) if kind == "actor" else None

    def resolve(self, tok):
        """(kind, actor id) for the noun phrase headed by tok; kind: actor, group, anon or None."""
        lx, low = self.lx, tok.lower_
        if tok.dep_ in SUBJ_DEPS and low in ("which", "who", "that") and tok.head.dep_ == "relcl":
            return self.resolve(tok.head.head)
        if low == "it" and tok.head.lemma_ == "be" and any(c.dep_ == "attr" for c in tok.head.children):
            attr = [c for c in tok.head.children if c.dep_ == "attr"][0]
            return self.resolve(attr) if attr.pos_ == "PROPN" else (None, None)
        if tok.pos_ == "PRON" or low in PERSON_PRONOUNS | THING_PRONOUNS:
            return self._pronoun(tok)
        named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and self.ent(c) is not None
                      and self.ent(c).label_ == "PERSON" and self.ent(c).root == c), None)
        if named is not None and tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lx["bystander_nouns"]:
            return self.resolve(named)    # 'Another survivor, Joseph Mwita, said ...': the one named
        aid = self._state_body(tok)
        if aid:
            return "actor", aid
        aid = self._outlet_by_kind(tok)
        if aid:
            return "actor", aid
        named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and self.ent(c) is not None
                      and self.ent(c).label_ == "ORG" and self.ent(c).root == c), None)
        if named is not None and tok.pos_ == "NOUN" and (tok.lemma_.lower() in lx["descriptor_of"] or any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)):
            found = self.resolve(named)     # "Sierra Leone's main opposition party, the National Renewal
            if found[0] == "actor":         # Congress (NRC), said ...": the body is the one it names
                return found                # (so too 'A losing bidder, Karoo Rail Engineering, said')
        named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.is_title
                      and (self.ent(c) is None or self.ent(c).label_ in ("PRODUCT", "WORK_OF_ART"))), None)
        if named is not None and tok.pos_ == "NOUN" and lx["descriptor_of"].get(tok.lemma_.lower()) in ("company", "body", "union"):
            # 'The company, Dutch-based Heliovax, blamed ...' with the name taken for a product: the
            # description says what the name is
            start = min((c.i for c in named.children if c.dep_ == "compound" and c.pos_ == "PROPN"), default=named.i)
            aid = self.actors.org(tok.doc[start:named.i + 1].text)     # (the name, not 'Dutch-based')
            if aid and self.actors.by_id[aid]["type"] == "person":
                self.actors.by_id[aid].update(type="organisation", affiliations=[])   # (tagged a person elsewhere)
            if aid:
                return "actor", aid
        if low == "report" and tok.tag_ == "NN":
            owner = self._issuer(tok)
            found = self.resolve(owner) if owner is not None else (None, None)
            if found[0] == "actor":
                return found      # 'a report published by the Prairie Waters Alliance', 'the UN's report'
            own = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
            found = self.resolve(own) if owner is None and own is not None else (None, None)
            if found[0] == "actor" and self.actors.by_id[found[1]]["type"] != "person":
                return found      # 'According to its report, ...' after the body spoke: that body's
            earlier = self._same_document_before(tok) if owner is None else None
            if earlier:
                return "actor", earlier     # 'the report said' after 'a report by a UN panel of experts'
        if low in lx["anon_always"] or tok.lemma_ in lx["anon_always"]:
            named = self._named_outlet(tok) if tok.tag_ == "NN" else None
            return ("actor", named) if named else (ANON, None)
        if self._is_group(tok):
            return GROUP, None
        if (tok.lemma_.lower() in lx["roles"] or low in lx["anon_nouns"]) and any(
                c.dep_ == "prep" and c.lower_ == "on" and self._is_group(p)
                for c in tok.children for p in c.children if p.dep_ == "pobj"):
            return GROUP, None        # 'officials on both sides'
        if low == "state" and tok.is_title:      # 'the State of Qatar': the state's formal name
            named = next((self.actors.country(p.text) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                          for p in c.children if p.dep_ == "pobj"), None)
            if named:
                return "actor", named
        e = self.ent(tok)
        role = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                     and c.lemma_.lower() in lx["person_roles"]), None)
        if role is not None and tok.pos_ == "PROPN" and tok.is_title and (e is None or e.label_ in ("PERSON", "ORG")) \
                and not self.actors.known(e.text if e is not None else tok.text) \
                and (e is None or e.text.lower() not in self.actors.alias
                     or self.actors.by_id[self.actors.alias[e.text.lower()]]["type"] == "person"):
            # 'Abdel-Fatau Musah, the bloc's commissioner, ...' (tagged ORG): a name with a person's
            # role in apposition is a person, acting for the role's owner
            name = self.person_name(e) if e is not None else self.np_span(tok, name=True).text
            pid = self.actors.person(name)
            self.actors.affiliate(pid, self.resolve_role(role), role.lemma_.lower())
            return "actor", pid
        if e is not None and self.actors.known(e.text):
            aid = self._named_body(tok, e)
            return "actor", aid or self.actors.known(e.text)
        if e is not None and e.label_ == "ORG" and e.root.lemma_.lower() in STATE_FORCE_HEADS and not any(
                self.actors.known(w.text) for w in e) and not any(
                c.dep_ in ("poss", "compound", "amod", "nmod") and not e.start <= c.i < e.end for c in tok.children) \
                and self.actors._institution(
                [w.text for w in e if w.lower_ not in ("the", "of", "for", "and") and not w.is_punct]):
            # 'The Border Troops of the State Committee for National Security': a state's forces or
            # office named by institution words alone, and by nothing before it ('the Taliban
            # administration's defence ministry' is theirs), of the state the article is about
            aid = self._salient_state(tok)
            if aid:
                return "actor", aid
        short = self.actors.short_name(e.text) if e is not None and tok.pos_ == "PROPN" and e.root == tok else None
        if short:
            return "actor", short
        called = self.actors.body_called(e.text) if e is not None and e.label_ == "PERSON" else None
        if called:
            return "actor", called      # 'Fepiv said', the federation's short name
        if e is not None and (e.label_ == "PERSON" or low in self.actors.name_tokens):
            named = self.actors.name_tokens.get(low)
            if e.label_ != "PERSON" and self.actors.by_id[named]["type"] != "person":
                return "actor", named   # 'Kivu Metals', tagged a person first and found a company since
            pid = self.actors.person(self.person_name(e) if e.label_ == "PERSON" else tok.text)
            if not self.discovering:
                self._company_of_title(pid, tok)
            self._place_by_capital(pid, tok)
            return "actor", pid
        if e is None and tok.is_title and len(tok) > 2 and tok.pos_ in ("PROPN", "NOUN") and not any(
                c.dep_ in ("compound", "amod", "poss", "nmod") for c in tok.children) \
                and (tok.pos_ == "PROPN" or tok.dep_ in SUBJ_DEPS and not list(tok.children)) \
                and low not in lx["roles"] and low not in lx["anon_nouns"] and low not in lx["descriptor_of"] \
                and low not in self.actors.name_tokens:
            first = self.actors.by_first_word(tok.text)
            if first:
                return "actor", first     # 'Tembea said ...' after 'ride-hailing firm Tembea Mobility'
        if low in self.actors.name_tokens and (tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and tok.is_title
                                               and tok.dep_ in SUBJ_DEPS and not list(tok.children)
                                               or tok.i == tok.sent.start and tok.is_title and not list(tok.children)
                                               and tok.head.i == tok.i + 1 and tok.head.pos_ == "VERB"):
            # (a bare capitalised subject the parser took for a common noun, 'Kabir left ...', or for
            # an adverb, 'Tabe dismissed ...', is the person of that name met earlier)
            pid = self.actors.name_tokens[low]
            if self.actors.by_id[pid]["type"] == "person":
                self._place_by_capital(pid, tok)
            return "actor", pid
        if e is not None and e.label_ == "ORG" and e.root == tok and len(e) > 1 and tok.is_title \
                and not any(c.dep_ == "poss" for c in tok.children) \
                and not self.actors._institution([t.text for t in e if t.dep_ != "det"]):
            aid = self._entity_actor(e)          # 'the British Columbia Gurdwaras Council' is a name
            if aid:
                return "actor", aid
        if _junta_described(tok) and not any(c.dep_ in ("poss", "compound", "amod", "nmod") and self.actors.known(c.text)
                                             for c in tok.children):
            # 'the coup leaders', 'the putschists': the junta, the last one whose state was said
            aid = self._institution_owner(tok, "junta") or self._salient_state(tok)
            if aid:
                return "actor", aid
        if tok.lemma_.lower() in lx["roles"] or low in lx["anon_nouns"] or (
                low in lx["person_titles"] and any(c.dep_ == "appos" for c in tok.children)):
            for c in tok.children:
                if c.dep_ == "appos":
                    kind, aid = self.resolve(c)
                    if kind == "actor" and self.actors.by_id[aid]["type"] == "person":
                        self.actors.affiliate(aid, self.resolve_role(tok), tok.lemma_)
                        return "actor", aid
                p = next((p for p in c.children if p.dep_ == "pobj"), None) if c.dep_ == "prep" and c.lower_ == "of" else None
                if p is not None and self.ent(p) is not None and self.ent(p).label_ == "PERSON" \
                        and self._office_country(self.ent(p)):
                    return self.resolve(p)      # 'Prime Minister of Chile Ana Ruiz' is Ana Ruiz
            aid = self.resolve_role(tok)
            if aid:
                return "actor", aid
            office = self._unowned_office(tok)
            if office is not None:
                # 'the foreign ministry spokesman', 'the national security adviser': the office of a
                # state the phrase does not name, read as the bare institution is ('the ministry')
                owner = self._institution_owner(office) if office.lemma_.lower() in lx["state_institutions"] else None
                aid = owner or self._salient_state(tok)
                if aid:
                    return "actor", aid
            if low in lx["anon_nouns"]:
                return ANON, None
            if (self._state_office_word(tok) or tok.lemma_.lower() == "force" and any(
                    c.dep_ == "compound" and c.lower_ == "air" for c in tok.children)) and not any(
                    c.dep_ in ("poss", "compound", "amod", "nmod") and (
                        self.actors.known(c.text) or (self.ent(c) is not None and self.ent(c) != self.ent(tok)))
                    for c in tok.children):
                if _backed_by_another(tok):
                    return "actor", self._described_body(tok)
                its = any(c.dep_ == "poss" and c.lower_ == "its" for c in tok.children)
                aid = self._subject_told_before(tok) if its else None
                if its and aid is None and tok.dep_ == "nsubj" and tok.head.i > tok.i >= tok.head.i - 3 \
                        and tok.head.i >= tok.sent.end - 4:
                    # ('Uzbekistan offered to host talks ... Dialogue was "...", its foreign ministry
                    # said': a trailing 'its' with no body in the report is the body that spoke before)
                    aid = self._thing_that_spoke_before(tok)
                aid = aid or self._institution_owner(tok) or self._salient_state(tok)
                if aid:
                    return "actor", aid
            if any(self.ent(c) is not None for c in tok.children if c.dep_ == "poss"):
                aid = self.actors.org(self.np_span(tok).text)   # "Gaza's civil defence agency"
                if aid:
                    return "actor", aid
        if e is not None:
            aid = self._entity_actor(e)
            if aid:
                return "actor", aid
        c = self.actors.known(tok.text)
        if c:
            return "actor", c
        named = [c for c in tok.children if c.dep_ == "compound" and self.ent(c) is not None and self.ent(c).label_ == "ORG"]
        if named and tok.pos_ == "PROPN":
            aid = self.actors.org(self.np_span(tok).text)
            if aid:
                return "actor", aid
        if tok.lemma_ in lx["document_nouns"] or tok.lemma_ in lx["answer_nouns"] or tok.lemma_ in lx["view_nouns"]:
            owner = self._issuer(tok) if tok.lemma_ in lx["document_nouns"] else next(
                (c for c in tok.children if c.dep_ == "poss" and c.lower_ not in ("its", "his", "her", "their")), None)
            if owner is not None:
                kind, aid = self.resolve(owner)
                if kind == "actor":
                    return kind, aid     # 'according to the Indian government's account': its owner's words
        if tok.lemma_ in lx["document_nouns"]:
            found = self._last_thing()
            if found[0] == "actor" and found[1] in self._document_recipients(tok):
                return None, None     # ("X's envoy was handed a protest note. The note demanded ...": not X's)
            return found
        found = self._civil_society(tok)
        if found[0]:
            return found
        if e is None and tok.pos_ == "PROPN" and tok.is_title and (
                low in lx["descriptor_of"] or low in lx["party_keywords"] or low in lx["union_keywords"]
                or low in lx["body_name_heads"]) and any(
                c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" and c.is_title for c in tok.children):
            # "The Lakes Cattle Keepers' Union", 'The Great Lakes Relief Alliance', untagged:
            # capitalised words before a body's word make a name of their own (not 'the union' met
            # before, nor a person)
            first = min(t.i for c in tok.children if c.dep_ in ("compound", "poss") for t in c.subtree)
            aid = self.actors.org(tok.doc[first:tok.i + 1].text)      # (the name, not its apposition)
            if aid:
                return "actor", aid
        if (low in lx["descriptor_of"] or tok.lemma_ in lx["descriptor_of"] or tok.lemma_ in COUNTRY_WORDS) \
                and not (tok.tag_ == "NNS" and _counted(tok)) \
                and not (tok.lemma_ == "group" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)):
            # ('the two bodies' are not one body; 'a campaign group' is none of the bodies met before)
            aid = self._descriptor(tok)
            if aid:
                return "actor", aid
        company = (self.actors.body_called(self.np_span(tok, name=True).text) or self._untagged_company(tok)) \
            if e is None and tok.pos_ == "PROPN" else None
        if company:
            return "actor", company       # 'Nordlys Fisk ASA said', untagged: the company (not 'ASA')
        if tok.pos_ == "PROPN" and tok.dep_ in SUBJ_DEPS and e is None and tok.is_title:
            name = self.np_span(tok, name=True)
            if name[0].lower_ == "the" and len(name) > 2:
                # 'The Unión Hortícola del Sur (UHS) said': a name after 'the' is a body's, never a
                # person's (its words up to any bracket or apposition)
                end = next((t.i for t in name if t.is_punct and t.text not in ("-", "'", "&", ".")), name.end)
                aid = self.actors.org(tok.doc[name.start:end].text)
                return ("actor", aid) if aid else (None, None)
            return "actor", self.actors.person(name.text)   # a name NER missed
        return None, None

    def unplaced_source(self, tok):
        """The speaker of a speaking cue that :meth:`resolve` cannot place still speaks.

        A name (a proper noun or a named entity) becomes an actor of its own; a description
        ('a veteran diplomat', 'friends', 'one of his advisers', 'another Republican') is an
        unnamed source. Pronouns and function words stay unplaced: their antecedent is unknown.
        """
        if tok.lower_ in self.lx["anonymous"]["quantifiers"] and tok.dep_ in SUBJ_DEPS:
            return ANON, None        # 'most said ...', 'some have argued ...', 'others say ...'
        if tok.pos_ in ("PRON", "DET", "ADV", "SCONJ", "CCONJ", "ADP", "PART", "VERB", "AUX", "PUNCT") \
                or tok.lower_ in PERSON_PRONOUNS | THING_PRONOUNS:
            return None, None
        e = self.ent(tok)
        if e is not None and e.label_ in ("ORG", "GPE", "FAC", "LOC", "PRODUCT") and e.root == tok:
            # (a product does not speak: a named 'product' that does is the company the parser took
            # for its brand, 'Maersk said ...')
            aid = self.actors.org(e.text, common=True)
            return ("actor", aid) if aid else (None, None)
        if e is not None and e.label_ == "PERSON" or (tok.pos_ == "PROPN" and tok.is_title and e is None):
            return "actor", self.actors.person(self.np_span(tok, name=True).text)
        if e is None and tok.pos_ == "PROPN" and tok.is_upper and len(tok.text) >= 2 and tok.text.isalpha():
            aid = self.actors.org(tok.text)     # 'the ELN', 'the SDF': an acronym the model did not tag names a body
            if aid:
                return "actor", aid
        if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
                and tok.tag_ == "NN":
            aid = self._titled_person(tok)       # 'the general' after 'General Abdou Tiani'
            if aid:
                return "actor", aid
        if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            aid = self._named_by_head(tok)
            if aid:
                return "actor", aid
            if tok.tag_ == "NN" and (tok.lemma_.lower() in self.lx["state_institutions"]
                                     or tok.lemma_.lower() in self.lx["body_heads"]) \
                    and any(c.dep_ in ("amod", "compound") for c in tok.children):
                # 'the eastern-based parliament', 'the rival administration': a body of its own, named by
                # its description, not an anonymous source
                return "actor", self._described_body(tok)
        if tok.pos_ in ("NOUN", "NUM", "PROPN", "ADJ"):
            return ANON, None
        return None, None

    def _described_body(self, tok):
        """The body a description names ('the eastern-based parliament' -> 'Eastern-based parliament')."""
        np = self.np_span(tok)
        start = next(t.i for t in np if t.dep_ != "det")
        label = tok.doc[start:tok.i + 1].text
        label = label[:1].upper() + label[1:]
        known = self.actors.alias.get(label.lower())
        return known or self.actors._add(_slug(label), label, "organisation")

    def _titled_person(self, tok):
        """The last person named before tok with tok's title written before the name ('the general'
        after 'General X', 'the minister' after 'Foreign Minister Y'); None if there is none."""
        word = tok.lemma_.lower()
        words = {word, "secretary"} if word == "minister" else {word}   # ('Transport Cabinet Secretary X')
        if not any(c.dep_ in ("amod", "compound", "poss", "prep") for c in tok.children) and any(
                words & ws for ws in self.actors.titles.values()):
            end = bisect.bisect_left(self.person_mentions, (self.order(tok),))
            for _, pid in reversed(self.person_mentions[:end]):
                if words & self.actors.titles.get(pid, set()):
                    return pid
        return None

    def _named_by_head(self, tok):
        """'the council' after 'the Presidential Council', 'the general' after 'General X': a definite
        description names the last actor named before it whose name or title holds its head noun
        (else the most mentioned such actor)."""
        words = {tok.lower_, tok.lemma_.lower()}
        found = {}
        for aid, a in self.actors.by_id.items():
            names = [a["label"]] + a["aliases"]
            if any(words & set(n.lower().replace("'s", "").split()) for n in names):
                found[aid] = self.actors.count.get(aid, 0)
        if not found:
            return None
        end = bisect.bisect_left(self.mentions, (self.order(tok),))
        last = next((aid for _, aid in reversed(self.mentions[:end]) if aid in found), None)
        return last or max(found, key=lambda a: (found[a], a))

    def _is_group(self, tok):
        lx = self.lx
        if tok.lemma_ not in lx["group_nouns"] and tok.lower_ not in lx["group_nouns"]:
            return False
        return any(c.lower_ in lx["groups"]["determiners"] for c in tok.children if c.dep_ in ("det", "nummod", "predet"))

    def _pronoun(self, tok, before=None):
        """The antecedent of a pronoun: the last person (or thing) named before it, or before
        ``before`` when given (a token ahead of it whose words cannot hold the antecedent)."""
        low = tok.lower_
        order = self.order(before if before is not None else tok)
        if low in ("him", "her") and tok.tag_ == "PRP" and before is None:
            near = self._object_antecedent(tok, order)
            if near is not None:
                return "actor", near
        if low in PERSON_PRONOUNS:
            aid = self._person_before(order)
            if aid and self.actors.by_id[aid]["type"] == "person":
                self._place_by_capital(aid, tok)      # ('Defence Minister X said ... "...," he told reporters in Maputo')
            return ("actor", aid) if aid else (None, None)
        if low == "it" and before is None:
            named = self._reporting_name(tok)
            if named is not None:
                found = self.resolve(named)
                return found if found[0] else self.unplaced_source(named)
        if low == "it" and before is None and _opens_its_sentence(tok):
            spoke = self._thing_that_spoke_before(tok)
            if spoke == ANON:
                return ANON, None         # ('The note, seen by Reuters, demanded ... It warned ...': the note again)
            if spoke is not None:
                return "actor", spoke
        if low in THING_PRONOUNS or low == "its":
            return self._last_thing(order, plural=low in ("they", "them"))
        return None, None

    def _thing_that_spoke_before(self, tok):
        """The body or state that spoke first in the sentence before tok's: an 'It' or 'Its'
        opening a sentence ('A report by Desert Crossings Monitor says ... It also calls on ...')
        carries on the speaker, not the last thing named ('Algerian security forces'). ANON when
        that speaker is a document or message nobody is named for ('The note demanded ...')."""
        n = self.order(tok)[0]
        spoke = [(r["cue"].i, self.actors.acts_for(r["aid"])) for r in self.raw if r["kind"] == "actor" and r["n"] == n - 1]
        spoke += [(r["cue"].i, ANON) for r in self.raw if r["kind"] == ANON and r["n"] == n - 1 and r["subj"] is not None
                  and (r["subj"].lemma_.lower() in self.lx["document_nouns"]
                       or r["subj"].lemma_.lower() in self.lx["message_nouns"])]
        if spoke and min(spoke)[1] == ANON:
            return ANON
        # (an offer to mediate is a statement too: 'Uzbekistan offered to host talks ...')
        spoke += [(m["cue"].i, self.actors.acts_for(aid)) for m in self.med_mentions if m["n"] == n - 1
                  for _, aid in m["mediators"]]
        return next((a for _, a in sorted(spoke) if self.actors.by_id[a]["type"] != "person"), None)

    def _person_before(self, order):
        """The person a 'he', 'she', 'his' or 'her' at ``order`` stands for: the last person named
        as a main clause's subject (else named at all), or a later speaker named only by a role."""
        prior = _before(self.person_subjects, order) or _before(self.person_mentions, order)
        unnamed = self._unnamed_person_speaker(order)
        if unnamed is not None and (prior is None or unnamed[0] > prior[0]):
            return unnamed[1]
        return prior[1] if prior else None

    def _unnamed_person_speaker(self, order):
        """(position, actor) of the last speaker before ``order``, in its own or the previous
        sentence, who is a person named only by a role ("Eritrea's information minister said ...",
        then '"...," he wrote'): a later 'he' or 'she' is that person, speaking for the role's owner."""
        for r in reversed(self.raw):
            subj = r["subj"]
            if subj is None or r["kind"] != "actor" or (r["n"], subj.i) >= order or r.get("reported"):
                continue      # (one reported by another speaker, 'X said Y's ambassador had assured him', is not 'he')
            if order[0] - r["n"] > 1:
                return None
            if subj.pos_ == "NOUN" and subj.lemma_.lower() in self.lx["person_roles"] and not any(
                    c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in subj.children):
                return (r["n"], subj.i), r["aid"]
            return None
        return None

    def _reporting_name(self, tok):
        """'Maersk said it welcomed the operation': the 'it' subject of the clause a one-word name
        reports stands for that name, whatever the parser took it for (a person, a product: a
        company it mistook, since a person is never 'it'; measured, trusting the parser's 'person'
        here lost a right statement and changed nothing else). None unless the reporting verb's
        subject is a one-word name."""
        clause = tok.head
        if tok.dep_ != "nsubj" or clause.dep_ != "ccomp" or clause.head.pos_ != "VERB":
            return None
        verb = clause.head
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subj and verb.dep_ == "conj":      # ('X blamed ... and said that it would ...')
            subj = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if len(subj) != 1 or subj[0].i > tok.i or not (
                subj[0].pos_ == "PROPN" or subj[0].lemma_.lower() in self.lx["descriptor_of"]):
            return None
        name = self.np_span(subj[0], name=True)
        if len(name) == 1 and subj[0].pos_ == "PROPN":
            return subj[0]
        # ('Severnaya Zvezda said it had reported every kilogram', 'The company, Dutch-based Heliovax,
        # ... said that it would ...': a longer name or a description, when it names a body)
        kind, aid = self.resolve(subj[0])
        return subj[0] if kind == "actor" and self.actors.by_id[aid]["type"] not in ("person", "state") else None

    def _object_antecedent(self, tok, order):
        """'The council, which praised Doe as a volunteer, welcomed the arrests, while ministers
        describe him as a militant': an object 'him'/'her' stands for the last person named earlier in its own
        sentence, other than its own clause's subject or a possessor ('Doe's'), before any
        person named in an earlier sentence."""
        own = {c.i for c in tok.head.children if c.dep_ in SUBJ_DEPS}
        found = None
        for (n, i), pid in sorted(self.person_mentions):
            if n != order[0] or i >= tok.i or i in own:
                continue
            t = tok.doc[i]
            if t.dep_ == "poss" or any(c.dep_ == "case" for c in t.children):
                continue
            found = pid
        return found

    def _outlet_by_kind(self, tok):
        """'The Algerian daily Echaab El Djadid', 'the weekly Al-Ahram Hebdo': a name after the word
        for a kind of paper is that outlet, whatever the model tagged it (not the state of the
        adjective before it, nor a person). None for any other phrase."""
        if tok.pos_ != "PROPN" or not tok.is_title:
            return None
        for c in tok.children:      # ('The Nairobi daily Mombasa Ledger' parsed as 'Nairobi' with the
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > tok.i:     # paper's name in apposition)
                found = self._outlet_by_kind(c)
                if found:
                    return found
        start = tok.i       # (the kind word just before the name, however the parser hung it: 'The
        while start > tok.sent.start and tok.doc[start - 1].pos_ == "PROPN" and not tok.doc[start - 1].is_lower \
                and tok.doc[start - 1].head.i == tok.i:
            start -= 1      # Nairobi daily Highland Ledger' has 'daily' as an adverb of 'Nairobi')
        kind = tok.doc[start - 1] if start > tok.sent.start else None
        if not (kind is not None and kind.is_lower and kind.lower_ in OUTLET_KINDS or any(
                c.dep_ == "appos" and c.lower_ in OUTLET_KINDS for c in tok.children)):
            return None     # ('The Daily Beast': the capitalised word is the name's own; 'X, an Algerian
            #                  daily, said': the apposition says what X is)
        words = [t for t in tok.doc[start:tok.i + 1]]
        if not words or not all(t.pos_ == "PROPN" and (t.is_title or t.is_upper or t.lower_ in ("al", "el", "la", "le"))
                                for t in words):
            return None
        label = " ".join(t.text for t in words)
        return None if self.actors.known(label) else self.actors.outlet(label)

    def _named_outlet(self, tok):
        """"The Tartu Ekspress newspaper", 'the Caracas newspaper El Mirador': an outlet with its
        name before it or in apposition is that outlet, not an unnamed source (a place before it,
        'the Caracas newspaper', is where it is published)."""
        appos = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        name = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_title]
        label = None
        if appos is not None:
            label = " ".join(t.text for t in self.np_span(appos) if t.dep_ != "det")
        elif name and not self.actors.known(" ".join(c.text for c in name)) and not any(
                self.actors.known(c.text) for c in name):
            label = " ".join(t.text for t in tok.doc[name[0].left_edge.i:name[-1].i + 1])
        if not label:
            return None
        return self.actors.outlet(label)

    def _subject_told_before(self, tok):
        """'Senegal offered to host talks ..., its foreign ministry said': the 'its' of a speaker
        named after what it reports is the subject of that report, when it is a state or a body."""
        _, subj = _report_before(tok, ("ccomp", "parataxis"))
        aid = self.actor_of(subj) if subj is not None and subj.pos_ != "PRON" else None
        return aid if aid and self.actors.by_id[aid]["type"] != "person" else None

    def _document_recipients(self, tok):
        """Actors a document like tok was handed, sent or delivered to, told of this one ('a note sent
        to Caracas') or of an earlier one of its kind ("Russia's envoy had been handed a protest note"):
        whoever wrote it, it was not they."""
        found, order, word = set(), self.order(tok), tok.lemma_.lower()
        for n, (sent, _, _) in enumerate(self.sents[:order[0] + 1]):
            for x in sent:
                if x.lemma_.lower() != word or (n, x.i) > order:
                    continue
                verbs = [c for c in x.children if c.dep_ == "acl"] + ([x.head] if x.dep_ in ("dobj", "nsubjpass") else [])
                for v in verbs:
                    if v.lemma_.lower() not in self.lx["handing_verbs"]:
                        continue
                    got = [p for c in v.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                           for p in c.children if p.dep_ == "pobj"]
                    got += [c for c in v.children if c.dep_ in ("dative", "nsubjpass") and c.i != x.i and c.pos_ != "ADP"]
                    found |= {a for a in map(self.actor_of, got) if a}
        return found

    def _same_document_before(self, tok):
        """'The confidential report said ...' after 'according to a report by a UN panel': a
        definite document with no owner of its own is the last one of its kind that spoke for
        someone named."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
            return None
        order = self.order(tok)
        return next((r["aid"] for r in reversed(self.raw) if r["kind"] == "actor" and r["subj"] is not None
                     and r["subj"].lemma_.lower() == tok.lemma_.lower() and (r["n"], r["subj"].i) < order), None)

    def _last_thing(self, order=None, plural=False):
        order = order or (self.cur, 10 ** 9)
        best = _before(self.thing_speakers, order)
        if best is None:
            return None, None
        if plural and best[1] != GROUP and not self._plural_mention(best[0]):
            # ('The Estonian Defence Forces said the Ilyushin Il-20 entered ... It turned back ..., they
            # said': 'they' is the forces, named in the plural, not the plane named since)
            i = bisect.bisect_left(self.thing_speakers, (order,))
            best = next((e for e in reversed(self.thing_speakers[:i]) if e[0][0] >= order[0] - 1
                         and e[1] != GROUP and self._plural_mention(e[0])), best)
        return (GROUP, None) if best[1] == GROUP and plural else ("actor", best[1]) if best[1] != GROUP else (None, None)

    def _plural_mention(self, order):
        """True when the word at ``order`` (a sentence number and a token index) is a plural noun
        ('the Estonian Defence Forces', 'the authorities', 'the Houthis')."""
        n, i = order
        if not 0 <= n < len(self.sents):
            return False
        doc = self.sents[n][0].doc
        return 0 <= i < len(doc) and doc[i].tag_ in ("NNS", "NNPS")

    def _descriptor(self, tok, cls=None, spoken_first=False):
        """'the union', 'the planemaker', 'the group', 'the country' -> the salient matching actor
        (of the descriptor class ``cls`` when given, whatever the word; with ``spoken_first``, one
        that has spoken before one only named: 'Chief executive X said' after 'Saarevi Air said
        two of its aircraft bound for Tartu ...' is Saarevi Air's)."""
        cls = cls or self.lx["descriptor_of"].get(tok.lower_) or self.lx["descriptor_of"].get(tok.lemma_)
        cands = []
        for aid, a in self.actors.by_id.items():
            if a["type"] == "person":
                continue
            is_union = any(k in _folded(a["label"]).split() for k in self.lx["union_keywords"]) \
                and not a.get("intl")     # ('the union' is a trade union, never the European or African Union)
            if tok.lemma_ in COUNTRY_WORDS and a["type"] == "state":
                cands.append(aid)
            elif cls == "union" and is_union:
                cands.append(aid)
            elif cls == "armed" and a["type"] == "armed-group":
                cands.append(aid)
            elif cls == "company" and a["type"] == "organisation" and not is_union and not a.get("intl") \
                    and not self.actors.is_outlet(aid) \
                    and not any(k in self.lx["public_body_words"] for k in a["label"].lower().split()):
                cands.append(aid)
            elif cls == "body" and a["type"] == "organisation" and (not a.get("intl") or tok.lemma_ == "agency") \
                    and a["label"].lower().split()[-1] not in self.lx["company_name_words"] \
                    and not self.actors.is_outlet(aid):
                # (the UN's agencies are 'the agency' too: 'the World Food Programme ... the agency's
                # country director')
                cands.append(aid)
            elif cls == "bloc" and a.get("intl"):       # 'the bloc': ECOWAS, the EU, ASEAN ...
                cands.append(aid)
            elif cls == "party" and a["type"] in ("organisation", "armed-group") \
                    and any(k in a["label"].lower().split() for k in self.lx["party_keywords"]):
                cands.append(aid)
        if cls == "company" and cands:
            unions = self._named_as(tok, "union")          # ('the union ver.di' is no company)
            cands = [a for a in cands if a not in unions]
        if tok.lemma_ in COUNTRY_WORDS:
            end = bisect.bisect_left(self.thing_speakers, (self.order(tok),))
            for _, aid in reversed(self.thing_speakers[max(0, end - 50):end]):
                if aid in cands:
                    return aid
        if cls == "body" and cands and not any(tok.lemma_.lower() in self.actors.by_id[a]["label"].lower().split()
                                               for a in cands):
            # ('the commission' after 'The Nigerian Communications Commission', a state's body: that
            # one, not whichever firm the article names most)
            cands = self._named_as(tok) or cands
        if not cands:
            # ('the union' after 'the dockworkers' union ver.di': the body the article itself called so)
            cands = self._named_as(tok)
        if not cands and cls == "union" and any(c.dep_ in ("poss", "amod", "compound") for c in tok.children):
            # 'the miners' union at the company's Kolwezi site', no union named: a union of its own
            text = "".join(t.text_with_ws for t in self.np_span(tok) if t.i <= tok.i and t.dep_ not in ("det", "predet"))
            return self.actors.org(text.strip()[:1].upper() + text.strip()[1:], common=True, unnamed=True)
        if not cands and tok.lower_ == "group":
            # ('the group' after 'Amnesty International': an international body is a group too)
            cands = [a for a, v in self.actors.by_id.items() if v["type"] == "organisation"]
        if tok.dep_ in SUBJ_DEPS and self.np_span(tok)[0].lower_ in ("a", "an"):
            # an indefinite description as a subject brings in a body not met before: 'a joint
            # commission' after 'the mission' is another body ('held hostage by a company that ...'
            # may still be the one met); 'A union representing flight attendants endorsed ...'
            # in a lede may still be the union the article names in a later sentence (not the one
            # its own sentence names: 'A Kenyan farmers' group accused buyer X ...' is not X)
            order = self.order(tok)
            before = {aid for o, aid in self.mentions if o[0] <= order[0]}
            after = {aid for o, aid in self.mentions if o[0] > order[0]}
            cands = [a for a in cands if a in after and a not in before
                     and self.actors.by_id[a]["label"] not in tok.sent.text]   # (named here, though untagged)
        word = tok.lemma_.lower()
        if cls in ("company", "body", "party") or tok.lower_ == "group":
            # the one last named before it ('the group' after 'Resource Watch Africa, a campaign group');
            # 'the company' and 'the party' only one named before it, never a firm the article meets later;
            # 'the company' one that has spoken before one only named ('its Kofrest-DX syrup', a product)
            order = (self.order(tok)[0], self.np_span(tok).end)      # (its own name may follow: 'the firm Hexanet')
            last = {aid: o for o, aid in self.mentions if o < order}
            if cls in ("company", "party"):
                cands = [a for a in cands if a in last]
            spoke = {aid for o, aid in self.thing_speakers if o < order} if spoken_first or cls == "company" else set()
            # a trade the article gave one firm ('Irish lessor Shannonbridge ... the lessor said') is that
            # firm's, though another was named since (not 'the company', 'the firm': any firm is one)
            called = set(self._named_as(tok)) if cls == "company" and word not in GENERIC_COMPANY_WORDS else set()
            return max(cands, key=lambda a: (word in self.actors.by_id[a]["label"].lower().split(), a in called,
                                             a in spoke, last.get(a, (-1, -1)), self.actors.count.get(a, 0)),
                       default=None)
        return max(cands, key=lambda a: (word in self.actors.by_id[a]["label"].lower().split(),
                                         self.actors.count.get(a, 0)), default=None)

    def _issuer(self, tok, prep=("from", "by")):
        """The token naming whose words a document are: its owner ('the UN's report'), a phrase
        after it ('a statement from the army', 'a report by X'), the agent of a participle ('a
        statement released by the army'; not 'a filing seen by Reuters'), or the subject of a relative clause of issuing ('a letter
        the union sent to management'). None when nothing says."""
        return next((c for c in tok.children if c.dep_ == "poss" and c.lower_ not in ("its", "his", "her", "their")), None) \
            or next((p for c in tok.children if c.dep_ == "prep" and c.lower_ in prep
                     for p in c.children if p.dep_ == "pobj"), None) \
            or next((p for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() not in self.lx["seeing_verbs"]
                     for p in _by_whom(c)), None) \
            or next((s for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in self.lx["issuing_verbs"]
                     for s in c.children if s.dep_ == "nsubj"), None) \
            or next((c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and self._state_office_word(c)),
                    None)     # ('a police report', 'a preliminary fire service report': the institution's)

    def _named_as(self, tok, word=None):
        """Actors the article named before tok beside the same descriptive noun (or ``word``: 'the
        dockworkers' union ver.di', 'the French firm Hexanet', 'Hexanet, a cloud provider'): its own
        description of them. A name the model tagged no entity is registered as a body of its own."""
        order, word, found = self.order(tok), word or tok.lemma_.lower(), []
        for n, (sent, _, _) in enumerate(self.sents[:order[0] + 1]):
            for x in sent:
                if (n, x.i) >= order or x.pos_ not in ("NOUN", "PROPN") or x.lemma_.lower() != word:
                    continue
                names = [x.head] if x.dep_ in ("compound", "appos") and x.head.i != x.i else []
                names += [c for c in x.children if c.dep_ == "appos"]
                for c in x.children if self.lx["descriptor_of"].get(word) == "union" else ():
                    # 'the Aeronautas Unidos union': a union named before the word (not 'the UN agency')
                    kind, aid = self.resolve(c) if c.dep_ == "compound" and c.pos_ == "PROPN" else (None, None)
                    if kind == "actor" and self.actors.by_id[aid]["type"] == "organisation" and aid not in found:
                        found.append(aid)
                e = self.ent(x)
                if x.pos_ == "PROPN" and x.is_title and e is not None and e.label_ == "ORG" and e.root == x \
                        and len(e) > 1 and not names:
                    names = [x]       # 'The Nigerian Communications Commission': the name ends in the word
                owner = next((c for c in x.children if c.dep_ == "poss" and self.actors.country(c.text)), None)
                if x.pos_ == "NOUN" and word in self.lx["public_body_words"] and owner is not None and not names:
                    aid = self.actors.country(owner.text)     # "Nigeria's communications regulator"
                    if aid not in found:
                        found.append(aid)
                for name in names:
                    if name.pos_ != "PROPN":
                        continue
                    kind, aid = self.resolve(name)
                    if kind != "actor":
                        aid = self.actors.org(name.text, common=True)
                    if aid and self.actors.by_id[aid]["type"] == "person":
                        # ('Ver.di', tagged a person where it stands alone, is the union it was named as)
                        self.actors.by_id[aid].update(type="organisation", affiliations=[])
                    if aid and aid not in found:
                        found.append(aid)
        if word == "union":       # ('the union', 'Union president X': a trade union, never the European Union)
            found = [a for a in found if not self.actors.by_id[a].get("intl")]
        return found

    def _unknown_place(self, tok):
        """A one-word name after 'in' or 'at' that is no state, no international body and no
        organisation the article has named: a town, whatever the model tagged it ('a source in
        Abeche'); a role there speaks for no body called after it."""
        e = self.ent(tok)
        if tok.dep_ != "pobj" or e is None or len(e) != 1 or e.label_ not in ("ORG", "GPE", "LOC", "FAC"):
            return False
        low = e.text.lower()      # (read from the tables: a predicate registers no actor)
        return low not in self.lx["country_of"] and low not in self.lx["org_of"] and low not in self.actors.alias

    def _other_kind(self, tok, aid):
        """'the central bank' taken for the salient organisation whose name says no such thing: a
        description with a lower-case mark of its kind that the actor's name lacks. (Only where a
        person's employer is at stake: 'X, who ran the central bank' is no member of that body.)"""
        if tok.lemma_.lower() not in self.lx["descriptor_of"] and tok.lower_ not in self.lx["descriptor_of"]:
            return False
        marks = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound") and c.is_lower}
        label = set(self.actors.by_id[aid]["label"].lower().split())
        return bool(marks) and not marks & label

    def _state_office_word(self, tok):
        """A word naming a state institution: 'police', 'ministry', 'army' ..., a state's service
        ('the fire service', 'the customs service') or a portfolio's department ('the environment
        department')."""
        lemma = tok.lemma_.lower()
        return lemma in self.lx["state_institutions"] or lemma in ("service", "services") and any(
            c.dep_ == "compound" and c.lower_ in self.lx["state_services"] for c in tok.children) \
            or lemma == "department" and any(c.dep_ in ("compound", "amod") and c.lower_ in self.lx["portfolio_words"]
                                             for c in tok.children)     # ('an environment department official')

    def _unowned_office(self, tok):
        """The word naming a state office a role belongs to, when nothing says whose: a state
        institution ('the foreign ministry spokesman') or a portfolio ('the national security
        adviser', 'the defence minister') qualifying a role only a person holds. None when a
        modifier names an owner, or for a head of government ('the prime minister')."""
        if tok.lemma_.lower() not in self.lx["person_roles"] or any(c.dep_ == "poss" for c in tok.children):
            return None
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
        mods += [g for m in mods for g in m.children if g.dep_ in ("compound", "amod") and g.i < m.i]
        if not mods or any(self.actors.known(m.text) or self.ent(m) is not None and self.ent(m).label_ != "ORG"
                           for m in mods):
            return None
        institution = next((m for m in mods if self._state_office_word(m)), None)
        if institution is not None or not all(m.lower_ in self.lx["portfolio_words"] for m in mods):
            return institution
        return min(mods, key=lambda m: m.i)

    def _state_body(self, tok):
        """The state a body belongs to when the phrase itself calls it the state's and says no more:
        'state media', 'the state labour inspectorate', 'the national electoral commission' are the
        state the article is about (:meth:`_salient_state`). None for any other noun, or when a
        possessor, a named modifier or a phrase after it says whose ('Russian state media')."""
        lx, lemma = self.lx, tok.lemma_.lower()
        media = tok.lower_ in lx["state_media"] or lemma in lx["state_media"]      # ('media': lemma 'medium')
        if not (media or lemma in lx["state_bodies"]) or self.ent(tok) is not None \
                or any(c.dep_ in ("poss", "prep") for c in tok.children):
            return None       # (a named body is itself: 'the federal Securities and Exchange Commission')
        mods = [c for c in tok.subtree if c.i < tok.i and c.dep_ in ("amod", "compound", "nmod")]
        marks = {"state"} if media else {"state", "national", "federal"}
        if not any(m.lower_ in marks for m in mods) or any(self.actors.known(m.text) or (
                media and m.head.i == tok.i and m.lower_ not in marks) for m in mods):
            return None
        return self._salient_state(tok)

    def _institution_owner(self, tok, name=None):
        """'the junta' after "Niger's junta", 'the ministry' after "Egypt's Ministry of ...": an
        unqualified institution is the last one of that name (``name``, else tok's word) whose
        owner the article stated."""
        order, name = self.order(tok), name or tok.lower_
        return next((aid for o, word, aid in reversed(self.institution_owners)
                     if o < order and word == name), None)

    def _salient_state(self, tok):
        """The state an unqualified institution ('the interior ministry', 'the government') belongs
        to: the last state to speak before it, else the article's most mentioned state."""
        end = bisect.bisect_left(self.thing_speakers, (self.order(tok),))
        for _, aid in reversed(self.thing_speakers[max(0, end - 50):end]):
            if aid != GROUP and self.actors.by_id[aid]["type"] == "state":
                return aid
        pend = bisect.bisect_left(self.person_subjects, (self.order(tok),))
        for _, pid in reversed(self.person_subjects[max(0, pend - 20):pend]):
            a = self.actors.acts_for(pid)
            if self.actors.by_id[a]["type"] == "state":
                return a
        order, accused = self.order(tok), self._accused_by(tok)
        before = {a for o, a in self.mentions if o[0] <= order[0]} - accused
        states = [(c, a) for a, c in self.actors.count.items() if self.actors.by_id[a]["type"] == "state" and a in before]
        if states:        # (the most named state up to its own sentence: 'the army' is never a state named only later)
            return max(states)[1]
        cnt = {}                 # only names inside names so far: 'Belgian Transport Workers Union'
        for n, name in self._country_words():
            if n <= order[0] and self.actors.country(name) not in accused:
                cnt[name] = cnt.get(name, 0) + 1
        return self.actors.country(max(cnt, key=cnt.get)) if cnt else None

    def _accused_by(self, tok):
        """The states named in what tok's verb accuses ('the government blamed a Rwandan-led force
        for ...'): the accuser's government is none of them."""
        verb = tok.head
        if tok.dep_ not in SUBJ_DEPS or verb.lemma_.lower() not in self.lx["accuse_object_verbs"]:
            return set()
        names = {self.lx["country_of"].get(t.lower_) for obj in verb.children if obj.dep_ in ("dobj", "prep")
                 for t in obj.subtree if t.text[:1].isupper()} - {None}
        names = {n.lower() for n in names}      # (read from the tables, registering nothing)
        return {aid for aid, a in self.actors.by_id.items() if a["type"] == "state" and a["label"].lower() in names}

    def _country_words(self):
        """(sentence number, country) of every capitalised word that names a country, read once."""
        if self._country_word_list is None:
            self._country_word_list = [(n, name) for n, (sent, _, _) in enumerate(self.sents) for t in sent
                                       if t.text[:1].isupper() for name in [self.lx["country_of"].get(t.text.lower())]
                                       if name]
        return self._country_word_list

    def _civil_society(self, tok):
        """(kind, actor id) of a civil-society speaker named by its description: 'a rights group',
        'the aid agency' is a collective actor of that name; 'human rights groups', 'aid agencies',
        many unnamed bodies, are a source the text does not name (as the shared gold has them).
        (None, None) for any other noun."""
        cs = self.lx["civil_society"]
        if tok.lemma_.lower() not in cs["heads"] or tok.pos_ != "NOUN":
            return None, None
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound")]
        if not any(m.lemma_.lower() in cs["modifiers"] or m.lower_ in cs["modifiers"] for m in mods):
            return None, None
        if tok.tag_ == "NNS":
            return ANON, None
        words = [t.text for t in self.np_span(tok) if t.i <= tok.i and t.dep_ not in ("det", "nummod", "predet")
                 and not t.is_punct]
        text = " ".join(words)
        aid = self.actors.org(text[:1].upper() + text[1:], common=True, unnamed=True)
        return ("actor", aid) if aid else (None, None)

    # ------------------------------------------------ post-processing
    def folded_counts(self):
        """Mention counts with persons counted for whom they act."""
        cnt = {}
        for a, c in self.actors.count.items():
            a = self.actors.acts_for(a)
            if self.actors.by_id[a]["type"] != "person":
                cnt[a] = cnt.get(a, 0) + c
        return cnt

    def conflict_roles(self):
        """How often each actor is a side of an accusation or denial: its speaker, or the
        accused object ('accused Y of ...', 'blamed Y for ...'). Backing, urging and mediating
        do not count: the sides of a dispute are the ones who accuse and deny."""
        roles = {}
        for r in self.raw:
            if r["stance"] not in ("accuse", "deny") or r["kind"] != "actor" or not r["aid"]:
                continue
            weight = 2 if r["n"] == 0 else 1      # (the lede names the dispute's sides)
            a = self.actors.acts_for(r["aid"])
            roles[a] = roles.get(a, 0) + weight
            if r["cue"].pos_ != "NOUN" and r["stance"] == "accuse":
                for c in r["cue"].children:
                    if c.dep_ in ("dobj", "nsubjpass"):
                        kind, aid = self.resolve(c)
                        aid = aid if kind == "actor" else self._doer_of_act_named(c)
                        if aid:
                            aid = self.actors.acts_for(aid)
                            roles[aid] = roles.get(aid, 0) + weight
        return roles

    def _doer_of_act_named(self, noun):
        """'condemned the seizure' after 'Iran's Revolutionary Guard seized a tanker': the actor who
        did, in the article so far, the act a condemned noun names (the subject of its verb, the
        last time it was told), or None."""
        verb = self.lx["act_nouns"].get(noun.lemma_.lower())
        if verb is None or any(c.dep_ == "poss" for c in noun.children):
            return None
        here = self.order(noun)
        for n in range(min(here[0], len(self.sents) - 1), -1, -1):
            for t in reversed(self.sents[n][0]):
                if t.lemma_.lower() == verb and t.pos_ == "VERB" and (n, t.i) < here:
                    subj = next((c for c in t.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
                    return self.actor_of(subj) if subj is not None else None
        return None

    def sides(self):
        """The two sides of the article's dispute, its mediators left out (see parties)."""
        mediators = {self.actors.acts_for(aid) for m in self.med_mentions for _, aid in m["mediators"]}
        return self.parties(mediators - self.negated_mediators)

    def parties(self, mediators):
        """The two sides of the article's dispute: mention counts, weighted up for actors that
        accuse, deny or are accused, and down for bystanders (bodies that only back, urge or
        mediate, and international organisations that take no side)."""
        roles = self.conflict_roles()
        speakers = {self.actors.acts_for(r["aid"]) for r in self.raw if r["kind"] == "actor" and r["aid"]}
        score = {}
        for a, c in self.folded_counts().items():
            if a in mediators:
                continue
            k = roles.get(a, 0)
            w = c + 3 * k
            if not k and (a in speakers or self.actors.by_id[a].get("intl")):
                w *= 0.5
            score[a] = w
        ranked = sorted(score, key=lambda a: (-score[a], self._first_seen(a)))
        return ranked[:2]

    def _first_seen(self, aid):
        return next((o for o, a in self.thing_speakers if a == aid), (10 ** 9, 0))


#: institution words that are also the short names of political parties ('Labour leader X')
PARTY_NAMES = {"labour", "labor"}

#: company nouns that also name a person's trade ('software developer Ana Ruiz')
PERSON_LIKE_COMPANY_NOUNS = {"developer", "contractor", "trader", "operator", "employer", "maker"}

#: small words inside a body's name ('Unión Hortícola del Sur', 'Bank of Ghana')
NAME_JOINERS = {"of", "for", "and", "the", "de", "del", "la", "el", "des", "du", "di", "da", "do", "dos", "das",
                "der", "von", "van", "y", "e", "et", "&"}

#: first words of many bodies' names, which alone name none of them ('National', 'United')
GENERIC_NAME_WORDS = {"national", "united", "international", "royal", "new", "general", "central", "federal",
                      "democratic", "popular", "people's", "northern", "southern", "eastern", "western", "global",
                      "first", "state", "public", "free", "independent", "joint", "supreme", "high", "higher",
                      "islamic", "arab", "african", "asian", "european", "american", "world", "grand", "great"}

#: words any company is called by, which single out none ('the company', 'the firm'; not 'the lessor')
GENERIC_COMPANY_WORDS = {"company", "firm", "group", "corporation", "conglomerate", "giant", "startup"}

#: words by which an article names a state it has named ('the country', 'the kingdom')
COUNTRY_WORDS = {"country", "kingdom", "emirate", "sultanate", "republic"}

#: the last words of a company's legal name ('... River Transport Company', '... Holdings Ltd')
COMPANY_ENDINGS = {"company", "co", "corp", "corporation", "inc", "ltd", "limited", "plc", "llc", "group", "holdings",
                   # legal forms elsewhere ('Havbris Seafood ASA', 'Nordlicht GmbH', 'Vale S.A.', 'PT Adaro Tbk')
                   "asa", "ab", "ag", "sa", "nv", "bv", "gmbh", "spa", "s.p.a", "oyj", "bhd", "pty", "tbk", "jsc",
                   "pjsc", "ltda", "sarl", "sas", "s.a"}

#: legal forms written before a company's name ('PT Tomori Bumi Nickel', 'OOO Sibmetall')
COMPANY_PREFIXES = {"PT", "OOO", "OAO", "PAO", "ZAO", "AO"}

#: words for a kind of news outlet, before its name ('the Algerian daily Echaab El Djadid')
OUTLET_KINDS = {"daily", "weekly", "newspaper", "paper", "tabloid", "magazine", "broadcaster", "newsweekly", "website",
                "outlet", "channel"}

#: heads of a name made only of institution words that make it a state's forces or office
STATE_FORCE_HEADS = {"troop", "troops", "force", "forces", "guard", "guards", "police", "army", "military", "navy",
                     "service", "ministry", "committee", "command", "directorate"}

#: titles of a state's office holders (who speaks for which state is otherwise not guessed)
STATE_TITLES = {"minister", "spokesman", "spokeswoman", "spokesperson", "secretary", "ambassador", "envoy"}


def _report_before(subj, deps):
    """(clause, its subject) of the clause of ``deps`` that the verb of ``subj`` reports before
    it ('Senegal offered to host talks, its ministry said'), or (None, None)."""
    if subj.dep_ != "nsubj":
        return None, None
    clause = next((c for c in subj.head.children if c.dep_ in deps and c.i < subj.i), None)
    if clause is None:
        return None, None
    return clause, next((c for c in clause.children if c.dep_ == "nsubj"), None)


def _hung_cue(v) -> bool:
    """'The X Alliance, a Lagos-based group, accused Y of ...': a past verb the parser hung as a
    participle on the noun before it, set off by a comma, with an object of its own (which a
    reduced passive never has): the sentence's verb, not part of the noun phrase."""
    return v.dep_ == "acl" and v.tag_ in ("VBD", "VBN") and v.i > 0 and v.doc[v.i - 1].text == "," \
        and any(c.dep_ in ("dobj", "ccomp") for c in v.children)


def _opens_its_sentence(tok) -> bool:
    """The main clause's subject, with nothing before it but a fronted phrase ('In a statement,
    it said ...')."""
    if tok.dep_ != "nsubj" or tok.head.dep_ != "ROOT":
        return False
    fronted = {t.i for c in tok.head.children if c.i < tok.i and c.dep_ in ("prep", "advmod", "npadvmod", "advcl", "punct")
               for t in c.subtree}
    return all(i in fronted for i in range(tok.sent.start, tok.i))


def _a_place_tagged_as_a_body(ent) -> bool:
    """'bound for Tartu', 'near Ataq', 'returned to Tallinn': a one-word name the model tagged as a
    body where a place stands (after a preposition of place or a verb of going) is not
    registered as a body on that mention."""
    root = ent.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head      # ('the Soubré and Daloa regions': as its first conjunct stands)
    if ent.label_ == "ORG" and len(ent) == 1 and root.dep_ in ("compound", "nmod") \
            and root.head.lemma_.lower() in FACILITY_NOUNS:
        return True           # ('the Dioulafé mine', 'the Abeche airport')
    if ent.label_ != "ORG" or len(ent) != 1 or root.dep_ != "pobj":
        return False
    prep, head = root.head, root.head.head
    return prep.lower_ in ("in", "near", "into", "towards", "toward", "outside") \
        or prep.lower_ == "for" and head.lower_ == "bound" \
        or prep.lower_ == "to" and head.pos_ == "VERB" and head.lemma_.lower() in GOING_VERBS


#: what a place's name stands before ('the Dioulafé mine')
FACILITY_NOUNS = {"mine", "airport", "port", "river", "dam", "field", "oilfield", "refinery", "plant", "camp", "base", "route",
                  "mill", "factory", "smelter", "terminal", "plantation", "quarry",
                  "crossing", "valley", "district", "province", "region", "town", "village", "prison", "border", "lake"}

#: verbs of going whose 'to' names a place ('returned to Tallinn', 'diverted to Riga')
GOING_VERBS = {"fly", "travel", "return", "head", "divert", "move", "sail", "drive", "go", "come", "deport", "expel",
               "send", "bring", "transfer", "relocate", "flee", "march"}


def _before(seq, order):
    """Last (order, id) entry of a sorted list strictly before order."""
    i = bisect.bisect_left(seq, (order,))
    return seq[i - 1] if i else None


def _role_words(np, head):
    words = [t.text for t in np if t.i < head.i and t.ent_type_ != "PERSON" and t.pos_ in ("NOUN", "PROPN", "ADJ")]
    return " ".join(words).lower() or "member"


def _span_text(sent, toks):
    toks = sorted((t for t in toks if sent.start <= t.i < sent.end), key=lambda t: t.i)
    while toks and (toks[0].dep_ == "mark" or toks[0].is_punct):
        toks = toks[1:]
    if not toks:
        return ""
    lo, hi = min(t.i for t in toks), max(t.i for t in toks)
    doc = sent.doc
    s = doc[lo:hi + 1].text
    return s.strip(" ,.;:\"'\u201c\u201d\u2018\u2019")

