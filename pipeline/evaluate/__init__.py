"""The evaluate stage: score predicted tables (events.csv, facts.csv) against annotated gold.

The gold format is `../shared/eval/FORMAT.md`: one JSON object per article, with the events it
reports; `null` means "not annotated" and is never scored.

Scoring rules (docs/accuracy.md repeats them for readers of the figures):

- **Articles.** Only the gold articles are scored; predicted events are matched to them by
  article id. An event whose `article_ids` lists several articles (merged across articles)
  counts as predicted in each of them.
- **Pairing.** Inside one article, gold and predicted events are paired one-to-one: as many pairs
  as the smaller side allows, and among those the assignment with the highest total agreement
  (exact search; greedy above 12 events on both sides). Agreement of one pair
  (`pair_score`): +2 same event_type, +1 same sub_event_type, +1 date inside the gold interval
  (+0.5 within 7 days), +1 within 25 km or same place name (+0.5 same country only),
  +0.25 each for killed and injured inside the gold interval, +0.01 when the gold event is not
  optional (so a required event wins a tie). Any pair is allowed: the score only chooses.
- **events.** A pair with a required gold event is a true positive; a pair with an optional gold
  event is neither; an unpaired predicted event is a false positive (every predicted event of an
  `events: []` article is one); an unpaired required gold event is a false negative.
- **Field metrics** are scored on paired gold events whose field is annotated; `n` counts them
  and `unpaired` counts annotated gold events left without a predicted event (those show up in
  `events` recall, not in `value`); `recall` = right / (n + unpaired) counts them as misses.
  Optional gold events are not scored.
  - `killed`/`injured`/`arrested`: right when the predicted `*_best` lies in the gold
    `[low, high]` (`high` null = no upper bound); a null prediction counts as 0 (the pipeline
    found no such casualties). `mae`: mean distance from the best value to the gold interval
    (0 inside it, else to the nearest bound; an exact gold value is its own bound).
  - `date`: predicted `event_date` inside the gold interval (a plain day is a one-day interval;
    `low` null = "on or before high"); `date_1d`/`date_7d`: at most 1/7 days outside it.
    A missing prediction is wrong. Key `dated`: the same, only over the articles whose record
    gives a `published` date (relative dates cannot be resolved without one).
  - `country`: predicted `iso2` equals the gold ISO code. `admin1`: names equal after
    `normalise_name`. `location_name`: gold location equals the predicted `location` or
    `admin2` after `normalise_name` (GVA's gold location is sometimes a county).
  - `location_25km`/`location_161km`: gold events with coordinates whose predicted
    latitude/longitude lie within 25/161 km (great-circle); no predicted coordinates = miss.
  - `event_type`: accuracy. `sub_event_type`: accuracy, plus `macro_f1` (unweighted mean F1 over
    the labels that occur in the gold) and `weighted_f1` (the same, weighted by gold support).
- **clusters.** Over the unordered pairs of gold events that carry a `cluster` in one file:
  gold-same = same cluster; predicted-same = both paired to the same predicted `event_id`.
  Pairwise precision = TP / predicted-same, recall = TP / gold-same; `n` = gold-same pairs.
- **facts** (gold with `facts`, the seed): per kind, precision = predicted facts of the article
  that match some gold fact (repeated mentions are each right), recall = required gold facts
  matched by some predicted fact; `value` = F1. casualties: same outcome and `count_best` in the
  interval; places: same country when both have one, and within 25 km or same name (or
  `also_known_as`); dates: the predicted day is a gold day; actors: the predicted `actor_name` or
  mention text equals the gold name or one of its mentions; event_types: the set of trigger
  event types against the gold set.
- **overall** adds up the counts of every file before dividing (a micro average).

The package splits the job: `gold` (reading gold and predicted tables), `values` (comparing one
value), `matching` (pairing events), `fields` (metrics per field of a pair), `facts` (fact-level
scoring), `clusters`, `tally` (counts and the metrics dict), `scoring` (an article, a file),
`report` (report, table, JSON), `gate` (`--min`) and `running` (`evaluate_files`). This module
re-exports their public names: `from pipeline import evaluate as ev` is the interface.
"""

from __future__ import annotations

from pipeline.evaluate.clusters import cluster_counts, cluster_misses
from pipeline.evaluate.facts import score_facts
from pipeline.evaluate.gate import GateError, check_maximums, check_minimums, parse_min, validate_minimums
from pipeline.evaluate.gold import (
    GoldError,
    events_by_article,
    facts_by_article,
    load_tables,
    read_gold,
)
from pipeline.evaluate.matching import pair_events, pair_score
from pipeline.evaluate.names import ACCURACY_FIELDS, COUNT_FIELDS, DATE_FIELDS, FACT_KINDS, FIELDS
from pipeline.evaluate.report import (
    build_report,
    file_name,
    file_names,
    format_table,
    write_json,
    write_jsonl,
)
from pipeline.evaluate.running import evaluate_files, predict
from pipeline.evaluate.scoring import score_article, score_file
from pipeline.evaluate.tally import Tally, metrics
from pipeline.evaluate.values import (
    count_distance,
    date_distance,
    gold_interval,
    haversine_km,
    normalise_name,
    predicted_count,
)

__all__ = [
    "ACCURACY_FIELDS",
    "COUNT_FIELDS",
    "DATE_FIELDS",
    "FACT_KINDS",
    "FIELDS",
    "GateError",
    "Tally",
    "build_report",
    "check_maximums",
    "check_minimums",
    "cluster_counts",
    "cluster_misses",
    "count_distance",
    "date_distance",
    "evaluate_files",
    "events_by_article",
    "facts_by_article",
    "file_name",
    "file_names",
    "format_table",
    "gold_interval",
    "haversine_km",
    "load_tables",
    "metrics",
    "normalise_name",
    "pair_events",
    "pair_score",
    "parse_min",
    "predict",
    "predicted_count",
    "read_gold",
    "GoldError",
    "score_article",
    "score_facts",
    "score_file",
    "validate_minimums",
    "write_json",
    "write_jsonl",
]
