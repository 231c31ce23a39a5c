"""The actor gazetteer: bundled and user actor files, indexed by every name an actor goes by."""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .errors import ActorFileError

TYPES = {"PERSON", "GOV", "ORG", "IGO", "COUNTRY", "GROUP", "OTHER"}
RULER_LABELS = {"PERSON": "PERSON", "COUNTRY": "GPE", "GOV": "ORG", "ORG": "ORG",
                "IGO": "ORG", "GROUP": "NORP", "OTHER": "ORG"}


@dataclass(frozen=True)
class Role:
    """An office held by a person between two dates (ISO, possibly only year or month)."""

    office: str
    country: str | None = None
    org: str | None = None
    start: str | None = None
    end: str | None = None
    leader: bool = False

    def held_on(self, day: str | None) -> bool:
        """Whether the office was held on ``day``; with no day, whether it is held now."""
        if day is None:
            return self.end is None
        after_start = self.start is None or _pad(self.start, "00") <= day
        before_end = self.end is None or day <= _pad(self.end, "99")
        return after_start and before_end


def _pad(day: str, fill: str) -> str:
    """Complete a year or year-month to a full date string that sorts as its start or end."""
    parts = day.split("-")
    return "-".join(parts + [fill] * (3 - len(parts)))


@dataclass(frozen=True)
class ActorRecord:
    """One known actor and every name it goes by."""

    id: str
    name: str
    type: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The name and aliases."""
        return (self.name, *self.aliases)


@functools.lru_cache(maxsize=2**16)
def normalise(text: str) -> str:
    """Fold case, accents, quotes and spacing so that name variants compare equal.

    Cached: actor resolution asks for the same few thousand words over and over.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.replace("’", "'").replace("‘", "'").replace("“", "").replace("”", "")
    text = _THE.sub("", text.strip().lower())
    return _SPACES.sub(" ", text)


_THE = re.compile(r"^the\s+")
_SPACES = re.compile(r"\s+")


def slug(text: str) -> str:
    """A canonical id for an actor the gazetteer does not know."""
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-") or "unknown"


@dataclass
class Gazetteer:
    """Known actors by id, with indexes from names, demonyms and capitals to ids."""

    records: dict[str, ActorRecord] = field(default_factory=dict)
    _by_name: dict[str, str] = field(default_factory=dict)
    _by_demonym: dict[str, str] = field(default_factory=dict)
    _by_generic: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, user_files: Iterable[str | Path] = (), bundled: bool = True) -> Gazetteer:
        """The bundled gazetteer, extended and overridden by the user's actor files."""
        gazetteer = cls()
        if bundled:
            text = resources.files("kg").joinpath("data/actors.jsonl").read_text("utf-8")
            gazetteer.add(parse_jsonl(text, "bundled actors.jsonl"))
        for path in user_files:
            gazetteer.add(read_actor_file(path))
        return gazetteer

    def add(self, records: Iterable[ActorRecord]) -> None:
        """Add records; a record with a known id replaces the old one, a known name moves."""
        for record in records:
            self.records[record.id] = record
            for name in (*record.names, *record.metonyms):
                self._by_name[normalise(name)] = record.id
            for demonym in record.demonyms:
                self._by_demonym[normalise(demonym)] = record.id
            for phrase in record.generic:
                self._by_generic[normalise(phrase)] = record.id

    def get(self, actor_id: str) -> ActorRecord | None:
        return self.records.get(actor_id)

    def by_name(self, text: str) -> ActorRecord | None:
        """The actor called ``text`` (a name, alias or capital), if known."""
        actor_id = self._by_name.get(normalise(text))
        return self.records.get(actor_id) if actor_id else None

    def by_demonym(self, text: str) -> ActorRecord | None:
        """The country of a demonym ("French" → France)."""
        actor_id = self._by_demonym.get(normalise(text))
        return self.records.get(actor_id) if actor_id else None

    def by_generic(self, text: str) -> ActorRecord | None:
        """The organisation a definite description stands for ("the alliance" → NATO)."""
        actor_id = self._by_generic.get(normalise(text))
        return self.records.get(actor_id) if actor_id else None

    def is_metonym(self, record: ActorRecord, text: str) -> bool:
        """Whether ``text`` names the record by its capital or seat ("Paris" for France)."""
        return normalise(text) in {normalise(m) for m in record.metonyms}

    def office_holder(
        self, office: str, country: str | None, day: str | None, org: str | None = None
    ) -> ActorRecord | None:
        """Who held ``office`` (or, for "leader", the leading office) of a country on ``day``."""
        for record in self.records.values():
            for role in record.roles:
                if role.country != country or role.org != org or not role.held_on(day):
                    continue
                if role.office == office or (office == "leader" and role.leader):
                    return record
        return None

    def ruler_patterns(self) -> list[dict[str, str]]:
        """Phrase patterns for spaCy's entity ruler, each carrying the actor id."""
        patterns = []
        for record in sorted(self.records.values(), key=lambda r: r.id):
            label = RULER_LABELS.get(record.type, "ORG")
            for name in _variants(record):
                patterns.append({"label": label, "pattern": name, "id": record.id})
            for name in record.metonyms:
                patterns.append({"label": "GPE", "pattern": name, "id": record.id})
            for name in record.demonyms:
                patterns.append({"label": "NORP", "pattern": name, "id": record.id})
        return patterns


