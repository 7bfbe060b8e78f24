"""events.addresses: street blocks read from hand-written sentences, and how two reports'
streets compare."""

from __future__ import annotations

import pytest

from pipeline.events.addresses import same_street, street_blocks, street_core, streets_of


@pytest.mark.parametrize(("sentence", "blocks"), [
    ("A girl was shot at her home in the 1000 block of Maple Avenue on Tuesday.", ["1000 maple"]),
    ("It happened in the 6700 block of S. Aberdeen St. on Sunday night.", ["6700 aberdeen"]),
    ("Officers found him in the 1,200 block of North 20th Street.", ["1200 20th"]),
    ("Shots were fired in the 300-block of the Old Mill Road.", ["300 old mill"]),
    ("He was found in the 100 block of Main Street Tuesday night.", ["100 main"]),
    ("A car crashed in the 4500 block of Highway 61 on Sunday.", ["4500 highway 61"]),
    ("Two scenes: the 3000 block of West Dickens Avenue and the 500 block of North Lavergne Avenue.",
     ["3000 dickens", "500 lavergne"]),
    # no block of a street: a city block, a voting block, a number without a street
    ("He lived two blocks from the school.", []),
    ("The 300 block of voters backed the mayor.", []),
    ("The shooting was reported at 5 p.m. in a quiet neighbourhood.", []),
])
def test_street_blocks(sentence: str, blocks: list[str]) -> None:
    assert street_blocks([sentence]) == blocks


def test_a_street_is_its_name_without_direction_or_kind() -> None:
    assert street_core("South Aberdeen Street") == street_core("S. Aberdeen St") == "aberdeen"
    assert street_core("North") == ""
    assert street_core("Sixth Street") == street_core("6th St.") == "6th"
    # the name ends before its kind and before a day or other words that follow it
    assert street_core("Main Street Tuesday") == street_core("Main Tuesday") == street_core("Main St.") == "main"
    assert street_core("Elm Street Police") == "elm"
    # a name that starts with its kind keeps it, and the number after it
    assert street_core("Court Street") == street_core("Court St") == "court"
    assert street_core("Highway 61") == "highway 61" != street_core("Highway 1")


@pytest.mark.parametrize(("a", "b", "same"), [
    ({"aberdeen"}, {"aberdeen"}, True),
    ({"san fernando"}, {"san fernando"}, True),
    ({"fairmount"}, {"fairmont"}, True),  # misspelt: one letter apart, long enough
    ({"dickens", "lavergne"}, {"lavergne"}, True),
    ({"dickens"}, {"bishop"}, False),
    ({"elm"}, {"ely"}, False),  # short names one letter apart are two streets
    ({"san fernando"}, {"san"}, False),  # a first word alone is no street
    ({"16th"}, {"17th"}, False),  # numbered streets are never misspelt
    (set(), {"bishop"}, False),
])
def test_same_street(a: set[str], b: set[str], same: bool) -> None:
    assert same_street(frozenset(a), frozenset(b)) is same
    assert same_street(frozenset(b), frozenset(a)) is same


def test_streets_of_an_events_column() -> None:
    assert streets_of("1000 maple;6700 old mill") == frozenset({"maple", "old mill"})
    assert streets_of(None) == frozenset()
