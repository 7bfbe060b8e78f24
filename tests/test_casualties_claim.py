"""The claim record (pipeline/casualties/claim.py) on hand-built Docs: which victim phrases are
told as beside people told before (`added`), positives beside negatives.

Heads are absolute token indices. Every sentence was written for these tests; none comes from
the fixture corpora.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.casualties.claim import Claim, added
from pipeline.casualties.lexicon import load_lexicon


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


@pytest.fixture(scope="module")
def words(blank: Language) -> frozenset[str]:
    return load_lexicon(blank).added_words


def _doc(nlp: Language, rows: list[tuple[str, int, str]]) -> Doc:
    """A Doc from rows of (word, head, dep)."""
    tokens, heads, deps = (list(col) for col in zip(*rows))
    return Doc(nlp.vocab, words=tokens, heads=heads, deps=deps)


def _claim(doc: Doc, head: int, best: int = 1, partitive: bool = False) -> Claim:
    return Claim(best, best, best, None, [doc[head]], doc[head].text, "unknown", partitive=partitive)


# (rows, victim head, objects, expected)
CASES = [
    # "Another man was shot": "another" on the subject
    ([("Another", 1, "det"), ("man", 3, "nsubjpass"), ("was", 3, "auxpass"), ("shot", 3, "ROOT")], 1, False, True),
    # "Two more suspects were arrested": "more" on the number
    ([("Two", 2, "nummod"), ("more", 0, "amod"), ("suspects", 4, "nsubjpass"), ("were", 4, "auxpass"),
      ("arrested", 4, "ROOT")], 2, True, True),
    # "Police arrested two more suspects": an arrest's object
    ([("Police", 1, "nsubj"), ("arrested", 1, "ROOT"), ("two", 4, "nummod"), ("more", 4, "amod"),
      ("suspects", 1, "dobj")], 4, True, True),
    # "An additional victim was hit"
    ([("An", 2, "det"), ("additional", 2, "amod"), ("victim", 4, "nsubjpass"), ("was", 4, "auxpass"),
      ("hit", 4, "ROOT")], 2, False, True),
    # "Others were hurt"
    ([("Others", 2, "nsubjpass"), ("were", 2, "auxpass"), ("hurt", 2, "ROOT")], 0, False, True),
    # "The other man was shot": one of a group told
    ([("The", 2, "det"), ("other", 2, "amod"), ("man", 4, "nsubjpass"), ("was", 4, "auxpass"),
      ("shot", 4, "ROOT")], 2, False, False),
    # "He shot another man": the object of a hit (other than himself)
    ([("He", 1, "nsubj"), ("shot", 1, "ROOT"), ("another", 3, "det"), ("man", 1, "dobj")], 3, False, False),
    # "He shot two others": "others" on a hit's object is no "other than himself"
    ([("He", 1, "nsubj"), ("shot", 1, "ROOT"), ("two", 3, "nummod"), ("others", 1, "dobj")], 3, False, True),
    # "More than two men were arrested": a floor, not an addition
    ([("More", 3, "amod"), ("than", 0, "prep"), ("two", 3, "nummod"), ("men", 5, "nsubjpass"),
      ("were", 5, "auxpass"), ("arrested", 5, "ROOT")], 3, True, False),
    # "Two men were shot": no such word
    ([("Two", 1, "nummod"), ("men", 3, "nsubjpass"), ("were", 3, "auxpass"), ("shot", 3, "ROOT")], 1, False, False),
]


@pytest.mark.parametrize("rows,head,objects,expected", CASES, ids=[" ".join(r[0] for r in c[0]) for c in CASES])
def test_added_victims(blank: Language, words: frozenset[str], rows: list, head: int, objects: bool,
                       expected: bool) -> None:
    doc = _doc(blank, rows)
    assert added(_claim(doc, head), words, objects) is expected


def test_a_partitive_is_never_added(blank: Language, words: frozenset[str]) -> None:
    doc = _doc(blank, [("Another", 1, "det"), ("man", 3, "nsubjpass"), ("was", 3, "auxpass"), ("shot", 3, "ROOT")])
    assert added(_claim(doc, 1, partitive=True), words, False) is False
