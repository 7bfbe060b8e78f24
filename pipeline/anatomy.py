"""The anatomy of an article, read once before the NLP: the parts a reader sees before the story.

- **Title**: a page title is a headline, often followed by the outlet's name after a separator
  ("Man shot downtown | Channel 5 News"): `split_title`, `headline`, `outlet`.
- **Wire lead**: copy and titles may open with capitals up to a dash, the place, day and
  agency of a wire story ("SAN MIGUEL, 7 JAN 90 (AFP) -- [TEXT]"): `strip_wire_lead`,
  `lead_sources` (the bracketed agency or station).
- **Dateline** of the scene: an upper-case place, an optional region, an optional day and
  agency, then a dash, near the top ("WILMINGTON, Calif. (AP) -"): `find_dateline`.
- **Stated day**: the day the top of the text gives its report, from a dated wire dateline
  ("SAN SALVADOR, 3 JAN 90 --"), a parenthesised one ("INDIANAPOLIS, Ind. (Jan. 8, 2016) --")
  or a page stamp ("Posted: Jan. 5, 2014"): `stated_day` gives its words; `pipeline.dates` reads
  them as a date.
- **Upper case**: old wire copy in capitals, which the model parses badly: `is_upper_copy`.

`read_anatomy` reads them all into one plain dict, which `pipeline.nlp.make_doc` puts on the Doc
(`doc._.anatomy`) for every component; plain data, so it survives `nlp.pipe(n_process=2)`. This
is the one module that holds title, dateline and all-caps patterns. spaCy is not imported here.
"""

from __future__ import annotations

import re
from typing import Any

# --- Title --------------------------------------------------------------------------------------

# Where an outlet's name starts after a headline: " | ", " « ", " :: ", or a spaced dash.
TITLE_TAIL = re.compile(r" (?:\||«|::|-|–|—) ")
# Every separator of a headline's outlet signature: "Man shot - WXYZ News - Dayton, OH".
TITLE_SIGN = re.compile(r"\s+[-|\u2013\u2014]\s+")
# A headline has at least this many words before the separator that starts an outlet's name.
MIN_HEADLINE_WORDS = 3

# --- Wire lead ----------------------------------------------------------------------------------

# Capitals, digits and punctuation up to a dash, then any [TAG]: "SAN MIGUEL, 7 JAN 90 (AFP) --
# [TEXT]", "DENVER (KXYZ) —".
WIRE_LEAD = re.compile(r"^[^a-z]{2,80}?\s?(?:--|—|–)\s*(?:\[[A-Z ]+\]\s*)*")
# The agency or station in a lead's brackets: "(AFP)", "(RADIO VENCEREMOS)".
LEAD_SOURCE = re.compile(r"\(([^()]{2,40})\)")

# --- Dateline of the scene ----------------------------------------------------------------------

# At the start of a line: an upper-case place, an optional region, an optional day ("3 JAN 90"),
# an optional outlet in parentheses, then a dash: "WILMINGTON, Calif. (AP) -". Scraped pages glue
# it to the headline or the site name before it ("...on east sideDETROIT (WJBK) -", "Fox
# 59INDIANAPOLIS (December 3, 2015) -") or start it after a teaser sentence.
PLACE_DATELINE = re.compile(
    r"(?m)(?:(?:^|(?<=[a-z]\.\s))[ \t|]*|(?<=[a-z0-9]))(?P<place>[A-Z][A-Z.'\- ]{1,40}?[A-Z.])"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.' ]{0,24}?[A-Za-z.]))?"
    r"(?:,\s*\d{1,2}\s+[A-Z]{3}(?:\s+\d{2,4})?)?"
    r"\s*(?:\([^()\n]{1,40}\))?\s*(?:--|[-\u2013\u2014]|(?<=\)):)\s"
)
PLACE_DATELINE_REACH = 600  # characters from the top where the scene's dateline may stand

# --- Stated day ---------------------------------------------------------------------------------

_MON = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# "SAN SALVADOR, 3 JAN 90 --", "LIMA (EFE), 10 FEB 89 (RADIO ...) --",
# "WASHINGTON, Jan. 5, 2022 (AP) --": an upper-case place, a dated stamp, then a dash or agency.
DATED_DATELINE = re.compile(
    r"^[\s\W]*(?:[A-Z][A-Z.'\-]*(?:[ ,]+[A-Z][A-Za-z.'\-]*){0,4})"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?,\s*"
    rf"(?P<date>\d{{1,2}} {_MON},? (?:\d{{4}}|\d{{2}})"
    rf"|{_MON} \d{{1,2}},? (?:\d{{4}}|\d{{2}}))"
    r"\s*(?:\([^)\n]{0,80}\)\s*)?(?:--|—|–|-|\[|$)",
    re.MULTILINE,
)
DATELINE_REACH = 400  # characters from the start of the text where a dated dateline may stand
# A fully dated day as web pages print it: "Jan. 5, 2014", "January 5th, 2014", "5 January
# 2014", "1/5/2014", "2014-01-05", optionally after its weekday ("Sun January 5, 2014").
_FULL_DATE = (
    rf"(?:(?i:{_WEEKDAY}|mon|tue|tues|wed|thu|thurs|fri|sat|sun)\.?,?\s+)?"
    rf"(?P<date>{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    rf"|\d{{1,2}}\s+{_MON},?\s+(?:19|20)\d\d"
    r"|\d{1,2}/\d{1,2}/(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)\b"
)
# Page chrome near the top: "Posted: Jan. 5, 2014", "Published Sunday, January 5, 2014 4:30 PM",
# "Updated 5:32 PM EST, Sun January 5, 2014"; a clock reading may stand before the date.
PAGE_STAMP = re.compile(
    r"\b(?i:posted|published|updated|last updated|created|first published)\b"
    r"(?:\s+(?i:on|at))?\s*:?\s*"
    r"(?:\d{1,2}:\d\d\s*(?i:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?\s*,?\s*(?:(?i:on)\s+)?)?"
    + _FULL_DATE
)
# "INDIANAPOLIS, Ind. (Jan. 8, 2016) -- ...": an upper-case place, the date in parentheses,
# then a dash; scraped pages often glue it to the headline before it ("... | Fox 59INDIANAPOLIS").
PAREN_DATELINE = re.compile(
    r"[A-Z]{3,}[A-Z.'\-]*(?:[ ,]+[A-Z][A-Za-z.'\-]*){0,4}\s*\(\s*"
    + _FULL_DATE
    + r"\s*\)\s*(?:--|—|–|-)"
)
# What follows a parenthesised dateline's date: ") --".
PAREN_DATELINE_CLOSE = re.compile(r"\)\s*(?:--|—|–|-)")
STAMP_REACH = 600  # page chrome stands above or just below the headline

