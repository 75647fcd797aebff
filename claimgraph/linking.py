"""Claims across articles, and what the corpus concludes of each statement.

An extracted claim is private to its article (:func:`claimgraph.vocab.private_claim_iri`):
equal wording must never make two articles' claims one. This module is what may join
them. (A curated claim is named by its id in every article that states it; curators join
curated claims of different ids, or a curated and an extracted claim, with ``same_as``.)

For each extracted claim of a changed article it scores the extracted claims of other
articles between the same pair of actors that share a content word (blocking, through the
store's indexes: adding an article costs its neighbourhood, not the corpus), on three
kinds of evidence, each reported in the link's reason:

* the structured core: the same subject, relation and object actors;
* the stance pattern: an accusation of an actor in one article against that actor's
  denial in another (the sides of a dispute told on different days), or the same side
  saying it again;
* the wording: shared content words and names of the claims and their sentences, and
  negation (a claim and its negation by the other side contradict each other).

A pair scoring at least :data:`JOIN` is joined; one scoring at least :data:`PROPOSE` is a
proposed link for a person to accept or reject (``claimgraph query proposed-links``); each
claim keeps its :data:`TOP_LINKS` best. A curated annotation accepts or rejects a link by
naming the other article's claim (``same_as`` / ``not_same_as``). Joined and accepted links
form groups; every member points at one representative with ``cg:sameClaimAs`` (the curated
claim if the group has one, else the least IRI, so the choice does not depend on the order
articles came in).

From the groups, the build writes what queries need and should not resolve themselves: each
statement's ``cg:countsToward`` (its group) and ``cg:countsFor`` (its actor; a person
counts for the one state or organisation any article gives them), a summary of every
contested claim (``cg:ContestedClaim``), and which claims only anonymous reports put forward
(``cg:AnonymouslySourcedClaim``). Everything lives in one named graph,
:data:`claimgraph.vocab.LINKS_GRAPH`, kept up to date incrementally: an update recomputes
the groups it reaches and writes only the triples that differ.
"""
from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from . import vocab
from .vocab import CG, ID, SPARQL_PREFIXES

#: Stored in a store's build graph: a store linked by another version is linked again, whole.
LINKS_VERSION = "11"
#: A pair scoring at least this is joined into one claim without review.
JOIN = 0.42
#: A pair scoring at least this (and below JOIN) is proposed for review.
PROPOSE = 0.3
#: Candidate claims compared per claim at most (the best-blocked first), so one claim of a
#: very common actor pair cannot make adding an article cost the corpus.
MAX_CANDIDATES = 200

DCTERMS = "http://purl.org/dc/terms/"

SUPPORTING = {vocab.STANCE_CLASS[s] for s in vocab.SUPPORTING_STANCES}
DISPUTING = {vocab.STANCE_CLASS[s] for s in vocab.DISPUTING_STANCES}

STOPWORDS = frozenset("""a an the and or but if of to in on at by for with from into onto over under about as is are was
were be been being has have had do does did will would shall should can could may might must that this these those it
its it's he she they them their his her him we our us you your i me my mine which who whom whose what when where why how
there here than then so such not no nor also very just only even any all some more most other others own same both each
few many much one two three said says say saying told tell telling according stated statement added adding also
mr ms mrs dr""".split())
NEGATIONS = frozenset({"not", "no", "never", "none", "nothing", "neither", "nor", "without", "n't"})
#: Words a denial uses to point back at an accusation it does not repeat ("rejected the allegations").
REFERENTIAL = frozenset({"allegation", "accusation", "claim", "charge", "report", "assertion", "suggestion",
                         "insinuation", "statement", "remark", "comment", "it", "this", "that", "them", "so"})

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


def _stem(word: str) -> str:
    """A crude, deterministic stem: enough to meet 'killing'/'killed', 'allegations'/'allegation'."""
    word = word.lower().replace("\u2019", "'")
    word = word.removesuffix("'s").strip("'-")
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return word


def content_words(text: str) -> frozenset[str]:
    """The stems of a text's content words: no stopwords, no negations."""
    words = (w.lower().replace("\u2019", "'") for w in _WORD.findall(text))
    return frozenset(_stem(w) for w in words if w not in STOPWORDS and w not in NEGATIONS and len(w) > 1)


def names(text: str) -> frozenset[str]:
    """Capitalised words not at the start of the text: the names a claim mentions."""
    found = _WORD.findall(text)
    return frozenset(_stem(w) for w in found[1:] if w[:1].isupper() and w.lower() not in STOPWORDS)


def negated(text: str) -> bool:
    words = {w.lower() for w in _WORD.findall(text)}
    return bool(words & NEGATIONS) or "n't" in text or "n\u2019t" in text


def _dice(a: frozenset, b: frozenset) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


@dataclass
class ClaimProfile:
    """What linking knows of one claim: its article, core, sides and words."""

    iri: str
    article: str
    label: str = ""
    subject: str | None = None
    relation: str | None = None
    object: str | None = None
    verb: str | None = None
    supporters: set[str] = field(default_factory=set)
    disputers: set[str] = field(default_factory=set)
    speakers: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    sentences: set[str] = field(default_factory=set)

    def actors(self) -> set[str]:
        return self.speakers | self.targets | {a for a in (self.subject, self.object) if a}

    def accused(self) -> set[str]:
        """Whom the claim is against: the claim's subject, and the targets of its accusations and assertions."""
        return ({self.subject} if self.subject else set()) | (self.targets if self.supporters else set())

    # computed once per profile: linking compares each profile with many others
    @functools.cached_property
    def words(self) -> frozenset[str]:
        return content_words(self.label)

    @functools.cached_property
    def sentence_words(self) -> frozenset[str]:
        return content_words(" ".join(sorted(self.sentences)))

    @functools.cached_property
    def names(self) -> frozenset[str]:
        return names(" ".join(sorted(self.sentences)))

    @functools.cached_property
    def negated(self) -> bool:
        return negated(self.label)

    @functools.cached_property
    def referential(self) -> bool:
        """A claim that only points back at another ('the allegations', 'it')."""
        return not (self.words - REFERENTIAL)

    @functools.cached_property
    def blocks(self) -> frozenset[tuple[str, str]]:
        """The actor pairs the claim is between: who speaks (or is the subject) and whom it is
        about. Claims are compared only within a shared pair."""
        first = self.speakers | ({self.subject} if self.subject else set())
        second = self.targets | {a for a in (self.subject, self.object) if a}
        pairs = {(min(x, y), max(x, y)) for x in first for y in second if x != y}
        return frozenset(pairs or {(a, a) for a in self.actors()})


@dataclass(frozen=True)
class Link:
    """Two claims of different articles that state the same proposition (``a`` < ``b``)."""

    a: str
    b: str
    confidence: float
    reason: str
    status: str  # joined, proposed, contradicting, accepted or rejected
    articles: tuple[str, ...]  # the articles of the two claims (article IRIs)

    @property
    def iri(self) -> str:
        digest = hashlib.sha256(f"{self.a}\n{self.b}".encode("utf-8")).hexdigest()[:20]
        return f"{ID}link/{digest}"

    @property
    def joins(self) -> bool:
        return self.status in ("joined", "accepted")


def score(p: ClaimProfile, q: ClaimProfile) -> tuple[float, list[str]]:
    """How likely two claims of different articles state the same proposition, and why.

    Symmetric and made only of the two profiles (no corpus statistics), so a pair gets the
    same score whichever article came first.
    """
    reasons: list[str] = []
    total = 0.0
    if p.relation and q.relation:
        if p.relation != q.relation:
            total -= 0.2
            reasons.append("different relations")
        elif p.subject and p.subject == q.subject and p.object and p.object == q.object:
            total += 0.45
            reasons.append("same subject, relation and object")
        elif p.subject and p.subject == q.subject:
            total += 0.1
            reasons.append("same subject and relation")

    def against(first: ClaimProfile, second: ClaimProfile) -> bool:
        """``first`` accuses or asserts against an actor who disputes ``second``."""
        accused = first.accused() & second.disputers
        return bool(accused) and bool(first.supporters - accused)

    opposite = against(p, q) or against(q, p)
    if opposite:
        total += 0.2
        reasons.append("a side's claim against the other's denial")
    elif (p.supporters & q.supporters) or (p.disputers & q.disputers):
        total += 0.1
        reasons.append("same side")

    words = _dice(p.words, q.words)
    in_sentences = _dice(p.sentence_words, q.sentence_words)
    shared_names = _dice(p.names, q.names)
    if p.referential or q.referential:
        # 'India rejected the allegations': the wording is in the sentences, not the claim
        if opposite:
            total += 0.15 + 0.5 * in_sentences + 0.2 * shared_names
            reasons.append(f"a denial of the allegations; sentences share {in_sentences:.2f} of their words")
    else:
        total += 0.6 * words + 0.25 * in_sentences + 0.1 * shared_names
        if words:
            reasons.append(f"claims share {words:.2f} of their words")
        if in_sentences:
            reasons.append(f"sentences {in_sentences:.2f}")
        if p.negated != q.negated and words > 0.5:
            total -= 0.3  # 'X was involved' and 'X was not involved' oppose, they are not one claim
            reasons.append("one is negated")
    return round(max(0.0, min(1.0, total)), 4), reasons


