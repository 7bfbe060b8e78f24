"""Pairing predicted events with gold events (pipeline.evaluate.matching) and the values they
are compared on (pipeline.evaluate.values)."""

from __future__ import annotations

from pipeline.evaluate.matching import _assign_exact, _assign_greedy, pair_events, pair_score
from pipeline.evaluate.values import count_distance, normalise_name, predicted_count


def test_pair_score_weights() -> None:
    gold = {"event_type": "Riots", "sub_event_type": "Mob violence", "date": "2022-01-10"}
    pred = {"event_type": "Riots", "sub_event_type": "Mob violence", "event_date": "2022-01-15"}
    assert pair_score(gold, pred) == 2.0 + 1.0 + 0.5 + 0.01


def test_exact_and_greedy_assignment() -> None:
    scores = [[1.0, 3.0], [2.0, 2.9]]
    assert sorted(_assign_exact(scores)) == [(0, 1), (1, 0)]
    assert sorted(_assign_greedy(scores)) == [(0, 1), (1, 0)]


def test_more_gold_than_predictions() -> None:
    golds = [{"event_type": "Riots"}, {"event_type": "Battles"}]
    assert pair_events(golds, [{"event_type": "Battles"}]) == [(1, 0)]


def test_values() -> None:
    assert normalise_name("State of México") == "mexico"
    assert count_distance(5, {"low": 2, "high": None}) == 0.0
    assert count_distance(1, {"low": 2, "high": 3}) == 1.0
    assert predicted_count({"killed_best": None}, "killed") == 0.0
