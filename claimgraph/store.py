"""Where the graph lives and how SPARQL runs on it.

The graph lives in an on-disk Oxigraph store (``graph/store/`` by default, written by
``claimgraph build``); a TriG/Turtle file can still be read into memory, and a remote
SPARQL 1.1 endpoint can stand in for either (see :mod:`claimgraph.remote`).

SPARQL runs in Oxigraph (pyoxigraph) or on the remote server, never in rdflib's engine.
Results come back in the standard SPARQL 1.1 Query Results JSON format whatever the
source, so the CLI, the tests and a notebook all handle one shape.
"""
from __future__ import annotations

import errno
import fcntl
import io
import json
import os
import re
import threading
import time
from pathlib import Path

import pyoxigraph as ox

from .errors import QueryError, StoreError
from .fileio import atomic_path
from .linking import concluded_here, update_links
from .sparql import check_query
from .vocab import BUILD_GRAPH, CG, DCTERMS, ID, LINKS_GRAPH, ONTOLOGY_GRAPH, PREFIXES, RDF, XSD, graph_iri

DEFAULT_GRAPH_FILE = Path("graph/claims.trig")
DEFAULT_STORE_DIR = Path("graph/store")

FORMATS_BY_SUFFIX = {".trig": "TRIG", ".ttl": "TURTLE", ".nq": "N_QUADS", ".nt": "N_TRIPLES", ".jsonld": "JSON_LD"}
EXPORT_FORMATS = {"nt": "N_TRIPLES", "nq": "N_QUADS", "ttl": "TURTLE", "trig": "TRIG", "jsonld": "JSON_LD"}


