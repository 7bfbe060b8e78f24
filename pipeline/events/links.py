"""The merge rules between two records: contradictions (`compatible`), links (`linked`) and
follow-up stories (`follow_up_linked`), each number read from a `MergeRules` (see the package
docstring for the rules in words).

`weights` is the batch's word rarity (`word_weights`); empty (or None) below three records,
when no text can outweigh anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Set as AbstractSet
from itertools import repeat

from pipeline.events.addresses import same_street
from pipeline.events.counts import victims, within_reach
from pipeline.events.records import Record, incident_type, km
from pipeline.events.rules import TYPE_MATCHES, VICTIM_OUTCOMES, MergeRules
from pipeline.events.text import WordWeights
from pipeline.schemas import Event

Weights = WordWeights
# The days between one day of two years in a row.
YEAR_DAYS = (365, 366)
# A story published this many days or more after the day it gives may have read that day's
# year wrong (`a_year_apart`); news of an incident comes within days.
YEAR_READ_DAYS = 60


def types_match(a: str | None, b: str | None) -> bool:
    """Whether two reports' event types let them be one event without corroboration; no type
    found is no claim, so an untyped report matches any type."""
    if not a or not b:
        return True
    return b in TYPE_MATCHES.get(a, frozenset({a}))


def ages_agree(a: frozenset[int], b: frozenset[int], *, rules: MergeRules) -> bool | None:
    """None when either report gives no victim's age; else whether an age of one is within
    `age_slack` of an age of the other (the same victim, as far as ages tell)."""
    if not a or not b:
        return None
    return any(abs(x - y) <= rules.age_slack for x in a for y in b)


def day_gap(a: Record, b: Record) -> int:
    """Days between two records' date intervals (0 when they overlap)."""
    # max(0, max(lows) - min(highs)) without the builtins' calls: merging asks this millions of times.
    gap = (a.low if a.low > b.low else b.low) - (a.high if a.high < b.high else b.high)
    return gap if gap > 0 else 0


def reported_before(a: Record, b: Record) -> bool:
    """Whether one record is dated only by its article's publication and the other's incident
    lies wholly after the day it appeared: no article reports an incident still to come (two
    incidents of one town a day apart, the first told in a story dated by its publication)."""
    return (a.dated_by_publication and not b.follow_up and b.low > a.high) or (
        b.dated_by_publication and not a.follow_up and a.low > b.high)


def dates_close(a: Record, b: Record, *, rules: MergeRules) -> bool:
    """Whether two records' dates are close enough for place and date to link them."""
    # A follow-up story of the next days (an arrest, a death in hospital, a victim named) is
    # dated by its news, a day or three after the incident: as close as two reports of it.
    if (a.follow_up and a.low >= b.low) or (b.follow_up and b.low >= a.low):
        return day_gap(a, b) <= rules.follow_up_close_days
    return day_gap(a, b) <= (rules.merge_days_precise if a.precision == b.precision == 1 else rules.merge_days)


def follow_up_close(a: Record, b: Record, *, rules: MergeRules) -> bool:
    """Whether one record is a follow-up story whose incident may be the other's: the other's
    dates lie within `follow_up_days` before the follow-up's (or `merge_days` after)."""
    # Both ways written out, not a loop over the two orders: merging asks this millions of times.
    return (a.follow_up and b.high >= a.low - rules.follow_up_days and b.low <= a.high + rules.merge_days) or (
        b.follow_up and a.high >= b.low - rules.follow_up_days and a.low <= b.high + rules.merge_days)


def place_relation(a: Record, b: Record, *, rules: MergeRules) -> str | None:
    """How two records' places relate: "near" (within `merge_km`, or the same name when one
    lacks coordinates), "loose" (could hold one incident: towns within `loose_km`, a town and
    a county within `county_km`, a side placed only by admin1 or country or not at all, or the
    same place name resolved to two places: "Alpine" in two states), or None (apart: another
    country, another admin1, or too far)."""
    same_name = bool(a.location) and a.location == b.location
    if a.country and b.country and a.country != b.country:
        return "loose" if same_name else None
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return "loose" if same_name else None
    if not a.location or not b.location:
        return "loose"
    distance = km(a, b)
    if distance is None:
        return "near" if same_name else "loose"
    if distance <= rules.merge_km:
        return "near"
    if same_name or distance <= (rules.county_km if a.county or b.county else rules.loose_km):
        return "loose"
    return None


