"""events.links: what keeps two reports apart, what links them, follow-up stories."""

from __future__ import annotations

import datetime as dt

import pytest

from event_builders import COUNTY, FAR30, MALL, NEAR, big_filler, ev, filler, killed, merged_articles
from pipeline.events import MergeRules, merge_events
from pipeline.schemas import Event


@pytest.mark.parametrize(
    ("other", "together"),
    [
        ({"event_type": "protests"}, True),  # a protest turned violent
        ({"event_type": "violence_against_civilians"}, True),  # mob violence called an attack
        ({"event_type": "battles"}, False),
        ({"event_type": "strategic_developments"}, False),
        ({"event_type": None}, True),  # untyped: no claim, no contradiction
        ({"day": "2023-03-05", "date_basis": "published"}, True),  # published the next day
        ({"day": "2023-03-05"}, False),  # both give their incident's own day: another one
        ({"day": "2023-03-06"}, False),  # two days apart, both known to the day
        ({"day": "2023-03-06", "time_precision": 2, "date_low": dt.date(2023, 3, 6)}, True),
        ({"day": "2023-03-07", "time_precision": 2, "date_low": dt.date(2023, 3, 7)}, False),
        (NEAR, False),  # another town 12 km away: as likely another incident, needs corroboration
        ({"latitude": 10.02, "longitude": 7.0}, True),  # one town: the same name 2 km off
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


def _toll(dead: int | None, hurt: int | None) -> dict[str, int | None]:
    """Exact killed and injured figures of one report (None: the report is silent)."""
    return {**(killed(dead, dead, dead) if dead is not None else {}),
            **({"injured_low": hurt, "injured_best": hurt, "injured_high": hurt} if hurt is not None else {})}


@pytest.mark.parametrize(
    ("a", "b", "together"),
    [
        ((1, 0), (2, 19), False),  # one victim against twenty-one: each the other's outlier
        ((1, 0), (1, 5), False),  # one against six
        ((1, 0), (1, 3), True),  # one against four: a toll may double and more
        ((0, 1), (1, 0), True),  # the wounded victim died: the same one victim
        ((2, 2), (3, 6), True),
        ((1, None), (2, 19), True),  # silent on the wounded: no claim about them
        ((None, 2), (3, 19), True),  # silent on the dead
    ],
)
def test_victim_totals_that_cannot_be_one_toll_keep_events_apart(a: tuple, b: tuple, together: bool) -> None:
    assert (len(merge_events([ev("a", **_toll(*a)), ev("b", **_toll(*b))])) == 1) is together


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


def test_a_town_and_its_county_merge_with_corroboration() -> None:
    town = ev("a", notes="Hunter wounded near Oakridge trailhead")
    county = ev("b", **COUNTY, notes="Oakridge trailhead hunter shot, deputies say")
    assert merged_articles([town, county, *filler()]) == {"a;b"}
    assert merged_articles([town, ev("b", **COUNTY), *filler()]) == set()


def test_places_that_only_could_be_one_need_a_rare_shared_word() -> None:
    # Words that seven of the batch's fifty reports use ("armed", "robbery", "getaway") add up
    # to more than one rare word, yet tell no incident from another; one word only the two
    # reports use ("Oakridge") does.
    others = [ev(f"r{i}", f"2022-0{1 + i}-20", notes="Armed robbery getaway car found", location=f"Far{i}",
                 latitude=30.0 + i, longitude=3.0) for i in range(5)]
    town = ev("a", notes="Armed robbery getaway ends in gunfire")
    county = ev("b", **COUNTY, notes="Deputies chase armed robbery getaway")
    assert merged_articles([town, county, *others, *big_filler()]) == set()
    county = ev("b", **COUNTY, notes="Deputies chase armed robbery getaway from Oakridge")
    town = ev("a", notes="Armed robbery getaway ends in gunfire at Oakridge")
    assert merged_articles([town, county, *others, *big_filler()]) == {"a;b"}
    # Nor does a name seven reports give (a spokesman quoted in every story), however much
    # a name weighs.
    quoted = [e.model_copy(update={"persons": "Tarquin Vell"}) for e in others]
    town = ev("a", notes="Armed robbery getaway ends in gunfire", persons="Tarquin Vell")
    county = ev("b", **COUNTY, notes="Deputies chase a getaway", persons="Tarquin Vell")
    assert merged_articles([town, county, *quoted, *big_filler()]) == set()


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
    # words only these two headlines use, anchored by the place of one named in the other,
    # say it is one incident; two do not, nor do four without an anchor (shared words alone
    # never outweigh places apart: a dense batch holds other cities' mall shootings).
    here = ev("a", notes="Gunman opens fire in Harbourview mall cinema lobby")
    elsewhere = {"location": "Faraway", "admin1": "Kano", "latitude": 18.0, "longitude": 7.0}
    anchored = "Townsville: Harbourview mall cinema lobby reopens after gunfire"
    assert merged_articles([here, ev("b", **elsewhere, notes=anchored), *filler()]) == {"a;b"}
    assert merged_articles([here, ev("b", **elsewhere, notes="Townsville: Harbourview mall reopens"),
                            *filler()]) == set()
    assert merged_articles([here, ev("b", **elsewhere, notes="Harbourview mall cinema lobby reopens after gunfire"),
                            *filler()]) == set()
    # Dates still have to agree.
    later = ev("b", "2023-03-09", **elsewhere, notes=anchored)
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
    later = ev("b", "2023-03-05", date_basis="report", **killed(1, 1, 1))
    merged = merge_events([early, later])
    assert len(merged) == 1 and merged[0].killed_best == 1
    # Nobody killed nor wounded against a death: two events.
    unhurt = ev("a", **killed(0, 0, 0), injured_low=0, injured_best=0, injured_high=0)
    assert len(merge_events([unhurt, later])) == 2


def test_two_stories_of_one_outlet_need_corroboration() -> None:
    # One station's two stories of a shooting in its city, one day apart, one victim each:
    # an outlet following up its own story repeats a detail; with none, two shootings.
    one = killed(1, 1, 1)
    a = ev("a", notes="Man shot on the east side | WXYZ Channel 7", **one)
    b = ev("b", "2023-03-05", notes="Police investigate overnight shooting | WXYZ Channel 7", date_basis="published",
           **one)
    assert merged_articles([a, b]) == set()
    # Other outlets' reports of the same place, day and toll merge as before.
    c = ev("c", "2023-03-05", notes="Police investigate overnight shooting | The Daily Star", date_basis="published",
           **one)
    assert merged_articles([a, c]) == {"a;c"}
    # The same victim's age corroborates the outlet's follow-up.
    assert merged_articles([ev("a", victim_ages="19", notes=a.notes, **one),
                            ev("b", "2023-03-05", victim_ages="19", notes=b.notes, date_basis="published",
                               **one)]) == {"a;b"}


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
    late = dt.date(2023, 3, 4) + dt.timedelta(days=MergeRules().follow_up_days + 10)
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
    same_day = ev("b", "2023-03-05", event_type=None, notes="Vigil draws neighbours of the victims",
                  date_basis="aftermath", **two)
    assert merged_articles([shot, same_day, *filler()]) == {"a;b"}


def test_an_arrest_in_a_named_shooting_is_no_other_type() -> None:
    # An arrest is a strategic development, but "arrested in the shooting" is news of that
    # shooting: same town, same day, it joins it; an arrest for something else does not.
    shot = ev("a", event_type="violence_against_civilians", notes="Gunfire wounds clerk downtown")
    arrest = ev("b", event_type="strategic_developments", notes="Teen arrested in downtown shooting")
    assert merged_articles([shot, arrest, *filler()]) == {"a;b"}
    theft = ev("b", event_type="strategic_developments", notes="Teen arrested for car theft")
    assert merged_articles([shot, theft, *filler()]) == set()


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


@pytest.mark.parametrize(("sexes_a", "sexes_b", "together"), [
    ("female", "male", False),  # a woman shot, a man shot: two shootings
    ("male", "male", True),
    ("female", None, True),  # a report that does not tell says nothing against it
    ("female;male", "male", True),  # words of both: the victim is not told
])
def test_one_victim_of_another_sex_is_another_shooting(sexes_a: str, sexes_b: str | None, together: bool) -> None:
    one = {**killed(1, 1, 1), "injured_best": 0}
    a, b = ev("a", victim_sexes=sexes_a, **one), ev("b", victim_sexes=sexes_b, **one)
    assert (len(merge_events([a, b])) == 1) is together


def test_reports_of_several_victims_may_each_tell_another_sex() -> None:
    two = {**killed(2, 2, 2), "injured_best": 0}
    assert len(merge_events([ev("a", victim_sexes="female", **two), ev("b", victim_sexes="male", **two)])) == 1


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
    # A date read a few days off (a weekday resolved to the week before), or a follow-up story
    # without a follow-up word: many shared rare words and a shared name.
    a = ev("a", "2023-03-04", notes=MALL, persons="Orla Penhaligon")
    days_off = ev("b", "2023-03-10", notes="Harbourview mall cinema gunman named", persons="Orla Penhaligon",
                  date_basis="report")
    merged = [e for e in merge_events([a, days_off, *big_filler()]) if e.n_sources > 1]
    assert [e.article_ids for e in merged] == ["a;b"]
    # Both give their incident's own day: days apart are two incidents, whatever they share.
    both_days = days_off.model_copy(update={"date_basis": "incident"})
    assert merged_articles([a, both_days, *big_filler()]) == set()
    # A few shared words are a coincidence over weeks of a town's news; without the name,
    # the words alone do not waive dates apart either; the window is bounded (no month; a year
    # only to the day, below).
    few = days_off.model_copy(update={"notes": "Gunman named", "persons": "Orla Penhaligon"})
    assert merged_articles([a, few, *big_filler()]) == set()
    nameless = days_off.model_copy(update={"persons": None})
    assert merged_articles([a.model_copy(update={"persons": None}), nameless, *big_filler()]) == set()
    late = dt.date(2023, 3, 4) + dt.timedelta(days=MergeRules().text_days + 1)
    too_late = days_off.model_copy(update={"event_date": late, "date_low": late, "date_high": late})
    assert merged_articles([a, too_late, *big_filler()]) == set()


def _on(event: Event, day: dt.date, **update: object) -> Event:
    return event.model_copy(update={"event_date": day, "date_low": day, "date_high": day, **update})


def test_a_day_read_in_the_wrong_year_is_the_same_incident() -> None:
    # A story months later gives "on March 4" without its year and is read in the wrong one: a
    # year apart to the day, the later story published two months or more after the day it
    # gives, the same name and many rare words are one incident, even when both give their
    # incident's own day. A year and a day apart, a later story published the next day (the
    # same parade's shooting a year on), without the name or with few words: apart.
    a = ev("a", "2023-03-04", notes=MALL, persons="Orla Penhaligon", date_basis="incident",
           published=dt.date(2023, 3, 5))
    story = ev("b", "2024-03-04", notes="Harbourview mall cinema gunman's motive still unclear",
               persons="Orla Penhaligon", date_basis="incident", published=dt.date(2024, 9, 1))
    assert merged_articles([a, story, *big_filler()]) == {"a;b"}
    assert merged_articles([a, _on(story, dt.date(2024, 3, 5)), *big_filler()]) == set()
    assert merged_articles([a, _on(story, dt.date(2025, 3, 4)), *big_filler()]) == set()
    assert merged_articles([a, story.model_copy(update={"published": dt.date(2024, 3, 5)}), *big_filler()]) == set()
    assert merged_articles([a, story.model_copy(update={"persons": None}), *big_filler()]) == set()
    assert merged_articles([a, story.model_copy(update={"notes": "Gunman's motive unclear"}), *big_filler()]) == set()


def test_towns_of_one_state_far_apart_merge_on_the_same_toll_and_rare_words() -> None:
    # A station placed the incident at its own city, 100 km from the town it happened in.
    five = killed(5, 5, 5)
    far = {"location": "Capitalton", "latitude": 10.9, "longitude": 7.0}  # ~100 km, same admin1
    a = ev("a", notes="Gunman kills five at Harbourview mall", **five)
    b = ev("b", **far, notes="Harbourview mall victims mourned in Townsville", **five)
    assert merged_articles([a, b, *filler()]) == {"a;b"}
    # Without the same toll, or in another first-level division, or with fewer shared words,
    # or without an anchor (the other's town named, or a shared name): apart.
    assert merged_articles([a, b.model_copy(update=killed(2, 2, 2)), *filler()]) == set()
    assert merged_articles([a, b.model_copy(update={"admin1": "Kano"}), *filler()]) == set()
    assert merged_articles([a, b.model_copy(update={"notes": "Mall victims mourned in Townsville"}), *filler()]) == set()
    assert merged_articles([a, b.model_copy(update={"notes": "Harbourview mall victims mourned"}), *filler()]) == set()


def test_a_follow_up_story_of_the_next_days_is_close_to_its_incident() -> None:
    shot = ev("a", "2023-03-04", event_type="violence_against_civilians", notes="Man wounded downtown")
    arrest = ev("b", "2023-03-07", event_type="violence_against_civilians", notes="Suspect arrested after downtown gunfire",
               date_basis="aftermath")
    assert merged_articles([shot, arrest]) == {"a;b"}
    # Another report three days later is another shooting; a follow-up dated before is none.
    again = ev("b", "2023-03-07", event_type="violence_against_civilians", notes="Man wounded downtown")
    assert merged_articles([shot, again]) == set()
    earlier = ev("b", "2023-03-01", event_type="violence_against_civilians", notes="Suspect arrested after downtown gunfire",
               date_basis="aftermath")
    assert merged_articles([shot, earlier]) == set()
    late = ev("b", "2023-03-08", event_type="violence_against_civilians", notes="Suspect arrested after downtown gunfire",
               date_basis="aftermath")
    assert merged_articles([shot, late]) == set()


def test_many_half_common_words_do_not_outweigh_dates_apart() -> None:
    # Two wire stories of one conflict, months apart, share its vocabulary: each word is in a
    # fifth of the batch, together they weigh more than `text_over_dates`, yet tell no incident.
    vocabulary = "guerrilla front national liberation union army command rebels district patrol"
    fillers = big_filler()
    others = [e.model_copy(update={"notes": f"{e.notes} {vocabulary}"}) for e in fillers[:10]]
    # Two rare words too (a group's name only these two use): still short of five.
    a = ev("a", "2023-03-04", notes=f"Attack by the Tamberlin Cortado cell {vocabulary}")
    b = ev("b", "2023-09-04", notes=f"Clash with the Tamberlin Cortado cell {vocabulary}")
    assert merged_articles([a, b, *others, *fillers[10:]]) == set()


def test_two_towns_near_each_other_need_corroboration() -> None:
    # A city and its suburb 12 km away on one day: the same toll (or shared words) says one
    # incident; place and date alone do not (a metropolitan area's weekend of shootings).
    assert merged_articles([ev("a"), ev("b", **NEAR)]) == set()
    assert merged_articles([ev("a", **killed(2, 2, 2)), ev("b", **NEAR, **killed(2, 2, 2))]) == {"a;b"}
    assert len(merge_events([ev("a"), ev("b", **NEAR)], rules=MergeRules(same_town_km=15.0))) == 1


@pytest.mark.parametrize(
    ("basis_a", "basis_b", "day_b", "together"),
    [
        (None, None, "2023-03-04", True),  # one day, each stated: one incident
        ("incident", "incident", "2023-03-05", False),  # each states its own day, a day apart
        (None, "incident", "2023-03-05", False),  # no publication day: the text's day is stated
        ("incident", "published", "2023-03-05", True),  # a report dated by its publication
        ("incident", "report", "2023-03-05", True),  # ... or by a statement's day
        ("incident", "aftermath", "2023-03-06", True),  # a follow-up dated by its news
    ],
)
def test_two_incident_days_apart_are_two_incidents(basis_a: str | None, basis_b: str | None, day_b: str,
                                                   together: bool) -> None:
    # A city's weekend: a shooting on Saturday, another on Sunday, each report giving its day.
    # They share the place, the toll, the victim's age and a rare word or two; only a report
    # whose date is not its incident's own day may be the other's, a day off.
    one = {"event_type": "violence_against_civilians", "victim_ages": "19", **killed(1, 1, 1)}
    a = ev("a", notes="Teen killed near Quillfeather skate park", date_basis=basis_a, **one)
    b = ev("b", day_b, notes="Quillfeather skate park shooting leaves teen dead", date_basis=basis_b, **one)
    assert (merged_articles([a, b, *filler()]) == {"a;b"}) is together


@pytest.mark.parametrize(("a", "b", "together"), [
    # a block of the same street links what types at odds and another town nearby would not
    ({"street_blocks": "6700 aberdeen"}, {"street_blocks": "6700 aberdeen", "event_type": "battles"}, True),
    ({"street_blocks": "6700 aberdeen"}, {"street_blocks": "6600 aberdeen", "latitude": 10.02}, True),
    ({"street_blocks": "6700 aberdeen"}, {"street_blocks": "6700 aberdeen", **NEAR}, False),  # a suburb's own street
    ({}, {"event_type": "battles"}, False),
    ({}, NEAR, False),
    # blocks of other streets keep apart what one town, day and type would join
    ({"street_blocks": "3000 dickens"}, {"street_blocks": "8100 bishop"}, False),
    ({"street_blocks": "3000 dickens"}, {}, True),
    ({"street_blocks": "3000 dickens;500 lavergne"}, {"street_blocks": "500 lavergne"}, True),
    # but not when an article reports several events (a round-up names every scene)
    ({"street_blocks": "3000 dickens"}, {"street_blocks": "8100 bishop", "event_id": "b#2"}, True),
    # nor in another town on the same street name
    ({"street_blocks": "100 main"}, {"street_blocks": "100 main", **FAR30}, False),
])
def test_street_blocks_link_and_keep_apart(a: dict, b: dict, together: bool) -> None:
    b = dict(b)
    n = 2 if b.pop("event_id", None) else 1
    events = [ev("a", **a), ev("b", n=n, **b)]
    if n == 2:  # the other event of article b: a round-up
        events.append(ev("b", n=1, event_type="battles", **FAR30))
    assert (len(merge_events(events)) == len(events) - 1) is together


@pytest.mark.parametrize(("incident_day", "basis", "notes", "together"), [
    # A story dated only by its publication (the week before it appeared, Saturday 4 March)
    # cannot tell an incident of the Sunday after: two incidents, whatever they share.
    ("2023-03-05", "incident", "Teen shot near park", False),
    ("2023-03-05", "incident", "Teen shot near Quillfeather skate park", False),  # rare words too
    # ... but one of the days before it appeared may be its incident,
    ("2023-03-03", "incident", "Teen shot near park", True),
    ("2023-03-04", "incident", "Teen shot near park", True),
    # and a follow-up story dated by its news after the day may report it.
    ("2023-03-06", "aftermath", "Man charged after teen shot near Quillfeather skate park", True),
])
def test_a_story_dated_by_its_publication_reports_no_incident_after_it(
        incident_day: str, basis: str, notes: str, together: bool) -> None:
    one = {"event_type": "violence_against_civilians", **killed(1, 1, 1)}
    by_publication = ev("a", "2023-03-04", date_low=dt.date(2023, 2, 26), time_precision=2,
                        date_basis="published", notes="Teen shot near Quillfeather skate park", **one)
    other = ev("b", incident_day, date_basis=basis, notes=notes, **one)
    assert (merged_articles([by_publication, other, *filler()]) == {"a;b"}) is together