#: Two claims put forward by different sides, one the negation of the other, sharing at least
#: this share of their words, contradict each other ('Canada shared evidence with India' and
#: 'Canada had not shared any information').
CONTRADICTION_WORDS = 0.4


def contradiction(p: ClaimProfile, q: ClaimProfile) -> tuple[float, list[str]] | None:
    """(confidence, reasons) when ``p`` and ``q`` are one proposition and its negation put forward
    by different actors: asserting either disputes the other (``cg:contradicts``). One
    proposition: the same subject doing the same thing (``cg:subject`` and ``cg:verb``: 'Canada
    had shared the allegations with India', 'Ottawa had not shared a shred of evidence'), or
    claims sharing :data:`CONTRADICTION_WORDS` of their words."""
    if p.negated == q.negated or p.referential or q.referential:
        return None
    if not p.supporters or not q.supporters or p.supporters & q.supporters:
        return None
    words = _dice(p.words, q.words)
    same_act = bool(p.subject and p.verb) and (p.subject, p.verb) == (q.subject, q.verb)
    if words < CONTRADICTION_WORDS and not same_act:
        return None
    reasons = [f"one negates the other; claims share {words:.2f} of their words"]
    if same_act:
        reasons.append("same subject and verb")
    return (round(min(1.0, 0.4 + 0.6 * words + (0.1 if same_act else 0.0)), 4),
            reasons + ["put forward by different actors"])


#: Each claim keeps links to its best matches only (a link stays while it is among the best
#: of either of its claims): a claim said in a thousand articles makes a chain of links, not
#: half a million, and a group stays connected through its best matches.
TOP_LINKS = 5


def candidate_links(changed: list[ClaimProfile], corpus: list[ClaimProfile]) -> dict[str, list[Link]]:
    """For each claim of ``changed``: every link it could have with a claim of another article
    in ``corpus`` (scored at least :data:`PROPOSE`, or contradicting it).

    Blocking keeps this sub-quadratic: two claims are compared only when they are between
    the same pair of actors and share a content word, or, for a claim that only points back
    ('denied the allegations'), when one disputes what the other's side put forward. At
    most :data:`MAX_CANDIDATES` are scored per claim, those sharing the most words first.
    """
    by_word: dict[tuple, list[ClaimProfile]] = {}
    by_pair: dict[tuple, list[ClaimProfile]] = {}  # every claim, for claims that only point back
    pointing: dict[tuple, list[ClaimProfile]] = {}  # the claims that only point back
    for q in corpus:
        for pair in q.blocks:
            by_pair.setdefault(pair, []).append(q)
            if q.referential:
                pointing.setdefault(pair, []).append(q)
            for word in q.words:
                by_word.setdefault((pair, word), []).append(q)
    found_links: dict[str, list[Link]] = {}
    for p in changed:
        shared: dict[str, int] = {}
        profiles: dict[str, ClaimProfile] = {}
        for pair in p.blocks:
            found = list(by_pair.get(pair, ())) if p.referential else list(pointing.get(pair, ()))
            found += [q for word in p.words for q in by_word.get((pair, word), ())]
            for q in found:
                if q.article != p.article:
                    profiles[q.iri] = q
        for iri, q in profiles.items():
            shared[iri] = len(p.words & q.words) * 100 + len(p.sentence_words & q.sentence_words)
        mine = found_links.setdefault(p.iri, [])
        for iri in sorted(shared, key=lambda iri: (-shared[iri], iri))[:MAX_CANDIDATES]:
            q = profiles[iri]
            confidence, reasons = score(p, q)
            status = "joined" if confidence >= JOIN else "proposed" if confidence >= PROPOSE else None
            opposed = contradiction(p, q)
            if opposed is not None:
                confidence, reasons, status = opposed[0], opposed[1], "contradicting"
            if status is not None:
                pair = (min(p.iri, q.iri), max(p.iri, q.iri))
                mine.append(Link(pair[0], pair[1], confidence, "; ".join(reasons), status,
                                 tuple(sorted({p.article, q.article}))))
    return found_links


def best_links(claim: str, links) -> list[Link]:
    """The :data:`TOP_LINKS` best of a claim's links: highest confidence, then the other
    claim's IRI (so ties break the same way in every build)."""
    other = lambda link: link.b if link.a == claim else link.a  # noqa: E731
    return sorted(links, key=lambda link: (-link.confidence, other(link)))[:TOP_LINKS]


def propose_links(changed: list[ClaimProfile], corpus: list[ClaimProfile]) -> list[Link]:
    """The links of the claims of ``changed`` with the claims of other articles in ``corpus``,
    when ``corpus`` holds every claim (a full build): each claim's :func:`best_links`."""
    kept: dict[tuple[str, str], Link] = {}
    for claim, links in candidate_links(changed, corpus).items():
        for link in best_links(claim, links):
            kept[(link.a, link.b)] = link
    return [kept[pair] for pair in sorted(kept)]


def groups(links: list[Link], public: set[str] = frozenset()) -> dict[str, str]:
    """Each claim joined to others -> its group's representative (``cg:sameClaimAs``).

    Joined and accepted links make the groups, a rejected link is never crossed, so a
    group whose members a person said differ is split at that link's claims.
    The representative is a curated claim if the group has one, else its least IRI.
    """
    rejected = {(link.a, link.b) for link in links if link.status == "rejected"}
    parent: dict[str, str] = {}

    find = _finder(parent)

    members: dict[str, set[str]] = {}
    for link in sorted((lk for lk in links if lk.joins), key=lambda lk: (-lk.confidence, lk.a, lk.b)):
        ra, rb = find(link.a), find(link.b)
        if ra == rb:
            continue
        if any({find(x), find(y)} == {ra, rb} for x, y in rejected):
            continue  # a person said two of these differ
        group_a, group_b = members.get(ra, {ra}), members.get(rb, {rb})
        parent[rb] = ra
        members[ra] = group_a | group_b
        members.pop(rb, None)
    representative = {}
    for root, group in members.items():
        chosen = min(group, key=lambda iri: (iri not in public, iri))
        for iri in group:
            if iri != chosen:
                representative[iri] = chosen
    return representative


# --- reading profiles from a store, writing links as RDF ------------------------------------


# Simple patterns, joined in Python: one query with nested OPTIONALs took 2 s at 1,000
# articles where these take a tenth of it. The selector's type is checked with FILTER EXISTS:
# as a pattern, Oxigraph joined every TextQuoteSelector of the corpus (measured at 10,000
# articles, every profile read: 9 s CPU so, 0.9 s with the FILTER).
#: Extracted claims only: a curated claim (``vocab.claim_iri``) is linked by people.
_EXTRACTED = f' FILTER (!STRSTARTS(STR(?claim), "{vocab.claim_iri("")}"))'
_PROFILE_STATEMENTS = SPARQL_PREFIXES + """SELECT ?st ?claim ?article ?label ?cls ?sentence WHERE {
  %s
  ?st cg:claim ?claim ; a ?cls ; dcterms:source ?article .""" + _EXTRACTED + """
  FILTER (?cls IN (cg:Assertion, cg:Accusation, cg:Denial, cg:Commitment, cg:Endorsement, cg:Demand, cg:Report))
  ?claim rdfs:label ?label .
  ?st cg:evidence/oa:hasTarget/oa:hasSelector ?quote . ?quote oa:exact ?sentence
  FILTER EXISTS { ?quote a oa:TextQuoteSelector }
}"""
#: One query per part (a UNION of them took 3.6 s at 1,000 articles, these 0.1 s together),
#: of extracted claims only, as the profiles are (every statement's: 11 s CPU at 10,000
#: articles, 2 s so).
_PROFILE_PARTS = [SPARQL_PREFIXES + "SELECT ?st ?claim ?o WHERE { %s ?st cg:claim ?claim ; " + part + " ?o" + _EXTRACTED
                  + " }" for part in ("cg:attributedTo", "cg:target")]
