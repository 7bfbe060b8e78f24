"""The parts of an article the places component reads by pattern: the dateline, the headline's
outlet signature, and whether the text is upper-case wire copy.

Kept apart on purpose: a shared article-anatomy module is to replace these patterns.
spaCy-free.
"""

from __future__ import annotations

import re

# A headline's trailing outlet signature: "Man shot - WXYZ News - Dayton, OH", "... | The Post".
TITLE_SIGN = re.compile(r"\s+[-|\u2013\u2014]\s+")
# A dateline at the start of a line: an upper-case place, an optional region, an optional day
# ("3 JAN 90"), an optional outlet in parentheses, then a dash: "WILMINGTON, Calif. (AP) -".
# Scraped pages glue it to the headline or the site name before it ("...on east sideDETROIT
# (WJBK) -", "Fox 59INDIANAPOLIS (December 3, 2015) -") or start it after a teaser sentence.
DATELINE = re.compile(
    r"(?m)(?:(?:^|(?<=[a-z]\.\s))[ \t|]*|(?<=[a-z0-9]))(?P<place>[A-Z][A-Z.'\- ]{1,40}?[A-Z.])"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.' ]{0,24}?[A-Za-z.]))?"
    r"(?:,\s*\d{1,2}\s+[A-Z]{3}(?:\s+\d{2,4})?)?"
    r"\s*(?:\([^()\n]{1,40}\))?\s*(?:--|[-\u2013\u2014]|(?<=\)):)\s"
)
# A dateline is looked for in the opening characters only.
DATELINE_REACH = 600
# Share of upper-case letters above which a text is treated as wire copy.
UPPER_SHARE = 0.7
_UPPER_LETTER = re.compile(r"[A-Z]")
_LOWER_LETTER = re.compile(r"[a-z]")


def find_dateline(text: str) -> re.Match[str] | None:
    """The first dateline of the article's opening lines, if any."""
    return DATELINE.search(text[:DATELINE_REACH])


def split_title(title: str) -> list[str]:
    """The headline, then the parts of its outlet signature ("Man shot - WXYZ - Dayton, OH")."""
    return TITLE_SIGN.split(title.strip())


def is_upper_text(text: str) -> bool:
    """Whether a text is upper-case wire copy (judged on the whole text: a page may open with
    upper-case menus above lower-case prose)."""
    n_upper, n_lower = len(_UPPER_LETTER.findall(text)), len(_LOWER_LETTER.findall(text))
    return n_upper + n_lower > 0 and n_upper / (n_upper + n_lower) > UPPER_SHARE
