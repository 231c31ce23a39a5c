"""Resolve every actor mention of a parsed document to a canonical actor.

Names come from the gazetteer (through the entity ruler's ids) or, for actors it does not
know, from named entities with slug ids. Descriptions ("the French leader", "Hungarian
officials") resolve through titles, demonyms and the office holder on the document's date;
pronouns resolve to the most salient earlier actor that agrees with them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from spacy.tokens import Doc, Span, Token

from . import labels
from .agents import AGENTS, MEDIA, POLICE, Agent, agent_of, sector_actor
from .classify import Lexicon
from .events import ActorRef
from .gazetteer import ActorRecord, Gazetteer, fold_accents, normalise, slug
from .quotations import quotations_of, quote_speakers
from .words import WORDS, data_table

#: How many sentences back a pronoun looks for its antecedent.
SALIENCE_SENTENCES = 20
#: How many sentences back "it" or "they" looks for a generic group or a name no dictionary knows.
UNKNOWN_SALIENCE_SENTENCES = 1
#: How many sentences back "it" or "they" looks for an actor the gazetteer knows.
NAMED_SALIENCE_SENTENCES = 2
#: How often a document names its main country, at least.
MAIN_COUNTRY_MENTIONS = 2
#: Actor types that a non-person pronoun ("it", "its") can stand for.
INSTITUTIONS = {"COUNTRY", "IGO", "ORG", "GOV"}
#: Kinds of named things (``kg/data/kinds.tsv``) that never act: platforms, software,
#: diseases, time zones, buildings, events ("Brexit").
NOT_ACTOR_KINDS = {"platform", "software", "disease", "time zone", "building", "event"}
#: The sector of named organisations of a kind.
KIND_SECTORS = {"media": "MED", "company": "BUS"}


#: Titles and honorifics written before a person's name: "Princess", "Mr".
PERSON_TITLES = WORDS.male_title | WORDS.female_title | WORDS.honorific
#: Words of titles and roles that stand before a surname ("President Johnson").
TITLE_WORDS = PERSON_TITLES | WORDS.person_role | {w for office in WORDS.offices for w in office.split()}
#: Prepositions of whom an act is aimed at or done with, not of where it happens.
AIMED_PREPS = WORDS.partner_prep - WORDS.place_prep
#: Named things by kind: "twitter" → platform, "reuters" → media.
KINDS = {normalise(row["name"]): row["kind"] for row in data_table("kinds.tsv")}
#: A speaker tag of an interview or transcript: "((WN))", "(Q)", "[Reporter]".
SPEAKER_TAG = re.compile(r"^\s*[\(\[]{1,2}\s*[A-Z][\w .]{0,30}[\)\]]{1,2}\s*:?")


@dataclass(frozen=True)
class Mention:
    """A resolved mention, kept in document order for coreference."""

    token: int
    sentence_start: int
    clause: int
    subject: bool
    coordinated: bool
    actor: ActorRef


class MentionResolver:
    """Resolves the nominal heads of one document, left to right."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, date: str | None, url: str | None = None,
                 headline: Doc | None = None):
        self.doc = doc
        self.gazetteer = gazetteer
        self.date = date
        self.history: list[Mention] = []
        self.by_token: dict[int, list[Mention]] = {}
        self.seen: set[str] = set()
        # a name the model cut after "of the" ("Citizens of the") is no name
        self.entity_of = {t.i: ent for ent in doc.ents if ent[-1].pos_ not in labels.CUT_NAME_END
                          for t in ent}
        self.short_names: dict[str, ActorRef] = {}
        #: the person each role noun was last written with ("commissioner" → Albert Muchanga)
        self.titled: dict[str, ActorRef] = {}
        #: the state bodies of places no dictionary knows, by sector ("Northamptonshire police")
        self.bodies: dict[str, ActorRef] = {}
        #: the actors of the tokens resolved so far, by token index
        self.resolved: dict[int, list[ActorRef]] = {}
        #: acronyms of names that are no actor ("the Ballot Interference Prevention Act (BIPA)")
        self.no_actor_acronyms: set[str] = set()
        self.place_names = {_strip_article(ent).text for ent in doc.ents if ent.label_ in labels.PLACE}
        self.main_country = self._main_country(headline)
        #: the gender a person's titles or earlier pronouns gave ("m" or "f"), by actor id
        self.gender: dict[str, str] = {}
        self.tagged = _speaker_tag_tokens(doc)
        self.sentence_number = {sent.start: n for n, sent in enumerate(doc.sents)}
        #: the countries each sentence names, by its first token, as asked for
        self.sentence_countries: dict[int, tuple[str, ...]] = {}
        quotations = list(quotations_of(doc))
        self.quoted = {i for start, end in quotations for i in range(start, end)}
        self.speakers = quote_speakers(doc, quotations)
        #: the persons each first name stands for, for first names inside quotations
        self.first_names: dict[str, dict[str, ActorRef]] = {}
        self.publisher = (urlsplit(url).hostname or "").replace("-", "") if url else ""
        #: the publisher's reporters, by their names and surnames (never actors)
        self.staff: set[str] = set()
        for entity in headline.ents if headline is not None else ():
            record = self.gazetteer.get(entity.ent_id_)
            if record is not None and record.type == "PERSON":
                self._learn_short_name(entity, to_ref(record, entity.text))

    def _main_country(self, headline: Doc | None) -> ActorRecord | None:
        """The country the document names most (the first of equals), if at least twice: the
        country of its bare institutions and agents ("the Senate", "police"). A country its
        headline names counts as named twice more ("Puerto Rico's governor resigns", over the
        "U.S. Senate" of a closing paragraph). A document that names no country is about the
        country of its known actors and places ("Pelosi", "Ohio")."""
        counts = Counter(self._country_of_entity(entity) for entity in self.doc.ents)
        for entity in headline.ents if headline is not None else ():
            counts[self._country_of_entity(entity)] += MAIN_COUNTRY_MENTIONS
        counts.pop(None, None)
        if counts:
            code, n = counts.most_common(1)[0]
            return self.gazetteer.get(code) if n >= MAIN_COUNTRY_MENTIONS else None
        codes = Counter(self._country_code_of(entity) for entity in self.doc.ents)
        codes.pop(None, None)
        return self.gazetteer.by_country(codes.most_common(1)[0][0]) if codes else None

    def _country_code_of(self, entity: Span) -> str | None:
        """The country code of a known actor's entity, or of a place's."""
        if entity.ent_id_:
            record = self.gazetteer.get(entity.ent_id_)
            return record.country if record else None
        if entity.label_ in labels.PLACE:
            return self.gazetteer.place_country(_strip_article(entity).text)
        return None

    def _country_of_entity(self, entity: Span) -> str | None:
        record = self.gazetteer.get(entity.ent_id_) if entity.ent_id_ else None
        return record.id if record and record.type == "COUNTRY" else None

    def resolve_all(self) -> dict[int, list[ActorRef]]:
        """Map the index of every head token that names an actor to its actor(s)."""
        found = self.resolved
        for token in self.doc:
            actors = self.resolve(token)
            if actors:
                found[token.i] = actors
                if token.i in self.entity_of:
                    self._learn_acronym(self.entity_of[token.i], actors[0])
                if token.dep_ not in labels.MODIFIER and not _owner_of_office(token):
                    for actor in actors:
                        self._remember(token, actor)
        return found

    def resolve(self, token: Token) -> list[ActorRef]:
        """The actors a token names. A modifier ("Israeli" in "Israeli raids") names its actor
        too, for extraction to find targets inside noun phrases, but is never an antecedent."""
        if token.i in self.tagged:
            return []
        if token.dep_ in labels.MODIFIER:
            return self._from_modifier(token)
        entity = self.entity_of.get(token.i)
        if entity is not None and entity.label_ in labels.TIME:
            return self._name_before_date(token)
        if entity is not None:
            return self._from_entity(entity) if token.i == entity.root.i else []
        if token.pos_ == "PRON":
            return self._from_pronoun(token)
        earlier = self._named_before(token) if token.pos_ == "PROPN" else None
        if earlier is not None and not _other_given_name(token, earlier):
            return [replace(earlier, mention=token.text)]
        titled = self._titled_name(token)
        if titled:
            return titled
        if token.pos_ in labels.NOMINAL:
            return self._from_description(token)
        return []

    def _name_before_date(self, token: Token) -> list[ActorRef]:
        """The actor of a name the parser hung on the date after it, as the date's compound
        ("met with President Bashar Assad Tuesday"): the date stands in the name's place."""
        names = [self.entity_of[c.i] for c in token.lefts if c.dep_ == "compound" and c.i in self.entity_of]
        return [a for e in names if e.label_ not in labels.TIME and e.root.head.i == token.i
                for a in self._from_entity(e)]

    def _from_modifier(self, token: Token) -> list[ActorRef]:
        """The owner a modifier names: "Israeli raids", "the Senate ruling" (the institution
        of its country). A name no dictionary knows owns only people ("Yoruba leaders"):
        "the AIS data" and "the COVID-19 outbreak" name things, not actors."""
        if token.pos_ == "PRON" or not _owns(token.head):
            return []
        entity = self.entity_of.get(token.i)
        if entity is not None and self._is_publisher(entity):
            return []
        if entity is not None and token.i == entity.root.i and not entity.ent_id_ \
                and self._agent_in(entity):
            return self._from_entity(entity)
        owner = self._owner_word(token, owned=token.head)
        if owner is None or (owner.type == "COUNTRY" and not _country_owns(token.head)):
            return []
        return [self._ref(owner, token.text)]

    def _agent_in(self, entity: Span) -> Agent | None:
        """The agent an entity names as a whole ("Supreme Court", "Senate"), without its
        country words."""
        name = _strip_article(entity)
        return agent_of([t.lemma_.lower() if t.i == entity.root.i else t.lower_ for t in name
                         if not self._country_word(t)], whole=True)

    def _ref(self, record: ActorRecord, mention: str, title: str | None = None) -> ActorRef:
        """The reference to a record; ``known`` only when the gazetteer has it."""
        return replace(to_ref(record, mention, title), known=self.gazetteer.get(record.id) is record)

    def _from_entity(self, entity: Span) -> list[ActorRef]:
        if self._is_publisher(entity) or self._is_staff(entity) or entity.text in self.no_actor_acronyms:
            return []
        expanded = self._acronym(entity)
        if expanded is not None:
            return expanded
        title, countries = self._title_of(entity.root, entity.start)
        if entity.ent_id_:
            record = self.gazetteer.get(entity.ent_id_)
            if record is None:
                return []
            if record.type == "PERSON" and _another_given_name(entity, record):
                # "Andrew Johnson" is no Boris Johnson, but a person of his own
                name = " ".join(t.text for t in entity.doc[entity.root.left_edge.i : entity.end]
                                if t.pos_ == "PROPN" and t.lower_.rstrip(".") not in TITLE_WORDS)
                return [self._ref(ActorRecord(slug(name), name, "PERSON"), entity.text, title)]
            actor = to_ref(record, entity.text, title)
            if record.type == "PERSON":
                self._learn_short_name(entity, actor)
                self._learn_gender(record.id, entity)
            self._learn_roles(entity, actor)
            return [actor]
        actor_type = labels.ACTOR_ENTITY_TYPES.get(entity.label_)
        name = _strip_article(entity)
        earlier = self._named_before(name)
        if earlier is not None:
            # a person named before, whatever the model calls the surname ("Soleimani" as LOC)
            return [replace(earlier, mention=entity.text, title=title)]
        if len(name) == 1 and name.root.lower_ in WORDS.offices:
            return self._from_description(name.root)  # "the Queen", "the President"
        kind = KINDS.get(normalise(name.text))
        if kind in NOT_ACTOR_KINDS:
            return []
        if kind in KIND_SECTORS:
            return [ActorRef(slug(name.text), name.text, "ORG", None, entity.text,
                             sector=KIND_SECTORS[kind], known=True)]
        agent = self._agent_in(entity)
        if agent:
            named = self._countries_in(name) or countries or self._countries_of(entity.root)
            country = named[0] if named else self._country_for(entity.root, agent)
            actor = self._sector_actor(agent, country, entity.text)
            return [actor] if actor else []
        body = self._body_of_place(name)
        if body is not None:
            return [body]
        if entity.label_ in labels.PLACE and (entity.label_ != "GPE"
                                              or self.gazetteer.place_country(name.text)):
            return self._place(entity, name)
        if actor_type is None or not _readable(name.text):
            return []
        if name[-1].lower_ in WORDS.document_word:
            return []  # "the Alabama Human Life Protection Act": a document, not an actor
        if len(name) > 1 and name[-2].lower_ in WORDS.hazard_word \
                and name[-1].lower_ not in WORDS.organisation_word:
            return []  # "Tropical Storm Humberto", "Typhoon Hagibis": weather, not an actor
        people = self._people_of(entity, name)
        if people is not None:
            return [people]
        if actor_type == "ORG" and _person_titled(entity.root):
            actor_type = "PERSON"  # "presidential candidate Brock Pierce", which the model calls an ORG
        record = self.gazetteer.by_name(name.text) or self.gazetteer.by_name(
            " ".join(t.text for t in name if not _initial(t.text)))  # "John R. Bolton"
        actor = to_ref(record, entity.text, title) if record else self._unknown(
            name, actor_type, entity.text, title, countries[0].country if countries else None)
        if actor.type == "PERSON":
            if record:  # "John R. Bolton", then "Bolton"
                self._learn_short_name(name, actor)
            self._learn_gender(actor.id, entity)
        self._learn_roles(entity, actor)
        return [actor]

    def _learn_acronym(self, entity: Span, actor: ActorRef) -> None:
        """Let the acronym in brackets in or after a name ("Ineos Challenge Group (ICG)")
        stand for its actor later."""
        brackets = [t.i for t in entity if t.text == "("]
        if brackets:
            acronym = self.doc[brackets[0] + 1 : entity.end].text
        else:
            after = [t.text for t in self.doc[entity.end : entity.end + 3]]
            acronym = after[1] if len(after) == 3 and after[0] + after[2] == "()" else ""
        if acronym.isupper() and acronym.isalpha():
            self.short_names.setdefault(normalise(acronym), replace(actor, title=None))

    def _acronym(self, entity: Span) -> list[ActorRef] | None:
        """The actors of the name an acronym in brackets follows ("the Ballot Interference
        Prevention Act (BIPA)": none), which its later mentions stand for too; None when the
        entity is no such acronym."""
        if entity.start < 2 or self.doc[entity.start - 1].text != "(" or not entity.text.isupper():
            return None
        named = self.entity_of.get(entity.start - 2)
        if named is None or named.label_ in labels.PLACE:
            return None
        actors = self.resolved.get(named.root.i, [])
        if actors:
            self.short_names.setdefault(normalise(entity.text), replace(actors[0], title=None))
        else:
            self.no_actor_acronyms.add(entity.text)
        return [replace(actor, mention=entity.text) for actor in actors]

    def _people_of(self, entity: Span, name: Span) -> ActorRef | None:
        """The country a people named by the plural of its demonym stands for, as coders
        take it ("the Ukrainians" are Ukraine's people or its officials, "Mexicans")."""
        if entity.label_ != "NORP" or entity.root.tag_ not in labels.PLURAL_NOUN_TAGS:
            return None
        return self._country_of_people(name.text, entity.text)

    def _country_of_people(self, people: str, mention: str) -> ActorRef | None:
        """The country whose demonym's plural is ``people`` ("Mexicans"), if any."""
        country = self.gazetteer.by_demonym(_singular(people))
        return to_ref(country, mention) if country is not None and country.type == "COUNTRY" else None

    def _is_publisher(self, entity: Span) -> bool:
        """Whether the entity is the news outlet that published the document ("Wikinews" on
        wikinews.org): the source of the text, never a participant in it."""
        compact = re.sub(r"\W", "", fold_accents(entity.text).lower())
        if len(compact) < 3 or compact.removeprefix("the") not in self.publisher:
            return False
        name = _strip_article(entity).text
        record = self.gazetteer.get(entity.ent_id_) if entity.ent_id_ else None
        return KINDS.get(normalise(name)) == "media" or (record is not None and record.sector == MEDIA)

    def _is_staff(self, entity: Span) -> bool:
        """Whether the entity is a person working for the publisher ("Wikinews reporter
        William S. Saturn"), who asks the questions and is no participant; later parts of the
        name ("Saturn") are the same person."""
        if entity.label_ != "PERSON" or not self.publisher:
            return False
        name = normalise(_strip_article(entity).text)
        if name in self.staff:
            return True
        if not any(self._is_publisher(self.entity_of.get(t.i) or self.doc[t.i:t.i + 1])
                   for c in entity.root.lefts if c.i < entity.start for t in c.subtree):
            return False
        words = [normalise(t.text) for t in entity if not _initial(t.text)]
        self.staff.update([name, *(" ".join(words[i:]) for i in range(1, len(words)))])
        return True

    def _learn_gender(self, actor_id: str, entity: Span) -> None:
        """A person's gender from the honorific or title before the name ("Mr", "Queen")."""
        before = self.doc[entity.start - 1].lower_.rstrip(".") if entity.start else ""
        words = {before, *(t.lower_.rstrip(".") for t in entity)}
        for gender, titles in (("m", WORDS.male_title), ("f", WORDS.female_title)):
            if words & titles:
                self.gender.setdefault(actor_id, gender)

    def _learn_roles(self, entity: Span, actor: ActorRef) -> None:
        """The role nouns written before or beside a person's name ("AU trade and industry
        commissioner Albert Muchanga", "Nick Adderley, the chief constable"), or the kind
        written before an organisation's ("Iranian airline Mahan Air"), so that a later "the
        commissioner" or "the airline" is that actor."""
        if actor.type == "COUNTRY":
            return
        root = entity.root
        beside = [c for c in root.children if c.dep_ == "appos"
                  or (c.i < entity.start and c.dep_ in labels.TITLE_MODIFIER | {"nmod"})]
        head = _strip_article(entity)[-1]
        if actor.type != "PERSON" and head.lower_ in WORDS.organisation_word:
            # the kind an organisation's own name ends with: "the party" after "the Prohibition
            # Party" is that party, not one named before it
            self.titled[head.lower_] = replace(actor, title=None)
        for word in (t for c in beside for t in c.subtree):
            lemma = word.lemma_.lower()
            kind = lemma in WORDS.person_role if actor.type == "PERSON" else word.text.islower()
            if word.pos_ in labels.NOMINAL and word.tag_ not in labels.PLURAL_NOUN_TAGS and kind \
                    and not entity.start <= word.i < entity.end:
                self.titled[lemma] = replace(actor, title=None)

    def _learn_office_gender(self, office: Token, holder: ActorRecord) -> None:
        """The gender an office word tells ("the Queen"), or the possessive before a word of
        address ("Her Majesty")."""
        words = {office.lower_, *(c.lower_ for c in office.children if c.dep_ == "poss"
                                  and office.lower_ in WORDS.address_title)}
        if words & (WORDS.female_title | WORDS.female_pronoun):
            self.gender.setdefault(holder.id, "f")
        elif words & (WORDS.male_title | WORDS.person_pronoun):
            self.gender.setdefault(holder.id, "m")

    def _place(self, entity: Span, name: Span) -> list[ActorRef]:
        """A place the gazetteer does not know as an actor: a city, region or venue. It acts
        only as the subject of a verb ("California sued ..."), as its government."""
        root = entity.root
        if root.dep_ not in labels.SUBJECT or root.head.pos_ != "VERB" or entity.label_ != "GPE":
            return []
        country = self.gazetteer.place_country(name.text)
        return [ActorRef(slug(name.text), name.text, "GOV", country, entity.text, sector="GOV",
                         known=country is not None)]

    def _title_of(self, head: Token, start: int) -> tuple[str | None, list[ActorRecord]]:
        """The title before a name and the countries in it: 'French President' → President, France."""
        words = [t for c in head.lefts if c.i < start and c.dep_ in labels.TITLE_MODIFIER
                 for t in c.subtree if t.i < start]
        countries = [r for r in map(self._country_word, words) if r]
        title = [t.text for t in words if t.pos_ in labels.NOMINAL and not self._country_word(t)
                 and t.tag_ != "POS" and t.text[:1].isupper()]
        return (" ".join(title) or None), countries

    def _unknown(self, name: Span, actor_type: str, mention: str, title: str | None = None,
                 country: str | None = None) -> ActorRef:
        """An actor the gazetteer does not know (a surname seen before is resolved earlier, in
        :meth:`_from_entity`); a middle initial is no part of the id ("Brian T. Carroll" is
        "Brian Carroll"), nor an editor's brackets ("Jerry [O'Connell]")."""
        text = name.text.replace("[", "").replace("]", "")
        words = [t.text for t in name if not _initial(t.text)] if actor_type == "PERSON" else [text]
        if actor_type == "GROUP":
            words = [_singular(text)]
        actor = ActorRef(slug(" ".join(words) or text), text,
                         "OTHER" if actor_type == "COUNTRY" else actor_type, country, mention, title)
        if actor_type == "PERSON" and len(name) > 1:
            self._learn_short_name(name, actor)
        return actor

    def _named_before(self, name: Span | Token) -> ActorRef | None:
        """The person a later part of a full name stands for ("Pierluisi"), or the one person
        of the document with that first name, written alone ("I asked John", "Mohammad's
        admission", but not "the show Morning Joe")."""
        key = normalise(name.text)
        if key in self.short_names:
            return self.short_names[key]
        first = self.first_names.get(key, {})
        return next(iter(first.values())) if len(first) == 1 and _alone(name) else None

    def _learn_short_name(self, name: Span, actor: ActorRef) -> None:
        """Let the surnames of a full name stand for it, later in the document: each word
        after the first and each ending ("Pedro R. Pierluisi Urrutia": "Pierluisi", "Urrutia",
        "Pierluisi Urrutia"; "Bill de Blasio": "de Blasio", "Blasio")."""
        words = [t.text for t in name if not _initial(t.text)]
        later = [*(w for w in words[1:] if w[:1].isupper()),
                 *(" ".join(words[i:]) for i in range(1, len(words)))]
        for short in later:
            self.short_names.setdefault(normalise(short), replace(actor, title=None))
        if len(words) > 1 and words[0][:1].isupper():
            self.first_names.setdefault(normalise(words[0]), {})[actor.id] = replace(actor, title=None)

    def _from_description(self, token: Token) -> list[ActorRef]:
        """Titles, government nouns and generic descriptions: "the German chancellor"."""
        lemma = _compound_lemma(token)
        named = self._named_after_title(token) or self._people_named(token)
        if named:
            return named
        countries = self._countries_of(token)
        if lemma in WORDS.offices and (self._office_of_other(token) or token.dep_ in labels.PREDICATE
                                       or _named_as_role(token)
                                       or any(c.dep_ == "amod" and c.lower_ in WORDS.past_modifier
                                              for c in token.children)):
            # the president of a federation, a former foreign secretary, "was appointed Prime
            # Minister" (the office, not its holder)
            return []
        if lemma in WORDS.offices and _one_definite(token, countries):
            record = self._office_holder(WORDS.offices[lemma], countries)
            if record:
                self._learn_office_gender(token, record)
                return [to_ref(record, _phrase(token))]
        titled = self.titled.get(token.lemma_.lower())
        if titled and not countries and token.tag_ not in labels.PLURAL_NOUN_TAGS \
                and len(determiners := {c.lower_ for c in token.children if c.dep_ == "det"}) == 1 \
                and determiners <= WORDS.definite_determiner:
            return [replace(titled, mention=_phrase(token))]  # "the commissioner", "this airline"
        if token.lemma_.lower() in WORDS.ally_noun and token.tag_ == "NNS" and countries:
            return [_allies_of(country, _phrase(token)) for country in countries]
        agent = agent_of(_noun_words(token))
        if token.lemma_.lower() in WORDS.capitalised_agent and token.text.islower():
            agent = None  # "a house", not "the House"
        if agent and (token.pos_ == "NOUN" or agent.institution or countries):
            # "officials", "the Senate", "the Turkish Ministry of Foreign Affairs"
            return self._agent(token, agent, _phrase(token))
        if not _owns(token) or token.lemma_.lower() in WORDS.document_word \
                or token.lemma_.lower() in Lexicon.bundled().reciprocal:
            return []  # "Rouhani's plan", "the AU summit" (a meeting of many) stand for no one
        owners = [o for o in self._owners_of(token, token.lemma_.lower() in WORDS.country_noun)
                  if o.type != "COUNTRY" or _country_owns(token)]
        mention = _phrase(token)
        if owners:
            return [self._ref(owner, mention) for owner in owners]
        record = self.gazetteer.by_generic(mention)
        if record and record.id in self.seen:
            return [to_ref(record, mention)]
        return []

    def _titled_name(self, token: Token) -> list[ActorRef]:
        """A person's name the model found no entity in, after a person's title: "Princess
        Ubolratana Mahidol" (whose title also tells her gender)."""
        words = [c for c in token.lefts if c.dep_ == "compound"]
        if token.pos_ != "PROPN" or not words or token.lower_ in WORDS.organisation_word | WORDS.site_word:
            return []  # "Queen Street" is a place
        start = words[0].i
        title = self.doc[start]
        name = self.doc[start + 1 : token.i + 1]
        if title.lower_.rstrip(".") not in PERSON_TITLES or not all(
                t.pos_ == "PROPN" and t.text.istitle() and t.lower_ not in PERSON_TITLES for t in name):
            return []
        record = self.gazetteer.by_name(name.text)
        phrase = self.doc[start : token.i + 1].text
        actor = to_ref(record, phrase) if record else self._unknown(name, "PERSON", phrase, title.text)
        self.gender.setdefault(actor.id, "f" if title.lower_ in WORDS.female_title else "m")
        return [actor]

    def _people_named(self, token: Token) -> list[ActorRef]:
        """A people the model tagged no entity ("Britons voted"): as :meth:`_people_of`."""
        if token.tag_ not in labels.PLURAL_NOUN_TAGS or not token.text.istitle():
            return []
        country = self._country_of_people(token.text, token.text)
        return [country] if country else []

    def _named_after_title(self, token: Token) -> list[ActorRef]:
        """The person a title before a name stands for, where the parser made the name the
        title's object: "President of Ukraine Volodymyr Zelenskyy said"."""
        if token.lemma_.lower() not in WORDS.person_role or token.pos_ != "PROPN":
            return []
        for name in _objects_of(token, {"of"}):
            entity = self.entity_of.get(name.i)
            if entity is not None and name.i == entity.root.i:
                people = [a for a in self._from_entity(entity) if a.type == "PERSON"]
                if people:
                    return [replace(a, mention=self.doc[token.i:entity.end].text) for a in people]
        return []

    def _agent(self, token: Token, agent, mention: str) -> list[ActorRef]:
        """A generic agent: "Turkish troops", "police in Santiago", "Iraq's parliament", or
        "protesters" in an article about Chile. An owner that is no country (a group, an
        organisation) is the actor itself: "U.N. officials"."""
        owners = self._owners_of(token, agents=True)
        if agent.sector.code == "GOV":  # "the Trump administration", "Johnson's government"
            owners = [self.gazetteer.by_country(o.country) or o if o.type == "PERSON" and o.country
                      else o for o in owners]
        countries = [o for o in owners if o.type == "COUNTRY"] or self._countries_of(token)
        if owners and not countries:
            return [self._ref(owner, mention) for owner in owners]
        if not countries and any(c.dep_ == "prep" and c.lower_ in WORDS.group_prep for c in token.children):
            return []  # "officials of the coalition": the group behind, found by extraction
        place = [] if countries else [c for c in _unknown_place_of(token, agent, self.place_names)
                                      if normalise(c.text) not in self.short_names]  # not "Blankenship"
        if place:
            return [self._named_body(place, token, agent)]
        if not countries and (_individual(token, agent) or _state_of_unknown_owner(token, agent)
                              or _officers_of_many(token)):
            return []
        body = self.bodies.get(agent.sector.code)
        if not countries and body is not None and not agent.institution \
                and not any(c.dep_ in labels.OWNER for c in token.children):
            return [replace(body, mention=mention)]  # "police" after "Northamptonshire police"
        if not countries:
            country = self._country_for(token, agent)
            countries = [country] if country else []
        actors = [self._sector_actor(agent, country, mention) for country in countries or [None]]
        return [actor for actor in actors if actor]

    def _body_of_place(self, name: Span) -> ActorRef | None:
        """A police force no dictionary knows, named by its place ("Thames Valley Police"):
        that body, which the document's later bare "police" stand for (see :meth:`_named_body`).
        Only police: "Health Ministry" and "Port Authority" are named by what they do."""
        agent = agent_of([name[-1].lemma_.lower()]) if len(name) > 1 else None
        place = name[:-1]
        if agent is None or agent.sector.code != POLICE or agent.institution \
                or not all(t.text.istitle() and not self._country_word(t) for t in place) \
                or self.gazetteer.place_country(place.text):
            return None  # "Toronto Police" are Canada's
        return self._named_body(list(place), name[-1], agent)

    def _named_body(self, place: list[Token], token: Token, agent: Agent) -> ActorRef:
        """The state body of a place no dictionary knows ("Northamptonshire police"): an actor
        of its own, of no country (the document's main country would be a guess), that the
        document's later bare mentions of that sector stand for ("police revealed")."""
        name = " ".join([*(t.text for t in place), token.text[:1].upper() + token.text[1:]])
        body = ActorRef(slug(name), name, agent.sector.type, None, _phrase(token),
                        sector=agent.sector.code)
        self.bodies[agent.sector.code] = body
        return body

    def _sector_actor(self, agent, country: ActorRecord | None, mention: str) -> ActorRef | None:
        """A country's sector or institution; an institution the gazetteer knows by the
        country's name ("United States Congress") is that record."""
        if country is not None and agent.institution:
            record = self.gazetteer.by_name(f"{country.name} {agent.institution}")
            if record:
                return to_ref(record, mention)
        return sector_actor(agent, country, mention)

    def _country_for(self, token: Token, agent: Agent) -> ActorRecord | None:
        """The country of a bare agent or institution: the one country its sentence names (by a
        country, or a place or known actor of it: "residents" of a sentence on Florida), unless
        the agent acts on it ("the government expressed appreciation for China's assistance"),
        else the document's main country. A named institution ("the House", "the Senate") is the
        main country's first: "the House inquiry into Trump's dealings with Ukraine"."""
        named = self._sentence_countries(token.sent)
        if agent.institution and self.main_country is not None:
            return self._country_with(agent.institution, named) or self.main_country
        if len(named) == 1 and named[0] not in self._countries_acted_on(token):
            return self.gazetteer.by_country(named[0])
        return self.main_country

    def _sentence_countries(self, sentence: Span) -> tuple[str, ...]:
        """The codes of the countries a sentence names (by a country, or a place or known actor
        of it), in their order, once per sentence."""
        named = self.sentence_countries.get(sentence.start)
        if named is None:
            codes = (self._country_code_of(e) for e in sentence.ents)
            named = self.sentence_countries[sentence.start] = tuple(dict.fromkeys(c for c in codes if c))
        return named

    def _countries_acted_on(self, subject: Token) -> set[str]:
        """The countries named as such (not by their people, places or persons: "arrested a
        Cheltenham man") in the objects and partners of the verb a subject governs."""
        if subject.dep_ not in labels.SUBJECT:
            return set()
        aimed = [c for c in subject.head.children if c.dep_ in labels.OBJECT or (
            c.dep_ == "prep" and c.lower_ in AIMED_PREPS)]  # not "in Chile"
        records = {self.gazetteer.get(self.entity_of[t.i].ent_id_) for c in aimed for t in c.subtree
                   if t.i in self.entity_of and self.entity_of[t.i].ent_id_}
        return {r.country for r in records if r is not None and r.type == "COUNTRY"}

    def _country_with(self, institution: str, named: tuple[str, ...]) -> ActorRecord | None:
        """The country of a known actor or place of the sentence (``named``) that has an
        institution of that name, when the document's main country has none the gazetteer
        knows: "the House issued a deposition request for Volker" in an article on Trump's
        dealings with Ukraine is the United States' House (but Puerto Rico's House is Puerto
        Rico's)."""
        if self.gazetteer.by_name(f"{self.main_country.name} {institution}"):
            return self.main_country
        countries = [self.gazetteer.by_country(code) for code in named]
        return next((c for c in countries if c is not None and c.id != self.main_country.id
                     and self.gazetteer.by_name(f"{c.name} {institution}")), None)

    def _countries_in(self, name: Span) -> list[ActorRecord]:
        return [record for record in map(self._country_word, name) if record]

    def _countries_of(self, token: Token) -> list[ActorRecord]:
        """Countries named by a head's modifiers: "French", "US", "Ukraine's", "of France"."""
        countries = []
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                child = next((o for o in child.children if o.dep_ == "pobj"), None)
                if child is None:
                    continue
            elif child.dep_ not in labels.OWNER:
                continue
            for part in [child, *child.conjuncts]:
                record = self._country_word(part)
                if record and record not in countries:
                    countries.append(record)
        return countries

    def _owners_of(self, token: Token, agents: bool) -> list[ActorRecord]:
        """Whose a noun is: 'Hungarian officials', 'U.N. helicopters', 'Yoruba leaders',
        'Israeli bulldozers'; for nouns of agents and people (``agents``) also 'students
        throughout Indonesia', 'police in Jericho'."""
        owners = []
        modifiers = [c for c in token.children if c.dep_ in labels.OWNER]
        places = [o for p in token.children if p.dep_ == "prep" and p.lower_ in WORDS.owner_prep
                  for o in p.children if o.dep_ == "pobj"] if agents else []
        for group in (modifiers, places):  # "Turkish troops in Syria" are Turkey's
            for child in group:
                for part in [child, *child.conjuncts]:
                    record = self._owner_word(part, owned=token)
                    if record and record not in owners:
                        owners.append(record)
            if owners:
                break
        return owners

    def _owner_word(self, token: Token, owned: Token | None = None) -> ActorRecord | None:
        """The actor a single word stands for: a known name or demonym, or, as the owner of
        people (the ``owned`` noun), a name no dictionary knows ("Yoruba leaders")."""
        entity = self.entity_of.get(token.i)
        if entity is not None and entity.ent_id_:
            return self.gazetteer.get(entity.ent_id_)
        if token.text.islower() or _after_stance_prefix(token):
            # "the commonwealth" is no name of the Commonwealth of Nations, nor is the
            # "pro-Beijing camp" China's
            return None
        inside_place = entity is not None and len(entity) > 1 and entity.label_ in labels.PLACE
        # "Mexico" in "New Mexico" is no name of its own
        record = None if inside_place else (self.gazetteer.by_demonym(token.text)
                                            or self.gazetteer.by_name(token.text))
        if record:
            return record
        if entity is not None and entity.label_ in labels.PLACE:
            # "police in Jericho" are Israel's, "his New Jersey home" is no country's
            country = self.gazetteer.place_country(_strip_article(entity).text)
            people = owned is not None and _names_people(owned)
            return self.gazetteer.by_country(country) if country and people else None
        if owned is not None and entity is not None and entity.label_ in labels.OWNER_ENTITY_TYPES \
                and token.i == entity.root.i and normalise(entity.text) not in WORDS.region_word \
                and _names_people(owned):
            name = _strip_article(entity).text
            if KINDS.get(normalise(name)) in NOT_ACTOR_KINDS or not _readable(name) \
                    or self._agent_in(entity):
                return None  # a thing, a stray script, or an institution of some country
            return ActorRecord(slug(_singular(name)), name, labels.OWNER_ENTITY_TYPES[entity.label_])
        return None

    def _office_of_other(self, token: Token) -> bool:
        """Whether an office belongs to something that is no state: "the chess federation's
        president", "the President of the Iranian Chess Federation" (not the head of state)."""
        owners = [c for c in token.children if c.dep_ == "poss"
                  or (c.dep_ == "compound" and c.ent_type_ == "ORG")]  # "Chess Federation President"
        owners += _objects_of(token, {"of"})
        return any(_definite(o) and o.lemma_.lower() not in WORDS.state_noun if o.pos_ == "NOUN"
                   else o.pos_ == "PROPN" and self._country_word(o) is None for o in owners)

    def _country_word(self, token: Token) -> ActorRecord | None:
        """The country a single word stands for ("French", "US", "Ukraine's")."""
        record = self._owner_word(token)
        return record if record and record.type == "COUNTRY" else None

    def _office_holder(self, office: str, countries: list[ActorRecord]) -> ActorRecord | None:
        if countries:
            holder = self.gazetteer.office_holder(office, countries[0].country, self.date)
            if holder is None and office == "president":
                holder = self.gazetteer.office_holder("leader", countries[0].country, self.date)
            return holder
        for mention in reversed(self.history):
            record = self.gazetteer.get(mention.actor.id)
            if record and any(r.fills(office) and r.held_on(self.date) for r in record.roles):
                return record
        if self.main_country and self.date:
            return self.gazetteer.office_holder(office, self.main_country.country, self.date)
        return None

    def _from_pronoun(self, token: Token) -> list[ActorRef]:
        word = token.lower_
        if word in WORDS.first_person_pronoun | WORDS.first_person_plural:
            speaker = self.speakers.get(token.i)
            actors = [] if speaker is None else self.resolve(self.doc[speaker])
            if word in WORDS.first_person_plural:
                actors = [a for a in map(self._speakers_side, actors) if a]
            return [_as_pronoun(a, token) for a in actors]
        if token.dep_ == "poss" and token.head.lower_ in WORDS.address_title:
            return []  # "Her Majesty": part of a title, no one's possessive
        if word in WORDS.relative_pronoun and token.head.dep_ == "relcl":
            antecedent = token.head.head
            found = self._latest(lambda m: m.token == antecedent.i, token)
        elif word in WORDS.person_pronoun:
            gender = "f" if word in WORDS.female_pronoun else "m"
            speaker = self._speaker_ids(token)  # "she" in a quotation is not the one quoted
            found = self._latest(lambda m: m.actor.type == "PERSON" and m.actor.id not in speaker
                                 and self.gender.get(m.actor.id, gender) == gender, token)
            if found:  # the first pronoun of a person tells the later ones
                self.gender.setdefault(found.actor.id, gender)
        elif word in WORDS.nonperson_pronoun and (token.dep_ in labels.ANY_SUBJECT or token.dep_ == "poss"):
            # "it said", "its army"; an object "it" is nearly always a thing ("ordered it")
            found = self._latest(lambda m: m.actor.type in INSTITUTIONS and self._near(m, token)
                                 and self.doc[m.token].tag_ not in labels.PLURAL_NOUN_TAGS, token)
        elif word in WORDS.plural_pronoun:
            found = self._latest(lambda m: (m.actor.type in INSTITUTIONS | {"GROUP"} or m.coordinated)
                                 and self._near(m, token), token)
            if found and self._plural_subject_between(found, token):
                return []  # "the war veterans seized farms ... they": no actor we know
            if found and found.coordinated:
                return self._coordination(found, token)
        else:
            found = None
        return [_as_pronoun(found.actor, token)] if found else []

    def _speaker_ids(self, token: Token) -> set[str]:
        """The actors who speak the quotation a token is in, if any."""
        speaker = self.speakers.get(token.i)
        return set() if speaker is None else {a.id for a in self.resolve(self.doc[speaker])}

    def _plural_subject_between(self, mention: Mention, pronoun: Token) -> bool:
        """Whether a plural subject that names no actor stands between an antecedent and
        "they": the likelier antecedent, which no dictionary knows."""
        return any(t.dep_ in labels.SUBJECT | {"attr"} and t.tag_ in labels.PLURAL_NOUN_TAGS
                   and t.pos_ == "NOUN" and t.i not in self.by_token
                   for t in self.doc[mention.token + 1:pronoun.i])

    def _coordination(self, mention: Mention, pronoun: Token) -> list[ActorRef]:
        """'Obama and Putin said they ...': every member of the coordination."""
        first = self.doc[mention.token]
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        members = {first.i, *(t.i for t in first.conjuncts)}
        return [_as_pronoun(m.actor, pronoun) for t in sorted(members) for m in self.by_token.get(t, ())]

    def _near(self, mention: Mention, pronoun: Token) -> bool:
        """Whether an organisation or group can be the antecedent of "it" or "they": one the
        gazetteer knows two sentences back at most; a generic group ("criminals"), a company,
        or a name only the model found ("ACC"), only in the pronoun's sentence or the one
        before; a news outlet never."""
        if mention.actor.sector == MEDIA:
            return False  # "PBS revealed that he ordered it": where the text comes from
        distance = self.sentence_number[pronoun.sent.start] - self.sentence_number[mention.sentence_start]
        if self.gazetteer.get(mention.actor.id) is not None:
            return distance <= NAMED_SALIENCE_SENTENCES
        return distance <= UNKNOWN_SALIENCE_SENTENCES

    def _speakers_side(self, speaker: ActorRef) -> ActorRef | None:
        """Whom "we" stands for in a quotation: an institution that speaks, or the
        government of a person who holds an office on the document's date."""
        if speaker.type != "PERSON":
            return speaker
        record = self.gazetteer.get(speaker.id)
        country = self.gazetteer.by_country(speaker.country) if speaker.country else None
        if record is None or country is None or not any(r.held_on(self.date) and r.country
                                                         for r in record.roles):
            return None
        return sector_actor(AGENTS["government"], country, speaker.mention)

    def _latest(self, agrees, token: Token) -> Mention | None:
        """The most salient earlier mention that agrees, in the nearest sentence that has one
        (at most :data:`SALIENCE_SENTENCES` back): there, a subject of the pronoun's own
        sentence wins, then the first subject, then the last mention."""
        found: list[Mention] = []
        sentences: set[int] = set()
        for mention in reversed(self.history):
            if found and mention.sentence_start != found[-1].sentence_start:
                break
            sentences.add(mention.sentence_start)
            if len(sentences) > SALIENCE_SENTENCES:
                break
            if mention.token < token.i and agrees(mention) and not _bound(mention, token) \
                    and not _object_of_own_adjunct(self.doc[mention.token], token):
                found.append(mention)
        if not found:
            return None
        found.reverse()
        subjects = [m for m in found if m.subject]
        if found[0].sentence_start == token.sent.start and subjects:
            return subjects[-1]
        return subjects[0] if subjects else found[-1]

    def _remember(self, token: Token, actor: ActorRef) -> None:
        head = token
        while head.dep_ in labels.COORDINATION and head.head.i != head.i:
            head = head.head
        mention = Mention(token.i, token.sent.start, _clause(token), head.dep_ in labels.ANY_SUBJECT,
                          bool(token.conjuncts), actor)
        self.history.append(mention)
        self.by_token.setdefault(token.i, []).append(mention)
        self.seen.add(actor.id)


