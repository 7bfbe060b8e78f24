"""The word lists of `models/dates/`, read through `pipeline.resources` and compiled once."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import NamedTuple

from pipeline import resources


class Lexicon(NamedTuple):
    """The word lists of `models/dates/`, compiled once."""

    modifiers: re.Pattern[str]  # words dropped before resolving ("early", "on", "night")
    not_event: re.Pattern[str]  # expressions that do not date an event (ages, durations)
    report_words: frozenset[str]  # lemmas that make a date the date of a report
    incident_words: frozenset[str]  # lemmas of the incident itself ("shoot", "attack")
    known_words: frozenset[str]  # report, incident and aftermath words together
    future_words: frozenset[str]  # lemmas that make a date a plan ("scheduled", "will")
    aftermath_words: frozenset[str]  # lemmas of what follows an incident ("arrest", "plead")
    life_words: frozenset[str]  # lemmas of a life story ("born", "graduate"): no event dates
    later_news_words: frozenset[str]  # lemmas of news days after an incident ("die", "find")


def load_lexicon(root: str | Path | None = None) -> Lexicon:
    """Read and compile the word lists of `dates/` under `root` (None or "": the shipped
    `models/`), once per root."""
    return _compiled(Path(root) if root else None)


@functools.lru_cache(maxsize=8)
def _compiled(root: Path | None) -> Lexicon:
    def lines(name: str) -> tuple[str, ...]:
        return resources.read_lines(f"dates/{name}", root)

    modifiers = sorted(lines("modifiers.txt"), key=len, reverse=True)
    report = frozenset(lines("report_words.txt"))
    incident = frozenset(lines("incident_words.txt"))
    aftermath = frozenset(lines("aftermath_words.txt")) - incident
    return Lexicon(
        modifiers=re.compile(r"\b(?:" + "|".join(map(re.escape, modifiers)) + r")\b"),
        not_event=re.compile("|".join(lines("not_event.txt")), re.IGNORECASE),
        report_words=report,
        incident_words=incident,
        known_words=report | incident | aftermath,
        future_words=frozenset(lines("future_words.txt")),
        aftermath_words=aftermath,
        life_words=frozenset(lines("life_words.txt")),
        later_news_words=frozenset(lines("later_news_words.txt")),
    )
