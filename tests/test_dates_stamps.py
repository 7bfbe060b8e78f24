"""Dates: publication dates from page stamps and datelines, and days without their year in an
article without a publication date. All texts are written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.dates import published_from_dateline
from pipeline.dates.resolve import _resolve_near

D = dt.date.fromisoformat

STAMP_TABLE = [
    # page chrome in its usual spellings
    ("Two hurt in crash\nPosted: Mar. 3, 2018 6:05 PM\nTwo drivers were hurt.", "2018-03-03"),
    ("Fire on Elm St Updated 11:42 AM CST, Tue February 27, 2018 A fire ...", "2018-02-27"),
    ("Published Saturday, July 4th, 2020 at 9:15 am\nFireworks ...", "2020-07-04"),
    ("School board vote posted on 10/2/2019 by staff", "2019-10-02"),
    ("LAST UPDATED: 2021-11-30 08:00\nThe council met.", "2021-11-30"),
    ("First published 14 August 2017\nA storm hit the coast.", "2017-08-14"),
    # a dateline with the date in parentheses, also glued to a headline before it
    ("DAYTON, Ohio (Feb. 9, 2019) -- Officers responded ...", "2019-02-09"),
    ("Crash closes road | WXYZ 7SPRINGFIELD, Mo. (June 30, 2022) – A truck ...", "2022-06-30"),
    # the wire datelines still work
    ("QUITO, 12 MAY 89 (EFE) -- [TEXT] ...", "1989-05-12"),
    # no stamp: dates of the story, a stamp without a year, a stamp too far down
    ("A bridge closed on April 2, 2016, after the flood.", None),
    ("Updated: Tuesday 4:30 PM\nRain all week.", None),
    ("Weather news. " * 60 + "Posted: Mar. 3, 2018", None),
    ("He said it was posted in 1999 somewhere.", None),
]


@pytest.mark.parametrize(("text", "expected"), STAMP_TABLE)
def test_publication_date_from_page_stamps(text: str, expected: str | None) -> None:
    assert published_from_dateline(text) == (D(expected) if expected else None)


# (expression, anchor: the latest fully dated day of the article, expected day or None)
NEAR_TABLE = [
    ("Jan. 5", "2016-01-09", "2016-01-05"),
    ("Dec. 30", "2016-01-04", "2015-12-30"),  # across the new year, backwards
    ("Jan. 2", "2015-12-28", "2016-01-02"),  # ... and forwards
    ("5 March", "2019-03-20", "2019-03-05"),
    ("Feb. 29", "2024-03-02", "2024-02-29"),  # leap day in the anchor's year
    ("Feb. 29", "2023-03-02", "2024-02-29"),  # the nearest year that has one
    ("July 4", "2020-07-01", "2020-07-04"),
    ("Jan. 5, 2014", "2016-01-09", None),  # has its own year: resolved elsewhere
    ("Thursday", "2016-01-09", None),  # relative days need a publication date
    ("last week", "2016-01-09", None),
]


@pytest.mark.parametrize(("expr", "anchor", "expected"), NEAR_TABLE)
def test_day_without_year_near_anchor(expr: str, anchor: str, expected: str | None) -> None:
    found = _resolve_near(expr, D(anchor))
    assert (found.date if found else None) == (D(expected) if expected else None)


def test_undated_article_takes_year_from_its_full_date(annotate) -> None:  # noqa: ANN001
    doc = annotate(
        "A cashier was robbed at gunpoint on Dec. 29 in a strip mall. A suspect was arrested "
        "on Jan. 3, 2017, and charged on Thursday."
    )
    days = {item["text"]: item["date"] for item in doc._.ne_dates}
    assert days == {"Dec. 29": "2016-12-29", "Jan. 3, 2017": "2017-01-03"}


def test_undated_article_without_full_date_resolves_nothing(annotate) -> None:  # noqa: ANN001
    doc = annotate("A cashier was robbed on Dec. 29 and a suspect was arrested on Thursday.")
    assert doc._.ne_dates == []


# "overnight" alone: the night that ends on the publication day (best day: that day).
@pytest.mark.parametrize(
    ("published", "low"),
    [("2020-05-03", "2020-05-02"), ("2021-01-01", "2020-12-31"), ("2024-03-01", "2024-02-29")],
)
def test_overnight_is_the_night_before_publication_ends(published: str, low: str) -> None:
    from pipeline.dates import resolve

    found = resolve("overnight", D(published))
    assert found is not None
    assert (found.date, found.date_low, found.date_high) == (D(published), D(low), D(published))
    assert found.time_precision == 1
    assert resolve("overnight", None) is None


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("Two men were stabbed overnight near the station.", True),
        ("Overnight, a gunman fired into a crowded bar.", True),
        ("The nurse had just finished an overnight shift.", False),
        ("Overnight temperatures will drop below freezing.", False),
    ],
)
def test_overnight_only_as_an_adverb(annotate, text: str, dated: bool) -> None:  # noqa: ANN001
    doc = annotate(text, published="2022-11-06")
    overnight = [i for i in doc._.ne_dates if i["text"].lower() == "overnight"]
    assert bool(overnight) is dated
    assert all(i["date"] == "2022-11-06" for i in overnight)
