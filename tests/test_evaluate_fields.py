"""Metrics per field of one paired event (pipeline.evaluate.fields): hits, MAE and the order
of the error lines. Events are invented."""

from __future__ import annotations

from pipeline.evaluate.fields import _score_pair
from pipeline.evaluate.tally import Tally

GOLD = {
    "event_type": "Battles", "sub_event_type": "Armed clash", "date": "2022-01-10",
    "country": "KE", "admin1": "Nairobi County", "location": "Kibera",
    "latitude": -1.31, "longitude": 36.78, "killed": {"low": 2, "high": 2},
}  # fmt: skip
RIGHT = {
    "event_id": "e1", "event_type": "Battles", "sub_event_type": "Armed clash",
    "event_date": "2022-01-10", "iso2": "ke", "admin1": "Nairobi", "location": "Kibera",
    "latitude": -1.31, "longitude": 36.78, "killed_best": 2,
}  # fmt: skip


def test_a_right_pair_hits_every_field() -> None:
    tally, errors = Tally(), []
    _score_pair(tally, "a1", GOLD, RIGHT, errors, dated=True)
    assert errors == []
    assert all(right == n == 1 for right, n, _ in tally.acc.values())
    assert "date@dated" in tally.acc and tally.mae == {"killed": 0.0}
    assert tally.sub_types == [("Armed clash", "Armed clash")]


def test_misses_are_listed_in_field_order() -> None:
    wrong = {"event_id": "e2", "event_date": "2022-01-14", "killed_best": 5}
    tally, errors = Tally(), []
    _score_pair(tally, "a1", GOLD, wrong, errors)
    assert [e["field"] for e in errors] == [
        "killed", "date", "country", "admin1", "location_name", "location_25km",
        "event_type", "sub_event_type",
    ]  # fmt: skip
    assert tally.mae["killed"] == 3.0
    assert tally.acc["date_7d"] == [1, 1, 0] and tally.acc["date"] == [0, 1, 0]
    assert "date@dated" not in tally.acc
