"""The questions: canned SPARQL queries shipped as ``.rq`` files, and the contested-claims answer."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from .errors import QueryError
from .store import rows, run_query
from .vocab import SPARQL_PREFIXES


@dataclass(frozen=True)
class CannedQuery:
    name: str
    description: str
    sparql: str


def canned_queries() -> dict[str, CannedQuery]:
    """The ``.rq`` files shipped in ``claimgraph/queries``; the first comment line describes each."""
    out = {}
    for entry in sorted(resources.files("claimgraph").joinpath("queries").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            text = entry.read_text(encoding="utf-8")
            first = text.splitlines()[0] if text else ""
            name = entry.name[:-3]
            out[name] = CannedQuery(name, first.lstrip("# ").strip(), text)
    return out


def resolve_query(query: str) -> str:
    """QUERY may be a canned query's name, a path to a ``.rq`` file, or SPARQL text."""
    canned = canned_queries()
    if query in canned:
        return canned[query].sparql
    if query.endswith(".rq") or ("\n" not in query and len(query) < 4096 and Path(query).is_file()):
        path = Path(query)
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise QueryError(f"{path}: query file not found") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{path}: cannot read query file: {exc}") from None
    if not any(word in query.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        raise QueryError(f"{query!r} is not a canned query, a .rq file or SPARQL; "
                         f"see `claimgraph query --list` for the canned queries")
    return query


#: How ``contested_claims`` can order the disputes.
SORTS = ("contested", "latest", "claim")


def contested_claims(store, since: date | None = None, until: date | None = None, sort: str = "contested",
                     claim: str | None = None) -> list[dict]:
    """The headline answer: each contested claim with its two sides and every piece of evidence.

    A claim is contested when an actor asserts or accuses it and a different actor
    denies it (or puts forward a claim marked as contradicting it); statements count for
    the actor they are attributed to (a minister for the state). With ``since``/``until``
    only statements dated in that window count, so a claim is contested *within* it.

    Each dispute is a dict: ``claim`` (label), ``claim_iri``, ``supporters`` and
    ``disputers`` (actor labels), ``articles`` (how many articles carry its evidence),
    ``first`` and ``latest`` (dates of its statements), ``methods`` (curated, extracted)
    and ``evidence``: one entry per statement with ``sentence``, ``actor``, ``stance``,
    ``side``, ``date``, ``method``, ``confidence`` and ``article`` (``id``, ``title``,
    ``date``, ``url``), plus ``source`` (the article's title).

    ``sort``: ``contested`` ranks by distinct supporters plus disputers, then articles,
    then the latest date (the most disputed first); ``latest`` puts the newest disputes
    first; ``claim`` is alphabetical. ``claim`` keeps only the dispute whose IRI, label
    or IRI ending matches (for ``claimgraph contested CLAIM``).
    """
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r}; use one of: {', '.join(SORTS)}")
    found = None
    if claim and not (since or until):  # one dispute: find it among the kept summaries, then its statements
        named = [c for c in _contested_names(store) if _names(c, claim)]
        if named:
            found = [row for c in named for row in _dispute_rows(store, c["claim_iri"], c["claim"])]
    if found is None:
        _, found = rows(run_query(store, canned_queries()["contested"].sparql))
    claims: dict[str, dict] = {}
    sides: dict[str, dict[str, set]] = {}
    for row in found:
        when = row["date"] or row["published"]
        if (since and when and when < since.isoformat()) or (until and when and when > until.isoformat()):
            continue
        entry = claims.setdefault(row["claim"], {"claim": row["claimLabel"], "claim_iri": row["claim"],
                                                 "supporters": [], "disputers": [], "evidence": []})
        side = "supporters" if row["side"] == "supporter" else "disputers"
        sides.setdefault(row["claim"], {"supporters": set(), "disputers": set()})[side].add(row["actor"])
        if row["actorLabel"] not in entry[side]:
            entry[side].append(row["actorLabel"])
        evidence = {
            "sentence": row["sentence"], "source": row["source"] or row["article"], "actor": row["actorLabel"],
            "stance": row["stance"], "side": row["side"], "date": when, "method": row["method"] or "curated",
            "confidence": float(row["confidence"]) if row["confidence"] else None,
            "article": {"id": row["article"].rsplit("/", 1)[-1], "title": row["source"],
                        "date": row["published"], "url": row["url"] or None},
        }
        if evidence not in entry["evidence"]:
            entry["evidence"].append(evidence)
    out = []
    for iri, entry in claims.items():
        pro, con = sides[iri]["supporters"], sides[iri]["disputers"]
        if not pro or not con or (len(pro) == len(con) == 1 and pro == con):
            continue  # within the window one side is missing, or an actor only disputes itself
        dates = sorted(e["date"] for e in entry["evidence"] if e["date"])
        entry.update(articles=len({e["article"]["id"] for e in entry["evidence"]}),
                     first=dates[0] if dates else None, latest=dates[-1] if dates else None,
                     methods=sorted({e["method"] for e in entry["evidence"]}))
        out.append(entry)
    if claim:
        out = [c for c in out if _names(c, claim)]
        if not out:
            raise QueryError(f"{claim!r}: no contested claim with that IRI or label; "
                             f"see `claimgraph contested` for the list")
    return _ranked(out, sort)


