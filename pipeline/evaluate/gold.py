"""Reading the inputs of scoring: gold records of a FORMAT.md file, and the predicted events
and facts tables of a run, as plain dicts grouped by article."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import defaultdict
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.export import load_events, load_facts, numbered_lines
from pipeline.resources import read_rows


class GoldError(ValueError):
    """A gold file that is not in the FORMAT.md format: the message names the file, the line
    and the field."""


_COUNT_FIELDS = ("killed", "injured", "arrested")
# A day is read from the first ten characters of a date ("2022-01-05T10:00:00" is 2022-01-05).
_DAY_CHARS = 10
# The lists of the fact-level gold whose items are objects the scorer reads.
_FACT_OBJECTS = ("casualties", "places", "actors")


# The gold event fields that are text or null (FORMAT.md), and the coordinates with their bound.
_TEXT_FIELDS = ("country", "admin1", "location")
_COORDINATES = {"latitude": 90, "longitude": 180}
# The names of a fact-level gold place (FORMAT.md, "Fact-level gold"): text or null.
_FACT_PLACE_TEXT = ("name", "country", "admin1", "also_known_as")


def _whole(value: Any) -> bool:
    """A whole number of 0 or more, written as an integer or an integral float (24.0: what a
    table library writes for a column with nulls)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return value >= 0 and float(value).is_integer()


def _count_problem(value: Any) -> str | None:
    """What is wrong with a gold count (null, a whole number, or {low, high} with `high` null
    for no upper bound), or None."""
    if value is None or _whole(value):
        return None
    if not isinstance(value, dict):
        return f"{value!r} is no count: a whole number, or {{\"low\": N, \"high\": M or null}}"
    low, high = value.get("low"), value.get("high")
    if not _whole(low):
        return f"low {low!r} is no whole number of 0 or more (a count is {{\"low\": N, \"high\": M or null}})"
    if high is not None and not (_whole(high) and high >= low):
        return f"high {high!r} is neither null nor a whole number of {low:g} or more"
    return None


def _count(value: Any) -> Any:
    """A valid gold count as the scorer reads it: {low, high} of ints (a whole number N is
    {N, N}); null stays null."""
    if value is None:
        return None
    if not isinstance(value, dict):
        return {"low": int(value), "high": int(value)}
    high = value.get("high")
    return {**value, "low": int(value["low"]), "high": None if high is None else int(high)}


