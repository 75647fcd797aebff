"""Build the knowledge graph from annotated articles: load, convert, validate, write.

The one entry point is :func:`build_graph`. Without a store it builds everything in
memory and writes the TriG file only if every article loads and conforms to the shapes.
With a store (``claimgraph build`` uses ``graph/store/``) the build is incremental:

* each article's content hash (annotation + text) is recorded in the store's build
  graph; only articles whose hash changed are loaded, converted and validated again;
* each changed article's named graph and document description are replaced in one
  transaction (batched with its neighbours), graphs of deleted articles are removed;
* a build killed midway keeps every batch already committed and nothing of the batch
  in flight: running it again carries on where it stopped;
* the TriG file is exported from the store, sorted exactly as :func:`serialize_trig`
  sorts it, so it is byte-identical to a full in-memory build of the same input.

Files are written through a temporary file and a rename, so a failed build never
leaves a half-written graph behind.
"""
from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from . import extract, vocab
from .actors import ActorUse, actor_conflicts
from .annotation import annotation_paths, find_annotations, load_annotation
from .errors import AnnotationError, ClaimgraphError, ValidationError
from .fileio import write_atomic
from .linking import LINKS_VERSION, LinkError, LinkUpdate, update_links
from .model import Annotation
from .rdf import article_graph, article_metadata, build_dataset, content_hash
from .shacl import check_article, first_message, validate_dataset
from .store import (BUILD_NS, LAYOUT_VERSION, LINKS_RECORD, MATERIALIZE_UNION, add_union_view, count_document_quads,
                    damaged, document_quads, export_trig, is_damage, links_among, mark_status, open_store,
                    restore_datatypes, sorted_trig, unview)
from .vocab import BUILD_GRAPH, CG, ONTOLOGY_GRAPH, article_iri, graph_iri, ontology_path
BATCH_ARTICLES = 1000
BATCH_SECONDS = 10.0
#: Below this many changed articles the build runs in one process: starting workers costs more.
PARALLEL_MIN_ARTICLES = 100
#: Oxigraph's bulk loader ingests what it is given in one atomic step up to 1,000,000 quads
#: (``DEFAULT_BULK_LOAD_BATCH_SIZE`` in oxigraph 0.5); a batch is committed well before that.
BULK_BATCH_QUADS = 500_000


@dataclass
class BuildResult:
    output: Path | None
    articles: list[str] = field(default_factory=list)
    statements: int = 0
    triples: int = 0
    store: Path | None = None
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    kept: int = 0  # articles of other inputs left in the store
    compacted: bool = False  # the store was compacted after the build
    warnings: list[str] = field(default_factory=list)  # e.g. an actor id two articles describe differently
    exported: bool = True
    seconds: float = 0.0
    links: LinkUpdate | None = None  # claims linked across articles (None: no article changed)

    def summary(self) -> str:
        """``3 added, 1 updated, 0 removed, 4,997 unchanged`` (the incremental part of a build),
        and how many articles of other inputs the store keeps."""
        kept = f"; {self.kept:,} kept from other inputs (--prune removes them)" if self.kept else ""
        return (f"{self.added:,} added, {self.updated:,} updated, {self.removed:,} removed, "
                f"{self.unchanged:,} unchanged{kept}")

    def links_summary(self) -> str | None:
        """``12 claim links joined, 5 proposed for review, 1 curated`` (None when linking did not run)."""
        if self.links is None:
            return None
        return (f"claims across articles: {self.links.joined:,} link(s) joined, {self.links.proposed:,} proposed "
                f"for review (claimgraph query proposed-links), {self.links.contradicting:,} contradicting, "
                f"{self.links.curated:,} curated")


#: What a build tells the extractor's drafts of raw articles: (date 'YYYY-MM-DD', title), each
#: used only when an article's text gives none (``build --extract --date/--title``).
NO_DRAFT_OPTIONS = (None, None)


def load_source(path: Path, draft: tuple = NO_DRAFT_OPTIONS) -> Annotation:
    """A curated annotation (``.yaml``), or the extractor's draft of a raw article (``.txt``).

    The draft goes through the same loader as a curated file, saved-as ``NAME.yaml``,
    so a machine draft meets exactly the rules a person's annotation meets. Its title and
    date come from the text (headline, dateline), else from ``draft`` (date, title), else
    from the file name and modification day; the draft's header says which.
    """
    path = Path(path)
    if path.suffix != ".txt":
        return load_annotation(path)
    try:
        text = extract.read_article(path)
        result = extract.extract_text(text, path.stem)
    except extract.ExtractionInputError as exc:
        raise AnnotationError(path, str(exc).removeprefix(f"{path}: ")) from None
    meta = extract.article_metadata(text, path, date=draft[0], title=draft[1])
    annotation = extract.draft_annotation(result, path, path.with_suffix(".yaml"), title=meta.title,
                                          date=meta.date, notes=meta.notes)
    annotation.source = source_bytes(path, draft).decode("utf-8")  # a draft is identified by its extractor
    return annotation


def source_bytes(path: Path, draft: tuple = NO_DRAFT_OPTIONS) -> bytes:
    """What identifies an annotation's input besides the article text: the YAML, or for a raw
    article the extractor's version and the draft options (a new extractor, or another
    --date/--title, re-drafts it)."""
    path = Path(path)
    if path.suffix == ".txt":
        options = "".join(f"\n{name}: {value}" for name, value in zip(("date", "title"), draft) if value)
        return (extract.extractor_version() + options).encode("utf-8")
    return path.read_bytes()


def load_annotations(paths: list[Path], extract: bool = False, draft: tuple = NO_DRAFT_OPTIONS) -> list[Annotation]:
    """Every annotation under ``paths`` (files or folders), loaded and checked."""
    return [load_source(p, draft) for p in find_annotations(paths, extract)]


