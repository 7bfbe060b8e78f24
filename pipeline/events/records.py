"""The merge view of an event (`Record`): what the merge rules read of one report, computed
once per batch, and the per-event features they share with the count policy (follow-up
stories, victims' ages, distances).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.events.addresses import streets_of
from pipeline.events.clock import times_of
from pipeline.events.names import person_tokens
from pipeline.events.rules import AFTERMATH_TYPES, OPEN_BASES, MergeRules
from pipeline.events.text import (
    follow_up_words,
    headline,
    incident_words,
    lower_words,
    norm,
    outlet,
    report_words,
    words,
)
from pipeline.geo.index import haversine_km
from pipeline.schemas import Event

# `Event.geo_precision` of a first-level division or a country, and of a county.
ADMIN1_PRECISION = 3
COUNTY_PRECISION = 2


@dataclass
class Record:
    """What merging needs of one event, computed once."""

    event: Event
    articles: frozenset[str]
    event_type: str | None
    country: str  # "" when unknown
    low: int  # date interval as day ordinals
    high: int
    precision: int
    lat: float | None
    lon: float | None
    location: str  # "" when the record has no place finer than admin1
    admin1: str
    county: bool  # placed at county level (or only by admin1/country): a wide area
    actor_names: frozenset[str]
    inter_codes: frozenset[int]
    words: frozenset[str]  # rare-word candidates, without its own place's names
    all_words: frozenset[str]  # the same with them
    place_words: frozenset[str]  # its location's name as words (not common ones)
    follow_up: bool = False  # its incident may lie up to `follow_up_days` before `low`
    names_incident: bool = False  # its headline names a violent incident ("... in shooting")
    crowd: int = 0  # compatible near records of other articles in the batch (see `set_crowds`)
    # distinct incident days stated by it and those near records (see `set_crowds`)
    stated_days: int = 0
    ages: frozenset[int] = frozenset()  # its victims' ages (`Event.victim_ages`)
    sexes: frozenset[str] = frozenset()  # its victims' sexes (`Event.victim_sexes`)
    outlet: str = ""  # the outlet's name ending its title (see `outlet`)
    keywords: frozenset[str] = frozenset()  # its rarest words, for blocking (see `keyword_min`)
    # its article reports no other event: its headline and names are this event's own
    alone: bool = True
    # its date is the incident's own day, stated in the text (not a publication day or a
    # follow-up's news day): two such days apart are two incidents, whatever words they share
    incident_day: bool = False
    # its date is its article's publication (no day in the text): `high` is the day it appeared
    dated_by_publication: bool = False
    streets: frozenset[str] = frozenset()  # the streets of the blocks it names (`addresses.streets_of`)
    times: frozenset[str] = frozenset()  # the clock times its article gives (`clock.times_of`)
    # those of its times that few reports of the batch give (`MergeRules.time_share`)
    rare_times: frozenset[str] = frozenset()

    @property
    def fine(self) -> bool:
        """Placed at a town (or finer) with coordinates: precise enough to merge on place alone."""
        return bool(self.location) and self.lat is not None and not self.county


def event_articles(event: Event) -> frozenset[str]:
    """The articles an event comes from; an event without `article_ids` is its own article."""
    return frozenset(a for a in event.article_ids.split(";") if a) or frozenset({event.event_id})


# Date bases that are not the incident's own day (see `dates.date_basis`).
_NOT_INCIDENT_DAY = frozenset({"published", "report", "aftermath"})


def incident_day(event: Event) -> bool:
    """Whether an event's date is a day the text states for the incident: known to the day and
    neither the publication day, a day of saying, nor a follow-up's (an article without a
    publication date has no basis: its day comes from the text)."""
    return (event.event_date is not None and event.time_precision == 1
            and event.date_basis not in _NOT_INCIDENT_DAY)


def parse_ages(text: str | None) -> frozenset[int]:
    """An event's `victim_ages` ("19;24") as a set of ages."""
    return frozenset(int(a) for a in (text or "").split(";") if a.strip().isdigit())


def is_follow_up(event: Event) -> bool:
    """Whether an event's date may lie after its incident: the date stands on a day of the
    aftermath (`date_basis`: "arrested Friday"), or its headline announces a follow-up story
    ("Man charged in ...", "Vigil held for ...")."""
    if event.date_basis in OPEN_BASES:
        return True
    return not follow_up_words().isdisjoint(lower_words(headline(event.notes)))


def incident_type(rec: Record) -> str | None:
    """The event type a record claims for its incident: none for a follow-up story typed by
    its aftermath whose headline names a violent incident ("Man arrested in fatal shooting"
    is an arrest, a strategic development, about a shooting); "Man held after robbery" keeps
    its type."""
    if rec.follow_up and rec.event_type in AFTERMATH_TYPES and rec.names_incident:
        return None
    return rec.event_type


def km(a: Record, b: Record) -> float | None:
    """The distance between two records' coordinates, or None when one has none."""
    if a.lat is None or b.lat is None:
        return None
    if a.lat == b.lat and a.lon == b.lon:
        return 0.0  # one town's reports share its point: most pairs merging measures
    return haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


def _merge_location(event: Event) -> str:
    """An event's location as merging reads it: "" when it is no finer than admin1. A country
    or first-level division is too coarse to say two reports are one event; a town that shares
    its state's name (Kaduna in Kaduna, New York in New York) is a town."""
    location = norm(event.location)
    precision = event.geo_precision
    if (precision or 0) >= ADMIN1_PRECISION or (
        precision is None and location in (norm(event.country), norm(event.admin1))
    ):
        return ""
    return location


def make_record(event: Event, *, rules: MergeRules) -> Record | None:
    """The merge view of an event, or None when it is too vague to merge (no date, or an
    interval longer than `max_interval_days`). A record placed no finer than admin1, or not
    placed at all, is kept without a location: it merges only with corroboration."""
    low = event.date_low or event.event_date
    high = event.date_high or event.event_date
    if low is None or high is None or (high - low).days > rules.max_interval_days:
        return None
    location = _merge_location(event)
    has_coords = event.latitude is not None and event.longitude is not None and bool(location)
    county = not location or (event.geo_precision or 0) >= COUNTY_PRECISION or location == norm(event.admin2)
    found, all_words = report_words(event)
    return Record(
        event=event,
        articles=event_articles(event),
        event_type=event.event_type,
        country=event.iso3 or event.iso2 or norm(event.country),
        low=low.toordinal(),
        high=high.toordinal(),
        precision=event.time_precision or 1,
        lat=float(event.latitude) if has_coords else None,  # type: ignore[arg-type]
        lon=float(event.longitude) if has_coords else None,  # type: ignore[arg-type]
        location=location,
        admin1=norm(event.admin1),
        county=county,
        actor_names=frozenset(n for n in (norm(event.actor1), norm(event.actor2)) if n),
        inter_codes=frozenset(c for c in (event.inter1, event.inter2) if c is not None),
        # The people it names count as rare words (weighted by `person_weight`).
        words=found | person_tokens(event.persons),
        all_words=all_words,
        place_words=words(location) if location else frozenset(),
        follow_up=is_follow_up(event),
        incident_day=incident_day(event),
        names_incident=not incident_words().isdisjoint(lower_words(headline(event.notes))),
        ages=parse_ages(event.victim_ages),
        sexes=frozenset(s for s in (event.victim_sexes or "").split(";") if s),
        outlet=outlet(event.notes),
        streets=streets_of(event.street_blocks),
        times=times_of(event.clock_times),
        dated_by_publication=event.date_basis == "published",
    )
