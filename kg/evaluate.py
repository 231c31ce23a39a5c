"""Score kg's events against other people's gold annotations.

Four suites are read, each into :class:`GoldRecord`s (one sentence each, with its gold events):

- ``plover``: ``PLOVER_GSR_CAMEO.json`` (a JSON list). Records whose ``event`` is ``DOCUMENT``
  and gold events with no source are skipped. Each record is one gold event; its ``source`` and
  ``target`` lists (``actorText`` and ``code``) are alternatives or conjuncts of one another, any
  of which matches. Category: the PLOVER ``event`` type.
- ``petrarch-gsr`` / ``petrarch-functional``: ``petrarch_gold_events.jsonl``, sets ``udp_gsr`` /
  ``petrarch2_unittest`` and ``udp_validate_2_02``. Records marked ``"evaluate": "false"`` are
  skipped. Each ``{source, target, code}`` is a gold event with actor codes only; the CAMEO root
  is the first two digits of ``code`` (none when they are not a root 01–20: the functional sets
  use test-only codes such as ``900``). A record with no gold events counts as a no-event record.
  Record ids are ``SET/ID`` (made unique with ``#2``, ``#3``). Category: the record's
  ``category`` (the phenomenon tested). The functional sets use fictional countries: run them with
  the actor file :func:`fictional_actor_file` makes from ``validation_actor_codes.json``.
- ``qasrl``: ``qasrl_gs_wikinews_dev_predicates.jsonl``, one line per predicate. Predicates with an
  ``agent`` and a ``patient`` or ``prep_objects`` become gold events (sources: the agents; targets:
  the patients and prepositional objects, the leading preposition removed); sentences without
  one are dropped. Sentence text is detokenised (`` `` `` → ``"``, no space before punctuation or
  ``'s``). Category: ``ir_core`` (the data's ``ir_core`` flag), else ``ir_keywords`` (some
  ``ir_keywords``), else ``other``. No action categories.

Matching rules
--------------
Text is compared as *normalised tokens*: accents folded, periods removed (``U.S.`` → ``US``),
possessive ``'s`` dropped, split on anything that is not a letter or digit, lower-cased except
all-capital tokens of at most four letters in text that is not all capitals (``US`` stays apart
from the pronoun ``us``), and a leading ``the`` dropped.

A gold actor matches a kg actor (:class:`kg.events.ActorRef`) when any of these holds:

1. *Code.* A gold code whose first three characters are letters names a country: it matches an
   actor of that ``country`` (``RUSGOV``, ``RUSMIL`` and ``RUS`` all match any actor of country
   ``RUS``, a person included). A few old CAMEO codes are mapped to ISO ones on both sides
   (``ROM`` = ``ROU``, ``JAP`` = ``JPN``, …). Codes starting with ``IGO``, ``NGO`` or ``IMG``,
   or with an organisation's own code (``UNO``, ``IMF``), name organisations: such a code
   matches an actor whose names (rule 2) match the organisation a three-letter part of the code
   stands for (``IGOUNOMIL`` → United Nations, ``IGOEUREEC`` → European Union; table
   ``ORGANISATION_CODES``), and never by country. A code starting with
   ``---`` or ``+++`` (an actor of unknown country) matches any actor without a country. Any code
   also matches an actor whose ``id`` is that code or its first three letters (user actor files
   such as the fictional one use the codes as ids). When a gazetteer is given, the actor's
   ``name`` and ``mention`` are also looked up in it as whole names or demonyms, and the code
   matches the ids and countries found (so a system that only gives text, ``Gondor``, is
   scored like one that resolves it to ``GON``).
2. *Text.* The gold ``actorText`` matches when its normalised tokens equal, contain or are
   contained in those of the actor's canonical ``name``, its ``mention``, or (when a gazetteer is
   given) the ``aliases`` and ``demonyms`` of its gazetteer record (``Hungarian`` → Hungary).
   Containment means a contiguous run of tokens, and the shorter side must have a token that
   is not a function word or pronoun (``Israeli troops`` contains ``Israeli``; ``he`` is
   never contained).

An extracted event matches a gold event when its source matches one of the gold sources and its
target matches one of the gold targets; a gold event without targets needs only the source (the
extracted target may be anything or nothing). Direction counts.

Within a record, gold events are taken in order and each takes the first unused extracted event
that matches, preferring one whose category agrees; so each gold event and each extracted
event is matched at most once (greedy and deterministic, not an optimal assignment).

Figures
-------
- recall = matched gold events / gold events.
- precision proxy = proxy-correct extracted events / extracted events. An extracted event is
  proxy-correct when its source and its target each match some gold actor (source or target)
  of its record; an event without a target is proxy-correct when its source matches a gold
  actor and the record has a gold event without targets. Events in no-event records are never
  proxy-correct, and are also counted as ``noevent_false_positives``.
- F1: the harmonic mean of recall and the precision proxy.
- category accuracy: among matched pairs whose gold event has a category, the share whose
  extracted action has the same one (``action.plover`` for PLOVER, ``action.cameo`` for the
  CAMEO root). None when no matched gold event has a category.
- breakdown: gold events, matched events and recall per record category.
"""

