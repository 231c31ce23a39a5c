"""The graph for analysts: a table of its events, actors found by name, and pairs of actors.

pandas is imported by :func:`events_frame` and :func:`pair_summary` only (``pip install
'kg[notebook]'``), rapidfuzz by :func:`find_actor` only when no name matches exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import networkx as nx

from .errors import KgError
from .events import Event
from .graph import build_graph
from .schema import CAMEO_ROOT_NAMES, QUAD_LABELS, TOPIC, category, category_label, date_bounds

#: The columns of :func:`events_frame`, in order.
EVENT_COLUMNS = (
    "event", "layer", "source", "source_name", "source_kind", "source_type", "source_country",
    "source_sector", "action", "target", "target_name", "target_kind", "target_type",
    "target_country", "target_sector", "category", "cameo", "cameo_name", "plover", "quad",
    "quad_name", "goldstein", "date", "date_text", "modality", "confidence", "evidence", "doc",
    "title", "url", "sentence",
)
#: How far the best fuzzy match must lead the next (in rapidfuzz's 0–100 score) to win alone,
#: and the lowest score that counts as a match.
FUZZY_LEAD, FUZZY_FLOOR = 5.0, 80.0
#: How many times more mentions the most mentioned of several matches needs to win alone.
MENTIONS_LEAD = 3


class AmbiguousActor(KgError):
    """Several actors match a name and none stands out; ``candidates`` are their ids."""

    def __init__(self, text: str, candidates: list[tuple[str, str]]):
        self.candidates = [node for node, _ in candidates]
        listed = "; ".join(f"{name} ({node})" for node, name in candidates[:10])
        super().__init__(f"{text!r} could be any of: {listed}; pass one of these ids")


class UnknownActor(KgError):
    """No actor matches a name."""


def events_frame(source: nx.MultiDiGraph | Iterable[Event]) -> Any:
    """A pandas DataFrame with one row per event of a graph (or of events, made into a graph
    first), with flat, typed columns (:data:`EVENT_COLUMNS`): the event's layer (``topic`` for
    a link to or from a topic); actors' ids, names, kinds (``actor``, or the kind of a topic:
    ``meeting``, ``plan``, …; :mod:`kg.topics`), types, countries and sectors; the category
    and its words; ``quad`` (a nullable integer) and its name; ``date`` as a datetime (a
    month or a year stands for its first day; ``date_text`` keeps what was written);
    modality, confidence, the evidence sentence and its document."""
    import pandas as pd

    graph = source if isinstance(source, nx.Graph) else build_graph(source)
    rows = [_event_row(graph, u, v, key, data)
            for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: str(e[2]))]
    frame = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    frame["quad"] = frame["quad"].astype("Int64")
    frame["sentence"] = frame["sentence"].astype("Int64")
    frame["goldstein"] = frame["goldstein"].astype("Float64")
    frame["confidence"] = frame["confidence"].astype("Float64")
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d", errors="coerce")
    for name in ("layer", "category", "quad_name", "modality", "source_kind", "source_type",
                 "target_kind", "target_type"):
        frame[name] = frame[name].astype("category")
    return frame


def _event_row(graph: nx.MultiDiGraph, u: Any, v: Any, key: Any, data: dict) -> dict:
    source, target = graph.nodes[u], graph.nodes[v]
    cameo = data.get("cameo")
    date = data.get("date")
    return {
        "event": str(key), "layer": data.get("layer"), "source": u,
        "source_name": source.get("name"), "source_kind": _kind(source),
        "source_type": source.get("type"),
        "source_country": source.get("country"), "source_sector": source.get("sector"),
        "action": data.get("action"), "target": v, "target_name": target.get("name"),
        "target_kind": _kind(target), "target_type": target.get("type"),
        "target_country": target.get("country"), "target_sector": target.get("sector"),
        "category": category_label(category(data)),
        "cameo": cameo, "cameo_name": CAMEO_ROOT_NAMES.get((cameo or "")[:2]),
        "plover": data.get("plover"), "quad": data.get("quad"),
        "quad_name": QUAD_LABELS[data.get("quad") or 0], "goldstein": data.get("goldstein"),
        "date": (date_bounds(date) or (None,))[0], "date_text": date, "modality": data.get("modality"),
        "confidence": data.get("confidence"), "evidence": data.get("text"), "doc": data.get("doc"),
        "title": data.get("title"), "url": data.get("url"), "sentence": data.get("sentence"),
    }


def _kind(node: dict) -> str:
    return (node.get("topic_kind") or "other") if node.get("type") == TOPIC else "actor"


def find_actor(graph: nx.Graph, text: str, fuzzy: bool = True) -> str:
    """The id of the actor ``text`` names (topics are no actors): an id or a name written
    exactly (case aside), then an alias, then a name that holds ``text`` as whole words
    ("Biden" in "Joe Biden"), then the closest name, surname or alias (rapidfuzz's ratio, at
    least :data:`FUZZY_FLOOR`: a misspelling, "Zelenskiy"; not with ``fuzzy=False``). Among
    several matches of one step, the actor with far more mentions than the others wins.

    Raises:
        AmbiguousActor: several actors match and none stands out (``candidates`` holds them).
        UnknownActor: nothing matches.
    """
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        raise UnknownActor("no actor name given")
    nodes = sorted(((n, d) for n, d in graph.nodes(data=True) if d.get("type") != TOPIC),
                   key=lambda n: str(n[0]))
    words = re.compile(rf"(?<!\w){re.escape(wanted)}(?!\w)")
    steps = [
        lambda node, data: str(node).casefold() == wanted or (data.get("name") or "").casefold() == wanted,
        lambda node, data: any(a.casefold() == wanted for a in data.get("aliases") or []),
        lambda node, data: bool(words.search((data.get("name") or "").casefold())),
    ]
    for matches in steps:
        found = [(node, data) for node, data in nodes if matches(node, data)]
        if found:
            return _one(text, found)
    if not fuzzy:
        raise UnknownActor(f"no actor is called {text!r}")
    return _closest(graph, text, nodes)


def _one(text: str, found: list[tuple[Any, dict]]) -> str:
    """The one match, or the one with far more mentions than the rest."""
    ranked = sorted(found, key=lambda n: -(n[1].get("mentions") or 0))
    if len(ranked) == 1 or (ranked[0][1].get("mentions") or 0) >= MENTIONS_LEAD * max(
            ranked[1][1].get("mentions") or 0, 1):
        return ranked[0][0]
    raise AmbiguousActor(text, [(node, data.get("name") or str(node)) for node, data in ranked])


def _closest(graph: nx.Graph, text: str, nodes: list[tuple[Any, dict]]) -> str:
    from rapidfuzz import fuzz, process, utils

    choices = [(node, label) for node, data in nodes for label in _labels(node, data)]
    scored = process.extract(text, [label for _, label in choices], scorer=fuzz.ratio,
                             processor=utils.default_process, limit=None, score_cutoff=FUZZY_FLOOR)
    best: dict[Any, float] = {}
    for _, score, i in scored:
        node = choices[i][0]
        best[node] = max(best.get(node, 0.0), score)
    if not best:
        raise UnknownActor(f"no actor is called anything like {text!r}")
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], str(kv[0])))
    if len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= FUZZY_LEAD:
        return ranked[0][0]
    tied = [(node, graph.nodes[node]) for node, score in ranked if ranked[0][1] - score < FUZZY_LEAD]
    return _one(text, tied)


def _labels(node: Any, data: dict) -> list[str]:
    """What a fuzzy search compares: the name, its longer words (a misspelt surname:
    "Merkle"), the aliases."""
    name = data.get("name") or str(node)
    return [name, *(w for w in name.split()[1:] if len(w) >= 4), *(data.get("aliases") or [])]


def pair_summary(graph: nx.MultiDiGraph) -> Any:
    """One row per pair of actors (topic links left out), whichever acted on whom
    (Russia→Ukraine and Ukraine→Russia are one pair): events, cooperative ones (QuadClass
    1–2), conflictual ones (3–4), the net Goldstein score (the sum of the events' weights,
    cooperation positive), the first and last date; most events first."""
    import pandas as pd

    frame = events_frame(graph)
    frame = frame[frame["layer"] != "topic"].copy()
    columns = ["actor_a", "name_a", "actor_b", "name_b", "events", "cooperation", "conflict",
               "net_goldstein", "first", "last"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    swap = frame["source"].astype(str) > frame["target"].astype(str)
    frame["actor_a"] = frame["source"].where(~swap, frame["target"])
    frame["actor_b"] = frame["target"].where(~swap, frame["source"])
    names = {**dict(zip(frame["source"], frame["source_name"], strict=True)),
             **dict(zip(frame["target"], frame["target_name"], strict=True))}
    grouped = frame.groupby(["actor_a", "actor_b"], sort=True)
    pairs = pd.DataFrame({
        "events": grouped.size(),
        "cooperation": grouped["quad"].apply(lambda q: int(q.isin([1, 2]).sum())),
        "conflict": grouped["quad"].apply(lambda q: int(q.isin([3, 4]).sum())),
        "net_goldstein": grouped["goldstein"].sum(min_count=1),
        "first": grouped["date"].min(),
        "last": grouped["date"].max(),
    }).reset_index()
    pairs["name_a"] = pairs["actor_a"].map(names)
    pairs["name_b"] = pairs["actor_b"].map(names)
    pairs = pairs.sort_values(["events", "actor_a", "actor_b"], ascending=[False, True, True])
    return pairs[columns].reset_index(drop=True)
