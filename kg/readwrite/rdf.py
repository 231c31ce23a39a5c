"""RDF (formats ``turtle`` and ``jsonld``), through rdflib: the graph as linked data.

Actors are resources ``kg:actor/ID`` of class ``kg:Actor`` with their name (``rdfs:label``),
type, country, sector, CAMEO actor code and aliases, and ``owl:sameAs`` their Wikidata IRI where
their id is a Wikidata id. Each event is a resource ``kg:event/ID`` of class ``kg:Event`` with
its source and target actors, action, CAMEO and PLOVER codes, QuadClass, Goldstein weight, date
(an ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``), modality, evidence sentence, document and
URL. A topic (type ``TOPIC``: a plan, a meeting, an issue) is a resource ``kg:topic/ID`` of class
``kg:Topic`` with its name, ``kg:topicKind`` and ``kg:issue``s; a topic link is an event like
any other. ``KG`` is the vocabulary's namespace.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import networkx as nx

from ..files import atomic_write
from ..schema import TOPIC, wikidata_id
from .common import _check_graph, _sorted_edges, _sorted_nodes
from .eventdata import actor_code

KG = "https://kg.example.org/vocab#"
BASE = "https://kg.example.org/"
WIKIDATA = "http://www.wikidata.org/entity/"
RDF_FORMATS = {"turtle": "turtle", "jsonld": "json-ld"}
#: What a URL may hold as it is in an IRI; anything else (spaces, quotes, brackets) is escaped.
IRI_SAFE = ":/?#@!$&'()*+,;=%~-._"


def rdf_graph(graph: nx.MultiDiGraph):
    """The graph as an rdflib ``Graph``."""
    from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef

    kg = Namespace(KG)
    rdf = Graph()
    rdf.bind("kg", kg)
    rdf.bind("owl", OWL)

    def actor(node: object) -> URIRef:
        kind = "topic" if graph.nodes[node].get("type") == TOPIC else "actor"
        return URIRef(f"{BASE}{kind}/{quote(str(node), safe='')}")

    for node, data in _sorted_nodes(graph):
        subject = actor(node)
        topic = data.get("type") == TOPIC
        rdf.add((subject, RDF.type, kg.Topic if topic else kg.Actor))
        rdf.add((subject, RDFS.label, Literal(data.get("name") or str(node))))
        fields = (("topicKind", data.get("topic_kind")),) if topic else (
            ("actorType", data.get("type")), ("country", data.get("country")),
            ("sector", data.get("sector")), ("cameoCode", actor_code(data)))
        for name, value in fields:
            if value:
                rdf.add((subject, kg[name], Literal(value)))
        for issue in data.get("issues") or []:
            rdf.add((subject, kg.issue, Literal(issue)))
        for alias in data.get("aliases") or []:
            rdf.add((subject, kg.alias, Literal(alias)))
        if wikidata_id(node):
            rdf.add((subject, OWL.sameAs, URIRef(WIKIDATA + wikidata_id(node))))
    for u, v, key, data in _sorted_edges(graph):
        event = URIRef(f"{BASE}event/{quote(str(key), safe='')}")
        rdf.add((event, RDF.type, kg.Event))
        rdf.add((event, kg.source, actor(u)))
        rdf.add((event, kg.target, actor(v)))
        for name, field in (("action", "action"), ("cameo", "cameo"), ("plover", "plover"),
                            ("modality", "modality"), ("evidence", "text"), ("document", "doc"),
                            ("title", "title"), ("location", "location"), ("author", "author")):
            if data.get(field) is not None:
                rdf.add((event, kg[name], Literal(data[field])))
        if data.get("quad") is not None:
            rdf.add((event, kg.quadClass, Literal(data["quad"], datatype=XSD.integer)))
        if data.get("goldstein") is not None:
            rdf.add((event, kg.goldstein, Literal(data["goldstein"], datatype=XSD.decimal)))
        if data.get("date"):
            kind = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(data["date"]), XSD.date)
            rdf.add((event, kg.date, Literal(data["date"], datatype=kind)))
        if data.get("url"):
            rdf.add((event, kg.url, URIRef(quote(data["url"], safe=IRI_SAFE))))
    return rdf


def write_rdf(graph: nx.MultiDiGraph, path: str | Path, fmt: str) -> Path:
    """Write the graph as RDF in ``fmt`` (``turtle`` or ``jsonld``)."""
    _check_graph(graph, path)
    return atomic_write(path, rdf_graph(graph).serialize(format=RDF_FORMATS[fmt]))
