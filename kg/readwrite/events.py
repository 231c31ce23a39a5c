"""Events as JSON lines (what ``kg extract -o`` writes): one :meth:`kg.events.Event.to_json` record a line.

The write is atomic and streamed, so a long run's events are never all held in memory;
a lone surrogate in a text is written as ``?``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import KgError
from ..events import Event, json_lines
from ..files import atomic_write_chunks


def write_events(events: Iterable[Event], path: str | Path) -> Path:
    """Write events as JSON lines, streaming."""
    return atomic_write_chunks(path, json_lines(events))


def read_events(path: str | Path) -> Iterator[Event]:
    """Read events written by :func:`write_events`."""
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                try:
                    yield Event.from_dict(json.loads(line))
                except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
                    raise KgError(f"{path}, line {number}: not an event record ({error})") from None
