"""extract: every component's plain data validates as its fact model and points at its text."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from pipeline.extract import FACT_EXTENSIONS, extract_facts
from pipeline.schemas import ActorFact, Article, CasualtyFact, DateFact, PlaceFact, TriggerFact

TEXT = (
    "Two men were shot dead in Dayton, Ohio, on Friday, police in Ohio said. "
    "Soldiers and militants exchanged fire near the airport. "
    "Protesters marched through the city. Later, police arrested 20 of them."
)


@pytest.mark.parametrize(
    "extension, model",
    [
        ("ne_places", PlaceFact),
        ("ne_dates", DateFact),
        ("ne_casualties", CasualtyFact),
        ("ne_actors", ActorFact),
        ("ne_triggers", TriggerFact),
    ],
)
def test_component_data_is_valid_and_located(
    annotate: Callable[..., Doc], extension: str, model: type
) -> None:
    doc = annotate(TEXT, published="2023-03-04")
    items = getattr(doc._, extension)
    assert items, extension
    for item in items:
        fact = model(**item)
        assert TEXT[fact.char_start : fact.char_end] == fact.text
        assert fact.text in fact.sentence


def test_extract_stamps_the_article_and_sorts_by_position(annotate: Callable[..., Doc]) -> None:
    doc = annotate(TEXT, published="2023-03-04")
    facts = extract_facts(Article(id="art-1", source="t", text=TEXT), doc)
    assert {f.kind for f in facts} == {"place", "date", "casualty", "actor", "trigger"}
    assert all(f.article_id == "art-1" for f in facts)
    assert [f.char_start for f in facts] == sorted(f.char_start for f in facts)
    assert len(FACT_EXTENSIONS) == 5


def test_every_kind_of_fact_gives_a_sentence_alike(annotate: Callable[..., Doc]) -> None:
    # Rules compare the sentences of facts of different kinds (a casualty beside the disaster
    # word that says what killed it): a sentence that ends a paragraph is the same string in
    # each, without the paragraph's break.
    text = ("Three soldiers were killed on Monday when rebels ambushed a convoy near Gao.\n\n"
            "The army said the attackers fled north.")
    doc = annotate(text, published="2023-03-08")
    facts = extract_facts(Article(id="art-2", source="t", text=text), doc)
    first = {f.kind: f.sentence for f in facts if f.char_start < text.index("\n")}
    assert {"casualty", "trigger", "date", "place", "actor"} <= set(first)
    assert len(set(first.values())) == 1
    assert all(f.sentence == f.sentence.strip() for f in facts)
