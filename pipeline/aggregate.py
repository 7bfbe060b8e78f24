"""The aggregate stage: build the events of each article, then merge them across articles.

`build_article_events` is the composition for one article; each field's policy lives with its
fact kind (`triggers.split_events`, `geo.event_location`, `dates.event_date`,
`casualties.reconcile`, `actors.event_actors`), so improving one kind never touches the others.

`merge_events` then counts each real-world event once across a batch. Reports of one incident
disagree in ordinary ways (one outlet calls a shooting an attack, another a clash; one places it
in a town, another in its county or nowhere; "Sunday night" against "early Monday"; one wounded
victim who later dies), so the rules tell *contradictions*, which keep two records apart, from
*differences*, which need corroboration.

Two records are **compatible** (nothing says they are two events) when all of these hold:

- **articles**: they come from different articles (an article's own split into events is kept);
- **date**: their date intervals (`date_low`..`date_high`, or `event_date`) overlap or lie at
  most `MERGE_DAYS` (2) days apart, and at most `MERGE_DAYS_PRECISE` (1) when both are known to
  the day (in a big city, shootings two days apart are usually two shootings), and at most
  `FOLLOW_UP_CLOSE_DAYS` (3) when the later one is a follow-up story (an arrest, a death in
  hospital, a victim named in the next days); an interval
  longer than `MAX_INTERVAL_DAYS` (31) is too vague to merge on; or one of them is a
  *follow-up story* (below) and the other's dates lie within `FOLLOW_UP_DAYS` (365: a trial
  or a sentence comes months, often a year, after) before its own (or `MERGE_DAYS` after); or their reports share rare words weighing
  `TEXT_OVER_DATES` (1.5 x `TEXT_OVER_PLACE`: about five words few reports use, or a victim's
  name and two more; only words weighing `KEYWORD_MIN` or more count, as the many half-common
  words of two long wire stories of one conflict add up) and lie at most `TEXT_DAYS` (730) apart: a date resolved to the wrong year
  ("last March") or a follow-up story without a follow-up word is commoner than two incidents
  told alike, and such text links them whatever their dates;
- **place**: not apart: the same country and admin1 where both are known, and coordinates within
  `LOOSE_KM` (60 km), or `COUNTY_KM` (150 km) when one is a county; a place name both give
  (resolved by the gazetteer to two places, "Alpine" in two states) is never apart, nor are two
  places whose reports share rare words weighing `TEXT_OVER_PLACE` (2.3, about three words only
  they use: one place is a geocoding error), nor two towns of one first-level division whose
  reports on close dates give the same number killed or injured and share rare words weighing
  `TEXT_MIN` (a station placed the incident at its own city), which also links them;
- **counts**: the killed figures could be one toll: neither is an outlier against the other
  (the credibility rule below), and one report does not say nobody died while the other
  reports a death, unless it counts at least as many wounded as the other counts dead (an early
  report: the wounded died later); when clustering, a toll (or an age, below) at odds is no
  contradiction, nor are places apart with the other members, when the record shares rare
  words weighing `TEXT_OVER_PLACE` with one member and both are their articles' only events (a
  misread age or statistic: the count policy sets it aside); and two reports of a single victim that each give one age do not give ages more
  than `AGE_SLACK` (1) year apart ("a 24-year-old man" against "a 30-year-old man" in one
  city on one day are two shootings; `Event.victim_ages`, from the victim words of the killed
  and injured facts; reports of several victims may each describe another one).

Two compatible records are **linked** (say enough to be one event) when:

- their places are **near** (coordinates within `MERGE_KM`, 25 km, or the same name when one
  lacks coordinates), neither is in a crowded place, their types match and their actors are not
  at odds: the same ACLED event type, or a riot against a protest (a protest turned violent) or
  violence against civilians (mob violence another outlet calls an attack), or an untyped
  record (no claim); actors are at odds when both have typed actors (ACLED inter codes) and
  share neither a type nor a name. A record is in a *crowded* place when more than `CROWD_MAX`
  (3) records of other articles are compatible with it and near it: in a city with several
  shootings a day, two reports of "a man shot" on one day are as likely two shootings as one.
  Two stories of one *outlet* (the same name ending their titles, `outlet`: "... | WXYZ
  Channel 7") are held like a crowded place's: a station follows up its own story with the
  victim's name, age or street, so two of its stories with only place, date and one victim in
  common are two incidents of its city (on gvdb_dev, a sample of a few stations' news, most
  such pairs had different gold days or places);
- or their places are near and they are **corroborated**: both give the same number killed or
  injured, at least one (at least two in a crowded place: one victim is the commonest toll), a
  victim of the same age (within `AGE_SLACK`), or their headlines and evidence share rare
  words (below). Without it, a battle and a shelling in
  one town on one day stay two events, as ACLED codes them;
- or their places are only **loose** (towns 25-60 km apart, a town and its county, a side placed
  only by admin1 or country or not at all, one name resolved to two places) and either their
  headlines and evidence share rare words, or one report names the other's place ("Greene
  County deputies said" in a report placed in a town of Greene County), or their dates are
  close and they give the same number killed or injured, of at least two (one victim is the
  commonest toll; two or more on the same days in places that may be one is rarely chance).

*Follow-up stories* (charges, a court date, a verdict, a funeral or vigil, the naming of a
victim) are dated by their own day, weeks or months after the incident. A record is one when
its date stands on a day of the aftermath (`date_basis` "aftermath", from `dates.date_basis`:
"was arraigned Thursday") or its headline holds a word of
`models/aggregate/follow_up_words.txt` ("charged", "sentenced", "vigil", "identified"). Its
incident lies on or before its date: a follow-up story and a report dated before it (dates
not close) are linked only by shared rare words weighing `FOLLOW_UP_TEXT_MIN` (2.0, about
three words few reports use: months of a town's news offer more coincidences than two days),
or `TEXT_OVER_PLACE` when their places are apart; never by place and dates, nor by the same
toll (weeks of a city's news hold other shootings with two dead). A statement's day or the
publication day does not make a follow-up: wire stories dated so mostly report the day's own
incidents (on muc4_dev opening them merged reports months apart). The type of a follow-up
story typed by its aftermath (a strategic development: an arrest) whose headline names a
violent incident (`models/aggregate/incident_words.txt`: "arrested in fatal shooting") makes
no claim against the incident's type; "held after a robbery" keeps its type.

*Rare words*: the words of a record's headline (`notes`, without the outlet's name that ends
many titles, "... | Channel 5 News", nor a wire dateline that opens it, "SAN MIGUEL, 7 JAN
90 (AFP) --") and evidence sentence (without its dateline), minus numbers, days of the month,
the common news words of `models/aggregate/common_words.txt`, its own place's names and any word
starting with a word of the outlet and agency names of the batch's titles (an outlet's name and
web address, glued to the dateline, are in all its stories); a word
weighs log(N/df)/log(N) in a batch of N records (df: records using it), and the shared words
must weigh `TEXT_MIN` (1.15): about two words few reports use, never one (one shared rare word
is a coincidence as often as not on gva_dev). Below three records nothing is rare.

*People named*: the full personal names (first and last, from `person_names`) an article's facts
hold: named actors without an actor type (a person, not a force; an official typed as state
forces is quoted in many stories), victim words that are a name, and capitalised runs of two
or more words in casualty sentences without a common news word, an institution's or a title's
word (`models/aggregate/not_name_words.txt`: "Medical Center", "Chief ...") nor a title just
before them, that are not one of the article's places. They are the record's
`persons` and count among its rare words, a name weighing `PERSON_WEIGHT` (3.0) words of its
rarity: a name only a few reports of a batch give (the reports of one incident, up to about
one in a hundred) is enough for a follow-up story (`FOLLOW_UP_TEXT_MIN`), and one only two
reports give outweighs places apart (the geocoder read a place from a name: "Cleveland
Smith" shot in Detroit); a name many reports give (a spokesman) weighs little. A single
surname never counts.

A town that shares its first-level division's name (Kaduna in Kaduna, New York in New York) is
a town when the geocoder says so (`geo_precision` 1); a record placed no finer than admin1 (or
not at all) merges only through corroboration.

Clustering is greedy: records are taken most precise first (day before week before month, a
town before a wider area, then by date and id) and each joins the best-scoring existing cluster
it is compatible with (every member) and linked to (one member at least), else starts its own;
a record whose text outweighs a contradiction with one member (`TEXT_OVER_PLACE` for places
and tolls, `TEXT_OVER_DATES` for dates) is not held to that contradiction with the others
either: its place, toll or date is the misread one (or the member's). Text outweighs a toll
or dates at odds only between records that are their articles' only events: an article that
reports several events (a wire story of a week's attacks) shares its headline and names
among them;
the score prefers closer dates and places, agreeing counts, the same type, shared actors and
shared rare words (dates score nothing, not less, for a follow-up story weeks after its
incident). Candidates come from a block index keyed by day and by the place name, a
0.25-degree grid cell (a town looks in the cells within `LOOSE_KM`), or the country (a wider
area looks through its country's records of those days; a record without a country through
all of them; and by each of its rarest words, weight >= `KEYWORD_MIN`, for the places apart
that shared words may join; a follow-up story's rare words look through the
`FOLLOW_UP_DAYS` before it, where its incident is filed; a cluster that shares one of its
rarest words is a candidate when its span of days meets the record's reach of dates, or
else when a member shares `TEXT_OVER_DATES` with it),
so the cost grows with the events reported near one place in a few days, not with the batch.

**Count policy (one for every outcome: killed, injured, arrested).** Reports of one event are
not added up: each is a claim about the same toll, and a later report is an update (the dead
counted, "four shot" told apart into one dead and three wounded). So, per outcome, over the
*credible* reports, among the exact ones (low == high) that no other report dwarfs (the
credibility rule below, turned round: "nobody died" after reports of 14 and 20 dead counts
something else): for killed and arrested, `best` = the *latest* (by its article's publication
day, `Event.published`; the highest among reports of one day or undated); for injured, the
*fewest* (the wounded are counted down as reports tell the dead and the unhurt apart from
"four shot": on gva_dev a higher wounded count most often holds the dead); raised to the
highest floor of a vague report ("dozens", "at least 20"); when no source is exact, the
highest floor; `low` = `best`; `high` = the highest upper bound a source states, among those
not below `best` (an earlier higher figure stays as the range's top); open (null) when none
does ("at least 8" states none).
A report is credible unless it is an outlier: with two or more reports, its floor must be at
most twice another source's best plus 2 (`CREDIBLE_FACTOR`, `CREDIBLE_SLACK`: a toll may
double between reports, but 1 against 14 is more often a misread age or a statistic quoted in
the story than an update). When one figure (best) is given by more sources than any other, and
by at least two, only the reports of that figure are credible: corroboration beats a lone
higher claim. `fatalities` = `killed_best`. Sources that do not mention an outcome do not
lower it, but for killed and injured their count of victims (killed plus injured) stands as a
witness in the outlier rule: a lone "100 killed" where two other sources count one wounded
victim is not credible. Killed and injured count the same victims: killed plus injured is
never more than the most victims (killed plus injured) one source counts, so `injured` is
lowered to make room for the dead: a victim one report calls wounded and a later one dead is
one victim, killed (one source counting 3 wounded and another 2 dead give 2 killed, 1 injured).
facts.csv keeps every source's claim unchanged: it is the ledger behind these figures.

A merged event's `event_id` is the smallest member id (stable whatever the input order; a
record that merges with nothing keeps its own id); `article_ids` joins its articles' ids with
";" (sorted), `n_sources` counts them, `source` joins their distinct sources with ";"; the date
comes from its most precise members (the date most of them give, then the earliest; among
equally precise members, those that are not follow-up stories first), the place
from its most precisely located members (the location most of them give), the type is the
members' most frequent one, `evidence` joins up to `MAX_EVIDENCE` distinct evidence
sentences with " | ", and `published` is its latest article's publication day.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
from pydantic import BaseModel

from pipeline import actors, anatomy, casualties, dates, geo, triggers
from pipeline.export import find_table, load_articles, load_facts, load_table, write_table
from pipeline.schemas import (
    ActorFact,
    AggregateSummary,
    Article,
    CasualtyFact,
    DateFact,
    Event,
    Fact,
    PlaceFact,
    TriggerFact,
)
from pipeline.tabulate import events_frame
from pipeline.resources import models_dir as models_root

# Merge window and radius (see the module docstring).
MERGE_DAYS = 2
# Two dates known to the day: at most this far apart (an overnight incident, a time zone).
MERGE_DAYS_PRECISE = 1
MERGE_KM = 25.0
# Two towns this far apart may be one incident told from its nearest town, with corroboration.
LOOSE_KM = 60.0
# A county (or a record placed only by its county's centre) may hold a town this far away.
COUNTY_KM = 150.0
MAX_INTERVAL_DAYS = 31
MAX_EVIDENCE = 3
# A report is credible when another source's best, times this plus that, reaches its floor.
CREDIBLE_FACTOR = 2
CREDIBLE_SLACK = 2
OUTCOMES = ("killed", "injured", "arrested")
# Text corroboration: the shared rare words of two reports' headline and evidence must weigh at
# least this much, each word weighing log(N / df) / log(N) in a batch of N records (1.0 for a
# word of one record, about 0.9 for a word of two in a thousand): a bit more than one word that
# only these two reports use. Tuned on gva_dev (one shared rare word is a coincidence as often
# as not; two hardly ever are).
TEXT_MIN = 1.15
# Shared rare words weighing this much (about three words only these reports use) outweigh two
# places apart: the geocoder put one of them in the wrong state or country ("Alpine", "Chelsea").
TEXT_OVER_PLACE = 2 * TEXT_MIN
# Words this rare (df <= sqrt(N)) index a record for `TEXT_OVER_PLACE` candidates.
KEYWORD_MIN = 0.5
# Place and date alone link two reports only when neither has more than this many candidates
# (compatible near reports of other articles): in a city with several shootings a day, two
# reports of "a man shot" on one day are as likely two shootings as one.
CROWD_MAX = 3
COMMON_WORDS_FILE = models_root() / "aggregate" / "common_words.txt"
# A follow-up story (charges, a court date, a funeral, the naming of a victim) may report an
# incident up to this many days before its own date (a trial or a sentence often a year
# later); it joins it only with corroboration.
FOLLOW_UP_DAYS = 365
# A follow-up story dated this many days after an earlier report is close to it (see
# `_dates_close`): place and date may link them as any two reports.
FOLLOW_UP_CLOSE_DAYS = MERGE_DAYS + 1
# Blocking looks this many days around a record's dates: the widest gap of close dates.
DAY_REACH = max(MERGE_DAYS, FOLLOW_UP_CLOSE_DAYS)
FOLLOW_UP_WORDS_FILE = COMMON_WORDS_FILE.parent / "follow_up_words.txt"
INCIDENT_WORDS_FILE = COMMON_WORDS_FILE.parent / "incident_words.txt"
NOT_NAME_WORDS_FILE = COMMON_WORDS_FILE.parent / "not_name_words.txt"
# Date bases (`Event.date_basis`) that mark a follow-up story: a day of the aftermath. A
# statement's day or the publication day is not enough: wire stories dated so are mostly of
# the day's own incidents (on muc4_dev, treating them as follow-ups merged months apart).
OPEN_BASES = frozenset({"aftermath"})
# Shared rare words a follow-up story and an earlier report need: more than `TEXT_MIN` (about
# three words few reports use), as months of one place's news offer more chances of a
# coincidence than two days do. Tuned on gva_dev with gvdb_dev's killed/injured as a check.
FOLLOW_UP_TEXT_MIN = 2.0
# Shared rare words weighing this much (about five words few reports use, or a victim's name
# and two rare words) make two reports one incident whatever their dates, up to
# `TEXT_DAYS` apart: a date resolved to the wrong year ("last March") or a follow-up story
# without a follow-up word in its headline is commoner than two incidents told alike.
TEXT_OVER_DATES = 1.5 * TEXT_OVER_PLACE
TEXT_DAYS = 730
# A full personal name two reports share (a victim's or a suspect's: "Dana Kowalczyk") weighs
# this many rare words of the same rarity: `FOLLOW_UP_TEXT_MIN` or more for a name only the
# reports of one incident give (up to about 1% of a batch: on gva_dev the five reports of one
# shooting share its victim's name), more than `TEXT_OVER_PLACE` for one only two reports
# give, while a name many reports give (an official quoted in every story) weighs little.
PERSON_WEIGHT = 3.0

# Event types that two reports of one event may carry besides the same type: a riot is a
# protest turned violent, or mob violence that another outlet calls an attack on civilians.
# Any other two types need corroboration (see `linked`): ACLED codes a battle and a shelling in
# one town on one day as two events, but two outlets also label one shooting differently.
TYPE_MATCHES: dict[str, frozenset[str]] = {
    "riots": frozenset({"riots", "protests", "violence_against_civilians"}),
    "protests": frozenset({"protests", "riots"}),
    "violence_against_civilians": frozenset({"violence_against_civilians", "riots"}),
}

_EARTH_KM = 6371.0088
_KM_PER_DEGREE = 111.32
# Grid cells for blocking (a town searches the rows and columns of cells within LOOSE_KM).
CELL_DEGREES = 0.25
_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
# "the 22nd", "Dec. 3rd": days of the month, shared by every report of that day.
_DAY_ORDINAL = re.compile(r"(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)")
_PERSON_SUFFIX = re.compile(r",? (?:Jr|Sr|II|III|IV)\.?$")
# A full personal name: two or more capitalised words, middle initials allowed, a suffix kept
# ("Dana R. Kowalczyk Jr."); a single surname ("Kowalczyk") is too common to tell incidents.
_PERSON = re.compile(
    r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?(?: [A-Z]\.)*(?: (?:Mc|Mac|O'|De|Di|La|Le)?[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?)+"
    r"(?:,? (?:Jr|Sr)\.?|,? (?:II|III|IV))?"
)


# "a 24-year-old man", "the 3-year-old": a victim's age as the casualty facts describe them.
_AGE = re.compile(r"\b(\d{1,3})[- ]years?[- ]old\b", re.IGNORECASE)
# Outlets round or update an age by a year ("23" in one report, "24" in the next).
AGE_SLACK = 1


def _of(kind: type, facts: list[Fact]) -> list:
    return [f for f in facts if isinstance(f, kind)]


def build_article_events(article: Article, facts: list[Fact]) -> list[Event]:
    """The events one article reports, with place, date, type, actors and reconciled counts."""
    all_places = _of(PlaceFact, facts)
    # The article's people, not the event group's: a follow-up story names its victim in one
    # sentence and the charges in another.
    persons = ";".join(person_names(facts)) or None
    events: list[Event] = []
    groups = triggers.split_events(facts)
    for i, (event_type, sub_event_type, group) in enumerate(groups, start=1):
        fields: dict[str, object] = {
            "event_id": f"{article.id}#{i}",
            "event_type": event_type,
            "sub_event_type": sub_event_type,
            "source": article.source,
            "notes": article.title,
            "article_ids": article.id,
        }
        fields.update(geo.event_location(_of(PlaceFact, group), all_places, alone=len(groups) == 1))
        fields.update(dates.event_date(_of(DateFact, group), article.published))
        fields["date_basis"] = dates.date_basis(_of(DateFact, group), article.published)
        fields.update(casualties.reconcile(_of(CasualtyFact, group)))
        fields.update(actors.event_actors(_of(ActorFact, group), event_type))
        evidence = [f.sentence for f in group if f.kind in ("casualty", "trigger")]
        fields["evidence"] = evidence[0] if evidence else None
        fields["persons"] = persons
        fields["victim_ages"] = ";".join(map(str, victim_ages(_of(CasualtyFact, group)))) or None
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
    return sorted(a for a in ages if 0 < a < 120)


def _ages(text: str | None) -> frozenset[int]:
    return frozenset(int(a) for a in (text or "").split(";") if a.strip().isdigit())


def ages_agree(a: frozenset[int], b: frozenset[int]) -> bool | None:
    """None when either report gives no victim's age; else whether an age of one is within
    `AGE_SLACK` of an age of the other (the same victim, as far as ages tell)."""
    if not a or not b:
        return None
    return any(abs(x - y) <= AGE_SLACK for x in a for y in b)


def person_names(facts: Iterable[Fact]) -> list[str]:
    """The full personal names (first and last) an article's facts hold, sorted: named actors
    without an actor type (a person, not a police force or an armed group: a mayor or chief
    typed as state forces is quoted in many stories), casualty facts whose victim words are a
    name, and the names in casualty sentences ("Dana Kowalczyk, 19, was shot": see
    `_sentence_names`); never one of the article's own place names ("Long Beach")."""
    facts = list(facts)
    common = common_words()
    out: set[str] = set()
    for fact in facts:
        text = None
        if isinstance(fact, ActorFact) and fact.named and fact.actor_type is None:
            text = fact.actor_name
        elif isinstance(fact, CasualtyFact):
            text = fact.victims
            out.update(_sentence_names(fact.sentence, common))
        # "related coverage man": a last word that is a common news word is no surname.
        if text and _PERSON.fullmatch(text) and text.split()[-1].lower().strip(".,") not in common:
            out.add(" ".join(text.split()))
    # "Long Beach" is capitalised like a name: drop the article's own places.
    places = {_norm(p) for f in facts if isinstance(f, PlaceFact) for p in (f.text, f.name) if p}
    return sorted(n for n in out if _norm(n) not in places)