def _writer_active(path: Path) -> bool:
    """True when another process holds the store's write lock (RocksDB's ``LOCK`` file).

    Oxigraph documents reading a store while another process writes it as undefined
    behaviour, so readers check first and refuse with a clear message instead.
    """
    try:
        fd = os.open(path / "LOCK", os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        return exc.errno in (errno.EACCES, errno.EAGAIN)
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def _store_problem(path: Path, exc: BaseException) -> StoreError:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "/LOCK" in text or _writer_active(path):  # RocksDB's lock file, not any word containing "lock"
        return StoreError(f"{path}: store is locked by another process (a build or a push still running?); "
                          f"wait for it to finish")
    if isinstance(exc, RuntimeError) or "corrupt" in text.lower():
        return damaged(exc, path)
    return StoreError(f"{path}: cannot open store: {text}")


def is_damage(exc: BaseException) -> bool:
    """Whether an error from Oxigraph means the store's files are damaged (RocksDB's ``Corruption``)."""
    return isinstance(exc, (RuntimeError, OSError)) and "corrupt" in str(exc).lower()


def damaged(exc: BaseException, path: Path | str | None = None) -> StoreError:
    """The one-line error for a damaged store: what RocksDB found, and how to recover."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if path is None:  # RocksDB names the damaged file: its folder is the store
        found = re.search(r" in (/\S+)/[^/\s]+\.(?:sst|log)\b", text)
        path = found.group(1) if found else "the store"
    return StoreError(f"{path}: the store is damaged ({text.strip()}); rebuild it: delete the folder and run "
                      f"`claimgraph build --store {path}`")


#: Predicates of the build graph's bookkeeping records.
BUILD_NS = "https://w3id.org/claimgraph/build#"
_STATE = "urn:claimgraph:state"


def mark_status(status: str, recorded: dict[str, str]) -> str:
    """SPARQL update recording the build's status: ``building`` when a build starts, ``complete``
    when it has finished; ``recorded`` (the build graph's values read at the start) says whether
    any build ever completed."""
    completed = "true" if status == "complete" or recorded.get(f"{_STATE}#completed") == "true" else "false"
    return (f"DELETE WHERE {{ GRAPH <{BUILD_GRAPH}> {{ <{_STATE}> ?p ?o }} }} ;\n"
            f"INSERT DATA {{ GRAPH <{BUILD_GRAPH}> {{ <{_STATE}> <{BUILD_NS}status> \"{status}\" ; "
            f"<{BUILD_NS}completed> \"{completed}\" }} }}")


def store_status(store) -> str:
    """``complete``; ``partial`` when the last build did not finish but an earlier one did;
    ``unfinished`` when no build ever finished. A store without build records (filled by
    hand, or loaded from a file) counts as complete."""
    state = ox.NamedNode(_STATE)
    graph = ox.NamedNode(BUILD_GRAPH)
    values = {q.predicate.value.removeprefix(BUILD_NS): q.object.value
              for q in store.quads_for_pattern(state, None, None, graph)}
    if not values or values.get("status") == "complete":
        return "complete"
    return "partial" if values.get("completed") == "true" else "unfinished"


#: The build record of the linking version a store's claims were linked with (``BUILD_NS`` version).
LINKS_RECORD = "urn:claimgraph:links"


def links_version(store) -> str | None:
    """The linking version the store's claims were last linked with (None: a store never built)."""
    found = list(store.quads_for_pattern(ox.NamedNode(LINKS_RECORD), ox.NamedNode(BUILD_NS + "version"),
                                         None, ox.NamedNode(BUILD_GRAPH)))
    return found[0].object.value if found else None


def is_store(path: Path | str) -> bool:
    """Whether ``path`` looks like an Oxigraph store directory."""
    return (Path(path) / "CURRENT").is_file()


def open_store(path: Path | str = DEFAULT_STORE_DIR, write: bool = False, unfinished_ok: bool = False):
    """Open the on-disk Oxigraph store: read-only by default, for writing with ``write=True``.

    Only one process can write a store; readers refuse while a writer is active. A store
    whose first build never finished is refused too (it would answer from a fraction of
    the articles without a word), unless ``unfinished_ok`` (to inspect it).
    """
    path = Path(path)
    if write:
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path}: not a folder; give --store a folder for the Oxigraph store")
        if path.is_dir() and any(path.iterdir()) and not is_store(path):
            raise StoreError(f"{path}: folder is not an Oxigraph store (no CURRENT file); "
                             f"give --store an empty or new folder")
        try:
            path.mkdir(parents=True, exist_ok=True)
            return ox.Store(str(path))
        except (OSError, RuntimeError, ValueError) as exc:
            raise _store_problem(path, exc) from None
    if not path.is_dir():
        hint = "run `claimgraph build` first" if path == DEFAULT_STORE_DIR else "check the path"
        raise StoreError(f"{path}: store not found; {hint}")
    if not is_store(path):
        raise StoreError(f"{path}: not an Oxigraph store (no CURRENT file); run `claimgraph build --store {path}`")
    if _writer_active(path):
        raise StoreError(f"{path}: store is being written by another process (a build still running?); "
                         f"try again when it has finished")
    try:
        store = ox.Store.read_only(str(path))
    except (OSError, RuntimeError, ValueError) as exc:
        raise _store_problem(path, exc) from None
    try:
        status = store_status(store)
    except (OSError, RuntimeError) as exc:
        raise _store_problem(path, exc) from None
    if not unfinished_ok and status == "unfinished":
        raise StoreError(f"{path}: the store's first build did not finish, so it holds only part of the graph; "
                         f"fix what that build reported and run `claimgraph build` again")
    return store


#: Version of the store layout: 2 = the default graph holds the deduplicated union view.
LAYOUT_VERSION = "2"
_CG_NAMED_GRAPH = "https://w3id.org/claimgraph/ns#namedGraph"
_SCHEMA_PUBLISHER = "https://schema.org/publisher"

MATERIALIZE_UNION = f"""INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{BUILD_GRAPH}>) }}"""


def add_union_view(store, conclude: bool = True) -> None:
    """Fill the default graph with every triple of every named graph, once: the view queries run on.

    ``open_graph`` and ``claimgraph build`` do this; call it on a pyoxigraph store you
    filled yourself before handing it to ``run_query``. With ``conclude``, data that lacks
    the build's corpus conclusions (claims linked across articles, what each statement
    counts toward and for, the contested claims' summaries; the links graph says which
    version of the linking made them) gets them, in memory: a graph written by other
    software, or by another version of claimgraph.
    """
    store.update(MATERIALIZE_UNION)
    if conclude and not concluded_here(store):  # made elsewhere, or by another version of the linking
        articles = {row["a"].value for row in store.query(
            f"SELECT DISTINCT ?a WHERE {{ ?s <{CG}claim> ?c ; <{DCTERMS}source> ?a }}")}
        if articles:
            update_links(store, articles, everything=True)


def unview(graph: str) -> str:
    """SPARQL update: take a named graph's triples out of the union view unless another graph has them."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{graph}> && ?g != <{BUILD_GRAPH}>) }} }}")


def document_quads(store, articles: set[str] | None = None):
    """The document graph proper: descriptions of the articles and their publishers.

    In a claimgraph store the default graph also holds the union view (every triple of
    every named graph, once); exports and pushes want only the documents' descriptions.
    ``articles`` (article IRIs) keeps only those articles and their publishers.
    """
    default = ox.DefaultGraph()
    articles_found = {q.subject for q in store.quads_for_pattern(None, ox.NamedNode(_CG_NAMED_GRAPH), None, default)}
    if articles is not None:
        articles_found = {a for a in articles_found if a.value in articles}
    articles = articles_found
    publishers = {q.object for a in articles
                  for q in store.quads_for_pattern(a, ox.NamedNode(_SCHEMA_PUBLISHER), None, default)}
    for subject in sorted(articles | publishers, key=str):
        yield from store.quads_for_pattern(subject, None, None, default)


def count_document_quads(store) -> int:
    """How many quads :func:`document_quads` yields, counted by Oxigraph (5x faster)."""
    found = store.query(f"""
        SELECT (COUNT(*) AS ?n) WHERE {{
          {{ SELECT DISTINCT ?s WHERE {{
               {{ ?s <{_CG_NAMED_GRAPH}> ?g }} UNION {{ ?a <{_CG_NAMED_GRAPH}> ?g ; <{_SCHEMA_PUBLISHER}> ?s }} }} }}
          ?s ?p ?o }}""")
    return int(next(iter(found))["n"].value)


def open_graph(path: Path | str = DEFAULT_GRAPH_FILE):
    """Load a TriG/Turtle/N-Quads file into an in-memory Oxigraph store (a store folder opens read-only)."""
    path = Path(path)
    if path.is_dir():
        return open_store(path)
    fmt = FORMATS_BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise QueryError(f"{path}: unknown graph format {path.suffix!r}; use .trig, .ttl, .nq, .nt or .jsonld")
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
    add_union_view(store)
    return store


def run_query(store, sparql: str, timeout: float | None = None) -> dict:
    """Run SPARQL over the union of all graphs; return SPARQL 1.1 Query Results JSON.

    Locally the union is the store's default graph, which holds every triple of every
    named graph once (set semantics). Oxigraph's own ``use_default_graph_as_union`` is a
    bag: an actor described in 80 articles matches 80 times and joins explode (measured:
    canned queries over 30 s at 1,000 articles, 6-350 ms on the deduplicated view).

    ``store`` is a pyoxigraph store (in memory or on disk) or a remote
    :class:`~claimgraph.remote.Endpoint`. CONSTRUCT/DESCRIBE results come back as
    ``{"triples": N-Triples text}``. ``timeout`` (seconds) bounds a local query; see
    :func:`write_query`.
    """
    if hasattr(store, "sparql_json"):  # a remote endpoint
        return store.sparql_json(sparql)
    buffer = io.BytesIO()
    kind, _ = write_query(store, sparql, buffer, timeout)
    if kind == "triples":
        return {"triples": buffer.getvalue().decode("utf-8")}
    return json.loads(buffer.getvalue())


class _Watch:
    """A binary sink that passes bytes on and notes whether a SPARQL JSON result has a row."""

    def __init__(self, output):
        self.output, self.tail, self.rows, self.size = output, b"", False, 0

    def write(self, data) -> int:
        data = bytes(data)
        self.size += len(data)
        if not self.rows:
            window = self.tail + data
            self.rows = b'"bindings":[{' in window or b'"boolean":' in window
            self.tail = window[-16:]
        self.output.write(data)
        return len(data)

    def flush(self) -> None:
        if hasattr(self.output, "flush"):
            self.output.flush()


def _join_interruptibly(worker: threading.Thread, timeout: float | None) -> None:
    """Wait for ``worker`` at most ``timeout`` seconds (None: until it ends), in short waits.

    One long wait is not enough: the system may hand a Ctrl-C to the query's thread, and the
    main thread, asleep in that wait, would never run Python's handler (the query went on for
    minutes after a Ctrl-C). Waking every 0.2 s, the main thread sees it at once."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while worker.is_alive():
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left <= 0:
            return
        worker.join(0.2 if left is None else min(0.2, left))


