"""Dates: expression resolution, datelines, report vs event dates, the event-date policy."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from spacy.tokens import Doc

from pipeline.dates import event_date, load_lexicon, published_from_dateline, resolve
from pipeline.dates.roles import _lemma
from pipeline.schemas import DateFact

D = dt.date.fromisoformat

# A week of publication dates, Monday 10 to Sunday 16 January 2022, and the day of January 2022
# each bare weekday Monday..Sunday stands for: the same day when published on it, else the most
# recent one before.
WEEKDAY_TABLE = {
    10: [10, 4, 5, 6, 7, 8, 9],  # published on a Monday: "Tuesday" is last week's
    11: [10, 11, 5, 6, 7, 8, 9],
    12: [10, 11, 12, 6, 7, 8, 9],
    13: [10, 11, 12, 13, 7, 8, 9],  # published on a Thursday: "Thursday" is that day
    14: [10, 11, 12, 13, 14, 8, 9],
    15: [10, 11, 12, 13, 14, 15, 9],
    16: [10, 11, 12, 13, 14, 15, 16],
}
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@pytest.mark.parametrize("published", sorted(WEEKDAY_TABLE))
@pytest.mark.parametrize("index", range(7))
def test_bare_weekday_is_the_most_recent_one(published: int, index: int) -> None:
    found = resolve(WEEKDAY_NAMES[index], dt.date(2022, 1, published))
    assert found is not None
    assert found.date == dt.date(2022, 1, WEEKDAY_TABLE[published][index])
    assert (found.date_low, found.date_high, found.time_precision) == (found.date, found.date, 1)


# (expression, published, best day, low, high, precision)
DAY_TABLE = [
    ("Friday", "2023-05-15", "2023-05-12", None, None, 1),  # published on a Monday
    ("Friday", "2022-01-01", "2021-12-31", None, None, 1),  # across the new year
    ("Monday", "2022-01-01", "2021-12-27", None, None, 1),
    ("Wednesday", "2024-03-02", "2024-02-28", None, None, 1),  # across a leap day
    ("Thursday", "2024-03-02", "2024-02-29", None, None, 1),
    ("Saturday", "2023-03-01", "2023-02-25", None, None, 1),
    ("early Thursday", "2022-01-06", "2022-01-06", None, None, 1),
    ("on Sunday", "2022-01-06", "2022-01-02", None, None, 1),
    ("began on Sunday", "2022-01-06", "2022-01-02", None, None, 1),
    ("Saturday night", "2019-07-01", "2019-06-29", None, None, 1),
    ("late Tuesday night", "2019-07-04", "2019-07-02", None, None, 1),
    ("the early hours of Sunday", "2019-07-01", "2019-06-30", None, None, 1),
    ("last Thursday", "2022-01-06", "2021-12-30", None, None, 1),  # published on a Thursday
    ("last Thursday", "2022-01-07", "2022-01-06", None, None, 1),
    ("yesterday", "2022-01-01", "2021-12-31", None, None, 1),  # year boundary
    ("yesterday", "2024-03-01", "2024-02-29", None, None, 1),  # leap day
    ("yesterday", "2023-03-01", "2023-02-28", None, None, 1),
    ("last night", "2021-05-01", "2021-04-30", None, None, 1),  # month boundary
    ("LAST NIGHT", "1990-01-03", "1990-01-02", None, None, 1),
    ("today", "2024-02-29", "2024-02-29", None, None, 1),
    ("this morning", "2020-06-15", "2020-06-15", None, None, 1),
    ("the day before yesterday", "2022-03-01", "2022-02-27", None, None, 1),
    ("two days ago", "2022-01-01", "2021-12-30", None, None, 1),
    ("a week ago", "2022-01-12", "2022-01-05", "2022-01-02", "2022-01-08", 2),
    ("Jan. 5", "2022-01-06", "2022-01-05", None, None, 1),
    ("Dec. 30", "2022-01-06", "2021-12-30", None, None, 1),  # no year: the one before publication
    ("5 January", "2022-01-06", "2022-01-05", None, None, 1),
    ("January 5th", "2022-01-06", "2022-01-05", None, None, 1),
    ("ON 12 JANUARY", "1990-01-15", "1990-01-12", None, None, 1),
    ("Feb. 29", "2024-03-05", "2024-02-29", None, None, 1),
    ("Wednesday, Jan. 5, 2022", "2022-01-06", "2022-01-05", None, None, 1),
    ("Wednesday, Jan. 5, 2022", None, "2022-01-05", None, None, 1),
    ("Jan. 5, 2022", None, "2022-01-05", None, None, 1),
    ("3 JAN 90", None, "1990-01-03", None, None, 1),  # two-digit wire year
    ("12 JANUARY 1990", None, "1990-01-12", None, None, 1),
    ("2021-11-30", None, "2021-11-30", None, None, 1),
    ("12/24/2021", None, "2021-12-24", None, None, 1),
    ("2021.12.24", "2022-01-20", "2021-12-24", None, None, 1),  # the dateparser fallback
    # week precision: the interval runs to publication at the latest
    ("this week", "2022-01-05", "2022-01-04", "2022-01-03", "2022-01-05", 2),
    ("earlier this week", "2022-01-03", "2022-01-03", "2022-01-03", "2022-01-03", 2),
    ("last week", "2022-01-05", "2021-12-30", "2021-12-27", "2022-01-02", 2),
    ("the weekend", "2022-01-10", "2022-01-08", "2022-01-08", "2022-01-09", 2),
    ("over the weekend", "2022-01-09", "2022-01-08", "2022-01-08", "2022-01-09", 2),
    # month precision
    ("last month", "2022-01-15", "2021-12-16", "2021-12-01", "2021-12-31", 3),  # in January
    ("last month", "2024-03-10", "2024-02-15", "2024-02-01", "2024-02-29", 3),
    ("earlier this month", "2022-03-09", "2022-03-05", "2022-03-01", "2022-03-09", 3),
    ("in December", "2022-01-06", "2021-12-16", "2021-12-01", "2021-12-31", 3),
    ("March 2019", None, "2019-03-16", "2019-03-01", "2019-03-31", 3),
]


@pytest.mark.parametrize(("expr", "published", "best", "low", "high", "precision"), DAY_TABLE)
def test_expression_table(
    expr: str, published: str | None, best: str, low: str | None, high: str | None, precision: int
) -> None:
    found = resolve(expr, D(published) if published else None)
    assert found is not None, expr
    assert found.date == D(best)
    assert found.date_low == D(low or best)
    assert found.date_high == D(high or best)
    assert found.time_precision == precision


NOT_EVENT_DATES = [
    "three decades ago",
    "two years ago",
    "the 1990s",
    "the '90s",
    "5-year-old",
    "20 years old",
    "for three days",
    "two years",
    "the past two weeks",
    "24 hours",
    "7:30 p.m.",
    "every year",
    "annually",
    "2019",
    "this year",
    "last year",
    "tomorrow",
    "next week",
    "Feb. 29",  # published in a non-leap year: no such day
    "two days later",  # counted from a day of the story, not from publication
    "a week earlier",
    "16",  # a bare number is no date
    "13th",  # nor an ordinal ("the 13th victim")
]


@pytest.mark.parametrize("expr", NOT_EVENT_DATES)
def test_expressions_that_date_no_event(expr: str) -> None:
    assert resolve(expr, D("2023-03-05")) is None


@pytest.mark.parametrize("expr", ["Thursday", "yesterday", "last month", "this week", "Jan. 5"])
def test_relative_dates_need_a_publication_date(expr: str) -> None:
    assert resolve(expr, None) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("   SAN MIGUEL, 7 JAN 90 -- [REPORT] [TEXT] SOLDIERS ...", "1990-01-07"),
        ("LIMA, 10 FEB 89 (EFE) -- [TEXT] A BOMB ...", "1989-02-10"),
        ("BOGOTA (COLOMBIA), 25 MAY 89 (INRAVISION) -- [TEXT] ...", "1989-05-25"),
        ("DARWIN (AUSTRALIA), JUNE 14 89 (AFP) -- [TEXT] ...", "1989-06-14"),
        ("WASHINGTON, Jan. 5, 2022 (AP) -- Lawmakers met ...", "2022-01-05"),
        ("NAIROBI, Kenya, March 3, 2021 — Gunmen attacked ...", "2021-03-03"),
        ("Police said on Jan. 5, 2022 (a Wednesday) -- nothing", None),  # no place dateline
        ("A quiet day in the city. Nothing happened.", None),
        ("", None),
    ],
)
def test_published_from_dateline(text: str, expected: str | None) -> None:
    assert published_from_dateline(text) == (D(expected) if expected else None)


def test_dateline_must_open_the_text() -> None:
    body = "Some words. " * 60 + "\nLIMA, 10 FEB 89 (EFE) -- late dateline"
    assert published_from_dateline(body) is None


def _facts(doc) -> list[DateFact]:  # noqa: ANN001
    return [DateFact(**item) for item in doc._.ne_dates]


def test_speech_date_is_not_the_event_date(annotate) -> None:  # noqa: ANN001
    doc = annotate(
        "Police said Thursday that 12 officers were killed on Wednesday in the capital.",
        published="2022-01-06",
    )
    facts = _facts(doc)
    roles = {f.text: f.role for f in facts}
    assert roles.get("Thursday") == "report"
    assert roles.get("Wednesday") == "event"
    assert event_date(facts, D("2022-01-06"))["event_date"] == D("2022-01-05")


def test_statement_date_is_a_report_date(annotate) -> None:  # noqa: ANN001
    doc = annotate(
        "In a statement Friday, the sheriff's office said two men were shot late Tuesday night "
        "outside a bar.",
        published="2023-05-13",
    )
    result = event_date(_facts(doc), D("2023-05-13"))
    assert result["event_date"] == D("2023-05-09")
    assert result["time_precision"] == 1


def test_component_finds_day_expressions_ner_misses(annotate) -> None:  # noqa: ANN001
    doc = annotate(
        "A man was shot Saturday night near the park. Officers arrived early Sunday.",
        published="2019-07-01",
    )
    days = {f.date for f in _facts(doc)}
    assert {D("2019-06-29"), D("2019-06-30")} <= days
    for f in _facts(doc):
        assert doc.text[f.char_start : f.char_end] == f.text
        assert f.text in f.sentence


def test_upper_case_wire_copy(annotate) -> None:  # noqa: ANN001
    text = (
        "   SAN SALVADOR, 3 JAN 90 (RADIO NACIONAL) -- [TEXT] GUERRILLAS ATTACKED A POLICE "
        "POST IN THE TOWN LAST NIGHT. THE ARMY SAID ON 2 JANUARY THAT TWO SOLDIERS DIED."
    )
    published = published_from_dateline(text)
    assert published == D("1990-01-03")
    facts = _facts(annotate(text, published=published.isoformat()))
    dateline = [f for f in facts if f.char_start < 40]
    assert dateline and all(f.role == "report" for f in dateline)
    assert D("1990-01-02") in {f.date for f in facts if f.role == "event"}
    assert event_date(facts, published)["event_date"] == D("1990-01-02")


def test_relative_date_after_publication_is_no_event(annotate) -> None:  # noqa: ANN001
    doc = annotate(
        "The suspect will appear in court on Jan. 20. He was arrested Tuesday.",
        published="2022-01-06",
    )
    facts = _facts(doc)
    assert [f.role for f in facts if f.date == D("2022-01-20")] == ["other"]
    assert event_date(facts, D("2022-01-06"))["event_date"] == D("2022-01-04")


def test_no_publication_date_resolves_only_dated_expressions(annotate) -> None:  # noqa: ANN001
    doc = annotate("Two people were hurt Thursday. The plant closed on March 3, 2020.")
    assert [(f.text, f.date) for f in _facts(doc)] == [("March 3, 2020", D("2020-03-03"))]


def test_no_date_in_text_falls_back_to_publication() -> None:
    result = event_date([], D("2022-01-06"))
    assert result == {
        "event_date": D("2022-01-06"),
        "date_low": D("2021-12-31"),
        "date_high": D("2022-01-06"),
        "time_precision": 2,
    }
    assert event_date([], None)["event_date"] is None


def _fact(text: str, day: str, role: str = "event", start: int = 0, precision: int = 1) -> DateFact:
    return DateFact(
        text=text, sentence=text, char_start=start, char_end=start + len(text), date=D(day),
        date_low=D(day), date_high=D(day), time_precision=precision, role=role,
    )  # fmt: skip


def test_event_date_policy_order() -> None:
    published = D("2022-01-06")
    report = _fact("Thursday", "2022-01-06", role="report", start=0)
    first = _fact("Tuesday", "2022-01-04", start=10)
    later = _fact("Monday", "2022-01-03", start=50)
    future = _fact("Jan. 20", "2022-01-20", role="other", start=70)
    assert event_date([report, first, later, future], published)["event_date"] == D("2022-01-04")
    assert event_date([report, future], published)["event_date"] == D("2022-01-06")
    # a sentence named as the event's evidence wins over text order
    assert event_date([first, later], published, evidence=["Monday"])["event_date"] == D(
        "2022-01-03"
    )


def test_seed_dates(annotate, seed_gold: dict) -> None:  # noqa: ANN001
    facts = _facts(annotate(seed_gold["text"], published=seed_gold["published"]))
    days = {f.date for f in facts if f.time_precision == 1 and f.role != "other"}
    assert {D(d) for d in seed_gold["facts"]["dates"]} <= days
    by_text = {(f.text, f.date) for f in facts}
    assert ("Sunday", D("2022-01-02")) in by_text
    assert ("Wednesday, Jan. 5, 2022", D("2022-01-05")) in by_text
    assert ("Wednesday", D("2022-01-05")) in by_text
    assert ("Thursday", D("2022-01-06")) in by_text
    main = seed_gold["events"][0]["date"]
    result = event_date(facts, D(seed_gold["published"]))
    assert D(main["low"]) <= result["event_date"] <= D(main["high"])


def test_muc4_datelines_give_the_publication_date(eval_dir: Path) -> None:
    agree = total = 0
    with (eval_dir / "muc4_dev.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["published"]:
                total += 1
                found = published_from_dateline(record["text"])
                agree += found is not None and found.isoformat() == record["published"]
    assert total and agree / total >= 0.98


def test_incident_date_beats_aftermath_date(annotate) -> None:  # noqa: ANN001
    doc = annotate(
        "A man died in hospital on Sunday morning, two days after he was shot on Friday night "
        "outside his home.",
        published="2019-07-01",
    )
    facts = _facts(doc)
    governors = {f.text: f.governor for f in facts}
    assert governors.get("Friday night") == "shoot"
    assert event_date(facts, D("2019-07-01"))["event_date"] == D("2019-06-28")


def test_passive_report_verb_dates_the_incident(annotate) -> None:  # noqa: ANN001
    doc = annotate("The stabbing was reported around 10 a.m. Sunday.", published="2019-07-02")
    assert [(f.date, f.role) for f in _facts(doc)] == [(D("2019-06-30"), "event")]


def test_repeated_or_coming_weekdays_are_skipped(annotate) -> None:  # noqa: ANN001
    doc = annotate(
        "The market opens every Tuesday. Gunmen attacked it on Sunday. A hearing is set for "
        "next Friday.",
        published="2019-07-04",
    )
    assert [f.text for f in _facts(doc)] == ["Sunday"]


def test_page_stamps_and_inline_datelines_are_report_dates(annotate) -> None:  # noqa: ANN001
    doc = annotate(
        "Posted: Monday, March 2, 2015 9:41 PM CST\n\nSPRINGFIELD, Ill. (March 1, 2014) -- A "
        "man was shot Sunday night outside a store, police said.",
        published="2015-03-02",
    )
    facts = _facts(doc)
    stamps = [f for f in facts if f.date in (D("2015-03-02"), D("2014-03-01"))]
    assert len(stamps) == 2 and all(f.role == "report" for f in stamps)
    assert event_date(facts, D("2015-03-02"))["event_date"] == D("2015-03-01")


def test_lower_case_month_words_are_not_dates(annotate) -> None:  # noqa: ANN001
    doc = annotate(
        "About 20 march to the square every day. The clinic may 3 times reopen.",
        published="2021-05-04",
    )
    assert _facts(doc) == []


def test_upper_case_governors_are_normalised(annotate, nlp) -> None:  # noqa: ANN001
    doc = annotate("GUERRILLAS ATTACKED A BRIDGE LAST SATURDAY.", published="1989-05-09")
    facts = _facts(doc)
    assert [(f.text, f.date, f.governor) for f in facts] == [
        ("LAST SATURDAY", D("1989-05-06"), "attack")
    ]
    # Words the tagger leaves unlemmatised in upper-case copy fall back to the word lists.
    bare = Doc(nlp.vocab, words=["EXPLODED", "SAID", "AMBUSHING", "BRIDGE"])
    lex = load_lexicon()
    assert [_lemma(t, lex) for t in bare] == ["explode", "said", "ambush", "bridge"]


def test_trailing_punctuation_is_trimmed_but_not_abbreviations(annotate) -> None:  # noqa: ANN001
    doc = annotate(
        "TERRORISTS KILLED TWO SOLDIERS ON 12 JANUARY. Gunmen struck again on Sept. 3. "
        "Police came on Jan.",
        published="1990-01-15",
    )
    texts = [f.text for f in _facts(doc)]
    assert "12 JANUARY" in texts and "Sept. 3" in texts
    assert not any(t.endswith(("JANUARY.", "3.", " ")) for t in texts)


def test_planned_dates_are_not_event_dates(annotate) -> None:  # noqa: ANN001
    doc = annotate(
        "A woman was shot on Saturday night. The suspect will appear in court Monday, and a "
        "vigil is scheduled for Tuesday.",
        published="2018-10-10",
    )
    roles = {f.text: f.role for f in _facts(doc)}
    assert roles == {"Saturday night": "event", "Monday": "other", "Tuesday": "other"}
    assert event_date(_facts(doc), D("2018-10-10"))["event_date"] == D("2018-10-06")