def _sentence_names(sentence: str, common: frozenset[str]) -> list[str]:
    """Full personal names in a casualty sentence ("Dana Kowalczyk, 19, was shot"): capitalised
    runs without a common news word or an institution's or a title's word (`not_name_words`)."""
    bad = not_name_words()
    out = []
    for match in _PERSON.finditer(sentence):
        words = [w.lower().strip(".,") for w in match.group().split()]
        if any(w in common or w in bad for w in words):
            continue
        # A title just before the name: an official, quoted in many stories.
        before = sentence[: match.start()].split()[-1:]
        if before and before[0].lower().strip(".,") in bad:
            continue
        out.append(" ".join(match.group().split()))
    return out


def person_tokens(persons: str | None) -> frozenset[str]:
    """An event's `persons` as merge tokens: lower-cased names, each one token with a space (no
    headline word has one), a suffix dropped ("Jr." is not in every report)."""
    return frozenset(
        _PERSON_SUFFIX.sub("", p).strip().lower() for p in (persons or "").split(";") if p.strip()
    )


# --------------------------------------------------------------------------- merging


def types_match(a: str | None, b: str | None) -> bool:
    """Whether two reports' event types let them be one event without corroboration; no type
    found is no claim, so an untyped report matches any type."""
    if not a or not b:
        return True
    return b in TYPE_MATCHES.get(a, frozenset({a}))


