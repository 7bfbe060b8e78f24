"""Fact-level scoring (gold with `facts`, the seed): precision and recall per fact kind."""

from __future__ import annotations

from typing import Any

from pipeline.evaluate.fields import _miss
from pipeline.evaluate.tally import Tally
from pipeline.evaluate.values import _to_date, _to_float, count_distance, haversine_km, normalise_name


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
