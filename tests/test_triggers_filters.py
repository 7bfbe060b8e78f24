"""Filters of matched triggers on hand-written sentences: names and dates, talk in general,
threats, intents and background clauses; generic attacks taking the type of the violence."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span

from pipeline.triggers.context import SentenceContext
from pipeline.triggers.filters import (absorb_generic_attacks, background, conditional, denied, generic_plural,
                                      is_name_word, modal, protest_to_come, undone)
from pipeline.triggers.lexicon import load_data

CUES = load_data()[0].cues


def _span(nlp: Language, text: str, word: str) -> Span:
    doc = nlp(text)
    tok = next(t for t in doc if t.lower_ == word.lower())
    return doc[tok.i:tok.i + 1]


@pytest.mark.parametrize("text,word,expected", [
    ("Crowds gathered on March 5 in the square.", "march", True),
    ("Gunmen stormed the hotel on Monday.", "stormed", False),
])
def test_is_name_word(nlp: Language, text: str, word: str, expected: bool) -> None:
    assert is_name_word(_span(nlp, text, word), mostly_upper=False) is expected


@pytest.mark.parametrize("text,word,expected", [
    # a month the recogniser misses in upper-case copy (dates) beside marches (reports)
    ("GUNMEN SEIZED THE JUDGE AT HIS OFFICE ON 27 MARCH.", "march", True),
    ("GUNMEN SEIZED THE JUDGE AT HIS OFFICE ON MARCH 27TH.", "march", True),
    ("THE ELECTIONS OF MARCH 1989 WERE POSTPONED.", "march", True),
    ("THE ARMY HAS HELD THE TOWN SINCE MARCH.", "march", True),
    ("THE MARCH BEGAN AT NOON IN THE MAIN SQUARE.", "march", False),
    ("THOUSANDS OF STUDENTS STAGED A MARCH THROUGH THE CAPITAL ON 27 MAY.", "march", False),
    ("Students staged a march through the capital.", "march", False),
    ("Students said they would march on the palace.", "march", False),
    ("SOME 2000 MARCH AGAINST THE NEW LAW IN THE CAPITAL.", "march", False),  # no year before a month
    ("THOUSANDS JOINED THIS MARCH AGAINST THE NEW LAW.", "march", False),
    ("THOUSANDS JOINED A MARCH ² DAYS AGO.", "march", False),  # a superscript is no day (and no crash)
])
def test_a_month_is_a_date_even_unrecognised(nlp: Language, text: str, word: str, expected: bool) -> None:
    span = _span(nlp, text, word)
    assert is_name_word(span, mostly_upper=True, cues=CUES) is expected
    assert is_name_word(span, mostly_upper=True) is (expected and span[0].ent_type_ == "DATE")


def test_in_mixed_case_text_only_a_capitalised_word_is_a_month(nlp: Language) -> None:
    assert not is_name_word(_span(nlp, "Students joined the march in 10 cities.", "march"), False, CUES)
    assert is_name_word(_span(nlp, "Students were arrested in March.", "march"), False, CUES)


@pytest.mark.parametrize("text,word,expected", [
    ("The militants threatened to attack the town.", "attack", "intent"),
    ("The village, which saw an attack in May, was calm.", "attack", "clause"),
    ("Militants attacked the town on Monday.", "attacked", None),
    ("A caller said a bomb was due to explode at noon.", "explode", "intent"),
    ("A caller said a bomb exploded at noon.", "exploded", None),
    # the device itself as the subject of the schedule
    ("A caller said a bomb was due to explode at noon.", "bomb", "intent"),
    ("The march is set to begin at noon.", "march", "intent"),
    ("A caller said a bomb exploded at noon.", "bomb", None),
    ("The march began at noon.", "march", None),
    ("The march was cancelled due to the riots in the capital.", "riots", None),
    ("The ranch is considering letting visitors shoot deer from a hide.", "shoot", "intent"),
    ("The ranch manager let visitors shoot deer from a hide.", "shoot", None),
    # a command tells what is to be done; an ordered attack noun took place
    ("The court ordered that the counterfeit prints be destroyed.", "destroyed", "intent"),
    ("The commander ordered his troops to attack the village.", "attack", "intent"),
    ("The commander ordered his troops to attack and burn the village.", "burn", "intent"),
    ("Troops attacked and burned the village on Monday.", "burned", None),
    ("Armed men ordered the guard to switch off the lights and marched the boys into the bush.",
     "marched", None),
    ("The general who ordered the attack was arrested on Monday.", "attack", "clause"),
    ("Gunmen destroyed the police station in the town on Monday.", "destroyed", None),
    ("The general ordered troops to open fire on the crowd, killing 12 people.", "fire", None),
    # a request, as a command, tells what is asked for, not a deed
    ("The governor demanded that the strikers be arrested.", "arrested", "intent"),
    ("The union called on the government to detain the factory owners.", "detain", "intent"),
    ("Relatives asked police to arrest the driver.", "arrest", "intent"),
    ("Residents demanded justice after police shot two teenagers.", "shot", None),
    ("The ambassador asked who had bombed the embassy.", "bombed", None),
    ("The ambassador asked which group had bombed the embassy.", "bombed", None),
    ("Reporters asked whether the two priests were arrested by soldiers.", "arrested", "intent"),
    ("The mayor called for calm after gunmen attacked the market.", "attacked", None),
])
def test_background(nlp: Language, text: str, word: str, expected: str | None) -> None:
    assert background(_span(nlp, text, word), CUES) == expected


@pytest.mark.parametrize("text,word,expected", [
    ("Bombings and kidnappings must stop, the bishop said.", "bombings", True),
    ("Two bombings killed 12 people in the capital.", "bombings", False),
    ("The bombings on Monday shocked the city.", "bombings", False),
])
def test_generic_plural(nlp: Language, text: str, word: str, expected: bool) -> None:
    span = _span(nlp, text, word)
    assert generic_plural(span, SentenceContext(span.sent), CUES["event_nouns"]) is expected


@pytest.mark.parametrize("text,word,expected", [
    ("The rebels will continue their attacks on the capital.", "attacks", True),
    ("The gang could kidnap more children.", "kidnap", True),
    ("The gang kidnapped two children.", "kidnapped", False),
])
def test_modal(nlp: Language, text: str, word: str, expected: bool) -> None:
    assert modal(_span(nlp, text, word)) is expected


def test_absorb_generic_attacks(nlp: Language) -> None:
    span = _span(nlp, "Rioters killed a man.", "killed")
    riot = ("riots", "violent_demonstration", 7, span)
    weak = ("violence_against_civilians", "attack", 3, span)
    strong = ("violence_against_civilians", "attack", 6, span)
    assert absorb_generic_attacks([riot, weak, strong]) == [
        riot, ("riots", "violent_demonstration", 3, span), strong]
    # A peaceful protest does not take the attacks over; nor does nothing.
    peaceful = ("protests", "peaceful_protest", 5, span)
    assert absorb_generic_attacks([peaceful, weak]) == [peaceful, weak]
    assert absorb_generic_attacks([weak]) == [weak]


@pytest.mark.parametrize("text,word,expected", [
    # denied (negatives) beside the same words reported (positives)
    ("Police said no explosive device had been found.", "device", True),
    ("There was no attack on the convoy.", "attack", True),
    ("Troops found no weapons in the house.", "found", True),
    ("No weapons were found in the house.", "found", True),
    ("The gang did not attack the convoy.", "attack", True),
    ("Police said an explosive device had been found.", "device", False),
    ("There was an attack on the convoy.", "attack", False),
    ("Troops found weapons in the house.", "found", False),
    ("The gang attacked the convoy.", "attacked", False),
    # a subject that names no one, also for the second verb of a coordination
    ("Nobody was arrested during the march.", "arrested", True),
    ("None of the marchers was arrested.", "arrested", True),
    ("No one was hurt or arrested when police came.", "arrested", True),
    ("Two men were hurt and arrested when police came.", "arrested", False),
    ("Somebody was arrested during the march.", "arrested", False),
    ("Police arrested nobody's brother but the leader himself.", "arrested", False),
    ("No statement was issued, and it is unclear whether anyone was arrested.", "arrested", False),
    # a second verb with its own subject is not denied by the first one's
    ("No one was injured, and police arrested two men at the scene.", "arrested", False),
    # a negation covers the alternatives ("or", "nor"), not what follows "but" or "and"
    ("The soldiers did not search the bus or detain its passengers.", "detain", True),
    ("Police did not question the driver or arrest him.", "arrest", True),
    ("Police did not release the names but arrested two men.", "arrested", False),
    ("Police stopped the car or arrested the driver, witnesses said.", "arrested", False),
    ("Officers did not handcuff, arrest or charge the teenager.", "arrest", True),
    ("Police searched the bus, detained the driver or questioned the passengers, witnesses said.", "detained", False),
    ("Police neither arrested the men nor seized their weapons.", "arrested", True),
    ("The soldiers neither fired nor arrested anyone.", "arrested", True),
    ("Neither the soldiers nor the police fired, and officers arrested two men.", "arrested", False),
    ("Officers did not say why they arrested the men.", "arrested", False),
])
def test_denied(nlp: Language, text: str, word: str, expected: bool) -> None:
    assert denied(_span(nlp, text, word)) is expected


@pytest.mark.parametrize("text,word,expected", [
    # a clause of condition (negatives) beside the same act reported (positives)
    ("If the jets bomb the port again, the dockers will walk out.", "bomb", True),
    ("Unless the army attacks the camp, the rebels will stay.", "attacks", True),
    ("If one village is raided and burned, every village will fear the same.", "burned", True),
    ("The jets bombed the port again on Monday.", "bombed", False),
    ("If confirmed, the attack would be the deadliest this year.", "attack", False),
    ("The army attacked the camp on Monday, even if the rebels deny it.", "attacked", False),
    # "if" that asks whether: the rest is reported
    ("It was not clear if the gunmen who killed three soldiers belonged to the group.", "killed", False),
    ("Police asked if anyone had seen the shooting that killed two men.", "shooting", False),
])
def test_conditional(nlp: Language, text: str, word: str, expected: bool) -> None:
    assert conditional(_span(nlp, text, word)) is expected


@pytest.mark.parametrize("text,word,expected", [
    # called off, averted, ruled out (negatives: nothing happened) ...
    ("The teachers' union postponed its threatened strike after the minister promised talks.", "strike", True),
    ("A nationwide rail strike was averted at the last minute on Sunday.", "strike", True),
    ("The opposition said it would boycott parliament but ruled out street protests.", "protests", True),
    ("Organisers cancelled the planned march through the city centre because of the storm.", "march", True),
    ("Farmers called off a planned rally outside the ministry after talks on Wednesday.", "rally", True),
    # ... beside the same words where it happened (positives)
    ("The union postponed talks after workers went on strike on Monday.", "strike", False),
    ("A judge postponed the trial of two men arrested during the riot in May.", "riot", False),
    ("A judge postponed the murder trial of two brothers.", "murder", False),
    ("The army said it had prevented further bloodshed after rebels attacked the town.", "attacked", False),
    # denied through a report or a clause (negatives) ...
    ("The interior ministry dismissed reports that police had opened fire on demonstrators.", "opened", True),
    ("Police said reports of a grenade attack on the market were false.", "grenade", True),
    ("Police said reports of a grenade attack on the market were false.", "attack", True),
    ("The ministry denied a wire report that the embassy had been occupied by rebels.", "occupied", True),
    # ... beside denials of something else, or the accused's denial of the act (positives)
    ("The army denied that its soldiers had shelled the village.", "shelled", False),
    ("The governor rejected allegations that troops had burned homes in the district.", "burned", False),
    # a strike called off after it began, or a call-off refused or denied (an independent review's)
    ("Students called off their hunger strike on the 20th day after the minister resigned.", "strike", False),
    ("The union refused to call off the strike, now in its second week.", "strike", False),
    ("The union has not called off the strike, which has closed every port.", "strike", False),
    ("He denied attacking his neighbour with a knife.", "attacking", False),
    ("The minister dismissed the protests as the work of a few agitators.", "protests", False),
    ("The group denied responsibility for the bombing that killed six people.", "bombing", False),
    ("A judge dismissed the case against two men arrested during the riot in May.", "arrested", False),
    ("Two men accused of the kidnapping of a businessman denied the charges in court.", "kidnapping", False),
    ("Police denied bail to three men arrested after the shooting on Friday.", "arrested", False),
    ("Reports of a grenade attack on the market were confirmed by police.", "attack", False),
    ("The protesters rejected the offer and continued their sit-in outside parliament.", "sit", False),
])
def test_undone(nlp: Language, text: str, word: str, expected: bool) -> None:
    assert undone(_span(nlp, text, word), CUES) is expected


@pytest.mark.parametrize("text,word,expected", [
    # a protest said as one to be held (negatives) ...
    ("Activists said they would march to the capital next month to demand land titles.", "march", True),
    ("Farmers said they might launch another protest if the price is not raised.", "protest", True),
    ("The union said it would call a strike only as a last resort.", "strike", True),
    ("Nurses protested outside the hospital and said they could strike next week.", "strike", True),
    # ... beside protests held or going on (positives)
    ("Nurses protested outside the hospital and said they could strike next week.", "protested", False),
    ("Protesters marched through the city on Monday and said they would return.", "marched", False),
    ("Workers said the strike would continue until their demands are met.", "strike", False),
    ("Students said they will keep up their boycott of classes.", "boycott", False),
    ("Teachers will go on striking until the government pays them.", "striking", False),
    ("Of course we will continue protesting until they are brought to justice.", "protesting", False),
    # under a modal, but not held (an independent review's)
    ("The minister said the government would not tolerate the protests in the city.", "protests", False),
    ("Thousands gathered in what would become the largest protest in the country's history.", "protest", False),
])
def test_protest_to_come(nlp: Language, text: str, word: str, expected: bool) -> None:
    assert protest_to_come(_span(nlp, text, word), CUES["continuing"], CUES["holding"]) is expected
