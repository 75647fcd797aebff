"""Actors across articles: Wikidata matches for well-known actors, and the conflicts a
corpus must be told about (one actor id given two labels or two types by two articles).

An actor's IRI comes from its id (``actor/pakistan``), the same in every article that uses
the id, so articles meet on their actors; what this module adds is what a single article
cannot see.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .model import Actor

#: The table's sections and the actor type each one matches.
_SECTIONS = {"states": "state", "organisations": "organisation", "armed-groups": "armed-group"}


@lru_cache(maxsize=1)
def wikidata_table() -> dict[tuple[str, str], str]:
    """(actor type, lower-cased name) -> Wikidata QID, from ``data/wikidata.yaml``."""
    text = resources.files("claimgraph").joinpath("data", "wikidata.yaml").read_text(encoding="utf-8")
    table = {}
    for section, kind in _SECTIONS.items():
        for qid, names in (yaml.safe_load(text).get(section) or {}).items():
            for name in names:
                table[(kind, name.casefold())] = qid
    return table


def wikidata_for(actor: Actor) -> str | None:
    """The actor's Wikidata QID: its annotation's own, else the table's for its label or an
    alias of the same type (a state named Georgia is Q230; an organisation called Georgia is not)."""
    if actor.wikidata:
        return actor.wikidata
    table = wikidata_table()
    for name in (actor.label, *actor.aliases):
        found = table.get((actor.type, name.casefold()))
        if found:
            return found
    return None


@dataclass(frozen=True)
class ActorUse:
    """How one article describes one actor id."""

    actor: str  # the actor's IRI
    label: str
    type: str  # class IRI (leaf)
    source: str  # the annotation file


def actor_conflicts(uses) -> list[str]:
    """One warning per actor id that articles label or type differently, naming the files;
    sorted, so the same corpus always gives the same warnings."""
    labels: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    types: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for use in uses:
        labels[use.actor][use.label].add(use.source)
        types[use.actor][use.type.rsplit("#", 1)[-1]].add(use.source)
    warnings = []
    for actor in sorted(set(labels) | set(types)):
        for what, seen in (("labels", labels[actor]), ("types", types[actor])):
            if len(seen) > 1:
                listed = "; ".join(f"{value!r} in {', '.join(sorted(files)[:3])}"
                                   + (f" and {len(files) - 3} more" if len(files) > 3 else "")
                                   for value, files in sorted(seen.items()))
                warnings.append(f"actor {actor.rsplit('/', 1)[-1]} has {len(seen)} {what} across articles: {listed}; "
                                f"give it one (or different ids for different actors)")
    return warnings
