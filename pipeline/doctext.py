"""A Doc's text, joined once.

spaCy's `Doc.text` joins the text of every token anew on each call (a Token object made for
each), and several components read the whole text of each article: `doc_text` joins it the
first time and keeps it on the Doc (`doc._.plain_text`), so each later reader gets the same
string for free. A Doc's text never changes once made (retokenizing keeps it).
"""

from __future__ import annotations

from spacy.tokens import Doc

if not Doc.has_extension("plain_text"):
    Doc.set_extension("plain_text", default=None)  # the Doc's text, once `doc_text` has joined it


def doc_text(doc: Doc) -> str:
    """The text of a Doc (`doc.text`), joined from its tokens on the first call only."""
    text = doc._.plain_text
    if text is None:
        text = doc._.plain_text = doc.text
    return text
