"""Remote SPARQL endpoints and push, against a real `oxigraph serve` process and real HTTP failures."""
from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from claimgraph.cli import cli
from tests.conftest import stop_process
from claimgraph.remote import Endpoint, default_graph_store, query_form

pytestmark = pytest.mark.server

OXIGRAPH = shutil.which("oxigraph")
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {process.stderr.read()}")
        try:
            httpx.get(url, timeout=1.0)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"server at {url} did not start within {seconds} s")


@pytest.fixture
def oxigraph(tmp_path):
    """A real Oxigraph server on a free loopback port; yields its query endpoint URL."""
    if OXIGRAPH is None:
        pytest.skip("the `oxigraph` server binary is not installed (pip install oxigraph)")
    port = free_port()
    process = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "oxigraph"),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/", process)
        yield f"http://127.0.0.1:{port}/query"
    finally:
        stop_process(process)


@pytest.fixture
def runner():
    return CliRunner()


def invoke(runner, *args, **kwargs):
    return runner.invoke(cli, [str(a) for a in args], **kwargs)


def test_push_then_contested_on_the_endpoint_matches_local(runner, oxigraph, seed_trig):
    pushed = invoke(runner, "push", "--endpoint", oxigraph, "--graph", seed_trig)
    assert pushed.exit_code == 0, pushed.output
    assert "pushed 3 graph(s)" in pushed.stderr  # the article, the ontology, the corpus conclusions
    remote = invoke(runner, "contested", "--endpoint", oxigraph, "--format", "json")
    local = invoke(runner, "contested", "--graph", seed_trig, "--format", "json")
    assert remote.exit_code == 0, remote.output
    assert json.loads(remote.stdout) == json.loads(local.stdout)
    assert json.loads(remote.stdout), "the seed has a contested claim"

    count = Endpoint(oxigraph).count()
    again = invoke(runner, "push", "--endpoint", oxigraph, "--graph", seed_trig)
    assert again.exit_code == 0
    assert Endpoint(oxigraph).count() == count, "PUT replaces: pushing twice changes nothing"
    assert f"now holds {count:,} triples" in again.stderr


def test_every_canned_query_answers_the_same_remotely(runner, oxigraph, seed_trig):
    assert invoke(runner, "push", "--endpoint", oxigraph, "--graph", seed_trig).exit_code == 0
    for name in ("accusations", "denials", "mediations", "harbouring", "statements-by-date", "anonymous-only"):
        remote = invoke(runner, "query", name, "--endpoint", oxigraph, "--format", "csv")
        local = invoke(runner, "query", name, "--graph", seed_trig, "--format", "csv")
        # GROUP_CONCAT's order is up to each engine (mediators "Qatar, Turkey" vs "Turkey, Qatar")
        assert unordered_lists(remote.stdout) == unordered_lists(local.stdout), name


def unordered_lists(text: str) -> list:
    import csv
    import io

    return [[", ".join(sorted(cell.split(", "))) for cell in row] for row in csv.reader(io.StringIO(text))]


