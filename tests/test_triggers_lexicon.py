"""The trigger lexicon: generated inflections, pattern expansion, and the data files read
through pipeline.resources."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import resources
from pipeline.triggers.lexicon import (
    Outcome,
    fixed_forms,
    inflect,
    load_data,
    read_irregular,
    read_outcomes,
    required_forms,
    slot_specs,
)

IRREGULAR = {"take": ["took", "taken"]}


@pytest.mark.parametrize("lemma,present,absent", [
    ("stab", {"stab", "stabs", "stabbed", "stabbing"}, set()),
    ("bury", {"buries", "buried"}, set()),
    ("storm", {"storms", "stormed", "storming"}, {"stormmed"}),
    ("take", {"took", "taken", "takes"}, set()),
    ("tear gas", {"tear gas"}, {"tear gases"}),  # not a plain word: taken as written
])
def test_inflect(lemma: str, present: set[str], absent: set[str]) -> None:
    forms = set(inflect(lemma, IRREGULAR))
    assert present <= forms
    assert not absent & forms


def test_fixed_forms_expand_alternatives_and_hyphens() -> None:
    assert ["set", "ablaze"] in fixed_forms("set ablaze", IRREGULAR)
    assert ["took", "control"] in fixed_forms("take|seize control", IRREGULAR)
    assert ["cease", "-", "fire"] in fixed_forms("cease-fire", IRREGULAR)
    assert fixed_forms("=clashes|=clashed", IRREGULAR) == [["clashed"], ["clashes"]]


@pytest.mark.parametrize("pattern", ["set * ablaze", "take ?full control"])
def test_gaps_and_optional_slots_go_to_the_token_matcher(pattern: str) -> None:
    assert fixed_forms(pattern, IRREGULAR) is None


def test_slot_specs_and_required_forms() -> None:
    assert slot_specs("*", IRREGULAR) == [{"IS_SENT_START": False, "OP": "{0,3}"}]
    optional = slot_specs("?full", IRREGULAR)
    assert optional[0]["OP"] == "?" and "full" in optional[0]["LOWER"]["IN"]
    assert [s.get("ORTH") for s in slot_specs("cease-fire", IRREGULAR)] == [None, "-", None]
    # Gaps and optional slots are not required; hyphenated words by their last part.
    assert required_forms("take * ?full control", IRREGULAR) == [sorted(inflect("take", IRREGULAR)),
                                                                 sorted(inflect("control", IRREGULAR))]


def test_read_outcomes_syntax(tmp_path: Path) -> None:
    (tmp_path / "triggers").mkdir()
    (tmp_path / "triggers" / "refinements.tsv").write_text(
        "# comment\nkeep\t=\t=\t=\n\nraise\triots\t=\t>=7\nset\t=\tmob_violence\t4\n", encoding="utf-8")
    assert read_outcomes(tmp_path) == {
        "keep": Outcome(None, None, None),
        "raise": Outcome("riots", None, 7, at_least=True),
        "set": Outcome(None, "mob_violence", 4),
    }


def test_shipped_lexicon_loads() -> None:
    data, patterns, phrases = load_data()
    assert len(data.entries) == len(patterns) + len(phrases)
    assert len(data.gapped_required) == len(patterns)
    assert "keep" in data.outcomes and "protester" in data.cues and "_about" not in data.cues
    assert read_irregular()["take"][0] == "took"
    assert resources.data_path("triggers/refinements.tsv").is_file()
