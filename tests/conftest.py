"""Shared fixtures: the seed built once per session, and a factory for small test articles."""
from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_YAML = SEEDS / "pak-afg-ceasefire.yaml"


@pytest.fixture(scope="session")
def seed_trig(tmp_path_factory) -> Path:
    """The seed article built into a fresh TriG file (not the committed one)."""
    from claimgraph.build import build_graph

    out = tmp_path_factory.mktemp("seed") / "claims.trig"
    build_graph([SEEDS], out)
    return out


@pytest.fixture(scope="session")
def seed_store(seed_trig):
    from claimgraph.store import open_graph

    return open_graph(seed_trig)


MINIMAL_TEXT = "Alphaland accused Betaland of shelling the border town. Betaland denied the accusation.\n"

MINIMAL_YAML = """\
article:
  id: {article_id}
  text: {text_name}
  title: "A minimal test article"
  date: 2025-01-02
actors:
  - id: alphaland
    label: Alphaland
    type: state
    aliases: [Alpha City]
  - id: betaland
    label: Betaland
    type: state
claims:
  - id: betaland-shelled-town
    label: "Betaland shelled the border town"
    subject: betaland
    relation: attacks
    object: the border town
statements:
  - id: s1
    stance: accuse
    speaker: alphaland
    claim: betaland-shelled-town
    about: [betaland]
    sentence: "Alphaland accused Betaland of shelling the border town."
    span: "Betaland of shelling the border town"
  - id: s2
    stance: deny
    speaker: betaland
    claim: betaland-shelled-town
    about: [alphaland]
    sentence: "Betaland denied the accusation."
"""


@pytest.fixture
def make_article(tmp_path):
    """Write NAME.txt and NAME.yaml into a folder; returns the YAML path.

    ``yaml_text`` may use {article_id} and {text_name}; ``replace`` edits the default YAML.
    """

    def make(name: str = "minimal", text: str | bytes = MINIMAL_TEXT, yaml_text: str | None = None,
             replace: tuple[str, str] | None = None, folder: Path | None = None) -> Path:
        folder = folder or tmp_path / "articles"
        folder.mkdir(parents=True, exist_ok=True)
        txt = folder / f"{name}.txt"
        if isinstance(text, bytes):
            txt.write_bytes(text)
        else:
            txt.write_text(text, encoding="utf-8")
        body = (yaml_text if yaml_text is not None else MINIMAL_YAML).format(article_id=name, text_name=txt.name)
        if replace:
            assert replace[0] in body, f"test setup: {replace[0]!r} not in the YAML"
            body = body.replace(*replace)
        path = folder / f"{name}.yaml"
        path.write_text(textwrap.dedent(body), encoding="utf-8")
        return path

    return make


def stop_process(process: subprocess.Popen) -> None:
    """Stop a server process a test started: politely, then for sure."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
