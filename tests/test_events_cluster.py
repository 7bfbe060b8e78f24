"""events.cluster: clustering and blocking (complete linkage, order independence, crowded places)."""

from __future__ import annotations

import datetime as dt
import math
import random

import pytest

from event_builders import MALL, NEAR, big_filler, by_articles, ev, filler, killed, merged_articles
from pipeline.events import haversine_km, merge_events


def test_three_reports_of_one_riot_and_an_unrelated_event_give_two_events() -> None:
    events = [
        ev("a", **killed(8, 8, 8)),
        ev("b", "2023-03-05", date_basis="report", **killed(12, 12, 12)),
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


def test_events_of_one_article_are_never_merged() -> None:
    merged = merge_events([ev("a", n=1), ev("a", n=2), ev("b")])
    assert len(merged) == 2
    assert by_articles(merged) == {"a", "a;b"}


def test_too_vague_records_stay_alone() -> None:
    no_date = ev("b", event_date=None, date_low=None, date_high=None, time_precision=None)
    year = ev("c", date_low=dt.date(2023, 1, 1), date_high=dt.date(2023, 12, 31), time_precision=3)
    no_place = ev("d", location=None, latitude=None, longitude=None)
    assert len(merge_events([ev("a"), no_date, year, no_place])) == 4


def test_linkage_is_complete_no_chaining() -> None:
    # a-b and b-c are within a day, a-c is not: c must not join a's event through b (days of
    # statements: two days each stated for its incident would be two incidents, and no story
    # dated by its publication tells an incident after it).
    merged = merge_events([ev(x, f"2023-03-0{4 + i}", date_basis="report") for i, x in enumerate("abc")])
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
    # Pairs scattered around cell boundaries, of one victim of one age (two towns need that
    # corroboration): merged exactly when within 25 km.
    rng = random.Random(int(lat * 10))
    victim = {**killed(1, 1, 1), "victim_ages": "30"}
    for _ in range(100):
        lat1, lon1 = lat + rng.uniform(-0.3, 0.3), rng.uniform(-0.3, 0.3)
        km, bearing = rng.uniform(10, 40), rng.uniform(0, 2 * math.pi)
        lat2 = lat1 + km * math.cos(bearing) / 111.32
        lon2 = lon1 + km * math.sin(bearing) / (111.32 * math.cos(math.radians(lat1)))
        a = ev("a", latitude=lat1, longitude=lon1, location="P1", **victim)
        b = ev("b", latitude=lat2, longitude=lon2, location="P2", **victim)
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


def test_a_busy_grid_cell_is_searched_by_day() -> None:
    # A town with a report on each of 40 days (more days than a look-up reaches): a report from
    # the next cell 7 km away, clustered after them, still finds the one of its own day (same
    # victim's age: near_age).
    busy = [ev(f"t{d}", (dt.date(2023, 3, 1) + dt.timedelta(days=2 * d)).isoformat(), latitude=9.99,
               longitude=7.0, location="Townsville", **killed(1, 1, 1), victim_ages=str(20 + d))
            for d in range(40)]
    report = ev("z", "2023-03-21", latitude=10.05, longitude=7.0, location="Suburbia", **killed(1, 1, 1),
                victim_ages="30")
    assert {frozenset(ids.split(";")) for ids in merged_articles([*busy, report])} == {frozenset({"t10", "z"})}


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


def test_in_a_crowded_place_place_and_date_alone_do_not_merge() -> None:
    # Five reports of a shooting in one town on one day, nothing else in common: as likely five
    # shootings as one. Two such reports alone merge.
    crowd = [ev(x, event_type="violence_against_civilians") for x in "abcde"]
    assert merged_articles(crowd) == set()
    assert merged_articles(crowd[:2]) == {"a;b"}


@pytest.mark.parametrize(("others", "together"), [
    ("female", False),  # three women shot: the town's other incidents of the day
    ("male", False),
    (None, False),
])
def test_reports_of_other_victims_still_crowd_the_town(others: str | None, together: bool) -> None:
    # Two reports of a man shot, and three of other shootings in the same town on the same day:
    # a woman shot cannot be the man's report, but her shooting is another incident of the
    # town, so place and date alone no longer tell which report is whose.
    one = {**killed(1, 1, 1), "injured_best": 0, "event_type": "violence_against_civilians"}
    men = [ev(x, victim_sexes="male", **one) for x in "ab"]
    rest = [ev(x, victim_sexes=others, **one) for x in "cde"]
    assert ("a;b" in merged_articles(men + rest)) is together
    assert merged_articles(men) == {"a;b"}  # alone in their town, they are one


@pytest.mark.parametrize(
    ("third", "together"),
    [
        ({"day": "2023-03-05"}, False),  # a report stating the next day: two incidents in town
        ({"day": "2023-03-04"}, True),  # a third report of that day: one incident, three reports
        ({"day": "2023-03-05", "date_basis": "published"}, True),  # published the next day
        ({"day": "2023-03-05", "location": "Farton", "latitude": 10.27}, True),  # another town
    ],
)
def test_a_town_whose_reports_state_two_incident_days_needs_corroboration(third: dict, together: bool) -> None:
    # Two reports of a shooting in one town, each dated to the day by publication (one may be
    # the morning after), and a report stating the next day as its incident's: the town holds
    # two incidents in those days, so place and date alone no longer tell which is whose.
    fields = dict(third)
    day = str(fields.pop("day"))
    a = ev("a", event_type="violence_against_civilians")
    b = ev("b", "2023-03-04", event_type="violence_against_civilians", date_basis="published")
    c = ev("c", day, event_type="violence_against_civilians", **fields)
    assert ("a;b" in {g for g in merged_articles([a, b, c]) if "c" not in g}
            or "a;b;c" in merged_articles([a, b, c])) is together


def test_in_a_crowded_place_one_victim_is_no_corroboration() -> None:
    one = killed(1, 1, 1)
    crowd = [ev(x, **one) for x in "abcde"]
    assert merged_articles(crowd) == set()
    three = killed(3, 3, 3)
    crowd[1], crowd[3] = ev("b", **three), ev("d", **three)
    assert merged_articles(crowd) == {"b;d"}


def test_the_same_victim_s_age_corroborates_in_a_crowded_place() -> None:
    # Five reports of one victim in one town on one day: the same victim's age links two.
    records = [ev(x, victim_ages=age) for x, age in zip("abcde", ("17", "17", "30", "45", "62"))]
    merged = merge_events(records)
    assert sorted(len(e.article_ids.split(";")) for e in merged) == [1, 1, 1, 2]
    assert any(e.article_ids == "a;b" and e.victim_ages == "17" for e in merged)


def test_a_misread_toll_joins_the_cluster_of_the_report_it_echoes() -> None:
    # b shares nothing with a but a place and a day; c shares many rare words with b only and
    # misreads the toll: it joins them, the count policy keeps the corroborated 5.
    a = ev("a", notes="Five dead in shooting", **killed(5, 5, 5))
    b = ev("b", notes=MALL, **killed(5, 5, 5))
    c = ev("c", notes="Harbourview mall cinema lobby gunman kills five", **killed(20, 20, 20))
    merged = [e for e in merge_events([a, b, c, *filler()]) if e.n_sources > 1]
    assert [e.article_ids for e in merged] == ["a;b;c"]
    assert merged[0].killed_best == 5


def test_a_report_dated_apart_joins_the_cluster_of_the_report_it_echoes() -> None:
    a = ev("a", "2023-03-04", notes="Two dead in shooting", **killed(2, 2, 2))
    b = ev("b", "2023-03-04", notes=MALL, persons="Orla Penhaligon", **killed(2, 2, 2))
    c = ev("c", "2023-03-10", notes="Harbourview mall cinema gunman named", persons="Orla Penhaligon",
           date_basis="report")
    merged = [e for e in merge_events([a, b, c, *big_filler()]) if e.n_sources > 1]
    assert [e.article_ids for e in merged] == ["a;b;c"]
    assert merged[0].event_date == dt.date(2023, 3, 4)  # the day most sources give
    # Half a year later the same words and name are another incident's (a dense batch holds
    # a town's incidents of other months): text never waives a month or a year.
    later = c.model_copy(update={"event_date": dt.date(2023, 9, 4), "date_low": dt.date(2023, 9, 4),
                                 "date_high": dt.date(2023, 9, 4)})
    assert merged_articles([a, b, later, *big_filler()]) == {"a;b"}


def test_an_article_of_several_events_does_not_outweigh_contradictions() -> None:
    # A wire story of a week's attacks shares its headline among its events: its words tell
    # the story, not which of its events another report's is.
    a = ev("a", "2023-03-04", notes=MALL, persons="Orla Penhaligon")
    days_off = ev("b", "2023-03-10", notes="Harbourview mall cinema gunman named", persons="Orla Penhaligon",
                  date_basis="report")
    assert merged_articles([a, days_off, *big_filler()]) == {"a;b"}
    second = days_off.model_copy(update={"event_id": "b#2", "location": "Elsewhere", "latitude": 30.0})
    assert merged_articles([a, days_off, second, *big_filler()]) == set()


def test_a_chain_cannot_join_what_its_members_contradict() -> None:
    # c shares many rare words with b but not a name nor a place named: its place 300 km
    # away contradicts a's and b's, and b's words do not waive that with a (or with b).
    a = ev("a", notes="Two dead in shooting", **killed(2, 2, 2))
    b = ev("b", notes=MALL, **killed(2, 2, 2))
    far = {"location": "Faraway", "admin1": "Kano", "latitude": 12.7, "longitude": 7.0}
    c = ev("c", notes="Harbourview mall cinema lobby gunfire", **far)
    assert merged_articles([a, b, c, *big_filler()]) == {"a;b"}
    # With a full name only b and c give, c's place is the misread one: it joins the cluster.
    named = [b.model_copy(update={"persons": "Orla Penhaligon"}), c.model_copy(update={"persons": "Orla Penhaligon"})]
    assert merged_articles([a, *named, *big_filler()]) == {"a;b;c"}


def test_a_round_up_does_not_glue_its_incidents_together() -> None:
    # r reports two incidents (a round-up); its first, untyped, is linked to b (a battle) and
    # to c (a protest) on place and date, but b and c are of types that need corroboration.
    r1 = ev("r", n=1, event_type=None)
    r2 = ev("r", "2023-06-01", n=2, location="Elsewhere", latitude=30.0, longitude=7.0)
    b = ev("b", "2023-03-05", event_type="battles", date_basis="published")
    c = ev("c", "2023-03-05", event_type="protests", date_basis="published")
    merged = merged_articles([r1, r2, b, c])
    assert len(merged) == 1 and merged <= {"b;r", "c;r"}
    # An article of one event is no round-up: both reports join it.
    assert merged_articles([r1, b, c]) == {"b;c;r"}


def test_a_round_ups_shared_headline_is_not_its_incidents_own_text() -> None:
    # The two events of one article share its headline; another report's match with that
    # headline tells neither event: only words of one event's own count.
    r1 = ev("r", n=1, notes=MALL, event_type="battles")
    r2 = ev("r", "2023-06-01", n=2, notes=MALL, location="Elsewhere", latitude=30.0, longitude=7.0)
    b = ev("b", notes="Harbourview mall cinema lobby gunfire", event_type="protests")
    assert merged_articles([r1, r2, b, *big_filler()]) == set()
    assert merged_articles([r1, b, *big_filler()]) == {"b;r"}


def test_the_cluster_bounds_skip_only_members_that_cannot_link() -> None:
    # `linkable` leaves out the members of a cluster whose dates are not close when the record
    # shares too little text with the cluster: a bound, not a rule. On a random batch of reports
    # of a few places, days and headlines (follow-up stories among them), every record links to
    # a cluster through the bounded members exactly when it does through all of them.
    from pipeline.events.cluster import _Clustering, _mergeable
    from pipeline.events.links import link_rule
    from pipeline.events.rules import MergeRules

    rng = random.Random(7)
    streets = ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Ginkgo", "Hazel", "Ivy", "Juniper",
               "Larch", "Maple", "Oak", "Pine", "Rowan", "Spruce", "Tamarack", "Upas", "Willow", "Yew"]
    events = []
    for i, street in enumerate(streets):
        first = dt.date(2023, 3, 1) + dt.timedelta(days=rng.randrange(60))
        for j in range(rng.randrange(2, 6)):
            # Reports of the day, and follow-up stories weeks later sharing the incident's words.
            later = rng.random() < 0.4
            day = (first + dt.timedelta(days=rng.randrange(8, 50) if later else rng.randrange(3))).isoformat()
            place = rng.choice([{}, NEAR, {"location": "Farton", "latitude": 10.27, "longitude": 7.0}])
            events.append(ev(f"r{i}-{j}", day, notes=f"{street} Lane gunfire: Quill {street}son hurt",
                             persons=rng.choice([None, f"Quill {street}son"]),
                             date_basis="aftermath" if later else None,
                             **killed(*[rng.randrange(3)] * 3), **place))
    rules = MergeRules()
    mergeable, weights = _mergeable(events + filler(), rules)
    built = _Clustering(rules=rules, weights=weights)
    compared = skipped = 0
    for _, rec in mergeable:
        for cluster in built.clusters:
            bridges = built.bridges(cluster)
            bounded = built.linkable(rec, cluster)
            skipped += len(bridges) - len(bounded)
            compared += 1
            assert any(link_rule(rec, m, weights, rules=rules) for m in bridges) == any(
                link_rule(rec, m, weights, rules=rules) for m in bounded)
        built.add(rec)
    assert compared > 1000 and skipped > 0  # the bound was exercised