from __future__ import annotations

import html
import json
import re
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .documents import Document
from .errors import KgError
from .events import ActorRef, Event
from .gazetteer import Gazetteer
from .nlp import DEFAULT_MODEL, load_pipeline
from .pipeline import Extractor

SUITES = ("plover", "petrarch-gsr", "petrarch-functional", "qasrl")
SUITE_FILES = {
    "plover": "PLOVER_GSR_CAMEO.json",
    "petrarch-gsr": "petrarch_gold_events.jsonl",
    "petrarch-functional": "petrarch_gold_events.jsonl",
    "qasrl": "qasrl_gs_wikinews_dev_predicates.jsonl",
}
PETRARCH_SETS = {
    "petrarch-gsr": ("udp_gsr",),
    "petrarch-functional": ("petrarch2_unittest", "udp_validate_2_02"),
}
FICTIONAL_ACTORS = "validation_actor_codes.json"
NO_CATEGORY = "(none)"

OLD_COUNTRY_CODES = {"JAP": "JPN", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}
ORGANISATION_PREFIXES = ("IGO", "NGO", "IMG")
ORGANISATION_CODES = {
    "UNO": ("United Nations",), "EUR": ("European Union",), "EEC": ("European Union", "European Community"),
    "EEU": ("European Union",), "NAT": ("NATO",), "AFR": ("African Union",), "AFU": ("African Union",),
    "ARL": ("Arab League",), "ASN": ("ASEAN",), "OPC": ("OPEC",), "ITP": ("Interpol",),
    "WTO": ("World Trade Organization",), "IMF": ("International Monetary Fund",),
    "IAE": ("International Atomic Energy Agency",), "ICC": ("International Criminal Court",),
    "OSC": ("OSCE",), "WHO": ("World Health Organization",), "ALQ": ("al-Qaeda",),
    "ISI": ("Islamic State",), "RCR": ("Red Cross",),
}
FUNCTION_WORDS = frozenset(
    "a an the of and or in on at to for with by from as into about against over after s "
    "he she it they we i you me him her them us his hers its their theirs our ours my your "
    "who whom whose which that this these those some any all both each one".split()
)
SHOUTED_FUNCTION_WORDS = frozenset({"A", "AN", "THE", "OF", "AND", "OR", "FOR", "IN", "ON", "AT", "TO", "BY"})


class EvaluationError(KgError):
    """A gold file is missing, unreadable or not the suite it was named as."""


@dataclass(frozen=True)
class GoldActor:
    """A gold actor: its words in the sentence and/or its actor code."""

    text: str | None
    code: str | None


@dataclass(frozen=True)
class GoldEvent:
    """One gold event; any of ``sources`` (``targets``) may match the extracted source (target)."""

    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]
    plover: str | None = None
    cameo: str | None = None


@dataclass(frozen=True)
class GoldRecord:
    """One gold sentence with its events."""

    id: str
    text: str
    date: str | None
    category: str | None
    events: tuple[GoldEvent, ...]
    noevents: bool = False


@dataclass(frozen=True)
class CategoryStats:
    """Gold and matched events of one record category."""

    gold: int
    matched: int

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0


@dataclass(frozen=True)
class Report:
    """The figures of one suite for one system."""

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
        total = self.recall + self.precision_proxy
        return 2 * self.recall * self.precision_proxy / total if total else 0.0

    @property
    def category_accuracy(self) -> float | None:
        return self.category_correct / self.category_total if self.category_total else None