_CLAIM_PARTS = [SPARQL_PREFIXES + "SELECT ?st ?claim ?o WHERE { %s ?st cg:claim ?claim . ?claim " + part + " ?o"
                + _EXTRACTED + " }" for part in ("cg:subject", "cg:relation", "cg:object", "cg:verb")]


def acting_for(store) -> dict[str, str]:
    """Each person the corpus says acts for exactly one state or organisation -> that actor:
    whom a person's statements count for when their own article does not say.

    A person known only by a surname ('Kessler has repeatedly said ...', in an article that
    never gives the full name a role) counts for the same actor as the one person of the corpus
    whose full name ends in that surname and who acts for one actor (none when the surname is
    shared by people acting for different actors)."""
    orgs: dict[str, set] = {}
    labels: dict[str, str] = {}
    for row in store.query(SPARQL_PREFIXES + """SELECT ?who ?label ?for WHERE { ?who a cg:Person .
            OPTIONAL { ?who rdfs:label ?label } OPTIONAL { ?who cg:actsFor ?for } }"""):
        who = row["who"].value
        if row["label"] is not None:
            labels.setdefault(who, row["label"].value)
        if row["for"] is not None:
            orgs.setdefault(who, set()).add(row["for"].value)
    found = {who: next(iter(acts)) for who, acts in orgs.items() if len(acts) == 1}
    by_surname: dict[str, set] = {}
    for who, label in labels.items():
        words = label.split()
        if len(words) > 1 and who in orgs:
            by_surname.setdefault(words[-1].lower(), set()).update(orgs[who])
    for who, label in labels.items():
        words = label.split()
        if who not in orgs and len(words) == 1 and len(by_surname.get(words[0].lower(), ())) == 1:
            found[who] = next(iter(by_surname[words[0].lower()]))
    return found


def _profiles(store, scope: str, counts_for: dict[str, str] | None = None) -> dict[str, ClaimProfile]:
    profiles: dict[str, ClaimProfile] = {}
    stance: dict[str, str] = {}
    for row in store.query(_PROFILE_STATEMENTS % scope):
        claim = row["claim"].value
        p = profiles.get(claim)
        if p is None:
            p = profiles[claim] = ClaimProfile(claim, row["article"].value, row["label"].value)
        stance[row["st"].value] = row["cls"].value
        p.sentences.add(row["sentence"].value)
    counts_for = acting_for(store) if counts_for is None else counts_for
    if "?article" in scope:  # the parts' queries name the statement's article only when scoped by it
        scope += " ?st dcterms:source ?article ."
    for predicate, query in zip((CG + "attributedTo", CG + "target", CG + "subject", CG + "relation", CG + "object", CG + "verb"),
                                _PROFILE_PARTS + _CLAIM_PARTS):
        for row in store.query(query % scope):
            p = profiles.get(row["claim"].value)
            if p is not None:
                _add_part(p, predicate, row["o"].value, stance.get(row["st"].value), counts_for)
    return profiles


def _add_part(p: ClaimProfile, predicate: str, value: str, cls: str | None, counts_for: dict[str, str]) -> None:
    """One fact of a statement or its claim into the claim's profile."""
    if predicate == CG + "attributedTo":
        actor = counts_for.get(value, value)
        p.speakers.add(actor)
        if cls in SUPPORTING:
            p.supporters.add(actor)
        if cls in DISPUTING:
            p.disputers.add(actor)
    elif predicate == CG + "target":
        p.targets.add(value)
    else:
        setattr(p, predicate.removeprefix(CG), value)


def read_profiles(store, articles: set[str] | None = None, claims: set[str] | None = None,
                  counts_for: dict[str, str] | None = None) -> list[ClaimProfile]:
    """Profiles of the extracted claims in a store's union view: of ``articles`` (article
    IRIs), or the ``claims`` named; both None reads every one. ``counts_for`` is
    :func:`acting_for` of the store, when the caller has it."""
    if articles is not None:
        scope = "VALUES ?article { %s }" % " ".join(f"<{a}>" for a in sorted(articles))
    elif claims is not None:
        scope = "VALUES ?claim { %s }" % " ".join(f"<{c}>" for c in sorted(claims))
    else:
        scope = ""
    if (articles is not None and not articles) or (claims is not None and not claims):
        return []
    profiles = _profiles(store, scope, counts_for)
    return [profiles[key] for key in sorted(profiles)]


def claims_between(store, pairs: set[tuple[str, str]]) -> set[str]:
    """The claims between any of these actor pairs (see :attr:`ClaimProfile.blocks`): the
    candidates of a changed article's claims, found through the store's indexes."""
    if not pairs:
        return set()
    values = " ".join(f"(<{x}> <{y}>) (<{y}> <{x}>)" for x, y in sorted(pairs))
    found = store.query(SPARQL_PREFIXES + f"""
        SELECT DISTINCT ?claim WHERE {{ VALUES (?x ?y) {{ {values} }}
          {{ ?s cg:attributedTo ?x ; cg:target ?y ; cg:claim ?claim }}
          UNION {{ ?person cg:actsFor ?x . ?s cg:attributedTo ?person ; cg:target ?y ; cg:claim ?claim }}
          UNION {{ ?s cg:attributedTo ?x ; cg:claim ?claim . ?claim cg:subject ?y }}
          UNION {{ ?s cg:attributedTo ?x ; cg:claim ?claim . ?claim cg:object ?y }}
          UNION {{ ?claim cg:subject ?x ; cg:object ?y }}
          UNION {{ ?claim cg:subject ?x . ?s cg:claim ?claim ; cg:target ?y }}
          FILTER (!STRSTARTS(STR(?claim), "{ID}claim/")) }}""")
    return {row["claim"].value for row in found}


#: Above this many changed articles, linking reads every extracted claim at once rather than
#: looking up the candidates of each changed article's actor pairs.
READ_ALL_FROM = 200


def _links_from_triples(triples) -> list[Link]:
    parts: dict[str, dict] = {}
    for s, p, o in triples:
        if not s.startswith(ID + "link/"):
            continue
        entry = parts.setdefault(s, {"claims": set(), "articles": set(), "reason": ""})
        if p == CG + "linkedClaim":
            entry["claims"].add(o)
        elif p == DCTERMS + "source":
            entry["articles"].add(o)
        elif p == CG + "confidence":
            entry["confidence"] = float(o[0])
        elif p == CG + "reason":
            entry["reason"] = o[0]
        elif p == CG + "linkStatus":
            entry["status"] = o.removeprefix(CG)
    links = []
    for entry in parts.values():
        claims = sorted(entry["claims"])
        if len(claims) == 2 and "confidence" in entry and "status" in entry:
            links.append(Link(claims[0], claims[1], entry["confidence"], entry["reason"], entry["status"],
                              tuple(sorted(entry["articles"]))))
    return sorted(links, key=lambda lk: (lk.a, lk.b))


def _decimal(value: float) -> str:
    """The canonical xsd:decimal form Oxigraph keeps ('1', '0.45'), so a rebuild compares equal."""
    return f"{round(value, 4):.4f}".rstrip("0").rstrip(".") or "0"


def link_triples(links: list[Link], representative: dict[str, str]) -> list[tuple[str, str, object]]:
    """The links graph's triples: (subject IRI, predicate IRI, object) with the object an IRI
    string or a ``(lexical, datatype)`` literal pair."""
    xsd = vocab.XSD
    triples: list[tuple[str, str, object]] = []
    for link in links:
        node = link.iri
        triples += [(node, vocab.RDF + "type", CG + "ClaimLink"),
                    (node, CG + "linkedClaim", link.a), (node, CG + "linkedClaim", link.b),
                    (node, CG + "confidence", (_decimal(link.confidence), xsd + "decimal")),
                    (node, CG + "linkStatus", CG + link.status)]
        if link.reason:
            triples.append((node, CG + "reason", (link.reason, xsd + "string")))
        triples += [(node, DCTERMS + "source", article) for article in link.articles]
    triples += [(claim, CG + "sameClaimAs", rep) for claim, rep in representative.items()]
    for link in links:  # between the groups, as contested claims are counted
        if link.status == "contradicting":
            a, b = representative.get(link.a, link.a), representative.get(link.b, link.b)
            if a != b:
                triples += [(a, CG + "contradicts", b), (b, CG + "contradicts", a)]
    return sorted(set(triples), key=lambda t: (t[0], t[1], str(t[2])))


