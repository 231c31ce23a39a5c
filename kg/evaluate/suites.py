"""Reading the four gold formats into gold records (:class:`~kg.evaluate.gold.GoldRecord`).

What each suite's file holds and which of its records are kept is described in the package
docstring (:mod:`kg.evaluate`).
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..dates import document_date
from .gold import EvaluationError, GoldActor, GoldEvent, GoldRecord
from .matching import FUNCTION_WORDS, tokens
from .reading import read_json, read_jsonl

SUITES = ("plover", "petrarch-gsr", "petrarch-functional", "qasrl", "articles")
SUITE_FILES = {
    "plover": "PLOVER_GSR_CAMEO.json",
    "petrarch-gsr": "petrarch_gold_events.jsonl",
    "petrarch-functional": "petrarch_gold_events.jsonl",
    "qasrl": "qasrl_gs_wikinews_dev_predicates.jsonl",
}
#: Suites whose gold targets are things as often as actors ("the summit", "that the plan was
#: agreed"): kg's topic links count there; the other suites code events between actors only.
TOPIC_SUITES = frozenset({"qasrl"})
PETRARCH_SETS = {
    "petrarch-gsr": ("udp_gsr",),
    "petrarch-functional": ("petrarch2_unittest", "udp_validate_2_02"),
}
#: The fictional actors of ``petrarch-functional``, beside the suite's file.
FICTIONAL_ACTORS = "validation_actor_codes.json"


def load_suite(suite: str, path: str | Path, texts: str | Path | None = None) -> list[GoldRecord]:
    """The gold records of a suite.

    Args:
        suite: one of :data:`SUITES`.
        path: the suite's file, or the folder that holds it under its usual name; for
            ``articles``, the folder of annotation files.
        texts: for ``articles``, the JSON-lines file of the articles the annotations point into.

    Raises:
        EvaluationError: unknown suite, missing file, or a file that is not that suite.
    """
    if suite == "articles":
        return _article_records(Path(path), texts)
    path = suite_path(suite, path)
    if suite == "plover":
        return _plover_records(path)
    if suite == "qasrl":
        return _qasrl_records(path)
    return _petrarch_records(path, PETRARCH_SETS[suite])


def check_suite(suite: str) -> None:
    """Raise :class:`EvaluationError`, listing the choices, unless ``suite`` is one of :data:`SUITES`."""
    if suite not in SUITES:
        raise EvaluationError(f"unknown suite '{suite}' (choose from {', '.join(SUITES)})")


def suite_path(suite: str, path: str | Path) -> Path:
    """The suite's file: ``path`` itself, or its usual file name inside the folder ``path``."""
    check_suite(suite)
    path = Path(path)
    if path.is_dir():
        path = path / SUITE_FILES[suite]
    if not path.is_file():
        raise EvaluationError(f"{path}: no such file (the {suite} suite is {SUITE_FILES[suite]})")
    return path


# ---------------------------------------------------------------- PLOVER


def _plover_records(path: Path) -> list[GoldRecord]:
    data = read_json(path, "a PLOVER gold file")
    if not isinstance(data, list) or not all(isinstance(r, dict) and "event" in r for r in data):
        raise EvaluationError(f"{path}: not a PLOVER gold file (expected a JSON list of 'event' records)")
    records = []
    for raw in data:
        sources = _plover_actors(raw.get("source"))
        if raw["event"] == "DOCUMENT" or not sources or not raw.get("text"):
            continue
        event = GoldEvent(sources, _plover_actors(raw.get("target")), plover=raw["event"])
        records.append(GoldRecord(str(raw["id"]), raw["text"], raw.get("date") or None,
                                  raw["event"], (event,)))
    return records


def _plover_actors(raw: object) -> tuple[GoldActor, ...]:
    if not isinstance(raw, list):
        return ()
    return tuple(GoldActor(a.get("actorText") or None, a.get("code") or None)
                 for a in raw if isinstance(a, dict) and (a.get("actorText") or a.get("code")))


# ---------------------------------------------------------------- PETRARCH


def _petrarch_records(path: Path, sets: Sequence[str]) -> list[GoldRecord]:
    what = "a PETRARCH gold file"
    raws = [r for r in read_jsonl(path, what, {"set", "id", "text", "events"}) if r["set"] in sets]
    if not raws:
        raise EvaluationError(f"{path}: {what} without records of set {' or '.join(sets)}")
    records, seen = [], defaultdict(int)
    for raw in raws:
        if str(raw.get("evaluate", "true")).lower() == "false":
            continue
        record_id = f"{raw['set']}/{raw['id']}"
        seen[record_id] += 1
        if seen[record_id] > 1:
            record_id += f"#{seen[record_id]}"
        events = tuple(_petrarch_event(e) for e in raw["events"])
        records.append(GoldRecord(record_id, raw["text"], _iso_date(raw.get("date")),
                                  raw.get("category") or None, events,
                                  bool(raw.get("noevents")) or not events))
    return records


def _petrarch_event(raw: dict[str, Any]) -> GoldEvent:
    target = _code_actor(raw.get("target"))
    root = str(raw.get("code") or "")[:2]
    cameo = root if root.isdigit() and 1 <= int(root) <= 20 else None
    return GoldEvent((_code_actor(raw.get("source")) or GoldActor(None, "---"),),
                     (target,) if target else (), cameo=cameo)


