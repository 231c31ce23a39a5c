"""Write and read kg's files: events as JSON lines; the graph as JSON, GraphML, GEXF or CSV.

Every graph format has a writer and a reader, and :func:`export_graph` /
:func:`import_graph` pick them by name (:data:`FORMATS`). Writes are atomic (a temporary
file in the same folder, then a rename), and the same graph always gives the same bytes:
nodes, edges and attributes are written in sorted order.

``json`` — :func:`write_graph` / :func:`load_graph`
    kg's own file, a JSON object ``{"kg_graph": 1, "nodes": [...], "edges": [...]}``: each
    node is ``{"id": ..., **attributes}``, each edge ``{"source", "target", "key",
    **attributes}``. Holds everything, exactly.

``graphml`` — :func:`write_graphml` / :func:`read_graphml`
    GraphML (Gephi, yEd, Cytoscape), through networkx. The edge id is the event id.

``gexf`` — :func:`write_gexf` / :func:`read_gexf`
    GEXF 1.2 (Gephi), through networkx. Node labels are actor names and edge labels the
    action, so Gephi shows them; the edge id is the event id (when keys are unique in the
    graph) and the ``networkx_key`` attribute keeps the key.

``csv`` — :func:`write_graph_csv` / :func:`read_graph_csv`
    Two files in a folder: ``events.csv``, one row per edge (``source``, ``source_name``,
    ``target``, ``target_name``, ``key``, then the edge attributes), and ``actors.csv``, one
    row per node (``id``, then the node attributes). UTF-8, quoted where needed by the csv
    module. Each file is written atomically, the pair is not.

What GraphML, GEXF and CSV cannot hold, and what kg does about it:

- ``None`` is not written, and lists and dicts are written as JSON text. A GraphML or
  GEXF file from kg carries a note (:data:`NOTE`: a graph attribute in GraphML, the
  ``<meta>`` description in GEXF) naming, for nodes and for edges, the attributes written
  as JSON and those that were None somewhere; the reader decodes the first and gives the
  second back as None wherever they are missing, so any attribute round-trips, not only
  the contract's. A file without the note (from another tool) is read with the contract's
  rule: missing attributes of :data:`NODE_SCHEMA` and :data:`EDGE_SCHEMA` are None and
  its list attributes are decoded from JSON.
- CSV has no note. Its contract columns are read with the contract's types and an empty
  cell is None; in any other column an empty cell means the attribute is missing, and
  the type is guessed from the text (``true``/``false``, integers, decimals, JSON lists
  and objects). CSV cannot tell an empty string from None.
- Types: XML files declare one type per attribute, so an attribute with both int and
  float values is written as float, any other mix as text. Node ids and keys always come
  back as strings.
- XML 1.0 forbids most control characters (``\\x00``–``\\x08``, ``\\x0b``, ``\\x0c``,
  ``\\x0e``–``\\x1f``), ``U+FFFE``, ``U+FFFF`` and lone surrogates even as character
  references, so GraphML and GEXF replace each with ``U+FFFD`` (�), and line breaks
  ``\\r\\n`` and ``\\r`` become ``\\n`` (which is what any XML parser would make of them).
  Text with those characters does not round-trip exactly; everything else (``<``, ``&``,
  quotes) is escaped and comes back unchanged. CSV keeps every character.
- CSV cells are written as they are: a cell starting with ``=``, ``+``, ``-`` or ``@``
  is not defused against spreadsheet formulas.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
from networkx.readwrite.gexf import GEXFReader, GEXFWriter

from .errors import GraphFileError, KgError
from .events import Event
from .files import atomic_write, atomic_write_bytes, atomic_write_chunks

FORMAT_VERSION = 1

#: Names of the graph formats :func:`export_graph` and :func:`import_graph` know.
FORMATS = ("json", "graphml", "gexf", "csv")

#: The node attributes of kg's graph contract and their types.
NODE_SCHEMA: dict[str, type] = {
    "name": str, "type": str, "country": str, "aliases": list, "titles": list, "mentions": int,
    "statements": list,
}

#: The edge attributes of kg's graph contract (see :func:`kg.graph.edge_attributes`).
EDGE_SCHEMA: dict[str, type] = {
    "action": str, "lemma": str, "cameo": str, "plover": str, "quad": int, "goldstein": float,
    "doc": str, "title": str, "sentence": int, "text": str, "date": str, "location": str,
    "modality": str, "negated": bool, "confidence": float, "source_mention": str,
    "target_mention": str,
}

EVENT_COLUMNS = ("source", "source_name", "target", "target_name", "key")
ACTOR_COLUMNS = ("id",)
#: The note, in GraphML and GEXF files, of the attributes written as JSON or left out as None.
NOTE = "kg_attributes"
EVENTS_CSV = "events.csv"
ACTORS_CSV = "actors.csv"

#: Attributes the GEXF writer of networkx gives a meaning of its own (``label`` aside).
GEXF_RESERVED_NODE = frozenset({"id", "pid", "start", "end", "viz", "parents", "spells", "slices"})
GEXF_RESERVED_EDGE = frozenset({"id", "type", "start", "end", "key", "networkx_key", "viz", "spells",
                                "slices"})

_XML_FORBIDDEN = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_INT = re.compile(r"[-+]?\d+")
_FLOAT = re.compile(r"[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?")
_CONTAINERS = (list, tuple, set, frozenset, dict)

Attributes = dict[str, Any]


# --------------------------------------------------------------------------- atomic writes


# --------------------------------------------------------------------------- events


def events_to_jsonl(events: Iterable[Event]) -> str:
    return "".join(event.to_json() + "\n" for event in events)


def write_events(events: Iterable[Event], path: str | Path) -> Path:
    """Write events as JSON lines, streaming."""
    lines = (event.to_json().encode("utf-8", errors="replace") + b"\n" for event in events)
    return atomic_write_chunks(path, lines)


def read_events(path: str | Path) -> Iterator[Event]:
    """Read events written by :func:`write_events`."""
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                try:
                    yield Event.from_dict(json.loads(line))
                except (ValueError, KeyError, TypeError) as error:
                    raise KgError(f"{path}, line {number}: not an event record ({error})") from None


# --------------------------------------------------------------------------- json


def graph_to_json(graph: nx.MultiDiGraph) -> str:
    nodes = [{"id": node, **data} for node, data in sorted(graph.nodes(data=True))]
    edges = [{"source": u, "target": v, "key": k, **data}
             for u, v, k, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3])]
    document = {"kg_graph": FORMAT_VERSION, "nodes": nodes, "edges": edges}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_graph(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the graph as kg's node-link JSON."""
    return atomic_write(path, graph_to_json(graph))