# --- keeping a store's links up to date -----------------------------------------------------

class LinkError(ValueError):
    """A curated ``same_as``/``not_same_as`` names a claim no article of the corpus has."""

    def __init__(self, article: str, claim: str, key: str, ref: str):
        self.article, self.claim, self.key, self.ref = article, claim, key, ref
        other, claim_id = ref.rsplit("/claim/", 1)
        super().__init__(f"claims (id {claim.rsplit('/', 1)[-1]!r}).{key}: no claim {claim_id!r} in article "
                         f"{other.rsplit('/', 1)[-1]!r} (is that article in the build, and the claim id right?)")


def curated_links(store) -> list[Link]:
    """Every ``same_as``/``not_same_as`` of the corpus as a link (accepted or rejected) between
    the claims' IRIs, its articles the one that says so and the one it names.

    A reference names the other article's claim by the private form of its IRI; when the
    other article states that claim as a corpus-wide claim (curated), it is ``claim/ID``.
    Raises :class:`LinkError` for a reference to a claim that no article has.
    """
    found = store.query(f"""SELECT ?g ?article ?claim ?p ?ref WHERE {{
        GRAPH ?g {{ ?claim ?p ?ref }} VALUES ?p {{ <{CG}sameProposition> <{CG}differentProposition> }}
        ?article <{CG}namedGraph> ?g }}""")
    links: dict[tuple[str, str], Link] = {}
    for row in sorted(found, key=lambda r: (r["g"].value, r["claim"].value, r["p"].value, r["ref"].value)):
        claim, ref = row["claim"].value, row["ref"].value
        other, claim_id = ref[len(ID):].split("/claim/", 1)
        resolved = None
        for candidate in (ref, vocab.claim_iri(claim_id)):
            if store.query(f"ASK {{ GRAPH <{vocab.graph_iri(other)}> {{ <{candidate}> a <{CG}Claim> }} }}"):
                resolved = candidate
                break
        key = "same_as" if row["p"].value.endswith("sameProposition") else "not_same_as"
        if resolved is None:
            raise LinkError(row["g"].value, claim, key, ref)
        pair = (min(claim, resolved), max(claim, resolved))
        articles = tuple(sorted({row["article"].value, vocab.article_iri(other)}))
        links[pair] = Link(pair[0], pair[1], 1.0, f"{key} in a curated annotation",
                           "accepted" if key == "same_as" else "rejected", articles)
    return [links[pair] for pair in sorted(links)]


@dataclass
class LinkUpdate:
    """What a build did to the links: how many there are now and how many it changed."""

    joined: int = 0
    proposed: int = 0
    contradicting: int = 0
    curated: int = 0
    added: int = 0  # triples
    removed: int = 0  # triples
    exact: bool = False  # added and removed are exactly the links graph's change (a build counts on them)


def _value(term):
    if not isinstance(term, ox.Literal):
        return term.value
    datatype = term.datatype.value
    # Oxigraph keeps xsd:nonNegativeInteger as xsd:integer: compare as written
    return term.value, (vocab.XSD + "nonNegativeInteger" if datatype == vocab.XSD + "integer" else datatype)


def _current_triples(store, subjects: set[str] | None = None) -> set[tuple[str, str, object]]:
    """The links graph's triples: all, or those about ``subjects`` (link and claim IRIs)."""
    graph = ox.NamedNode(vocab.LINKS_GRAPH)
    if subjects is None:
        found = store.quads_for_pattern(None, None, None, graph)
    else:
        found = (q for subject in sorted(subjects)
                 for q in store.quads_for_pattern(ox.NamedNode(subject), None, None, graph))
    return {(q.subject.value, q.predicate.value, _value(q.object)) for q in found}


def _term(value):
    if isinstance(value, tuple):
        return ox.Literal(value[0], datatype=ox.NamedNode(value[1]))
    return ox.NamedNode(value)


def _subjects(store, predicate: str, objects: set[str]) -> set[str]:
    """Subjects of ``predicate`` pointing at any of ``objects`` in the links graph."""
    graph, pred = ox.NamedNode(vocab.LINKS_GRAPH), ox.NamedNode(predicate)
    return {q.subject.value for o in sorted(objects) for q in store.quads_for_pattern(None, pred, ox.NamedNode(o), graph)}


def _affected(store, touched: set[str], claims: set[str]) -> tuple[set[str], set[str]]:
    """What an update must recompute: the links graph's link nodes and claims that the
    ``touched`` articles and these ``claims`` reach, whole groups included (a group may
    split or merge, and its representative change)."""
    links = _subjects(store, DCTERMS + "source", touched)
    graph = ox.NamedNode(vocab.LINKS_GRAPH)
    claimed, same = ox.NamedNode(CG + "linkedClaim"), ox.NamedNode(CG + "sameClaimAs")
    members = set(claims)
    for link in sorted(links):
        members |= {q.object.value for q in store.quads_for_pattern(ox.NamedNode(link), claimed, None, graph)}
    representatives = set(members)
    for claim in sorted(members):
        representatives |= {q.object.value for q in store.quads_for_pattern(ox.NamedNode(claim), same, None, graph)}
    members |= representatives | _subjects(store, CG + "sameClaimAs", representatives)
    links |= _subjects(store, CG + "linkedClaim", members)
    return links, members


#: The statements whose stance takes a side of their claim, and the predicate that says which.
_SIDE_PREDICATE = {**{cls: CG + "supportsClaim" for cls in SUPPORTING}, **{cls: CG + "deniesClaim" for cls in DISPUTING}}
_SIDE_CLASSES = " ".join(f"<{cls}>" for cls in sorted(_SIDE_PREDICATE))


def _statement_triples(store, statements: set[str] | None, representative: dict[str, str],
                       members: set[str] | None, counts_for: dict[str, str] | None = None) -> set[tuple[str, str, object]]:
    """What the build concludes of each statement across the corpus (all, or ``statements``):
    the claim it counts toward (``cg:countsToward``, its group's representative; said again as
    ``cg:supportsClaim`` or ``cg:deniesClaim`` when its stance takes a side) and the actor
    it counts for (``cg:countsFor``: a person counts for the one state or organisation any
    article says they act for, else for themself). Queries read these triples instead of
    resolving them at query time (measured: that made `contested` 50x slower; reading the
    sides from every statement's class made its page 2x slower at 100,000 articles)."""
    if statements is not None and not statements:
        return set()
    scope = "" if statements is None else "VALUES ?st { %s }" % " ".join(f"<{st}>" for st in sorted(statements))
    claim_of = {row["st"].value: row["claim"].value
                for row in store.query(SPARQL_PREFIXES + f"SELECT ?st ?claim WHERE {{ {scope} ?st cg:claim ?claim }}")}
    who_of = {row["st"].value: row["who"].value
              for row in store.query(SPARQL_PREFIXES + f"SELECT ?st ?who WHERE {{ {scope} ?st cg:attributedTo ?who }}")}
    side_of = {row["st"].value: _SIDE_PREDICATE[row["cls"].value] for row in store.query(
        SPARQL_PREFIXES + f"SELECT ?st ?cls WHERE {{ {scope} ?st a ?cls VALUES ?cls {{ {_SIDE_CLASSES} }} }}")}
    counts_for = acting_for(store) if counts_for is None else counts_for
    outside = {c for c in claim_of.values() if members is not None and c not in members}
    stored = _representatives(store, outside)
    triples = set()
    for st, claim in claim_of.items():
        group = representative.get(claim) or stored.get(claim) or claim
        triples.add((st, CG + "countsToward", group))
        if st in side_of:
            triples.add((st, side_of[st], group))
        if st in who_of:
            triples.add((st, CG + "countsFor", counts_for.get(who_of[st], who_of[st])))
    return triples