# Types of the news a follow-up story reports besides its incident (an arrest, a plea
# agreement): they say nothing of the incident's own type.
AFTERMATH_TYPES = frozenset({"strategic_developments"})


def incident_type(rec: _Record) -> str | None:
    """The event type a record claims for its incident: none for a follow-up story typed by
    its aftermath whose headline names a violent incident ("Man arrested in fatal shooting"
    is an arrest, a strategic development, about a shooting); "Man held after robbery" keeps
    its type."""
    if rec.follow_up and rec.event_type in AFTERMATH_TYPES and rec.names_incident:
        return None
    return rec.event_type


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def _norm(name: str | None) -> str:
    return " ".join(name.casefold().replace(".", " ").split()) if name else ""


def _word_list(path: str | Path) -> frozenset[str]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if (w := line.split("#", 1)[0].strip().lower()))


@lru_cache(maxsize=1)
def common_words(path: str | Path = COMMON_WORDS_FILE) -> frozenset[str]:
    """The words text corroboration ignores (models/aggregate/common_words.txt), read once."""
    return _word_list(path)


@lru_cache(maxsize=1)
def follow_up_words(path: str | Path = FOLLOW_UP_WORDS_FILE) -> frozenset[str]:
    """Headline words of a follow-up story (models/aggregate/follow_up_words.txt), read once."""
    return _word_list(path)


