"""The events package: build the events of each article, then merge them across articles. It
reads no file but the word lists of `models/aggregate/` (through `pipeline.resources`) and
imports no spaCy (the fact kinds' event policies it calls are spaCy-free);
`pipeline.aggregate` is the stage that reads a run's tables and writes the events'.

`build_article_events` (`build.py`) is the composition for one article; each field's policy
lives with its fact kind (`triggers.split_events`, `geo.event_location`, `dates.event_date`,
`casualties.reconcile`, `actors.event_actors`), so improving one kind never touches the others.
`ledger` writes down each join (the rule and its signals) and what became of each report's
counts, for the `merges` and `claims` tables.
The modules: `build` (one article's events), `text`, `names` and `addresses` (headlines,
outlets, rare words, people named, street blocks), `rules` (`MergeRules`: every threshold and weight below, in backticks
and lower case, is one of its fields, passed by keyword: `merge_events(events,
rules=MergeRules())`), `records` (the merge view of an event), `links` (contradictions, links,
follow-up stories), `cluster` (blocking, `cluster_events`, `merge_events`), `counts` (the
count policy, `reconcile_counts`, `combine`) and `summary` (`summary_tables`).

`merge_events` then counts each real-world event once across a batch. Reports of one incident
disagree in ordinary ways (one outlet calls a shooting an attack, another a clash; one places it
in a town, another in its county or nowhere; "Sunday night" against "early Monday"; one wounded
victim who later dies), so the rules tell *contradictions*, which keep two records apart, from
*differences*, which need corroboration.

Two records are **compatible** (nothing says they are two events) when all of these hold:

- **articles**: they come from different articles (an article's own split into events is kept);
- **date**: their date intervals (`date_low`..`date_high`, or `event_date`) overlap or lie at
  most `merge_days` (2) days apart, and at most `merge_days_precise` (1) when both are known to
  the day (in a big city, shootings two days apart are usually two shootings), and at most
  `follow_up_close_days` (3) when the later one is a follow-up story (an arrest, a death in
  hospital, a victim named in the next days); an interval
  longer than `max_interval_days` (31) is too vague to merge on; or one of them is a
  *follow-up story* (below) and the other's dates lie within `follow_up_days` (183, half a
  year: a year back reaches the same week of the year before, where a dense batch holds the
  town's incidents of that year) before its own (or `merge_days` after); or their reports
  share a full personal name weighing `anchor_name_min` and rare words weighing
  `text_over_dates` (1.5 x `text_over_place`: about five words few reports use, or a victim's
  name and two more; only words weighing `keyword_min` or more count, as the many half-common
  words of two long wire stories of one conflict add up) and lie at most `text_days` (14)
  apart: a date read a few days off, or exactly a year apart to the day with the later story
  published `YEAR_READ_DAYS` (60) or more after it (`a_year_apart`: a day the text gives
  without its year, "on Jan. 19" in a trial story months later, read in the wrong year).
  Text never waives a month or a year apart otherwise, and shared
  common words, however many, never waive dates apart; nor does text waive days apart when
  both give their incident's own day (`date_basis` "incident", or none for an article without
  a publication date, to the day) but a year apart to the day: then they are two incidents;
  and never when one is dated only by its article's publication (`date_basis` "published")
  and the other's incident (not a follow-up story's news) lies wholly after the day it
  appeared (`reported_before`): no article reports an incident still to come;
- **place**: not apart: the same country and admin1 where both are known, and coordinates within
  `loose_km` (60 km), or `county_km` (150 km) when one is a county; a place name both give
  (resolved by the gazetteer to two places, "Alpine" in two states) is never apart, nor are two
  *anchored* places whose reports share rare words weighing `text_over_place` (2.3, about
  three words only they use: one place is a geocoding error), nor two anchored towns of one
  first-level division whose reports on close dates give the same number killed or injured
  and share rare words weighing `text_min` (a station placed the incident at its own city),
  which also links them. Two reports are *anchored* when they share a full personal name
  weighing `anchor_name_min` (2.0: a name few reports of the batch give) or one's headline or
  evidence names the other's place: shared common words alone never outweigh places apart
  (a dense batch holds other cities' reports of a mall shooting);
- **counts**: the killed figures could be one toll: neither is an outlier against the other
  (the credibility rule below), and one report does not say nobody died while the other
  reports a death, unless it counts at least as many wounded as the other counts dead (an early
  report: the wounded died later); nor are the victims (killed plus injured) of two reports
  that each give both figures each other's outliers; when clustering, a toll (or an age,
  below) at odds is no contradiction, nor are places apart with the other members, when the record shares rare
  words weighing `text_over_place` with one member and both are their articles' only events (a
  misread age or statistic: the count policy sets it aside); and two reports of a single victim that each give one age do not give ages more
  than `age_slack` (1) year apart ("a 24-year-old man" against "a 30-year-old man" in one
  city on one day are two shootings; `Event.victim_ages`, from the victim words of the killed
  and injured facts; reports of several victims may each describe another one), nor one sex
  each, not the same ("a woman was shot" against "the man was hit in the leg";
  `Event.victim_sexes`);
- **streets**: two records that are their articles' only events, neither a follow-up story,
  that each name street blocks ("in the 6700 block of South Aberdeen Street",
  `Event.street_blocks`, `addresses.py`) name a block of one street (`streets_apart`): the most
  precise place a report gives, and a city's two shootings of one weekend are on two streets.

Two compatible records are **linked** (say enough to be one event) when their dates are
not *told apart* and one of the rules below holds. Two reports are told apart when each gives
its incident's own day (`Record.incident_day`: a day the text states, not a publication,
statement or follow-up day) and the days differ: a city's shootings of Saturday and of Sunday
are two incidents however much place, toll, age or words they share, as text never waives
such days (above). An overnight incident told as "late Saturday" and "early Sunday" is then
left as two events: the price of never deleting one of two real incidents (on the crowded
batch of `bench/crowded.py`, these links were mostly false). The rules:

- they are in **one town** (below) and name a block of the same street (`same_street`: the
  same name, or one letter apart when at least six long; "the 6700 block of S. Aberdeen St."
  and "the 6600 block of South Aberdeen Street"), whatever their types or crowd;
- their places are **near** (coordinates within `merge_km`, 25 km, or the same name when one
  lacks coordinates) and in **one town** (the same place name, or within `same_town_km`, 5
  km: a city and its suburb on one day are as likely two incidents as one, so two towns need
  corroboration, below), neither is in a crowded place, their types match and their actors are not
  at odds: the same ACLED event type, or a riot against a protest (a protest turned violent) or
  violence against civilians (mob violence another outlet calls an attack), or an untyped
  record (no claim); actors are at odds when both have typed actors (ACLED inter codes) and
  share neither a type nor a name. A record is in a *crowded* place when more than `crowd_max`
  (3) records of other articles are near it on close dates, whatever their counts and victims
  (a report of another victim is another incident of the town, not no incident): in a city with several
  shootings a day, two reports of "a man shot" on one day are as likely two shootings as one;
  or when it and those near records state two or more incident days (`stated_days`): the town
  holds two incidents in those days, and a report dated by its publication may be either's.
  Two stories of one *outlet* (the same name ending their titles, `outlet`: "... | WXYZ
  Channel 7") are held like a crowded place's: a station follows up its own story with the
  victim's name, age or street, so two of its stories with only place, date and one victim in
  common are two incidents of its city (on gvdb_dev, a sample of a few stations' news, most
  such pairs had different gold days or places);
- or their places are near and they are **corroborated**: both give the same number killed or
  injured, at least one (at least two in a crowded place: one victim is the commonest toll), a
  victim of the same age (within `age_slack`), their headlines and evidence share rare
  words (below), or, both their articles' only events, they give a clock time at most
  `time_share` (1%) of the batch's articles giving a time give (`Event.clock_times`, `clock.py`: "8:45
  p.m." is a detail of one shooting, "10 p.m." the hour of many; a round-up gives the times
  of all its incidents). Without it, a battle and a shelling in
  one town on one day stay two events, as ACLED codes them;
- or their places are only **loose** (towns 25-60 km apart, a town and its county, a side placed
  only by admin1 or country or not at all, one name resolved to two places) and either their
  headlines and evidence share rare words, one of them used by at most `loose_word_reports`
  (6) of the batch's reports (common words adding up, "armed", "robbery", tell no incident
  from another), or one report names the other's place ("Greene
  County deputies said" in a report placed in a town of Greene County), or their dates are
  close and they give the same number killed or injured, of at least two (one victim is the
  commonest toll; two or more on the same days in places that may be one is rarely chance).

*Follow-up stories* (charges, a court date, a verdict, a funeral or vigil, the naming of a
victim) are dated by their own day, weeks or months after the incident. A record is one when
its date stands on a day of the aftermath (`date_basis` "aftermath", from `dates.date_basis`:
"was arraigned Thursday") or its headline holds a word of
`models/aggregate/follow_up_words.txt` ("charged", "sentenced", "vigil", "identified"). Its
incident lies on or before its date: a follow-up story and a report dated before it (dates
not close) are linked only by shared rare words weighing `follow_up_text_min` (2.0, about
three words few reports use: months of a town's news offer more coincidences than two days),
or `text_over_place` when their places are apart; never by place and dates, nor by the same
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
must weigh `text_min` (1.15): about two words few reports use, never one (one shared rare word
is a coincidence as often as not on gva_dev). Below three records nothing is rare.

*People named*: the full personal names (first and last, from `person_names`) an article's facts
hold: named actors without an actor type (a person, not a force; an official typed as state
forces is quoted in many stories), victim words that are a name, and capitalised runs of two
or more words in casualty sentences without a common news word, an institution's or a title's
word (`models/aggregate/not_name_words.txt`: "Medical Center", "Chief ...") nor a title just
before them nor a locative word (`models/aggregate/place_prepositions.txt`: "shot in Windsor
Mill" names a place the gazetteer lacks; "in Dana Smith's death" a person), a possessive
dropped, that are not one of the article's places nor a place of more than one word in
the GeoNames gazetteer ("a Baton Rouge man": a place, which merging compares by itself). They
are the record's
`persons` and count among its rare words, a name weighing `person_weight` (3.0) words of its
rarity: a name only a few reports of a batch give (the reports of one incident, up to about
one in a hundred) is enough for a follow-up story (`follow_up_text_min`), and one only two
reports give outweighs places apart (the geocoder read a place from a name: "Cleveland
Smith" shot in Detroit); a name many reports give (a spokesman) weighs little. A single
surname never counts.

A town that shares its first-level division's name (Kaduna in Kaduna, New York in New York) is
a town when the geocoder says so (`geo_precision` 1); a record placed no finer than admin1 (or
not at all) merges only through corroboration.

Clustering is greedy: records are taken most precise first (day before week before month, a
town before a wider area, then by date and id) and each joins the best-scoring existing cluster
it is compatible with (every member) and linked to (one member at least), else starts its own;
a record whose text outweighs a contradiction with one member (`text_over_place` for tolls;
for places, also a full personal name both give; `text_over_dates` for dates) is not held to
that contradiction with the other members either: its place, toll or date is the misread one
(or the member's); without such an anchor, a chain of links never joins what its members
contradict. Text outweighs a toll
or dates at odds only between records that are their articles' only events: an article that
reports several events (a *round-up*: a wire story of a week's attacks, a city's weekend of
shootings) shares its headline and names among them, so the words one of its events shares
with another of its events are not that event's own (they count for none), and a round-up's
event is a cluster's bridge only while it is alone in it: a second report joins through a
link to a member that is its article's only event, so a round-up never glues the reports of
its incidents together;
the score prefers closer dates and places, agreeing counts, the same type, shared actors and
shared rare words (dates score nothing, not less, for a follow-up story weeks after its
incident). Candidates come from a block index keyed by day and by the place name, a
0.25-degree grid cell (a town looks in the cells within `loose_km`), or the first-level
division (a wider area looks through its division's records of those days and its country's
records placed in none, or its whole country when it names no division; a record without a
country through all of them; and by each of its rarest words, weight >= `keyword_min`, for the places apart
that shared words may join; a follow-up story's rare words look through the
`follow_up_days` before it, where its incident is filed; a cluster that shares one of its
rarest words is a candidate when its span of days meets the record's reach of dates, or
else when a member shares `text_over_dates` with it),
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
most twice another source's best plus 2 (`credible_factor`, `credible_slack`: a toll may
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
members' most frequent one, `evidence` joins up to `max_evidence` distinct evidence
sentences with " | ", and `published` is its latest article's publication day.
"""

from pipeline.events.build import build_article_events, victim_ages
from pipeline.events.cluster import cluster_events, merge_events
from pipeline.events.counts import combine, reconcile_counts
from pipeline.events.names import person_names, person_tokens
from pipeline.events.records import haversine_km, is_follow_up
from pipeline.events.rules import MergeRules
from pipeline.events.summary import SUMMARY_DTYPES, summary_tables
from pipeline.events.text import headline, outlet, outlet_words, report_words, word_weights

__all__ = [
    "SUMMARY_DTYPES",
    "MergeRules",
    "build_article_events",
    "cluster_events",
    "combine",
    "haversine_km",
    "headline",
    "is_follow_up",
    "merge_events",
    "outlet",
    "outlet_words",
    "person_names",
    "person_tokens",
    "reconcile_counts",
    "report_words",
    "summary_tables",
    "victim_ages",
    "word_weights",
]
