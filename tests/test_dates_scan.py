"""The text patterns around date expressions (pipeline.dates.scan) and the page stamps
(pipeline.dates.stamps)."""

from __future__ import annotations

from pipeline.dates.scan import _LOWER_MONTH, _PRECEDING_NOT_EVENT, _SCAN, _TIME_DAY_WORDS
from pipeline.dates.stamps import _LEADING_CLOCK, _STAMP, _STAMP_BEFORE


def test_scan_finds_day_expressions_the_model_may_miss() -> None:
    text = "GUNMEN ATTACKED A BUS EARLY THURSDAY; a vigil was held late last night."
    assert [m[0] for m in _SCAN.finditer(text)] == ["EARLY THURSDAY", "late last night"]


def test_scan_words_that_rule_a_date_out() -> None:
    assert _PRECEDING_NOT_EVENT.search("the market opens every ") is not None
    assert _LOWER_MONTH.search("about 20 march to the square") is not None
    assert _TIME_DAY_WORDS.search("Saturday night") is not None
    assert _TIME_DAY_WORDS.search("9 p.m.") is None


def test_stamp_patterns() -> None:
    assert _STAMP.match(", 4:39 PM", 0) is not None
    assert _STAMP_BEFORE.search("Posted on ") is not None
    assert _LEADING_CLOCK.match("3:45 Sunday interview") is not None
    assert _LEADING_CLOCK.match("3:45 p.m. Sunday") is None