# ---------------------------------------------------------------- loading


def load_suite(suite: str, path: str | Path) -> list[GoldRecord]:
    """The gold records of a suite.

    Args:
        suite: one of :data:`SUITES`.
        path: the suite's file, or the folder that holds it under its usual name.

    Raises:
        EvaluationError: unknown suite, missing file, or a file that is not that suite.
    """
    if suite not in SUITES:
        raise EvaluationError(f"unknown suite '{suite}' (choose from {', '.join(SUITES)})")
    path = suite_path(suite, path)
    if suite == "plover":
        return _plover_records(path)
    if suite == "qasrl":
        return _qasrl_records(path)
    return _petrarch_records(path, PETRARCH_SETS[suite])


def suite_path(suite: str, path: str | Path) -> Path:
    """The suite's file: ``path`` itself, or its usual file name inside the folder ``path``."""
    path = Path(path)
    if path.is_dir():
        path = path / SUITE_FILES[suite]
    if not path.is_file():
        raise EvaluationError(f"{path}: no such file (the {suite} suite is {SUITE_FILES[suite]})")
    return path


def _read_text(path: Path) -> str:
    try:
        return path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"{path}: cannot read ({error})") from error


def _read_json(path: Path, what: str) -> Any:
    try:
        return json.loads(_read_text(path))
    except json.JSONDecodeError as error:
        raise EvaluationError(f"{path}: not {what} (malformed JSON: {error.msg})") from None


def _read_jsonl(path: Path, what: str, keys: set[str]) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationError(f"{path}, line {number}: not {what} ({error.msg})") from None
        if not isinstance(record, dict) or not keys <= record.keys():
            raise EvaluationError(f"{path}, line {number}: not {what} (needs {', '.join(sorted(keys))})")
        yield record


def _plover_records(path: Path) -> list[GoldRecord]:
    data = _read_json(path, "a PLOVER gold file")
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


def _petrarch_records(path: Path, sets: Sequence[str]) -> list[GoldRecord]:
    what = "a PETRARCH gold file"
    raws = [r for r in _read_jsonl(path, what, {"set", "id", "text", "events"}) if r["set"] in sets]
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
    match = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})", str(raw or ""))
    return "-".join(match.groups()) if match else None


def _qasrl_records(path: Path) -> list[GoldRecord]:
    keys = {"qasrl_id", "sentence", "agent", "patient", "prep_objects"}
    sentences: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for raw in _read_jsonl(path, "a QA-SRL predicates file", keys):
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


# ---------------------------------------------------------------- the fictional actors


def fictional_actor_file(codes_path: str | Path, out_path: str | Path) -> Path:
    """Write the fictional actors of PETRARCH's functional suites as a kg actor file (JSON lines).

    Each code becomes one actor whose id is the code. A name listed under several codes goes to
    the one with a known country and the shortest code (``GOLLUM`` to ``HOB``, not ``HOBGOV``).

    Raises:
        EvaluationError: the file is not a JSON object of sections of ``{code: [names]}``.
    """
    codes_path, out_path = Path(codes_path), Path(out_path)
    names_by_code = _fictional_codes(codes_path)
    owner: dict[str, str] = {}
    order = {code: i for i, code in enumerate(names_by_code)}
    for code in sorted(names_by_code, key=lambda c: (country_code(c) is None, len(c), order[c])):
        for name in names_by_code[code]:
            owner.setdefault(name, code)
    lines = []
    for code, names in names_by_code.items():
        mine = [n for n in names if owner[n] == code]
        if mine:
            lines.append(json.dumps(_fictional_actor(code, mine), ensure_ascii=False))
    out_path.write_text("".join(f"{line}\n" for line in lines), "utf-8")
    return out_path


def _fictional_codes(path: Path) -> dict[str, list[str]]:
    data = _read_json(path, "an actor-codes file")
    problem = f"{path}: not an actor-codes file (expected {{section: {{CODE: [NAMES]}}}})"
    if not isinstance(data, dict) or not all(isinstance(s, dict) for s in data.values()):
        raise EvaluationError(problem)
    names_by_code: dict[str, list[str]] = {}
    for section in data.values():
        for code, names in section.items():
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise EvaluationError(problem)
            merged = names_by_code.setdefault(code.strip().upper(), [])
            merged.extend(n.strip() for n in names if n.strip() and n.strip() not in merged)
    return names_by_code


def _fictional_actor(code: str, names: list[str]) -> dict[str, Any]:
    demonyms = [n for n in names if re.search(r"(IAN|ISH|ESE|I|ENCH|TCH)$", n.upper()) and " " not in n]
    proper = [n for n in names if n not in demonyms] or names
    titled = [title_case(n) for n in proper]
    aliases = [*titled[1:], *proper]
    aliases += [a[4:] for a in [titled[0], *aliases] if a.lower().startswith("the ")]
    record: dict[str, Any] = {"id": code, "name": titled[0], "type": _fictional_type(code),
                              "aliases": list(dict.fromkeys(a for a in aliases if a != titled[0]))}
    if country_code(code):
        record["country"] = country_code(code)
    if demonyms:
        record["demonyms"] = list(dict.fromkeys([*map(title_case, demonyms), *demonyms]))
    return record


def _fictional_type(code: str) -> str:
    if code.startswith("IGO") or (code[:3] in ORGANISATION_CODES and not code.startswith(("IMG", "NGO"))):
        return "IGO"
    if code.startswith(("NGO", "MNC")):
        return "ORG"
    if code.startswith("IMG") or (len(code) > 3 and re.search(r"(REB|OPP|INS|SEP|ORC)$", code)):
        return "GROUP"
    if len(code) == 3 and country_code(code):
        return "COUNTRY"
    if re.search(r"(GOV|MIL|LEG|JUD|COP|SPY|ELI)$", code):
        return "GOV"
    return "OTHER"


def _shortened(word: str) -> bool:
    """Whether a one-word name looks like an acronym: three letters, or four with one vowel."""
    vowels = sum(c in "AEIOUaeiou" for c in word)
    return len(word) <= 3 or (len(word) == 4 and vowels <= 1)


def title_case(name: str) -> str:
    """``MINAS TIRITH`` → ``Minas Tirith``; keeps acronyms (``IMF``, ``U.N.``, ``the AU``)."""
    words = name.split()
    out = []
    for i, word in enumerate(words):
        letters = re.sub(r"[^A-Za-z]", "", word)
        if "." in word or (len(words) == 1 and _shortened(letters)) or (
                len(letters) <= 2 and word.lower() not in FUNCTION_WORDS):
            out.append(word)
        elif i and word.lower() in FUNCTION_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(out)


# ---------------------------------------------------------------- matching


def tokens(text: str) -> tuple[str, ...]:
    """The normalised tokens of a name or phrase (see the module docstring)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")
    text = re.sub(r"\s?'s\b", "", text).replace(".", "")
    words = re.findall(r"[^\W_]+", text)
    shouting = not any(c.islower() for c in text) and any(len(w) > 4 for w in words)
    words = [w if _acronym(w, shouting) else w.lower() for w in words]
    return tuple(words[1:] if words[:1] == ["the"] else words)


def _acronym(word: str, shouting: bool) -> bool:
    return not shouting and word.isupper() and len(word) <= 4 and word not in SHOUTED_FUNCTION_WORDS


def text_matches(gold: str, candidate: str) -> bool:
    """Whether two phrases are equal, or one contains the other, as normalised tokens."""
    a, b = tokens(gold), tokens(candidate)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if all(w in FUNCTION_WORDS for w in short):
        return False
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def country_code(code: str | None) -> str | None:
    """The ISO-style country of an actor code, or None for organisations and unknown actors."""
    if not code or len(code) < 3 or organisation_parts(code) is not None:
        return None
    head = code[:3].upper()
    if not head.isalpha():
        return None
    return OLD_COUNTRY_CODES.get(head, head)


def organisation_parts(code: str) -> list[str] | None:
    """The three-letter parts of an organisation's code (``IGOUNOMIL`` → UNO, MIL); else None."""
    code = code.upper()
    if code.startswith(ORGANISATION_PREFIXES):
        code = code[3:]
    elif code[:3] not in ORGANISATION_CODES:
        return None
    return [code[i:i + 3] for i in range(0, len(code), 3)]


class ActorMatcher:
    """Applies the actor rule of the module docstring, with the gazetteer's names if given."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer
        self._names: dict[tuple[str, str, str], tuple[str, ...]] = {}
        self._known: dict[tuple[str, str, str], tuple[ActorRef, ...]] = {}

    def names(self, actor: ActorRef) -> tuple[str, ...]:
        """Every text an actor goes by: canonical name, mention, and gazetteer names."""
        key = (actor.id, actor.name, actor.mention)
        if key not in self._names:
            found = [actor.name, actor.mention]
            record = self.gazetteer.get(actor.id) if self.gazetteer else None
            if record:
                found += [*record.names, *record.demonyms]
            self._names[key] = tuple(dict.fromkeys(n for n in found if n))
        return self._names[key]

    def known(self, actor: ActorRef) -> tuple[ActorRef, ...]:
        """The actor itself, and the gazetteer actors its name or mention names as a whole."""
        key = (actor.id, actor.name, actor.mention)
        if key not in self._known:
            found = [actor]
            for text in dict.fromkeys((actor.name, actor.mention)) if self.gazetteer else ():
                record = self.gazetteer.by_name(text) or self.gazetteer.by_demonym(text)
                if record:
                    found.append(ActorRef(record.id, record.name, record.type, record.country, text))
            self._known[key] = tuple(found)
        return self._known[key]

    def matches(self, gold: GoldActor, actor: ActorRef) -> bool:
        """Whether ``actor`` is ``gold`` by code or by text."""
        if gold.code and any(self._code_matches(gold.code.upper(), a) for a in self.known(actor)):
            return True
        return bool(gold.text) and any(text_matches(gold.text, n) for n in self.names(actor))

    def _code_matches(self, code: str, actor: ActorRef) -> bool:
        if actor.id.upper() in {code, code[:3]}:
            return True
        if code.startswith(("---", "+++")):
            return actor.country is None
        parts = organisation_parts(code)
        if parts is not None:
            names = [n for part in parts for n in ORGANISATION_CODES.get(part, ())]
            return any(text_matches(n, a) for n in names for a in self.names(actor))
        return actor.country is not None and country_code(actor.country) == country_code(code)


def actor_matches(gold: GoldActor, actor: ActorRef, gazetteer: Gazetteer | None = None) -> bool:
    """Whether a kg actor is the gold actor (the rule of the module docstring)."""
    return ActorMatcher(gazetteer).matches(gold, actor)


def event_matches(gold: GoldEvent, event: Event, matcher: ActorMatcher) -> bool:
    """Source matches a gold source, and target a gold target unless the gold has none."""
    if not any(matcher.matches(s, event.source) for s in gold.sources):
        return False
    if not gold.targets:
        return True
    return event.target is not None and any(matcher.matches(t, event.target) for t in gold.targets)


def category_agrees(gold: GoldEvent, event: Event) -> bool | None:
    """Whether the extracted action has the gold category; None when the gold has none."""
    if gold.plover is not None:
        return event.action.plover == gold.plover
    if gold.cameo is not None:
        return (event.action.cameo or "")[:2] == gold.cameo
    return None


def match_events(
    gold_events: Sequence[GoldEvent], events: Sequence[Event], matcher: ActorMatcher
) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, event index), preferring agreeing categories."""
    used: set[int] = set()
    pairs = []
    for g, gold in enumerate(gold_events):
        candidates = [i for i, e in enumerate(events) if i not in used and event_matches(gold, e, matcher)]
        if candidates:
            best = next((i for i in candidates if category_agrees(gold, events[i])), candidates[0])
            used.add(best)
            pairs.append((g, best))
    return pairs


def proxy_correct(record: GoldRecord, event: Event, matcher: ActorMatcher) -> bool:
    """Whether both actors of an extracted event are among the record's gold actors."""
    actors = [a for gold in record.events for a in (*gold.sources, *gold.targets)]
    if not any(matcher.matches(a, event.source) for a in actors):
        return False
    if event.target is None:
        return any(not gold.targets for gold in record.events)
    return any(matcher.matches(a, event.target) for a in actors)


# ---------------------------------------------------------------- scoring


