"""The merge rules' numbers: every threshold and weight of merging and of the count policy, in
one frozen dataclass (`MergeRules`), and the policy's fixed vocabularies (types that may be one
event, follow-up date bases, outcomes). The rules themselves are told in the docstring of
`pipeline.events`; `MergeRules()` holds the values tuned on gva_dev.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

# Text corroboration's base weight (see `MergeRules.text_min`); the two outweighing weights are
# multiples of it, written out below as they were first derived.
_TEXT_MIN = 1.15


@dataclass(frozen=True)
class MergeRules:
    """Thresholds and weights of `merge_events` and of the count policy (`reconcile_counts`).

    Days are calendar days between date intervals; kilometres are great-circle distances; a
    rare word weighs log(N / df) / log(N) in a batch of N records (1.0 for a word of one record,
    about 0.9 for a word of two in a thousand).
    """

    # Dates: two reports' intervals at most this many days apart may be one event.
    merge_days: int = 2
    # Two dates both known to the day: at most this far apart (an overnight incident, a time
    # zone); in a big city, shootings two days apart are usually two shootings.
    merge_days_precise: int = 1
    # A follow-up story (an arrest, a death in hospital, a victim named) dated this many days
    # after an earlier report is close to it: place and date may link them as any two reports.
    follow_up_close_days: int = 2 + 1
    # An interval longer than this (days) is too vague to merge on.
    max_interval_days: int = 31
    # A follow-up story (charges, a court date, a funeral) may report an incident up to this
    # many days (half a year) before its own date. A year back reaches the same week of the
    # year before, where a dense batch holds the town's incidents of that year.
    follow_up_days: int = 183
    # Text outweighing dates links two reports at most this many days apart: a date read a
    # few days off (a weekday resolved to the week before). Otherwise text waives a year only
    # for a day read in the wrong year (`links.a_year_apart`), never a month: in a dense
    # batch, a town's incidents of other years share its streets and names.
    text_days: int = 14

    # Places: coordinates within this many km are near (place and date may link them).
    merge_km: float = 25.0
    # Place and date alone link two near reports only in one town: the same place name, or
    # coordinates this close (km). A city and its suburb 18 km away on one day (a metropolitan
    # area's weekend) are as likely two incidents as one: they need corroboration.
    same_town_km: float = 5.0
    # Two towns this far apart (km) may be one incident told from its nearest town, with
    # corroboration.
    loose_km: float = 60.0
    # A county (or a record placed only by its county's centre) may hold a town this far away.
    county_km: float = 150.0
    # Place and date alone link two reports only when neither has more than this many
    # candidates (compatible near reports of other articles): in a city with several shootings
    # a day, two reports of "a man shot" on one day are as likely two shootings as one.
    crowd_max: int = 3

    # Text: the shared rare words of two reports' headline and evidence must weigh at least
    # this much, a bit more than one word only these two reports use (tuned on gva_dev: one
    # shared rare word is a coincidence as often as not; two hardly ever are).
    text_min: float = _TEXT_MIN
    # Places that only could hold one incident (`place_relation` "loose") are linked by shared
    # words only when one of them is used by no more than this many of the batch's reports:
    # common words adding up ("armed", "robbery"; "high", "school", "student") tell no
    # incident from another (on the crowded batch of gva_dev and gvdb_dev they made the only
    # two false loose links).
    loose_word_reports: int = 6
    # Shared rare words weighing this much (about three words only these reports use) outweigh
    # two places apart (the geocoder put one in the wrong state or country: "Alpine") and a
    # toll at odds (a misread age or statistic).
    text_over_place: float = 2 * _TEXT_MIN
    # Shared rare words weighing this much (about five words few reports use, or a victim's
    # name and two rare words), counting only words of `keyword_min` or more, make two reports
    # one incident whatever their dates, up to `text_days` apart, unless both give their
    # incident's own day (`Record.incident_day`), or a year apart to the day when the later
    # one's story came months after it (`links.a_year_apart`).
    text_over_dates: float = 1.5 * (2 * _TEXT_MIN)
    # Words this rare (df <= sqrt(N)) index a record for candidates apart in place or time,
    # and are the only words `text_over_dates` counts (the half-common words of two long wire
    # stories of one conflict add up without telling incidents).
    keyword_min: float = 0.5
    # Shared rare words a follow-up story and an earlier report need: more than `text_min`
    # (about three words few reports use), as months of one place's news offer more chances of
    # a coincidence than two days do (tuned on gva_dev, gvdb_dev's counts as a check).
    follow_up_text_min: float = 2.0
    # A full personal name two reports share weighs this many rare words of the same rarity:
    # `follow_up_text_min` or more for a name only the reports of one incident give, more than
    # `text_over_place` for one only two reports give; a name many reports give weighs little.
    person_weight: float = 3.0
    # A full personal name two reports share anchors them (may outweigh places or dates apart)
    # when it weighs this much: a name few reports of the batch give (`person_weight` times its
    # rarity; about one report in a hundred in a batch of a thousand). Shared common words
    # never outweigh a contradiction, however many.
    anchor_name_min: float = 2.0
    # A clock time that at most this share of the batch's articles giving a time give ("8:45
    # p.m.", not "10 p.m.") is a detail of one incident: two near reports on close dates, each
    # its article's only event, that give it are one, however crowded their town
    # (`links.link_rule`, "near_time"). Among fewer than 2 / time_share articles giving a time
    # none is that rare: too few to tell a detail from a common hour. On the crowded batch of
    # gva_dev and gvdb_dev, times as rare as this were shared by reports of one incident only.
    time_share: float = 0.01
    # Victims' ages within this many years are one victim's (outlets round or update an age).
    age_slack: int = 1

    # Count policy: a report is credible when another source's best, times `credible_factor`
    # plus `credible_slack`, reaches its floor (a toll may double between reports, but 1
    # against 14 is more often a misread age or a statistic than an update).
    credible_factor: int = 2
    credible_slack: int = 2
    # A merged event joins at most this many distinct evidence sentences.
    max_evidence: int = 3

    # (cached: merging reads these two for every pair of records it weighs; a frozen
    # dataclass's fields never change, so neither do they)
    @cached_property
    def far_text_min(self) -> float:
        """The least shared-word weight by which two reports whose dates are not close may be
        linked (a follow-up story, text outweighing dates or places): below it, only close dates
        can link them."""
        return min(self.follow_up_text_min, self.text_over_place, self.text_over_dates)

    @cached_property
    def day_reach(self) -> int:
        """Days blocking looks around a record's dates: the widest gap of close dates."""
        return max(self.merge_days, self.follow_up_close_days)


