"""``claimgraph serve``: a read-only web service on 127.0.0.1 (Starlette + uvicorn).

* ``/`` the interactive graph page;
* ``/sparql`` a SPARQL 1.1 Protocol endpoint (GET and POST; results as SPARQL JSON,
  XML, CSV or TSV, graphs as Turtle, N-Triples or RDF/XML, chosen by ``Accept``);
  updates are refused with 403, other methods with 405;
* ``/queries`` the canned queries, each at ``/queries/NAME`` (an HTML table) with
  ``/queries/NAME.json`` (SPARQL JSON) and ``/queries/NAME.csv`` forms, as Datasette
  does for SQL.

Every query runs with a timeout and a row limit. Oxigraph cannot cancel a running
query, so a query past its timeout is answered with 503 and left to finish in its
worker thread; at most ``workers`` queries run at once, so runaway queries cannot pile
up. A result cut at the row limit says so in the ``Claimgraph-Truncated`` header.
"""
from __future__ import annotations

import csv
import html
import io
import json
import socket
import time
from dataclasses import dataclass
from urllib.parse import parse_qs
from xml.sax.saxutils import escape as xml_escape

import anyio
import pyoxigraph as ox
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from .errors import EnvironmentProblem
from .projection import project
from .query import canned_queries
from .remote import query_form
from .render import render_html

JSON = "application/sparql-results+json"
XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
SOLUTION_TYPES = [JSON, XML, CSV, TSV]
SOLUTION_ALIASES = {"application/json": JSON, "application/xml": XML, "text/xml": XML}
GRAPH_TYPES = ["text/turtle", "application/n-triples", "application/rdf+xml"]
GRAPH_ALIASES = {"text/plain": "application/n-triples", "application/x-turtle": "text/turtle"}


class QueryTimeout(Exception):
    pass


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


# --- result writers (with the row limit) ----------------------------------------------------


