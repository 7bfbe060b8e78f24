"""Finding date expressions in a Doc (pipeline.dates.finding) and the role each takes
(pipeline.dates.roles). All texts are written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from pipeline.dates.finding import _candidates, _trim_end, date_facts
from pipeline.dates.lexicon import load_lexicon
from pipeline.dates.roles import _governor, _lemma


def _roles(doc: Doc) -> list[tuple[str, str, str]]:
    return [(f["text"], f["date"], f["role"]) for f in doc._.ne_dates]


def test_trim_end_keeps_an_abbreviation_period() -> None:
    assert _trim_end("12 Sept.", 0, 8) == 8
    text = "on 12 JANUARY. "
    assert text[3 : _trim_end(text, 3, len(text))] == "12 JANUARY"


def test_candidates_keep_the_longest_overlap(annotate: Callable[..., Doc]) -> None:
    doc = annotate("A patrol was ambushed early Thursday morning near the river.", "2022-01-14")
    spans = [doc.text[s:e] for s, e in _candidates(doc, doc.text)]
    assert spans == ["early Thursday morning"]


def test_report_and_event_dates(annotate: Callable[..., Doc]) -> None:
    doc = annotate("A farmer was shot Tuesday in his field, the mayor said Thursday.", "2022-01-14")
    assert _roles(doc) == [("Tuesday", "2022-01-11", "event"), ("Thursday", "2022-01-13", "report")]


def test_plans_and_future_days_date_nothing(annotate: Callable[..., Doc]) -> None:
    doc = annotate("The suspect will appear in court on Monday.", "2022-01-14")
    assert [f["role"] for f in doc._.ne_dates] == ["other"]


def test_page_stamp_is_a_report_date(annotate: Callable[..., Doc]) -> None:
    doc = annotate("Posted Jan. 14, 2022 4:39 PM\n\nA shop was looted on Jan. 12.", "2022-01-14")
    assert _roles(doc) == [("Jan. 14, 2022", "2022-01-14", "report"),
                           ("Jan. 12", "2022-01-12", "event")]  # fmt: skip


def test_without_publication_a_day_takes_the_year_of_the_dated_day(
    annotate: Callable[..., Doc],
) -> None:
    doc = annotate("On Dec. 30, 2019, a bridge was bombed. On Jan. 2 the army returned.")
    assert [f["date"] for f in date_facts(doc, load_lexicon())] == ["2019-12-30", "2020-01-02"]


def test_governor_and_upper_case_lemma(annotate: Callable[..., Doc]) -> None:
    lex = load_lexicon()
    doc = annotate("REBELS ATTACKED THE TOWN ON SUNDAY.", "2022-01-14")
    sunday = next(e for e in doc.ents if e.label_ == "DATE")
    governor = _governor(sunday, lex)
    assert governor is not None and _lemma(governor, lex) == "attack"


def test_a_date_that_is_its_sentence_s_root_has_no_governor(annotate: Callable[..., Doc]) -> None:
    # a page stamp or a heading: the date governs nothing and nothing governs it
    lex = load_lexicon()
    doc = annotate("March 21, 2013\n\nRebels attacked the town on Sunday.", "2013-03-21")
    stamp = next(e for e in doc.ents if e.label_ == "DATE")
    assert stamp.root.head == stamp.root  # the date is its sentence's root
    assert _governor(stamp, lex) is None
