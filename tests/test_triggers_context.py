"""Who does what to whom in a trigger's sentence, on hand-written sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.triggers.context import SentenceContext, agent_patient, object_words, protesters_act
from pipeline.triggers.lexicon import load_data

CUES = load_data()[0].cues


def _head(nlp: Language, text: str, word: str):
    return next(t for t in nlp(text) if t.lower_ == word)


def test_agent_patient_active_passive_and_conjoined(nlp: Language) -> None:
    agent, patient = agent_patient(_head(nlp, "Rebels attacked the convoy.", "attacked"))
    assert "rebels" in agent and "convoy" in patient
    agent, patient = agent_patient(_head(nlp, "The convoy was attacked by rebels.", "attacked"))
    assert "rebels" in agent and "convoy" in patient
    agent, _ = agent_patient(_head(nlp, "Troops entered and recaptured the town.", "recaptured"))
    assert "troops" in agent


def test_object_words(nlp: Language) -> None:
    assert "school" in object_words(_head(nlp, "Men attacked a school in the north.", "attacked"))
    assert not object_words(_head(nlp, "The men attacked at night.", "attacked")) & {"school"}


def test_sentence_context(nlp: Language) -> None:
    ctx = SentenceContext(next(nlp("Protesters marched in Paris on Monday.").sents))
    assert ctx.has(frozenset({"protester"})) and not ctx.has(frozenset({"police"}))
    assert "GPE" in ctx.ent_labels and ctx.text.startswith("protesters")


def test_protesters_act(nlp: Language) -> None:
    acting = SentenceContext(next(nlp("Protesters hurled stones at the police.").sents))
    acted_on = SentenceContext(next(nlp("Protesters were beaten by the police.").sents))
    assert protesters_act(acting, CUES)
    assert not protesters_act(acted_on, CUES)


@pytest.mark.parametrize(("text", "teller", "side"), [
    ("Police said a gunman killed two people at a bar.", "police", False),  # the police tell it
    ("A gunman killed two people at a bar, according to police.", "police", False),
    ("The police chief told reporters that a gunman had killed two people.", "police", False),
    ("Police said they had shot the gunman.", "police", True),  # the teller's own deed
    ("The army said it killed forty rebels.", "army", True),
    ("Ten militants were killed in an operation, the army said.", "army", True),  # no doer told
    ("Two men were killed by a gunman, police said.", "police", False),  # the agent is the doer
    ("A gunman shot two police officers at a checkpoint.", "police", True),  # the police are hurt
    ("Police arrested the gunman after a chase.", "police", True),
])
def test_who_tells_a_deed_is_no_side_of_it(nlp: Language, text: str, teller: str, side: bool) -> None:
    sides = SentenceContext(next(nlp(text).sents)).side_words(CUES["speech"])
    assert (teller in sides) is side, text
