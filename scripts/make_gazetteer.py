"""Build the bundled actor gazetteer, ``kg/data/actors.jsonl``, from hand-written tables.

Sources (all in ``scripts/gazetteer/``, UTF-8 CSV, list cells separated by ``|``):

* ``countries.csv``     -- one row per state (or territory with a government of its own): ISO3,
  Wikidata id, name, aliases, demonyms, capital, seat of government, metonyms, the office
  whose holder is "the <country> leader".
* ``organisations.csv`` -- IGOs, NGOs (ORG), armed/political groups (GROUP), state bodies (GOV).
* ``people.csv``        -- persons: name, country served, Wikidata id, aliases.
* ``roles.csv``         -- offices held: person, office, country or organisation, start, end.

Each output line is one actor, keys in the order ``id, name, type, country, aliases`` then the
type's extra keys; lines are sorted by type then name, so the output is deterministic.  The id is
the Wikidata Q-id where the table gives one, otherwise a slug of the name.  ASCII-folded spellings
of names and aliases ("Erdoğan" -> "Erdogan") are added as aliases automatically.

The build fails loudly on: an ISO3 code pycountry does not know (only the user-assigned ``XKX``
for Kosovo is allowed), a duplicate id, a surface form (name, alias, metonym, demonym; compared
case- and accent-insensitively) that points to two actors, an unknown office, a malformed date, a
role ending before it starts, or two holders of one office at the same time.

Run: ``python scripts/make_gazetteer.py``
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "scripts" / "gazetteer"
OUT = ROOT / "kg" / "data" / "actors.jsonl"

TYPES = ("COUNTRY", "PERSON", "IGO", "ORG", "GROUP", "GOV")
OFFICES = {
    "president",
    "vice president",
    "prime minister",
    "chancellor",
    "king",
    "queen",
    "emperor",
    "emir",
    "crown prince",
    "supreme leader",
    "foreign minister",
    "secretary-general",
    "high representative",
    "commission president",
    "council president",
    "general secretary",
}
NON_ISO_CODES = {"XKX"}  # Kosovo: user-assigned code (EU, IMF), absent from ISO 3166-1
SHARED_FORMS: set[str] = set()  # folded surface forms deliberately allowed on several actors
DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
QID = re.compile(r"Q[1-9]\d*")
LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "ß": "ss",
        "œ": "oe",
        "Œ": "Oe",
    }
)

errors: list[str] = []


def fold(text: str) -> str:
    """Strip accents and map a few letters NFKD leaves alone ("Þórðarson" -> "Thordarson")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name).lower()).strip("-")


