"""The tally: gold, extracted and matched events of every record, summed into a :class:`Report`.

How each figure is defined is written out in the package docstring (:mod:`kg.evaluate`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .gold import GoldRecord
from .matching import ActorMatcher, category_agrees, match_events, proxy_correct

if TYPE_CHECKING:
    from ..events import Event
    from ..gazetteer import Gazetteer

#: The breakdown's name for records without a category.
NO_CATEGORY = "(none)"


@dataclass(frozen=True)
class CategoryStats:
    """Gold and matched events of one record category."""

    gold: int
    matched: int

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0


@dataclass(frozen=True, kw_only=True)
class Report:
    """The figures of one suite for one system (built with keyword arguments only)."""

    suite: str
    system: str
    records: int
    gold_events: int
    extracted_events: int
    matched: int
    proxy_correct: int
    category_total: int
    category_correct: int
    noevent_records: int
    noevent_false_positives: int
    breakdown: dict[str, CategoryStats] = field(default_factory=dict)
    missed: tuple[str, ...] = ()
    gold_actors: int = 0
    found_actors: int = 0
    #: every event of every record is annotated (full articles): precision is exact
    complete: bool = False
    #: coded events (the graph's edges) and those that match a gold event with a target
    edges: int = 0
    edges_matched: int = 0
    gold_with_target: int = 0

    @property
    def precision(self) -> float | None:
        """Matched extracted events / extracted events, when the gold is complete."""
        if not self.complete:
            return None
        return self.matched / self.extracted_events if self.extracted_events else 0.0

    @property
    def edge_precision(self) -> float | None:
        return self.edges_matched / self.edges if self.complete and self.edges else None

    @property
    def edge_recall(self) -> float | None:
        return self.edges_matched / self.gold_with_target if self.complete and self.gold_with_target else None

    @property
    def actor_recall(self) -> float:
        """The share of the records' gold actors that some extracted event names."""
        return self.found_actors / self.gold_actors if self.gold_actors else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold_events if self.gold_events else 0.0

    @property
    def precision_proxy(self) -> float:
        return self.proxy_correct / self.extracted_events if self.extracted_events else 0.0

    @property
    def f1(self) -> float:
        precision = self.precision if self.complete else self.precision_proxy
        total = self.recall + precision
        return 2 * self.recall * precision / total if total else 0.0

    @property
    def category_accuracy(self) -> float | None:
        return self.category_correct / self.category_total if self.category_total else None


@dataclass
class _Tally:
    records: int = 0
    gold: int = 0
    extracted: int = 0
    matched: int = 0
    proxy: int = 0
    category_total: int = 0
    category_correct: int = 0
    noevent_records: int = 0
    noevent_fp: int = 0
    by_category: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    missed: list[str] = field(default_factory=list)
    gold_actors: int = 0
    found_actors: int = 0
    complete: bool = True
    edges: int = 0
    edges_matched: int = 0
    gold_with_target: int = 0

    def add(self, record: GoldRecord, events: Sequence[Event], matcher: ActorMatcher) -> None:
        pairs = match_events(record.events, events, matcher)
        self.complete = self.complete and record.complete
        if record.complete:
            self._count_edges(record, events, matcher)
        self.records += 1
        self.gold, self.extracted = self.gold + len(record.events), self.extracted + len(events)
        self.matched += len(pairs)
        self.proxy += 0 if record.noevents else sum(proxy_correct(record, e, matcher) for e in events)
        for g, e in pairs:
            agrees = category_agrees(record.events[g], events[e])
            self.category_total += agrees is not None
            self.category_correct += bool(agrees)
        if record.noevents:
            self.noevent_records += 1
            self.noevent_fp += len(events)
        matched = {g for g, _ in pairs}
        for g, gold in enumerate(record.events):
            stats = self.by_category[gold.kind or record.category or NO_CATEGORY]
            stats[0], stats[1] = stats[0] + 1, stats[1] + (g in matched)
        if len(pairs) < len(record.events):
            self.missed.append(record.id)
        self._count_actors(record, events, matcher)

    def _count_edges(self, record: GoldRecord, events: Sequence[Event], matcher: ActorMatcher) -> None:
        """The graph's view: coded events against the gold events that have a target."""
        gold = [g for g in record.events if g.targets]
        edges = [e for e in events if e.layer == "event"]
        self.gold_with_target += len(gold)
        self.edges += len(edges)
        self.edges_matched += len(match_events(gold, edges, matcher))

    def _count_actors(self, record: GoldRecord, events: Sequence[Event], matcher: ActorMatcher) -> None:
        """Gold actors (each distinct code or text once per record) that an event names."""
        gold = {(a.code, a.text): a for g in record.events for a in (*g.sources, *g.targets)}
        named = [a for e in events for a in (e.source, e.target) if a is not None]
        self.gold_actors += len(gold)
        self.found_actors += sum(any(matcher.matches(a, n) for n in named) for a in gold.values())

    def report(self, suite: str, system: str) -> Report:
        return Report(
            suite=suite,
            system=system,
            records=self.records,
            gold_events=self.gold,
            extracted_events=self.extracted,
            matched=self.matched,
            proxy_correct=self.proxy,
            category_total=self.category_total,
            category_correct=self.category_correct,
            noevent_records=self.noevent_records,
            noevent_false_positives=self.noevent_fp,
            breakdown={c: CategoryStats(g, m) for c, (g, m) in sorted(self.by_category.items())},
            missed=tuple(self.missed),
            gold_actors=self.gold_actors,
            found_actors=self.found_actors,
            complete=self.complete and self.records > 0,
            edges=self.edges,
            edges_matched=self.edges_matched,
            gold_with_target=self.gold_with_target,
        )


def score(
    records: Iterable[GoldRecord],
    events_by_record: Mapping[str, Sequence[Event]],
    *,
    suite: str = "",
    system: str = "kg",
    gazetteer: Gazetteer | None = None,
) -> Report:
    """Score extracted events (grouped by record id) against the gold records.

    Args:
        records: the gold records; events of ids that are not among them are ignored.
        events_by_record: extracted events by record id (= document id).
        suite: the suite's name, for the report.
        system: the name of what extracted the events, for the report.
        gazetteer: where to find the aliases and demonyms of kg actors, for text matching.
    """
    matcher, tally = ActorMatcher(gazetteer), _Tally()
    for record in records:
        tally.add(record, list(events_by_record.get(record.id, ())), matcher)
    return tally.report(suite, system)


def group_by_record(events: Iterable[Event]) -> dict[str, list[Event]]:
    """Extracted events by document id."""
    grouped: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        grouped[event.doc].append(event)
    return dict(grouped)
