"""Who does a word of violence (`pipeline.triggers.participants.doers`), on written sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.triggers.lexicon import load_data
from pipeline.triggers.participants import doers

CUES = load_data()[0].cues


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Rebels attacked the town.", "attacked", ["Rebels"]),
    ("The town was attacked by rebels.", "attacked", ["rebels"]),
    # a group word stands for its members; a count too
    ("A pack of stray dogs attacked a boy.", "attacked", ["dogs"]),
    ("Hundreds of farmers marched to the capital.", "marched", ["farmers"]),
    # a relative clause borrows its antecedent, an infinitive its governor's subject
    ("Rangers shot a leopard that had attacked three villagers.", "attacked", ["leopard"]),
    ("Soldiers lay in wait to ambush the convoy.", "ambush", ["Soldiers"]),
    # an event noun: its owner, its compound for attack nouns, the subject of its light verb
    ("The bull's rampage lasted an hour.", "rampage", ["bull"]),
    ("A shark attack closed the beach.", "attack", ["shark"]),
    ("Gunmen carried out a cattle raid.", "raid", ["Gunmen"]),
    # a verb that acts on people does not do their act; conjoined subjects; a network of people
    ("Dogs chased the protesters out of the park.", "protesters", []),
    ("Dogs and their handlers attacked the protesters.", "attacked", ["Dogs", "handlers"]),
    ("A network of activists marched in ten cities.", "marched", ["activists"]),
    ("A man went on a rampage through the mall.", "rampage", ["man"]),
    ("Rebels launched an attack on the town.", "attack", ["Rebels"]),
    # nobody named
    ("The attack on the town was condemned.", "attack", []),
])
def test_doers(nlp: Language, text: str, word: str, expected: list[str]) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert [t.text for t in doers(tok, CUES["groups"], CUES["doer_compounds"])] == expected
