"""The component's own truecased re-parse of upper-case copy (pipeline/casualties/truecase.py)."""

from __future__ import annotations

from pipeline.casualties.lexicon import load_lexicon
from pipeline.casualties.truecase import case_view, english_words, is_upper_case, windows


def test_upper_case_text() -> None:
    assert is_upper_case("REBELS KILLED FOUR GUARDS AT THE DAM ON TUESDAY, OFFICIALS SAID.")
    assert not is_upper_case("Rebels killed four guards at the dam on Tuesday, officials said.")
    assert not is_upper_case("UN SAYS")  # too short to tell


def test_upper_case_copy_reparses_only_outcome_sentences(nlp) -> None:
    text = ("THE MINISTER SPOKE ABOUT THE BUDGET ON TUESDAY. REBELS KILLED FOUR GUARDS AT THE DAM. "
            "THE TALKS WILL RESUME IN MAY.")
    doc = nlp.make_doc(text)
    found = windows(doc, load_lexicon(nlp).matcher)
    assert [doc[a:b].text for a, b in found] == ["REBELS KILLED FOUR GUARDS AT THE DAM."]


def test_case_view_truecases_with_same_offsets(nlp) -> None:
    text = "REBELS KILLED FOUR GUARDS AT THE DAM NEAR KALOVO ON TUESDAY. THE TALKS WILL RESUME IN MAY."
    doc = nlp.make_doc(text)
    view = case_view(doc, nlp, english_words(nlp), load_lexicon(nlp).matcher)
    assert view is not doc and len(view) == len(doc)
    assert [t.idx for t in view] == [t.idx for t in doc]
    assert view[0].text == "Rebels" and view[1].text == "killed" and view[8].text == "Kalovo"
    # the outcome sentence is parsed; the sentence without an outcome word is left unparsed
    assert (view[3].dep_, view[3].head.i) == ("dobj", 1)
    assert {t.pos_ for t in view[12:]} == {"X"}


def test_mixed_case_text_is_its_own_view(nlp) -> None:
    doc = nlp.make_doc("Rebels killed four guards at the dam.")
    assert case_view(doc, nlp) is doc
