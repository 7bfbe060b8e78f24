"""Story-level links (pipeline/casualties/story.py) on hand-made claim records: a named victim
followed from injury to death, a recalled case dropped, a survivor kept injured."""

from __future__ import annotations

import spacy

from pipeline.casualties.claim import ClaimRecord
from pipeline.casualties.lexicon import load_lexicon
from pipeline.casualties.story import additions, drop_recalled, follow_people, link_story


def _fact(outcome: str, best: int, start: int, victims: str | None = None, sentence: str = "x",
          includes_killed: bool = False) -> dict:
    return {"kind": "casualty", "text": "x", "sentence": sentence, "char_start": start, "char_end": start + 1,
            "outcome": outcome, "count_low": best, "count_best": best, "count_high": best, "victims": victims,
            "victim_type": "unknown", "qualifier": None, "supersedes_prior": False, "partitive": False,
            "perpetrator": False, "includes_killed": includes_killed}


def test_a_named_victim_then_he_died() -> None:
    records = [ClaimRecord(_fact("injured", 1, 0, "Vell"), head=3, person="Marcus Vell"),
               ClaimRecord(_fact("killed", 1, 80, "He"), head=20)]
    follow_people(records)
    assert records[0].fact["includes_killed"] is True
    assert records[1].person is None  # the pronoun is resolved for the link only


def test_another_person_who_died_is_not_linked() -> None:
    records = [ClaimRecord(_fact("injured", 1, 0, "Pahl"), head=3, person="Nia Pahl"),
               ClaimRecord(_fact("killed", 1, 80, "Sam Ortiz"), head=20, person="Sam Ortiz")]
    follow_people(records)
    assert records[0].fact["includes_killed"] is False


def test_recalled_case_gives_way_to_the_story_toll() -> None:
    now = ClaimRecord(_fact("killed", 1, 0))
    then = ClaimRecord(_fact("killed", 5, 50), past=True)
    assert drop_recalled([now, then]) == [now]
    assert drop_recalled([then]) == [then]  # a story about the old case keeps it


def test_unnamed_survivor_stays_injured() -> None:
    lex = load_lexicon(spacy.blank("en"))
    survivor = ClaimRecord(_fact("injured", 1, 60, "His cousin", "His cousin is in stable condition.",
                                 includes_killed=True), head=30)
    dead = ClaimRecord(_fact("killed", 1, 0, "Omar Teague", "Omar Teague died."), head=2, person="Omar Teague")
    facts = link_story(lex, [dead, survivor], set())
    assert [f["includes_killed"] for f in facts] == [False, False]


WORDS = frozenset({"another", "other", "others", "more"})


def _added(outcome: str, best: int, start: int, victims: str) -> ClaimRecord:
    return ClaimRecord({**_fact(outcome, best, start, victims), "among_others": False, "adds": False}, added=True)


def _told(outcome: str, best: int, start: int, **flags: bool) -> ClaimRecord:
    return ClaimRecord({**_fact(outcome, best, start, "men", **flags), "among_others": False, "adds": False})


def test_added_victims_add_to_the_same_outcome_told_just_before() -> None:
    first, more = _told("arrested", 2, 0), _added("arrested", 2, 50, "people")
    additions([first, more], WORDS)
    assert more.fact["adds"] is True and first.fact["adds"] is False


def test_others_beside_the_dead_do_not_add_to_those_shot_before() -> None:
    # "Three people were shot. One man died. Two others were wounded."
    shot, dead, others = _told("injured", 3, 0, includes_killed=True), _told("killed", 1, 30), _added("injured", 2, 50, "others")
    for record, sentence in ((shot, "one"), (dead, "two"), (others, "three")):
        record.fact["sentence"] = sentence
    additions([shot, dead, others], WORDS)
    assert others.fact["adds"] is False


def test_added_victims_after_a_mixed_sentence_add_to_its_own_outcome() -> None:
    # "Five soldiers were killed and eight were wounded. Two more soldiers were killed."
    dead, hurt = _told("killed", 5, 0), _told("injured", 8, 30)
    more = _added("killed", 2, 60, "soldiers")
    dead.fact["sentence"] = hurt.fact["sentence"] = "one"
    more.fact["sentence"] = "two"
    additions([dead, hurt, more], WORDS)
    assert more.fact["adds"] is True


def test_added_victims_with_nothing_told_before_are_their_own_claim() -> None:
    alone = _added("injured", 1, 0, "Another man")
    additions([alone], WORDS)
    assert alone.fact["adds"] is False