def _representatives(store, claims: set[str]) -> dict[str, str]:
    """The stored ``cg:sameClaimAs`` of these claims (groups the update does not touch)."""
    graph, same = ox.NamedNode(vocab.LINKS_GRAPH), ox.NamedNode(CG + "sameClaimAs")
    return {claim: q.object.value for claim in sorted(claims)
            for q in store.quads_for_pattern(ox.NamedNode(claim), same, None, graph)}


def _statements_touched(store, changed: set[str], removed: set[str], members: set[str],
                        everywhere: bool = True) -> set[str]:
    """The statements whose corpus conclusions an update may change: those of the changed
    articles, of the claims in the affected groups, by the persons of the changed articles,
    those that now count for someone other than their speaker (an affiliation may be gone),
    and those of removed articles (their conclusions go). Without ``everywhere``, only those
    of the changed articles and of the claims (the caller looks after the persons)."""
    found: set[str] = set()

    def select(query: str) -> None:
        found.update(row["st"].value for row in store.query(SPARQL_PREFIXES + query))

    if changed:
        articles = " ".join(f"<{a}>" for a in sorted(changed))
        select(f"SELECT ?st WHERE {{ VALUES ?a {{ {articles} }} ?st dcterms:source ?a ; cg:claim ?c }}")
    if changed and everywhere:
        graphs = " ".join(f"<{vocab.graph_iri(a.rsplit('/', 1)[-1])}>" for a in sorted(changed))
        select(f"SELECT DISTINCT ?st WHERE {{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?p a cg:Person }} "
               f"?st cg:attributedTo ?p }}")
    if members:
        claims = " ".join(f"<{c}>" for c in sorted(members))
        select(f"SELECT ?st WHERE {{ VALUES ?c {{ {claims} }} ?st cg:claim ?c }}")
    if everywhere:
        select(f"SELECT ?st WHERE {{ GRAPH <{vocab.LINKS_GRAPH}> {{ ?st cg:countsFor ?x }} "
               f"?st cg:attributedTo ?y FILTER (?x != ?y) }}")
    if removed:
        prefixes = " || ".join(f'STRSTARTS(STR(?st), "{ID}{a.rsplit("/", 1)[-1]}/")' for a in sorted(removed))
        select(f"SELECT ?st WHERE {{ GRAPH <{vocab.LINKS_GRAPH}> {{ ?st cg:countsToward ?c }} FILTER ({prefixes}) }}")
    return found


#: A claim's sides, from the statements counting toward it (their stance) and from those
#: counting toward a claim that contradicts it (disputers). Aggregated by Oxigraph, one row
#: per claim. The two are asked apart, each one join with its BIND last: as one UNION, or
#: with the BIND amid the patterns, Oxigraph joined over every statement of the corpus
#: (3 s CPU at 10,000 articles for two claims of a dozen statements; 4 ms so).
_SIDES_QUERY = """
PREFIX cg: <https://w3id.org/claimgraph/ns#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?claim (GROUP_CONCAT(DISTINCT ?supporter) AS ?supporters) (GROUP_CONCAT(DISTINCT ?disputer) AS ?disputers)
       (COUNT(DISTINCT ?article) AS ?articles) (MIN(STR(?date)) AS ?first) (MAX(STR(?date)) AS ?latest)
       (GROUP_CONCAT(DISTINCT ?how) AS ?methods) (GROUP_CONCAT(DISTINCT %(articles)s) AS ?articleList) WHERE {
  %(scope)s
  %(sides)s
  ?st cg:countsFor ?actor ; dcterms:source ?article ; dcterms:date ?date .
  OPTIONAL { ?st cg:method ?method }
  %(side)s
  BIND (IF(?side = "supporter", STR(?actor), "") AS ?supporter)
  BIND (IF(?side = "disputer", STR(?actor), "") AS ?disputer)
  BIND (COALESCE(STR(?method), "https://w3id.org/claimgraph/ns#curated") AS ?how)
} GROUP BY ?claim"""
_STANCES = """?st cg:countsToward ?claim ; a ?cls .
  VALUES (?cls ?side) { (cg:Assertion "supporter") (cg:Accusation "supporter") (cg:Denial "disputer") }"""
_CONTRADICTED = """?other cg:contradicts ?claim .
  ?st cg:countsToward ?other ; a ?cls .
  VALUES ?cls { cg:Assertion cg:Accusation }"""


def _summary_entries(store, scope: str) -> dict[str, tuple]:
    """Each claim's (supporters, disputers, article count, first date, latest date, methods),
    from the statements counting toward it (``scope``: a VALUES clause of claims or
    statements, or nothing for every claim)."""

    def ask(sides: str, articles: bool, where: str = scope) -> dict[str, list]:
        found = {}
        side = 'BIND ("disputer" AS ?side)' if sides == _CONTRADICTED else ""  # last: a BIND splits the join
        for row in store.query(_SIDES_QUERY % {"scope": where, "sides": sides, "side": side,
                                               "articles": "STR(?article)" if articles else '""'}):
            # IRIs hold no spaces: GROUP_CONCAT's separator splits them again ("" stands for the other side)
            found[row["claim"].value] = [set(row[k].value.split()) if row[k] is not None else set()
                                         for k in ("supporters", "disputers")] + [
                int(row["articles"].value), row["first"].value, row["latest"].value, set(row["methods"].value.split()),
                set(row["articleList"].value.split())]
        return found

    entries = ask(_STANCES, False)
    against = ask(_CONTRADICTED, True)
    if against:  # claims with sides of both kinds: their articles counted once
        both = [c for c in against if c in entries]
        mine = ask(_STANCES, True, "VALUES ?claim { %s }" % " ".join(f"<{c}>" for c in sorted(both))) if both else {}
        for claim, entry in against.items():
            own = entries.get(claim)
            if own is not None:
                entry[6] |= mine[claim][6]
                entry[:6] = [own[0] | entry[0], own[1] | entry[1], len(entry[6]), min(own[3], entry[3]),
                             max(own[4], entry[4]), own[5] | entry[5]]
            entries[claim] = entry
    return {claim: tuple(entry[:6]) for claim, entry in entries.items()}


def _summary_of(claim: str, pro: set, con: set, articles: int, first: str, latest: str,
                methods: set) -> set[tuple[str, str, object]]:
    """A claim's summary triples; none unless it is contested (a supporter and a different disputer)."""
    if not pro or not con or (len(pro) == len(con) == 1 and pro == con):
        return set()
    xsd = vocab.XSD
    triples = {(claim, vocab.RDF + "type", CG + "ContestedClaim"),
               (claim, CG + "supporterCount", (str(len(pro)), xsd + "nonNegativeInteger")),
               (claim, CG + "disputerCount", (str(len(con)), xsd + "nonNegativeInteger")),
               (claim, CG + "articleCount", (str(articles), xsd + "nonNegativeInteger")),
               (claim, CG + "firstDate", (first, xsd + "date")),
               (claim, CG + "latestDate", (latest, xsd + "date"))}
    triples |= {(claim, CG + "supporter", actor) for actor in pro}
    triples |= {(claim, CG + "disputer", actor) for actor in con}
    triples |= {(claim, CG + "evidenceMethod", method) for method in methods}
    return triples


def _summary_triples(store, claims: set[str] | None) -> set[tuple[str, str, object]]:
    """The summary of every contested claim (all, or of ``claims``), kept by the build so the
    disputes list is a lookup: its supporters and disputers and how many of each (which rank
    it without reading the sides), how many articles carry it, its first and latest date and
    its methods. Contested as in ``contested.rq``: a supporter and a
    different disputer. A claim and its negation are one dispute, listed once: under the claim
    put positively (see :func:`_negations_of_others`).

    Aggregated by Oxigraph, one row per claim, rather than a Python loop over every
    (statement, side, method) row."""
    if claims is not None and not claims:
        return set()
    scope = "" if claims is None else "VALUES ?claim { %s }" % " ".join(f"<{c}>" for c in sorted(claims))
    entries = _summary_entries(store, scope)
    for claim in _negations_of_others(store, set(entries)):
        del entries[claim]
    return set().union(*(_summary_of(claim, *entry) for claim, entry in entries.items()))


