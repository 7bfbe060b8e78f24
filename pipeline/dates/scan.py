"""Patterns of the text around date expressions: the scan for day expressions the model misses
and the words before or inside a candidate that rule it out."""

from __future__ import annotations

import re

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
_PRECEDING_NOT_EVENT = re.compile(
    r"\b(?:every|each|next|coming|following|until|till|since)\s+$", re.IGNORECASE
)
_ABBREVIATION_END = re.compile(r"(?:^|[^A-Za-z])[A-Za-z]{1,4}\.$")
# A month name in lower case is a verb or a noun ("about 20 march to the square", "1 may").
_LOWER_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")
_TIME_DAY_WORDS = re.compile(
    rf"\b(?:{_SCAN_WD}|yesterday|last night|tonight|today)\b", re.IGNORECASE
)

