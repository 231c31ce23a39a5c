"""Events to a networkx MultiDiGraph: one node per canonical actor, one edge per event."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import networkx as nx

from .events import ActorRef, Event
from .schema import EDGE_FIELDS, STATEMENT_FIELDS, Filters, category
from .words import WORDS

UNCATEGORISED = "uncategorised"


def build_graph(events: Iterable[Event], relations: bool = False, topics: bool = True) -> nx.MultiDiGraph:
    """A new graph of the events; the same events in any order give the same graph.

    Coded events (:attr:`kg.events.Event.layer`) are its edges; with ``relations``, the
    relations between two actors (uncoded, or acts that did not happen) are edges too; with
    ``topics``, the topic links, to and from topic nodes (type ``TOPIC``, :mod:`kg.topics`).
    Everything else is kept on its source's node as a statement (the ids in its ``statements``;
    what they say in ``graph.graph["statements"]``, :data:`STATEMENT_FIELDS`)."""
    graph = nx.MultiDiGraph()
    add_events(graph, sorted(events, key=lambda e: e.id), relations, topics)
    return graph


def add_events(graph: nx.MultiDiGraph, events: Iterable[Event], relations: bool = False,
               topics: bool = True) -> nx.MultiDiGraph:
    """Merge events into a graph; an event already in it (same id) is not added twice.

    Node attributes merge without regard to order (aliases are a sorted union, counts add
    up, the name is the gazetteer's or the smallest seen), so merging A then B equals
    merging B then A.
    """
    statements: dict[str, set[str]] = {}  # each node's statements, as sets while merging
    for event in events:
        if event.layer == "topic" and not topics:
            continue
        if event.layer == "statement" or (event.layer == "relation" and not relations):
            known = statements.get(event.source.id)
            if known is None and event.source.id in graph:
                known = statements[event.source.id] = set(graph.nodes[event.source.id]["statements"])
            if known is not None and event.id in known:
                continue
            _add_actor(graph, event.source)
            statements.setdefault(event.source.id, set()).add(event.id)
            graph.graph.setdefault("statements", {})[event.id] = statement_record(event)
            continue
        if graph.has_edge(event.source.id, event.target.id, event.id):
            continue
        _add_actor(graph, event.source)
        _add_actor(graph, event.target)
        graph.add_edge(event.source.id, event.target.id, key=event.id, **edge_attributes(event))
    for node, ids in statements.items():
        graph.nodes[node]["statements"] = sorted(ids)
    return graph


def _add_actor(graph: nx.MultiDiGraph, actor: ActorRef) -> None:
    if actor.id not in graph:
        graph.add_node(actor.id, name=actor.name, type=actor.type, country=actor.country,
                       sector=actor.sector, known=actor.known, aliases=[], titles=[], mentions=0,
                       statements=[], topic_kind=actor.topic_kind, issues=list(actor.issues))
    node = graph.nodes[actor.id]
    node["name"] = min(node["name"], actor.name)
    node["country"] = node["country"] or actor.country
    node["sector"] = node.get("sector") or actor.sector
    node["known"] = node.get("known") or actor.known
    node["mentions"] += 1
    mention = " ".join(actor.mention.split())
    if mention.lower() not in WORDS.pronoun and mention != node["name"] and mention not in node["aliases"]:
        node["aliases"] = sorted([*node["aliases"], mention])
    if actor.title and actor.title not in node["titles"]:
        node["titles"] = sorted([*node["titles"], actor.title])


def statement_record(event: Event) -> dict:
    """What the graph keeps of a statement (:data:`STATEMENT_FIELDS`)."""
    values = {
        "actor": event.source.id, "action": event.action.text,
        "target": event.target.name if event.target else None, "date": event.date,
        "modality": event.modality, "doc": event.doc, "title": event.title, "url": event.url,
        "sentence": event.sentence, "text": event.text,
    }
    return {name: values[name] for name in STATEMENT_FIELDS}


def edge_attributes(event: Event) -> dict:
    """The attributes an event's edge carries (:data:`kg.schema.EDGE_FIELDS`, in its order)."""
    action = event.action
    values = {
        "action": action.text, "lemma": action.lemma, "cameo": action.cameo,
        "plover": action.plover, "quad": action.quad, "goldstein": action.goldstein,
        "doc": event.doc, "title": event.title, "url": event.url, "author": event.author,
        "sentence": event.sentence,
        "text": event.text,
        "date": event.date, "location": event.location, "modality": event.modality,
        "negated": event.negated, "confidence": event.confidence,
        "source_mention": event.source.mention,
        "target_mention": event.target.mention if event.target else None,
        "layer": event.layer,
    }
    return {name: values[name] for name in EDGE_FIELDS}


def filter_graph(
    graph: nx.MultiDiGraph,
    *,
    actors: Iterable[str] | None = None,
    quads: Iterable[int] | None = None,
    cameo: Iterable[str] | None = None,
    categories: Iterable[str | None] | None = None,
    modalities: Iterable[str] | None = None,
    types: Iterable[str] | None = None,
    start: str | None = None,
    end: str | None = None,
    undated: bool | None = None,
    min_events: int = 1,
) -> nx.MultiDiGraph:
    """A copy holding only the events that pass every given filter (and their actors), by the
    rule the page follows (:class:`kg.schema.Filters`): the page with the same settings shows
    the same actors and events.

    Args:
        actors: actor ids or names (:func:`kg.find_actor`, without guessing at misspellings);
            keep events with one of them as source or target.
        quads: QuadClasses to keep (1–4; 0 for events without one).
        cameo: CAMEO root codes to keep ("04").
        categories: the page's categories (:func:`kg.schema.category`: "CONSULT", "CAMEO 01",
            None for uncategorised).
        modalities: modalities to keep (:data:`kg.schema.MODALITIES`).
        types: node types to keep (:data:`kg.schema.NODE_TYPES`; ``TOPIC`` keeps the topics);
            an event is kept when both its ends' types are.
        start, end: ISO days, months or years, inclusive (:func:`kg.schema.in_date_range`: a
            month or a year is in the range when it overlaps it).
        undated: keep the events without a date; by default only when no range is given
            (the page's "undated events" box, ticked unless a range is given here).
        min_events: keep only actors with at least this many kept events (and the events
            between them).
    """
    rule = Filters(
        quads=_frozen(quads), categories=_frozen(categories), modalities=_frozen(modalities),
        types=_frozen(types), start=start, end=end,
        undated=undated if undated is not None else not (start or end),
        min_events=min_events,
    )
    actor_set = None
    if actors is not None:
        from .analysis import find_actor

        actor_set = {a if a in graph else find_actor(graph, a, fuzzy=False) for a in actors}
    cameo_set = set(cameo) if cameo is not None else None
    edges = [(u, v, key, data) for u, v, key, data in graph.edges(keys=True, data=True)
             if (actor_set is None or u in actor_set or v in actor_set)
             and (cameo_set is None or data.get("cameo") in cameo_set)]
    shown, _ = rule.shown([(u, v, data) for u, v, _, data in edges],
                          {n: t or "OTHER" for n, t in graph.nodes(data="type")})  # as the page
    kept = nx.MultiDiGraph()
    for u, v, key, data in (edges[i] for i in shown):
        kept.add_node(u, **graph.nodes[u])
        kept.add_node(v, **graph.nodes[v])
        kept.add_edge(u, v, key=key, **data)
    statements = {k: s for k, s in (graph.graph.get("statements") or {}).items() if s.get("actor") in kept}
    if statements:
        kept.graph["statements"] = statements
    return kept


def _frozen(values: Iterable | None) -> frozenset | None:
    return None if values is None else frozenset(values)


def collapse(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """One edge per (source, target, :func:`kg.schema.category`), keyed by the category
    ("uncategorised" when there is none), as the page's switch draws it: ``count`` events,
    the ``action`` they share (else the category), the CAMEO root they share (else None) and
    their most common QuadClass (ties to the smaller); a derived view."""
    groups: dict[tuple, list[dict]] = {}
    for u, v, data in graph.edges(data=True):
        groups.setdefault((u, v, category(data) or UNCATEGORISED), []).append(data)
    collapsed = nx.MultiDiGraph()
    collapsed.add_nodes_from(graph.nodes(data=True))
    for (u, v, key), events in groups.items():
        actions = {e.get("action") for e in events}
        cameos = {e.get("cameo") for e in events}
        quads = Counter(e.get("quad") or 0 for e in events)
        quad = min(quads, key=lambda q: (-quads[q], q))
        collapsed.add_edge(u, v, key=key, count=len(events), plover=events[0].get("plover"),
                           action=actions.pop() if len(actions) == 1 else key,
                           cameo=cameos.pop() if len(cameos) == 1 else None, quad=quad or None)
    return collapsed
