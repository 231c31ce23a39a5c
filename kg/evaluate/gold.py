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
    #: where the event is stated (character offsets of its sentence in the record's text): an
    #: extracted event matches only if its sentence overlaps; None: anywhere in the record
    span: tuple[int, int] | None = None
    #: how the text states the event ("noun", "reported", ...), for the breakdown
    kind: str | None = None


@dataclass(frozen=True)
class GoldRecord:
    """One gold sentence (or article) with its events."""

    id: str
    text: str
    date: str | None
    category: str | None
    events: tuple[GoldEvent, ...]
    noevents: bool = False
    #: every event of the text is annotated, so unmatched extracted events are wrong
    complete: bool = False