def _variants(record: ActorRecord) -> Iterator[str]:
    """Names as written, plus lower-case forms of multi-word organisation names."""
    for name in record.names:
        yield name
        if record.type in {"IGO", "ORG", "GROUP"} and " " in name and name.lower() != name:
            yield name.lower()


def read_actor_file(path: str | Path) -> list[ActorRecord]:
    """Read a user actor file: JSON lines, or CSV with id, name, aliases, type, country."""
    path = Path(path)
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ActorFileError(f"{path}: cannot read actor file ({error})") from error
    if path.suffix.lower() == ".csv":
        return parse_csv(text, str(path))
    return parse_jsonl(text, str(path))


def parse_jsonl(text: str, label: str) -> list[ActorRecord]:
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                records.append(_record(json.loads(line), f"{label}, line {number}"))
            except json.JSONDecodeError as error:
                raise ActorFileError(f"{label}, line {number}: malformed JSON ({error.msg})") from error
    return records


def parse_csv(text: str, label: str) -> list[ActorRecord]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = {"id", "name"} - set(reader.fieldnames or ())
    if missing:
        raise ActorFileError(f"{label}: missing column(s) {', '.join(sorted(missing))}")
    records = []
    for number, row in enumerate(reader, start=2):
        row["aliases"] = [a.strip() for a in re.split(r"[;|]", row.get("aliases") or "") if a.strip()]
        records.append(_record(row, f"{label}, line {number}"))
    return records


def _record(raw: object, where: str) -> ActorRecord:
    if not isinstance(raw, dict) or not raw.get("id") or not raw.get("name"):
        raise ActorFileError(f"{where}: an actor needs an 'id' and a 'name'")
    actor_type = str(raw.get("type") or "OTHER").upper()
    if actor_type not in TYPES:
        raise ActorFileError(f"{where}: unknown type '{actor_type}' (use {', '.join(sorted(TYPES))})")
    try:
        roles = tuple(Role(**role) for role in raw.get("roles") or ())
    except TypeError as error:
        raise ActorFileError(f"{where}: malformed role ({error})") from None
    return ActorRecord(
        id=str(raw["id"]),
        name=str(raw["name"]),
        type=actor_type,
        country=(str(raw["country"]).upper() or None) if raw.get("country") else None,
        aliases=_strings(raw.get("aliases"), where),
        demonyms=_strings(raw.get("demonyms"), where),
        metonyms=_strings(raw.get("metonyms"), where),
        generic=_strings(raw.get("generic"), where),
        roles=roles,
    )


def _strings(value: object, where: str) -> tuple[str, ...]:
    if value in (None, ""):
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ActorFileError(f"{where}: expected a list of names, got {value!r}")
    return tuple(value)
