"""The nlp stage's loop: long articles in pieces, failures per article, order kept."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline import annotate as annotate_module
from pipeline.annotate import annotate, split_pieces
from pipeline.extract import extract_facts
from pipeline.schemas import Article

STORY = (
    "Gunmen killed four villagers near the market on Monday, police said.\n\n"
    "The army said two soldiers were wounded in a clash with the attackers.\n\n"
    "Local officials said the town's school stayed closed on Tuesday.\n\n"
)


@pytest.mark.parametrize("size", [10, 50, 80, 1000])
def test_pieces_join_back_into_the_text(size: int) -> None:
    text = STORY * 3 + "x" * 200
    pieces = split_pieces(text, size)
    assert "".join(pieces) == text
    assert all(len(p) <= size for p in pieces)


def test_pieces_end_at_paragraph_breaks_when_they_can() -> None:
    pieces = split_pieces(STORY * 4, len(STORY) + 20)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_a_long_article_gives_the_facts_of_its_parts(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    article = Article(id="long", source="t", text=STORY * 3)
    (whole,) = [extract_facts(a, d) for a, d, _ in annotate(nlp, [article])]
    monkeypatch.setattr(annotate_module, "PIECE_CHARS", len(STORY) + 5)
    results = list(annotate(nlp, [Article(id="short", source="t", text="A quiet day."), article]))
    assert [(a.id, e) for a, _, e in results] == [("short", None), ("long", None)]
    doc = results[1][1]
    assert doc.text == article.text
    pieced = extract_facts(article, doc)
    counts = sorted((f.kind, f.text, f.char_start) for f in pieced if f.kind == "casualty")
    assert counts == sorted((f.kind, f.text, f.char_start) for f in whole if f.kind == "casualty")
    assert len(counts) == 6


def test_over_the_model_limit_is_no_crash(nlp: Language) -> None:
    text = "x" * (nlp.max_length + 1)
    results = list(annotate(nlp, [Article(id="huge", source="t", text=text),
                                  Article(id="next", source="t", text=STORY)]))
    assert [a.id for a, _, _ in results] == ["huge", "next"]
    assert results[1][1] is not None
    huge_doc, huge_error = results[0][1], results[0][2]
    assert (huge_doc is not None and huge_doc.text == text) or huge_error


def test_a_text_that_cannot_be_tokenized_fails_alone(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    real = annotate_module.make_doc

    def fussy(nlp_: Language, article: Article):  # noqa: ANN202
        if article.id == "bad":
            raise ValueError("odd text")
        return real(nlp_, article)

    monkeypatch.setattr(annotate_module, "make_doc", fussy)
    arts = [Article(id=i, source="t", text=STORY) for i in ("a", "bad", "c")]
    results = [(a.id, d is not None, e) for a, d, e in annotate(nlp, arts)]
    assert results[0] == ("a", True, None) and results[2] == ("c", True, None)
    assert results[1][:2] == ("bad", False) and "odd text" in results[1][2]
