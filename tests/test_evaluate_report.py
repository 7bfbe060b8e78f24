"""The report and its readable table (pipeline.evaluate.report, pipeline.evaluate.tally)."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.evaluate.report import build_report, file_names, format_table, write_json, write_jsonl
from pipeline.evaluate.tally import Tally, metrics


def test_file_names_are_unique() -> None:
    assert file_names(["a/seed.jsonl", "b/seed.jsonl", "c/blind.json"]) == ["seed", "seed#2", "blind"]


def test_overall_adds_counts_before_dividing() -> None:
    one, two = Tally(events=[1, 0, 1], articles=1), Tally(events=[3, 1, 0], articles=2)
    report = build_report({"one": one, "two": two})
    assert report["overall"]["events"]["tp"] == 4
    assert report["overall"]["events"]["precision"] == 0.8
    assert metrics(Tally())["killed"]["value"] is None


def test_table_and_json(tmp_path: Path) -> None:
    report = build_report({"seed": Tally(events=[1, 0, 0], articles=1)})
    table = format_table(report)
    assert table.splitlines()[2].split() == ["articles", "1", "1"]
    assert "killed" not in table  # scored nowhere: left out
    assert format_table(report, markdown=True).startswith("| metric | seed | overall |")
    write_json(report, tmp_path / "r.json")
    assert json.loads((tmp_path / "r.json").read_text())["files"]["seed"]["articles"] == 1
    assert write_jsonl([{"a": 1}, {"b": 2}], tmp_path / "e.jsonl") == 2
