"""A :class:`~kg.evaluate.scoring.Report` as Markdown tables or as JSON-ready data."""

from __future__ import annotations

from typing import Any

from .scoring import Report


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def format_report(report: Report, breakdown: bool = True) -> str:
    """The report as Markdown: the totals, then recall per category."""
    lines = [
        "| suite | system | records | gold | extracted | matched | recall | precision proxy | F1 "
        "| category acc. | no-event FP |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {report.suite} | {report.system} | {report.records} | {report.gold_events} "
        f"| {report.extracted_events} | {report.matched} | {_percent(report.recall)} "
        f"| {_percent(report.precision_proxy)} | {_percent(report.f1)} "
        f"| {_percent(report.category_accuracy)} | {report.noevent_false_positives} |",
        "",
        f"Gold actors named by some extracted event: {report.found_actors} of {report.gold_actors} "
        f"({_percent(report.actor_recall)}).",
    ]
    if report.complete:
        lines += [
            "",
            f"Every event of each text is annotated: precision {_percent(report.precision)} "
            f"({report.matched} of {report.extracted_events} extracted events match a gold event).",
            f"Graph edges (coded events): precision {_percent(report.edge_precision)} "
            f"({report.edges_matched} of {report.edges}), recall {_percent(report.edge_recall)} "
            f"of the {report.gold_with_target} gold events with a target.",
        ]
    if breakdown and report.breakdown:
        lines += ["", "| category | gold | matched | recall |", "| --- | ---: | ---: | ---: |"]
        lines += [f"| {name} | {s.gold} | {s.matched} | {_percent(s.recall)} |"
                  for name, s in report.breakdown.items()]
    return "\n".join(lines) + "\n"


def report_to_json(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready dict, with the derived figures."""
    return {
        "suite": report.suite, "system": report.system, "records": report.records,
        "gold_events": report.gold_events, "extracted_events": report.extracted_events,
        "matched": report.matched, "proxy_correct": report.proxy_correct,
        "recall": report.recall, "precision_proxy": report.precision_proxy, "f1": report.f1,
        "category_total": report.category_total, "category_correct": report.category_correct,
        "category_accuracy": report.category_accuracy, "noevent_records": report.noevent_records,
        "noevent_false_positives": report.noevent_false_positives,
        "breakdown": {name: {"gold": s.gold, "matched": s.matched, "recall": s.recall}
                      for name, s in report.breakdown.items()},
        "missed": list(report.missed),
        "gold_actors": report.gold_actors, "found_actors": report.found_actors,
        "actor_recall": report.actor_recall,
        "complete": report.complete, "precision": report.precision,
        "edges": report.edges, "edges_matched": report.edges_matched,
        "gold_with_target": report.gold_with_target,
        "edge_precision": report.edge_precision, "edge_recall": report.edge_recall,
    }
