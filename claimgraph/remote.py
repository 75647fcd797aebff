"""Remote SPARQL servers: query any SPARQL 1.1 endpoint, push with the Graph Store protocol.

Queries follow the W3C SPARQL 1.1 Protocol (POST, URL-encoded ``query``); pushes follow
the SPARQL 1.1 Graph Store HTTP Protocol (``PUT ?graph=IRI`` replaces one named graph,
so pushing twice changes nothing). This is how claimgraph runs on Oxigraph server,
Apache Jena Fuseki, Virtuoso, GraphDB or Amazon Neptune.

Every failure (unreachable server, 401, 500, timeout, an answer that is not SPARQL
results) becomes a one-line :class:`RemoteError` naming the URL and the HTTP status.
"""
from __future__ import annotations

import json
import re
import threading
from urllib.parse import urlsplit, urlunsplit

import pyoxigraph as ox

from .errors import QueryError, RemoteError
from .sparql import query_form
from .store import add_union_view, data_graphs, document_quads, restore_datatypes

PASSWORD_ENV = "CLAIMGRAPH_PASSWORD"
DOCUMENTS_GRAPH = "https://w3id.org/claimgraph/id/graph/_documents"
#: One Accept for every query: the server answers in the kind its query form has, and
#: the Content-Type of the answer says which kind came back.
ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
RESULTS_TYPES = ("application/sparql-results+json", "application/json")


def _public(url: str) -> str:
    """The URL without any user:password part, safe to print."""
    parts = urlsplit(url)
    if parts.username or parts.password:
        host = parts.hostname or ""
        if parts.port:
            host += f":{parts.port}"
        return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    return url


def default_graph_store(endpoint: str) -> str:
    """Guess the Graph Store URL from the query endpoint (Oxigraph: /query -> /store; Fuseki: /sparql -> /data)."""
    parts = urlsplit(endpoint)
    path = parts.path
    for suffix, replacement in (("/query", "/store"), ("/sparql", "/data")):
        if path.endswith(suffix):
            path = path[: -len(suffix)] + replacement
            break
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


