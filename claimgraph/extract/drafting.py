"""Drafting: an extraction result as scorer records (JSONL) or as a draft annotation (YAML)
for an analyst to review, checked by the same loader as curated files.
"""
from __future__ import annotations

import os
from pathlib import Path

import yaml

from ..annotation import parse_annotation
from ..errors import ClaimgraphError
from ..fileio import write_atomic
from .lexicon import _slug, extractor_version
from .metadata import article_metadata, file_day
from .pipeline import ExtractionInputError, read_article

def _labels(result):
    return {a["id"]: a["label"] for a in result["actors"]}


def to_jsonl_records(result: dict) -> list:
    """Records in the scorer's format (attribution, contested, mediation)."""
    lab = _labels(result)
    out = []
    for s in result["statements"]:
        out.append({"doc": result["doc"], "type": "attribution", "sentence": s["sentence"], "speaker": s["speaker_text"],
                    "actor": lab.get(s["actor"]) if s["stance"] != "report" else None, "stance": s["stance"],
                    "content": s["span"], "about": [lab[a] for a in s["about"] if a in lab],
                    "confidence": s["confidence"], "basis": s["basis"], "hedge": s["hedge"]})
    claims = {c["id"]: c for c in result["claims"]}
    for c in result["contested"]:
        out.append({"doc": result["doc"], "type": "contested", "proposition": claims[c["claim"]]["label"],
                    "supporters": [lab[a] for a in c["supporters"]], "disputers": [lab[a] for a in c["disputers"]]})
    for m in result["mediations"]:
        out.append({"doc": result["doc"], "type": "mediation", "mediators": [lab[a] for a in m["mediators"]],
                    "parties": [lab[a] for a in m["parties"]]})
    return out


def _span_within(span: str | None, sentence: str) -> str | None:
    """The attributed words as the loader takes them: inside the sentence, without the
    white space at either end (a content span can run past a sentence's trimmed end);
    None when nothing of it is left."""
    span = (span or "").strip()
    return span if span and span in sentence else None


def to_annotation(result: dict, text_filename: str, title=None, date=None) -> dict:
    """A draft annotation in the seeds/README.md schema, ready for yaml.safe_dump."""
    stem = Path(text_filename).name
    stem = stem[:-4] if stem.endswith(".txt") else stem
    statements = [s for s in result["statements"] if s["stance"] != "mediate"]
    claim_ids = {s["claim"] for s in statements}
    actors = []
    for a in result["actors"]:
        entry = {"id": a["id"], "label": a["label"], "type": a["type"], "aliases": list(a["aliases"])}
        if a["affiliations"]:
            entry["affiliations"] = [dict(f) for f in a["affiliations"]]
        actors.append(entry)
    out_statements = []
    for s in statements:
        st = {"id": s["id"], "stance": s["stance"]}
        if s["stance"] != "report":
            st["speaker"] = s["speaker"]
            if s["actor"] != s["speaker"]:
                st["on_behalf_of"] = s["actor"]
        st.update({"claim": s["claim"], "about": list(s["about"]), "sentence": s["sentence"],
                   "span": _span_within(s["span"], s["sentence"]),
                   "method": "extracted", "confidence": s["confidence"], "extractor": extractor_version()})
        if st["span"] is None:
            del st["span"]
        if s["hedge"]:
            st["hedge"] = list(s["hedge"])
        out_statements.append(st)
    mediations = []
    for m in result["mediations"]:
        if len(m["parties"]) < 2:
            continue
        mediations.append({"id": m["id"], "label": m["label"], "mediators": list(m["mediators"]),
                           "parties": list(m["parties"]), "place": m["place"], "status": m["status"],
                           "sentence": m["sentence"], "method": "extracted"})
    claims = [{k: v for k, v in c.items() if v not in (None, [])} | {"contradicts": c["contradicts"]}
              for c in result["claims"] if c["id"] in claim_ids]
    return {"article": {"id": _slug(stem), "text": Path(text_filename).name, "title": title or stem,
                        "date": date, "publisher": None, "url": None},
            "actors": actors, "claims": claims, "statements": out_statements, "mediations": mediations}

def draft_yaml(result, text_path, yaml_path, title=None, date=None, notes=()) -> str:
    """The draft annotation of one extracted article as YAML text, with ``text:`` relative to the
    YAML file, checked by the same loader as curated files (raises ClaimgraphError if not)."""
    return draft_annotation(result, text_path, yaml_path, title, date, notes).source


def draft_annotation(result, text_path, yaml_path, title=None, date=None, notes=()):
    """The draft as a loaded :class:`~claimgraph.model.Annotation` (its ``source`` is the YAML
    text), checked by the same loader as curated files (raises ClaimgraphError if not).

    ``notes`` (the ``notes`` of :func:`~claimgraph.extract.metadata.article_metadata`: where the
    title and date came from) become comment lines of the header, for the reviewer."""
    ann = to_annotation(result, str(text_path), title=title, date=date)
    rel = os.path.relpath(Path(text_path).resolve(), Path(yaml_path).resolve().parent)
    ann["article"]["text"] = Path(rel).as_posix()
    header = (f"# Draft annotation written by {extractor_version()}: review every statement, set\n"
              f"# method: curated on what you checked, then run claimgraph build.\n")
    header += "".join(f"# {' '.join(str(n).split())}\n" for n in notes)
    return parse_annotation(header + yaml.safe_dump(ann, sort_keys=False, allow_unicode=True, width=100),
                            yaml_path)


def file_date(path) -> str:
    """The date a raw article gets in its draft when neither its text nor the user gives one:
    its file's modification day."""
    return file_day(path)


def write_draft(result, text_path, out_dir=None, force=False, title=None, date=None, text=None) -> Path:
    """Write the draft ``NAME.yaml`` of one extracted article (beside it, or in ``out_dir``), atomically.

    Its title and date are the article's own when its ``text`` (read from ``text_path`` when not
    given) has them, else ``title``/``date``, else the file name and modification day; the
    draft's header says which (:func:`~claimgraph.extract.metadata.article_metadata`).
    A file already there is never overwritten without ``force`` (it may be curated), and a
    draft the loader would refuse is not written: both raise ClaimgraphError naming the file.
    """
    text_path = Path(text_path)
    target = (Path(out_dir) if out_dir else text_path.parent) / f"{text_path.stem}.yaml"
    if target.exists() and not force:
        raise ClaimgraphError(f"{target}: exists; not overwritten (review it, or use --force)")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        text = read_article(text_path) if text is None else text
    except ExtractionInputError as exc:
        raise ClaimgraphError(str(exc)) from None
    meta = article_metadata(text, text_path, date=date, title=title)
    try:
        draft = draft_yaml(result, text_path, target, title=meta.title, date=meta.date, notes=meta.notes)
    except ClaimgraphError as exc:
        raise ClaimgraphError(f"{text_path}: draft not valid: {exc}") from None
    write_atomic(target, draft.encode("utf-8"))
    return target
