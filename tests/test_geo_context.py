"""Context on hand-built Docs: datelines, appositions, cues, counts of places named."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.geo.candidates import candidates
from pipeline.geo.context import context
from pipeline.geo.resolver import PlaceResolver
from pipeline.geo.state import DocState, Mention


@pytest.fixture(scope="module")
def resolver(nlp: Language) -> PlaceResolver:
    return nlp.get_pipe("newsevents_places").resolver


def _read(nlp: Language, resolver: PlaceResolver, words: list[str],
          ents: list[str] | None = None) -> tuple[DocState, list[Mention]]:
    spaces = [not (i + 1 < len(words) and words[i + 1] in ",.") for i in range(len(words))]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, ents=ents)
    st = DocState(doc=doc, text=doc.text, upper=False)
    mentions = candidates(resolver.gaz, resolver.cues, doc, False, doc.text)
    context(resolver.gaz, resolver.cues, st, mentions)
    return st, mentions


def test_an_apposition_qualifies_the_town(nlp: Language, resolver: PlaceResolver) -> None:
    st, mentions = _read(nlp, resolver, ["shots", "rang", "out", "in", "Springfield", ",",
                                         "Ill.", ",", "on", "Monday", "."])
    town = next(m for m in mentions if m.text == "Springfield")
    assert (town.a1, town.cc, town.cue) == ("IL", "US", True)
    assert st.states["IL"] >= 2 and st.countries["US"] >= 1


def test_a_dateline_reports_and_its_region_counts(nlp: Language,
                                                 resolver: PlaceResolver) -> None:
    st, mentions = _read(nlp, resolver, ["DAYTON", ",", "Ohio", "(", "AP", ")", "-", "A",
                                         "fire", "broke", "out", "."])
    dayton = next(m for m in mentions if m.text == "DAYTON")
    assert (dayton.role, dayton.a1, dayton.cc) == ("report", "OH", "US")
    assert st.states["OH"] >= 3


def test_origin_and_division_cues(nlp: Language, resolver: PlaceResolver) -> None:
    _, mentions = _read(nlp, resolver, ["a", "Kabul", "-", "based", "analyst", "spoke", "of",
                                        "Borno", "state", "."])
    by_text = {m.text: m for m in mentions}
    assert by_text["Kabul"].origin
    assert by_text["Borno"].division and by_text["Borno"].cue


def test_countries_and_demonyms_named(nlp: Language, resolver: PlaceResolver) -> None:
    st, _ = _read(nlp, resolver, ["Salvadoran", "troops", "crossed", "into", "Honduras", "."],
                  ["B-NORP", "O", "O", "O", "B-GPE", "O"])
    assert st.countries["HN"] == 2 and st.countries["SV"] == 1


def test_a_block_address_is_a_street(nlp: Language, resolver: PlaceResolver) -> None:
    _, mentions = _read(nlp, resolver, ["the", "3400", "block", "of", "N.", "Dayton", "."])
    assert all(m.street for m in mentions if m.text == "Dayton")
