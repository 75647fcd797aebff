"""Reading and writing files the way every command should: UTF-8 in, atomic out.

A failed command must leave nothing half-written, so every output goes to a temporary
file in the target's folder and is renamed over the target only when complete.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import AnnotationError


@contextlib.contextmanager
def atomic_path(path: Path | str):
    """Yield a temporary path beside ``path``; on success it is renamed to ``path``.

    For writers that want a file name (``pyoxigraph.serialize(..., path)``); on any
    error the temporary file is removed and ``path`` is left as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual permissions
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


def read_text_file(path: Path | str, what: str = "file") -> str:
    """Read a UTF-8 text file, turning OS and decoding problems into one-line errors."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise AnnotationError(path, f"{what} not found") from None
    except OSError as exc:
        raise AnnotationError(path, f"cannot read {what}: {exc.strerror}") from None
    if b"\x00" in data:
        raise AnnotationError(path, f"{what} is binary, not UTF-8 text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise AnnotationError(path, f"{what} is not valid UTF-8 (byte {exc.start}); re-save it as UTF-8", line) from None
