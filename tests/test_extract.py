"""The extractor's specification: sentences and the events they must and must not give."""

from __future__ import annotations

import pytest

MACRON, ZELENSKYY, TRUMP = "Emmanuel Macron", "Volodymyr Zelenskyy", "Donald Trump"
STARMER, PUTIN = "Keir Starmer", "Vladimir Putin"


def events(found) -> set[str]:
    """Events between actors (and statements) as 'Source | action lemma | Target' strings
    ('... | None' without a target); topic links have a specification of their own
    (``test_topics.py``)."""
    return {f"{e.source.name} | {e.action.lemma} | {e.target.name if e.target else None}"
            for e in found if e.layer != "topic"}


# Each sentence and exactly the events it gives, grouped by the rule that finds them
# (kg.extraction.EVENT_RULES and TARGET_RULES, and the mechanisms they share).
CONSTRUCTIONS = [
    # verb events, direct partners: subject–verb–object
    ("Macron met Zelenskyy in Paris.", {f"{MACRON} | meet | {ZELENSKYY}"}),
    ("Russia attacked Ukraine on Sunday.", {"Russia | attack | Ukraine"}),
    # ... a prepositional partner of the verb
    ("Macron spoke with Zelenskyy on Monday.", {f"{MACRON} | speak with | {ZELENSKYY}"}),
    # ... a partner hanging off the verb's event-noun object
    ("Macron also held separate talks with Zelenskyy.", {f"{MACRON} | hold talk with | {ZELENSKYY}"}),
    ("The European Union imposed new sanctions on Russia.", {"European Union | impose sanction | Russia"}),
    # ... 'at' names a person or country, not a building
    ("Trump met Putin at the White House.", {f"{TRUMP} | meet at | {PUTIN}"}),
    # ... but elsewhere 'at' names a place or an occasion, unless the act is aimed
    ("Macron announced the measure at NATO's daily briefing.", {f"{MACRON} | announce measure at | None"}),
    ("Russian troops fired at Ukrainian soldiers.", {"Russia · military | fire at | Ukraine · military"}),
    # those sent are the sender's means; the destination is the partner
    ("Russia sent troops to Syria.", {"Russia | send troop | Syria"}),
    # actors inside the object phrases, a country's plans and decisions included
    ("Iran rejected Israel's proposal.", {"Iran | reject proposal | Israel"}),
    ("Hamas rejected an Egyptian peace plan.", {"Hamas | reject peace plan | Egypt"}),
    # a noun a participle with an agent modifies is the participle's object
    ("The sanctions imposed by the European Union on Russia were extended.",
     {"European Union | sanction impose | Russia"}),
    # ... but relations between others are theirs, not the verb's targets; a mediator's are
    ("The White House brokered a deal to normalize relations between Sudan and Israel.",
     {"White House | broker deal | None", "White House | normalize relation | None"}),
    ("Qatar mediated between Israel and Hamas.", {"Qatar | mediate | Israel", "Qatar | mediate | Hamas"}),
    # ... and what one talks about is no partner; the owner of an act in it is
    ("Macron discussed Ukraine with Putin.", {f"{MACRON} | discuss with | {PUTIN}"}),
    ("Putin spoke about Ukraine.", {f"{PUTIN} | speak | None"}),
    ("Macron commented on Putin's decision.", {f"{MACRON} | comment on | {PUTIN}"}),
    # ... but a country inside a name or a thing is no partner: a statement of one actor
    ("Biden won the 2020 United States presidential election.", {"Joe Biden | win election | None"}),
    # coordinated subjects of a reciprocal verb act on each other, unless each holds a view
    ("Macron and Starmer both agreed that the plan was fair.",
     {f"{MACRON} | agree | None", f"{STARMER} | agree | None"}),
    # the named members of a group subject do what the group does
    ("German firms including Siemens and Daimler announced plans.",
     {"Germany · business | announce plan | None", "Siemens | announce plan | None",
      "Daimler | announce plan | None"}),
    # a subject the parser hangs on the auxiliary is the verb's
    ("The United States had not, as of yesterday, announced any plans.",
     {"United States | announce plan | None"}),
    # news outlets are where the text comes from, not participants: what was told them is a
    # statement of the speaker
    ("Erdogan told Reuters that Turkey would help Libya.",
     {"Recep Tayyip Erdoğan | tell | None", "Turkey | help | Libya"}),
    ("Macron spoke to the BBC.", {f"{MACRON} | speak to | None"}),
    ("The BBC described Johnson as a liar.", set()),
    # a place acts only as the subject of a verb
    ("California sued the Trump administration.", {"California | sue | United States · government"}),
    # an abbreviation does not end a sentence: one company, one sentence
    ("The Hungarian state bought HDT Védelmi Ipari Kft. Hungary then sued Austria.",
     {"Hungary | buy | None", "Hungary | sue | Austria"}),
    ("China welcomed the resumption of ties with Japan.", {"China | welcome resumption of | Japan"}),
    ("The EU condemned Israeli air raids.", {"European Union | condemn | Israel"}),
    # a country's property stands for it when acted on (its places do not: see test_actors)
    ("The US struck Iranian targets.", {"United States | strike | Iran"}),
    ("China imposed tariffs on American goods.", {"China | impose tariff on | United States"}),
    # addressees of demands and threats
    ("Egypt demanded that Sudan end its curbs.", {"Egypt | demand | Sudan", "Sudan | end curb | None"}),
    ("Hamas threatened a strike unless Israel rescinded the order.",
     {"Hamas | threaten strike | Israel", "Israel | rescind order | None"}),
    # ... a statement that obliges an actor is a demand ('must') or an appeal ('should'),
    # but people do not demand of their own country: they state its policy
    ("Trump said Iran must free the prisoners.",
     {f"{TRUMP} | say must | Iran", "Iran | free prisoner | None"}),
    ("Merkel said Britain should hold a referendum.",
     {"Angela Merkel | say should | United Kingdom", "United Kingdom | hold referendum | None"}),
    ("Johnson stated that Britain must leave.",
     {"Boris Johnson | state must | None", "United Kingdom | leave | None"}),
    # ... a threat is aimed at the one whose act is the condition of what is threatened
    ("Russia threatened to stop the talks if the United States deploys missiles.",
     {"Russia | threaten | United States", "Russia | stop talk | None",
      "United States | deploy missile | None"}),
    # ... one lets, makes or wants someone do something: the parser's subject of the infinitive
    ("Israel allowed Palestinian workers to enter.",
     {"Israel | allow | Palestine · labour", "Palestine · labour | enter | None"}),
    ("The UN called for Israel to halt the strikes.",
     {"United Nations | call for | Israel", "Israel | halt strike | None"}),
    # ... but not when the verb names whom it addresses: what was told is no target
    ("Trump told reporters that Iran must free the prisoners.",
     {f"{TRUMP} | tell reporter | None", "Iran | free prisoner | None"}),
    # a place is where, never whom: not after in / at, nor for meetings, nor as a destination
    ("Israel imposed a curfew in Hebron.", {"Israel | impose curfew | None"}),
    ("Tesco seeks to improve its coverage in Poland.",
     {"Tesco | seek | None", "Tesco | improve coverage | None"}),
    ("Trump spoke in Poland.", {"Donald Trump | speak | None"}),
    # "with X saying" gives circumstances, not a partner
    ("Germany banned the airline, with Iranian officials saying it was unfair.",
     {"Germany | ban airline | None", "Iran · government | say | None"}),
    # ... but the country a protest, curfew or strike happens in is what the act is aimed at
    ("Israeli warplanes struck targets in Lebanon.", {"Israel · military | strike target | Lebanon"}),
    ("Ethnic Albanians demonstrated in Serbia.", {"Albania | demonstrate | Serbia"}),
    ("Russia and Ukraine held talks in Istanbul.",
     {"Russia | hold talk | Ukraine", "Ukraine | hold talk | Russia"}),
    ("Putin flew to Tehran.", {f"{PUTIN} | fly | None"}),
    # ... but an organisation one leaves is a target
    ("Britain voted to leave the European Union.",
     {"United Kingdom | vote | European Union", "United Kingdom | leave | European Union"}),
    # noun events: an event noun with its participants
    ("The announcement follows a meeting between Zelenskyy and Trump in Florida.",
     {f"{ZELENSKYY} | meeting between | {TRUMP}"}),
    ("Zelenskyy's visit to Germany was postponed.", {f"{ZELENSKYY} | visit | Germany"}),
    ("Russia's airstrike on Syria drew criticism.",
     {"Russia | airstrike | Syria", "Russia | draw criticism | None"}),
    ("The move follows the United States' killing of Qasem Soleimani.",
     {"United States | killing of | Qasem Soleimani"}),
    ("He spoke despite criticism by Greece and UNESCO.",
     {"Greece | criticism | None", "UNESCO | criticism | None"}),
    # an appeal goes from its maker to the one who acts on it
    ("Putin invaded Ukraine at the behest of Lukashenko.",
     {f"{PUTIN} | invade at | Ukraine", f"Alexander Lukashenko | behest of | {PUTIN}"}),
    ("Macron will comply with the request of Zelenskyy.",
     {f"{MACRON} | comply with | {ZELENSKYY}", f"{ZELENSKYY} | request of | {MACRON}"}),
    # acts named in a clause on the thing an actor acts with: the actor's
    ("Iran launched missiles targeting US troops.",
     {"Iran | launch missile | None", "Iran | target | United States · military"}),
    ("The Parliament of Iraq voted on a resolution to expel United States troops.",
     {"Iraq · Parliament | vote on | None", "Iraq · Parliament | expel | United States · military"}),
    # an accusation aimed at a country's part in something is aimed at the country
    ("Saudi Arabia alleged Iranian involvement.", {"Saudi Arabia | allege | Iran"}),
    # appoint, elect, label: the person named is the target
    ("Ricardo Rosselló appointed Pedro Pierluisi as secretary of state.",
     {"Ricardo Rosselló | appoint | Pedro Pierluisi"}),
    ("The United States labeled Qasem Soleimani a terrorist.",
     {"United States | label terrorist | Qasem Soleimani"}),
    # ... what one is called is part of the act, a naming, never a phone call or a deal
    ("Bernie Sanders called Biden a decent man.", {"Bernie Sanders | call decent man | Joe Biden"}),
    ("The State Department designated the IRGC as a terrorist organization.",
     {"United States Department of State | designate terrorist organization | "
      "Islamic Revolutionary Guard Corps"}),
    # a participle of stance after 'be' is the subject's own act, not done to it
    ("Greece is opposed to Turkish mediation.", {"Greece | oppose to | Turkey"}),
    ("Israel is opposed to French mediation.", {"Israel | oppose to | France"}),
    # the passive: the by-agent is the source
    ("Zelenskyy was welcomed by Starmer in London.", {f"{STARMER} | welcome | {ZELENSKYY}"}),
    ("Ukraine was invaded by Russia in 2022.", {"Russia | invade | Ukraine"}),
    # ... an agentless passive is a statement of its target, never an edge with an invented source
    ("Ukraine was attacked, killing five.", {"Ukraine | attack | None"}),
    ("Khashoggi was murdered in Istanbul.", {"Khashoggi | murder | None"}),
    # coordination on either side multiplies events
    ("Macron and Starmer met Zelenskyy.",
     {f"{MACRON} | meet | {ZELENSKYY}", f"{STARMER} | meet | {ZELENSKYY}"}),
    ("Macron spoke with Zelenskyy and Trump.",
     {f"{MACRON} | speak with | {ZELENSKYY}", f"{MACRON} | speak with | {TRUMP}"}),
    # coordinated subjects of a reciprocal act act on each other; a list read as apposition too
    ("The US, Russia, and Switzerland met yesterday.",
     {f"{a} | meet | {b}" for a in ("United States", "Russia", "Switzerland")
      for b in ("United States", "Russia", "Switzerland") if a != b}),
    # group heads stand for the actors behind them
    ("Members of NATO met Zelenskyy.", {f"NATO | meet | {ZELENSKYY}"}),
    ("Delegations from Russia and Ukraine met in Istanbul.",
     {"Russia | meet | Ukraine", "Ukraine | meet | Russia"}),
    # a country's allies are a group of their own
    ("Ukraine's allies praised Zelenskyy.", {f"Allies of Ukraine | praise | {ZELENSKYY}"}),
    # a receiver's giver is the source, but one who receives people hosts them
    ("Ukraine received aid from Germany.", {"Germany | receive aid | Ukraine"}),
    ("Georgian demonstrators received ministers from the Georgian government.",
     {"Georgia · civilians | receive | Georgia · government"}),
    # clausal complements of speech verbs: the statement and the reported event
    ("Macron announced that Paris will host a meeting with Zelenskyy.",
     {f"{MACRON} | announce | None", f"France | host meeting with | {ZELENSKYY}"}),
    # ... but an infinitive after an actor object is that object's act
    ("Joe Biden called on Donald Trump to demand that Turkey stop interfering.",
     {f"Joe Biden | call on | {TRUMP}", f"{TRUMP} | demand | Turkey", "Turkey | stop | None",
      "Turkey | interfere | None"}),
    ("Trump asked Zelenskyy to investigate Joe Biden.",
     {f"{TRUMP} | ask | {ZELENSKYY}", f"{ZELENSKYY} | investigate | Joe Biden"}),
    # subjects inherited by infinitives and conjoined verbs; raised subjects
    ("Putin agreed to meet Trump.", {f"{PUTIN} | agree | {TRUMP}", f"{PUTIN} | meet | {TRUMP}"}),
    ("Turkey refused to meet Greece.", {"Turkey | refuse | Greece", "Turkey | meet | Greece"}),
    ("Obama is expected to meet Putin.", {f"Barack Obama | meet | {PUTIN}"}),
    ("Trump phoned Putin and later criticised Zelenskyy.",
     {f"{TRUMP} | phone | {PUTIN}", f"{TRUMP} | criticise | {ZELENSKYY}"}),
    # pronouns stand for the salient earlier actor
    ("Macron criticised Russia. He later praised Ukraine.",
     {f"{MACRON} | criticise | Russia", f"{MACRON} | praise | Ukraine"}),
    # a statement without a recipient
    ("Trump expressed optimism.", {f"{TRUMP} | express optimism | None"}),
    # a country's people and bodies do not cooperate with the country itself; conflict with it is theirs
    ("Erdogan claimed a right for Turkey.", {"Recep Tayyip Erdoğan | claim right | None"}),
    ("Ukrainian protesters demonstrated against Ukraine.", {"Ukraine · civilians | demonstrate | Ukraine"}),
    # one spoken to that no dictionary knows may be the outlet that prints it
    ("Mark Amodei told the Nevada Independent that he supports the inquiry.",
     {"Mark Amodei | tell | None", "Mark Amodei | support inquiry | None"}),
    # a person's appositive describes them: "member of Parliament" is no second target
    ("Conservative Party members elected Boris Johnson, former Foreign Secretary and member of "
     "Parliament, as leader.",
     {"Conservative Party | elect | Boris Johnson"}),
    # a country acts through its own bodies, which are no partners of its acts
    ("Saudi Arabia provided airstrikes with its Royal Saudi Air Force.",
     {"Saudi Arabia | provide airstrike with | None"}),
    # those one backs someone against are no partners of the backing
    ("France helped Mali against the jihadists.", {"France | help against | Mali"}),
    # what was done to the subject is not the subject's act
    ("When asked about Putin, Macron said nothing.", {f"{MACRON} | say | None"}),
    # a name the parser hangs on the date after it is still the object
    ("Putin met Trump Tuesday.", {f"{PUTIN} | meet | {TRUMP}"}),
    # a storm is no actor
    ("Typhoon Hagibis hit Japan.", set()),
    # no event between an actor and itself; numbers and dates are not actors
    ("Macron and Macron's government met.",
     {f"{MACRON} | meet | France · government", f"France · government | meet | {MACRON}"}),
    ("Zelenskyy said that 90% of the plan was agreed on Sunday.", {f"{ZELENSKYY} | say | None"}),
]


