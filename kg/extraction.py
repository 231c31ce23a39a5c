"""Actor–action–actor events from a dependency parse: pure functions over spaCy docs.

For every verb: its subjects (or, in the passive, its ``by`` agent) are sources; its objects,
its prepositional partners ("spoke with X") and the partners of an event-noun object ("held
talks with X", "imposed sanctions on X") are targets; coordination multiplies both sides.
Event nouns carry their own participants ("a meeting between X and Y", "X's visit to Y").
Verbs in the clausal complement of a speech verb are events of their own, marked reported.
Beside these, topic links tie actors to the things they act on, and things to what they act on
("announced a meeting", "the plan includes security guarantees"; :mod:`kg.topics`): the same
roles, with a topic on at least one side; a meeting is a hub its participants attend.

The rules apply in the order of the lists at the end of this module: :data:`EVENT_RULES` (what
starts an event) and :data:`TARGET_RULES` (where a verb's targets come from). Word classes are
data (:data:`kg.words.WORDS`, the lexicon's event nouns and reciprocal words); the parser's
labels are in :mod:`kg.labels`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from . import labels
from .agents import MEDIA, SECTORS
from .classify import Lexicon
from .dates import resolve_date
from .events import Action, ActorRef, Event
from .topics import OCCASIONS, topic_kind, topic_of
from .words import WORDS

#: Actor types a preposition 'at' can aim an act at ("fired at Russia", not "at the White House").
AT_TARGET_TYPES = {"COUNTRY", "PERSON", "IGO", "GROUP"}
#: Actor types of the bodies one is a member of and can leave ("left the EU", "left the party").
MEMBERSHIP_TYPES = {"IGO", "ORG", "GROUP"}
#: CAMEO roots of appeals and demands, which their nouns address to someone ("at the behest of").
APPEAL_ROOTS = {"02", "10"}
#: How deep the search for actors inside object phrases goes.
NESTING_DEPTH = 4
#: CAMEO roots of acts done to the place they happen in: protest, force posture, reducing
#: relations, coercion, assault, fighting, mass violence (14–20).
PLACE_AIMED_ROOTS = frozenset(f"{root}" for root in range(14, 21))
#: CAMEO roots of demands, which people make of their own country as statements of its
#: policy ("Johnson stated that Britain must leave"), not as acts aimed at it.
DEMAND_ROOTS = frozenset({"10"})
#: Types of the unknown actors one speaks to that may be news outlets.
OUTLET_TYPES = frozenset({"ORG", "OTHER"})
#: QuadClasses of verbal and material cooperation, and uncoded acts.
COOPERATIVE_QUADS = frozenset({1, 2, None})
#: The verbs of saying: their news-outlet partner is where the text comes from, and what they
#: are about is no partner.
MEDIA_VERBS = WORDS.speech_verb | WORDS.media_verb
PARTNER_PREPS = WORDS.partner_prep
#: Partner prepositions that also name a place ("at"): partners only after an aimed act.
PLACE_PARTNER_PREPS = WORDS.partner_prep & WORDS.place_prep
EVENT_NOUN_PREPS = PARTNER_PREPS | WORDS.event_partner_prep
VERB_PREPS = PARTNER_PREPS | WORDS.verb_particle_prep
NESTED_PREPS = PARTNER_PREPS | WORDS.nested_prep

Mentions = dict[int, list[ActorRef]]


@dataclass(frozen=True)
class Context:
    """What extraction knows about the document beyond the sentence."""

    doc_id: str
    date: str | None
    title: str | None
    mentions: Mentions
    lexicon: Lexicon
    #: the named entities of each sentence, by the sentence's first token
    entities: dict[int, tuple[Span, ...]]
    #: the topic each token names, once worked out (a token is looked at by every verb it serves)
    topic_at: dict[int, ActorRef | None] = field(default_factory=dict)

    def topic(self, token: Token) -> ActorRef | None:
        """The topic a token names (:func:`kg.topics.topic_of`), or None; a meeting or an
        election is told apart from the document's others by its date."""
        if token.i not in self.topic_at:
            topic = topic_of(token, self.doc_id)
            if topic is not None and topic.topic_kind in OCCASIONS:
                topic = _dated(topic, meeting_date(token, self))
            self.topic_at[token.i] = topic
        return self.topic_at[token.i]

    @classmethod
    def of(cls, doc: Doc, doc_id: str, date: str | None, title: str | None, mentions: Mentions,
           lexicon: Lexicon) -> Context:
        """The context of a parsed document; its entities are grouped by sentence in one pass."""
        entities: dict[int, list[Span]] = {}
        for entity in doc.ents:
            sentence = entity.sent
            if entity.end <= sentence.end:  # as ``sent.ents``: only entities inside the sentence
                entities.setdefault(sentence.start, []).append(entity)
        return cls(doc_id, date, title, mentions, lexicon, {k: tuple(v) for k, v in entities.items()})

    def entities_in(self, sent: Span) -> tuple[Span, ...]:
        """The named entities of a sentence."""
        return self.entities.get(sent.start, ())


def extract_events(doc: Doc, context: Context) -> list[Event]:
    """Every event of a parsed document, in sentence order, without duplicates."""
    events: list[Event] = []
    seen: set[tuple] = set()
    for number, sent in enumerate(doc.sents):
        for event in sentence_events(sent, number, context):
            key = (number, event.source.id, event.target.id if event.target else None,
                   event.action.lemma)
            if key not in seen:
                seen.add(key)
                events.append(event)
    return events


def sentence_events(sent: Span, number: int, context: Context) -> Iterator[Event]:
    """The events of one sentence: each rule of :data:`EVENT_RULES` in turn, over every token."""
    tokens = list(sent)  # spaCy makes a new Token object at each step of an iteration
    for applies, rule in EVENT_RULES:
        for token in tokens:
            if applies(token, context):
                yield from rule(token, sent, number, context)


def _is_verb(token: Token, context: Context) -> bool:
    return token.pos_ == "VERB" and token.dep_ not in labels.ADNOMINAL


def _is_event_noun(token: Token, context: Context) -> bool:
    return token.pos_ in labels.NOMINAL and _noun_lemma(token) in context.lexicon.event_nouns