@lru_cache(maxsize=1)
def not_name_words(path: str | Path = NOT_NAME_WORDS_FILE) -> frozenset[str]:
    """Words that make a capitalised phrase no person's name (models/aggregate/not_name_words.txt)."""
    return _word_list(path)


@lru_cache(maxsize=1)
def incident_words(path: str | Path = INCIDENT_WORDS_FILE) -> frozenset[str]:
    """Headline words naming a violent incident (models/aggregate/incident_words.txt), read once."""
    return _word_list(path)


def is_follow_up(event: Event) -> bool:
    """Whether an event's date may lie after its incident: the date stands on a day of the
    aftermath (`date_basis`: "arrested Friday"), or its headline announces a follow-up story
    ("Man charged in ...", "Vigil held for ...")."""
    if event.date_basis in OPEN_BASES:
        return True
    return not follow_up_words().isdisjoint(_WORD.findall(headline(event.notes).lower()))


def _words(text: str) -> frozenset[str]:
    common = common_words()
    return frozenset(
        w
        for w in _WORD.findall(text.lower())
        if len(w) >= 3 and not w.isdigit() and w not in common and not _DAY_ORDINAL.fullmatch(w)
    )


headline = anatomy.headline
outlet = anatomy.outlet


def outlet_words(titles: Iterable[str | None]) -> frozenset[str]:
    """The words of the outlet names that end a batch's titles ("| WXYZ News 4", "« CBS
    Denver"): the same outlet's name (and its web address, glued to a dateline in the first
    sentence: "wxyz4now.comDENVER") is in every one of its stories."""
    out: set[str] = set()
    for title in titles:
        for source in anatomy.lead_sources(title):
            out.update(w for w in _WORD.findall(source.lower()) if len(w) >= 2)
        parts = anatomy.split_title(title or "")
        if parts:
            out.update(w for w in _WORD.findall(parts[1].lower()) if len(w) >= 2)
    return frozenset(out)


def _strip_outlets(words: frozenset[str], outlets: frozenset[str]) -> frozenset[str]:
    """`words` without those that start with an outlet word (of 3 letters or more, or digits)."""
    if not outlets:
        return words
    return frozenset(
        w
        for w in words
        # A person's name (a token with a space) is no outlet's.
        if " " in w
        or not any(w[:n] in outlets for n in range(2, len(w) + 1) if n >= 3 or w[:n].isdigit())
    )


def report_words(event: Event) -> tuple[frozenset[str], frozenset[str]]:
    """The words of an event's headline (`notes`) and evidence that may tell its incident from
    another (not common news words, numbers or days of the month), without and with the names
    of its own place."""
    texts = (headline(event.notes), event.evidence or "")
    words = _words(" ".join(anatomy.strip_wire_lead(t) for t in texts if t))
    if not words:
        return words, words
    place = " ".join(p for p in (event.location, event.admin2, event.admin1, event.country) if p)
    return words - set(_norm(place).split()), words


@dataclass
class _Record:
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
    follow_up: bool = False  # its incident may lie up to FOLLOW_UP_DAYS before `low`
    names_incident: bool = False  # its headline names a violent incident ("... in shooting")
    crowd: int = 0  # compatible near records of other articles in the batch (see `_crowds`)
    ages: frozenset[int] = frozenset()  # its victims' ages (`Event.victim_ages`)
    outlet: str = ""  # the outlet's name ending its title (see `outlet`)
    keywords: frozenset[str] = frozenset()  # its rarest words, for blocking (see `KEYWORD_MIN`)
    # its article reports no other event: its headline and names are this event's own
    alone: bool = True

    @property
    def fine(self) -> bool:
        """Placed at a town (or finer) with coordinates: precise enough to merge on place alone."""
        return bool(self.location) and self.lat is not None and not self.county


def _articles(event: Event) -> frozenset[str]:
    """The articles an event comes from; an event without `article_ids` is its own article."""
    return frozenset(a for a in event.article_ids.split(";") if a) or frozenset({event.event_id})


def _record(event: Event) -> _Record | None:
    """The merge view of an event, or None when it is too vague to merge (no date, or an
    interval longer than `MAX_INTERVAL_DAYS`). A record placed no finer than admin1, or not
    placed at all, is kept without a location: it merges only with corroboration."""
    low = event.date_low or event.event_date
    high = event.date_high or event.event_date
    country = event.iso3 or event.iso2 or _norm(event.country)
    if low is None or high is None:
        return None
    if (high - low).days > MAX_INTERVAL_DAYS:
        return None
    location = _norm(event.location)
    # A country or first-level division is too coarse to say two reports are one event; a town
    # that shares its state's name (Kaduna in Kaduna, New York in New York) is a town.
    precision = event.geo_precision
    if (precision or 0) >= 3 or (precision is None and location in (_norm(event.country), _norm(event.admin1))):
        location = ""
    has_coords = event.latitude is not None and event.longitude is not None
    names = frozenset(n for n in (_norm(event.actor1), _norm(event.actor2)) if n)
    codes = frozenset(c for c in (event.inter1, event.inter2) if c is not None)
    county = not location or (event.geo_precision or 0) >= 2 or (location == _norm(event.admin2))
    words, all_words = report_words(event)
    # The people it names count as rare words (weighted by `PERSON_WEIGHT`, see `word_weights`).
    words = words | person_tokens(event.persons)
    return _Record(
        event=event,
        articles=_articles(event),
        event_type=event.event_type,
        country=country,
        low=low.toordinal(),
        high=high.toordinal(),
        precision=event.time_precision or 1,
        lat=float(event.latitude) if has_coords and location else None,
        lon=float(event.longitude) if has_coords and location else None,
        location=location,
        admin1=_norm(event.admin1),
        county=county,
        actor_names=names,
        inter_codes=codes,
        words=words,
        all_words=all_words,
        place_words=_words(location) if location else frozenset(),
        follow_up=is_follow_up(event),
        names_incident=not incident_words().isdisjoint(_WORD.findall(headline(event.notes).lower())),
        ages=_ages(event.victim_ages),
        outlet=outlet(event.notes),
    )


def _day_gap(a: _Record, b: _Record) -> int:
    return max(0, max(a.low, b.low) - min(a.high, b.high))


def _dates_close(a: _Record, b: _Record) -> bool:
    # A follow-up story of the next days (an arrest, a death in hospital, a victim named) is
    # dated by its news, a day or three after the incident: as close as two reports of it.
    if (a.follow_up and a.low >= b.low) or (b.follow_up and b.low >= a.low):
        return _day_gap(a, b) <= FOLLOW_UP_CLOSE_DAYS
    return _day_gap(a, b) <= (MERGE_DAYS_PRECISE if a.precision == b.precision == 1 else MERGE_DAYS)


def _follow_up_close(a: _Record, b: _Record) -> bool:
    """Whether one record is a follow-up story whose incident may be the other's: the other's
    dates lie within `FOLLOW_UP_DAYS` before the follow-up's (or `MERGE_DAYS` after)."""
    return any(
        late.follow_up and early.high >= late.low - FOLLOW_UP_DAYS and early.low <= late.high + MERGE_DAYS
        for late, early in ((a, b), (b, a))
    )


def _earliest(rec: _Record) -> int:
    """The first day a record's incident may lie on (earlier for a follow-up story)."""
    return rec.low - FOLLOW_UP_DAYS if rec.follow_up else rec.low


def _km(a: _Record, b: _Record) -> float | None:
    if a.lat is None or b.lat is None:
        return None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


def place_relation(a: _Record, b: _Record) -> str | None:
    """How two records' places relate: "near" (within `MERGE_KM`, or the same name when one
    lacks coordinates), "loose" (could hold one incident: towns within `LOOSE_KM`, a town and
    a county within `COUNTY_KM`, a side placed only by admin1 or country or not at all, or the
    same place name resolved to two places: "Alpine" in two states), or None (apart: another
    country, another admin1, or too far)."""
    same_name = bool(a.location) and a.location == b.location
    if a.country and b.country and a.country != b.country:
        return "loose" if same_name else None
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return "loose" if same_name else None
    if not a.location or not b.location:
        return "loose"
    km = _km(a, b)
    if km is None:
        return "near" if same_name else "loose"
    if km <= MERGE_KM:
        return "near"
    if same_name or km <= (COUNTY_KM if a.county or b.county else LOOSE_KM):
        return "loose"
    return None


