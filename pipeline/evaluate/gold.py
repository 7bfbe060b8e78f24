"""Reading the inputs of scoring: gold records of a FORMAT.md file, and the predicted events
and facts tables of a run, as plain dicts grouped by article."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import defaultdict
from itertools import islice
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.export import load_events, load_facts


class GoldError(ValueError):
    """A gold file that is not in the FORMAT.md format: the message names the file, the line
    and the field."""


_COUNT_FIELDS = ("killed", "injured", "arrested")


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _count_problem(value: Any) -> str | None:
    """What is wrong with a gold count (null, a whole number, or {low, high} with `high` null
    for no upper bound), or None."""
    if value is None or _whole(value):
        return None
    if not isinstance(value, dict):
        return f"{value!r} is no count: a whole number, or {{\"low\": N, \"high\": M or null}}"
    low, high = value.get("low"), value.get("high")
    if not _whole(low):
        return f"low {low!r} is no whole number of 0 or more"
    if high is not None and not (_whole(high) and high >= low):
        return f"high {high!r} is neither null nor a whole number of {low} or more"
    return None


def _day_problem(value: Any) -> str | None:
    """What is wrong with a gold date (null, an ISO day, or {low, high} of ISO days or null),
    or None."""
    days = [value.get("low"), value.get("high")] if isinstance(value, dict) else [value]
    for day in days:
        if day is None:
            continue
        try:
            dt.date.fromisoformat(day)
        except (TypeError, ValueError):
            return f"{day!r} is no ISO day (YYYY-MM-DD)"
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
        if not isinstance(event, dict):
            return f"events[{n}]: not a JSON object"
        for name in _COUNT_FIELDS:
            if (problem := _count_problem(event.get(name))) is not None:
                return f"events[{n}].{name}: {problem}"
        if (problem := _day_problem(event.get("date"))) is not None:
            return f"events[{n}].date: {problem}"
    return None


def read_gold(path: str | Path, limit: int | None = None) -> list[dict]:
    """The gold records of a FORMAT.md file, in file order; the first `limit` when given. A
    line that is no gold record (no JSON object, no id, an id met before, a count or a date
    out of the format) raises GoldError naming the file, the line and the field."""
    records: list[dict] = []
    seen: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        lines = ((number, line) for number, line in enumerate(fh, 1) if line.strip())
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
            records.append(record)
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