def test_push_from_store_and_construct_query(runner, oxigraph, tmp_path):
    assert invoke(runner, "build", SEEDS, "-o", tmp_path / "g.trig").exit_code == 0
    pushed = invoke(runner, "push", "--endpoint", oxigraph, "--store", tmp_path / "store")
    assert pushed.exit_code == 0, pushed.output
    graphs = Endpoint(oxigraph).sparql_json("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    names = [b["g"]["value"] for b in graphs["results"]["bindings"]]
    assert "https://w3id.org/claimgraph/id/graph/pak-afg-ceasefire" in names
    assert not any("_build" in n for n in names), "the store's bookkeeping stays local"
    # what is sent keeps the datatype the build wrote (Oxigraph's store turns it into xsd:integer)
    from claimgraph.remote import push_units
    from claimgraph.store import open_store

    sent = [t for _, triples in push_units(open_store(tmp_path / "store")) for t in triples
            if t.predicate.value == "http://www.w3.org/ns/oa#start"]
    assert sent and {t.object.datatype.value for t in sent} == {"http://www.w3.org/2001/XMLSchema#nonNegativeInteger"}
    construct = invoke(runner, "query", "CONSTRUCT { ?c a <https://w3id.org/claimgraph/ns#Claim> } "
                       "WHERE { ?c a <https://w3id.org/claimgraph/ns#Claim> }", "--endpoint", oxigraph)
    assert construct.exit_code == 0 and construct.stdout.count("\n") >= 10


# --- failures: each one line with the URL and the status, never a traceback ------------------


class Stub(BaseHTTPRequestHandler):
    """Answers every request with the status (and delay) the test asks for."""

    status = 200
    delay = 0.0
    body = b'{"head": {"vars": []}, "results": {"bindings": []}}'
    seen: list = []

    def _answer(self):
        Stub.seen.append((self.command, self.path, dict(self.headers)))
        length = int(self.headers.get("content-length") or 0)
        if length:
            self.rfile.read(length)
        time.sleep(self.delay)
        self.send_response(self.status)
        self.send_header("Content-Type", "application/sparql-results+json" if self.status == 200 else "text/plain")
        body = self.body if self.status == 200 else b"Something broke\nsecond line"
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def stub():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Stub.status, Stub.delay, Stub.seen = 200, 0.0, []
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()


def one_line_error(result, *needles):
    assert result.exit_code in (1, 2), result.output
    text = result.output.strip()
    assert len(text.splitlines()) == 1, text
    assert "Traceback" not in text
    for needle in needles:
        assert needle in text, text
    return text


@pytest.mark.parametrize("command", [["contested"], ["query", "accusations"], ["render", "-o", "x.html"]])
def test_unreachable_endpoint(runner, command):
    url = f"http://127.0.0.1:{free_port()}/sparql"
    result = invoke(runner, *command, "--endpoint", url)
    one_line_error(result, url, "cannot connect")
    assert result.exit_code == 2


@pytest.mark.parametrize("status, words", [(401, ["401", "Unauthorized", "--user"]), (403, ["403"]),
                                            (500, ["500", "Internal Server Error", "Something broke"]),
                                            (503, ["503"])])
def test_http_errors(runner, stub, status, words):
    Stub.status = status
    one_line_error(invoke(runner, "contested", "--endpoint", stub), stub, *words)
    one_line_error(invoke(runner, "push", "--endpoint", stub, "--graph", "graph/claims.trig"), str(status))


def test_timeout(runner, stub):
    Stub.delay = 2.0
    result = invoke(runner, "query", "accusations", "--endpoint", stub, "--timeout", "0.3")
    one_line_error(result, stub, "timeout", "0.3 s")


def test_not_sparql_results(runner, stub):
    Stub.body = b"<html>hello</html>"
    try:
        one_line_error(invoke(runner, "contested", "--endpoint", stub), stub, "not SPARQL JSON results")
    finally:
        Stub.body = b'{"head": {"vars": []}, "results": {"bindings": []}}'


def test_bad_url(runner):
    one_line_error(invoke(runner, "contested", "--endpoint", "ftp://example.org/sparql"), "not an http(s) URL")


def test_password_from_environment_never_on_the_command_line(runner, stub):
    result = invoke(runner, "query", "accusations", "--endpoint", stub, "--user", "alice",
                    env={"CLAIMGRAPH_PASSWORD": "s3cret-pw"})
    assert result.exit_code == 1  # no rows
    _, _, headers = Stub.seen[-1]
    auth = {k.lower(): v for k, v in headers.items()}["authorization"]
    assert base64.b64decode(auth.split()[1]) == b"alice:s3cret-pw"
    assert "s3cret-pw" not in result.output
    assert "--password" not in invoke(runner, "query", "--help").output


def test_password_prompt_when_not_in_environment(runner, stub):
    result = invoke(runner, "contested", "--endpoint", stub, "--user", "bob", input="typed-pw\n",
                    env={"CLAIMGRAPH_PASSWORD": None})
    assert "Password for bob" in result.output and "typed-pw" not in result.output
    _, _, headers = Stub.seen[-1]
    auth = {k.lower(): v for k, v in headers.items()}["authorization"]
    assert base64.b64decode(auth.split()[1]) == b"bob:typed-pw"


def test_credentials_in_the_url_are_not_printed(runner):
    url = f"http://carol:hunter2@127.0.0.1:{free_port()}/sparql"
    text = one_line_error(invoke(runner, "contested", "--endpoint", url), "cannot connect")
    assert "hunter2" not in text


def test_helpers():
    assert default_graph_store("http://h:7878/query") == "http://h:7878/store"
    assert default_graph_store("http://h/ds/sparql") == "http://h/ds/data"
    assert query_form("# SELECT in a comment\nPREFIX a: <x:>\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }") == \
        "CONSTRUCT"
    assert query_form("ask { ?s ?p ?o }") == "ASK"


def test_query_form_is_not_fooled_by_keywords_in_iris_strings_or_comments():
    assert query_form("PREFIX c: <http://example.org/construct#>\nSELECT ?s WHERE { ?s a c:Thing }") == "SELECT"
    assert query_form("PREFIX s: <http://example.org/select/>\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }") == \
        "CONSTRUCT"
    assert query_form('ASK { ?s ?p "SELECT" }') == "ASK"
    assert query_form("PREFIX describe: <http://x/>\nSELECT ?describe WHERE { ?describe describe:p ?o }") == "SELECT"


def test_same_query_works_locally_and_remotely_whatever_its_prefixes(runner, oxigraph, seed_trig):
    assert invoke(runner, "push", "--endpoint", oxigraph, "--graph", seed_trig).exit_code == 0
    select = ("PREFIX construct: <https://w3id.org/claimgraph/ns#>\n"
              "SELECT ?c WHERE { ?c a construct:Claim } ORDER BY ?c")
    graph = ("PREFIX select: <https://w3id.org/claimgraph/ns#>\n"
             "CONSTRUCT { ?c a select:Claim } WHERE { ?c a select:Claim }")
    for query in (select, graph):
        remote = invoke(runner, "query", query, "--endpoint", oxigraph, "--format", "csv")
        local = invoke(runner, "query", query, "--graph", seed_trig, "--format", "csv")
        assert remote.exit_code == 0, remote.output
        assert sorted(remote.stdout.splitlines()) == sorted(local.stdout.splitlines()) and local.stdout.strip()


# --- servers that misbehave: a total deadline, and one line for a malformed answer ---------------


@pytest.fixture
def trickler():
    """A server that answers every request one byte every 0.3 s, for ever (each read is quick)."""
    stop = threading.Event()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.2)

    def trickle(conn):
        with conn:
            conn.recv(65536)
            answer = b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nX-Padding: " + b"a" * 10_000
            for byte in answer:
                if stop.wait(0.3):
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return

    def accept():
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            threading.Thread(target=trickle, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/query"
    finally:
        stop.set()
        listener.close()


@pytest.mark.parametrize("command", [["query", "accusations"], ["push", "--graph", "graph/claims.trig"]])
def test_timeout_is_a_total_deadline(runner, trickler, command):
    started = time.monotonic()
    result = invoke(runner, *command, "--endpoint", trickler, "--timeout", "1.5")
    elapsed = time.monotonic() - started
    one_line_error(result, "timeout", "1.5 s")
    assert result.exit_code == 2
    assert elapsed < 6, f"took {elapsed:.1f} s with a 1.5 s --timeout"


@pytest.mark.parametrize("body", [b"[1, 2]", b'{"head": {"vars": "x"}, "results": {"bindings": []}}',
                                  b'{"head": {"vars": ["x"]}, "results": {"bindings": [1]}}',
                                  b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"value": 3}}]}}',
                                  b'{"head": {}, "results": []}', b'{"boolean": "yes"}', b'"text"'])
