"""Reading gold records and predicted tables (pipeline.evaluate.gold). Records are invented."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app

from pipeline.evaluate.gold import GoldError, _clean, events_by_article, facts_by_article, load_tables, read_gold


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


# Every shape FORMAT.md allows: counts as intervals (high null = no bound) or whole numbers,
# dates as days or intervals with either end open, events absent or empty.
GOOD_EVENTS = [
    {"killed": {"low": 7, "high": 7}, "injured": {"low": 8, "high": None}, "arrested": None, "date": "2016-01-27"},
    {"killed": 3, "injured": 0, "date": {"low": "2022-01-05", "high": "2022-01-06"}},
    {"date": {"low": None, "high": "2022-01-06"}, "actors": [], "optional": True, "cluster": "c-1"},
    {},
]


def test_every_shape_of_the_format_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    lines = [{"id": "a", "events": GOOD_EVENTS}, {"id": "b", "events": []}, {"id": "c"}, {"id": "d", "events": None}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert [r["id"] for r in read_gold(path)] == ["a", "b", "c", "d"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x", "events": [', r"line 2: not JSON \(Expecting value at column 24\)"),
        ('["x"]', "line 2: not a JSON object"),
        ('{"events": []}', "line 2: id: missing, or not a string"),
        ('{"id": "a"}', "line 2: id: 'a' is also the id of line 1"),
        ('{"id": "x", "events": {"killed": 1}}', "line 2: events: not a list"),
        ('{"id": "x", "events": ["riot"]}', r"line 2: events\[0\]: not a JSON object"),
        ('{"id": "x", "events": [{}, {"killed": "many"}]}', r"line 2: events\[1\]\.killed: 'many' is no count"),
        ('{"id": "x", "events": [{"injured": -2}]}', r"line 2: events\[0\]\.injured: -2 is no count"),
        ('{"id": "x", "events": [{"arrested": {"high": 3}}]}', r"line 2: events\[0\]\.arrested: low None is no whole number"),
        ('{"id": "x", "events": [{"killed": {"low": 5, "high": 2}}]}', r"line 2: events\[0\]\.killed: high 2 is neither null nor"),
        ('{"id": "x", "events": [{"date": "yesterday"}]}', r"line 2: events\[0\]\.date: 'yesterday' is no ISO day"),
        ('{"id": "x", "events": [{"date": {"low": "2022-13-01"}}]}', r"line 2: events\[0\]\.date: '2022-13-01' is no ISO day"),
    ],
)
def test_a_line_out_of_the_format_is_named(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "events": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=rf"gold\.jsonl: {message}"):
        read_gold(path)


def test_evaluate_cli_names_a_broken_gold_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "events": [{"killed": "dozens"}]}\n', encoding="utf-8")
    (tmp_path / "run").mkdir()
    result = CliRunner().invoke(app, ["evaluate", str(path), "--predictions", str(tmp_path / "run")])
    assert result.exit_code == 2
    assert "gold.jsonl: line 1: events[0].killed: 'dozens' is no count" in result.output
    assert "Traceback" not in result.output
