"""The pipeline: reading articles, streaming them through spaCy, and analysing each parse
(sources, attribution, typing, claims, mediation); batches of files over worker processes.
"""
from __future__ import annotations

import functools
import multiprocessing as mp
import re
from collections import deque
from pathlib import Path

from ..errors import ExtractorUnavailable
from .attribution import Article
from .claims import _build
from .lexicon import CHUNK_CHARS, _lexicon, _slug, load_model
from .metadata import dateline_length

class ExtractionInputError(ValueError):
    """An input file cannot be used; the message names the file and why."""



# ---------------------------------------------------------------- input

#: The longest file taken as one article (a long news feature is under 100,000 characters);
#: past it, drafting would take minutes and gigabytes for text that is not an article.
MAX_ARTICLE_CHARS = 5_000_000

def read_article(path) -> str:
    """Read an article as UTF-8 text, refusing files that cannot be articles."""
    p = Path(path)
    if not p.is_file():
        raise ExtractionInputError(f"{p}: no such file")
    data = p.read_bytes()
    if b"\x00" in data:
        raise ExtractionInputError(f"{p}: binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ExtractionInputError(f"{p}: not UTF-8 text (byte {e.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ExtractionInputError(f"{p}: empty file")
    if len(text) > MAX_ARTICLE_CHARS:
        raise ExtractionInputError(f"{p}: too long for one article ({len(text):,} characters; the extractor reads "
                                   f"at most {MAX_ARTICLE_CHARS:,}); split it into its articles")
    return text


#: A run of text this long without a full stop, question or exclamation mark is not a
#: sentence (a news sentence rarely passes 600 characters): it is cut at spaces into parts
#: of at most this size, each parsed on its own. Without the cut, 250 kB of unpunctuated
#: text took 495 s (the rules are quadratic in sentence length); with it, time stays linear.
MAX_SENTENCE_CHARS = 2_000
_LONG_RUN = re.compile(r"[^.!?]{%d,}" % MAX_SENTENCE_CHARS)


def _pieces(text):
    """(offset, piece) per paragraph, long paragraphs cut at sentence ends so spaCy never
    sees more than CHUNK_CHARS characters, and runs without a sentence end cut into parts
    of at most MAX_SENTENCE_CHARS."""
    for m in re.finditer(r"[^\r\n]+", text):
        start, para = m.start(), m.group()
        skip = dateline_length(para)
        if skip:        # 'KINSHASA, March 3 (Reuters) - Congo accused ...': the place is no speaker
            start, para = start + skip, para[skip:]
        for start, segment in _segments(start, para):
            yield from _chunks(start, segment)


def _segments(start, para):
    """The paragraph as is, or, around each run of more than MAX_SENTENCE_CHARS characters
    without a sentence end, the text before it and the run cut at spaces."""
    pos = 0
    for run in _LONG_RUN.finditer(para):
        if run.start() > pos:
            yield start + pos, para[pos:run.start()]
        i = run.start()
        while i < run.end():
            j = min(i + MAX_SENTENCE_CHARS, run.end())
            if j < run.end():
                space = para.rfind(" ", i + 1, j)
                j = space + 1 if space > i else j
            yield start + i, para[i:j]
            i = j
        pos = run.end()
    if pos < len(para):
        yield start + pos, para[pos:]


def _chunks(start, para):
    """A paragraph cut at sentence ends into pieces of at most CHUNK_CHARS characters."""
    while len(para) > CHUNK_CHARS:
        cut = para.rfind(". ", 0, CHUNK_CHARS)
        cut = cut + 2 if cut > CHUNK_CHARS // 2 else (para.rfind(" ", 0, CHUNK_CHARS) + 1 or CHUNK_CHARS)
        yield start, para[:cut]
        start, para = start + cut, para[cut:]
    if para.strip():
        yield start, para


def _analyse(doc_id, text, spacy_docs, registry):
    lx = _lexicon()
    art = Article(lx, registry, scope=_slug(doc_id))
    for off, sd in spacy_docs:
        for s in sd.sents:
            st = off + s.start_char
            en = off + s.end_char
            while en > st and text[en - 1].isspace():
                en -= 1
            if en > st:
                art.sents.append((s, st, en))
    art.discover()
    art.scan()
    art.settle_affiliations()
    return _build(art, doc_id, text)


# ---------------------------------------------------------------- public API

def extract_text(text: str, doc: str, nlp=None, registry=None) -> dict:
    """Extract statements, claims, contested claims and mediations from one article."""
    return next(extract_docs([(doc, text)], nlp=nlp, registry=registry))


def extract_docs(items, nlp=None, batch_size=64, registry=None):
    """Yield one result per (doc, text) in order. The paragraphs of all documents
    stream through a single nlp.pipe so that batches stay full."""
    nlp = nlp or load_model()
    pending = deque()                    # (doc, text, number of pieces) in stream order

    def stream():
        for doc_id, text in items:
            text = text or ""
            pieces = list(_pieces(text))
            pending.append((doc_id, text, len(pieces)))
            yield from ((piece, off) for off, piece in pieces)

    parsed = []
    for d, off in nlp.pipe(stream(), batch_size=batch_size, as_tuples=True):
        parsed.append((off, d))
        while pending and len(parsed) >= pending[0][2]:
            doc_id, text, k = pending.popleft()
            yield _analyse(doc_id, text, parsed[:k], registry)
            del parsed[:k]
    while pending:
        doc_id, text, k = pending.popleft()
        yield _analyse(doc_id, text, parsed[:k], registry)
        del parsed[:k]



# ---------------------------------------------------------------- batches of files

FILES_PER_TASK = 8              # files a worker takes at a time (keeps nlp.pipe batches full)


def _extract_paths(paths, registry=None):
    """[(path, result or ExtractionInputError)] for a few files, in order, in this process."""
    out, items = [], []
    for p in paths:
        try:
            text = read_article(p)
        except ExtractionInputError as e:
            out.append((p, e))
            continue
        out.append((p, None))
        items.append((Path(p).stem, text))
    results = iter(_safe_extract(items, registry))
    return [(p, r if r is not None else next(results)) for p, r in out]


def _safe_extract(items, registry):
    """Results for items in order; an item that makes the rules fail becomes an error, not a crash."""
    try:
        return list(extract_docs(items, registry=registry))
    except ExtractorUnavailable:
        raise
    except Exception:                     # one bad article must not sink its batch: retry one by one
        if len(items) <= 1:
            return [ExtractionInputError(f"{doc}: extraction failed: {e}") for doc, e in _failures(items, registry)]
        return [x for item in items for x in _safe_extract([item], registry)]


def _failures(items, registry):
    for doc, text in items:
        try:
            next(extract_docs([(doc, text)], registry=registry))
        except Exception as e:            # noqa: BLE001 - reported per file
            yield doc, f"{type(e).__name__}: {e}"


def _worker_init():
    load_model()                           # once per worker process (a no-op when forked after loading)


def extract_files(paths, jobs=1, registry=None, progress=None):
    """Extract every file in ``paths``; yield ``(path, result)`` in input order, where result is
    the dict of :func:`extract_text` or an :class:`ExtractionInputError` naming the file.

    ``jobs`` > 1 spreads the files over worker processes (each loads the model once).
    ``progress(done, total, words)`` is called after each file. Raises ExtractorUnavailable
    when the model is missing, before any work starts."""
    paths = [Path(p) for p in paths]
    load_model()
    tasks = [paths[i:i + FILES_PER_TASK] for i in range(0, len(paths), FILES_PER_TASK)]
    done = words = 0
    if jobs > 1 and len(tasks) > 1:
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        pool = ctx.Pool(min(jobs, len(tasks)), initializer=_worker_init)
        chunks = pool.imap(functools.partial(_extract_paths, registry=registry), tasks)
    else:
        pool = None
        chunks = (_extract_paths(t, registry) for t in tasks)
    try:
        for chunk in chunks:
            for path, result in chunk:
                done += 1
                if isinstance(result, dict):
                    words += result.get("words", 0)
                if progress:
                    progress(done, len(paths), words)
                yield path, result
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()