#: Names per VALUES block when details are fetched for many statements.
_VALUES_CHUNK = 2000


def _contested_names(store) -> list[dict]:
    """Every contested claim the build keeps: ``claim_iri`` and ``claim`` (label)."""
    _, found = rows(run_query(store, SPARQL_PREFIXES + "SELECT ?c ?label WHERE { ?c a cg:ContestedClaim ; rdfs:label ?label }"))
    return [{"claim_iri": row["c"], "claim": row["label"]} for row in found]


def _values(name: str, iris) -> list[str]:
    iris = sorted(set(iris))
    return [f"VALUES ?{name} {{ " + " ".join(f"<{i}>" for i in iris[k:k + _VALUES_CHUNK]) + " }"
            for k in range(0, len(iris), _VALUES_CHUNK)]


def _dispute_rows(store, iri: str, label: str) -> list[dict]:
    """The rows of contested.rq for one contested claim, from simple lookups.

    One statement pattern with the claim as a constant, then the labels and details by
    VALUES: Oxigraph plans contested.rq's joins and OPTIONALs over every statement of the
    corpus (measured at 10,000 articles: 1.4-11 s for a dispute of 9 statements; this 0.01 s).
    """
    _, others = rows(run_query(store, SPARQL_PREFIXES + f"SELECT ?other WHERE {{ ?other cg:contradicts <{iri}> }}"))
    core = []
    for toward, classes in [(iri, "cg:Assertion, cg:Accusation, cg:Denial")] + [
            (row["other"], "cg:Assertion, cg:Accusation") for row in others]:
        _, found = rows(run_query(store, SPARQL_PREFIXES + f"""SELECT ?statement ?cls ?actor ?article ?date ?sentence WHERE {{
            ?statement cg:countsToward <{toward}> ; a ?cls . FILTER (?cls IN ({classes}))
            ?statement cg:countsFor ?actor ; cg:evidence/oa:hasTarget/oa:hasSelector ?quote ;
                       dcterms:source ?article ; dcterms:date ?date .
            ?quote a oa:TextQuoteSelector ; oa:exact ?sentence . }}"""))
        for row in found:
            row["side"] = "supporter" if toward == iri and not row["cls"].endswith("#Denial") else "disputer"
        core += found
    labels, details, articles = {}, {}, {}
    for block in _values("x", {r["actor"] for r in core} | {r["cls"] for r in core}):
        labels.update((r["x"], r["label"]) for r in rows(run_query(
            store, SPARQL_PREFIXES + f"SELECT ?x ?label WHERE {{ {block} ?x rdfs:label ?label }}"))[1])
    for block in _values("statement", {r["statement"] for r in core}):
        details.update((r["statement"], r) for r in rows(run_query(store, SPARQL_PREFIXES + f"""SELECT ?statement ?method
            ?confidence WHERE {{ {block} OPTIONAL {{ ?statement cg:method/rdfs:label ?method }}
            OPTIONAL {{ ?statement cg:confidence ?confidence }} }}"""))[1])
    for block in _values("article", {r["article"] for r in core}):
        articles.update((r["article"], r) for r in rows(run_query(store, SPARQL_PREFIXES + f"""SELECT ?article ?source
            ?published ?url WHERE {{ {block} OPTIONAL {{ ?article schema:headline ?source }}
            OPTIONAL {{ ?article schema:datePublished ?published }} OPTIONAL {{ ?article schema:url ?url }} }}"""))[1])
    out = []
    for r in core:
        detail, article = details.get(r["statement"], {}), articles.get(r["article"], {})
        out.append({"claim": iri, "claimLabel": label, "side": r["side"], "actor": r["actor"],
                    "actorLabel": labels.get(r["actor"], r["actor"]), "stance": labels.get(r["cls"], r["cls"]),
                    "statement": r["statement"], "sentence": r["sentence"], "article": r["article"],
                    "source": article.get("source"), "date": r["date"], "published": article.get("published"),
                    "url": article.get("url"), "method": detail.get("method"), "confidence": detail.get("confidence")})
    return sorted(out, key=lambda r: (r["side"] != "supporter", r["actorLabel"], r["statement"]))


