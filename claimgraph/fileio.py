"""Reading and writing files the way every command should: UTF-8 in, atomic out.

A failed command must leave nothing half-written, so every output goes to a temporary
file in the target's folder and is renamed over the target only when complete.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import AnnotationError, OutputError


@contextlib.contextmanager
def atomic_path(path: Path | str):
    """Yield a temporary path beside ``path``; on success it is renamed to ``path``.

    For writers that want a file name (``pyoxigraph.serialize(..., path)``); on any
    error the temporary file is removed and ``path`` is left as it was. What the target
    is decides how it is written, as editors and ``cp`` do:

    * a symbolic link: the file it points to is replaced, the link is kept;
    * a device, a pipe or a socket (``/dev/stdout``, ``/dev/null``): written through in
      place, never replaced by a regular file;
    * a folder: refused.

    OS errors (no permission, a full disk, a file where a folder should be) become one
    :class:`OutputError` line naming the file.
    """
    path = Path(path)
    try:
        if path.is_symlink():
            path = path.resolve()
        if path.is_dir():
            raise OutputError(f"{path}: is a folder; give a file name to write")
        if path.exists() and not path.is_file():  # a device, a pipe, a socket
            yield path
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise _output_error(path, exc) from None
    try:
        yield Path(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual permissions
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _output_error(path, exc) from None
        raise


def _output_error(path: Path, exc: OSError) -> OutputError:
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        blocking = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
        if blocking is not None:
            return OutputError(f"{path}: cannot write: {blocking} is a file, not a folder")
    reason = exc.strerror or str(exc)
    where = exc.filename if exc.filename and str(exc.filename) != str(path) and not str(exc.filename).endswith(".tmp") \
        else None
    return OutputError(f"{path}: cannot write: {reason}" + (f" ({where})" if where else ""))


def write_atomic(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename
    (see :func:`atomic_path` for links, devices and errors)."""
    with atomic_path(path) as tmp:
        with open(tmp, "wb") as handle:
            handle.write(data)


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
