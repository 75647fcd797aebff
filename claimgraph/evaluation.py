"""Answering one SPARQL query for ``claimgraph serve``, in worker processes that can be killed.

Oxigraph cannot cancel a running query, and a query left running in a thread after its
timeout keeps a core busy and can grow to gigabytes (measured: 1.73 GB for one
GROUP_CONCAT after its 503). So every query runs in a worker process: the server
waits for the answer until the deadline and kills the worker when it passes. At most
``size`` workers exist, each with a cap on its memory (``RLIMIT_DATA``); a worker that
runs out dies alone, and the next query gets a fresh one.

A worker opens the served graph itself (a read-only store can be opened by several
processes; a graph file is loaded once per worker) and reopens it after a rebuild,
as :class:`Served` does. Results are written by pyoxigraph's own serialisers, cut at
the row limit; the internal build graph is never part of a query's dataset.

This module imports nothing heavier than pyoxigraph, so a worker starts in a fraction
of a second.
"""
from __future__ import annotations

import ctypes
import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from .errors import QueryError
from .sparql import QueryFacts, check_query
from .source import local_graph
from .store import open_graph, open_store
from .vocab import BUILD_GRAPH

JSON = "application/sparql-results+json"
XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
SOLUTION_TYPES = [JSON, XML, CSV, TSV]
SOLUTION_ALIASES = {"application/json": JSON, "application/xml": XML, "text/xml": XML}
GRAPH_TYPES = ["text/turtle", "application/n-triples", "application/n-quads", "application/rdf+xml",
               "application/ld+json"]
GRAPH_ALIASES = {"text/plain": "application/n-triples", "application/x-turtle": "text/turtle",
                 "application/json": "application/ld+json"}


# --- content negotiation -------------------------------------------------------------------


def negotiate(accept: str | None, offered: list[str], aliases: dict[str, str]) -> str | None:
    """The offered media type the Accept header likes best (the first offered on a tie); None if none fits."""
    if not accept or not accept.strip():
        return offered[0]
    best, best_q = None, 0.0
    for position, item in enumerate(accept.split(",")):
        parts = [p.strip() for p in item.split(";")]
        media = parts[0].lower()
        q = 1.0
        for param in parts[1:]:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        media = aliases.get(media, media)
        if media in ("*/*", "application/*", "text/*"):
            prefix = media.split("/")[0]
            candidates = [o for o in offered if media == "*/*" or o.startswith(prefix + "/")]
        else:
            candidates = [media] if media in offered else []
        for candidate in candidates[:1]:
            if q > best_q:
                best, best_q = candidate, q
    return best


# --- answering one query (the row limit, the dataset, pyoxigraph's serialisers) --------------