def test_crowds_from_blocks_equal_crowds_counted_over_every_pair() -> None:
    # `set_crowds` looks a record's near reports up by place name and grid cells within
    # merge_km; on a random batch (towns, suburbs, counties, places without coordinates, other
    # countries) each crowd equals the count over every other record.
    from pipeline.events.cluster import _mergeable
    from pipeline.events.links import compatible, place_relation
    from pipeline.events.rules import MergeRules

    rng = random.Random(11)
    places = [{}, NEAR, {"location": "Farton", "latitude": 10.27, "longitude": 7.0},
              {"location": "Townsville", "latitude": None, "longitude": None},
              {"location": "Kaduna County", "geo_precision": 2, "latitude": 10.05, "longitude": 7.1},
              {"location": "Townsville", "iso3": "NER", "iso2": "NE", "country": "Niger"},
              {"country": None, "iso2": None, "iso3": None, "admin1": None}]  # no country to tell
    events = [ev(f"r{i}", (dt.date(2023, 3, 1) + dt.timedelta(days=rng.randrange(6))).isoformat(),
                 **rng.choice(places)) for i in range(120)]
    rules = MergeRules()
    records = [rec for _, rec in _mergeable(events, rules)[0]]
    for rec in records:
        expected = sum(1 for m in records if m is not rec and place_relation(rec, m, rules=rules) == "near"
                       and compatible(rec, m, rules=rules)) if rec.location else 0
        assert rec.crowd == expected
    assert max(rec.crowd for rec in records) > 3  # crowded places were made


