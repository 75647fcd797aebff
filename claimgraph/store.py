"""Where the graph lives and how SPARQL runs on it.

SPARQL runs in Oxigraph (pyoxigraph), not in rdflib's engine: it is orders of magnitude
faster and has none of rdflib's SPARQL gaps. Results come back in the standard SPARQL
1.1 Query Results JSON format whatever the source, so the CLI, the tests and a notebook
all handle one shape.
"""
from __future__ import annotations

import json
from pathlib import Path

from .annotation import ClaimgraphError

DEFAULT_GRAPH_FILE = Path("graph/claims.trig")

FORMATS_BY_SUFFIX = {".trig": "TRIG", ".ttl": "TURTLE", ".nq": "N_QUADS", ".nt": "N_TRIPLES"}
EXPORT_FORMATS = {"nt": "N_TRIPLES", "nq": "N_QUADS", "ttl": "TURTLE", "trig": "TRIG", "jsonld": "JSON_LD"}


class QueryError(ClaimgraphError):
    """The query cannot run: a syntax error, an unknown canned query, a missing graph."""


def open_graph(path: Path | str = DEFAULT_GRAPH_FILE):
    """Load a TriG/Turtle/N-Quads file into an in-memory Oxigraph store."""
    import pyoxigraph as ox

    path = Path(path)
    fmt = FORMATS_BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise QueryError(f"{path}: unknown graph format {path.suffix!r}; use .trig, .ttl, .nq or .nt")
    if not path.is_file():
        hint = "run `claimgraph build` first" if path == DEFAULT_GRAPH_FILE else "check the path"
        raise QueryError(f"{path}: graph file not found; {hint}")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=getattr(ox.RdfFormat, fmt))
    except SyntaxError as exc:
        raise QueryError(f"{path}: not valid {fmt.replace('_', '-')}: {exc}") from None
    except (OSError, ValueError) as exc:
        raise QueryError(f"{path}: cannot load graph: {exc}") from None
    return store


def run_query(store, sparql: str) -> dict:
    """Run SPARQL over the union of all graphs; return SPARQL 1.1 Query Results JSON.

    CONSTRUCT/DESCRIBE results come back as ``{"triples": N-Triples text}``.
    """
    import pyoxigraph as ox

    try:
        result = store.query(sparql, use_default_graph_as_union=True)
    except SyntaxError as exc:
        message = str(exc).splitlines()[0] if str(exc) else "syntax error"
        raise QueryError(f"SPARQL syntax error: {message}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {exc}") from None
    if isinstance(result, ox.QueryTriples):
        return {"triples": ox.serialize(result, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")}
    return json.loads(result.serialize(format=ox.QueryResultsFormat.JSON))


def rows(results: dict) -> tuple[list[str], list[dict[str, str]]]:
    """Columns and plain-string rows of a SELECT result (missing bindings become '')."""
    if "boolean" in results:
        return ["boolean"], [{"boolean": "true" if results["boolean"] else "false"}]
    columns = results["head"]["vars"]
    out = [{c: b[c]["value"] if c in b else "" for c in columns} for b in results["results"]["bindings"]]
    return columns, out


def dump(store, fmt: str) -> bytes:
    """The whole store in an RDF format; ``nt`` and ``ttl`` merge the named graphs into one."""
    import pyoxigraph as ox

    from .rdf import PREFIXES

    rdf_format = getattr(ox.RdfFormat, EXPORT_FORMATS[fmt])
    quads = sorted(store, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    if rdf_format.supports_datasets:
        items = quads
    else:
        items = sorted({q.triple for q in quads}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()} if fmt in ("ttl", "trig") else None
    return ox.serialize(items, format=rdf_format, prefixes=prefixes)
