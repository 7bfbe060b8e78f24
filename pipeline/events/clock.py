"""Clock times: "at about 11:25 p.m.", "shortly before 2 a.m.", the hour a report gives for its
incident (US and UK news usage). Two reports of one area and days that give the same clock
time, one few reports of the batch give, tell one incident (`links.link_rule`, "near_time"):
"8:45 p.m." is a detail of one shooting where "10 p.m." is the hour of many.
spaCy-free (aggregate calls this).

A time is kept as minutes after midnight, written "HH:MM" (24-hour) in `Event.clock_times`:
"11:25 p.m." is "23:25", "12 a.m." is "00:00". "Noon" and "midnight" are not read: a round hour
every report of a night may give ("shortly after midnight").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# "11:25 p.m.", "2 a.m.", "10.30pm", "9:05 PM": an hour of a 12-hour clock, its minutes, then
# a.m. or p.m. (dots and a space optional); "5 amendments" and "1010 AM radio" are no time.
_TIME = re.compile(r"\b(1[0-2]|0?[1-9])(?:[:.]([0-5][0-9]))?\s?([ap])\.?\s?m\b\.?", re.IGNORECASE)
# A cheap test before the pattern: every time it finds has one of these letters after a digit.
_MARK = re.compile(r"\d\s?[AaPp]")
MINUTES_PER_HOUR = 60
HALF_DAY_HOURS = 12


def clock_times(sentences: Iterable[str]) -> list[str]:
    """The clock times the sentences give, as "HH:MM" (24-hour), sorted, each once."""
    found: set[int] = set()
    for sentence in sentences:
        if not _MARK.search(sentence):
            continue  # most sentences give no time: a cheap test before the pattern
        for hour, minute, half in _TIME.findall(sentence):
            hours = int(hour) % HALF_DAY_HOURS + (HALF_DAY_HOURS if half.lower() == "p" else 0)
            found.add(hours * MINUTES_PER_HOUR + int(minute or 0))
    return [f"{m // MINUTES_PER_HOUR:02d}:{m % MINUTES_PER_HOUR:02d}" for m in sorted(found)]


def times_of(value: str | None) -> frozenset[str]:
    """The clock times of an `Event.clock_times` value ("20:45;23:10")."""
    return frozenset(t for t in (value or "").split(";") if t)
