"""aggregate: events across articles (merging, count policy), rebuilding from earlier runs."""

from __future__ import annotations

import datetime as dt
import json
import math
import random
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language
from typer.testing import CliRunner

from pipeline.aggregate import (
    FOLLOW_UP_DAYS,
    TEXT_DAYS,
    aggregate_runs,
    build_article_events,
    haversine_km,
    headline,
    load_summary,
    merge_events,
    outlet,
    person_names,
    reconcile_counts,
    summary_tables,
    victim_ages,
)
from pipeline.cli import app
from pipeline.export import load_events, load_table
from pipeline.run import run
from pipeline.dates import date_basis
from pipeline.schemas import ActorFact, Article, CasualtyFact, DateFact, Event, PlaceFact
from pipeline.tabulate import events_frame

runner = CliRunner()

# Two cities 30 km apart (roughly one third of a degree of latitude), and a far one.
CITY = {"location": "Townsville", "latitude": 10.0, "longitude": 7.0}
NEAR = {"location": "Suburbia", "latitude": 10.1, "longitude": 7.05}  # ~12 km away
FAR30 = {"location": "Farton", "latitude": 10.27, "longitude": 7.0}  # ~30 km away


def ev(article: str, day: str = "2023-03-04", n: int = 1, **fields: object) -> Event:
    """A per-article event record as build_article_events makes it."""
    date = dt.date.fromisoformat(day)
    base: dict[str, object] = {
        "event_id": f"{article}#{n}",
        "event_date": date,
        "date_low": date,
        "date_high": date,
        "time_precision": 1,
        "event_type": "riots",
        "country": "Nigeria",
        "iso2": "NG",
        "iso3": "NGA",
        "admin1": "Kaduna",
        "geo_precision": 1,
        "source": f"{article}.txt",
        "article_ids": article,
        **CITY,
    }
    base.update(fields)
    return Event(**base)


def killed(low: int, best: int, high: int | None) -> dict[str, int | None]:
    return {"killed_low": low, "killed_best": best, "killed_high": high, "fatalities": best}


def by_articles(events: list[Event]) -> set[str]:
    return {e.article_ids for e in events}


# --------------------------------------------------------------------------- the batch


def test_three_reports_of_one_riot_and_an_unrelated_event_give_two_events() -> None:
    events = [
        ev("a", **killed(8, 8, 8)),
        ev("b", "2023-03-05", **killed(12, 12, 12)),
        ev("c", **killed(12, 24, 99)),  # "dozens"
        ev(
            "d",
            "2023-03-03",
            event_type="protests",
            country="Chile",
            iso2="CL",
            iso3="CHL",
            admin1=None,
            location="Santiago",
            latitude=-33.46,
            longitude=-70.65,
            injured_low=2,
            injured_best=2,
            injured_high=2,
        ),
    ]
    merged = merge_events(events)
    assert len(merged) == 2
    riot = next(e for e in merged if e.event_type == "riots")
    assert riot.n_sources == 3 and riot.article_ids == "a;b;c"
    # Highest exact report (12), never the sum (32); "dozens" keeps the upper bound open to 99.
    assert (riot.killed_low, riot.killed_best, riot.killed_high, riot.fatalities) == (12, 12, 99, 12)
    assert riot.event_id == "a#1"
    assert riot.source == "a.txt;b.txt;c.txt"
    other = next(e for e in merged if e.event_type == "protests")
    assert other == events[3]


# --------------------------------------------------------------------------- what merges


def test_events_of_one_article_are_never_merged() -> None:
    merged = merge_events([ev("a", n=1), ev("a", n=2), ev("b")])
    assert len(merged) == 2
    assert by_articles(merged) == {"a", "a;b"}


@pytest.mark.parametrize(
    ("other", "together"),
    [
        ({"event_type": "protests"}, True),  # a protest turned violent
        ({"event_type": "violence_against_civilians"}, True),  # mob violence called an attack
        ({"event_type": "battles"}, False),
        ({"event_type": "strategic_developments"}, False),
        ({"event_type": None}, True),  # untyped: no claim, no contradiction
        ({"day": "2023-03-05"}, True),  # next day
        ({"day": "2023-03-06"}, False),  # two days apart, both known to the day
        ({"day": "2023-03-06", "time_precision": 2, "date_low": dt.date(2023, 3, 6)}, True),
        ({"day": "2023-03-07", "time_precision": 2, "date_low": dt.date(2023, 3, 7)}, False),
        (NEAR, True),
        (FAR30, False),
        ({"latitude": None, "longitude": None}, True),  # same name, one without coordinates
        ({"latitude": None, "longitude": None, "location": "Elsewhere"}, False),
        ({"iso3": "NER", "iso2": "NE", "country": "Niger"}, False),
        ({"location": "Nigeria", "geo_precision": 3, "latitude": 9.0, "longitude": 8.0}, False),
        ({"location": "Kaduna", "geo_precision": 3}, False),  # admin1 only: too coarse
        ({"actor1": "Rioters (Nigeria)", "inter1": 5}, True),
    ],
)
def test_merge_rules(other: dict, together: bool) -> None:
    fields = dict(other)
    day = str(fields.pop("day", "2023-03-04"))
    merged = merge_events([ev("a", actor1="Rioters (Nigeria)", inter1=5), ev("b", day, **fields)])
    assert (len(merged) == 1) is together


def test_other_types_must_be_equal() -> None:
    assert len(merge_events([ev("a", event_type="protests"), ev("b", event_type="battles")])) == 2
    battle = ev("a", event_type="battles")
    assert len(merge_events([battle, ev("b", event_type="explosions_remote_violence")])) == 2
    assert len(merge_events([battle, ev("b", event_type="battles")])) == 1


@pytest.mark.parametrize(
    ("a", "b", "together"),
    [
        (killed(1, 1, 1), killed(14, 14, 14), False),  # each the other's outlier
        (killed(3, 3, 3), killed(8, 8, 8), True),  # a toll that doubled
        (killed(0, 0, 0), killed(1, 1, 1), False),  # "nobody died" against a death
        (killed(0, 0, 0), killed(0, 0, 0), True),
        ({}, killed(40, 40, 40), True),  # no killed figure: no claim
        (killed(12, 12, 99), killed(10, 10, None), True),
    ],
)
def test_killed_figures_that_cannot_be_one_toll_keep_events_apart(a: dict, b: dict, together: bool) -> None:
    assert (len(merge_events([ev("a", **a), ev("b", **b)])) == 1) is together


def test_untyped_events_merge_with_each_other() -> None:
    assert len(merge_events([ev("a", event_type=None), ev("b", event_type=None)])) == 1


def test_actors_that_share_neither_name_nor_type_keep_events_apart() -> None:
    a = ev("a", actor1="Boko Haram", inter1=2)
    assert len(merge_events([a, ev("b", actor1="Rioters (Nigeria)", inter1=5)])) == 2
    assert len(merge_events([a, ev("b", actor1="Military Forces of Nigeria", inter1=1, actor2="Boko Haram")])) == 1
    assert len(merge_events([a, ev("b")])) == 1  # no actor named: nothing to contradict
    assert len(merge_events([a, ev("b", actor1="Musa Ibrahim")])) == 1  # a name without a type


def test_week_interval_overlapping_a_day_merges() -> None:
    undated = ev("b", "2023-03-06", date_low=dt.date(2023, 2, 27), time_precision=2)
    merged = merge_events([undated, ev("a")])
    assert len(merged) == 1
    assert merged[0].event_date == dt.date(2023, 3, 4) and merged[0].time_precision == 1


