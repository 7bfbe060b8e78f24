"""Context cues: qualifiers, US cues, outlet signatures, country cues."""

from __future__ import annotations

from collections import Counter

import pytest
from spacy.language import Language

from pipeline.geo.cues import (MAX_CUE_WEIGHT, Cues, count_country_cues, country_cues,
                               outlet_home, qualifier, us_cues)
from pipeline.geo.tables import Gazetteer


@pytest.fixture(scope="module")
def gaz(nlp: Language) -> Gazetteer:
    return nlp.get_pipe("newsevents_places").resolver.gaz


@pytest.fixture(scope="module")
def cues(nlp: Language) -> Cues:
    return nlp.get_pipe("newsevents_places").resolver.cues


@pytest.mark.parametrize("text, expected", [("Ill.", ("IL", "US")), ("Maine", ("ME", "US")),
                                            ("OH", ("OH", "US")), ("Kazakhstan", (None, "KZ")),
                                            ("Elm", (None, None))])
def test_qualifier(gaz: Gazetteer, cues: Cues, text: str, expected: tuple) -> None:
    assert qualifier(gaz, cues, text) == expected


def test_qual_pattern_reads_an_apposition(cues: Cues) -> None:
    text = "Springfield, Ill., police said"
    m = cues.qual.match(text, len("Springfield"))
    assert m is not None and m.group("q") == "Ill."


def test_us_cues_count_abbreviations_and_web_addresses(gaz: Gazetteer, cues: Cues) -> None:
    countries, states = Counter(), Counter()
    us_cues(gaz, cues, "a man from a town, Tenn., said so; more at nbcmontana.com", countries,
            states)
    assert states == Counter({"TN": 1, "MT": 1}) and countries == Counter({"US": 2})


def test_call_sign_is_a_us_cue_but_not_in_capitals(gaz: Gazetteer) -> None:
    hits = country_cues(gaz, "Reporters for WQXZ said the road was closed.", upper=False)
    assert ("US", 14, 18, MAX_CUE_WEIGHT) in hits
    assert country_cues(gaz, "REPORTERS FOR WQXZ SAID SO.", upper=True) == []


def test_country_cue_weights_are_capped(gaz: Gazetteer) -> None:
    countries: Counter = Counter()
    count_country_cues([("US", 0, 4, 2), ("US", 9, 12, 1), ("GB", 20, 24, 0)], countries)
    assert countries == Counter({"US": MAX_CUE_WEIGHT})


def test_outlet_home_from_a_signature(gaz: Gazetteer, cues: Cues) -> None:
    countries: Counter = Counter()
    assert outlet_home(gaz, cues, ["WXYZ News", "Dayton, OH"], countries) == ("OH", "US")
    assert countries == Counter({"US": 2})
    assert outlet_home(gaz, cues, ["WXYZ 3 Connecticut"], Counter()) == ("CT", "US")
    assert outlet_home(gaz, cues, ["The Post"], Counter()) is None
