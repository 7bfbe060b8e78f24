"""Sources, not participants, on hand-written sentences (a participant beside each source)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.actors.lexicon import load_data
from pipeline.actors.sources import is_source, reports_only

DATA = load_data()


@pytest.mark.parametrize("text,name,expected", [
    ("Rebels attacked a convoy, spokesman Omar Dawit said.", "Omar Dawit", True),
    ("Rebels attacked a convoy, the Daily Star newspaper reported.", "the Daily Star", True),
    ("Police arrested Omar Dawit at his home.", "Omar Dawit", False),
])
def test_is_source(nlp: Language, text: str, name: str, expected: bool) -> None:
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name), alignment_mode="expand")
    assert is_source(span, DATA) is expected


def test_reports_only(nlp: Language) -> None:
    said = nlp("Police said two men died.")
    acted = nlp("Police shot two men.")
    assert reports_only(said[0], DATA)
    assert not reports_only(acted[0], DATA)
