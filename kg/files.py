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
        return _write_stdout(chunks)
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


def stdout_error(error: OSError) -> KgError:
    """The error of a failed write to standard output (a full disk, a closed pipe), with
    standard output pointed at /dev/null, so that Python's own flush at exit does not fail
    again with a traceback."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # not a real file (a test's capture)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return KgError(f"standard output: cannot write ({error.strerror or error})")


def _write_stdout(chunks: Iterable[bytes]) -> Path:
    try:
        for chunk in chunks:
            sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()
    except OSError as error:
        raise stdout_error(error) from None
    return Path(STDOUT)


def _write_stream(path: Path, chunks: Iterable[bytes]) -> Path:
    """Write to a FIFO or a device as it is."""
    try:
        with open(path, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
    except OSError as error:
        raise KgError(f"{path}: cannot write ({error.strerror or error})") from None
    return path
