"""Running kg over a suite: the extractor a suite needs, its documents, and the scored report.

spaCy is loaded only when an extractor is built (by :class:`kg.recipe.ExtractorSpec`), so
importing this module stays cheap.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..documents import Document
from ..recipe import DEFAULT_MODEL, ExtractorSpec
from .fictional import fictional_actor_file
from .gold import EvaluationError, GoldRecord
from .scoring import Report, group_by_record, score
from .suites import FICTIONAL_ACTORS, TOPIC_SUITES, load_suite, suite_path

if TYPE_CHECKING:
    from ..pipeline import Extractor


def documents_of(records: Iterable[GoldRecord]) -> list[Document]:
    """One kg document per gold record: id and date of the record."""
    return [Document(id=r.id, text=r.text, date=r.date) for r in records]


def suite_actor_files(
    suite: str, path: str | Path, folder: str | Path, actors_file: str | Path | None = None,
    suite_actors: bool = True,
) -> list[str | Path]:
    """The actor files kg runs a suite with: ``actors_file`` if given, else the suite's own.

    For ``petrarch-functional`` without an actors file, the fictional actors are read from
    ``validation_actor_codes.json`` beside the suite's file and written as a kg actor file into
    ``folder`` (a temporary folder: load the files before it goes), unless ``suite_actors`` is
    False (to measure what kg finds without them).

    Raises:
        EvaluationError: the suite's actor codes are missing or malformed.
    """
    files: list[str | Path] = [actors_file] if actors_file else []
    if suite == "petrarch-functional" and not actors_file and suite_actors:
        codes = suite_path(suite, path).parent / FICTIONAL_ACTORS
        if not codes.is_file():
            raise EvaluationError(f"{codes}: no such file (the fictional actors of {suite}; "
                                  "or pass an actors file)")
        files.append(fictional_actor_file(codes, Path(folder) / "fictional.jsonl"))
    return files


def build_extractor(
    suite: str, path: str | Path, actors_file: str | Path | None = None, model: str = DEFAULT_MODEL,
    suite_actors: bool = True,
) -> Extractor:
    """A kg extractor for a suite: the bundled actors plus :func:`suite_actor_files`."""
    with tempfile.TemporaryDirectory() as folder:
        files = suite_actor_files(suite, path, folder, actors_file, suite_actors)
        # Loading reads the actor files, so it happens while the temporary one still exists.
        return ExtractorSpec(model=model, actor_files=tuple(str(p) for p in files)).load()


def run_suite(
    suite: str,
    path: str | Path,
    extractor: Extractor | None = None,
    actors_file: str | Path | None = None,
    *,
    model: str = DEFAULT_MODEL,
    suite_actors: bool = True,
    texts: str | Path | None = None,
) -> Report:
    """Run kg over a suite's sentences and score the events.

    Args:
        suite: one of :data:`~kg.evaluate.suites.SUITES`.
        path: the suite's file (or its folder).
        extractor: a loaded extractor to reuse; built by :func:`build_extractor` from
            ``actors_file`` and ``model`` when None. For ``petrarch-functional`` a given extractor
            must know the fictional actors.
        actors_file: extra actors for the extractor that is built; not allowed with ``extractor``.
        model: the spaCy model of the extractor that is built.
        suite_actors: whether the built extractor knows a suite's own actors (the fictional
            countries of ``petrarch-functional``).
        texts: for ``articles``, the articles file its annotations point into.

    Raises:
        EvaluationError: unknown suite (the message lists the choices), a gold file that is
            missing or malformed, or both an extractor and an actors file.
    """
    if extractor is not None and actors_file:
        raise EvaluationError("give either an extractor or an actors file, not both")
    records = load_suite(suite, path, texts)
    if extractor is None:
        extractor = build_extractor(suite, path, actors_file, model, suite_actors)
    events = extractor.events(documents_of(records))
    if suite not in TOPIC_SUITES:
        events = (e for e in events if e.layer != "topic")
    return score(records, group_by_record(events), suite=suite, gazetteer=extractor.gazetteer)
