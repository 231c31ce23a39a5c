"""The gold data every suite is read into: records, events and actors, and the error of bad files."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import KgError


class EvaluationError(KgError):
    """A gold file is missing, unreadable or not the suite it was named as."""


@dataclass(frozen=True)
class GoldActor:
    """A gold actor: its words in the sentence and/or its actor code."""

    text: str | None
    code: str | None


@dataclass(frozen=True)
class GoldEvent:
    """One gold event; any of ``sources`` (``targets``) may match the extracted source (target)."""

    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]
    plover: str | None = None
    cameo: str | None = None


@dataclass(frozen=True)
class GoldRecord:
    """One gold sentence with its events."""

    id: str
    text: str
    date: str | None
    category: str | None
    events: tuple[GoldEvent, ...]
    noevents: bool = False
