"""split_events on hand-built facts: generic words alone, secondary events, casualties going to
violence, protests kept apart from a riot elsewhere."""

from __future__ import annotations

import pytest

from pipeline.schemas import ActorFact, CasualtyFact, PlaceFact, TriggerFact
from pipeline.triggers import SECONDARY, split_events
from pipeline.triggers.policy import names_a_harm


def _trigger(text: str, start: int, sentence: str, etype: str, sub: str, prio: int) -> TriggerFact:
    return TriggerFact(text=text, sentence=sentence, char_start=start, char_end=start + len(text),
                       event_type=etype, sub_event_type=sub, priority=prio)


def _killed(start: int, sentence: str) -> CasualtyFact:
    return CasualtyFact(text="two", sentence=sentence, char_start=start, char_end=start + 3,
                        outcome="killed", count_low=2, count_best=2, count_high=2)


def test_generic_words_alone_without_victims_report_nothing() -> None:
    s = "The attacks have to stop, he said."
    weak = _trigger("attacks", 4, s, "violence_against_civilians", "attack", SECONDARY - 2)
    assert split_events([weak]) == []
    # With a victim the same word reports an event.
    assert [e[0] for e in split_events([weak, _killed(20, s)])] == ["violence_against_civilians"]


def test_casualties_go_to_the_violent_event() -> None:
    s1 = "Police arrested the party leader on Monday."
    s2 = "In another town, militants ambushed a patrol and killed two."
    arrest = _trigger("arrested", 7, s1, "strategic_developments", "arrests", 6)
    ambush = _trigger("ambushed", 70, s2, "battles", "armed_clash", 6)
    killed = _killed(95, s2)
    events = split_events([arrest, ambush, killed])
    battle = next(e for e in events if e[0] == "battles")
    assert killed in battle[2]


def test_only_the_strongest_trigger_of_a_sentence_counts() -> None:
    s = "Police fired on protesters, killing two."
    fired = _trigger("fired on protesters", 7, s, "protests", "excessive_force_against_protesters", 6)
    killing = _trigger("killing", 28, s, "violence_against_civilians", "attack", 2)
    events = split_events([fired, killing])
    assert [(e[0], e[1]) for e in events] == [("protests", "excessive_force_against_protesters")]


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("A man with a gunshot wound walked into the hospital on Sunday.", True),
        ("Two people were stabbed outside a bar late on Friday.", True),
        ("The bodies of two men were found beside the road.", True),
        ("The striker misses the final with a hamstring injury.", False),
        ("The actor died at his home at the age of 87.", False),
        ("The firm killed off two loss-making projects last year.", False),
        ("Nobody died, the organisers said after the concert.", False),
    ],
)
def test_casualties_alone_need_a_violent_cause(sentence: str, event: bool) -> None:
    events = split_events([_killed(4, sentence)])
    assert (len(events) == 1) is event
    assert names_a_harm(sentence) is event


def test_a_suicide_alone_is_no_event() -> None:
    s = "The singer was shot in his garden by a stalker, who later killed himself."
    suicide = CasualtyFact(text="killed himself", sentence=s, char_start=60, char_end=74, outcome="killed",
                           victims="himself", count_low=1, count_best=1, count_high=1)
    assert split_events([suicide]) == []
    # A wound one gave oneself is still counted, and so is a death beside a suicide.
    wound = CasualtyFact(text="shot himself", sentence=s, char_start=60, char_end=72, outcome="injured",
                         victims="himself", count_low=1, count_best=1, count_high=1)
    assert len(split_events([wound])) == 1
    assert len(split_events([_killed(4, s), suicide])) == 1
    # A reflexive's victim words name its subject first: still one's own hand.
    named = suicide.model_copy(update={"victims": "22-year-old singer himself"})
    assert split_events([named]) == []


def test_arrests_alone_are_no_event() -> None:
    s = "Two footballers were charged with assault after a fight at a nightclub."
    charged = CasualtyFact(text="Two footballers", sentence=s, char_start=0, char_end=15,
                           outcome="arrested", count_low=2, count_best=2, count_high=2)
    assert names_a_harm(s) and split_events([charged]) == []
    # Beside people hurt, the arrests join their event.
    assert [len(e[2]) for e in split_events([_killed(4, s), charged])] == [2]


def test_a_toll_above_every_trigger_goes_to_the_main_event() -> None:
    head = "Unrest in the north: dozens dead"
    s1 = "Protests over fuel prices began on Sunday in the west."
    s2 = "Rioters stormed the town hall and clashed with police."
    toll = _killed(20, head)
    protest = _trigger("Protests", 40, s1, "protests", "peaceful_protest", 5)
    riot = _trigger("clashed", 120, s2, "riots", "violent_demonstration", 7)
    events = {etype: group for etype, _, group in split_events([toll, protest, riot])}
    assert toll in events["riots"] and toll not in events["protests"]
    # A toll after the triggers still goes to the nearest violent event.
    later = _killed(80, s1)
    events = {etype: group for etype, _, group in split_events([protest, later, riot])}
    assert later in events["protests"]