def write_query(store, sparql: str, output, timeout: float | None = None) -> tuple[str, bool]:
    """Run SPARQL and stream its result, as serialised by the engine, to the binary file
    ``output``: SPARQL Results JSON for SELECT and ASK, N-Triples for CONSTRUCT and DESCRIBE.
    Returns ``(kind, any)``: ``"results"`` or ``"triples"``, and whether there was a row (or
    an ASK answer, or a triple).

    The engine writes straight to ``output`` (no copy of a million-row result in memory),
    and runs in a thread of its own: the caller stays interruptible (Ctrl-C) and, with
    ``timeout``, gets a :class:`QueryError` when the query has not finished in time (the
    abandoned query ends with the process; Oxigraph cannot cancel a running query).
    """
    if hasattr(store, "sparql_json"):  # a remote endpoint
        results = store.sparql_json(sparql)
        if "triples" in results:
            data = results["triples"].encode("utf-8")
            output.write(data)
            return "triples", bool(data.strip())
        output.write(json.dumps(results, ensure_ascii=False).encode("utf-8"))
        return "results", "boolean" in results or bool(results["results"]["bindings"])
    check_query(sparql)  # a query nested too deep would crash the parser: refused before parsing
    sink = _Watch(output)
    outcome: dict = {}

    def work():
        result = None
        try:
            result = store.query(sparql)
            if isinstance(result, ox.QueryTriples):
                outcome["kind"] = "triples"
                ox.serialize(result, sink, format=ox.RdfFormat.N_TRIPLES)
                outcome["any"] = sink.size > 0
            else:
                outcome["kind"] = "results"
                result.serialize(sink, format=ox.QueryResultsFormat.JSON)
                outcome["any"] = sink.rows
        except BaseException as exc:  # handed to the caller's thread, without the frames that hold the result
            outcome["error"] = exc.with_traceback(None)
        finally:
            del result  # pyoxigraph's results must be dropped in the thread that made them

    worker = threading.Thread(target=work, name="claimgraph-query", daemon=True)
    worker.start()
    _join_interruptibly(worker, timeout)
    if worker.is_alive():
        raise QueryError(f"query took longer than {timeout:g} s (--timeout); narrow it down or raise the timeout")
    exc = outcome.get("error")
    if isinstance(exc, BrokenPipeError):  # the reader went away: the caller decides what that means
        raise exc
    if isinstance(exc, SyntaxError):
        message = str(exc).splitlines()[0] if str(exc) else "syntax error"
        raise QueryError(f"SPARQL syntax error: {message}") from None
    if isinstance(exc, (OSError, ValueError, RuntimeError)):
        if is_damage(exc):
            raise damaged(exc) from None
        raise QueryError(f"query failed: {exc}") from None
    if exc is not None:
        raise exc
    return outcome["kind"], outcome["any"]


