"""doc_text: a Doc's text without joining its tokens again."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from pipeline.doctext import doc_text
from pipeline.nlp import describe
from pipeline.schemas import Article


def test_doc_text_is_the_articles_text_on_a_described_doc_else_the_joined_tokens() -> None:
    nlp = spacy.blank("en")
    text = "Two men were shot on Friday.\n\nPolice said nothing."
    doc = nlp(text)
    assert doc._.plain_text is None and doc_text(doc) == text
    assert doc._.plain_text is None  # reading stores nothing
    described = describe(nlp.make_doc(text), Article(id="a", source="s", text=text))
    assert described._.plain_text is text and doc_text(described) is text
    assert doc_text(Doc(nlp.vocab, words=[])) == ""
