"""Atomic file writes: an interrupted run never leaves half a file in place of the old one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import KgError


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write bytes atomically (see :func:`atomic_write_chunks`)."""
    return atomic_write_chunks(path, [data])


def atomic_write_chunks(path: str | Path, chunks: Iterable[bytes]) -> Path:
    """Write a stream of bytes to a temporary file beside ``path``, then rename it into place.

    An interrupted run therefore leaves the previous file intact, and a long stream is never
    held in memory. A new file gets mode 0644, a replaced one keeps its mode.
    """
    path = Path(path)
    temp = None
    try:
        mode = path.stat().st_mode & 0o777 if path.is_file() else 0o644
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


def atomic_write(path: str | Path, text: str) -> Path:
    """Write text as UTF-8 with :func:`atomic_write_bytes`; lone surrogates become ``?``."""
    return atomic_write_bytes(path, text.encode("utf-8", errors="replace"))
