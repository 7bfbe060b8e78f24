"""Refinement rules: each rule's outcomes on hand-written sentences, negatives beside positives,
and the outcome table of models/triggers/refinements.tsv."""

from __future__ import annotations

import ast
import inspect
from collections.abc import Callable

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.triggers import refine as refine_module
from pipeline.triggers.context import SentenceContext
from pipeline.triggers.lexicon import Outcome, TriggerEntry, load_data, read_outcomes
from pipeline.triggers.refine import KEEP, Match, cyber_sense, describes_a_person, outcome_name, refine
from pipeline.triggers.sense import (describes_a_population, figurative_explosion, habit_not_incident, idle_devices,
                                     recalls_the_late)
from pipeline.triggers.works import told_not_done

CUES = load_data()[0].cues
CONFLICT = {"conflict": True, "protest": False}
QUIET = {"conflict": False, "protest": False}
PROTEST_DOC = {"conflict": False, "protest": True}

PROTEST = TriggerEntry("protests", "peaceful_protest", 5, "protest")
PROTEST_POLICED = TriggerEntry("protests", "protest_with_intervention", 6, "protest")
LABOUR = TriggerEntry("protests", "peaceful_protest", 2, "labour")
RIOT = TriggerEntry("riots", "violent_demonstration", 7, "riot")
STORM = TriggerEntry("riots", "violent_demonstration", 4, "storm")
CLASH = TriggerEntry("battles", "armed_clash", 6, "clash")
FIGHT = TriggerEntry("battles", "armed_clash", 5, "clash")
ATTACK = TriggerEntry("violence_against_civilians", "attack", 4, "attack")
AMBUSH = TriggerEntry("battles", "armed_clash", 6, "attack")
KILL = TriggerEntry("violence_against_civilians", "attack", 1, "kill")
CONFRONT = TriggerEntry("riots", "violent_demonstration", 5, "confront")
EXPLOSION = TriggerEntry("explosions_remote_violence", "remote_explosive_landmine_ied", 3, "explosion")
FOUND = TriggerEntry("strategic_developments", "disrupted_weapons_use", 4, "weapon_found")
TAKE = TriggerEntry("battles", "non_state_actor_overtakes_territory", 6, "territory_take")
RETAKE = TriggerEntry("battles", "government_regains_territory", 7, "territory_retake")
MISSILE = TriggerEntry("explosions_remote_violence", "shelling_artillery_missile_attack", 7, "missile")
BOMB = TriggerEntry("explosions_remote_violence", "remote_explosive_landmine_ied", 5, "bomb")
AIR = TriggerEntry("explosions_remote_violence", "air_drone_strike", 5, "air_vehicle")
GRENADE = TriggerEntry("explosions_remote_violence", "grenade", 9, "grenade")
IED = TriggerEntry("explosions_remote_violence", "remote_explosive_landmine_ied", 8, "-")
CHEMICAL = TriggerEntry("explosions_remote_violence", "chemical_weapon", 10, "chemical")
PROPERTY = TriggerEntry("strategic_developments", "looting_property_destruction", 5, "property")
ARREST = TriggerEntry("strategic_developments", "arrests", 5, "arrest")
TRANSFER = TriggerEntry("strategic_developments", "non_violent_transfer_of_territory", 4, "transfer")
GROUP = TriggerEntry("strategic_developments", "change_to_group_activity", 2, "group")
PLAIN = TriggerEntry("violence_against_civilians", "abduction_forced_disappearance", 6, "-")

