"""The questions: canned SPARQL queries shipped as ``.rq`` files, and the contested-claims answer."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from .errors import QueryError
from .store import damaged, is_damage, rows, run_query
from .vocab import CG, DISPUTING_CLASSES, SPARQL_PREFIXES, SUPPORTING_CLASSES


@dataclass(frozen=True)
class CannedQuery:
    name: str
    description: str
    sparql: str

    @property
    def page_size(self) -> int | None:
        """Items in the query's default page (its ``LIMIT n  # page`` line), or None if it lists every row."""
        return page_size(self.sparql)


#: The page clause of a query: a line ``LIMIT n  # page`` (``OFFSET m`` may follow n), placed
#: where the query picks its items, usually a subquery that orders the statements by a key the
#: store sorts cheaply (a date, a number) before their details are looked up, so a page costs
#: its own rows and not the corpus's. Any SPARQL tool runs the file as its first page.
_PAGE_CLAUSE = re.compile(r"^(?P<indent>[ \t]*)LIMIT[ \t]+(?P<limit>\d+)(?:[ \t]+OFFSET[ \t]+\d+)?"
                          r"[ \t]*#[ \t]*page\b.*$", re.MULTILINE | re.IGNORECASE)


def page_size(sparql: str) -> int | None:
    """The default page size of a query with a page clause (see :func:`paged`), else None."""
    match = _PAGE_CLAUSE.search(sparql)
    return int(match["limit"]) if match else None


#: The most items "every item" asks for in one query (see :func:`paged`).
EVERY = 1_000_000


