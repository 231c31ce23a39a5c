"""A small on-disk cache of values that are costly to build and cheap to read back.

The cache folder is ``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``.
Entries are named by a key that hashes everything they were built from, so an entry is never
stale, only unused; delete the folder at any time. A cache that cannot be read or written is
no error: the value is built again.

Values are plain data (strings, numbers, tuples, lists, dicts) written with :mod:`marshal`,
which reads them back several times faster than pickle and runs no code; its format belongs
to the Python version, which is part of every file's name.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any

from .errors import KgError
from .files import atomic_write_bytes


def cache_dir() -> Path:
    """The cache folder (it may not exist yet)."""
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


def _path(key: str) -> Path:
    return cache_dir() / f"{key}.{sys.implementation.cache_tag}.marshal"


def load(key: str) -> Any | None:
    """The value stored under ``key``, or None when there is none (or it cannot be read)."""
    try:
        return marshal.loads(_path(key).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None


def save(key: str, value: Any) -> None:
    """Store ``value`` under ``key``; a folder that cannot be written is left alone."""
    try:
        data = marshal.dumps(value)
        cache_dir().mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(_path(key), data)
    except (OSError, ValueError, KgError):
        pass
