"""Event-data tables (format ``events-tsv``): kg's events as the Phoenix / ICEWS-style table
analysts already hold, one row per event, with CAMEO actor codes.

An actor's CAMEO code is its country (ISO 3166 alpha-3) and its sector where kg knows them
(``USAGOV``, ``TURMIL``), its country alone for a country or a person of it without a known
role (``USA``), ``IGO`` for an international organisation; empty otherwise. Topic links are
left out: the table's rows are events between two actors.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..files import atomic_write
from ..schema import TOPIC
from .common import _check_graph, _sorted_edges
from .csvfiles import defused

#: The columns of the table, in order.
EVENT_DATA_COLUMNS = (
    "event_id", "date", "source_name", "source_code", "source_id", "cameo", "quad_class",
    "goldstein", "target_name", "target_code", "target_id", "modality", "location", "url", "doc",
    "author", "evidence",
)


def actor_code(attrs: dict) -> str | None:
    """An actor's CAMEO actor code (see the module docstring), or None."""
    country, sector, kind = attrs.get("country"), attrs.get("sector"), attrs.get("type")
    if kind == "IGO":
        return "IGO" + (sector or "")
    if country:
        return country + (sector or "")
    return None


def events_tsv(graph: nx.MultiDiGraph) -> str:
    """The events as tab-separated text (tabs and line breaks inside a cell become spaces)."""
    lines = ["\t".join(EVENT_DATA_COLUMNS)]
    for u, v, key, data in _sorted_edges(graph):
        source, target = graph.nodes[u], graph.nodes[v]
        if TOPIC in (source.get("type"), target.get("type")):
            continue
        row = {
            "event_id": key, "date": data.get("date"), "source_name": source.get("name"),
            "source_code": actor_code(source), "source_id": u, "cameo": data.get("cameo"),
            "quad_class": data.get("quad"), "goldstein": data.get("goldstein"),
            "target_name": target.get("name"), "target_code": actor_code(target), "target_id": v,
            "modality": data.get("modality"), "location": data.get("location"), "url": data.get("url"),
            "doc": data.get("doc"), "author": data.get("author"), "evidence": data.get("text"),
        }
        lines.append("\t".join(_cell(row[name]) for name in EVENT_DATA_COLUMNS))
    return "\n".join(lines) + "\n"


def _cell(value: object) -> str:
    """A value on one line; text a spreadsheet would run as a formula is defused."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    return defused(text) if isinstance(value, str) else text


def write_events_tsv(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the event-data table."""
    _check_graph(graph, path)
    return atomic_write(path, events_tsv(graph))