def build_graph(paths: list[Path], output: Path | None, validate: bool = True, store: Path | None = None,
                progress=None, batch_articles: int = BATCH_ARTICLES, extract: bool = False,
                jobs: int | None = None, prune: bool = False, compact: bool | None = None,
                draft_date: str | None = None, draft_title: str | None = None) -> BuildResult:
    """Build ``output`` (TriG) from the annotations under ``paths``.

    The dataset holds one named graph per article, the document descriptions in the
    default graph, and the ontology in its own named graph so the file answers the
    canned queries on its own.

    With ``store`` (a folder) the build is incremental into that on-disk Oxigraph store
    and ``output`` is exported from it (``output=None`` skips the export); ``progress``
    is called as ``progress(done, total)`` while changed articles are processed.

    With ``extract``, raw ``.txt`` articles that have no annotation are drafted by the
    extractor and enter the graph marked ``cg:extracted``.

    ``draft_date`` ('YYYY-MM-DD') and ``draft_title`` are the date and title of the drafts of
    raw articles whose text gives none (no dateline, no headline).

    ``jobs`` is the number of worker processes that load, convert and check changed
    articles in a store build (default: one per core; 1 keeps everything in this process).

    A store is a corpus that several inputs can fill: a build adds and updates the
    articles under ``paths`` and removes those whose files under ``paths`` are gone, but
    keeps articles from other folders (``prune`` removes them too). ``output`` holds the
    articles under ``paths`` only, so it equals an in-memory build of the same input.

    ``compact`` compacts the store afterwards (RocksDB keeps replaced and deleted data until
    then: measured, one update of all 300 articles of a store took it from 32 MB to 200 MB,
    and compaction back to 39 MB in 0.7 s). By default a store is compacted when a build
    replaced or removed at least a fifth of its articles (and at least 100).
    """
    if store is not None:
        try:
            return _build_incremental(paths, output, validate, Path(store), progress, batch_articles, extract,
                                      default_jobs() if jobs is None else jobs, prune, compact,
                                      (draft_date, draft_title))
        except ClaimgraphError as exc:
            # Clear the finished frames' locals (the open store among them) so the store's
            # write lock is released now, not when the caller lets go of the exception:
            # frames of chained exceptions keep their callers alive through f_back.
            traceback.clear_frames(exc.__traceback__)
            raise exc.with_traceback(None) from None
    started = time.perf_counter()
    annotations = load_annotations(paths, extract, (draft_date, draft_title))
    dataset = build_dataset(annotations)
    if validate:
        validate_dataset(dataset)
    ontology = dataset.graph(URIRef(ONTOLOGY_GRAPH))
    ontology.parse(ontology_path() / "claims.ttl", format="turtle")
    nquads = dataset.serialize(format="nquads", encoding="utf-8")
    links, link_quads = _link_in_memory(nquads, {article_iri(a.article.id): a.path for a in annotations})
    data = sorted_trig(nquads + link_quads)
    write_atomic(output, data)
    uses = [ActorUse(vocab.actor_iri(actor.id), actor.label, vocab.ACTOR_CLASS[actor.type], str(a.path))
            for a in annotations for actor in a.actors]
    return BuildResult(
        warnings=actor_conflicts(uses),
        output=Path(output),
        articles=[a.article.id for a in annotations],
        statements=sum(len(a.statements) for a in annotations),
        triples=sum(len(g) for g in dataset.graphs()) + link_quads.count(b"\n"),
        added=len(annotations),
        links=links,
        seconds=time.perf_counter() - started,
    )


def _link_in_memory(nquads: bytes, paths: dict[str, Path]) -> tuple[LinkUpdate, bytes]:
    """Link the claims of an in-memory build across its articles: the links graph as N-Quads."""
    store = ox.Store()
    store.load(nquads, format=ox.RdfFormat.N_QUADS)
    add_union_view(store, conclude=False)
    try:
        links = update_links(store, set(paths), everything=True)
    except LinkError as exc:
        raise _link_error(exc, {str(graph_iri(a.rsplit("/", 1)[-1])): p for a, p in paths.items()}) from None
    quads = restore_datatypes(store.quads_for_pattern(None, None, None, ox.NamedNode(vocab.LINKS_GRAPH)))
    return links, ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


def _link_error(exc: LinkError, source_of_graph: dict[str, object]) -> AnnotationError:
    """A curated reference to a missing claim, as the error of the annotation file that makes it."""
    return AnnotationError(source_of_graph.get(exc.article, exc.article), str(exc))


# --- rdflib terms -> pyoxigraph terms -------------------------------------------------------


class _Triples(list):
    """Collects what ``rdf.article_graph``/``article_metadata`` add, without an rdflib store."""

    add = list.append


