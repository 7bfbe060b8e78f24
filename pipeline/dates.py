"""Dates: DATE expressions resolved against the publication date (issue 6).

The component `newsevents_dates` turns each date expression of an article into a day, the
interval it stands for and an ACLED time precision (1 day, 2 week, 3 month). Relative
expressions ("Thursday", "yesterday", "last month") are resolved against `doc._.published`;
without a publication date only expressions that carry their year are resolved ("Jan. 5, 2022",
"3 JAN 90"): "Jan. 5" alone could be any year, and guessing one is worse than leaving it out.

Candidates are the model's DATE entities, TIME entities that name a day ("Saturday night",
"last night") and a regular-expression scan for day expressions the model misses (upper-case
wire copy, "early Thursday", "overnight"). Resolution is rule-based for the common shapes and falls back to
`dateparser` only for the rest; results are cached per (expression, publication date).

`event_date` is the aggregation policy: the event happened on a date that is not a report
date ("police said Thursday") and not after publication: a day attached to the incident ("shot
Saturday"), then any other day, then a week, then a day of the aftermath ("arrested Friday"),
then months, the first in the text among equals; without one, the publication date stands for
the event at week precision.

Without a publication date (`published_from_dateline` finds none at the top of the text: no
wire dateline, no "Posted:" stamp), a day written without its year takes the year that puts it
nearest the article's latest fully dated day; relative days stay unresolved.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.schemas import DateFact
from pipeline import anatomy
from pipeline.resources import models_dir as models_root

if not Doc.has_extension("ne_dates"):
    Doc.set_extension("ne_dates", default=None)

DEFAULT_MODELS_DIR = models_root()

DAY, WEEK, MONTH = 1, 2, 3  # ACLED time_precision

# How far after publication an expression without a year may fall before we read it as the
# previous year's date ("Dec. 30" in an article of Jan. 6).
_NO_YEAR_FORWARD = dt.timedelta(days=60)

# Without any date for the event, it happened on the day of publication or in the week before.
# (The publication day itself is the best single guess: on the dev sets it beat the day before.)
_UNDATED_WINDOW = dt.timedelta(days=6)

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
_HAS_MONTH = re.compile(rf"\b{_MON}\b")
# dateparser reads a bare number ("16", an age or a count) or an ordinal ("12th" grade, the
# "13th" victim) as a day: only numeric dates the rules do not know reach it ("2021.12.24");
# the rules resolve every month name first.
_FALLBACK_SHAPE = re.compile(r"\b\d{1,4}[./]\d{1,2}[./]\d{2,4}\b")

# Day expressions the model often misses or labels TIME; scanned case-insensitively in the text.
_SCAN_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_SCAN_DAYNUM = r"\d{1,2}(?:st|nd|rd|th)?"
_SCAN_WD = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_SCAN_DATE = (
    rf"(?:{_SCAN_MON} {_SCAN_DAYNUM}(?:,? (?:19|20)\d\d)?"
    rf"|{_SCAN_DAYNUM} (?:of )?{_SCAN_MON}(?:,? (?:(?:19|20)\d\d|\d\d)\b)?)"
)
_SCAN = re.compile(
    rf"\b(?:(?:early|late) (?:on )?)?(?:last |this past )?{_SCAN_WD}"
    rf"(?:,? {_SCAN_DATE})?(?: (?:morning|afternoon|evening|night))?\b"
    rf"|\b{_SCAN_DATE}(?![\w/])"
    r"|\b(?:(?:early |late )?(?:yesterday|last night|tonight|this morning|overnight)"
    r"(?: (?:morning|afternoon|evening))?)\b",
    re.IGNORECASE,
)
# At most this many tokens between a date and its verb of saying ("said early on Thursday").
_REPORT_GAP = 3
_PRECEDING_NOT_EVENT = re.compile(
    r"\b(?:every|each|next|coming|following|until|till|since)\s+$", re.IGNORECASE
)
# A clock time right after a date, or a publishing word right before it: a page's time stamp.
# ("on Jan. 5 at 4:30 p.m." is prose: "at" and a date without its year do not make a stamp.)
_STAMP = re.compile(r"[\s,|\-–—]{1,4}\d{1,2}:\d\d\b")
_STAMP_BEFORE = re.compile(
    r"\b(?:posted|updated|published|created|modified)\b(?: on| at)?:?\s*$", re.IGNORECASE
)
# A line that opens with a bare clock reading ("3:45 March and vigil for ...", "1:16 Sunday
# interview"): the running time of a video in a page's playlist, not prose about a day.
_LEADING_CLOCK = re.compile(r"[ \t]*\d{1,2}:\d\d[ \t]+(?![ap]\.?m\b|o'clock)", re.IGNORECASE)
_ABBREVIATION_END = re.compile(r"(?:^|[^A-Za-z])[A-Za-z]{1,4}\.$")
# A month name in lower case is a verb or a noun ("about 20 march to the square", "1 may").
_LOWER_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")
_TIME_DAY_WORDS = re.compile(
    rf"\b(?:{_SCAN_WD}|yesterday|last night|tonight|today)\b", re.IGNORECASE
)


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


class Resolved(NamedTuple):
    """A date expression resolved to a best day, the interval it stands for and a precision."""

    date: dt.date
    date_low: dt.date
    date_high: dt.date
    time_precision: int
    has_year: bool  # the expression states its year (so it may lie after publication)


def _read_lines(path: Path) -> list[str]:
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@functools.lru_cache(maxsize=8)
def load_lexicon(models_dir: str | Path = DEFAULT_MODELS_DIR) -> Lexicon:
    """Read and compile the word lists of `<models_dir>/dates/` (once per directory)."""
    folder = Path(models_dir or DEFAULT_MODELS_DIR) / "dates"
    modifiers = sorted(_read_lines(folder / "modifiers.txt"), key=len, reverse=True)
    report = frozenset(_read_lines(folder / "report_words.txt"))
    incident = frozenset(_read_lines(folder / "incident_words.txt"))
    aftermath = frozenset(_read_lines(folder / "aftermath_words.txt")) - incident
    return Lexicon(
        modifiers=re.compile(r"\b(?:" + "|".join(map(re.escape, modifiers)) + r")\b"),
        not_event=re.compile("|".join(_read_lines(folder / "not_event.txt")), re.IGNORECASE),
        report_words=report,
        incident_words=incident,
        known_words=report | incident | aftermath,
        future_words=frozenset(_read_lines(folder / "future_words.txt")),
        aftermath_words=aftermath,
        life_words=frozenset(_read_lines(folder / "life_words.txt")),
    )


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


# --- Datelines: found by pipeline.anatomy, read as days here --------------------------------


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


# --- The component ----------------------------------------------------------------------------


def _lemma(token: Token, lex: Lexicon) -> str:
    """The token's lemma; for upper-case wire copy, which the lemmatizer leaves as written
    ("ATTACKED"), the first suffix-stripped form that one of the lexicons knows."""
    lemma = token.lemma_.lower()
    if not token.is_upper or (lemma and lemma != token.lower_):
        return lemma
    lemma = token.lower_
    known = lex.known_words
    for suffix, end in (("", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"),
                        ("s", ""), ("es", "")):  # fmt: skip
        if lemma.endswith(suffix):
            stem = lemma[: len(lemma) - len(suffix)] + end
            if stem in known:
                return stem
    return lemma


def _governor(span: Span, lex: Lexicon) -> Token | None:
    """The word a date attaches to: its nearest verb, or a nearer noun of the lexicons
    ("a statement Friday", "the attack on Monday", "a vigil Sunday")."""
    token = span.root
    for _ in range(4):
        head = token.head
        if head is token:
            return None
        lemma = _lemma(head, lex)
        if head.pos_ in ("VERB", "AUX") or lemma in lex.known_words:
            return head
        token = head
    return None


def _governor_lemma(governor: Token, lex: Lexicon) -> str:
    """The lemma a date's governor is known by; a verb with an aftermath noun in its
    prepositional phrase is known by that noun ("taken into custody", "was in court")."""
    lemma = _lemma(governor, lex)
    if lemma in lex.report_words:
        return lemma
    for prep in governor.children:
        if prep.dep_ == "prep":
            for obj in prep.children:
                if obj.dep_ == "pobj" and _lemma(obj, lex) in lex.aftermath_words:
                    return _lemma(obj, lex)
    return lemma


def _is_plan(governor: Token, lex: Lexicon) -> bool:
    """Whether the verb a date attaches to is planned, not done: "will appear Monday", "is
    scheduled for Friday", "is expected to be arraigned Monday"."""
    for token in (governor, governor.head if governor.dep_ in ("xcomp", "ccomp") else None):
        if token is None:
            continue
        if token.lemma_.lower() in lex.future_words:
            return True
        if any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in lex.future_words for c in token.children
        ):
            return True
    return False


