"""Metrics per field of one paired (gold, predicted) event, and the error lines of misses."""

from __future__ import annotations

from typing import Any

from pipeline.evaluate.names import _DATED, COUNT_FIELDS
from pipeline.evaluate.tally import Tally
from pipeline.evaluate.values import (
    _event_km,
    _same_country,
    _same_location,
    _to_date,
    _to_float,
    count_distance,
    date_distance,
    gold_interval,
    normalise_name,
    predicted_count,
)

# The distances (km) of the two location metrics; misses are listed against the first.
_NEAR_KM = 25.0
_REGION_KM = 161.0
# The tolerances (days) of the three date metrics.
_DATE_TOLERANCES = (("date", 0), ("date_1d", 1), ("date_7d", 7))


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


def _score_counts(tally: Tally, article_id: str, gold: dict, pred: dict,
                  errors: list[dict] | None) -> None:
    for outcome in COUNT_FIELDS:
        if gold.get(outcome) is None:
            continue
        best = predicted_count(pred, outcome)
        distance = count_distance(best, gold[outcome])
        tally.hit(outcome, distance == 0)
        tally.mae[outcome] = tally.mae.get(outcome, 0.0) + distance
        if distance:
            _miss(errors, article_id, outcome, gold[outcome], pred, pred.get(f"{outcome}_best"))


def _score_date(tally: Tally, article_id: str, gold: dict, pred: dict,
                errors: list[dict] | None, dated: bool) -> None:
    interval = gold_interval(gold.get("date"))
    if interval is None:
        return
    day = _to_date(pred.get("event_date"))
    distance = date_distance(day, interval) if day else None
    for name, tolerance in _DATE_TOLERANCES:
        tally.hit(name, distance is not None and distance <= tolerance)
        if dated:
            tally.hit(f"{name}{_DATED}", distance is not None and distance <= tolerance)
    if distance != 0:
        _miss(errors, article_id, "date", gold.get("date"), pred, pred.get("event_date"))


def _score_names(tally: Tally, article_id: str, gold: dict, pred: dict,
                 errors: list[dict] | None) -> None:
    # Country, admin1 and location name, in the order of the error lines.
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


def _score_coordinates(tally: Tally, article_id: str, gold: dict, pred: dict,
                       errors: list[dict] | None) -> None:
    if _to_float(gold.get("latitude")) is None or _to_float(gold.get("longitude")) is None:
        return
    km = _event_km(gold, pred)
    for name, limit in (("location_25km", _NEAR_KM), ("location_161km", _REGION_KM)):
        tally.hit(name, km is not None and km <= limit)
    if km is None or km > _NEAR_KM:
        _miss(errors, article_id, "location_25km",
              {"location": gold.get("location"), "latitude": gold["latitude"],
               "longitude": gold["longitude"]}, pred,
              {"location": pred.get("location"), "latitude": pred.get("latitude"),
               "longitude": pred.get("longitude"),
               "km": None if km is None else round(km, 1)})


def _score_types(tally: Tally, article_id: str, gold: dict, pred: dict,
                 errors: list[dict] | None) -> None:
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


def _score_pair(tally: Tally, article_id: str, gold: dict, pred: dict,
                errors: list[dict] | None, dated: bool = False) -> None:
    """Score every annotated field of a paired gold event into `tally`; `dated`: the article
    has a publication date (the `dated` keys of the date metrics)."""
    _score_counts(tally, article_id, gold, pred, errors)
    _score_date(tally, article_id, gold, pred, errors, dated)
    _score_names(tally, article_id, gold, pred, errors)
    _score_coordinates(tally, article_id, gold, pred, errors)
    _score_types(tally, article_id, gold, pred, errors)