def paged(sparql: str, limit: int | None, offset: int = 0) -> str:
    """The query with its page clause set to ``limit`` items from ``offset``; ``limit=None``:
    every item, up to :data:`EVERY` (a million) in one query.

    Paging happens where the query picks its items (statements, disputes), so a page of a
    query that lists a statement on several rows (one per target) may hold more rows than items.
    Every item is a page of a million rather than no LIMIT at all: Oxigraph (which keeps no
    statistics) plans by the LIMIT, and without one, or with one above about ten million, it
    joins the details over every statement of the corpus before it meets the items
    (measured at 10,000 articles, the machine loaded: all accusations 9.1 s of CPU without the
    cut, 3.6 s with it). A corpus with more items than that is read a page at
    a time with ``limit`` and ``offset``.
    """
    if _PAGE_CLAUSE.search(sparql) is None:
        raise QueryError("this query has no page clause (a line `LIMIT n  # page` where it picks its items); "
                         "write LIMIT and OFFSET into its SPARQL instead")
    clause = f"LIMIT {limit if limit is not None else EVERY}" + (f" OFFSET {offset}" if offset else "")
    note = "  # page" if limit is not None else "  # page: every item"
    # every page clause: a query that needs its page's items twice picks them twice, alike
    return _PAGE_CLAUSE.sub(lambda match: match["indent"] + clause + note, sparql)


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
                     claim: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict]:
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
    or IRI ending matches (for ``claimgraph contested CLAIM``). ``limit`` and ``offset``
    give one page of the ranked disputes (see :func:`count_contested` for their number);
    without a window a page is read from the build's summaries and costs its own disputes.
    """
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r}; use one of: {', '.join(SORTS)}")
    if since or until:  # contested within the window: from every statement, then ranked and cut
        _, found = rows(run_query(store, paged(canned_queries()["contested"].sparql, None)))
        out = [c for c in _disputes(found, since, until) if not claim or _names(c, claim)]
        page = [_without_sides(c) for c in _page(_ranked(out, sort), limit, offset)]
    else:  # the disputes the build keeps: ranked from their summaries, then this page's statements
        kept = _summary_keys(store, sort, offset, limit, wanted=claim)
        found = {c["claim_iri"]: c for c in _disputes(_dispute_rows(store, {c["claim_iri"]: c["claim"] for c in kept}))}
        page = [_without_sides(found[c["claim_iri"]]) for c in kept if c["claim_iri"] in found]
    if claim and not page:
        raise QueryError(f"{claim!r}: no contested claim with that IRI or label; "
                         f"see `claimgraph contested` for the list")
    return page


def count_contested(store) -> int:
    """How many contested claims the build keeps (the length of the whole disputes list)."""
    found = _select(store, "SELECT (COUNT(?c) AS ?n) WHERE { ?c a cg:ContestedClaim }")
    return int(found[0]["n"]) if found else 0


def dispute(store, claim: str, limit: int | None = None, offset: int = 0,
            since: date | None = None, until: date | None = None) -> dict:
    """One contested claim in full (``claimgraph contested CLAIM``), a page of its statements
    at a time: the dispute as :func:`contested_claims` gives it (``claim``, ``claim_iri``,
    ``supporters``, ``disputers``, ``articles``, ``first``, ``latest``, ``methods``), with
    ``statements`` (how many it has, both sides) and ``evidence``: ``limit`` of them from
    ``offset`` (all: ``None``), in the usual order (side, actor, date).

    A page takes the two sides in turn, each newest first, so the first page of a dispute
    told in thousands of statements holds the denials beside the accusations. Without a
    window the sides, counts and dates are the build's summary and only the page's
    sentences and articles are read (a sentence is three hops from its statement).
    ``claim`` is the dispute's IRI, the end of its IRI or its label.
    """
    window = (limit, offset)
    if since or until:
        found = contested_claims(store, since=since, until=until, claim=claim)[0]
        chosen = {id(e) for e in _page(_in_turns(found["evidence"], lambda e: (e["date"] or "", e["article"]["id"],
                                                                                e["sentence"], e["actor"])), *window)}
        return dict(_as_dispute(found, len(found["evidence"])), evidence=[e for e in found["evidence"] if id(e) in chosen])
    kept = _summary_keys(store, wanted=claim)
    if not kept:
        raise QueryError(f"{claim!r}: no contested claim with that IRI or label; "
                         f"see `claimgraph contested` for the list")
    key = kept[0]
    counted = []

    def pick(core: list[dict]) -> list[dict]:
        counted.append(len(core))
        return _page(_in_turns(core, lambda r: (r["date"], r["statement"])), *window)

    found = _disputes(_dispute_rows(store, {key["claim_iri"]: key["claim"]}, pick), sided=False)
    sides = _sides(store, [key["claim_iri"]])[key["claim_iri"]]
    return dict(_as_dispute(dict(_without_sides(key), **sides), counted[0]),
                evidence=found[0]["evidence"] if found else [])


def _as_dispute(found: dict, statements: int) -> dict:
    """A dispute's fields in the order :func:`dispute` returns them (evidence last)."""
    return {"claim": found["claim"], "claim_iri": found["claim_iri"], "supporters": found["supporters"],
            "disputers": found["disputers"], "articles": found["articles"], "first": found["first"],
            "latest": found["latest"], "methods": found["methods"], "statements": statements}


def _in_turns(items: list[dict], newest) -> list[dict]:
    """Statements (rows or evidence, with a ``side``) taking the sides in turn, supporter
    first, each side ordered by ``newest`` (descending): one, then the other, and the rest
    of the longer side when the shorter ends."""
    sides = [sorted((i for i in items if i["side"] == side), key=newest, reverse=True)
             for side in ("supporter", "disputer")]
    turns = [i for pair in zip(*sides) for i in pair]
    shorter = min(len(sides[0]), len(sides[1]))
    return turns + sides[0][shorter:] + sides[1][shorter:]


def _page(items: list, limit: int | None, offset: int) -> list:
    return items[offset:offset + limit if limit is not None else None]


def _disputes(found: list[dict], since: date | None = None, until: date | None = None,
              sided: bool = True) -> list[dict]:
    """Disputes from rows of contested.rq: its sides and evidence, dropping statements outside
    the window (and, unless ``sided`` is false, a claim left with one side only)."""
    claims: dict[str, dict] = {}
    sides: dict[str, dict[str, set]] = {}
    seen: set[tuple] = set()
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
        key = (row["claim"], row["sentence"], row["source"], row["article"], row["actorLabel"], row["stance"],
               row["side"], when, row["method"], row["confidence"], row["published"], row["url"])  # shown once
        if key not in seen:
            seen.add(key)
            entry["evidence"].append(evidence)
    out = []
    for iri, entry in claims.items():
        pro, con = sides[iri]["supporters"], sides[iri]["disputers"]
        if sided and (not pro or not con or (len(pro) == len(con) == 1 and pro == con)):
            continue  # within the window one side is missing, or an actor only disputes itself
        dates = sorted(e["date"] for e in entry["evidence"] if e["date"])
        entry.update(articles=len({e["article"]["id"] for e in entry["evidence"]}),
                     first=dates[0] if dates else None, latest=dates[-1] if dates else None,
                     methods=sorted({e["method"] for e in entry["evidence"]}), sides=len(pro) + len(con))
        out.append(entry)
    return out