# (entry, sentence, trigger word, Doc flags, expected outcome: a row of refinements.tsv or None)
CASES = [
    (PROTEST, "Rioters joined the protesters outside the palace.", "protesters", QUIET, "protest_riot"),
    (PROTEST, "Police shot dead four protesters during the march.", "protesters", QUIET,
     "protest_excessive_force"),
    (PROTEST, "Police fired tear gas to disperse the protesters.", "protesters", QUIET, "protest_intervention"),
    (PROTEST, "Thousands of teachers protested outside parliament.", "protested", QUIET, "protest_peaceful"),
    (PROTEST_POLICED, "Thousands of teachers protested outside parliament.", "protested", QUIET, KEEP),
    (LABOUR, "Dock workers went on strike over unpaid wages.", "strike", QUIET, "labour_strike"),
    (LABOUR, "The striker scored twice in the second half.", "striker", QUIET, None),
    (RIOT, "A riot broke out in the market on Sunday.", "riot", QUIET, "riot_demonstration"),
    (RIOT, "Villagers from rival clans rioted over the land.", "rioted", QUIET, "riot_mob"),
    (RIOT, "Riot police were sent to the stadium.", "riot", QUIET, None),
    (STORM, "Protesters stormed the parliament building.", "stormed", QUIET, "storm_riot"),
    (STORM, "Gunmen stormed the hotel before dawn.", "stormed", QUIET, "storm_attack"),
    (STORM, "Fans stormed the pitch after the final whistle.", "stormed", QUIET, None),
    (STORM, "The storm tore the roofs off two houses.", "storm", QUIET, None),
    # Storming out or off is leaving, whoever leaves; storming into a place is an assault.
    (STORM, "The rebel delegation stormed out of the talks in Geneva.", "stormed", QUIET, None),
    (STORM, "The army chief stormed off the stage after the question.", "stormed", QUIET, None),
    (STORM, "Soldiers stormed into the rebel camp before dawn.", "stormed", QUIET, "storm_attack"),
    (CLASH, "Protesters clashed with police in the square.", "clashed", QUIET, "clash_riot"),
    (CLASH, "Villagers from two clans clashed over grazing land.", "clashed", QUIET, "clash_mob"),
    (CLASH, "Troops clashed with rebels near the border.", "clashed", QUIET, KEEP),
    # A clash of dates: an occasion is its subject or what it clashes with, not its time.
    (CLASH, "The cup final clashed with her exams, so she stayed at home.", "clashed", QUIET, None),
    (CLASH, "Fans clashed with police after the match on Saturday.", "clashed", QUIET, KEEP),
    (CLASH, "Far-right activists clashed with the Pride festival on Saturday.", "clashed", QUIET, KEEP),
    (FIGHT, "The mayor promised to keep fighting corruption.", "fighting", QUIET, None),
    (ATTACK, "Police attacked the protesters with batons.", "attacked", QUIET, "attack_on_protesters"),
    (ATTACK, "Militants attacked an army checkpoint at night.", "attacked", QUIET, "attack_clash"),
    (ATTACK, "Unknown men attacked a school building at night.", "attacked", QUIET, "attack_on_property"),
    (ATTACK, "Unknown men attacked a family in their home.", "attacked", QUIET, KEEP),
    # A person is no building: a director shot outside his home was attacked, not his home.
    (ATTACK, "Unknown men attacked a film director outside his home.", "attacked", QUIET, KEEP),
    # a building attacked with the people in it killed or hurt is an attack on them; a denial
    # of harm leaves it an attack on property
    (ATTACK, "Unknown men attacked a church during evening prayers, killing nine people.", "attacked",
     QUIET, KEEP),
    (ATTACK, "Unknown men attacked the post office, leaving two clerks dead.", "attacked", QUIET, KEEP),
    (ATTACK, "Unknown men attacked the post office overnight; nobody was hurt.", "attacked", QUIET,
     "attack_on_property"),
    # An ambush of people with no state forces named is an attack on civilians, not a clash.
    (AMBUSH, "Gunmen ambushed a family on the road to the village.", "ambushed", QUIET,
     "ambush_on_civilians"),
    (AMBUSH, "Rebels ambushed an army patrol near the border.", "ambushed", QUIET, "attack_clash"),
    (AMBUSH, "Militants ambushed a police convoy carrying two officers.", "ambushed", QUIET, "attack_clash"),
    (AMBUSH, "ISWAP fighters ambushed Boko Haram leaders near Lake Chad.", "ambushed", QUIET, KEEP),
    (AMBUSH, "Bandits ambushed vigilante youths in Zamfara.", "ambushed", QUIET, KEEP),
    (KILL, "Rebels killed two soldiers in the hills.", "killed", QUIET, "kill_clash"),
    (KILL, "Militants killed a farmer in his field.", "killed", QUIET, "kill_by_nonstate"),
    # Two sides in the sentence make a clash only when the killing's doers and victims are they:
    # the police who tell a gunman's killing, the army that tells rebels' killing of villagers.
    (KILL, "Troops killed five militants near the border, the army said.", "killed", QUIET, "kill_clash"),
    (KILL, "Police said a gunman killed two people at a bar.", "killed", QUIET, "kill_by_nonstate"),
    (KILL, "The army said rebels killed twelve villagers in the hills.", "killed", QUIET, "kill_by_nonstate"),
    (KILL, "Gunmen stormed the checkpoint and two soldiers were killed.", "killed", QUIET, "kill_clash"),
    (KILL, "The army said it killed forty rebels in the hills.", "killed", QUIET, "kill_clash"),
    (KILL, "A gun battle near the border killed three rebels and a soldier.", "killed", QUIET, "kill_clash"),
    (KILL, "Gunmen on a motorbike killed a police inspector at the market.", "killed", QUIET, "kill_clash"),
    (KILL, "Troops repelled an assault by rebels, killing 20 of them.", "killing", QUIET, "kill_clash"),
    (KILL, "Soldiers killed five villagers during an operation against rebels.", "killed", QUIET, "kill_clash"),
    (KILL, "Rebels killed two farmers at an army checkpoint.", "killed", QUIET, "kill_by_nonstate"),
    (KILL, "Rebels killed the soldiers' commander near the river.", "killed", QUIET, "kill_clash"),
    # state forces killing people of no side: an attack on them
    (KILL, "Government troops killed 20 villagers in the district.", "killed", QUIET, "kill_by_state"),
    (KILL, "Police killed a man during a raid on his house.", "killed", QUIET, "kill_by_state"),
    (KILL, "Troops killed five militants in the hills.", "killed", QUIET, "kill_clash"),
    (KILL, "A police driver killed two pedestrians when his car skidded.", "killed", QUIET, None),
    # An assailant who kills people is violence ("a man killed his neighbour" is no surer sign:
    # a man or a mother "kills" in accidents, suicides, games and stories too); a driver, a
    # fever, a board or a winger "kills" as well, and an animal or oneself is no such victim.
    (KILL, "A man killed his neighbour after a quarrel.", "killed", QUIET, None),
    (KILL, "A suspect killed two men outside the bar.", "killed", QUIET, "kill_by_person"),
    (KILL, "Two hikers were killed by an intruder at the cabin.", "killed", QUIET, "kill_by_person"),
    (KILL, "The robbers killed her before they fled with the cash.", "killed", QUIET, "kill_by_person"),
    (KILL, "Detectives are looking for a suspect who killed two shopkeepers.", "killed", QUIET,
     "kill_by_person"),
    (KILL, "The burglar killed the family's dog in the kitchen.", "killed", QUIET, None),
    (KILL, "The suspect killed himself as officers arrived.", "killed", QUIET, None),
    (KILL, "A lorry driver killed two pedestrians on the ring road.", "killed", QUIET, None),
    (KILL, "The suspect, who was speeding, killed two children on the bridge.", "killed", QUIET, None),
    (KILL, "The suspect killed two men with his van while drunk, the court heard.", "killed", QUIET, None),
    (KILL, "The fever killed three children in the valley.", "killed", QUIET, None),
    (KILL, "The board killed the merger after a long quarrel.", "killed", QUIET, None),
    (KILL, "The winger killed the match with a second goal.", "killed", QUIET, None),
    (CONFRONT, "Protesters confronted the officers at the gate.", "confronted", QUIET, KEEP),
    (CONFRONT, "The minister confronted the officers at the meeting.", "confronted", QUIET, None),
    (EXPLOSION, "An explosion shook the market on Friday.", "explosion", CONFLICT, KEEP),
    (EXPLOSION, "An explosion shook the market on Friday.", "explosion", QUIET, None),
    (FOUND, "Police found a cache of rifles in the house.", "found", QUIET, KEEP),
    (FOUND, "Police found the missing child in the woods.", "found", QUIET, None),
    (TAKE, "Insurgents captured the town after a long siege.", "captured", QUIET, "territory_overtaken"),
    (RETAKE, "Government troops recaptured the town from the militants.", "recaptured", QUIET,
     "territory_retaken"),
    (TAKE, "Rebels seized a large quantity of weapons.", "seized", QUIET, "territory_weapons"),
    (TAKE, "The rebels withdrew, and the army took control of the town without a fight.", "took", QUIET,
     "territory_transfer"),
    (TAKE, "Rebels launched an assault to capture the town.", "capture", QUIET, None),
    (TAKE, "Visitors can take control of a rifle at the range.", "take", QUIET, None),
    (TAKE, "The photographer captured the moment on film.", "captured", QUIET, None),
    (MISSILE, "A missile hit the market in the morning.", "missile", QUIET, KEEP),
    (MISSILE, "Air defences intercepted a missile over the city.", "missile", QUIET, "missile_intercepted"),
    (MISSILE, "A warplane fired a missile at the convoy.", "missile", QUIET, "missile_air_strike"),
    (MISSILE, "Police found a rocket in an abandoned car.", "rocket", QUIET, "weapon_disrupted"),
    (MISSILE, "Food prices rocketed after the harvest failed.", "rocketed", QUIET, None),
    # a weapon disrupted by the word that governs it, even beside a word of use (positives),
    # beside weapons used (negatives)
    (GRENADE, "The army displayed the captured rifles and grenades to reporters.", "grenades", QUIET,
     "weapon_disrupted"),
    (MISSILE, "Soldiers found rockets in a truck after the attack on the base.", "rockets", QUIET, "weapon_disrupted"),
    (GRENADE, "Gunmen carrying grenades attacked the police post.", "grenades", QUIET, KEEP),
    (GRENADE, "The attackers threw grenades they had smuggled into the stadium.", "grenades", QUIET, KEEP),
    # the verb "shell" by armed forces (positives) beside spending, sport and food (negatives)
    (MISSILE, "The army shelled the town on Monday.", "shelled", QUIET, KEEP),
    (MISSILE, "Rebels shelled the government positions overnight.", "shelled", QUIET, KEEP),
    (MISSILE, "The club shelled out a record fee for the striker.", "shelled", QUIET, None),
    (MISSILE, "The army shelled out millions for new trucks.", "shelled", QUIET, None),
    (MISSILE, "The visitors shelled the home side's starting pitcher for six runs.", "shelled", QUIET, None),
    (MISSILE, "Peanuts are shelled by hand in the village.", "shelled", QUIET, None),
    (BOMB, "A suicide bomber blew himself up at the gate.", "bomber", QUIET, "bomb_suicide"),
    (BOMB, "A bomb dropped by a warplane hit the school.", "bomb", QUIET, "bomb_air_strike"),
    (BOMB, "A bomb threat forced the airport to close.", "bomb", QUIET, None),
    (BOMB, "Experts defused a bomb under the bridge.", "bomb", QUIET, "weapon_disrupted"),
    (BOMB, "A bomb went off in the market.", "bomb", QUIET, KEEP),
    (AIR, "Air defences shot down a drone over the city.", "drone", QUIET, "air_vehicle_intercepted"),
    (AIR, "A drone struck a car on the highway.", "drone", QUIET, KEEP),
    (AIR, "A drone filmed the wedding from above.", "drone", QUIET, None),
    (GRENADE, "Police threw stun grenades at the protesters.", "grenades", QUIET, "grenade_stun"),
    (GRENADE, "Police found a grenade in his bag.", "grenade", QUIET, "weapon_disrupted"),
    (GRENADE, "A man threw a grenade into the bar.", "grenade", QUIET, KEEP),
    (IED, "Soldiers found and defused a roadside bomb.", "bomb", QUIET, "weapon_disrupted"),
    (IED, "A roadside bomb killed two soldiers.", "bomb", QUIET, KEEP),
    (CHEMICAL, "Chlorine gas was used as a weapon against the town.", "gas", QUIET, KEEP),
    (CHEMICAL, "Toxic gas escaped from a leaking pipe at the pool.", "gas", QUIET, None),
    (PROPERTY, "Rioters in a mob torched the shops.", "torched", QUIET, "property_mob"),
    (PROPERTY, "Protesters torched two cars near the station.", "torched", QUIET, "property_riot"),
    (PROPERTY, "Unknown men torched two cars near the station.", "torched", PROTEST_DOC, "property_riot"),
    (PROPERTY, "Gunmen torched houses in the village.", "torched", QUIET, KEEP),
    (ARREST, "Police arrested twenty protesters outside the court.", "arrested", QUIET,
     "arrest_of_protesters"),
    (ARREST, "Police arrested the suspect at his home.", "arrested", QUIET, KEEP),
    (TRANSFER, "The rebels withdrew from the town overnight.", "withdrew", QUIET, KEEP),
    (TRANSFER, "The rebels withdrew their demands overnight.", "withdrew", QUIET, None),
    (TRANSFER, "The company withdrew from the town last year.", "withdrew", QUIET, None),
    (GROUP, "The militants formed a new brigade in the north.", "formed", QUIET, KEEP),
    (GROUP, "The students formed a new club in the north.", "formed", QUIET, None),
    # what is formed or created must be a group or a unit, whoever else the sentence names
    (GROUP, "The rebels created a new armed wing in the north.", "created", QUIET, KEEP),
    (GROUP, "A new army unit was created to fight the rebels.", "created", QUIET, KEEP),
    (GROUP, "New border forces were formed by the interior ministry.", "formed", QUIET, KEEP),
    (GROUP, "The army says the rebels have created a climate of fear.", "created", QUIET, None),
    (GROUP, "The army blamed the problem created by the rebels on the drought.", "created", QUIET, None),
    (GROUP, "A panel of judges will be created to review the cases, the minister said.", "created", QUIET, None),
    (GROUP, "The militants recruited hundreds of teenagers in the north.", "recruited", QUIET, KEEP),
    (PLAIN, "Gunmen kidnapped twelve farmers.", "kidnapped", QUIET, KEEP),
]


