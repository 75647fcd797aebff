"""The questions: canned SPARQL queries shipped as ``.rq`` files, and the contested-claims answer."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import QueryError
from .store import rows, run_query


@dataclass(frozen=True)
class CannedQuery:
    name: str
    description: str
    sparql: str


def canned_queries() -> dict[str, CannedQuery]:
    """The ``.rq`` files shipped in ``claimgraph/queries``; the first comment line describes each."""
    out = {}
    for entry in sorted(resources.files("claimgraph").joinpath("queries").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            text = entry.read_text(encoding="utf-8")
            first = text.splitlines()[0] if text else ""
            name = entry.name[:-3]
            out[name] = CannedQuery(name, first.lstrip("# ").strip(), text)
    return out


def resolve_query(query: str) -> str:
    """QUERY may be a canned query's name, a path to a ``.rq`` file, or SPARQL text."""
    canned = canned_queries()
    if query in canned:
        return canned[query].sparql
    if query.endswith(".rq") or ("\n" not in query and len(query) < 4096 and Path(query).is_file()):
        path = Path(query)
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise QueryError(f"{path}: query file not found") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{path}: cannot read query file: {exc}") from None
    if not any(word in query.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        raise QueryError(f"{query!r} is not a canned query, a .rq file or SPARQL; "
                         f"see `claimgraph query --list` for the canned queries")
    return query


def contested_claims(store) -> list[dict]:
    """The headline answer: each contested claim with its supporters, disputers and evidence.

    Returns a list of ``{"claim", "claim_iri", "supporters", "disputers", "evidence"}``
    where supporters/disputers are actor labels and evidence is a list of
    ``{"sentence", "source", "actor", "stance", "side"}``, in a stable order.
    """
    _, found = rows(run_query(store, canned_queries()["contested"].sparql))
    claims: dict[str, dict] = {}
    for row in found:
        entry = claims.setdefault(row["claim"], {"claim": row["claimLabel"], "claim_iri": row["claim"],
                                                 "supporters": [], "disputers": [], "evidence": []})
        side = "supporters" if row["side"] == "supporter" else "disputers"
        if row["actorLabel"] not in entry[side]:
            entry[side].append(row["actorLabel"])
        evidence = {"sentence": row["sentence"], "source": row["source"] or row["article"],
                    "actor": row["actorLabel"], "stance": row["stance"], "side": row["side"]}
        if evidence not in entry["evidence"]:
            entry["evidence"].append(evidence)
    return sorted(claims.values(), key=lambda c: c["claim"])