def _actors_compatible(a: Record, b: Record) -> bool:
    # Different names are no contradiction (a shooter named in one report, "police" in another);
    # only typed actors can disagree, and a shared name settles it.
    if not a.inter_codes or not b.inter_codes:
        return True
    return bool(a.inter_codes & b.inter_codes) or bool(a.actor_names & b.actor_names)


def _counts_compatible(a: Event, b: Event, rules: MergeRules) -> bool:
    """Whether two reports' killed figures could be one toll: not each other's outliers (the
    credibility rule of the count policy), and not "nobody died" against a death, unless the
    report of no death has at least as many wounded as the other has dead (an early report:
    the wounded died later)."""
    low_a, low_b = a.killed_low, b.killed_low
    if low_a is None or low_b is None:
        return True
    best_a, best_b = a.killed_best or low_a, b.killed_best or low_b
    if not (within_reach(low_a, best_b, rules=rules) and within_reach(low_b, best_a, rules=rules)):
        return False
    exact_a, exact_b = a.killed_high == low_a, b.killed_high == low_b
    if not (exact_a and exact_b and (low_a == 0) != (low_b == 0)):
        return True
    alive, dead = (a, b) if low_a == 0 else (b, a)
    return (alive.injured_best or 0) >= (dead.killed_low or 0)


def _victims_within_reach(a: Event, b: Event, rules: MergeRules) -> bool:
    """Whether two reports that each give both figures, killed and injured, could count the
    same victims: neither total is the other's outlier (the credibility rule of the count
    policy: "one shot dead, nobody else hurt" is not "two killed and nineteen wounded"). A
    victim's move from wounded to dead keeps the total; a report silent on the wounded claims
    nothing of them."""
    # (written out: it runs for every pair of records blocked together)
    if a.killed_best is None or a.injured_best is None or b.killed_best is None or b.injured_best is None:
        return True
    total_a, total_b = a.killed_best + a.injured_best, b.killed_best + b.injured_best
    return within_reach(total_a, total_b, rules=rules) and within_reach(total_b, total_a, rules=rules)


def _other_victim(a: Record, b: Record, rules: MergeRules) -> bool:
    """Whether two reports of one victim each describe another victim: of another age ("a
    24-year-old man" against "a 30-year-old man") or sex ("a woman was shot" against "the man
    was hit in the leg"). Reports of several victims may each describe a different one, so only
    single-victim reports with one age, or one sex, each can disagree."""
    # (ages and sexes first: cheaper than counting victims, and most records give neither)
    ages = len(a.ages) == 1 and len(b.ages) == 1 and ages_agree(a.ages, b.ages, rules=rules) is False
    sexes = len(a.sexes) == 1 and len(b.sexes) == 1 and a.sexes != b.sexes
    return (ages or sexes) and victims(a.event) == 1 and victims(b.event) == 1


def compatible(
    a: Record,
    b: Record,
    weights: Weights | None = None,
    *,
    rules: MergeRules,
    counts: bool = True,
    dates: bool = True,
    places: bool = True,
) -> bool:
    """Whether nothing says two records are different events: other articles, places not apart
    (unless their headlines and evidence share rare words weighing `text_over_place`: one of the
    two places is a geocoding error) nor on other streets (`streets_apart`), dates close, killed
    figures that could be one toll.
    `counts`, `dates` and `places` False waive that contradiction (see `cluster_events`)."""
    return (
        not (a.articles & b.articles)
        and (
            not dates
            or not reported_before(a, b) and (
                dates_close(a, b, rules=rules)
                or follow_up_close(a, b, rules=rules)
                or text_over_dates(a, b, weights, rules=rules))
        )
        and (
            not places
            or (place_relation(a, b, rules=rules) is not None or _place_outweighed(a, b, weights, rules))
            # (most records name no street: the test of both is written out, it runs for every pair)
            and not (a.streets and b.streets and streets_apart(a, b))
        )
        and (not counts or (_counts_compatible(a.event, b.event, rules) and _victims_within_reach(a.event, b.event, rules)
                            and not _other_victim(a, b, rules)))
    )