def _term_json(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def _term_csv(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return getattr(term, "value", str(term))


def _term_tsv(term) -> str:
    if term is None:
        return ""
    return str(term).replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _term_xml(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{xml_escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{xml_escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f'<literal xml:lang="{xml_escape(term.language)}">{xml_escape(term.value)}</literal>'
        if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
            return f"<literal>{xml_escape(term.value)}</literal>"
        return f'<literal datatype="{xml_escape(term.datatype.value)}">{xml_escape(term.value)}</literal>'
    return f"<literal>{xml_escape(str(term))}</literal>"


def write_solutions(variables: list[str], solutions: list, media: str) -> bytes:
    """SELECT results in one of the SPARQL 1.1 result formats (JSON, XML, CSV, TSV)."""
    if media == JSON:
        bindings = [{v: _term_json(s[v]) for v in variables if s[v] is not None} for s in solutions]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode("utf-8")
    if media == CSV:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(variables)
        for s in solutions:
            writer.writerow([_term_csv(s[v]) for v in variables])
        return buf.getvalue().encode("utf-8")
    if media == TSV:
        lines = ["\t".join("?" + v for v in variables)]
        lines += ["\t".join(_term_tsv(s[v]) for v in variables) for s in solutions]
        return ("\n".join(lines) + "\n").encode("utf-8")
    head = "".join(f'<variable name="{xml_escape(v)}"/>' for v in variables)
    body = "".join("<result>" + "".join(f'<binding name="{xml_escape(v)}">{_term_xml(s[v])}</binding>'
                                         for v in variables if s[v] is not None) + "</result>"
                   for s in solutions)
    return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>{head}</head>'
            f"<results>{body}</results></sparql>\n").encode("utf-8")


def write_boolean(value: bool, media: str) -> bytes:
    if media == JSON:
        return json.dumps({"head": {}, "boolean": value}).encode()
    if media in (CSV, TSV):
        return (("_askResult" if media == CSV else "?_askResult") + f"\r\n{'true' if value else 'false'}\r\n").encode()
    return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
            f"<boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode()


@dataclass
class Answer:
    body: bytes
    media: str
    truncated: bool = False


def evaluate(store, sparql: str, media_for, settings: Settings, default_graphs=None, named_graphs=None) -> Answer:
    """Run one query on a pyoxigraph store (in a worker thread) within the time and row limits."""
    deadline = time.monotonic() + settings.timeout
    options = {}
    if default_graphs:  # otherwise the default graph: the store's deduplicated union view
        options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    if named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    result = store.query(sparql, **options)
    if isinstance(result, ox.QueryBoolean):
        media = media_for("boolean")
        return Answer(write_boolean(bool(result), media), media)
    if isinstance(result, ox.QueryTriples):
        media = media_for("graph")
        triples, truncated = _take(result, settings.max_rows, deadline)
        fmt = ox.RdfFormat.from_media_type(media)
        return Answer(ox.serialize(triples, format=fmt), media, truncated)
    media = media_for("solutions")
    variables = [v.value for v in result.variables]
    solutions, truncated = _take(result, settings.max_rows, deadline)
    return Answer(write_solutions(variables, solutions, media), media, truncated)


def _take(iterator, limit: int, deadline: float) -> tuple[list, bool]:
    taken = []
    for item in iterator:
        if len(taken) >= limit:
            return taken, True
        taken.append(item)
        if len(taken) % 1000 == 0 and time.monotonic() > deadline:
            raise QueryTimeout()
    if time.monotonic() > deadline:
        raise QueryTimeout()
    return taken, False


# --- the application ---------------------------------------------------------------------


def create_app(store, settings: Settings | None = None) -> Starlette:
    """The Starlette app serving ``store`` (a pyoxigraph store opened read-only, or an in-memory one)."""
    settings = settings or Settings()
    limiter = anyio.CapacityLimiter(settings.workers)
    page_cache: dict[str, str] = {}

    async def run(sparql: str, accept: str | None, default_graphs=None, named_graphs=None) -> Response:
        form = query_form(sparql)
        chosen = {}

        def media_for(kind: str) -> str:
            offered, aliases = (GRAPH_TYPES, GRAPH_ALIASES) if kind == "graph" else (SOLUTION_TYPES, SOLUTION_ALIASES)
            media = negotiate(accept, offered, aliases)
            if media is None:
                chosen["refused"] = offered
                raise LookupError
            return media

        def work():
            return evaluate(store, sparql, media_for, settings, default_graphs, named_graphs)

        try:
            with anyio.fail_after(settings.timeout):
                answer = await anyio.to_thread.run_sync(work, limiter=limiter, abandon_on_cancel=True)
        except (TimeoutError, QueryTimeout):
            return PlainTextResponse(f"query timed out after {settings.timeout:g} s (the server's --timeout)\n",
                                     status_code=503)
        except LookupError:
            offered = chosen.get("refused") or (GRAPH_TYPES if form in ("CONSTRUCT", "DESCRIBE") else SOLUTION_TYPES)
            return PlainTextResponse(f"cannot answer in {accept!r}; this endpoint offers: {', '.join(offered)}\n",
                                     status_code=406)
        except SyntaxError as exc:
            message = str(exc).splitlines()[0] if str(exc) else "syntax error"
            return PlainTextResponse(f"SPARQL syntax error: {message}\n", status_code=400)
        except (OSError, ValueError, RuntimeError) as exc:
            return PlainTextResponse(f"query failed: {exc}\n", status_code=500)
        headers = {"Vary": "Accept"}
        if answer.truncated:
            headers["Claimgraph-Truncated"] = f"max-rows={settings.max_rows}"
        media = answer.media + ("; charset=utf-8" if answer.media.startswith("text/") else "")
        return Response(answer.body, media_type=media, headers=headers)

    def refuse_update() -> Response:
        return PlainTextResponse("this SPARQL endpoint is read-only: updates are refused\n", status_code=403)

    async def sparql(request: Request) -> Response:
        params = request.query_params
        accept = request.headers.get("accept")
        if "update" in params:
            return refuse_update()
        if request.method == "GET":
            query = params.get("query")
            default_graphs, named_graphs = params.getlist("default-graph-uri"), params.getlist("named-graph-uri")
        else:
            content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type == "application/sparql-update":
                return refuse_update()
            if content_type == "application/x-www-form-urlencoded":
                form = parse_qs((await request.body()).decode("utf-8", errors="replace"), keep_blank_values=True)
                if "update" in form:
                    return refuse_update()
                query = (form.get("query") or [None])[0]
                default_graphs = form.get("default-graph-uri") or params.getlist("default-graph-uri")
                named_graphs = form.get("named-graph-uri") or params.getlist("named-graph-uri")
            elif content_type == "application/sparql-query":
                query = (await request.body()).decode("utf-8", errors="replace")
                default_graphs, named_graphs = params.getlist("default-graph-uri"), params.getlist("named-graph-uri")
            else:
                return PlainTextResponse("POST a query as application/x-www-form-urlencoded (query=...) or "
                                         "application/sparql-query\n", status_code=415)
        if not query:
            return PlainTextResponse("give a SPARQL query in the 'query' parameter "
                                     "(SPARQL 1.1 Protocol); this endpoint is read-only\n", status_code=400)
        return await run(query, accept, default_graphs, named_graphs)

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
        if "page" not in page_cache:
            def draw():
                return render_html(project(store), settings.title)

            try:
                page_cache["page"] = await anyio.to_thread.run_sync(draw, limiter=limiter)
            except Exception as exc:  # noqa: BLE001 - shown to the user, the server keeps running
                return PlainTextResponse(f"cannot draw the graph page: {exc}\n", status_code=500)
        return HTMLResponse(page_cache["page"])

    async def queries_redirect(request: Request) -> Response:
        return RedirectResponse("/queries")

    return Starlette(routes=[
        Route("/", home, methods=["GET"]),
        Route("/sparql", sparql, methods=["GET", "POST"]),
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


def serve(store, port: int = 8000, settings: Settings | None = None, ready=None) -> None:
    """Serve ``store`` on 127.0.0.1:``port`` until interrupted."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as exc:
        sock.close()
        raise EnvironmentProblem(f"cannot listen on 127.0.0.1:{port} ({exc.strerror}); choose another --port") from None
    sock.listen(128)
    config = uvicorn.Config(create_app(store, settings), log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    if ready:
        ready(sock.getsockname()[1])
    server.run(sockets=[sock])
