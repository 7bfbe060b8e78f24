"""events.ledger: one row per report a merge joined, with its rule and signals; --split undoes."""

from __future__ import annotations

from event_builders import MALL, big_filler, ev, killed

from pipeline.events import merge_events
from pipeline.events.ledger import LEDGER_COLUMNS
from pipeline.events.rules import MergeRules
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


def test_the_claims_ledger_says_what_became_of_each_report_s_toll() -> None:
    import datetime as dt

    from pipeline.events.counts import combine
    from pipeline.events.ledger import CLAIM_COLUMNS, claim_rows
    from pipeline.schemas import ClaimRow

    day = dt.date(2023, 3, 5)
    first = ev("a", notes=MALL, persons="Orla Penhaligon", published=day, **killed(8, 8, 8))
    update = ev("b", notes=MALL, persons="Orla Penhaligon", published=day + dt.timedelta(days=1), **killed(12, 12, 12))
    leap = ev("c", notes=MALL, persons="Orla Penhaligon", published=day, **killed(400, 400, 400))
    event = combine([first, update, leap])  # as merging makes it, whatever joined them
    assert event.killed_best == 12
    rows = {r["report"]: r for r in claim_rows([first, update, leap], event, rules=MergeRules())}
    assert all(tuple(r) == CLAIM_COLUMNS and ClaimRow(**r) for r in rows.values())
    assert rows["b#1"]["role"] == "sets_best"  # the latest credible toll
    assert rows["a#1"]["role"] == "superseded"  # an earlier one
    assert rows["c#1"]["role"] == "outlier"  # a leap no other source comes near
    claims: list[dict] = []
    merge_events([first, update, *big_filler()], claims=claims)
    assert {(r["report"], r["role"]) for r in claims if r["outcome"] == "killed"} == {
        ("a#1", "superseded"), ("b#1", "sets_best")}
