"""Dates: a document's own date in the formats feeds and archives use, and the date expressions
of its sentences ("on Monday", "December 29, 2025") resolved against it."""

from __future__ import annotations

import logging
import re
from datetime import date as Date
from datetime import datetime, timedelta, timezone

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
RELATIVE_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
                 "this evening": 0, "yesterday": -1, "last night": -1, "tomorrow": 1}
RELATIVE_YEARS = {"last year": -1, "this year": 0, "next year": 1}

_YEAR = r"(\d{4})"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"([a-z]+)\.?"
_PATTERNS = (
    (re.compile(rf"\b{_MONTH} {_DAY},? {_YEAR}\b"), ("month", "day", "year")),
    (re.compile(rf"\b{_DAY} {_MONTH},? {_YEAR}\b"), ("day", "month", "year")),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), ("year", "month", "day")),
    (re.compile(rf"\b{_MONTH} {_YEAR}\b"), ("month", "year")),
    (re.compile(rf"\b{_MONTH} {_DAY}\b"), ("month", "day")),
    (re.compile(rf"\b{_DAY} {_MONTH}\b"), ("day", "month")),
)


_ISO_DAY = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_EPOCH = re.compile(r"\d{10}(\d{3})?")
# Two defaults far apart: a value that leaves out its day, month or year parses differently
# with each, and so is not a full date.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 28))


def document_date_or_none(value: str | None, where: str) -> str | None:
    """:func:`document_date`, or None with a warning naming ``where`` when the value is no
    date (the document is kept, undated)."""
    if not value:
        return None
    try:
        return document_date(value)
    except ValueError:
        logging.getLogger("kg").warning("%s: '%s' is not a date; the document is kept without one",
                                        where, value)
        return None


def document_date(value: str) -> str:
    """The ISO day of a document's date: "2025-12-29", "20251229", an ISO timestamp,
    "Mon, 04 Aug 2008 10:00:00 +0000" (RSS), "August 4, 2008", a Unix timestamp in seconds
    or milliseconds. A timestamp with a time zone gives its day in that zone.

    Raises:
        ValueError: the value is not a full date ("121108", "2025-13-45", "August 2008").
    """
    text = value.strip()
    match = _ISO_DAY.match(text)
    if match and (match.end() == len(text) or text[match.end()] in "T "):
        return Date(*map(int, match.groups())).isoformat()
    if _EPOCH.fullmatch(text):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
    if text.isdigit():
        raise ValueError(f"not a date: {value!r}")
    from dateutil import parser as dateutil_parser  # only for dates that are not ISO

    try:
        days = {dateutil_parser.parse(text, default=default).date() for default in _DEFAULTS}
    except (ValueError, OverflowError) as error:
        raise ValueError(f"not a date: {value!r}") from error
    if len(days) != 1:
        raise ValueError(f"not a full date: {value!r}")
    return days.pop().isoformat()


def resolve_date(expression: str, reference: str | None, future: bool = False) -> str | None:
    """An ISO date (or year-month) for a date expression, or None when it fixes no date.

    Args:
        expression: the text of a DATE entity, e.g. "Monday", "early January", "Dec. 29, 2025".
        reference: the document's date (YYYY-MM-DD); relative expressions need it.
        future: whether the event lies ahead (a future-tense verb), so that a bare weekday
            or month means the next one rather than the last one.
    """
    text = " ".join(expression.lower().replace(",", " ,").replace(" ,", ",").split())
    ref = Date.fromisoformat(reference) if reference else None
    try:
        resolved = (_explicit(text, ref, future) or (_relative(text, ref, future) if ref else None)
                    or _year(text, ref))
    except OverflowError:  # "tomorrow" of 9999-12-31
        return None
    return resolved if resolved and _FOUR_DIGIT_YEAR.match(resolved) else None


_FOUR_DIGIT_YEAR = re.compile(r"\d{4}(-|$)")


def _relative(text: str, ref: Date, future: bool) -> str | None:
    """'yesterday', 'on Monday': a day counted from the reference date."""
    for word, offset in RELATIVE_DAYS.items():
        if re.search(rf"\b{word}\b", text):
            return (ref + timedelta(days=offset)).isoformat()
    for word, weekday in WEEKDAYS.items():
        if re.search(rf"\b{word}\b", text):
            return _nearest_weekday(ref, weekday, future).isoformat()
    return None


def _year(text: str, ref: Date | None) -> str | None:
    """'in 2016', 'last year': a year, the date of a past event such as an election (not the
    document's date)."""
    match = re.search(r"\b(1[89]\d\d|20\d\d)\b(?!s)", text)
    if match:
        return match.group(1)
    for word, offset in RELATIVE_YEARS.items():
        if ref and re.search(rf"\b{word}\b", text):
            return f"{ref.year + offset:04d}"
    return None


def _explicit(text: str, ref: Date | None, future: bool) -> str | None:
    for pattern, fields in _PATTERNS:
        for match in pattern.finditer(text):
            parts = dict(zip(fields, match.groups(), strict=True))
            month = MONTHS.get(parts["month"]) if not parts["month"].isdigit() else int(parts["month"])
            if not month:
                continue
            year = int(parts["year"]) if "year" in parts else _year_of(month, ref, future)
            if year is None:
                continue
            if "day" not in parts:
                return f"{year:04d}-{month:02d}"
            try:
                return Date(year, month, int(parts["day"])).isoformat()
            except ValueError:
                continue
    return _month_alone(text, ref, future)


def _month_alone(text: str, ref: Date | None, future: bool) -> str | None:
    """'early January', 'in March': the month of the reference year, or the next such month."""
    for word in re.findall(r"[a-z]+", text):
        month = MONTHS.get(word) if len(word) > 3 or word == "may" else None
        if month and ref:
            year = _year_of(month, ref, future)
            return f"{year:04d}-{month:02d}"
    return None


def _year_of(month: int, ref: Date | None, future: bool) -> int | None:
    if ref is None:
        return None
    if future and month < ref.month:
        return ref.year + 1
    if not future and month > ref.month:
        return ref.year - 1
    return ref.year


def _nearest_weekday(ref: Date, weekday: int, future: bool) -> Date:
    """The last such weekday on or before the reference date, or the next one after it."""
    if future:
        return ref + timedelta(days=(weekday - ref.weekday()) % 7 or 7)
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)