def test_too_vague_records_stay_alone() -> None:
    no_date = ev("b", event_date=None, date_low=None, date_high=None, time_precision=None)
    year = ev("c", date_low=dt.date(2023, 1, 1), date_high=dt.date(2023, 12, 31), time_precision=3)
    no_place = ev("d", location=None, latitude=None, longitude=None)
    assert len(merge_events([ev("a"), no_date, year, no_place])) == 4


def test_linkage_is_complete_no_chaining() -> None:
    # a-b and b-c are within a day, a-c is not: c must not join a's event through b.
    merged = merge_events([ev("a", "2023-03-04"), ev("b", "2023-03-05"), ev("c", "2023-03-06")])
    assert len(merged) == 2
    assert sorted(e.n_sources for e in merged) == [1, 2]


def test_a_report_joins_the_closest_of_two_events() -> None:
    # Two incidents 12 km apart on one day (their actors differ); a third report, naming no
    # actor, is compatible with both and joins the one at its own place.
    first = ev("a", actor1="Rioters (Nigeria)", inter1=5)
    second = ev("b", **NEAR, actor1="Boko Haram", inter1=2)
    third = ev("c", **NEAR)
    merged = merge_events([first, second, third])
    assert by_articles(merged) == {"a", "b;c"}


def test_result_does_not_depend_on_input_order() -> None:
    events = [
        ev("a", **killed(3, 3, 3)),
        ev("b", "2023-03-05", **killed(5, 5, 5)),
        ev("c", "2023-03-04", event_type="battles"),
        ev("d", "2023-03-05", event_type="battles", **NEAR),
        ev("e", "2023-03-20"),
    ]
    expected = sorted(e.model_dump_json() for e in merge_events(events))
    rng = random.Random(7)
    for _ in range(5):
        shuffled = events[:]
        rng.shuffle(shuffled)
        assert sorted(e.model_dump_json() for e in merge_events(shuffled)) == expected


def test_merging_merged_events_changes_nothing() -> None:
    events = [ev("a"), ev("b", "2023-03-05"), ev("c", **NEAR), ev("d", "2023-03-20")]
    once = merge_events(events)
    assert merge_events(once) == once


@pytest.mark.parametrize("lat", [0.1, 33.0, 59.9, 70.0, -45.0])
def test_grid_blocking_finds_every_pair_within_the_radius(lat: float) -> None:
    # Pairs scattered around cell boundaries: merged exactly when within 25 km.
    rng = random.Random(int(lat * 10))
    for _ in range(100):
        lat1, lon1 = lat + rng.uniform(-0.3, 0.3), rng.uniform(-0.3, 0.3)
        km, bearing = rng.uniform(10, 40), rng.uniform(0, 2 * math.pi)
        lat2 = lat1 + km * math.cos(bearing) / 111.32
        lon2 = lon1 + km * math.sin(bearing) / (111.32 * math.cos(math.radians(lat1)))
        a = ev("a", latitude=lat1, longitude=lon1, location="P1")
        b = ev("b", latitude=lat2, longitude=lon2, location="P2")
        within = haversine_km(lat1, lon1, lat2, lon2) <= 25.0
        assert (len(merge_events([a, b])) == 1) is within


@pytest.mark.parametrize("lat", [0.1, 45.0, 65.0])
def test_grid_blocking_finds_every_corroborated_pair_within_the_loose_radius(lat: float) -> None:
    # Towns 40-80 km apart whose headlines share rare words: merged exactly when within 60 km.
    rng = random.Random(int(lat * 10) + 1)
    words = {"notes": "Guests wounded at Lakeview chapel"}
    for _ in range(40):
        lat1, lon1 = lat + rng.uniform(-0.3, 0.3), rng.uniform(-0.3, 0.3)
        km, bearing = rng.uniform(40, 80), rng.uniform(0, 2 * math.pi)
        lat2 = lat1 + km * math.cos(bearing) / 111.32
        lon2 = lon1 + km * math.sin(bearing) / (111.32 * math.cos(math.radians(lat1)))
        a = ev("a", latitude=lat1, longitude=lon1, location="P1", **words)
        b = ev("b", latitude=lat2, longitude=lon2, location="P2", **words)
        within = haversine_km(lat1, lon1, lat2, lon2) <= 60.0
        assert (merged_articles([a, b, *filler()]) == {"a;b"}) is within


