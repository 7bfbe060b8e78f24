"""Whether two victim names name one person (pipeline/casualties/names.py, plain strings)."""

from __future__ import annotations

import pytest

from pipeline.casualties import same_person


@pytest.mark.parametrize("a,b,same", [
    ("Dana Reyes", "Reyes", True),
    ("Dana Reyes", "TimesDana Reyes", True),
    ("Rufus Pike Jr.", "Pike Jr", True),
    ("Dana Reyes", "Luis Reyes", False),
    ("Dana Reyes", "Dana Ortiz", False),
    ("Mara Ines Bello", "Ines Bello", True),
    ("Mara Ines Bello", "Luz Ines Bello", False),
    # a first name inside another is no glue; father and son differ by their suffix
    ("Ana Reyes", "Dana Reyes", False),
    ("Neal Green", "Al Green", False),
    ("Omar Pike Jr.", "Omar Pike Sr.", False),
    ("Omar Pike Jr.", "Omar Pike", True),
])
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same
