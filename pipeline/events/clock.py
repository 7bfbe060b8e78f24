"""Clock times: "at about 11:25 p.m.", "shortly before 2 a.m.", the hour a report gives for its
incident (US and UK news usage). Two reports of one area and days that give the same clock
time, one few reports of the batch give, tell one incident (`links.link_rule`, "near_time"):
"8:45 p.m." is a detail of one shooting where "10 p.m." is the hour of many; both reports must be
their articles' only events (a round-up gives the hours of all its incidents). A page's stamp
("Updated 9:14 AM EST") is no incident's hour. spaCy-free (aggregate calls this).

A time is kept as minutes after midnight, written "HH:MM" (24-hour) in `Event.clock_times`:
"11:25 p.m." is "23:25", "12 a.m." is "00:00". "Noon" and "midnight" are not read: a round hour
every report of a night may give ("shortly after midnight").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# "11:25 p.m.", "2 a.m.", "10.30pm", "9:05 PM": an hour of a 12-hour clock, its minutes, then
# a.m. or p.m. (dots and a space optional); "5 amendments", "1010 AM radio", "13:05 p.m." and
# "2.5 pm" are no time.
_TIME = re.compile(r"(?<![\d:.])\b(1[0-2]|0?[1-9])(?:[:.]([0-5][0-9]))?\s?([ap])\.?\s?m\b\.?", re.IGNORECASE)
# A page's stamp, no incident's hour: a time zone after the time ("9:14 AM EST"), or a word of
# publishing before it ("Updated 9:14 a.m."); one outlet's stories share the stamp's minute.
_ZONE = re.compile(r"\s*\(?(?:[ECMP][SD]?T|GMT|UTC|BST|CET)\b")
_STAMP = re.compile(r"\b(?:updated|posted|published|modified)\b[^.\n]{0,20}$", re.IGNORECASE)
# Characters before a time searched for a word of publishing.
_STAMP_REACH = 30
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
        for m in _TIME.finditer(sentence):
            if _ZONE.match(sentence, m.end()) or _STAMP.search(sentence[max(0, m.start() - _STAMP_REACH):m.start()]):
                continue
            hour, minute, half = m.groups()
            hours = int(hour) % HALF_DAY_HOURS + (HALF_DAY_HOURS if half.lower() == "p" else 0)
            found.add(hours * MINUTES_PER_HOUR + int(minute or 0))
    return [f"{m // MINUTES_PER_HOUR:02d}:{m % MINUTES_PER_HOUR:02d}" for m in sorted(found)]


def times_of(value: str | None) -> frozenset[str]:
    """The clock times of an `Event.clock_times` value ("20:45;23:10")."""
    return frozenset(t for t in (value or "").split(";") if t)
