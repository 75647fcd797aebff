"""Load and check annotation files (``NAME.yaml`` beside ``NAME.txt``).

The schema is documented in ``seeds/README.md``. Every mistake raises
:class:`AnnotationError` naming the file, the line and the field, because analysts
edit these files by hand and need to know exactly where to look.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import yaml

from .errors import AnnotationError
from .fileio import read_text_file
from .model import (
    Actor,
    Affiliation,
    Annotation,
    Article,
    Claim,
    Mediation,
    Span,
    Statement,
)
from .vocab import ACTOR_TYPES, MEDIATION_STATUSES, METHODS, OUTCOME_TYPES, RELATIONS, STANCES

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")


# --- YAML with line numbers -------------------------------------------------------


class _Map(dict):
    """A mapping that remembers the line of each key (1-based)."""

    line: int = 0
    key_lines: dict


class _Seq(list):
    line: int = 0
    item_lines: list


#: Deepest nesting an annotation may have; the schema needs 4 levels. Refused before
#: construction, which recurses once per level.
MAX_DEPTH = 32
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader that keeps line numbers so errors can point into the file.

    Built on libyaml's parser when PyYAML has it (measured: parsing was 70% of a store
    build with the pure-Python parser); the constructors, and so the checks, are the same.
    Dates are left as text and checked by the loader (YAML's own timestamp constructor
    raises unlocated errors on dates such as 2025-02-30), and a value YAML cannot build
    (an ``!!int ""``, a 5,000-digit number) becomes a located error.
    """

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep=deep)
        except yaml.MarkedYAMLError:
            raise
        except (ValueError, TypeError, IndexError, OverflowError, AttributeError) as exc:
            reason = str(exc).split(";")[0] or type(exc).__name__
            if "integer string conversion" in reason:
                reason = "number too long"
            text = node.value if isinstance(node.value, str) else ""
            shown = repr(text if len(text) <= 30 else text[:30] + "...")
            raise yaml.constructor.ConstructorError(
                problem=f"cannot read {shown} as {node.tag.rsplit(':', 1)[-1]} ({reason})",
                problem_mark=node.start_mark) from None


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Map:
    loader.flatten_mapping(node)
    result = _Map()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(problem="a key must be plain text, not a list or a mapping",
                                                    problem_mark=key_node.start_mark)
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.MarkedYAMLError(problem=f"duplicate key {key!r}", problem_mark=key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> _Seq:
    result = _Seq(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


# --- field access with locations ---------------------------------------------------


class _Reader:
    """Pulls typed fields out of the YAML tree, raising located errors."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, message: str, node: Any = None, key: Any = None, field: str | None = None):
        line = None
        if isinstance(node, _Map):
            line = node.key_lines.get(key, node.line) if key is not None else node.line
        elif isinstance(node, _Seq):
            line = node.item_lines[key] if isinstance(key, int) and key < len(node.item_lines) else node.line
        raise AnnotationError(self.path, message, line, field)

    def mapping(self, node: Any, field: str, parent: Any = None, key: Any = None) -> _Map:
        if not isinstance(node, _Map):
            self.fail(f"must be a mapping (key: value), got {_kind(node)}", parent, key, field)
        return node

    def sequence(self, node: _Map, key: str, field: str, required: bool = False) -> _Seq:
        value = node.get(key)
        if value is None:
            if required:
                self.fail("is required", node, None, field)
            return _Seq()
        if not isinstance(value, _Seq):
            self.fail(f"must be a list, got {_kind(value)}", node, key, field)
        return value

    def string(self, node: _Map, key: str, field: str, required: bool = True, choices=None, pattern=None) -> str | None:
        value = node.get(key)
        if value is None or value == "":
            if required:
                self.fail("is required", node, key if key in node else None, field)
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.fail(f"must be text, got {_kind(value)}", node, key, field)
        if choices and value not in choices:
            self.fail(f"{value!r} is not one of: {', '.join(choices)}", node, key, field)
        if pattern and not pattern.match(value):
            self.fail(f"{value!r} is not a valid id (lower-case letters, digits and '-')", node, key, field)
        return value

    def strings(self, node: _Map, key: str, field: str) -> list[str]:
        seq = self.sequence(node, key, field)
        out = []
        for i, item in enumerate(seq):
            if not isinstance(item, str) or not item:
                self.fail(f"must be text, got {_kind(item)}", seq, i, f"{field}[{i}]")
            out.append(item)
        return out

    def date(self, node: _Map, key: str, field: str, required: bool = True) -> dt.date | None:
        value = node.get(key)
        if value is None:
            if required:
                self.fail("is required (YYYY-MM-DD)", node, None, field)
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            for parse in (dt.date.fromisoformat, lambda v: dt.datetime.fromisoformat(v).date()):
                try:
                    return parse(value.strip())
                except ValueError:
                    pass
        self.fail(f"{value!r} is not a date (YYYY-MM-DD)", node, key, field)

    def known_keys(self, node: _Map, allowed: tuple[str, ...], field: str):
        for key in node:
            if key not in allowed:
                self.fail(f"unknown field {key!r} (allowed: {', '.join(allowed)})", node, key, f"{field}.{key}")


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    for cls, name in ((bool, "true/false"), (dict, "a mapping"), (list, "a list"), (str, "text")):
        if isinstance(value, cls):
            return name
    return type(value).__name__


# --- the loader -------------------------------------------------------------------

ARTICLE_KEYS = ("id", "text", "title", "date", "publisher", "url")
ACTOR_KEYS = ("id", "label", "type", "aliases", "wikidata", "affiliations")
CLAIM_KEYS = ("id", "label", "subject", "relation", "object", "verb", "contradicts", "same_as", "not_same_as")
#: A claim of another article, as ``same_as``/``not_same_as`` name it: ``ARTICLE-ID:CLAIM-ID``.
CLAIM_REF = re.compile(r"^[a-z0-9][a-z0-9-]*:[a-z0-9][a-z0-9-]*$")
STATEMENT_KEYS = ("id", "stance", "speaker", "on_behalf_of", "claim", "about", "sentence", "span",
                  "date", "method", "confidence", "extractor", "hedge")
MEDIATION_KEYS = ("id", "label", "mediators", "parties", "place", "status", "outcome", "outcome_type",
                  "follows", "sentence", "date", "method")
TOP_KEYS = ("article", "actors", "claims", "statements", "mediations")


def load_annotation(path: Path | str) -> Annotation:
    """Load one annotation file and its article text, checking every rule of the schema."""
    path = Path(path)
    return parse_annotation(read_text_file(path, "annotation file"), path)


def parse_annotation(source: str, path: Path | str) -> Annotation:
    """Check annotation YAML text; ``path`` names it in errors and anchors the article's ``text:`` path.

    Machine drafts go through here too (with the path they would be saved at), so a
    draft is held to exactly the rules of a curated file.
    """
    path = Path(path)
    loader = _LineLoader(source)
    root = None
    try:
        root = loader.get_single_node()
        _check_depth(root, path)
        tree = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        field = _field_at(root, mark) if root is not None and mark else None
        raise AnnotationError(path, f"malformed YAML: {exc.problem or exc.context}", line, field) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line = source[:exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        raise AnnotationError(path, f"malformed YAML: character {exc.character!r} is not allowed "
                                    f"({exc.reason}); remove it", line) from None
    except yaml.YAMLError as exc:
        raise AnnotationError(path, "malformed YAML: " + " ".join(str(exc).split())) from None
    finally:
        loader.dispose()
    r = _Reader(path)
    if not isinstance(tree, _Map):
        raise AnnotationError(path, "must be a YAML mapping with an 'article' section (see seeds/README.md)", 1)
    r.known_keys(tree, TOP_KEYS, "top level")

    article = _load_article(r, tree, path)
    actors = _load_actors(r, tree)
    actor_ids = {a.id for a in actors}
    claims = _load_claims(r, tree, actor_ids, article.id)
    statements, extra_claims = _load_statements(r, tree, article, actor_ids, {c.id for c in claims})
    mediations = _load_mediations(r, tree, article, actor_ids)

    actor_by_id = {a.id: a for a in actors}
    for st in statements:
        if st.on_behalf_of is None and st.speaker and actor_by_id[st.speaker].affiliations:
            st.on_behalf_of = actor_by_id[st.speaker].affiliations[0].actor
    return Annotation(path, article, actors, claims + extra_claims, statements, mediations, source=source)


def _check_depth(root, path: Path) -> None:
    """Refuse YAML nested deeper than :data:`MAX_DEPTH` (walked without recursion)."""
    stack = [(root, 1)] if root is not None else []
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise AnnotationError(path, f"malformed YAML: nested more than {MAX_DEPTH} levels deep",
                                  node.start_mark.line + 1)
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend((child, depth + 1) for pair in node.value for child in pair)


def _field_at(root, mark) -> str | None:
    """The field path (``statements[2].confidence``) of the node at ``mark``, for error messages."""
    def walk(node, where):
        if node.start_mark.index == mark.index and node.start_mark.line == mark.line:
            return where
        if isinstance(node, yaml.SequenceNode):
            for i, child in enumerate(node.value):
                found = walk(child, f"{where}[{i}]")
                if found is not None:
                    return found
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    if key.start_mark.index == mark.index:
                        return where
                    continue
                label = f"{where}.{key.value}" if where else key.value
                if key.start_mark.index == mark.index:
                    return label
                found = walk(value, label)
                if found is not None:
                    return found
        return None

    try:
        return walk(root, "") or None
    except RecursionError:
        return None


_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`\x00-\x1f\x7f]+$", re.IGNORECASE)


def _load_article(r: _Reader, tree: _Map, path: Path) -> Article:
    node = r.mapping(tree.get("article"), "article", tree, "article" if "article" in tree else None)
    r.known_keys(node, ARTICLE_KEYS, "article")
    article_id = r.string(node, "id", "article.id", pattern=SLUG)
    text_name = r.string(node, "text", "article.text")
    text_path = (path.parent / text_name)
    try:
        text = read_text_file(text_path, "article text")
    except AnnotationError as exc:
        r.fail(f"{exc.message}: {text_path}", node, "text", "article.text")
    if not text.strip():
        r.fail(f"article text {text_path} is empty", node, "text", "article.text")
    return Article(
        id=article_id,
        title=r.string(node, "title", "article.title"),
        date=r.date(node, "date", "article.date"),
        text=text,
        text_path=text_path,
        publisher=r.string(node, "publisher", "article.publisher", required=False),
        url=_url(r, node),
    )


def _url(r: _Reader, node: _Map) -> str | None:
    """The article's URL: an http(s) IRI (it becomes a node of the graph), with spaces and
    the characters IRIs forbid percent-encoded."""
    url = r.string(node, "url", "article.url", required=False)
    if url is not None and not _URL.match(url):
        bad = next((c for c in url if c.isspace() or c in '<>"{}|\\^`' or ord(c) < 32), None)
        reason = (f"contains {bad!r}; percent-encode it (e.g. a space as %20)" if bad
                  else "must start with http:// or https://")
        r.fail(f"{url!r} is not a valid URL: {reason}", node, "url", "article.url")
    return url


def _check_unique(r: _Reader, seen: set, value: str, field: str, node: _Map):
    if value in seen:
        r.fail(f"duplicate id {value!r}", node, "id", field)
    seen.add(value)


def _load_actors(r: _Reader, tree: _Map) -> list[Actor]:
    seq = r.sequence(tree, "actors", "actors", required=True)
    actors, seen, pending = [], set(), []
    for i, item in enumerate(seq):
        f = f"actors[{i}]"
        node = r.mapping(item, f, seq, i)
        r.known_keys(node, ACTOR_KEYS, f)
        actor_id = r.string(node, "id", f + ".id", pattern=SLUG)
        _check_unique(r, seen, actor_id, f + ".id", node)
        wikidata = r.string(node, "wikidata", f + ".wikidata", required=False)
        if wikidata and not WIKIDATA.match(wikidata):
            r.fail(f"{wikidata!r} is not a Wikidata id like Q843", node, "wikidata", f + ".wikidata")
        affiliations = []
        aff_seq = r.sequence(node, "affiliations", f + ".affiliations")
        for j, aff in enumerate(aff_seq):
            af = f"{f}.affiliations[{j}]"
            aff_node = r.mapping(aff, af, aff_seq, j)
            r.known_keys(aff_node, ("actor", "role"), af)
            affiliations.append(Affiliation(r.string(aff_node, "actor", af + ".actor"),
                                            r.string(aff_node, "role", af + ".role", required=False)))
            pending.append((aff_node, af + ".actor", affiliations[-1].actor))
        actors.append(Actor(
            id=actor_id,
            label=r.string(node, "label", f + ".label"),
            type=r.string(node, "type", f + ".type", choices=ACTOR_TYPES),
            aliases=r.strings(node, "aliases", f + ".aliases"),
            wikidata=wikidata,
            affiliations=affiliations,
        ))
    for node, field, ref in pending:
        if ref not in seen:
            r.fail(f"unknown actor {ref!r} (not in actors)", node, "actor", field)
    return actors


def _ref(r: _Reader, node: _Map, key: str, field: str, known: set, what: str, required=False) -> str | None:
    value = r.string(node, key, field, required=required)
    if value is not None and value not in known:
        r.fail(f"unknown {what} {value!r} (not in {what}s)", node, key, field)
    return value


def _refs(r: _Reader, node: _Map, key: str, field: str, known: set, what: str) -> list[str]:
    values = r.strings(node, key, field)
    seq = node.get(key)
    for i, value in enumerate(values):
        if value not in known:
            r.fail(f"unknown {what} {value!r} (not in {what}s)", seq, i, f"{field}[{i}]")
    return values


def _claim_refs(r: _Reader, node: _Map, key: str, field: str, article_id: str) -> list[tuple[str, str]]:
    """``same_as``/``not_same_as``: claims of other articles, ``ARTICLE-ID:CLAIM-ID`` each. That the
    claim exists is checked by the build, which sees the other articles."""
    seq = node.get(key)
    refs = []
    for i, ref in enumerate(r.strings(node, key, field)):
        if not CLAIM_REF.match(ref):
            r.fail(f"must name another article's claim as ARTICLE-ID:CLAIM-ID, got {ref!r}", seq, i, f"{field}[{i}]")
        other, claim = ref.split(":")
        if other == article_id:
            r.fail(f"{ref!r} is a claim of this article; same_as links claims of different articles",
                   seq, i, f"{field}[{i}]")
        refs.append((other, claim))
    return refs


VERB = re.compile(r"^[a-z][a-z-]*$")


def _verb(r: _Reader, node: _Map, field: str) -> str | None:
    """A claim's verb: one lemma, as the extractor writes it ('share', not 'had shared')."""
    verb = r.string(node, "verb", field, required=False)
    if verb is not None and not VERB.match(verb):
        r.fail(f"{verb!r} is not one verb lemma (lower-case letters and '-', e.g. 'share')", node, "verb", field)
    return verb


def _load_claims(r: _Reader, tree: _Map, actor_ids: set, article_id: str) -> list[Claim]:
    seq = r.sequence(tree, "claims", "claims")
    claims, seen, pending = [], set(), []
    for i, item in enumerate(seq):
        f = f"claims[{i}]"
        node = r.mapping(item, f, seq, i)
        r.known_keys(node, CLAIM_KEYS, f)
        claim_id = r.string(node, "id", f + ".id", pattern=SLUG)
        _check_unique(r, seen, claim_id, f + ".id", node)
        obj = r.string(node, "object", f + ".object", required=False)
        claims.append(Claim(
            id=claim_id,
            label=r.string(node, "label", f + ".label"),
            subject=_ref(r, node, "subject", f + ".subject", actor_ids, "actor"),
            relation=r.string(node, "relation", f + ".relation", required=False, choices=RELATIONS),
            object=obj,
            object_is_actor=obj in actor_ids,
            verb=_verb(r, node, f + ".verb"),
            contradicts=r.strings(node, "contradicts", f + ".contradicts"),
            same_as=_claim_refs(r, node, "same_as", f + ".same_as", article_id),
            not_same_as=_claim_refs(r, node, "not_same_as", f + ".not_same_as", article_id),
        ))
        pending.append((node, f))
    for (node, f), claim in zip(pending, claims):
        seq_c = node.get("contradicts")
        for j, other in enumerate(claim.contradicts):
            if other not in seen:
                r.fail(f"unknown claim {other!r} (not in claims)", seq_c, j, f"{f}.contradicts[{j}]")
    return claims


def _find_sentence(r: _Reader, node: _Map, field: str, article: Article) -> Span:
    sentence = r.string(node, "sentence", field + ".sentence")
    start = article.text.find(sentence)
    if start < 0:
        r.fail(f"not found verbatim in {article.text_path}; copy the sentence exactly from the article",
               node, "sentence", field + ".sentence")
    return Span(sentence, start, start + len(sentence))


def _load_statements(r: _Reader, tree: _Map, article: Article, actor_ids: set, claim_ids: set):
    seq = r.sequence(tree, "statements", "statements")
    statements, extra_claims, seen = [], [], set()
    for i, item in enumerate(seq):
        f = f"statements[{i}]"
        node = r.mapping(item, f, seq, i)
        r.known_keys(node, STATEMENT_KEYS, f)
        st_id = r.string(node, "id", f + ".id", pattern=SLUG)
        _check_unique(r, seen, st_id, f + ".id", node)
        stance = r.string(node, "stance", f + ".stance", choices=STANCES)
        speaker = _ref(r, node, "speaker", f + ".speaker", actor_ids, "actor", required=stance != "report")
        if stance == "report" and speaker:
            r.fail("a 'report' has no speaker (use stance assert for a named source)", node, "speaker",
                   f + ".speaker")
        sentence = _find_sentence(r, node, f, article)
        span = None
        span_text = r.string(node, "span", f + ".span", required=False)
        if span_text:
            offset = sentence.text.find(span_text)
            if offset < 0:
                r.fail("not found inside the statement's sentence", node, "span", f + ".span")
            span = Span(span_text, sentence.start + offset, sentence.start + offset + len(span_text))
        claim = _ref(r, node, "claim", f + ".claim", claim_ids, "claim")
        if claim is None:
            claim = f"{article.id}-{st_id}"
            extra_claims.append(Claim(id=claim, label=(span or sentence).text))
        method = r.string(node, "method", f + ".method", required=False, choices=METHODS) or "curated"
        confidence = node.get("confidence")
        if confidence is not None and (isinstance(confidence, bool) or not isinstance(confidence, (int, float))
                                       or not 0 <= confidence <= 1):
            r.fail(f"{confidence!r} is not a number from 0 to 1", node, "confidence", f + ".confidence")
        statements.append(Statement(
            id=st_id,
            stance=stance,
            claim=claim,
            sentence=sentence,
            speaker=speaker,
            on_behalf_of=_ref(r, node, "on_behalf_of", f + ".on_behalf_of", actor_ids, "actor"),
            about=_refs(r, node, "about", f + ".about", actor_ids, "actor"),
            span=span,
            date=r.date(node, "date", f + ".date", required=False),
            method=method,
            confidence=float(confidence) if confidence is not None else None,
            extractor=r.string(node, "extractor", f + ".extractor", required=False),
            hedge=r.strings(node, "hedge", f + ".hedge"),
        ))
    return statements, extra_claims


def _load_mediations(r: _Reader, tree: _Map, article: Article, actor_ids: set) -> list[Mediation]:
    seq = r.sequence(tree, "mediations", "mediations")
    mediations, seen, follows = [], set(), []
    for i, item in enumerate(seq):
        f = f"mediations[{i}]"
        node = r.mapping(item, f, seq, i)
        r.known_keys(node, MEDIATION_KEYS, f)
        med_id = r.string(node, "id", f + ".id", pattern=SLUG)
        _check_unique(r, seen, med_id, f + ".id", node)
        mediators = _refs(r, node, "mediators", f + ".mediators", actor_ids, "actor")
        status = r.string(node, "status", f + ".status", required=False, choices=MEDIATION_STATUSES) or "held"
        if not mediators and status == "held":
            r.fail("needs at least one mediator (only planned talks may leave them open)", node,
                   "mediators" if "mediators" in node else None, f + ".mediators")
        parties = _refs(r, node, "parties", f + ".parties", actor_ids, "actor")
        if len(parties) < 2:
            r.fail("needs at least two parties", node, "parties" if "parties" in node else None, f + ".parties")
        mediations.append(Mediation(
            id=med_id,
            label=r.string(node, "label", f + ".label"),
            mediators=mediators,
            parties=parties,
            sentence=_find_sentence(r, node, f, article),
            place=r.string(node, "place", f + ".place", required=False),
            status=status,
            outcome=r.string(node, "outcome", f + ".outcome", required=False),
            outcome_type=r.string(node, "outcome_type", f + ".outcome_type", required=False,
                                  choices=OUTCOME_TYPES),
            follows=r.string(node, "follows", f + ".follows", required=False),
            date=r.date(node, "date", f + ".date", required=False),
            method=r.string(node, "method", f + ".method", required=False, choices=METHODS) or "curated",
        ))
        follows.append(node)
    for node, med in zip(follows, mediations):
        if med.follows and med.follows not in seen:
            r.fail(f"unknown mediation {med.follows!r} (not in mediations)", node, "follows",
                   f"mediations[{mediations.index(med)}].follows")
    return mediations


def find_annotations(paths: list[Path], extract: bool = False) -> list[Path]:
    """The annotation files under the given files or folders, sorted, so builds are stable.

    With ``extract``, raw articles (``NAME.txt`` with no ``NAME.yaml`` beside them) are
    included too, for the extractor to draft; a curated annotation always wins.
    """
    return [Path(path) for path in annotation_paths(paths, extract)]


def annotation_paths(paths: list[Path], extract: bool = False) -> list[str]:
    """:func:`find_annotations` as strings, in the same order (Path's), made without a Path
    object per file: a build of 10,000 articles lists them every time, and making, hashing
    and comparing 10,000 Paths took 0.3 s of adding one article."""
    found: dict[tuple[str, ...], str] = {}  # a path's parts, as Path compares them -> the path
    for p in paths:
        p = Path(p)
        if p.is_dir():
            with os.scandir(p) as entries:  # one listing, the file types from it (10,000 files: 0.1 s, not 1 s)
                files = {entry.name for entry in entries if entry.is_file()}
            folder, parts = str(p), p.parts
            wanted = [name for name in files if name.endswith(".yaml")]
            if extract:
                wanted += [name for name in files if name.endswith(".txt") and name[:-4] + ".yaml" not in files]
            found.update(((*parts, name), os.path.join(folder, name)) for name in wanted)
        elif p.exists():
            if p.suffix == ".txt" and p.with_suffix(".yaml").is_file():
                p = p.with_suffix(".yaml")  # the curated annotation of this article wins
            elif p.suffix == ".txt" and not extract:
                raise AnnotationError(p, "is an article without an annotation; write NAME.yaml "
                                         "(seeds/README.md) or build with --extract")
            found[p.parts] = str(p)
        else:
            raise AnnotationError(p, "no such file or folder")
    return [found[parts] for parts in sorted(found)]