def _actors_compatible(a: _Record, b: _Record) -> bool:
    # Different names are no contradiction (a shooter named in one report, "police" in another);
    # only typed actors can disagree, and a shared name settles it.
    if not a.inter_codes or not b.inter_codes:
        return True
    return bool(a.inter_codes & b.inter_codes) or bool(a.actor_names & b.actor_names)


def _counts_compatible(a: Event, b: Event) -> bool:
    """Whether two reports' killed figures could be one toll: not each other's outliers (the
    credibility rule of the count policy), and not "nobody died" against a death, unless the
    report of no death has at least as many wounded as the other has dead (an early report:
    the wounded died later)."""
    low_a, low_b = a.killed_low, b.killed_low
    if low_a is None or low_b is None:
        return True
    best_a, best_b = a.killed_best or low_a, b.killed_best or low_b
    if not (_within_reach(low_a, best_b) and _within_reach(low_b, best_a)):
        return False
    exact_a, exact_b = a.killed_high == low_a, b.killed_high == low_b
    if not (exact_a and exact_b and (low_a == 0) != (low_b == 0)):
        return True
    alive, dead = (a, b) if low_a == 0 else (b, a)
    return (alive.injured_best or 0) >= (dead.killed_low or 0)


def _other_victim(a: _Record, b: _Record) -> bool:
    """Whether two reports of one victim each describe a victim of another age ("a 24-year-old
    man" against "a 30-year-old man"). Reports of several victims may each describe a different
    one, so only single-victim reports with one age each can disagree."""
    single = all(_victims(r.event) == 1 and len(r.ages) == 1 for r in (a, b))
    return single and ages_agree(a.ages, b.ages) is False


def compatible(
    a: _Record,
    b: _Record,
    weights: dict[str, float] | None = None,
    counts: bool = True,
    dates: bool = True,
    places: bool = True,
) -> bool:
    """Whether nothing says two records are different events: other articles, places not apart
    (unless their headlines and evidence share rare words weighing `TEXT_OVER_PLACE`: one of the
    two places is a geocoding error), dates close, killed figures that could be one toll."""
    return (
        not (a.articles & b.articles)
        and (not dates or _dates_close(a, b) or _follow_up_close(a, b) or _text_over_dates(a, b, weights))
        and (not places or place_relation(a, b) is not None or _place_outweighed(a, b, weights))
        and (not counts or (_counts_compatible(a.event, b.event) and not _other_victim(a, b)))
    )


def _text_over_place(a: _Record, b: _Record, weights: dict[str, float] | None) -> bool:
    return bool(weights) and text_weight(a, b, weights) >= TEXT_OVER_PLACE  # type: ignore[arg-type]


def _place_outweighed(a: _Record, b: _Record, weights: dict[str, float] | None) -> bool:
    """Whether evidence outweighs two places apart: shared rare words weighing
    `TEXT_OVER_PLACE`, or, for two towns of one first-level division on close dates, the same
    toll and rare words weighing `TEXT_MIN` (a station placed the incident at its own city)."""
    if _text_over_place(a, b, weights):
        return True
    return (
        bool(weights)
        and bool(a.admin1)
        and a.admin1 == b.admin1
        and a.country == b.country
        and _dates_close(a, b)
        and _same_figure(a.event, b.event)
        and text_weight(a, b, weights) >= TEXT_MIN  # type: ignore[arg-type]
    )


def _text_over_dates(a: _Record, b: _Record, weights: dict[str, float] | None) -> bool:
    return (
        bool(weights)
        and _sole_reports(a, b)
        and _day_gap(a, b) <= TEXT_DAYS
        # Only the rarest words: the many half-common words of two long wire stories of one
        # conflict (its armed groups, "national", "liberation") add up without telling incidents.
        and text_weight(a, b, weights, KEYWORD_MIN) >= TEXT_OVER_DATES  # type: ignore[arg-type]
    )


def _sole_reports(a: _Record, b: _Record) -> bool:
    """Whether both records are the only events of their articles: an article that reports
    several events (a wire story of a week's attacks) shares its headline and names among
    them, so its words cannot outweigh a contradiction of one of them."""
    return a.alone and b.alone


def text_weight(a: _Record, b: _Record, weights: dict[str, float], least: float = 0.0) -> float:
    """Weight of the rare words two records' headlines and evidence share (see `TEXT_MIN`),
    counting only words weighing at least `least`."""
    return sum(x for w in a.words & b.words if (x := weights.get(w, 0.0)) >= least)


def _same_figure(a: Event, b: Event, least: int = 1) -> bool:
    """Both report the same number killed, or the same number injured, of at least `least`."""
    return any(
        (x := getattr(a, f"{o}_best")) is not None and x >= least and x == getattr(b, f"{o}_best")
        for o in VICTIM_OUTCOMES
    )


def _names_place_of(a: _Record, b: _Record) -> bool:
    """Whether `a`'s headline or evidence names `b`'s wide-area location ("Greene County
    deputies said" in a report placed in a town of that county). A town's name proves nothing:
    a suburb's report names the city next door ("a Milwaukee man shot in West Allis")."""
    return b.county and bool(b.place_words) and b.place_words <= a.all_words


def linked(a: _Record, b: _Record, weights: dict[str, float]) -> bool:
    """Whether two compatible records say enough to be one event (see the module docstring):
    near places with matching types and actors; near places with other types or actors at odds
    and corroboration (the same figure, or shared rare words); loose places with shared rare
    words, or when one report names the other's place; places apart with many shared rare words
    (`TEXT_OVER_PLACE`)."""
    relation = place_relation(a, b)
    if not _dates_close(a, b):
        # A follow-up story and an earlier report: place and date never suffice.
        if _text_over_dates(a, b, weights):
            return True
        return _follow_up_close(a, b) and follow_up_linked(a, b, relation, weights)
    one_outlet = bool(a.outlet) and a.outlet == b.outlet
    if (
        relation == "near"
        and max(a.crowd, b.crowd) <= CROWD_MAX
        and not one_outlet
        and types_match(incident_type(a), incident_type(b))
        and _actors_compatible(a, b)
    ):
        return True
    if relation is None:
        return _place_outweighed(a, b, weights)
    text = text_weight(a, b, weights) >= TEXT_MIN
    if relation == "near":
        # One victim is the commonest toll: in a crowded place it tells no shooting from another.
        # The same victim's age is a detail two reports of one shooting share.
        if text or ages_agree(a.ages, b.ages):
            return True
        return _same_figure(a.event, b.event, 1 if max(a.crowd, b.crowd) <= CROWD_MAX and not one_outlet else 2)
    # Two to the day known dates and the same toll of two or more: a rare coincidence among
    # places that could hold one incident.
    return relation == "loose" and (
        text or _names_place_of(a, b) or _names_place_of(b, a) or _same_figure(a.event, b.event, 2)
    )


def follow_up_linked(a: _Record, b: _Record, relation: str | None, weights: dict[str, float]) -> bool:
    """Whether a follow-up story and an earlier report (dates apart, see `_follow_up_close`)
    say enough to be one incident: shared rare words weighing `FOLLOW_UP_TEXT_MIN` (places not
    apart) or `TEXT_OVER_PLACE` (places apart). Place and dates never suffice, nor the same
    toll: months of a city's news hold other shootings with two victims (on gva_dev, the same
    count of two or more merged Houston and Indianapolis stories of different shootings)."""
    text = text_weight(a, b, weights)
    return text >= (FOLLOW_UP_TEXT_MIN if relation is not None else TEXT_OVER_PLACE)


def word_weights(records: Iterable[_Record]) -> dict[str, float]:
    """Each word's rarity in a batch, log(N / df) / log(N): 1.0 for a word of one record, 0.0
    for a word of all; empty below three records (rarity cannot be told)."""
    records = list(records)
    n = len(records)
    if n < 3:
        return {}
    df = Counter(w for r in records for w in r.words)
    log_n = math.log(n)
    # A person's name (see `person_tokens`) weighs `PERSON_WEIGHT` words of its rarity.
    return {w: math.log(n / c) / log_n * (PERSON_WEIGHT if " " in w else 1.0) for w, c in df.items()}


