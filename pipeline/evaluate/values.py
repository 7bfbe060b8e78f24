"""Comparing single values of a gold and a predicted event: names, dates, counts, places."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Any

from pipeline.evaluate.gold import _clean
# One great-circle distance for merging and scoring; re-exported as pipeline.evaluate's name.
from pipeline.events.records import haversine_km as haversine_km

_ACCENTS = re.compile(r"[\u0300-\u036f]")
_NON_WORD = re.compile(r"[^\w]+")
# Administrative wrappers that say nothing about which place it is ("State of Mexico" = "Mexico").
_ADMIN_PREFIX = re.compile(r"^(?:the )?(?:state|department|province|region|county|city) of ")
_ADMIN_SUFFIX = re.compile(r" (?:state|department|province|county|parish|borough|governorate)$")


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