def cells(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def read(filename: str) -> list[dict[str, str]]:
    with open(SRC / filename, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for line, row in enumerate(rows, start=2):
        if None in row or None in row.values():
            sys.exit(f"{filename} line {line}: wrong number of fields")
    return [{key: value.strip() for key, value in row.items()} for row in rows]


def with_folded(forms: list[str], exclude: str = "") -> list[str]:
    """The forms plus their ASCII-folded spellings, de-duplicated, without ``exclude``."""
    out: list[str] = []
    for form in forms:
        for variant in (form, fold(form)):
            if variant != exclude and variant not in out:
                out.append(variant)
    return out


def check_code(code: str, where: str) -> str:
    if code not in NON_ISO_CODES and pycountry.countries.get(alpha_3=code) is None:
        errors.append(f"{where}: {code!r} is not an ISO 3166-1 alpha-3 code")
    return code


def actor_id(qid: str, name: str, where: str) -> str:
    if qid and not QID.fullmatch(qid):
        errors.append(f"{where}: malformed Wikidata id {qid!r}")
    return qid or slug(name)


def low(date: str) -> str:
    return date + "-01-01"[len(date) - 4 :]


def high(date: str) -> str:
    return date + "-12-31"[len(date) - 4 :]


def countries() -> tuple[list[dict], dict[str, str]]:
    records, leader_office = [], {}
    for row in read("countries.csv"):
        code = check_code(row["iso3"], f"countries.csv {row['name']}")
        record = {
            "id": actor_id(row["qid"], row["name"], row["name"]),
            "name": row["name"],
            "type": "COUNTRY",
            "country": code,
            "aliases": with_folded([row["name"], *cells(row["aliases"])], exclude=row["name"]),
            "demonyms": with_folded(cells(row["demonyms"])),
            "capital": row["capital"],
        }
        if row["seat"]:
            record["seat"] = row["seat"]
        record["metonyms"] = with_folded(cells(row["metonyms"]))
        if row["note"]:
            record["note"] = row["note"]
        if row["leader_office"]:
            if row["leader_office"] not in OFFICES:
                errors.append(f"countries.csv {row['name']}: unknown office {row['leader_office']!r}")
            leader_office[code] = row["leader_office"]
        records.append(record)
    return records, leader_office


def organisations(codes: set[str]) -> list[dict]:
    records = []
    for row in read("organisations.csv"):
        where = f"organisations.csv {row['name']}"
        if row["type"] not in TYPES or row["type"] in ("COUNTRY", "PERSON"):
            errors.append(f"{where}: bad type {row['type']!r}")
        if row["country"] and row["country"] not in codes:
            errors.append(f"{where}: country {row['country']!r} has no COUNTRY record")
        record = {
            "id": actor_id(row["qid"], row["name"], where),
            "name": row["name"],
            "type": row["type"],
            "country": row["country"] or None,
            "aliases": with_folded([row["name"], *cells(row["aliases"])], exclude=row["name"]),
        }
        if row["generic"]:
            record["generic"] = cells(row["generic"])
        records.append(record)
    return records


def people(codes: set[str], orgs: dict[str, str], leader_office: dict[str, str]) -> list[dict]:
    roles = defaultdict(list)
    for row in read("roles.csv"):
        where = f"roles.csv {row['name']} {row['office']} {row['start']}"
        country, org = row["country"] or None, orgs.get(row["org"]) if row["org"] else None
        if row["office"] not in OFFICES:
            errors.append(f"{where}: unknown office")
        if (country is None) == (row["org"] == ""):
            errors.append(f"{where}: give exactly one of country and org")
        if country and country not in codes:
            errors.append(f"{where}: country {country!r} has no COUNTRY record")
        if row["org"] and org is None:
            errors.append(f"{where}: unknown organisation {row['org']!r}")
        if not DATE.fullmatch(row["start"]) or (row["end"] and not DATE.fullmatch(row["end"])):
            errors.append(f"{where}: dates must be YYYY, YYYY-MM or YYYY-MM-DD")
        elif row["end"] and high(row["end"]) < low(row["start"]):
            errors.append(f"{where}: ends before it starts")
        roles[row["name"]].append(
            {
                "office": row["office"],
                "country": country,
                "org": org,
                "start": row["start"],
                "end": row["end"] or None,
                "leader": country is not None and leader_office.get(country) == row["office"],
            }
        )
    check_tenures([role for held in roles.values() for role in held], roles)

    records = []
    for row in read("people.csv"):
        where = f"people.csv {row['name']}"
        if row["country"] not in codes:
            errors.append(f"{where}: country {row['country']!r} has no COUNTRY record")
        records.append(
            {
                "id": actor_id(row["qid"], row["name"], where),
                "name": row["name"],
                "type": "PERSON",
                "country": row["country"],
                "aliases": with_folded([row["name"], *cells(row["aliases"])], exclude=row["name"]),
                "roles": sorted(roles.pop(row["name"], []), key=lambda r: (low(r["start"]), r["office"])),
            }
        )
    errors.extend(f"roles.csv: {name!r} is not in people.csv" for name in roles)
    return records


def check_tenures(all_roles: list[dict], by_person: dict[str, list[dict]]) -> None:
    """One holder per office at a time; only open-ended tenure may be the last one."""
    holder = {id(role): name for name, held in by_person.items() for role in held}
    seats = defaultdict(list)
    for role in all_roles:
        seats[(role["country"] or role["org"], role["office"])].append(role)
    for (seat, office), tenures in seats.items():
        tenures.sort(key=lambda r: low(r["start"]))
        for before, after in zip(tenures, tenures[1:], strict=False):
            if before["end"] is None or low(after["start"]) < low(before["end"]):
                errors.append(
                    f"{seat} {office}: {holder[id(before)]} ({before['start']}..{before['end']}) "
                    f"overlaps {holder[id(after)]} ({after['start']}..)"
                )


def check_surface_forms(records: list[dict]) -> None:
    owners = defaultdict(set)
    for record in records:
        forms = [
            record["name"],
            *record["aliases"],
            *record.get("metonyms", []),
            *record.get("demonyms", []),
            *record.get("generic", []),
        ]
        for form in forms:
            owners[fold(form).casefold()].add(record["id"])
    for form, ids in sorted(owners.items()):
        if len(ids) > 1 and form not in SHARED_FORMS:
            errors.append(f"surface form {form!r} is shared by {sorted(ids)}")


def main() -> int:
    country_records, leader_office = countries()
    codes = {record["country"] for record in country_records}
    org_records = organisations(codes)
    orgs = {record["name"]: record["id"] for record in org_records}
    records = country_records + org_records + people(codes, orgs, leader_office)

    for actor, count in Counter(record["id"] for record in records).items():
        if count > 1:
            errors.append(f"duplicate id {actor!r}")
    check_surface_forms(records)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1

    records.sort(key=lambda r: (r["type"], fold(r["name"]).casefold(), r["name"]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    counts = Counter(record["type"] for record in records)
    print(
        f"wrote {len(records)} actors to {OUT.relative_to(ROOT)}: "
        + ", ".join(f"{kind} {counts[kind]}" for kind in TYPES)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
