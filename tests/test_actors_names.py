"""Actor names: countries of words, templates filled, names cleaned, titles and groups."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.actors.lexicon import load_data
from pipeline.actors.names import (
    clean_name,
    country_of_word,
    fill_name,
    groups_in,
    has_phrase,
    modifier_country,
    title_before,
)

DATA = load_data()


@pytest.mark.parametrize("word,country", [
    ("Iraqi", "Iraq"), ("Kenya's", "Kenya"), ("Syrian", "Syria"), ("Dutch", "Netherlands"),
    ("Local", None), ("Monday", None),
])
def test_country_of_word(word: str, country: str | None) -> None:
    assert country_of_word(word, DATA) == country


def test_fill_name() -> None:
    assert fill_name("Police Forces of {country}", "Kenya") == "Police Forces of Kenya"
    assert fill_name("Military Forces of {country}", "United States") == "Military Forces of the United States"
    assert fill_name("Protesters ({country})", None) == "Protesters"
    assert fill_name("Police Forces of {country}", None) == "Police Forces"


def test_clean_name_and_phrases() -> None:
    assert clean_name("the  Liberation\nFront") == "Liberation Front"
    assert has_phrase(["the", "islamic", "state", "fighters"], ("islamic", "state"))
    assert not has_phrase(["islamic", "fighters"], ("islamic", "state"))
    assert groups_in(["boko", "haram"], DATA)
    assert not groups_in(["the", "village"], DATA)


def test_modifier_country_and_title(nlp: Language) -> None:
    doc = nlp("Police in Kenya arrested President Jane Doe.")
    assert modifier_country(doc[0], DATA) == "Kenya"
    person = next(e for e in doc.ents if e.label_ == "PERSON")
    title, _ = title_before(person, DATA)
    assert title is not None
