"""``claimgraph serve``: a read-only web service on 127.0.0.1 (Starlette + uvicorn).

* ``/`` the interactive graph page;
* ``/sparql`` a SPARQL 1.1 Protocol endpoint (GET, HEAD and POST; results as SPARQL
  JSON, XML, CSV or TSV, graphs as Turtle, N-Triples, N-Quads, RDF/XML or JSON-LD,
  chosen by ``Accept``); updates are refused with 403, other methods with 405;
* ``/queries`` the canned queries, each at ``/queries/NAME`` (an HTML table, one page at a
  time: ``?offset=N``, ``?limit=N``, ``?all``) with
  ``/queries/NAME.json`` (SPARQL JSON) and ``/queries/NAME.csv`` forms, as Datasette
  does for SQL.

Every query runs in a worker process (:mod:`claimgraph.evaluation`) with a timeout, a
memory cap and a row limit; a query past its timeout is answered with 503 and its worker
killed, so nothing keeps running after the answer. A result cut at the row limit says so
in the ``Claimgraph-Truncated`` header and, where the format has a place for it, in the
body. Results are written by pyoxigraph's own serialisers. The internal build graph
(which records the paths of the user's files) is never part of a query's dataset.

Hostile requests are refused before they cost anything: a query nested too deep for the
parser (400), SERVICE calls to other servers (400), a body over ``max_body`` (413), and
a ``Host`` other than 127.0.0.1 or localhost unless allowed (400; DNS rebinding). The
server watches the store (or graph file) it serves and reopens it after a rebuild.
"""
from __future__ import annotations

import functools
import html
import json
import socket
from dataclasses import dataclass, field
from urllib.parse import parse_qs

import anyio
import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from .errors import EnvironmentProblem
from .evaluation import CSV, JSON, TSV, XML, QueryTimeout, Refused, Served, WorkerPool, negotiate  # noqa: F401
from .projection import project
from .query import canned_queries, paged
from .render import render_html

#: Host names the server answers to without --allow-host: a page on another site that
#: makes the browser resolve its own name to 127.0.0.1 (DNS rebinding) is refused.
LOCAL_HOSTS = ("127.0.0.1", "localhost")


@dataclass
class Settings:
    title: str = "claimgraph"
    timeout: float = 10.0
    max_rows: int = 10_000
    workers: int = 4
    max_memory_mb: int | None = 2048  # per query worker
    max_body: int = 1_000_000  # bytes of a POSTed query
    allowed_hosts: list[str] = field(default_factory=list)


class BodyTooLarge(Exception):
    pass


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused past ``limit`` bytes without reading the rest into memory."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge()
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge()
        chunks.append(chunk)
    return b"".join(chunks)


# --- the application ---------------------------------------------------------------------


def create_app(served: Served, settings: Settings | None = None, pool: WorkerPool | None = None) -> Starlette:
    """The Starlette app serving ``served`` (a :class:`Served` graph), its queries run by ``pool``."""
    settings = settings or Settings()
    pool = pool or WorkerPool(served, settings.workers, settings.max_memory_mb)
    limiter = anyio.CapacityLimiter(settings.workers)
    page_cache: dict[int, str] = {}

    async def run(sparql: str, accept: str | None, base_iri: str | None = None, default_graphs=(),
                  named_graphs=()) -> Response:
        request = {"sparql": sparql, "accept": accept, "max_rows": settings.max_rows, "base_iri": base_iri,
                   "default_graphs": list(default_graphs), "named_graphs": list(named_graphs)}
        try:
            answer = await anyio.to_thread.run_sync(functools.partial(pool.run, request, settings.timeout),
                                                    limiter=limiter)
        except QueryTimeout:
            return PlainTextResponse(f"query timed out after {settings.timeout:g} s (the server's --timeout); "
                                     f"it was stopped\n", status_code=503)
        except Refused as exc:
            return PlainTextResponse(f"{exc}\n", status_code=exc.status)
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
                text = (await read_body(request, settings.max_body)).decode("utf-8")
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
            except BodyTooLarge:
                return bad(f"the request body is larger than {settings.max_body:,} bytes", 413)
            except ClientDisconnect:
                return bad("the client went away")
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
        params = request.query_params
        limit, offset = found.page_size, 0
        try:
            offset = int(params.get("offset", "0"))
            limit = None if "all" in params else int(params.get("limit", str(limit or 0))) or None
            if offset < 0 or (limit is not None and limit < 1):
                raise ValueError
        except ValueError:
            return bad("offset is a whole number from 0 and limit one from 1 (or give all)")
        sparql = paged(found.sparql, limit, offset) if found.page_size else found.sparql
        if fmt == "json":
            return await run(sparql, JSON)
        if fmt == "csv":
            return await run(sparql, CSV)
        answer = await run(sparql, JSON)
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
        if found.page_size and limit is not None:  # one page: links to the neighbours and to everything
            here = html.escape(name)
            links = [f'<a href="/queries/{here}?offset={max(offset - limit, 0)}&amp;limit={limit}">previous</a>'
                     ] if offset else []
            links += [f'<a href="/queries/{here}?offset={offset + limit}&amp;limit={limit}">next</a>'
                      ] if len(rows) >= limit else []
            links.append(f'<a href="/queries/{here}?all">every row</a>')
            note += f"<p>A page of up to {limit:,} items from item {offset + 1:,} &middot; {' &middot; '.join(links)}</p>"
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

    hosts = [*LOCAL_HOSTS, *settings.allowed_hosts]
    return Starlette(middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=hosts)], routes=[
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
    """Serve ``served`` on 127.0.0.1:``port`` until interrupted (Ctrl-C or SIGTERM), then stop every worker."""
    settings = settings or Settings()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as exc:
        sock.close()
        raise EnvironmentProblem(f"cannot listen on 127.0.0.1:{port} ({exc.strerror}); choose another --port") from None
    sock.listen(128)
    pool = WorkerPool(served, settings.workers, settings.max_memory_mb)
    config = uvicorn.Config(create_app(served, settings, pool), log_level="warning", access_log=False,
                            timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    if ready:
        ready(sock.getsockname()[1])
    try:
        server.run(sockets=[sock])
    finally:
        pool.close()