@pytest.mark.parametrize("entry,text,word,flags,expected", CASES)
def test_rule_outcome(trigger_match: Callable[..., Match], entry: TriggerEntry, text: str, word: str,
                      flags: dict[str, bool], expected: str | None) -> None:
    assert outcome_name(trigger_match(entry, text, word, flags)) == expected, text


def test_refine_applies_the_outcome_row(trigger_match: Callable[..., Match]) -> None:
    m = trigger_match(PROTEST, "Rioters joined the protesters outside the palace.", "protesters", QUIET)
    outcomes = read_outcomes()
    assert refine(m.entry, m.span, m.ctx, QUIET, CUES, outcomes) == ("riots", "violent_demonstration", 7)
    m = trigger_match(KILL, "A lorry driver killed two pedestrians on the ring road.", "killed", QUIET)
    assert refine(m.entry, m.span, m.ctx, QUIET, CUES, outcomes) is None
    m = trigger_match(KILL, "A suspect killed two men outside the bar.", "killed", QUIET)
    assert refine(m.entry, m.span, m.ctx, QUIET, CUES, outcomes) == ("violence_against_civilians", "attack", 4)


def test_outcome_apply() -> None:
    entry = TriggerEntry("battles", "armed_clash", 6, "clash")
    assert Outcome(None, None, None).apply(entry) == ("battles", "armed_clash", 6)
    assert Outcome("riots", "mob_violence", 4).apply(entry) == ("riots", "mob_violence", 4)
    assert Outcome("riots", None, 4, at_least=True).apply(entry) == ("riots", "armed_clash", 6)
    assert Outcome("riots", None, 8, at_least=True).apply(entry) == ("riots", "armed_clash", 8)


