"""The W3C SPARQL 1.1 Protocol test suite's query tests, against a real `claimgraph serve`.

Each test sends the request of one entry of the suite's ``protocol/manifest.ttl``
(w3c/rdf-tests, ``sparql/sparql11/protocol``) and asserts what the entry expects: the
status class, the kind of result (boolean, tabular, RDF) in one of the media types the
entry lists, and the boolean. The suite's graphs ``data1.rdf`` .. ``data3.rdf`` each
hold one ``foaf:Document`` typing triple, as in the suite.

The suite's seven update tests that expect success do not apply: this endpoint is
read-only, and :func:`test_updates_of_the_suite_are_refused` checks they are refused.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

import httpx
import pytest

from tests.conftest import stop_process
from tests.test_server import start

pytestmark = pytest.mark.server

DATA = "http://kasei.us/2009/09/sparql/data/"
RESULTS_NS = "{http://www.w3.org/2005/sparql-results#}"
BOOLEAN_TYPES = {"application/sparql-results+xml", "application/sparql-results+json"}
TABULAR_TYPES = BOOLEAN_TYPES | {"text/tab-separated-values", "text/csv"}
RDF_TYPES = {"application/rdf+xml", "text/turtle", "application/n-triples", "application/n-quads",
             "application/ld+json"}


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    folder = tmp_path_factory.mktemp("protocol")
    trig = folder / "protocol.trig"
    trig.write_text("".join(f"<{DATA}data{i}.rdf> {{ <{DATA}data{i}.rdf> a <http://xmlns.com/foaf/0.1/Document> }}\n"
                            for i in (1, 2, 3)), encoding="utf-8")
    process, url = start("--graph", str(trig))
    try:
        with httpx.Client(base_url=url, timeout=30) as client:
            yield client
    finally:
        stop_process(process)


def media(response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip()


def boolean(response) -> bool:
    if media(response) == "application/sparql-results+json":
        return response.json()["boolean"]
    return ET.fromstring(response.content).find(f"{RESULTS_NS}boolean").text == "true"


def send(client, method: str, path: str, body: str | bytes | None = None, content_type: str | None = None):
    headers = {"Content-Type": content_type} if content_type else {}
    if isinstance(body, str):
        body = body.encode("utf-8")
    return client.request(method, path, content=body, headers=headers)


def expect_boolean_true(response):
    assert 200 <= response.status_code < 400, response.text
    assert media(response) in BOOLEAN_TYPES
    assert boolean(response) is True


# --- the query tests that expect success -----------------------------------------------------


def test_query_post_form(endpoint):
    expect_boolean_true(send(endpoint, "POST", f"/sparql/?default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2F"
                                               f"sparql%2Fdata%2Fdata0.rdf", "query=ASK%20%7B%7D",
                             "application/x-www-form-urlencoded"))


def test_query_dataset_default_graphs_get(endpoint):
    expect_boolean_true(send(endpoint, "GET", "/sparql/?query=ASK%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2F"
                             "sparql%2Fdata%2Fdata1.rdf%3E%20a%20%3Ftype%20.%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F"
                             "09%2Fsparql%2Fdata%2Fdata2.rdf%3E%20a%20%3Ftype%20.%20%7D&default-graph-uri=http%3A"
                             "%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf&default-graph-uri=http%3A%2F"
                             "%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf"))


def test_query_dataset_default_graphs_post(endpoint):
    expect_boolean_true(send(endpoint, "POST", "/sparql/?default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2F"
                             "sparql%2Fdata%2Fdata1.rdf&default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2F"
                             "sparql%2Fdata%2Fdata2.rdf",
                             f"ASK {{ <{DATA}data1.rdf> a ?type . <{DATA}data2.rdf> a ?type . }}",
                             "application/sparql-query"))


def test_query_dataset_named_graphs_post(endpoint):
    expect_boolean_true(send(endpoint, "POST", "/sparql/?named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2F"
                             "sparql%2Fdata%2Fdata1.rdf&named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2F"
                             "sparql%2Fdata%2Fdata2.rdf",
                             f"ASK {{ GRAPH ?g1 {{ <{DATA}data1.rdf> a ?type }} "
                             f"GRAPH ?g2 {{ <{DATA}data2.rdf> a ?type }} }}", "application/sparql-query"))


def test_query_dataset_named_graphs_get(endpoint):
    expect_boolean_true(send(endpoint, "GET", "/sparql/?query=ASK%20%7B%20GRAPH%20%3Fg1%20%7B%20%3Chttp%3A%2F%2F"
                             "kasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf%3E%20a%20%3Ftype%20%7D%20GRAPH%20"
                             "%3Fg2%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf%3E"
                             "%20a%20%3Ftype%20%7D%20%7D&named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2F"
                             "sparql%2Fdata%2Fdata1.rdf&named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2F"
                             "sparql%2Fdata%2Fdata2.rdf"))


def test_query_dataset_full(endpoint):
    expect_boolean_true(send(endpoint, "POST", "/sparql/?default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2F"
                             "sparql%2Fdata%2Fdata3.rdf&named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2F"
                             "sparql%2Fdata%2Fdata1.rdf&named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2F"
                             "sparql%2Fdata%2Fdata2.rdf",
                             f"ASK {{\n  <{DATA}data3.rdf> a ?type\n  GRAPH ?g1 {{ <{DATA}data1.rdf> a ?type }}\n"
                             f"  GRAPH ?g2 {{ <{DATA}data2.rdf> a ?type }}\n}}", "application/sparql-query"))


def test_query_multiple_dataset(endpoint):
    # The manifest's path encodes the '&' between its two named-graph-uri parameters (%26),
    # which makes one IRI of both; the suite's author's own validator (kasei/sparql11-
    # protocolvalidator) sends the two parameters this test is about, as here.
    expect_boolean_true(send(endpoint, "POST", "/sparql/?named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2F"
                             "sparql%2Fdata%2Fdata1.rdf&named-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2F"
                             "sparql%2Fdata%2Fdata2.rdf",
                             f"ASK FROM <{DATA}data3.rdf> {{ GRAPH ?g1 {{ <{DATA}data1.rdf> a ?type }} "
                             f"GRAPH ?g2 {{ <{DATA}data2.rdf> a ?type }} }}", "application/sparql-query"))


def test_query_get(endpoint):
    expect_boolean_true(send(endpoint, "GET", "/sparql/?query=ASK%20%7B%7D&default-graph-uri=http%3A%2F%2F"
                                              "kasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata0.rdf"))


DATA0 = "/sparql/?default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata0.rdf"


def test_query_content_type_select(endpoint):
    response = send(endpoint, "POST", DATA0, "SELECT (1 AS ?value) {}", "application/sparql-query")
    assert 200 <= response.status_code < 400 and media(response) in TABULAR_TYPES
    assert response.json()["results"]["bindings"][0]["value"]["value"] == "1"


def test_query_content_type_ask(endpoint):
    response = send(endpoint, "POST", DATA0, "ASK {}", "application/sparql-query")
    assert 200 <= response.status_code < 400 and media(response) in BOOLEAN_TYPES


def test_query_content_type_describe(endpoint):
    response = send(endpoint, "POST", DATA0, "DESCRIBE <http://example.org/>", "application/sparql-query")
    assert 200 <= response.status_code < 400 and media(response) in RDF_TYPES


def test_query_content_type_construct(endpoint):
    response = send(endpoint, "POST", DATA0, "CONSTRUCT { <s> <p> 1 } WHERE {}", "application/sparql-query")
    assert 200 <= response.status_code < 400 and media(response) in RDF_TYPES
    # the relative IRIs are resolved against the endpoint's own URL, the service's base IRI
    assert f"<{str(endpoint.base_url).rstrip('/')}/sparql/s>" in response.text


def test_query_post_direct(endpoint):
    expect_boolean_true(send(endpoint, "POST", "/sparql/", "ASK {}", "application/sparql-query"))


# --- the negative tests: each a 4xx ---------------------------------------------------------


NEGATIVE = {
    "bad_query_method": ("PUT", "/sparql/?query=ASK%20%7B%7D&default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2F"
                                "sparql%2Fdata%2Fdata0.rdf", b"", "application/x-www-form-urlencoded"),
    "bad_multiple_queries": ("GET", "/sparql/?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D", None, None),
    "bad_query_wrong_media_type": ("POST", "/sparql/", "ASK {}", "text/plain"),
    "bad_query_missing_form_type": ("POST", "/sparql/", "query=ASK%20%7B%7D", None),
    "bad_query_missing_direct_type": ("POST", "/sparql/", "ASK {}", None),
    "bad_query_non_utf8": ("POST", "/sparql/", "ASK {}".encode("utf-16"), "application/sparql-query; charset=UTF-16"),
    "bad_query_syntax": ("GET", "/sparql/?query=ASK%20%7B", None, None),
    "bad_update_get": ("GET", "/sparql/?update=CLEAR%20ALL", None, None),
    "bad_multiple_updates": ("POST", "/sparql/", "update=CLEAR%20NAMED&update=CLEAR%20DEFAULT",
                             "application/x-www-form-urlencoded"),
    "bad_update_wrong_media_type": ("POST", "/sparql/", "CLEAR NAMED", "text/plain"),
    "bad_update_missing_form_type": ("POST", "/sparql/", "update=CLEAR%20NAMED", None),
    "bad_update_non_utf8": ("POST", "/sparql/", "CLEAR NAMED".encode("utf-16"),
                            "application/sparql-update; charset=UTF-16"),
    "bad_update_syntax": ("POST", "/sparql/", "update=CLEAR%20XYZ", "application/x-www-form-urlencoded"),
    "bad_update_dataset_conflict": ("POST", "/sparql/?using-named-graph-uri=http%3A%2F%2Fexample%2Fpeople",
                                    "PREFIX foaf:  <http://xmlns.com/foaf/0.1/>\nWITH <http://example/addresses>\n"
                                    "DELETE { ?person foaf:givenName 'Bill' }\nINSERT { ?person foaf:givenName "
                                    "'William' }\nWHERE {\n    ?person foaf:givenName 'Bill'\n}",
                                    "application/sparql-update"),
}


@pytest.mark.parametrize("name", sorted(NEGATIVE))
def test_negative(endpoint, name):
    method, path, body, content_type = NEGATIVE[name]
    response = send(endpoint, method, path, body, content_type)
    assert 400 <= response.status_code < 500, (name, response.status_code, response.text)


UPDATES = {  # the suite's update tests that expect success, each with its (first) update request
    "update_dataset_default_graph": "CLEAR ALL ; INSERT DATA { GRAPH <http://kasei.us/2009/09/sparql/data/data1.rdf> "
                                    "{ <http://kasei.us/2009/09/sparql/data/data1.rdf> a "
                                    "<http://xmlns.com/foaf/0.1/Document> } }",
    "update_dataset_default_graphs": "DROP ALL",
    "update_dataset_named_graphs": "DROP ALL",
    "update_dataset_full": "DROP ALL",
    "update_post_form": "CLEAR ALL",
    "update_post_direct": "CLEAR ALL",
    "update_base_uri": "CLEAR GRAPH <http://example.org/protocol-base-test/> ; INSERT DATA { GRAPH "
                       "<http://example.org/protocol-base-test/> { <http://example.org/s> <http://example.org/p> "
                       "<test> } }",
}


@pytest.mark.parametrize("name", sorted(UPDATES))
def test_updates_of_the_suite_are_refused(endpoint, name):
    direct = send(endpoint, "POST", "/sparql/", UPDATES[name], "application/sparql-update")
    form = endpoint.post("/sparql/", data={"update": UPDATES[name]})
    assert direct.status_code == form.status_code == 403
    assert boolean(send(endpoint, "POST", "/sparql/", f"ASK {{ GRAPH <{DATA}data1.rdf> {{ ?s ?p ?o }} }}",
                        "application/sparql-query")) is True, "the data is still there"
