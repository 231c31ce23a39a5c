"""Write and read kg's files: events as JSON lines; the graph as JSON, GraphML, GEXF or CSV.

One module per format, each with its writers and readers, in the manner of
``networkx.readwrite``; this package re-exports them all, and :func:`export_graph` /
:func:`import_graph` pick them by name (:data:`FORMATS`):

============  ================================================  ============================
format        writer / reader                                   module
============  ================================================  ============================
(events)      :func:`write_events` / :func:`read_events`        :mod:`kg.readwrite.events`
``json``      :func:`write_graph` / :func:`load_graph`          :mod:`kg.readwrite.nodelink`
``graphml``   :func:`write_graphml` / :func:`read_graphml`      :mod:`kg.readwrite.graphml`
``gexf``      :func:`write_gexf` / :func:`read_gexf`            :mod:`kg.readwrite.gexf`
``csv``       :func:`write_graph_csv` / :func:`read_graph_csv`  :mod:`kg.readwrite.csvfiles`
============  ================================================  ============================

What the formats share (the sorted order, the XML encoding of GraphML and GEXF) is in
:mod:`kg.readwrite.common`.

Writes are atomic (a temporary file in the same folder, then a rename), and the same graph
always gives the same bytes: nodes, edges and attributes are written in sorted order.
kg's own JSON file holds kg's graph exactly, and reading it checks the graph against
:mod:`kg.schema`.

What GraphML, GEXF and CSV cannot hold, and what kg does about it:

- ``None`` is not written, and lists and dicts are written as JSON text. A GraphML or
  GEXF file from kg carries a note (:data:`NOTE`: a graph attribute in GraphML, the
  ``<meta>`` description in GEXF) naming, for nodes and for edges, the attributes written
  as JSON and those that were None somewhere; the reader decodes the first and gives the
  second back as None wherever they are missing, so any attribute round-trips, not only
  the contract's. A file without the note (from another tool) is read with the contract's
  rule: missing attributes of :data:`kg.schema.NODE_FIELDS` and
  :data:`kg.schema.EDGE_FIELDS` are None and its list attributes are decoded from JSON.
- CSV has no note. Its contract columns are read with the contract's types and an empty
  cell is None; in any other column an empty cell means the attribute is missing, and
  the type is guessed from the text (``true``/``false``, integers, decimals, JSON lists
  and objects). CSV cannot tell an empty string from None.
- Types: XML files declare one type per attribute, so an attribute with both int and
  float values is written as float, any other mix as text. Node ids and keys always come
  back as strings.
- XML 1.0 forbids most control characters (``\\x00``–``\\x08``, ``\\x0b``, ``\\x0c``,
  ``\\x0e``–``\\x1f``), ``U+FFFE``, ``U+FFFF`` and lone surrogates even as character
  references, so GraphML and GEXF write each as its escape in text (``\\x01`` as the six
  characters ``\\u0001``), which keeps apart two ids that differ only there; line breaks
  ``\\r\\n`` and ``\\r`` become ``\\n`` (which is what any XML parser would make of them).
  Text with those characters comes back with the escapes; everything else (``<``, ``&``,
  quotes) is escaped in XML's way and comes back unchanged. CSV keeps every character.
- CSV cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` …) are
  written with a leading apostrophe, which the reader drops again (:mod:`kg.readwrite.csvfiles`).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..errors import KgError
from .common import NOTE, Attributes, _check_graph, xml_safe
from .csvfiles import (
    ACTOR_COLUMNS,
    ACTORS_CSV,
    EVENT_COLUMNS,
    EVENTS_CSV,
    STATEMENTS_CSV,
    actors_csv,
    events_csv,
    read_graph_csv,
    statements_csv,
    write_actors_csv,
    write_events_csv,
    write_graph_csv,
)
from .eventdata import actor_code, events_tsv, write_events_tsv
from .events import read_events, write_events
from .gexf import GEXF_RESERVED_EDGE, GEXF_RESERVED_NODE, gexf_bytes, read_gexf, write_gexf
from .graphml import graphml_bytes, read_graphml, write_graphml
from .neo4j import write_neo4j
from .nodelink import FORMAT_VERSION, graph_from_json, graph_to_json, load_graph, write_graph
from .rdf import RDF_FORMATS, rdf_graph, write_rdf

__all__ = [
    "ACTORS_CSV", "ACTOR_COLUMNS", "EVENTS_CSV", "EVENT_COLUMNS", "EXPORT_ONLY_FORMATS", "FORMATS",
    "FORMAT_VERSION", "actor_code", "events_tsv", "rdf_graph", "write_events_tsv", "write_neo4j", "write_rdf",
    "STATEMENTS_CSV", "GEXF_RESERVED_EDGE", "GEXF_RESERVED_NODE", "NOTE", "Attributes",
    "actors_csv", "events_csv", "statements_csv", "export_graph", "gexf_bytes", "graph_from_json",
    "graph_to_json",
    "graphml_bytes", "import_graph", "load_graph", "read_events", "read_gexf", "read_graph_csv",
    "read_graphml", "write_actors_csv", "write_events", "write_events_csv", "write_gexf", "write_graph",
    "write_graph_csv", "write_graphml", "xml_safe",
]

#: Names of the graph formats :func:`export_graph` and :func:`import_graph` know.
FORMATS = ("json", "graphml", "gexf", "csv")
#: Formats kg writes for other tools but does not read back: RDF, the event-data table, Neo4j.
EXPORT_ONLY_FORMATS = ("turtle", "jsonld", "events-tsv", "neo4j")


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
    if fmt == "neo4j":
        return write_neo4j(graph, path)
    if fmt in RDF_FORMATS:
        return [write_rdf(graph, path, fmt)]
    writer = {"json": _write_json, "graphml": write_graphml, "gexf": write_gexf,
              "events-tsv": write_events_tsv}.get(fmt)
    if writer is None:
        known = ", ".join([*FORMATS, *EXPORT_ONLY_FORMATS])
        raise KgError(f"{path}: unknown graph format {fmt!r} (choose one of {known})")
    return [writer(graph, path)]


def _write_json(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    _check_graph(graph, path)
    return write_graph(graph, path)


def import_graph(fmt: str, path: str | Path) -> nx.MultiDiGraph:
    """Read a graph that :func:`export_graph` wrote in format ``fmt`` to ``path``."""
    if fmt == "csv":
        return read_graph_csv(Path(path) / EVENTS_CSV, Path(path) / ACTORS_CSV, Path(path) / STATEMENTS_CSV)
    reader = {"json": load_graph, "graphml": read_graphml, "gexf": read_gexf}.get(fmt)
    if reader is None:
        raise KgError(f"{path}: unknown graph format {fmt!r} (choose one of {', '.join(FORMATS)})")
    return reader(path)
