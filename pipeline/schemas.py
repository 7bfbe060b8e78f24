"""Records that cross a stage boundary, all in one place.

Every model forbids unknown fields, so a typo in a stage is an error rather than a silently
dropped value. Tables (facts.csv, events.csv, articles.csv) are built from these models; their
column order is the field order declared here, and `pipeline.tabulate` documents their dtypes.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    """Base for every record: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid")


Status = Literal["ok", "empty", "failed", "skipped", "copy"]
Outcome = Literal["killed", "injured", "arrested", "missing"]
VictimType = Literal["civilians", "state_forces", "protesters", "rioters", "rebels_militants", "unknown"]
ActorType = Literal[
    "state_forces",
    "rebel_groups",
    "political_militias",
    "identity_militias",
    "rioters",
    "protesters",
    "civilians",
    "external_other_forces",
]
Feature = Literal["continent", "country", "admin1", "admin2", "city", "region"]

# ACLED's interaction codes for each actor type ("inter1", "inter2").
INTER_CODES: dict[str, int] = {
    "state_forces": 1,
    "rebel_groups": 2,
    "political_militias": 3,
    "identity_militias": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external_other_forces": 8,
}


class Article(Record):
    """One input article, as read by ingest and then cleaned by clean."""

    id: str
    source: str  # file path, with ":LINE" for JSON Lines and CSV rows
    title: str | None = None
    published: dt.date | None = None
    published_from: Literal["field", "html", "header", "dateline"] | None = None
    url: str | None = None
    byline: str | None = None
    encoding: str | None = None  # how the input's bytes were decoded ("utf-8", "cp1252" ...)
    relevance: float | None = None  # pipeline.relevance score, set before the NLP
    relevant: bool | None = None  # whether it reached the threshold (and so the NLP)
    text: str


class ManifestRow(Record):
    """One row of articles.csv: what became of one article read (or not read) from the input."""

    article_id: str | None
    source: str
    status: Status
    error: str | None = None
    copy_of: str | None = None  # for a copy: the id of the first article read with its text
    title: str | None = None
    published: dt.date | None = None
    published_from: str | None = None
    encoding: str | None = None
    relevance: float | None = None
    relevant: bool | None = None
    words: int = 0
    facts: int = 0
    events: int = 0
    # a hash of the cleaned text's words (pipeline.copies.text_key): equal keys, equal words
    text_key: str | None = None


class FactBase(Record):
    """Columns every fact has: where it comes from in the cleaned text."""

    article_id: str = ""
    kind: str
    text: str  # the mention as written
    sentence: str  # the sentence holding it (evidence)
    char_start: int  # span of `text` in the cleaned article text
    char_end: int


class PlaceFact(FactBase):
    """A place mention resolved against the gazetteer."""

    kind: Literal["place"] = "place"
    name: str | None = None  # resolved (GeoNames) name
    geonameid: int | None = None
    feature: Feature | None = None
    country: str | None = None  # English country name
    country_iso2: str | None = None
    country_iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None  # a US town's county (GeoNames via the county table), a county's own
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None  # ACLED: 1 the place itself, 2 near/part of, 3 region/country
    role: Literal["event", "report", "other"] = "other"  # where it happened vs dateline/outlet


class ActorFact(FactBase):
    """A participant (not a source) with an ACLED actor type."""

    kind: Literal["actor"] = "actor"
    actor_name: str
    actor_type: ActorType | None = None
    named: bool = False  # a proper name ("Taliban", "Kassym-Jomart Tokayev"), not a noun ("police")


class CasualtyFact(FactBase):
    """A claim that some number of people were killed, injured, arrested or went missing."""

    kind: Literal["casualty"] = "casualty"
    outcome: Outcome
    count_low: int
    count_best: int
    count_high: int | None  # None: no upper bound ("at least eight")
    victims: str | None = None  # the victim words ("law-enforcement officers")
    victim_type: VictimType = "unknown"
    qualifier: str | None = None  # "at least", "dozens", "between ... and" ...
    supersedes_prior: bool = False  # "the toll rose to 12": replaces earlier claims of the group
    partitive: bool = False  # "one of the officers", "including two children": part of another claim
    perpetrator: bool = False  # the victims are the attackers ("the gunman was killed")
    includes_killed: bool = False  # "three were shot": injured, unless also reported killed
    # "one man was killed and three others were shot, one of them fatally": the others and the
    # dead among them, who add to the dead told before
    among_others: bool = False
    # "two suspects were arrested ... two more were taken into custody": victims beside those
    # just told with the same outcome, who add to them
    adds: bool = False


class DateFact(FactBase):
    """A DATE expression resolved against the publication date."""

    kind: Literal["date"] = "date"
    date: dt.date  # best day
    date_low: dt.date
    date_high: dt.date
    time_precision: int  # ACLED: 1 day, 2 week, 3 month
    # event: when something happened; report: when it was said ("police said Thursday");
    # other: not the date of a past event (a relative date after publication)
    role: Literal["event", "report", "other"] = "event"
    governor: str | None = None  # lemma of the word the date attaches to ("shoot", "say")


class TriggerFact(FactBase):
    """A word or phrase that reports an event of an ACLED type."""

    kind: Literal["trigger"] = "trigger"
    event_type: str
    sub_event_type: str | None = None
    priority: int = 0  # how specific the word is (1 "attack" .. 10 "suicide bomber"): the main event
    vetoes: bool = False  # says what hurt its sentence's victims: "disaster", "not_violence", "memory", "story"


