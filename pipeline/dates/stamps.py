"""Datelines and page stamps: where a text states its own publication date.

The regexes of article anatomy a date component reads: a wire dateline at the top, a page's
"Posted:" or "Updated" stamp, a dateline in parentheses inside the text, a clock reading after
a date. Kept apart (and free of other imports) so they can move to a shared module.
"""

from __future__ import annotations

import re

_WEEKDAY_NAME = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"

# A clock time right after a date, or a publishing word right before it: a page's time stamp.
# ("on Jan. 5 at 4:30 p.m." is prose: "at" and a date without its year do not make a stamp.)
_STAMP = re.compile(r"[\s,|\-–—]{1,4}\d{1,2}:\d\d\b")
# "INDIANAPOLIS, Ind. (Jan. 8, 2016) -- ...": a dateline in parentheses inside the text.
_PAREN_DATELINE = re.compile(r"\)\s*(?:--|—|–|-)")
_STAMP_BEFORE = re.compile(
    r"\b(?:posted|updated|published|created|modified)\b(?: on| at)?:?\s*$", re.IGNORECASE
)
# A line that opens with a bare clock reading ("3:45 March and vigil for ...", "1:16 Sunday
# interview"): the running time of a video in a page's playlist, not prose about a day.
_LEADING_CLOCK = re.compile(r"[ \t]*\d{1,2}:\d\d[ \t]+(?![ap]\.?m\b|o'clock)", re.IGNORECASE)

_DL_MON = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# "SAN SALVADOR, 3 JAN 90 --", "LIMA (EFE), 10 FEB 89 (RADIO ...) --",
# "WASHINGTON, Jan. 5, 2022 (AP) --": an upper-case place, a dated stamp, then a dash or agency.
_DATELINE = re.compile(
    r"^[\s\W]*(?:[A-Z][A-Z.'\-]*(?:[ ,]+[A-Z][A-Za-z.'\-]*){0,4})"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?,\s*"
    rf"(?P<date>\d{{1,2}} {_DL_MON},? (?:\d{{4}}|\d{{2}})"
    rf"|{_DL_MON} \d{{1,2}},? (?:\d{{4}}|\d{{2}}))"
    r"\s*(?:\([^)\n]{0,80}\)\s*)?(?:--|—|–|-|\[|$)",
    re.MULTILINE,
)
_DATELINE_REACH = 400  # characters from the start of the text where a dateline may stand

# A fully dated day as web pages print it: "Jan. 5, 2014", "January 5th, 2014", "5 January
# 2014", "1/5/2014", "2014-01-05", optionally after its weekday ("Sun January 5, 2014").
_FULL_DATE = (
    rf"(?:(?i:{_WEEKDAY_NAME}|mon|tue|tues|wed|thu|thurs|fri|sat|sun)\.?,?\s+)?"
    rf"(?P<date>{_DL_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    rf"|\d{{1,2}}\s+{_DL_MON},?\s+(?:19|20)\d\d"
    r"|\d{1,2}/\d{1,2}/(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)\b"
)
# Page chrome near the top: "Posted: Jan. 5, 2014", "Published Sunday, January 5, 2014 4:30 PM",
# "Updated 5:32 PM EST, Sun January 5, 2014"; a clock reading may stand before the date.
_PAGE_STAMP = re.compile(
    r"\b(?i:posted|published|updated|last updated|created|first published)\b"
    r"(?:\s+(?i:on|at))?\s*:?\s*"
    r"(?:\d{1,2}:\d\d\s*(?i:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?\s*,?\s*(?:(?i:on)\s+)?)?"
    + _FULL_DATE
)
# "INDIANAPOLIS, Ind. (Jan. 8, 2016) -- ...": an upper-case place, the date in parentheses,
# then a dash; scraped pages often glue it to the headline before it ("... | Fox 59INDIANAPOLIS").
_PAREN_DATELINE_START = re.compile(
    r"[A-Z]{3,}[A-Z.'\-]*(?:[ ,]+[A-Z][A-Za-z.'\-]*){0,4}\s*\(\s*"
    + _FULL_DATE
    + r"\s*\)\s*(?:--|—|–|-)"
)
_STAMP_REACH = 600  # page chrome stands above or just below the headline
