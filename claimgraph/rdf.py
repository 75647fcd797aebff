"""Turn annotations into RDF: one named graph per article, plus a default graph of documents.

Every IRI is derived from ids in the annotation (never a blank node), so the same input
always gives the same triples, and the serialisation is sorted so it gives the same bytes.
"""
from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from . import vocab
from .actors import wikidata_for
from .errors import ClaimgraphError
from .model import Annotation, Span, Statement
from .vocab import PREFIXES, SUPERCLASSES


class _Vocabulary(Namespace):
    """A namespace of a closed vocabulary whose terms are made once: rdflib's Namespace makes
    and checks a new URIRef at every ``CG.claim``, a tenth of the time a build spends
    converting an article (46,000 lookups for 200 articles). Not for ``ID``, whose terms
    are the corpus's own and would only fill the cache."""

    def term(self, name: str) -> URIRef:
        key = (self, name)  # (a Namespace hashes and compares as its str)
        found = _VOCABULARY_TERMS.get(key)
        if found is None:
            found = _VOCABULARY_TERMS[key] = super().term(name)
        return found


_VOCABULARY_TERMS: dict[tuple[str, str], URIRef] = {}

CG = _Vocabulary(vocab.CG)
ID = Namespace(vocab.ID)
OA = _Vocabulary(vocab.OA)
SCHEMA = _Vocabulary(vocab.SCHEMA)
WD = Namespace(vocab.WD)  # Wikidata: QIDs, open-ended like ID

QUOTE_CONTEXT = 32  # characters of prefix/suffix kept in a TextQuoteSelector


def actor_iri(actor_id: str) -> URIRef:
    return URIRef(vocab.actor_iri(actor_id))


def claim_iri(claim_id: str) -> URIRef:
    return URIRef(vocab.claim_iri(claim_id))


def claim_nodes(annotation: Annotation) -> dict[str, URIRef]:
    """The IRI of each claim of an article: its id in the corpus-wide ``claim/`` space when a
    person stated or curated it (``claim/ID`` names the same claim in every article), else
    private to the article (see :func:`claimgraph.vocab.private_claim_iri`)."""
    curated = {st.claim for st in annotation.statements if st.method != "extracted"}
    curated |= {other for claim in annotation.claims if claim.id in curated for other in claim.contradicts}
    said = {st.claim for st in annotation.statements}
    return {claim.id: claim_iri(claim.id) if claim.id in curated or claim.id not in said
            else URIRef(vocab.private_claim_iri(annotation.article.id, claim.id)) for claim in annotation.claims}


def article_iri(article_id: str) -> URIRef:
    return URIRef(vocab.article_iri(article_id))


def graph_iri(article_id: str) -> URIRef:
    return URIRef(vocab.graph_iri(article_id))


def statement_iri(article_id: str, statement_id: str) -> URIRef:
    return URIRef(vocab.statement_iri(article_id, statement_id))


def mediation_iri(article_id: str, mediation_id: str) -> URIRef:
    return URIRef(vocab.mediation_iri(article_id, mediation_id))


def _typed(g: Graph, node: URIRef, cls: str) -> None:
    """``node a cls`` and its cg: superclasses, so ``?x a cg:Actor`` answers without a reasoner."""
    g.add((node, RDF.type, URIRef(cls)))
    for superclass in SUPERCLASSES.get(cls, ()):
        g.add((node, RDF.type, URIRef(superclass)))


def content_hash(source: bytes, text: bytes) -> str:
    """What a build compares to skip unchanged work: SHA-256 of the annotation's identity and the article text.

    ``source`` is the annotation file's bytes, or for a machine draft the extractor's
    version (``Annotation.source``); the one definition used by every build path.
    """
    digest = hashlib.sha256()
    digest.update(source)
    digest.update(b"\0")
    digest.update(text)
    return digest.hexdigest()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unnamed"


