"""Dates: DATE expressions resolved against the publication date (issue 6).

The component `newsevents_dates` (`pipeline.dates.component`) turns each date expression of an
article into a day, the interval it stands for and an ACLED time precision (1 day, 2 week,
3 month). The package splits that job:

- `lexicon`: the word lists of `models/dates/`, read through `pipeline.resources`;
- `resolve`: one expression against the publication date ("Thursday", "Jan. 5, 2022");
- `scan`, `finding`, `roles`: the candidates of a Doc and the role of each (the incident's
  date, a report's, a plan's);
- `stamps`, `dateline`: datelines and page stamps, and `published_from_dateline`;
- `policy`: `event_date`, `date_basis` and `is_background`, the aggregation policy;
- `component`: the spaCy factory.

This module imports no spaCy: it re-exports the spaCy-free names (the policy, resolution and
`published_from_dateline`, which ingest calls).
"""

from __future__ import annotations

from pipeline.dates.dateline import published_from_dateline
from pipeline.dates.lexicon import Lexicon, load_lexicon
from pipeline.dates.policy import (BACKGROUND_DAYS, DATE_BASES, date_basis, dated_by_later_news, event_date,
                                   is_background)
from pipeline.dates.resolve import DAY, MONTH, WEEK, Resolved, resolve

__all__ = [
    "BACKGROUND_DAYS",
    "DATE_BASES",
    "DAY",
    "MONTH",
    "WEEK",
    "Lexicon",
    "Resolved",
    "date_basis",
    "dated_by_later_news",
    "event_date",
    "is_background",
    "load_lexicon",
    "published_from_dateline",
    "resolve",
]
