"""`claimgraph serve` as a real process, driven by a real HTTP client (SPARQL 1.1 Protocol)."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from claimgraph.query import contested_claims
from claimgraph.server import CSV, JSON, TSV, XML, negotiate
from claimgraph.store import open_graph, open_store
from claimgraph.vocab import BUILD_GRAPH
from tests.conftest import SEEDS, stop_process

pytestmark = pytest.mark.server

CLAIM_QUERY = "SELECT ?claim ?label WHERE { ?claim a <https://w3id.org/claimgraph/ns#Claim> ; " \
              "<http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?claim"
RESULTS = "{http://www.w3.org/2005/sparql-results#}"
SLOW_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def start(*args: str) -> tuple[subprocess.Popen, str]:
    """Start `claimgraph serve` on a free port; returns the process and its base URL."""
    process = subprocess.Popen([sys.executable, "-c", "from claimgraph.cli import main; main()", "serve", "--port", "0", *args],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 30
    line = ""
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if "serving on" in line:
            url = line.split("serving on ", 1)[1].split()[0].rstrip("/")
            return process, url
        if not line and process.poll() is not None:
            break
    process.kill()
    raise RuntimeError(f"serve did not start: {line}{process.stderr.read()}")




@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from claimgraph.build import build_graph

    folder = tmp_path_factory.mktemp("serve")
    trig = folder / "claims.trig"
    build_graph([Path(__file__).resolve().parent.parent / "seeds"], trig, store=folder / "store")
    process, url = start("--store", str(folder / "store"), "--max-rows", "5", "--timeout", "1")
    try:
        yield url, trig
    finally:
        stop_process(process)


@pytest.fixture(scope="module")
def client():
    with httpx.Client(timeout=30) as c:
        yield c


def expected_claims(trig):
    found = open_graph(trig).query(CLAIM_QUERY)  # the default graph: the union view
    return [(s["claim"].value, s["label"].value) for s in found]


def test_get_and_post_answer_sparql_json(server, client):
    url, trig = server
    ask = client.get(f"{url}/sparql", params={"query": "ASK { ?s a <https://w3id.org/claimgraph/ns#Claim> }"})
    assert ask.status_code == 200 and ask.headers["content-type"].startswith(JSON)
    assert ask.json() == {"head": {}, "boolean": True}
    form = client.post(f"{url}/sparql", data={"query": CLAIM_QUERY + " LIMIT 3"}, headers={"Accept": JSON})
    direct = client.post(f"{url}/sparql", content=CLAIM_QUERY + " LIMIT 3",
                         headers={"Content-Type": "application/sparql-query", "Accept": "application/json"})
    for response in (form, direct):
        assert response.status_code == 200
        data = response.json()
        assert data["head"]["vars"] == ["claim", "label"]
        got = [(b["claim"]["value"], b["label"]["value"]) for b in data["results"]["bindings"]]
        assert got == expected_claims(trig)[:3]
        assert data["results"]["bindings"][0]["claim"]["type"] == "uri"


def test_content_negotiation_csv_tsv_xml_turtle(server, client):
    url, trig = server
    query = CLAIM_QUERY + " LIMIT 3"
    as_csv = client.get(f"{url}/sparql", params={"query": query}, headers={"Accept": "text/csv"})
    assert as_csv.headers["content-type"].startswith(CSV)
    assert list(csv.reader(io.StringIO(as_csv.text))) == [["claim", "label"]] + \
        [list(r) for r in expected_claims(trig)[:3]]
    as_tsv = client.get(f"{url}/sparql", params={"query": query}, headers={"Accept": TSV})
    lines = as_tsv.text.splitlines()
    assert as_tsv.headers["content-type"].startswith(TSV) and lines[0] == "?claim\t?label"
    assert lines[1].startswith("<https://w3id.org/claimgraph/id/claim/") and '\t"' in lines[1]
    as_xml = client.get(f"{url}/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+xml"})
    assert as_xml.headers["content-type"].startswith(XML) and "<sparql" in as_xml.text
    best = client.get(f"{url}/sparql", params={"query": query},
                      headers={"Accept": "text/html;q=0.9, text/csv;q=0.8, */*;q=0.1"})
    assert best.headers["content-type"].startswith(CSV)
    construct = "CONSTRUCT { ?c a <https://w3id.org/claimgraph/ns#Claim> } WHERE { ?c a <https://w3id.org/claimgraph/ns#Claim> } LIMIT 2"
    turtle = client.get(f"{url}/sparql", params={"query": construct})
    assert turtle.headers["content-type"].startswith("text/turtle") and "claim" in turtle.text
    nt = client.get(f"{url}/sparql", params={"query": construct}, headers={"Accept": "application/n-triples"})
    assert nt.headers["content-type"].startswith("application/n-triples") and nt.text.count(" .\n") == 2
    refused = client.get(f"{url}/sparql", params={"query": query}, headers={"Accept": "image/png"})
    assert refused.status_code == 406


def test_updates_are_refused(server, client):
    url, _ = server
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    assert client.post(f"{url}/sparql", data={"update": update}).status_code == 403
    assert client.post(f"{url}/sparql", content=update,
                       headers={"Content-Type": "application/sparql-update"}).status_code == 403
    assert client.get(f"{url}/sparql", params={"update": update}).status_code == 403
    for method in ("PUT", "DELETE", "PATCH"):
        assert client.request(method, f"{url}/sparql", content=update).status_code == 405
    assert client.post(f"{url}/sparql", data={"query": update}).status_code == 400  # not a query
    count = client.get(f"{url}/sparql", params={"query": "ASK { <urn:a> <urn:b> <urn:c> }"}).json()
    assert count["boolean"] is False


def test_bad_requests(server, client):
    url, _ = server
    bad = client.get(f"{url}/sparql", params={"query": "SELECT * WHERE { ?s ?p }"})
    assert bad.status_code == 400 and "syntax error" in bad.text
    assert client.get(f"{url}/sparql").status_code == 400
    assert client.post(f"{url}/sparql", content=b"x", headers={"Content-Type": "image/png"}).status_code == 415


def test_row_limit_is_announced(server, client):
    url, _ = server
    response = client.get(f"{url}/sparql", params={"query": CLAIM_QUERY})
    assert len(response.json()["results"]["bindings"]) == 5
    assert response.headers["claimgraph-truncated"] == "max-rows=5"
    small = client.get(f"{url}/sparql", params={"query": CLAIM_QUERY + " LIMIT 2"})
    assert "claimgraph-truncated" not in small.headers
    assert "link" not in small.json()["head"]
    exact = client.get(f"{url}/sparql", params={"query": CLAIM_QUERY + " LIMIT 5"})
    assert "claimgraph-truncated" not in exact.headers and len(exact.json()["results"]["bindings"]) == 5


def test_a_truncated_result_says_so_in_the_body(server, client):
    url, _ = server
    note = "urn:claimgraph:truncated:max-rows=5"
    as_json = client.get(f"{url}/sparql", params={"query": CLAIM_QUERY}).json()
    assert as_json["head"] == {"vars": ["claim", "label"], "link": [note]}
    as_xml = client.get(f"{url}/sparql", params={"query": CLAIM_QUERY}, headers={"Accept": XML})
    root = ET.fromstring(as_xml.content)
    assert root.find(f"{RESULTS}head/{RESULTS}link").get("href") == note
    assert len(root.findall(f"{RESULTS}results/{RESULTS}result")) == 5
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    turtle = client.get(f"{url}/sparql", params={"query": construct}, headers={"Accept": "text/turtle"})
    assert turtle.headers["claimgraph-truncated"] == "max-rows=5" and turtle.text.startswith(f"# {note}\n")
    assert len(list(ox.parse(turtle.content, format=ox.RdfFormat.TURTLE))) == 5


def test_head_ask_tsv_and_more_graph_formats(server, client):
    url, _ = server
    ask = {"query": "ASK { ?s a <https://w3id.org/claimgraph/ns#Claim> }"}
    head = client.head(f"{url}/sparql", params=ask)
    get = client.get(f"{url}/sparql", params=ask)
    assert head.status_code == get.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == get.headers["content-length"]
    tsv = client.get(f"{url}/sparql", params=ask, headers={"Accept": TSV})
    assert tsv.headers["content-type"].startswith(TSV) and b"\r" not in tsv.content and tsv.text.strip() == "true"
    construct = {"query": "CONSTRUCT { ?c a <https://w3id.org/claimgraph/ns#Claim> } "
                          "WHERE { ?c a <https://w3id.org/claimgraph/ns#Claim> } LIMIT 2"}
    jsonld = client.get(f"{url}/sparql", params=construct, headers={"Accept": "application/ld+json"})
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    assert len(list(ox.parse(jsonld.content, format=ox.RdfFormat.JSON_LD))) == 2
    nquads = client.get(f"{url}/sparql", params=construct, headers={"Accept": "application/n-quads"})
    assert nquads.headers["content-type"].startswith("application/n-quads")
    assert len(list(ox.parse(nquads.content, format=ox.RdfFormat.N_QUADS))) == 2


def test_the_build_graph_is_not_exposed(server, client):
    url, trig = server
    folder = str(trig.parent)
    stored = open_store(trig.parent / "store")
    assert any(folder in q.object.value for q in stored.quads_for_pattern(None, None, None, ox.NamedNode(BUILD_GRAPH))), \
        "test setup: the build graph records the user's paths"
    g = "https://w3id.org/claimgraph/id/graph/"
    leaks = {
        "GRAPH ?g": {"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"},
        "named-graph-uri": {"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": BUILD_GRAPH},
        "default-graph-uri": {"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": BUILD_GRAPH},
        "FROM NAMED": {"query": f"SELECT * FROM NAMED <{BUILD_GRAPH}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"},
        "FROM": {"query": f"SELECT * FROM <{BUILD_GRAPH}> WHERE {{ ?s ?p ?o }}"},
        "FROM prefixed": {"query": f"PREFIX g: <{g}> SELECT * FROM g:_build WHERE {{ ?s ?p ?o }}"},
        "FROM relative": {"query": f"BASE <{g}> SELECT * FROM NAMED <_build> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"},
        "GRAPH <build>": {"query": f"SELECT * WHERE {{ GRAPH <{BUILD_GRAPH}> {{ ?s ?p ?o }} }}"},
        "FROM escaped": {"query": "SELECT * FROM <https://w3id.org/claimgraph/id/graph/\\u005Fbuild> "
                                  "WHERE { ?s ?p ?o }"},
        "FROM NAMED escaped prefix": {"query": "PREFIX g: <https://w3id.org/claimgraph/id/graph/\\u005F>\n"
                                               "SELECT * FROM NAMED g:build WHERE { GRAPH ?g { ?s ?p ?o } }"},
        "a path anywhere": {"query": f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ GRAPH ?g {{ ?s ?p ?o }} }} "
                                     f"FILTER(CONTAINS(STR(?o), {json.dumps(folder)})) }}"},
    }
    for name, params in leaks.items():
        response = client.get(f"{url}/sparql", params=params)
        assert response.status_code == 200, (name, response.text)
        assert "_build" not in response.text and folder not in response.text, name
    graphs = client.get(f"{url}/sparql", params=leaks["GRAPH ?g"]).json()["results"]["bindings"]
    assert graphs, "the data graphs are still there"


def test_serve_sees_a_rebuild(tmp_path, client, make_article):
    from claimgraph.build import build_graph

    store = tmp_path / "store"
    build_graph([SEEDS], tmp_path / "claims.trig", store=store)
    process, url = start("--store", str(store))
    query = {"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"}
    try:
        before = [b["g"]["value"] for b in client.get(f"{url}/sparql", params=query).json()["results"]["bindings"]]
        article = make_article("another-article")
        build_graph([SEEDS, article.parent], tmp_path / "claims.trig", store=store)
        after = [b["g"]["value"] for b in client.get(f"{url}/sparql", params=query).json()["results"]["bindings"]]
        assert sorted(set(after) - set(before)) == ["https://w3id.org/claimgraph/id/graph/another-article"]
        assert "Alphaland" in client.get(f"{url}/").text, "the page is drawn again too"
    finally:
        stop_process(process)


def test_timeout_answers_503_and_server_keeps_serving(server, client):
    url, _ = server
    started = time.monotonic()
    slow = client.get(f"{url}/sparql", params={"query": SLOW_QUERY})
    assert slow.status_code == 503 and "timed out" in slow.text
    assert time.monotonic() - started < 5
    assert client.get(f"{url}/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_canned_queries_at_their_own_urls(tmp_path, client, seed_trig):
    process, url = start("--graph", str(seed_trig))  # no row limit to speak of
    try:
        index = client.get(f"{url}/queries.json").json()
        names = {q["name"] for q in index}
        assert {"contested", "accusations", "mediations"} <= names and not any(n.startswith("_") for n in names)
        data = client.get(f"{url}/queries/contested.json").json()
        claims = {b["claimLabel"]["value"] for b in data["results"]["bindings"]}
        assert claims == {c["claim"] for c in contested_claims(open_graph(seed_trig))}
        table = client.get(f"{url}/queries/contested.csv")
        assert table.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(table.text)))
        assert {r["claimLabel"] for r in rows} == claims
        page = client.get(f"{url}/queries/mediations")
        assert page.status_code == 200 and "<table>" in page.text and "Doha" in page.text
        every = client.get(f"{url}/queries/statements-by-date.json").json()["results"]["bindings"]
        first = client.get(f"{url}/queries/statements-by-date.json", params={"limit": 5}).json()["results"]["bindings"]
        rest = client.get(f"{url}/queries/statements-by-date.json", params={"offset": 5, "all": ""}).json()
        assert len(first) == 5 and len(first) + len(rest["results"]["bindings"]) == len(every) > 5
        page = client.get(f"{url}/queries/statements-by-date", params={"limit": 5})
        assert 'href="/queries/statements-by-date?offset=5&amp;limit=5">next</a>' in page.text
        assert client.get(f"{url}/queries/statements-by-date", params={"offset": "-1"}).status_code == 400
        assert client.get(f"{url}/queries/no-such").status_code == 404
        assert client.get(f"{url}/queries/_projection.json").status_code == 404
        home = client.get(f"{url}/")
        assert home.status_code == 200 and home.headers["content-type"].startswith("text/html")
        assert "Pakistan" in home.text
    finally:
        stop_process(process)


def test_port_in_use_is_a_clear_error(tmp_path, seed_trig):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-c", "from claimgraph.cli import main; main()", "serve", "--graph", str(seed_trig),
                                 "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2  # an environment error
    assert f"127.0.0.1:{port}" in result.stderr and "Traceback" not in result.stderr


def test_negotiate():
    offered = [JSON, XML, CSV, TSV]
    assert negotiate(None, offered, {}) == JSON
    assert negotiate("*/*", offered, {}) == JSON
    assert negotiate("text/*", offered, {}) == CSV
    assert negotiate("text/csv;q=0.5, text/tab-separated-values", offered, {}) == TSV
    assert negotiate("application/json", offered, {"application/json": JSON}) == JSON
    assert negotiate("image/png", offered, {}) is None


DEEP_QUERIES = {
    "braces": "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000,
    "parentheses": "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
    "negations": "ASK { FILTER(" + "!" * 10000 + "true) }",
}


@pytest.mark.parametrize("name", sorted(DEEP_QUERIES))
def test_a_query_nested_too_deep_is_refused_before_parsing(server, client, name):
    url, _ = server
    for response in (client.get(f"{url}/sparql", params={"query": DEEP_QUERIES[name]}),
                     client.post(f"{url}/sparql", content=DEEP_QUERIES[name],
                                 headers={"Content-Type": "application/sparql-query"})):
        assert response.status_code == 400 and "nested" in response.text
    assert client.get(f"{url}/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_a_query_nested_too_deep_is_one_error_line_locally(tmp_path, seed_trig):
    from click.testing import CliRunner

    from claimgraph.cli import cli

    fine = "SELECT * WHERE " + "{" * 100 + " ?s ?p ?o " + "}" * 100 + " LIMIT 1"
    assert CliRunner().invoke(cli, ["query", fine, "--graph", str(seed_trig)]).exit_code == 0
    for query in DEEP_QUERIES.values():
        result = subprocess.run([sys.executable, "-c", "from claimgraph.cli import main; main()", "query", query,
                                 "--graph", str(seed_trig)], capture_output=True, text=True, timeout=60)
        assert result.returncode == 1, result.stderr[-300:]
        assert len(result.stderr.strip().splitlines()) == 1 and "nested" in result.stderr


# --- hostile requests: nothing leaves the machine, nothing keeps running -----------------------


def test_service_is_refused_and_nothing_is_sent(server, client):
    import socket

    url, _ = server
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        target = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        for query in (f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
                      f"select * where {{ service silent <{target}> {{ ?s ?p ?o }} }}",
                      f"PREFIX r: <http://127.0.0.1/>\nASK {{ ?s ?p ?o SERVICE r:x {{ ?s ?p ?o }} }}"):
            response = client.get(f"{url}/sparql", params={"query": query})
            assert response.status_code == 400 and "SERVICE" in response.text
        listener.settimeout(1.0)
        with pytest.raises(socket.timeout):
            listener.accept()  # the endpoint never connected
    ok = client.get(f"{url}/sparql", params={"query": "SELECT ?service WHERE { ?service ?p ?o } LIMIT 1"})
    assert ok.status_code == 200, "a variable named ?service is not a SERVICE call"


def test_only_local_host_names_unless_allowed(seed_trig, client):
    process, url = start("--graph", str(seed_trig), "--allow-host", "graph.lan")
    port = url.rsplit(":", 1)[1]
    ask = {"query": "ASK { ?s ?p ?o }"}
    try:
        for host, status in ((f"127.0.0.1:{port}", 200), (f"localhost:{port}", 200), ("localhost", 200),
                             ("graph.lan", 200), ("attacker.example", 400), (f"attacker.example:{port}", 400),
                             ("127.0.0.1.attacker.example", 400)):
            response = client.get(f"{url}/sparql", params=ask, headers={"Host": host})
            assert response.status_code == status, host
            assert client.get(f"{url}/", headers={"Host": host}).status_code == status, host
    finally:
        stop_process(process)


def test_a_large_request_body_is_refused(server, client):
    url, _ = server
    query = "ASK { ?s ?p ?o }" + " " * 2_000_000
    for headers, content in (({"Content-Type": "application/sparql-query"}, query.encode()),
                             ({"Content-Type": "application/x-www-form-urlencoded"},
                              iter([b"query=ASK+%7B%7D"] + [b"+" * 65536] * 40))):  # streamed, no Content-Length
        response = client.post(f"{url}/sparql", content=content, headers=headers)
        assert response.status_code == 413
    assert client.get(f"{url}/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def _tree(pid: int) -> list[int]:
    """The process and all its descendants (Linux /proc)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            todo += [int(c) for c in task.read_text().split()]
    return found