@pytest.mark.parametrize(("text", "expected"), CONSTRUCTIONS, ids=[c[0][:40] for c in CONSTRUCTIONS])
def test_sentence_gives_exactly_these_events(events_of, text, expected):
    assert events(events_of(text)) == expected


def test_event_record_fields(events_of):
    text = "Intro line.\n\nMacron also held separate talks with Zelenskyy."
    [event] = [e for e in events_of(text) if e.target and e.layer != "topic"]
    record = event.to_dict()
    assert record["doc"] == "text-0"
    assert record["sentence"] == 1
    assert text[record["span"][0]:record["span"][1]] == record["text"]
    assert record["source"] == {"id": record["source"]["id"], "name": MACRON, "type": "PERSON",
                                "country": "FRA", "mention": "Macron", "title": None,
                                "sector": None, "known": True, "topic_kind": None, "issues": []}
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
    found = events_of(text)
    assert events(found) == {
        f"{MACRON} | announce | None",
        "France | host meeting of | Coalition of the Willing",
        f"{MACRON} | speak with | {ZELENSKYY}", f"{MACRON} | speak with | {TRUMP}",
        f"{MACRON} | hold talk with | {ZELENSKYY}",  # "the French leader"
        f"{ZELENSKYY} | meeting between | {TRUMP}",
    }
    [host] = [e for e in found if e.source.name == "France" and e.layer != "topic"]
    assert (host.modality, host.date, host.action.plover) == ("future", "2026-01", "AGREE")
    [meeting] = [e for e in found if e.source.name == ZELENSKYY and e.layer != "topic"]
    assert meeting.date == "2025-12-28" and meeting.location == "Florida"
    assert len({e.source.id for e in found if e.source.name == MACRON}) == 1


DATES = [
    # the date of the event's own clause, a year alone included
    ("Macron met Putin in 2019.", "met", "2019"),
    ("Trump, who was elected in 2016, praised Erdogan.", "elected", "2016"),
    # a biography's or another clause's date is not the event's: the document's date is
    ("Trump, who was elected in 2016, praised Erdogan.", "praised", "2025-12-29"),
    ("Bolsonaro, born in 1955, met Trump.", "met", "2025-12-29"),
]


@pytest.mark.parametrize(("text", "action", "date"), DATES, ids=[f"{t} {a}" for t, a, _ in DATES])
def test_an_event_has_the_date_of_its_own_clause(events_of, text, action, date):
    assert {e.date for e in events_of(text) if e.action.text == action} == {date}
