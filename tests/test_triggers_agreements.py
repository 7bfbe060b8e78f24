"""Agreements (pipeline/triggers/agreements.py): one made beside one talked of, on hand-written
sentences, negatives beside positives."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.triggers.agreements import deal_of_business_or_court, talk_of_an_agreement
from pipeline.triggers.lexicon import TriggerEntry
from pipeline.triggers.refine import KEEP, Match, outcome_name

QUIET = {"conflict": False, "protest": False}
CEASEFIRE = TriggerEntry("strategic_developments", "agreement", 7, "agreement")
AGREE = TriggerEntry("strategic_developments", "agreement", 4, "agreement")
DEAL = TriggerEntry("strategic_developments", "agreement", 7, "-")
SURRENDER = TriggerEntry("strategic_developments", "agreement", 5, "-")
TALKS = TriggerEntry("strategic_developments", "agreement", 6, "-")
PROTEST = TriggerEntry("protests", "peaceful_protest", 5, "protest")


@pytest.mark.parametrize("text,expected", [
    # made or started (positives) beside hoped for, refused, set as a goal (negatives)
    ("The government and the rebels signed a ceasefire on Monday.", KEEP),
    ("The rebels agreed to a ceasefire with the army on Monday.", KEEP),
    ("The army and the rebels signed a ceasefire accord on Monday.", KEEP),
    ("A ceasefire took effect in the north at midnight.", KEEP),
    ("Negotiators failed to agree on terms for a possible ceasefire in the valley.", None),
    ("The commander said his fighters are not going to extend the ceasefire past Friday.", None),
    ("The militia gave mediators until spring to secure a ceasefire accord.", None),
    # kept through the elections (a deed) beside a promise to keep it (talk; it was KEEP
    # before "will" was read as talk of an agreement)
    ("The rebels held the ceasefire through the elections.", KEEP),
    ("The rebels will hold the ceasefire until the elections.", None),
    ("The army accused the rebels of breaking the ceasefire.", None),
    ("The ceasefire accord between the two militias is expected to take hold on Friday.", KEEP),
    ("The ceasefire accord between the two militias is said to be in danger.", None),
    ("The ceasefire deal signed on Monday ended weeks of fighting.", KEEP),
])
def test_a_ceasefire_is_an_agreement_only_when_made(trigger_match: Callable[..., Match], text: str, expected: str | None) -> None:
    assert outcome_name(trigger_match(CEASEFIRE, text, "ceasefire", QUIET)) == expected, text


SIGN = TriggerEntry("strategic_developments", "agreement", 7, "deal")
GIVE_UP = TriggerEntry("strategic_developments", "agreement", 5, "surrender")


@pytest.mark.parametrize("entry,text,word,expected", [
    # a deal between conflict or political sides, or a deal of conflict (positives) beside
    # business, sport and trade (negatives)
    (SIGN, "The army and the rebels signed an agreement in the capital on Monday.", "signed", KEEP),
    (SIGN, "Both sides signed an agreement on the release of prisoners.", "signed", KEEP),
    (SIGN, "Protest leaders reached a deal with the city on Monday.", "reached", KEEP),
    (SIGN, "The two countries signed a trade agreement in Geneva on Monday.", "signed", None),
    (SIGN, "The tennis players reached a deal with the tour over prize money.", "reached", None),
    (SIGN, "The bakery chain reached an agreement with its lenders on Monday.", "reached", None),
    # fighters, a group or a force surrender (positives) beside a suspect, a lone gunman, a
    # champion (negatives)
    (GIVE_UP, "Two hundred rebels surrendered to the army near the border on Monday.", "surrendered", KEEP),
    (GIVE_UP, "The militia commander surrendered to peacekeepers on Friday.", "surrendered", KEEP),
    (GIVE_UP, "Fifty fighters of the armed group surrendered their rifles to the army.", "surrendered", KEEP),
    (GIVE_UP, "The surrender of the garrison ended the siege.", "surrender", KEEP),
    (GIVE_UP, "The suspect surrendered to police on Tuesday and was charged.", "surrendered", None),
    (GIVE_UP, "The gunman surrendered after a six-hour standoff with police.", "surrendered", None),
    (GIVE_UP, "The champion surrendered her title after a failed drug test.", "surrendered", None),
    # no one the parse can judge: an army surrendered to decides, the police do not
    (GIVE_UP, "They surrendered to the army at dawn.", "surrendered", KEEP),
    (GIVE_UP, "Hundreds surrendered to the troops as the town fell.", "surrendered", KEEP),
    (GIVE_UP, "A man wanted for robbery surrendered at a police station.", "surrendered", None),
    (GIVE_UP, "Ravi Tane surrendered at the county jail on Sunday morning.", "surrendered", None),
    (GIVE_UP, "One fled across the fields and another surrendered at the roadblock.", "surrendered", None),
    (GIVE_UP, "Armed robbers surrendered to police after the siege of the bank.", "surrendered", None),
    # state forces alone are no side of a deal
    (SIGN, "The army signed an agreement with a local college on Monday.", "signed", None),
])
def test_an_agreement_is_between_conflict_sides(trigger_match: Callable[..., Match], entry: TriggerEntry, text: str,
                                                word: str, expected: str | None) -> None:
    assert outcome_name(trigger_match(entry, text, word, QUIET)) == expected, text


ARMED_DOC = {"conflict": True, "protest": False, "armed": True}


@pytest.mark.parametrize("flags,expected", [(ARMED_DOC, KEEP), (QUIET, None)])
def test_a_deal_of_two_sides_in_an_article_of_armed_groups(trigger_match: Callable[..., Match], flags: dict[str, bool],
                                                          expected: str | None) -> None:
    # the sides named in an earlier sentence: the article's armed groups decide
    text = "The two sides signed an agreement on Wednesday."
    assert outcome_name(trigger_match(SIGN, text, "signed", flags)) == expected


@pytest.mark.parametrize("entry,text,word,expected", [
    (AGREE, "The banker pleaded guilty and agreed to testify against his former boss.", "agreed", None),
    (AGREE, "The rebels agreed to release the hostages held in the forest.", "agreed", KEEP),
    (DEAL, "The band reached a deal with two record labels.", "deal", None),
    (DEAL, "The government reached a deal with the rebels to end the war.", "deal", KEEP),
    (AGREE, "The insurgents agreed to sell the seized oil to traders.", "agreed", KEEP),
    (AGREE, "The chemicals firm agreed to buy its rival for two billion dollars.", "agreed", None),
])
def test_agreements_of_business_or_court_are_no_event(trigger_match: Callable[..., Match], entry: TriggerEntry, text: str, word: str,
                                                      expected: str | None) -> None:
    m = trigger_match(entry, text, word, QUIET)
    assert deal_of_business_or_court(m) is (expected is None), text
    assert outcome_name(m) == expected, text


@pytest.mark.parametrize("entry,text,word,expected", [
    # an agreement promised, sought or out of reach (negatives) beside one made (positives)
    (SURRENDER, "The gang promised the surrender of its rifles within a month.", "surrender", True),
    (SURRENDER, "Two hundred fighters surrendered to the army on Monday.", "surrendered", False),
    (CEASEFIRE, "The rebels said they were ready to accept a ceasefire.", "ceasefire", True),
    (CEASEFIRE, "The rebels accepted a ceasefire on Monday.", "ceasefire", False),
    # asked for (negatives) beside one made "for" a time (positive)
    (SURRENDER, "The governor called for the surrender of the kidnappers.", "surrender", True),
    (CEASEFIRE, "Amid calls for a ceasefire, both armies dug in along the river.", "ceasefire", True),
    (TALKS, "The cardinal appealed for peace talks between the army and the insurgents.", "talks", True),
    (CEASEFIRE, "The two militias signed a ceasefire for the harvest season on Monday.", "ceasefire", False),
    # needed, weighed or about to be made (negatives) beside a signing that took place
    (CEASEFIRE, "Aid agencies wrote of the need for a ceasefire in the north.", "ceasefire", True),
    (DEAL, "Mediators listed three conditions for reaching a peace deal with the militia.", "deal", True),
    (CEASEFIRE, "Envoys said the militias were about to sign a ceasefire in the valley.", "ceasefire", True),
    (DEAL, "The signing of the peace deal between the army and the rebels took place on Monday.", "deal", False),
    # would, could or will be made (negatives) beside made (positives)
    (DEAL, "The insurgents said they would sign a peace deal if the troops left the valley.", "deal", True),
    (DEAL, "The insurgents signed a peace deal after the troops left the valley.", "deal", False),
    (SURRENDER, "The commander said his men could surrender within days.", "surrender", True),
    (SURRENDER, "The commander and forty of his men surrendered within days.", "surrendered", False),
    (DEAL, "The army and the militia will sign a peace deal next month.", "deal", True),
    # spoken of in general, in the present (negatives) beside a deed or a truce still holding
    (SURRENDER, "The minister said an army victory or the surrender of the militias is unlikely.", "surrender", True),
    (DEAL, "Reaching a peace deal with the insurgents is the only path to calm, the bishop said.", "deal", True),
    (CEASEFIRE, "The ceasefire between the militias is holding, villagers said.", "ceasefire", False),
    (CEASEFIRE, "The ceasefire between the militias was signed in the capital.", "ceasefire", False),
    # ... unless the deal's own words show it made: its clause concludes it, its verb is past,
    # or a dated deed is judged (an independent review found these dropped at first)
    (CEASEFIRE, "The ceasefire, which took effect on Sunday, will last for two weeks.", "ceasefire", False),
    (CEASEFIRE, "The militia said it would respect the ceasefire that it signed on Sunday.", "ceasefire", False),
    (DEAL, "A peace deal was reached on Monday; it will take effect next week.", "deal", False),
    (SURRENDER, "The surrender of the rebel commander on Monday is a major blow to the insurgents.", "surrender", False),
    (CEASEFIRE, "The ceasefire signed on Monday is a first step toward peace, the envoy said.", "ceasefire", False),
    # only agreements: a protest under the same verbs is still told
    (PROTEST, "Riot police stood ready to stop demonstrators during a protest.", "demonstrators", False),
    (PROTEST, "Farmers who called for a protest marched on the ministry.", "protest", False),
])
def test_an_agreement_talked_of_is_not_made(trigger_match: Callable[..., Match], entry: TriggerEntry, text: str, word: str,
                                           expected: bool) -> None:
    m = trigger_match(entry, text, word, QUIET)
    assert talk_of_an_agreement(m) is expected, text
    if expected:
        assert outcome_name(m) is None, text
    elif entry is PROTEST:
        assert outcome_name(m) is not None, text
