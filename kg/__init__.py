"""kg: diplomatic knowledge graphs from news — who did what to whom.

The public API::

    import kg
    events = kg.extract(["Macron held talks with Zelenskyy in Paris."], date="2025-12-29")
    graph = kg.build_graph(events)
    html = kg.render_html(graph)
"""

from __future__ import annotations

from collections.abc import Iterable

from .classify import Lexicon
from .documents import Document, read_documents
from .errors import KgError
from .events import Action, ActorRef, Event
from .export import FORMATS, export_graph, import_graph, load_graph, read_events, write_events, write_graph
from .gazetteer import Gazetteer
from .graph import add_events, build_graph, collapse, filter_graph
from .nlp import DEFAULT_MODEL, load_pipeline
from .pipeline import Extractor
from .render import render_html, write_html
from .run import RunOptions, run_events
from .store import Store

__all__ = [
    "Action", "ActorRef", "DEFAULT_MODEL", "Document", "Event", "Extractor", "FORMATS", "Gazetteer",
    "KgError", "Lexicon", "add_events", "build_graph", "collapse", "export_graph", "extract",
    "filter_graph", "import_graph", "load_graph", "load_pipeline", "read_documents", "read_events",
    "RunOptions", "Store", "render_html", "run_events", "write_events", "write_graph", "write_html",
]


def extract(
    texts: Iterable[str | Document],
    *,
    date: str | None = None,
    model: str = DEFAULT_MODEL,
    actors: Iterable[str] = (),
    extractor: Extractor | None = None,
) -> list[Event]:
    """The events of some texts (strings or :class:`Document`).

    Strings become documents ``text-0``, ``text-1``… dated ``date``. Pass an ``extractor``
    to reuse a loaded pipeline across calls (loading one takes a second or two).
    """
    if extractor is None:
        gazetteer = Gazetteer.load(actors)
        extractor = Extractor(load_pipeline(model, gazetteer), gazetteer)
    documents = [t if isinstance(t, Document) else Document(id=f"text-{i}", text=t, date=date)
                 for i, t in enumerate(texts)]
    return list(extractor.events(documents))
