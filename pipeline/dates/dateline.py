"""The publication date a text states at its top (a wire dateline or a page stamp)."""

from __future__ import annotations

import datetime as dt

from pipeline.dates.resolve import _normalise, _resolve_absolute
from pipeline import anatomy


def _stated_date(text: str, need_year: bool) -> dt.date | None:
    """The day a dateline or stamp states; None when it states none (or, with `need_year`, no
    year: a page stamp without one is no publication date)."""
    found = _resolve_absolute(_normalise(text), None)[1]
    if found is None or (need_year and not found.has_year):
        return None
    return found.date


def published_from_dateline(text: str) -> dt.date | None:
    """The publication date a text states at its top, or None when it states none: a wire
    dateline ("SAN SALVADOR, 3 JAN 90 --", "WASHINGTON, Jan. 5, 2022 (AP) --", "INDIANAPOLIS,
    Ind. (Jan. 8, 2016) --") or a page's time stamp ("Posted: Jan. 5, 2014", "Updated 5:32 PM
    EST, Sun January 5, 2014"). Never a date of the story itself."""
    stated = anatomy.stated_day(text)
    return _stated_date(stated["text"], stated["need_year"]) if stated else None