def _names_of(node: ast.expr | None) -> set[str]:
    """The string constants an expression returned by a rule may be (`"a" if ... else "b"`)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _names_of(node.body) | _names_of(node.orelse)
    return set()


def _returned_names() -> set[str]:
    """Every outcome name a rule of refine.py may return."""
    tree = ast.parse(inspect.getsource(refine_module))
    return {n for ret in ast.walk(tree) if isinstance(ret, ast.Return) for n in _names_of(ret.value)} | {KEEP}


def test_every_outcome_has_a_row_and_every_row_is_used() -> None:
    assert _returned_names() == set(read_outcomes())


def test_every_case_outcome_is_a_row() -> None:
    rows = set(read_outcomes())
    assert {c[4] for c in CASES} - {None} <= rows
    # Each row is exercised by some sentence above.
    assert rows <= {c[4] for c in CASES}


def _hand_built(words: list[str], heads: list[int], deps: list[str], tags: list[str],
                pos: list[str], lemmas: list[str], word: str, entry: TriggerEntry) -> Match:
    """A Match on a Doc built by hand, as spaCy's own tests build them: no statistical parse."""
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas,
              sent_starts=[True] + [False] * (len(words) - 1))
    tok = next(t for t in doc if t.text == word)
    span = doc[tok.i:tok.i + 1]
    return Match(entry, span, SentenceContext(span.sent), QUIET, CUES)


