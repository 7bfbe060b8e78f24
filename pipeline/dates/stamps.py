"""Page stamps beside a date: a clock reading after it, a publishing word before it, a video's
running time opening a line. Datelines and "Posted:" stamps at the top of a text are the
article anatomy's (`pipeline.anatomy`), the one holder of those patterns.
"""

from __future__ import annotations

import re

# A clock time right after a date, or a publishing word right before it: a page's time stamp.
# ("on Jan. 5 at 4:30 p.m." is prose: "at" and a date without its year do not make a stamp.)
_STAMP = re.compile(r"[\s,|\-–—]{1,4}\d{1,2}:\d\d\b")
_STAMP_BEFORE = re.compile(
    r"\b(?:posted|updated|published|created|modified)\b(?: on| at)?:?\s*$", re.IGNORECASE
)
# A line that opens with a bare clock reading ("3:45 March and vigil for ...", "1:16 Sunday
# interview"): the running time of a video in a page's playlist, not prose about a day.
_LEADING_CLOCK = re.compile(r"[ \t]*\d{1,2}:\d\d[ \t]+(?![ap]\.?m\b|o'clock)", re.IGNORECASE)
