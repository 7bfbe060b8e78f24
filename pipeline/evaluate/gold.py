"""Reading the inputs of scoring: gold records of a FORMAT.md file, and the predicted events
and facts tables of a run, as plain dicts grouped by article."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from itertools import islice
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.export import load_events, load_facts


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
