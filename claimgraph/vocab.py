"""The vocabulary: namespaces, the ontology's file, and the tables every layer shares.

IRIs are plain strings here, so that modules which never build RDF (queries, the
server, the page) need not import rdflib; :mod:`claimgraph.rdf` wraps them as rdflib
terms. The tables (actor types, stances, relations and the classes they map to) are
written once, here, and a test checks them against ``ontology/claims.ttl``.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

CG = "https://w3id.org/claimgraph/ns#"
ID = "https://w3id.org/claimgraph/id/"
OA = "http://www.w3.org/ns/oa#"
SCHEMA = "https://schema.org/"
WD = "http://www.wikidata.org/entity/"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"

#: Prefixes written into Turtle/TriG/JSON-LD output and used in SPARQL.
PREFIXES = {
    "cg": CG, "actor": ID + "actor/", "claim": ID + "claim/", "article": ID + "article/", "graph": ID + "graph/",
    "affiliation": ID + "affiliation/", "oa": OA, "schema": SCHEMA, "wd": WD, "prov": PROV, "skos": SKOS,
    "dcterms": DCTERMS, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL,
}

#: The same prefixes as a SPARQL prologue, for queries written in code.
SPARQL_PREFIXES = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())

#: The named graph that holds the ontology in a built dataset.
ONTOLOGY_GRAPH = CG.rstrip("#")
#: The bookkeeping graph of an on-disk store (content hashes, file paths); never part of the data.
BUILD_GRAPH = ID + "graph/_build"
#: The claims-across-articles graph (``claimgraph.linking``): links between claims of different
#: articles and each joined claim's representative. Article ids cannot start with "_".
LINKS_GRAPH = ID + "graph/_links"

# --- the annotation schema's words and the classes they stand for ---------------------------

ACTOR_TYPES = ("state", "armed-group", "organisation", "person")
STANCES = ("assert", "accuse", "deny", "commit", "endorse", "demand", "report")
RELATIONS = ("harbours", "supports", "attacks", "kills", "violates", "agrees-to")
METHODS = ("curated", "extracted")
MEDIATION_STATUSES = ("held", "planned")
OUTCOME_TYPES = ("ceasefire", "agreement")

#: Stances whose speaker puts a claim forward (a supporter of it).
SUPPORTING_STANCES = ("assert", "accuse")
#: Stances whose speaker disputes a claim.
DISPUTING_STANCES = ("deny",)

ACTOR_CLASS = {"state": CG + "State", "armed-group": CG + "ArmedGroup", "organisation": CG + "Organisation",
               "person": CG + "Person"}
STANCE_CLASS = {"assert": CG + "Assertion", "accuse": CG + "Accusation", "deny": CG + "Denial",
                "commit": CG + "Commitment", "endorse": CG + "Endorsement", "demand": CG + "Demand",
                "report": CG + "Report"}
RELATION = {"harbours": CG + "harbours", "supports": CG + "supports", "attacks": CG + "attacks",
            "kills": CG + "kills", "violates": CG + "violates", "agrees-to": CG + "agreesTo"}
OUTCOME_CLASS = {"ceasefire": CG + "Ceasefire", "agreement": CG + "Agreement"}

#: The cg: superclasses a built graph states beside each leaf class, so that ``?a a cg:Actor``
#: and ``?s a cg:Statement`` answer without a reasoner (checked against the ontology by a test).
SUPERCLASSES = {
    **{cls: (CG + "Actor",) for cls in ACTOR_CLASS.values()},
    **{cls: (CG + "Statement",) for cls in STANCE_CLASS.values()},
    CG + "Ceasefire": (CG + "Agreement",),
}

#: Stance class local names (what queries return) on each side of a claim.
SUPPORTING_CLASSES = tuple(STANCE_CLASS[s].removeprefix(CG) for s in SUPPORTING_STANCES)
DISPUTING_CLASSES = tuple(STANCE_CLASS[s].removeprefix(CG) for s in DISPUTING_STANCES)


# --- IRIs of the things in a graph (deterministic: derived from ids, never blank nodes) ------


def actor_iri(actor_id: str) -> str:
    return f"{ID}actor/{actor_id}"


def claim_iri(claim_id: str) -> str:
    return f"{ID}claim/{claim_id}"


def private_claim_iri(article_id: str, claim_id: str) -> str:
    """A claim only the extractor has stated, kept to its article: equal wording in two
    articles must not make one claim (only a link, curated or proposed, may join them)."""
    return f"{ID}{article_id}/claim/{claim_id}"


def article_iri(article_id: str) -> str:
    return f"{ID}article/{article_id}"


def graph_iri(article_id: str) -> str:
    """The named graph that holds one article's annotation."""
    return f"{ID}graph/{article_id}"


def statement_iri(article_id: str, statement_id: str) -> str:
    return f"{ID}{article_id}/statement/{statement_id}"


def mediation_iri(article_id: str, mediation_id: str) -> str:
    return f"{ID}{article_id}/mediation/{mediation_id}"


# --- N-Quads text (the build and the linker hand large writes to Oxigraph's bulk loader as text) ---

#: What N-Quads escapes in a string literal (the grammar forbids these four unescaped).
_NQUADS_ESCAPES = str.maketrans({'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r"})


def nquads_literal(lexical: str, datatype: str | None = None, language: str | None = None) -> str:
    """A literal in N-Quads form: quoted and escaped, with its language tag or datatype IRI
    (none for a plain string)."""
    if '"' in lexical or "\\" in lexical or "\n" in lexical or "\r" in lexical:
        lexical = lexical.translate(_NQUADS_ESCAPES)
    if language:
        return f'"{lexical}"@{language}'
    if datatype and datatype != XSD + "string":
        return f'"{lexical}"^^<{datatype}>'
    return f'"{lexical}"'


def ontology_path() -> Path:
    """The ontology folder: in a checkout the repository's ``ontology/``, in a wheel a copy inside the package."""
    packaged = resources.files("claimgraph") / "ontology"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "ontology"
