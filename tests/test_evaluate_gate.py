"""The `--min` gate (pipeline.evaluate.gate)."""

from __future__ import annotations

import pytest

from pipeline.evaluate.gate import GateError, check_minimums, parse_min, validate_minimums
from pipeline.evaluate.report import build_report
from pipeline.evaluate.tally import Tally


def test_parse_min() -> None:
    assert parse_min(" killed = 0.5 ") == ("killed", 0.5)
    with pytest.raises(GateError):
        parse_min("killed>0.5")


def test_validate_names_file_field_and_key() -> None:
    validate_minimums(["seed.events.recall=0.1", "date.dated=0.2"], ["seed"])
    with pytest.raises(GateError):
        validate_minimums(["seed.nothing=0.1"], ["seed"])


def test_unmeasured_and_low_metrics_fail() -> None:
    tally = Tally(events=[1, 1, 0])
    report = build_report({"seed": tally})
    assert check_minimums(report, ["events=0.5"]) == []
    failures = check_minimums(report, ["events.precision=0.9", "killed=0.1"])
    assert failures[0].startswith("events.precision = 0.5000 < 0.9")
    assert failures[1] == "killed: not measured (n=0), minimum 0.1"