class _Terms:
    """rdflib -> pyoxigraph term conversion with a cache for the (many repeated) IRIs."""

    def __init__(self):
        self.ox = ox
        self.nodes: dict[str, object] = {}
        self.texts: dict[str, str] = {}  # IRI -> its N-Quads form

    def iri(self, value: str):
        node = self.nodes.get(value)
        if node is None:
            if len(self.nodes) > 200_000:  # most IRIs (statements, selectors) occur in one article only
                self.nodes.clear()
            node = self.nodes[value] = self.ox.NamedNode(value)
        return node

    def term(self, term):
        if isinstance(term, URIRef):
            return self.iri(str(term))
        if isinstance(term, Literal):
            if term.language:
                return self.ox.Literal(str(term), language=term.language)
            if term.datatype is not None:
                return self.ox.Literal(str(term), datatype=self.iri(str(term.datatype)))
            return self.ox.Literal(str(term))
        if isinstance(term, BNode):
            raise ClaimgraphError(f"blank node {term.n3()} in the graph; every node needs an IRI")
        raise ClaimgraphError(f"cannot store RDF term {term!r}")

    def quads(self, triples, graph) -> list:
        quad, term = self.ox.Quad, self.term
        return [quad(term(s), term(p), term(o), graph) for s, p, o in triples]

    def text(self, term) -> str:
        """The N-Quads form of an rdflib term, which Oxigraph parses to what :meth:`term` gives.

        A changed article's triples go to the shapes check and to the store as N-Quads text,
        written here straight from the rdflib terms rather than through pyoxigraph terms and
        its serialiser. The IRIs come from ids and URLs the annotation loader has checked."""
        if isinstance(term, URIRef):
            key = str(term)  # a plain str: rdflib's own __eq__ would run on every cache hit
            text = self.texts.get(key)
            if text is None:
                if len(self.texts) > 200_000:  # most IRIs (statements, selectors) occur in one article only
                    self.texts.clear()
                text = self.texts[key] = f"<{key}>"
            return text
        if isinstance(term, Literal):
            return vocab.nquads_literal(str(term), str(term.datatype) if term.datatype is not None else None,
                                        term.language)
        self.term(term)  # neither an IRI nor a literal: raises the error :meth:`term` gives
        raise AssertionError(term)

    def lines(self, triples) -> list[str]:
        """Each triple as ``subject predicate object`` in N-Quads form, without a graph or the final dot."""
        text = self.text
        return [" ".join((text(s), text(p), text(o))) for s, p, o in triples]



# --- the store's build graph ---------------------------------------------------------------


@dataclass
class _Record:
    source: str  # annotation file (absolute path)
    article: str  # article id
    text: str  # article text file (absolute path)
    digest: str  # content hash of annotation + text
    stat: str = ""  # size and mtime of both files when they were read: a match skips re-hashing them
    statements: str = ""  # statements in its named graph ("" in stores built before it was recorded)
    triples: str = ""  # triples in its named graph
    packed: bool = field(default=True, compare=False)  # False: stored one triple per field, as before


#: The fields of a build record, in the order of its packed form.
_RECORD_FIELDS = (("source", "source"), ("article", "article"), ("text", "text"), ("hash", "digest"), ("stat", "stat"),
                  ("statements", "statements"), ("triples", "triples"))


def _source_node(source: str) -> str:
    return "urn:claimgraph:source:" + quote(source, safe="/")


