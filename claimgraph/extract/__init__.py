"""Automatic attribution extraction: who asserted, accused, denied, committed, endorsed,
demanded, mediated or anonymously reported what.

Rules over the spaCy dependency parse (in the spirit of the Gender Gap Tracker quote extractor
and PETRARCH verb dictionaries), in layers, bottom first:

- :mod:`.lexicon`: constants, the cue lexicon (``data/cues.yaml``) and the model loader;
- :mod:`.sources`: the actor registry and the resolution of noun phrases to sources;
- :mod:`.stance`: the speech act of a cue, refined by what its content says;
- :mod:`.mediation`: mediation cues and the mediation effort of an article;
- :mod:`.attribution`: the domain-independent finder (cue, speaker, content);
- :mod:`.claims`: statements, claims and contested links;
- :mod:`.pipeline`: reading files, streaming through spaCy, batches over processes;
- :mod:`.metadata`: an article's title and date from its text (headline, dateline);
- :mod:`.drafting`: scorer records and draft annotations.

spaCy is imported lazily so that ``import claimgraph.extract`` stays cheap.
"""
from ..errors import ExtractorUnavailable
from .drafting import draft_annotation, draft_yaml, file_date, to_annotation, to_jsonl_records, write_draft
from .lexicon import (CHUNK_CHARS, CONFIDENCE_PATH, CUES_PATH, INSTALL_HINT, RELATIONS, SPEECH_STANCES,
                      extractor_version, load_model)
from .metadata import ArticleMetadata, article_metadata
from .pipeline import (ExtractionInputError, _pieces, extract_docs, extract_files, extract_text,
                       read_article)

__all__ = ["ArticleMetadata", "article_metadata", "CHUNK_CHARS", "CONFIDENCE_PATH", "CUES_PATH", "EXTRACTOR_VERSION", "extractor_version", "INSTALL_HINT", "RELATIONS", "SPEECH_STANCES",
           "ExtractionInputError", "ExtractorUnavailable", "draft_annotation", "draft_yaml", "extract_docs",
           "extract_files", "extract_text", "file_date", "load_model", "read_article", "to_annotation",
           "to_jsonl_records", "write_draft", "_pieces"]


def __getattr__(name):
    """``EXTRACTOR_VERSION``: the extractor's version, computed on first use (see
    :func:`extractor_version`)."""
    if name == "EXTRACTOR_VERSION":
        return extractor_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
