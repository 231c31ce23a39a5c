"""The fictional actors of PETRARCH's functional suites (Arnor, Gondor, …) as a kg actor file."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .gold import EvaluationError
from .matching import FUNCTION_WORDS, ORGANISATION_CODES, country_code
from .reading import read_json


def fictional_actor_file(codes_path: str | Path, out_path: str | Path) -> Path:
    """Write the fictional actors of PETRARCH's functional suites as a kg actor file (JSON lines).

    Each code becomes one actor whose id is the code. A name listed under several codes goes to
    the one with a known country and the shortest code (``GOLLUM`` to ``HOB``, not ``HOBGOV``).

    Raises:
        EvaluationError: the file is not a JSON object of sections of ``{code: [names]}``.
    """
    codes_path, out_path = Path(codes_path), Path(out_path)
    names_by_code = _fictional_codes(codes_path)
    owner: dict[str, str] = {}
    order = {code: i for i, code in enumerate(names_by_code)}
    for code in sorted(names_by_code, key=lambda c: (country_code(c) is None, len(c), order[c])):
        for name in names_by_code[code]:
            owner.setdefault(name, code)
    lines = []
    for code, names in names_by_code.items():
        mine = [n for n in names if owner[n] == code]
        if mine:
            lines.append(json.dumps(_fictional_actor(code, mine), ensure_ascii=False))
    out_path.write_text("".join(f"{line}\n" for line in lines), "utf-8")
    return out_path


def _fictional_codes(path: Path) -> dict[str, list[str]]:
    data = read_json(path, "an actor-codes file")
    problem = f"{path}: not an actor-codes file (expected {{section: {{CODE: [NAMES]}}}})"
    if not isinstance(data, dict) or not all(isinstance(s, dict) for s in data.values()):
        raise EvaluationError(problem)
    names_by_code: dict[str, list[str]] = {}
    for section in data.values():
        for code, names in section.items():
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise EvaluationError(problem)
            merged = names_by_code.setdefault(code.strip().upper(), [])
            merged.extend(n.strip() for n in names if n.strip() and n.strip() not in merged)
    return names_by_code


def _fictional_actor(code: str, names: list[str]) -> dict[str, Any]:
    demonyms = [n for n in names if re.search(r"(IAN|ISH|ESE|I|ENCH|TCH)$", n.upper()) and " " not in n]
    proper = [n for n in names if n not in demonyms] or names
    titled = [title_case(n) for n in proper]
    aliases = [*titled[1:], *proper]
    aliases += [a[4:] for a in [titled[0], *aliases] if a.lower().startswith("the ")]
    record: dict[str, Any] = {"id": code, "name": titled[0], "type": _fictional_type(code),
                              "aliases": list(dict.fromkeys(a for a in aliases if a != titled[0]))}
    if country_code(code):
        record["country"] = country_code(code)
    if demonyms:
        record["demonyms"] = list(dict.fromkeys([*map(title_case, demonyms), *demonyms]))
    return record


def _fictional_type(code: str) -> str:
    if code.startswith("IGO") or (code[:3] in ORGANISATION_CODES and not code.startswith(("IMG", "NGO"))):
        return "IGO"
    if code.startswith(("NGO", "MNC")):
        return "ORG"
    if code.startswith("IMG") or (len(code) > 3 and re.search(r"(REB|OPP|INS|SEP|ORC)$", code)):
        return "GROUP"
    if len(code) == 3 and country_code(code):
        return "COUNTRY"
    if re.search(r"(GOV|MIL|LEG|JUD|COP|SPY|ELI)$", code):
        return "GOV"
    return "OTHER"


def _shortened(word: str) -> bool:
    """Whether a one-word name looks like an acronym: three letters, or four with one vowel."""
    vowels = sum(c in "AEIOUaeiou" for c in word)
    return len(word) <= 3 or (len(word) == 4 and vowels <= 1)


def title_case(name: str) -> str:
    """``MINAS TIRITH`` → ``Minas Tirith``; keeps acronyms (``IMF``, ``U.N.``, ``the AU``)."""
    words = name.split()
    out = []
    for i, word in enumerate(words):
        letters = re.sub(r"[^A-Za-z]", "", word)
        if "." in word or (len(words) == 1 and _shortened(letters)) or (
                len(letters) <= 2 and word.lower() not in FUNCTION_WORDS):
            out.append(word)
        elif i and word.lower() in FUNCTION_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(out)
