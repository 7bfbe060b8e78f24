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
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.export import load_events, load_facts

# The metric names other tools read: keep them stable.
COUNT_FIELDS = ("killed", "injured", "arrested")
FACT_KINDS = ("casualties", "places", "dates", "actors", "event_types")
DATE_FIELDS = ("date", "date_1d", "date_7d")
# Tally key suffix for the date metrics over articles that have a publication date.
_DATED = "@dated"
ACCURACY_FIELDS = (
    *COUNT_FIELDS,
    *DATE_FIELDS,
    "country",
    "admin1",
    "location_25km",
    "location_161km",
    "location_name",
    "event_type",
)
FIELDS = (
    "events",
    "false_events",
    "clusters",
    *ACCURACY_FIELDS,
    "sub_event_type",
    *(f"facts_{kind}" for kind in FACT_KINDS),
)

# Exact assignment search costs 2**k; above this many events on both sides, pair greedily.
_EXACT_PAIRING_MAX = 12
_EARTH_KM = 6371.0088

_ACCENTS = re.compile(r"[\u0300-\u036f]")
_NON_WORD = re.compile(r"[^\w]+")
# Administrative wrappers that say nothing about which place it is ("State of Mexico" = "Mexico").
_ADMIN_PREFIX = re.compile(r"^(?:the )?(?:state|department|province|region|county|city) of ")
_ADMIN_SUFFIX = re.compile(r" (?:state|department|province|county|parish|borough|governorate)$")
_MIN_SPEC = re.compile(r"^\s*([^=\s]+)\s*=\s*([0-9]*\.?[0-9]+)\s*$")


# --------------------------------------------------------------------------- reading


def read_gold(path: str | Path, limit: int | None = None) -> list[dict]:
    """The gold records of a FORMAT.md file, in file order; the first `limit` when given."""
    records: list[dict] = []
    with open(path, encoding="utf-8") as fh:
        lines = (line for line in fh if line.strip())
        for line in islice(lines, limit):
            records.append(json.loads(line))
    return records


def _load(out: Path, name: str, loader: Any) -> pd.DataFrame:
    for suffix in (".csv", ".parquet", ".jsonl"):
        path = out / f"{name}{suffix}"
        if path.exists():
            return loader(path)
    return pd.DataFrame()