#: Names per VALUES block when details are fetched for many statements.
_VALUES_CHUNK = 2000


#: Statements per VALUES block when their sentences are read: Oxigraph 0.5 follows the three
#: hops from each statement up to about 1,000 of them (0.13 ms each), and with more it walks
#: every evidence of the store instead (1,500 statements at 10,000 articles: 16 s).
_QUOTES_CHUNK = 500


def _values(name: str, iris, chunk: int = _VALUES_CHUNK) -> list[str]:
    iris = sorted(set(iris))
    return [f"VALUES ?{name} {{ " + " ".join(f"<{i}>" for i in iris[k:k + chunk]) + " }"
            for k in range(0, len(iris), chunk)]


def select_table(store, sparql: str, what: str = "query") -> tuple[list[str], list[tuple[str, ...]]]:
    """The columns and rows (tuples of plain strings, '' where unbound) of one of claimgraph's
    own SELECTs. A local store is read directly, from the solutions' values, without the round
    trip through SPARQL JSON and a thread that :func:`claimgraph.store.run_query` makes for
    any query (half of the time of a dispute's 3,548 statements; a quarter of a 100k-row
    projection); an endpoint is asked through it."""
    if hasattr(store, "sparql_json"):  # a remote endpoint
        columns, found = rows(run_query(store, sparql))
        return columns, [tuple(row[c] for c in columns) for row in found]
    try:
        result = store.query(sparql)
        columns = [v.value for v in result.variables]
        return columns, [tuple(["" if term is None else term.value for term in solution]) for solution in result]
    except (OSError, RuntimeError) as exc:
        if is_damage(exc):
            raise damaged(exc) from None
        raise QueryError(f"{what} failed: {exc}") from None


def _select(store, sparql: str) -> list[dict]:
    """Plain-string rows of one of this module's own SELECTs (see :func:`select_table`)."""
    columns, found = select_table(store, SPARQL_PREFIXES + sparql)
    return [dict(zip(columns, row)) for row in found]


