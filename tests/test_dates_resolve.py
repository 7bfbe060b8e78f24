"""Resolving one date expression (pipeline.dates.resolve): absolute days, relative days and
weeks, months, and days without their year near an anchor day."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.dates.resolve import DAY, MONTH, WEEK, _normalise, _resolve_near, resolve

D = dt.date.fromisoformat
PUB = D("2022-01-12")  # a Wednesday


@pytest.mark.parametrize(
    ("expr", "day", "precision"),
    [
        ("Jan. 5", "2022-01-05", DAY),
        ("5 January 2021", "2021-01-05", DAY),
        ("Dec. 30", "2021-12-30", DAY),  # after publication without a year: last year's
        ("yesterday", "2022-01-11", DAY),
        ("Monday", "2022-01-10", DAY),
        ("last Wednesday", "2022-01-05", DAY),
        ("two days ago", "2022-01-10", DAY),
        ("last week", "2022-01-06", WEEK),
        ("December", "2021-12-16", MONTH),
    ],
)
def test_resolve_against_publication(expr: str, day: str, precision: int) -> None:
    found = resolve(expr, PUB)
    assert found is not None
    assert (found.date, found.time_precision) == (D(day), precision)


@pytest.mark.parametrize("expr", ["Monday", "yesterday", "Jan. 5", "a 24-year-old", "may"])
def test_without_publication_only_stated_years_resolve(expr: str) -> None:
    assert resolve(expr, None) is None


def test_a_stated_year_resolves_without_publication() -> None:
    found = resolve("3 JAN 90", None)
    assert found is not None and found.date == D("1990-01-03") and found.has_year


def test_normalise_drops_ordinals_and_punctuation() -> None:
    assert _normalise("Jan. 5th, 2022") == "jan 5 2022"


def test_day_without_year_near_an_anchor() -> None:
    found = _resolve_near("Dec. 31", D("2022-01-03"))
    assert found is not None and found.date == D("2021-12-31")
    assert _resolve_near("yesterday", D("2022-01-03")) is None
