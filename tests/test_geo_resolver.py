"""The resolver end to end on hand-built Docs: facts, fallbacks, a fresh state per Doc."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.geo.facts import entry_fields
from pipeline.geo.filters import main_state, surnames
from pipeline.geo.resolver import PlaceResolver
from pipeline.geo.state import DocState
from pipeline.schemas import PlaceFact


@pytest.fixture(scope="module")
def resolver(nlp: Language) -> PlaceResolver:
    return nlp.get_pipe("newsevents_places").resolver


def _doc(nlp: Language, words: list[str], ents: list[str] | None = None,
         title: str | None = None) -> Doc:
    spaces = [not (i + 1 < len(words) and words[i + 1] in ",.") for i in range(len(words))]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, ents=ents,
              sent_starts=[i == 0 for i in range(len(words))])
    doc._.title = title
    return doc


def test_facts_validate_and_point_into_the_text(nlp: Language, resolver: PlaceResolver) -> None:
    doc = _doc(nlp, ["Gunmen", "attacked", "a", "convoy", "near", "Kandahar", "."],
               ["O", "O", "O", "O", "O", "B-GPE", "O"])
    facts = resolver(doc)
    assert [(f["text"], f["country_iso2"]) for f in facts] == [("Kandahar", "AF")]
    fact = PlaceFact(article_id="a", **facts[0])
    assert doc.text[fact.char_start:fact.char_end] == "Kandahar"


def test_the_headline_places_a_story_whose_body_names_none(nlp: Language,
                                                          resolver: PlaceResolver) -> None:
    doc = _doc(nlp, ["A", "man", "was", "shot", "on", "Tuesday", "."],
               title="Man shot in Tuscaloosa")
    facts = resolver(doc)
    assert [(f["name"], f["role"], f["char_start"]) for f in facts] == [("Tuscaloosa", "event", 0)]


def test_the_outlet_home_is_the_last_resort(nlp: Language, resolver: PlaceResolver) -> None:
    doc = _doc(nlp, ["A", "man", "was", "shot", "on", "Tuesday", "."],
               title="Man shot on a porch - WXYZ - Dayton, OH")
    facts = resolver(doc)
    assert [(f["name"], f["feature"], f["role"]) for f in facts] == [("Ohio", "admin1", "report")]
    # The next Doc starts afresh: no outlet home carried over.
    assert resolver(_doc(nlp, ["A", "man", "was", "shot", "on", "Tuesday", "."])) == []


_CUED = ["A", "man", "was", "shot", "on", "Tuesday", ",", "WKRC", "reported", "."]
_PLAIN = ["O"] * len(_CUED)


@pytest.mark.parametrize(("words", "ents", "title", "expected"), [
    # Only a call sign places the story: the outlet's state says where in its country.
    (_CUED, _PLAIN, "Man shot on a porch - WXYZ - Dayton, OH", [("United States", "other"), ("Ohio", "report")]),
    # A national outlet's country adds nothing to the call sign's.
    (_CUED, _PLAIN, "Man shot on a porch - WXYZ - United States", [("United States", "other")]),
    # The text names the country ("across the United States"): a story of the whole country.
    (["Police", "across", "the", "United", "States", "said", "a", "man", "was", "shot", "."],
     ["O", "O", "O", "B-GPE", "I-GPE", "O", "O", "O", "O", "O", "O"],
     "Man shot on a porch - WXYZ - Dayton, OH", [("United States", "event")]),
    # A local story that names a federal office: the outlet's state.
    (["The", "U.S.", "Attorney", "'s", "Office", "charged", "a", "man", "."],
     ["O", "B-GPE", "O", "O", "O", "O", "O", "O", "O"],
     "Man shot on a porch - WXYZ - Dayton, OH", [("United States", "other"), ("Ohio", "report")]),
    # A state of the body is kept, the outlet's is not added.
    (["A", "man", "was", "shot", "in", "Kentucky", "."], ["O", "O", "O", "O", "O", "B-GPE", "O"],
     "Man shot on a porch - WXYZ - Dayton, OH", [("Kentucky", "event")]),
    # Another country than the outlet's: not placed in the outlet's state.
    (["A", "man", "was", "shot", "in", "France", "."], ["O", "O", "O", "O", "O", "B-GPE", "O"],
     "Man shot on a porch - WXYZ - Dayton, OH", [("France", "event")]),
])
def test_the_outlet_state_places_a_story_placed_in_its_country_only(
        nlp: Language, resolver: PlaceResolver, words: list[str], ents: list[str], title: str,
        expected: list[tuple[str, str]]) -> None:
    facts = resolver(_doc(nlp, words, ents, title))
    assert [(f["name"], f["role"]) for f in facts] == expected


def test_helpers(nlp: Language, resolver: PlaceResolver) -> None:
    from collections import Counter

    assert main_state(Counter()) == (None, 0.0)
    assert main_state(Counter({"OH": 3, "IN": 1})) == ("OH", 0.75)
    doc = _doc(nlp, ["they", "met", "Jane", "Dayton", "."], ["O", "O", "B-PERSON", "I-PERSON", "O"])
    assert surnames(doc, upper=False) == {"jane", "dayton"}
    assert surnames(doc, upper=True) == set()
    fields = entry_fields(resolver.gaz, resolver.gaz.country_idx("FR"))
    assert (fields["feature"], fields["country_iso3"], fields["geo_precision"]) == ("country", "FRA", 3)


def test_sentences_are_listed_once_per_state(nlp: Language) -> None:
    doc = Doc(nlp.vocab, words=["One", ".", "Two", "."], sent_starts=[True, False, True, False])
    st = DocState(doc=doc, text=doc.text, upper=False)
    assert st.sentence_text(doc[2:3]) == "Two ."
    assert st.event_sentence(doc[2:3], {"two"}) and not st.event_sentence(doc[0:1], {"two"})
