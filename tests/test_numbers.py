"""The number parser: digits, words, vague quantities, modifiers and ranges."""

from __future__ import annotations

import pytest

from pipeline.numbers import load_vague_table, parse_count, parse_number

VAGUE = load_vague_table()


@pytest.mark.parametrize(
    "text,value",
    [
        ("353", 353), ("1,200", 1200), ("12,500", 12500), ("twelve", 12), ("Twenty-five", 25),
        ("one hundred and twelve", 112), ("a", 1), ("an", 1), ("one", 1), ("two dozen", 24),
        ("a dozen", 12), ("a hundred", 100), ("1.5 million", 1_500_000), ("THIRTY", 30), ("zero", 0),
        ("seven thousand", 7000), ("3 thousand", 3000),
    ],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "people", "no one", "foo bar", "1.5", "dozens", "block"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("12", (12, 12, 12, None)),
        ("at least eight", (8, 8, None, "at least")),
        ("At least 20", (20, 20, None, "at least")),
        ("more than 100", (101, 101, None, "more than")),
        ("more than a dozen", (13, 13, None, "more than a dozen")),
        ("nearly 50", (40, 50, 50, "nearly")),
        ("up to 30", (24, 30, 30, "up to")),
        ("as many as 40", (32, 40, 40, "as many as")),
        ("about 100", (80, 100, 120, "about")),
        ("some 20", (16, 20, 24, "some")),
        ("fewer than 10", (8, 9, 9, "fewer than")),
        ("dozens", (12, 12, 99, "dozens")),
        ("dozens of", (12, 12, 99, "dozens")),
        ("at least dozens", (12, 12, None, "at least dozens")),
        ("hundreds", (100, 100, 999, "hundreds")),
        ("scores of", (40, 40, 199, "scores")),
        ("several", (3, 3, 9, "several")),
        ("a number of", (3, 3, None, "a number of")),
        ("a few", (3, 3, 5, "a few")),
        ("tens of thousands", (10000, 10000, 99999, "tens of thousands")),
        ("Between 10 and 15", (10, 10, 15, "between ... and")),
        ("10 to 15", (10, 10, 15, "range")),
        ("10-15", (10, 10, 15, "range")),
        ("two or three", (2, 2, 3, "range")),
        ("another 353", (353, 353, 353, None)),
        ("both", (2, 2, 2, "both")),
    ],
)
def test_parse_count(text: str, expected: tuple) -> None:
    assert parse_count(text, VAGUE) == expected


@pytest.mark.parametrize("text", ["", "people", "at least", "the", "between and"])
def test_parse_count_rejects(text: str) -> None:
    assert parse_count(text, VAGUE) is None


def test_vague_table_is_well_formed() -> None:
    for phrase, (low, best, high) in VAGUE.items():
        assert low <= best, phrase
        assert high is None or best <= high, phrase
    assert VAGUE["dozens"] == (12, 12, 99)  # ACLED: "dozens" = 12
    assert VAGUE["hundreds"][1] == 100  # ACLED: "hundreds" = 100
