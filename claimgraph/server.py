"""``claimgraph serve``: a read-only web service on 127.0.0.1 (Starlette + uvicorn).

* ``/`` the interactive graph page;
* ``/sparql`` a SPARQL 1.1 Protocol endpoint (GET, HEAD and POST; results as SPARQL
  JSON, XML, CSV or TSV, graphs as Turtle, N-Triples, N-Quads, RDF/XML or JSON-LD,
  chosen by ``Accept``); updates are refused with 403, other methods with 405;
* ``/queries`` the canned queries, each at ``/queries/NAME`` (an HTML table) with
  ``/queries/NAME.json`` (SPARQL JSON) and ``/queries/NAME.csv`` forms, as Datasette
  does for SQL.

Every query runs with a timeout and a row limit; a result cut at the row limit says so
in the ``Claimgraph-Truncated`` header and, where the format has a place for it, in the
body. Results are written by pyoxigraph's own serialisers. The internal build graph
(which records the paths of the user's files) is never part of a query's dataset.
The server watches the store (or graph file) it serves and reopens it after a rebuild.
"""
from __future__ import annotations

import html
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

import anyio
import pyoxigraph as ox
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from .errors import EnvironmentProblem, QueryError
from .projection import project
from .query import canned_queries
from .render import render_html
from .sparql import QueryFacts, check_query
from .store import DEFAULT_GRAPH_FILE, DEFAULT_STORE_DIR, is_store, open_graph, open_store
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


@dataclass
class Settings:
    title: str = "claimgraph"
    timeout: float = 10.0
    max_rows: int = 10_000
    workers: int = 4


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
                    data_graphs: list) -> dict:
    """The RDF dataset a query runs on, never with the internal build graph in it.

    The protocol's ``default-graph-uri``/``named-graph-uri`` win over the query's FROM /
    FROM NAMED (SPARQL 1.1 Protocol 2.1.4); without either, the default graph is the
    store's union view and the named graphs are the data graphs. The lists are always
    given to the engine explicitly, so no spelling of the build graph's IRI reaches it.
    """
    def visible(iris):
        return [ox.NamedNode(iri) for iri in iris if iri and iri != BUILD_GRAPH]

    if default_graphs or named_graphs:
        return {"default_graph": visible(default_graphs), "named_graphs": visible(named_graphs)}
    if query.from_graphs or query.from_named:
        return {"default_graph": visible(query.from_graphs), "named_graphs": visible(query.from_named)}
    return {"named_graphs": data_graphs}


def evaluate(store, sparql: str, accept: str | None, settings: Settings, base_iri: str | None = None,
             default_graphs=(), named_graphs=(), data_graphs=None) -> Answer:
    """Run one query on a pyoxigraph store within the row limit; its result in the best media type."""
    try:
        query = check_query(sparql)
    except QueryError as exc:
        raise Refused(400, str(exc)) from None
    if data_graphs is None:
        data_graphs = [g for g in store.named_graphs() if g.value != BUILD_GRAPH]
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
        body, truncated = triples_bytes(result, media, settings.max_rows)
    else:
        body, truncated = solutions_bytes(result, media, settings.max_rows)
    if truncated:
        body = mark_truncated(body, media, f"urn:claimgraph:truncated:max-rows={settings.max_rows}")
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
        if graph and store:
            raise QueryError("give only one of --graph, --store")
        if store or (not graph and is_store(DEFAULT_STORE_DIR)):
            self.path, self.is_store = Path(store or DEFAULT_STORE_DIR), True
        else:
            self.path, self.is_store = Path(graph or DEFAULT_GRAPH_FILE), False
        self.generation = 0
        self._stamp = self.stamp()
        self.store = self._open()
        self.data_graphs = self._data_graphs()

    def _open(self):
        return open_store(self.path) if self.is_store else open_graph(self.path)

    def _data_graphs(self) -> list:
        return sorted((g for g in self.store.named_graphs() if g.value != BUILD_GRAPH), key=str)

    def stamp(self) -> tuple:
        """What changes on disk when the graph is rebuilt (a few stat calls, no reading of data)."""
        try:
            if not self.is_store:
                info = self.path.stat()
                return info.st_ino, info.st_size, info.st_mtime_ns
            current = (self.path / "CURRENT").read_text(encoding="ascii", errors="replace").strip()
            manifest = os.stat(self.path / current)
            return current, manifest.st_size, manifest.st_mtime_ns
        except OSError:
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


