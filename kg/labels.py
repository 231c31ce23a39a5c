"""The parser's labels the rules match on: dependency relations and entity types, in one place.

These name spaCy's English schemes (ClearNLP dependencies, OntoNotes entities), not words;
word classes are data (:mod:`kg.words`).
"""

# part-of-speech tags
VERBAL = frozenset({"VERB", "AUX"})
NOMINAL = frozenset({"NOUN", "PROPN"})
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})
#: Words that may close an entity without being part of the name: "Macron 's", "NATO ,".
NAME_TRAILERS = frozenset({"ADP", "PART", "PUNCT", "SPACE"})
#: Parts of speech the model's names may start with that are no part of them ("Regarding Ashodaya")
NAME_LEADERS = frozenset({"ADP", "SCONJ", "VERB", "PUNCT"})
#: The last words of an entity the model cut inside a phrase: "Citizens of the", "Leaders of".
CUT_NAME_END = frozenset({"DET", "ADP", "CCONJ"})

# dependency relations
SUBJECT = frozenset({"nsubj"})
PASSIVE_SUBJECT = frozenset({"nsubjpass"})
ANY_SUBJECT = SUBJECT | PASSIVE_SUBJECT
#: "oprd": the parser's label for the object of "appointed X as Y" at times
OBJECT = frozenset({"dobj", "dative", "oprd"})
#: Predicate nominals: "became prime minister", "was appointed Prime Minister".
PREDICATE = frozenset({"attr", "oprd"})
ANY_OBJECT = OBJECT | {"pobj"}
AUXILIARY = frozenset({"aux", "auxpass"})
#: How a word can modify a noun, so that a verb tagged so is no event ("the proposed deal").
ADNOMINAL = frozenset({"amod", "compound"})
#: The words before a name that make its title: "French President Emmanuel Macron".
TITLE_MODIFIER = frozenset({"compound", "amod", "poss"})
COORDINATION = frozenset({"conj", "appos"})
#: Clauses that say what a verb or noun demands or threatens.
COMPLEMENT_CLAUSE = frozenset({"ccomp", "acl", "advcl"})
#: Clauses a condition ("if …") or a speech verb reaches down through.
CONDITIONED_CLAUSE = frozenset({"xcomp", "conj", "ccomp"})
REPORTED_CLAUSE = frozenset({"ccomp", "conj"})
#: Modifiers of a noun that can name its owner: "Hungarian officials", "U.N. helicopters".
MODIFIER = frozenset({"amod", "compound", "nmod"})
OWNER = MODIFIER | {"poss"}
#: Clauses that take their subject from the verb they hang on.
INHERITING = frozenset({"xcomp", "conj", "advcl"})
#: Steps of the search for actors inside a verb's object phrases.
NESTED = frozenset({"poss", "amod", "compound", "nmod", "prep", "pobj", "conj", "appos"})

#: Entity labels of an actor the gazetteer does not know, and its type.
ACTOR_ENTITY_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "COUNTRY", "NORP": "GROUP"}
#: Entity labels of a one-word owner the gazetteer does not know, and its type.
OWNER_ENTITY_TYPES = {"NORP": "GROUP", "GPE": "OTHER", "ORG": "ORG"}
#: Entity labels of names (a compound that is one is no part of an office's title).
NAMED = frozenset({"GPE", "NORP", "PERSON", "ORG", "LOC", "FAC"})
PLACE = frozenset({"GPE", "LOC", "FAC"})
#: Places that are never whom an act is aimed at ("at the White House").
SITE = frozenset({"FAC", "LOC"})
#: Places that stand for their country as the target of a curfew or a strike in them.
REGION = frozenset({"GPE", "LOC"})
#: Labels of a prepositional object that says when or where, not what.
TIME = frozenset({"DATE", "TIME"})
TIME_OR_PLACE = PLACE | TIME
