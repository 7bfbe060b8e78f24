"""doc_text: a Doc's text, joined once."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from pipeline.doctext import doc_text


def test_doc_text_is_the_docs_text_and_is_kept_on_it() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Two men were shot on Friday.\n\nPolice said nothing.")
    assert doc._.plain_text is None
    assert doc_text(doc) == doc.text
    assert doc._.plain_text == doc.text and doc_text(doc) is doc._.plain_text  # joined once
    assert doc_text(nlp("other words")) == "other words"  # each Doc its own
    assert doc_text(Doc(nlp.vocab, words=[])) == ""