def _counts_agree(a: Event, b: Event) -> float:
    """Share of outcomes both report whose intervals overlap (1.0 when none is comparable)."""
    compared = agreed = 0
    for outcome in OUTCOMES:
        la, lb = getattr(a, f"{outcome}_low"), getattr(b, f"{outcome}_low")
        if la is None or lb is None:
            continue
        ha, hb = getattr(a, f"{outcome}_high"), getattr(b, f"{outcome}_high")
        compared += 1
        if (ha is None or lb <= ha) and (hb is None or la <= hb):
            agreed += 1
    return agreed / compared if compared else 1.0


def _score(a: _Record, b: _Record, weights: dict[str, float]) -> float:
    """How alike two compatible records are; only ranks candidate clusters."""
    km = _km(a, b)
    # A follow-up story weeks after its incident scores nothing for dates, not less.
    score = max(0.0, 1.0 - _day_gap(a, b) / (MERGE_DAYS + 1))
    score += max(0.0, 1.0 - km / MERGE_KM) if km is not None else 0.5 if a.location == b.location else 0.0
    score += _counts_agree(a.event, b.event)
    score += 0.5 if a.event.event_type == b.event.event_type else 0.0
    score += 0.5 if a.actor_names & b.actor_names else 0.0
    score += min(1.0, text_weight(a, b, weights) / (2 * TEXT_MIN))
    return score


def _cell(degrees: float) -> int:
    return math.floor(degrees / CELL_DEGREES)


def _block_keys(rec: _Record, day: int) -> list[tuple]:
    """The blocks a record is filed under for one day: its place name, its grid cell, its
    country (searched by wide-area records) and, when it is a wide area itself, the wide
    areas of its country (searched by every record)."""
    keys: list[tuple] = [("country", rec.country, day), ("day", day)]
    if rec.location:
        keys.append(("name", day, rec.location))
    if rec.lat is not None and rec.lon is not None:
        keys.append(("cell", rec.country, day, _cell(rec.lat), _cell(rec.lon)))
    if not rec.fine or not rec.country:
        keys.append(("wide", rec.country, day))
    return keys


def _lookup_keys(rec: _Record, day: int) -> list[tuple]:
    """The blocks that may hold a record's matches on one day: the same place name (a match
    without coordinates), every grid cell within `LOOSE_KM` of its coordinates, the wide-area
    records of its country; a wide-area record searches its whole country, one without a
    country the whole day."""
    if not rec.country:
        return [("day", day)]
    if not rec.fine:
        keys = [("country", rec.country, day), ("wide", "", day)]
        return keys + ([("name", day, rec.location)] if rec.location else [])
    keys = [("name", day, rec.location), ("wide", rec.country, day), ("wide", "", day)]
    # A degree of longitude shrinks with latitude: widen the search toward the poles.
    lat_bound = min(89.0, abs(rec.lat) + CELL_DEGREES * 2)  # type: ignore[arg-type]
    lon_span = LOOSE_KM / (_KM_PER_DEGREE * math.cos(math.radians(lat_bound)))
    reach = math.ceil(lon_span / CELL_DEGREES)
    rows = math.ceil(LOOSE_KM / (_KM_PER_DEGREE * CELL_DEGREES))
    row, col = _cell(rec.lat), _cell(rec.lon)  # type: ignore[arg-type]
    keys.extend(
        ("cell", rec.country, day, row + dr, col + dc)
        for dr in range(-rows, rows + 1)
        for dc in range(-reach, reach + 1)
    )
    return keys


def _crowds(records: Sequence[_Record]) -> None:
    """Set each record's `crowd`: how many records of other articles are compatible with it and
    near it (the reports it could be merged with on place and date alone)."""
    index: dict[tuple, list[int]] = defaultdict(list)
    for n, rec in enumerate(records):
        for day in range(rec.low, rec.high + 1):
            for key in _block_keys(rec, day):
                index[key].append(n)
    for n, rec in enumerate(records):
        seen: set[int] = set()
        for day in range(rec.low - DAY_REACH, rec.high + DAY_REACH + 1):
            for key in _lookup_keys(rec, day):
                seen.update(index.get(key, ()))
        seen.discard(n)
        rec.crowd = sum(
            1 for m in seen if place_relation(rec, records[m]) == "near" and compatible(rec, records[m])
        )


@dataclass
class _Cluster:
    members: list[_Record] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    # The days its members' incidents may lie on (a follow-up story's reach back included).
    first: int = 0
    last: int = 0


def cluster_events(events: Sequence[Event]) -> list[list[Event]]:
    """Groups of events that are one real-world event (singletons included), in input order of
    their first member. A record joins the best-scoring cluster it is linked to (through one
    member at least) and compatible with (every member), else starts its own."""
    records = [(i, _record(e)) for i, e in enumerate(events)]
    mergeable = sorted(
        ((i, r) for i, r in records if r is not None),
        key=lambda ir: (ir[1].precision, not ir[1].fine, ir[1].low, ir[1].high, ir[1].event.event_id),
    )
    outlets = outlet_words(r.event.notes for _, r in mergeable)
    for _, rec in mergeable:
        rec.words = _strip_outlets(rec.words, outlets)
        rec.all_words = _strip_outlets(rec.all_words, outlets)
    weights = word_weights(r for _, r in mergeable)
    _crowds([r for _, r in mergeable])
    per_article = Counter(_articles(e) for e in events)
    for _, rec in mergeable:
        rec.alone = per_article[rec.articles] == 1
    clusters: list[_Cluster] = []
    owner: dict[int, int] = {}  # event index -> cluster index
    index: dict[tuple, list[int]] = defaultdict(list)  # block key -> clusters
    by_word: dict[str, list[int]] = defaultdict(list)  # rare word -> clusters, any day
    for _, rec in mergeable:
        rec.keywords = frozenset(w for w in rec.words if weights.get(w, 0.0) >= KEYWORD_MIN)
    for i, rec in mergeable:
        candidates: set[int] = set()
        for day in range(rec.low - DAY_REACH, rec.high + DAY_REACH + 1):
            for key in _lookup_keys(rec, day):
                candidates.update(index.get(key, ()))
        # Places apart, or a follow-up story and its incident, may still be one incident when
        # the text says so (see `compatible`): clusters sharing a rare word whose days the
        # record may reach; dates apart, only one with a member sharing `TEXT_OVER_DATES`.
        reach = (_earliest(rec) - DAY_REACH, rec.high + DAY_REACH)
        for c in {c for word in rec.keywords for c in by_word.get(word, ())} - candidates:
            cluster = clusters[c]
            if (cluster.first <= reach[1] and cluster.last >= reach[0]) or any(
                _text_over_dates(rec, m, weights) for m in cluster.members
            ):
                candidates.add(c)
        best, best_score = None, -1.0
        for c in sorted(candidates):
            cluster = clusters[c]
            if cluster.articles & rec.articles:
                continue
            # A toll at odds with a member's is a misread (an age, a year's statistic) when the
            # record shares many rare words with one member: the count policy sets it aside.
            # So is a date at odds with a member's when the record shares still more rare words
            # with one member (`TEXT_OVER_DATES`): the record's or that member's date is wrong.
            check_counts = not any(_sole_reports(rec, m) and _text_over_place(rec, m, weights) for m in cluster.members)
            check_dates = not any(_text_over_dates(rec, m, weights) for m in cluster.members)
            if not all(compatible(rec, m, weights, check_counts, check_dates, check_counts) for m in cluster.members):
                continue
            if not any(linked(rec, m, weights) for m in cluster.members):
                continue
            score = sum(_score(rec, m, weights) for m in cluster.members) / len(cluster.members)
            if score > best_score:
                best, best_score = c, score
        if best is None:
            best = len(clusters)
            clusters.append(_Cluster(first=_earliest(rec), last=rec.high))
        cluster = clusters[best]
        cluster.first, cluster.last = min(cluster.first, _earliest(rec)), max(cluster.last, rec.high)
        cluster.members.append(rec)
        cluster.articles |= rec.articles
        owner[i] = best
        for word in rec.keywords:
            keyed = by_word[word]
            if not keyed or keyed[-1] != best:
                keyed.append(best)
        for day in range(rec.low, rec.high + 1):
            for key in _block_keys(rec, day):
                keyed = index[key]
                if not keyed or keyed[-1] != best:
                    keyed.append(best)
    groups: dict[object, list[Event]] = {}
    for i, event in enumerate(events):
        key: object = ("c", owner[i]) if i in owner else ("e", i)
        groups.setdefault(key, []).append(event)
    return list(groups.values())