def test_malformed_sparql_json_is_one_line(runner, stub, body):
    Stub.body = body
    try:
        for command in (["contested"], ["query", "accusations"]):
            one_line_error(invoke(runner, *command, "--endpoint", stub), stub, "not SPARQL JSON results")
        one_line_error(invoke(runner, "push", "--endpoint", stub, "--graph", "graph/claims.trig"), stub)
    finally:
        Stub.body = b'{"head": {"vars": []}, "results": {"bindings": []}}'


def test_endpoint_to_store_copies_every_named_graph_with_the_union_view(runner, oxigraph, seed_trig):
    from claimgraph.query import contested_claims
    from claimgraph.store import document_quads, open_graph

    assert invoke(runner, "push", "--endpoint", oxigraph, "--graph", seed_trig).exit_code == 0
    local = open_graph(seed_trig)
    copied = Endpoint(oxigraph).to_store()
    assert sorted(map(str, copied.named_graphs())) == sorted(map(str, local.named_graphs()))
    described = {q.triple for q in document_quads(local)}  # push sends each article with its description
    for graph in local.named_graphs():
        got = {q.triple for q in copied.quads_for_pattern(None, None, None, graph)}
        sent = {q.triple for q in local.quads_for_pattern(None, None, None, graph)}
        assert sent <= got and got - sent <= described
    assert contested_claims(copied) == contested_claims(local), "the union view answers as locally"


def test_export_and_validate_read_an_endpoint(runner, oxigraph, seed_trig, tmp_path):
    """The one source option group: `export` and `validate` take --endpoint like every reader."""
    assert invoke(runner, "push", "--endpoint", oxigraph, "--graph", seed_trig).exit_code == 0
    checked = invoke(runner, "validate", "--endpoint", oxigraph)
    assert checked.exit_code == 0, checked.output[-1500:]
    assert "Conforms: True" in checked.stdout and "Conforms: False" not in checked.stdout
    out = tmp_path / "remote.nq"
    assert invoke(runner, "export", "--endpoint", oxigraph, "--format", "nq", "-o", out).exit_code == 0
    assert "taliban-harbours-militants" in out.read_text(encoding="utf-8")
    assert invoke(runner, "validate", "--graph", out).exit_code == 0