def _role(span: Span, governor: Token | None, lex: Lexicon) -> str:
    """'report' when the date attaches to a nearby word of saying ("said Thursday", "a
    statement Friday"), else 'event'. A passive "was reported Sunday" dates the incident; a
    date far from the verb of saying is more often a parse error inside the reported clause
    ("... was shot on Jan. 6 around 9 p.m., police said")."""
    if governor is None or _lemma(governor, lex) not in lex.report_words:
        return "event"
    if any(child.dep_ in ("auxpass", "nsubjpass") for child in governor.children):
        return "event"
    gap = span.start - governor.i - 1 if governor.i < span.start else governor.i - span.end
    return "report" if gap <= _REPORT_GAP else "event"


def _candidates(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of date expressions: DATE entities, TIME entities naming a day, and the
    day expressions the regular-expression scan finds; overlaps keep the longest."""
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ == "DATE" or (
            ent.label_ == "TIME" and _TIME_DAY_WORDS.search(ent.text)
        ):
            spans.append((ent.start_char, ent.end_char))
    spans.extend(m.span() for m in _SCAN.finditer(doc.text) if not _LOWER_MONTH.search(m[0]))
    spans.sort(key=lambda se: (se[0] - se[1], se[0]))
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if all(end <= s or start >= e for s, e in kept):
            kept.append((start, end))
    kept.sort()
    return kept


def _trim_end(text: str, start: int, end: int) -> int:
    """End of a date span without the trailing blanks and sentence punctuation the model may
    include ("12 JANUARY."), keeping the period of an abbreviation ("Jan.", "Sept.")."""
    while end > start and (text[end - 1] in " \t\r\n,;:" or (
        text[end - 1] == "." and _ABBREVIATION_END.search(text, start, end) is None
    )):
        end -= 1
    return end


def date_facts(doc: Doc, lex: Lexicon) -> list[dict[str, object]]:
    """The resolved date expressions of an annotated Doc, as dicts valid as DateFact."""
    text_all = doc.text  # once: Doc.text rebuilds the whole text on every call
    published = dt.date.fromisoformat(doc._.published) if doc._.published else None
    dateline_end = anatomy.dated_dateline_end(text_all)
    facts: list[dict[str, object]] = []
    candidates = []
    for start, end in _candidates(doc):
        end = _trim_end(text_all, start, end)
        text = text_all[start:end]
        candidates.append((start, end, text, _resolve_cached(text, published, lex)))
    # Without a publication date, a day written without its year ("Jan. 5") takes the year
    # that puts it nearest the latest fully dated day of the article; relative days stay out.
    anchor = None
    if published is None:
        full = [f.date for *_, f in candidates if f is not None and f.has_year and f.time_precision == DAY]
        anchor = max(full, default=None)
    for start, end, text, found in candidates:
        if found is None and anchor is not None:
            found = _resolve_near(text, anchor)
        if found is None or _PRECEDING_NOT_EVENT.search(text_all, max(0, start - 12), start):
            continue  # "every Tuesday", "next Friday": the scan does not take the word before
        clock = _LEADING_CLOCK.match(text_all, text_all.rfind("\n", 0, start) + 1)
        if clock is not None and start <= clock.end() < end:
            continue  # a video's running time before its title
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or (_OVERNIGHT.match(text.lower()) and span.root.pos_ != "ADV"):
            continue  # "an overnight shift", "overnight lows": no night of an event
        governor = _governor(span, lex)
        # The dateline and page stamps ("Posted Jan. 5, 2022 4:39 PM") date the report, and so
        # does a fully written date that is the publication day (prose rarely spells out today).
        if end <= dateline_end or (
            found.has_year
            and (
                found.date == published
                or _STAMP.match(text_all, end)
                or anatomy.PAREN_DATELINE_CLOSE.match(text_all, end) and text_all[start - 1 : start] == "("
                or _STAMP_BEFORE.search(text_all, max(0, start - 24), start)
            )
        ):
            role = "report"
        else:
            role = _role(span, governor, lex)
        if published is not None and found.date_low > published and not found.has_year:
            role = "other"  # a relative date after publication is a plan, not an event
        elif governor is not None and role == "event" and (
            _is_plan(governor, lex) or _lemma(governor, lex) in lex.life_words
        ):
            role = "other"
        facts.append(
            {
                "kind": "date",
                "text": text,
                "sentence": span.sent.text if doc.has_annotation("SENT_START") else text,
                "char_start": start,
                "char_end": end,
                # ISO strings, not dates: Doc extensions must survive msgpack (n_process > 1).
                "date": found.date.isoformat(),
                "date_low": found.date_low.isoformat(),
                "date_high": found.date_high.isoformat(),
                "time_precision": found.time_precision,
                "role": role,
                "governor": _governor_lemma(governor, lex) if governor is not None else None,
            }
        )
    return facts


@Language.factory("newsevents_dates", default_config={"models_dir": ""})
def make_component(nlp: Language, name: str, models_dir: str):  # noqa: ANN201
    """Build the component; its word lists are read once from `<models_dir>/dates/`."""
    lex = load_lexicon(models_dir or DEFAULT_MODELS_DIR)

    def component(doc: Doc) -> Doc:
        doc._.ne_dates = date_facts(doc, lex)
        return doc

    return component


# --- Event policy -----------------------------------------------------------------------------


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
        ([f for f in usable if f.role == "event" and f.time_precision == DAY and f not in past], "incident"),
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