def _selected_text(g: Graph, node: URIRef, article: URIRef, text: str, span: Span):
    """A W3C Web Annotation SpecificResource selecting ``span`` of the article, by quote and position."""
    g.add((node, RDF.type, OA.SpecificResource))
    g.add((node, OA.hasSource, article))
    quote, position = URIRef(node + "/quote"), URIRef(node + "/position")
    g.add((node, OA.hasSelector, quote))
    g.add((node, OA.hasSelector, position))
    g.add((quote, RDF.type, OA.TextQuoteSelector))
    g.add((quote, OA.exact, Literal(span.text)))
    g.add((quote, OA.prefix, Literal(text[max(0, span.start - QUOTE_CONTEXT):span.start])))
    g.add((quote, OA.suffix, Literal(text[span.end:span.end + QUOTE_CONTEXT])))
    g.add((position, RDF.type, OA.TextPositionSelector))
    g.add((position, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
    g.add((position, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))


def _evidence(g: Graph, body: URIRef, article: URIRef, text: str, sentence: Span):
    """The evidence annotation: the body (statement or mediation) is described by the sentence."""
    annotation, target = URIRef(body + "/evidence"), URIRef(body + "/evidence/target")
    g.add((body, CG.evidence, annotation))
    g.add((annotation, RDF.type, OA.Annotation))
    g.add((annotation, OA.motivatedBy, OA.describing))
    g.add((annotation, OA.hasBody, body))
    g.add((annotation, OA.hasTarget, target))
    _selected_text(g, target, article, text, sentence)


def _method(g: Graph, node: URIRef, method: str, confidence=None, extractor=None):
    g.add((node, CG.method, CG[method]))
    if confidence is not None:
        g.add((node, CG.confidence, Literal(Decimal(str(round(confidence, 4))), datatype=XSD.decimal)))
    if extractor:
        g.add((node, CG.extractor, Literal(extractor)))


def article_metadata(g: Graph, annotation: Annotation, digest: str | None = None):
    """The default-graph description of one article: what it is and which named graph holds it."""
    art = annotation.article
    node = article_iri(art.id)
    g.add((node, RDF.type, SCHEMA.NewsArticle))
    g.add((node, SCHEMA.headline, Literal(art.title)))
    g.add((node, SCHEMA.datePublished, Literal(art.date.isoformat(), datatype=XSD.date)))
    g.add((node, CG.namedGraph, graph_iri(art.id)))
    g.add((node, CG.textFile, Literal(art.text_path.name)))
    digest = digest or content_hash(annotation.source.encode("utf-8"), art.text.encode("utf-8"))
    g.add((node, CG.contentHash, Literal(digest)))
    if art.url:
        g.add((node, SCHEMA.url, URIRef(art.url)))
    if art.publisher:
        publisher = ID[f"publisher/{_slug(art.publisher)}"]
        g.add((node, SCHEMA.publisher, publisher))
        g.add((publisher, RDF.type, SCHEMA.Organization))
        g.add((publisher, SCHEMA.name, Literal(art.publisher)))


def article_graph(g: Graph, annotation: Annotation):
    """Everything annotated in one article, into ``g`` (the article's named graph)."""
    art = annotation.article
    article = article_iri(art.id)
    text = art.text

    for actor in annotation.actors:
        node = actor_iri(actor.id)
        _typed(g, node, vocab.ACTOR_CLASS[actor.type])
        g.add((node, RDFS.label, Literal(actor.label)))
        for alias in actor.aliases:
            g.add((node, SKOS.altLabel, Literal(alias)))
        wikidata = wikidata_for(actor)
        if wikidata:
            g.add((node, SKOS.exactMatch, WD[wikidata]))
        for aff in actor.affiliations:
            org = actor_iri(aff.actor)
            aff_node = ID[f"affiliation/{actor.id}.{aff.actor}"]
            g.add((node, CG.affiliation, aff_node))
            g.add((node, CG.actsFor, org))
            g.add((aff_node, RDF.type, CG.Affiliation))
            g.add((aff_node, CG.organisation, org))
            if aff.role:
                g.add((aff_node, CG.role, Literal(aff.role)))

    claims = claim_nodes(annotation)
    for claim in annotation.claims:
        node = claims[claim.id]
        g.add((node, RDF.type, CG.Claim))
        g.add((node, RDFS.label, Literal(claim.label)))
        if claim.subject:
            g.add((node, CG.subject, actor_iri(claim.subject)))
        if claim.relation:
            g.add((node, CG.relation, URIRef(vocab.RELATION[claim.relation])))
        if claim.object:
            if claim.object_is_actor:
                g.add((node, CG.object, actor_iri(claim.object)))
            else:
                g.add((node, CG.objectLabel, Literal(claim.object)))
        if claim.verb:
            g.add((node, CG.verb, Literal(claim.verb)))
        for other in claim.contradicts:
            g.add((node, CG.contradicts, claims[other]))
            g.add((claims[other], CG.contradicts, node))
        # A claim of another article, named by the private form of its IRI: whether that
        # article states it privately or as a corpus-wide claim is the linking's to resolve.
        for article_id, claim_id in claim.same_as:
            g.add((node, CG.sameProposition, URIRef(vocab.private_claim_iri(article_id, claim_id))))
        for article_id, claim_id in claim.not_same_as:
            g.add((node, CG.differentProposition, URIRef(vocab.private_claim_iri(article_id, claim_id))))

    for st in annotation.statements:
        _statement(g, annotation, st, article, text, claims[st.claim])

    for med in annotation.mediations:
        node = mediation_iri(art.id, med.id)
        g.add((node, RDF.type, CG.Mediation))
        g.add((node, RDFS.label, Literal(med.label)))
        g.add((node, CG.status, CG[med.status]))
        g.add((node, DCTERMS.source, article))
        for m in med.mediators:
            g.add((node, CG.mediator, actor_iri(m)))
        for p in med.parties:
            g.add((node, CG.party, actor_iri(p)))
        if med.place:
            g.add((node, CG.place, Literal(med.place)))
        if med.date:
            g.add((node, DCTERMS.date, Literal(med.date.isoformat(), datatype=XSD.date)))
        if med.follows:
            g.add((node, CG.followUpOf, mediation_iri(art.id, med.follows)))
        if med.outcome:
            outcome = ID[f"{art.id}/agreement/{med.id}"]
            g.add((node, CG.outcome, outcome))
            _typed(g, outcome, vocab.OUTCOME_CLASS["ceasefire" if med.outcome_type == "ceasefire" else "agreement"])
            g.add((outcome, RDFS.label, Literal(med.outcome)))
        _method(g, node, med.method)
        _evidence(g, node, article, text, med.sentence)


def _statement(g: Graph, annotation: Annotation, st: Statement, article: URIRef, text: str, claim: URIRef):
    node = statement_iri(annotation.article.id, st.id)
    _typed(g, node, vocab.STANCE_CLASS[st.stance])
    g.add((node, CG.claim, claim))
    g.add((node, DCTERMS.source, article))
    when = st.date or annotation.article.date
    g.add((node, DCTERMS.date, Literal(when.isoformat(), datatype=XSD.date)))
    if st.speaker:
        g.add((node, CG.speaker, actor_iri(st.speaker)))
    if st.on_behalf_of:
        g.add((node, CG.onBehalfOf, actor_iri(st.on_behalf_of)))
    if st.attributed_to:
        g.add((node, CG.attributedTo, actor_iri(st.attributed_to)))
    for target in st.about:
        g.add((node, CG.target, actor_iri(target)))
    _method(g, node, st.method, st.confidence, st.extractor)
    for word in st.hedge:
        g.add((node, CG.hedge, Literal(word)))
    _evidence(g, node, article, text, st.sentence)
    if st.span:
        span_node = URIRef(node + "/span")
        g.add((node, CG.contentSpan, span_node))
        _selected_text(g, span_node, article, text, st.span)


def new_dataset() -> Dataset:
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, Namespace(ns), replace=True)
    return ds


def build_dataset(annotations: list[Annotation]) -> Dataset:
    """All articles as one dataset: a named graph each, documents described in the default graph."""
    ds = new_dataset()
    seen: dict[str, Path] = {}
    for ann in annotations:
        if ann.article.id in seen:
            raise ClaimgraphError(f"{ann.path}: article.id: duplicate article id {ann.article.id!r} "
                                  f"(also in {seen[ann.article.id]}); give each article its own id")
        seen[ann.article.id] = ann.path
        article_metadata(ds.default_graph, ann)
        article_graph(ds.graph(graph_iri(ann.article.id)), ann)
    return ds