def _negations_of_others(store, claims: set[str]) -> set[str]:
    """Of these claims, those worded as the negation of a claim they contradict ('Ottawa had
    not shared a shred of evidence' against 'Canada had shared the allegations with India').
    The two are one dispute: the positive claim lists the negation's supporters among its
    disputers, so the negation is not listed again with the sides swapped."""
    contradicts, label = ox.NamedNode(CG + "contradicts"), ox.NamedNode(vocab.RDFS + "label")

    def worded_negatively(claim: ox.NamedNode) -> bool | None:
        return next((negated(q.object.value) for q in store.quads_for_pattern(claim, label, None, None)), None)

    # contradictions are few: every one is read (by its predicate), the claims' labels only for them
    return {q.subject.value for q in store.quads_for_pattern(None, contradicts, None, None)
            if q.subject.value in claims and worded_negatively(q.subject) and worded_negatively(q.object) is False}


def _grown_summary(stored: set[tuple[str, str, object]], added: tuple | None) -> set[tuple[str, str, object]]:
    """A contested claim's stored summary with the statements of added articles counted in:
    sides and methods joined, articles added (an added article is not among those counted),
    dates widened."""
    if added is None:
        return stored
    pro, con, methods, values = set(), set(), set(), {}
    for claim, predicate, value in stored:
        name = predicate.removeprefix(CG)
        if name == "supporter":
            pro.add(value)
        elif name == "disputer":
            con.add(value)
        elif name == "evidenceMethod":
            methods.add(value)
        elif name in ("articleCount", "firstDate", "latestDate"):
            values[name] = value[0]
    return _summary_of(claim, pro | added[0], con | added[1], int(values["articleCount"]) + added[2],
                       min(values["firstDate"], added[3]), max(values["latestDate"], added[4]), methods | added[5])


#: What a contested claim's summary is made of (the predicates :func:`_summary_triples` writes).
_SUMMARY_PREDICATES = {CG + p for p in ("supporterCount", "disputerCount", "articleCount", "firstDate", "latestDate",
                                          "supporter", "disputer", "evidenceMethod")}
#: The class of the claims (groups) that only anonymous reports put forward (:func:`_anonymity_triples`).
ANONYMOUS = CG + "AnonymouslySourcedClaim"
#: The classes the build gives claims from what counts toward them.
_SUMMARY_CLASSES = {CG + "ContestedClaim", ANONYMOUS}


def _is_summary(triple) -> bool:
    return triple[1] in _SUMMARY_PREDICATES or triple[2] in _SUMMARY_CLASSES


#: Every claim (group) that a report without a named speaker counts toward and no statement
#: with a named speaker does: hashed joins of whole scans (a lookup per statement costs
#: seconds at 100,000 articles).
_ANONYMOUS_QUERY = """
PREFIX cg: <https://w3id.org/claimgraph/ns#>
SELECT DISTINCT ?group WHERE {
  { SELECT DISTINCT ?group WHERE { ?report a cg:Report ; cg:countsToward ?group } }
  MINUS {
    SELECT DISTINCT ?group WHERE {
      { SELECT DISTINCT ?named WHERE { ?named cg:speaker ?someone } }
      { SELECT ?named ?group WHERE { ?named cg:countsToward ?group } }
    }
  }
}"""


def _anonymity_triples(store, claims: set[str] | None) -> set[tuple[str, str, object]]:
    """``cg:AnonymouslySourcedClaim`` for every claim (all, or of ``claims``) that only
    anonymous reports put forward, kept by the build so ``anonymous-only`` is a lookup (it
    was a scan of every statement: 3-4 s at 100,000 articles). A few claims are checked
    statement by statement, stopping at the first named speaker (most statements have one)."""
    kind = vocab.RDF + "type"
    if claims is None:
        return {(row["group"].value, kind, ANONYMOUS) for row in store.query(_ANONYMOUS_QUERY)}
    toward, speaker = ox.NamedNode(CG + "countsToward"), ox.NamedNode(CG + "speaker")
    rdf_type, report, default = ox.NamedNode(kind), ox.NamedNode(CG + "Report"), ox.DefaultGraph()
    found = set()
    for claim in sorted(claims):
        reported = False
        for quad in store.quads_for_pattern(None, toward, ox.NamedNode(claim), default):
            if any(True for _ in store.quads_for_pattern(quad.subject, speaker, None, default)):
                break
            reported = reported or any(True for _ in store.quads_for_pattern(quad.subject, rdf_type, report, default))
        else:
            if reported:
                found.add((claim, kind, ANONYMOUS))
    return found


def _summaries_current(store, claims: set[str] | None) -> set[tuple[str, str, object]]:
    graph = ox.NamedNode(vocab.LINKS_GRAPH)
    if claims is None:
        found = [q for p in sorted(_SUMMARY_PREDICATES) for q in store.quads_for_pattern(None, ox.NamedNode(p), None, graph)]
        for cls in sorted(_SUMMARY_CLASSES):
            found += store.quads_for_pattern(None, ox.NamedNode(vocab.RDF + "type"), ox.NamedNode(cls), graph)
    else:
        found = [q for c in sorted(claims) for q in store.quads_for_pattern(ox.NamedNode(c), None, None, graph)
                 if q.predicate.value in _SUMMARY_PREDICATES or q.object.value in _SUMMARY_CLASSES]
    return {(q.subject.value, q.predicate.value, _value(q.object)) for q in found}


def _claims_near(store, claims: set[str]) -> set[str]:
    """These claims and the claims they contradict (whose disputers they give)."""
    graph_free = ox.NamedNode(CG + "contradicts")
    near = set(claims)
    for claim in sorted(claims):
        near |= {q.object.value for q in store.quads_for_pattern(ox.NamedNode(claim), graph_free, None, None)}
    return near


#: From this many triples on, :func:`_write` adds them through Oxigraph's bulk loader.
BULK_WRITE_FROM = 20_000