def test_blocks_hand_a_wide_record_every_cluster_it_links_to() -> None:
    # A record placed no finer than a state or county searches its own first-level division and
    # the records placed in none, not its whole country; two divisions apart link only through
    # rare words (the rare-word index). On a random batch of towns, counties and states of three
    # divisions (some records naming none), every cluster a record links to through a member
    # within the day reach is among its candidates.
    from pipeline.events.cluster import _Clustering, _mergeable
    from pipeline.events.links import link_rule
    from pipeline.events.rules import MergeRules

    rng = random.Random(3)
    places = [{}, NEAR, {"location": None, "latitude": None, "longitude": None, "geo_precision": 3},
              {"location": "Kaduna County", "geo_precision": 2, "latitude": 10.05, "longitude": 7.1},
              {"location": "Zaria", "admin1": "Kano", "latitude": 11.1, "longitude": 7.7},
              {"location": None, "admin1": "Kano", "latitude": None, "longitude": None, "geo_precision": 3},
              {"location": None, "admin1": "Lagos", "latitude": None, "longitude": None, "geo_precision": 3},
              {"location": "Ikeja", "admin1": None, "latitude": 6.6, "longitude": 3.35}]
    words = ["market blast", "Quill Hayes shot", "bus attack", "Quill Hayes funeral", "depot fire"]
    events = [ev(f"r{i}", (dt.date(2023, 3, 1) + dt.timedelta(days=rng.randrange(5))).isoformat(),
                 notes=rng.choice(words), persons=rng.choice([None, "Quill Hayes"]),
                 **killed(*[rng.randrange(1, 4)] * 3), **rng.choice(places)) for i in range(160)]
    rules = MergeRules()
    mergeable, weights = _mergeable(events, rules)
    built = _Clustering(rules=rules, weights=weights)
    checked = wide = 0
    for _, rec in mergeable:
        found = built.candidates(rec)
        for c, cluster in enumerate(built.clusters):
            if any(link_rule(rec, m, weights, rules=rules) for m in built.linkable(rec, cluster)):
                assert c in found
                checked += 1
                wide += not rec.fine
        built.add(rec)
    assert checked > 100 and wide > 20  # wide records' links were exercised