def load_tables(out_dir: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The events and facts tables written by `newsevents run --out DIR` (CSV, Parquet or JSON
    Lines, read with their documented dtypes); an absent table is empty."""
    out = Path(out_dir)
    return _load(out, "events", load_events), _load(out, "facts", load_facts)


def _clean(value: Any) -> Any:
    """None for the many spellings of a missing cell (NaN, NaT, pd.NA, "")."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()  # numpy scalar -> Python, so error lines serialise plainly
    return value


def _records(frame: pd.DataFrame) -> list[dict]:
    if frame is None or frame.empty:
        return []
    return [{k: _clean(v) for k, v in row.items()} for row in frame.to_dict("records")]


def events_by_article(events: pd.DataFrame) -> dict[str, list[dict]]:
    """Predicted events listed under each article id of their ";"-joined `article_ids`."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for event in _records(events):
        for article_id in str(event.get("article_ids") or "").split(";"):
            if article_id.strip():
                by_article[article_id.strip()].append(event)
    return by_article


def facts_by_article(facts: pd.DataFrame) -> dict[str, list[dict]]:
    """Predicted facts grouped by article id."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for fact in _records(facts):
        if fact.get("article_id"):
            by_article[str(fact["article_id"])].append(fact)
    return by_article


# --------------------------------------------------------------------------- values


def normalise_name(name: Any) -> str:
    """A place or actor name reduced for comparison: casefold, no accents, no punctuation,
    no administrative wrapper ("State of ...", "... County")."""
    if name is None:
        return ""
    text = _ACCENTS.sub("", unicodedata.normalize("NFKD", str(name))).casefold()
    text = " ".join(_NON_WORD.sub(" ", text).split())
    text = _ADMIN_PREFIX.sub("", text)
    return _ADMIN_SUFFIX.sub("", text)


def _to_date(value: Any) -> dt.date | None:
    value = _clean(value)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def gold_interval(value: Any) -> tuple[dt.date | None, dt.date | None] | None:
    """A gold date as (low, high), None bounds open; None when the date is not annotated."""
    if value is None:
        return None
    if isinstance(value, dict):
        low, high = _to_date(value.get("low")), _to_date(value.get("high"))
        return None if low is None and high is None else (low, high)
    day = _to_date(value)
    return (day, day) if day else None


def date_distance(day: dt.date, interval: tuple[dt.date | None, dt.date | None]) -> int:
    """Days from `day` to the interval (0 inside it)."""
    low, high = interval
    if low is not None and day < low:
        return (low - day).days
    if high is not None and day > high:
        return (day - high).days
    return 0


def _to_float(value: Any) -> float | None:
    value = _clean(value)
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def count_distance(best: float, gold: dict) -> float:
    """Distance from a predicted count to the gold interval (0 inside; `high` null = unbounded)."""
    low = gold.get("low") or 0
    high = gold.get("high")
    if best < low:
        return float(low - best)
    if high is not None and best > high:
        return float(best - high)
    return 0.0


def predicted_count(event: dict, outcome: str) -> float:
    """The predicted best count of an outcome; no prediction means none were found: 0."""
    value = _to_float(event.get(f"{outcome}_best"))
    return 0.0 if value is None else value


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def _event_km(gold: dict, pred: dict) -> float | None:
    coords = [_to_float(x) for x in (gold.get("latitude"), gold.get("longitude"),
                                     pred.get("latitude"), pred.get("longitude"))]
    if any(c is None for c in coords):
        return None
    return haversine_km(*coords)  # type: ignore[arg-type]


def _same_location(gold: dict, pred: dict) -> bool:
    wanted = normalise_name(gold.get("location"))
    return bool(wanted) and wanted in {
        normalise_name(pred.get("location")),
        normalise_name(pred.get("admin2")),
    }


def _same_country(gold: dict, pred: dict) -> bool:
    code = gold.get("country")
    return bool(code) and str(pred.get("iso2") or "").upper() == str(code).upper()


# --------------------------------------------------------------------------- pairing


def pair_score(gold: dict, pred: dict) -> float:
    """How well a predicted event agrees with a gold event on type, date and place (see module
    docstring); only used to choose pairs."""
    score = 0.0
    if gold.get("event_type") and pred.get("event_type") == gold["event_type"]:
        score += 2.0
        if gold.get("sub_event_type") and pred.get("sub_event_type") == gold["sub_event_type"]:
            score += 1.0
    interval = gold_interval(gold.get("date"))
    day = _to_date(pred.get("event_date"))
    if interval and day:
        distance = date_distance(day, interval)
        score += 1.0 if distance == 0 else 0.5 if distance <= 7 else 0.0
    km = _event_km(gold, pred)
    if (km is not None and km <= 25) or _same_location(gold, pred):
        score += 1.0
    elif _same_country(gold, pred):
        score += 0.5
    for outcome in ("killed", "injured"):
        if gold.get(outcome) and count_distance(predicted_count(pred, outcome), gold[outcome]) == 0:
            score += 0.25
    if not gold.get("optional"):
        score += 0.01
    return score


def _assign_exact(scores: list[list[float]]) -> list[tuple[int, int]]:
    # Rows are the smaller side; dynamic programming over the set of rows already used, column by
    # column, maximising (number of pairs, total score).
    n_rows = len(scores)
    n_cols = len(scores[0]) if scores else 0
    best: dict[int, tuple[int, float, tuple[tuple[int, int], ...]]] = {0: (0, 0.0, ())}
    for c in range(n_cols):
        nxt = dict(best)
        for mask, (count, total, pairs) in best.items():
            for r in range(n_rows):
                if mask & (1 << r):
                    continue
                cand = (count + 1, total + scores[r][c], pairs + ((r, c),))
                key = mask | (1 << r)
                old = nxt.get(key)
                if old is None or cand[:2] > old[:2]:
                    nxt[key] = cand
        best = nxt
    winner = max(best.values(), key=lambda v: (v[0], v[1]))
    return list(winner[2])


def _assign_greedy(scores: list[list[float]]) -> list[tuple[int, int]]:
    cells = sorted(
        ((s, r, c) for r, row in enumerate(scores) for c, s in enumerate(row)),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    used_r: set[int] = set()
    used_c: set[int] = set()
    pairs = []
    for _, r, c in cells:
        if r not in used_r and c not in used_c:
            used_r.add(r)
            used_c.add(c)
            pairs.append((r, c))
    return pairs


def pair_events(golds: Sequence[dict], preds: Sequence[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) with the highest total `pair_score`."""
    if not golds or not preds:
        return []
    scores = [[pair_score(g, p) for p in preds] for g in golds]
    transposed = len(golds) > len(preds)
    if transposed:
        scores = [list(col) for col in zip(*scores)]
    if len(scores) <= _EXACT_PAIRING_MAX:
        pairs = _assign_exact(scores)
    else:
        pairs = _assign_greedy(scores)
    if transposed:
        pairs = [(c, r) for r, c in pairs]
    return sorted(pairs)


# --------------------------------------------------------------------------- tallies


@dataclass
class Tally:
    """Counts behind the metrics of one file; tallies add up into the overall figures."""

    acc: dict[str, list[float]] = field(default_factory=dict)  # field -> [right, n, unpaired]
    mae: dict[str, float] = field(default_factory=dict)  # count field -> summed distance
    events: list[int] = field(default_factory=lambda: [0, 0, 0])  # tp, fp, fn
    clusters: list[int] = field(default_factory=lambda: [0, 0, 0])  # tp, fp, fn pairs
    sub_types: list[tuple[str, str | None]] = field(default_factory=list)  # (gold, predicted)
    facts: dict[str, list[int]] = field(default_factory=dict)  # kind -> [p_ok, p_n, g_ok, g_n]
    # articles whose gold says `events: []`, by section ("" when none): [articles, predicted events]
    negatives: dict[str, list[int]] = field(default_factory=dict)
    articles: int = 0

    def add(self, other: Tally) -> Tally:
        """Add another tally's counts into this one."""
        for name, values in other.acc.items():
            mine = self.acc.setdefault(name, [0, 0, 0])
            for i, v in enumerate(values):
                mine[i] += v
        for name, v in other.mae.items():
            self.mae[name] = self.mae.get(name, 0.0) + v
        self.events = [a + b for a, b in zip(self.events, other.events)]
        self.clusters = [a + b for a, b in zip(self.clusters, other.clusters)]
        self.sub_types.extend(other.sub_types)
        for kind, values in other.facts.items():
            mine = self.facts.setdefault(kind, [0, 0, 0, 0])
            for i, v in enumerate(values):
                mine[i] += v
        for section, (n, k) in other.negatives.items():
            mine = self.negatives.setdefault(section, [0, 0])
            mine[0] += n
            mine[1] += k
        self.articles += other.articles
        return self

    def hit(self, name: str, right: bool) -> None:
        """One scored gold item of an accuracy field."""
        slot = self.acc.setdefault(name, [0, 0, 0])
        slot[0] += int(right)
        slot[1] += 1

    def unpaired(self, name: str) -> None:
        """One annotated gold item without a predicted event."""
        self.acc.setdefault(name, [0, 0, 0])[2] += 1


def _ratio(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    # F1 = 2TP / (2TP + FP + FN): defined (0) even when nothing was predicted.
    f1 = _ratio(2 * tp, 2 * tp + fp + fn)
    return {"value": f1, "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn), "f1": f1}


def _f1_scores(pairs: list[tuple[str, str | None]]) -> tuple[float | None, float | None]:
    # Labels are those of the gold: a predicted label the gold never uses only lowers precision.
    support = Counter(g for g, _ in pairs)
    if not support:
        return None, None
    predicted = Counter(p for _, p in pairs)
    right = Counter(g for g, p in pairs if g == p)
    f1s = {}
    for label, n_gold in support.items():
        tp = right[label]
        p = tp / predicted[label] if predicted[label] else 0.0
        r = tp / n_gold
        f1s[label] = 2 * p * r / (p + r) if p + r else 0.0
    macro = sum(f1s.values()) / len(f1s)
    weighted = sum(f1s[k] * support[k] for k in f1s) / sum(support.values())
    return round(macro, 4), round(weighted, 4)


# false_events is given per this many articles whose gold reports no event.
PER_ARTICLES = 100


def _false_events(negatives: dict[str, list[int]]) -> dict[str, Any]:
    """Predicted events per 100 articles whose gold says `events: []` (every one a false
    alarm), overall and per section ("section_sport": ...); value None when there are none."""
    n = sum(a for a, _ in negatives.values())
    k = sum(e for _, e in negatives.values())
    entry: dict[str, Any] = {"value": _ratio(PER_ARTICLES * k, n), "n": n, "events": k}
    for section, (a, e) in sorted(negatives.items()):
        if section:
            entry[f"section_{section}"] = _ratio(PER_ARTICLES * e, a)
    return entry


def metrics(tally: Tally) -> dict[str, dict[str, Any]]:
    """The metrics dict M of one tally: field -> {"value": x, "n": k, ...}, every field present
    (value None when nothing was scored)."""
    out: dict[str, dict[str, Any]] = {}
    tp, fp, fn = tally.events
    out["events"] = {**_prf(tp, fp, fn), "n": tp + fn, "tp": tp, "fp": fp, "fn": fn}
    out["false_events"] = _false_events(tally.negatives)
    tp, fp, fn = tally.clusters
    out["clusters"] = {**_prf(tp, fp, fn), "n": tp + fn, "tp": tp, "fp": fp, "fn": fn}
    for name in ACCURACY_FIELDS:
        right, n, unpaired = tally.acc.get(name, [0, 0, 0])
        entry: dict[str, Any] = {
            "value": _ratio(right, n),
            "n": int(n),
            "unpaired": int(unpaired),
            "recall": _ratio(right, n + unpaired),
        }
        if name in COUNT_FIELDS:
            entry["mae"] = _ratio(tally.mae.get(name, 0.0), n)
        if name in DATE_FIELDS:
            d_right, d_n, _ = tally.acc.get(f"{name}{_DATED}", [0, 0, 0])
            entry["dated"] = _ratio(d_right, d_n)
            entry["dated_n"] = int(d_n)
        out[name] = entry
    right = sum(1 for g, p in tally.sub_types if g == p)
    macro, weighted = _f1_scores(tally.sub_types)
    sub_unpaired = int(tally.acc.get("sub_event_type", [0, 0, 0])[2])
    out["sub_event_type"] = {
        "value": _ratio(right, len(tally.sub_types)),
        "macro_f1": macro,
        "weighted_f1": weighted,
        "n": len(tally.sub_types),
        "unpaired": sub_unpaired,
        "recall": _ratio(right, len(tally.sub_types) + sub_unpaired),
    }
    for kind in FACT_KINDS:
        p_ok, p_n, g_ok, g_n = tally.facts.get(kind, [0, 0, 0, 0])
        precision, recall = _ratio(p_ok, p_n), _ratio(g_ok, g_n)
        f1 = None
        if g_n:
            p, r = precision or 0.0, recall or 0.0
            f1 = round(2 * p * r / (p + r), 4) if p + r else 0.0
        out[f"facts_{kind}"] = {
            "value": f1, "precision": precision, "recall": recall, "f1": f1,
            "n": g_n, "predicted": p_n,
        }
    return out


# --------------------------------------------------------------------------- scoring


def _miss(errors: list[dict] | None, article_id: str, name: str, gold: Any, pred: dict | None,
          predicted: Any, evidence: str | None = None) -> None:
    # One line of --errors: the predicted event's own evidence sentence unless one is given.
    if errors is None:
        return
    errors.append({
        "article_id": article_id,
        "field": name,
        "gold": gold,
        "predicted": predicted,
        "event_id": pred.get("event_id") if pred else None,
        "evidence": evidence if evidence is not None else (pred or {}).get("evidence"),
    })


def _score_pair(tally: Tally, article_id: str, gold: dict, pred: dict,
                errors: list[dict] | None, dated: bool = False) -> None:
    for outcome in COUNT_FIELDS:
        if gold.get(outcome) is None:
            continue
        best = predicted_count(pred, outcome)
        distance = count_distance(best, gold[outcome])
        tally.hit(outcome, distance == 0)
        tally.mae[outcome] = tally.mae.get(outcome, 0.0) + distance
        if distance:
            _miss(errors, article_id, outcome, gold[outcome], pred, pred.get(f"{outcome}_best"))

    interval = gold_interval(gold.get("date"))
    if interval is not None:
        day = _to_date(pred.get("event_date"))
        distance = date_distance(day, interval) if day else None
        for name, tolerance in (("date", 0), ("date_1d", 1), ("date_7d", 7)):
            tally.hit(name, distance is not None and distance <= tolerance)
            if dated:
                tally.hit(f"{name}{_DATED}", distance is not None and distance <= tolerance)
        if distance != 0:
            _miss(errors, article_id, "date", gold.get("date"), pred, pred.get("event_date"))

    if gold.get("country"):
        right = _same_country(gold, pred)
        tally.hit("country", right)
        if not right:
            _miss(errors, article_id, "country", gold["country"], pred, pred.get("iso2"))

    if gold.get("admin1"):
        right = normalise_name(gold["admin1"]) == normalise_name(pred.get("admin1"))
        tally.hit("admin1", right)
        if not right:
            _miss(errors, article_id, "admin1", gold["admin1"], pred, pred.get("admin1"))

    if gold.get("location"):
        right = _same_location(gold, pred)
        tally.hit("location_name", right)
        if not right:
            _miss(errors, article_id, "location_name", gold["location"], pred,
                  pred.get("location"))

    if _to_float(gold.get("latitude")) is not None and _to_float(gold.get("longitude")) is not None:
        km = _event_km(gold, pred)
        for name, limit in (("location_25km", 25.0), ("location_161km", 161.0)):
            tally.hit(name, km is not None and km <= limit)
        if km is None or km > 25:
            _miss(errors, article_id, "location_25km",
                  {"location": gold.get("location"), "latitude": gold["latitude"],
                   "longitude": gold["longitude"]}, pred,
                  {"location": pred.get("location"), "latitude": pred.get("latitude"),
                   "longitude": pred.get("longitude"),
                   "km": None if km is None else round(km, 1)})

    if gold.get("event_type"):
        right = pred.get("event_type") == gold["event_type"]
        tally.hit("event_type", right)
        if not right:
            _miss(errors, article_id, "event_type", gold["event_type"], pred,
                  pred.get("event_type"))

    if gold.get("sub_event_type"):
        tally.sub_types.append((gold["sub_event_type"], pred.get("sub_event_type")))
        if pred.get("sub_event_type") != gold["sub_event_type"]:
            _miss(errors, article_id, "sub_event_type", gold["sub_event_type"], pred,
                  pred.get("sub_event_type"))


def _annotated_fields(gold: dict) -> list[str]:
    names = [o for o in COUNT_FIELDS if gold.get(o) is not None]
    if gold_interval(gold.get("date")) is not None:
        names += ["date", "date_1d", "date_7d"]
    names += [n for n in ("country", "admin1", "event_type", "sub_event_type") if gold.get(n)]
    if gold.get("location"):
        names.append("location_name")
    if gold.get("latitude") is not None and gold.get("longitude") is not None:
        names += ["location_25km", "location_161km"]
    return names


def _gold_event_label(gold: dict) -> dict:
    keys = ("event_type", "sub_event_type", "date", "country", "admin1", "location",
            "killed", "injured", "arrested")
    return {k: gold.get(k) for k in keys if gold.get(k) is not None}


def _pred_event_label(pred: dict) -> dict:
    keys = ("event_id", "event_type", "sub_event_type", "event_date", "iso2", "admin1",
            "location", "killed_best", "injured_best", "arrested_best")
    return {k: pred.get(k) for k in keys if pred.get(k) is not None}


def score_article(
    gold: dict,
    preds: list[dict],
    tally: Tally,
    errors: list[dict] | None = None,
) -> list[tuple[dict, str | None]]:
    """Score one article's predicted events against its gold into `tally`; returns, for each
    gold event with a `cluster`, (gold event, paired predicted event_id or None)."""
    article_id = str(gold["id"])
    golds = list(gold.get("events") or [])
    tally.articles += 1
    if gold.get("events") == []:  # an article that reports no event: every prediction is false
        slot = tally.negatives.setdefault(str(gold.get("section") or ""), [0, 0])
        slot[0] += 1
        slot[1] += len(preds)
    pairs = pair_events(golds, preds)
    paired_gold = {g: p for g, p in pairs}
    paired_pred = {p for _, p in pairs}
    for g_index, gold_event in enumerate(golds):
        optional = bool(gold_event.get("optional"))
        p_index = paired_gold.get(g_index)
        if p_index is None:
            if not optional:
                tally.events[2] += 1
                _miss(errors, article_id, "events", _gold_event_label(gold_event), None, None)
                for name in _annotated_fields(gold_event):
                    tally.unpaired(name)
            continue
        if optional:
            continue
        tally.events[0] += 1
        _score_pair(tally, article_id, gold_event, preds[p_index], errors,
                    dated=bool(gold.get("published")))
    for p_index, pred in enumerate(preds):
        if p_index not in paired_pred:
            tally.events[1] += 1
            _miss(errors, article_id, "events", None, pred, _pred_event_label(pred))
    clustered = []
    for g_index, gold_event in enumerate(golds):
        if gold_event.get("cluster"):
            p_index = paired_gold.get(g_index)
            pred_id = preds[p_index].get("event_id") if p_index is not None else None
            clustered.append((gold_event, None if pred_id is None else str(pred_id)))
    return clustered


def cluster_counts(items: Iterable[tuple[str, str | None]]) -> tuple[int, int, int]:
    """Pairwise (tp, fp, fn) over gold events given as (gold cluster, predicted event id or None):
    a pair is gold-same when the clusters are equal, predicted-same when the ids are equal."""
    items = list(items)

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    gold_same = sum(pairs(n) for n in Counter(c for c, _ in items).values())
    pred_same = sum(pairs(n) for n in Counter(p for _, p in items if p is not None).values())
    both = sum(pairs(n) for n in Counter((c, p) for c, p in items if p is not None).values())
    return both, pred_same - both, gold_same - both


# ---- facts (seed-style fact-level gold)


def _fact_name_keys(*values: Any) -> set[str]:
    return {normalise_name(v) for v in values} - {""}


def _casualty_match(gold: dict, pred: dict) -> bool:
    best = _to_float(pred.get("count_best"))
    return (
        pred.get("outcome") == gold.get("outcome")
        and best is not None
        and gold.get("count") is not None
        and count_distance(best, gold["count"]) == 0
    )


def _place_match(gold: dict, pred: dict) -> bool:
    gold_country, pred_country = gold.get("country"), pred.get("country_iso2")
    if gold_country and pred_country and str(gold_country).upper() != str(pred_country).upper():
        return False
    coords = [_to_float(x) for x in (gold.get("latitude"), gold.get("longitude"),
                                     pred.get("latitude"), pred.get("longitude"))]
    if all(c is not None for c in coords) and haversine_km(*coords) <= 25:  # type: ignore[arg-type]
        return True
    wanted = _fact_name_keys(gold.get("name"), gold.get("also_known_as"))
    return bool(wanted & _fact_name_keys(pred.get("name"), pred.get("text")))


def _date_match(gold: str, pred: dict) -> bool:
    day = _to_date(pred.get("date"))
    return day is not None and day == _to_date(gold)


def _actor_match(gold: dict, pred: dict) -> bool:
    wanted = _fact_name_keys(gold.get("name"), *(gold.get("mentions") or []))
    return bool(wanted & _fact_name_keys(pred.get("actor_name"), pred.get("text")))


_FACT_RULES = {
    "casualties": ("casualty", _casualty_match),
    "places": ("place", _place_match),
    "dates": ("date", _date_match),
    "actors": ("actor", _actor_match),
}


def score_facts(gold: dict, facts: list[dict], tally: Tally,
                errors: list[dict] | None = None) -> None:
    """Precision and recall per fact kind for an article with fact-level gold (`facts`)."""
    gold_facts = gold.get("facts") or {}
    article_id = str(gold["id"])
    for kind, (fact_kind, match) in _FACT_RULES.items():
        if gold_facts.get(kind) is None:
            continue
        gold_items = list(gold_facts[kind])
        preds = [f for f in facts if f.get("kind") == fact_kind]
        slot = tally.facts.setdefault(kind, [0, 0, 0, 0])
        for pred in preds:
            right = any(match(g, pred) for g in gold_items)
            slot[0] += int(right)
            slot[1] += 1
            if not right:
                _miss(errors, article_id, f"facts_{kind}", None, None, pred.get("text"),
                      evidence=pred.get("sentence"))
        for g in gold_items:
            if isinstance(g, dict) and g.get("optional"):
                continue
            found = any(match(g, pred) for pred in preds)
            slot[2] += int(found)
            slot[3] += 1
            if not found:
                _miss(errors, article_id, f"facts_{kind}", g, None, None)
    if gold_facts.get("event_types") is not None:
        wanted = set(gold_facts["event_types"])
        found = {f.get("event_type") for f in facts if f.get("kind") == "trigger"} - {None}
        slot = tally.facts.setdefault("event_types", [0, 0, 0, 0])
        slot[0] += len(found & wanted)
        slot[1] += len(found)
        slot[2] += len(found & wanted)
        slot[3] += len(wanted)
        for label in sorted(wanted - found):
            _miss(errors, article_id, "facts_event_types", label, None, None)
        for label in sorted(found - wanted):
            _miss(errors, article_id, "facts_event_types", None, None, label)


def score_file(
    gold: list[dict],
    events: pd.DataFrame,
    facts: pd.DataFrame | None = None,
    errors: list[dict] | None = None,
) -> Tally:
    """Score the predicted tables against one gold file's records (article ids must match)."""
    tally = Tally()
    by_article = events_by_article(events)
    facts_of = facts_by_article(facts) if facts is not None else {}
    clustered: list[tuple[str, str | None, str]] = []
    for record in gold:
        article_id = str(record["id"])
        for gold_event, pred_id in score_article(record, by_article.get(article_id, []), tally,
                                                 errors):
            clustered.append((str(gold_event["cluster"]), pred_id, article_id))
        if record.get("facts"):
            score_facts(record, facts_of.get(article_id, []), tally, errors)
    tally.clusters = list(cluster_counts((c, p) for c, p, _ in clustered))
    if errors is not None:
        errors.extend(cluster_misses(clustered))
    return tally


def cluster_misses(items: Sequence[tuple[str, str | None, str]],
                   per_group: int = 20) -> list[dict]:
    """Error lines for the wrong pairs among (gold cluster, predicted event id, article id):
    events of one cluster left apart, and events of different clusters merged (at most
    `per_group` lines per cluster or predicted event, so one runaway merge stays readable)."""
    lines: list[dict] = []
    for key, other in ((0, 1), (1, 0)):
        groups: dict[str, list[tuple[str, str | None, str]]] = defaultdict(list)
        for item in items:
            if item[key] is not None:
                groups[item[key]].append(item)
        for members in groups.values():
            shown = 0
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    if (a[other] is not None and a[other] == b[other]) or shown >= per_group:
                        continue
                    shown += 1
                    lines.append({
                        "article_id": a[2],
                        "field": "clusters",
                        "gold": {"cluster": a[0], "other_article": b[2], "other_cluster": b[0]},
                        "predicted": {"event_id": a[1], "other_event_id": b[1]},
                        "event_id": a[1],
                        "evidence": None,
                    })
    return lines


def file_name(path: str | Path, taken: Iterable[str] = ()) -> str:
    """The NAME of a gold file in the report: its name without `.jsonl` (made unique)."""
    name = Path(path).name
    for suffix in (".jsonl", ".json"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    taken = set(taken)
    unique, i = name, 2
    while unique in taken:
        unique, i = f"{name}#{i}", i + 1
    return unique


def file_names(paths: Sequence[str | Path]) -> list[str]:
    """The report NAME of each gold file, in order."""
    names: list[str] = []
    for path in paths:
        names.append(file_name(path, names))
    return names


def build_report(tallies: dict[str, Tally]) -> dict[str, Any]:
    """The metrics JSON: {"files": {NAME: {"articles": n, "metrics": M}}, "overall": M}."""
    overall = Tally()
    files = {}
    for name, tally in tallies.items():
        files[name] = {"articles": tally.articles, "metrics": metrics(tally)}
        overall.add(tally)
    return {"files": files, "overall": metrics(overall)}


# --------------------------------------------------------------------------- gate and table


class GateError(ValueError):
    """A `--min` specification that names no metric of the report."""


def parse_min(spec: str) -> tuple[str, float]:
    """`FIELD=VALUE` -> (FIELD, VALUE)."""
    match = _MIN_SPEC.match(spec)
    if not match:
        raise GateError(f"--min {spec!r}: expected FIELD=VALUE, e.g. killed=0.5")
    return match.group(1), float(match.group(2))


def _lookup(report: dict[str, Any], target: str) -> tuple[str, dict[str, Any], str]:
    # [FILE.]FIELD[.KEY]: FILE is a NAME of the report, KEY a further key such as "recall".
    scope, rest = "overall", target
    for name in sorted(report["files"], key=len, reverse=True):
        if target.startswith(name + "."):
            scope, rest = name, target[len(name) + 1:]
            break
    table = report["overall"] if scope == "overall" else report["files"][scope]["metrics"]
    name, _, key = rest.partition(".")
    if name not in table or (key and key not in table[name]):
        known = ", ".join(report["files"])
        raise GateError(
            f"--min {target!r}: no such metric (FIELD is one of {', '.join(FIELDS)}, "
            f"optionally prefixed by a file name ({known}) and followed by .KEY)"
        )
    return scope, table[name], key or "value"


def validate_minimums(specs: Sequence[str], names: Iterable[str]) -> None:
    """Raise GateError now, before any run, when a `--min` spec is malformed or names no metric
    of a report over files called `names`."""
    report = build_report({name: Tally() for name in names})
    for spec in specs:
        _lookup(report, parse_min(spec)[0])


def _check(report: dict[str, Any], specs: Sequence[str], above: bool) -> list[str]:
    """Messages for each spec the report misses: below its minimum, or (`above`) over its
    maximum; an unmeasured metric fails too. Raises GateError on a malformed spec."""
    failures = []
    word, sign = ("maximum", ">") if above else ("minimum", "<")
    for spec in specs:
        target, threshold = parse_min(spec)
        scope, entry, key = _lookup(report, target)
        value = entry.get(key)
        if value is None:
            failures.append(f"{target}: not measured (n=0), {word} {threshold}")
        elif (value > threshold) if above else (value < threshold):
            failures.append(f"{target} = {value:.4f} {sign} {threshold} (n={entry.get('n')}, {scope})")
    return failures


def check_minimums(report: dict[str, Any], specs: Sequence[str]) -> list[str]:
    """Messages for each `--min [FILE.]FIELD[.KEY]=VALUE` that the report does not reach."""
    return _check(report, specs, above=False)


def check_maximums(report: dict[str, Any], specs: Sequence[str]) -> list[str]:
    """Messages for each `--max [FILE.]FIELD[.KEY]=VALUE` that the report exceeds (for metrics
    where less is better, such as false_events)."""
    return _check(report, specs, above=True)


def _cell(entry: dict[str, Any], key: str = "value") -> str:
    value = entry.get(key)
    if value is None:
        return "-"
    return f"{value:.3f} ({entry.get('n', 0)})"


# Further keys shown under their metric in the readable table.
_TABLE_KEYS = {
    "events": ("precision", "recall"),

    "clusters": ("precision", "recall"),
    **{name: ("mae",) for name in COUNT_FIELDS},
    **{name: ("dated",) for name in DATE_FIELDS},
    "sub_event_type": ("macro_f1", "weighted_f1"),
    **{f"facts_{kind}": ("precision", "recall") for kind in FACT_KINDS},
}


def format_table(report: dict[str, Any], markdown: bool = False) -> str:
    """A readable table: one row per metric (further keys as `metric.key` rows), one column per
    file plus overall; cells are `value (n)`, "-" where nothing was scored; rows scored nowhere
    are left out. `markdown` gives a Markdown table."""
    columns = [(name, data["metrics"]) for name, data in report["files"].items()]
    columns.append(("overall", report["overall"]))
    rows = [(f, k) for f in FIELDS for k in ("value", *_TABLE_KEYS.get(f, ()))]
    rows = [r for r in rows if any(m[r[0]].get(r[1]) is not None for _, m in columns)]
    header = ["metric", *[name for name, _ in columns]]
    articles = ["articles", *[str(d["articles"]) for d in report["files"].values()],
                str(sum(d["articles"] for d in report["files"].values()))]
    body = [[f if k == "value" else f"{f}.{k}", *[_cell(m[f], k) for _, m in columns]]
            for f, k in rows]
    table = [header, articles, *body]
    if markdown:
        lines = ["| " + " | ".join(row) + " |" for row in table]
        lines.insert(1, "|" + "|".join(["---", *["---:"] * (len(header) - 1)]) + "|")
        return "\n".join(lines)
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                       for i, cell in enumerate(row)) for row in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


# --------------------------------------------------------------------------- running


def predict(gold_path: Path, work_dir: Path, nlp: Any, limit: int | None = None,
            processes: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run the pipeline on a gold file (its first `limit` records) into `work_dir` and return
    its events and facts tables; ingest reads the fixture format itself."""
    from pipeline.run import run  # imported late: scoring saved tables needs no NLP

    run([str(gold_path)], work_dir, nlp=nlp, processes=processes, limit=limit)
    return load_tables(work_dir)


def evaluate_files(
    gold_paths: Sequence[str | Path],
    limit: int | None = None,
    predictions: str | Path | None = None,
    processes: int = 1,
    errors: list[dict] | None = None,
    progress: Any = None,
) -> dict[str, Any]:
    """Score each gold file (first `limit` records) against the tables in `predictions`, or
    against a fresh pipeline run on the file; returns the metrics report."""
    tallies: dict[str, Tally] = {}
    tables = load_tables(predictions) if predictions is not None else None
    nlp = None
    if tables is None:
        from pipeline.nlp import load_nlp

        nlp = load_nlp()
    for name, path in zip(file_names(gold_paths), map(Path, gold_paths)):
        records = read_gold(path, limit)
        if progress:
            progress(f"{name}: {len(records)} articles")
        file_errors: list[dict] | None = [] if errors is not None else None
        if tables is not None:
            events, facts = tables
            tallies[name] = score_file(records, events, facts, file_errors)
        else:
            with tempfile.TemporaryDirectory(prefix="newsevents-eval-") as tmp:
                events, facts = predict(path, Path(tmp), nlp, limit, processes)
                tallies[name] = score_file(records, events, facts, file_errors)
        if errors is not None and file_errors is not None:
            errors.extend({"file": name, **e} for e in file_errors)
    return build_report(tallies)


def write_json(obj: Any, path: str | Path) -> None:
    """Write an object as indented JSON (UTF-8)."""
    Path(path).write_text(json.dumps(obj, indent=2, ensure_ascii=False, default=str) + "\n",
                          encoding="utf-8")


def write_jsonl(rows: Iterable[dict], path: str | Path) -> int:
    """Write one JSON object per line; returns the number written."""
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            n += 1
    return n
