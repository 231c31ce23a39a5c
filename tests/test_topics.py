"""Topics' specification: the things actors act on, as nodes of their own kind (kg.topics)."""

from __future__ import annotations

import pytest

import kg
from kg.topics import TOPIC_KINDS, TopicLexicon

MACRON, ZELENSKYY, TRUMP = "Emmanuel Macron", "Volodymyr Zelenskyy", "Donald Trump"


def links(found) -> set[str]:
    """Topic links as 'Source | action lemma | Target' strings."""
    return {f"{e.source.name} | {e.action.lemma} | {e.target.name}" for e in found if e.layer == "topic"}


# Each sentence and exactly the topic links it gives (events between actors are
# test_extract.py's).
LINKS = [
    # an actor acts on a thing: the verb's object, passive subject or prepositional object
    ("Macron announced a meeting.", {f"{MACRON} | announce | meeting"}),
    ("Hamas rejected an Egyptian peace plan.", {"Hamas | reject | peace plan"}),
    ("The plan was rejected by Hamas.", {"Hamas | reject | plan"}),
    ("Biden won the 2020 presidential election.", {"Joe Biden | win | presidential election (2020)"}),
    ("The European Union imposed new sanctions on Russia.", {"European Union | impose | sanctions"}),
    # ... an object that only qualifies its topic joins the action
    ("Macron emphasised progress on security guarantees.",
     {f"{MACRON} | emphasise progress on | security guarantees"}),
    # ... what a statement is about: the subjects and objects of what is said
    ("Zelenskyy said that 90% of the 20-point American peace plan has been approved.",
     {f"{ZELENSKYY} | say | 20-point peace plan"}),
    # ... a relative pronoun is what its clause describes; coordinated subjects each act
    ("Macron praised the security guarantees, which Britain supports.",
     {f"{MACRON} | praise | security guarantees", "United Kingdom | support | security guarantees"}),
    # a thing acts on a thing
    ("The plan calls for a ceasefire.", {"plan | call for | ceasefire"}),
    # a meeting is a hub: those it is of or between attend it; who hosts it is the verb's; a
    # meeting named by its head alone is told apart from the article's others by its date
    ("Paris will host a meeting of Ukraine's allies in early January.",
     {"France | host | meeting (2026-01)", "Allies of Ukraine | attend | meeting (2026-01)"}),
    ("The announcement follows a meeting between Zelenskyy and Trump.",
     {f"{ZELENSKYY} | attend | meeting", f"{TRUMP} | attend | meeting", "announcement | follow | meeting"}),
    # ... a number after the head names one of its kind; a vague word inside a name stays
    ("The UN Security Council adopted Resolution 2334.",
     {"United Nations Security Council | adopt | Resolution 2334"}),
    ("Russia withdrew from the New START treaty.", {"Russia | withdraw from | New START treaty"}),
    # ... idioms: the object of "took place" is none, "took part in X" is about X, and so is
    # "in response to X"; "in a statement" says how
    ("The vote took place on Sunday.", set()),
    ("Ukraine took part in the talks.", {"Ukraine | take part in | talks"}),
    ("Israel launched strikes in response to the attack.",
     {"Israel | launch | strikes", "Israel | launch in response to | attack"}),
    ("Biden said in a statement that the sanctions would stay.", {"Joe Biden | say | sanctions"}),
    # ... a meeting announced on a day is not on that day
    ("On Monday, Macron announced a summit.", {f"{MACRON} | announce | summit"}),
    # no topic: a place or a time after a preposition says where and when
    ("Trump met Putin in Helsinki on Monday.", set()),
    # people no actor stands for (the text gives no country or name) are this article's own
    ("Police arrested the protesters.", {"police | arrest | protesters"}),
    # ... but people of a country are its actors: an event, no topic link
    ("Turkish police arrested Greek protesters.", set()),
    # ... nor a pronoun nothing resolves
    ("They discussed the plan.", set()),
]


@pytest.mark.parametrize(("text", "expected"), LINKS, ids=[t[:40] for t, _ in LINKS])
def test_sentence_gives_exactly_these_topic_links(events_of, text, expected):
    assert links(events_of(text)) == expected