def _veto(text: str, start: int, sentence: str, kind: str = "disaster") -> TriggerFact:
    return TriggerFact(text=text, sentence=sentence, char_start=start, char_end=start + len(text),
                       event_type=kind, priority=0, vetoes=True)


def test_victims_of_what_their_sentence_says_hurt_them_join_no_event() -> None:
    s1 = "The former mayor died of a heart attack at his home."
    s2 = "He fought a long battle with rebels in his youth."
    battle = _trigger("battle", 60, s2, "battles", "armed_clash", 6)
    died = _killed(22, s1)
    events = split_events([_veto("attack", 38, s1, "not_violence"), died, battle])
    assert all(died not in e[2] for e in events)
    # A disaster may follow violence: the passengers of a bus shot at and crashed count.
    s4 = "Gunmen opened fire on a bus on Monday."
    s5 = "The bus crashed into a ditch and ten passengers were killed."
    fire = _trigger("opened fire", 7, s4, "violence_against_civilians", "attack", 4)
    ten = _killed(60, s5)
    events = split_events([fire, _veto("crashed", 46, s5), ten])
    assert ten in events[0][2]
    # A word of violence in the victims' own sentence keeps them with it.
    s3 = "Gunmen killed two guards as a fire spread through the depot."
    shot = _trigger("killed", 7, s3, "violence_against_civilians", "attack", 4)
    two = _killed(14, s3)
    events = split_events([_veto("fire", 35, s3), shot, two])
    assert two in events[0][2]


def test_violence_told_once_with_no_one_named_is_no_report() -> None:
    s = "The app's latest update bombs with users."
    bombs = _trigger("bombs", 22, s, "explosions_remote_violence", "remote_explosive_landmine_ied", 5)
    assert split_events([bombs]) == []
    # A victim, a typed actor or a second word of violence makes it a report.
    assert split_events([bombs, _killed(30, s)])
    actor = ActorFact(text="militants", sentence=s, char_start=0, char_end=9, actor_name="militants",
                      actor_type="rebel_groups")
    assert split_events([bombs, actor])
    s2 = "The blast shattered windows across the street."
    blast = _trigger("blast", 4, s2, "explosions_remote_violence", "remote_explosive_landmine_ied", 5)
    assert split_events([bombs, blast])
    # A place in the trigger's sentence makes it a report too ("a rocket struck a building in
    # Kharkiv").
    s4 = "A rocket struck a residential building in Kharkiv on Thursday."
    rocket = _trigger("rocket", 2, s4, "explosions_remote_violence", "shelling_artillery_missile_attack", 6)
    kharkiv = PlaceFact(text="Kharkiv", sentence=s4, char_start=42, char_end=49, name="Kharkiv",
                        feature="city", country_iso2="UA", role="event")
    assert split_events([rocket, kharkiv])
    # So does a street address: a numbered street's crossing or a block, but not a rank.
    for s5, found in (("A man was stabbed near 12th and Elm on Friday.", True),
                      ("A man was stabbed at Elm and 5th on Friday.", True),
                      ("A man was stabbed in the 300 block of Elm on Friday.", True),
                      ("A man was stabbed in the back by 2nd and 3rd cousins.", False),
                      ("The coach was stabbed in the back at Elm and 3rd-tier clubs.", False)):
        stabbed = _trigger("stabbed", 10, s5, "violence_against_civilians", "attack", 4)
        assert bool(split_events([stabbed])) is found, s5
    # A protest or a find of arms told once stays an event.
    s3 = "Thousands marched through the capital on Sunday."
    marched = _trigger("marched", 10, s3, "protests", "peaceful_protest", 5)
    assert [e[0] for e in split_events([marched])] == ["protests"]


def test_a_memory_vetoes_only_its_own_sentence() -> None:
    s1 = "He was accused of killing his wife in 2012."
    s2 = "On Sunday a patron at the range shot another man, who was taken to hospital."
    memory = TriggerFact(text="killing", sentence=s1, char_start=16, char_end=23,
                         event_type="memory", priority=0, vetoes=True)
    old, new = _killed(16, s1), _killed(60, s2)
    events = split_events([memory, old, new])
    assert len(events) == 1 and new in events[0][2] and old not in events[0][2]
    # A disaster word before the first victim still says what killed them all.
    fire = _veto("fire", 0, s1)
    assert split_events([fire, old, new]) == []