def _read_records(store) -> tuple[dict[str, _Record], dict[str, str]]:
    """Recorded articles by annotation path, and the other bookkeeping values (``urn:claimgraph:*``).

    Read as one SPARQL CSV result, serialised by Oxigraph: a quarter of the time of
    walking the quads term by term from Python. An article's record is one triple, its
    fields packed in a JSON literal (``build:record``): Oxigraph looks up every term of every
    triple it reads, so a record of seven triples cost seven times as much (measured at
    10,000 articles: 0.9 s CPU, 0.1 s packed). Records stored a field per triple, as builds
    before it wrote them, are read too (and rewritten packed at the end of the build).
    """
    found = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{BUILD_GRAPH}> {{ ?s ?p ?o }} }}")
    table = csv.reader(io.StringIO(found.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8"), newline=""))
    next(table, None)  # the header
    by_node: dict[str, dict[str, str]] = {}
    for subject, predicate, value in table:
        by_node.setdefault(subject, {})[predicate[len(BUILD_NS):]] = value
    records, other = {}, {}
    for node, values in by_node.items():
        if node.startswith("urn:claimgraph:source:") and "record" in values:
            packed = json.loads(values["record"])
            records[packed["source"]] = _Record(**{name: packed.get(key, "") for key, name in _RECORD_FIELDS})
        elif node.startswith("urn:claimgraph:source:") and {"source", "article", "text", "hash"} <= values.keys():
            records[values["source"]] = _Record(values["source"], values["article"], values["text"], values["hash"],
                                                values.get("stat", ""), values.get("statements", ""),
                                                values.get("triples", ""), packed=False)
        else:
            for key, value in values.items():
                other[f"{node}#{key}"] = value
    return records, other


def _record_quads(terms: _Terms, record: _Record) -> list:
    """An article's build record: one triple, its fields packed (see :func:`_read_records`)."""
    packed = {key: getattr(record, name) for key, name in _RECORD_FIELDS if getattr(record, name)}
    return [terms.ox.Quad(terms.iri(_source_node(record.source)), terms.iri(BUILD_NS + "record"),
                          terms.ox.Literal(json.dumps(packed, ensure_ascii=False, sort_keys=True)),
                          terms.iri(BUILD_GRAPH))]


def _file_stats(source: str, text: str) -> str:
    """Size and modification time of an annotation and its text; '' for a raw article, whose
    draft also depends on the extractor's version."""
    if source.endswith(".txt"):
        return ""
    first, second = os.stat(source), os.stat(text)
    return f"{first.st_size}:{first.st_mtime_ns}:{second.st_size}:{second.st_mtime_ns}"


def _unchanged(source: str, record: _Record | None, draft: tuple = NO_DRAFT_OPTIONS) -> bool:
    """Whether an article is as recorded: same file sizes and times (as git and make decide),
    else the same content hash."""
    if record is None:
        return False
    try:
        if record.stat and _file_stats(source, record.text) == record.stat:
            return True
        yaml_bytes = source_bytes(Path(source), draft)
        text_bytes = Path(record.text).read_bytes()
    except OSError:
        return False
    return content_hash(yaml_bytes, text_bytes) == record.digest


def _with_view(quads: list) -> list:
    """Named-graph quads plus their copies in the default graph, the deduplicated union view."""
    default = ox.DefaultGraph()
    return quads + [ox.Quad(q.subject, q.predicate, q.object, default) for q in quads]


def _removal(article_id: str, source: str) -> str:
    """SPARQL update removing one article: its share of the union view, its named graph, its
    description, its build record."""
    return (f"{unview(graph_iri(article_id))} ;\n"
            f"DROP SILENT GRAPH <{graph_iri(article_id)}> ;\n"
            f"DELETE WHERE {{ <{article_iri(article_id)}> ?p ?o }} ;\n"
            f"DELETE WHERE {{ GRAPH <{BUILD_GRAPH}> {{ <{_source_node(source)}> ?p ?o }} }}")


def _insert_data(quads) -> str:
    lines = []
    for q in quads:
        if isinstance(q.graph_name, ox.DefaultGraph):
            lines.append(f"{q.subject} {q.predicate} {q.object} .")
        else:
            lines.append(f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}")
    return "INSERT DATA {\n" + "\n".join(lines) + "\n}"


_GC_PUBLISHERS = """
DELETE { ?publisher ?p ?o }
WHERE {
  ?publisher a <https://schema.org/Organization> ; ?p ?o .
  FILTER NOT EXISTS { ?article <https://schema.org/publisher> ?publisher }
}"""


class _Writer:
    """Commits batches in a background thread while the next batch is being built.

    Each batch is written in one step, so it is either wholly in the store or not at all:
    a batch of new articles goes through Oxigraph's bulk loader (``Store.bulk_extend``),
    which writes sorted files and ingests them with one RocksDB call, atomic across its
    column families, as long as the batch stays under the loader's own batch size
    (:data:`BULK_BATCH_QUADS`); a batch that must also delete old data is one
    ``Store.update`` transaction. Measured at 1,000 articles: the bulk path writes in a
    fifth of the time of a ``Store.load`` transaction.
    """

    def __init__(self, store):
        self.store = store
        self.queue: queue.Queue = queue.Queue(maxsize=2)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="claimgraph-store-writer", daemon=True)
        self.thread.start()

    def _run(self):
        while True:
            job = self.queue.get()
            if job is None:
                return
            removals, quads = job
            if self.error is not None:
                continue
            try:
                if removals:
                    inserts = _insert_data(ox.parse(quads, format=ox.RdfFormat.N_QUADS))
                    self.store.update(" ;\n".join(removals + [inserts]))
                else:  # bulk_load on bytes releases the GIL (bulk_extend over Python objects does not)
                    self.store.bulk_load(quads, format=ox.RdfFormat.N_QUADS)
            except BaseException as exc:  # reported by the main thread
                self.error = exc

    def submit(self, removals: list[str], nquads: bytes) -> None:
        """Queue one batch: SPARQL updates removing old data, and the new data as N-Quads."""
        self.check()
        if removals or nquads:
            self.queue.put((removals, nquads))

    def check(self):
        if self.error is not None:
            if is_damage(self.error):
                raise damaged(self.error) from None
            raise ClaimgraphError(f"cannot write the store: {self.error}") from None

    def close(self):
        self.queue.put(None)
        self.thread.join()
        self.check()


def _conformance_error(source: Path, article_id: str, report: str) -> ClaimgraphError:
    return ValidationError(f"{source}: graph {graph_iri(article_id)} does not conform to ontology/shapes.ttl: "
                           f"{first_message(report)} (run `claimgraph validate` for the full report)")


def _ontology_digest() -> str:
    return hashlib.sha256((ontology_path() / "claims.ttl").read_bytes()).hexdigest()


def _ontology_quads(terms: _Terms) -> tuple[list, str]:
    path = ontology_path() / "claims.ttl"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return terms.quads(Graph().parse(path, format="turtle"), terms.iri(ONTOLOGY_GRAPH)), digest


@dataclass
class _Prepared:
    """One changed article, loaded, converted and checked, ready for the store."""

    record: _Record  # what the build graph records of it
    nquads: bytes  # its named graph, that graph's share of the union view, its description, its build record
    quads: int


_PROCESS_TERMS: list = []


def prepare_article(source: str, validate: bool = True, draft: tuple = NO_DRAFT_OPTIONS) -> _Prepared:
    """Load, convert and (with ``validate``) check one article against the shapes.

    Everything a build does to an article that needs no store, so that it can run in a
    worker process; raises the article's :class:`AnnotationError` or ``ValidationError``.
    """
    if not _PROCESS_TERMS:
        _PROCESS_TERMS.append(_Terms())
    terms = _PROCESS_TERMS[0]
    path = Path(source)
    text_path = str(path.with_suffix(".txt").resolve())
    try:  # before reading: a file changed after this is seen as changed at the next build
        stats = _file_stats(source, text_path)
    except OSError:
        stats = ""  # the loader says what is missing
    annotation = load_source(path, draft)
    article_id = annotation.article.id
    if str(annotation.article.text_path.resolve()) != text_path:
        stats = ""
    digest = content_hash(source_bytes(path, draft), annotation.article.text.encode("utf-8"))
    content, description = _Triples(), _Triples()
    article_graph(content, annotation)
    article_metadata(description, annotation, digest)
    # The default-graph triples are both what is validated (the article alone) and what the
    # article adds to the store's default graph (its share of the union view, its description).
    lines = terms.lines(content + description)
    default = "".join([line + " .\n" for line in lines]).encode("utf-8")
    if validate:
        conforms, report = check_article(default)
        if not conforms:
            raise _conformance_error(path, article_id, report)
    graph = terms.text(URIRef(graph_iri(article_id)))
    named = [f"{line} {graph} .\n" for line in lines[:len(content)]]
    claim, same = CG + "claim", str.__eq__  # plain str comparison: rdflib's __eq__ is Python code
    record = _Record(source, article_id, str(annotation.article.text_path.resolve()), digest, stats,
                     str(len({str(s) for s, p, o in content if same(p, claim)})), str(len(set(named))))
    nquads = "".join(named).encode("utf-8") + default + ox.serialize(_record_quads(terms, record),
                                                                     format=ox.RdfFormat.N_QUADS)
    return _Prepared(record, nquads, len(named) + len(lines) + 1)


def _start_workers(jobs: int, articles: int):
    """A pool of ``jobs`` worker processes for :func:`prepare_article`, or None when the
    build is too small to pay for them (or ``jobs`` is 1).

    Workers are forked, and forked before the store is opened or any thread of ours
    starts, so they copy a process with no RocksDB or writer threads. A fork server or
    spawned workers would re-run the caller's main script, which breaks scripts and
    notebooks that lack an ``if __name__ == "__main__"`` guard.
    """
    if jobs <= 1 or articles < PARALLEL_MIN_ARTICLES:
        return None
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform: build in this process
        return None
    return context.Pool(jobs, initializer=_ignore_interrupts)


def _ignore_interrupts():
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle


def _prepare_all(sources: list[str], validate: bool, workers, draft: tuple = NO_DRAFT_OPTIONS):
    """:func:`prepare_article` for each source, in order, in the ``workers`` pool if there is
    one. An article's error is raised here, at its place in the order, after every article
    before it has been yielded."""
    if workers is None:
        for source in sources:
            yield prepare_article(source, validate, draft)
        return
    for prepared in workers.imap(functools.partial(_prepare_or_error, validate=validate, draft=draft), sources,
                                 chunksize=8):
        if isinstance(prepared, ClaimgraphError):
            raise prepared
        yield prepared


def _prepare_or_error(source: str, validate: bool, draft: tuple = NO_DRAFT_OPTIONS):
    """:func:`prepare_article`, with the article's error returned rather than raised: a
    worker raising would lose the other articles of its chunk."""
    try:
        return prepare_article(source, validate, draft)
    except ClaimgraphError as exc:
        return exc.with_traceback(None)


#: More workers than this leave the one store writer behind, and cost memory (~150 MB each).
MAX_DEFAULT_JOBS = 4


def default_jobs() -> int:
    """Worker processes for a build: one per core the process may use, at most
    :data:`MAX_DEFAULT_JOBS`."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_JOBS))


def _resolved(paths: list[str]) -> list[str]:
    """The real path (``os.path.realpath``) of each path, each folder resolved and listed once: a
    file that is no symbolic link resolves to its folder's real path and its name (10,000
    files: 0.1 s rather than 0.7 s)."""
    folders: dict[str, tuple[str, set[str] | None]] = {}
    found = []
    for path in paths:
        parent, name = os.path.split(path)
        folder = folders.get(parent)
        if folder is None:
            try:
                with os.scandir(parent or ".") as entries:
                    links = {entry.name for entry in entries if entry.is_symlink()}
            except OSError:
                links = None  # resolved one by one below
            folder = folders[parent] = (str(Path(parent or ".").resolve()), links)
        if folder[1] is None or name in folder[1]:
            found.append(str(Path(path).resolve()))
        else:
            found.append(os.path.join(folder[0], name))
    return found


def _build_incremental(paths, output, validate, store_dir: Path, progress, batch_articles, extract,
                       jobs, prune, compact, draft=NO_DRAFT_OPTIONS) -> BuildResult:
    started = time.perf_counter()
    sources = _resolved(annotation_paths(paths, extract))  # errors out before touching the store
    folders = {str(Path(p).resolve()) for p in paths if Path(p).is_dir()}
    files = {str(Path(p).resolve()) for p in paths if not Path(p).is_dir()}

    def in_scope(source: str) -> bool:
        """Whether a recorded article belongs to this build's inputs (so its file's absence means removal)."""
        return prune or source in files or str(Path(source).parent) in folders

    workers = _start_workers(jobs, len(sources))
    try:
        return _build_into_store(sources, output, validate, store_dir, progress, batch_articles, workers, started,
                                 in_scope, compact, draft)
    except (OSError, RuntimeError) as exc:
        if is_damage(exc):
            raise damaged(exc, store_dir) from None
        raise
    finally:
        if workers is not None:
            workers.terminate()


def _build_into_store(sources, output, validate, store_dir, progress, batch_articles, workers,
                      started, in_scope, compact, draft=NO_DRAFT_OPTIONS) -> BuildResult:
    store = open_store(store_dir, write=True)
    terms = _Terms()
    records, other = _read_records(store)
    result = BuildResult(output=Path(output) if output else None, store=store_dir)
    counted = _recorded_counts(records, other)  # (document quads, links graph triples) before this build

    unchanged = {s for s in sources if _unchanged(s, records.get(s), draft)}
    changed = [s for s in sources if s not in unchanged]
    present = set(sources)
    gone = [r for s, r in records.items() if s not in present and in_scope(s)]
    others = {s: r for s, r in records.items() if s not in present and not in_scope(s)}
    # article id -> annotation file, to catch duplicates (an article of another input counts too)
    owner = {records[s].article: s for s in unchanged} | {r.article: s for s, r in others.items()}
    result.unchanged, result.removed, result.kept = len(unchanged), len(gone), len(others)

    # Ontology and deleted articles first, in one transaction.
    ontology_digest = _ontology_digest()
    ontology = None  # parsed only when it changed (rdflib: 0.2 s)
    first_updates = [_removal(r.article, r.source) for r in gone]
    if other.get("urn:claimgraph:ontology#hash") != ontology_digest:
        ontology, ontology_digest = _ontology_quads(terms)
        hash_quad = ox.Quad(terms.iri("urn:claimgraph:ontology"), terms.iri(BUILD_NS + "hash"),
                            ox.Literal(ontology_digest), terms.iri(BUILD_GRAPH))
        first_updates = [unview(ONTOLOGY_GRAPH), f"DROP SILENT GRAPH <{ONTOLOGY_GRAPH}>",
                         f"DELETE WHERE {{ GRAPH <{BUILD_GRAPH}> {{ <urn:claimgraph:ontology> ?p ?o }} }}",
                         _insert_data(_with_view(ontology) + [hash_quad])] + first_updates
    if other.get("urn:claimgraph:layout#version") != LAYOUT_VERSION:
        # a store from before the union view: build the view once, then keep it up to date
        layout = ox.Quad(terms.iri("urn:claimgraph:layout"), terms.iri(BUILD_NS + "version"),
                         ox.Literal(LAYOUT_VERSION), terms.iri(BUILD_GRAPH))
        first_updates += [MATERIALIZE_UNION,
                          f"DELETE WHERE {{ GRAPH <{BUILD_GRAPH}> {{ <urn:claimgraph:layout> ?p ?o }} }}",
                          _insert_data([layout])]
    # Until this build finishes, readers are told the store is being (or was not wholly) built.
    first_updates.append(mark_status("building", other))
    store.update(" ;\n".join(first_updates))

    writer = _Writer(store)
    pending: list[tuple[list[str], bytes]] = []  # prepared articles not yet handed to the writer
    last_commit = time.perf_counter()
    done = pending_quads = 0

    # what adding a few new articles adds to the document descriptions, for the counts: the
    # articles' own, and their publishers' (whose triples other articles may share)
    added_documents: dict | None = {} if counted and not gone and len(changed) <= _COUNT_ADDED_MAX else None
    commits = []

    def commit():
        if pending:
            commits.append(len(pending))
        writer.submit([r for p in pending for r in p[0]], b"".join(p[1] for p in pending))
        pending.clear()

    built: dict[str, _Record] = {}  # what the build graph now records of the changed articles
    prepared_articles = _prepare_all(changed, validate, workers, draft)
    try:
        for prepared in prepared_articles:
            source, article_id = prepared.record.source, prepared.record.article
            if article_id in owner:
                raise AnnotationError(source, f"duplicate article id {article_id!r} (also in {owner[article_id]}); "
                                      f"give each article its own id", field="article.id")
            owner[article_id] = source
            removals: list[str] = []
            old = records.get(source)
            if old is not None:
                removals.append(_removal(old.article, old.source))
                if old.article != article_id:
                    removals.append(_removal(article_id, source))
                result.updated += 1
            else:
                if records and any(True for _ in store.quads_for_pattern(
                        terms.iri(str(article_iri(article_id))), None, None, ox.DefaultGraph())):
                    removals.append(_removal(article_id, source))  # left over from a moved file
                result.added += 1
            if added_documents is not None:
                if removals or commits:
                    added_documents = None
                else:
                    _note_added_documents(store, prepared.nquads, added_documents)
            pending.append((removals, prepared.nquads))
            built[source] = prepared.record
            done += 1
            pending_quads += prepared.quads
            if (len(pending) >= batch_articles or pending_quads >= BULK_BATCH_QUADS
                    or time.perf_counter() - last_commit > BATCH_SECONDS):
                commit()
                last_commit, pending_quads = time.perf_counter(), 0
            if progress:
                progress(done, len(changed))
        commit()
    except KeyboardInterrupt:
        prepared_articles.close()
        in_flight = len(pending)
        writer.close()  # the batches already handed over are committed; the one being built is dropped
        raise ClaimgraphError(f"interrupted: {done - in_flight:,} of {len(changed):,} changed article(s) were "
                              f"saved to {store_dir}; run the build again to finish") from None
    except BaseException:
        prepared_articles.close()
        try:
            commit()  # the articles before the bad one are loaded, converted and checked: keep them
        finally:
            writer.close()
        raise
    writer.close()
    if result.updated or result.removed:
        store.update(_GC_PUBLISHERS)
    relink = other.get(f"{LINKS_RECORD}#version") != LINKS_VERSION
    if built or gone or relink:
        changed_articles = {str(article_iri(r.article)) for r in built.values()}
        removed_articles = {str(article_iri(r.article)) for r in gone}
        removed_articles |= {str(article_iri(records[s].article)) for s in built if s in records} - changed_articles
        if relink:  # a store linked by another version (or never): link every article again
            gone_sources = {r.source for r in gone}
            stored = {s: r for s, r in records.items() if s not in gone_sources} | built
            changed_articles |= {str(article_iri(r.article)) for r in stored.values()}
        try:
            added_only = not removed_articles and not any(s in records for s in built)
            result.links = update_links(store, changed_articles, removed_articles, everything=relink,
                                        added_only=added_only)
            if relink:
                version = ox.Quad(terms.iri(LINKS_RECORD), terms.iri(BUILD_NS + "version"),
                                  ox.Literal(LINKS_VERSION), terms.iri(BUILD_GRAPH))
                store.update(f"DELETE WHERE {{ GRAPH <{BUILD_GRAPH}> {{ <{LINKS_RECORD}> ?p ?o }} }} ;\n"
                             + _insert_data([version]))
        except LinkError as exc:
            everyone = {**records, **built}
            raise _link_error(exc, {str(graph_iri(r.article)): r.source for r in everyone.values()}) from None

    # What the store now holds, for the report and the export decision.
    records = {s: r for s, r in records.items() if s in present} | built  # this build's inputs
    result.articles = sorted(r.article for r in records.values())
    state = hashlib.sha256("\n".join(sorted(f"{r.article} {r.digest}" for r in records.values()))
                           .encode() + ontology_digest.encode() + LINKS_VERSION.encode()).hexdigest()
    result.exported = False
    if output is not None:
        output = Path(output)
        key = str(output.resolve())
        try:
            stat = output.stat()
            fresh = (other.get("urn:claimgraph:export#file") == key and other.get("urn:claimgraph:export#state") == state
                     and other.get("urn:claimgraph:export#size") == str(stat.st_size)
                     and other.get("urn:claimgraph:export#mtime") == str(stat.st_mtime_ns))
        except OSError:
            fresh = False
        if not fresh:
            export_trig(store, output, articles={article_iri(r.article) for r in records.values()})
            stat = output.stat()
            node, graph = terms.iri("urn:claimgraph:export"), terms.iri(BUILD_GRAPH)
            mark = [ox.Quad(node, terms.iri(BUILD_NS + k), ox.Literal(v), graph)
                    for k, v in (("file", key), ("state", state), ("size", str(stat.st_size)),
                                 ("mtime", str(stat.st_mtime_ns)))]
            store.update(f"DELETE WHERE {{ GRAPH <{BUILD_GRAPH}> {{ <urn:claimgraph:export> ?p ?o }} }} ;\n"
                         + _insert_data(mark))
            result.exported = True
    missing = [r for r in records.values() if not (r.statements and r.triples)]
    if missing:  # a store built before the records had counts: count once, keep them
        records.update((r.source, replace(r, packed=False)) for r in _fill_counts(store, missing))
    legacy = [r for r in records.values() if not r.packed]
    if legacy:  # records of a store built before they were packed (or had counts): rewritten once
        store.extend([q for r in legacy for q in _record_quads(terms, r)])  # read before the old triples
        old_fields = [ox.NamedNode(BUILD_NS + key) for key, _ in _RECORD_FIELDS]
        graph = ox.NamedNode(BUILD_GRAPH)
        for record in legacy:
            node = ox.NamedNode(_source_node(record.source))
            for predicate in old_fields:
                for quad in list(store.quads_for_pattern(node, predicate, None, graph)):
                    store.remove(quad)
    known = None
    if (counted and not others and not gone and not relink and (not built or added_documents is not None)
            and (result.links is None or result.links.exact) and other.get("urn:claimgraph:layout#version") == LAYOUT_VERSION):
        known = (counted[0] + _added_documents(store, added_documents or {}),
                 counted[1] + (result.links.added - result.links.removed if result.links else 0))
    documents, links = known or _document_and_link_counts(store, records.values(), bool(others))
    if ontology is None:  # as stored, which is as parsed (a set of triples)
        found = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}")
        ontology_triples = int(next(iter(found))["n"].value)
    else:
        ontology_triples = len(set(ontology))
    result.statements, result.triples = _counts(store, records.values(), ontology_triples, bool(others),
                                                (documents, links))
    if built or gone:
        result.warnings = actor_conflicts(_actor_uses(store, built.values(), records | others))
    finish = [mark_status("complete", other)]
    if not others:  # the counts, for the next build to start from
        node = terms.iri(_COUNTS)
        finish[:0] = [f"DELETE WHERE {{ GRAPH <{BUILD_GRAPH}> {{ <{_COUNTS}> ?p ?o }} }}", _insert_data(
            [ox.Quad(node, terms.iri(BUILD_NS + k), ox.Literal(v), terms.iri(BUILD_GRAPH))
             for k, v in (("documents", str(documents)), ("links", str(links)), ("key", _counts_key(records)))])]
    store.update(" ;\n".join(finish))
    churn = result.updated + result.removed
    if compact or (compact is None and (churn >= max(100, (len(records) + len(others)) // 5) or len(legacy) >= 100)):
        store.optimize()
        result.compacted = True
    store.flush()
    result.seconds = time.perf_counter() - started
    return result


#: Above this many changed articles the actor check screens every actor of the union view.
_ACTOR_CHECK_VALUES = 500


def _actor_uses(store, changed, records: dict[str, _Record]) -> list[ActorUse]:
    """How every article describes the actors of the changed articles (label and leaf type per
    named graph), for :func:`actor_conflicts`.

    An actor the whole corpus gives one label and one type (read from the union view, a few
    triples each) cannot be described two ways: only the others are looked up graph by
    graph (measured at 10,000 articles: 1.9 s for one changed article's actors, each used by
    thousands of articles, read per graph; 0.02 s so). Above :data:`_ACTOR_CHECK_VALUES`
    changed articles every actor of the union view is screened so (a full build at 10,000
    articles: 10 s CPU reading every article's actors graph by graph, 0.14 s so)."""
    source_of = {str(graph_iri(r.article)): r.source for r in records.values()}
    changed = list(changed)
    actor = f"<{vocab.CG}Actor>"
    if len(changed) <= _ACTOR_CHECK_VALUES:
        graphs = " ".join(f"<{graph_iri(r.article)}>" for r in changed)
        actors = f"{{ SELECT DISTINCT ?a WHERE {{ VALUES ?changed {{ {graphs} }} GRAPH ?changed {{ ?a a {actor} }} }} }}"
    else:
        actors = f"?a a {actor} ."
    described: dict[str, set] = {}
    for row in store.query(f"""SELECT DISTINCT ?a ?label ?type WHERE {{ {actors}
            ?a a ?type ; <{vocab.RDFS}label> ?label FILTER (?type != {actor}) }}"""):
        described.setdefault(row["a"].value, set()).add((row["label"].value, row["type"].value))
    twofold = sorted(a for a, ways in described.items()
                     if len({w[0] for w in ways}) > 1 or len({w[1] for w in ways}) > 1)
    if not twofold:
        return []
    found = store.query(f"""SELECT DISTINCT ?g ?a ?label ?type WHERE {{ VALUES ?a {{ {" ".join(f"<{a}>" for a in twofold)} }}
        GRAPH ?g {{ ?a a {actor} ; a ?type ; <{vocab.RDFS}label> ?label }} FILTER (?type != {actor}) }}""")
    return [ActorUse(row["a"].value, row["label"].value, row["type"].value, source_of.get(row["g"].value, row["g"].value))
            for row in found]


#: The build record of the store's document and links triple counts (``BUILD_NS`` documents,
#: links, and key: :func:`_counts_key` of the records they count).
_COUNTS = "urn:claimgraph:counts"
#: Up to this many added articles, a build adds their document triples to the recorded count.
_COUNT_ADDED_MAX = 100
_PUBLISHER = "https://schema.org/publisher"


def _counts_key(records) -> str:
    """What the recorded counts are of: every recorded article and its content, and the
    linking version (the links graph follows from those)."""
    records = records.values() if isinstance(records, dict) else records
    text = "\n".join(sorted(f"{r.article} {r.digest}" for r in records)) + "\n" + LINKS_VERSION
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _recorded_counts(records: dict[str, _Record], other: dict[str, str]) -> tuple[int, int] | None:
    """(document quads, links graph triples) as the last build recorded them, when they are
    the store's now: that build completed, and the articles are those it counted."""
    try:
        counts = (int(other[f"{_COUNTS}#documents"]), int(other[f"{_COUNTS}#links"]))
    except (KeyError, ValueError):
        return None
    if other.get("urn:claimgraph:state#status") != "complete" or other.get(f"{_COUNTS}#key") != _counts_key(records):
        return None
    return counts


def _note_added_documents(store, nquads: bytes, noted: dict) -> None:
    """Before an added article is written: its IRI, and how many document triples each of
    its publishers has now (none unless another article has it already)."""
    default = ox.DefaultGraph()
    for quad in ox.parse(nquads, format=ox.RdfFormat.N_QUADS):
        if isinstance(quad.graph_name, ox.DefaultGraph) and quad.predicate.value == _PUBLISHER:
            noted.setdefault(("article", quad.subject.value), 0)
            publisher = quad.object
            if ("publisher", publisher.value) not in noted:
                shared = any(True for _ in store.quads_for_pattern(None, quad.predicate, publisher, default))
                noted[("publisher", publisher.value)] = (
                    sum(1 for _ in store.quads_for_pattern(publisher, None, None, default)) if shared else 0)
        elif isinstance(quad.graph_name, ox.DefaultGraph) and quad.predicate.value == CG + "namedGraph":
            noted.setdefault(("article", quad.subject.value), 0)


def _added_documents(store, noted: dict) -> int:
    """How many document triples the noted articles added (see :func:`_note_added_documents`)."""
    default = ox.DefaultGraph()
    return sum(sum(1 for _ in store.quads_for_pattern(ox.NamedNode(iri), None, None, default)) - before
               for (_, iri), before in noted.items())


def _document_and_link_counts(store, records, others: bool = False) -> tuple[int, int]:
    """(document quads, links graph triples), counted in the store: of these articles only
    when the store has articles of other inputs too."""
    records = list(records)
    if others:
        documents = sum(1 for _ in document_quads(store, {article_iri(r.article) for r in records}))
    else:
        documents = count_document_quads(store)
    if others:  # the links among these articles only, as the export filters them
        links = len(links_among(list(store.quads_for_pattern(None, None, None, ox.NamedNode(vocab.LINKS_GRAPH))),
                                {article_iri(r.article) for r in records}))
    else:
        found = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{vocab.LINKS_GRAPH}> {{ ?s ?p ?o }} }}")
        links = int(next(iter(found))["n"].value)
    return documents, links