def _code_actor(raw: object) -> GoldActor | None:
    """A PETRARCH actor: a code, or (for a quoted phrase) text."""
    text = html.unescape(str(raw or "")).strip().strip('"').strip()
    if not text:
        return None
    if re.fullmatch(r"[A-Za-z0-9+\-/]{3,}", text):
        return GoldActor(None, text.upper())
    return GoldActor(text, None)


def _iso_date(raw: object) -> str | None:
    """The record's date as YYYY-MM-DD (PETRARCH writes ``20110302``); None when it is not a date."""
    if not raw:
        return None
    try:
        return document_date(str(raw))
    except ValueError:
        return None


# ---------------------------------------------------------------- QA-SRL


def _qasrl_records(path: Path) -> list[GoldRecord]:
    keys = {"qasrl_id", "sentence", "agent", "patient", "prep_objects"}
    sentences: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for raw in read_jsonl(path, "a QA-SRL predicates file", keys):
        sentences[str(raw["qasrl_id"])].append(raw)
    records = []
    for sentence_id, predicates in sentences.items():
        events = tuple(e for e in map(_qasrl_event, predicates) if e)
        if events:
            category = _qasrl_category(predicates)
            text = detokenise(predicates[0]["sentence"])
            records.append(GoldRecord(sentence_id, text, None, category, events))
    return records


def _qasrl_category(predicates: list[dict[str, Any]]) -> str:
    if any(p.get("ir_core") for p in predicates):
        return "ir_core"
    return "ir_keywords" if any(p.get("ir_keywords") for p in predicates) else "other"


def _qasrl_event(raw: dict[str, Any]) -> GoldEvent | None:
    sources = tuple(GoldActor(detokenise(a), None) for a in raw["agent"] if a)
    objects = [str(o) for o in raw["patient"] if o]
    for prep in raw["prep_objects"]:
        words, lead = prep.get("text") or "", (prep.get("prep") or "") + " "
        objects.append(words[len(lead):] if words.lower().startswith(lead.lower()) else words)
    targets = tuple(GoldActor(detokenise(o), None) for o in objects if o.strip())
    return GoldEvent(sources, targets) if sources and targets else None


def detokenise(text: str) -> str:
    """Undo Penn-Treebank-style spacing: ``Obama 's visit , he said`` → ``Obama's visit, he said``."""
    text = text.replace("``", '"').replace("''", '"')
    text = re.sub(r" (\.\.\.|[.,;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't)(?=\s|$)", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


# ---------------------------------------------------------------- full articles


def _article_records(folder: Path, texts: str | Path | None) -> list[GoldRecord]:
    if not folder.is_dir():
        raise EvaluationError(f"{folder}: not a folder of article annotations (<document id>.json)")
    if texts is None:
        raise EvaluationError("the articles suite needs the articles its annotations point into (--texts)")
    articles = {str(r["id"]): r for r in read_jsonl(Path(texts), "an articles file", {"id", "text"})}
    records = []
    for path in sorted(folder.glob("*.json")):
        raw = read_json(path, "an article annotation")
        if not isinstance(raw, dict) or not isinstance(raw.get("events"), list):
            raise EvaluationError(f"{path}: not an article annotation (needs doc and events)")
        article = articles.get(str(raw.get("doc")))
        if article is None:
            raise EvaluationError(f"{path}: article {raw.get('doc')!r} is not in {texts}")
        text = article["text"]
        try:
            events = tuple(e for e in (_article_event(r, text) for r in raw["events"]) if e)
        except (KeyError, TypeError, ValueError) as error:
            raise EvaluationError(f"{path}: malformed event ({error!r})") from None
        records.append(GoldRecord(str(raw["doc"]), text, article.get("date"), None, events,
                                  complete=True))
    if not records:
        raise EvaluationError(f"{folder}: no article annotations (<document id>.json)")
    return records


def _article_event(raw: dict[str, Any], text: str) -> GoldEvent | None:
    """An annotated event: actors by offsets and canonical name; an agentless passive ("the
    jet was shot down") is a statement of its target. Other events whose source the text does
    not state are left out: nothing could match them."""
    sources = _article_actors(raw["source"], raw.get("source_actor"), text)
    targets = _article_actors(raw["target"], raw.get("target_actor"), text)
    if not sources and raw.get("structure") == "agentless":
        sources, targets = targets, ()
    if not sources:
        return None
    start, end = raw["sentence"]
    cameo = str(raw.get("cameo") or "")[:2]
    return GoldEvent(sources, targets, cameo=cameo if cameo.isdigit() else None,
                     span=(int(start), int(end)), kind=raw.get("structure"))


def _article_actors(span: list[int] | None, name: str | None, text: str) -> tuple[GoldActor, ...]:
    """The canonical name, and the words of the mention unless they are a pronoun or the like
    (which would match any actor mentioned so)."""
    actors = [GoldActor(name, None)] if name else []
    if span:
        words = text[span[0]:span[1]]
        if any(w not in FUNCTION_WORDS for w in tokens(words)):
            actors.append(GoldActor(words, None))
    return tuple(actors)
