"""CSV (format ``csv``): the events and the actors as two tables, for spreadsheets.

Two files in a folder: ``events.csv``, one row per edge (``source``, ``source_name``,
``target``, ``target_name``, ``key``, then the edge attributes), and ``actors.csv``, one
row per node (``id``, then the node attributes). The contract's columns
(:data:`kg.schema.EDGE_FIELDS`, :data:`kg.schema.NODE_FIELDS`) come first in their order,
then any other attribute in sorted order. UTF-8, quoted where needed by the csv module.
Each file is written atomically, the pair is not.

A cell is the value's text: empty for None, ``true``/``false`` for booleans, JSON for
lists and dicts. What CSV cannot hold, and the note it lacks, are in :mod:`kg.readwrite`.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return) as a formula, and article text is untrusted: such a text cell is written with a
leading apostrophe (the OWASP advice for CSV injection), which spreadsheets show as text and
do not display; so is a text cell that starts with an apostrophe, so that the reader, which
drops one leading apostrophe, gives every text back unchanged. Numbers are written as they
are (-4.4 stays a number).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import GraphFileError
from ..files import atomic_write
from ..schema import EDGE_FIELDS, NODE_FIELDS, STATEMENT_FIELDS
from .common import _CONTAINERS, Attributes, _check_graph, _sorted_edges, _sorted_nodes, _to_json

#: The fixed columns of ``events.csv``, before the edge attributes.
EVENT_COLUMNS = ("source", "source_name", "target", "target_name", "key")
#: The fixed column of ``actors.csv``, before the node attributes.
ACTOR_COLUMNS = ("id",)
EVENTS_CSV = "events.csv"
ACTORS_CSV = "actors.csv"
STATEMENTS_CSV = "statements.csv"

# The csv module refuses cells over 131,072 characters; an evidence sentence may be longer.
csv.field_size_limit(max(csv.field_size_limit(), 2**24))
_INT = re.compile(r"[-+]?\d+")
_FLOAT = re.compile(r"[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?")


# --------------------------------------------------------------------------- writing


#: The first characters that make a spreadsheet read a cell as a formula, and the apostrophe
#: that defuses them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
DEFUSE = "'"


def defused(text: str) -> str:
    """A text cell a spreadsheet shows as text (see the module docstring)."""
    return DEFUSE + text if text.startswith((*FORMULA_STARTS, DEFUSE)) else text


def _restored(text: str) -> str:
    return text[1:] if text.startswith(DEFUSE) else text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, _CONTAINERS):
        return _to_json(sorted(value, key=str) if isinstance(value, (set, frozenset)) else value)
    return defused(str(value))


def _extra_columns(records: Iterable[Attributes], fields: dict[str, type], fixed: tuple[str, ...],
                   label: str) -> list[str]:
    """The attribute names outside the contract, sorted; a name that is a fixed column is refused."""
    names = sorted({str(name) for record in records for name in record} - set(fields))
    clash = sorted(set(names) & set(fixed))
    if clash:
        raise GraphFileError(f"{label}: the attribute {clash[0]!r} has the name of a fixed column")
    return names


def _csv_text(header: list[str], rows: Iterable[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(map(defused, header))
    writer.writerows(rows)
    return buffer.getvalue()


def events_csv(graph: nx.MultiDiGraph, label: str = EVENTS_CSV) -> str:
    """The edges as CSV text, one row per event (see the module docstring)."""
    edges = _sorted_edges(graph)
    columns = [*EDGE_FIELDS, *_extra_columns((d for *_, d in edges), EDGE_FIELDS, EVENT_COLUMNS, label)]
    rows = ([_cell(u), _cell(graph.nodes[u].get("name")), _cell(v), _cell(graph.nodes[v].get("name")),
             _cell(k), *(_cell(data.get(name)) for name in columns)] for u, v, k, data in edges)
    return _csv_text([*EVENT_COLUMNS, *columns], rows)


def actors_csv(graph: nx.MultiDiGraph, label: str = ACTORS_CSV) -> str:
    """The nodes as CSV text, one row per actor."""
    nodes = _sorted_nodes(graph)
    columns = [*NODE_FIELDS, *_extra_columns((d for _, d in nodes), NODE_FIELDS, ACTOR_COLUMNS, label)]
    rows = ([_cell(node), *(_cell(data.get(name)) for name in columns)] for node, data in nodes)
    return _csv_text([*ACTOR_COLUMNS, *columns], rows)


def write_events_csv(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the events (edges) as CSV."""
    _check_graph(graph, path)
    return atomic_write(path, events_csv(graph, str(path)))


