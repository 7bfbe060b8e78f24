"""The word lists of `models/dates/`: read through `pipeline.resources` with the entries the
old private reader gave, and from another root when one is given."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline import resources
from pipeline.dates.lexicon import load_lexicon

NAMES = ("aftermath_words.txt", "future_words.txt", "incident_words.txt", "life_words.txt",
         "modifiers.txt", "not_event.txt", "report_words.txt")  # fmt: skip


def _old_reader(path: Path) -> list[str]:
    # The reader dates.py had before the data moved to pipeline.resources.
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@pytest.mark.parametrize("name", NAMES)
def test_resources_give_the_entries_of_the_old_reader(name: str) -> None:
    path = resources.data_path(f"dates/{name}")
    assert list(resources.read_lines(f"dates/{name}")) == _old_reader(path)


def test_lexicon_sets_and_patterns() -> None:
    lex = load_lexicon()
    assert lex is load_lexicon(None)  # read once
    assert "say" in lex.report_words and "shoot" in lex.incident_words
    assert not lex.aftermath_words & lex.incident_words
    assert lex.known_words == lex.report_words | lex.incident_words | lex.aftermath_words
    assert lex.modifiers.search("early monday") is not None


def test_lexicon_from_another_root(tmp_path: Path) -> None:
    shutil.copytree(resources.data_path("dates"), tmp_path / "dates")
    (tmp_path / "dates" / "life_words.txt").write_text("# a comment\n\n  graduate \n")
    lex = load_lexicon(tmp_path)
    assert lex.life_words == frozenset({"graduate"})
    assert lex.report_words == load_lexicon().report_words
