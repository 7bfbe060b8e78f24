"""The article's anatomy: headline, outlet, wire lead, dateline, stated day, upper-case copy.
Every text here is invented."""

from __future__ import annotations

import pytest

from pipeline import anatomy


@pytest.mark.parametrize(
    ("title", "headline", "outlet"),
    [
        ("Two hurt in crash on the ring road | Valley News 7", "Two hurt in crash on the ring road", "valley news 7"),
        ("Man held after fire - police say | WQRS", "Man held after fire", "wqrs"),  # first separator; outlet after the last
        ("Storm warning - KTVX", "Storm warning - KTVX", ""),  # two words: no headline before it
        ("No separator in this headline", "No separator in this headline", ""),
        ("LAKEVILLE (KQRS) — Council votes on budget | KQRS 4", "Council votes on budget", "kqrs 4"),
        (None, "", ""),
    ],
)
def test_headline_and_outlet(title: str | None, headline: str, outlet: str) -> None:
    assert anatomy.headline(title) == headline
    assert anatomy.outlet(title) == outlet


def test_wire_lead_and_its_sources() -> None:
    assert anatomy.strip_wire_lead("PORT TOWN, 4 MAR 91 (XNA) -- [TEXT] Rebels attacked.") == "Rebels attacked."
    assert anatomy.lead_sources("LAKEVILLE (KQRS) — Council votes") == ["KQRS"]
    assert anatomy.strip_wire_lead("Council votes on budget") == "Council votes on budget"
    assert anatomy.lead_sources("Council votes (again) — today") == []  # lower case: no lead


def test_scene_dateline_place_region_and_span() -> None:
    text = "Fire at the mill\n\nMILLBROOK, Ore. (AP) - A fire destroyed a sawmill on Tuesday."
    found = anatomy.find_dateline(text)
    assert found is not None
    assert (found["place"], found["region"]) == ("MILLBROOK", "Ore.")
    assert text[found["start"] : found["end"]] == "MILLBROOK"
    assert anatomy.find_dateline("A fire destroyed a sawmill - nobody was hurt.") is None


@pytest.mark.parametrize(
    ("text", "kind", "words", "need_year"),
    [
        ("PORT TOWN, 4 MAR 91 (XNA) -- Rebels attacked a post.", "dateline", "4 MAR 91", False),
        ("RIVERTON, Wyo. (Jan. 8, 2016) -- A man was hurt.", "paren_dateline", "Jan. 8, 2016", True),
        ("Menu\nPosted: Feb. 3, 2015 4:10 PM\nA man was hurt.", "page_stamp", "Feb. 3, 2015", True),
    ],
)
def test_stated_day(text: str, kind: str, words: str, need_year: bool) -> None:
    day = anatomy.stated_day(text)
    assert day is not None
    assert (day["kind"], day["text"], day["need_year"]) == (kind, words, need_year)
    assert text[: day["end"]].endswith(words)


def test_no_stated_day_in_prose() -> None:
    assert anatomy.stated_day("On Jan. 5, 2014 a man was hurt in a fall.") is None
    assert anatomy.dated_dateline_end("On Jan. 5, 2014 a man was hurt.") == -1
    assert anatomy.dated_dateline_end("PORT TOWN, 4 MAR 91 -- text") == len("PORT TOWN, 4 MAR 91")


def test_upper_copy() -> None:
    assert anatomy.is_upper_copy("POLICE SAID THREE PEOPLE WERE HURT IN THE BLAST.")
    assert not anatomy.is_upper_copy("HOME | NEWS | SPORT\nPolice said three people were hurt in the blast today.")
    assert not anatomy.is_upper_copy("1234 --")
    assert anatomy.upper_share("") == 0.0


def test_read_anatomy_is_plain_data() -> None:
    parts = anatomy.read_anatomy("MILLBROOK, Ore. (AP) - A fire.", "Fire at the mill | Valley News 7")
    assert parts["headline"] == "Fire at the mill"
    assert parts["outlet"] == "valley news 7"
    assert parts["dateline"]["place"] == "MILLBROOK"
    assert parts["upper"] is False
    assert all(isinstance(v, (str, int, bool, dict, type(None))) for v in parts.values())