def verb_events(verb: Token, sent: Span, number: int, context: Context) -> Iterator[Event]:
    """Events whose action is a verb, with the event noun of its object when it has one."""
    if _passive_participle_clause(verb):
        return  # "When asked about Seidenberg, De La Fuente said": he was asked, he did not ask
    sources, passive_targets = _controllers(verb, context) or subjects(verb), []
    for child in verb.children:
        if child.dep_ in labels.PASSIVE_SUBJECT:
            passive_targets.extend(coordinated(child))
        elif child.dep_ == "agent":
            sources.extend(t for p in child.children if p.dep_ == "pobj" for t in coordinated(p))
    if verb.lower_ in WORDS.stance_participle and not sources:
        sources, passive_targets = passive_targets, []  # "Israel is opposed to the plan"
    source_actors = actors_of(sources, context) or _purpose_sources(verb, context)
    if not sources and passive_targets and not source_actors:
        yield from _agentless(verb, passive_targets, sent, number, context)
        return
    target_actors = actors_of(passive_targets, context) + verb_targets(verb, context)
    if not target_actors and context.lexicon.categorise(verb.lemma_.lower()):
        # "Turkey refused to meet Greece": the refusal is aimed at Greece too (but "had to
        # counter Turkey" and "worked to arrange a meeting with X" are no acts of having or working)
        target_actors = [a for x in verb.children if x.dep_ == "xcomp" and x.pos_ == "VERB"
                         for a in verb_targets(x, context)]
    noun = event_object(verb, context)
    if verb.lemma_ in WORDS.receiving_verb:
        source_actors, target_actors = _giver_first(verb, source_actors, target_actors, context)
    words = [verb, *particles(verb), *_obligations(verb, context)]
    if noun is not None:
        words += [*noun_modifiers(noun), noun]
        if noun.dep_ == "oprd" or noun.head.lower_ == "as":  # the name given: "a terrorist organization"
            words += [c for c in noun.lefts if c.dep_ == "amod"]
    yield from _events(source_actors, target_actors, words, verb, noun or verb, sent, number,
                       context)


def noun_events(noun: Token, sent: Span, number: int, context: Context) -> Iterator[Event]:
    """Events named by a noun with participants: 'a meeting between X and Y', "X's visit to
    Y", "the US killing of Soleimani"; an agent without a partner makes a statement
    ("criticism by Greece")."""
    between = _objects_of(noun, WORDS.between_prep)
    agents = _objects_of(noun, {"by"})
    owners = [t for c in noun.children if c.dep_ == "poss" for t in coordinated(c)]
    owners = owners or [c for c in noun.children if c.dep_ in labels.MODIFIER and context.mentions.get(c.i)]
    partners_of_noun = partners(noun, context, PARTNER_PREPS - WORDS.between_prep)
    if _is_appeal(noun, context):
        yield from _appeal_events(noun, owners or agents, partners_of_noun, sent, number, context)
        return
    if len(between) >= 2:
        sources, targets = between[:1], between[1:]
    elif agents:  # "the murder of Khashoggi by Saudi agents", "his murder by Saudi agents"
        sources, targets = agents, [*owners, *_objects_of(noun, {"of"}), *partners_of_noun]
    elif owners:  # "the United States' killing of Soleimani", "Russia's airstrike on Syria"
        sources, targets = owners, [*partners_of_noun, *_objects_of(noun, {"of"})]
    else:
        return
    targets = [t for t in targets if _names_actor(t, context) and not _is_place(t)]
    if not targets and not agents:
        return  # "Israel's proposal" is a thing Iran rejects, not an event of its own
    yield from _events(actors_of(sources, context), actors_of(targets, context),
                       [*noun_modifiers(noun), noun],
                       _governing_verb(noun), noun, sent, number, context, _planned(noun))


def _is_appeal(noun: Token, context: Context) -> bool:
    """Whether a noun names an appeal or a demand (CAMEO 02, 10): "request", "behest"."""
    category = context.lexicon.nouns.get(_noun_lemma(noun))
    return category is not None and (category.cameo or "")[:2] in APPEAL_ROOTS


def _appeal_events(noun: Token, agents: list[Token], addressed: list[Token], sent: Span,
                   number: int, context: Context) -> Iterator[Event]:
    """An appeal by its maker ("X's request", "the request of X", "advice from X") to whom it
    is addressed: "to Y", or the one who acts on it ("the Queen suspended parliament at the
    behest of Johnson", "she will comply with the request of Johnson")."""
    agents = agents or _objects_of(noun, {"of", "from"})
    agents = [t for t in agents if _names_actor(t, context)]
    if not agents:
        return
    if not addressed and noun.dep_ == "pobj" and noun.head.head.pos_ in labels.VERBAL:
        addressed = subjects(noun.head.head)
    yield from _events(actors_of(agents, context), actors_of(addressed, context),
                       [*noun_modifiers(noun), noun], _governing_verb(noun), noun, sent, number,
                       context)


