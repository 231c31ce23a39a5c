"""Neo4j (format ``neo4j``): a folder that ``neo4j-admin database import`` reads, and a Cypher
script that loads the same files into a running server.

- ``actors.csv``: ``actorId:ID(Actor)``, ``name``, ``type``, ``country``, ``sector``,
  ``cameoCode``, ``aliases:string[]`` (``;``-separated), ``:LABEL`` (``Actor`` and its type);
- ``topics.csv``: the topics (plans, meetings, issues), in the same id space (a topic's id
  starts with ``topic:``, so never meets an actor's): ``actorId:ID(Actor)``, ``name``,
  ``kind``, ``issues:string[]``, ``aliases:string[]``, ``:LABEL`` (``Topic`` and its kind);
- ``events.csv``: ``:START_ID(Actor)``, ``:END_ID(Actor)``, ``:TYPE`` (its PLOVER type, else
  ``EVENT``), ``eventId``, ``action``, ``cameo``, ``quad:int``, ``goldstein:float``, ``date``,
  ``modality``, ``evidence``, ``doc``, ``url``;
- ``import.sh``: the ``neo4j-admin database import full`` command for the three files;
- ``load.cypher``: ``LOAD CSV`` statements for a server that can read the files (copy them into
  its ``import`` folder).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..errors import GraphFileError
from ..files import atomic_write
from ..schema import TOPIC
from .common import _check_graph, _sorted_edges, _sorted_nodes
from .csvfiles import _csv_text
from .eventdata import actor_code

ACTOR_HEADER = ("actorId:ID(Actor)", "name", "type", "country", "sector", "cameoCode",
                "aliases:string[]", ":LABEL")
TOPIC_HEADER = ("actorId:ID(Actor)", "name", "kind", "issues:string[]", "aliases:string[]", ":LABEL")
EVENT_HEADER = (":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "eventId", "action", "cameo",
                "quad:int", "goldstein:float", "date", "modality", "evidence", "doc", "url")
IMPORT_SH = """#!/bin/sh
# Load kg's graph into a new Neo4j database (stop the server first); run from this folder.
neo4j-admin database import full --nodes=actors.csv --nodes=topics.csv --relationships=events.csv \\
    --array-delimiter=';' --multiline-fields=true --overwrite-destination "${1:-neo4j}"
"""
LOAD_CYPHER = """// Load kg's graph into a running Neo4j: copy the three CSV files to its import folder.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.actorId IS UNIQUE;
LOAD CSV WITH HEADERS FROM 'file:///actors.csv' AS row
MERGE (a:Actor {actorId: row.`actorId:ID(Actor)`})
SET a.name = row.name, a.type = row.type, a.country = row.country, a.sector = row.sector,
    a.cameoCode = row.cameoCode, a.aliases = split(coalesce(row.`aliases:string[]`, ''), ';');
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (t:Topic) REQUIRE t.actorId IS UNIQUE;
LOAD CSV WITH HEADERS FROM 'file:///topics.csv' AS row
MERGE (t:Topic {actorId: row.`actorId:ID(Actor)`})
SET t.name = row.name, t.kind = row.kind,
    t.issues = split(coalesce(row.`issues:string[]`, ''), ';'),
    t.aliases = split(coalesce(row.`aliases:string[]`, ''), ';');
LOAD CSV WITH HEADERS FROM 'file:///events.csv' AS row
MATCH (s:Actor|Topic {actorId: row.`:START_ID(Actor)`}), (t:Actor|Topic {actorId: row.`:END_ID(Actor)`})
CREATE (s)-[e:EVENT {eventId: row.eventId, kind: row.`:TYPE`, action: row.action, cameo: row.cameo,
    quad: toInteger(row.`quad:int`), goldstein: toFloat(row.`goldstein:float`), date: row.date,
    modality: row.modality, evidence: row.evidence, doc: row.doc, url: row.url}]->(t);
"""


def _csv(header: tuple[str, ...], rows: list[list[object]]) -> str:
    return _csv_text(list(header), (["" if v is None else v for v in row] for row in rows))


def actors_table(graph: nx.MultiDiGraph) -> str:
    rows = [[node, d.get("name"), d.get("type"), d.get("country"), d.get("sector"), actor_code(d),
             ";".join(a.replace(";", ",") for a in d.get("aliases") or []),
             ";".join(filter(None, ["Actor", (d.get("type") or "").capitalize()]))]
            for node, d in _sorted_nodes(graph) if d.get("type") != TOPIC]
    return _csv(ACTOR_HEADER, rows)


def topics_table(graph: nx.MultiDiGraph) -> str:
    rows = [[node, d.get("name"), d.get("topic_kind"), ";".join(d.get("issues") or []),
             ";".join(a.replace(";", ",") for a in d.get("aliases") or []),
             ";".join(filter(None, ["Topic", (d.get("topic_kind") or "").capitalize()]))]
            for node, d in _sorted_nodes(graph) if d.get("type") == TOPIC]
    return _csv(TOPIC_HEADER, rows)


def events_table(graph: nx.MultiDiGraph) -> str:
    rows = [[u, v, d.get("plover") or "EVENT", key, d.get("action"), d.get("cameo"), d.get("quad"),
             d.get("goldstein"), d.get("date"), d.get("modality"), d.get("text"), d.get("doc"), d.get("url")]
            for u, v, key, d in _sorted_edges(graph)]
    return _csv(EVENT_HEADER, rows)


def write_neo4j(graph: nx.MultiDiGraph, folder: str | Path) -> list[Path]:
    """Write the folder (see the module docstring); returns the files written."""
    folder = Path(folder)
    _check_graph(graph, folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise GraphFileError(f"{folder}: cannot create folder ({error.strerror or error})") from None
    return [atomic_write(folder / "actors.csv", actors_table(graph)),
            atomic_write(folder / "topics.csv", topics_table(graph)),
            atomic_write(folder / "events.csv", events_table(graph)),
            atomic_write(folder / "import.sh", IMPORT_SH),
            atomic_write(folder / "load.cypher", LOAD_CYPHER)]
