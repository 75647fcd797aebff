"""The extractor's YAML tables hold each key once.

YAML lets a mapping repeat a key and keeps the last value, so a table added under a name already
used (a second `causing_verbs:` in cues.yaml) would silently replace the first and change what the
rules read elsewhere. Needs no spaCy.
"""
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "claimgraph" / "data"


def repeated_keys(node, path="$"):
    """(path, key, line) of every key a mapping node holds more than once, at any depth."""
    found = []
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(key)
            if name in seen:
                found.append((path, name, key.start_mark.line + 1))
            seen.add(name)
            found += repeated_keys(value, f"{path}.{name}")
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            found += repeated_keys(item, f"{path}[{i}]")
    return found


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.yaml")))
def test_no_table_repeats_a_key(name):
    node = yaml.compose((DATA / name).read_text(encoding="utf-8"))
    assert repeated_keys(node) == []


def test_a_repeated_key_is_found():
    assert repeated_keys(yaml.compose("a: [1]\nb: {c: 1, c: 2}\na: [2]\n")) == [("$.b", "c", 2), ("$", "a", 3)]
