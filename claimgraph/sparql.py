"""What can be told about a SPARQL query from its tokens, before any parser sees it.

Oxigraph's parser is recursive: a query nested a few thousand brackets (or ``!``
operators) deep overflows its native stack and kills the whole process (measured:
3,000 ``{`` in a worker thread, 50,000 ``!``). :func:`check_query` refuses such a
query first. The same tokens answer the other questions the server and the client
ask before running a query: its form (SELECT, ASK, CONSTRUCT, DESCRIBE), whether it
calls out with SERVICE, and which graphs its FROM / FROM NAMED clauses name.

The tokenizer knows SPARQL's lexical rules for comments, strings, IRIs, variables and
prefixed names, so keywords inside them (``PREFIX c: <http://example.org/construct#>``)
are not mistaken for keywords of the query.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from .errors import QueryError

#: Deepest nesting of brackets and ``!`` a query may have; real queries stay under 20,
#: Oxigraph's parser overflows its stack past 2,000 (measured with pyoxigraph 0.5.13).
MAX_DEPTH = 256

_TOKEN = re.compile(r'''
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<name>(?:[^\W\d][\w.\-]*)?:(?:[\w.\-:%\\]*[\w\-:%])?|[^\W\d][\w\-]*)
  | (?P<open>[({\[])
  | (?P<close>[)}\]])
  | (?P<ne>!=)
  | (?P<other>.)
''', re.VERBOSE | re.DOTALL)

FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


@dataclass
class QueryFacts:
    """What the tokens tell: form, deepest nesting, SERVICE calls, and the dataset clauses."""

    form: str = "SELECT"
    depth: int = 0
    service: bool = False
    graph: bool = False  # a GRAPH pattern: the only way a query reads named graphs
    base: str | None = None
    prefixes: dict = field(default_factory=dict)
    from_graphs: list = field(default_factory=list)  # IRIs, resolved where the tokens allow
    from_named: list = field(default_factory=list)


def tokens(text: str):
    """``(kind, text)`` for each token but spaces and comments."""
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind not in ("space", "comment"):
            yield kind, match.group()


def facts(text: str, base: str | None = None) -> QueryFacts:
    """Read a query's tokens once; ``base`` resolves relative IRIs when the query has no BASE."""
    found = QueryFacts(base=base)
    depth = bangs = 0
    form = None
    pending = None  # what the previous tokens started: "PREFIX", ("PREFIX", name), "BASE", "FROM", "FROM NAMED"
    for kind, value in tokens(text):
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth = max(depth - 1, 0)
        if kind == "other" and value == "!":
            bangs += 1
        elif kind != "space":
            bangs = 0
        found.depth = max(found.depth, depth + bangs)
        word = value.upper() if kind == "name" else None
        if pending == "PREFIX" and kind == "name":
            pending = ("PREFIX", value)
            continue
        if isinstance(pending, tuple) and kind == "iri":
            found.prefixes[pending[1][:-1] if pending[1].endswith(":") else pending[1]] = \
                _resolve(value[1:-1], found.base)
            pending = None
            continue
        if pending == "BASE" and kind == "iri":
            found.base = _resolve(value[1:-1], found.base)
            pending = None
            continue
        if pending in ("FROM", "FROM NAMED"):
            if pending == "FROM" and word == "NAMED":
                pending = "FROM NAMED"
                continue
            iri = _iri(kind, value, found)
            (found.from_named if pending == "FROM NAMED" else found.from_graphs).append(iri)
            pending = None
            continue
        pending = None
        if word in ("PREFIX", "BASE", "FROM"):
            pending = word
        elif word == "SERVICE":
            found.service = True
        elif word == "GRAPH":
            found.graph = True
        elif word in FORMS and form is None:
            form = word
    found.form = form or "SELECT"
    return found


def _resolve(iri: str, base: str | None) -> str:
    """An IRI token's text as the engine reads it: ``\\u`` escapes decoded, resolved against the base."""
    iri = re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})", lambda m: chr(int(m.group(1) or m.group(2), 16)), iri)
    return urljoin(base, iri) if base and not re.match(r"[A-Za-z][\w+.\-]*:", iri) else iri


def _iri(kind: str, value: str, found: QueryFacts) -> str | None:
    """An IRI token or prefixed name as a full IRI; None when the tokens cannot tell."""
    if kind == "iri":
        return _resolve(value[1:-1], found.base)
    if kind == "name" and ":" in value:
        prefix, local = value.split(":", 1)
        if prefix in found.prefixes:
            return found.prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    return None


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first query-form keyword that is a keyword."""
    return facts(text).form


def check_query(text: str, max_depth: int = MAX_DEPTH) -> QueryFacts:
    """Refuse a query nested deeper than the parser can take, before it is parsed."""
    found = facts(text)
    if found.depth > max_depth:
        raise QueryError(f"query refused: nested {found.depth} deep (brackets or '!'), more than the "
                         f"{max_depth} this engine can parse safely")
    return found