def graph_from_json(text: str, label: str = "graph") -> nx.MultiDiGraph:
    try:
        document = json.loads(text)
        if document.get("kg_graph") != FORMAT_VERSION:
            raise ValueError("not a kg graph file")
        graph = nx.MultiDiGraph()
        for node in document["nodes"]:
            graph.add_node(node.pop("id"), **node)
        for edge in document["edges"]:
            graph.add_edge(edge.pop("source"), edge.pop("target"), key=edge.pop("key"), **edge)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise GraphFileError(f"{label}: not a kg graph file ({error})") from None
    return graph


def load_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graph`."""
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GraphFileError(f"{path}: cannot read graph file ({error})") from None
    return graph_from_json(text, str(path))


# --------------------------------------------------------------------------- shared helpers


def _check_graph(graph: Any, path: str | Path) -> None:
    if not isinstance(graph, nx.MultiDiGraph):
        raise KgError(f"{path}: cannot export a {type(graph).__name__}; kg exports a networkx "
                      "MultiDiGraph such as kg.build_graph returns")


def _sorted_nodes(graph: nx.MultiDiGraph) -> list[tuple[Any, Attributes]]:
    return sorted(graph.nodes(data=True), key=lambda item: str(item[0]))


def _sorted_edges(graph: nx.MultiDiGraph) -> list[tuple[Any, Any, Any, Attributes]]:
    return sorted(graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))


def _to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _restore(data: Attributes, note: dict[str, list[str]] | None, schema: dict[str, type],
             where: str) -> Attributes:
    """Undo the XML encoding of one node's or edge's attributes, following the file's note.

    A file without kg's note (written by another tool) gets the contract's rule: its
    missing attributes are None and its list attributes are decoded from JSON.
    """
    if note is None:
        note = {"none": list(schema), "json": [name for name, kind in schema.items() if kind is list]}
    for name in note["none"]:
        data.setdefault(name, None)
    for name in note["json"]:
        if isinstance(data.get(name), str):
            try:
                data[name] = json.loads(data[name])
            except ValueError:
                raise GraphFileError(f"{where}: {name} is not JSON: {data[name][:80]!r}") from None
    return data


# --------------------------------------------------------------------------- XML formats


def xml_safe(text: str) -> str:
    """``text`` with line breaks as ``\\n`` and the characters XML 1.0 forbids as U+FFFD."""
    return _XML_FORBIDDEN.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))


def _xml_value(value: Any, as_json: bool) -> str | bool | int | float:
    if as_json:
        return _to_json(_clean(value))
    if isinstance(value, (bool, int, float)):
        return value
    return xml_safe(value if isinstance(value, str) else str(value))


def _clean(value: Any) -> Any:
    """A value with its strings made XML-safe (sets sorted into lists)."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, dict):
        return {xml_safe(str(k)): _clean(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((_clean(v) for v in value), key=str)
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def _xml_records(records: list[Attributes]) -> tuple[list[Attributes], dict[str, list[str]]]:
    """Attribute dicts XML can hold, and the note of the names written as JSON or left out as None.

    An attribute with a container value anywhere is written as JSON everywhere, so that
    the reader can decode every value of it.
    """
    safe = [{xml_safe(str(k)): v for k, v in sorted(r.items(), key=lambda kv: str(kv[0]))} for r in records]
    as_json = {k for r in safe for k, v in r.items() if isinstance(v, _CONTAINERS)}
    none = {k for r in safe for k, v in r.items() if v is None}
    encoded = [{k: _xml_value(v, k in as_json) for k, v in r.items() if v is not None} for r in safe]
    _unify_types(encoded)
    return encoded, {"json": sorted(as_json), "none": sorted(none)}


def _unify_types(records: list[Attributes]) -> None:
    """Give each attribute one type across records: int+float → float, other mixes → str."""
    types: dict[str, set[type]] = {}
    for record in records:
        for name, value in record.items():
            types.setdefault(name, set()).add(type(value))
    for name, kinds in types.items():
        if len(kinds) < 2:
            continue
        cast = float if kinds == {int, float} else str
        for record in records:
            if name in record:
                record[name] = cast(record[name])


def _xml_graph(graph: nx.MultiDiGraph) -> tuple[nx.MultiDiGraph, str]:
    """A sorted copy of ``graph`` that XML can hold, and the note (JSON) for the reader."""
    nodes, edges = _sorted_nodes(graph), _sorted_edges(graph)
    node_data, node_note = _xml_records([data for _, data in nodes])
    edge_data, edge_note = _xml_records([data for *_, data in edges])
    xml_graph = nx.MultiDiGraph()
    for (node, _), data in zip(nodes, node_data, strict=True):
        xml_graph.add_node(xml_safe(str(node)), **data)
    for (u, v, key, _), data in zip(edges, edge_data, strict=True):
        xml_graph.add_edge(xml_safe(str(u)), xml_safe(str(v)), key=xml_safe(str(key)), **data)
    return xml_graph, _to_json({"node": node_note, "edge": edge_note})


def _parse_note(text: str | None, path: str | Path) -> dict[str, dict[str, list[str]]] | None:
    if text is None:
        return None
    try:
        note = json.loads(text)
        if not all(isinstance(note[scope][part], list) for scope in ("node", "edge")
                   for part in ("json", "none")):
            raise ValueError("not lists")
    except (ValueError, KeyError, TypeError) as error:
        raise GraphFileError(f"{path}: bad {NOTE} note ({error})") from None
    return note


def _from_xml(read: nx.Graph, note: dict | None, path: str | Path, labels: bool = False) -> nx.MultiDiGraph:
    """The MultiDiGraph of a graph networkx read from GraphML or GEXF, attributes restored.

    With ``labels`` (GEXF), the labels kg added (the node's name or id, the edge's action)
    are dropped, and so are the edge ids.
    """
    graph = nx.MultiDiGraph()
    for node, data in read.nodes(data=True):
        data = dict(data)
        if labels and "label" in data and data["label"] in (node, data.get("name")):
            del data["label"]
        where = f"{path}, node {node!r}"
        graph.add_node(node, **_restore(data, note and note["node"], NODE_SCHEMA, where))
    for u, v, key, data in read.edges(keys=True, data=True):
        data = dict(data)
        if labels or data.get("id") == key:  # networkx < 3.3 copies GraphML edge ids too
            data.pop("id", None)
        if labels and "label" in data and data["label"] == data.get("action"):
            del data["label"]
        where = f"{path}, edge {key!r}"
        graph.add_edge(u, v, key=key, **_restore(data, note and note["edge"], EDGE_SCHEMA, where))
    return graph


def graphml_bytes(graph: nx.MultiDiGraph) -> bytes:
    """The graph as a GraphML document."""
    xml_graph, note = _xml_graph(graph)
    xml_graph.graph[NOTE] = note
    buffer = io.BytesIO()
    nx.write_graphml_xml(xml_graph, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the graph as GraphML (for Gephi, yEd, Cytoscape)."""
    _check_graph(graph, path)
    return atomic_write_bytes(path, graphml_bytes(graph))


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graphml` (or any directed GraphML graph)."""
    read = _reading(path, "GraphML", lambda p: nx.read_graphml(
        p, node_type=str, edge_key_type=str, force_multigraph=True))
    return _from_xml(read, _parse_note(read.graph.get(NOTE), path), path)


def _reading(path: str | Path, kind: str, reader: Callable[[str], Any]) -> Any:
    """``reader(path)``, with its errors as :class:`GraphFileError` naming the path."""
    try:
        return reader(str(path))
    except OSError as error:
        raise GraphFileError(f"{path}: cannot read {kind} file ({error.strerror or error})") from None
    except (ElementTree.ParseError, nx.NetworkXError, KeyError, ValueError, TypeError) as error:
        raise GraphFileError(f"{path}: not a {kind} graph ({error})") from None


def _check_gexf_names(graph: nx.MultiDiGraph, path: str | Path) -> None:
    for names, reserved, what in (
        ({name for _, data in graph.nodes(data=True) for name in data}, GEXF_RESERVED_NODE, "node"),
        ({name for *_, data in graph.edges(keys=True, data=True) for name in data}, GEXF_RESERVED_EDGE,
         "edge"),
    ):
        clash = sorted(names & reserved)
        if clash:
            raise GraphFileError(f"{path}: GEXF has its own use for the {what} attribute {clash[0]!r}")


def _gexf_graph(graph: nx.MultiDiGraph, path: str | Path) -> tuple[nx.MultiDiGraph, str]:
    """The XML-safe copy with GEXF labels and edge ids, and the note."""
    _check_gexf_names(graph, path)
    gexf, note = _xml_graph(graph)
    for node, data in gexf.nodes(data=True):
        data.setdefault("label", str(data.get("name", node)))
    keys = [k for *_, k in gexf.edges(keys=True)]
    unique = len(set(keys)) == len(keys)
    for *_, key, data in gexf.edges(keys=True, data=True):
        if "label" not in data and isinstance(data.get("action"), str):
            data["label"] = data["action"]
        if unique:
            data["id"] = key
    return gexf, note


def gexf_bytes(graph: nx.MultiDiGraph, path: str | Path = "graph.gexf") -> bytes:
    """The graph as a GEXF 1.2 document; kg's note is the ``<meta>`` description.

    networkx's date stamp is left out, so the same graph gives the same bytes every day.
    """
    gexf, note = _gexf_graph(graph, path)
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
        for creator in meta.iter("creator"):
            creator.text = "kg"
        ElementTree.SubElement(meta, "description").text = f"{NOTE} {note}"
    writer.add_graph(gexf)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def write_gexf(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the graph as GEXF 1.2 (for Gephi)."""
    _check_graph(graph, path)
    return atomic_write_bytes(path, gexf_bytes(graph, path))