def _counts(store, records, ontology_triples: int, others: bool = False,
            known: tuple[int, int] | None = None) -> tuple[int, int]:
    """(statements, triples) of these articles, as their export holds them: summed from the
    articles' build records (counting 26M triples in Oxigraph takes 30 s), and the document
    and links triples (``known``, else counted). With articles of other inputs in the store,
    their document descriptions are left out of the count."""
    records = list(records)
    documents, links = known if known is not None else _document_and_link_counts(store, records, others)
    return (sum(int(r.statements) for r in records),
            sum(int(r.triples) for r in records) + ontology_triples + documents + links)


def _fill_counts(store, records) -> list[_Record]:
    """The records with their statement and triple counts, counted in the store (for
    stores built before the build records had them)."""
    triples = {row["g"].value: row["n"].value for row in store.query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
    statements = {row["g"].value: row["n"].value for row in store.query(
        "SELECT ?g (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s <https://w3id.org/claimgraph/ns#claim> ?c } } "
        "GROUP BY ?g")}
    filled = []
    for record in records:
        graph = str(graph_iri(record.article))
        filled.append(replace(record, statements=statements.get(graph, "0"), triples=triples.get(graph, "0")))
    return filled


class Progress:
    """Progress of a long build on stderr: count, rate and ETA.

    On a terminal one line is redrawn; otherwise a line is printed every ``every`` seconds.
    Nothing is printed for builds that finish within ``quiet`` seconds.
    """

    def __init__(self, stream=None, quiet: float = 1.0, every: float = 10.0, label: str = "articles"):
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.quiet, self.every, self.label = quiet, (0.2 if self.tty else every), label
        self.started = time.perf_counter()
        self.last = 0.0
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        now = time.perf_counter()
        elapsed = now - self.started
        if done < total and (elapsed < self.quiet or now - self.last < self.every):
            return
        if done == total and not self.shown:
            return
        self.last = now
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = (total - done) / rate if rate > 0 else 0.0
        line = (f"{done:,}/{total:,} {self.label} ({100 * done / max(total, 1):.0f}%), {rate:,.0f}/s, "
                f"ETA {int(eta // 60)}:{int(eta % 60):02d}")
        self.shown = True
        if self.tty:
            self.stream.write("\r" + line + ("\n" if done == total else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