def _dispute_rows(store, claims: dict[str, str], pick=None) -> list[dict]:
    """The rows of contested.rq for these contested claims (IRI -> label), from simple lookups;
    with ``pick`` (a function of the statements' light rows: ``statement``, ``side``, ``date``;
    returning those to keep), the sides come from the build's ``cg:supportsClaim`` and
    ``cg:deniesClaim`` (:data:`_SIDED`), and only the kept statements' classes, actors,
    sentences and articles are read.

    The statements counting toward the claims (and toward claims contradicting them) first,
    with the claims as VALUES: their class, actor and date; then the sentences, articles,
    labels and details by VALUES. Planned as one query, Oxigraph joins contested.rq's
    details over every statement of the corpus (measured at 10,000 articles: 1.4-11 s for a
    dispute of 9 statements; this 0.01 s); and a sentence is three hops from its statement,
    the costliest part of a large dispute (1.3 s of CPU for 3,548 statements), so a page
    reads only its own.
    """
    contradicting: dict[str, set[str]] = {}
    for block in _values("claim", claims):
        for row in _select(store, f"SELECT ?other ?claim WHERE {{ {block} ?other cg:contradicts ?claim }}"):
            contradicting.setdefault(row["other"], set()).add(row["claim"])
    core = []
    actor = "" if pick is not None else _ACTOR  # a page reads only its own statements' actors, below
    sided = pick is not None and bool(_select(store, _KEEPS_SIDES))  # (a store linked before the sides were kept: no)
    for block in _values("toward", claims):
        if sided:
            core += [dict(row, claim=row["toward"]) for row in _select(store, _SIDED % {"block": block})]
            continue
        for row in _select(store, _CORE % {"block": block, "classes": _SIDE_CLASSES, "actor": actor}):
            row.update(claim=row["toward"], side="disputer" if row["cls"].removeprefix(CG) in DISPUTING_CLASSES
                       else "supporter")
            core.append(row)
    for block in _values("toward", contradicting):
        for row in _select(store, _CORE % {"block": block, "classes": _SUPPORTING, "actor": actor}):
            core += [dict(row, claim=c, side="disputer") for c in sorted(contradicting[row["toward"]])]
    if pick is not None:
        core = pick(core)
        found = {}
        for block in _values("statement", {r["statement"] for r in core}):
            found.update((r["statement"], r) for r in _select(store, _ACTOR_AND_CLASS % {"block": block,
                                                                                          "classes": _SIDE_CLASSES}))
        core = [dict(r, actor=found[r["statement"]]["actor"], cls=found[r["statement"]]["cls"])
                for r in core if r["statement"] in found]
    labels, details, articles, quotes = {}, {}, {}, {}
    for block in _values("x", {r["actor"] for r in core} | {r["cls"] for r in core}):
        labels.update((r["x"], r["label"])
                      for r in _select(store, f"SELECT ?x ?label WHERE {{ {block} ?x rdfs:label ?label }}"))
    for block in _values("statement", {r["statement"] for r in core}, _QUOTES_CHUNK):
        for r in _select(store, _QUOTES % {"block": block}):
            quotes.setdefault(r["statement"], []).append(r)
    for block in _values("statement", {r["statement"] for r in core}):
        details.update((r["statement"], r) for r in _select(store, f"""SELECT ?statement ?method ?confidence WHERE {{
            {block} OPTIONAL {{ ?statement cg:method/rdfs:label ?method }}
            OPTIONAL {{ ?statement cg:confidence ?confidence }} }}"""))
    for block in _values("article", {q["article"] for found in quotes.values() for q in found}):
        articles.update((r["article"], r) for r in _select(store, f"""SELECT ?article ?source ?published ?url WHERE {{
            {block} OPTIONAL {{ ?article schema:headline ?source }}
            OPTIONAL {{ ?article schema:datePublished ?published }}
            OPTIONAL {{ ?article schema:url ?url }} }}"""))
    out = []
    for r in core:
        detail = details.get(r["statement"], {})
        for q in quotes.get(r["statement"], []):
            article = articles.get(q["article"], {})
            out.append({"claim": r["claim"], "claimLabel": claims[r["claim"]], "side": r["side"], "actor": r["actor"],
                        "actorLabel": labels.get(r["actor"], r["actor"]), "stance": labels.get(r["cls"], r["cls"]),
                        "statement": r["statement"], "sentence": q["sentence"], "article": q["article"],
                        "source": article.get("source"), "date": r["date"], "published": article.get("published"),
                        "url": article.get("url"), "method": detail.get("method"),
                        "confidence": detail.get("confidence")})
    return sorted(out, key=lambda r: (r["claim"], r["side"] != "supporter", r["actorLabel"], r["date"], r["sentence"],
                                      r["statement"]))  # contested.rq's order within a dispute


#: The statements counting toward the claims of a VALUES block ``?toward``, in ``classes``:
#: what ranks and sides them, and with ``actor`` (:data:`_ACTOR` or nothing) whom they count
#: for (their sentences and articles come by :data:`_QUOTES`).
_CORE = """SELECT * WHERE {
    %(block)s
    ?statement cg:countsToward ?toward ; a ?cls . FILTER (?cls IN (%(classes)s))
    ?statement dcterms:date ?date . %(actor)s }"""
#: The statements on each side of the claims of a VALUES block ``?toward`` and their dates, from
#: the sides the build keeps: one lookup a statement (at 10,000 articles, the largest dispute's
#: 3,548 statements: 0.06 s, where joining their classes and dates took 0.19 s).
_SIDED = """SELECT ?statement ?toward ?side ?date WHERE {
    %(block)s
    { ?statement cg:supportsClaim ?toward . BIND ("supporter" AS ?side) }
    UNION { ?statement cg:deniesClaim ?toward . BIND ("disputer" AS ?side) }
    ?statement dcterms:date ?date }"""