def streets_apart(a: Record, b: Record) -> bool:
    """Whether two sole reports of their incidents (neither a follow-up story, which may give
    where a suspect was caught) each name street blocks, none on a street the other names: two
    incidents ("the 3000 block of West Dickens Avenue" and "the 8100 block of South Bishop")."""
    return (bool(a.streets) and bool(b.streets) and sole_reports(a, b) and not (a.follow_up or b.follow_up)
            and not same_street(a.streets, b.streets))


def text_over_place(a: Record, b: Record, weights: Weights | None, *, rules: MergeRules) -> bool:
    """Whether two records share rare words weighing `text_over_place`."""
    return bool(weights) and text_weight(a, b, weights) >= rules.text_over_place  # type: ignore[arg-type]


def anchor_names(words: AbstractSet[str], weights: Weights, *, rules: MergeRules) -> set[str]:
    """The full personal names among `words` weighing `anchor_name_min` (names few reports of
    the batch give)."""
    return {w for w in words if " " in w and weights.get(w, 0.0) >= rules.anchor_name_min}


def shares_name(a: Record, b: Record, weights: Weights | None, *, rules: MergeRules) -> bool:
    """Whether two records share a full personal name weighing `anchor_name_min`: one of
    `anchor_names`, tested without building the set (merging asks this millions of times)."""
    return bool(weights) and any(
        " " in w and weights.get(w, 0.0) >= rules.anchor_name_min for w in a.words & b.words  # type: ignore[union-attr]
    )


def names_place(a: Record, b: Record) -> bool:
    """Whether either record's headline or evidence names the other's place (its location's
    words, all of them): the geocoder placed one report elsewhere, but its text agrees."""
    return any(bool(y.place_words) and y.place_words <= x.all_words for x, y in ((a, b), (b, a)))


def anchored(a: Record, b: Record, weights: Weights | None, *, rules: MergeRules) -> bool:
    """Whether two reports placed apart have an anchor that text may build on: a shared full
    personal name (`shares_name`) or one naming the other's place (`names_place`). Shared
    common words alone never outweigh a contradiction of places."""
    return shares_name(a, b, weights, rules=rules) or names_place(a, b)


def _place_outweighed(a: Record, b: Record, weights: Weights | None, rules: MergeRules) -> bool:
    """Whether evidence outweighs two places apart: an anchor (`anchored`) and shared rare
    words weighing `text_over_place`, or, for two towns of one first-level division on close
    dates, an anchor, the same toll and rare words weighing `text_min` (a station placed the
    incident at its own city)."""
    if not weights:
        return False
    # Both ways need shared words weighing text_over_place or text_min: weigh them (once)
    # before looking for an anchor, as most records placed apart share none.
    text = text_weight(a, b, weights)
    if text < min(rules.text_over_place, rules.text_min) or not anchored(a, b, weights, rules=rules):
        return False
    if text >= rules.text_over_place:
        return True
    return (
        bool(a.admin1)
        and a.admin1 == b.admin1
        and a.country == b.country
        and dates_close(a, b, rules=rules)
        and _same_figure(a.event, b.event)
        and text >= rules.text_min
    )


def a_year_apart(a: Record, b: Record) -> bool:
    """Whether two records are each dated to one day, the same month and day of two years in a
    row, the later one in a story published `YEAR_READ_DAYS` or more after it: a day the text
    gives without its year ("on Jan. 19", in a trial story months later) is read in the latest
    year before publication, which may be the wrong one. Two incidents a year apart to the day
    (a parade's shootings of two Fourths of July) are each reported within days."""
    # The same day of two years in a row is 365 or 366 days apart: test that before the dates.
    if abs(a.low - b.low) not in YEAR_DAYS or a.low != a.high or b.low != b.high:
        return False
    x, y = dt.date.fromordinal(a.low), dt.date.fromordinal(b.low)
    if (x.month, x.day) != (y.month, y.day):
        return False
    later = a if a.low > b.low else b
    published = later.event.published
    return published is not None and (published.toordinal() - later.low) >= YEAR_READ_DAYS


