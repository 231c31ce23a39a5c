"""The one place that loads a spaCy pipeline and teaches it the known actors.

The actor ruler tags every name of the gazetteer as an entity carrying the actor's id, before
spaCy's ``ner`` runs, so a known actor wins over the model's guess. Its patterns are token
sequences made by the model's tokenizer alone (:func:`compile_patterns`): spaCy's own
``EntityRuler`` would run the whole model over each of its phrase patterns, which costs
seconds for a gazetteer of a few thousand names. Compiled patterns are plain data, so they are
cached between runs (:mod:`kg.recipe`).
"""

from __future__ import annotations

import marshal
from collections import defaultdict

import spacy
from spacy.attrs import ORTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import ModelError
from .words import WORDS

RULER_NAME = "kg_actor_ruler"
PARAGRAPHS_NAME = "kg_paragraphs"

#: A compiled pattern: the tokens of a name, the same in lower case, its entity label and
#: the actor's id.
Pattern = tuple[tuple[str, ...], tuple[str, ...], str, str]
#: Compiled patterns by their first token, longest first; each list packed as :mod:`marshal`
#: bytes and unpacked when a document has that token, so a large gazetteer loads at once.
Patterns = dict[str, bytes]


@Language.component(PARAGRAPHS_NAME)
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so headlines and paragraphs never merge, and
    never after an abbreviation ("HDT Védelmi Ipari Kft.", "Gen.")."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
        elif token.text in WORDS.abbreviation and not doc[token.i + 1].is_space:
            doc[token.i + 1].is_sent_start = False
    return doc


def add_abbreviations(nlp: Language) -> Language:
    """Keep each abbreviation of :data:`kg.words.WORDS` one token, as the tokenizer keeps
    "Inc." but not "Kft." or "Lt."."""
    for abbreviation in WORDS.abbreviation:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    return nlp


class ActorRuler:
    """Tags the longest known names as entities (``ent_id_`` = actor id), left to right.

    Like spaCy's ``EntityRuler``: longer matches first, then earlier ones; a match never
    overlaps another or an entity set before this component. A name matches whatever the
    case inside its words ("Ban Ki-moon" for "Ban Ki-Moon", "al-Assad" for "Al-Assad"), but
    a word the name capitalises must not be all lower case in the text ("us" is not "US"),
    and an acronym that is a common word must be in capitals ("Who" is not "WHO").
    """

    def __init__(self, patterns: Patterns | None = None):
        self.use(patterns or {})

    def use(self, patterns: Patterns) -> None:
        """Match these patterns (from :func:`compile_patterns`) from now on."""
        self.patterns = patterns
        self._unpacked: dict[str, list[Pattern]] = {}

    def candidates(self, text: str) -> list[Pattern]:
        """The patterns whose first token is ``text`` (in lower case)."""
        found = self._unpacked.get(text)
        if found is None:
            packed = self.patterns.get(text)
            found = self._unpacked[text] = marshal.loads(packed) if packed else []
        return found

    def __call__(self, doc: Doc) -> Doc:
        texts = [token.text for token in doc]
        lowered = [text.lower() for text in texts]
        matches = []
        for start, text in enumerate(lowered):
            for tokens, lower, label, actor_id in self.candidates(text):
                end = start + len(tokens)
                if tuple(lowered[start:end]) == lower and all(
                        _same_case(p, t) for p, t in zip(tokens, texts[start:end], strict=True)) \
                        and not _in_feature_name(texts, start) and not after_stance_prefix(lowered, start):
                    matches.append((start, end, label, actor_id))
        starts = {m[0] for m in matches}
        matches = [m for m in matches if m[2] not in {"GPE", "NORP"}
                   or not _begins_organisation_name(texts, m[1], starts)]
        if not matches:
            return doc
        matches.sort(key=lambda m: (m[0] - m[1], m[0]))
        taken = {i for entity in doc.ents for i in range(entity.start, entity.end)}
        found = []
        for start, end, label, actor_id in matches:
            if taken.isdisjoint(range(start, end)):
                found.append(Span(doc, start, end, label=label, span_id=actor_id))
                taken.update(range(start, end))
        doc.ents = sorted([*doc.ents, *found], key=lambda span: span.start)
        return doc


