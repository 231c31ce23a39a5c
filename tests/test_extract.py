"""The extractor's specification: sentences and the events they must and must not give."""

from __future__ import annotations

import pytest

MACRON, ZELENSKYY, TRUMP = "Emmanuel Macron", "Volodymyr Zelenskyy", "Donald Trump"
STARMER, PUTIN = "Keir Starmer", "Vladimir Putin"


def arrows(events) -> set[str]:
    """Events as 'Source -> Target' strings ('Source -> None' without a target)."""
    return {f"{e.source.name} -> {e.target.name if e.target else None}" for e in events}


CONSTRUCTIONS = [
    # subject–verb–object
    ("Macron met Zelenskyy in Paris.", {f"{MACRON} -> {ZELENSKYY}"}),
    ("Russia attacked Ukraine.", {"Russia -> Ukraine"}),
    # prepositional partner of the verb
    ("Macron spoke with Zelenskyy on Monday.", {f"{MACRON} -> {ZELENSKYY}"}),
    # prepositional partner hanging off the object noun
    ("Macron also held separate talks with Zelenskyy.", {f"{MACRON} -> {ZELENSKYY}"}),
    ("The European Union imposed new sanctions on Russia.", {"European Union -> Russia"}),
    # event nouns with their participants
    ("The announcement follows a meeting between Zelenskyy and Trump in Florida.",
     {f"{ZELENSKYY} -> {TRUMP}"}),
    ("Zelenskyy's visit to Germany was postponed.", {f"{ZELENSKYY} -> Germany"}),
    # passive voice with a by-agent: the agent is the source
    ("Zelenskyy was welcomed by Starmer in London.", {f"{STARMER} -> {ZELENSKYY}"}),
    ("Ukraine was invaded by Russia in 2022.", {"Russia -> Ukraine"}),
    # coordination on either side multiplies events
    ("Macron and Starmer met Zelenskyy.", {f"{MACRON} -> {ZELENSKYY}", f"{STARMER} -> {ZELENSKYY}"}),
    ("Macron spoke with Zelenskyy and Trump.", {f"{MACRON} -> {ZELENSKYY}", f"{MACRON} -> {TRUMP}"}),
    # coordinated subjects of a reciprocal act act on each other, a list read as apposition too
    ("Russia and Ukraine held talks in Istanbul.", {"Russia -> Ukraine", "Ukraine -> Russia"}),
    ("The US, Russia, and Switzerland met yesterday.",
     {"United States -> Russia", "Russia -> Switzerland", "Switzerland -> United States"}),
    # clausal complements of speech verbs: the statement and the reported event
    ("Macron announced that Paris will host a meeting with Zelenskyy.",
     {f"{MACRON} -> None", f"France -> {ZELENSKYY}"}),
    # subjects inherited by infinitives and conjoined verbs
    ("Putin agreed to meet Trump.", {f"{PUTIN} -> {TRUMP}"}),
    ("Trump phoned Putin and later criticised Zelenskyy.",
     {f"{TRUMP} -> {PUTIN}", f"{TRUMP} -> {ZELENSKYY}"}),
]


@pytest.mark.parametrize(("text", "expected"), CONSTRUCTIONS, ids=[c[0][:40] for c in CONSTRUCTIONS])
def test_construction_gives_events(events_of, text, expected):
    assert expected <= arrows(events_of(text))


NOT_EVENTS = [
    # the passive subject is never the source
    ("Zelenskyy was welcomed by Starmer in London.", f"{ZELENSKYY} -> {STARMER}"),
    # a place after 'in' is a location, not a target
    ("Macron met Zelenskyy in Paris.", f"{MACRON} -> France"),
    # no event between an actor and itself
    ("Macron and Macron's government met.", f"{MACRON} -> {MACRON}"),
    # dates, numbers and percentages are not actors
    ("Zelenskyy said that 90% of the plan was agreed on Sunday.", f"{ZELENSKYY} -> 90%"),
]


@pytest.mark.parametrize(("text", "unexpected"), NOT_EVENTS, ids=[c[0][:40] for c in NOT_EVENTS])
def test_construction_does_not_give(events_of, text, unexpected):
    assert unexpected not in arrows(events_of(text))


def test_event_record_fields(events_of):
    text = "Intro line.\n\nMacron also held separate talks with Zelenskyy."
    [event] = [e for e in events_of(text) if e.target]
    record = event.to_dict()
    assert record["doc"] == "text-0"
    assert record["sentence"] == 1
    assert text[record["span"][0]:record["span"][1]] == record["text"]
    assert record["source"] == {"id": record["source"]["id"], "name": MACRON, "type": "PERSON",
                                "country": "FRA", "mention": "Macron", "title": None}
    assert record["target"]["type"] == "PERSON" and record["target"]["country"] == "UKR"
    assert record["action"]["text"] == "held talks with"
    assert record["date"] == "2025-12-29"
    assert 0 < record["confidence"] <= 1


def test_zelenskyy_is_a_person_whatever_the_model_says(events_of):
    events = events_of("Macron spoke with Zelenskyy.")
    assert {e.target.type for e in events if e.target} == {"PERSON"}


def test_headline_does_not_merge_with_first_paragraph(events_of):
    text = "Trump meets Putin\n\nZelenskyy criticised Moscow."
    sentences = {e.sentence for e in events_of(text)}
    assert sentences == {0, 1}


def test_seed_story_events(events_of):
    """The facts of the article kg started from, retold."""
    text = (
        "French President Emmanuel Macron announced on Monday that Paris will host a meeting of "
        "the Coalition of the Willing in early January.\n\n"
        "Before the announcement, Macron spoke with Ukrainian President Volodymyr Zelenskyy and "
        "US President Donald Trump. The French leader then held separate talks with Zelenskyy.\n\n"
        "The news came a day after a meeting on Sunday between Zelenskyy and Trump at the US "
        "President's residence in Florida."
    )
    events = events_of(text)
    found = arrows(events)
    assert {f"{MACRON} -> {ZELENSKYY}", f"{MACRON} -> {TRUMP}", f"{ZELENSKYY} -> {TRUMP}"} <= found
    assert any(e.source.name == "France" and "host" in e.action.lemma for e in events)
    meeting = next(e for e in events if e.source.name == ZELENSKYY and e.target.name == TRUMP)
    assert meeting.date == "2025-12-28" and meeting.location == "Florida"
    assert len({e.source.id for e in events if e.source.name == MACRON}) == 1