def text_over_dates(a: Record, b: Record, weights: Weights | None, *, rules: MergeRules) -> bool:
    """Whether two records, each its article's only event, at most `text_days` apart (or a year
    apart to the day, the later one published months after it: `a_year_apart`), share a full
    personal name (`shares_name`) and rare words of `keyword_min` or more weighing
    `text_over_dates`. Never when both give their incident's own day on different days (then
    two incidents) unless a year apart so; text never waives a month or a year apart
    otherwise, nor do common words waive days."""
    return (
        bool(weights)
        and sole_reports(a, b)
        and ((not (a.incident_day and b.incident_day) and day_gap(a, b) <= rules.text_days) or a_year_apart(a, b))
        and shares_name(a, b, weights, rules=rules)
        # Only the rarest words: the many half-common words of two long wire stories of one
        # conflict (its armed groups, "national", "liberation") add up without telling incidents.
        and text_weight(a, b, weights, rules.keyword_min) >= rules.text_over_dates  # type: ignore[arg-type]
    )


def sole_reports(a: Record, b: Record) -> bool:
    """Whether both records are the only events of their articles: an article that reports
    several events (a wire story of a week's attacks) shares its headline and names among
    them, so its words cannot outweigh a contradiction of one of them."""
    return a.alone and b.alone


def text_weight(a: Record, b: Record, weights: Weights, least: float = 0.0) -> float:
    """Weight of the rare words two records' headlines and evidence share (see `text_min`),
    counting only words weighing at least `least`."""
    shared = a.words & b.words
    if not shared:
        return 0.0  # most pairs share no word: no generator to start
    if least <= 0.0:
        return sum(map(weights.get, shared, repeat(0.0)))
    return sum(x for w in shared if (x := weights.get(w, 0.0)) >= least)


def shares_a_rare_word(a: Record, b: Record, weights: Weights, *, rules: MergeRules) -> bool:
    """Whether two records share a word or a name that at most `loose_word_reports` of the
    batch's reports use (a name weighs `person_weight` times its rarity: divided back here, so
    that a spokesman quoted in twenty stories is no rare word)."""
    least = weights.of_reports(rules.loose_word_reports)
    return any(weights.get(w, 0.0) / (rules.person_weight if " " in w else 1.0) >= least
               for w in a.words & b.words)


def _same_figure(a: Event, b: Event, least: int = 1) -> bool:
    """Both report the same number killed, or the same number injured, of at least `least`."""
    return any(
        (x := getattr(a, f"{o}_best")) is not None and x >= least and x == getattr(b, f"{o}_best")
        for o in VICTIM_OUTCOMES
    )


def _names_place_of(a: Record, b: Record) -> bool:
    """Whether `a`'s headline or evidence names `b`'s wide-area location ("Greene County
    deputies said" in a report placed in a town of that county). A town's name proves nothing:
    a suburb's report names the city next door ("a Milwaukee man shot in West Allis")."""
    return b.county and bool(b.place_words) and b.place_words <= a.all_words


def linked(a: Record, b: Record, weights: Weights, *, rules: MergeRules) -> bool:
    """Whether two compatible records say enough to be one event (see `link_rule`)."""
    return link_rule(a, b, weights, rules=rules) is not None


def told_days_apart(a: Record, b: Record) -> bool:
    """Whether two reports each give their incident's own day (`Record.incident_day`: a
    follow-up story dated by its news has none) and the days differ: two incidents."""
    return a.incident_day and b.incident_day and day_gap(a, b) > 0


def one_town(a: Record, b: Record, *, rules: MergeRules) -> bool:
    """Whether two near records are placed in one town: the same place name, or coordinates
    within `same_town_km`. Two towns of one metropolitan area (a city and its suburb) on one
    day are as likely two incidents as one: they need corroboration."""
    distance = km(a, b)
    return a.location == b.location or (distance is not None and distance <= rules.same_town_km)


