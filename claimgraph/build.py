"""Build the knowledge graph from annotated articles: load, convert, validate, write.

The one entry point is :func:`build_graph`. It writes nothing unless every article
loads and the whole graph conforms to the shapes, and it writes through a temporary
file and a rename, so a failed build never leaves a half-written graph behind.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from .annotation import find_annotations, load_annotation
from .model import Annotation
from .rdf import CG, build_dataset, ontology_path, serialize_trig, validate_dataset

ONTOLOGY_GRAPH = URIRef(str(CG).rstrip("#"))


@dataclass
class BuildResult:
    output: Path
    articles: list[str] = field(default_factory=list)
    statements: int = 0
    triples: int = 0


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual permissions
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_annotations(paths: list[Path]) -> list[Annotation]:
    """Every annotation under ``paths`` (files or folders), loaded and checked."""
    return [load_annotation(p) for p in find_annotations(paths)]


def build_graph(paths: list[Path], output: Path, validate: bool = True) -> BuildResult:
    """Build ``output`` (TriG) from the annotations under ``paths``.

    The dataset holds one named graph per article, the document descriptions in the
    default graph, and the ontology in its own named graph so the file answers the
    canned queries on its own.
    """
    annotations = load_annotations(paths)
    dataset = build_dataset(annotations)
    if validate:
        validate_dataset(dataset)
    ontology = dataset.graph(ONTOLOGY_GRAPH)
    ontology.parse(ontology_path() / "claims.ttl", format="turtle")
    data = serialize_trig(dataset)
    write_atomic(output, data)
    return BuildResult(
        output=Path(output),
        articles=[a.article.id for a in annotations],
        statements=sum(len(a.statements) for a in annotations),
        triples=sum(len(g) for g in dataset.graphs()),
    )
