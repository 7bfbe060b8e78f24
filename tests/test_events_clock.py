"""events.clock: clock times read from hand-written sentences; near reports that share a time
few reports give are one incident, however crowded their town."""

from __future__ import annotations

import pytest

from event_builders import NEAR, ev, merged_articles
from pipeline.events import MergeRules, merge_events
from pipeline.events.cluster import rare_times
from pipeline.events.records import make_record
from pipeline.events.clock import clock_times, times_of


@pytest.mark.parametrize(("sentence", "times"), [
    ("Officers were called at about 11:25 p.m. Saturday to a home on Elm Street.", ["23:25"]),
    ("The shooting happened shortly before 2 a.m. outside a bar.", ["02:00"]),
    ("Police said the fight broke out around 10.30pm near the station.", ["22:30"]),
    ("A man was found wounded at 9:05 PM and died at 12:15 a.m.", ["00:15", "21:05"]),
    ("The 12 p.m. meeting and the 12 a.m. curfew", ["00:00", "12:00"]),
    ("Gunfire at 8:45 p.m. was heard again at 8:45 pm.", ["20:45"]),
    # no time: amendments, an AM station's frequency, a 24-hour clock, a score, noon and midnight
    ("The council passed 5 amendments on Tuesday.", []),
    ("He called 1010 AM radio to say so.", []),
    ("The curfew starts at 22:00 hours.", []),
    ("The hosts won 3-2 in a tense match.", []),
    ("It happened shortly after midnight, or around noon.", []),
    ("at 13:30 p.m., the 0 a.m. slot", []),
    ("The vote at 13:05 p.m. was delayed to 2.5 pm.", []),
    # a page's stamp is no incident's hour
    ("Updated 9:14 AM EST, Sat March 4, 2023", []),
    ("Posted at 10:02 a.m. Tuesday. A man was shot at 9:40 a.m.", ["09:40"]),
])
def test_clock_times(sentence: str, times: list[str]) -> None:
    assert clock_times([sentence]) == times


def test_times_of_reads_the_column_back() -> None:
    assert times_of("20:45;23:10") == frozenset({"20:45", "23:10"})
    assert times_of(None) == times_of("") == frozenset()


def _others(n: int) -> list:
    """`n` unrelated reports of other years and places, each giving its own time of the small
    hours: a batch big enough to tell a common hour from a rare one."""
    return [ev(f"z{i}", f"{2000 + i % 20}-0{1 + i % 9}-1{i % 9}", notes="Storm damage reported",
               clock_times=f"0{i % 6}:{i // 6 % 60:02d}", location=f"Place{i}", latitude=-40.0 + i % 80,
               longitude=-170.0 + i // 80 * 10) for i in range(n)]


def _crowd(n: int, time: str) -> list:
    """`n` reports of other shootings in the same town the same day, each giving `time` and its
    own words: a crowded town where place, day and toll tell nothing apart."""
    return [ev(f"c{i}", event_type="violence_against_civilians", clock_times=time,
               notes=f"Shooting number {i} leaves one hurt", latitude=10.0 + i / 1000) for i in range(n)]


@pytest.mark.parametrize(("a_times", "b_times", "b_fields", "together"), [
    ("20:45", "20:45", {}, True),  # a time only these two give: one shooting
    ("20:45;22:00", "20:45", NEAR, True),  # in a suburb 12 km away, too
    ("22:00", "22:00", {}, False),  # the hour of every report that night: no detail
    ("20:45", "20:50", {}, False),  # another time is no corroboration (nor a contradiction)
    ("20:45", "20:45", {"day": "2023-03-05"}, False),  # each states its own day: two incidents
])
def test_a_rare_clock_time_links_near_reports(a_times: str, b_times: str, b_fields: dict,
                                              together: bool) -> None:
    fields = dict(b_fields)
    day = str(fields.pop("day", "2023-03-04"))
    one = {"event_type": "violence_against_civilians"}
    a = ev("a", notes="Woman wounded on porch", clock_times=a_times, **one)
    b = ev("b", day, notes="Gunfire injures resident", clock_times=b_times, **{**one, **fields})
    events = merge_events([a, b, *_crowd(4, "22:00"), *_others(200)])
    linked = any({"a", "b"} <= set(e.article_ids.split(";")) for e in events)
    assert linked is together


def test_a_round_up_s_times_link_none_of_its_incidents() -> None:
    one = {"event_type": "violence_against_civilians"}
    a = ev("a", notes="Woman wounded on porch", clock_times="20:45", **one)
    # article b reports two shootings: its times may be either's
    b1 = ev("b", n=1, notes="Weekend gunfire injures residents", clock_times="20:45;23:10", **one)
    b2 = ev("b", n=2, notes="Weekend gunfire injures residents", clock_times="20:45;23:10",
            **{**one, "location": "Farton", "latitude": 10.27})
    assert not any("a" in ids.split(";") for ids in merged_articles([a, b1, b2, *_crowd(4, "22:00"), *_others(200)]))


@pytest.mark.parametrize(("others", "with_times", "together"), [
    (200, True, True),
    # among a few reports giving a time, none is rare enough to tell a detail from a common hour
    (10, True, False),
    # however many reports give none (a wire service's news)
    (200, False, False),
])
def test_a_time_is_rare_among_the_reports_giving_one(others: int, with_times: bool, together: bool) -> None:
    one = {"event_type": "violence_against_civilians"}
    a = ev("a", notes="Woman wounded on porch", clock_times="20:45", **one)
    b = ev("b", notes="Gunfire injures resident", clock_times="20:45", **one)
    batch = [e if with_times else e.model_copy(update={"clock_times": None}) for e in _others(others)]
    assert ("a;b" in merged_articles([a, b, *_crowd(4, "22:00"), *batch])) is together


def test_an_article_s_events_count_its_times_once() -> None:
    # two events of one round-up give its time once: rarer than two reports giving it
    rules = MergeRules()
    records = [make_record(e, rules=rules) for e in (
        ev("r", n=1, clock_times="20:45"), ev("r", n=2, clock_times="20:45"), *_others(100))]
    assert "20:45" in rare_times([r for r in records if r is not None], rules=rules)
    records.append(make_record(ev("s", clock_times="20:45"), rules=rules))
    assert "20:45" not in rare_times([r for r in records if r is not None], rules=rules)
