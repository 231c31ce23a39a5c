"""Resolve the date expressions of news ("on Monday", "December 29, 2025") against the article date."""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import timedelta

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
RELATIVE_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
                 "this evening": 0, "yesterday": -1, "last night": -1, "tomorrow": 1}

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
    explicit = _explicit(text, ref, future)
    if explicit or ref is None:
        return explicit
    for word, offset in RELATIVE_DAYS.items():
        if re.search(rf"\b{word}\b", text):
            return (ref + timedelta(days=offset)).isoformat()
    for word, weekday in WEEKDAYS.items():
        if re.search(rf"\b{word}\b", text):
            return _nearest_weekday(ref, weekday, future).isoformat()
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