# --- Upper case ---------------------------------------------------------------------------------

_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")
# Share of capitals among the letters above which a text is wire copy in capitals.
UPPER_SHARE = 0.7


def split_title(title: str, last: bool = False) -> tuple[str, str] | None:
    """A title's headline and the outlet's name after its first (or last) separator ("Man shot
    downtown | Channel 5 News"), or None when it has no separator after three words."""
    matches = list(TITLE_TAIL.finditer(title))
    if not matches:
        return None
    match = matches[-1] if last else matches[0]
    if len(title[: match.start()].split()) < MIN_HEADLINE_WORDS:
        return None
    return title[: match.start()], title[match.end() :]


def strip_wire_lead(text: str) -> str:
    """`text` without the wire lead it opens with ("DENVER (KXYZ) — ...")."""
    return WIRE_LEAD.sub("", text)


def headline(title: str | None) -> str:
    """A title without its wire lead and the outlet's name after it ("Man shot downtown |
    Channel 5 News" gives "Man shot downtown"); "" for no title."""
    if not title:
        return ""
    title = strip_wire_lead(title)
    parts = split_title(title)
    return parts[0] if parts else title


def outlet(title: str | None) -> str:
    """The outlet's name that ends a title, lower-cased ("channel 5 news"); "" when it has none.
    The last separator names it: a headline may hold a dash of its own ("Man shot - police
    say | WXYZ")."""
    parts = split_title(strip_wire_lead(title), last=True) if title else None
    return " ".join(parts[1].lower().split()) if parts else ""


def lead_sources(title: str | None) -> list[str]:
    """The agencies or stations in brackets in a title's wire lead ("DENVER (KXYZ) —")."""
    lead = WIRE_LEAD.match(title or "")
    return LEAD_SOURCE.findall(lead.group()) if lead else []


def signature_parts(title: str) -> list[str]:
    """The headline, then each part of its outlet signature ("Man shot - WXYZ - Dayton, OH"
    gives three parts): a place in the signature is the outlet's home, not the story's."""
    return TITLE_SIGN.split(title.strip())


def dateline_match(text: str) -> re.Match[str] | None:
    """The scene's dateline near the top of `text` as a match (groups `place`, `region`)."""
    return PLACE_DATELINE.search(text[:PLACE_DATELINE_REACH])


def find_dateline(text: str) -> dict[str, Any] | None:
    """The scene's dateline near the top of `text`: its place and region (as written) and the
    place's character span, or None."""
    m = dateline_match(text)
    if not m:
        return None
    start, end = m.span("place")
    return {"place": m["place"], "region": m["region"], "start": start, "end": end}


def stated_day(text: str) -> dict[str, Any] | None:
    """The words of the day the top of `text` states for its report, with `need_year` (a page
    stamp or parenthesised dateline without a year states no publication date) and `end` (where
    those words end); None when it states none. Never a day of the story itself."""
    head = text[:DATELINE_REACH]
    for kind, pattern, reach, need_year in (
        ("dateline", DATED_DATELINE, head, False),
        ("paren_dateline", PAREN_DATELINE, head, True),
        ("page_stamp", PAGE_STAMP, text[:STAMP_REACH], True),
    ):
        m = pattern.search(reach)
        if m:
            return {"kind": kind, "text": m["date"], "need_year": need_year, "end": m.end("date")}
    return None


def dated_dateline_end(text: str) -> int:
    """Where the day of a dated wire dateline at the top of `text` ends, or -1: dates up to it
    date the report, not the event."""
    m = DATED_DATELINE.search(text[:DATELINE_REACH])
    return m.end("date") if m else -1


def upper_share(text: str) -> float:
    """The share of capitals among the (ASCII) letters of `text`; 0.0 when it has none."""
    n_upper, n_lower = len(_UPPER.findall(text)), len(_LOWER.findall(text))
    return n_upper / (n_upper + n_lower) if n_upper + n_lower else 0.0


def is_upper_copy(text: str) -> bool:
    """Whether `text` is copy in capitals (old wire copy). The whole text counts: a page may
    open with upper-case menus above lower-case prose."""
    return upper_share(text) > UPPER_SHARE


def read_anatomy(text: str, title: str | None = None) -> dict[str, Any]:
    """The parts of one cleaned article (see the module docstring) as plain data."""
    return {
        "headline": headline(title) or None,
        "outlet": outlet(title) or None,
        "dateline": find_dateline(text),
        "stated_day": stated_day(text),
        "dated_dateline_end": dated_dateline_end(text),
        "upper": is_upper_copy(text),
    }
