"""The headline as context for the places component (hand-written headlines and bodies)."""

from __future__ import annotations

import datetime

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp import make_doc
from pipeline.geo import event_location
from pipeline.schemas import Article, PlaceFact


def _places(nlp: Language, title: str | None, text: str) -> list[dict]:
    article = Article(id="t1", source="test", title=title, text=text,
                      published=datetime.date(2021, 5, 4))
    return nlp(make_doc(nlp, article))._.ne_places


def test_title_is_carried_onto_the_doc_and_survives_serialisation(nlp: Language) -> None:
    article = Article(id="t2", source="test", title="Two hurt in crash", text="Two were hurt.")
    doc = make_doc(nlp, article)
    assert doc._.title == "Two hurt in crash"
    # nlp.pipe(n_process=2) ships Docs to its workers as bytes, user data included.
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.title == "Two hurt in crash"
    assert make_doc(nlp, Article(id="t3", source="test", text="Nothing."))._.title is None


def test_headline_town_places_a_story_whose_body_names_none(nlp: Language) -> None:
    places = _places(nlp, "Man wounded in shooting in Tuscaloosa",
                     "A man was shot late Tuesday outside a corner store. Officers said he was "
                     "taken to a hospital and is expected to recover.")
    assert [(p["name"], p["admin1"], p["country_iso2"]) for p in places] == \
        [("Tuscaloosa", "Alabama", "US")]
    assert places[0]["role"] == "event"


def test_outlet_signature_gives_the_state_never_the_city(nlp: Language) -> None:
    places = _places(nlp, "Teen hurt in shooting on north side - WXYZ Action News - Dayton, OH",
                     "A teenager was shot Sunday night. Detectives said the boy was walking home "
                     "when a car pulled up and someone fired several rounds.")
    assert places, "the outlet's state is context when nothing else places the story"
    assert all(p["name"] != "Dayton" for p in places)
    assert {(p["country_iso2"], p["admin1"]) for p in places} == {("US", "Ohio")}
    assert all(p["geo_precision"] == 3 and p["role"] == "report" for p in places)


@pytest.mark.parametrize("title", ["Shooting under investigation - KXYZ News - Memphis, Tennessee",
                                   "Shooting under investigation | KXYZ 5 Tennessee"])
def test_outlet_signature_state_disambiguates_a_body_town(nlp: Language, title: str) -> None:
    body = ("Officers were called to a home in Jackson after neighbours heard shots, and one man "
            "was taken to a hospital.")
    # Alone, the bigger Jackson (Mississippi) wins; the outlet's state picks Tennessee's.
    assert [p["admin1"] for p in _places(nlp, None, body)] == ["Mississippi"]
    places = _places(nlp, title, body)
    assert [(p["text"], p["admin1"]) for p in places] == [("Jackson", "Tennessee")]


def test_body_place_wins_over_the_headline(nlp: Language) -> None:
    places = _places(nlp, "Shooting in Tuscaloosa leaves one hurt",
                     "A man was shot Tuesday in Fresno, California, outside a store, police said.")
    assert places and all(p["name"] != "Tuscaloosa" for p in places)
    assert any(p["name"] == "Fresno" and p["role"] == "event" for p in places)


@pytest.mark.parametrize("title", [None, "", "Police: man hurt"])
def test_headline_without_place_adds_nothing(nlp: Language, title: str | None) -> None:
    assert _places(nlp, title, "A man was hurt on Tuesday, officers said.") == []


@pytest.mark.parametrize(("title", "name", "state"), [
    ("Two hurt in shooting at a Toledo bar", "Toledo", "Ohio"),
    ("Girl wounded in northwest Charlotte drive-by", "Charlotte", "North Carolina"),
])
def test_headline_place_after_a_determiner_or_compass_word(
        nlp: Language, title: str, name: str, state: str) -> None:
    # Both names are also English words: only "in"/"at" before them makes them places.
    places = _places(nlp, title, "Two people were hurt late Friday, and officers are looking "
                                 "for a driver seen leaving the area.")
    assert [(p["name"], p["admin1"]) for p in places] == [(name, state)]


def test_headline_words_that_are_tiny_villages_are_no_places(nlp: Language) -> None:
    assert _places(nlp, "Teen Killed In Hunting Accident Near Home",
                   "A boy died on Saturday after a rifle went off, deputies said.") == []


_DENVER = "Man wounded in overnight shooting - KXYZ News - Denver, Colorado"


@pytest.mark.parametrize(("title", "body", "place"), [
    # A neighbourhood of the outlet's city that the gazetteer knows only as a small town
    # hundreds of km beyond the outlet's state is no town there: the outlet's state places it.
    (_DENVER, "A man was shot in Park Hill late on Friday, police said.", ("Colorado", "Colorado")),
    (_DENVER, "Officers found a man shot near a store in Barnum on Sunday night.", ("Colorado", "Colorado")),
    # Negatives. The town named with its state, or its state named in the text, is where it
    # happened.
    (_DENVER, "A man was shot in Park Hill, Okla., late on Friday, police said.", ("Park Hill", "Oklahoma")),
    (_DENVER, "A man was shot in Park Hill late on Friday, Oklahoma police said.", ("Park Hill", "Oklahoma")),
    # A big city far away is news from there; a town across the state line is in the
    # outlet's reach.
    (_DENVER, "A man was shot in Tulsa late on Friday, police said.", ("Tulsa", "Oklahoma")),
    ("Man wounded in overnight shooting - KXYZ News - Memphis, Tennessee",
     "A man was shot in Southaven late on Friday, police said.", ("Southaven", "Mississippi")),
    # A station signed with its big city ("KXYZ Denver") is that city's.
    ("Man wounded in overnight shooting | KXYZ Denver",
     "A man was shot in Park Hill late on Friday, police said.", ("Colorado", "Colorado")),
    # A town of some size is more often a regional story: it must lie farther away (Rock
    # Springs, 170 km from Colorado's nearest town); a state named anywhere, even inside an
    # agency's name, keeps the town.
    (_DENVER, "Deputies arrested a man after a standoff in Rock Springs on Friday.",
     ("Rock Springs", "Wyoming")),
    (_DENVER, "A man was shot in Park Hill late on Friday. The Oklahoma Highway Patrol is investigating.",
     ("Park Hill", "Oklahoma")),
    # "Washington" alone may be the capital's station; a name two big cities share
    # ("Portland") and a byline's name tell no home.
    ("Man wounded in overnight shooting | NBC Washington",
     "A man was shot in Park Hill late on Friday, police said.", ("Park Hill", "Oklahoma")),
    ("Man wounded in overnight shooting | WXYZ Portland",
     "A man was shot in Park Hill late on Friday, police said.", ("Park Hill", "Oklahoma")),
    ("Man wounded in overnight shooting - by Dana Denver",
     "A man was shot in Park Hill late on Friday, police said.", ("Park Hill", "Oklahoma")),
    # Without an outlet's state, the gazetteer's town stands: a newspaper's name ending in
    # another word tells no home.
    ("Man wounded in overnight shooting | The Denver Ledger",
     "A man was shot in Park Hill late on Friday, police said.", ("Park Hill", "Oklahoma")),
    ("Man wounded in overnight shooting", "A man was shot in Park Hill late on Friday, police said.",
     ("Park Hill", "Oklahoma")),
])
def test_a_small_town_beyond_a_local_outlet_s_reach(nlp: Language, title: str, body: str,
                                                     place: tuple[str, str]) -> None:
    facts = [PlaceFact(**p) for p in _places(nlp, title, body)]
    loc = event_location(facts, facts)
    assert (loc["location"], loc["admin1"]) == place