#: Whether the build kept the statements' sides (``cg:supportsClaim``, ``cg:deniesClaim``; linking
#: version 9 on): a store linked before them is read from the statements' classes.
_KEEPS_SIDES = "SELECT ?s WHERE { ?s cg:supportsClaim|cg:deniesClaim ?c } LIMIT 1"
#: The speech acts that support a claim, and with a denial, the ones that take a side of it.
_SUPPORTING = ", ".join(f"cg:{c}" for c in SUPPORTING_CLASSES)
_SIDE_CLASSES = ", ".join(f"cg:{c}" for c in SUPPORTING_CLASSES + DISPUTING_CLASSES)
#: Whom a statement counts for (a joined pattern of :data:`_CORE`).
_ACTOR = "?statement cg:countsFor ?actor ."
#: Whom the statements of a VALUES block ``?statement`` count for, and their speech act.
_ACTOR_AND_CLASS = """SELECT ?statement ?actor ?cls WHERE {
    %(block)s
    ?statement cg:countsFor ?actor ; a ?cls . FILTER (?cls IN (%(classes)s)) }"""

#: The evidence sentence and the article of the statements of a VALUES block ``?statement``.
_QUOTES = """SELECT ?statement ?article ?sentence WHERE {
    %(block)s
    ?statement cg:evidence/oa:hasTarget/oa:hasSelector ?quote .
    ?quote a oa:TextQuoteSelector ; oa:exact ?sentence . ?statement dcterms:source ?article . }"""


#: A full IRI (a claim named by it is looked up alone).
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"{}|^`\\]+")


def _summary_keys(store, sort: str = "contested", offset: int = 0, limit: int | None = None,
                  wanted: str | None = None) -> list[dict]:
    """The contested claims the build keeps, in ``sort`` order, ``limit`` of them from ``offset``
    (all: ``None``), with what ranks them but not their sides: ``claim``, ``claim_iri``,
    ``sides`` (how many supporters and disputers), ``articles``, ``first``, ``latest``; with
    ``wanted``, only the claims it names (see :func:`_names`).

    One scan per kept number or date (only contested claims have them), then labels by
    VALUES, only for the claims the page may hold: ranked by their numbers, only the claims
    that tie with the page's first or last need their labels to be put in order (measured at
    100,000 articles: reading every label took 1.3 s of the disputes list's 4.3 s).
    """
    kept: dict[str, dict[str, str]] = {}
    one = ""
    if wanted and _IRI.fullmatch(wanted.strip()):
        one = f"VALUES ?claim {{ <{wanted.strip()}> }} "
    elif wanted and wanted.strip():  # a label as it is written: looked up in the index, not matched against every dispute
        exact = _select(store, f"SELECT DISTINCT ?claim WHERE {{ ?claim rdfs:label {ox.Literal(wanted.strip())} ; "
                               f"cg:supporterCount ?count }}")
        if exact:
            one = "VALUES ?claim { " + " ".join(f"<{r['claim']}>" for r in exact) + " } "
    for name in ("supporterCount", "disputerCount", "articleCount", "firstDate", "latestDate"):
        for row in _select(store, f"SELECT ?claim ?value WHERE {{ {one}?claim cg:{name} ?value }}"):
            kept.setdefault(row["claim"], {})[name] = row["value"]
    keys = {iri: {"claim": iri, "claim_iri": iri,
                  "sides": int(k.get("supporterCount", 0)) + int(k.get("disputerCount", 0)),
                  "articles": int(k.get("articleCount", 0)), "first": k.get("firstDate") or None,
                  "latest": k.get("latestDate") or None} for iri, k in kept.items()}
    if wanted is not None:  # named by its IRI: no other label is needed; by its label: every label is
        named = {iri: key for iri, key in keys.items() if _names(key, wanted)}
        keys = named or keys
    rank = _RANKS[sort]
    if rank is None or limit is None or wanted is not None:
        candidates, before = list(keys.values()), 0
    else:  # the page, and the claims that tie with its ends
        ordered = sorted(keys.values(), key=rank, reverse=True)
        if offset >= len(ordered):
            return []
        top, bottom = rank(ordered[offset]), rank(ordered[min(offset + limit, len(ordered)) - 1])
        candidates = [k for k in ordered if bottom <= rank(k) <= top]
        before = sum(1 for k in ordered if rank(k) > top)
    for block in _values("claim", [k["claim_iri"] for k in candidates]):
        for row in _select(store, f"SELECT ?claim ?label WHERE {{ {block} ?claim rdfs:label ?label }}"):
            keys[row["claim"]]["claim"] = row["label"]
    if wanted is not None:
        candidates = [k for k in candidates if _names(k, wanted)]
    start = offset - before
    return _ranked(candidates, sort)[start:start + limit if limit is not None else None]


