"""Closed-class words and dependency labels the casualty rules share (English grammar, not a
lexicon: the domain word lists live in `models/casualties/`)."""

from __future__ import annotations

from spacy.tokens import Token

SUBJ = ("nsubj", "nsubjpass")
PASSIVE_DEPS = ("auxpass", "nsubjpass")
SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "himself", "herself"})
REFLEXIVE = frozenset({"himself", "herself"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
ZERO_WORDS = frozenset({"nobody", "none", "noone", "no-one"})
# Determiners that deny a count: "no one", "no civilians", "neither guard".
_DENYING = frozenset({"no", "neither"})
DEFINITE = frozenset({"the", "these", "those", "this", "that", "its", "their", "his", "her", "our", "them",
                      "whom", "us", "which", "you", "both"})
# A determiner or possessive that points at someone the story already knows ("the victim", "his").
KNOWN_DETERMINERS = frozenset(DEFINITE | SINGULAR_PRONOUNS)


def says_none(tok: Token) -> bool:
    """Whether the phrase headed by `tok` denies anyone: "nobody", "none", "no civilians", "not
    one person", "not a single guard", "no one", and "no-one", which the tokenizer splits into
    "no", "-", "one" (parsed with "no" as a compound, a loose word or the head itself)."""
    if tok.lower_ in ZERO_WORDS:
        return True
    if any(c.dep_ in ("det", "compound") and c.lower_ in _DENYING for c in tok.children):
        return True
    if any(c.dep_ == "neg" for t in (tok, *(c for c in tok.children if c.dep_ == "nummod")) for c in t.children):
        return True
    doc = tok.doc
    if tok.lower_ == "no" and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-":
        return doc[tok.i + 2].lower_ == "one"
    if tok.lower_ != "one" or tok.i == 0:
        return False
    before = doc[tok.i - 1]
    if before.text == "-" and tok.i > 1:
        before = doc[tok.i - 2]
    return before.lower_ == "no"