def _interval(event: Event, outcome: str) -> tuple[int, int, int | None] | None:
    low = getattr(event, f"{outcome}_low")
    best = getattr(event, f"{outcome}_best")
    high = getattr(event, f"{outcome}_high")
    if low is None and best is None:
        return None
    low = low if low is not None else best
    best = best if best is not None else low
    return low, best, high


# Outcomes whose victims another source's count of victims can vouch for (see `_credible`).
VICTIM_OUTCOMES = ("killed", "injured")
# Outcomes whose reconciled figure is the fewest credible exact report, not the latest: the
# wounded are counted down as reports tell the dead and the unhurt apart from "four shot".
FEWEST_OUTCOMES = frozenset({"injured"})


def _credible(
    reports: list[tuple[int, int, int | None]], witnesses: Sequence[int] = ()
) -> list[tuple[int, int, int | None]]:
    """The credible reports of one outcome (low, best, high), see the module docstring: not
    outliers, and only the most corroborated figure when more sources give it than any other.
    `witnesses` are the victim totals of the sources silent on this outcome: they cannot raise
    or lower it, but a figure far above every other source's count is not credible."""
    if len(reports) + len(witnesses) < 2:
        return reports
    # A toll may double between reports; a leap from 1 to 14 is more often a misread age or a
    # statistic than an update.
    near = [
        r
        for i, r in enumerate(reports)
        if any(_within_reach(r[0], w[1]) for j, w in enumerate(reports) if j != i)
        or any(_within_reach(r[0], w) for w in witnesses)
    ]
    ranked = Counter(r[1] for r in near).most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return [r for r in near if r[1] == ranked[0][0]]
    return near


def _within_reach(figure: int, of: int) -> bool:
    """Whether `figure` is no outlier above another source's `of` (`CREDIBLE_FACTOR`,
    `CREDIBLE_SLACK`): a toll may double between reports, not leap."""
    return figure <= CREDIBLE_FACTOR * of + CREDIBLE_SLACK


def _victims(event: Event) -> int | None:
    """The victims (killed plus injured, best figures) an event's source counts, or None."""
    counts = [getattr(event, f"{o}_best") for o in VICTIM_OUTCOMES]
    return None if all(c is None for c in counts) else sum(c or 0 for c in counts)


def reconcile_counts(events: Sequence[Event]) -> dict[str, int | None]:
    """Counts of one event from its sources' reports, by the policy of the module docstring:
    never a sum; the latest credible report (the fewest for the injured)."""
    out: dict[str, int | None] = {}
    for outcome in OUTCOMES:
        intervals = [_interval(e, outcome) for e in events]
        reports = [r for r in intervals if r is not None]
        witnesses: list[int] = []
        if outcome in VICTIM_OUTCOMES:
            totals = (_victims(e) for e, r in zip(events, intervals) if r is None)
            witnesses = [t for t in totals if t is not None]
        reports = _credible(reports, witnesses)
        if not reports:
            out.update({f"{outcome}_low": None, f"{outcome}_best": None, f"{outcome}_high": None})
            continue
        # Equal reports are alike in credibility: membership by value is enough.
        dated = [
            (e.published or dt.date.min, r) for e, r in zip(events, intervals) if r is not None and r in reports
        ]
        exact = [(day, r[1]) for day, r in dated if r[2] is not None and r[0] == r[2]]
        vague = [r[0] for _, r in dated if r[2] is None or r[0] != r[2]]
        # Only a report no other report dwarfs can be the update (the credibility rule turned
        # round: "none hurt" after twenty wounded counts something else). The dead are the
        # latest report's (the highest among one day's); the wounded the fewest such a report
        # gives, as they are counted down (the dead told apart from "four shot", bystanders
        # from victims). A vague report ("at least 12") still stands as a floor.
        figures = [r[0] for _, r in dated]
        updates = [(day, n) for day, n in exact if all(_within_reach(f, n) for f in figures)] or exact
        if not updates:
            chosen = None
        elif outcome in FEWEST_OUTCOMES:
            chosen = min(n for _, n in updates)
        else:
            chosen = max(updates)[1]
        best = low = max(x for x in (chosen, *vague) if x is not None)
        # "At least N" states no upper bound; a stated bound below the floor is outdated.
        highs = [r[2] for r in reports if r[2] is not None and r[2] >= best]
        high = max(highs) if highs else None
        out.update({f"{outcome}_low": low, f"{outcome}_best": best, f"{outcome}_high": high})
    _cap_injured(out, events)
    out["fatalities"] = out["killed_best"]
    return out


def _cap_injured(out: dict[str, int | None], events: Sequence[Event]) -> None:
    """Lower the injured figures so that killed plus injured is no more than the most victims
    any one source counts: a victim an early report calls wounded and a later one dead is one
    victim, counted as killed."""
    totals = [t for t in (_victims(e) for e in events) if t is not None]
    killed = out.get("killed_best")
    if not totals or killed is None or out.get("injured_best") is None:
        return
    room = max(max(totals) - killed, 0)
    for key in ("injured_low", "injured_best", "injured_high"):
        if out[key] is not None and out[key] > room:
            out[key] = room