def test_seed_story_topics(events_of):
    """The meeting, the peace plan, the security guarantees and the prosperity plan of the
    article kg started from, retold, linked to the right actors."""
    text = (
        "French President Emmanuel Macron announced on Monday that Paris will host a meeting of "
        "the Coalition of the Willing in early January. The French leader emphasised progress on "
        "security guarantees. The announcement came a day after a meeting on Sunday between "
        "Zelenskyy and Trump.\n\n"
        "Trump said he could address Ukraine's parliament to further his peace plan. Zelenskyy "
        "highlighted that 90% of the 20-point peace plan has been approved. He also mentioned "
        "that a prosperity plan for Ukraine was nearing completion."
    )
    found = links(events_of(text))
    assert {f"{MACRON} | announce | meeting (2026-01)", "France | host | meeting (2026-01)",
            "Coalition of the Willing | attend | meeting (2026-01)",
            f"{ZELENSKYY} | attend | meeting (2025-12-28)", f"{TRUMP} | attend | meeting (2025-12-28)",
            f"{MACRON} | emphasise progress on | security guarantees",
            f"{TRUMP} | further | peace plan", f"{ZELENSKYY} | highlight | 20-point peace plan",
            f"{ZELENSKYY} | mention | prosperity plan"} <= found
    [host] = [e for e in events_of(text) if e.layer == "topic" and e.action.lemma == "host"]
    assert (host.modality, host.date) == ("future", "2026-01")
    assert (host.target.type, host.target.topic_kind) == ("TOPIC", "meeting")


def topics_of(events_of, text: str) -> dict[str, kg.ActorRef]:
    return {a.name: a for e in events_of(text) if e.layer == "topic"
            for a in (e.source, e.target) if a.is_topic}


def test_a_topic_is_its_head_with_the_modifiers_that_tell_it_apart(events_of):
    found = topics_of(events_of, "Ukraine welcomed the new 20-point American peace plan.")
    assert list(found) == ["20-point peace plan"]
    topic = found["20-point peace plan"]
    assert (topic.id, topic.topic_kind, topic.mention) == (
        "topic:20-point-peace-plan", "plan", "the new 20-point American peace plan")


def test_a_specific_topic_merges_across_documents_a_bare_one_within_its_own(extractor):
    texts = ["Macron backed the security guarantees.", "Merz backed a security guarantee.",
             "Macron backed the plan.", "Merz backed the plan."]
    found = kg.extract(texts, date="2025-12-29", extractor=extractor)
    ids = {e.target.id for e in found if e.layer == "topic"}
    assert ids == {"topic:security-guarantee", "topic:plan@text-2", "topic:plan@text-3"}


def test_every_meeting_or_election_is_its_articles_own(extractor):
    texts = ["Trump held a phone call with Putin.", "Macron held a phone call with Zelenskyy."]
    found = kg.extract(texts, date="2025-12-29", extractor=extractor)
    calls = {e.target.id for e in found if e.layer == "topic" and e.target.topic_kind == "meeting"}
    assert calls == {"topic:phone-call@text-0", "topic:phone-call@text-1"}


def test_issue_categories_come_from_the_phoenix_dictionary(events_of):
    found = topics_of(events_of, "Iran expanded its nuclear weapons programme and faced new sanctions.")
    assert found["nuclear weapons programme"].issues == ("WMD",)
    assert (found["sanctions"].topic_kind, found["sanctions"].issues) == ("sanction", ("SANCTIONS",))


def test_an_issue_phrase_excluded_by_the_dictionary_is_no_issue():
    lexicon = TopicLexicon.bundled()
    assert lexicon.issues_of(("crude", "oil", "price")) == ("ENERGY",)
    assert lexicon.issues_of(("cooking", "oil")) == ()


def test_topic_events_round_trip_as_json(events_of):
    [event] = [e for e in events_of("Hamas rejected an Egyptian peace plan.") if e.layer == "topic"]
    record = event.to_dict()
    assert record["layer"] == "topic"
    assert record["target"]["type"] == "TOPIC" and record["target"]["topic_kind"] == "plan"
    assert kg.Event.from_dict(record) == event


def test_every_kind_the_data_gives_is_declared():
    assert set(TopicLexicon.bundled().kinds.values()) <= set(TOPIC_KINDS)


def test_people_no_actor_stands_for_are_their_articles_own(extractor):
    found = kg.extract(["Police arrested the protesters.", "Police arrested the protesters."],
                       date="2025-12-29", extractor=extractor)
    people = {a.id: a.topic_kind for e in found if e.layer == "topic" for a in (e.source, e.target)}
    assert people == {"topic:police@text-0": "people", "topic:protester@text-0": "people",
                      "topic:police@text-1": "people", "topic:protester@text-1": "people"}
