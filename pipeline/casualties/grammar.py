"""Closed-class words and dependency labels the casualty rules share (English grammar, not a
lexicon: the domain word lists live in `models/casualties/`)."""

from __future__ import annotations

SUBJ = ("nsubj", "nsubjpass")
PASSIVE_DEPS = ("auxpass", "nsubjpass")
SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "himself", "herself"})
REFLEXIVE = frozenset({"himself", "herself"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
ZERO_WORDS = frozenset({"nobody", "none", "noone", "no-one"})
DEFINITE = frozenset({"the", "these", "those", "this", "that", "its", "their", "his", "her", "our", "them",
                      "whom", "us", "which", "you", "both"})
# A determiner or possessive that points at someone the story already knows ("the victim", "his").
KNOWN_DETERMINERS = frozenset(DEFINITE | SINGULAR_PRONOUNS)