def resolve_mentions(doc: Doc, gazetteer: Gazetteer, date: str | None, url: str | None = None,
                     headline: Doc | None = None) -> dict[int, list[ActorRef]]:
    """Resolve the actor mentions of a parsed document; keys are head token indexes. ``url``
    names the publisher; ``headline`` (the title, tagged by the actor ruler) names persons
    whose surnames the text may use alone."""
    return MentionResolver(doc, gazetteer, date, url, headline).resolve_all()


def _owner_of_office(token: Token) -> bool:
    """Whether a name owns an office someone else holds, and so is no antecedent: "during his
    time as President Obama's vice president, he called for …" (he is the vice president)."""
    return token.dep_ == "poss" and _compound_lemma(token.head) in WORDS.offices


def _allies_of(country: ActorRecord, mention: str) -> ActorRef:
    """"Ukraine's allies": a group of its own, not the country itself."""
    return ActorRef(f"allies-of-{slug(country.name)}", f"Allies of {country.name}", "GROUP", None, mention)


def to_ref(record: ActorRecord, mention: str, title: str | None = None) -> ActorRef:
    return ActorRef(record.id, record.name, record.type, record.country, mention, title,
                    record.sector, known=True)


def _owns(head: Token) -> bool:
    """Whether a modifier's country or people can own its head: "Israeli raids", "Turkish
    troops", but not "the Jakarta Post", "the United States presidential election", nor a
    private person ("a US singer")."""
    lemma = head.lemma_.lower()
    return head.pos_ != "PROPN" and lemma not in WORDS.thing_noun and lemma not in WORDS.individual_noun