def _write(store, drop: set, add: set) -> None:
    """Apply a difference to the links graph and the union view.

    Many added triples (a full build's links) go through Oxigraph's bulk loader, which writes
    them as sorted files in one atomic step up to its batch size of a million quads (measured
    at 10,000 articles, 214,000 triples and the summaries: 21 s CPU in ``Store.extend``
    transactions, 11 s so); a few go through a transaction, where the bulk loader's files
    would cost more. The removals before are no more atomic than they were."""
    graph, default = ox.NamedNode(vocab.LINKS_GRAPH), ox.DefaultGraph()
    for s, p, o in sorted(drop, key=str):
        triple = (_term(s), _term(p), _term(o))
        store.remove(ox.Quad(*triple, graph))
        # the union view holds each triple once: it goes when no other graph has it
        if not any(True for q in store.quads_for_pattern(*triple) if not isinstance(q.graph_name, ox.DefaultGraph)):
            store.remove(ox.Quad(*triple, default))
    if len(add) >= BULK_WRITE_FROM:  # as N-Quads text: no pyoxigraph term made in Python (100k statements: 5 s -> 1 s)
        in_graph = f" <{vocab.LINKS_GRAPH}> .\n"
        text = "".join(f"{line}{in_graph}{line} .\n"
                       for line in (f"{_nquads(s)} {_nquads(p)} {_nquads(o)}" for s, p, o in add))
        store.bulk_load(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    elif add:
        quads = [ox.Quad(_term(s), _term(p), _term(o), graph) for s, p, o in sorted(add, key=str)]
        store.extend(quads + [ox.Quad(q.subject, q.predicate, q.object, default) for q in quads])


def _nquads(value) -> str:
    """The N-Quads form of a term as this module keeps it: an IRI (str) or a typed literal
    (lexical form, datatype IRI), as :func:`_term` makes them."""
    if isinstance(value, tuple):
        return vocab.nquads_literal(*value)
    return f"<{value}>"


def _article_of(claim: str) -> str:
    """The article (IRI) of an extracted claim, from its private IRI."""
    return vocab.article_iri(claim[len(ID):].split("/claim/", 1)[0])


def _stored_links(store, claims: set[str]) -> dict[str, list[Link]]:
    """Each claim's links as the store holds them (joined, proposed, contradicting)."""
    nodes = _subjects(store, CG + "linkedClaim", claims)
    by_claim: dict[str, list[Link]] = {claim: [] for claim in claims}
    for link in _links_from_triples(_current_triples(store, nodes)):
        if link.status in ("joined", "proposed", "contradicting"):
            for claim in (link.a, link.b):
                if claim in by_claim:
                    by_claim[claim].append(link)
    return by_claim


def _relink(store, changed: set[str], touched: set[str],
            counts_for: dict[str, str] | None = None) -> tuple[list[Link], set[tuple[str, str]], set[str]]:
    """The links an update decides afresh, as a full build would have them: (links kept,
    every pair decided, the claims whose best links were recomputed).

    A link stays while it is among the :func:`best_links` of either claim. The claims of the
    changed articles, and the claims that had links into the touched articles (their best may
    now be others), are scored against the corpus; a claim they reach keeps its stored best
    links, with the new ones competing for a place among them.
    """
    counts_for = acting_for(store) if counts_for is None else counts_for
    fresh = read_profiles(store, articles=set(changed), counts_for=counts_for) if changed else []
    leaving = [link for link in _links_from_triples(_current_triples(store, _subjects(store, DCTERMS + "source", touched)))
               if link.status in ("joined", "proposed", "contradicting")]
    neighbours = {c for link in leaving for c in (link.a, link.b) if _article_of(c) not in touched}
    rescored = fresh + read_profiles(store, claims=neighbours, counts_for=counts_for)
    if not rescored:
        return [], {(link.a, link.b) for link in leaving}, set()
    pairs = {pair for p in rescored for pair in p.blocks}
    candidates = claims_between(store, pairs) | {p.iri for p in rescored}
    found = candidate_links(rescored, read_profiles(store, claims=candidates, counts_for=counts_for))
    again = set(found)
    other = lambda link, claim: link.b if link.a == claim else link.a  # noqa: E731
    reached = {other(link, a) for a, links in found.items() for link in links} - again
    stored = _stored_links(store, reached)
    beyond = {other(link, b) for b in reached for link in stored[b]} - again - reached
    stored.update(_stored_links(store, beyond))
    best: dict[str, set[tuple[str, str]]] = {a: {(lk.a, lk.b) for lk in best_links(a, links)} for a, links in found.items()}
    incoming: dict[str, list[Link]] = {}
    for links in found.values():
        for link in links:
            for claim in (link.a, link.b):
                if claim in reached:
                    incoming.setdefault(claim, []).append(link)
    for claim in reached:
        base = [lk for lk in stored[claim] if other(lk, claim) not in again and not (set(lk.articles) & touched)]
        best[claim] = {(lk.a, lk.b) for lk in best_links(claim, base + incoming.get(claim, []))}
    for claim in beyond:
        best[claim] = {(lk.a, lk.b) for lk in best_links(claim, stored[claim])}
    # every pair decided here: the stale links into the touched articles, the stored links of
    # the claims reached, then the links just scored (which replace stored ones of the same pair)
    deciding = {(lk.a, lk.b): lk for lk in leaving}
    deciding.update({(lk.a, lk.b): lk for claim in reached for lk in stored[claim]})
    deciding.update({(lk.a, lk.b): lk for links in found.values() for lk in links})

    def exists(claim: str) -> bool:  # a claim of a touched article exists if it was read again
        return _article_of(claim) not in touched or claim in again

    kept = [lk for pair, lk in sorted(deciding.items())
            if exists(lk.a) and exists(lk.b) and (pair in best.get(lk.a, ()) or pair in best.get(lk.b, ()))]
    return kept, set(deciding), again | reached


def _finder(parent: dict[str, str]):
    """The find of a union-find over ``parent`` (node -> parent; a root is its own), with path halving."""

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    return find


def _components(nodes, edges) -> dict[str, str]:
    """Each node -> the least node of its connected component (``edges`` are node pairs)."""
    parent = {node: node for node in nodes}

    find = _finder(parent)

    for a, b in sorted(edges):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {node: find(node) for node in list(parent)}


def _group_members(store, representative: str) -> set[str]:
    """A stored group: its representative and every claim whose ``cg:sameClaimAs`` it is."""
    graph, same = ox.NamedNode(vocab.LINKS_GRAPH), ox.NamedNode(CG + "sameClaimAs")
    return {representative} | {q.subject.value for q in
                                store.quads_for_pattern(None, same, ox.NamedNode(representative), graph)}


def _join_edges(store, claims: set[str]) -> set[tuple[str, str]]:
    """The stored joined and accepted links of these claims, as (a, b) pairs (a < b)."""
    if not claims:
        return set()
    found = store.query(f"""SELECT ?x ?y WHERE {{ VALUES ?x {{ {" ".join(f"<{c}>" for c in sorted(claims))} }}
        GRAPH <{vocab.LINKS_GRAPH}> {{ ?link <{CG}linkedClaim> ?x ; <{CG}linkStatus> ?status ; <{CG}linkedClaim> ?y }}
        FILTER (?y != ?x && ?status IN (<{CG}joined>, <{CG}accepted>)) }}""")
    return {(min(x, y), max(x, y)) for x, y in ((row["x"].value, row["y"].value) for row in found)}


def _persons_recounted(store, changed: set[str], counts_for: dict[str, str]) -> set[str]:
    """The statements of persons the changed articles describe (whom they may say a person
    acts for) that do not yet count for whom the corpus now says they count for."""
    graphs = " ".join(f"<{vocab.graph_iri(a.rsplit('/', 1)[-1])}>" for a in sorted(changed))
    persons = {row["p"].value for row in store.query(SPARQL_PREFIXES + f"""SELECT DISTINCT ?p WHERE {{
        VALUES ?g {{ {graphs} }} {{ GRAPH ?g {{ ?p a cg:Person }} }} UNION {{ GRAPH ?g {{ ?p cg:actsFor ?o }} }} }}""")}
    if not persons:
        return set()
    values = " ".join(f"(<{p}> <{counts_for.get(p, p)}>)" for p in sorted(persons))
    return {row["st"].value for row in store.query(SPARQL_PREFIXES + f"""SELECT ?st WHERE {{ VALUES (?p ?for) {{ {values} }}
        ?st cg:attributedTo ?p FILTER NOT EXISTS {{ GRAPH <{vocab.LINKS_GRAPH}> {{ ?st cg:countsFor ?for }} }} }}""")}


def _conclusions(triples) -> dict[str, dict[str, object]]:
    """Each statement's conclusions, by predicate (``cg:countsToward``, ``cg:countsFor``)."""
    found: dict[str, dict[str, object]] = {}
    for s, p, o in triples:
        found.setdefault(s, {})[p] = o
    return found


def _update_added(store, changed: set[str], curated: list[Link]) -> LinkUpdate | None:
    """:func:`update_links` for articles new to the store (none replaced or removed), writing
    only what changes: the links of the pairs decided afresh, the ``cg:sameClaimAs`` of the
    claims whose group's representative changes, the conclusions of the statements whose
    group or actor changes, and the summaries of the claims those count toward.

    Where links only join, groups only merge, and a merged group's representative is the
    least of the merged groups' representatives: a claim that joins a group of thousands
    writes its own ``cg:sameClaimAs`` and statements, and the group's summary. Where a
    joined link goes, the groups it reached are recomputed from their stored joins.
    Returns None, having written nothing, when curated or contradicting links reach the
    groups (the caller then recomputes the groups whole, as before)."""
    counts_for = acting_for(store)
    new, decided, _ = _relink(store, changed, set(changed), counts_for)
    nodes = {Link(a, b, 0.0, "", "", ()).iri for a, b in decided}
    before_links = _current_triples(store, nodes)
    old = {(lk.a, lk.b): lk for lk in _links_from_triples(before_links)}
    fresh = {(lk.a, lk.b): lk for lk in new}
    if any(lk.status not in ("joined", "proposed") for lk in (*old.values(), *fresh.values())):
        return None  # a curated or contradicting link: its groups are decided by more than joins
    claims = {c for pair in decided for c in pair}
    stored = _representatives(store, claims | {c for lk in curated for c in (lk.a, lk.b)})
    involved = {stored.get(c, c) for c in claims}
    if any(set(lk.articles) & changed or stored.get(lk.a, lk.a) in involved or stored.get(lk.b, lk.b) in involved
           for lk in curated):
        return None
    lost = any(lk.joins and not (pair in fresh and fresh[pair].joins) for pair, lk in old.items())
    changes: dict[str, tuple[str | None, str | None]] = {}  # claim -> (representative before, now)
    if not lost:  # groups only merge: the least representative of the merged groups leads
        now = _components(involved, {(stored.get(a, a), stored.get(b, b)) for (a, b), lk in fresh.items()
                                     if lk.joins})
        for group, leader in now.items():
            if group != leader:
                changes |= {m: (group if m != group else None, leader) for m in _group_members(store, group)}
    else:  # a join went: the groups it reached may split
        members = set().union(*(_group_members(store, group) for group in involved))
        edges = {pair for pair in _join_edges(store, members) if pair not in decided}
        now = _components(members, edges | {pair for pair, lk in fresh.items() if lk.joins})
        before = _representatives(store, members)
        for member, leader in now.items():
            pair = (before.get(member), leader if leader != member else None)
            if pair[0] != pair[1]:
                changes[member] = pair
    leaders = {was or m for m, (was, _) in changes.items()}  # of the groups whose leader changes
    contradicts = ox.NamedNode(CG + "contradicts")
    if any(True for leader in sorted(leaders) for _ in store.quads_for_pattern(ox.NamedNode(leader), contradicts, None,
                                                                             ox.NamedNode(vocab.LINKS_GRAPH))):
        return None  # a group that contradicts another gets a new leader: its cg:contradicts move too
    same = CG + "sameClaimAs"
    drop = {(m, same, was) for m, (was, _) in changes.items() if was} | (before_links - set(link_triples(new, {})))
    add = {(m, same, rep) for m, (_, rep) in changes.items() if rep} | (set(link_triples(new, {})) - before_links)
    added = _statements_touched(store, changed, set(), set(), everywhere=False)  # the added articles' own
    statements = added | _statements_touched(store, set(), set(), set(changes), everywhere=False)
    statements |= _persons_recounted(store, changed, counts_for)
    current = _current_triples(store, statements)
    wanted = _statement_triples(store, statements, {m: rep for m, (_, rep) in changes.items() if rep}, set(changes),
                                counts_for)
    drop |= current - wanted
    add |= wanted - current
    _write(store, drop, add)
    # the summaries of the claims these statements count toward, before and now: a contested
    # claim that only gains the added articles' statements is summed up from its stored
    # summary and theirs (the largest dispute has thousands); any other is aggregated again
    was, now = _conclusions(current), _conclusions(wanted)
    toward = CG + "countsToward"
    claims = {o for s_, p_, o in current | wanted if p_ == toward}
    whole = _claims_near(store, claims) - claims  # reached through cg:contradicts
    whole |= {c for c in claims if any(True for _ in store.quads_for_pattern(
        ox.NamedNode(c), ox.NamedNode(CG + "contradicts"), None, None))}
    grown: dict[str, set[str]] = {}
    for st in statements:
        if st in added:
            if now.get(st, {}).get(toward):
                grown.setdefault(now[st][toward], set()).add(st)
        elif was.get(st) != now.get(st):
            whole |= {c for c in (was.get(st, {}).get(toward), now.get(st, {}).get(toward)) if c}
    kept = _summaries_current(store, claims | whole)
    anonymous_before = {t for t in kept if t[2] == ANONYMOUS}
    anonymous_after = _anonymity_triples(store, claims | whole)
    kept -= anonymous_before
    whole |= set(grown) - {t[0] for t in kept}  # not contested before: its sides are not kept
    grown = {c: sts for c, sts in grown.items() if c not in whole}
    before = {t for t in kept if t[0] in whole or t[0] in grown}
    after = _summary_triples(store, whole)
    if grown:
        sums = _summary_entries(store, "VALUES ?st { %s }" % " ".join(f"<{st}>" for st in sorted(set().union(*grown.values()))))
        for claim in grown:
            after |= _grown_summary({t for t in before if t[0] == claim}, sums.get(claim))
    before, after = before | anonymous_before, after | anonymous_after
    _write(store, before - after, after - before)
    return _counted(store, LinkUpdate(added=len(add | (after - before)), removed=len(drop | (before - after)),
                                      exact=True))


def _version_triple() -> tuple[str, str, object]:
    """What the links graph says of itself: the version of the linking that made its
    conclusions, so a graph file made by another version is concluded again when loaded."""
    return vocab.LINKS_GRAPH, vocab.SCHEMA + "version", (LINKS_VERSION, vocab.XSD + "string")


def concluded_here(store) -> bool:
    """Whether a graph's links graph was made by this version of the linking."""
    s, p, (version, _) = _version_triple()
    return any(q.object.value == version
               for q in store.quads_for_pattern(ox.NamedNode(s), ox.NamedNode(p), None, ox.NamedNode(vocab.LINKS_GRAPH)))


def _mark_version(store) -> None:
    """Say in the links graph that this version of the linking concludes it."""
    if not concluded_here(store):
        s, p, _ = _version_triple()
        graph = ox.NamedNode(vocab.LINKS_GRAPH)
        old = {(s, p, _value(q.object)) for q in store.quads_for_pattern(ox.NamedNode(s), ox.NamedNode(p), None, graph)}
        _write(store, old, {_version_triple()})


def update_links(store, changed: set[str], removed: set[str] = frozenset(), everything: bool = False,
                 added_only: bool = False) -> LinkUpdate:
    """Bring a store's links graph up to date after the articles ``changed`` (added or
    updated) and ``removed`` (article IRIs).

    The changed articles' claims are linked afresh against the corpus; links between other
    articles are kept as they are. Only the groups these links reach are recomputed (from
    their links in the store), and only the triples that differ are written, in the links
    graph and the union view, so adding an article costs its neighbourhood, not the corpus.
    Many changed articles (a full build), or ``everything``, are linked in one pass over
    every claim, and every conclusion is rewritten. With ``added_only`` (every changed
    article is new to the store, and none was removed), groups are not re-read whole: see
    :func:`_update_added`.
    """
    _mark_version(store)
    everything = everything or len(changed) >= READ_ALL_FROM
    touched = set(changed) | set(removed)
    curated = curated_links(store)
    if added_only and not everything and not removed and changed:
        done = _update_added(store, set(changed), curated)
        if done is not None:
            return done
    if everything:
        corpus = read_profiles(store)
        new = propose_links([p for p in corpus if p.article in changed], corpus)
        decided: set[tuple[str, str]] = set()
        members = statements = None
        current = _current_triples(store)
    else:
        new, decided, reached = _relink(store, changed, touched)
        seeds = reached | {iri for link in new for iri in (link.a, link.b)}
        seeds |= {iri for link in curated if set(link.articles) & touched for iri in (link.a, link.b)}
        scope_links, members = _affected(store, touched, seeds)
        statements = _statements_touched(store, set(changed), set(removed), members)
        current = _current_triples(store, scope_links | members | statements)
    old = _links_from_triples(current)
    kept = [link for link in old
            if link.status in ("joined", "proposed", "contradicting") and not (set(link.articles) & touched)
            and (link.a, link.b) not in decided]
    links = {(link.a, link.b): link for link in kept + new}
    for link in curated:  # a person's word overrides the score
        if members is None or link.a in members or link.b in members:
            links[(link.a, link.b)] = link
    links = [links[pair] for pair in sorted(links)]
    public = {iri for link in links for iri in (link.a, link.b) if iri.startswith(ID + "claim/")}
    representative = groups(links, public)
    wanted = set(link_triples(links, representative))
    wanted |= _statement_triples(store, statements, representative, members)
    # the summaries are rewritten below, from the statements; the version mark stays as it is
    current = {t for t in current if not _is_summary(t) and t != _version_triple()}
    drop, add = current - wanted, wanted - current
    _write(store, drop, add)
    # then the summaries of the contested claims these statements count toward (before and now)
    if everything:
        claims = None
    else:
        toward = CG + "countsToward"
        claims = {o for s_, p_, o in current | wanted if p_ == toward}  # the groups, before and now
        claims = _claims_near(store, claims)
    before = _summaries_current(store, claims)
    after = _summary_triples(store, claims) | _anonymity_triples(store, claims)
    _write(store, before - after, after - before)
    drop |= before - after
    add |= after - before
    return _counted(store, LinkUpdate(added=len(add), removed=len(drop)))


def _counted(store, result: LinkUpdate) -> LinkUpdate:
    """The links of each status the store now holds."""
    found = store.query(f"""SELECT ?status (COUNT(?link) AS ?n) WHERE {{ GRAPH <{vocab.LINKS_GRAPH}> {{
        ?link <{CG}linkStatus> ?status }} }} GROUP BY ?status""")
    for row in found:
        status, n = row["status"].value.removeprefix(CG), int(row["n"].value)
        if status in ("joined", "proposed", "contradicting"):
            setattr(result, status, n)
        else:
            result.curated += n
    return result
