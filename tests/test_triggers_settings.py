"""Settings that are no violence (`pipeline/triggers/settings.py`) on hand-written sentences:
each rule's negatives (no trigger stands) beside positives in the same words (it stands)."""

from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.mark.parametrize(("text", "kept"), [
    # A drill, an exercise or training governs the weapon, or sets its clause (negatives) ...
    ("The drills include live-fire gunnery against floating targets and air defence training "
     "with helicopters and fighter jets.", False),
    ("Troops fired artillery at targets on a range during a joint exercise with allied forces "
     "on Tuesday.", False),
    ("Marines fired rockets at a hulk off the coast as part of a week of training.", False),
    ("Police officers practised exchanging gunfire at the academy on Tuesday.", False),
    # A headline without a verb (the parse's root is a noun: the rule walks up to it and stops).
    ("Navy drills with helicopters and fighter jets off the coast", False),
    # ... beside the same weapons used on people, by armed groups, or only near a drill.
    ("A missile struck a base where troops were training, killing two soldiers, officials said.",
     True),
    ("Rebels attacked an army post during a training exercise on Monday, the army said.", True),
    ("Militants fired rockets at soldiers taking part in drills near the border on Friday.", True),
    ("Troops fired artillery at rebel positions near the town on Tuesday.", True),
    ("Unknown attackers threw a grenade at soldiers during training near the river on Friday.", True),
    ("A missile hit soldiers during a training exercise in the east, causing dozens of casualties.",
     True),
    ("The drills come a week after a rocket attack on an air base in the west.", True),
    ("Police officers exchanged gunfire with a gunman outside the academy on Tuesday.", True),
])
def test_weapons_in_a_drill_are_practice(trigger_words: Callable[[str], list[str]], text: str,
                                         kept: bool) -> None:
    assert bool(trigger_words(text)) is kept


@pytest.mark.parametrize(("text", "kept"), [
    # A battle, fight or war named by its arena: courts, markets, ratings, ballots (negatives) ...
    ("A court ruled on Tuesday that a retired teacher must remove her wind chimes, ending a "
     "two-year legal battle with her neighbours.", False),
    ("The firm lost a patent battle with its rival in a federal court on Tuesday.", False),
    ("A court battle between two neighbours over a hedge ended on Friday.", False),
    ("The couple's custody fight with his brothers went to appeal on Monday.", False),
    # ... beside battles fought with arms, and clashes, which elections and politics also bring.
    ("Police and gang members fought a gun battle in the streets of the city on Monday, leaving "
     "four dead.", True),
    ("Rival clans fought a fierce battle over grazing land near the border on Sunday, killing six.",
     True),
    ("Government troops and rebels fought a pitched battle for control of the town on Tuesday.",
     True),
    ("Two people were killed in election clashes between rival supporters in the town on Sunday.",
     True),
    ("Twenty fighters were killed in a political battle between rival militias for the port.", True),
])
def test_a_contest_named_by_its_arena_is_no_battle(trigger_words: Callable[[str], list[str]],
                                                   text: str, kept: bool) -> None:
    assert bool(trigger_words(text)) is kept


@pytest.mark.parametrize(("text", "kept"), [
    # Soldiers marching past on parade; a handover of what is no place (negatives) ...
    ("Troops marched past in review and a salute was fired in the general's honour.", False),
    ("The army's chief of staff retired on Wednesday after 38 years of service, handing over "
     "command at a ceremony in Accra.", False),
    ("The army commander handed over the keys of a new clinic at a ceremony in Kabul.", False),
    ("The rebels handed over the hostages to the army at a checkpoint near the town.", False),
    # ... beside police marching to protest, a place or its control handed over between sides.
    ("Hundreds of police officers marched past parliament on Tuesday to demand higher pay.", True),
    ("Rebels handed over control of the town to the army on Wednesday under a local truce.", True),
    ("The militia handed over the base to the army on Thursday.", True),
    ("The rebels handed over the power station in the town to the army on Thursday.", True),
    ("Angry soldiers marched past the palace on Monday demanding their unpaid bonuses.", True),
    ("Veterans marched on parliament on Monday over cuts to their pensions.", True),
])
def test_parades_and_handovers_of_no_place(trigger_words: Callable[[str], list[str]], text: str,
                                           kept: bool) -> None:
    assert bool(trigger_words(text)) is kept


@pytest.mark.parametrize(("text", "kept"), [
    # Troops on the move march into no protest (negatives) ...
    ("Soldiers marched into the town on Monday after the rebels withdrew.", False),
    ("Troops marched north towards the border overnight, the ministry said.", False),
    # ... beside soldiers, students and workers marching to protest.
    ("Hundreds of soldiers marched through the capital in protest over unpaid wages.", True),
    ("Students marched into the town square on Monday to oppose the new law.", True),
])
def test_troops_on_the_move_are_no_march_of_protest(trigger_words: Callable[[str], list[str]],
                                                    text: str, kept: bool) -> None:
    assert ("marched" in trigger_words(text)) is kept


@pytest.mark.parametrize(("text", "kept"), [
    # A protest made by a government, a ministry, an embassy or a country: a note (negatives) ...
    ("The foreign ministry summoned the ambassador on Monday to protest over the new fishing quota.", False),
    ("The government lodged a formal protest with the embassy over the remarks.", False),
    ("Beijing protested the arms sale in a statement on Tuesday.", False),
    ("The embassy protested the detention of its citizens.", False),
    ("Foreign ministry officials lodged a protest with the embassy.", False),
    ("Tokyo had lodged a protest with Seoul over the islands.", False),
    ("A formal protest was lodged by the government on Wednesday over the incursion.", False),
    # (a dateline the parser takes for a second subject is no protester)
    ("OSLO — The foreign ministry summoned the ambassador on Monday to protest over what it called "
     "an increase in the catch quota.", False),
    # ... beside protests held by people, outside the same ministries and embassies.
    ("Hundreds of farmers gathered outside the ministry on Monday to protest over the new fishing quota.", True),
    ("Ministry workers protested over unpaid wages outside the building on Monday.", True),
    ("Opposition supporters protested outside the embassy on Friday.", True),
    ("Police officers protested over pay outside the interior ministry on Thursday.", True),
    ("Students protested in the capital against the government on Friday.", True),
    # A place's people protest against something; its government protests it.
    ("Paris protested again on Saturday against the pension reform.", True),
    ("The whole country protested against the coup on Sunday.", True),
    ("Minneapolis protested for a third night after the police shooting.", True),
    ("Minneapolis protested the verdict for a third night on Friday.", True),
    ("The whole country protested the coup on Sunday.", True),
    # Public servants protest too.
    ("Election officials protested outside the statehouse over pay on Monday.", True),
    ("Officials from the ministry walked out on Monday to protest unpaid wages.", True),
])
def test_a_protest_lodged_by_a_government_is_no_gathering(trigger_words: Callable[[str], list[str]],
                                                          text: str, kept: bool) -> None:
    assert bool(trigger_words(text)) is kept