def rows(results: dict) -> tuple[list[str], list[dict[str, str]]]:
    """Columns and plain-string rows of a SELECT result (missing bindings become '')."""
    if "boolean" in results:
        return ["boolean"], [{"boolean": "true" if results["boolean"] else "false"}]
    columns = results["head"]["vars"]
    out = [{c: b[c]["value"] if c in b else "" for c in columns} for b in results["results"]["bindings"]]
    return columns, out


# --- serialisation: every file and push of RDF goes out through here ---------------------------

#: Oxigraph stores xsd:nonNegativeInteger literals as xsd:integer (measured with pyoxigraph 0.5.13);
#: the datatypes rdf.py writes are put back on the way out, so exports and pushes equal the build.
_RESTORED_DATATYPES = {"http://www.w3.org/ns/oa#start": XSD + "nonNegativeInteger",
                       "http://www.w3.org/ns/oa#end": XSD + "nonNegativeInteger",
                       CG + "articleCount": XSD + "nonNegativeInteger",
                       CG + "supporterCount": XSD + "nonNegativeInteger",
                       CG + "disputerCount": XSD + "nonNegativeInteger"}


def restore_datatypes(quads):
    """Undo Oxigraph's integer normalisation on the predicates where rdf.py and linking.py use a derived type."""
    integer = XSD + "integer"
    cache: dict[str, ox.NamedNode] = {}
    for quad in quads:
        wanted = _RESTORED_DATATYPES.get(quad.predicate.value)
        obj = quad.object
        if wanted and isinstance(obj, ox.Literal) and obj.datatype.value == integer:
            datatype = cache.get(wanted) or cache.setdefault(wanted, ox.NamedNode(wanted))
            quad = ox.Quad(quad.subject, quad.predicate, ox.Literal(obj.value, datatype=datatype), quad.graph_name)
        yield quad


def quad_order(quad) -> tuple:
    """Default graph first, then by graph, subject, rdf:type before other predicates, object."""
    graph = "" if isinstance(quad.graph_name, ox.DefaultGraph) else str(quad.graph_name)
    predicate = "" if quad.predicate.value == RDF + "type" else str(quad.predicate)
    return (graph, str(quad.subject), predicate, str(quad.object))