def test_many_events_in_blocks() -> None:
    # 2,000 records: 500 events, each reported by four articles, across countries and days.
    events = []
    for i in range(500):
        day = (dt.date(2023, 1, 1) + dt.timedelta(days=(i % 100) * 5)).isoformat()
        lat = 10.0 + (i // 100) * 2  # five places, far apart
        for source in range(4):
            events.append(ev(f"art{i}-{source}", day, latitude=lat, location=f"Town{i // 100}"))
    merged = merge_events(events)
    assert len(merged) == 500
    assert {e.n_sources for e in merged} == {4}


# --------------------------------------------------------------------------- corroboration
# Reports of one incident differ: one outlet calls a shooting an attack, another a clash; one
# places it in a town, another in its county; one counts a wounded victim who later dies. The
# merge accepts such differences only with corroboration: the same figure, or rare words shared
# by the headlines and evidence (rarity needs a batch: `filler` adds unrelated reports).


def filler(n: int = 12) -> list[Event]:
    """Unrelated reports far away in time, each with its own headline, so that word rarity
    can be told."""
    words = ["alder", "birch", "cedar", "dogwood", "elm", "fir", "ginkgo", "hazel", "ivy", "juniper",
             "larch", "maple", "oak", "pine", "rowan", "spruce"]
    return [
        ev(f"z{i}", f"2022-0{1 + i % 9}-1{i % 9}", notes=f"Storm damage near the {words[i]} grove",
           location=f"Place{i}", latitude=20.0 + i, longitude=3.0)
        for i in range(n)
    ]


def merged_articles(events: list[Event]) -> set[str]:
    """The article_ids of the merged events with more than one source."""
    return {e.article_ids for e in merge_events(events) if e.n_sources > 1}


def test_other_types_merge_when_the_same_figure_is_reported() -> None:
    injured3 = {"injured_low": 3, "injured_best": 3, "injured_high": 3}
    attack = ev("a", event_type="violence_against_civilians", **injured3)
    clash = ev("b", event_type="battles", **injured3)
    assert merged_articles([attack, clash]) == {"a;b"}
    # Without a shared figure a battle and an attack on one day in one town stay two events.
    other = ev("b", event_type="battles", injured_low=5, injured_best=5, injured_high=5)
    assert merged_articles([attack, other]) == set()


def test_other_types_merge_when_headlines_share_rare_words() -> None:
    a = ev("a", event_type="violence_against_civilians", notes="Gunfire at Rosewood bakery wounds clerk")
    b = ev("b", event_type="strategic_developments", notes="Suspect held after Rosewood bakery robbery")
    assert merged_articles([a, b, *filler()]) == {"a;b"}
    c = ev("b", event_type="strategic_developments", notes="Suspect held after market robbery")
    assert merged_articles([a, c, *filler()]) == set()


def test_common_words_and_place_names_do_not_corroborate() -> None:
    # "shooting", "police", "killed" and the town's own name are in every such report.
    a = ev("a", event_type="battles", notes="Townsville police: man killed in shooting")
    b = ev("b", event_type="strategic_developments", notes="Shooting in Townsville: police say man killed")
    assert merged_articles([a, b, *filler()]) == set()


def test_one_shared_rare_word_is_a_coincidence() -> None:
    a = ev("a", event_type="battles", notes="Gunfire at a bakery")
    b = ev("b", event_type="violence_against_civilians", notes="Bakery owner robbed")
    assert merged_articles([a, b, *filler()]) == set()


def test_rare_words_need_a_batch() -> None:
    a = ev("a", event_type="battles", notes="Gunfire at Rosewood bakery")
    b = ev("b", event_type="violence_against_civilians", notes="Rosewood bakery gunfire")
    assert merged_articles([a, b]) == set()  # two reports: no telling rare from common


COUNTY = {"location": "Greene County", "admin2": "Greene County", "geo_precision": 2,
          "latitude": None, "longitude": None}


def test_a_town_and_its_county_merge_with_corroboration() -> None:
    town = ev("a", notes="Hunter wounded near Oakridge trailhead")
    county = ev("b", **COUNTY, notes="Oakridge trailhead hunter shot, deputies say")
    assert merged_articles([town, county, *filler()]) == {"a;b"}
    assert merged_articles([town, ev("b", **COUNTY), *filler()]) == set()


def test_a_report_naming_the_other_report_s_place_merges() -> None:
    town = ev("a", notes="Greene County deputies investigate a fatal shooting")
    assert merged_articles([town, ev("b", **COUNTY)]) == {"a;b"}
    # ...but not across first-level divisions.
    assert merged_articles([town, ev("b", **COUNTY, admin1="Kano")]) == set()


def test_towns_a_little_apart_merge_only_with_corroboration() -> None:
    words = {"notes": "Guests wounded at Lakeview chapel"}
    a = ev("a", **words)
    assert merged_articles([a, ev("b", **FAR30, **words), *filler()]) == {"a;b"}
    assert merged_articles([a, ev("b", **FAR30), *filler()]) == set()
    far = {"location": "Distant", "latitude": 10.7, "longitude": 7.0}  # ~78 km
    assert merged_articles([a, ev("b", **far, **words), *filler()]) == set()


def test_one_place_name_resolved_to_two_states_merges_with_corroboration() -> None:
    words = {"notes": "Gunman dead after Pinecrest high school shooting"}
    here = ev("a", location="Alpine", **words)
    there = ev("b", location="Alpine", admin1="Kano", latitude=12.0, longitude=8.5, **words)
    assert merged_articles([here, there, *filler()]) == {"a;b"}
    plain = ev("b", location="Alpine", admin1="Kano", latitude=12.0, longitude=8.5)
    assert merged_articles([here, plain, *filler()]) == set()


def test_many_shared_rare_words_outweigh_a_misplaced_report() -> None:
    # The geocoder put one report of a mall shooting 900 km away, in another state: four rare
    # words only these two headlines use say it is one incident; two do not.
    here = ev("a", notes="Gunman opens fire in Harbourview mall cinema lobby")
    elsewhere = {"location": "Faraway", "admin1": "Kano", "latitude": 18.0, "longitude": 7.0}
    assert merged_articles([here, ev("b", **elsewhere, notes="Harbourview mall cinema lobby reopens after gunfire"),
                            *filler()]) == {"a;b"}
    assert merged_articles([here, ev("b", **elsewhere, notes="Harbourview mall reopens"), *filler()]) == set()
    # Dates still have to agree.
    later = ev("b", "2023-03-09", **elsewhere, notes="Harbourview mall cinema lobby reopens after gunfire")
    assert merged_articles([here, later, *filler()]) == set()


def test_unplaced_reports_merge_with_corroboration() -> None:
    words = {"notes": "Gunfire at Rosewood bakery wounds clerk"}
    placed = ev("a", **words)
    unplaced = ev("b", location=None, latitude=None, longitude=None, admin1=None, geo_precision=None,
                  **words)
    assert merged_articles([placed, unplaced, *filler()]) == {"a;b"}
    stateless = ev("b", location=None, latitude=None, longitude=None, admin1=None, geo_precision=None,
                   country=None, iso2=None, iso3=None, **words)
    assert merged_articles([placed, stateless, *filler()]) == {"a;b"}
    assert merged_articles([placed, ev("b", location=None, latitude=None, longitude=None)]) == set()


def test_a_town_named_like_its_state_is_a_town() -> None:
    # Kaduna city in Kaduna state, placed at town precision: it merges on place alone.
    town = {"location": "Kaduna", "admin1": "Kaduna", "geo_precision": 1}
    assert len(merge_events([ev("a", **town), ev("b", **town)])) == 1


def test_typed_actors_at_odds_merge_with_the_same_figure() -> None:
    figure = killed(2, 2, 2)
    a = ev("a", actor1="Boko Haram", inter1=2, **figure)
    b = ev("b", actor1="Rioters (Nigeria)", inter1=5, **figure)
    assert merged_articles([a, b]) == {"a;b"}


def test_a_wounded_victim_who_died_is_an_update() -> None:
    # An early report: nobody killed, one wounded; a later one: one killed.
    early = ev("a", **killed(0, 0, 0), injured_low=1, injured_best=1, injured_high=1)
    later = ev("b", "2023-03-05", **killed(1, 1, 1))
    merged = merge_events([early, later])
    assert len(merged) == 1 and merged[0].killed_best == 1
    # Nobody killed nor wounded against a death: two events.
    unhurt = ev("a", **killed(0, 0, 0), injured_low=0, injured_best=0, injured_high=0)
    assert len(merge_events([unhurt, later])) == 2


def test_in_a_crowded_place_place_and_date_alone_do_not_merge() -> None:
    # Five reports of a shooting in one town on one day, nothing else in common: as likely five
    # shootings as one. Two such reports alone merge.
    crowd = [ev(x, event_type="violence_against_civilians") for x in "abcde"]
    assert merged_articles(crowd) == set()
    assert merged_articles(crowd[:2]) == {"a;b"}


def test_two_stories_of_one_outlet_need_corroboration() -> None:
    # One station's two stories of a shooting in its city, one day apart, one victim each:
    # an outlet following up its own story repeats a detail; with none, two shootings.
    one = killed(1, 1, 1)
    a = ev("a", notes="Man shot on the east side | WXYZ Channel 7", **one)
    b = ev("b", "2023-03-05", notes="Police investigate overnight shooting | WXYZ Channel 7", **one)
    assert merged_articles([a, b]) == set()
    # Other outlets' reports of the same place, day and toll merge as before.
    c = ev("c", "2023-03-05", notes="Police investigate overnight shooting | The Daily Star", **one)
    assert merged_articles([a, c]) == {"a;c"}
    # The same victim's age corroborates the outlet's follow-up.
    assert merged_articles([ev("a", victim_ages="19", notes=a.notes, **one),
                            ev("b", "2023-03-05", victim_ages="19", notes=b.notes, **one)]) == {"a;b"}


def test_outlet_is_the_tail_of_a_title() -> None:
    assert outlet("Man shot on the east side | WXYZ  Channel 7") == "wxyz channel 7"
    assert outlet("Shooting | WXYZ") == ""  # too short a headline to tell a tail
    assert outlet(None) == outlet("No outlet named here") == ""
    # The last separator names the outlet; a dash inside the headline does not.
    assert outlet("Man shot downtown - police seek driver | WXYZ Channel 7") == "wxyz channel 7"


def test_in_a_crowded_place_one_victim_is_no_corroboration() -> None:
    one = killed(1, 1, 1)
    crowd = [ev(x, **one) for x in "abcde"]
    assert merged_articles(crowd) == set()
    three = killed(3, 3, 3)
    crowd[1], crowd[3] = ev("b", **three), ev("d", **three)
    assert merged_articles(crowd) == {"b;d"}


def test_outlet_names_do_not_corroborate() -> None:
    # Two stories of one outlet: its name ends both titles and its web address is glued to the
    # dateline of both first sentences.
    a = ev("a", event_type="battles", notes="Clerk wounded at corner store | Channel Nine Kestrel",
           evidence="Channel Nine Kestrel ninekestrel.comTOWNSVILLE - A clerk was wounded.")
    b = ev("b", event_type="violence_against_civilians", notes="Driver hurt in road rage | Channel Nine Kestrel",
           evidence="Channel Nine Kestrel ninekestrel.comTOWNSVILLE - A driver was hurt.")
    others = [ev(f"o{i}", f"2021-0{i + 1}-10", notes=f"Story {w} number {i} | Morning Herald")
              for i, w in enumerate(["apple", "pear", "plum", "fig", "lime", "kiwi"])]
    assert merged_articles([a, b, *filler(), *others]) == set()


def test_wire_datelines_do_not_corroborate() -> None:
    # Two wire stories of one agency on one day: the dateline is all they share.
    a = ev("a", event_type="battles", notes="PORT ALBA, 3 MAR 91 (RADIO KESTREL) -- [TEXT] TROOPS CLASHED WITH REBELS")
    b = ev("b", event_type="explosions_remote_violence",
           notes="PORT ALBA, 3 MAR 91 (RADIO KESTREL) -- [TEXT] A CAR BOMB DAMAGED A BRIDGE")
    assert merged_articles([a, b, *filler()]) == set()
    assert headline(a.notes) == "TROOPS CLASHED WITH REBELS"


def test_headline_drops_the_outlet_name() -> None:
    assert headline("Man shot near the river | Channel 5 News") == "Man shot near the river"
    assert headline("Two hurt in crash « Radio Kestrel") == "Two hurt in crash"
    assert headline("Shots - fired") == "Shots - fired"  # too short to be a headline and a tail


def test_the_date_most_equally_precise_sources_give_wins() -> None:
    # "Sunday night" in one report, "early Monday" in two.
    merged = merge_events([ev("a", "2023-03-04"), ev("b", "2023-03-05"), ev("c", "2023-03-05")])
    assert len(merged) == 1 and merged[0].event_date == dt.date(2023, 3, 5)


# --------------------------------------------------------------------------- follow-up stories


def _date(text: str, day: str, governor: str | None, role: str = "event") -> DateFact:
    d = dt.date.fromisoformat(day)
    return DateFact(text=text, sentence=text, char_start=0, char_end=len(text), date=d, date_low=d,
                    date_high=d, time_precision=1, role=role, governor=governor)  # fmt: skip


def test_date_basis_tells_the_incident_s_day_from_the_aftermath_s() -> None:
    published = dt.date(2023, 5, 12)
    shot = _date("Tuesday", "2023-05-09", "shoot")
    arraigned = _date("Thursday", "2023-05-11", "arraign")
    said = _date("Friday", "2023-05-12", "say", role="report")
    assert date_basis([shot, arraigned], published) == "incident"
    assert date_basis([arraigned], published) == "aftermath"
    assert date_basis([said], published) == "report"
    assert date_basis([], published) == "published"
    assert date_basis([], None) is None


def test_article_events_carry_their_date_basis() -> None:
    article = Article(id="k1", source="k1.txt", title="Teen arraigned in bakery case", text="",
                      published=dt.date(2023, 5, 12))  # fmt: skip
    wounded = CasualtyFact(text="wounded", sentence="A clerk was wounded.", char_start=0, char_end=7,
                           outcome="injured", count_low=1, count_best=1, count_high=1)  # fmt: skip
    (event,) = build_article_events(article, [wounded, _date("Thursday", "2023-05-11", "arraign")])
    assert event.date_basis == "aftermath" and event.event_date == dt.date(2023, 5, 11)


# The incident, then stories of its aftermath weeks later, with their own days.
INCIDENT = {"event_type": "violence_against_civilians", "notes": "Clerk wounded at Rosewood bakery on Elm Street"}


def test_a_follow_up_story_joins_its_incident_when_rare_words_agree() -> None:
    shot = ev("a", "2023-03-04", **INCIDENT)
    court = ev("b", "2023-04-20", event_type=None, notes="Teen arraigned in Rosewood bakery Elm Street gunfire")
    merged = merge_events([shot, court, *filler()])
    (event,) = [e for e in merged if e.n_sources > 1]
    assert event.article_ids == "a;b"
    assert event.event_date == dt.date(2023, 3, 4)  # the incident's day, not the court's


def test_a_follow_up_story_dated_by_its_aftermath_joins_its_incident() -> None:
    shot = ev("a", "2023-03-04", **INCIDENT)
    later = ev("b", "2023-04-20", event_type=None, date_basis="aftermath",
               notes="Family of Rosewood bakery clerk speaks about Elm Street gunfire")  # fmt: skip
    assert merged_articles([shot, later, *filler()]) == {"a;b"}


def test_a_follow_up_story_needs_corroboration_not_just_its_place() -> None:
    shot = ev("a", "2023-03-04", **INCIDENT)
    court = ev("b", "2023-04-20", event_type=None, notes="Man sentenced for harbour warehouse fire")
    assert merged_articles([shot, court, *filler()]) == set()


def test_a_follow_up_story_is_bounded_in_time() -> None:
    shot = ev("a", "2023-03-04", **INCIDENT)
    late = dt.date(2023, 3, 4) + dt.timedelta(days=FOLLOW_UP_DAYS + 10)
    court = ev("b", late.isoformat(), event_type=None, notes="Teen arraigned in Rosewood bakery Elm Street gunfire")
    assert merged_articles([shot, court, *filler()]) == set()
    # A follow-up tells of what came before it, never after.
    before = ev("b", "2023-01-10", event_type=None, notes="Teen arraigned in Rosewood bakery Elm Street gunfire")
    assert merged_articles([shot, before, *filler()]) == set()


def test_a_report_weeks_later_without_follow_up_news_stays_apart() -> None:
    shot = ev("a", "2023-03-04", **INCIDENT)
    again = ev("b", "2023-04-20", **INCIDENT)  # the same words, but nothing says it is a follow-up
    assert merged_articles([shot, again, *filler()]) == set()


def test_a_follow_up_story_with_only_the_same_toll_stays_apart() -> None:
    # Weeks of a city's news hold other shootings with two dead; the same day, it would merge.
    two = {"killed_low": 2, "killed_best": 2, "killed_high": 2}
    shot = ev("a", "2023-03-04", event_type="violence_against_civilians", notes="Two dead on a quiet street", **two)
    vigil = ev("b", "2023-03-20", event_type=None, notes="Vigil draws neighbours of the victims", **two)
    assert merged_articles([shot, vigil, *filler()]) == set()
    same_day = ev("b", "2023-03-05", event_type=None, notes="Vigil draws neighbours of the victims", **two)
    assert merged_articles([shot, same_day, *filler()]) == {"a;b"}


def test_an_arrest_in_a_named_shooting_is_no_other_type() -> None:
    # An arrest is a strategic development, but "arrested in the shooting" is news of that
    # shooting: same town, same day, it joins it; an arrest for something else does not.
    shot = ev("a", event_type="violence_against_civilians", notes="Gunfire wounds clerk downtown")
    arrest = ev("b", event_type="strategic_developments", notes="Teen arrested in downtown shooting")
    assert merged_articles([shot, arrest, *filler()]) == {"a;b"}
    theft = ev("b", event_type="strategic_developments", notes="Teen arrested for car theft")
    assert merged_articles([shot, theft, *filler()]) == set()


# --------------------------------------------------------------------------- the count policy


def test_counts_are_never_summed() -> None:
    counts = reconcile_counts([ev("a", **killed(4, 4, 4)), ev("b", **killed(4, 4, 4))])
    assert (counts["killed_low"], counts["killed_best"], counts["killed_high"]) == (4, 4, 4)


def test_a_vague_floor_above_the_exact_reports_raises_best() -> None:
    counts = reconcile_counts([ev("a", **killed(8, 8, 8)), ev("b", **killed(12, 12, None))])
    assert (counts["killed_low"], counts["killed_best"], counts["killed_high"]) == (12, 12, None)


def test_vague_only_reports_give_the_highest_floor() -> None:
    counts = reconcile_counts([ev("a", **killed(12, 24, 99)), ev("b", **killed(10, 10, None))])
    assert (counts["killed_low"], counts["killed_best"], counts["killed_high"]) == (12, 12, 99)


def test_an_outlier_report_is_not_credible() -> None:
    # One killed against 14 (a misread age, a quoted statistic): not an update of the toll.
    counts = reconcile_counts([ev("a", **killed(1, 1, 1)), ev("b", **killed(14, 14, 14))])
    assert (counts["killed_low"], counts["killed_best"], counts["killed_high"]) == (1, 1, 1)
    # A toll that doubles is an update.
    counts = reconcile_counts([ev("a", **killed(3, 3, 3)), ev("b", **killed(8, 8, 8))])
    assert counts["killed_best"] == 8


def test_a_corroborated_figure_beats_a_lone_higher_one() -> None:
    counts = reconcile_counts([ev(x, **killed(8, 8, 8)) for x in "ab"] + [ev("c", **killed(12, 12, 12))])
    assert (counts["killed_low"], counts["killed_best"], counts["killed_high"]) == (8, 8, 8)
    # No majority: the highest credible report.
    counts = reconcile_counts([ev(x, **killed(n, n, n)) for x, n in zip("abcd", (8, 8, 12, 12))])
    assert counts["killed_best"] == 12


def test_a_toll_far_above_every_other_count_of_victims_is_not_credible() -> None:
    # One source reads 100 killed where two others count a single wounded victim.
    wounded = {"injured_low": 1, "injured_best": 1, "injured_high": 1}
    counts = reconcile_counts([ev("a", **wounded), ev("b", **wounded), ev("c", **killed(100, 100, 100), **wounded)])
    assert counts["killed_best"] is None and counts["injured_best"] == 1
    # A toll within reach of the others' victims stands (three wounded, two of whom died).
    counts = reconcile_counts([ev("a", injured_low=3, injured_best=3, injured_high=3), ev("b", **killed(2, 2, 2))])
    assert counts["killed_best"] == 2


def test_a_wounded_victim_reported_dead_later_is_counted_once() -> None:
    wounded = {"injured_low": 1, "injured_best": 1, "injured_high": 1}
    counts = reconcile_counts([ev("a", **wounded), ev("b", **killed(1, 1, 1))])
    assert (counts["killed_best"], counts["injured_best"]) == (1, 0)
    # Three wounded, two of whom died: one is still wounded.
    counts = reconcile_counts([ev("a", injured_low=3, injured_best=3, injured_high=3), ev("b", **killed(2, 2, 2))])
    assert (counts["killed_best"], counts["injured_low"], counts["injured_best"], counts["injured_high"]) == (2, 1, 1, 1)
    # A source counting the dead and the wounded apart keeps both.
    counts = reconcile_counts([ev("a", **wounded), ev("b", **killed(1, 1, 1), **wounded)])
    assert (counts["killed_best"], counts["injured_best"]) == (1, 1)
    # An open count ("at least 3 wounded") is lowered but stays open.
    counts = reconcile_counts([ev("a", injured_low=3, injured_best=3, injured_high=None), ev("b", **killed(3, 3, 3))])
    assert (counts["injured_low"], counts["injured_best"], counts["injured_high"]) == (0, 0, None)


def test_silent_sources_do_not_lower_an_outcome() -> None:
    injured = {"injured_low": 5, "injured_best": 5, "injured_high": 5}
    counts = reconcile_counts([ev("a", **injured), ev("b")])
    assert counts["injured_best"] == 5
    assert counts["killed_best"] is None and counts["arrested_low"] is None


# --------------------------------------------------------------------------- victims' ages


def _casualty(outcome: str, victims: str, perpetrator: bool = False) -> CasualtyFact:
    sentence = f"Police said {victims} was {outcome}."
    return CasualtyFact(
        article_id="x", text=victims, sentence=sentence, char_start=0, char_end=len(sentence),
        outcome=outcome, count_low=1, count_best=1, count_high=1, victims=victims, perpetrator=perpetrator,
    )


def test_victim_ages_come_from_the_victims_of_killed_and_injured_facts() -> None:
    facts = [
        _casualty("killed", "a 24-year-old man"),
        _casualty("injured", "the 3-year-old"),
        _casualty("arrested", "a 19-year-old suspect"),
        _casualty("killed", "the 40-year-old gunman", perpetrator=True),
        _casualty("injured", "two teenagers"),
    ]
    assert victim_ages(facts) == [3, 24]


def test_one_victim_of_another_age_is_another_shooting() -> None:
    one = {**killed(1, 1, 1), "injured_best": 0}
    a = ev("a", victim_ages="24", **one)
    assert len(merge_events([a, ev("b", victim_ages="30", **one)])) == 2
    # Outlets differ by a year (a birthday, a rounding): the same victim.
    assert len(merge_events([a, ev("b", victim_ages="25", **one)])) == 1
    # A report without an age, or of several victims, says nothing against it.
    assert len(merge_events([a, ev("b", **one)])) == 1
    two = {**killed(2, 2, 2), "injured_best": 0}
    assert len(merge_events([ev("a", victim_ages="24", **two), ev("b", victim_ages="30", **two)])) == 1


def test_the_same_victim_s_age_corroborates_in_a_crowded_place() -> None:
    # Five reports of one victim in one town on one day: the same victim's age links two.
    records = [ev(x, victim_ages=age) for x, age in zip("abcde", ("17", "17", "30", "45", "62"))]
    merged = merge_events(records)
    assert sorted(len(e.article_ids.split(";")) for e in merged) == [1, 1, 1, 2]
    assert any(e.article_ids == "a;b" and e.victim_ages == "17" for e in merged)


# --------------------------------------------------------------------------- summaries


def test_summary_tables_count_events_and_fatalities() -> None:
    events = events_frame(
        merge_events(
            [
                ev("a", **killed(2, 2, 2)),
                ev("b", **killed(3, 3, 3)),  # same event as a: 3 killed, not 5
                ev("c", "2023-03-10", **NEAR, **killed(1, 1, 1)),
                ev("d", "2023-03-10", event_type="battles", admin1="Kano", location="Kano",
                   latitude=12.0, longitude=8.5),
                ev("e", "2023-03-10", event_type="protests", country="Chile", iso2="CL", iso3="CHL",
                   admin1=None, location="Santiago", latitude=-33.46, longitude=-70.65,
                   **killed(1, 1, 1)),
            ]
        )
    )
    tables = summary_tables(events)
    country = tables["summary_country"].set_index("iso3")
    assert country.loc["NGA", "events"] == 3 and country.loc["NGA", "fatalities"] == 4
    assert country.loc["NGA", "reports"] == 4 and country.loc["CHL", "events"] == 1
    admin1 = tables["summary_admin1"].set_index(["iso3", "admin1"])
    assert admin1.loc[("NGA", "Kaduna"), "events"] == 2 and admin1.loc[("NGA", "Kano"), "fatalities"] == 0
    day = tables["summary_day"]
    assert day[(day.iso3 == "NGA") & (day.event_date == "2023-03-10")].events.tolist() == [2]
    week = tables["summary_week"].set_index(["iso3", "week_start"])
    # 2023-03-04 is a Saturday: week of Monday 2023-02-27; 2023-03-10 a Friday: week of 03-06.
    assert week.loc[("NGA", pd.Timestamp("2023-02-27")), "events"] == 1
    assert week.loc[("NGA", pd.Timestamp("2023-03-06")), "fatalities"] == 1


# --------------------------------------------------------------------------- end to end

RIOT = [
    {
        "id": "riot-a",
        "published": "2023-03-05",
        "title": "Deadly riot in Kaduna",
        "text": "Eight people were killed on Saturday when rioters clashed with police in Kaduna, "
        "Nigeria, officials said. Rioters set fire to shops and cars in the city centre.",
    },
    {
        "id": "riot-b",
        "published": "2023-03-06",
        "title": "Kaduna riot toll rises",
        "text": "Twelve people were killed in Saturday's riot in Kaduna, a police spokesman said on "
        "Monday. Mobs burned shops and vehicles before security forces restored order in the "
        "northern Nigerian city.",
    },
    {
        "id": "riot-c",
        "published": "2023-03-05",
        "title": "Unrest in northern Nigeria",
        "text": "Dozens of people were killed in rioting in Kaduna, Nigeria, on Saturday, witnesses "
        "said. Rioters torched shops as police fired tear gas.",
    },
    {
        "id": "other-d",
        "published": "2023-03-05",
        "title": "Protest in Santiago",
        "text": "Thousands of students marched peacefully in Santiago, Chile, on Friday to demand "
        "lower tuition fees. Two people were injured when police dispersed the crowd.",
    },
]


@pytest.fixture(scope="module")
def riot_batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("riot") / "batch.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RIOT), encoding="utf-8")
    return path


def test_run_merges_the_riot_reports(riot_batch: Path, tmp_path: Path, nlp: Language) -> None:
    summary = run([riot_batch], tmp_path, nlp=nlp)
    events = load_events(tmp_path / "events.csv")
    assert summary.events == len(events) == 2
    riot = events[events.article_ids == "riot-a;riot-b;riot-c"].iloc[0]
    assert riot.n_sources == 3 and riot.location == "Kaduna" and riot.iso3 == "NGA"
    assert riot.event_date == pd.Timestamp("2023-03-04")
    # 8, 12 and "dozens": the highest exact report, "dozens" only keeps the range open.
    assert (riot.killed_low, riot.killed_best, riot.fatalities) == (12, 12, 12)
    assert riot.killed_high >= 12
    # The facts ledger keeps each source's own claim.
    facts = load_table(tmp_path / "facts.csv", {"article_id": "string", "kind": "string",
                                                 "outcome": "string", "count_best": "Int64"})
    claims = facts[(facts.kind == "casualty") & (facts.outcome == "killed")]
    assert {8, 12} <= set(claims.count_best.dropna())
    assert set(claims.article_id) == {"riot-a", "riot-b", "riot-c"}


def test_no_merge_keeps_one_event_per_article(riot_batch: Path, tmp_path: Path, nlp: Language) -> None:
    run([riot_batch], tmp_path, nlp=nlp, merge=False)
    events = load_events(tmp_path / "events.csv")
    assert sorted(events.article_ids) == ["other-d", "riot-a", "riot-b", "riot-c"]


@pytest.fixture(scope="module")
def riot_run(riot_batch: Path, tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    out = tmp_path_factory.mktemp("riot_run")
    run([riot_batch], out, nlp=nlp, merge=False)
    return out


def test_aggregate_rebuilds_the_events_of_a_run(
    riot_batch: Path, riot_run: Path, tmp_path: Path, nlp: Language
) -> None:
    unmerged = aggregate_runs([riot_run], tmp_path / "flat", merge=False)
    assert unmerged.events == unmerged.article_events == 4
    pd.testing.assert_frame_equal(
        load_events(tmp_path / "flat" / "events.csv"), load_events(riot_run / "events.csv")
    )
    summary = aggregate_runs([riot_run], tmp_path / "agg")
    assert (summary.articles, summary.article_events, summary.events) == (4, 4, 2)
    run([riot_batch], tmp_path / "merged", nlp=nlp)
    pd.testing.assert_frame_equal(
        load_events(tmp_path / "agg" / "events.csv"), load_events(tmp_path / "merged" / "events.csv")
    )


def test_aggregate_keeps_one_copy_of_an_article_seen_in_two_runs(riot_run: Path, tmp_path: Path) -> None:
    summary = aggregate_runs([riot_run, riot_run], tmp_path, merge=False)
    assert summary.article_events == 4
    assert len(load_events(tmp_path / "events.csv")) == 4


def test_aggregate_cli_writes_events_and_summaries(riot_run: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["aggregate", str(riot_run), "--out", str(tmp_path), "--format", "parquet"])
    assert result.exit_code == 0, result.output
    assert "4 article events became 2 events" in result.output
    for name in ("events", "summary_country", "summary_admin1", "summary_day", "summary_week"):
        assert (tmp_path / f"{name}.parquet").is_file(), name
    country = pd.read_parquet(tmp_path / "summary_country.parquet").set_index("iso3")
    assert country.loc["NGA", "events"] == 1 and country.loc["NGA", "fatalities"] == 12


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_summary_tables_load_back_with_their_dtypes(riot_run: Path, tmp_path: Path, fmt: str) -> None:
    aggregate_runs([riot_run], tmp_path, fmt=fmt)
    events = load_events(tmp_path / f"events.{fmt}")
    for name, table in summary_tables(events).items():
        back = load_summary(tmp_path / f"{name}.{fmt}")
        pd.testing.assert_frame_equal(back, table, check_like=False)


def test_aggregate_cli_without_tables_fails_cleanly(tmp_path: Path) -> None:
    result = runner.invoke(app, ["aggregate", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "no facts table" in result.output


def test_aggregate_reads_runs_in_any_format(riot_batch: Path, tmp_path: Path, nlp: Language) -> None:
    run([riot_batch], tmp_path / "run", nlp=nlp, fmt="jsonl", merge=False)
    summary = aggregate_runs([tmp_path / "run"], tmp_path / "agg", fmt="csv")
    assert (summary.article_events, summary.events) == (4, 2)
    assert len(load_events(tmp_path / "agg" / "events.csv")) == 2


# --------------------------------------------------------------------------- people named


def _actor(name: str, actor_type: str | None = None, named: bool = True) -> ActorFact:
    return ActorFact(text=name, sentence=f"{name} said.", char_start=0, char_end=len(name),
                     actor_name=name, actor_type=actor_type, named=named)  # fmt: skip


def _victims(words: str) -> CasualtyFact:
    return CasualtyFact(text="was shot", sentence=f"{words} was shot.", char_start=0, char_end=8,
                        outcome="injured", count_low=1, count_best=1, count_high=1, victims=words)  # fmt: skip


def big_filler() -> list[Event]:
    """48 unrelated reports: a name only two reports give is rare in a batch this size."""
    return [
        e.model_copy(update={"event_id": f"{e.event_id}{k}", "article_ids": f"{e.article_ids}{k}",
                             "location": f"{e.location}{k}", "longitude": 3.0 + 10 * j})  # fmt: skip
        for j, k in enumerate("xyz")
        for e in filler(16)
    ]


def test_person_names_keep_full_names_of_people_only() -> None:
    facts = [
        _actor("Orla Penhaligon"),  # a suspect
        _actor("Tobias Q. Wrenfield Jr."),  # initials and a suffix are part of a name
        _actor("Wrenfield"),  # a surname alone is too common to tell incidents
        _actor("Maribel Ostrova", actor_type="state_forces"),  # an official, quoted in many stories
        _actor("Harbour Police Department", actor_type="state_forces"),
        _actor("police", actor_type="state_forces", named=False),
        _victims("Dmitri Alvarado-Quist"),
        _victims("a 19-year-old man"),
    ]
    assert person_names(facts) == ["Dmitri Alvarado-Quist", "Orla Penhaligon", "Tobias Q. Wrenfield Jr."]


def test_person_names_read_casualty_sentences_but_not_institutions_titles_or_places() -> None:
    def said(sentence: str) -> CasualtyFact:
        return CasualtyFact(text="shot", sentence=sentence, char_start=0, char_end=4, outcome="injured",
                            count_low=1, count_best=1, count_high=1)  # fmt: skip

    facts = [
        said("Orla Penhaligon, 23, was shot near her home and taken to Riverside Medical Center."),
        said("Sheriff Ingrid Tollefsen said a woman was shot in Port Halvard."),
        said("A man was wounded, according to Chief Anton Brisk."),
        said("Two men were wounded, said spokesman Tarquin Vell."),
        PlaceFact(text="Port Halvard", sentence="...", char_start=0, char_end=12, name="Port Halvard"),
    ]
    assert person_names(facts) == ["Orla Penhaligon"]


def test_build_article_events_carries_the_article_s_people() -> None:
    article = Article(id="p1", source="p1.txt", text="", title="Teen charged in bakery shooting",
                      published=dt.date(2023, 5, 12))  # fmt: skip
    facts = [_victims("Orla Penhaligon"), _actor("Tobias Wrenfield"), _date("Thursday", "2023-05-11", "charge")]
    (event,) = build_article_events(article, facts)
    assert event.persons == "Orla Penhaligon;Tobias Wrenfield"


def test_a_follow_up_story_naming_the_same_person_joins_its_incident() -> None:
    # Headlines that share no rare word: the victim's full name is what ties them.
    shot = ev("a", "2023-03-04", event_type="violence_against_civilians",
              notes="Man wounded outside corner store", persons="Orla Penhaligon;Tobias Wrenfield")  # fmt: skip
    court = ev("b", "2023-04-20", event_type=None, notes="Suspect charged in March gunfire",
               persons="Tobias Wrenfield Jr.")  # fmt: skip
    assert merged_articles([shot, court, *big_filler()]) == {"a;b"}
    merged = [e for e in merge_events([shot, court, *big_filler()]) if e.n_sources > 1]
    assert merged[0].persons == "Orla Penhaligon;Tobias Wrenfield;Tobias Wrenfield Jr."
    # Another person's name, or none, leaves the follow-up story alone.
    other = court.model_copy(update={"persons": "Ines Varga"})
    assert merged_articles([shot, other, *big_filler()]) == set()
    unnamed = court.model_copy(update={"persons": None})
    assert merged_articles([shot, unnamed, *big_filler()]) == set()


def test_a_name_many_reports_give_does_not_link_them() -> None:
    # A spokesman named in every story of a month is no incident's identity.
    said = {"persons": "Maribel Ostrova"}
    shot = ev("a", "2023-03-04", event_type="violence_against_civilians", notes="Man wounded outside corner store", **said)
    court = ev("b", "2023-04-20", event_type=None, notes="Suspect charged in March gunfire", **said)
    others = [e.model_copy(update=said) for e in big_filler()]
    assert merged_articles([shot, court, *others]) == set()


def test_a_name_only_two_reports_give_outweighs_places_apart() -> None:
    # The geocoder read one report's place from a name ("Cleveland Smith" shot in Detroit):
    # a full name only these two reports of the batch give says it is one incident.
    shot = ev("a", "2023-03-04", event_type="violence_against_civilians",
              notes="Man wounded outside corner store", persons="Tobias Wrenfield")  # fmt: skip
    far = ev("b", "2023-03-04", event_type="violence_against_civilians", notes="Gunfire on a farm road",
             persons="Tobias Wrenfield", location="Farland", latitude=14.0, longitude=7.0, admin1="Kano")  # fmt: skip
    assert merged_articles([shot, far, *big_filler()]) == {"a;b"}
    # A name a few other reports give too weighs less than places apart.
    fillers = big_filler()
    named = [e.model_copy(update={"persons": "Tobias Wrenfield"}) for e in fillers[:3]]
    assert merged_articles([shot, far, *named, *fillers[3:]]) == set()


# Strong text evidence against a contradiction: reports that share many rare words (or a
# victim's full name and more) are one incident even when one of them misread a toll or a date.
MALL = "Gunman opens fire in Harbourview mall cinema lobby"


def test_many_shared_rare_words_outweigh_a_misread_toll() -> None:
    five = killed(5, 5, 5)
    a = ev("a", notes=MALL, **five)
    # "20" is an age or a statistic read as a toll: many rare words say it is the same incident.
    b = ev("b", notes="Harbourview mall cinema lobby gunman kills five", **killed(20, 20, 20))
    merged = [e for e in merge_events([a, b, *filler()]) if e.n_sources > 1]
    assert [e.article_ids for e in merged] == ["a;b"]
    assert merged[0].killed_best == 5  # the count policy sets the outlier aside
    # Fewer shared words leave the tolls' contradiction standing.
    c = ev("b", notes="Harbourview mall reopens", **killed(20, 20, 20))
    assert merged_articles([a, c, *filler()]) == set()


def test_a_misread_toll_joins_the_cluster_of_the_report_it_echoes() -> None:
    # b shares nothing with a but a place and a day; c shares many rare words with b only and
    # misreads the toll: it joins them, the count policy keeps the corroborated 5.
    a = ev("a", notes="Five dead in shooting", **killed(5, 5, 5))
    b = ev("b", notes=MALL, **killed(5, 5, 5))
    c = ev("c", notes="Harbourview mall cinema lobby gunman kills five", **killed(20, 20, 20))
    merged = [e for e in merge_events([a, b, c, *filler()]) if e.n_sources > 1]
    assert [e.article_ids for e in merged] == ["a;b;c"]
    assert merged[0].killed_best == 5


def test_towns_a_little_apart_merge_on_the_same_toll_of_two_or_more() -> None:
    two = killed(2, 2, 2)
    a = ev("a", notes="Two dead in gunfire", **two)
    assert merged_articles([a, ev("b", **FAR30, notes="Shooting leaves couple dead", **two), *filler()]) == {"a;b"}
    # One victim is the commonest toll; another day, another toll: apart.
    one = killed(1, 1, 1)
    assert merged_articles([ev("a", **one), ev("b", **FAR30, **one), *filler()]) == set()
    assert merged_articles([a, ev("b", "2023-03-06", **FAR30, **two), *filler()]) == set()
    assert merged_articles([a, ev("b", **FAR30, **killed(3, 3, 3)), *filler()]) == set()


def test_many_shared_rare_words_outweigh_dates_apart() -> None:
    # A date resolved to the wrong year, or a follow-up story without a follow-up word.
    a = ev("a", "2023-03-04", notes=MALL, persons="Orla Penhaligon")
    year_off = ev("b", "2024-03-04", notes="Harbourview mall cinema gunman named", persons="Orla Penhaligon")
    merged = [e for e in merge_events([a, year_off, *big_filler()]) if e.n_sources > 1]
    assert [e.article_ids for e in merged] == ["a;b"]
    # A few shared words are a coincidence over a year of a town's news; the window is bounded.
    few = year_off.model_copy(update={"notes": "Gunman named", "persons": "Orla Penhaligon"})
    assert merged_articles([a, few, *big_filler()]) == set()
    late = dt.date(2023, 3, 4) + dt.timedelta(days=TEXT_DAYS + 1)
    too_late = year_off.model_copy(update={"event_date": late, "date_low": late, "date_high": late})
    assert merged_articles([a, too_late, *big_filler()]) == set()


def test_a_report_dated_apart_joins_the_cluster_of_the_report_it_echoes() -> None:
    a = ev("a", "2023-03-04", notes="Two dead in shooting", **killed(2, 2, 2))
    b = ev("b", "2023-03-04", notes=MALL, persons="Orla Penhaligon", **killed(2, 2, 2))
    c = ev("c", "2023-09-04", notes="Harbourview mall cinema gunman named", persons="Orla Penhaligon")
    merged = [e for e in merge_events([a, b, c, *big_filler()]) if e.n_sources > 1]
    assert [e.article_ids for e in merged] == ["a;b;c"]
    assert merged[0].event_date == dt.date(2023, 3, 4)  # the day most sources give


def test_the_latest_exact_report_is_the_update() -> None:
    def on(day: str, article: str, low: int, best: int, high: int | None) -> Event:
        return ev(article, published=dt.date.fromisoformat(day), **killed(low, best, high))

    # A later story corrects an earlier count, downwards too ("four shot, one dead": three wounded).
    # The earlier figure stays the upper bound of the range.
    counts = reconcile_counts([on("2023-03-04", "a", 4, 4, 4), on("2023-03-06", "b", 3, 3, 3)])
    assert (counts["killed_low"], counts["killed_best"], counts["killed_high"]) == (3, 3, 4)
    counts = reconcile_counts([on("2023-03-06", "a", 4, 4, 4), on("2023-03-04", "b", 3, 3, 3)])
    assert counts["killed_best"] == 4
    # Reports of one day (or undated): the highest; a vague floor above the latest still raises it.
    counts = reconcile_counts([on("2023-03-04", "a", 4, 4, 4), on("2023-03-04", "b", 3, 3, 3)])
    assert counts["killed_best"] == 4
    counts = reconcile_counts([on("2023-03-04", "a", 6, 6, None), on("2023-03-06", "b", 3, 3, 3)])
    assert (counts["killed_low"], counts["killed_best"], counts["killed_high"]) == (6, 6, None)
    # The merged event keeps its latest source's day.
    merged = merge_events([on("2023-03-04", "a", 4, 4, 4), on("2023-03-06", "b", 3, 3, 3)])
    assert [(e.killed_best, e.published) for e in merged] == [(3, dt.date(2023, 3, 6))]


def test_a_later_report_far_below_another_is_no_update() -> None:
    # "Nobody else died" after two reports of 14 and 20 dead counts something else.
    def on(day: str, article: str, n: int) -> Event:
        return ev(article, published=dt.date.fromisoformat(day), **killed(n, n, n))

    counts = reconcile_counts([on("2023-03-04", "a", 14), on("2023-03-05", "b", 20), on("2023-03-06", "c", 0)])
    assert counts["killed_best"] == 20
    # One victim, then none (a misread, or another incident's report): within reach, an update.
    counts = reconcile_counts([on("2023-03-04", "a", 1), on("2023-03-06", "b", 0)])
    assert counts["killed_best"] == 0


def test_the_wounded_are_the_fewest_credible_report() -> None:
    def on(day: str, article: str, n: int) -> Event:
        return ev(article, published=dt.date.fromisoformat(day), injured_low=n, injured_best=n, injured_high=n)

    # "Four shot" read as four wounded, then "three wounded": the dead were among the shot,
    # whichever report came first.
    for days in (("2023-03-04", "2023-03-05"), ("2023-03-05", "2023-03-04")):
        counts = reconcile_counts([on(days[0], "a", 4), on(days[1], "b", 3)])
        assert (counts["injured_low"], counts["injured_best"], counts["injured_high"]) == (3, 3, 4)
    # ...but "nobody hurt" after 14 and 20 wounded is no count of the same victims.
    counts = reconcile_counts([on("2023-03-04", "a", 14), on("2023-03-05", "b", 20), on("2023-03-06", "c", 0)])
    assert counts["injured_best"] == 14
    # A report of none wounded within reach of one or two wounded is the count down to none
    # (the wounded died, or were told apart as unhurt).
    counts = reconcile_counts([on("2023-03-04", "a", 2), on("2023-03-05", "b", 0)])
    assert counts["injured_best"] == 0


def test_an_article_of_several_events_does_not_outweigh_contradictions() -> None:
    # A wire story of a week's attacks shares its headline among its events: its words tell
    # the story, not which of its events another report's is.
    a = ev("a", "2023-03-04", notes=MALL, persons="Orla Penhaligon")
    year_off = ev("b", "2024-03-04", notes="Harbourview mall cinema gunman named", persons="Orla Penhaligon")
    assert merged_articles([a, year_off, *big_filler()]) == {"a;b"}
    second = year_off.model_copy(update={"event_id": "b#2", "location": "Elsewhere", "latitude": 30.0})
    assert merged_articles([a, year_off, second, *big_filler()]) == set()


def test_towns_of_one_state_far_apart_merge_on_the_same_toll_and_rare_words() -> None:
    # A station placed the incident at its own city, 100 km from the town it happened in.
    five = killed(5, 5, 5)
    far = {"location": "Capitalton", "latitude": 10.9, "longitude": 7.0}  # ~100 km, same admin1
    a = ev("a", notes="Gunman kills five at Harbourview mall", **five)
    b = ev("b", **far, notes="Harbourview mall victims mourned", **five)
    assert merged_articles([a, b, *filler()]) == {"a;b"}
    # Without the same toll, or in another first-level division, or with fewer shared words: apart.
    assert merged_articles([a, b.model_copy(update=killed(2, 2, 2)), *filler()]) == set()
    assert merged_articles([a, b.model_copy(update={"admin1": "Kano"}), *filler()]) == set()
    assert merged_articles([a, b.model_copy(update={"notes": "Mall victims mourned"}), *filler()]) == set()


def test_a_follow_up_story_of_the_next_days_is_close_to_its_incident() -> None:
    shot = ev("a", "2023-03-04", event_type="violence_against_civilians", notes="Man wounded downtown")
    arrest = ev("b", "2023-03-07", event_type="violence_against_civilians", notes="Suspect arrested after downtown gunfire")
    assert merged_articles([shot, arrest]) == {"a;b"}
    # Another report three days later is another shooting; a follow-up dated before is none.
    again = ev("b", "2023-03-07", event_type="violence_against_civilians", notes="Man wounded downtown")
    assert merged_articles([shot, again]) == set()
    earlier = ev("b", "2023-03-01", event_type="violence_against_civilians", notes="Suspect arrested after downtown gunfire")
    assert merged_articles([shot, earlier]) == set()
    late = ev("b", "2023-03-08", event_type="violence_against_civilians", notes="Suspect arrested after downtown gunfire")
    assert merged_articles([shot, late]) == set()


def test_photo_captions_and_bylines_are_no_person_names() -> None:
    # Web page furniture an outlet puts in every story: no incident's identity.
    def said(sentence: str) -> CasualtyFact:
        return CasualtyFact(text="shot", sentence=sentence, char_start=0, char_end=4, outcome="injured",
                            count_low=1, count_best=1, count_high=1)  # fmt: skip

    facts = [
        said("Caption Close Image A man was shot on Elm Street, police said."),
        said("Updated 5:30 PM, By Dana Reporter. Orla Penhaligon, 23, was shot near her home."),
        said("Courtesy Of Harbour Daily Photo A teen was wounded."),
    ]
    assert person_names(facts) == ["Orla Penhaligon"]


def test_many_half_common_words_do_not_outweigh_dates_apart() -> None:
    # Two wire stories of one conflict, months apart, share its vocabulary: each word is in a
    # fifth of the batch, together they weigh more than TEXT_OVER_DATES, yet tell no incident.
    vocabulary = "guerrilla front national liberation union army command rebels district patrol"
    fillers = big_filler()
    others = [e.model_copy(update={"notes": f"{e.notes} {vocabulary}"}) for e in fillers[:10]]
    # Two rare words too (a group's name only these two use): still short of five.
    a = ev("a", "2023-03-04", notes=f"Attack by the Tamberlin Cortado cell {vocabulary}")
    b = ev("b", "2023-09-04", notes=f"Clash with the Tamberlin Cortado cell {vocabulary}")
    assert merged_articles([a, b, *others, *fillers[10:]]) == set()
