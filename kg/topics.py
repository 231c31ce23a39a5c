"""Topics: the things actors act on, as nodes of their own kind.

A topic is the head noun of a phrase that names no actor: "the 20-point American peace plan",
"security guarantees", "a meeting of Ukraine's allies". It is written as an
:class:`~kg.events.ActorRef` of type :data:`kg.schema.TOPIC`, so that it fits an event's source
or target, and never merges with an actor: its id starts with ``topic:``.

- What is no topic: a pronoun, a date or an amount, a word of when or how ("at the time"), a
  party not named ("both sides", "the allies"), a name of a person, body or people (the actor
  resolver keeps those or leaves them out), and words in another script than the parser's.
  "90% of the plan" is about the plan.
- Its *canonical form* is the head's lemma with the modifiers that tell it from other topics
  of the same head (compound nouns and adjectives: "20-point peace plan"); owners, articles,
  numbers and vague words ("new", "separate": ``vague_modifier`` in ``words.tsv``) are left
  out, and so are nationality words, which name actors ("American").
- A topic named by its head alone ("the plan") could be any plan: it is merged within its
  document only (its id carries the document's). So is a meeting or an election, however it
  is named (every "phone call" is another); :mod:`kg.extraction` tells a document's meetings
  apart by the dates their clauses give ("meeting (2026-01)"). A number after the head names
  one of its kind: "Resolution 2334".
- Its *kind* (:data:`TOPIC_KINDS`) comes from its head (``kg/data/topics.tsv``): meeting, plan,
  agreement, election, sanction, law; ``people`` for people no actor stands for (the text gives
  no country or name: "police arrested the protesters"), always its document's own; ``place``
  for a named place no actor stands for; else ``issue`` when an issue applies, else ``other``.
  Its *issues* are the categories of the Phoenix issue dictionary (``kg/data/issues.tsv``)
  whose phrases it holds.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from . import labels
from .agents import agent_of
from .events import ActorRef
from .gazetteer import slug
from .schema import TOPIC
from .words import WORDS, data_table

#: The kinds a topic can be (the data of ``topics.tsv`` uses the first six).
TOPIC_KINDS: tuple[str, ...] = (
    "meeting", "plan", "agreement", "election", "sanction", "law", "issue", "people", "place", "other")
#: Entity labels a topic may have: none, a named thing, or a place no actor stands for ("struck
#: Charleston"); not the name of a person, body or people (the actor resolver keeps those or
#: leaves them out), nor when or how much.
TOPIC_ENTITIES = frozenset({"", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "LANGUAGE", *labels.PLACE})
#: Nouns of people and parties (besides the generic agents of ``agents.tsv``): topics of kind
#: ``people`` when no actor stands for them.
PEOPLE_WORDS = (WORDS.group_head | WORDS.people_noun | WORDS.person_role | WORDS.individual_noun
                | WORDS.crowd_noun)
#: Kinds of topic that happen at a time: a document's own, however they are named (every
#: "phone call" and "presidential election" is another one).
OCCASIONS = frozenset({"meeting", "election"})
#: Words of when and how ("at the time"), the parties an act names without naming them ("both
#: sides", "its allies": actors no text tells apart), and objects that make one act with their
#: verb ("took place"): never topics.
NEVER_TOPICS = WORDS.circumstance_noun | WORDS.party_noun | WORDS.ally_noun | WORDS.light_object
#: Entity labels of an amount that stands for a part of what follows "of": "90% of the plan".
AMOUNTS = frozenset({"PERCENT", "CARDINAL", "QUANTITY"})
#: Modifiers that make a topic specific: compounds and adjectives ("peace plan", "nuclear deal").
KEY_MODIFIERS = frozenset({"compound", "amod", "nmod"})
#: What joins to such a modifier: its own modifiers, and the parts of a hyphenated one ("20-point").
JOINED_MODIFIERS = KEY_MODIFIERS | {"nummod", "npadvmod", "punct"}
JOINED_ENTITIES = TOPIC_ENTITIES | {"CARDINAL"}


@dataclass(frozen=True)
class TopicLexicon:
    """Kinds by head lemma, and issue phrases (as word tuples) by their first word."""

    kinds: dict[str, str]
    issues: dict[str, tuple[tuple[tuple[str, ...], str | None, str], ...]]

    @classmethod
    @cache
    def bundled(cls) -> TopicLexicon:
        kinds = {head.strip(): row["kind"] for row in data_table("topics.tsv")
                 for head in row["heads"].split(",") if head.strip()}
        issues: dict[str, list] = defaultdict(list)
        for row in data_table("issues.tsv"):
            words = tuple(row["phrase"].split())
            issues[words[0]].append((words, row["issue"] or None, row["category"]))
        return cls(kinds, {k: tuple(v) for k, v in issues.items()})

    def issues_of(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """The issue categories whose phrases occur in ``words`` (and none of the category's
        exclusions does)."""
        found, excluded = set(), set()
        for i, word in enumerate(words):
            for phrase, issue, category in self.issues.get(word, ()):
                if words[i:i + len(phrase)] == phrase:
                    (found if issue else excluded).add(category)
        return tuple(sorted(found - excluded))

    def kind_of(self, lemma: str, issues: tuple[str, ...]) -> str:
        return self.kinds.get(lemma) or ("issue" if issues else "other")


def topic_head(token: Token) -> Token | None:
    """The noun a phrase is about ("90% of the plan" is about the plan, "four out of five
    attempts" about the attempts); None when it is no topic (see the module docstring)."""
    for _ in range(3):  # "half of 90% of the plan"
        partitive = token.lower_ in WORDS.partitive_head or token.ent_type_ in AMOUNTS
        whole = _of_object(token) if partitive else None
        if whole is None:
            break
        token = whole
    if token.pos_ not in labels.NOMINAL or token.ent_type_ not in TOPIC_ENTITIES \
            or token.lower_ in WORDS.pronoun or token.lemma_.lower() in NEVER_TOPICS \
            or not token.text[:1].isalnum() or not _latin(token.text):
        return None
    return token


def _of_object(token: Token) -> Token | None:
    """The object of "of" or "out of" after a word."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "out"}:
            ofs = [prep] if prep.lower_ == "of" else [c for c in prep.children if c.lower_ == "of"]
            for of in ofs:
                for whole in of.children:
                    if whole.dep_ == "pobj":
                        return whole
    return None


def _latin(word: str) -> bool:
    """Whether a word's letters are Latin ones: the English parser's reading of words in other
    scripts (a Hindi quotation) is no topic."""
    return all("LATIN" in unicodedata.name(c, "") for c in word if c.isalpha())


def _people(token: Token) -> bool:
    """Whether a noun names people: "leaders", "police", "the team"."""
    lemma = token.lemma_.lower()
    return lemma in PEOPLE_WORDS or agent_of([lemma]) is not None


def topic_of(token: Token, doc_id: str) -> ActorRef | None:
    """The topic a head token names (see the module docstring), or None."""
    head = topic_head(token)
    if head is None:
        return None
    lexicon = TopicLexicon.bundled()
    modifiers, numbers = key_modifiers(head), _numbers(head)
    words = [_words(m) for m in modifiers]
    surface = " ".join([*words, head.text if head.pos_ == "PROPN" else head.lower_, *numbers])
    canonical = " ".join([*words, head.lemma_ if head.pos_ == "NOUN" else head.text, *numbers]).lower()
    tokens = sorted([t for m in modifiers for t in _joined(m)] + [head], key=lambda t: t.i)
    issues = tuple(sorted({*lexicon.issues_of(_issue_words(t.lemma_ for t in tokens)),
                           *lexicon.issues_of(_issue_words(t.text for t in tokens))}))
    kind = _kind(head, lexicon, issues)
    mention = head.doc[min([head.i, *(c.left_edge.i for c in head.lefts)]):head.i + 1].text
    named = bool(modifiers or numbers) or head.pos_ == "PROPN"
    scope = "" if named and kind not in OCCASIONS else f"@{doc_id}"  # "the plan": this document's
    return ActorRef(f"topic:{slug(canonical)}{scope}", surface, TOPIC, None, mention,
                    topic_kind=kind, issues=issues)


def _kind(head: Token, lexicon: TopicLexicon, issues: tuple[str, ...]) -> str:
    lemma = head.lemma_.lower()
    if head.ent_type_ in labels.PLACE or lemma in WORDS.settlement_noun:
        return "place"
    return "people" if _people(head) else lexicon.kind_of(lemma, issues)


def _numbers(head: Token) -> list[str]:
    """The number that names one of its kind: "Resolution 2334", "Article 5"."""
    return [c.text for c in head.rights if c.dep_ in {"nummod", "appos"} and c.like_num]


def _issue_words(words: Iterable[str]) -> tuple[str, ...]:
    """Words as the issue table writes them: lower case, hyphenated ones apart."""
    return tuple(w for word in words for w in word.lower().replace("-", " ").split())


def key_modifiers(head: Token) -> list[Token]:
    """The modifiers that tell a topic from others of its head, in order: not vague words,
    unless they are part of a name ("New START treaty", "Second Amendment")."""
    return [c for c in head.lefts if c.dep_ in KEY_MODIFIERS and c.pos_ in {"NOUN", "ADJ", "PROPN", "VERB"}
            and c.ent_type_ in TOPIC_ENTITIES and _telling(c)]


def _telling(modifier: Token) -> bool:
    """Whether a modifier tells one topic from another: not a vague word outside a name, not
    words in another script."""
    return (modifier.lower_ not in WORDS.vague_modifier or modifier.pos_ == "PROPN") and _latin(modifier.text)


def _words(modifier: Token) -> str:
    """A modifier with the words it joins to itself: "20-point", "nuclear weapons"."""
    tokens = sorted(_joined(modifier), key=lambda t: t.i)
    text = "".join(t.text + t.whitespace_ for t in tokens).strip()
    return text if modifier.pos_ == "PROPN" else text.lower()


def _joined(token: Token) -> list[Token]:
    joined = [token]
    for child in token.lefts:
        if child.dep_ in JOINED_MODIFIERS and child.ent_type_ in JOINED_ENTITIES and _telling(child):
            joined += _joined(child)
    return joined


def topic_kind(token: Token) -> str:
    """The kind a noun's head word gives it (``topics.tsv``), else ``other`` (issues aside)."""
    return TopicLexicon.bundled().kind_of(token.lemma_.lower(), ())