def test_a_killing_adjective_of_a_person_is_no_event() -> None:
    # "the murdered designer was buried": the participle is the noun's adjective.
    m = _hand_built(["the", "murdered", "designer", "was", "buried"], [2, 2, 4, 4, 4],
                    ["det", "amod", "nsubjpass", "auxpass", "ROOT"], ["DT", "VBN", "NN", "VBD", "VBN"],
                    ["DET", "VERB", "NOUN", "AUX", "VERB"], ["the", "murder", "designer", "be", "bury"],
                    "murdered", KILL)
    assert describes_a_person(m) and outcome_name(m) is None
    # "gunmen murdered the designer": the verb of the sentence reports the killing.
    m = _hand_built(["gunmen", "murdered", "the", "designer"], [1, 1, 3, 1],
                    ["nsubj", "ROOT", "det", "dobj"], ["NNS", "VBD", "DT", "NN"],
                    ["NOUN", "VERB", "DET", "NOUN"], ["gunman", "murder", "the", "designer"],
                    "murdered", KILL)
    assert not describes_a_person(m)
    # "founded by assassinated former premier Brandt", parsed as a clause's verb: still an
    # adjective, between a preposition and the phrase it describes.
    m = _hand_built(["founded", "by", "assassinated", "former", "premier", "Brandt"], [0, 0, 0, 5, 5, 2],
                    ["ROOT", "agent", "relcl", "amod", "compound", "dobj"],
                    ["VBN", "IN", "VBD", "JJ", "NN", "NNP"], ["VERB", "ADP", "VERB", "ADJ", "NOUN", "PROPN"],
                    ["found", "by", "assassinate", "former", "premier", "Brandt"], "assassinated", KILL)
    assert describes_a_person(m)


