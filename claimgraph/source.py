"""Where a command reads the graph: a graph file, an on-disk store or a remote endpoint.

Every command that reads the graph takes the same choice (``--graph FILE``,
``--store DIR``, ``--endpoint URL``); :func:`open_source` turns it into something
:func:`claimgraph.store.run_query` can query.
"""
from __future__ import annotations

from pathlib import Path

from .errors import QueryError
from .remote import Endpoint
from .linking import LINKS_VERSION
from .store import DEFAULT_GRAPH_FILE, DEFAULT_STORE_DIR, is_store, links_version, open_graph, open_store, store_status


def open_source(graph: Path | str | None = None, store: Path | str | None = None, endpoint: str | None = None,
                **endpoint_options):
    """What to query: a graph file, an on-disk store or a remote SPARQL endpoint.

    With none given: ``graph/store`` when it has been built, else ``graph/claims.trig``.
    ``endpoint_options`` go to :class:`~claimgraph.remote.Endpoint` (user, password,
    auth_scheme, timeout).
    """
    given = [name for name, value in (("--graph", graph), ("--store", store), ("--endpoint", endpoint)) if value]
    if len(given) > 1:
        raise QueryError(f"give only one of {', '.join(given)}")
    if endpoint:
        return Endpoint(endpoint, **endpoint_options)
    path, a_store = local_graph(graph, store)
    return open_store(path) if a_store else open_graph(path)


def local_graph(graph: Path | str | None = None, store: Path | str | None = None) -> tuple[Path, bool]:
    """Which local graph a command reads, as (path, whether it is a store folder): ``store``,
    ``graph``, else ``graph/store`` when it has been built, else ``graph/claims.trig``."""
    if graph and store:
        raise QueryError("give only one of --graph, --store")
    if store or (not graph and is_store(DEFAULT_STORE_DIR)):
        return Path(store or DEFAULT_STORE_DIR), True
    return Path(graph or DEFAULT_GRAPH_FILE), False


def source_warning(source) -> str | None:
    """What a reader should be told about a source before trusting its answers, or None.

    A store whose last build stopped midway still answers, from the articles that build
    had saved and the older versions of the rest; a store linked by another claimgraph
    lacks what this one's disputes list reads.
    """
    if isinstance(source, Endpoint):
        return None
    if store_status(source) != "complete":
        return ("the store's last build did not finish: some articles may be missing or out of date "
                "(run `claimgraph build`)")
    if links_version(source) not in (None, LINKS_VERSION):
        return ("the store's claims were linked by another version of claimgraph: the disputes list may be "
                "incomplete until `claimgraph build` links them again")
    return None
