"""The errors a user can act on, and the exit code each one means.

Everything the library raises for a user's mistake or a missing piece of the
environment is a :class:`ClaimgraphError` whose message is one line that says where
and what to fix. The CLI prints that line and exits with the error's ``exit_code``:

* 0 ok;
* 1 bad input or no result (:data:`EXIT_BAD_INPUT`);
* 2 usage or environment error: a missing model, an unreachable server, a busy port
  (:data:`EXIT_ENVIRONMENT`).

This module is the bottom of the package: it imports nothing of claimgraph.
"""
from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_ENVIRONMENT = 2


class ClaimgraphError(Exception):
    """A user-facing error: the CLI prints its message on one line, no traceback."""

    exit_code = EXIT_BAD_INPUT


class EnvironmentProblem(ClaimgraphError):
    """Something outside the input is missing or busy (a model, a server, a port): exit code 2."""

    exit_code = EXIT_ENVIRONMENT


class AnnotationError(ClaimgraphError):
    """An annotation or article file is unusable; says where and what to fix."""

    def __init__(self, path: Path | str, message: str, line: int | None = None, field: str | None = None):
        self.path, self.line, self.field, self.message = str(path), line, field, message
        where = self.path + (f":{line}" if line else "")
        super().__init__(f"{where}: {field + ': ' if field else ''}{message}")

    def __reduce__(self):  # pickled from a build's worker process to the main one
        return type(self), (self.path, self.message, self.line, self.field)


class OutputError(ClaimgraphError):
    """An output file cannot be written (a folder in the way, no permission, a full disk)."""


class ValidationError(ClaimgraphError):
    """The graph does not conform to the SHACL shapes."""


class QueryError(ClaimgraphError):
    """The query cannot run: a syntax error, an unknown canned query, a missing graph."""


class StoreError(QueryError):
    """The on-disk store cannot be opened: missing, locked by a writer, damaged or incomplete."""


class RemoteError(QueryError):
    """A remote SPARQL server could not answer: an environment problem (exit code 2)."""

    exit_code = EXIT_ENVIRONMENT


class ExtractorUnavailable(EnvironmentProblem):
    """The NLP stack (spaCy or its English model) is not installed."""