def contested_summary(store, sort: str = "contested", limit: int | None = None, offset: int = 0) -> list[dict]:
    """The disputes list, as the build keeps it: each contested claim's ``claim`` (label),
    ``claim_iri``, ``supporters`` and ``disputers`` (actor labels, sorted), ``articles``,
    ``first``, ``latest`` and ``methods``, without the evidence (see :func:`contested_claims`).

    A lookup of what ``claimgraph build`` wrote (``cg:ContestedClaim``): every dispute is
    ranked from its kept counts and dates, then the sides and methods of the page asked
    for (``limit`` from ``offset``) are read, so a page answers at corpus scale in the time
    of its own rows; the same claims, order and fields as :func:`contested_claims`.
    """
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r}; use one of: {', '.join(SORTS)}")
    page = _summary_keys(store, sort, offset, limit)
    sides = _sides(store, [c["claim_iri"] for c in page])
    return [dict(_without_sides(c), **sides[c["claim_iri"]]) for c in page]


def _sides(store, claims: list[str]) -> dict[str, dict[str, list[str]]]:
    """The kept ``supporters``, ``disputers`` (actor labels) and ``methods`` of contested claims, sorted."""
    found = {iri: {"supporters": set(), "disputers": set(), "methods": set()} for iri in claims}
    for block in _values("claim", found):
        for row in _select(store, _SIDES % {"block": block}):
            entry = found[row["claim"]]
            if row["side"]:
                entry["supporters" if row["side"] == "supporter" else "disputers"].add(row["actorLabel"])
            if row["method"]:
                entry["methods"].add(row["method"])
    return {iri: {k: sorted(v) for k, v in entry.items()} for iri, entry in found.items()}


#: The sides (actor labels) and methods of the contested claims of a VALUES block ``?claim``.
_SIDES = """SELECT ?claim ?side ?actorLabel ?method WHERE {
    %(block)s
    { ?claim cg:supporter ?actor . BIND ("supporter" AS ?side) ?actor rdfs:label ?actorLabel . }
    UNION { ?claim cg:disputer ?actor . BIND ("disputer" AS ?side) ?actor rdfs:label ?actorLabel . }
    UNION { ?claim cg:evidenceMethod/rdfs:label ?method . } }"""


def _names(entry: dict, wanted: str) -> bool:
    """Whether ``wanted`` names this dispute: its IRI, the end of its IRI, or its label (any case)."""
    wanted = wanted.strip()
    return (wanted == entry["claim_iri"] or entry["claim_iri"].endswith("/" + wanted)
            or wanted.casefold() == entry["claim"].casefold())


#: What ranks the disputes before their labels (descending) for each sort; ``claim`` is by label alone.
_RANKS = {"contested": lambda c: (c["sides"], c["articles"], c["latest"] or ""),
          "latest": lambda c: c["latest"] or "", "claim": None}


def _ranked(claims: list[dict], sort: str) -> list[dict]:
    """Disputes in ``sort`` order: by its rank (descending), then label and IRI; ``sides``
    (distinct supporters plus disputers) ranks ``contested``."""
    claims = sorted(claims, key=lambda c: (c["claim"], c["claim_iri"]))
    if _RANKS[sort] is not None:
        claims.sort(key=_RANKS[sort], reverse=True)
    return claims


def _without_sides(dispute: dict) -> dict:
    """A dispute as it is returned: ``sides`` only ranks it."""
    return {k: v for k, v in dispute.items() if k != "sides"}