def _objects_of(head: Token, preps: set[str] | frozenset[str]) -> list[Token]:
    """The objects of a head's prepositions ``preps``, with their conjuncts."""
    return [t for p in head.children if p.dep_ == "prep" and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj" for t in coordinated(o)]


def _events(
    sources: list[ActorRef], targets: list[ActorRef], words: list[Token], verb: Token,
    anchor: Token, sent: Span, number: int, context: Context, planned: bool = False,
) -> Iterator[Event]:
    if verb.lemma_.lower() in MEDIA_VERBS:
        # "told Reuters", "the AP reported": a news outlet is where the text comes from, and
        # "X told Reuters" is X's statement
        sources = [a for a in sources if a.sector != MEDIA]
        targets = [a for a in targets if a.sector != MEDIA]
    if not sources:
        return
    mood = modality(verb)
    if planned and mood == "asserted":
        mood = "future"
    action = _action(words, [anchor, verb], context)
    common = {**_record_fields(verb, anchor, mood, sent, number, context), "action": action}
    if not targets and len(sources) > 1 and _reciprocal(words, verb, context) \
            and not _each_of_own_view(verb):
        targets = sources
    category = context.lexicon.categorise(action.lemma)
    cooperative_or_demand = category is None or category.quad in COOPERATIVE_QUADS \
        or (category.cameo or "")[:2] in DEMAND_ROOTS
    for source in sources:
        partners_of_source = [t for t in targets if t.id != source.id
                              and not _own_country(source, t, cooperative_or_demand)]
        if not partners_of_source:
            yield Event(source=source, target=None, confidence=_confidence(source, None), **common)
        for target in partners_of_source:
            yield Event(source=source, target=target, confidence=_confidence(source, target),
                        **common)


def _record_fields(verb: Token, anchor: Token, mood: str, sent: Span, number: int,
                   context: Context) -> dict:
    """What every record of a verb (and of its anchor noun) carries, however many it makes:
    its sentence, modality, date and place."""
    return {"doc": context.doc_id, "sentence": number, "text": sent.text.strip(), "span": _span(sent),
            "title": context.title, "modality": mood, "negated": mood == "negated",
            "date": event_date({anchor.i, verb.i}, sent, context, mood),
            "location": event_location(anchor, verb, context)}


def _unknown_outlet(token: Token, context: Context) -> bool:
    """Whether the one spoken to may be a news outlet: an organisation no dictionary knows
    ("told the Nevada Independent", "commented to The EastAfrican")."""
    actors = context.mentions.get(token.i, [])
    return bool(actors) and all(not a.known and a.type in OUTLET_TYPES for a in actors)


def _own_country(source: ActorRef, target: ActorRef, cooperative_or_demand: bool) -> bool:
    """Whether the target is the source's own: a country's own state body, which it acts
    through ("Saudi Arabia provided airstrikes with its Royal Saudi Air Force"), or the country
    of its people and bodies, which they speak of or work in but do not cooperate with
    ("Erdoğan claimed a right for Turkey", "Johnson stated that Britain must leave"; conflict
    with it is theirs: "Iraqi Kurds … calling for independence from Iraq")."""
    if source.country is None or source.country != target.country:
        return False
    if source.type == "COUNTRY":
        return target.sector in SECTORS and SECTORS[target.sector].state
    return cooperative_or_demand and target.type == "COUNTRY"


def _each_of_own_view(verb: Token) -> bool:
    """Whether coordinated subjects each hold a view rather than act on each other: "X, Y and Z
    all agreed that vaccines should be free" (but "France and the Philippines agree that the
    disputes should be resolved" is their agreement)."""
    return any(c.dep_ == "ccomp" for c in verb.children) and any(
        t.lower_ in WORDS.distributive_word for t in verb.subtree if t.i < verb.i)


def _passive_participle_clause(verb: Token) -> bool:
    """Whether a verb is a past participle opening a clause of its own without subject or
    agent ("When asked about X, Y said"): what it says was done to the main clause's subject."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(
        c.dep_ in labels.SUBJECT | labels.PASSIVE_SUBJECT | labels.AUXILIARY or c.dep_ == "agent"
        for c in verb.children)


def _controllers(verb: Token, context: Context) -> list[Token]:
    """The actors an infinitive's governing verb names as its object, who do what it says:
    "Biden called on Trump to demand …" (Trump demands), "pressured the Ukrainian government
    to launch an investigation" (the government launches it), "urged Iran to free them"."""
    if verb.dep_ != "xcomp" or any(c.dep_ in labels.SUBJECT for c in verb.children):
        return []
    head = verb.head
    objects = [c for c in head.children if c.dep_ == "dobj"] + [
        o for p in head.children if p.dep_ == "prep"
        and f"{head.lemma_.lower()} {p.lower_}" in WORDS.controlling_phrase
        for o in p.children if o.dep_ == "pobj"]
    return [t for o in objects for t in coordinated(o) if _names_actor(t, context)]


def _agentless(verb: Token, patients: list[Token], sent: Span, number: int,
               context: Context) -> Iterator[Event]:
    """'Khashoggi was murdered': a statement of the target, not an edge from an invented
    source. Not for a verb that raises its subject to another ("Obama is expected to meet"),
    nor for an event noun ("the visit was postponed")."""
    if any(c.dep_ == "xcomp" for c in verb.children):
        return
    patients = [t for t in patients if _noun_lemma(t) not in context.lexicon.event_nouns]
    yield from _events(actors_of(patients, context), [], [verb, *particles(verb)], verb, verb,
                       sent, number, context)


def _purpose_sources(verb: Token, context: Context) -> list[ActorRef]:
    """The actors behind a clause on a thing they act with: "Iran launched missiles targeting
    US troops", "Parliament voted on a resolution to expel US troops" (whoever launched the
    missiles or voted on the resolution)."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ != "acl" or context.mentions.get(verb.head.i) or not (
            infinitive or verb.head.dep_ in labels.OBJECT):
        return []  # not "the events surrounding Kurdi", "a coalition fighting the Houthis"
    owners = actors_of([c for c in verb.head.children if c.dep_ == "poss"], context)
    if owners:
        return owners  # "the Russian government's refusal to accept"
    governing = _governing_verb(verb.head)
    return actors_of(subjects(governing), context) if governing.i != verb.head.i else []


def _reciprocal(words: list[Token], verb: Token, context: Context) -> bool:
    """Whether coordinated subjects act on each other: 'Russia and Ukraine met', 'held
    talks'. A verb's object noun counts only after a light verb: 'they discussed relations'
    are someone else's relations."""
    reciprocal = context.lexicon.reciprocal
    if verb.lemma_.lower() in reciprocal:
        return True
    if verb in words and verb.lemma_.lower() not in context.lexicon.light:
        return False
    return any(t.lemma_.lower() in reciprocal for t in words)


def subjects(verb: Token) -> list[Token]:
    """The subjects of a verb, inherited from the governing verb or noun when it has none
    (up the chain of governing verbs, however long: a loop, not a recursion)."""
    while True:
        # the parser sometimes hangs the subject on the auxiliary: "The US had not, as of
        # yesterday, announced ..."
        heads = [verb, *(c for c in verb.children if c.dep_ in labels.AUXILIARY)]
        direct = [t for h in heads for c in h.children if c.dep_ in labels.SUBJECT
                  for t in (*coordinated(c), *_members(c))]
        if direct:
            return direct
        if any(c.dep_ in labels.PASSIVE_SUBJECT for c in verb.children):
            return []
        head = verb.head
        if head.i == verb.i:
            return []
        if verb.dep_ == "xcomp" and head.dep_ == "acomp":
            head = head.head  # "France is ready to contribute": the subject of 'is'
        if verb.dep_ in labels.INHERITING and head.pos_ in labels.VERBAL:
            passive = [t for c in head.children if c.dep_ in labels.PASSIVE_SUBJECT for t in coordinated(c)]
            if passive:
                # "Obama is expected to meet Putin": the raised subject; not "X was attacked, killing Y"
                return passive if verb.dep_ == "xcomp" else []
            verb = head
            continue
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            return coordinated(head)
        if verb.dep_ == "acomp" and head.pos_ in labels.VERBAL \
                and not any(c.dep_ == "agent" for c in verb.children):
            verb = head  # "Greece is opposed to the plan": the subject of 'is' (not "is nominated by")
            continue
        return []


def partners(head: Token, context: Context, preps: set[str] = PARTNER_PREPS) -> list[Token]:
    """Objects and prepositional partners of a head that are actors; not what one talks
    about ("discussed Iran", "spoke on Iran")."""
    found = []
    direct = any(c.dep_ == "dobj" for c in head.children)
    topical = head.lemma_.lower() in WORDS.topic_verb
    talking = _talks(head)
    backing = direct and _backs(head, context)
    for child in head.children:
        if topical and child.dep_ in labels.OBJECT or talking and child.lower_ in WORDS.topic_prep \
                or backing and child.lower_ in WORDS.opponent_prep:
            continue
        if child.dep_ in labels.OBJECT and not (child.dep_ == "oprd" and direct):
            found.extend(coordinated(child))  # "appointed him Foreign Secretary": him
        elif child.dep_ == "npadvmod" and child.ent_type_ in labels.TIME:
            found.append(child)  # "met Trump Tuesday": the date stands for the name hung on it
        elif child.dep_ == "prep" and child.lower_ in preps and _names_partner(child):
            found.extend(t for o in child.children if o.dep_ == "pobj" for t in coordinated(o))
    return [t for t in found if _names_actor(t, context) and not _place_after_at(t, context)
            and not (t.dep_ == "pobj" and _absolute(t.head))
            and not (talking and _unknown_outlet(t, context))]


def _talks(verb: Token) -> bool:
    """Whether a verb says or talks about something: what it is about is no partner."""
    return verb.lemma_.lower() in MEDIA_VERBS | WORDS.topic_verb


def _backs(verb: Token, context: Context) -> bool:
    """Whether a verb backs its object actor, so that those it is backed against are no
    partners: "supported the government of Yemen against the Houthis" is Yemen's support."""
    category = context.lexicon.categorise(verb.lemma_.lower())
    return category is not None and category.quad in COOPERATIVE_QUADS and any(
        c.dep_ == "dobj" and _names_actor(c, context) for c in verb.children)


def _names_partner(prep: Token) -> bool:
    """Whether a partner preposition names a partner where it stands: 'at' only after an act
    aimed at someone ("fired at", "took aim at", "lashed out at"); elsewhere it names a place
    or an occasion ("announced the measure at the Government's briefing", "a route at the
    International Court of Justice")."""
    if prep.lower_ not in PLACE_PARTNER_PREPS:
        return True
    head = prep.head.head if prep.head.dep_ in {"prt", "advmod"} else prep.head  # "lashed out at"
    words = [head, *(c for c in head.children if c.dep_ in labels.OBJECT | {"prt"})]
    return any(w.lemma_.lower() in WORDS.aim_word for w in words)


def _absolute(prep: Token) -> bool:
    """'…, with officials saying it was for security': circumstances, not a partner."""
    return prep.lower_ == "with" and any(
        c.dep_ == "pcomp" or any(a.dep_ == "acl" and a.tag_ == "VBG" for a in c.children)
        for c in prep.children)


def _channel(token: Token, context: Context) -> bool:
    """'a town hall on ABC', 'wrote in The Guardian': the outlet is where it was shown."""
    actors = context.mentions.get(token.i, [])
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "on NBC and ABC"
    return first.head.lower_ in WORDS.channel_prep and bool(actors) and all(a.sector == MEDIA for a in actors)


def _place_after_at(token: Token, context: Context) -> bool:
    """'at the White House' is where, not whom; 'fired at Russia' is whom."""
    if token.head.lower_ != "at":
        return False
    actors = context.mentions.get(token.i, [])
    return token.ent_type_ in labels.SITE or not all(a.type in AT_TARGET_TYPES for a in actors)


def verb_targets(verb: Token, context: Context) -> list[ActorRef]:
    """A verb's targets: those of the first rule of :data:`TARGET_RULES` that finds any."""
    if verb.lemma_ in WORDS.motion_verb:
        # "left the EU": a body one leaves is a target; a country or place one leaves or goes
        # to is where one goes
        left = actors_of([c for c in verb.children if c.dep_ == "dobj"], context)
        return [a for a in left if a.type in MEMBERSHIP_TYPES]
    if verb.lemma_ in WORDS.dispatch_verb:
        # "sent troops to Saudi Arabia": those sent are the sender's means, the destination its partner
        destinations = actors_of(_objects_of(verb, WORDS.destination_prep), context)
        if destinations:
            return destinations
    noun = event_object(verb, context)
    for rule in TARGET_RULES:
        found = actors_of(rule(verb, noun, context), context)
        if found:
            return found
    return []


def direct_partners(verb: Token, noun: Token | None, context: Context) -> list[Token]:
    """Objects and partners of the verb and of its event noun: 'met X', 'held talks with X'."""
    targets = partners(verb, context)
    if noun is not None and verb.lemma_.lower() not in WORDS.topic_verb:
        # "of" names the partner of an act ("held a meeting of the coalition", "demanded the
        # removal of X"), not the body of an office ("considered the Speaker of the House");
        # relations one makes "between X and Y" are X's and Y's, not the maker's with them
        office = noun.lemma_.lower() in WORDS.offices
        preps = PARTNER_PREPS if office else EVENT_NOUN_PREPS
        if verb.lemma_.lower() in WORDS.relation_verb:
            preps = preps - WORDS.between_prep
        targets += partners(noun, context, preps)
    return targets


def object_phrase_actors(verb: Token, noun: Token | None, context: Context) -> list[Token]:
    """Actors inside the verb's object phrases: "rejected Hussein's proposal"."""
    return nested_partners(verb, context)


def addressees(verb: Token, noun: Token | None, context: Context) -> list[Token]:
    """Whom a demand or threat is aimed at: the subject of its complement ("demanded that
    Sudan end curbs", "its demand that Israel ease", "said Libya must hand over") or of its
    condition ("threatened a strike unless Israel rescinded"); not when the verb names whom it
    addresses ("she told me that Seth was kind": Seth is what was told). Any verb is aimed at
    the one it lets, makes or wants do something ("allowed Palestinian workers to enter")."""
    heads = [verb] + ([noun] if noun is not None else [])
    told = any(c.dep_ in {"dobj", "dative"} for c in verb.children)
    clauses = [c for h in heads for c in h.children if c.dep_ in labels.COMPLEMENT_CLAUSE
               and c.pos_ in labels.VERBAL and not (told and c.dep_ == "ccomp")]
    if verb.lemma_ in WORDS.condition_target_verb:  # "threatened to stop talks if the US goes ahead"
        clauses += [c for x in verb.children if x.dep_ in {"ccomp", "xcomp"}
                    for c in x.children if c.dep_ == "advcl"]
    found = []
    for clause in clauses:
        aux = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        if _for_clause(clause):  # "called for Israel to halt the strikes"
            wanted = verb.lemma_ in WORDS.directive_verb | WORDS.request_verb
        elif clause.dep_ == "ccomp" and not marks and "to" in aux:
            wanted = True  # the parser's subject of an infinitive is the verb's object: "allowed X to enter"
        elif clause.dep_ == "advcl":
            wanted = verb.lemma_ in WORDS.condition_target_verb and marks & WORDS.condition_mark
        else:
            wanted = verb.lemma_ in WORDS.directive_verb or (
                verb.lemma_ in WORDS.obliging_verb and aux & WORDS.obligation_aux)
        if wanted:
            found += [t for c in clause.children if c.dep_ in labels.SUBJECT for t in coordinated(c)]
    return found


def _obligations(verb: Token, context: Context) -> list[Token]:
    """The auxiliary of an obligation a statement puts on an actor ("said Iran must stop the
    attacks"), which makes the statement a demand ('say must') or an appeal ('say should')."""
    if verb.lemma_ not in WORDS.obliging_verb:
        return []
    return [a for c in verb.children if c.dep_ in labels.COMPLEMENT_CLAUSE and c.pos_ in labels.VERBAL
            and any(_names_actor(s, context) for s in c.children if s.dep_ in labels.SUBJECT)
            for a in c.children if a.dep_ == "aux" and a.lower_ in WORDS.obligation_aux][:1]


def conflict_places(verb: Token, noun: Token | None, context: Context) -> list[Token]:
    """The coders' last resort, for conflict only: the country a curfew, protest or strike
    happens in is what it is aimed at ("imposed a curfew in Cizre", "demonstrated in Serbia",
    "struck targets in Lebanon"). The place of anything else (a meeting, a statement,
    "addressed reporters in New York") is where, never whom."""
    lemma = " ".join([verb.lemma_.lower(), *([_noun_lemma(noun)] if noun is not None else [])])
    category = context.lexicon.categorise(lemma)
    if category is None or (category.cameo or "")[:2] not in PLACE_AIMED_ROOTS:
        return []
    heads = [verb, *(c for c in verb.children if c.dep_ in labels.OBJECT)]
    return [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in WORDS.place_prep
            for o in p.children if o.dep_ == "pobj" and o.ent_type_ in labels.REGION
            and all(a.type == "COUNTRY" for a in context.mentions.get(o.i, []))]


def _giver_first(
    verb: Token, receivers: list[ActorRef], others: list[ActorRef], context: Context
) -> tuple[list[ActorRef], list[ActorRef]]:
    """'X received aid from Y' is Y's act towards X: the giver becomes the source (but one who
    receives people hosts them: "demonstrators received ministers from the government")."""
    if any(c.dep_ == "dobj" and _names_actor(c, context) for c in verb.children):
        return receivers, others
    givers = actors_of(_objects_of(verb, {"from"}), context)
    givers += [a for a in others if a not in givers and _from_phrase(a, verb, context)]
    if not givers:
        return receivers, others
    return givers, receivers


def _from_phrase(actor: ActorRef, verb: Token, context: Context) -> bool:
    """Whether the actor sits in a 'from' phrase inside the verb's object ('assurances from X')."""
    return any(t.head.lower_ == "from" and actor in context.mentions.get(t.i, [])
               for t in verb.subtree if t.dep_ == "pobj")


def nested_partners(verb: Token, context: Context) -> list[Token]:
    """Actors inside the verb's object phrases, nearest first: "rejected Hussein's proposal",
    "welcomed the resumption of ties with Syria", "condemned Israeli air raids", "a strike
    in protest against violations by the security forces".

    The search goes breadth-first through noun phrases (never into another clause) and stops
    at the first depth that names an actor. Places ('targets in Jericho') are where, never
    whom; the owners of a meeting ('spoke at the AU summit') are the meeting's, not the act's.
    """
    if verb.lemma_.lower() in WORDS.topic_verb:
        return []  # "discussed Pierluisi's confirmation", "to discuss Libya–Turkey relations"
    level = [c for c in verb.children if c.dep_ in labels.OBJECT | labels.PASSIVE_SUBJECT]
    level += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in PARTNER_PREPS
              and _names_partner(p) and not _absolute(p) for o in p.children if o.dep_ == "pobj"]
    # what one talks about is no partner, but the owner of an act in it is ("commented on the
    # Legislative Yuan's decision", not "spoke on Iran"); one spoken to may be the outlet; the
    # relations one makes between others are theirs ("normalized relations between Sudan and Israel")
    talking = _talks(verb)
    topics = {t.i for t in level if talking and t.head.lower_ in WORDS.topic_prep}
    outlets = {t.i for t in level if talking and _unknown_outlet(t, context)}
    preps = NESTED_PREPS - WORDS.between_prep if verb.lemma_.lower() in WORDS.relation_verb else NESTED_PREPS
    for _ in range(NESTING_DEPTH):
        found = [t for t in level if _names_actor(t, context) and t.i not in topics | outlets
                 and not (t.pos_ == "PRON" and t.dep_ == "poss")
                 and not _is_place(t)]
        if found:
            return found
        level = [n for t in level for c in t.children if c.dep_ in labels.NESTED
                 and (c.dep_ == "prep" or _noun_lemma(t) not in context.lexicon.reciprocal)
                 and (t.i not in topics or _owner_of_act(c, t, context))
                 and c.pos_ not in labels.VERBAL for n in _through_preposition(c, preps)]
    return []