def test_records_made_beforehand_merge_as_those_merging_makes() -> None:
    # Worker processes make each event's merge record where they build the events
    # (`aggregate`): merging them gives the events and ledger merging would have made.
    from pipeline.events.records import make_record
    from pipeline.events.rules import MergeRules

    # The vague event first: a record out of step with its event would merge other events.
    events = [ev("e", date_low=dt.date(2023, 1, 1), date_high=dt.date(2023, 6, 1)), ev("a", **killed(8, 8, 8)),
              ev("b", "2023-03-05", date_basis="report", **killed(12, 12, 12)), ev("c", **NEAR), ev("d", "2023-03-20")]
    rules = MergeRules()
    made = [make_record(e, rules=rules) for e in events]
    assert made[0] is None  # an interval of months: too vague to merge
    ledger_made: list[dict] = []
    ledger: list[dict] = []
    assert merge_events(events, rules=rules, records=made, ledger=ledger_made) == merge_events(events, ledger=ledger)
    assert ledger_made == ledger and len(ledger) == 1


def test_records_of_other_events_are_refused() -> None:
    from pipeline.events.records import make_record
    from pipeline.events.rules import MergeRules

    events = [ev("a"), ev("b", "2023-03-05")]
    with pytest.raises(ValueError, match="1 merge records for 2 events"):
        merge_events(events, records=[make_record(events[0], rules=MergeRules())])


