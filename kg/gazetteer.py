"""The actor gazetteer: bundled and user actor files, indexed by every name an actor goes by."""

from __future__ import annotations

import csv
import functools
import io
import json
import marshal
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import ActorFileError
from .schema import ACTOR_TYPES

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
        text = fold_accents(text)
        text = text.replace("’", "'").replace("‘", "'").replace("“", "").replace("”", "")
    text = _THE.sub("", text.strip().lower())
    return _SPACES.sub(" ", text)


def fold_accents(text: str) -> str:
    """The text without its accents and other combining marks ("Erdoğan" → "Erdogan")."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


_THE = re.compile(r"^the\s+")
_SPACES = re.compile(r"\s+")


def slug(text: str) -> str:
    """A canonical id for an actor the gazetteer does not know."""
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-") or "unknown"


class Gazetteer:
    r"""Known actors by id, with indexes from names, demonyms and capitals to ids.

    Each record is kept packed (:mod:`marshal` bytes of its plain values) and becomes an
    :class:`ActorRecord` when asked for; the roles have an index of their own. A cached
    gazetteer (:meth:`state`, kept by :mod:`kg.recipe`) of tens of thousands of actors thus
    loads in milliseconds, and a run pays only for the actors its documents name.
    """

    def __init__(self) -> None:
        self._rows: dict[str, bytes] = {}
        self._records: dict[str, ActorRecord] = {}
        self._roles: list[tuple[str, tuple]] = []
        self._by_name: dict[str, str] = {}
        self._by_demonym: dict[str, str] = {}
        self._by_generic: dict[str, str] = {}

    def state(self) -> tuple:
        """The gazetteer as plain data (for :mod:`kg.cache`)."""
        return self._rows, self._roles, self._by_name, self._by_demonym, self._by_generic

    @classmethod
    def from_state(cls, state: tuple) -> Gazetteer:
        """The gazetteer :meth:`state` gave."""
        gazetteer = cls()
        (gazetteer._rows, gazetteer._roles, gazetteer._by_name, gazetteer._by_demonym,
         gazetteer._by_generic) = state
        return gazetteer

    def __len__(self) -> int:
        return len(self._rows)

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
            if record.id in self._rows:
                self._roles = [role for role in self._roles if role[0] != record.id]
            self._rows[record.id] = marshal.dumps(_row(record))
            self._records[record.id] = record
            self._roles += [(record.id, _role_row(role)) for role in record.roles]
            for name in (*record.names, *record.metonyms):
                self._by_name[normalise(name)] = record.id
            for demonym in record.demonyms:
                self._by_demonym[normalise(demonym)] = record.id
            for phrase in record.generic:
                self._by_generic[normalise(phrase)] = record.id

    def get(self, actor_id: str | None) -> ActorRecord | None:
        """The actor with this id, if known."""
        record = self._records.get(actor_id)
        if record is None and actor_id in self._rows:
            record = self._records[actor_id] = _from_row(marshal.loads(self._rows[actor_id]))
        return record

    def by_name(self, text: str) -> ActorRecord | None:
        """The actor called ``text`` (a name, alias or capital), if known."""
        return self.get(self._by_name.get(normalise(text)))

    def by_demonym(self, text: str) -> ActorRecord | None:
        """The country of a demonym ("French" → France)."""
        return self.get(self._by_demonym.get(normalise(text)))

    def by_generic(self, text: str) -> ActorRecord | None:
        """The organisation a definite description stands for ("the alliance" → NATO)."""
        return self.get(self._by_generic.get(normalise(text)))

    def office_holder(
        self, office: str, country: str | None, day: str | None, org: str | None = None
    ) -> ActorRecord | None:
        """Who held ``office`` (or, for "leader", the leading office) of a country on ``day``."""
        for actor_id, role in self._roles:
            held = Role(*role)
            if held.country != country or held.org != org or not held.held_on(day):
                continue
            if held.office == office or (office == "leader" and held.leader):
                return self.get(actor_id)
        return None

    def ruler_patterns(self) -> list[dict[str, str]]:
        """Phrase patterns for the actor ruler, each carrying the actor id.

        A name is a pattern of the actor the indexes give it to (a later record that takes a
        name over takes its pattern too), so the ruler and the lookups always agree.
        """
        patterns = []
        for record in map(self.get, sorted(self._rows)):
            label = RULER_LABELS.get(record.type, "ORG")
            for name, index, name_label in (
                *((n, self._by_name, label) for n in _variants(record)),
                *((n, self._by_name, "GPE") for n in record.metonyms),
                *((n, self._by_demonym, "NORP") for n in record.demonyms),
            ):
                if index.get(normalise(name)) == record.id:
                    patterns.append({"label": name_label, "pattern": name, "id": record.id})
        return patterns


ROW_FIELDS = ("id", "name", "type", "country", "aliases", "demonyms", "metonyms", "generic")
ROLE_FIELDS = ("office", "country", "org", "start", "end", "leader")


def _row(record: ActorRecord) -> tuple:
    """A record as plain values: its fields, then its roles as tuples."""
    return (*(getattr(record, f) for f in ROW_FIELDS), tuple(map(_role_row, record.roles)))


def _role_row(role: Role) -> tuple:
    return tuple(getattr(role, f) for f in ROLE_FIELDS)


def _from_row(row: tuple) -> ActorRecord:
    return ActorRecord(*row[:-1], roles=tuple(Role(*role) for role in row[-1]))


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
    if actor_type not in ACTOR_TYPES:
        raise ActorFileError(f"{where}: unknown type '{actor_type}' (use {', '.join(ACTOR_TYPES)})")
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
