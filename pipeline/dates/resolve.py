"""Resolving one date expression against the publication date: a best day, the interval it
stands for and an ACLED time precision (1 day, 2 week, 3 month).

Relative expressions ("Thursday", "yesterday", "last month") need the publication date;
without one only expressions that carry their year are resolved ("Jan. 5, 2022", "3 JAN 90"):
"Jan. 5" alone could be any year, and guessing one is worse than leaving it out. Resolution is
rule-based for the common shapes and falls back to `dateparser` only for the rest; results are
cached per (expression, publication date).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import NamedTuple

from pipeline.dates.lexicon import Lexicon, load_lexicon

DAY, WEEK, MONTH = 1, 2, 3  # ACLED time_precision

# How far after publication an expression without a year may fall before we read it as the
# previous year's date ("Dec. 30" in an article of Jan. 6).
_NO_YEAR_FORWARD = dt.timedelta(days=60)

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# Bare "sun", "sat" and "mon" are left out: as words they are rarely weekdays.
_WD = r"(?P<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day|tues?|wed|thu(?:rs?)?|fri)"

# Patterns on the normalised expression (lower case, no punctuation but "-" and "/").
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<day>\d{1,2})\b")
_NUMERIC = re.compile(r"\b(?P<m>\d{1,2})/(?P<day>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?\b")
_MONTH_DAY = re.compile(rf"\b{_MON} (?P<day>\d{{1,2}})(?: (?P<year>\d{{4}}|\d{{2}}))?\b")
_DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}}) (?:of )?{_MON}(?: (?P<year>\d{{4}}|\d{{2}}))?\b")
_MONTH_ONLY = re.compile(rf"\b{_MON}(?: (?P<year>\d{{4}}))?\b")
_WEEKDAY = re.compile(rf"\b{_WD}\b")
_DAY_BEFORE_YESTERDAY = re.compile(r"\bday before yesterday\b")
_YESTERDAY = re.compile(r"\byesterday\b")
_LAST_NIGHT = re.compile(r"\blast night\b")
_TODAY = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b")
# "Overnight" alone, in the news of the morning after: the night that ends on publication day.
_OVERNIGHT = re.compile(r"^overnight$")
_AGO = re.compile(
    r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r" (?P<unit>day|week|month)s? ago\b"
)
_WEEKEND = re.compile(r"\bweekend\b")
_THIS_WEEK = re.compile(r"\bthis week\b")
_LAST_WEEK = re.compile(r"\b(?:last|past) week\b")
_THIS_MONTH = re.compile(r"\bthis month\b")
_LAST_MONTH = re.compile(r"\b(?:last|past) month\b")
_LAST_WEEKDAY = re.compile(rf"\b(?:last|this past) {_WD}\b")
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_PUNCT = re.compile(r"[^\w/\-]+")
_NOISE_DASH = re.compile(r"(?<![\d\w])-|-(?![\d\w])")
# dateparser reads a bare number ("16", an age or a count) or an ordinal ("12th" grade, the
# "13th" victim) as a day: only numeric dates the rules do not know reach it ("2021.12.24");
# the rules resolve every month name first.
_FALLBACK_SHAPE = re.compile(r"\b\d{1,4}[./]\d{1,2}[./]\d{2,4}\b")


class Resolved(NamedTuple):
    """A date expression resolved to a best day, the interval it stands for and a precision."""

    date: dt.date
    date_low: dt.date
    date_high: dt.date
    time_precision: int
    has_year: bool  # the expression states its year (so it may lie after publication)


def _normalise(expr: str) -> str:
    s = expr.lower().replace("’", "'").replace("'s", "")
    s = _ORDINAL.sub(r"\1", s)
    s = _PUNCT.sub(" ", s)
    s = _NOISE_DASH.sub(" ", s)
    return " ".join(s.split())


def _year(text: str | None) -> int | None:
    if not text:
        return None
    y = int(text)
    if len(text) == 2:  # wire copy: "3 JAN 90"
        y += 1900 if y >= 50 else 2000
    return y


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day(d: dt.date, has_year: bool = False) -> Resolved:
    return Resolved(d, d, d, DAY, has_year)


def _month_interval(
    year: int, month: int, until: dt.date | None = None, has_year: bool = False
) -> Resolved:
    low = dt.date(year, month, 1)
    high = (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)
    if until is not None and low <= until < high:
        high = until
    return Resolved(low + (high - low) / 2, low, high, MONTH, has_year)


def _month_day(month: int, day: int, year: int | None, pub: dt.date | None) -> Resolved | None:
    """A day of a month; without a year, the occurrence nearest before publication."""
    if year is not None:
        d = _safe_date(year, month, day)
        return _day(d, True) if d else None
    if pub is None:
        return None
    d = _safe_date(pub.year, month, day)
    if d is None and (month, day) == (2, 29):
        return None  # Feb. 29 named in a non-leap year of publication: a typo or another year
    if d is not None and d > pub + _NO_YEAR_FORWARD:
        d = _safe_date(pub.year - 1, month, day)
    return _day(d) if d else None


def _weekday(wd: int, pub: dt.date, strictly_before: bool = False) -> Resolved:
    """The most recent such weekday not after publication (news reports past events)."""
    delta = (pub.weekday() - wd) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return _day(pub - dt.timedelta(days=delta))


def _week(monday: dt.date, until: dt.date) -> Resolved:
    high = min(monday + dt.timedelta(days=6), until)
    return Resolved(monday + (high - monday) / 2, monday, high, WEEK, False)


def _resolve_absolute(s: str, pub: dt.date | None) -> tuple[bool, Resolved | None]:
    """(whether the expression names a day of a month, its resolution or None)."""
    m = _ISO.search(s)
    if m:
        d = _safe_date(int(m["year"]), int(m["m"]), int(m["day"]))
        return True, _day(d, True) if d else None
    # Day-month first: in "3 jan 90" month-day would read day 90.
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for m in pattern.finditer(s):
            if 1 <= int(m["day"]) <= 31:
                month, year = _MONTHS[m["mon"]], _year(m["year"])
                return True, _month_day(month, int(m["day"]), year, pub)
    m = _NUMERIC.search(s)
    if m and 1 <= int(m["m"]) <= 12:
        return True, _month_day(int(m["m"]), int(m["day"]), _year(m["year"]), pub)
    return False, None


def _resolve_relative(s: str, pub: dt.date) -> Resolved | None:
    one_day = dt.timedelta(days=1)
    if _DAY_BEFORE_YESTERDAY.search(s):
        return _day(pub - 2 * one_day)
    if _YESTERDAY.search(s) or _LAST_NIGHT.search(s):
        return _day(pub - one_day)
    m = _LAST_WEEKDAY.search(s)
    if m:
        return _weekday(_WEEKDAYS[m["wd"]], pub, strictly_before=True)
    m = _WEEKDAY.search(s)
    if m:
        return _weekday(_WEEKDAYS[m["wd"]], pub)
    if _TODAY.search(s):
        return _day(pub)
    if _OVERNIGHT.match(s):
        return Resolved(pub, pub - one_day, pub, DAY, False)
    m = _AGO.search(s)
    if m:
        n = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"]]
        if m["unit"] == "day":
            return _day(pub - n * one_day)
        if m["unit"] == "week":
            d = pub - dt.timedelta(weeks=n)
            return Resolved(d, d - 3 * one_day, min(d + 3 * one_day, pub), WEEK, False)
        month_index = pub.year * 12 + pub.month - 1 - n
        return _month_interval(month_index // 12, month_index % 12 + 1)
    if _WEEKEND.search(s):
        # The most recent Saturday-Sunday, the current one when published on a weekend day.
        saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
        return Resolved(saturday, saturday, min(saturday + one_day, pub), WEEK, False)
    monday = pub - dt.timedelta(days=pub.weekday())
    if _LAST_WEEK.search(s):
        return _week(monday - 7 * one_day, pub)
    if _THIS_WEEK.search(s):
        return _week(monday, pub)
    if _LAST_MONTH.search(s):
        last = pub.replace(day=1) - one_day
        return _month_interval(last.year, last.month)
    if _THIS_MONTH.search(s):
        return _month_interval(pub.year, pub.month, until=pub)
    return None


def _resolve_month(s: str, pub: dt.date | None) -> Resolved | None:
    m = _MONTH_ONLY.search(s)
    if not m or (m["mon"] == "may" and m["year"] is None):
        return None  # a bare "may" is the verb far more often (upper-case wire copy above all)
    month, year = _MONTHS[m["mon"]], _year(m["year"])
    if year is not None:
        return _month_interval(year, month, has_year=True)
    if pub is None:
        return None
    y = pub.year if month <= pub.month else pub.year - 1
    until = pub if (y, month) == (pub.year, pub.month) else None
    return _month_interval(y, month, until=until)


@functools.lru_cache(maxsize=1)
def _date_parser():  # noqa: ANN202  (dateparser's own type, imported lazily: it is slow to load)
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "current_period"})


def _resolve_fallback(expr: str, pub: dt.date | None) -> Resolved | None:
    """dateparser for the shapes the rules do not know ("2021.12.24"); only day and month
    periods count."""
    if pub is None or not _FALLBACK_SHAPE.search(expr):
        return None
    parser = _date_parser()
    parser._settings.RELATIVE_BASE = dt.datetime(pub.year, pub.month, pub.day, 12)  # noqa: SLF001
    try:
        data = parser.get_date_data(expr)
    except (ValueError, OverflowError):
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if data.period == "day":
        return _day(d)
    if data.period == "month":
        return _month_interval(d.year, d.month)
    return None


@functools.lru_cache(maxsize=65536)
def _resolve_cached(expr: str, published: dt.date | None, lex: Lexicon) -> Resolved | None:
    s = _normalise(expr)
    if not s or lex.not_event.search(s):
        return None
    named_day, found = _resolve_absolute(s, published)
    if named_day:
        return found  # None for a day that does not exist ("Feb. 29, 2023"): not a month
    if published is not None:
        found = _resolve_relative(s, published)
    if found is None:
        found = _resolve_month(s, published)
    if found is None:
        stripped = " ".join(lex.modifiers.sub(" ", expr.lower()).split())
        found = _resolve_fallback(stripped, published) if stripped else None
    return found


def resolve(expr: str, published: dt.date | None, lex: Lexicon | None = None) -> Resolved | None:
    """Resolve one date expression against the publication date, or None when it dates nothing
    (an age, a duration, a decade, a bare year, a relative date without publication date)."""
    return _resolve_cached(expr, published, lex or load_lexicon())


@functools.lru_cache(maxsize=4096)
def _resolve_near(expr: str, anchor: dt.date) -> Resolved | None:
    """A day of a month written without its year ("Jan. 5"), in the year that puts it nearest
    to `anchor`, a fully dated day of the same article; None for any other expression."""
    s = _normalise(expr)
    if _ISO.search(s):
        return None
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for m in pattern.finditer(s):
            if m["year"] is not None or not 1 <= int(m["day"]) <= 31:
                continue
            month, day = _MONTHS[m["mon"]], int(m["day"])
            days = [
                d
                for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                if (d := _safe_date(y, month, day)) is not None
            ]
            return _day(min(days, key=lambda d: abs(d - anchor))) if days else None
    return None