class Endpoint:
    """A remote SPARQL 1.1 endpoint, usable wherever a local store is (``store.run_query``).

    ``union_default_graph`` asks the server to query the union of all named graphs as the
    default graph (claimgraph keeps each article in its own graph); Oxigraph honours the
    ``union-default-graph`` parameter, Virtuoso and GraphDB do so without it, and other
    servers ignore it (configure Fuseki with ``tdb2:unionDefaultGraph true``).
    """

    def __init__(self, url: str, user: str | None = None, password: str | None = None, auth_scheme: str = "basic",
                 timeout: float = 60.0, union_default_graph: bool = True, graph_store: str | None = None):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise RemoteError(f"{url}: not an http(s) URL of a SPARQL endpoint")
        self.url = url
        self.public_url = _public(url)
        self.graph_store = graph_store or default_graph_store(url)
        self.timeout = timeout
        self.union_default_graph = union_default_graph
        self._auth = None
        if user:
            import httpx  # 0.2 s to import (measured): only for remote endpoints, not every `claimgraph query`

            self._auth = (httpx.DigestAuth if auth_scheme == "digest" else httpx.BasicAuth)(user, password or "")
        self._client = None

    def __repr__(self) -> str:
        return f"Endpoint({self.public_url!r})"

    # --- HTTP ---------------------------------------------------------------------

    @property
    def client(self):
        if self._client is None:
            import httpx  # see __init__

            self._client = httpx.Client(auth=self._auth, timeout=self.timeout, follow_redirects=True,
                                        headers={"User-Agent": "claimgraph"})
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _within_deadline(self, method: str, url: str, **kwargs):
        """One HTTP request, answered in full within ``timeout`` seconds in total.

        httpx's timeouts apply to each read, so a server trickling a byte a second would
        hold a command for ever. The request runs in a daemon thread instead; past the
        deadline it is abandoned (its client dropped, its own read timeout ends it) and
        the caller gets a timeout at once. Ctrl-C interrupts the wait too.
        """
        import httpx  # see __init__

        client, outcome = self.client, {}

        def call():
            try:
                outcome["response"] = client.request(method, url, **kwargs)
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
                outcome["error"] = exc

        worker = threading.Thread(target=call, daemon=True, name="claimgraph-http")
        worker.start()
        worker.join(self.timeout)
        if worker.is_alive():
            self._client = None  # the abandoned request keeps its connection; later ones get a new client
            raise httpx.TimeoutException("total deadline passed")
        if "error" in outcome:
            raise outcome["error"]
        return outcome["response"]

    def _request(self, method: str, url: str, **kwargs):
        import httpx  # see __init__

        shown = _public(url)
        try:
            response = self._within_deadline(method, url, **kwargs)
        except httpx.TimeoutException:
            raise RemoteError(f"{shown}: no complete answer within {self.timeout:g} s (timeout); "
                              f"raise --timeout or try again later") from None
        except httpx.ConnectError as exc:
            raise RemoteError(f"{shown}: cannot connect ({_reason(exc)}); is the server running?") from None
        except httpx.HTTPError as exc:
            raise RemoteError(f"{shown}: request failed ({_reason(exc)})") from None
        if response.status_code in (401, 403):
            hint = ("check --user and the password in $" + PASSWORD_ENV) if self._auth else \
                "the server wants a login: give --user (password from $" + PASSWORD_ENV + " or a prompt)"
            raise RemoteError(f"{shown}: HTTP {response.status_code} {response.reason_phrase}; {hint}")
        if response.status_code >= 400:
            detail = _first_line(response.text)
            error = QueryError if response.status_code == 400 else RemoteError
            raise error(f"{shown}: HTTP {response.status_code} {response.reason_phrase}"
                        + (f": {detail}" if detail else ""))
        return response

    # --- queries ------------------------------------------------------------------

    def sparql_json(self, sparql: str) -> dict:
        """Run a query; SPARQL 1.1 Query Results JSON, or ``{"triples": N-Triples}`` for CONSTRUCT/DESCRIBE.

        What came back is read by the answer's Content-Type; only an answer without a
        usable one is read by the query's form (from its tokens, see :mod:`claimgraph.sparql`).
        """
        data = {"query": sparql}
        if self.union_default_graph:
            data["union-default-graph"] = ""
        response = self._request("POST", self.url, data=data, headers={"Accept": ACCEPT})
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type in RESULTS_TYPES:
            graph = False
        elif content_type not in ("", "text/plain"):
            graph = ox.RdfFormat.from_media_type(content_type) is not None
        else:  # no media type, or text/plain (old N-Triples): the query's form tells
            graph = query_form(sparql) in ("CONSTRUCT", "DESCRIBE")
        if graph:
            return {"triples": _as_ntriples(response.content, content_type, self.public_url)}
        try:
            results = json.loads(response.content)
        except ValueError:
            raise RemoteError(f"{self.public_url}: answer is not SPARQL JSON results "
                              f"(HTTP {response.status_code}, {content_type or 'no content type'})") from None
        problem = _results_problem(results)
        if problem:
            raise RemoteError(f"{self.public_url}: answer is not SPARQL JSON results ({problem})")
        results.setdefault("head", {}).setdefault("vars", [])
        return results

    def count(self) -> int:
        """Number of triples in the server's named graphs (where claimgraph pushes)."""
        found = self.sparql_json("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        try:
            return int(found["results"]["bindings"][0]["n"]["value"])
        except (LookupError, ValueError):
            raise RemoteError(f"{self.public_url}: answer to a COUNT query has no number") from None

    def to_store(self):
        """Every named graph of the endpoint copied into an in-memory pyoxigraph store, with the
        union view as its default graph (:func:`~claimgraph.store.add_union_view`), so what
        reads a local store (export, validate, render) can read an endpoint too.

        One SELECT over ``GRAPH ?g``; its SPARQL JSON is read by pyoxigraph, so literals
        keep their datatypes and languages exactly.
        """
        query = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
        response = self._request("POST", self.url, data={"query": query}, headers={"Accept": RESULTS_TYPES[0]})
        try:
            solutions = ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
            quads = [ox.Quad(s["s"], s["p"], s["o"], s["g"]) for s in solutions]
        except (SyntaxError, ValueError, TypeError, KeyError) as exc:
            raise RemoteError(f"{self.public_url}: answer is not SPARQL JSON results of quads "
                              f"({_reason(exc)})") from None
        store = ox.Store()
        store.extend(quads)
        add_union_view(store)
        return store

    # --- Graph Store protocol -----------------------------------------------------

    def put_graph(self, graph_iri: str, turtle: bytes) -> None:
        """Replace one named graph (Graph Store HTTP Protocol PUT)."""
        self._request("PUT", self.graph_store, params={"graph": graph_iri}, content=turtle,
                      headers={"Content-Type": "text/turtle"})


def _results_problem(results) -> str | None:
    """What makes ``results`` not SPARQL 1.1 Query Results JSON, or None when it is well formed."""
    if not isinstance(results, dict):
        return "not a JSON object"
    head = results.get("head", {})
    if not isinstance(head, dict) or not isinstance(head.get("vars", []), list) \
            or not all(isinstance(v, str) for v in head.get("vars", [])):
        return "bad head"
    if "boolean" in results:
        return None if isinstance(results["boolean"], bool) else "boolean is not true or false"
    bindings = results.get("results", {}).get("bindings") if isinstance(results.get("results"), dict) else None
    if not isinstance(bindings, list):
        return "no results.bindings list"
    for row in bindings:
        if not isinstance(row, dict) or not all(isinstance(t, dict) and isinstance(t.get("type"), str)
                                                and isinstance(t.get("value"), str) for t in row.values()):
            return "a binding without a type and a value"
    return None


def _reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0]


