"""pipeline.aspect: habits and attributive participles, on Docs built by hand (no statistical
parse: the rules must hold whatever the parser makes of the sentence)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.aspect import attributive_participle

KILLING = frozenset({"assassinate", "kill", "murder", "slay"})


def _doc(rows: list[tuple[str, str, str, str]]) -> Doc:
    """A Doc of (word, tag, pos, lemma) rows, every token its own head (the parse is not read)."""
    words, tags, pos, lemmas = (list(x) for x in zip(*rows))
    return Doc(Vocab(), words=words, tags=tags, pos=pos, lemmas=lemmas)


@pytest.mark.parametrize(
    ("rows", "word", "expected"),
    [
        # "founded by assassinated former premier Brandt": after a preposition, before the phrase
        ([("founded", "VBN", "VERB", "found"), ("by", "IN", "ADP", "by"),
          ("assassinated", "VBD", "VERB", "assassinate"), ("former", "JJ", "ADJ", "former"),
          ("premier", "NN", "NOUN", "premier"), ("Brandt", "NNP", "PROPN", "Brandt")], "assassinated", True),
        # "the murdered director"; "his slain brother"
        ([("the", "DT", "DET", "the"), ("murdered", "VBN", "VERB", "murder"),
          ("director", "NN", "NOUN", "director")], "murdered", True),
        ([("his", "PRP$", "PRON", "his"), ("slain", "VBN", "VERB", "slay"),
          ("brother", "NN", "NOUN", "brother")], "slain", True),
        # a verb reports the killing: "Brandt was assassinated in Oslo"
        ([("Brandt", "NNP", "PROPN", "Brandt"), ("was", "VBD", "AUX", "be"),
          ("assassinated", "VBN", "VERB", "assassinate"), ("in", "IN", "ADP", "in"),
          ("Oslo", "NNP", "PROPN", "Oslo")], "assassinated", False),
        # "twelve people killed", "gunmen killed three villagers"
        ([("twelve", "CD", "NUM", "twelve"), ("people", "NNS", "NOUN", "people"),
          ("killed", "VBN", "VERB", "kill")], "killed", False),
        ([("gunmen", "NNS", "NOUN", "gunman"), ("killed", "VBD", "VERB", "kill"),
          ("three", "CD", "NUM", "three"), ("villagers", "NNS", "NOUN", "villager")], "killed", False),
        # "the killed were buried": no noun after it
        ([("the", "DT", "DET", "the"), ("killed", "VBN", "VERB", "kill"), ("were", "VBD", "AUX", "be"),
          ("buried", "VBN", "VERB", "bury")], "killed", False),
        # "the wounded soldiers": not a killing word of the list
        ([("the", "DT", "DET", "the"), ("wounded", "VBN", "VERB", "wound"),
          ("soldiers", "NNS", "NOUN", "soldier")], "wounded", False),
    ],
)
def test_attributive_participle(rows: list[tuple[str, str, str, str]], word: str, expected: bool) -> None:
    doc = _doc(rows)
    tok = next(t for t in doc if t.text == word)
    assert attributive_participle(tok, KILLING) is expected
