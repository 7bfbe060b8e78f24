"""One article's events from its facts: each field's policy lives with its fact kind
(`split_events`, `event_location`, `event_date` and `date_basis`, `reconcile`, `event_actors`),
so improving one kind never touches the others; this module only composes them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache

from pipeline.actors import event_actors
from pipeline.casualties import reconcile
from pipeline.dates import date_basis, dated_by_later_news, event_date, is_background
from pipeline.events.addresses import street_blocks
from pipeline.events.clock import clock_times
from pipeline.events.names import person_names
from pipeline.events.rules import VICTIM_OUTCOMES
from pipeline.geo import event_location
from pipeline.resources import read_words
from pipeline.schemas import ActorFact, Article, CasualtyFact, DateFact, Event, Fact, PlaceFact
from pipeline.triggers import split_events
from pipeline.triggers.policy import names_a_harm

# A casualty claim in a sentence dated only this many days or more before the incident's own
# day tells of another incident the story recalls (a week: a follow-up's days come after it).
EARLIER_INCIDENT_DAYS = 7

# "a 24-year-old man", "the 3-year-old": a victim's age as the casualty facts describe them.
_AGE = re.compile(r"\b(\d{1,3})[- ]years?[- ]old\b", re.IGNORECASE)
# Ages outside this range (exclusive) are no victim's age (a misread number).
MIN_AGE, MAX_AGE = 0, 120
_WORD = re.compile(r"[a-z]+")
# Possessives before a noun tell whose relative was hurt, not the victim's sex ("her son").
_POSSESSIVES = frozenset({"his", "her"})
SEXES = ("female", "male")


def _of(kind: type, facts: list[Fact]) -> list:
    return [f for f in facts if isinstance(f, kind)]


def _harm_recalled(group: list[Fact], published: dt.date | None) -> bool:
    """Whether a group of casualties without a trigger names a violent cause only in sentences
    its own days date years before publication (`dates.is_background` sentence by sentence): a
    veteran's obituary, a death of old age beside a war wound "at Ortona in December 1943", is
    no event. A sentence without a day of its own is never recalled."""
    dates = _of(DateFact, group)
    harms = [f for f in _of(CasualtyFact, group) if names_a_harm(f.sentence)]
    return bool(harms) and all(is_background([d for d in dates if d.sentence == f.sentence], published)
                               for f in harms)


def build_article_events(article: Article, facts: list[Fact]) -> list[Event]:
    """The events one article reports, with place, date, type, actors and reconciled counts; a
    group of facts whose text dates it years before publication (`dates.is_background`) is a
    background mention and makes no event."""
    all_places = _of(PlaceFact, facts)
    # The article's people, not the event group's: a follow-up story names its victim in one
    # sentence and the charges in another.
    persons = ";".join(person_names(facts)) or None
    # The article's street blocks, as its people: the block is told once, often apart from the
    # sentences of the event's words.
    sentences = dict.fromkeys(f.sentence for f in facts)
    blocks = ";".join(street_blocks(sentences)) or None
    times = ";".join(clock_times(sentences)) or None
    events: list[Event] = []
    # A group its own text dates years before publication is a background mention: not built.
    groups = [g for g in split_events(facts) if not is_background(_of(DateFact, g[2]), article.published)
              and not (g[0] is None and _harm_recalled(g[2], article.published))]
    for i, (event_type, sub_event_type, group) in enumerate(groups, start=1):
        fields: dict[str, object] = {
            "event_id": f"{article.id}#{i}",
            "event_type": event_type,
            "sub_event_type": sub_event_type,
            "source": article.source,
            "notes": article.title,
            "article_ids": article.id,
        }
        dates, claims = _of(DateFact, group), _of(CasualtyFact, group)
        fields.update(event_location(_of(PlaceFact, group), all_places, alone=len(groups) == 1))
        fields.update(event_date(dates, article.published))
        fields["date_basis"] = date_basis(dates, article.published)
        fields.update(reconcile(claims_of_its_days(claims, dates, fields)))
        fields.update(event_actors(_of(ActorFact, group), event_type))
        evidence = [f.sentence for f in group if f.kind in ("casualty", "trigger")]
        fields["evidence"] = evidence[0] if evidence else None
        fields["persons"] = persons
        fields["victim_ages"] = ";".join(map(str, victim_ages(claims))) or None
        fields["victim_sexes"] = ";".join(victim_sexes(claims)) or None
        fields["street_blocks"] = blocks
        fields["clock_times"] = times
        fields["published"] = article.published
        events.append(Event(**fields))
    return events


def victim_ages(facts: Iterable[CasualtyFact]) -> list[int]:
    """The ages ("a 24-year-old man") in the victim words of the killed and injured facts, sorted
    (an attacker's own death is no victim's)."""
    ages = {
        int(m.group(1))
        for f in facts
        if f.outcome in VICTIM_OUTCOMES and not f.perpetrator and f.victims
        for m in _AGE.finditer(f.victims)
    }
    return sorted(a for a in ages if MIN_AGE < a < MAX_AGE)


@lru_cache(maxsize=None)
def _sex_words(sex: str) -> frozenset[str]:
    """The victim words that tell one sex (`models/aggregate/female_words.txt`, `male_words.txt`)."""
    return read_words(f"aggregate/{sex}_words.txt")


def victim_sexes(facts: Iterable[CasualtyFact]) -> list[str]:
    """The sexes ("female", "male") the victim words of the killed and injured facts tell ("a
    woman", "the boy", "he"; an attacker's own death is no victim's, nor is one told unhurt:
    "a woman with him was not hurt"), sorted. A possessive before a noun tells whose relative
    it is, not the victim's sex: "her son" is male."""
    found: set[str] = set()
    for f in facts:
        if f.outcome not in VICTIM_OUTCOMES or f.perpetrator or not f.victims or not f.count_best:
            continue
        words = _WORD.findall(f.victims.lower())
        words = [w for i, w in enumerate(words) if not (w in _POSSESSIVES and i < len(words) - 1)]
        found.update(sex for sex in SEXES if not _sex_words(sex).isdisjoint(words))
    return sorted(found)


def claims_of_its_days(casualties: list[CasualtyFact], dates: list[DateFact],
                       when: dict[str, object]) -> list[CasualtyFact]:
    """The casualty claims that are the event's own: not those of a sentence dated only to a
    day `EARLIER_INCIDENT_DAYS` or more before the incident's own day (`when`: the event's date
    columns, its basis "incident", its day no news that may come days later: a death, a body
    found), another incident the story recalls ("in March, three men were shot outside the
    same bar" in the story of a stabbing in May), unless no other claim gives that outcome.
    Claims dated after it stay: a death in hospital, arrests, an update."""
    low, day = when.get("date_low"), when.get("event_date")
    if not isinstance(low, dt.date) or when.get("date_basis") != "incident" or (
            isinstance(day, dt.date) and dated_by_later_news(dates, day)):
        return casualties  # a death or a body found days after: the earlier toll may be its own
    limit = low - dt.timedelta(days=EARLIER_INCIDENT_DAYS)
    of_events = [d for d in dates if d.role == "event"]
    earlier = {d.sentence for d in of_events if d.date_high < limit} - {
        d.sentence for d in of_events if d.date_high >= limit}
    if not earlier:
        return casualties
    own = [c for c in casualties if c.sentence not in earlier]
    told = {c.outcome for c in own}
    return own + [c for c in casualties if c.sentence in earlier and c.outcome not in told]

