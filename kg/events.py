"""The event record: the contract between the stages and the output of ``kg extract``."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any

from .schema import TOPIC


@dataclass(frozen=True)
class ActorRef:
    """An actor as one sentence mentions it, resolved to a canonical id.

    ``type`` is one of :data:`kg.schema.ACTOR_TYPES`, or ``TOPIC`` for a topic (no actor: a
    plan, a meeting, an issue; :mod:`kg.topics`); ``sector`` a CAMEO sector code
    (:mod:`kg.agents`); ``known`` says whether a dictionary knows the actor (the gazetteer,
    or a known country's sector), not only the named-entity recogniser.
    """

    id: str
    name: str
    type: str
    country: str | None
    mention: str
    title: str | None = None
    sector: str | None = None
    known: bool = False
    #: for a topic (type ``TOPIC``, :mod:`kg.topics`): what it is, and its issue categories
    topic_kind: str | None = None
    issues: tuple[str, ...] = ()

    @property
    def is_topic(self) -> bool:
        return self.type == TOPIC

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> ActorRef:
        return cls(**{**record, "issues": tuple(record.get("issues") or ())})


@dataclass(frozen=True)
class Action:
    """What the source did, with its category where the lexicon knows it."""

    text: str
    lemma: str
    cameo: str | None = None
    plover: str | None = None
    quad: int | None = None
    goldstein: float | None = None


@dataclass(frozen=True)
class Event:
    """One actor–action–actor event found in one sentence of one document.

    ``modality`` is one of :data:`kg.schema.MODALITIES`.
    """

    doc: str
    sentence: int
    text: str
    source: ActorRef
    action: Action
    target: ActorRef | None
    date: str | None = None
    location: str | None = None
    negated: bool = False
    modality: str = "asserted"
    span: tuple[int, int] = (0, 0)
    confidence: float = 0.5
    title: str | None = None
    url: str | None = None
    author: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def layer(self) -> str:
        """Which layer of :data:`kg.schema.LAYERS` the event is in: a coded ``event`` (an action
        the lexicon knows, between two actors, that the text says happened or is planned: a
        graph edge), a ``relation`` between two actors that is uncoded or did not happen (only
        asked for or supposed: "asked Zelensky to investigate Biden"; denied: "I put no pressure
        on them" — a refusal is an act of its own, CAMEO 12), a ``statement`` of one actor
        with no recipient, or a ``topic`` link: an act on a topic ("Macron announced a
        meeting") or of one ("the plan includes security guarantees")."""
        if self.source.is_topic or (self.target is not None and self.target.is_topic):
            return "topic"
        if self.target is None:
            return "statement"
        unrealised = self.modality == "hypothetical" or (
            self.modality == "negated" and self.action.cameo != REJECTION_ROOT)
        return "event" if self.action.cameo and not unrealised else "relation"

    @cached_property
    def id(self) -> str:
        """A stable id: the same event in the same document always gets the same id."""
        target = self.target.id if self.target else ""
        key = "|".join(
            [self.doc, str(self.sentence), self.source.id, self.action.lemma, target,
             self.source.mention, self.target.mention if self.target else ""]
        )
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready record, as the README describes it."""
        record = asdict(self)
        record["span"] = list(self.span)
        for side in ("source", "target"):
            if record[side] is not None:
                record[side]["issues"] = list(record[side]["issues"])
        extra = record.pop("extra")
        return {"id": self.id, "layer": self.layer, **record, **extra}

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Event:
        """Rebuild an event from :meth:`to_dict` output.

        Raises:
            ValueError: a field has the wrong type (TypeError, KeyError: a field is missing).
        """
        _check_types(record)
        known = {f for f in cls.__dataclass_fields__ if f != "extra"}
        target = record.get("target")
        fields = {k: v for k, v in record.items() if k in known}
        fields["source"] = ActorRef.from_dict(record["source"])
        fields["target"] = ActorRef.from_dict(target) if target else None
        fields["action"] = Action(**record["action"])
        fields["span"] = tuple(record.get("span", (0, 0)))
        extra = {k: v for k, v in record.items() if k not in known and k not in DERIVED}
        return cls(**fields, extra=extra)

    def to_json(self) -> str:
        """One line of JSON, keys in a fixed order."""
        return json.dumps(self.to_dict(), ensure_ascii=False)


def json_lines(events: Iterable[Event]) -> Iterator[bytes]:
    """Each event as a line of JSON in UTF-8 (what ``kg extract`` writes); a lone surrogate
    becomes ``?``."""
    for event in events:
        yield event.to_json().encode("utf-8", errors="replace") + b"\n"


#: Keys of the record that the event computes (its id and layer), not fields of its own.
DERIVED = frozenset({"id", "layer"})
#: The CAMEO root of a rejection: a refused act is an act of refusal, a graph edge.
REJECTION_ROOT = "12"
_TEXT, _OPTIONAL_TEXT = (str,), (str, type(None))
#: The types of the record's fields that the stages rely on.
_RECORD_TYPES = {"doc": _TEXT, "text": _TEXT, "sentence": (int,), "modality": _TEXT,
                 "date": _OPTIONAL_TEXT, "location": _OPTIONAL_TEXT, "title": _OPTIONAL_TEXT,
                 "url": _OPTIONAL_TEXT, "author": _OPTIONAL_TEXT}
_ACTOR_TYPES = {"id": _TEXT, "name": _TEXT, "type": _TEXT, "mention": _TEXT,
                "country": _OPTIONAL_TEXT, "title": _OPTIONAL_TEXT, "sector": _OPTIONAL_TEXT,
                "known": (bool,), "topic_kind": _OPTIONAL_TEXT, "issues": (list, tuple)}
_ACTION_TYPES = {"text": _TEXT, "lemma": _TEXT, "cameo": _OPTIONAL_TEXT, "plover": _OPTIONAL_TEXT}


def _check_types(record: dict[str, Any]) -> None:
    parts = [("", record, _RECORD_TYPES), ("source.", record["source"], _ACTOR_TYPES),
             ("action.", record["action"], _ACTION_TYPES)]
    if record.get("target") is not None:
        parts.append(("target.", record["target"], _ACTOR_TYPES))
    for prefix, part, types in parts:
        if not isinstance(part, dict):
            raise ValueError(f"{prefix.rstrip('.')} is not an object")
        for name, allowed in types.items():
            value = part.get(name)
            if name in part and not isinstance(value, allowed) or (
                    isinstance(value, bool) and bool not in allowed):
                raise ValueError(f"{prefix}{name} has the wrong type ({value!r:.40})")
