"""Candidate mentions on hand-built Docs (words and NER labels given, no model run)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.geo.candidates import at_crossing, candidates, capitalised, person_like, street_after
from pipeline.geo.resolver import PlaceResolver


@pytest.fixture(scope="module")
def resolver(nlp: Language) -> PlaceResolver:
    return nlp.get_pipe("newsevents_places").resolver


def _doc(nlp: Language, words: list[str], ents: list[str] | None = None) -> Doc:
    spaces = [not (i + 1 < len(words) and words[i + 1] in ",.") for i in range(len(words))]
    return Doc(nlp.vocab, words=words, spaces=spaces, ents=ents)


def _found(resolver: PlaceResolver, doc: Doc, upper: bool = False) -> list[str]:
    return [m.text for m in candidates(resolver.gaz, resolver.cues, doc, upper, doc.text)]


def test_a_place_entity_and_a_capitalised_town(nlp: Language, resolver: PlaceResolver) -> None:
    doc = _doc(nlp, ["Two", "men", "drove", "from", "Dayton", "to", "Ohio", "."],
               ["O", "O", "O", "O", "O", "O", "B-GPE", "O"])
    assert _found(resolver, doc) == ["Dayton", "Ohio"]


def test_a_street_is_no_place(nlp: Language, resolver: PlaceResolver) -> None:
    doc = _doc(nlp, ["He", "lived", "on", "Dayton", "Avenue", "."])
    assert street_after(resolver.gaz, doc, 4, False)
    assert _found(resolver, doc) == []


@pytest.mark.parametrize(("words", "found"), [
    # Two streets told with one plural head: a crossing, neither name a town.
    (["Shots", "rang", "out", "at", "Dayton", "and", "Toledo", "avenues", "."], []),
    (["He", "was", "found", "near", "Dayton", "&", "Cedar", "Hill", "streets", "."], []),
    (["the", "corner", "of", "Dayton", "and", "Toledo", "Avenues", "."], []),
    (["Shots", "rang", "out", "at", "5th", "and", "Toledo", "streets", "."], []),
    (["A", "BOMB", "EXPLODED", "ON", "DAYTON", "AND", "TOLEDO", "STREETS", "."], []),
    (["AT", "THE", "CORNER", "OF", "\n", "DAYTON", "AND", "TOLEDO", "\n", "STREETS", "."], []),
    (["at", "the", "Dayton", "and", "\n", "Cedar", "Hill", "\n", "avenues", "intersection"], []),
    # A numbered street crossing a named one, told without a head.
    (["Two", "men", "were", "shot", "at", "87th", "and", "Dayton", "overnight", "."], []),
    (["officers", "blocked", "the", "road", "near", "Toledo", "&", "21st", "."], []),
    (["A", "car", "burned", "on", "3rd", "and", "\n", "Dayton", "."], []),
    # An ordinal after no crossing word, or with no "and", leaves the town a town.
    (["Akron", "finished", "3rd", "and", "Dayton", "4th", "."], ["Akron", "Dayton"]),
    (["He", "moved", "to", "Dayton", "on", "May", "3rd", "."], ["Dayton"]),
    (["the", "2nd", "Dayton", "rally", "drew", "crowds", "."], ["Dayton"]),
    (["shots", "at", "E.", "87th", "and", "Dayton", "."], []),
    (["SHOTS", "AT", "87TH", "AND", "DAYTON", "."], []),
    (["a", "crash", "near", "Toledo", "and", "Fifth", "."], []),
    (["Akron", "won", "its", "fifth", "and", "Dayton", "its", "sixth", "."], ["Akron", "Dayton"]),
    # An ordinal that ranks or names what follows it is no street ("3rd-ranked", "2nd Battalion").
    (["a", "game", "between", "Akron", "and", "3rd", "-", "ranked", "Dayton", "."], ["Akron", "Dayton"]),
    (["a", "raid", "near", "Dayton", "and", "2nd", "Battalion", "troops", "."], ["Dayton"]),
    # After no word of a crossing, two towns' streets.
    (["Protests", "spread", "to", "Dayton", "and", "Toledo", "streets", "."], ["Dayton", "Toledo"]),
    # A town before a plural head alone, or two towns before a head of no street, stay places.
    (["Crowds", "filled", "Dayton", "streets", "."], ["Dayton"]),
    (["Dayton", "and", "Toledo", "roads", "were", "icy", "."], ["Dayton", "Toledo"]),
    (["Dayton", "and", "Toledo", "schools", "closed", "."], ["Dayton", "Toledo"]),
    (["officers", "in", "Dayton", "and", "Toledo", "said", "so", "."], ["Dayton", "Toledo"]),
])
def test_two_streets_of_one_plural_head_are_no_places(nlp: Language, resolver: PlaceResolver,
                                                        words: list[str], found: list[str]) -> None:
    upper = all(w.isupper() or not w.isalpha() for w in words)  # wire copy in capitals
    assert _found(resolver, _doc(nlp, words), upper) == found


def test_a_crossing_reads_both_names(nlp: Language) -> None:
    doc = _doc(nlp, ["at", "Dayton", "and", "Toledo", "avenues"])
    assert at_crossing(doc, 1, 2, False) and at_crossing(doc, 3, 4, False)
    assert not at_crossing(_doc(nlp, ["at", "Dayton", "avenues"]), 1, 2, False)
    assert not at_crossing(_doc(nlp, ["to", "Dayton", "and", "Toledo", "avenues"]), 3, 4, False)


def test_a_piece_of_a_person_name_is_no_place(nlp: Language, resolver: PlaceResolver) -> None:
    doc = _doc(nlp, ["they", "met", "Jane", "Dayton", "."],
               ["O", "O", "B-PERSON", "I-PERSON", "O"])
    assert _found(resolver, doc) == []


def test_an_agency_names_its_town(nlp: Language, resolver: PlaceResolver) -> None:
    doc = _doc(nlp, ["The", "Dayton", "Police", "Department", "said", "so", "."],
               ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O"])
    found = candidates(resolver.gaz, resolver.cues, doc, False, doc.text)
    assert [(m.text, m.agency, m.cue) for m in found] == [("Dayton", True, True)]


def test_an_acronym_is_no_town_in_lower_case_text(nlp: Language,
                                                  resolver: PlaceResolver) -> None:
    doc = _doc(nlp, ["The", "MO", "of", "the", "gang", "was", "clear", "."])
    assert _found(resolver, doc) == []


def test_a_glued_dateline_keeps_its_own_characters(nlp: Language,
                                                   resolver: PlaceResolver) -> None:
    doc = _doc(nlp, ["Crash", "on", "east", "sideDETROIT", "(", "WXYZ", ")", "-", "Two", "cars",
                     "collided", "."])
    found = candidates(resolver.gaz, resolver.cues, doc, False, doc.text)
    dl = [m for m in found if m.role == "report"]
    assert len(dl) == 1 and dl[0].text == "DETROIT"
    assert doc.text[dl[0].chars[0]:dl[0].chars[1]] == "DETROIT"


def test_capitalised_and_person_like(resolver: PlaceResolver) -> None:
    assert capitalised("Dayton", False) and not capitalised("dayton", False)
    assert capitalised("DAYTON", True) and not capitalised("Dayton", True)
    assert not capitalised("9th", False)
    assert person_like(resolver.gaz, ["Melky"], "dayton")
    assert not person_like(resolver.gaz, ["South"], "dayton")


@pytest.mark.parametrize(("words", "ents", "expected"), [
    # The NER took the town's name of a county's office as an ORG: the county is the place.
    (["Lincoln", "County", "Sheriff", "Tom", "Reed", "spoke", "."],
     ["B-ORG", "O", "O", "B-PERSON", "I-PERSON", "O", "O"], ["Lincoln County"]),
    (["Deputies", "of", "Dayton", "County", "came", "."],
     ["O", "O", "B-GPE", "O", "O", "O"], ["Dayton"]),  # no such county: the entity alone
    (["Officers", "in", "Dayton", "Friday", "said", "so", "."],
     ["O", "O", "B-GPE", "O", "O", "O", "O"], ["Dayton"]),  # no place of the longer name
    # A place the NER found whole grows only into a division: "Dallas City Hall" is in Dallas.
    (["Crowds", "marched", "to", "Dallas", "City", "Hall", "."],
     ["O", "O", "O", "B-GPE", "O", "O", "O"], ["Dallas"]),
    (["Two", "men", "were", "shot", "in", "Iowa", "City", "Tuesday", "."],
     ["O", "O", "O", "O", "O", "B-GPE", "O", "O", "O"], ["Iowa City"]),
    (["Deputies", "of", "Lincoln", "County", "came", "."],
     ["O", "O", "B-GPE", "O", "O", "O"], ["Lincoln County"]),
    # The word after belongs to another entity: not glued to this one.
    (["Lincoln", "County", "Fair", "opened", "."],
     ["B-ORG", "B-EVENT", "I-EVENT", "O", "O"], ["Lincoln"]),
])
def test_an_entity_cut_short_of_a_longer_place(nlp: Language, resolver: PlaceResolver,
                                                words: list[str], ents: list[str],
                                                expected: list[str]) -> None:
    assert _found(resolver, _doc(nlp, words, ents)) == expected
