"""events.rules: the merge rules' numbers in one frozen dataclass, passed by keyword; the
events package loads no spaCy."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from event_builders import ev, killed
from pipeline.events import MergeRules, merge_events, reconcile_counts

ROOT = Path(__file__).resolve().parent.parent


def test_the_default_rules_hold_the_tuned_values() -> None:
    rules = MergeRules()
    assert (rules.merge_days, rules.merge_days_precise, rules.follow_up_close_days) == (2, 1, 3)
    assert (rules.merge_km, rules.loose_km, rules.county_km) == (25.0, 60.0, 150.0)
    assert rules.text_min == 1.15 and rules.text_over_place == 2 * 1.15
    assert rules.text_over_dates == 1.5 * rules.text_over_place
    assert (rules.keyword_min, rules.follow_up_text_min, rules.person_weight) == (0.5, 2.0, 3.0)
    assert (rules.follow_up_days, rules.text_days, rules.max_interval_days) == (183, 14, 31)
    assert (rules.anchor_name_min, rules.same_town_km) == (2.0, 5.0)
    assert (rules.crowd_max, rules.age_slack, rules.max_evidence) == (3, 1, 3)
    assert (rules.credible_factor, rules.credible_slack) == (2, 2)
    assert rules.day_reach == 3


def test_rules_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        MergeRules().merge_km = 50.0  # type: ignore[misc]


def test_other_rules_change_what_merges() -> None:
    # Two reports 30 km apart: apart by default, near within a wider radius.
    a, b = ev("a"), ev("b", location="Farton", latitude=10.27, longitude=7.0)
    assert len(merge_events([a, b])) == 2
    assert len(merge_events([a, b], rules=MergeRules(merge_km=40.0))) == 2  # two towns: corroboration
    assert len(merge_events([a, b], rules=MergeRules(merge_km=40.0, same_town_km=40.0))) == 1
    # Two days apart, both known to the day.
    later = ev("b", "2023-03-06", date_basis="published")
    assert len(merge_events([a, later])) == 2
    assert len(merge_events([a, later], rules=MergeRules(merge_days_precise=2))) == 1


def test_other_rules_change_what_is_credible() -> None:
    reports = [ev("a", **killed(1, 1, 1)), ev("b", **killed(14, 14, 14))]
    assert reconcile_counts(reports)["killed_best"] == 1
    assert reconcile_counts(reports, rules=MergeRules(credible_factor=20))["killed_best"] == 14


def test_the_events_package_loads_no_spacy() -> None:
    code = "import pipeline.events, sys; assert 'spacy' not in sys.modules"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
