"""The statement model: plain dataclasses between text and RDF.

Annotation files (curated or extracted) load into these; ``rdf.py`` turns them into
triples. Keeping the model free of rdflib lets the loader and the extractor be tested
without any RDF; the words a field may take (stances, relations, actor types) are in
:mod:`claimgraph.vocab`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Span:
    """A stretch of the article text: ``text == article[start:end]``."""

    text: str
    start: int
    end: int


@dataclass
class Affiliation:
    actor: str
    role: str | None = None


@dataclass
class Actor:
    id: str
    label: str
    type: str
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    affiliations: list[Affiliation] = field(default_factory=list)


@dataclass
class Claim:
    id: str
    label: str
    subject: str | None = None
    relation: str | None = None
    object: str | None = None
    object_is_actor: bool = False
    #: The lemma of the proposition's verb when no relation names it ('share'): with the subject,
    #: what the claim says the subject did, for matching claims told in other words.
    verb: str | None = None
    contradicts: list[str] = field(default_factory=list)
    #: Claims of other articles a person says state the same proposition, or not: (article id, claim id).
    same_as: list[tuple[str, str]] = field(default_factory=list)
    not_same_as: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Statement:
    id: str
    stance: str
    claim: str
    sentence: Span
    speaker: str | None = None
    on_behalf_of: str | None = None
    about: list[str] = field(default_factory=list)
    span: Span | None = None
    date: date | None = None
    method: str = "curated"
    confidence: float | None = None
    extractor: str | None = None
    #: The speaker's own hedging ("allegedly", "may"): how sure the speaker is, not the extractor.
    hedge: list[str] = field(default_factory=list)

    @property
    def attributed_to(self) -> str | None:
        """The actor the statement counts for: the organisation a person speaks for."""
        return self.on_behalf_of or self.speaker


@dataclass
class Mediation:
    id: str
    label: str
    mediators: list[str]
    parties: list[str]
    sentence: Span
    place: str | None = None
    status: str = "held"
    outcome: str | None = None
    outcome_type: str | None = None
    follows: str | None = None
    date: date | None = None
    method: str = "curated"


@dataclass
class Article:
    id: str
    title: str
    date: date
    text: str
    text_path: Path
    publisher: str | None = None
    url: str | None = None


@dataclass
class Annotation:
    """One article and everything annotated in it; the unit of a named graph."""

    path: Path
    article: Article
    actors: list[Actor] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    mediations: list[Mediation] = field(default_factory=list)
    # what identifies the annotation besides the article text (hashed to detect changes):
    # the YAML text, or for a machine draft the extractor's version
    source: str = ""
