"""Writing output files: atomically where the path is a file, straight through where it is not.

- A regular file (or a new path) is written to a temporary file beside it and renamed over it,
  so an interrupted run never leaves half a file in place of the old one.
- A symbolic link is followed: its target is written that way, and the link stays a link.
- A FIFO, a device (``/dev/null``, ``/dev/stdout``) or a socket is written to directly, never
  replaced; ``-`` is standard output.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import KgError

STDOUT = "-"


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write bytes (see :func:`atomic_write_chunks`)."""
    return atomic_write_chunks(path, [data])


def atomic_write(path: str | Path, text: str) -> Path:
    """Write text as UTF-8 with :func:`atomic_write_bytes`; lone surrogates become ``?``."""
    return atomic_write_bytes(path, text.encode("utf-8", errors="replace"))


def atomic_write_chunks(path: str | Path, chunks: Iterable[bytes]) -> Path:
    """Write a stream of bytes to ``path`` (see the module docstring for what kind of path gets
    what); a long stream is never held in memory. A new file gets mode 0644, a replaced one
    keeps its mode.

    Raises:
        KgError: the path cannot be written (the message names it).
    """
    if str(path) == STDOUT:
        return _write_stream(Path(STDOUT), chunks)
    path = Path(path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise KgError(f"{path}: cannot write ({error.strerror or error})") from None
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        return _write_stream(target, chunks)
    return _replace(target, chunks, stat.S_IMODE(mode) if mode is not None else 0o644)


def _replace(path: Path, chunks: Iterable[bytes], mode: int) -> Path:
    temp = None
    try:
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except OSError as error:
        raise KgError(f"{path}: cannot write ({error.strerror or error})") from None
    finally:
        if temp is not None and os.path.exists(temp):
            os.unlink(temp)
    return path


def silence_stdout() -> None:
    """Point standard output at /dev/null after a failed write (a full disk, a closed pipe),
    so that Python's own flush at exit does not fail again with a traceback."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # not a real file (a test's capture)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _write_stream(path: Path, chunks: Iterable[bytes]) -> Path:
    """Write to standard output, a FIFO or a device as it is."""
    label = "standard output" if str(path) == STDOUT else str(path)
    try:
        if str(path) == STDOUT:
            out = sys.stdout.buffer
            for chunk in chunks:
                out.write(chunk)
            out.flush()
        else:
            with open(path, "wb") as out:
                for chunk in chunks:
                    out.write(chunk)
    except OSError as error:
        if str(path) == STDOUT:
            silence_stdout()
        raise KgError(f"{label}: cannot write ({error.strerror or error})") from None
    return path
