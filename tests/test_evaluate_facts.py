"""Fact-level scoring (pipeline.evaluate.facts). Facts are invented."""

from __future__ import annotations

from pipeline.evaluate.facts import score_facts
from pipeline.evaluate.tally import Tally


def test_precision_and_recall_per_kind() -> None:
    gold = {
        "id": "a1",
        "facts": {
            "dates": ["2022-01-10", "2022-01-11"],
            "places": [{"name": "Kibera", "country": "KE"}],
            "event_types": ["Battles"],
        },
    }
    facts = [
        {"kind": "date", "date": "2022-01-10", "text": "Monday"},
        {"kind": "date", "date": "2022-01-09", "text": "Sunday"},
        {"kind": "place", "name": "kibera", "country_iso2": "KE", "text": "Kibera"},
        {"kind": "trigger", "event_type": "Riots"},
    ]
    tally, errors = Tally(), []
    score_facts(gold, facts, tally, errors)
    assert tally.facts == {
        "dates": [1, 2, 1, 2], "places": [1, 1, 1, 1], "event_types": [0, 1, 0, 1],
    }  # fmt: skip
    assert [e["field"] for e in errors] == [
        "facts_dates", "facts_dates", "facts_event_types", "facts_event_types",
    ]  # fmt: skip