def _owner_of_act(modifier: Token, noun: Token, context: Context) -> bool:
    """Whether a modifier names who did what a noun names: "the Yuan's decision", "the
    Iranian attack" (not "Court packing")."""
    return modifier.dep_ == "poss" or modifier.dep_ in labels.MODIFIER and (
        _noun_lemma(noun) in context.lexicon.event_nouns or _noun_lemma(noun) in WORDS.document_word)


def _is_place(token: Token) -> bool:
    """A place named after 'in' or 'at': where something is, not whom it concerns."""
    return token.dep_ == "pobj" and token.head.lower_ in WORDS.place_prep and token.ent_type_ in {
        "GPE", "LOC", "FAC"}


def _through_preposition(token: Token, preps: frozenset[str] = NESTED_PREPS) -> list[Token]:
    """A modifier as a step of the search; a preposition of ``preps`` steps straight to its object."""
    if token.dep_ != "prep":
        return [token]
    if token.lower_ not in preps or not _names_partner(token) or _absolute(token):
        return []
    return [o for o in token.children if o.dep_ == "pobj"]


def event_object(verb: Token, context: Context) -> Token | None:
    """The non-actor noun object of a verb ('held talks', 'imposed sanctions', 'the sanctions
    imposed by X'), if any; for a verb that names its object something ("called Trump a climate
    arsonist", "called May's deal lousy", "designated the IRGC as a terrorist organization"),
    what it is called: the act is the naming, not the deal."""
    named = [c for c in verb.children if c.dep_ == "oprd" and not _names_actor(c, context)]
    if verb.lemma_.lower() in WORDS.naming_verb:
        named += [o for o in _objects_of(verb, {"as"}) if not _names_actor(o, context)]
    if named:  # what something is called is no event of its own ("a political maneuver")
        return None if _noun_lemma(named[0]) in context.lexicon.event_nouns else named[0]
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ == "NOUN" and not _names_actor(child, context):
            return child
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ == "NOUN" \
            and any(c.dep_ == "agent" for c in verb.children) and not _names_actor(verb.head, context):
        return verb.head  # "a lawsuit filed by X against Y", "the sanctions imposed by X on Y"
    return None


