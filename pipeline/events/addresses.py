"""Street blocks: "in the 6700 block of South Aberdeen Street", the most precise place a report
of a shooting gives (US police usage). Two reports of one city and days that name the same
block's street are one incident; two sole reports that each name blocks, none on a street
the other names, are two (`pipeline.events.links`). spaCy-free (aggregate calls this).

A block is kept as "<number> <street>": the street's words lower-cased, numbers in digits,
without the words of direction and kind (`models/aggregate/street_words.txt`), so "6700 S.
Aberdeen St" and "6700 South Aberdeen Street" are both "6700 aberdeen", and "400 Sixth Street"
is "400 6th". Streets are compared without the number (a report may round it: "3000 W. 16th
Street" and "3200 West 16th Street").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import takewhile

from text_to_num import alpha2digit

from pipeline.resources import read_words

# "the 6700 block of South Aberdeen Street", "1000-block of N. 20th St.": a number, "block of",
# then up to four words of the street's name (capitalised words, ordinals, initials).
_BLOCK = re.compile(
    r"\b(\d{1,3}(?:,\d{3})*|\d+)[- ]block of (?:the )?"
    r"((?:(?:[A-Z][A-Za-z'’]*\.?|\d+(?:st|nd|rd|th)?\.?)(?: |$|(?=[,;:)]))){1,6})"
)
_WORD = re.compile(r"[a-z0-9'’]+")
# Every block the pattern finds has these words.
_MARK = "block of"
# Two street names this long or longer that differ by one letter are one street misspelt
# ("Fairmont", "Fairmount"); shorter ones are different streets ("Elm", "Ely").
MIN_FUZZY_LENGTH = 6


@lru_cache(maxsize=None)
def _words(name: str) -> frozenset[str]:
    """One word list of `models/aggregate/` (street_words: a street's kind, street_directions:
    its direction, not_street_words: capitalised words that end its name), read once."""
    return read_words(f"aggregate/{name}.txt")


def street_blocks(sentences: Iterable[str]) -> list[str]:
    """The street blocks the sentences name, as "<number> <street>", sorted, each once."""
    found: set[str] = set()
    for sentence in sentences:
        if _MARK not in sentence:
            continue  # most sentences name no block: a substring test is far cheaper than the pattern
        for number, name in _BLOCK.findall(sentence):
            street = street_core(name)
            if street:
                found.add(f"{number.replace(',', '')} {street}")
    return sorted(found)


def street_core(name: str) -> str:
    """A street's name compared across reports: lower case, numbers in digits ("Sixth" is
    "6th"), without words of direction, ending before its kind ("Aberdeen" of "S. Aberdeen St.
    Tuesday") or, when it starts with its kind, that word and what follows ("highway 61",
    "court" of "Court Street")."""
    words = _WORD.findall(alpha2digit(name.lower(), "en", threshold=0))
    stops, kinds, directions = _words("not_street_words"), _words("street_words"), _words("street_directions")
    kept: list[str] = []
    for word in words:
        if word in stops:
            break
        if word not in directions:
            kept.append(word)
    if not kept:
        return ""
    if kept[0] in kinds:  # "Highway 61", "Court Street"
        return " ".join([kept[0], *takewhile(lambda w: w not in kinds, kept[1:])])
    return " ".join(takewhile(lambda w: w not in kinds, kept))


def streets_of(blocks: str | None) -> frozenset[str]:
    """The streets (without numbers) of an `Event.street_blocks` value."""
    if not blocks:
        return frozenset()
    return frozenset(b.split(" ", 1)[1] for b in blocks.split(";") if " " in b)


def same_street(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two reports' streets share one: equal, or one letter apart when long enough to
    be a misspelling ("Fairmont", "Fairmount")."""
    return any(x == y or _one_letter_apart(x, y) for x in a for y in b)


def _one_letter_apart(x: str, y: str) -> bool:
    """Whether two words of at least MIN_FUZZY_LENGTH letters differ by one letter added,
    dropped or changed."""
    if min(len(x), len(y)) < MIN_FUZZY_LENGTH or abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        return sum(c != d for c, d in zip(x, y)) == 1
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
