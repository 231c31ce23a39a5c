"""What the graph formats share: the checks, the sorted order, and the XML encoding of GraphML and GEXF.

GraphML and GEXF declare one type per attribute and can hold neither ``None`` nor lists,
nor the characters XML 1.0 forbids, so both write a copy of the graph made by
:func:`_xml_graph` (attributes in sorted order, ``None`` left out, containers as JSON text,
types unified, text made safe by :func:`xml_safe`) with the note (:data:`NOTE`) of what was
done, and both read a file back through :func:`_from_xml`, which follows the note (or, for a
file without one, the contract of :mod:`kg.schema`).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import GraphFileError, KgError
from ..schema import EDGE_FIELDS, NODE_FIELDS

#: The note, in GraphML and GEXF files, of the attributes written as JSON or left out as None.
NOTE = "kg_attributes"

#: A node's or an edge's attributes.
Attributes = dict[str, Any]

_XML_FORBIDDEN = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CONTAINERS = (list, tuple, set, frozenset, dict)


# --------------------------------------------------------------------------- every format


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


# --------------------------------------------------------------------------- writing XML


def xml_safe(text: str) -> str:
    """``text`` with line breaks as ``\\n`` and each character XML 1.0 forbids written as its
    escape (``\\u0001``), so that two texts, or two actor ids, that differ only there stay apart."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _XML_FORBIDDEN.sub(lambda match: _escape(match.group()), text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


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
    ids = _XmlIds()
    for (node, _), data in zip(nodes, node_data, strict=True):
        xml_graph.add_node(ids.of(node), **data)
    keys = _XmlIds()
    for (u, v, key, _), data in zip(edges, edge_data, strict=True):
        xml_graph.add_edge(ids.of(u), ids.of(v), key=keys.of(key), **data)
    statements = dict(sorted((graph.graph.get("statements") or {}).items()))
    note = {"node": node_note, "edge": edge_note, "statements": statements}
    return xml_graph, json.dumps(note, ensure_ascii=True, sort_keys=True)  # ASCII: XML holds it


class _XmlIds:
    """XML-safe ids that stay apart: an id whose safe form another id already has (``a\\x01``
    and the text ``a\\u0001``) gets ``~2``, ``~3``… appended."""

    def __init__(self) -> None:
        self.given: dict[Any, str] = {}
        self.taken: set[str] = set()

    def of(self, original: Any) -> str:
        if original not in self.given:
            safe, number = xml_safe(str(original)), 2
            candidate = safe
            while candidate in self.taken:
                candidate, number = f"{safe}~{number}", number + 1
            self.given[original] = candidate
            self.taken.add(candidate)
        return self.given[original]


# --------------------------------------------------------------------------- reading XML


def _reading(path: str | Path, kind: str, reader: Callable[[str], Any]) -> Any:
    """``reader(path)``, with its errors as :class:`GraphFileError` naming the path."""
    try:
        return reader(str(path))
    except OSError as error:
        raise GraphFileError(f"{path}: cannot read {kind} file ({error.strerror or error})") from None
    except (ElementTree.ParseError, nx.NetworkXError, KeyError, ValueError, TypeError) as error:
        raise GraphFileError(f"{path}: not a {kind} graph ({error})") from None


def _parse_note(text: str | None, path: str | Path) -> dict[str, dict[str, list[str]]] | None:
    if text is None:
        return None
    try:
        note = json.loads(text)
        if not all(isinstance(note[scope][part], list) for scope in ("node", "edge")
                   for part in ("json", "none")):
            raise ValueError("not lists")
        if not isinstance(note.get("statements", {}), dict):
            raise ValueError("statements not a table")
    except (ValueError, KeyError, TypeError) as error:
        raise GraphFileError(f"{path}: bad {NOTE} note ({error})") from None
    return note


def _restore(data: Attributes, note: dict[str, list[str]] | None, fields: dict[str, type],
             where: str) -> Attributes:
    """Undo the XML encoding of one node's or edge's attributes, following the file's note.

    A file without kg's note (written by another tool) gets the contract's rule: its
    missing attributes of ``fields`` are None and its list attributes are decoded from JSON.
    """
    if note is None:
        note = {"none": list(fields), "json": [name for name, kind in fields.items() if kind is list]}
    for name in note["none"]:
        data.setdefault(name, None)
    for name in note["json"]:
        if isinstance(data.get(name), str):
            try:
                data[name] = json.loads(data[name])
            except ValueError:
                raise GraphFileError(f"{where}: {name} is not JSON: {data[name][:80]!r}") from None
    return data


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
        graph.add_node(node, **_restore(data, note and note["node"], NODE_FIELDS, where))
    for u, v, key, data in read.edges(keys=True, data=True):
        data = dict(data)
        if labels or data.get("id") == key:  # networkx < 3.3 copies GraphML edge ids too
            data.pop("id", None)
        if labels and "label" in data and data["label"] == data.get("action"):
            del data["label"]
        where = f"{path}, edge {key!r}"
        graph.add_edge(u, v, key=key, **_restore(data, note and note["edge"], EDGE_FIELDS, where))
    if note and note.get("statements"):
        graph.graph["statements"] = note["statements"]
    return graph