def contested_summary(store, sort: str = "contested") -> list[dict]:
    """The disputes list, as the build keeps it: each contested claim's ``claim`` (label),
    ``claim_iri``, ``supporters`` and ``disputers`` (actor labels, sorted), ``articles``,
    ``first``, ``latest`` and ``methods``, without the evidence (see :func:`contested_claims`).

    A lookup of what ``claimgraph build`` wrote (``cg:ContestedClaim``), so it answers at
    corpus scale in the time of its rows; the same claims and fields as
    :func:`contested_claims` gives without a date window.
    """
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r}; use one of: {', '.join(SORTS)}")
    _, found = rows(run_query(store, canned_queries()["_contested_summary"].sparql))
    claims: dict[str, dict] = {}
    for row in found:
        entry = claims.setdefault(row["claim"], {"claim": row["claimLabel"], "claim_iri": row["claim"],
                                                 "supporters": set(), "disputers": set(), "methods": set(),
                                                 "articles": int(row["articles"]), "first": row["first"],
                                                 "latest": row["latest"]})
        if row["side"]:
            entry["supporters" if row["side"] == "supporter" else "disputers"].add(row["actorLabel"])
        if row["method"]:
            entry["methods"].add(row["method"])
    out = []
    for entry in claims.values():
        entry.update(supporters=sorted(entry["supporters"]), disputers=sorted(entry["disputers"]),
                     methods=sorted(entry["methods"]))
        out.append(entry)
    return _ranked(out, sort)


def _names(entry: dict, wanted: str) -> bool:
    """Whether ``wanted`` names this dispute: its IRI, the end of its IRI, or its label (any case)."""
    wanted = wanted.strip()
    return (wanted == entry["claim_iri"] or entry["claim_iri"].endswith("/" + wanted)
            or wanted.casefold() == entry["claim"].casefold())


def _ranked(claims: list[dict], sort: str) -> list[dict]:
    claims = sorted(claims, key=lambda c: (c["claim"], c["claim_iri"]))
    if sort == "latest":
        claims.sort(key=lambda c: c["latest"] or "", reverse=True)
    elif sort == "contested":
        claims.sort(key=lambda c: (len(c["supporters"]) + len(c["disputers"]), c["articles"], c["latest"] or ""),
                    reverse=True)
    return claims