def _first_line(text: str, limit: int = 200) -> str:
    for line in text.splitlines():
        line = re.sub(r"<[^>]+>", "", line).strip()
        if line:
            return line if len(line) <= limit else line[: limit - 1] + "\u2026"
    return ""


def _as_ntriples(data: bytes, content_type: str, url: str) -> str:
    if content_type in ("application/n-triples", "text/plain", ""):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise RemoteError(f"{url}: answer is not UTF-8 N-Triples") from None
    fmt = ox.RdfFormat.from_media_type(content_type)
    if fmt is None:
        raise RemoteError(f"{url}: answer is not RDF ({content_type})")
    try:
        return ox.serialize(ox.parse(data, format=fmt), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    except (SyntaxError, ValueError) as exc:
        raise RemoteError(f"{url}: cannot read the answer as {content_type}: {_reason(exc)}") from None


# --- push ------------------------------------------------------------------------------


def push_units(store):
    """What a push writes, one named graph at a time, as ``(graph IRI, triples)``.

    Each article's named graph goes with its document description (headline, date,
    publisher), so each PUT is self-contained and replaces exactly that article; other
    articles on the server are left alone. The ontology keeps its own graph. Anything
    else in the local default graph goes to ``graph/_documents``.
    """
    cg_named_graph = ox.NamedNode("https://w3id.org/claimgraph/ns#namedGraph")
    publisher = ox.NamedNode("https://schema.org/publisher")
    default = ox.DefaultGraph()
    described_by = {}  # named graph -> article node
    for quad in store.quads_for_pattern(None, cg_named_graph, None, default):
        described_by[quad.object] = quad.subject
    used = set()
    for graph in data_graphs(store):
        triples = [q.triple for q in restore_datatypes(store.quads_for_pattern(None, None, None, graph))]
        article = described_by.get(graph)
        if article is not None:
            subjects = [article] + [q.object for q in store.quads_for_pattern(article, publisher, None, default)]
            for subject in subjects:
                for quad in store.quads_for_pattern(subject, None, None, default):
                    triples.append(quad.triple)
                    used.add(quad.triple)
        yield graph.value, triples
    rest = [q.triple for q in document_quads(store) if q.triple not in used]
    if rest:
        yield DOCUMENTS_GRAPH, rest


def push(store, endpoint: Endpoint, progress=None) -> tuple[int, int]:
    """PUT every graph of ``store`` to the endpoint's Graph Store; returns (graphs, triples)."""
    graphs = triples = 0
    for graph_iri, found in push_units(store):
        body = ox.serialize(sorted(set(found), key=str), format=ox.RdfFormat.N_TRIPLES)
        endpoint.put_graph(graph_iri, body)
        graphs += 1
        triples += len(set(found))
        if progress:
            progress(graphs)
    return graphs, triples


def push_all(store, endpoint: Endpoint, progress=None) -> tuple[int, int, int]:
    """Push every graph of ``store`` (see :func:`push`), then count what the server holds.

    Returns (graphs pushed, triples pushed, triples now in the server's named graphs);
    ``progress(done, total)`` is called after each graph. Closes the endpoint's connection.
    """
    total = sum(1 for _ in data_graphs(store)) + 1
    try:
        graphs, triples = push(store, endpoint, progress=(lambda done: progress(min(done, total), total))
                               if progress else None)
        return graphs, triples, endpoint.count()
    finally:
        endpoint.close()