def test_a_rally_without_people_or_cause_is_no_protest() -> None:
    # "oil prices rallied" / "thousands rallied against the law" on hand-built parses.
    m = _hand_built(["prices", "rallied", "today"], [1, 1, 1], ["nsubj", "ROOT", "npadvmod"],
                    ["NNS", "VBD", "NN"], ["NOUN", "VERB", "NOUN"], ["price", "rally", "today"],
                    "rallied", PROTEST)
    assert outcome_name(m) is None
    m = _hand_built(["thousands", "rallied", "against", "the", "law"], [1, 1, 1, 4, 2],
                    ["nsubj", "ROOT", "prep", "det", "pobj"], ["NNS", "VBD", "IN", "DT", "NN"],
                    ["NOUN", "VERB", "ADP", "DET", "NOUN"], ["thousand", "rally", "against", "the", "law"],
                    "rallied", PROTEST)
    assert outcome_name(m) == "protest_peaceful"


CHEMICAL_ATTACK = TriggerEntry("explosions_remote_violence", "chemical_weapon", 10, "-")
SEXUAL = TriggerEntry("violence_against_civilians", "sexual_violence", 9, "-")
MASSACRE = TriggerEntry("violence_against_civilians", "attack", 6, "-")


@pytest.mark.parametrize("entry,text,word,expected", [
    # Fiction and talk (negatives) beside reports in the same words (positives).
    (CHEMICAL_ATTACK, "The series opens with a fictional chemical attack on a port city.", "attack", True),
    (CHEMICAL_ATTACK, "A chemical attack on the port city killed forty people.", "attack", False),
    (BOMB, "The new drama depicts a bomb attack on a busy station.", "bomb", True),
    (BOMB, "Witnesses described a bomb attack on a busy station.", "bomb", False),
    (MASSACRE, "Her novel about the massacre won a literary prize.", "massacre", True),
    (MASSACRE, "Survivors of the massacre gathered in the square.", "massacre", False),
    (SEXUAL, "The campaign raises awareness of sexual violence against girls.", "violence", True),
    (SEXUAL, "Soldiers committed sexual violence against girls in the camp.", "violence", False),
])
def test_fiction_and_talk_report_no_event(sense_holds: Callable[..., None], entry: TriggerEntry, text: str, word: str,
                                          expected: bool) -> None:
    sense_holds(told_not_done, entry, text, word, QUIET, expected)


SIGN = TriggerEntry("protests", "peaceful_protest", 2, "protest")


@pytest.mark.parametrize("entry,text,word,expected", [
    # a protest word in another sense (negatives) beside a gathering (positives)
    (PROTEST, "The results demonstrate that the two gangs work together.", "demonstrate", None),
    (PROTEST, "The new goalkeeper demonstrated his skill in the cup final.", "demonstrated", None),
    (PROTEST, "Students demonstrated outside the ministry against the new law.", "demonstrated", "protest_peaceful"),
    (PROTEST, "The parade was a demonstration of strength by the ruling party.", "demonstration", None),
    (PROTEST, "A demonstration of thousands of students blocked the avenue.", "demonstration", "protest_peaceful"),
    (PROTEST, "The ambassador walked out of the dinner in protest at the new tariffs.", "protest", None),
    (PROTEST, "Two students were hurt in the protest at the university.", "protest", "protest_peaceful"),
    (PROTEST, "The company said it would pay the fine under protest.", "protest", None),
    (PROTEST, "Shopkeepers shut down markets for protest against the killing of a trader.", "protest", "protest_peaceful"),
    (PROTEST, "Thousands gathered for the protest outside parliament on Monday.", "protest", "protest_peaceful"),
    (PROTEST, "Farmers blocked the highway for a protest against fuel prices.", "protest", "protest_riot"),
    (PROTEST, "The foreign ministry handed the envoy a protest note over the fishing dispute.", "protest", None),
    (PROTEST, "Hundreds staged a protest outside the embassy.", "protest", "protest_peaceful"),
    (SIGN, "The governor asked supporters to fold their party banners and go home.", "banners", None),
    # a crowd makes the other senses a gathering
    (PROTEST, "Hundreds of residents gathered in protest outside the parliament.", "protest", "protest_peaceful"),
    (PROTEST, "Thousands of students demonstrated their anger outside the ministry.", "demonstrated",
     "protest_peaceful"),
    (SIGN, "The new campaign slogan was unveiled at the party conference.", "slogan", None),
    (SIGN, "Protesters waved banners outside the parliament.", "banners", "protest_peaceful"),
])
def test_protest_words_in_another_sense(trigger_match: Callable[..., Match], entry: TriggerEntry, text: str, word: str,
                                        expected: str | None) -> None:
    assert outcome_name(trigger_match(entry, text, word, QUIET)) == expected, text