def test_the_close_bridges_of_a_cluster_are_found_by_their_first_days() -> None:
    # `linkable` finds a large cluster's bridges whose dates come within `day_reach` of a
    # record by bisecting their first days (members join in no order of dates, some with
    # intervals of days): the same bridges as a scan of all of them, for records on every day.
    from pipeline.events.cluster import _Cluster, _Clustering, _mergeable
    from pipeline.events.rules import MergeRules

    rng = random.Random(5)
    start = dt.date(2023, 3, 1)
    events = []
    for i in range(80):
        low = start + dt.timedelta(days=rng.randrange(60))
        high = low + dt.timedelta(days=rng.choice([0, 0, 0, 2, 6]))
        events.append(ev(f"r{i}", low.isoformat(), date_low=low, date_high=high,
                         time_precision=1 if low == high else 2))
    rules = MergeRules()
    records = [rec for _, rec in _mergeable(events, rules)[0]]
    rng.shuffle(records)
    members, queries = records[:50], records[50:]
    cluster = _Cluster(low=min(m.low for m in members), high=max(m.high for m in members))
    for m in members:
        cluster.members.append(m)
        cluster.add_alone(m)
    built = _Clustering(rules=rules, weights=_mergeable(events, rules)[1])
    partial = 0
    for rec in queries:
        first, last = rec.low - rules.day_reach, rec.high + rules.day_reach
        close = [m for m in members if m.low <= last and m.high >= first]
        # (no words shared with the cluster: only close dates can link)
        found = built.linkable(rec, cluster)
        assert sorted(map(id, found)) == sorted(map(id, close))
        partial += 0 < len(close) < len(members)
    assert partial > 10  # windows cut the cluster


def test_a_join_is_written_against_its_most_alike_linked_bridge() -> None:
    # The ledger row of a join names the member scoring highest among those the record links
    # to (ties: the earliest), as ranking every linked member would: on a random batch of
    # reports of a few places and days, each row equals that ranking's.
    from pipeline.events.cluster import _Clustering, _mergeable, _score
    from pipeline.events.ledger import ledger_row
    from pipeline.events.links import link_rule
    from pipeline.events.rules import MergeRules

    rng = random.Random(9)
    events = [ev(f"r{i}", (dt.date(2023, 3, 1) + dt.timedelta(days=rng.randrange(4))).isoformat(),
                 notes=rng.choice(["market blast", "bus attack", "Quill Hayes shot"]),
                 **killed(*[rng.randrange(1, 3)] * 3), **rng.choice([{}, NEAR])) for i in range(60)]
    rules = MergeRules()
    mergeable, weights = _mergeable(events + filler(), rules)
    built = _Clustering(rules=rules, weights=weights)
    joins = 0
    for _, rec in mergeable:
        found = built.best(rec)
        if found is not None:
            cluster = built.clusters[found[0]]
            bridges = {id(m) for m in built.linkable(rec, cluster)}
            ranked = sorted((-_score(rec, m, weights, rules), n, m, rule) for n, m in enumerate(cluster.members)
                            if id(m) in bridges and (rule := link_rule(rec, m, weights, rules=rules)))
            expected = ledger_row(rec, ranked[0][2], ranked[0][3], weights, rules=rules)
            built.add(rec)
            assert cluster.joins[-1] == expected
            joins += 1
        else:
            built.add(rec)
    assert joins > 20
