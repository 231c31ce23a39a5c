"""The graph contract: what an actor and an event are, and the rules every stage shares.

Every other module takes these from here: the event record (:mod:`kg.events`), the graph
(:mod:`kg.graph`), the files (:mod:`kg.readwrite`) and the page (:mod:`kg.render`, whose
script receives the labels, colours and each event's category and date bounds in its data).

- actor types, modalities, layers and QuadClasses, with the page's labels and colours;
- :data:`NODE_FIELDS` and :data:`EDGE_FIELDS`: the attributes of a node (an actor) and of an
  edge (an event) of kg's graph, with their types;
- :func:`category`: the one category an edge is grouped and filtered by;
- :func:`date_bounds` and :func:`in_date_range`: the one date-range rule;
- :func:`validate_graph`: a graph read from a file checked against all of the above once.
"""

from __future__ import annotations

import calendar
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date as Date
from typing import Any

from .errors import GraphFileError

#: Actor types, each with its node colour (the legend shows them in this order).
TYPE_COLORS: dict[str, str] = {
    "PERSON": "#4e79a7",
    "GOV": "#8c5fb8",
    "ORG": "#9c755f",
    "IGO": "#e0b727",
    "COUNTRY": "#17becf",
    "GROUP": "#e377c2",
    "OTHER": "#9a9a9a",
}
ACTOR_TYPES: tuple[str, ...] = tuple(TYPE_COLORS)
#: The type of a topic node (no actor: a plan, a meeting, an issue; :mod:`kg.topics`), its colour
#: and its shape on the page.
TOPIC, TOPIC_COLOR, TOPIC_SHAPE = "TOPIC", "#6f9e4c", "diamond"
#: Every node type of the graph.
NODE_TYPES: tuple[str, ...] = (*ACTOR_TYPES, TOPIC)

#: How an event was stated (see the README's event record for the rules that decide it).
MODALITIES: tuple[str, ...] = ("asserted", "negated", "future", "hypothetical", "reported")
#: The layers of what the extractor finds: coded events between two actors (the graph's
#: edges), relations between two actors, uncoded or not done (edges only when asked for), and
#: statements of one actor without a recipient (kept on the actor's node), and topic links, to
#: or from a topic (edges unless left out).
LAYERS: tuple[str, ...] = ("event", "relation", "statement", "topic")

#: CAMEO QuadClasses; 0 stands for an event without one.
QUAD_LABELS: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
    0: "unclassified",
}
QUAD_COLORS: dict[int, str] = {1: "#2ca02c", 2: "#17a6a6", 3: "#ff8c1a", 4: "#d62728", 0: "#a3a3a3"}

#: The twenty CAMEO root codes in words (the CAMEO 1.1b3 manual's headings).
CAMEO_ROOT_NAMES: dict[str, str] = {
    "01": "make public statement", "02": "appeal", "03": "express intent to cooperate",
    "04": "consult", "05": "engage in diplomatic cooperation", "06": "engage in material cooperation",
    "07": "provide aid", "08": "yield", "09": "investigate", "10": "demand", "11": "disapprove",
    "12": "reject", "13": "threaten", "14": "protest", "15": "exhibit force posture",
    "16": "reduce relations", "17": "coerce", "18": "assault", "19": "fight",
    "20": "use unconventional mass violence",
}

#: The attributes of every node of kg's graph, and their types.
NODE_FIELDS: dict[str, type] = {
    "name": str, "type": str, "country": str, "sector": str, "known": bool, "aliases": list,
    "titles": list, "mentions": int, "statements": list, "topic_kind": str, "issues": list,
}

#: The attributes of every edge of kg's graph (one edge per event), and their types.
EDGE_FIELDS: dict[str, type] = {
    "action": str, "lemma": str, "cameo": str, "plover": str, "quad": int, "goldstein": float,
    "doc": str, "title": str, "url": str, "author": str, "sentence": int, "text": str,
    "date": str, "location": str, "modality": str, "negated": bool, "confidence": float,
    "source_mention": str, "target_mention": str, "layer": str,
}

#: What the graph keeps of each statement (and of each relation kept as one), in
#: ``graph.graph["statements"]`` by event id: ``actor`` is the source's id, ``target`` the
#: other actor's name; the page lists them under their actor.
STATEMENT_FIELDS: tuple[str, ...] = ("actor", "action", "target", "date", "modality", "doc", "title", "url",
                                     "sentence", "text")

#: Fields that are never None.
REQUIRED_NODE_FIELDS = frozenset({"name", "type", "aliases", "titles", "mentions", "statements"})
REQUIRED_EDGE_FIELDS = frozenset({"action", "lemma", "doc", "sentence", "text", "modality", "negated",
                                  "confidence"})


def category(edge: Mapping[str, Any]) -> str | None:
    """The category an event is grouped and filtered by: its PLOVER type, else its CAMEO root
    ("CAMEO 04"), else None (uncategorised). ``edge`` is an edge's attributes."""
    if edge.get("plover"):
        return edge["plover"]
    return f"CAMEO {edge['cameo']}" if edge.get("cameo") else None


_WIKIDATA_ID = re.compile(r"Q[1-9]\d*")


def wikidata_id(actor: object) -> str | None:
    """The actor's Wikidata id, when its kg id is one (the curated gazetteer's ids are)."""
    return str(actor) if _WIKIDATA_ID.fullmatch(str(actor)) else None


def category_label(key: str | None) -> str:
    """A category (:func:`category`) in words: "CONSULT" → "consult", "CAMEO 01" → "make
    public statement (CAMEO 01)", None → "uncategorised"."""
    if key is None:
        return "uncategorised"
    if key.startswith("CAMEO "):
        root = key.removeprefix("CAMEO ")
        return f"{CAMEO_ROOT_NAMES[root]} ({key})" if root in CAMEO_ROOT_NAMES else key
    return key.lower()


