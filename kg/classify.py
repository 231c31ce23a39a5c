"""Categorise actions with the bundled lexicon: CAMEO root, PLOVER type, QuadClass, Goldstein."""

from __future__ import annotations

import csv
import functools
from collections import Counter
from dataclasses import dataclass, field, replace
from importlib import resources

from .events import Action, Event
from .words import WORDS


@dataclass(frozen=True)
class Category:
    """The categories of one lexicon entry."""

    cameo: str | None
    plover: str | None
    quad: int | None
    goldstein: float | None


EMPTY = Category(None, None, None, None)


@dataclass
class Lexicon:
    """Verb phrases and event nouns with their categories; light verbs defer to their noun.

    Every noun with a category names an event: it starts an event of its own when its
    participants are written beside it ("a meeting between X and Y", "X's visit to Y").
    ``reciprocal`` words (verbs or nouns) name acts whose coordinated subjects act on each
    other ("Russia and Ukraine held talks") and that happen in a place rather than being
    aimed at it. A light verb of kind ``alone`` has a category of its own when it has no
    object noun: "Putin received Macron" is a host's welcome, "received aid" is aid and
    "received 3 percent of the vote" no event.
    """

    verbs: dict[str, Category] = field(default_factory=dict)
    nouns: dict[str, Category] = field(default_factory=dict)
    light: set[str] = field(default_factory=set)
    alone: dict[str, Category] = field(default_factory=dict)
    reciprocal: set[str] = field(default_factory=set)

    @functools.cached_property
    def event_nouns(self) -> frozenset[str]:
        """The one-word nouns that name an event."""
        return frozenset(phrase for phrase in self.nouns if " " not in phrase)

    @classmethod
    def load(cls, with_cameo: bool = True) -> Lexicon:
        """The lexicon bundled with kg: its own table (``kg/data/actions.tsv``), then the verb
        phrases converted from PETRARCH's CAMEO dictionary (``kg/data/cameo_verbs.tsv``) that
        the table does not have."""
        data = resources.files("kg").joinpath("data")
        lexicon = cls.parse(data.joinpath("actions.tsv").read_text("utf-8"))
        if with_cameo:
            lexicon.add_cameo_verbs(data.joinpath("cameo_verbs.tsv").read_text("utf-8"))
        return lexicon

    @classmethod
    @functools.cache
    def bundled(cls) -> Lexicon:
        """The bundled lexicon (:meth:`load`), loaded once per process and shared: the
        extractor and the actor resolver read it, and nothing changes it after loading."""
        return cls.load()

    def add_cameo_verbs(self, text: str) -> None:
        """Add verb phrases with a CAMEO root (``phrase``, ``cameo`` columns); each takes the
        PLOVER type, QuadClass and Goldstein weight kg's own table gives that root most often."""
        by_root = Counter(c for c in self.verbs.values() if c.cameo)
        typical = {}
        for category, _ in by_root.most_common():
            typical.setdefault(category.cameo, category)
        lines = text.splitlines()
        columns = lines[0].split("\t")
        at_phrase, at_root = columns.index("phrase"), columns.index("cameo")
        for line in lines[1:]:  # ten thousand rows: plain splits, not csv, for start-up
            cells = line.split("\t")
            phrase = cells[at_phrase].strip().lower()
            if phrase not in self.verbs and cells[at_root] in typical:
                self.verbs[phrase] = typical[cells[at_root]]

    @classmethod
    def parse(cls, text: str) -> Lexicon:
        lexicon = cls()
        for row in csv.DictReader(text.splitlines(), delimiter="\t"):
            kind, phrase = row["kind"], row["phrase"].strip().lower()
            if row.get("reciprocal") == "yes":
                lexicon.reciprocal.add(phrase)
            if kind == "light":
                lexicon.light.add(phrase)
                continue
            if kind == "noun" and not row["cameo"]:
                continue  # a noun kept for its reciprocal column only ("relation")
            category = Category(
                cameo=row["cameo"] or None,
                plover=row["plover"] or None,
                quad=int(row["quad"]) if row["quad"] else None,
                goldstein=float(row["goldstein"]) if row["goldstein"] else None,
            )
            if kind == "alone":
                lexicon.light.add(phrase)
                lexicon.alone[phrase] = category
                continue
            (lexicon.verbs if kind == "verb" else lexicon.nouns)[phrase] = category
        return lexicon

    def categorise(self, lemma: str) -> Category | None:
        """The category of an action lemma such as 'hold peace talk with' or 'meeting between'.

        The most specific entry wins: the verb with its particle or preposition, then the
        event noun (compound first) when the verb is a light verb ('hold', 'express') or
        unknown, then the verb alone.
        """
        words = lemma.split()
        if not words:
            return None
        verb, rest = words[0], words[1:]
        for phrase in _verb_phrases(verb, rest):
            if self.verbs.get(phrase, EMPTY).cameo:
                return self.verbs[phrase]
        if verb not in self.verbs and verb not in self.light:
            return self._noun(words)
        noun = self._noun(rest)
        coded = self.verbs.get(verb) if self.verbs.get(verb, EMPTY).cameo else None
        if noun and (verb in self.light or coded is None):
            return noun
        if coded or not all(word in WORDS.verb_particle for word in rest):
            return coded  # "call man" ("called Biden a decent man") is no phone call
        return self.alone.get(verb) or self.nouns.get(verb)  # "called Trump", "received Macron"

    def _noun(self, words: list[str]) -> Category | None:
        """The longest run of words that is a lexicon noun ('peace talk' before 'talk');
        among runs of one length the rightmost, the head ('ceasefire agreement' → agreement)."""
        for size in range(min(3, len(words)), 0, -1):
            for start in reversed(range(len(words) - size + 1)):
                category = self.nouns.get(" ".join(words[start : start + size]))
                if category:
                    return category
        return None


def _verb_phrases(verb: str, rest: list[str]) -> list[str]:
    """Candidate verb entries from the most to the least specific."""
    phrases = [" ".join([verb, *rest])]
    if rest:
        phrases += [f"{verb} {rest[-1]}", f"{verb} {rest[0]}"]
    if len(rest) >= 2:
        phrases.insert(1, f"{verb} {rest[0]} {rest[-1]}")
    return phrases


INTENT_TO_COOPERATE = Category("03", "AGREE", 1, 4.0)
THREAT = Category("13", "THREATEN", 3, -4.4)
REJECTION = Category("12", "REJECT", 3, -4.0)
STATEMENTS = {"01", "02", "03", "12", "13"}


def by_modality(category: Category, modality: str) -> Category:
    """CAMEO codes what was said about an act, not the act: a planned or promised cooperative
    act is an intent to cooperate (03), a planned conflictual act a threat (13), a cooperative
    act refused or ruled out a rejection (12). Statements, appeals and the like stay as they are.
    """
    if category.cameo in STATEMENTS or category.quad is None:
        return category
    cooperative = category.quad in (1, 2)
    if modality == "future":
        return INTENT_TO_COOPERATE if cooperative else THREAT
    if modality == "negated" and cooperative:
        return REJECTION
    return category


def classify(event: Event, lexicon: Lexicon) -> Event:
    """The event with its action's categories filled in (left null when unknown)."""
    category = lexicon.categorise(event.action.lemma)
    if category is None:
        return event
    category = by_modality(category, event.modality)
    action: Action = replace(event.action, cameo=category.cameo, plover=category.plover,
                             quad=category.quad, goldstein=category.goldstein)
    return replace(event, action=action)
