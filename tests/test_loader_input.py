"""Broken annotations never traceback: each gives `file.yaml:LINE: field: what is wrong`.

A battery of the inputs that used to crash the loader, then a fuzz (hypothesis, bounded
and derandomised, so every run tries the same inputs) of mutated and random YAML: the
loader either returns an annotation that converts to RDF and serialises, or raises its
own AnnotationError.
"""
from __future__ import annotations

import re
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.annotation import parse_annotation
from claimgraph.errors import AnnotationError
from claimgraph.rdf import build_dataset
from claimgraph.store import sorted_trig
from tests.conftest import MINIMAL_TEXT, MINIMAL_YAML

BASE = MINIMAL_YAML.format(article_id="minimal", text_name="minimal.txt").replace(
    '  date: 2025-01-02\n', '  date: 2025-01-02\n  url: https://example.org/x\n')


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "minimal.txt").write_text(MINIMAL_TEXT, encoding="utf-8")
    return tmp_path


def located(folder, yaml_text: str) -> str:
    with pytest.raises(AnnotationError) as failure:
        parse_annotation(yaml_text, folder / "minimal.yaml")
    message = str(failure.value)
    assert "\n" not in message and "Traceback" not in message
    return message


@pytest.mark.parametrize("old, new, expected", [
    ("date: 2025-01-02", "date: 2025-02-30", ":5: article.date: '2025-02-30' is not a date (YYYY-MM-DD)"),
    ("date: 2025-01-02", "date: 2025-01-02T25:00:00", ":5: article.date: '2025-01-02T25:00:00' is not a date"),
    ("https://example.org/x", "https://example.org/a b", ":6: article.url: 'https://example.org/a b' is not a valid "
                                                        "URL: contains ' '; percent-encode it"),
    ("https://example.org/x", "https://example.org/a>b", ":6: article.url: 'https://example.org/a>b' is not a valid URL"),
    ("https://example.org/x", '"https://example.org/a\\"b"', ":6: article.url: "),
    ("https://example.org/x", "'https://example.org/{x}'", ":6: article.url: "),
    ("https://example.org/x", '"https://example.org/a\\nb"', ":6: article.url: "),
    ("https://example.org/x", "ftp://example.org/x", ":6: article.url: 'ftp://example.org/x' is not a valid URL: must "
                                                    "start with http:// or https://"),
    ("  id: minimal", '  id: !!int ""', ":2: article.id: malformed YAML: cannot read '' as int"),
    ("  - id: s1", "  - id: s1\n    confidence: " + "9" * 5000,
     ":23: statements[0].confidence: malformed YAML: cannot read '999999999999999999999999999999...' as int "
     "(number too long)"),
    ("  - id: alphaland", "  - ? [a, b]\n    : x\n    id: alphaland",
     ":8: actors[0]: malformed YAML: a key must be plain text, not a list or a mapping"),
    ("  - id: alphaland", "  - ? {a: b}\n    : x\n    id: alphaland", ":8: actors[0]: malformed YAML: a key must be"),
    ("actors:\n", "actors: " + "[" * 300 + "]" * 300 + "\nunused:\n", ":7: malformed YAML: nested more than 32 levels"),
    ("    relation: attacks", "    verb: had shelled", ":19: claims[0].verb: 'had shelled' is not one verb lemma"),
])
def test_battery_of_broken_values(folder, old, new, expected):
    assert old in BASE
    message = located(folder, BASE.replace(old, new, 1))
    assert message.startswith(str(folder / "minimal.yaml") + expected), message


def test_a_claims_verb_reaches_the_graph(folder):
    annotation = parse_annotation(BASE.replace("    relation: attacks", "    verb: shell"), folder / "minimal.yaml")
    [claim] = annotation.claims
    assert (claim.relation, claim.verb) == (None, "shell")
    trig = sorted_trig(build_dataset([annotation]).serialize(format="nquads", encoding="utf-8")).decode()
    assert "cg:verb \"shell\"" in trig


def test_a_datetime_given_as_text_is_taken_as_its_day(folder):
    annotation = parse_annotation(BASE.replace("date: 2025-01-02", "date: 2025-01-02T10:00:00"), folder / "a.yaml")
    assert annotation.article.date.isoformat() == "2025-01-02"


YAML_BITS = st.sampled_from(["[", "]", "{", "}", ": ", "- ", "? ", "!!int", "!!float", "!!timestamp", "!!binary",
                             "&a ", "*a", "'", '"', "#", "\n", "  ", "~", "null", "2025-02-30", "1e999", "-0",
                             "0x1F", "9" * 50, "<<: *a", "\t", "\\u0000", "https://x.org/a b", ".inf", "|", ">"])


def _mutations():
    lines = BASE.splitlines()
    values = st.one_of(st.text(max_size=30), st.integers().map(str), st.lists(YAML_BITS, max_size=8).map("".join))
    return st.tuples(st.integers(0, len(lines) - 1), values).map(
        lambda change: "\n".join(lines[:change[0]] + [_replace_value(lines[change[0]], change[1])]
                                 + lines[change[0] + 1:]) + "\n")


def _replace_value(line: str, value: str) -> str:
    key, sep, _ = line.partition(": ")
    return f"{key}{sep}{value}" if sep else value


@settings(max_examples=400, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(_mutations(), st.lists(YAML_BITS | st.text(max_size=5), max_size=40).map("".join)))
def test_fuzzed_annotations_load_or_fail_cleanly(tmp_path_factory, yaml_text):
    folder = tmp_path_factory.getbasetemp() / "fuzz"
    folder.mkdir(exist_ok=True)
    (folder / "minimal.txt").write_text(MINIMAL_TEXT, encoding="utf-8")
    try:
        annotation = parse_annotation(yaml_text, folder / "minimal.yaml")
    except AnnotationError as exc:
        assert "\n" not in str(exc)
        assert re.match(re.escape(str(folder / "minimal.yaml")) + r"(:\d+)?: ", str(exc)), str(exc)
        return
    sorted_trig(build_dataset([annotation]).serialize(format="nquads", encoding="utf-8"))


def test_the_fuzz_can_find_a_crash(folder):
    """The harness above would report a non-AnnotationError: a value the old loader crashed on."""
    text = textwrap.dedent(BASE).replace("date: 2025-01-02", "date: !!timestamp 2025-02-30")
    message = located(folder, text)
    assert ":5: article.date: malformed YAML: cannot read '2025-02-30' as timestamp" in message


def test_hedging_words_reach_the_graph_apart_from_the_confidence(folder):
    text = BASE.replace("    span: \"Betaland of shelling the border town\"\n",
                        "    span: \"Betaland of shelling the border town\"\n    method: extracted\n"
                        "    confidence: 0.7\n    hedge: [allegedly, may]\n", 1)
    annotation = parse_annotation(text, folder / "minimal.yaml")
    accused = annotation.statements[0]
    assert accused.hedge == ["allegedly", "may"] and accused.confidence == 0.7
    trig = sorted_trig(build_dataset([annotation]).serialize(format="nquads", encoding="utf-8")).decode()
    assert 'cg:hedge "allegedly" , "may"' in trig
    message = located(folder, text.replace("hedge: [allegedly, may]", "hedge: [allegedly, 3]"))
    assert message.endswith("statements[0].hedge[1]: must be text, got int")
