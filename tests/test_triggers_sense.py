"""Word-sense predicates of `pipeline/triggers/sense.py` on hand-written sentences: each rule's
negatives (no conflict event) beside positives in the same words (the trigger stands)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.triggers.lexicon import TriggerEntry
from pipeline.triggers.refine import Match, outcome_name
from pipeline.triggers.sense import (a_likeness, a_spacecraft, aims_at_no_one, done_by_no_one, figurative_riot, flopped,
                                     harm_by_no_one, intervened, medical_arrest, names_a_pastime, no_one_arrested,
                                     sport_contest, trial_or_toy, verbal_clash)

QUIET = {"conflict": False, "protest": False}
GAME = {"conflict": False, "protest": False, "sport": True}

ATTACK = TriggerEntry("violence_against_civilians", "attack", 4, "attack")
ARREST = TriggerEntry("strategic_developments", "arrests", 5, "arrest")
MASSACRE = TriggerEntry("violence_against_civilians", "attack", 5, "attack")
CLASH = TriggerEntry("battles", "armed_clash", 6, "clash")
ARREST = TriggerEntry("strategic_developments", "arrests", 5, "arrest")
PROTEST = TriggerEntry("protests", "peaceful_protest", 5, "protest")
DESTROY = TriggerEntry("strategic_developments", "looting_property_destruction", 3, "property")
BOMB = TriggerEntry("explosions_remote_violence", "remote_explosive_landmine_ied", 5, "bomb")


@pytest.mark.parametrize(("text", "word", "expected"), [
    # An animal or a computer thing as the only doer or target of the harm (negatives) ...
    ("A hiker was attacked by a grizzly on the trail.", "attacked", True),
    ("A shark attacked a swimmer off the north beach.", "attacked", True),
    ("Hackers attacked the websites of two banks.", "attacked", True),
    # ... beside people doing or undergoing it (positives).
    ("A hiker was attacked by two armed men on the trail.", "attacked", False),
    ("Gunmen attacked a swimmer off the north beach.", "attacked", False),
    ("Villagers said the dogs barked before gunmen attacked the farm.", "attacked", False),
    # Armed groups with the names of animals or networks are doers of harm.
    ("The Tigers attacked a bus carrying civilians near the town.", "attacked", False),
    ("The Haqqani network attacked a hotel in the capital.", "attacked", False),
    ("Police dogs attacked the marchers near the square.", "attacked", False),
    # A capital at the start of a sentence is no name.
    ("Dogs attacked a woman walking in a park on Sunday.", "attacked", True),
])
def test_harm_done_by_or_to_no_one(trigger_match: Callable[..., Match], text: str, word: str, expected: bool) -> None:
    assert aims_at_no_one(trigger_match(ATTACK, text, word)) is expected, text


@pytest.mark.parametrize(("entry", "text", "word", "expected"), [
    # Animals and forces of nature as the only doers, read through groups, relative clauses,
    # infinitives and event nouns, of harm, protest and destruction words (negatives) ...
    (ATTACK, "A pack of stray dogs attacked a seven-year-old boy near the market.", "attacked", True),
    (ATTACK, "Mosquitoes attacked the campers near the lake overnight.", "attacked", True),
    (ATTACK, "Rangers captured a leopard that had attacked three villagers.", "attacked", True),
    (ATTACK, "The documentary shows crocodiles lying in wait to ambush wildebeest.", "ambush", True),
    (ATTACK, "Beaches were closed after a shark attack left a surfer with bite wounds.", "attack", True),
    (ATTACK, "An escaped bull went on a rampage through a shopping mall.", "rampage", True),
    (PROTEST, "Hundreds of penguins marched across the sea ice to their breeding grounds.", "marched", True),
    (DESTROY, "A late frost destroyed half of the apple blossom in the valley.", "destroyed", True),
    (DESTROY, "A black bear ransacked a campsite kitchen in the national park.", "ransacked", True),
    # ... beside people doing the same (positives), and figures of speech of nature.
    (ATTACK, "A pack of armed men attacked a seven-year-old boy near the market.", "attacked", False),
    (ATTACK, "Rangers captured the men who had attacked three villagers.", "attacked", False),
    (ATTACK, "Soldiers lay in wait to ambush the convoy near the border.", "ambush", False),
    (ATTACK, "A man went on a rampage through a shopping mall with a knife.", "rampage", False),
    (PROTEST, "Hundreds of farmers marched to the capital to demand higher prices.", "marched", False),
    (DESTROY, "A mob destroyed half of the shops in the market.", "destroyed", False),
    (ATTACK, "A hail of bullets killed two men outside the bar.", "killed", False),
    # A compound is the doer only of an attack noun: a cattle raid raids cattle.
    (ATTACK, "Gunmen killed three herders in a cattle raid on the village.", "raid", False),
])
def test_done_by_animals_or_nature(trigger_match: Callable[..., Match], entry: TriggerEntry, text: str, word: str,
                                   expected: bool) -> None:
    assert harm_by_no_one(trigger_match(entry, text, word)) is expected, text


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("The midfielder suffered a cardiac arrest during training.", "arrest", True),
    ("The patient went into respiratory arrest overnight.", "arrest", True),
    ("Police made an arrest after the shooting.", "arrest", False),
    ("The arrest of the opposition leader sparked protests.", "arrest", False),
    ("Officers said the arrest followed a long inquiry.", "arrest", False),
])
def test_an_arrest_of_the_heart_is_no_detention(sense_holds: Callable[..., None], text: str, word: str, expected: bool) -> None:
    sense_holds(medical_arrest, ARREST, text, word, None, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("Police said the protest was peaceful and no arrests were made.", "protest_peaceful"),
    ("Police did not intervene in the protest outside the ministry.", "protest_peaceful"),
    ("Police fired tear gas to break up the protest outside the ministry.", "protest_intervention"),
    ("Police arrested six people at the protest outside the ministry.", "protest_intervention"),
])
def test_an_intervention_denied_is_none(trigger_match: Callable[..., Match], text: str, expected: str) -> None:
    m = trigger_match(PROTEST, text, "protest")
    assert intervened(m) is (expected == "protest_intervention"), text
    assert outcome_name(m) == expected, text


@pytest.mark.parametrize(("entry", "text", "word", "flags", "expected"), [
    # A word of combat in a game: a score, players as its sides, an article about a match ...
    (MASSACRE, "It was a massacre as the hosts beat their rivals 6-0 on Sunday.", "massacre", QUIET, True),
    (CLASH, "Their keeper was sent off after a clash with the winger.", "clash", QUIET, True),
    (ATTACK, "His side had been caught out on the counter-attack.", "attack", GAME, True),
    (DESTROY, "The coach admitted his side had been destroyed.", "destroyed", GAME, True),
    # A striker, supporters: players of the game, not a crowd of strikers.
    (CLASH, "They beat their rivals 4-1 in a bad-tempered derby clash, with their striker scoring "
     "twice.", "clash", QUIET, True),
    # ... beside the same words where people, weapons, armed men or crowds are named, or an
    # article about no game, or a range of numbers that is no score.
    (CLASH, "Fans clashed with police after the 2-1 defeat.", "clashed", QUIET, False),
    (CLASH, "Striking miners clashed with police after the 2-1 vote to stay out.", "clashed", QUIET,
     False),
    (ATTACK, "Two players were attacked outside the stadium after the game.", "attacked", GAME, False),
    (ATTACK, "Gunmen attacked the team bus with rifles after the match.", "attacked", GAME, False),
    (MASSACRE, "The massacre of 30 villagers shocked the region.", "massacre", GAME, False),
    (CLASH, "Rebels and soldiers clashed near the border for 2-3 hours.", "clashed", QUIET, False),
    (CLASH, "The clash near the border lasted into the night.", "clash", QUIET, False),
    (CLASH, "The clash near the border lasted 2-3 hours.", "clash", QUIET, False),
    (CLASH, "Tribal clashes in the district have killed 10-12 since Monday.", "clashes", QUIET, False),
    (CLASH, "Village defenders clashed with cattle raiders overnight, leaving four dead.", "clashed", QUIET,
     False),
    (ATTACK, "Political opponents of the governor attacked his convoy with stones.", "attacked", QUIET, False),
    (MASSACRE, "Witnesses said 10-15 bodies were found after the massacre.", "massacre", QUIET, False),
    (DESTROY, "Soldiers destroyed three houses in the village.", "destroyed", GAME, False),
])
def test_a_game_is_no_battle(sense_holds: Callable[..., None], entry: TriggerEntry, text: str, word: str,
                             flags: dict[str, bool], expected: bool) -> None:
    sense_holds(sport_contest, entry, text, word, flags, expected)


MISSILE = TriggerEntry("explosions_remote_violence", "shelling_artillery_missile_attack", 7, "missile")
SHOOTING = TriggerEntry("violence_against_civilians", "attack", 4, "attack")
RIOT = TriggerEntry("riots", "violent_demonstration", 7, "riot")


@pytest.mark.parametrize(("rule", "entry", "text", "word", "expected"), [
    # a word of harm naming a game, a range, a show (negatives) beside one naming people (positives)
    (names_a_pastime, SHOOTING, "The new online shooting game sold two million copies.", "shooting", True),
    (names_a_pastime, SHOOTING, "The new war film opened in cinemas on Friday.", "war", True),
    # a shooting range is where accidents happen: the word stays (the accident veto decides)
    (names_a_pastime, SHOOTING, "A man was hurt at a shooting range on Sunday.", "shooting", False),
    (names_a_pastime, SHOOTING, "Police questioned a shooting suspect on Monday.", "shooting", False),
    (names_a_pastime, SHOOTING, "The shooting victims were taken to hospital.", "shooting", False),
    # a rocket of space flight (negatives) beside rockets fired at people (positives)
    (a_spacecraft, MISSILE, "The rocket carried two weather satellites into orbit.", "rocket", True),
    (a_spacecraft, MISSILE, "A rocket hit a school near the border, killing two pupils.", "rocket", False),
    (a_spacecraft, MISSILE, "Militants fired a rocket at the satellite dish of the army base.", "rocket", False),
    (a_spacecraft, MISSILE, "A missile struck a satellite station overnight, killing three people.", "missile",
     False),
    (a_spacecraft, MISSILE, "A rocket hit a satellite dish on a house, wounding a woman.", "rocket", False),
    (names_a_pastime, SHOOTING, "The kidnapping drama ended after gunmen freed 20 students.", "kidnapping", False),
    # a riot of colour (negative) beside a riot of prisoners and a riot (positives)
    (figurative_riot, RIOT, "The garden is a riot of colour in May.", "riot", True),
    (figurative_riot, RIOT, "A riot of prisoners broke out in the jail.", "riot", False),
    (figurative_riot, RIOT, "The riot left three shops burned.", "riot", False),
    # a riot of things that are no people, a work that is a riot (negatives) beside people
    # who riot, named or not, and an event said to be a riot (positives)
    (figurative_riot, RIOT, "The spring collection was a riot of neon and tweed.", "riot", True),
    (figurative_riot, RIOT, "The comedy show was a riot from start to finish.", "riot", True),
    (figurative_riot, RIOT, "Critics agree the comedian's new stand-up special is a riot.", "riot", True),
    (figurative_riot, RIOT, "A riot of inmates left two guards injured at the jail.", "riot", False),
    (figurative_riot, RIOT, "A riot of Kurdish youths broke out in the town after the verdict.", "riot", False),
    (figurative_riot, RIOT, "Police said the protest was a riot, with shops looted.", "riot", False),
    (figurative_riot, RIOT, "It was a riot, witnesses said, as youths hurled stones at police.", "riot", False),
    (figurative_riot, RIOT, "Students blocked roads and the burning of tyres went on all night.", "burning", False),
    # a clash of words (negatives) beside clashes of armed men or crowds (positives)
    (verbal_clash, CLASH, "The two leaders clashed during a televised debate on taxes.", "clashed", True),
    (verbal_clash, CLASH, "Troops and rebels clashed during the debate on the ceasefire.", "clashed", False),
    (verbal_clash, CLASH, "Protesters clashed outside the hall after the debate.", "clashed", False),
    (verbal_clash, CLASH, "Gunmen clashed with guards near the airport.", "clashed", False),
    (verbal_clash, CLASH, "Two villages clashed over farmland, an official said in a telephone interview.",
     "clashed", False),
    (verbal_clash, CLASH, "Rival supporters clashed outside a court hearing on Monday.", "clashed", False),
    (verbal_clash, CLASH, "Students clashed during a campus debate, leaving 20 injured.", "clashed", False),
    # what a thing looks like or withstands (negatives) beside a device used (positives)
    (a_likeness, MISSILE, "The train has a long missile-shaped nose.", "missile", True),
    (a_likeness, MISSILE, "A missile struck the depot at dawn.", "missile", False),
    (a_likeness, MISSILE, "A missile-like object exploded over the village.", "missile", False),
])
def test_words_of_harm_that_name_things(sense_holds: Callable[..., None], rule: Callable[[Match], bool], entry: TriggerEntry,
                                        text: str, word: str, expected: bool) -> None:
    sense_holds(rule, entry, text, word, None, expected)


def test_harm_by_an_animal_makes_no_casualty_event(annotate) -> None:
    from pipeline.triggers import split_events
    from pipeline.schemas import CasualtyFact, TriggerFact

    def facts_of(text: str) -> list:
        doc = annotate(text)
        return ([TriggerFact(article_id="t", **t) for t in doc._.ne_triggers]
                + [CasualtyFact(article_id="t", **c) for c in doc._.ne_casualties])

    assert split_events(facts_of("A hiker was badly injured after being attacked by a bear in the park.")) == []
    assert split_events(facts_of("A hiker was badly injured after being attacked by two men in the park."))


def test_harm_aimed_at_animals_still_lets_a_gun_accident_be_an_event(annotate) -> None:
    from pipeline.schemas import CasualtyFact, TriggerFact
    from pipeline.triggers import split_events

    doc = annotate("Two boys were shooting at birds with a shotgun when one of them was hit in the leg.")
    facts = ([TriggerFact(article_id="t", **t) for t in doc._.ne_triggers]
             + [CasualtyFact(article_id="t", **c) for c in doc._.ne_casualties])
    assert not any(t.vetoes for t in facts if isinstance(t, TriggerFact))
    assert split_events(facts)


@pytest.mark.parametrize(("text", "word", "expected"), [
    # a bomb verb with nothing bombed and nobody armed: a flop (negatives) ...
    ("The big-budget sequel bombed at the box office in its opening weekend.", "bombed", True),
    ("The musical is bombing at the box office, selling few tickets.", "bombing", True),
    ("The startup's dating app bombed in the app stores.", "bombed", True),
    # ... beside bombing done to something, or by someone armed or in the air (positives)
    ("Militants bombed a police post in the north on Sunday.", "bombed", False),
    ("The town was bombed overnight, residents said.", "bombed", False),
    ("Warplanes bombed again on Tuesday, hitting a market.", "bombed", False),
    ("The houses bombed in the raid were rebuilt by volunteers.", "bombed", False),
    ("Rebels said the planes bombed on their positions all night.", "bombed", False),
])
def test_a_bomb_verb_with_nothing_bombed_is_a_flop(trigger_match: Callable[..., Match], text: str, word: str,
                                                  expected: bool) -> None:
    assert flopped(trigger_match(BOMB, text, word)) is expected, text


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("The leopard that had injured three villagers was captured.", "injured", True),
    ("A pack of stray dogs injured four children in the town.", "injured", True),
    # An armed side's animal, a person, a pronoun the parse does not resolve: somebody's doing.
    ("Police dogs injured three protesters at the rally.", "injured", False),
    ("The army's dogs injured three protesters at the rally.", "injured", False),
    ("The gunman who had injured three villagers was captured.", "injured", False),
    ("It injured three villagers before it was captured.", "injured", False),
])
def test_done_by_no_one_reads_the_doers_and_their_owners(trigger_match: Callable[..., Match], text: str,
                                                         word: str, expected: bool) -> None:
    m = trigger_match(ATTACK, text, word)  # the word's token and the cues, whatever its entry
    assert done_by_no_one(m.span.root, m.cues) is expected, text


@pytest.mark.parametrize(("text", "word", "expected"), [
    # A process, a thing, a vessel, a good arrested or detained: nobody held.
    ("A new treatment may arrest the progression of the disease, researchers said.", "arrest", True),
    ("Inspectors detained the cargo at the port for a week.", "detained", True),
    ("Customs officers detained the shipment at the airport on Monday.", "detained", True),
    # People, a pronoun, a name that spells an animal, a crew "of" a ship, an owner "of" a car,
    # and a verb that names nobody arrested (a headline's passive) stay arrests.
    ("Police arrested three men in the capital on Monday.", "arrested", False),
    ("Officers arrested him outside his home on Friday.", "arrested", False),
    ("Police said Jo Crow, a 40-year-old farmer, was arrested on Sunday.", "arrested", False),
    ("The crew of the ship were detained by the navy on Tuesday.", "detained", False),
    ("Police said they had arrested the owner of the car.", "arrested", False),
    ("Teen arrested for school threats", "arrested", False),
    # A thing beside people, of people, or carrying them.
    ("The coast guard detained the trawler and its 20 fishermen.", "detained", False),
    ("Police arrested a network of 15 smugglers.", "arrested", False),
    ("The navy detained a boat carrying 40 migrants off the coast.", "detained", False),
    ("The coast guard detained a vessel with 30 migrants on board.", "detained", False),
    ("Police detained two trucks full of migrants near the border.", "detained", False),
])
def test_an_arrest_holds_people(trigger_match: Callable[..., Match], text: str, word: str, expected: bool) -> None:
    assert no_one_arrested(trigger_match(ARREST, text, word)) is expected, text


MISSILE = TriggerEntry("explosions_remote_violence", "shelling_artillery_missile_attack", 7, "missile")


@pytest.mark.parametrize(("text", "word", "expected"), [
    # A weapons test, a firework: fired or launched, no attack.
    ("India test-fired a nuclear-capable ballistic missile from an island off the coast.", "missile", True),
    ("North Korea test-fired two short-range missiles into the sea on Thursday.", "missiles", True),
    ("The army conducted a missile test over the desert on Monday.", "missile", True),
    ("A firework rocket exploded in a boy's hand on New Year's Eve.", "rocket", True),
    # Someone hurt, a test elsewhere in the sentence, a test as the setting, a test or a model
    # word of the place fired at or of the weapon's kind: attacks.
    ("A test missile strayed into a village, killing two farmers.", "missile", False),
    ("Militants fired rockets at the town after the army tested new rifles nearby.", "rockets", False),
    ("The army fired rockets at rebel positions during a test of its new radar.", "rockets", False),
    ("Rebels fired a homemade rocket at the police station on Monday.", "rocket", False),
    ("The army tested new rifles after rebels fired rockets at the base.", "rockets", False),
    ("Militants fired rockets at the model village near the border on Sunday.", "rockets", False),
    ("Insurgents fired a rocket at the army's test range in the valley.", "rocket", False),
    ("The army fired a new model of guided missile at the rebel base overnight.", "missile", False),
    ("Rebels fired firework rockets laced with nails at soldiers at the checkpoint.", "rockets", False),
])
def test_a_missile_tested_or_a_toy_is_no_attack(trigger_match: Callable[..., Match], text: str, word: str,
                                                 expected: bool) -> None:
    assert trial_or_toy(trigger_match(MISSILE, text, word)) is expected, text
