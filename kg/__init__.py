"""kg: diplomatic knowledge graphs from news — who did what to whom.

The public API::

    import kg
    events = kg.extract(["Macron held talks with Zelenskyy in Paris."], date="2025-12-29")
    graph = kg.build_graph(events)
    html = kg.render_html(graph)

Names are imported from their modules on first use, so ``import kg`` (and the ``kg``
command) does not pay for spaCy until something is extracted.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .documents import Document
    from .events import Event
    from .pipeline import Extractor

#: Each public name and the module that defines it.
_EXPORTS = {
    "Action": "events", "ActorRef": "events", "Event": "events",
    "Document": "documents", "read_documents": "documents",
    "KgError": "errors",
    "DEFAULT_MODEL": "recipe", "ExtractorSpec": "recipe",
    "Extractor": "pipeline",
    "Gazetteer": "gazetteer",
    "Lexicon": "classify",
    "RunOptions": "corpus", "run": "corpus", "Store": "corpus",
    "add_events": "graph", "build_graph": "graph", "collapse": "graph", "filter_graph": "graph",
    "FORMATS": "readwrite", "export_graph": "readwrite", "import_graph": "readwrite",
    "load_graph": "readwrite", "read_events": "readwrite", "write_events": "readwrite",
    "write_graph": "readwrite",
    "render_html": "render", "to_pyvis": "render", "write_html": "render",
    "events_frame": "analysis", "find_actor": "analysis", "pair_summary": "analysis",
    "AmbiguousActor": "analysis", "UnknownActor": "analysis",
}

__all__ = sorted([*_EXPORTS, "extract"])


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


def extract(
    texts: Iterable[str | Document],
    *,
    date: str | None = None,
    model: str | None = None,
    actors: Iterable[str] = (),
    extractor: Extractor | None = None,
) -> list[Event]:
    """The events of some texts (strings or :class:`Document`).

    Strings become documents ``text-0``, ``text-1``… dated ``date``. Pass an ``extractor``
    (``kg.ExtractorSpec(...).load()``) to reuse a loaded pipeline across calls.
    """
    from .documents import Document
    from .recipe import DEFAULT_MODEL, ExtractorSpec

    if extractor is None:
        extractor = ExtractorSpec(model or DEFAULT_MODEL, tuple(str(a) for a in actors)).load()
    documents = [t if isinstance(t, Document) else Document(id=f"text-{i}", text=t, date=date)
                 for i, t in enumerate(texts)]
    return list(extractor.events(documents))
