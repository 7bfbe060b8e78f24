"""The gazetteer's tables and lookups (the shipped data)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.geo.index import ADMIN1, COUNTRY
from pipeline.geo.tables import Gazetteer


@pytest.fixture(scope="module")
def gaz(nlp: Language) -> Gazetteer:
    return nlp.get_pipe("newsevents_places").resolver.gaz


def test_tables_are_read(gaz: Gazetteer) -> None:
    assert gaz.state_abbrev["calif"] == "CA"
    assert "Calif." in gaz.state_abbrev_raw
    assert gaz.state_names["ohio"] == "OH"
    assert gaz.country_alias["britain"] == "GB"
    assert gaz.demonyms["salvadoran"] == "SV"
    assert gaz.country_cues and all(hasattr(p, "search") for p, _, _ in gaz.country_cues)


def test_an_abbreviation_with_its_period_is_the_state(gaz: Gazetteer) -> None:
    (idx,) = gaz.lookup("colo", "Colo.")
    assert gaz.kind(idx) == ADMIN1 and gaz.index["a1"][idx] == "CO"


def test_a_demonym_is_never_a_place(gaz: Gazetteer) -> None:
    assert gaz.lookup("salvadoran", "Salvadoran") == ()


def test_a_country_alias_leads_its_ids(gaz: Gazetteer) -> None:
    ids = gaz.lookup("britain", "Britain")
    assert gaz.kind(ids[0]) == COUNTRY and gaz.index["cc"][ids[0]] == "GB"
    assert gaz.country_idx("GB") == ids[0]


def test_cheap_tests_before_lookup(gaz: Gazetteer) -> None:
    assert gaz.may_match("dayton") and not gaz.may_match("qqqx zzz")
    assert gaz.may_start("san") and not gaz.may_start("qqqx")


def test_word_division_needs_only_english_words(gaz: Gazetteer) -> None:
    rivers = [i for i in gaz.lookup("rivers") if gaz.foreign_division(i)]
    assert rivers and gaz.word_division(rivers[0], "rivers")
    borno = [i for i in gaz.lookup("borno") if gaz.foreign_division(i)]
    assert borno and not gaz.word_division(borno[0], "borno")
