"""Who does what to whom in a trigger's sentence, on hand-written sentences."""

from __future__ import annotations

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