# Event types that two reports of one event may carry besides the same type: a riot is a
# protest turned violent, or mob violence that another outlet calls an attack on civilians.
# Any other two types need corroboration: ACLED codes a battle and a shelling in one town on
# one day as two events, but two outlets also label one shooting differently.
TYPE_MATCHES: dict[str, frozenset[str]] = {
    "riots": frozenset({"riots", "protests", "violence_against_civilians"}),
    "protests": frozenset({"protests", "riots"}),
    "violence_against_civilians": frozenset({"violence_against_civilians", "riots"}),
}

# Date bases (`Event.date_basis`) that mark a follow-up story: a day of the aftermath. A
# statement's day or the publication day is not enough: wire stories dated so are mostly of
# the day's own incidents (on muc4_dev, treating them as follow-ups merged months apart).
OPEN_BASES = frozenset({"aftermath"})

# Types of the news a follow-up story reports besides its incident (an arrest, a plea
# agreement): they say nothing of the incident's own type.
AFTERMATH_TYPES = frozenset({"strategic_developments"})

OUTCOMES = ("killed", "injured", "arrested")
# Outcomes whose victims another source's count of victims can vouch for (see `credible`).
VICTIM_OUTCOMES = ("killed", "injured")
# Outcomes whose reconciled figure is the fewest credible exact report, not the latest: the
# wounded are counted down as reports tell the dead and the unhurt apart from "four shot".
FEWEST_OUTCOMES = frozenset({"injured"})
