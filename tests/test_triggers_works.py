"""Violence told in a work, not done (`pipeline/triggers/works.py`), on hand-written sentences:
each negative (no trigger, no casualty-only event) beside positives in the same words (real
violence beside a work keeps its trigger and its event)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

EventList = list[tuple[str | None, str | None, list]]


@pytest.mark.parametrize(("text", "word"), [
    # The story a work tells (`works.in_a_work`): set "in" a work or a part of one, under a verb
    # of telling whose subject is a work, or a part of a work the work holds.
    ("In the new spy film, a diplomat is kidnapped in Vienna and held for ransom.", "kidnapped"),
    ("In the third chapter, rebels storm the palace and the king escapes by boat.", "storm"),
    ("In the sequel, a masked gunman opens fire on a crowded train.", "opens fire"),
    ("The thriller tells the story of a diplomat kidnapped in Vienna.", "kidnapped"),
    ("The opera tells of a heroine stabbed by her jealous lover.", "stabbed"),
    ("The musical's riot scene was rewritten a week before the premiere.", "riot"),
    # a part of the story a work owns or is "of", a character a work owns
    ("In the historical drama's final episode, the queen is executed at the Tower.", "executed"),
    ("In the opening scene of the political thriller, a senator is stabbed on the steps.", "stabbed"),
    ("The horror novel's killer stabbed his victims with antique hatpins.", "stabbed"),
    ("The thriller's villain is gunned down by his own bodyguard near the end.", "gunned"),
])
def test_the_story_of_a_work_reports_no_event(trigger_words: Callable[[str], list[str]], text: str, word: str) -> None:
    assert not any(word in w for w in trigger_words(text))


@pytest.mark.parametrize(("text", "word"), [
    # A work beside real violence: its venue, its crew, its showing; "in" an episode of
    # violence, a plot or a game; a scene of a crime.
    ("A gunman opened fire in a cinema during a screening of the new film, wounding three.", "opened fire"),
    ("Police said the shooting broke out in the car park after the show ended.", "shooting"),
    ("Militants attacked a village in the latest episode of violence in the valley.", "attacked"),
    ("Police arrested three men in the plot to kidnap the governor.", "arrested"),
    ("A fan was stabbed in the game against the visitors on Saturday.", "stabbed"),
    ("The film's director was arrested at the border on Monday.", "arrested"),
    ("Gunmen attacked the crew of the film in the mountains, killing a driver.", "attacked"),
    ("Officers secured the shooting scene on Elm Street for several hours.", "shooting"),
    ("Two men were wounded in a shooting in the car park of a film studio.", "shooting"),
    ("In the film's opening weekend, protesters attacked two cinemas in the capital.", "attacked"),
    ("In the game's final minutes, a fan attacked the referee near the bench.", "attacked"),
    ("The documentary's subject was shot dead by police in the capital on Monday.", "shot"),
    ("Gunmen killed the novel's translator outside his home on Friday.", "killed"),
    ("Police found shell casings in the scene of the murder on Monday.", "murder"),
    # An independent review's sentences (each lost its trigger in a first version): a show, a
    # series, a chapter "of" something, a sequel "to" it, a trailer home, a game that ended, a
    # film that opens, a relative clause under a documentary.
    ("Riot police fired tear gas at students in a show of force on Monday.", "tear gas"),
    ("Officers arrested 25 people in a series of raids across the port on Friday.", "arrested"),
    ("Gunmen killed three herders in a new chapter of violence in the north.", "gunmen"),
    ("In a bloody sequel to Sunday's riots, police shot two protesters in the town.", "protesters"),
    ("A woman was stabbed in a trailer at a campsite outside the town on Sunday.", "stabbed"),
    ("The match ended in a riot as fans stormed the pitch and attacked the referee.", "attacked"),
    ("The film opens on Friday, a week after its lead actor was arrested in Lagos.", "arrested"),
    ("A man who was shot by soldiers during the protests appears in the new documentary.", "protests"),
])
def test_real_violence_beside_a_work_keeps_its_trigger(trigger_words: Callable[[str], list[str]], text: str,
                                                       word: str) -> None:
    assert any(word in w for w in trigger_words(text))


@pytest.mark.parametrize(("text", "word"), [
    # What a work tells holds its relative clauses (`works.told_by_a_work`): under a verb of
    # telling whose subject is a work, in a work's "about" phrase, in what its character is.
    ("The ballet tells the story of a prince who is stabbed by his brother.", "stabbed"),
    # (it read "The novel centres on ..." until the verb "shell" became a trigger: the parser
    # takes "novel centres" for a noun there, and the test held only because no verb "shell" did)
    ("The novel tells the story of a soldier who deserts after his unit shells a village.", "shells"),
    ("The novel is about two brothers who kidnap a banker in Turin.", "kidnap"),
    ("The podcast explores the murder of a teenager in a small town.", "murder"),
    ("The documentary, about a nurse who was kidnapped by pirates, opens on Friday.", "kidnapped"),
    ("The novel explores the life of a farmer whose sons were murdered in the war.", "murdered"),
])
def test_what_a_work_tells_reports_no_event(trigger_words: Callable[[str], list[str]], text: str, word: str) -> None:
    assert not any(word in w for w in trigger_words(text))


@pytest.mark.parametrize(("text", "word"), [
    # A verb of telling whose subject is no work, a work's own subject side, a clause under a
    # work that tells nothing, a work's maker hurt.
    ("Police followed the gunmen who had robbed the bank and arrested two of them on Monday.", "arrested"),
    ("The attack follows a series of bombings in the capital this month.", "bombings"),
    ("A man who was shot by police during the protests appears in the new documentary.", "protests"),
    ("Gunmen killed a journalist who was making a documentary about the war.", "killed"),
    ("Officials said the film's producer was kidnapped in Lagos on Tuesday.", "kidnapped"),
    ("Protesters who marched on parliament on Tuesday were filmed by a documentary crew.", "marched"),
    # A clause joined to the telling, a day of the news, a drama that is a situation ("follow"
    # tells no story: "the attack follows a week of bombings").
    ("The film explores a family in Gaza, and on Sunday an airstrike killed its young star.", "airstrike"),
    ("The documentary focuses on a journalist who was shot dead in Kabul on Monday.", "shot"),
    ("The latest drama follows the arrest of three opposition leaders in Harare on Monday.", "arrest"),
    ("The drama follows weeks of protests in which police shot dead 12 demonstrators.", "shot dead"),
    ("The attack was about revenge, police said, after gunmen killed two guards on Monday.", "attack"),
    # A drama or a thriller is often the incident itself: its clauses are news.
    ("The siege drama focused on a hotel where militants killed 15 guests.", "killed"),
    ("The latest drama focused on a village where soldiers shot dead three protesters.", "shot dead"),
])
def test_violence_beside_a_telling_keeps_its_trigger(trigger_words: Callable[[str], list[str]], text: str, word: str) -> None:
    assert any(word in w for w in trigger_words(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # The victims of a work's story join no event, whether a trigger word tells them or
        # only a casualty's words do (negatives) ...
        ("The novel tells the story of a diplomat kidnapped in Vienna.", False),
        ("The novel's heroine is a journalist who was shot while covering the war.", False),
        ("The documentary, about a nurse who was kidnapped by pirates, opens on Friday.", False),
        ("The novel tells of a teacher who is shot by a student in a small town.", False),
        # ... beside the same victims in the news (positives), and real victims in a sentence
        # that names a work's topic elsewhere.
        ("Three people were wounded outside a cinema showing a film about the massacre.", True),
        ("Two people were injured at the premiere of a documentary about the bombing.", True),
        ("In the ensuing drama, police shot dead two gunmen and arrested a third.", True),
        ("The hostage drama centred on a farmhouse where the suspect shot two officers this morning.", True),
        ("Gunmen kidnapped a diplomat in Vienna on Monday, police said.", True),
        ("A journalist was shot while covering the protests in the capital on Sunday.", True),
        ("The film's director is a journalist who was shot while covering the war in 2022.", True),
        ("A teacher was shot by a student at a school in the town on Friday.", True),
    ],
)
def test_victims_of_a_story_make_no_event(events_of: Callable[[str], EventList], text: str, event: bool) -> None:
    assert bool(events_of(text)) is event