@dataclass(frozen=True)
class Filters:
    """What a view of the graph shows: the one rule the page and :func:`kg.filter_graph` share.

    An event is shown when it passes every event filter (QuadClass, category, modality, date)
    and both its actors' types are shown; an actor is shown when at least ``min_events`` of
    the shown events are its own, and an event only when both its actors are. ``None`` lets
    everything through. Categories are :func:`category` keys (None for uncategorised).
    """

    quads: frozenset[int] | None = None
    categories: frozenset[str | None] | None = None
    modalities: frozenset[str] | None = None
    types: frozenset[str] | None = None
    start: str | None = None
    end: str | None = None
    undated: bool = True
    min_events: int = 1

    def event_passes(self, edge: Mapping[str, Any], source_type: str, target_type: str) -> bool:
        """Whether an event (an edge's attributes) passes the event filters."""
        return ((self.quads is None or (edge.get("quad") or 0) in self.quads)
                and (self.categories is None or category(edge) in self.categories)
                and (self.modalities is None or (edge.get("modality") or "asserted") in self.modalities)
                and (self.types is None or (source_type in self.types and target_type in self.types))
                and in_date_range(edge.get("date"), self.start, self.end, undated=self.undated))

    def shown(self, edges: Iterable[tuple[Any, Any, Mapping[str, Any]]],
              types: Mapping[Any, str]) -> tuple[list[int], set[Any]]:
        """The indices of the shown events among ``edges`` (source, target, attributes) and
        the shown actors; ``types`` gives each actor's type."""
        passing = [(i, u, v) for i, (u, v, data) in enumerate(edges)
                   if self.event_passes(data, types[u], types[v])]
        counts = Counter(a for _, u, v in passing for a in {u, v})
        actors = {a for a, n in counts.items() if n >= self.min_events}
        return [i for i, u, v in passing if u in actors and v in actors], actors


_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def date_bounds(date: str | None) -> tuple[str, str] | None:
    """The first and last day a date stands for: "2025-08" → ("2025-08-01", "2025-08-31"),
    "2025" → ("2025-01-01", "2025-12-31"); None for no date.

    Raises:
        ValueError: the date is not YYYY, YYYY-MM or YYYY-MM-DD, or no such day exists.
    """
    if not date:
        return None
    if not isinstance(date, str) or not _DATE.fullmatch(date):
        raise ValueError(f"not a day, month or year: {date!r}")
    parts = date.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(parts[1])
    if len(parts) == 2:
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    Date(year, month, int(parts[2]))  # a ValueError for a day that does not exist
    return date, date


def in_date_range(date: str | None, start: str | None, end: str | None, *, undated: bool) -> bool:
    """Whether an event dated ``date`` falls in the range from ``start`` to ``end`` (days,
    months or years, inclusive; either open when None: ``end="2025-08"`` is the end of August).

    A date that is a month or a year is in the range when its period overlaps it, so
    "2025-08" is in August 2025 whichever day the range starts on. An undated event is in
    any range when ``undated`` is true, and in none otherwise.
    """
    bounds = date_bounds(date)
    if bounds is None:
        return undated
    first, last = bounds
    start = date_bounds(start)[0] if start else None
    end = date_bounds(end)[1] if end else None
    return (start is None or last >= start) and (end is None or first <= end)


# --------------------------------------------------------------------------- validation


def validate_graph(graph: Any, where: str) -> None:
    """Check that a graph read from ``where`` keeps the contract, naming the first breach.

    Raises:
        GraphFileError: a node or an edge lacks a required field, or has a field of the
            wrong type or outside the contract's values.
    """
    for node, data in graph.nodes(data=True):
        if not isinstance(node, str):
            raise GraphFileError(f"{where}: the actor id {node!r} is not text")
        _check_fields(data, NODE_FIELDS, REQUIRED_NODE_FIELDS, f"{where}, actor {node!r}")
        if data["type"] not in NODE_TYPES:
            raise GraphFileError(f"{where}, actor {node!r}: unknown type {data['type']!r}")
    for u, v, key, data in graph.edges(keys=True, data=True):
        label = f"{where}, event {key!r} ({u!r} → {v!r})"
        if not isinstance(key, str):
            raise GraphFileError(f"{label}: the event id is not text")
        _check_fields(data, EDGE_FIELDS, REQUIRED_EDGE_FIELDS, label)
        if data["modality"] not in MODALITIES:
            raise GraphFileError(f"{label}: unknown modality {data['modality']!r}")
        if data.get("layer") not in (None, *LAYERS):  # graphs of earlier versions have none
            raise GraphFileError(f"{label}: unknown layer {data['layer']!r}")
        if data.get("quad") is not None and data["quad"] not in (1, 2, 3, 4):
            raise GraphFileError(f"{label}: quad must be 1 to 4, not {data['quad']!r}")
        try:
            date_bounds(data.get("date"))
        except ValueError:
            raise GraphFileError(f"{label}: date {data['date']!r} is not a day, month or year") from None


def _check_fields(data: Mapping[str, Any], fields: dict[str, type], required: frozenset[str],
                  where: str) -> None:
    for name, kind in fields.items():
        value = data.get(name)
        if value is None:
            if name in required:
                raise GraphFileError(f"{where}: no {name!r}")
            continue
        if not _has_type(value, kind):
            raise GraphFileError(f"{where}: {name!r} should be {kind.__name__}, not {value!r:.80}")


def _has_type(value: Any, kind: type) -> bool:
    if kind is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind is list:
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    return isinstance(value, kind)
