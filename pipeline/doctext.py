"""A Doc's text without joining its tokens again.

spaCy's `Doc.text` joins the text of every token anew on each call (a Token object made for
each), and several components read the whole text of each article. A Doc made from an article
(`pipeline.nlp.describe`) carries the article's text, which is its own (`doc._.plain_text`):
`doc_text` returns it, and joins the tokens only for a Doc made otherwise. Nothing is stored by
reading, so a Doc's pieces (a long article's, `pipeline.annotate.annotate_long`) carry nothing
that `Doc.from_docs` would have to drop.
"""

from __future__ import annotations

from spacy.tokens import Doc

if not Doc.has_extension("plain_text"):
    Doc.set_extension("plain_text", default=None)  # the Doc's own text, when it was made from one


def doc_text(doc: Doc) -> str:
    """The text of a Doc (`doc.text`): the article's text it was made from when it carries it."""
    text = doc._.plain_text
    return doc.text if text is None else text