def _cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def _threads(pid: int) -> int:
    return len(list(Path(f"/proc/{pid}/task").iterdir()))


def test_timed_out_queries_really_stop(seed_trig, client):
    process, url = start("--graph", str(seed_trig), "--timeout", "1", "--workers", "2")
    try:
        assert client.get(f"{url}/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200
        from concurrent.futures import ThreadPoolExecutor

        counts = []
        for _ in range(2):  # two waves of more slow queries than workers
            with ThreadPoolExecutor(4) as wave:
                answers = list(wave.map(lambda _: client.get(f"{url}/sparql", params={"query": SLOW_QUERY}),
                                        range(4)))
            assert [a.status_code for a in answers] == [503] * 4
            time.sleep(0.5)
            counts.append((_threads(process.pid), len(_tree(process.pid)) - 1))
        assert counts[1][0] <= counts[0][0], f"threads grew from wave to wave: {counts}"
        assert counts[1][1] <= 2, f"more query processes than --workers: {counts}"
        tree = _tree(process.pid)
        before = _cpu_seconds(tree)
        time.sleep(1.5)
        assert _cpu_seconds(tree) - before < 0.5, "something is still computing after the 503s"
        assert client.get(f"{url}/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True
    finally:
        stop_process(process)


@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGTERM"])
def test_ctrl_c_and_sigterm_stop_the_server_and_its_workers_promptly(seed_trig, client, signal_name):
    import signal
    import threading

    process, url = start("--graph", str(seed_trig), "--timeout", "60")
    busy = threading.Thread(target=lambda: _ignore_errors(client.get, f"{url}/sparql", params={"query": SLOW_QUERY}),
                            daemon=True)
    busy.start()
    deadline = time.monotonic() + 20
    while len(_tree(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = _tree(process.pid)[1:]
    assert workers, "a worker runs the slow query"
    started = time.monotonic()
    process.send_signal(getattr(signal, signal_name))
    try:
        process.wait(timeout=10)
    finally:
        stop_process(process)
    assert time.monotonic() - started < 10
    time.sleep(0.5)
    alive = [pid for pid in workers if Path(f"/proc/{pid}").exists()
             and Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"]
    assert not alive, "the query workers stopped with the server"


def _ignore_errors(func, *args, **kwargs):
    try:
        return func(*args, **kwargs)
    except httpx.HTTPError:
        return None


def test_a_query_over_its_memory_is_stopped_alone(seed_trig, client):
    process, url = start("--graph", str(seed_trig), "--timeout", "60", "--max-memory", "300")
    greedy = "SELECT (GROUP_CONCAT(STR(?o) ; separator=' ') AS ?all) WHERE { ?a ?b ?o . ?c ?d ?e . ?f ?g ?h }"
    try:
        response = client.get(f"{url}/sparql", params={"query": greedy}, timeout=90)
        assert response.status_code == 503 and "memory" in response.text
        assert client.get(f"{url}/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True
    finally:
        stop_process(process)


def test_what_the_tokens_tell():
    from claimgraph.sparql import facts

    found = facts('BASE <http://ex.org/a/>\nPREFIX g: <http://ex.org/\\u0067/>  # SERVICE in a comment\n'
                  'SELECT ?service FROM <b> FROM g:c FROM NAMED <../d> WHERE { ?s ?p "GRAPH ( SERVICE" '
                  'FILTER(?x < 3 && !(?y > 2)) }')
    assert (found.form, found.service, found.graph) == ("SELECT", False, False)
    assert found.from_graphs == ["http://ex.org/a/b", "http://ex.org/g/c"]
    assert found.from_named == ["http://ex.org/d"]
    assert found.depth == 3
    assert facts("ASK { SERVICE <http://x/> { ?s ?p ?o } }").service
    assert facts("ask { graph ?g { ?s ?p ?o } }").graph
    assert facts("SELECT * WHERE { ?s ?p ?o FILTER(" + "!" * 300 + "true) }").depth > 300


def test_workers_do_not_rerun_the_callers_script(tmp_path, seed_trig):
    """A script or notebook without an ``if __name__ == "__main__"`` guard can use the pool."""
    script = tmp_path / "unguarded.py"
    script.write_text("from claimgraph.evaluation import Served, WorkerPool\n"
                      "print('script ran')\n"
                      f"pool = WorkerPool(Served(graph={str(seed_trig)!r}), 1)\n"
                      "request = {'sparql': 'ASK { ?s ?p ?o }', 'accept': None, 'max_rows': 10}\n"
                      "print(pool.run(request, 30).body.decode())\n"
                      "pool.close()\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["script ran", '{"head":{},"boolean":true}']
