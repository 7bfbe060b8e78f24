"""events.ledger: one row per report a merge joined, with its rule and signals; --split undoes."""

from __future__ import annotations

from event_builders import MALL, big_filler, ev, killed

from pipeline.events import merge_events
from pipeline.events.ledger import LEDGER_COLUMNS
from pipeline.schemas import MergeRow


def _two_reports() -> list:
    a = ev("a", notes=MALL, persons="Orla Penhaligon", **killed(2, 2, 2))
    b = ev("b", notes="Harbourview mall cinema gunman named", persons="Orla Penhaligon", **killed(2, 2, 2))
    return [a, b, *big_filler()]


def test_a_merge_leaves_one_row_naming_its_rule_and_signals() -> None:
    ledger: list[dict] = []
    merged = [e for e in merge_events(_two_reports(), ledger=ledger) if e.n_sources > 1]
    assert [e.article_ids for e in merged] == ["a;b"]
    (row,) = [r for r in ledger if r["event_id"] == merged[0].event_id]
    assert tuple(row) == LEDGER_COLUMNS
    MergeRow(**row)  # a valid row of the merges table
    assert {row["report"], row["joined_to"]} == {"a#1", "b#1"}
    assert row["decision"] == "merged" and row["rule"]
    assert row["days_apart"] == 0 and row["place"] == "near" and row["km"] == 0.0
    assert row["killed"] == row["killed_other"] == 2
    assert "orla penhaligon" in (row["shared_words"] or "") and row["text_weight"] > 0


def test_no_row_for_reports_left_apart() -> None:
    ledger: list[dict] = []
    far = ev("b", "2023-06-04", notes="Harbour fire kills two", **killed(2, 2, 2))
    merge_events([ev("a", notes=MALL, **killed(2, 2, 2)), far, *big_filler()], ledger=ledger)
    assert not [r for r in ledger if {r["report"], r["joined_to"]} == {"a#1", "b#1"}]


def test_split_keeps_a_merged_event_as_its_reports() -> None:
    merged = [e for e in merge_events(_two_reports()) if e.n_sources > 1]
    ledger: list[dict] = []
    events = merge_events(_two_reports(), ledger=ledger, split=frozenset({merged[0].event_id}))
    assert not [e for e in events if e.n_sources > 1]
    assert {"a#1", "b#1"} <= {e.event_id for e in events}
    assert [r["decision"] for r in ledger if r["event_id"] == merged[0].event_id] == ["split"]