def sorted_trig(nquads: bytes) -> bytes:
    """N-Quads as sorted TriG, so equal graphs give equal bytes whatever the hash seed.

    rdflib's own TriG writer orders subjects by heuristics that depend on set order;
    here the quads are parsed by pyoxigraph, sorted, and written by its TriG serialiser,
    which groups consecutive subjects and predicates.
    """
    quads = sorted(ox.parse(nquads, format=ox.RdfFormat.N_QUADS), key=quad_order)
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=dict(PREFIXES))


def data_graphs(store) -> list:
    """The store's named graphs that hold data (articles, the ontology), sorted; never the build graph."""
    return sorted((g for g in store.named_graphs() if g.value != BUILD_GRAPH), key=str)


def export_quads(store, articles: set[str] | None = None):
    """Everything a graph file or a push should hold, in :func:`quad_order`: the document
    descriptions, then each data graph. Streams one graph at a time, so memory stays
    bounded by the largest graph; literals get back the datatypes the build wrote.
    ``articles`` (article IRIs) keeps only those articles' graphs (and the ontology)."""
    keep = None if articles is None else {graph_iri(a.rsplit("/", 1)[-1]) for a in articles} | {ONTOLOGY_GRAPH}
    try:
        yield from sorted(restore_datatypes(document_quads(store, articles)), key=quad_order)
        for graph in data_graphs(store):
            quads = store.quads_for_pattern(None, None, None, graph)
            if keep is not None and graph.value == LINKS_GRAPH:
                quads = links_among(list(quads), articles)
            elif keep is not None and graph.value not in keep:
                continue
            yield from sorted(restore_datatypes(quads), key=quad_order)
    except (OSError, RuntimeError) as exc:
        if is_damage(exc):
            raise damaged(exc) from None
        raise


def links_among(quads: list, articles: set[str]) -> list:
    """The links graph's quads that concern only ``articles`` (IRIs): links whose two claims'
    articles are among them, and ``cg:sameClaimAs`` between claims of those articles."""
    source, same = DCTERMS + "source", CG + "sameClaimAs"
    outside = {q.subject.value for q in quads if q.predicate.value == source and q.object.value not in articles}
    ids = {a.rsplit("/", 1)[-1] for a in articles}

    def inside(claim: str) -> bool:
        head = claim[len(ID):].split("/claim/", 1)[0] if "/claim/" in claim[len(ID):] else ""
        return head == "" or head in ids  # "" : a corpus-wide (curated) claim

    return [q for q in quads if q.subject.value not in outside
            and (q.predicate.value != same or (inside(q.subject.value) and inside(q.object.value)))]


def export_trig(store, output: Path, articles: set[str] | None = None) -> None:
    """Write the store (without its build graph) as sorted TriG, byte-identical to an in-memory
    build of the same articles; ``articles`` (article IRIs) exports only those."""
    with atomic_path(output) as tmp, open(tmp, "wb") as handle:
        ox.serialize(export_quads(store, articles), handle, format=ox.RdfFormat.TRIG, prefixes=dict(PREFIXES))


def dump(store, fmt: str) -> bytes:
    """The whole store in an RDF format (``EXPORT_FORMATS``); ``nt`` and ``ttl`` merge the named graphs.

    JSON-LD is compacted with the project's prefixes as its ``@context``, with ``@type``
    for rdf:type, one ``@graph`` per named graph.
    """
    if fmt == "jsonld":
        return _jsonld(export_quads(store))
    rdf_format = getattr(ox.RdfFormat, EXPORT_FORMATS[fmt])
    if rdf_format.supports_datasets:
        items = export_quads(store)
    else:
        items = sorted({q.triple for q in export_quads(store)},
                       key=lambda t: (str(t.subject), t.predicate.value != RDF + "type", str(t.predicate),
                                      str(t.object)))
    prefixes = dict(PREFIXES) if fmt in ("ttl", "trig") else None
    return ox.serialize(items, format=rdf_format, prefixes=prefixes)


def _jsonld(quads) -> bytes:
    """Compacted JSON-LD (pyld, the JSON-LD reference API in Python) of sorted quads."""
    from pyld import jsonld  # 0.45 s to import (measured): only for this export, not every query

    nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")
    expanded = jsonld.from_rdf(nquads, {"format": "application/n-quads", "useNativeTypes": False})
    context = {"@context": dict(PREFIXES)}
    compacted = jsonld.compact(expanded, context, {"compactArrays": True})
    return (json.dumps(compacted, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
