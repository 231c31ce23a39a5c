"""The word classes the extraction rules consult, read once from ``kg/data``.

``words.tsv`` lists each class with its words and what the rules do with them;
``offices.tsv`` maps the phrases of an office to the office a gazetteer role names. The
action lexicon (``actions.tsv``, :mod:`kg.classify`) holds the words that name events.
Dependency and entity labels are the parser's vocabulary, not word knowledge: they are in
:mod:`kg.labels`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, fields
from importlib import resources


@dataclass(frozen=True)
class Words:
    """Every word class of ``words.tsv``, one field each (the file's meaning column says why)."""

    speech_verb: frozenset[str]
    obliging_verb: frozenset[str]
    directive_verb: frozenset[str]
    topic_verb: frozenset[str]
    relation_verb: frozenset[str]
    topic_prep: frozenset[str]
    controlling_phrase: frozenset[str]
    condition_target_verb: frozenset[str]
    intent_verb: frozenset[str]
    planned_modifier: frozenset[str]
    willing_adjective: frozenset[str]
    refusal_verb: frozenset[str]
    obliging_governor: frozenset[str]
    naming_verb: frozenset[str]
    negative_determiner: frozenset[str]
    request_verb: frozenset[str]
    receiving_verb: frozenset[str]
    motion_verb: frozenset[str]
    future_aux: frozenset[str]
    be_form: frozenset[str]
    hypothetical_aux: frozenset[str]
    obligation_aux: frozenset[str]
    condition_mark: frozenset[str]
    partner_prep: frozenset[str]
    event_partner_prep: frozenset[str]
    between_prep: frozenset[str]
    verb_particle_prep: frozenset[str]
    nested_prep: frozenset[str]
    place_prep: frozenset[str]
    opponent_prep: frozenset[str]
    aim_word: frozenset[str]
    dispatch_verb: frozenset[str]
    stance_participle: frozenset[str]
    feature_word: frozenset[str]
    hazard_word: frozenset[str]
    organisation_word: frozenset[str]
    destination_prep: frozenset[str]
    owner_prep: frozenset[str]
    group_prep: frozenset[str]
    group_head: frozenset[str]
    country_noun: frozenset[str]
    ally_noun: frozenset[str]
    region_word: frozenset[str]
    office_modifier: frozenset[str]
    state_noun: frozenset[str]
    past_modifier: frozenset[str]
    definite_determiner: frozenset[str]
    person_pronoun: frozenset[str]
    nonperson_pronoun: frozenset[str]
    plural_pronoun: frozenset[str]
    relative_pronoun: frozenset[str]
    pronoun: frozenset[str]
    common_english: frozenset[str]
    person_role: frozenset[str]
    people_noun: frozenset[str]
    channel_prep: frozenset[str]
    capitalised_agent: frozenset[str]
    individual_noun: frozenset[str]
    document_word: frozenset[str]
    means_noun: frozenset[str]
    property_noun: frozenset[str]
    thing_noun: frozenset[str]
    female_pronoun: frozenset[str]
    first_person_pronoun: frozenset[str]
    first_person_plural: frozenset[str]
    quoting_verb: frozenset[str]
    media_verb: frozenset[str]
    abbreviation: frozenset[str]
    honorific: frozenset[str]
    male_title: frozenset[str]
    female_title: frozenset[str]
    address_title: frozenset[str]
    site_word: frozenset[str]
    stance_prefix: frozenset[str]
    distributive_word: frozenset[str]
    verb_particle: frozenset[str]
    vague_modifier: frozenset[str]
    partitive_head: frozenset[str]
    party_noun: frozenset[str]
    thing_pronoun: frozenset[str]
    adjunct_prep: frozenset[str]
    circumstance_noun: frozenset[str]
    clause_mark: frozenset[str]
    finding_verb: frozenset[str]
    causing_verb: frozenset[str]
    crowd_noun: frozenset[str]
    settlement_noun: frozenset[str]
    light_object: frozenset[str]
    through_noun: frozenset[str]
    #: phrase → office ("premier" → "prime minister"), from ``offices.tsv``
    offices: dict[str, str]


def data_table(name: str) -> list[dict[str, str]]:
    """The rows of a tab-separated table of ``kg/data``, by its header's column names."""
    text = resources.files("kg").joinpath(f"data/{name}").read_text("utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))


def load() -> Words:
    """The bundled word classes.

    Raises:
        ValueError: ``words.tsv`` lacks a class :class:`Words` declares, or has one it does not.
    """
    classes = {row["class"]: frozenset(w.strip() for w in row["words"].split(",") if w.strip())
               for row in data_table("words.tsv")}
    offices = {row["phrase"]: row["office"] for row in data_table("offices.tsv")}
    declared = {f.name for f in fields(Words)} - {"offices"}
    if declared != set(classes):
        raise ValueError(f"kg/data/words.tsv: classes differ from kg.words.Words: "
                         f"{sorted(declared ^ set(classes))}")
    return Words(**classes, offices=offices)


#: The word classes, read once.
WORDS = load()