def _day(value: Any) -> dt.date | None:
    """The ISO day a gold date string starts with; ValueError when it starts with none."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(value)
    return dt.date.fromisoformat(value.strip()[:_DAY_CHARS])


def _day_problem(value: Any) -> str | None:
    """What is wrong with a gold date (null, an ISO day, or {low, high} of ISO days or null,
    low not after high), or None."""
    days = [value.get("low"), value.get("high")] if isinstance(value, dict) else [value]
    read = []
    for day in days:
        try:
            read.append(_day(day))
        except ValueError:
            return f"{day!r} is no ISO day (YYYY-MM-DD)"
    if len(read) == 2 and read[0] is not None and read[1] is not None and read[0] > read[1]:
        return f"low {days[0]!r} is after high {days[1]!r}"
    return None


def _event_problem(event: Any) -> str | None:
    """What makes one gold event no event of FORMAT.md (its first problem), or None."""
    if not isinstance(event, dict):
        return "not a JSON object"
    for name in _COUNT_FIELDS:
        if (problem := _count_problem(event.get(name))) is not None:
            return f".{name}: {problem}"
    if (problem := _day_problem(event.get("date"))) is not None:
        return f".date: {problem}"
    if event.get("optional") is not None and not isinstance(event["optional"], bool):
        return f".optional: {event['optional']!r} is neither true nor false"
    return _place_problem(event) or _type_problem(event.get("event_type"), event.get("sub_event_type"))


def _place_problem(event: dict) -> str | None:
    """What is wrong with a gold event's place, actors or cluster (FORMAT.md: names are text,
    coordinates numbers on the globe, actors a list of names, a cluster text or a whole
    number; each may be null), or None: a country of 42 was scored as a miss without a word."""
    for name in _TEXT_FIELDS:
        if event.get(name) is not None and not isinstance(event[name], str):
            return f".{name}: {event[name]!r} is no text"
    for name, bound in _COORDINATES.items():
        value = event.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                  or not -bound <= value <= bound):
            return f".{name}: {value!r} is no number from -{bound} to {bound}"
    actors = event.get("actors")
    if actors is not None and not (isinstance(actors, list) and all(isinstance(a, str) for a in actors)):
        return f".actors: {actors!r} is no list of names"
    cluster = event.get("cluster")
    if cluster is not None and (isinstance(cluster, bool) or not isinstance(cluster, (str, int))):
        return f".cluster: {cluster!r} is neither text nor a whole number"
    return None


@lru_cache(maxsize=1)
def _acled_types() -> dict[str, frozenset[str]]:
    """Each ACLED event type with its sub-event types (`models/evaluate/acled_types.tsv`)."""
    types: dict[str, set[str]] = {}
    for event_type, sub_event_type in read_rows("evaluate/acled_types.tsv"):
        types.setdefault(event_type, set()).add(sub_event_type)
    return {k: frozenset(v) for k, v in types.items()}


def _type_problem(event_type: Any, sub_event_type: Any) -> str | None:
    """What is wrong with a gold event's ACLED type and sub-event type (each null or one of the
    codebook's, the sub-event type one of its type's), or None."""
    types = _acled_types()
    if event_type is not None and event_type not in types:
        return f".event_type: {event_type!r} is none of {', '.join(types)}"
    if sub_event_type is None:
        return None
    allowed = types[event_type] if event_type is not None else frozenset().union(*types.values())
    if sub_event_type not in allowed:
        return f".sub_event_type: {sub_event_type!r} is no sub-event type of {event_type or 'any event type'}"
    return None


def _facts_problem(facts: Any) -> str | None:
    """What makes a record's fact-level gold (`facts`) out of the format, or None: an object
    whose lists of casualties, places and actors hold objects, each casualty's `count` a count
    (its other keys, notes and lists of names, are free)."""
    if not isinstance(facts, dict):
        return "facts: not a JSON object"
    for kind in _FACT_OBJECTS:
        items = facts.get(kind)
        if items is None:
            continue
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            return f"facts.{kind}: not a list of JSON objects"
    for n, item in enumerate(facts.get("casualties") or []):
        if (problem := _count_problem(item.get("count"))) is not None:
            return f"facts.casualties[{n}].count: {problem}"
    for kind, check in (("places", _fact_place_problem), ("actors", _fact_actor_problem)):
        for n, item in enumerate(facts.get(kind) or []):
            if (problem := check(item)) is not None:
                return f"facts.{kind}[{n}]{problem}"
    return _fact_dates_problem(facts.get("dates"))


def _fact_place_problem(place: dict) -> str | None:
    """What is wrong with a fact-level gold place (its names text, its coordinates numbers on
    the globe, each may be null), or None: a name of 42 would never match and score a miss."""
    for name in _FACT_PLACE_TEXT:
        if place.get(name) is not None and not isinstance(place[name], str):
            return f".{name}: {place[name]!r} is no text"
    return _place_problem({k: place.get(k) for k in _COORDINATES})


def _fact_actor_problem(actor: dict) -> str | None:
    """What is wrong with a fact-level gold actor (a name and a type that are text, mentions a
    list of text; each may be null), or None."""
    for name in ("name", "type"):
        if actor.get(name) is not None and not isinstance(actor[name], str):
            return f".{name}: {actor[name]!r} is no text"
    mentions = actor.get("mentions")
    if mentions is not None and not (isinstance(mentions, list) and all(isinstance(m, str) for m in mentions)):
        return f".mentions: {mentions!r} is no list of text"
    return None


def _fact_dates_problem(dates: Any) -> str | None:
    """What is wrong with the fact-level gold days (null, or a list of ISO days), or None."""
    if dates is None:
        return None
    if not isinstance(dates, list):
        return f"facts.dates: {dates!r} is no list of ISO days"
    for n, day in enumerate(dates):
        if not isinstance(day, str) or _day_problem(day) is not None:
            return f"facts.dates[{n}]: {day!r} is no ISO day (YYYY-MM-DD)"
    return None


def _record_problem(record: Any) -> str | None:
    """What makes one parsed line no gold record of FORMAT.md (its first problem), or None."""
    if not isinstance(record, dict):
        return "not a JSON object"
    if not isinstance(record.get("id"), str) or not record["id"]:
        return "id: missing, or not a string"
    events = record.get("events")
    if events is not None and not isinstance(events, list):
        return "events: not a list"
    for n, event in enumerate(events or []):
        if (problem := _event_problem(event)) is not None:
            return f"events[{n}]{problem if problem.startswith('.') else ': ' + problem}"
    if record.get("facts") is not None:
        return _facts_problem(record["facts"])
    return None


def _normalised(record: dict) -> dict:
    """A valid record with its counts as the scorer reads them (`_count`)."""
    for event in record.get("events") or []:
        for name in _COUNT_FIELDS:
            if name in event:
                event[name] = _count(event[name])
    for item in (record.get("facts") or {}).get("casualties") or []:
        if "count" in item:
            item["count"] = _count(item["count"])
    return record


def read_gold(path: str | Path, limit: int | None = None) -> list[dict]:
    """The gold records of a FORMAT.md file, in file order; the first `limit` when given. A
    line that is no gold record (no JSON object, no id, an id met before, a count or a date
    out of the format) raises GoldError naming the file, the line and the field. A count
    written as a whole number N is read as {"low": N, "high": N}."""
    records: list[dict] = []
    seen: dict[str, int] = {}
    lines = ((number, line) for number, line in numbered_lines(path, GoldError) if line.strip())
    for number, line in islice(lines, limit):
        try:
            record = json.loads(line.strip())
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}: line {number}: not JSON ({exc.msg} at column {exc.colno})") from None
        problem = _record_problem(record)
        if problem is None and record["id"] in seen:
            problem = f"id: {record['id']!r} is also the id of line {seen[record['id']]}"
        if problem is not None:
            raise GoldError(f"{path}: line {number}: {problem}")
        seen[record["id"]] = number
        records.append(_normalised(record))
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