def _mode(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


_DATE_FIELDS = ("event_date", "date_low", "date_high", "time_precision")
_PLACE_FIELDS = (
    "country", "iso2", "iso3", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
)
_ACTOR_FIELDS = ("actor1", "inter1", "actor2", "inter2", "interaction")


def combine(events: Sequence[Event]) -> Event:
    """One event from the records of its sources (see the module docstring for each column)."""
    if len(events) == 1:
        return events[0]
    # Among equally precise sources, the date (place) most sources give: "Sunday night" and
    # "early Monday" split the vote, and the majority is more often right than the earliest.
    date_votes = Counter()
    place_votes = Counter()
    for e in events:
        date_votes[(e.time_precision, e.event_date)] += e.n_sources
        place_votes[_norm(e.location)] += e.n_sources
    # A follow-up story's date is its own day, after the incident's: among equally precise
    # dates, the other sources' come first.
    by_date = sorted(
        events,
        key=lambda e: (
            e.time_precision or 9,
            is_follow_up(e),
            -date_votes[(e.time_precision, e.event_date)],
            e.event_date or dt.date.max,
            e.event_id,
        ),
    )
    by_place = sorted(
        events,
        key=lambda e: (e.latitude is None, e.geo_precision or 9, -place_votes[_norm(e.location)], e.event_id),
    )
    fields: dict[str, object] = {name: getattr(by_date[0], name) for name in _DATE_FIELDS}
    fields.update({name: getattr(by_place[0], name) for name in _PLACE_FIELDS})
    event_type = _mode(e.event_type for e in by_date)
    fields["event_type"] = event_type
    fields["sub_event_type"] = _mode(e.sub_event_type for e in by_date if e.event_type == event_type)
    with_actors = [e for e in by_date if e.actor1]
    fields.update({name: getattr(with_actors[0], name) for name in _ACTOR_FIELDS} if with_actors else {})
    fields.update(reconcile_counts(events))
    ids = sorted({a for e in events for a in e.article_ids.split(";") if a})
    in_article_order = sorted(events, key=lambda e: e.article_ids)
    sources = list(dict.fromkeys(s for e in in_article_order if e.source for s in e.source.split(";")))
    evidence = list(dict.fromkeys(e.evidence for e in by_date if e.evidence))[:MAX_EVIDENCE]
    fields.update(
        event_id=min(e.event_id for e in events),
        source=";".join(sources) or None,
        notes=by_date[0].notes,
        n_sources=len(ids),
        article_ids=";".join(ids),
        evidence=" | ".join(evidence) or None,
        persons=";".join(sorted({p for e in events for p in (e.persons or "").split(";") if p})) or None,
        victim_ages=";".join(map(str, sorted(set().union(*(_ages(e.victim_ages) for e in events))))) or None,
        published=max((e.published for e in events if e.published), default=None),
    )
    return Event(**fields)


def merge_events(events: Sequence[Event]) -> list[Event]:
    """Merge the event records of different articles that report the same real-world event;
    each merged event keeps its sources (`n_sources`, `article_ids`) and reconciled counts."""
    return [combine(group) for group in cluster_events(events)]


# --------------------------------------------------------------------------- rebuilding from runs

_FACT_MODELS: dict[str, type[BaseModel]] = {
    "place": PlaceFact,
    "actor": ActorFact,
    "casualty": CasualtyFact,
    "date": DateFact,
    "trigger": TriggerFact,
}


def _plain_records(df: pd.DataFrame) -> list[dict]:
    """Rows as dicts of plain Python values: missing -> None, timestamps -> dates."""
    columns = []
    for column in df.columns:
        values = df[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            values = values.dt.date
        columns.append(values.astype(object).where(values.notna(), None).tolist())
    names = list(df.columns)
    return [dict(zip(names, row)) for row in zip(*columns)]


def facts_from_frame(df: pd.DataFrame) -> dict[str, list[Fact]]:
    """Facts of a facts table (as `load_facts` reads it) grouped by article id, each validated
    as its kind's model, in table order."""
    by_article: dict[str, list[Fact]] = {aid: [] for aid in df["article_id"].dropna().unique()}
    order: dict[str, list[tuple[int, Fact]]] = defaultdict(list)
    for kind, model in _FACT_MODELS.items():
        part = df[df["kind"] == kind]
        if part.empty:
            continue
        columns = [c for c in model.model_fields if c in part.columns]
        # A missing optional value takes the model's default; a required one stays None.
        required = {c for c in columns if model.model_fields[c].is_required()}
        for position, record in zip(part.index, _plain_records(part[columns])):
            fact = model.model_validate({k: v for k, v in record.items() if v is not None or k in required})
            order[fact.article_id].append((position, fact))  # type: ignore[attr-defined]
    for article_id, items in order.items():
        items.sort(key=lambda pf: pf[0])
        by_article[article_id] = [fact for _, fact in items]
    return by_article


def iter_article_facts(df: pd.DataFrame, chunk: int = 2000) -> Iterator[tuple[str, list[Fact]]]:
    """(article id, its facts) for each article of a facts table, `chunk` articles at a time,
    so that only one chunk's fact models are in memory at once."""
    order = pd.Series(pd.factorize(df["article_id"])[0] // chunk, index=df.index)
    for _, part in df.groupby(order, sort=True):
        yield from facts_from_frame(part).items()


def articles_from_frame(df: pd.DataFrame) -> dict[str, Article]:
    """Minimal `Article`s (id, source, title, published; no text) of an articles table."""
    out: dict[str, Article] = {}
    columns = [c for c in ("article_id", "source", "title", "published") if c in df.columns]
    for row in _plain_records(df[columns]):
        if row.get("article_id") is None:
            continue
        out[row["article_id"]] = Article(
            id=row["article_id"],
            source=row.get("source") or "",
            title=row.get("title"),
            published=row.get("published"),
            text="",
        )
    return out


# Summary tables: grouping columns of each, then the same measures.
SUMMARIES: dict[str, tuple[str, ...]] = {
    "summary_country": ("iso3", "country"),
    "summary_admin1": ("iso3", "country", "admin1"),
    "summary_day": ("iso3", "country", "event_date"),
    "summary_week": ("iso3", "country", "week_start"),
}
SUMMARY_MEASURES: dict[str, str] = {
    "events": "Int64",
    "fatalities": "Int64",
    "injured": "Int64",
    "arrested": "Int64",
    "reports": "Int64",
    "first_date": "datetime64[s]",
    "last_date": "datetime64[s]",
}


def summary_tables(events: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Per country, admin1, day and week: events, fatalities (sum of `fatalities`), injured and
    arrested (sums of `*_best`), reports (sum of `n_sources`: article reports of these events),
    first and last event date.
    Missing counts add nothing; events without a date are left out of the day and week tables."""
    df = events.copy()
    df["week_start"] = df["event_date"] - pd.to_timedelta(df["event_date"].dt.day_of_week, unit="D")
    df["_events"] = 1
    tables: dict[str, pd.DataFrame] = {}
    for name, keys in SUMMARIES.items():
        part = df.dropna(subset=[keys[-1]]) if keys[-1] in ("event_date", "week_start") else df
        grouped = part.groupby(list(keys), dropna=False, sort=True)
        table = grouped.agg(
            events=("_events", "sum"),
            fatalities=("fatalities", "sum"),
            injured=("injured_best", "sum"),
            arrested=("arrested_best", "sum"),
            reports=("n_sources", "sum"),
            first_date=("event_date", "min"),
            last_date=("event_date", "max"),
        ).reset_index()
        for column, dtype in SUMMARY_MEASURES.items():
            table[column] = table[column].astype(dtype)
        if keys[-1] in ("event_date", "week_start"):
            table[keys[-1]] = table[keys[-1]].astype("datetime64[s]")
        tables[name] = table
    return tables


SUMMARY_DTYPES: dict[str, str] = {
    "iso3": "string",
    "country": "string",
    "admin1": "string",
    "event_date": "datetime64[s]",
    "week_start": "datetime64[s]",
    **SUMMARY_MEASURES,
}


def load_summary(path: str | Path) -> pd.DataFrame:
    """A summary table (summary_country, summary_admin1, summary_day, summary_week) in any of
    the formats, with its dtypes."""
    return load_table(path, SUMMARY_DTYPES)


def aggregate_runs(
    run_dirs: Sequence[str | Path],
    out_dir: str | Path,
    *,
    fmt: str = "csv",
    merge: bool = True,
) -> AggregateSummary:
    """Rebuild events (and summary tables) from the facts and articles tables of earlier runs,
    without NLP. An article id met in several runs keeps the facts of the last run given.
    Writes events, summary_country, summary_admin1, summary_day and summary_week in `fmt`
    (csv, parquet or jsonl); the facts stay in the runs' own facts tables, the ledger."""
    started = time.perf_counter()
    summary = AggregateSummary(runs=len(run_dirs), out_dir=str(out_dir))
    facts_parts: list[pd.DataFrame] = []
    article_parts: list[pd.DataFrame] = []
    for run_dir in run_dirs:
        facts_parts.append(load_facts(find_table(run_dir, "facts")))
        article_parts.append(load_articles(find_table(run_dir, "articles")))
    # Later runs win: keep each article's rows from the last run that has it.
    articles_df = pd.concat(article_parts, ignore_index=True)
    facts_df = pd.concat(facts_parts, ignore_index=True)
    run_of_facts = pd.concat(
        [pd.Series(i, index=range(len(p))) for i, p in enumerate(facts_parts)], ignore_index=True
    )
    last_run = run_of_facts.groupby(facts_df["article_id"]).max()
    facts_df = facts_df[run_of_facts.to_numpy() == facts_df["article_id"].map(last_run).to_numpy()]
    facts_df = facts_df.reset_index(drop=True)
    repeated = articles_df["article_id"].notna() & articles_df.duplicated("article_id", keep="last")
    articles_df = articles_df[~repeated].reset_index(drop=True)

    known = articles_from_frame(articles_df[articles_df["status"] == "ok"])
    article_events: list[Event] = []
    for article_id, facts in iter_article_facts(facts_df):
        article = known.get(article_id) or Article(id=article_id, source="", text="")
        article_events.extend(build_article_events(article, facts))
    events = merge_events(article_events) if merge else article_events
    events_df = events_frame(events)

    out = Path(out_dir)
    written = [write_table(events_df, out / "events", fmt)]
    for name, table in summary_tables(events_df).items():
        written.append(write_table(table, out / name, fmt))
    summary.articles = int((articles_df["status"] == "ok").sum())
    summary.facts = len(facts_df)
    summary.article_events = len(article_events)
    summary.events = len(events)
    summary.tables = [p.name for p in written]
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary
