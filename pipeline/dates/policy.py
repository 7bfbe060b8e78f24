"""The event-date policy called by aggregate: which of an event's date facts dates it
(`event_date`) and what that date stands on (`date_basis`). spaCy-free.

The event happened on a date that is not a report date ("police said Thursday") and not after
publication: a day attached to the incident ("shot Saturday"), then any other day, then a week,
then a day of the aftermath ("arrested Friday"), then months, the first in the text among
equals; without one, the publication date stands for the event at week precision.
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.dates.lexicon import Lexicon, load_lexicon
from pipeline.dates.resolve import DAY, WEEK
from pipeline.dates.scan import _SCAN_WD
from pipeline.schemas import DateFact

# Without any date for the event, it happened on the day of publication or in the week before.
# (The publication day itself is the best single guess: on the dev sets it beat the day before.)
_UNDATED_WINDOW = dt.timedelta(days=6)


# A bare weekday ("Monday", "late Monday night") resolved a whole six days back: in dated
# records such a weekday is more often the day after a publication date that lags the page
# (an update written the next day) than the same weekday of the week before, which news
# usually writes "last Monday" or with its date. It never dates the event: on the dev sets the
# publication day was right far more often.
_BARE_WEEKDAY = re.compile(
    rf"^(?:(?:early|late) )?(?:on )?{_SCAN_WD}(?: (?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)
_WEEK_BACK = dt.timedelta(days=6)


def _is_doubtful(fact: DateFact, published: dt.date | None) -> bool:
    """Whether the fact is a bare weekday six days before publication (see above)."""
    return (
        published is not None
        and published - fact.date == _WEEK_BACK
        and _BARE_WEEKDAY.match(fact.text.strip()) is not None
    )


def _rank(fact: DateFact, lex: Lexicon) -> tuple[int, int]:
    """Order of preference among candidate dates of one event (lower first): a day of the
    incident itself ("shot Saturday"), another day ("the bullets flew Wednesday night"), a week
    ("shot last week"), a day of the aftermath ("arrested Friday", "appeared in court Monday"),
    then the same for months; ties go to the first in the text (news names its event first)."""
    if fact.governor in lex.incident_words:
        tier = 0
    elif fact.governor in lex.aftermath_words:
        tier = 2
    else:
        tier = 1
    if fact.time_precision == DAY:
        rank = 3 if tier == 2 else tier
    elif fact.time_precision == WEEK:
        rank = 4 if tier == 2 else 2
    else:
        rank = 6 if tier == 2 else 5
    return rank, fact.char_start


# An event that its own text dates more than this many days before the article's publication is
# a background mention (an attack of years ago recalled in a story about a trial, a film or a
# business), not news of the article. On the gold of the incident sets, events lie that far
# before their article's publication for 1 of 1060 (gva_dev), 3 of 1114 (muc4_dev) and none of
# gvdb_dev, case2021_dev and the blind set; at 365 days gva_dev holds 14 (trials a year on).
BACKGROUND_DAYS = 730

# What an event's date stands on (see `date_basis`): the incident's own day, a day of its
# aftermath, the day something was said, or the publication day.
DATE_BASES = ("incident", "aftermath", "report", "published")


def _choose(
    dates: list[DateFact], published: dt.date | None, evidence: list[str] | None = None
) -> tuple[DateFact | None, str | None]:
    """The fact that dates an event (see `event_date`) and its basis (one of `DATE_BASES`):
    None and "published" when the publication day stands in, None and None without either."""
    lex = load_lexicon()
    usable = [f for f in dates if f.role != "other"]
    past = [f for f in usable if published is None or f.date_low <= published]
    sure = [f for f in past if not _is_doubtful(f, published)]
    for pool, basis in (
        ([f for f in sure if f.role == "event" and evidence and f.sentence in evidence], "incident"),
        ([f for f in sure if f.role == "event"], "incident"),
        ([f for f in sure if f.role == "report"], "report"),
        # An explicitly dated day after publication: the record's date may be wrong.
        ([f for f in usable if f.role == "event" and f.time_precision == DAY and published is not None
          and f.date_low > published], "incident"),
    ):
        if pool:
            best = min(pool, key=lambda f: _rank(f, lex))
            if basis == "incident" and best.governor in lex.aftermath_words:
                basis = "aftermath"
            return best, basis
    return None, ("published" if published is not None else None)


def event_date(
    dates: list[DateFact],
    published: dt.date | None,
    evidence: list[str] | None = None,
) -> dict[str, object]:
    """Event columns (event_date, date_low, date_high, time_precision) for an event whose
    evidence holds `dates`.

    The event happened on an event-role date not after publication, from `evidence` sentences
    when given, chosen by `_rank`: the incident's own day before other days, a week before a
    day of the aftermath ("arrested Friday"), then the first in the text. Report dates ("said
    Thursday") only stand in when no event date exists; a doubtful bare weekday (six days
    back) never does: the publication day is the better guess. Without any, the publication day standing for the week
    up to it (week precision); without a publication date either, nothing.
    """
    best, _ = _choose(dates, published, evidence)
    if best is not None:
        return {
            "event_date": best.date,
            "date_low": best.date_low,
            "date_high": best.date_high,
            "time_precision": best.time_precision,
        }
    if published is None:
        return {"event_date": None, "date_low": None, "date_high": None, "time_precision": None}
    return {
        "event_date": published,
        "date_low": published - _UNDATED_WINDOW,
        "date_high": published,
        "time_precision": WEEK,
    }


def date_basis(
    dates: list[DateFact],
    published: dt.date | None,
    evidence: list[str] | None = None,
) -> str | None:
    """What the date `event_date` gives stands on: "incident" (a day the text gives for the
    event itself), "aftermath" (a day of what followed it: an arrest, a court hearing, a
    funeral, the naming of a victim), "report" (the day something was said) or "published"
    (no date in the text: the publication day). Past an "incident" date, the incident itself
    happened on or before the event date, possibly weeks earlier (a follow-up story)."""
    return _choose(dates, published, evidence)[1]


def is_background(dates: list[DateFact], published: dt.date | None) -> bool:
    """Whether the event of `dates` is a background mention: its text gives it days (of the
    incident or its aftermath), and every one of them ends more than `BACKGROUND_DAYS` before
    publication. A day of saying, a recent day beside the old ones, or an unknown publication
    never makes one."""
    if published is None:
        return False
    days = [f for f in dates if f.role == "event" and f.date_low <= published]
    return bool(days) and all((published - f.date_high).days > BACKGROUND_DAYS for f in days)


def dated_by_later_news(dates: list[DateFact], day: dt.date | None) -> bool:
    """Whether an event dated `day` stands on news that may come days after its incident: a
    death, a body found (`later_news_words`: "died Saturday" in a story of a shooting weeks
    before). Its sentences dated days earlier may then be its own incident's."""
    words = load_lexicon().later_news_words
    return day is not None and any(f.role == "event" and f.date == day and f.governor in words for f in dates)

