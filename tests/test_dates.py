"""Date expressions of news resolved against the article's date (a Monday, 2025-12-29)."""

from __future__ import annotations

import pytest

from kg.dates import resolve_date

MONDAY = "2025-12-29"

CASES = [
    ("December 29, 2025", False, "2025-12-29"),
    ("29 December 2025", False, "2025-12-29"),
    ("Dec. 3, 2024", False, "2024-12-03"),
    ("February 2022", False, "2022-02"),
    ("Monday", False, "2025-12-29"),
    ("Sunday", False, "2025-12-28"),
    ("Friday", True, "2026-01-02"),
    ("early January", True, "2026-01"),
    ("March", False, "2025-03"),
    ("yesterday", False, "2025-12-28"),
    ("this evening", False, "2025-12-29"),
    ("tomorrow", False, "2025-12-30"),
    ("the second day", False, None),
    ("decades", False, None),
    # a year alone dates a past event by its year, not by the document's day
    ("2016", False, "2016"),
    ("last year", False, "2024"),
    ("the 1990s", False, None),
]


@pytest.mark.parametrize(("expression", "future", "expected"), CASES)
def test_resolve_date(expression, future, expected):
    assert resolve_date(expression, MONDAY, future) == expected


def test_relative_dates_need_a_reference():
    assert resolve_date("Monday", None) is None
    assert resolve_date("December 29, 2025", None) == "2025-12-29"