CYBER_DOC = {"conflict": False, "protest": False, "cyber": True}


@pytest.mark.parametrize("entry,text,word,flags,expected", [
    # In an article about hackers, weak harm words and arrests are computer crime (negatives) ...
    (ATTACK, "The firm said these attacks slowed its servers for hours.", "attacks", CYBER_DOC, True),
    (ARREST, "Tracing the attacks has led to several arrests.", "arrests", CYBER_DOC, True),
    # ... beside the same words where armed groups are named, or in an article about no hackers.
    (ATTACK, "Militants said these attacks would go on.", "attacks", CYBER_DOC, False),
    (ATTACK, "The firm said these attacks slowed its servers for hours.", "attacks", QUIET, False),
    (ARREST, "Police arrested twenty protesters after the march.", "arrested", CYBER_DOC, False),
    # A named weapon keeps its sense whatever the article.
    (IED, "A roadside bomb hit the convoy.", "bomb", CYBER_DOC, False),
])
def test_computer_crime_is_no_conflict_event(sense_holds: Callable[..., None], entry: TriggerEntry, text: str, word: str,
                                             flags: dict[str, bool], expected: bool) -> None:
    sense_holds(cyber_sense, entry, text, word, flags, expected)


FLEE = TriggerEntry("strategic_developments", "other", 2, "-")
LANDMINE = TriggerEntry("explosions_remote_violence", "remote_explosive_landmine_ied", 9, "-")


