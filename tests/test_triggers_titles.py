"""Names and modifiers that hold trigger words (`pipeline/triggers/titles.py`), strikes voted on
(`refine._labour`), and the senses of `sense.py` made for the second blind set (medical
attacks, targets that are words or fires, a past war's bombs; fiction is in `test_triggers_works.py`),
on hand-written sentences: each negative (no trigger) beside positives in the same words (the
trigger stands)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc


@pytest.mark.parametrize(("text", "word"), [
    # The title of a work in quotation marks, straight or curly.
    ("The band opened with their hit 'Shell Shock' as fireworks went off.", "shell"),
    ("The band opened with their hit “Shell Shock” as fireworks went off.", "shell"),
    # A word alone in scare quotes.
    ("He said he had been 'ambushed' by people he trusted.", "ambushed"),
    # The first word of a proper name.
    ("Riot Engine brought their tour to Berlin on Saturday.", "riot"),
    # The first part of a hyphenated modifier.
    ("Northgate fired five goals past a shell-shocked defence.", "shell"),
    # A strike voted on is no strike yet.
    ("Nurses will be balloted on strike action next month.", "strike"),
    ("Teachers voted to strike over pay.", "strike"),
    ("The union announced a strike ballot of its members.", "strike"),
    ("A union reached a deal on Wednesday, averting a strike planned for next week.", "strike"),
    # An attack of the heart or the mind.
    ("Gerald Price died of a heart attack at his home on Sunday, his family said.", "attack"),
    ("She suffered a panic attack before the exam.", "attack"),
    # Targets that are words and politics, or a fire.
    ("The Senate shot down a housing bill on Wednesday.", "shot down"),
    ("The opposition launched a fierce attack on the government's budget on Wednesday.", "attack"),
    ("Residents battled the flames for hours before the fire brigade arrived.", "battled"),
    ("Villagers fought the blaze with buckets of water.", "fought"),
    ("Helicopters bombarded the wildfire with water on Tuesday.", "bombarded"),
    # Fiction as the sentence's setting.
    ("Residents called police after hearing gunfire, only to find a thriller was being filmed.",
     "gunfire"),
    ("Players fight across a fictional island, storming bunkers and calling in air strikes.",
     "fight"),
    ("The production was staging a shootout using blank rounds.", "shootout"),
    # A debate that turns into a clash.
    ("The debate in the chamber turned into a bad-tempered clash.", "clash"),
    ("Police defused an unexploded bomb from the Second World War near the station.", "bomb"),
    # A bomb of a past war.
    ("Experts defused a one-tonne bomb from the Second World War in Cologne on Wednesday.", "bomb"),
    ("Experts defused an unexploded wartime shell found on a building site.", "shell"),
])
def test_names_modifiers_and_votes_report_no_event(trigger_words: Callable[[str], list[str]], text: str,
                                                   word: str) -> None:
    assert not any(word in w for w in trigger_words(text))


@pytest.mark.parametrize(("text", "word"), [
    # A quoted clause is a report; a quoted name beside the trigger changes nothing.
    ("'We were attacked by gunmen,' he said.", "attacked"),
    ("The so-called 'Islamic State' claimed the bombing that killed 12 people.", "bombing"),
    # Capitalised trigger words at a sentence's start, and "riot police".
    ("Riot police fired tear gas at protesters in Paris on Monday.", "protesters"),
    ("Shelling killed three civilians in Donetsk on Tuesday.", "shelling"),
    ("Gunmen attacked a bus in the town of Jasim on Saturday, killing three people.", "attacked"),
    ("Protesters stormed the parliament in Colombo on Friday.", "stormed"),
    # A strike that is held, whatever vote came before it.
    ("Teachers went on strike on Monday, closing schools across the state.", "strike"),
    ("Thousands of nurses walked out on strike after voting last month.", "strike"),
    # An independent review's sentences (each lost its trigger in a first version of a rule):
    # a year of comparison, a world war compared with, a headline in Title Case, a witness's
    # word quoted beside the armed, fiction in another clause, a filming by no work, a strike
    # voted and held.
    ("It was the deadliest attack since 2015 in Kabul, officials said on Monday.", "attack"),
    ("Rebels attacked Kidal for the first time since 2012 on Sunday.", "attacked"),
    ("Russia's bombing of Kyiv on Monday was the heaviest the city has seen since the Second "
     "World War.", "bombing"),
    ("Troops shelled Bakhmut on Sunday in the fiercest fighting in Europe since World War II.",
     "fighting"),
    ("Bombing Kills 12 In Baghdad Market.", "bombing"),
    ("Airstrike Hits Hospital In Gaza City.", "airstrike"),
    ('Police said the two men were "shot dead" by gunmen in Culiacan.', "shot dead"),
    ('Witnesses said the village was "bombed" by aircraft overnight.', "bombed"),
    ("Rebels killed 12 villagers in Beni, days after the army held a simulated exercise.", "killed"),
    ("Gunfire rang out in Port-au-Prince as a TV crew was filming a news show.", "gunfire"),
    ("A bystander filmed the shooting on his phone and the video was shown on a TV show.",
     "shooting"),
    ("Union members voted overwhelmingly for strike action and walked out on Monday.", "strike"),
    ("Workers voted to strike and walked off the job in Detroit on Monday.", "strike"),
    # A person who had a heart attack, attacked by gunmen.
    ("Gunmen attacked a hospital in the town, killing a nurse who had suffered a heart attack.",
     "attacked"),
    # Targets that are people, places or aircraft, even beside a law or a government.
    ("Rebels shot down a military helicopter over the valley on Sunday.", "shot down"),
    ("Militants launched an attack on the army base on Wednesday, killing four soldiers.", "attack"),
    ("Thousands protested against the new law in the capital on Sunday.", "protested"),
    ("Gunmen attacked the government's convoy on the highway.", "attacked"),
    ("Villagers fought the gunmen with machetes.", "fought"),
    ("A gunman opened fire on shoppers at a mall on Saturday.", "opened fire"),
    ("Residents battled the rioters for hours before police arrived.", "battled"),
    # Real violence filmed by a witness; a bomb of a past war that kills today.
    ("Police said the attack was filmed by a bystander and shared online.", "attack"),
    ("Gunmen shot a film crew filming a documentary in the village, killing two.", "gunmen"),
    # A scene and a series are no works whose topic a trigger is.
    ("Detectives combed the scene of the shooting on Main Street.", "shooting"),
    ("On Tuesday, warplanes carried out a series of airstrikes on rebel hideouts in the north.",
     "airstrikes"),
    ("Protesters staged a sit-in outside the film studio.", "sit-in"),
    ("Soldiers opened fire on a crowd filming a protest, wounding three.", "opened fire"),
    # A clash in a debate's chamber between armed men is no debate.
    ("Rebels and soldiers clashed in the town after the debate on Tuesday, killing four.",
     "clashed"),
    ("A wartime bomb exploded at a building site, killing two workers.", "bomb"),
    ("Bomb disposal experts defused a roadside bomb planted by militants near the checkpoint.",
     "defused"),
])
def test_reports_in_the_same_words_keep_their_trigger(trigger_words: Callable[[str], list[str]], text: str,
                                                      word: str) -> None:
    assert any(word in w for w in trigger_words(text))


@pytest.mark.parametrize(("text", "kept"), [
    # A bare year two or more years before publication, in the trigger's own clause.
    ("Residents gathered on Monday to mark 30 years since a grocer was murdered in his shop in 1993.",
     False),
    ("A new documentary revisits the 1987 killing of a student who was found strangled by a lake.",
     False),
    # A month and year, a season of a year, an event it happened during, a time "ago".
    ("A plaque marks the bend where resistance fighters ambushed a convoy in August 1944.", False),
    ("Archivists digitised photographs of the rioting that swept the city in the summer of 1967.", False),
    ("Records show that more than 200 people were arrested during the general strike of 1926.", False),
    ("Survivors gathered on Sunday to remember the victims of a bus station bombing 15 years ago.", False),
    # A year of centuries past is a year too.
    ("A museum display shows the human cost of the 1746 clash, when hundreds of men were killed.",
     False),
    ("Thousands watched a re-enactment of the 1066 battle on a hillside on Saturday.", False),
    ("The veteran still dreams about the jungle ambush two decades ago that killed his friends.", False),
    # The year of the event the trigger happened in ("in the 1860 expedition", "in the 1994 war").
    ("Thousands of objects were looted from the palace in the 1860 expedition and later sold to collectors.",
     False),
    ("The mosque was destroyed in the 1992 riots.", False),
    ("Rebels attacked the town in the 2023 offensive, killing four soldiers.", True),
    ("Gunmen attacked a shop in the 1900 block of Main Street on Tuesday night.", True),
    # ... not a named place's year, nor one in a sentence with a day of its own, nor the year
    # of what the violence was over
    ("Fans clashed with police in the 1936 Olympic Stadium after Saturday's derby.", True),
    ("Villagers clashed with police on Tuesday over the 1998 land deal.", True),
    # (each guard alone: a named place, a day of its own, an address)
    ("Fans clashed with police in the 1936 Olympic Stadium.", True),
    ("Fans clashed with police in the 1936 stadium after Saturday's derby.", True),
    ("Police said a man was shot dead in the 2000 block of Elm Avenue.", True),
    # A recent year, or an old one in another clause, dates nothing of the trigger's.
    ("Rebels ambushed a convoy on Monday, a year ago to the day after the last attack.", True),
    ("Police arrested 20 people during the strike on Monday, the first since 1926.", True),
    ("Gunmen ambushed a convoy on Monday near a bridge that was built in August 1944.", True),
    ("A man was sentenced on Monday for the 2022 shooting of a bar owner.", True),
    ("It was the deadliest attack since 2015 in Kabul, officials said on Monday.", True),
    ("About 1500 soldiers clashed with rebels near the border on Monday, the army said.", True),
    ("Gunmen killed five people on Monday in the town where a dam was built in 1987.", True),
    ("Five people were shot in a drive-by shooting on Saturday in the 2000 block of Elm Avenue.",
     True),
])
def test_violence_dated_years_ago_is_a_memory(annotate: Callable[..., Doc], text: str, kept: bool) -> None:
    doc = annotate(text, "2023-05-10")
    assert any(not f["vetoes"] for f in doc._.ne_triggers) is kept
    # Its sentence's victims join no event either: a veto fact says what they are.
    assert any(f["vetoes"] for f in doc._.ne_triggers) is not kept
