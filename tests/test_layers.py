"""The package's floor plan: data flows one way, so imports only ever run down the layers.

Every module of ``claimgraph`` has a place in :data:`LAYERS`; an import (at module top
or inside a function) of a module at the same place or above is a failure, which also
rules out import circles. A new module must be given its place here.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "claimgraph"

#: Bottom first. Each module may import only modules listed before it.
LAYERS = [
    "claimgraph",  # __init__: the version only
    "claimgraph.errors", "claimgraph.vocab", "claimgraph.fileio",  # the bottom: errors, vocabulary, file I/O
    "claimgraph.sparql",  # what a query's tokens tell (form, nesting, SERVICE, FROM)
    "claimgraph.model", "claimgraph.annotation", "claimgraph.actors",  # text -> statements; actors across articles
    "claimgraph.extract.metadata",  # what an article's text says of itself (headline, dateline); the standard library only
    "claimgraph.extract.lexicon", "claimgraph.extract.sources", "claimgraph.extract.stance",  # the extractor,
    "claimgraph.extract.mediation", "claimgraph.extract.attribution", "claimgraph.extract.claims",  # its layers
    "claimgraph.extract.pipeline", "claimgraph.extract.drafting",
    "claimgraph.extract",  # its public API
    "claimgraph.rdf",  # statements -> RDF
    "claimgraph.linking",  # claims across articles: what the corpus concludes of each statement
    "claimgraph.store", "claimgraph.remote", "claimgraph.source",  # RDF -> store; opening a graph source
    "claimgraph.shacl",
    "claimgraph.build",
    "claimgraph.query",  # store -> answers
    "claimgraph.projection", "claimgraph.layout", "claimgraph.render",  # -> analysis and the page
    "claimgraph.evaluation",  # one query for the server, in a worker process
    "claimgraph.server",
    "claimgraph.cli", "claimgraph.__main__",
]


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(name: str, path: Path) -> set[str]:
    """The claimgraph modules ``name`` imports, wherever the import statement stands."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("claimgraph"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            if not module.startswith("claimgraph"):
                continue
            out.add(module)
            if not node.module or node.level and node.module is None:
                out.update(f"{module}.{a.name}" for a in node.names)
            else:
                out.update(f"{module}.{a.name}" for a in node.names if f"{module}.{a.name}" in _modules())
    return out


def _layer(module: str) -> int:
    """Place of a module, or of the package it belongs to (``claimgraph.extract.x`` is in extract)."""
    while module not in LAYERS and "." in module:
        module = module.rsplit(".", 1)[0]
    return LAYERS.index(module)


def test_every_module_has_a_place():
    missing = [m for m in _modules() if _layer(m) == 0 and m != "claimgraph"]
    assert not missing, f"give these modules a place in LAYERS: {missing}"


@pytest.mark.parametrize("name", sorted(_modules()))
def test_imports_run_down_the_layers(name):
    path = _modules()[name]
    here = _layer(name)
    upward = sorted(m for m in _imports(name, path) if m != name and _layer(m) >= here
                    and not (name.startswith(m + ".") or _layer(m) == here and m.startswith(name + ".")))
    assert not upward, f"{name} imports {upward}, which are not below it in LAYERS"


def test_query_does_not_load_the_nlp_or_network_stack():
    """`claimgraph query` must start fast: no spaCy, networkx, numpy, rdflib or httpx."""
    code = ("import sys; from claimgraph.cli import cli; "
            "sys.argv = ['claimgraph', 'query', '--list']\n"
            "try:\n    cli()\nexcept SystemExit:\n    pass\n"
            "heavy = sorted(m for m in ('spacy', 'networkx', 'numpy', 'rdflib', 'httpx', 'pyvis', 'pyshacl') "
            "if m in sys.modules)\nprint('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in out, out
