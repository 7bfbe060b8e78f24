"""Datelines, headline signatures and wire copy in capitals, as the places component reads
them from pipeline.anatomy."""

from __future__ import annotations

from pipeline.anatomy import dateline_match as find_dateline
from pipeline.anatomy import is_upper_copy as is_upper_text
from pipeline.anatomy import signature_parts as split_title


def test_dateline_with_region_and_outlet() -> None:
    m = find_dateline("WILMINGTON, Calif. (AP) - A fire broke out on Monday.")
    assert m is not None
    assert (m.group("place"), m.group("region")) == ("WILMINGTON", "Calif.")


def test_dateline_glued_to_the_text_before_it() -> None:
    m = find_dateline("Crash closes road on east sideDETROIT (WXYZ) - Two cars collided.")
    assert m is not None and m.group("place") == "DETROIT"


def test_no_dateline_in_plain_prose() -> None:
    assert find_dateline("Two cars collided on Monday morning in the rain.") is None


def test_dateline_only_in_the_opening_lines() -> None:
    assert find_dateline("x. " * 300 + "\nBOSTON (AP) - Late news.") is None


def test_title_signature_parts() -> None:
    assert split_title(" Man hurt in crash - WXYZ News - Dayton, OH ") == \
        ["Man hurt in crash", "WXYZ News", "Dayton, OH"]
    assert split_title("Man hurt in crash | The Post") == ["Man hurt in crash", "The Post"]
    assert split_title("A well-known road") == ["A well-known road"]


def test_upper_text() -> None:
    assert is_upper_text("GUERRILLAS ATTACKED A POST IN THE NORTH, Officials Said")
    assert not is_upper_text("Guerrillas attacked a post in the north.")
    assert not is_upper_text("1234 -- 5678")