def coordinated(token: Token) -> list[Token]:
    """A head and the heads coordinated with it: 'Macron and Starmer' → both. A list the
    parser took for an apposition ('The US, Russia, and Switzerland') counts too; a name in
    apposition to a singular description is who it describes ('the exiting governor Rosselló')."""
    listed = [a for a in token.children if a.dep_ == "appos" and a.pos_ == "PROPN"
              and token.ent_type_ != "PERSON"]  # "Johnson — former Foreign Secretary, …" describes him
    names = [t for a in listed for t in (a, *a.conjuncts)]
    if names and token.tag_ == "NN":
        return [*names, *token.conjuncts]
    return [token, *token.conjuncts, *names]


def _members(group: Token) -> list[Token]:
    """The named members of a plural group: "German firms including Siemens and Daimler",
    "allies such as Germany" (as subjects, each does what the group does; as objects they are
    as often places: "flights to countries including Spain")."""
    if group.tag_ not in labels.PLURAL_NOUN_TAGS:
        return []
    return [t for p in group.children if p.dep_ == "prep" and (
                p.lower_ == "including" or (p.lower_ == "as" and any(c.lower_ == "such" for c in p.children)))
            for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN" for t in (o, *o.conjuncts)]


def noun_modifiers(noun: Token) -> list[Token]:
    """Common-noun compounds that make an event noun specific: 'peace talks', 'phone call'."""
    return [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]


def particles(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "prt"]


def actors_of(tokens: Iterable[Token], context: Context) -> list[ActorRef]:
    """The actors named by head tokens; 'members of X' stands for X."""
    found: list[ActorRef] = []
    for token in tokens:
        actors = context.mentions.get(token.i) or _group_of(token, context)
        found.extend(a for a in actors if a not in found)
    return found


def _group_of(token: Token, context: Context, depth: int = NESTING_DEPTH) -> list[ActorRef]:
    """'members of the coalition', 'delegations from Russia and Ukraine', 'hundreds of
    thousands of people in Hong Kong': the actors behind (groups of groups, ``depth`` deep)."""
    if depth == 0 or token.lemma_.lower() not in WORDS.group_head:
        return []
    return [a for p in token.children if p.dep_ == "prep" and p.lower_ in WORDS.group_prep
            for o in p.children if o.dep_ == "pobj" for c in coordinated(o)
            for a in context.mentions.get(c.i) or _group_of(c, context, depth - 1)]


def _names_actor(token: Token, context: Context) -> bool:
    return bool(context.mentions.get(token.i) or _group_of(token, context)) and not _channel(token, context)


def modality(verb: Token) -> str:
    """asserted, negated, hypothetical, future or reported, from the verb and what governs it
    (an infinitive takes its governor's, up the chain: a loop, not a recursion)."""
    while True:
        aux = {c.lower_ for c in verb.children if c.dep_ in labels.AUXILIARY}
        if any(c.dep_ == "neg" for c in verb.children) or _no_object(verb):
            return "negated"
        if "would" in aux and _reported(verb) and not _conditional(verb):
            return "future"
        if aux & WORDS.hypothetical_aux or _conditional(verb):
            return "hypothetical"
        if aux & WORDS.future_aux or _going_to(verb):
            return "future"
        governor = verb.head if verb.dep_ == "xcomp" else None
        if governor is not None and governor.lemma_ in WORDS.refusal_verb:
            return "negated"
        if governor is not None and governor.lemma_ in WORDS.request_verb | WORDS.obliging_governor \
                or _for_clause(verb) and verb.head.lemma_ in WORDS.request_verb | WORDS.directive_verb:
            return "hypothetical"  # "asked Zelensky to investigate", "had to counter": not done
        planned = governor is not None and (governor.lemma_ in WORDS.intent_verb
                                            or governor.lower_ in WORDS.willing_adjective)
        if planned:
            return "future"
        if verb.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
            governor = verb.head
        if governor is None or governor.i == verb.i:
            return "reported" if _reported(verb) else "asserted"
        verb = governor


def _for_clause(clause: Token) -> bool:
    """Whether a clause is an infinitive with its own subject after "for": "called for Israel
    to halt the strikes" (the parser's "for" is the clause's mark)."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _no_object(verb: Token) -> bool:
    """Whether the verb's object is denied by its determiner: "I put no pressure on them"."""
    return any(d.dep_ == "det" and d.lower_ in WORDS.negative_determiner
               for c in verb.children if c.dep_ in labels.OBJECT for d in c.children)


def _planned(noun: Token) -> bool:
    """Whether an event noun names a planned event: "a planned trip", "the upcoming summit",
    "worked to arrange a meeting between Zelensky and Trump"."""
    return any(c.dep_ in labels.MODIFIER and c.lower_ in WORDS.planned_modifier for c in noun.children) \
        or (noun.dep_ in labels.OBJECT and noun.head.lemma_.lower() in WORDS.intent_verb)


def _conditional(verb: Token) -> bool:
    clause = verb
    while clause.i != clause.head.i:
        if any(c.dep_ == "mark" and c.lower_ in WORDS.condition_mark for c in clause.children):
            return True
        if clause.dep_ not in labels.CONDITIONED_CLAUSE:
            return False
        clause = clause.head
    return False


def _going_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ == "going" and any(
        c.lower_ in WORDS.be_form for c in head.children)


def _reported(verb: Token) -> bool:
    clause = verb
    while clause.dep_ in labels.REPORTED_CLAUSE and clause.head.i != clause.i:
        clause = clause.head
        if clause.lemma_ in WORDS.speech_verb:
            return True
    return False


def event_date(heads: set[int], sent: Span, context: Context, mood: str) -> str | None:
    """The date an expression in the event's clause gives it, else the document's date."""
    future = mood in {"future", "hypothetical"}
    return stated_date(heads, sent, context, future) or (None if future else context.date)


def stated_date(heads: set[int], sent: Span, context: Context, future: bool) -> str | None:
    """The date an expression in the clause of ``heads`` gives, if any."""
    for entity in context.entities_in(sent):
        if entity.label_ == "DATE" and _attached(entity.root, heads):
            resolved = resolve_date(entity.text, context.date, future)
            if resolved:
                return resolved
    return None


def _attached(token: Token, heads: set[int]) -> bool:
    """Whether a modifier belongs to the event's clause rather than to another verb's."""
    for ancestor in token.ancestors:
        if ancestor.i in heads:
            return True
        if ancestor.pos_ == "VERB":
            return False
    return False


def event_location(anchor: Token, verb: Token, context: Context) -> str | None:
    """The place the clause puts the event in: 'in Florida', 'at the residence in Florida'.

    'to' and 'into' give a place only after a verb of motion ('flew to Tehran').
    """
    preps = WORDS.place_prep | (WORDS.destination_prep if verb.lemma_ in WORDS.motion_verb else set())
    for head in dict.fromkeys([anchor, verb]):
        places = [e for prep in _clause_tokens(head)
                  if prep.dep_ == "prep" and prep.lower_ in preps
                  for e in context.entities_in(prep.sent) if _is_place_of(e, prep, preps)]
        if places:
            return min(places, key=lambda e: (e.label_ == "FAC", -e.start)).text
    return None


def _is_place_of(entity: Span, prep: Token, preps: set[str]) -> bool:
    """A named place (or seat of government) that a place preposition introduces, however deep."""
    root = entity.root
    if root.dep_ != "pobj" or root.head.lower_ not in preps:
        return False
    if not (prep.i < entity.start and entity.end <= prep.right_edge.i + 1):
        return False
    return entity.label_ in labels.PLACE or bool(entity.ent_id_)


def _clause_tokens(head: Token) -> Iterator[Token]:
    """The tokens a head governs without crossing into another verb's clause, depth first."""
    stack = [c for c in reversed(list(head.children)) if c.pos_ not in labels.VERBAL]
    while stack:
        token = stack.pop()
        yield token
        stack.extend(c for c in reversed(list(token.children)) if c.pos_ not in labels.VERBAL)


def _action(words: list[Token], heads: list[Token], context: Context) -> Action:
    """The action's words: the verb, its particle, its event noun and the partner's preposition.

    Without an actor after a preposition, the anchor's first preposition still counts when it
    makes the verb a phrase of its own ('called for a ceasefire', 'pulled out of the deal').
    """
    ordered = sorted(dict.fromkeys(words), key=lambda t: t.i)
    preps = [c for h in dict.fromkeys(heads) for c in h.children
             if c.dep_ == "prep" and c.lower_ in VERB_PREPS and not _time_or_place(c)
             and not _absolute(c)]
    with_actor = [p for p in preps if p.lower_ in PARTNER_PREPS and any(
        _names_actor(o, context) for c in p.children if c.dep_ == "pobj" for o in coordinated(c))]
    for prep in (with_actor or preps)[:1]:
        ordered += [prep, *(c for c in prep.children if c.dep_ == "prep")][:2]
    if not preps:  # "called for Israel to halt": the parser's "for" opens the clause
        ordered += [m for h in heads for c in h.children if _for_clause(c)
                    for m in c.children if m.dep_ == "mark"][:1]
    text = " ".join(t.text for t in ordered)
    lemma = " ".join(_noun_lemma(t) if t.pos_ in labels.NOMINAL else t.lemma_.lower()
                     for t in ordered)
    return Action(text=text, lemma=lemma)


def _time_or_place(prep: Token) -> bool:
    """'on Friday', 'in Istanbul': a preposition that says when or where, not what."""
    return any(o.ent_type_ in labels.TIME_OR_PLACE for o in prep.children if o.dep_ == "pobj")


def _noun_lemma(token: Token) -> str:
    return token.lemma_.lower()


def _governing_verb(noun: Token) -> Token:
    head = noun
    while head.pos_ not in labels.VERBAL and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in labels.VERBAL else noun


def _span(sent: Span) -> tuple[int, int]:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return start, sent.start_char + len(text.rstrip())


def _confidence(source: ActorRef, target: ActorRef | None) -> float:
    """Lower when an actor was resolved from a pronoun or description rather than named."""
    score = 0.9
    for actor in (source, target):
        if actor is not None and actor.mention.lower() != actor.name.lower():
            named = actor.mention[:1].isupper() and actor.mention.split()[-1] in actor.name
            score -= 0.05 if named else 0.2
    return round(max(score, 0.1), 2)


# --------------------------------------------------------------------------- topic links


def topic_events(verb: Token, sent: Span, number: int, context: Context) -> Iterator[Event]:
    """Links with a topic on one side: the verb's subjects (or ``by`` agents) to its objects,
    passive subjects and prepositional objects, wherever one of the two is a topic ("Macron
    announced a meeting", "90% of the plan has been approved by Ukraine", "the plan calls for
    a ceasefire"). Pairs of actors are the event rules' (:func:`verb_events`)."""
    if _passive_participle_clause(verb):
        return
    sources = _nodes([*(_controllers(verb, context) or _doers(verb)), *_agents(verb)], context)
    if not sources:
        return
    common = None
    for words, target in [*_topic_objects(verb, context), *_said_about(verb)]:
        for node in _nodes([target], context):
            for source in sources:
                if source.id != node.id and (source.is_topic or node.is_topic):
                    common = common or _record_fields(verb, verb, modality(verb), sent, number, context)
                    yield _link(source, node, _phrase(words), common)


def _said_about(verb: Token) -> Iterator[tuple[list[Token], Token]]:
    """What a statement or a finding is about: the subjects and objects of what is said,
    found or known, or of a that-clause ("Zelenskyy said that 90% of the plan has been
    approved", "Macron announced that Paris will host a meeting", "the statistics show the
    economy shrank"). Their actors are no targets of the speaker (that is the event rules'
    call): only topics are linked."""
    statement = verb.lemma_.lower() in STATING_VERBS
    words = [verb, *particles(verb)]
    for clause in verb.children:
        if clause.dep_ == "ccomp" and clause.pos_ in labels.VERBAL and (statement or any(
                c.dep_ == "mark" and c.lower_ in WORDS.clause_mark for c in clause.children)):
            yield from ((words, t) for c in clause.children
                        if c.dep_ in CLAUSE_TOPICS for t in coordinated(c))


def _doers(verb: Token) -> list[Token]:
    """The subjects of a verb; an infinitive after an object is the object's ("ordered the
    flag lowered", "forced the company to close"); a verb after a preposition, or an
    infinitive that says what a noun is for, has the subject of the verb they hang on
    ("Katrina weakened before making landfall", "China invested in an attempt to increase …")."""
    objects = [o for o in verb.head.children if o.dep_ == "dobj"] if verb.dep_ == "xcomp" \
        and verb.head.lemma_.lower() in OBJECT_CONTROL else []
    if objects and not any(c.dep_ in labels.ANY_SUBJECT for c in verb.children):
        return [t for o in objects for t in coordinated(o)]  # "ordered the flag lowered"
    found = subjects(verb)
    if not found and verb.dep_ == "pcomp" and verb.head.head.pos_ in labels.VERBAL:
        found = subjects(verb.head.head)
    if not found and verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        governing = _governing_verb(verb.head)  # "China made investments in an attempt to increase …"
        found = subjects(governing) if governing.i != verb.head.i else []
    return found


def _agents(verb: Token) -> list[Token]:
    return [t for c in verb.children if c.dep_ == "agent"
            for p in c.children if p.dep_ == "pobj" for t in coordinated(p)]


def _topic_objects(verb: Token, context: Context) -> Iterator[tuple[list[Token], Token]]:
    """What a verb acts on, each with the action's words: its objects and passive subjects
    ("approved the plan"; "the plan was approved"), the noun a passive participle describes
    ("the sanctions imposed by X"), and the objects of its prepositions ("called for a
    ceasefire"), not those before the verb or that say when, where, despite what or as what
    ("After the elections, Erdogan said", "announced it despite criticism"). An object that
    only qualifies its own topic ("emphasised progress on security guarantees") joins the
    action, and so does one that makes one act with the verb ("took part in the talks")."""
    words = [verb, *particles(verb), *(c for c in verb.children
                                       if c.dep_ == "dobj" and c.lemma_.lower() in WORDS.light_object)]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        yield words, verb.head
    for child in verb.children:
        if child.dep_ in {"dobj", "dative"} | labels.PASSIVE_SUBJECT:
            for head in coordinated(child):
                about = _about(head)
                if about and topic_kind(head) == "other" and not _names_actor(head, context):
                    yield from (([*words, head, p], t) for p, t in about)
                else:
                    yield words, head
        elif child.dep_ == "prep" and child.i > verb.i and child.lower_ not in WORDS.adjunct_prep \
                and not _time_or_place(child) and not _absolute(child):
            yield from (([*words, *through], t) for o in child.children if o.dep_ == "pobj"
                        for through, t in _through(child, o))


def _through(prep: Token, noun: Token) -> list[tuple[list[Token], Token]]:
    """A preposition's objects, looking through a preposition of several words to its own
    object: "in response to the attack" → the attack."""
    if noun.lemma_.lower() in WORDS.through_noun:
        return [([prep, noun, p], t) for p in noun.children if p.dep_ == "prep"
                for o in p.children if o.dep_ == "pobj" for t in coordinated(o)]
    return [([prep], t) for t in coordinated(noun)]


def _about(noun: Token) -> list[tuple[Token, Token]]:
    """The topical prepositions of a noun with their objects: "progress on X", "optimism about
    Y"; any preposition of an object that makes one act with its verb: "took part in X"."""
    light = noun.lemma_.lower() in WORDS.light_object
    return [(p, t) for p in noun.children if p.dep_ == "prep" and (light or p.lower_ in WORDS.topic_prep)
            for o in p.children if o.dep_ == "pobj" for t in coordinated(o)]


def _nodes(tokens: Iterable[Token], context: Context) -> list[ActorRef]:
    """The actors or, failing any, the topic each token names; a relative pronoun names what
    its clause describes ("guarantees, which he described as essential")."""
    found: list[ActorRef] = []
    for token in tokens:
        if token.lower_ in WORDS.relative_pronoun and token.head.dep_ == "relcl":
            token = token.head.head
        nodes = actors_of([token], context) or [
            t for t in [context.topic(_thing_referred(token))] if t]
        found.extend(n for n in nodes if n not in found)
    return found


#: Verbs whose object does what the infinitive after it says.
OBJECT_CONTROL = WORDS.causing_verb | WORDS.directive_verb | WORDS.request_verb
#: Verbs whose clause's topics are theirs, whatever the clause opens with; and the roles there.
STATING_VERBS = WORDS.speech_verb | WORDS.finding_verb
CLAUSE_TOPICS = labels.ANY_SUBJECT | {"dobj"}
#: Verbs that tell of a meeting or plan it rather than hold it (its date is not theirs).
TELLING_VERBS = WORDS.speech_verb | WORDS.intent_verb
#: Prepositions of a meeting's participants: "a meeting of X", "talks between X and Y", "with X".
MEETING_PREPS = WORDS.between_prep | {"of", "with"}
#: What follows a verb whose "it" stands for nothing: "it is hard to …", "it seems that …".
EXTRAPOSED = frozenset({"xcomp", "ccomp", "acomp", "attr"})


def _thing_referred(token: Token) -> Token:
    """What "it" or "they" refers to when it names no actor: the closest subject before it, in
    its sentence or the one before, that agrees in number ("The plan was leaked; it calls for a
    ceasefire")."""
    if token.lower_ not in WORDS.thing_pronoun or any(
            c.dep_ in EXTRAPOSED for c in token.head.children):
        return token  # not "it is hard to maintain distancing", "it emerged that …"
    plural = token.lower_ in WORDS.plural_pronoun
    sentence = token.sent
    start = sentence.start if sentence.start == 0 else token.doc[sentence.start - 1].sent.start
    for candidate in reversed(token.doc[start:token.i]):
        if candidate.dep_ in labels.ANY_SUBJECT and candidate.pos_ == "NOUN" \
                and (candidate.tag_ in labels.PLURAL_NOUN_TAGS) == plural:
            return candidate
    return token


def _link(source: ActorRef, target: ActorRef, action: Action, common: dict) -> Event:
    return Event(source=source, target=target, action=action,
                 confidence=_confidence(source, target), **common)


def _phrase(words: list[Token]) -> Action:
    ordered = sorted(dict.fromkeys(words), key=lambda t: t.i)
    return Action(text=" ".join(t.text for t in ordered),
                  lemma=" ".join(t.lemma_.lower() for t in ordered))


def _is_meeting(token: Token, context: Context) -> bool:
    return token.pos_ in labels.NOMINAL and topic_kind(token) == "meeting"


def meeting_events(noun: Token, sent: Span, number: int, context: Context) -> Iterator[Event]:
    """A meeting, summit or call is a hub: those it is of, between or with, and its owners,
    attend it ("a meeting of Ukraine's allies", "talks between X and Y", "the Coalition's
    summit"). Who hosts or announces it is the verb's (:func:`topic_events`)."""
    verb = _governing_verb(noun)
    meeting = context.topic(noun)
    if meeting is None:
        return
    people = [*_objects_of(noun, MEETING_PREPS),
              *(t for c in noun.children if c.dep_ == "poss" for t in coordinated(c)),
              *(c for c in noun.lefts if c.dep_ in labels.MODIFIER and context.mentions.get(c.i))]
    actors = actors_of(people, context)
    if not actors:
        return
    common = _record_fields(verb, verb, modality(verb), sent, number, context)
    common["date"] = meeting_date(noun, context) or common["date"]
    for actor in actors:
        yield _link(actor, meeting, ATTEND, common)


def meeting_date(noun: Token, context: Context) -> str | None:
    """When a meeting (or an election) is, if the text says: a date on the noun ("a meeting on
    Sunday", "announced a summit in January": ahead of an announcement or a plan), else on the
    verb that holds it ("will host a meeting in early January"), not on the one that tells of
    it ("On Monday, Macron announced a summit" is no summit on Monday)."""
    verb = _governing_verb(noun)
    telling = verb.lemma_.lower() in TELLING_VERBS
    ahead = verb.i != noun.i and (telling or modality(verb) in {"future", "hypothetical"})
    own = stated_date({noun.i}, noun.sent, context, ahead)
    if own or telling or verb.i == noun.i:
        return own
    return stated_date({verb.i}, noun.sent, context, ahead)


def _dated(meeting: ActorRef, date: str | None) -> ActorRef:
    if date is None:
        return meeting
    return replace(meeting, id=f"{meeting.id}@{date}", name=f"{meeting.name} ({date})")


#: What a meeting's participants do.
ATTEND = Action(text="attend", lemma="attend")


# --------------------------------------------------------------------------- the rules, in order

#: How events are found: for every token a rule applies to (first column), the rule's events.
#: Verb events come first, so that a sentence's main verb wins over the events of its nouns
#: when :func:`extract_events` drops duplicates.
EVENT_RULES = (
    (_is_verb, verb_events),  # "Macron met Zelenskyy", "X was welcomed by Y", "agreed to meet"
    (_is_event_noun, noun_events),  # "a meeting between X and Y", "X's visit to Y"
    (_is_verb, topic_events),  # "Macron announced a meeting", "the plan includes guarantees"
    (_is_meeting, meeting_events),  # "a meeting of the Coalition": the Coalition attends it
)

#: Where a verb's targets come from: the first rule that names an actor wins.
TARGET_RULES = (
    direct_partners,  # "met X", "spoke with X", "held talks with X", "imposed sanctions on X"
    object_phrase_actors,  # "rejected X's proposal", "welcomed ties with X"
    addressees,  # "demanded that X end", "threatened a strike unless X rescinded"
    conflict_places,  # "imposed a curfew in X", "struck targets in X": only acts of conflict
)