@pytest.mark.parametrize("rule,entry,text,word,expected", [
    # habits and general truths (negatives) beside incidents in the same words (positives)
    (habit_not_incident, ATTACK, "Visiting fans are often attacked after derby matches.", "attacked", True),
    (habit_not_incident, ATTACK, "Militants routinely attack convoys on this road.", "attack", True),
    (habit_not_incident, ATTACK, "People get attacked every day in that district.", "attacked", True),
    (habit_not_incident, ATTACK, "Visiting fans were attacked after the derby on Sunday.", "attacked", False),
    (habit_not_incident, ATTACK, "Militants attacked a convoy on this road.", "attacked", False),
    (habit_not_incident, ATTACK, "Two fans got attacked after the derby.", "attacked", False),
    # what a kind of doer does, told in a sentence of the past (negatives) beside deeds (positives)
    (habit_not_incident, KILL, "He denounced the thugs who kill shopkeepers for their takings.", "kill", True),
    (habit_not_incident, PLAIN, "The minister condemned gangs that kidnap children for ransom.", "kidnap", True),
    (habit_not_incident, ATTACK, "The group, which attacks pipelines, has threatened more raids.", "attacks", True),
    (habit_not_incident, KILL, "Soldiers who kill civilians will face trial, the army chief said.", "kill", True),
    (habit_not_incident, PLAIN, "Police arrested the gang that kidnapped two children on Monday.", "kidnapped",
     False),
    (habit_not_incident, PLAIN, "Police hunt gang that kidnaps two children.", "kidnaps", False),  # a headline
    (habit_not_incident, ATTACK, "Police are hunting militants who attack convoys.", "attack", False),
    (habit_not_incident, GRENADE, "Troops showed reporters the seized arsenal, which includes mortars and grenades.", "grenades", False),
    # an explosion of crowds, interest or population is a surge (negatives) ...
    (figurative_explosion, EXPLOSION, "There was an absolute explosion of visitors after the show aired.",
     "explosion", True),
    (figurative_explosion, EXPLOSION, "The series set off an explosion of interest in rebel history.", "explosion",
     True),
    (figurative_explosion, EXPLOSION, "Planners fear the population explosion in the capital.", "explosion", True),
    # ... beside explosions of weapons and things that burn (positives)
    (figurative_explosion, EXPLOSION, "The explosion of an arms depot shook the rebel town.", "explosion", False),
    (figurative_explosion, EXPLOSION, "A huge explosion hit the army checkpoint.", "explosion", False),
    (figurative_explosion, EXPLOSION, "The explosion of a roadside device killed two soldiers.", "explosion", False),
    # mines that lie about, used by no one (negatives), beside mines that maim, kill or are cleared
    (idle_devices, LANDMINE, "Aid work is slowed by the many landmines dotted around the province.", "landmines",
     True),
    (idle_devices, LANDMINE, "Farmers still fear the landmines left from the war.", "landmines", True),
    (idle_devices, LANDMINE, "Two farmers died when their cart hit landmines near the river.", "landmines", False),
    (idle_devices, LANDMINE, "Landmines maimed three children near the border.", "landmines", False),
    (idle_devices, LANDMINE, "Army engineers cleared landmines from the road.", "landmines", False),
    (idle_devices, LANDMINE, "A landmine lay in the field for years.", "landmine", False),
    (idle_devices, BOMB, "The rebels condemned the indiscriminate bombings.", "bombings", False),
    # missiles, rockets and grenades carried, sold or stored (negatives) beside ones fired,
    # thrown, landed or set off (positives), in upper-case wire copy too (tagged there as
    # singular names, its verbs ending in "s" like plurals)
    (idle_devices, MISSILE, "The truck carried rockets, rifles and radios across the border.", "rockets", True),
    (idle_devices, MISSILE, "Engineers say the old rockets are stored in a depot.", "rockets", True),
    (idle_devices, GRENADE, "THE SMUGGLERS SOLD GRENADES AND RIFLES TO BOTH GANGS.", "GRENADES", True),
    (idle_devices, MISSILE, "Gunships fired rockets at the rebel camp.", "rockets", False),
    (idle_devices, MISSILE, "ARMY HELICOPTERS FIRED ROCKETS AT THE VILLAGE.", "ROCKETS", False),
    (idle_devices, MISSILE, "Rockets landed close to the consulate on Sunday evening.", "Rockets", False),
    (idle_devices, MISSILE, "Mortar shells slammed into the crowded bus depot.", "shells", False),
    (idle_devices, GRENADE, "Grenades were tossed into a packed nightclub by two men.", "Grenades", False),
    (idle_devices, GRENADE, "MEN ON A MOTORBIKE ATTACKED THE OFFICE WITH GRENADES.", "GRENADES", False),
    (idle_devices, BOMB, "BOMBS DAMAGED THREE SHOPS IN THE OLD TOWN.", "BOMBS", False),
    (idle_devices, BOMB, "UNKNOWN MEN SET OFF BOMBS OUTSIDE THE COURTHOUSE.", "BOMBS", False),
    (idle_devices, MISSILE, "THE ARMY SHELLS GUERRILLA CAMPS NEAR THE RIVER.", "SHELLS", False),
    (idle_devices, MISSILE, "A rocket was found in the field.", "rocket", False),
    (idle_devices, MISSILE, "THE MILITIA FIRES ROCKETS AT BORDER TOWNS.", "ROCKETS", False),
    (idle_devices, EXPLOSION, "A DEVICE EXPLODES OUTSIDE THE EMBASSY.", "EXPLODES", False),
    # the late: who a dead person was (negatives) beside the story's own victim (positives)
    (recalls_the_late, ATTACK, "He feared the fate of the late poet Ann Roe, who was stabbed in 1999.", "stabbed",
     True),
    (recalls_the_late, ATTACK, "The late mayor, who was stabbed at a rally, was honoured today.", "stabbed", True),
    (recalls_the_late, ATTACK, "She could have met the fate of late drummer Ed Cole, who was stabbed in 1999.",
     "stabbed", True),
    (recalls_the_late, ATTACK, "The mayor, who was stabbed at a rally on Friday, died later.", "stabbed", False),
    (recalls_the_late, ATTACK, "The poet Ann Roe, who was stabbed on Friday, is recovering.", "stabbed", False),
    # the displaced as people (negatives) beside people displaced by fighting (positives)
    (describes_a_population, FLEE, "Aid groups keep lists of missing or displaced.", "displaced", True),
    (describes_a_population, FLEE, "There are many displaced in the northern camps.", "displaced", True),
    (describes_a_population, FLEE, "Thousands of displaced families live in tents.", "displaced", True),
    (describes_a_population, FLEE, "Shelling displaced thousands of villagers.", "displaced", False),
    (describes_a_population, FLEE, "Thousands of villagers were displaced by the shelling.", "displaced", False),
])
def test_habits_surges_and_idle_devices_are_no_incident(sense_holds: Callable[..., None], rule, entry: TriggerEntry, text: str,
                                                        word: str, expected: bool) -> None:
    sense_holds(rule, entry, text, word, CONFLICT, expected)
