"""Run the stages over a stream of documents: parse, resolve actors, extract, classify."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from .actors import resolve_mentions
from .classify import Lexicon, classify
from .documents import Document
from .events import Event
from .extract import Context, extract_events
from .gazetteer import Gazetteer

BATCH_SIZE = 32


class Extractor:
    """A loaded pipeline, gazetteer and lexicon: turns documents into events."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer, lexicon: Lexicon | None = None):
        self.nlp = nlp
        self.gazetteer = gazetteer
        self.lexicon = lexicon or Lexicon.load()

    def events(self, documents: Iterable[Document], batch_size: int = BATCH_SIZE) -> Iterator[Event]:
        """The events of every document, document by document, streaming."""
        pairs = ((document.text, document) for document in documents)
        for doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield from self.document_events(doc, document)

    def document_events(self, doc, document: Document) -> list[Event]:
        """The events of one parsed document."""
        mentions = resolve_mentions(doc, self.gazetteer, document.date)
        context = Context(document.id, document.date, document.title, mentions)
        events = (classify(e, self.lexicon) for e in extract_events(doc, context))
        return [e for e in events if keep(e)]


def keep(event: Event) -> bool:
    """An event without a target is kept only when its action is a known kind of event."""
    return event.target is not None or event.action.cameo is not None