Fact = Annotated[
    Union[PlaceFact, ActorFact, CasualtyFact, DateFact, TriggerFact], Field(discriminator="kind")
]


class Event(Record):
    """One event: a row of events.csv. ACLED's column names where the concept is the same."""

    event_id: str
    event_date: dt.date | None = None
    date_low: dt.date | None = None
    date_high: dt.date | None = None
    time_precision: int | None = None
    # incident, aftermath, report or published: what event_date stands on (dates.date_basis)
    date_basis: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    country: str | None = None
    iso2: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str | None = None
    notes: str | None = None
    fatalities: int | None = None
    killed_low: int | None = None
    killed_best: int | None = None
    killed_high: int | None = None
    injured_low: int | None = None
    injured_best: int | None = None
    injured_high: int | None = None
    arrested_low: int | None = None
    arrested_best: int | None = None
    arrested_high: int | None = None
    n_sources: int = 1
    article_ids: str = ""  # ";"-joined ids of the articles that report it
    evidence: str | None = None
    # ";"-joined full personal names its articles name (victims, suspects): links reports
    persons: str | None = None
    # ";"-joined ages ("a 24-year-old man") of the killed and injured its reports describe
    victim_ages: str | None = None
    # ";"-joined sexes ("female", "male") its reports' words tell of the killed and injured
    victim_sexes: str | None = None
    # ";"-joined street blocks its reports name ("6700 aberdeen": `events.addresses`)
    street_blocks: str | None = None
    # ";"-joined clock times its reports give ("23:25" for "11:25 p.m.": `events.clock`)
    clock_times: str | None = None
    # the latest publication day of its articles: a later report of a toll is its update
    published: dt.date | None = None


class MergeRow(Record):
    """One row of the merge ledger: a report joined to a merged event, and why."""

    event_id: str  # the merged event (events table)
    report: str  # the event of one article that joined it
    joined_to: str  # the member it was linked to
    decision: Literal["merged", "split"]  # "split": kept apart by `aggregate --split`
    rule: str  # the link rule (see pipeline.events.links.link_rule)
    days_apart: int  # days between the two reports' date intervals (0: they overlap)
    km: float | None = None  # distance between their places, when both have coordinates
    place: Literal["near", "loose", "apart"]
    text_weight: float  # weight of the rare words both give
    shared_words: str | None = None  # ";"-joined, rarest first
    type: str | None = None
    type_other: str | None = None
    killed: int | None = None
    killed_other: int | None = None
    injured: int | None = None
    injured_other: int | None = None
    ages: str | None = None  # ";"-joined victims' ages of the report
    ages_other: str | None = None
    crowd: int = 0  # compatible near reports in the batch (the larger of the two)
    stated_days: int = 0  # incident days stated among them (the larger of the two)
    streets: str | None = None  # ";"-joined streets of the report's blocks (`events.addresses`)
    streets_other: str | None = None
    shared_times: str | None = None  # ";"-joined clock times both give (`events.clock`)


class ClaimRow(Record):
    """One row of the claims ledger: a report's figure of one outcome in a merged event."""

    event_id: str  # the merged event
    report: str  # the per-article event that gives the figure
    outcome: Literal["killed", "injured", "arrested"]
    low: int | None = None
    best: int | None = None
    high: int | None = None  # None: no upper bound ("at least 8")
    role: Literal["sets_best", "sets_high", "superseded", "outlier"]


class RunSummary(Record):
    """What a run did, printed at its end and returned to callers."""

    read: int = 0
    ok: int = 0
    empty: int = 0
    failed: int = 0
    copies: int = 0  # republished copies of an earlier article's text (pipeline.copies)
    skipped: int = 0  # files a folder scan passed over (counted in `read`, like every row)
    not_relevant: int = 0  # ok articles below the relevance threshold: no NLP, no events
    shards: int = 0  # the input's shards (pipeline.shards)
    resumed: int = 0  # of which finished by an earlier run into the same folder, not redone
    facts: int = 0
    events: int = 0
    words: int = 0
    seconds: float = 0.0
    out_dir: str = ""

    @property
    def articles_per_second(self) -> float:
        """Articles read per wall-clock second."""
        return self.read / self.seconds if self.seconds > 0 else 0.0


class Shard(Record):
    """A piece of the input processed on its own (pipeline.shards): a whole file, or the lines
    `first_line` .. `first_line + lines - 1` of a JSON Lines file starting at byte `offset`."""

    path: str
    size: int  # the file's size and modification time when planned: a changed file is new work
    mtime_ns: int
    first_line: int = 1
    lines: int | None = None  # None: the whole file
    offset: int = 0


class ShardResult(Record):
    """What processing one shard wrote: its part folder and its manifest counts."""

    key: str
    part: str
    read: int = 0
    ok: int = 0
    words: int = 0


class AggregateSummary(Record):
    """What `newsevents aggregate` did, printed at its end and returned to callers."""

    runs: int = 0
    articles: int = 0
    facts: int = 0
    article_events: int = 0
    events: int = 0
    seconds: float = 0.0
    out_dir: str = ""
    tables: list[str] = Field(default_factory=list)
    split: list[str] = Field(default_factory=list)  # merged events kept apart by `--split`
    # Fact rows left out, each as "TABLE row N (article ID): column: why" (no known kind, or a
    # value its kind's model does not accept); the rest of the batch is aggregated.
    left_out: list[str] = Field(default_factory=list)
