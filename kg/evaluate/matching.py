"""The matching rules: normalised tokens, actor codes, gold actor = kg actor, event pairing.

The rules themselves (and the figures built on them) are written out in the package docstring,
``kg/evaluate/__init__.py``; this module implements them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..events import ActorRef
from ..gazetteer import fold_accents
from .gold import GoldActor, GoldEvent, GoldRecord

if TYPE_CHECKING:
    from ..events import Event
    from ..gazetteer import Gazetteer

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


# ---------------------------------------------------------------- text


def _fold(text: str) -> str:
    """Accents folded and the typographic apostrophe made plain, keeping case and every other
    character (:func:`kg.gazetteer.normalise` also lower-cases, which would lose the acronyms,
    and drops curly double quotes, which would join words)."""
    return fold_accents(text).replace("’", "'")


def tokens(text: str) -> tuple[str, ...]:
    """The normalised tokens of a name or phrase (see the package docstring)."""
    text = re.sub(r"\s?'s\b", "", _fold(text)).replace(".", "")
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


# ---------------------------------------------------------------- codes


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


# ---------------------------------------------------------------- actors


class ActorMatcher:
    """Applies the actor rule of the package docstring, with the gazetteer's names if given."""

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
    """Whether a kg actor is the gold actor (the rule of the package docstring)."""
    return ActorMatcher(gazetteer).matches(gold, actor)


# ---------------------------------------------------------------- events


def event_matches(gold: GoldEvent, event: Event, matcher: ActorMatcher) -> bool:
    """Source matches a gold source, and target a gold target unless the gold has none; in
    the gold's sentence when it has one."""
    if gold.span is not None and not (event.span[0] < gold.span[1] and gold.span[0] < event.span[1]):
        return False
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
