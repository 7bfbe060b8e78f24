"""Text features of a report: its headline and outlet (split from its title), the rare-word
candidates of its headline and evidence, the words lists they are filtered by, and each word's
rarity in a batch (see "Rare words" in `pipeline.events`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from pipeline import anatomy
from pipeline.resources import read_words
from pipeline.schemas import Event

_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
# "the 22nd", "Dec. 3rd": days of the month, shared by every report of that day.
_DAY_ORDINAL = re.compile(r"(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)")
# Words shorter than this are never rare-word candidates ("man", "car" count; "in", "of" not).
MIN_WORD_LENGTH = 3
# Outlet words of at least this many letters (or digits) strip the words that start with them.
MIN_OUTLET_PREFIX = 3


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The words text corroboration ignores (models/aggregate/common_words.txt), read once."""
    return read_words("aggregate/common_words.txt")


@lru_cache(maxsize=1)
def follow_up_words() -> frozenset[str]:
    """Headline words of a follow-up story (models/aggregate/follow_up_words.txt), read once."""
    return read_words("aggregate/follow_up_words.txt")


@lru_cache(maxsize=1)
def place_prepositions() -> frozenset[str]:
    """Words after which a capitalised phrase is a place (models/aggregate/place_prepositions.txt)."""
    return read_words("aggregate/place_prepositions.txt")


@lru_cache(maxsize=1)
def not_name_words() -> frozenset[str]:
    """Words that make a capitalised phrase no person's name (models/aggregate/not_name_words.txt)."""
    return read_words("aggregate/not_name_words.txt")


@lru_cache(maxsize=1)
def incident_words() -> frozenset[str]:
    """Headline words naming a violent incident (models/aggregate/incident_words.txt), read once."""
    return read_words("aggregate/incident_words.txt")


def norm(name: str | None) -> str:
    """A place or actor name compared across reports: case-folded, dots and runs of spaces
    made single spaces ("St. Louis" and "st louis" are one name); "" for none."""
    return " ".join(name.casefold().replace(".", " ").split()) if name else ""


def lower_words(text: str) -> list[str]:
    """The lower-cased words of a text, as the word lists spell them."""
    return _WORD.findall(text.lower())


def words(text: str) -> frozenset[str]:
    """The words of a text that may tell one incident from another: not common news words,
    numbers, days of the month or words shorter than `MIN_WORD_LENGTH`."""
    common = common_words()
    return frozenset(
        w
        for w in _WORD.findall(text.lower())
        if len(w) >= MIN_WORD_LENGTH and not w.isdigit() and w not in common and not _DAY_ORDINAL.fullmatch(w)
    )


# The title's parts are the article anatomy's (`pipeline.anatomy`), the one holder of title,
# wire-lead and dateline patterns.
headline = anatomy.headline
outlet = anatomy.outlet


def outlet_words(titles: Iterable[str | None]) -> frozenset[str]:
    """The words of the outlet names that end a batch's titles ("| WXYZ News 4", "« CBS
    Denver"): the same outlet's name (and its web address, glued to a dateline in the first
    sentence: "wxyz4now.comDENVER") is in every one of its stories."""
    out: set[str] = set()
    for title in titles:
        for source in anatomy.lead_sources(title):
            out.update(w for w in _WORD.findall(source.lower()) if len(w) >= 2)
        parts = anatomy.split_title(title or "")
        if parts:
            out.update(w for w in _WORD.findall(parts[1].lower()) if len(w) >= 2)
    return frozenset(out)


def strip_outlets(found: frozenset[str], outlets: frozenset[str],
                  memo: dict[str, bool] | None = None) -> frozenset[str]:
    """`found` without the words that start with an outlet word (of `MIN_OUTLET_PREFIX` letters
    or more, or digits). `memo`, when given, keeps each word's answer for the next call with
    the same `outlets` (a batch's records share most of their words)."""
    if not outlets:
        return found
    memo = {} if memo is None else memo
    kept = []
    for w in found:
        outlet_word = memo.get(w)
        if outlet_word is None:
            outlet_word = memo[w] = _starts_with_outlet(w, outlets)
        if not outlet_word:
            kept.append(w)
    return frozenset(kept)


def _starts_with_outlet(w: str, outlets: frozenset[str]) -> bool:
    # A person's name (a token with a space) is no outlet's.
    return " " not in w and any(
        w[:n] in outlets for n in range(2, len(w) + 1) if n >= MIN_OUTLET_PREFIX or w[:n].isdigit()
    )


def report_words(event: Event) -> tuple[frozenset[str], frozenset[str]]:
    """The words of an event's headline (`notes`) and evidence that may tell its incident from
    another (not common news words, numbers or days of the month), without and with the names
    of its own place."""
    texts = (headline(event.notes), event.evidence or "")
    found = words(" ".join(anatomy.strip_wire_lead(t) for t in texts if t))
    if not found:
        return found, found
    place = " ".join(p for p in (event.location, event.admin2, event.admin1, event.country) if p)
    return found - set(norm(place).split()), found


class WordWeights(dict[str, float]):
    """Each word's rarity in a batch of records (`word_weights`), and the batch's size: what a
    weight means depends on it (a word of two reports weighs 0.74 in a batch of 14, 0.90 in
    one of 1,400)."""

    def __init__(self, weights: dict[str, float], *, reports: int) -> None:
        super().__init__(weights)
        self.reports = reports

    def of_reports(self, k: int) -> float:
        """The weight of a word that `k` (at least 1) of the batch's reports use; 0.0 in a batch
        of no more than `k`, where every word is that rare."""
        n, k = self.reports, max(k, 1)
        return math.log(n / k) / math.log(n) if n > k else 0.0


def word_weights(word_sets: Iterable[frozenset[str]], *, person_weight: float) -> WordWeights:
    """Each word's rarity in a batch of records' words, log(N / df) / log(N): 1.0 for a word of
    one record, 0.0 for a word of all; empty below three records (rarity cannot be told). A
    person's name (a token with a space, see `person_tokens`) weighs `person_weight` words of
    its rarity."""
    word_sets = list(word_sets)
    n = len(word_sets)
    if n < 3:
        return WordWeights({}, reports=n)
    df = Counter(w for found in word_sets for w in found)
    log_n = math.log(n)
    return WordWeights({w: math.log(n / c) / log_n * (person_weight if " " in w else 1.0) for w, c in df.items()},
                       reports=n)