# --- the application ---------------------------------------------------------------------


def create_app(served: Served, settings: Settings | None = None) -> Starlette:
    """The Starlette app serving ``served`` (a :class:`Served` graph)."""
    settings = settings or Settings()
    limiter = anyio.CapacityLimiter(settings.workers)
    page_cache: dict[int, str] = {}

    async def run(sparql: str, accept: str | None, base_iri: str | None = None, default_graphs=(),
                  named_graphs=()) -> Response:
        store, data_graphs = served.current(), served.data_graphs

        def work():
            return evaluate(store, sparql, accept, settings, base_iri, default_graphs, named_graphs, data_graphs)

        try:
            with anyio.fail_after(settings.timeout):
                answer = await anyio.to_thread.run_sync(work, limiter=limiter, abandon_on_cancel=True)
        except TimeoutError:
            return PlainTextResponse(f"query timed out after {settings.timeout:g} s (the server's --timeout)\n",
                                     status_code=503)
        except Refused as exc:
            return PlainTextResponse(f"{exc}\n", status_code=exc.status)
        except (OSError, ValueError, RuntimeError) as exc:
            return PlainTextResponse(f"query failed: {exc}\n", status_code=500)
        headers = {"Vary": "Accept"}
        if answer.truncated:
            headers["Claimgraph-Truncated"] = f"max-rows={settings.max_rows}"
        media = answer.media + ("; charset=utf-8" if answer.media.startswith("text/") else "")
        return Response(answer.body, media_type=media, headers=headers)

    def refuse_update() -> Response:
        return PlainTextResponse("this SPARQL endpoint is read-only: updates are refused\n", status_code=403)

    def bad(message: str, status: int = 400) -> Response:
        return PlainTextResponse(message + "\n", status_code=status)

    async def sparql(request: Request) -> Response:
        """The SPARQL 1.1 Protocol's query operation: GET (and HEAD), URL-encoded POST, direct POST."""
        params = request.query_params
        accept = request.headers.get("accept")
        if "update" in params:
            return refuse_update()
        queries = params.getlist("query")
        default_graphs, named_graphs = params.getlist("default-graph-uri"), params.getlist("named-graph-uri")
        if request.method == "POST":
            media, _, rest = request.headers.get("content-type", "").partition(";")
            media = media.strip().lower()
            charset = next((p.split("=", 1)[1].strip().strip('"').lower() for p in rest.split(";")
                            if p.strip().lower().startswith("charset=")), "utf-8")
            if media == "application/sparql-update":
                return refuse_update()
            if media not in ("application/x-www-form-urlencoded", "application/sparql-query"):
                return bad("POST a query as application/x-www-form-urlencoded (query=...) or "
                           "application/sparql-query", 415)
            if charset not in ("utf-8", "utf8"):
                return bad(f"the query must be sent in UTF-8, not {charset}", 415)
            try:
                text = (await request.body()).decode("utf-8")
                if media == "application/sparql-query":
                    queries.append(text)
                else:
                    form = parse_qs(text, keep_blank_values=True, encoding="utf-8", errors="strict")
                    if "update" in form:
                        return refuse_update()
                    queries += form.get("query", [])
                    default_graphs += form.get("default-graph-uri", [])
                    named_graphs += form.get("named-graph-uri", [])
            except UnicodeDecodeError:
                return bad("the request body is not UTF-8 text")
        if len(queries) > 1:
            return bad(f"give one query, not {len(queries)} (SPARQL 1.1 Protocol: one 'query' parameter)")
        if not queries or not queries[0].strip():
            return bad("give a SPARQL query in the 'query' parameter (SPARQL 1.1 Protocol); "
                       "this endpoint is read-only")
        base_iri = f"{request.url.scheme}://{request.url.netloc}{request.url.path}"
        return await run(queries[0], accept, base_iri, default_graphs, named_graphs)

    def visible() -> dict:
        return {name: q for name, q in canned_queries().items() if not name.startswith("_")}

    async def queries_index(request: Request) -> Response:
        found = visible()
        if request.url.path.endswith(".json") or "application/json" in request.headers.get("accept", ""):
            return JSONResponse([{"name": q.name, "description": q.description, "url": f"/queries/{q.name}",
                                  "json": f"/queries/{q.name}.json", "csv": f"/queries/{q.name}.csv"}
                                 for q in found.values()])
        items = "".join(f'<tr><td><a href="/queries/{html.escape(q.name)}">{html.escape(q.name)}</a></td>'
                        f"<td>{html.escape(q.description)}</td>"
                        f'<td><a href="/queries/{html.escape(q.name)}.json">json</a> '
                        f'<a href="/queries/{html.escape(q.name)}.csv">csv</a></td></tr>' for q in found.values())
        return HTMLResponse(_page(settings.title, "Canned queries",
                                  f"<table><tr><th>query</th><th>what it answers</th><th>data</th></tr>{items}</table>"
                                  '<p>Or ask your own at <a href="/sparql">/sparql</a> (SPARQL 1.1 Protocol).</p>'))

    async def canned(request: Request) -> Response:
        name = request.path_params["name"]
        fmt = None
        for suffix in (".json", ".csv"):
            if name.endswith(suffix):
                name, fmt = name[: -len(suffix)], suffix[1:]
        found = visible().get(name)
        if found is None:
            return PlainTextResponse(f"no canned query {name!r}; see /queries\n", status_code=404)
        if fmt == "json":
            return await run(found.sparql, JSON)
        if fmt == "csv":
            return await run(found.sparql, CSV)
        answer = await run(found.sparql, JSON)
        if answer.status_code != 200:
            return answer
        data = json.loads(answer.body)
        columns = data["head"]["vars"]
        rows = data["results"]["bindings"]
        head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(r[c]['value']) if c in r else ''}</td>" for c in columns)
                       + "</tr>" for r in rows)
        note = (f"<p><strong>Cut at {settings.max_rows:,} rows</strong> (the server's --max-rows).</p>"
                if "claimgraph-truncated" in answer.headers else "")
        return HTMLResponse(_page(settings.title, html.escape(found.name),
                                  f"<p>{html.escape(found.description)}</p>"
                                  f'<p>{len(rows):,} rows &middot; <a href="/queries/{html.escape(name)}.json">json</a>'
                                  f' &middot; <a href="/queries/{html.escape(name)}.csv">csv</a> &middot; '
                                  f'<a href="/queries">all queries</a></p>{note}'
                                  f"<table><tr>{head}</tr>{body}</table>"))

    async def home(request: Request) -> Response:
        store = served.current()
        if served.generation not in page_cache:
            def draw():
                return render_html(project(store), settings.title)

            try:
                page = await anyio.to_thread.run_sync(draw, limiter=limiter)
            except Exception as exc:  # noqa: BLE001 - shown to the user, the server keeps running
                return PlainTextResponse(f"cannot draw the graph page: {exc}\n", status_code=500)
            page_cache.clear()
            page_cache[served.generation] = page
        return HTMLResponse(page_cache[served.generation])

    async def queries_redirect(request: Request) -> Response:
        return RedirectResponse("/queries")

    return Starlette(routes=[
        Route("/", home, methods=["GET"]),
        Route("/sparql", sparql, methods=["GET", "HEAD", "POST"]),
        Route("/sparql/", sparql, methods=["GET", "HEAD", "POST"]),
        Route("/queries", queries_index, methods=["GET"]),
        Route("/queries.json", queries_index, methods=["GET"]),
        Route("/queries/", queries_redirect, methods=["GET"]),
        Route("/queries/{name}", canned, methods=["GET"]),
    ])


def _page(title: str, heading: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}: {heading}'
            "</title><style>body{font:14px system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse}"
            "td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}</style></head>"
            f'<body><p><a href="/">graph</a> &middot; <a href="/queries">queries</a> &middot; '
            f'<a href="/sparql">sparql</a></p><h1>{heading}</h1>{body}</body></html>')


def serve(served: Served, port: int = 8000, settings: Settings | None = None, ready=None) -> None:
    """Serve ``served`` on 127.0.0.1:``port`` until interrupted."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as exc:
        sock.close()
        raise EnvironmentProblem(f"cannot listen on 127.0.0.1:{port} ({exc.strerror}); choose another --port") from None
    sock.listen(128)
    config = uvicorn.Config(create_app(served, settings), log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    if ready:
        ready(sock.getsockname()[1])
    server.run(sockets=[sock])