def write_actors_csv(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the actors (nodes) as CSV."""
    _check_graph(graph, path)
    return atomic_write(path, actors_csv(graph, str(path)))


def statements_csv(graph: nx.MultiDiGraph) -> str:
    """The statements (``graph.graph["statements"]``) as CSV text, one row per statement."""
    statements = sorted((graph.graph.get("statements") or {}).items())
    rows = ([_cell(key), *(_cell(record.get(name)) for name in STATEMENT_FIELDS)]
            for key, record in statements)
    return _csv_text(["id", *STATEMENT_FIELDS], rows)


def write_graph_csv(graph: nx.MultiDiGraph, folder: str | Path) -> list[Path]:
    """Write ``events.csv``, ``actors.csv`` and ``statements.csv`` into ``folder`` (created if
    missing)."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise GraphFileError(f"{folder}: cannot create folder ({error.strerror or error})") from None
    return [write_events_csv(graph, folder / EVENTS_CSV), write_actors_csv(graph, folder / ACTORS_CSV),
            atomic_write(folder / STATEMENTS_CSV, statements_csv(graph))]


# --------------------------------------------------------------------------- reading


def _parse(kind: type, text: str) -> Any:
    if kind is bool:
        flags = {"true": True, "false": False}
        if text.lower() not in flags:
            raise ValueError(f"not true or false: {text!r}")
        return flags[text.lower()]
    if kind is list:
        value = json.loads(text)
        if not isinstance(value, list):
            raise ValueError(f"not a JSON list: {text[:80]!r}")
        return value
    return kind(text)


def _guess(text: str) -> Any:
    """The value of a cell outside the contract, its type guessed from its text."""
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    if text[:1] in ("[", "{"):
        try:
            return json.loads(text)
        except ValueError:
            pass
    return text


def _row_attributes(row: dict[str, str], fields: dict[str, type], where: str) -> Attributes:
    data: Attributes = dict.fromkeys(fields)
    for name, text in row.items():
        if name in fields and text:
            try:
                data[name] = _parse(fields[name], text)
            except ValueError as error:
                raise GraphFileError(f"{where}: column {name!r}: {error}") from None
        elif text:
            data[name] = _guess(text)
    return data


def _csv_rows(path: str | Path, fixed: tuple[str, ...]) -> Iterator[tuple[str, dict[str, str]]]:
    """``(where, row)`` for each row of a CSV file that has the ``fixed`` columns."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            reader.fieldnames = [_restored(name) for name in reader.fieldnames or []]
            missing = [c for c in fixed if c not in reader.fieldnames]
            if missing:
                raise GraphFileError(f"{path}: not a kg CSV file (no column {missing[0]!r})")
            for row in reader:
                where = f"{path}, line {reader.line_num}"
                if None in row:
                    raise GraphFileError(f"{where}: more cells than columns")
                yield where, {name: _restored(text or "") for name, text in row.items()}
    except (OSError, UnicodeDecodeError) as error:
        raise GraphFileError(f"{path}: cannot read CSV file ({error})") from None
    except csv.Error as error:
        raise GraphFileError(f"{path}: not a CSV file ({error})") from None


def read_graph_csv(events_path: str | Path, actors_path: str | Path,
                   statements_path: str | Path | None = None) -> nx.MultiDiGraph:
    """Rebuild the graph from files written by :func:`write_events_csv` and :func:`write_actors_csv`
    (and :func:`statements_csv`, when given and present).

    Every actor an event names must be in the actors file.
    """
    graph = nx.MultiDiGraph()
    for where, row in _csv_rows(actors_path, ACTOR_COLUMNS):
        node = row.pop("id")
        if node in graph:
            raise GraphFileError(f"{where}: actor {node!r} appears twice")
        graph.add_node(node, **_row_attributes(row, NODE_FIELDS, where))
    for where, row in _csv_rows(events_path, EVENT_COLUMNS):
        u, v, key = row.pop("source"), row.pop("target"), row.pop("key")
        del row["source_name"], row["target_name"]
        for actor in (u, v):
            if actor not in graph:
                raise GraphFileError(f"{where}: actor {actor!r} is not in {actors_path}")
        if graph.has_edge(u, v, key):
            raise GraphFileError(f"{where}: event {key!r} appears twice")
        graph.add_edge(u, v, key=key, **_row_attributes(row, EDGE_FIELDS, where))
    if statements_path is not None and Path(statements_path).is_file():
        types = {name: int if name == "sentence" else str for name in STATEMENT_FIELDS}
        statements = {row.pop("id"): _row_attributes(row, types, where)
                      for where, row in _csv_rows(statements_path, ("id",))}
        if statements:
            graph.graph["statements"] = {k: {name: s.get(name) for name in STATEMENT_FIELDS}
                                         for k, s in statements.items()}
    return graph
