"""Dates: which candidate date an event takes (aftermath words, doubtful weekdays, playlist
clocks). All sentences are written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.dates import event_date, load_lexicon
from pipeline.dates.policy import _is_doubtful, _rank
from pipeline.schemas import DateFact

D = dt.date.fromisoformat


def _fact(
    text: str,
    day: str,
    governor: str | None = None,
    start: int = 0,
    precision: int = 1,
    role: str = "event",
) -> DateFact:
    return DateFact(
        text=text, sentence=text, char_start=start, char_end=start + len(text), date=D(day),
        date_low=D(day), date_high=D(day), time_precision=precision, role=role, governor=governor,
    )  # fmt: skip


# (governor, precision) in the order the event policy prefers them, all at the same position.
PREFERENCE = [
    ("shoot", 1),  # the incident's own day
    ("happen", 1),
    ("gather", 1),  # any other day
    (None, 1),
    ("shoot", 2),  # a week ("shot last week")
    ("arrest", 1),  # a day of the aftermath
    ("plead", 1),
    ("arrest", 2),
    ("shoot", 3),  # months last
    ("sentence", 3),
]


@pytest.mark.parametrize("i", range(len(PREFERENCE) - 1))
def test_rank_order(i: int) -> None:
    lex = load_lexicon()
    better = _fact("x", "2022-01-04", governor=PREFERENCE[i][0], precision=PREFERENCE[i][1])
    worse = _fact("x", "2022-01-04", governor=PREFERENCE[i + 1][0], precision=PREFERENCE[i + 1][1])
    assert _rank(better, lex)[0] <= _rank(worse, lex)[0]


def test_rank_tiers_are_distinct() -> None:
    lex = load_lexicon()
    tiers = [_rank(_fact("x", "2022-01-04", governor=g, precision=p), lex)[0] for g, p in PREFERENCE]
    assert len(set(tiers)) == 7  # incident, other and aftermath days, week, aftermath week, months


# (candidates as (text, day, governor, start, precision), published, expected event day)
POLICY_TABLE = [
    # an arrest day loses to the shooting's week
    ([("Friday", "2023-03-10", "arrest", 5, 1), ("last week", "2023-03-01", "shoot", 40, 2)],
     "2023-03-12", "2023-03-01"),
    # ... and to any other day of the story
    ([("Monday", "2023-03-06", "arraign", 5, 1), ("Saturday night", "2023-03-04", "gather", 60, 1)],
     "2023-03-07", "2023-03-04"),
    # alone, the aftermath day still beats the publication day
    ([("Tuesday", "2023-03-07", "charge", 5, 1)], "2023-03-09", "2023-03-07"),
    # the incident's day first even when written later
    ([("Sunday", "2021-10-03", None, 5, 1), ("Saturday", "2021-10-02", "stab", 90, 1)],
     "2021-10-04", "2021-10-02"),
    # first in the text among equals
    ([("Sunday", "2021-10-03", "shoot", 5, 1), ("Saturday", "2021-10-02", "stab", 90, 1)],
     "2021-10-04", "2021-10-03"),
]  # fmt: skip


@pytest.mark.parametrize(("candidates", "published", "expected"), POLICY_TABLE)
def test_event_policy_table(candidates: list[tuple], published: str, expected: str) -> None:
    facts = [_fact(t, d, governor=g, start=s, precision=p) for t, d, g, s, p in candidates]
    assert event_date(facts, D(published))["event_date"] == D(expected)


# (text, day it resolved to, published, doubtful): only a bare weekday six days back is doubtful.
DOUBTFUL_TABLE = [
    ("Monday", "2024-02-26", "2024-03-03", True),  # published on a Sunday
    ("late Monday night", "2024-02-26", "2024-03-03", True),
    ("on Tuesday", "2024-02-27", "2024-03-04", True),
    ("Friday morning", "2023-12-29", "2024-01-04", True),  # across the new year
    ("Monday", "2024-02-27", "2024-03-03", False),  # five days back
    ("last Monday", "2024-02-26", "2024-03-03", False),  # said so
    ("Monday, Feb. 26", "2024-02-26", "2024-03-03", False),  # dated
    ("Feb. 26", "2024-02-26", "2024-03-03", False),
    ("Sunday", "2024-03-03", "2024-03-03", False),  # the day itself
]


@pytest.mark.parametrize(("text", "day", "published", "doubtful"), DOUBTFUL_TABLE)
def test_doubtful_weekday(text: str, day: str, published: str, doubtful: bool) -> None:
    assert _is_doubtful(_fact(text, day), D(published)) is doubtful
    assert _is_doubtful(_fact(text, day), None) is False


def test_doubtful_weekday_gives_way_to_publication_day() -> None:
    published = D("2024-03-03")
    doubtful = _fact("Monday", "2024-02-26", governor="shoot")
    result = event_date([doubtful], published)
    assert (result["event_date"], result["time_precision"]) == (published, 2)
    sure = _fact("Saturday", "2024-03-02", governor="gather", start=50)
    assert event_date([doubtful, sure], published)["event_date"] == D("2024-03-02")


def _days(doc) -> dict[str, str]:  # noqa: ANN001
    return {item["text"]: item["date"] for item in doc._.ne_dates}


@pytest.mark.parametrize(
    ("text", "skipped", "kept"),
    [
        ("2:10 March for the fallen officer\nA deputy was shot Tuesday.", "March", "Tuesday"),
        ("4:05 Friday briefing\nTwo men were wounded on Thursday.", "Friday", "Thursday"),
    ],
)
def test_playlist_clock_lines_are_no_dates(annotate, text: str, skipped: str, kept: str) -> None:  # noqa: ANN001
    days = _days(annotate(text, published="2022-04-08"))
    assert kept in days
    assert not any(skipped in t for t in days)


def test_clock_in_prose_keeps_its_day(annotate) -> None:  # noqa: ANN001
    days = _days(annotate("The call came at 9:40 p.m. Friday from a neighbour.", published="2022-04-09"))
    assert days.get("Friday") == "2022-04-08"


def test_custody_phrase_makes_an_aftermath_date(annotate) -> None:  # noqa: ANN001
    doc = annotate(
        "A teenager was taken into custody on Wednesday night. Investigators believe he fired "
        "at two cousins outside a market Sunday afternoon.",
        published="2022-04-08",
    )
    governors = {item["text"]: item["governor"] for item in doc._.ne_dates}
    assert governors.get("Wednesday night") == "custody"
    facts = [DateFact(**item) for item in doc._.ne_dates]
    assert event_date(facts, D("2022-04-08"))["event_date"] == D("2022-04-03")


@pytest.mark.parametrize(
    ("text", "life_date"),
    [
        ("The victim, who was born on March 2, 1990, was shot Friday night.", "March 2, 1990"),
        ("She graduated in June 2015 and was wounded on Friday.", "June 2015"),
        ("The couple married on May 5, 2001; he was stabbed Friday.", "May 5, 2001"),
    ],
)
def test_dates_of_a_life_story_are_no_event_dates(annotate, text: str, life_date: str) -> None:  # noqa: ANN001
    doc = annotate(text, published="2022-04-09")
    roles = {item["text"]: item["role"] for item in doc._.ne_dates}
    assert roles.get(life_date) == "other"
    facts = [DateFact(**item) for item in doc._.ne_dates]
    assert event_date(facts, D("2022-04-09"))["event_date"] == D("2022-04-08")


@pytest.mark.parametrize(
    "text",
    [
        "Nine people have been shot since Friday evening across the city.",
        "The county has recorded 40 killings since Jan. 1, 2021.",
    ],
)
def test_a_date_after_since_starts_a_period(annotate, text: str) -> None:  # noqa: ANN001
    doc = annotate(text, published="2022-04-10")
    assert doc._.ne_dates == []


def test_declared_dead_is_aftermath() -> None:
    lex = load_lexicon()
    declared = _fact("Friday", "2022-04-08", governor="declare")
    shot = _fact("Wednesday", "2022-04-06", governor="escalate", start=80)
    assert _rank(declared, lex) > _rank(shot, lex)
    assert event_date([declared, shot], D("2022-04-09"))["event_date"] == D("2022-04-06")


@pytest.mark.parametrize(
    ("facts", "published", "expected"),
    [
        # The text dates the incident three years back: a background mention.
        ([("March 3, 2019", "2019-03-03", "shoot")], "2022-05-10", True),
        # A trial a year on still reports its incident (under BACKGROUND_DAYS).
        ([("May 2, 2021", "2021-05-02", "shoot")], "2022-05-10", False),
        # The nearest incident day decides: a recent one beside an old one is news.
        ([("Tuesday", "2022-05-03", "shoot"), ("March 3, 2019", "2019-03-03", "shoot")], "2022-05-10", False),
        # An old day of saying dates no incident; nor does the publication day standing in.
        ([("March 3, 2019", "2019-03-03", "say", "report")], "2022-05-10", False),
        ([], "2022-05-10", False),
    ],
)
def test_background_mentions_lie_years_before_publication(facts: list[tuple], published: str,
                                                          expected: bool) -> None:
    from pipeline.dates import is_background

    dates = [_fact(f[0], f[1], f[2], role=f[3] if len(f) > 3 else "event") for f in facts]
    assert is_background(dates, D(published)) is expected
    assert is_background(dates, None) is False


def test_a_recent_day_of_the_event_keeps_it_news() -> None:
    from pipeline.dates import is_background

    # The old day ranks first (a day of the incident itself) but the event also has a recent one.
    old = _fact("July 26, 2010", "2010-07-26", "shoot")
    recent = _fact("December", "2013-12-16", "identify", precision=3)
    assert is_background([old], D("2014-01-27"))
    assert not is_background([old, recent], D("2014-01-27"))