def link_rule(a: Record, b: Record, weights: Weights, *, rules: MergeRules) -> str | None:
    """The name of the rule by which two compatible records say enough to be one event, or
    None (see the package docstring): a block of the same street ("same_street"); one town
    with matching types and actors ("place_date_type"); near places (two towns, other types,
    actors at odds) and corroboration ("near_text", "near_time", "near_age", "near_same_toll"); loose
    places with shared rare words, a report naming the other's place, or the same toll of two
    or more ("loose_text", "loose_names_place", "loose_same_toll"); places apart with many
    shared rare words ("text_over_place"); dates apart with many shared rare words
    ("text_over_dates") or a follow-up story with shared rare words ("follow_up")."""
    if not dates_close(a, b, rules=rules):
        # A follow-up story and an earlier report: place and date never suffice.
        if text_over_dates(a, b, weights, rules=rules):
            return "text_over_dates"
        linked_follow_up = follow_up_close(a, b, rules=rules) and follow_up_linked(
            a, b, place_relation(a, b, rules=rules), weights, rules=rules)
        return "follow_up" if linked_follow_up else None
    relation = place_relation(a, b, rules=rules)
    uncrowded = (max(a.crowd, b.crowd) <= rules.crowd_max and max(a.stated_days, b.stated_days) <= 1
                 and not (bool(a.outlet) and a.outlet == b.outlet))
    # Two reports that each state their incident's own day, days apart, are two incidents
    # (a city's shootings of one weekend), whatever place, toll, age or words they share; as
    # text never waives such days (`text_over_dates`).
    told_apart = told_days_apart(a, b)
    # The same street's block, in one town on close dates: the most precise place a report
    # gives, and the same one (other towns, even near ones, have their own Main Streets).
    if (relation == "near" and a.streets and b.streets and not told_apart and same_street(a.streets, b.streets)
            and one_town(a, b, rules=rules)):
        return "same_street"
    if (
        relation == "near"
        and uncrowded
        and not told_apart
        and one_town(a, b, rules=rules)
        and types_match(incident_type(a), incident_type(b))
        and _actors_compatible(a, b)
    ):
        return "place_date_type"
    if relation is None:
        return "text_over_place" if _place_outweighed(a, b, weights, rules) else None
    if relation == "near":
        return None if told_apart else _near_rule(a, b, weights, uncrowded, rules)
    # Two to the day known dates and the same toll of two or more: a rare coincidence among
    # places that could hold one incident.
    if relation != "loose":
        return None
    text = text_weight(a, b, weights) >= rules.text_min
    if text and shares_a_rare_word(a, b, weights, rules=rules):
        return "loose_text"
    if _names_place_of(a, b) or _names_place_of(b, a):
        return "loose_names_place"
    return "loose_same_toll" if _same_figure(a.event, b.event, 2) else None


def _near_rule(a: Record, b: Record, weights: Weights, uncrowded: bool, rules: MergeRules) -> str | None:
    """The corroboration linking two near records not told apart: shared rare words, a rare
    clock time, a victim's age or the same toll (see `link_rule`)."""
    if text_weight(a, b, weights) >= rules.text_min:
        return "near_text"
    # A clock time few reports give ("8:45 p.m.") is a detail of one incident; a round-up
    # gives the times of all its incidents.
    if a.rare_times & b.rare_times and sole_reports(a, b):
        return "near_time"
    # The same victim's age is a detail two reports of one shooting share.
    if ages_agree(a.ages, b.ages, rules=rules):
        return "near_age"
    # One victim is the commonest toll: in a crowded place it tells no shooting from another.
    return "near_same_toll" if _same_figure(a.event, b.event, 1 if uncrowded else 2) else None


def follow_up_linked(
    a: Record, b: Record, relation: str | None, weights: Weights, *, rules: MergeRules
) -> bool:
    """Whether a follow-up story and an earlier report (dates apart, see `follow_up_close`)
    say enough to be one incident: shared rare words weighing `follow_up_text_min` (places not
    apart) or an anchor and `text_over_place` (places apart: `anchored`). Place and dates never
    suffice, nor the same toll: months of a city's news hold other shootings with two victims
    (on gva_dev, the same count of two or more merged Houston and Indianapolis stories of
    different shootings)."""
    text = text_weight(a, b, weights)
    if relation is None:
        return text >= rules.text_over_place and anchored(a, b, weights, rules=rules)
    return text >= rules.follow_up_text_min
