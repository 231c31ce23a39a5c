"""The parser's labels the rules match on: dependency relations and entity types, in one place.

These name spaCy's English schemes (ClearNLP dependencies, OntoNotes entities), not words;
word classes are data (:mod:`kg.words`).
"""

SUBJECT = frozenset({"nsubj"})
PASSIVE_SUBJECT = frozenset({"nsubjpass"})
ANY_SUBJECT = SUBJECT | PASSIVE_SUBJECT
OBJECT = frozenset({"dobj", "dative"})
ANY_OBJECT = OBJECT | {"pobj"}
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
#: Labels of a prepositional object that says when or where, not what.
TIME_OR_PLACE = PLACE | {"DATE", "TIME"}