def _read_gexf_file(path: str) -> tuple[nx.Graph, str | None]:
    reader = GEXFReader(node_type=None, version="1.2draft")
    reader.simple_graph = False  # keep the multigraph and its keys even without parallel edges
    graph = reader(path)
    description = reader.xml.find(f"{{{reader.NS_GEXF}}}meta/{{{reader.NS_GEXF}}}description")
    text = description.text if description is not None else None
    return graph, text[len(NOTE) + 1:] if text and text.startswith(f"{NOTE} ") else None


def read_gexf(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_gexf` (or any directed GEXF graph)."""
    read, note = _reading(path, "GEXF", _read_gexf_file)
    return _from_xml(read, _parse_note(note, path), path, labels=True)


# --------------------------------------------------------------------------- CSV


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _CONTAINERS):
        return _to_json(sorted(value, key=str) if isinstance(value, (set, frozenset)) else value)
    return str(value)


def _extra_columns(records: Iterable[Attributes], schema: dict[str, type], fixed: tuple[str, ...],
                   label: str) -> list[str]:
    """The attribute names outside the contract, sorted; a name that is a fixed column is refused."""
    names = sorted({str(name) for record in records for name in record} - set(schema))
    clash = sorted(set(names) & set(fixed))
    if clash:
        raise GraphFileError(f"{label}: the attribute {clash[0]!r} has the name of a fixed column")
    return names


def _csv_text(header: list[str], rows: Iterable[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def events_csv(graph: nx.MultiDiGraph, label: str = EVENTS_CSV) -> str:
    """The edges as CSV text, one row per event (see the module docstring)."""
    edges = _sorted_edges(graph)
    columns = [*EDGE_SCHEMA, *_extra_columns((d for *_, d in edges), EDGE_SCHEMA, EVENT_COLUMNS, label)]
    rows = ([_cell(u), _cell(graph.nodes[u].get("name")), _cell(v), _cell(graph.nodes[v].get("name")),
             _cell(k), *(_cell(data.get(name)) for name in columns)] for u, v, k, data in edges)
    return _csv_text([*EVENT_COLUMNS, *columns], rows)


def actors_csv(graph: nx.MultiDiGraph, label: str = ACTORS_CSV) -> str:
    """The nodes as CSV text, one row per actor."""
    nodes = _sorted_nodes(graph)
    columns = [*NODE_SCHEMA, *_extra_columns((d for _, d in nodes), NODE_SCHEMA, ACTOR_COLUMNS, label)]
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


def write_graph_csv(graph: nx.MultiDiGraph, folder: str | Path) -> list[Path]:
    """Write ``events.csv`` and ``actors.csv`` into ``folder`` (created if missing)."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise GraphFileError(f"{folder}: cannot create folder ({error.strerror or error})") from None
    return [write_events_csv(graph, folder / EVENTS_CSV), write_actors_csv(graph, folder / ACTORS_CSV)]


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


def _row_attributes(row: dict[str, str], schema: dict[str, type], where: str) -> Attributes:
    data: Attributes = dict.fromkeys(schema)
    for name, text in row.items():
        if name in schema and text:
            try:
                data[name] = _parse(schema[name], text)
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
            missing = [c for c in fixed if c not in (reader.fieldnames or [])]
            if missing:
                raise GraphFileError(f"{path}: not a kg CSV file (no column {missing[0]!r})")
            for row in reader:
                where = f"{path}, line {reader.line_num}"
                if None in row:
                    raise GraphFileError(f"{where}: more cells than columns")
                yield where, {name: text or "" for name, text in row.items()}
    except (OSError, UnicodeDecodeError) as error:
        raise GraphFileError(f"{path}: cannot read CSV file ({error})") from None
    except csv.Error as error:
        raise GraphFileError(f"{path}: not a CSV file ({error})") from None


def read_graph_csv(events_path: str | Path, actors_path: str | Path) -> nx.MultiDiGraph:
    """Rebuild the graph from files written by :func:`write_events_csv` and :func:`write_actors_csv`.

    Every actor an event names must be in the actors file.
    """
    graph = nx.MultiDiGraph()
    for where, row in _csv_rows(actors_path, ACTOR_COLUMNS):
        node = row.pop("id")
        if node in graph:
            raise GraphFileError(f"{where}: actor {node!r} appears twice")
        graph.add_node(node, **_row_attributes(row, NODE_SCHEMA, where))
    for where, row in _csv_rows(events_path, EVENT_COLUMNS):
        u, v, key = row.pop("source"), row.pop("target"), row.pop("key")
        del row["source_name"], row["target_name"]
        for actor in (u, v):
            if actor not in graph:
                raise GraphFileError(f"{where}: actor {actor!r} is not in {actors_path}")
        if graph.has_edge(u, v, key):
            raise GraphFileError(f"{where}: event {key!r} appears twice")
        graph.add_edge(u, v, key=key, **_row_attributes(row, EDGE_SCHEMA, where))
    return graph


# --------------------------------------------------------------------------- dispatch


def export_graph(graph: nx.MultiDiGraph, fmt: str, path: str | Path) -> list[Path]:
    """Write ``graph`` in format ``fmt`` (one of :data:`FORMATS`) and return the files written.

    ``path`` is the file to write; for ``csv`` it is a folder (created if missing) that
    receives ``events.csv`` and ``actors.csv``.

    Raises:
        KgError: ``fmt`` is unknown, the graph is not a MultiDiGraph, or a file cannot be
            written (the message names the path).
    """
    if fmt == "csv":
        return write_graph_csv(graph, path)
    writer = {"json": _write_json, "graphml": write_graphml, "gexf": write_gexf}.get(fmt)
    if writer is None:
        raise KgError(f"{path}: unknown graph format {fmt!r} (choose one of {', '.join(FORMATS)})")
    return [writer(graph, path)]


def _write_json(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    _check_graph(graph, path)
    return write_graph(graph, path)


def import_graph(fmt: str, path: str | Path) -> nx.MultiDiGraph:
    """Read a graph that :func:`export_graph` wrote in format ``fmt`` to ``path``."""
    if fmt == "csv":
        return read_graph_csv(Path(path) / EVENTS_CSV, Path(path) / ACTORS_CSV)
    reader = {"json": load_graph, "graphml": read_graphml, "gexf": read_gexf}.get(fmt)
    if reader is None:
        raise KgError(f"{path}: unknown graph format {fmt!r} (choose one of {', '.join(FORMATS)})")
    return reader(path)