class Refused(Exception):
    """A request the endpoint answers with an HTTP error status and a one-line reason."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass
class Answer:
    body: bytes
    media: str
    truncated: bool = False


class _RowCut:
    """A binary writer that keeps a TSV result up to ``limit`` rows, then stops the engine.

    TSV has one line per solution (newlines in literals are escaped), so counting lines
    counts rows; raising from ``write`` stops Oxigraph's serialiser, and with it the
    query, as soon as the limit is passed.
    """

    class Full(Exception):
        pass

    def __init__(self, limit: int):
        self.wanted = limit + 1  # the header line, then the rows
        self.parts: list[bytes] = []
        self.full = False

    def write(self, data) -> int:
        data = bytes(data)
        lines = data.count(b"\n")
        if lines >= self.wanted:
            end = -1
            for _ in range(self.wanted):
                end = data.index(b"\n", end + 1)
            self.parts.append(data[: end + 1])
            self.full = True
            raise _RowCut.Full()
        self.parts.append(data)
        self.wanted -= lines
        return len(data)

    def flush(self) -> None:
        pass


def solutions_bytes(solutions, media: str, limit: int) -> tuple[bytes, bool]:
    """SELECT results in ``media``, cut at ``limit`` rows, written by pyoxigraph's serialisers.

    The solutions are written as TSV through :class:`_RowCut`; the kept rows are read back
    and written in the wanted format, so every format shows the same rows and blank nodes.
    """
    cut = _RowCut(limit + 1)  # one more row than shown tells whether the result was cut
    try:
        solutions.serialize(cut, format=ox.QueryResultsFormat.TSV)
    except _RowCut.Full:
        pass
    lines = b"".join(cut.parts).split(b"\n")
    truncated = cut.full
    kept = b"\n".join(lines[: limit + 1]) + b"\n" if truncated else b"".join(cut.parts)
    rows = ox.parse_query_results(kept, format=ox.QueryResultsFormat.TSV)
    return rows.serialize(format=ox.QueryResultsFormat.from_media_type(media)), truncated


def triples_bytes(triples, media: str, limit: int) -> tuple[bytes, bool]:
    """CONSTRUCT/DESCRIBE results in ``media``, cut at ``limit`` triples."""
    state = {"truncated": False}

    def capped():
        for count, triple in enumerate(triples):
            if count == limit:
                state["truncated"] = True
                return
            yield triple

    body = ox.serialize(capped(), format=ox.RdfFormat.from_media_type(media))
    return body, state["truncated"]


def mark_truncated(body: bytes, media: str, note: str) -> bytes:
    """Say in the body itself that a result was cut: a ``link`` in the head of SPARQL JSON and
    XML results (the formats' place for metadata about the results), a comment in Turtle,
    N-Triples, N-Quads and RDF/XML. CSV, TSV and JSON-LD have no such place: only the
    ``Claimgraph-Truncated`` header says so there."""
    if media == JSON:
        return body.replace(b"]},", f'],"link":["{note}"]}},'.encode(), 1)
    if media == XML:
        return body.replace(b"</head>", f'<link href="{note}"/></head>'.encode(), 1)
    if media in ("text/turtle", "application/n-triples", "application/n-quads"):
        return f"# {note}\n".encode() + body
    if media == "application/rdf+xml":
        return body + f"\n<!-- {note} -->\n".encode()
    return body


def dataset_options(query: QueryFacts, default_graphs: list[str], named_graphs: list[str],
                    data_graphs: list | None) -> dict:
    """The RDF dataset a query runs on, never with the internal build graph in it.

    The protocol's ``default-graph-uri``/``named-graph-uri`` win over the query's FROM /
    FROM NAMED (SPARQL 1.1 Protocol 2.1.4); without either, the default graph is the
    store's union view and GRAPH patterns see the data graphs. In a store with a build
    graph (``data_graphs`` given), every graph the engine may read is given explicitly and
    must be a data graph, so no spelling of the build graph's IRI reaches it (a graph the
    store lacks would be empty anyway); the default graph is always given too, so a FROM
    clause read differently here than by the engine cannot open it either.
    """
    protocol = bool(default_graphs or named_graphs)
    if data_graphs is None:  # nothing to hide (a graph file): the dataset as asked
        if protocol:
            return {"default_graph": [ox.NamedNode(g) for g in default_graphs],
                    "named_graphs": [ox.NamedNode(g) for g in named_graphs]}
        return {}
    known = {g.value: g for g in data_graphs}

    def visible(iris):
        return [known[iri] for iri in iris if iri in known]

    if protocol:
        return {"default_graph": visible(default_graphs), "named_graphs": visible(named_graphs)}
    if query.from_graphs or query.from_named:
        return {"default_graph": visible(query.from_graphs), "named_graphs": visible(query.from_named)}
    options = {"default_graph": ox.DefaultGraph()}
    if query.graph:  # only GRAPH patterns read named graphs; listing 10,000 graphs costs 6 ms a query
        options["named_graphs"] = data_graphs
    return options


def evaluate(store, sparql: str, accept: str | None, max_rows: int, base_iri: str | None = None,
             default_graphs=(), named_graphs=(), *, data_graphs: list | None) -> Answer:
    """Run one query on a pyoxigraph store within the row limit; its result in the best media type.

    SERVICE is refused: the endpoint answers from its own graph and never makes a request
    for a query (a web page the user visits could otherwise reach the user's network).
    """
    try:
        query = check_query(sparql)
    except QueryError as exc:
        raise Refused(400, str(exc)) from None
    if query.service:
        raise Refused(400, "SERVICE is refused: this endpoint answers from its own graph only "
                           "and does not send queries to other servers")
    options = dataset_options(query, list(default_graphs), list(named_graphs), data_graphs)
    try:
        result = store.query(sparql, base_iri=base_iri, **options)
    except SyntaxError as exc:
        message = str(exc).splitlines()[0] if str(exc) else "syntax error"
        raise Refused(400, f"SPARQL syntax error: {message}") from None
    kind = ("boolean" if isinstance(result, ox.QueryBoolean)
            else "graph" if isinstance(result, ox.QueryTriples) else "solutions")
    offered, aliases = (GRAPH_TYPES, GRAPH_ALIASES) if kind == "graph" else (SOLUTION_TYPES, SOLUTION_ALIASES)
    media = negotiate(accept, offered, aliases)
    if media is None:
        raise Refused(406, f"cannot answer in {accept!r}; this endpoint offers: {', '.join(offered)}")
    truncated = False
    if kind == "boolean":
        body = result.serialize(format=ox.QueryResultsFormat.from_media_type(media))
    elif kind == "graph":
        body, truncated = triples_bytes(result, media, max_rows)
    else:
        body, truncated = solutions_bytes(result, media, max_rows)
    if truncated:
        body = mark_truncated(body, media, f"urn:claimgraph:truncated:max-rows={max_rows}")
    return Answer(body, media, truncated)


# --- what is served: a store or graph file, reopened after a rebuild ----------------------


class Served:
    """The graph being served: an on-disk store (read-only) or a graph file loaded in memory.

    A rebuild changes the files under it, which a read-only store or an in-memory copy
    would not see. Before each query :meth:`current` compares a cheap stamp (the store's
    ``CURRENT`` and ``MANIFEST`` files, or the graph file's size and time) with the one it
    opened, and reopens when they differ; while a build still holds the store's write lock,
    the last complete store keeps being served.
    """

    def __init__(self, graph: Path | str | None = None, store: Path | str | None = None):
        self.path, self.is_store = local_graph(graph, store)
        self.generation = 0
        self._stamp = self.stamp()  # before opening: a rebuild in between is then seen at the next query
        self.store = self._open()
        self.data_graphs = self._data_graphs()

    def _open(self):
        return open_store(self.path) if self.is_store else open_graph(self.path)

    def _data_graphs(self) -> list | None:
        """The named graphs a query may see, or None when the store has no build graph to hide."""
        graphs = list(self.store.named_graphs())
        if not any(g.value == BUILD_GRAPH for g in graphs):
            return None
        return sorted((g for g in graphs if g.value != BUILD_GRAPH), key=str)

    def stamp(self) -> tuple:
        """What changes on disk when the graph is rebuilt (a few stat calls, no reading of data)."""
        try:
            if not self.is_store:
                info = self.path.stat()
                return info.st_ino, info.st_size, info.st_mtime_ns
            current = (self.path / "CURRENT").read_text(encoding="ascii", errors="replace").strip()
            manifest = os.stat(self.path / current)
            return current, manifest.st_size, manifest.st_mtime_ns
        except (OSError, ValueError):  # gone for a moment, or a damaged CURRENT file: as before
            return getattr(self, "_stamp", ())

    def current(self):
        """The store to query now, reopened first if the graph changed on disk since."""
        stamp = self.stamp()
        if stamp != self._stamp:
            try:
                store = self._open()
            except QueryError:  # being rebuilt right now (or the file is half-written): keep the old one
                return self.store
            self.store, self._stamp, self.generation = store, stamp, self.generation + 1
            self.data_graphs = self._data_graphs()
        return self.store


# --- worker processes ------------------------------------------------------------------------


class QueryTimeout(Exception):
    """The query passed its deadline; its worker has been killed."""


def _worker_main(conn, path: str, is_a_store: bool, memory_bytes: int | None) -> None:
    """A worker's life: open the graph, then answer queries one at a time until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the server stops us
    try:  # die with the server even if it is killed outright (Linux)
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_DATA, (memory_bytes, memory_bytes))
    try:
        served = Served(store=path) if is_a_store else Served(graph=path)
    except QueryError as exc:
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready",))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            store = served.current()
            conn.send(("ok", evaluate(store, data_graphs=served.data_graphs, **request)))
        except Refused as exc:
            conn.send(("refused", exc.status, str(exc)))
        except MemoryError:
            conn.send(("refused", 503, "query ran out of memory (the server's --max-memory)"))
        except (OSError, ValueError, RuntimeError) as exc:
            conn.send(("refused", 500, f"query failed: {exc}"))


@dataclass(eq=False)
class _Worker:
    process: subprocess.Popen
    conn: Connection

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(5)
        self.conn.close()


class WorkerPool:
    """At most ``size`` worker processes for the served graph, started when first needed.

    :meth:`run` is blocking (call it from a thread); it takes an idle worker or starts
    one, sends the query, and waits until the deadline: a worker that has not answered
    by then is killed, and so is one that died (out of memory), so a query never outlives
    its answer. Callers bound how many run at once (the server's limiter) to ``size``.
    """

    def __init__(self, served: Served, size: int = 4, memory_mb: int | None = 2048, start_timeout: float = 120.0):
        self.path, self.is_store = str(served.path.resolve()), served.is_store
        self.size, self.start_timeout = size, start_timeout
        self.memory_bytes = memory_mb * 1024 * 1024 if memory_mb else None
        self._idle: list[_Worker] = []
        self._all: set = set()
        self._lock = threading.Lock()
        self._closed = False

    def _start(self) -> _Worker:
        """A new worker: ``python -m claimgraph.evaluation`` on one end of a socket pair.

        A fresh interpreter rather than a fork (never fork a process with server threads)
        and rather than multiprocessing's spawn, which re-runs the caller's main script.
        """
        mine, theirs = socket.socketpair()
        with theirs:
            process = subprocess.Popen([sys.executable, "-m", "claimgraph.evaluation", str(theirs.fileno()),
                                        self.path, "store" if self.is_store else "graph",
                                        str(self.memory_bytes or 0)],
                                       pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL,
                                       stdout=subprocess.DEVNULL,
                                       env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)})
        mine = Connection(mine.detach())
        worker = _Worker(process, mine)
        with self._lock:
            self._all.add(worker)
        try:
            ready = mine.recv() if mine.poll(self.start_timeout) else ("failed", "worker did not start in time")
        except (EOFError, OSError):
            ready = ("failed", "worker stopped while opening the graph")
        if ready[0] != "ready":
            self._discard(worker)
            raise Refused(500, f"cannot start a query worker: {ready[1]}")
        return worker

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)

    def run(self, request: dict, timeout: float) -> Answer:
        """Answer one query in a worker within ``timeout`` seconds, or raise :class:`QueryTimeout`/:class:`Refused`."""
        with self._lock:
            if self._closed:
                raise Refused(503, "the server is stopping")
            worker = self._idle.pop() if self._idle else None
        worker = worker or self._start()
        deadline = time.monotonic() + timeout
        try:
            worker.conn.send(request)
            if not worker.conn.poll(max(deadline - time.monotonic(), 0)):
                self._discard(worker)
                raise QueryTimeout()
            reply = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._discard(worker)
            raise Refused(503, "query stopped its worker (out of memory? see the server's --max-memory)") from None
        with self._lock:
            if self._closed:
                worker.kill()
            else:
                self._idle.append(worker)
        if reply[0] == "ok":
            return reply[1]
        raise Refused(reply[1], reply[2])

    def close(self) -> None:
        """Stop every worker, busy or idle."""
        with self._lock:
            self._closed = True
            workers, self._all, self._idle = list(self._all), set(), []
        for worker in workers:
            worker.kill()


if __name__ == "__main__":  # a query worker, started by WorkerPool._start
    from claimgraph.evaluation import _worker_main  # this module's classes by their real name, for pickling

    _fd, _path, _kind, _memory = sys.argv[1:5]
    _worker_main(Connection(int(_fd)), _path, _kind == "store", int(_memory) or None)