@dataclass
class _Tally:
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

    def add(self, record: GoldRecord, events: Sequence[Event], matcher: ActorMatcher) -> None:
        pairs = match_events(record.events, events, matcher)
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
        stats = self.by_category[record.category or NO_CATEGORY]
        stats[0], stats[1] = stats[0] + len(record.events), stats[1] + len(pairs)
        if len(pairs) < len(record.events):
            self.missed.append(record.id)
        self._count_actors(record, events, matcher)

    def _count_actors(self, record: GoldRecord, events: Sequence[Event], matcher: ActorMatcher) -> None:
        """Gold actors (each distinct code or text once per record) that an event names."""
        gold = {(a.code, a.text): a for g in record.events for a in (*g.sources, *g.targets)}
        named = [a for e in events for a in (e.source, e.target) if a is not None]
        self.gold_actors += len(gold)
        self.found_actors += sum(any(matcher.matches(a, n) for n in named) for a in gold.values())


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
    matcher, tally, count = ActorMatcher(gazetteer), _Tally(), 0
    for record in records:
        tally.add(record, list(events_by_record.get(record.id, ())), matcher)
        count += 1
    breakdown = {c: CategoryStats(g, m) for c, (g, m) in sorted(tally.by_category.items())}
    return Report(suite, system, count, tally.gold, tally.extracted, tally.matched, tally.proxy,
                  tally.category_total, tally.category_correct, tally.noevent_records, tally.noevent_fp,
                  breakdown, tuple(tally.missed), tally.gold_actors, tally.found_actors)


def group_by_record(events: Iterable[Event]) -> dict[str, list[Event]]:
    """Extracted events by document id."""
    grouped: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        grouped[event.doc].append(event)
    return dict(grouped)


# ---------------------------------------------------------------- running kg


def documents_of(records: Iterable[GoldRecord]) -> list[Document]:
    """One kg document per gold record: id and date of the record."""
    return [Document(id=r.id, text=r.text, date=r.date) for r in records]


def build_extractor(
    suite: str, path: str | Path, actors_file: str | Path | None = None, model: str = DEFAULT_MODEL,
    suite_actors: bool = True,
) -> Extractor:
    """A kg extractor for a suite: the bundled actors plus ``actors_file``.

    For ``petrarch-functional`` without an actors file, the fictional actors are read from
    ``validation_actor_codes.json`` beside the suite's file, unless ``suite_actors`` is False
    (to measure what kg finds without them).
    """
    files: list[str | Path] = [actors_file] if actors_file else []
    with tempfile.TemporaryDirectory() as folder:
        if suite == "petrarch-functional" and not actors_file and suite_actors:
            codes = suite_path(suite, path).parent / FICTIONAL_ACTORS
            if not codes.is_file():
                raise EvaluationError(f"{codes}: no such file (the fictional actors of {suite}; "
                                      "or pass an actors file)")
            files.append(fictional_actor_file(codes, Path(folder) / "fictional.jsonl"))
        gazetteer = Gazetteer.load(files)
    return Extractor(load_pipeline(model, gazetteer), gazetteer)


def run_suite(
    suite: str,
    path: str | Path,
    extractor: Extractor | None = None,
    actors_file: str | Path | None = None,
    *,
    model: str = DEFAULT_MODEL,
    suite_actors: bool = True,
) -> Report:
    """Run kg over a suite's sentences and score the events.

    Args:
        suite: one of :data:`SUITES`.
        path: the suite's file (or its folder).
        extractor: a loaded extractor to reuse; built by :func:`build_extractor` from
            ``actors_file`` and ``model`` when None. For ``petrarch-functional`` a given extractor
            must know the fictional actors.
        actors_file: extra actors for the extractor that is built; not allowed with ``extractor``.
        model: the spaCy model of the extractor that is built.
        suite_actors: whether the built extractor knows a suite's own actors (the fictional
            countries of ``petrarch-functional``).
    """
    if extractor is not None and actors_file:
        raise EvaluationError("give either an extractor or an actors file, not both")
    records = load_suite(suite, path)
    if extractor is None:
        extractor = build_extractor(suite, path, actors_file, model, suite_actors)
    events = group_by_record(extractor.events(documents_of(records)))
    return score(records, events, suite=suite, gazetteer=extractor.gazetteer)


# ---------------------------------------------------------------- reporting


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
    }
