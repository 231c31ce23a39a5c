"""Run the stages over a stream of documents: parse, resolve actors, extract, classify."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from .actors import resolve_mentions
from .classify import Lexicon, classify
from .documents import Document
from .events import Event
from .extraction import Context, extract_events
from .gazetteer import Gazetteer
from .nlp import RULER_NAME

BATCH_SIZE = 32
# A batch also stops at this many characters (~8,000 words): spaCy's memory grows with the
# words of a batch, so 32 long articles at once would need gigabytes. Same events, same speed.
BATCH_CHARS = 50_000


class Extractor:
    """A loaded pipeline, gazetteer and lexicon: turns documents into events.

    Made by :meth:`kg.recipe.ExtractorSpec.load`, which builds the pipeline's actor ruler and
    the gazetteer from the same records.
    """

    def __init__(self, nlp: Language, gazetteer: Gazetteer, lexicon: Lexicon | None = None):
        self.nlp = nlp
        self.gazetteer = gazetteer
        self.lexicon = lexicon or Lexicon.bundled()

    def events(self, documents: Iterable[Document], batch_size: int = BATCH_SIZE) -> Iterator[Event]:
        """The events of every document, document by document, streaming."""
        for _, events in self.results(documents, batch_size):
            yield from events

    def results(
        self, documents: Iterable[Document], batch_size: int = BATCH_SIZE
    ) -> Iterator[tuple[Document, list[Event]]]:
        """Each document with its events, in input order, streaming (``nlp.pipe`` batches)."""
        for batch in batches(documents, batch_size, BATCH_CHARS):
            docs = self.nlp.pipe((document.text for document in batch), batch_size=len(batch))
            for doc, document in zip(docs, batch, strict=True):
                yield document, self.document_events(doc, document)

    def document_events(self, doc: Doc, document: Document) -> list[Event]:
        """The events of one parsed document."""
        mentions = resolve_mentions(doc, self.gazetteer, document.date, document.url,
                                    self.headline(document.title))
        context = Context.of(doc, document.id, document.date, document.title, mentions, self.lexicon)
        events = [classify(e, self.lexicon) for e in extract_events(doc, context)]
        if document.url or document.author:
            return [replace(e, url=document.url, author=document.author) for e in events]
        return events

    def headline(self, title: str | None) -> Doc | None:
        """A document's title with its known actors tagged (by the actor ruler alone, no parse)."""
        if not title or RULER_NAME not in self.nlp.pipe_names:
            return None
        return self.nlp.get_pipe(RULER_NAME)(self.nlp.make_doc(title))


def batches(documents: Iterable[Document], size: int, chars: int) -> Iterator[list[Document]]:
    """Consecutive batches of at most ``size`` documents and, past the first, ``chars`` characters."""
    batch: list[Document] = []
    total = 0
    for document in documents:
        if batch and (len(batch) == size or total + len(document.text) > chars):
            yield batch
            batch, total = [], 0
        batch.append(document)
        total += len(document.text)
    if batch:
        yield batch