def _country_owns(head: Token) -> bool:
    """Whether a country that owns a noun is an actor through it: its acts (the lexicon's event
    nouns: "Israeli raids"), its plans and decisions ("rejected a Senegalese peace plan" is
    aimed at Senegal), its agents, people and bodies ("Turkish troops", "the Hungarian
    state"), its means ("a U.S. vessel"), its property ("struck Iranian targets", "tariffs on
    Chinese goods"); not its things ("US dollars", "American bison") nor its places ("flies
    to Cuban cities")."""
    lemma = head.lemma_.lower()
    return (lemma in Lexicon.bundled().event_nouns or lemma in WORDS.document_word
            or lemma in WORDS.country_noun or lemma in WORDS.means_noun
            or head.lower_ in WORDS.property_noun or lemma in WORDS.property_noun  # "goods", not "good"
            or _names_people(head))


def _objects_of(head: Token, preps: set[str]) -> list[Token]:
    return [o for p in head.children if p.dep_ == "prep" and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj"]


def _named_as_role(office: Token) -> bool:
    """Whether an office is named as the role someone runs for or serves as ("nominated X for
    Vice President", "sworn in as governor"), not as its holder."""
    return office.dep_ == "pobj" and office.head.lower_ in {"for", "as"}


def _alone(name: Span | Token) -> bool:
    """Whether a name has no capitalised word right before or after it ("Morning Joe"), but a
    person's title ("Princess Ubolratana")."""
    doc = name.doc
    start, end = (name.i, name.i + 1) if isinstance(name, Token) else (name.start, name.end)
    before = doc[start - 1] if start > 0 and not doc[start].is_sent_start else None
    after = doc[end] if end < len(doc) else None
    return not any(t is not None and t.text[:1].isupper() and t.is_alpha
                   and t.lower_.rstrip(".") not in PERSON_TITLES for t in (before, after))


def _after_stance_prefix(token: Token) -> bool:
    """Whether a word follows "pro-" or "anti-" (as :func:`kg.nlp.after_stance_prefix`)."""
    return token.i >= 2 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ in WORDS.stance_prefix


def _definite(noun: Token) -> bool:
    """A noun phrase of one thing ("the federation", "its club"), not "of ingratitude"."""
    return noun.dep_ == "poss" or any(c.dep_ in ("det", "poss") for c in noun.children)


def _given_names(surname: Token, titles: frozenset[str]) -> list[Token]:
    """The names written before a surname, but titles ("Princess Ubolratana" is Ubolratana)."""
    return [c for c in surname.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"
            and c.lower_.rstrip(".") not in titles]


def _another_given_name(entity: Span, record: ActorRecord) -> bool:
    """Whether a known person's surname alone follows given names none of the person's names
    has ("Andrew Johnson" is no Boris Johnson; "Sayyid Ali Hosseini Khamenei" is Ali Khamenei)."""
    if len(entity) != 1:
        return False
    given = {c.lower_ for c in _given_names(entity.root, TITLE_WORDS) if c.text.istitle()}
    names = {w.lower() for name in (record.name, *record.aliases) for w in name.split()}
    return bool(given) and given.isdisjoint(names)


def _other_given_name(surname: Token, earlier: ActorRef) -> bool:
    """Whether a surname comes with a given name the person named before does not have:
    "Abdullah Kurdi" after "Alan Kurdi" is his father."""
    given = {c.text for c in _given_names(surname, PERSON_TITLES)}
    return bool(given) and not given <= set(earlier.name.split())


def _individual(token: Token, agent: Agent) -> bool:
    """Whether the agent is one private person ("the gunman", "a protester"): a country's
    armed groups or civilians only by its own words ("a Turkish gunman"), never by the
    document's country; state agents ("the minister") and organisations ("a newspaper")
    are their country's."""
    return token.tag_ in labels.SINGULAR_NOUN_TAGS and (
        agent.sector.type == "GROUP" or token.lemma_.lower() in WORDS.individual_noun)


def _state_of_unknown_owner(token: Token, agent: Agent) -> bool:
    """Whether a state agent belongs to a name no dictionary knows ("the Blankenship
    administration"): its country is unknown, and the document's main country would be a guess."""
    return agent.sector.state and any(c.pos_ == "PROPN" for c in token.children if c.dep_ in labels.OWNER)


def _unknown_place_of(token: Token, agent: Agent, names: set[str]) -> list[Token]:
    """The name of a place no dictionary knows before a state agent ("Northamptonshire
    police"), if any: a place name, or a word the document names as a place elsewhere (at a
    sentence's start the parser may take "Northamptonshire" for a common noun)."""
    if not agent.sector.state:
        return []
    return [c for c in token.lefts if c.dep_ in labels.OWNER and c.text.istitle()
            and (c.ent_type_ in labels.PLACE or c.text in names)]


def _officers_of_many(token: Token) -> bool:
    """Whether the agent is holders of one office in several states ("the foreign ministers
    met in Cairo"): no one country's government."""
    return token.tag_ in labels.PLURAL_NOUN_TAGS and _compound_lemma(token) in WORDS.offices


def _person_titled(root: Token) -> bool:
    """Whether a name has a person's title or role before it or in apposition: "candidate
    Brock Pierce", "Mr Carroll", "Ricardo Rosselló Nevares, Puerto Rico's governor"."""
    words = {c.lemma_.lower().rstrip(".") for c in root.children
             if (c.dep_ in labels.TITLE_MODIFIER and c.i < root.i)
             or (c.dep_ == "appos" and c.pos_ == "NOUN")}
    return bool(words & (WORDS.person_role | WORDS.people_noun | WORDS.honorific | WORDS.male_title
                         | WORDS.female_title | WORDS.offices.keys()))


def _names_people(head: Token) -> bool:
    """Whether a noun names people or an agent: "leaders", "officials", "friends"."""
    lemma = head.lemma_.lower()
    return lemma in WORDS.group_head or lemma in WORDS.people_noun or agent_of(_noun_words(head)) is not None


def _readable(name: str) -> bool:
    """Whether a name the model found is in the Latin script it reads, every letter of it (not
    a fragment of another script, which an English model tags at random: "ओह ये corona")."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


def _singular(name: str) -> str:
    """A people's name in the singular, so that "ex-Muslims" and "ex-Muslim" are one group."""
    return name[:-1] if len(name) > 3 and name.endswith("s") and not name.endswith("ss") else name


def _initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _speaker_tag_tokens(doc: Doc) -> set[int]:
    """Tokens of speaker tags at the start of a line: "((WN))", "(Q):"."""
    tagged = set()
    for sent in doc.sents:
        match = SPEAKER_TAG.match(sent.text)
        if match:
            end = sent.start_char + match.end()
            tagged.update(t.i for t in sent if t.idx < end)
    return tagged


def _noun_words(token: Token) -> list[str]:
    """A noun's compounds (and theirs), its own adjectives and the head's lemma, lower case:
    "law enforcement agency", "military force"."""
    words = [t.lower_ for t in token.doc[token.left_edge.i : token.i]
             if t.ent_type_ not in labels.NAMED and (t.dep_ == "compound" or (
                 t.dep_ == "amod" and t.head.i == token.i and t.text.islower()))]
    return [*words, token.lemma_.lower()]


def _one_definite(token: Token, countries: list[ActorRecord]) -> bool:
    """'the French leader', "Ukraine's president", 'President': one known person, not
    'a US president' or 'European leaders'."""
    if token.tag_ in labels.PLURAL_NOUN_TAGS:
        return False
    determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
    has_owner = any(c.dep_ == "poss" for c in token.children)
    return determiners <= WORDS.definite_determiner and (bool(determiners) or has_owner
                                                         or bool(countries) or token.pos_ == "PROPN")


def _clause(token: Token) -> int:
    """The index of the verb whose clause holds the token."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in labels.VERBAL:
            return ancestor.i
    return -1


def _bound(mention: Mention, pronoun: Token) -> bool:
    """An object pronoun ('him') cannot stand for the subject of its own clause."""
    return (pronoun.dep_ in labels.ANY_OBJECT and mention.subject
            and mention.clause == _clause(pronoun) and not pronoun.lower_.endswith("self"))


def _object_of_own_adjunct(candidate: Token, pronoun: Token) -> bool:
    """Whether a candidate is inside the present participle opening the pronoun's sentence,
    whose understood subject is the pronoun, the first subject after it: "Speaking to Martin
    Smith of PBS, he said" (he is not Martin Smith; but "Called the Ineos Challenge, it" is)."""
    if pronoun.dep_ not in labels.SUBJECT:
        return False
    for ancestor in candidate.ancestors:
        if ancestor.dep_ == "advcl" and ancestor.tag_ == "VBG" \
                and ancestor.left_edge.i == pronoun.sent.start \
                and not any(c.dep_ in labels.ANY_SUBJECT for c in ancestor.children):
            between = pronoun.doc[ancestor.right_edge.i + 1 : pronoun.i]
            return not any(t.dep_ in labels.ANY_SUBJECT for t in between)
    return False


def _as_pronoun(actor: ActorRef, token: Token) -> ActorRef:
    return replace(actor, mention=token.text, title=None)


def _strip_article(entity: Span) -> Span:
    """The name in an entity: without a leading 'the' or honorific ("Mrs") or trailing
    possessives and prepositions."""
    start = entity.start
    while start < entity.end - 1 and (entity.doc[start].lower_ == "the"
                                      or entity.doc[start].pos_ in labels.NAME_LEADERS
                                      or entity.doc[start].lower_.rstrip(".") in WORDS.honorific):
        start += 1
    end = next((t.i for t in entity if t.text == "(" and t.i > start), entity.end)  # "Name (ACRONYM"
    while end - start > 1 and entity.doc[end - 1].pos_ in labels.NAME_TRAILERS:
        end -= 1
    return entity.doc[start:end]


def _compound_lemma(token: Token) -> str:
    """'foreign minister', 'prime minister', 'secretary of state': a head with its compounds."""
    words = [c.lower_ for c in token.lefts if c.dep_ == "compound" and c.ent_type_ not in labels.NAMED]
    words += [c.lower_ for c in token.lefts if c.dep_ == "amod" and c.lower_ in WORDS.office_modifier]
    lemma = " ".join([*words, token.lemma_.lower()])
    of_state = [c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"
                and any(g.lower_ == "state" for g in c.children)]
    return f"{lemma} of state" if of_state else lemma


def _phrase(token: Token) -> str:
    """The head with its left modifiers: 'the French leader'."""
    start = min([token.i, *(c.left_edge.i for c in token.lefts)])
    return token.doc[start : token.i + 1].text
