"""Reading gold records and predicted tables (pipeline.evaluate.gold). Records are invented."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from pipeline.evaluate.gold import _clean, events_by_article, facts_by_article, load_tables, read_gold


def test_read_gold_skips_blank_lines_and_limits(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a"}\n\n{"id": "b"}\n{"id": "c"}\n', encoding="utf-8")
    assert [r["id"] for r in read_gold(path)] == ["a", "b", "c"]
    assert [r["id"] for r in read_gold(path, limit=2)] == ["a", "b"]


def test_missing_cells_become_none() -> None:
    assert [_clean(v) for v in (math.nan, pd.NA, pd.NaT, " ", None)] == [None] * 5
    assert _clean(pd.Timestamp("2022-01-10")) == "2022-01-10"


def test_events_and_facts_grouped_by_article() -> None:
    events = pd.DataFrame([{"event_id": "e1", "article_ids": "a; b"}, {"event_id": "e2", "article_ids": ""}])
    assert {k: [e["event_id"] for e in v] for k, v in events_by_article(events).items()} == {
        "a": ["e1"], "b": ["e1"],
    }  # fmt: skip
    facts = pd.DataFrame([{"article_id": "a", "kind": "date"}, {"article_id": None, "kind": "place"}])
    assert list(facts_by_article(facts)) == ["a"]


def test_absent_tables_are_empty(tmp_path: Path) -> None:
    events, facts = load_tables(tmp_path)
    assert events.empty and facts.empty
