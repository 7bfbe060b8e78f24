"""Word-sense predicates of `pipeline/triggers/sense.py` on hand-written sentences: each rule's
negatives (no conflict event) beside positives in the same words (the trigger stands)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.triggers.context import SentenceContext
from pipeline.triggers.lexicon import TriggerEntry, load_data
from pipeline.triggers.refine import Match, outcome_name
from pipeline.triggers.sense import aims_at_no_one, intervened, medical_arrest, sport_contest

CUES = load_data()[0].cues
QUIET = {"conflict": False, "protest": False}
GAME = {"conflict": False, "protest": False, "sport": True}

ATTACK = TriggerEntry("violence_against_civilians", "attack", 4, "attack")
MASSACRE = TriggerEntry("violence_against_civilians", "attack", 5, "attack")
CLASH = TriggerEntry("battles", "armed_clash", 6, "clash")
ARREST = TriggerEntry("strategic_developments", "arrests", 5, "arrest")
PROTEST = TriggerEntry("protests", "peaceful_protest", 5, "protest")
DESTROY = TriggerEntry("strategic_developments", "looting_property_destruction", 3, "property")


def _match(nlp: Language, entry: TriggerEntry, text: str, word: str,
           flags: dict[str, bool] = QUIET) -> Match:
    doc = nlp(text)
    tok = next(t for t in doc if t.lower_ == word.lower())
    span = doc[tok.i:tok.i + 1]
    return Match(entry, span, SentenceContext(span.sent), flags, CUES)


@pytest.mark.parametrize(("text", "word", "expected"), [
    # An animal or a computer thing as the only doer or target of the harm (negatives) ...
    ("A hiker was attacked by a grizzly on the trail.", "attacked", True),
    ("A shark attacked a swimmer off the north beach.", "attacked", True),
    ("Hackers attacked the websites of two banks.", "attacked", True),
    # ... beside people doing or undergoing it (positives).
    ("A hiker was attacked by two armed men on the trail.", "attacked", False),
    ("Gunmen attacked a swimmer off the north beach.", "attacked", False),
    ("Villagers said the dogs barked before gunmen attacked the farm.", "attacked", False),
])
def test_harm_done_by_or_to_no_one(nlp: Language, text: str, word: str, expected: bool) -> None:
    assert aims_at_no_one(_match(nlp, ATTACK, text, word)) is expected, text


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("The midfielder suffered a cardiac arrest during training.", "arrest", True),
    ("The patient went into respiratory arrest overnight.", "arrest", True),
    ("Police made an arrest after the shooting.", "arrest", False),
    ("The arrest of the opposition leader sparked protests.", "arrest", False),
    ("Officers said the arrest followed a long inquiry.", "arrest", False),
])
def test_an_arrest_of_the_heart_is_no_detention(nlp: Language, text: str, word: str, expected: bool) -> None:
    m = _match(nlp, ARREST, text, word)
    assert medical_arrest(m) is expected, text
    if expected:
        assert outcome_name(m) is None, text


@pytest.mark.parametrize(("text", "expected"), [
    ("Police said the protest was peaceful and no arrests were made.", "protest_peaceful"),
    ("Police did not intervene in the protest outside the ministry.", "protest_peaceful"),
    ("Police fired tear gas to break up the protest outside the ministry.", "protest_intervention"),
    ("Police arrested six people at the protest outside the ministry.", "protest_intervention"),
])
def test_an_intervention_denied_is_none(nlp: Language, text: str, expected: str) -> None:
    m = _match(nlp, PROTEST, text, "protest")
    assert intervened(m) is (expected == "protest_intervention"), text
    assert outcome_name(m) == expected, text


@pytest.mark.parametrize(("entry", "text", "word", "flags", "expected"), [
    # A word of combat in a game: a score, players as its sides, an article about a match ...
    (MASSACRE, "It was a massacre as the hosts beat their rivals 6-0 on Sunday.", "massacre", QUIET, True),
    (CLASH, "Their keeper was sent off after a clash with the forward.", "clash", QUIET, True),
    (ATTACK, "His side had been caught out on the counter-attack.", "attack", GAME, True),
    (DESTROY, "The coach admitted his side had been destroyed.", "destroyed", GAME, True),
    # ... beside the same words where people, weapons, armed men or crowds are named, or an
    # article about no game, or a range of numbers that is no score.
    (CLASH, "Fans clashed with police after the 2-1 defeat.", "clashed", QUIET, False),
    (ATTACK, "Two players were attacked outside the stadium after the game.", "attacked", GAME, False),
    (ATTACK, "Gunmen attacked the team bus with rifles after the match.", "attacked", GAME, False),
    (MASSACRE, "The massacre of 30 villagers shocked the region.", "massacre", GAME, False),
    (CLASH, "Rebels and soldiers clashed near the border for 2-3 hours.", "clashed", QUIET, False),
    (CLASH, "The clash near the border lasted into the night.", "clash", QUIET, False),
    (CLASH, "The clash near the border lasted 2-3 hours.", "clash", QUIET, False),
    (MASSACRE, "Witnesses said 10-15 bodies were found after the massacre.", "massacre", QUIET, False),
    (DESTROY, "Soldiers destroyed three houses in the village.", "destroyed", GAME, False),
])
def test_a_game_is_no_battle(nlp: Language, entry: TriggerEntry, text: str, word: str,
                             flags: dict[str, bool], expected: bool) -> None:
    m = _match(nlp, entry, text, word, flags)
    assert sport_contest(m) is expected, text
    if expected:
        assert outcome_name(m) is None, text
