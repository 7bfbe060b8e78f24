"""event_actors on hand-built actor facts: the acting side by event type, inter codes and
interaction."""

from __future__ import annotations

import pytest

from pipeline.actors import event_actors
from pipeline.schemas import INTER_CODES, ActorFact


def _actor(name: str, atype: str | None, start: int, named: bool = False) -> ActorFact:
    return ActorFact(text=name, sentence="s", char_start=start, char_end=start + len(name),
                     actor_name=name, actor_type=atype, named=named)


POLICE = _actor("Police Forces of Kenya", "state_forces", 0)
PROTESTERS = _actor("Protesters (Kenya)", "protesters", 30)
REBELS = _actor("Rebels of the North", "rebel_groups", 60, named=True)
CIVILIANS = _actor("Civilians (Kenya)", "civilians", 90)


@pytest.mark.parametrize("event_type,facts,actor1,actor2", [
    ("protests", [POLICE, PROTESTERS], "Protesters (Kenya)", "Police Forces of Kenya"),
    ("riots", [POLICE, PROTESTERS], "Rioters (Kenya)", "Police Forces of Kenya"),
    ("battles", [POLICE, REBELS], "Rebels of the North", "Police Forces of Kenya"),
    ("violence_against_civilians", [CIVILIANS, REBELS], "Rebels of the North", "Civilians (Kenya)"),
    ("strategic_developments", [POLICE], "Police Forces of Kenya", None),
])
def test_sides_by_event_type(event_type: str, facts: list[ActorFact], actor1: str, actor2: str | None) -> None:
    out = event_actors(facts, event_type)
    assert out["actor1"] == actor1
    assert out.get("actor2") == actor2


def test_interaction_codes() -> None:
    out = event_actors([POLICE, REBELS], "battles")
    low, high = sorted((INTER_CODES["state_forces"], INTER_CODES["rebel_groups"]))
    assert out["interaction"] == 10 * low + high
    alone = event_actors([POLICE], "strategic_developments")
    assert alone["interaction"] == INTER_CODES["state_forces"] * 10


def test_no_facts_no_actors() -> None:
    assert event_actors([], "battles") == {}