def after_stance_prefix(lowered: list[str], start: int) -> bool:
    """Whether a name follows "pro-" or "anti-": the "pro-Beijing camp" and "anti-American
    protesters" are not China's or the United States'."""
    return start >= 2 and lowered[start - 1] == "-" and lowered[start - 2] in WORDS.stance_prefix


def _in_feature_name(texts: list[str], start: int) -> bool:
    """Whether a name ends the name of a sea, gulf or strait ("the Gulf of Oman"): a place."""
    return start >= 2 and texts[start - 1] == "of" and texts[start - 2].istitle() \
        and texts[start - 2].lower() in WORDS.feature_word


def _begins_organisation_name(texts: list[str], end: int, known: set[int], longest: int = 4) -> bool:
    """Whether a country's name or demonym is followed by capitalised words up to an
    organisation's head ("United States Commission on ...", "American Independent Party"):
    the model's entity recogniser finds that organisation, which is not the country. Not when
    a known name follows (``known``: where matches start)."""
    for i, text in enumerate(texts[end : end + longest], end):
        if not text[:1].isupper() or i in known:
            return False
        if text.lower() in WORDS.organisation_word:
            return True
    return False


def _same_case(pattern: str, text: str) -> bool:
    """Whether a word of the text can be a word of a name: a word the name capitalises is not
    all lower case in the text ("us" is not "US"), and an acronym that is also a common word
    is written in capitals ("Who" is not "WHO")."""
    if pattern.islower():
        return True
    if text.islower():
        return False
    return not (pattern.isupper() and len(pattern) > 1 and pattern.lower() in STOP_WORDS) or text.isupper()


@Language.factory(RULER_NAME)
def make_actor_ruler(nlp: Language, name: str) -> ActorRuler:
    return ActorRuler()


def load_model(model: str) -> Language:
    """Load a spaCy model by package name or path.

    Raises:
        ModelError: the model is not installed or not a spaCy pipeline.
    """
    try:
        return add_abbreviations(spacy.load(model))
    except (OSError, ImportError, ValueError) as error:
        raise ModelError(
            f"cannot load the spaCy model '{model}' ({error.__class__.__name__}). "
            f"Install it with 'pip install {model.replace('_', '-')}', or choose another "
            f"with --model"
        ) from None


def compile_patterns(nlp: Language, patterns: list[dict[str, str]]) -> Patterns:
    """Token patterns from the gazetteer's phrase patterns, tokenized as ``nlp`` tokenizes text.

    Where two patterns have the same tokens, the later one is kept (the gazetteer gives the
    user's records last).
    """
    by_tokens: dict[tuple[str, ...], tuple[str, str]] = {}
    texts = (p["pattern"] for p in patterns)
    for pattern, doc in zip(patterns, nlp.tokenizer.pipe(texts, batch_size=1000), strict=True):
        tokens = tuple(token.text for token in doc)
        if tokens:
            by_tokens.pop(tokens, None)  # the later pattern also takes the later place
            by_tokens[tokens] = (pattern["label"], pattern["id"])
    compiled: dict[str, list[Pattern]] = defaultdict(list)
    for tokens, (label, actor_id) in by_tokens.items():
        lower = tuple(token.lower() for token in tokens)
        compiled[lower[0]].append((tokens, lower, label, actor_id))
    return {first: marshal.dumps(sorted(candidates, key=lambda p: -len(p[0])))
            for first, candidates in compiled.items()}


def add_kg_components(nlp: Language, patterns: Patterns) -> Language:
    """Add kg's components to a pipeline: paragraphs before the parser, actors before ``ner``."""
    first = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe(PARAGRAPHS_NAME, before=first) if first else nlp.add_pipe(PARAGRAPHS_NAME)
    place = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    nlp.add_pipe(RULER_NAME, **place).use(patterns)
    return nlp
