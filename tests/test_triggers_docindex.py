"""DocIndex and word_hashes on hand-built Docs."""

from __future__ import annotations

import numpy as np
import spacy
from spacy.tokens import Doc

from pipeline.triggers.docindex import DocIndex, word_hashes


def _doc(words: list[str], starts: list[bool]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, sent_starts=starts)


def test_sentences_and_lookups() -> None:
    doc = _doc(["Police", "fired", ".", "Rebels", "fled", "."], [True, False, False, True, False, False])
    index = DocIndex(doc)
    assert index.starts.tolist() == [0, 3]
    assert index.sent(1).text == "Rebels fled ."
    assert index.sent_of(4).start == 3
    hashes = word_hashes(doc.vocab, ["police", "flee"])
    assert np.flatnonzero(index.has(hashes)).tolist() == [0]  # "fled" has no lemma here
    assert not index.mostly_upper


def test_all_caps_wire() -> None:
    doc = _doc(["POLICE", "FIRED", "ON", "THE", "CROWD"], [True, False, False, False, False])
    assert DocIndex(doc).mostly_upper


def test_word_hashes_keep_capitalised_and_upper_forms() -> None:
    vocab = spacy.blank("en").vocab
    hashes = word_hashes(vocab, ["police"])
    assert {vocab.strings[h] for h in hashes.tolist()} == {"police", "Police", "POLICE"}


def test_has_finds_forms_and_lemmas_as_a_token_by_token_look_up_would() -> None:
    vocab = spacy.blank("en").vocab
    words = ["Gunmen", "killed", "two", "police", "officers", "and", "fled", "."]
    lemmas = ["gunman", "kill", "two", "police", "officer", "and", "flee", "."]
    doc = Doc(vocab, words=words, lemmas=lemmas, sent_starts=[True] + [False] * 7)
    index = DocIndex(doc)
    for wanted in (["kill"], ["flee", "officer"], ["gunmen"], ["nothing"], [], words + lemmas):
        hashes = word_hashes(vocab, wanted)
        strings = {vocab.strings[h] for h in hashes.tolist()}
        expected = [i for i, t in enumerate(doc) if t.lower_ in strings or t.lemma_ in strings]
        assert np.flatnonzero(index.has(hashes)).tolist() == expected, wanted
    assert not DocIndex(Doc(vocab, words=[])).has(word_hashes(vocab, ["kill"])).any()
