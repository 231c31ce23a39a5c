"""Quotations and their speakers: who "I" is inside quotation marks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from . import labels
from .words import WORDS

#: Verbs whose subject speaks the quotation beside them.
QUOTING_VERBS = WORDS.speech_verb | WORDS.media_verb | WORDS.quoting_verb
#: Quotation marks that open and close a quotation, and where to look for them.
OPENING_QUOTES = {'"', "\u201c"}
CLOSING_QUOTES = {'"', "\u201d"}
QUOTE_OR_LINE = re.compile('["\u201c\u201d\n]')


def quote_speakers(doc: Doc, quotations: list[tuple[int, int]]) -> dict[int, int]:
    """The speaker of every token inside a quotation: the subject of a verb of saying outside
    the quotes, in the sentence where the quotation opens, where it closes, or the one before
    ("Trump said, "I thank him"", ""I thank him," Trump said", "Pompeo told the press. "Bolton
    and I disagreed"")."""
    speakers: dict[int, int] = {}
    for start, end in quotations:
        opening = doc[start].sent
        sentences = [opening, doc[end - 1].sent]
        if opening.start > 0:
            sentences.append(doc[opening.start - 1].sent)
        subject = next((c.i for sent in sentences for verb in sent
                        if verb.lemma_.lower() in QUOTING_VERBS and not start <= verb.i < end
                        for c in verb.children
                        if c.dep_ in labels.SUBJECT and not start <= c.i < end
                        and c.lower_ not in WORDS.first_person_pronoun), None)
        if subject is not None:
            speakers.update((i, subject) for i in range(start, end))
    return speakers


def quotations_of(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token ranges between quotation marks ("…" or “…”); a new line ends any quotation."""
    start = None
    for match in QUOTE_OR_LINE.finditer(doc.text):
        mark = match.group()
        token = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if mark == "\n" or token is None:
            start = None
        elif mark in OPENING_QUOTES and (start is None or mark != '"'):
            start = token.end
        elif mark in CLOSING_QUOTES and start is not None:
            yield start, token.start
            start = None
