"""Triggers: ACLED event types from hand-written reports, negatives, and split_events."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from pipeline.extract import extract_facts
from pipeline.schemas import Article, CasualtyFact, PlaceFact, TriggerFact
from pipeline.triggers import split_events

EventList = list[tuple[str | None, str | None, list]]


# Hand-written reports, one per sub-event type the rules know.
TYPED = [
    ("Rebels and government troops clashed near the border town on Monday, leaving six dead.",
     "battles", "armed_clash"),
    ("Heavy fighting broke out between the army and separatist fighters in the hills.",
     "battles", "armed_clash"),
    ("Insurgents captured the district headquarters after a two-day assault.",
     "battles", "non_state_actor_overtakes_territory"),
    ("Government forces recaptured the town from the militants on Friday.",
     "battles", "government_regains_territory"),
    ("An airstrike on a market killed 14 people, local officials said.",
     "explosions_remote_violence", "air_drone_strike"),
    ("Artillery shelling hit residential areas of the city overnight.",
     "explosions_remote_violence", "shelling_artillery_missile_attack"),
    ("A roadside bomb struck a police patrol, wounding three officers.",
     "explosions_remote_violence", "remote_explosive_landmine_ied"),
    ("A suicide bomber detonated his vest at the entrance of a mosque.",
     "explosions_remote_violence", "suicide_bomb"),
    ("Unknown assailants hurled a grenade into a crowded bus terminal.",
     "explosions_remote_violence", "grenade"),
    ("Doctors said the villagers were exposed to chlorine gas dropped on the town.",
     "explosions_remote_violence", "chemical_weapon"),
    ("Gunmen kidnapped twelve farmers from their fields on Tuesday.",
     "violence_against_civilians", "abduction_forced_disappearance"),
    ("Soldiers raped two women at a checkpoint, a rights group reported.",
     "violence_against_civilians", "sexual_violence"),
    ("Gunmen opened fire on worshippers leaving a church, killing five.",
     "violence_against_civilians", "attack"),
    ("Thousands of teachers protested peacefully outside parliament demanding higher pay.",
     "protests", "peaceful_protest"),
    ("Police fired tear gas to disperse the protesters gathered in the main square.",
     "protests", "protest_with_intervention"),
    ("Security forces shot dead four protesters during a march in the capital.",
     "protests", "excessive_force_against_protesters"),
    ("Protesters threw stones at police and torched two cars.",
     "riots", "violent_demonstration"),
    ("An angry mob lynched a man accused of stealing a motorbike.",
     "riots", "mob_violence"),
    ("Police arrested the opposition leader at his home early on Sunday.",
     "strategic_developments", "arrests"),
    ("The two sides signed a ceasefire agreement in the capital.",
     "strategic_developments", "agreement"),
    ("Bomb disposal experts defused an explosive device found under a bridge.",
     "strategic_developments", "disrupted_weapons_use"),
    ("Troops set up a new military base on the hill overlooking the valley.",
     "strategic_developments", "headquarters_or_base_established"),
    ("Armed men looted shops and set houses ablaze in the village.",
     "strategic_developments", "looting_property_destruction"),
    ("The rebels withdrew from the town under a deal, and the army took control without a fight.",
     "strategic_developments", "non_violent_transfer_of_territory"),
    ("Protesters booed and heckled the governor outside the statehouse on Monday.",
     "protests", "peaceful_protest"),
]


@pytest.mark.parametrize("text,event_type,sub_event_type", TYPED)
def test_main_event_type(events_of: Callable[[str], EventList], text: str, event_type: str,
                         sub_event_type: str) -> None:
    events = events_of(text)
    assert events, text
    assert (events[0][0], events[0][1]) == (event_type, sub_event_type)


NEGATIVES = [
    "A magnitude 6.4 earthquake struck the province on Monday, killing at least 30 people.",
    "Flash floods swept through three villages after torrential rain, and 12 people died.",
    "An explosion at a chemical factory killed two workers and injured five others.",
    "A gas cylinder exploded in a restaurant kitchen, injuring four people.",
    "Two people were killed when a bus collided with a truck on the highway.",
    "The home side beat the visitors 3-1 in Saturday's match, with two goals in the second half.",
    "The company launched its new smartphone in March, with a bigger battery and a faster chip.",
    "Riot police officers attended a training course in the capital.",
    # A storm that leads the story makes it a disaster's, whose state of emergency is no event;
    # "storm" as a headline's verb, "a storm of gunfire", are violence (below).
    "Five people died after a powerful storm tore through the county on Monday. "
    "The governor declared a state of emergency on Tuesday.",
    # ... also when a dateline opens the story (the parser may make it a sentence of its own).
    "PADUCAH, Ky. — A line of severe storms spawned several tornadoes across the region late on "
    "Friday, killing four people and destroying dozens of homes. "
    "The governor declared a state of emergency to speed the release of state resources.",
    # A crowd's jeers are an audience's, no gathering of protest.
    "Fans booed the players off the pitch after the 4-0 defeat.",
    "The minister was heckled by members of the audience during the debate.",
    # "The crash of" a helicopter is an accident ("a storm of gunfire" is none, below).
    "The crash of a military helicopter in the north killed 12 soldiers on Tuesday, officials said.",
]




@pytest.mark.parametrize("text", [
    "Gunmen storm a university campus at dawn, killing four guards.",
    "Soldiers opened fire on the crowd, unleashing a storm of gunfire that killed 12 marchers.",
    "Fighting between the army and the militia went on, with a rain of rockets hitting homes.",
    # weather leads a datelined story, a shooting follows: the shooting stays
    "PADUCAH, Ky. — Heavy rain flooded streets across the city on Friday. Separately, a gunman "
    "shot dead three people at a bar on Friday night, police said.",
])
def test_storm_of_violence_is_no_weather(events_of: Callable[[str], EventList], text: str) -> None:
    events = events_of(text)
    assert events and events[0][0] in ("battles", "violence_against_civilians", "protests",
                                       "explosions_remote_violence"), text


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_event_without_political_violence(events_of: Callable[[str], EventList], text: str) -> None:
    assert events_of(text) == []


@pytest.mark.parametrize(("text", "violence"), [
    # an assailant kills people: violence whatever the verb ("shot" always was)
    ("Police are hunting a suspect who killed two cashiers at a petrol station.", True),
    ("Three campers were killed by an intruder near the lake.", True),
    ("Armed robbers killed a shopkeeper and his son during the raid on the store.", True),
    # a driver, an illness, the weather, a council or a story's character "kills" too, and a
    # man who kills himself is no assailant's victim
    ("A lorry driver killed two pedestrians when he lost control on the bridge.", False),
    ("Measles killed four children in the district last month.", False),
    ("A heatwave killed two labourers on a building site.", False),
    ("The council killed the bypass plan after a public inquiry.", False),
    ("In the thriller, a man kills his business partner and flees abroad.", False),
    ("The suspect killed himself in his cell on Sunday.", False),
    ("A 17-year-old student killed himself in a school bathroom on Monday.", False),
])
def test_a_killing_by_a_person(events_of: Callable[[str], EventList], text: str, violence: bool) -> None:
    events = events_of(text)
    if violence:
        assert events and events[0][0] == "violence_against_civilians", text
    else:
        assert events == [], text


def test_intent_is_not_an_event(events_of: Callable[[str], EventList]) -> None:
    events = events_of("The militants threatened to attack the town if the talks failed.")
    assert all(e[0] != "violence_against_civilians" for e in events)


@pytest.mark.parametrize("text", [
    "Bombings and kidnappings must stop, the bishop told the congregation.",
    "The rebel commander said his men will continue their attacks on the capital.",
])
def test_talk_about_violence_is_not_an_event(events_of: Callable[[str], EventList], text: str) -> None:
    assert events_of(text) == []


@pytest.mark.parametrize(("text", "fight"), [
    # a fight still to come (negatives) beside fights that happened in the same words
    ("The two militias will clash again, the general warned.", False),
    ("The militia leader said his fighters must fight the army until the end.", False),
    ("The two militias clashed again on Sunday, the general said.", True),
    ("The militia fought the army on Sunday until nightfall, the general said.", True),
    ("Rebels and soldiers clashed on Sunday, and more fighting could follow.", True),
    ("Soldiers fought rebels who could not be identified near the border.", True),
    # a modal of seeing, guessing or telling what happened next reports the fight
    ("Residents said gunmen could be seen fighting soldiers near the market on Sunday.", True),
    ("Rebels may have clashed with troops near the border overnight, local radio said, citing five dead.", True),
    ("Witnesses said the two militias would clash again hours later, leaving 12 injured.", True),
])
def test_a_fight_still_to_come_is_no_battle(events_of: Callable[[str], EventList], text: str, fight: bool) -> None:
    assert any(e[0] == "battles" for e in events_of(text)) is fight


@pytest.mark.parametrize(("text", "violence"), [
    # an adverbial clause with its own subject tells its own deed under a verb of intent
    ("Police were planning to leave the scene when gunmen opened fire on them, killing one officer.", True),
    ("Villagers were trying to flee when soldiers opened fire, killing five.", True),
    ("Aid workers were attempting to deliver food when militants attacked the convoy, leaving three dead.", True),
    # ... while the intended deed itself, or one under a condition, is none; nor is a clause of
    # a limit or a time still to come, or one under its own modal
    ("He was planning to kill her when she got home, prosecutors said.", False),
    ("The rebels vowed to keep fighting until every soldier is killed.", False),
    ("Police plan to detain the organisers when the march begins on Saturday.", False),
    ("Officers tried to seal the exits before the suspects could flee.", False),
    ("The rebels threatened to kill the hostages if the army attacked.", False),
    ("Rebels plan to attack the town next week.", False),
    # what a deed was for ("to kill") is not done; the deed told beside it is
    ("The army sent commandos to the hills to kill the rebel leader.", False),
    ("Rebels regrouped in the forest to attack the town again.", False),
    ("Gunmen stormed the hotel to kill foreigners and killed six guests.", True),
    ("Soldiers fought for hours to retake the town.", True),
    ("Thousands of farmers drove tractors into the capital to protest a trade deal.", True),  # the gathering
])
def test_a_deed_told_in_its_own_clause_is_no_intent(events_of: Callable[[str], EventList], text: str,
                                                     violence: bool) -> None:
    assert bool(events_of(text)) is violence


@pytest.mark.parametrize(("text", "sub_event_type"), [
    # a person attacked where the sentence names a home or a shop, beside the place attacked
    ("Her husband stabbed her to death in their home on Friday, police said.", "attack"),
    ("Gunmen attacked him outside his shop on Sunday, killing him.", "attack"),
    ("Vandals attacked her home and smashed the windows.", "looting_property_destruction"),
])
def test_a_person_attacked_at_a_place_is_no_attack_on_property(annotate, text: str, sub_event_type: str) -> None:
    subs = {t["sub_event_type"] for t in annotate(text)._.ne_triggers if not t.get("vetoes")}
    assert sub_event_type in subs


def test_a_specific_plural_is_an_event(events_of: Callable[[str], EventList]) -> None:
    events = events_of("Two bombings killed 12 people in the capital on Monday.")
    assert events and events[0][0] == "explosions_remote_violence"


def test_disaster_words_are_vetoes(annotate: Callable[..., Doc]) -> None:
    doc = annotate("A powerful earthquake destroyed hundreds of houses in the north.")
    assert doc._.ne_triggers
    # "destroyed" also vetoes, as harm done by a force of nature (`sense.harm_by_no_one`).
    assert all(t["vetoes"] for t in doc._.ne_triggers)
    assert any(t["event_type"] == "disaster" for t in doc._.ne_triggers)


def _fact(cls: type, text: str, start: int, **kw: object):
    return cls(text=text, sentence=kw.pop("sentence", text), char_start=start,
               char_end=start + len(text), **kw)


def test_split_events_groups_facts_by_nearest_trigger() -> None:
    s1 = "Soldiers clashed with rebels in the north, killing 9."
    s2 = "Separately, 300 people protested in the capital against fuel prices."
    trig1 = _fact(TriggerFact, "clashed", 9, sentence=s1, event_type="battles",
                  sub_event_type="armed_clash", priority=6)
    trig2 = _fact(TriggerFact, "protested", 80, sentence=s2, event_type="protests",
                  sub_event_type="peaceful_protest", priority=5)
    killed = _fact(CasualtyFact, "9", 50, sentence=s1, outcome="killed", count_low=9,
                   count_best=9, count_high=9)
    north = _fact(PlaceFact, "north", 40, sentence=s1)
    capital = _fact(PlaceFact, "capital", 95, sentence=s2)
    events = split_events([trig1, north, killed, trig2, capital])
    assert [(e[0], e[1]) for e in events] == [("battles", "armed_clash"), ("protests", "peaceful_protest")]
    battle, protest = events[0][2], events[1][2]
    assert killed in battle and north in battle and capital in protest
    assert killed not in protest


def test_split_events_absorbs_arrests_into_violence() -> None:
    s = "Two gunmen shot a shopkeeper dead; police later arrested them."
    shot = _fact(TriggerFact, "shot", 12, sentence=s, event_type="violence_against_civilians",
                 sub_event_type="attack", priority=4)
    arrest = _fact(TriggerFact, "arrested", 48, sentence=s + " ", event_type="strategic_developments",
                   sub_event_type="arrests", priority=5)
    events = split_events([shot, arrest])
    assert len(events) == 1 and events[0][0] == "violence_against_civilians"


def test_split_events_casualties_alone_and_vetoed() -> None:
    killed = _fact(CasualtyFact, "two men", 40, sentence="Two men were shot dead.", outcome="killed",
                   count_low=2, count_best=2, count_high=2)
    assert split_events([killed]) == [(None, None, [killed])]
    flood = _fact(TriggerFact, "flood", 0, event_type="disaster", vetoes=True)
    assert split_events([flood, killed]) == []
    # A crash mentioned after the victims (the fleeing car) does not undo the shooting.
    crash = _fact(TriggerFact, "crashed", 90, event_type="disaster", vetoes=True)
    assert split_events([killed, crash]) == [(None, None, [killed])]
    assert split_events([]) == []


def test_secondary_generic_word_joins_the_main_event() -> None:
    s1 = "A car bomb exploded outside the ministry, killing four."
    s2 = "The fighting in the region has lasted for years."
    bomb = _fact(TriggerFact, "car bomb", 2, sentence=s1, event_type="explosions_remote_violence",
                 sub_event_type="remote_explosive_landmine_ied", priority=9)
    fighting = _fact(TriggerFact, "fighting", 60, sentence=s2, event_type="battles",
                     sub_event_type="armed_clash", priority=4)
    events = split_events([bomb, fighting])
    assert len(events) == 1 and events[0][0] == "explosions_remote_violence"


def test_seed_event_types(annotate: Callable[..., Doc], seed_gold: dict) -> None:
    from pipeline.clean import clean_text

    text = clean_text(seed_gold["text"])
    doc = annotate(text, published=seed_gold["published"])
    events = split_events(extract_facts(Article(id="seed", source="seed", text=text), doc))
    types = [e[0] for e in events]
    assert set(types) == set(seed_gold["facts"]["event_types"])
    assert types[0] == "riots"
    trigger_types = {t["event_type"] for t in doc._.ne_triggers}
    assert trigger_types == set(seed_gold["facts"]["event_types"])


def test_case2021_negatives_have_no_event(eval_dir, events_of: Callable[[str], EventList]) -> None:
    """The disaster and accident snippets of CASE 2021 (read at run time, never copied)."""
    path = eval_dir / "case2021_dev.jsonl"
    if not path.exists():
        pytest.skip("case2021_dev.jsonl is absent")
    negatives = [r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())
                 if not r["events"]]
    with_event = [r["id"] for r in negatives if events_of(r["text"])]
    assert len(with_event) <= 2, with_event


def test_split_events_protest_in_a_riot_town_is_the_riot() -> None:
    s1 = "Rioters torched the town hall in Carvel on Friday."
    s2 = "Marchers had gathered in Carvel that morning."
    s3 = "A week earlier, teachers protested peacefully in Dunmore."
    riot = _fact(TriggerFact, "torched", 8, sentence=s1, event_type="riots",
                 sub_event_type="violent_demonstration", priority=7)
    march = _fact(TriggerFact, "Marchers", 60, sentence=s2, event_type="protests",
                  sub_event_type="peaceful_protest", priority=3)
    other = _fact(TriggerFact, "protested", 130, sentence=s3, event_type="protests",
                  sub_event_type="peaceful_protest", priority=5)
    places = [_fact(PlaceFact, "Carvel", 35, sentence=s1, feature="city"),
              _fact(PlaceFact, "Carvel", 80, sentence=s2, feature="city"),
              _fact(PlaceFact, "Dunmore", 160, sentence=s3, feature="city")]
    events = split_events([riot, march, other, *places])
    assert [e[0] for e in events] == ["riots", "protests"]
    assert march in events[0][2] and other in events[1][2]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # gunfire traded is a clash, as fire is ("exchanged fire")
        ("Soldiers exchanged gunfire with rebels near the border on Tuesday.", "armed_clash"),
        ("Troops traded gunfire with militants in the hills.", "armed_clash"),
        ("Police traded fire with the gunmen for an hour before the siege ended.", "armed_clash"),
        ("The two candidates traded fire over taxes in a televised debate.", None),
        ("Troops traded heavy gunfire with militants in the hills.", "armed_clash"),
        # a man barricades himself in (a standoff), a teacher a door: no riot without a crowd
        ("A man barricaded himself inside his home after shooting his wife, police said.", "attack"),
        ("The suspect barricaded himself in an apartment for six hours before surrendering.", None),
        ("The teacher barricaded the classroom door when she heard gunshots.", None),
        ("The students barricaded themselves in the library during the lockdown.", None),
        ("Protesters barricaded themselves inside the parliament building.", "violent_demonstration"),
        ("Protesters barricaded roads with burning tyres in the capital on Monday.", "violent_demonstration"),
        ("Villagers barricaded the road to the quarry, accusing the company of polluting the river.",
         "violent_demonstration"),
        # a street's block as an address; a few who leave a scene (negatives) beside roads blocked
        # and a population's flight (positives)
        ("Officers surrounded an apartment in the 4500 block of maple avenue on Tuesday.", None),
        ("Hundreds of farmers blocked roads in the north to protest fuel prices.", "violent_demonstration"),
        ("After the robbery the two suspects fled across a car park.", None),
        ("The driver fled the scene before police arrived.", None),
        ("Thousands of families fled their homes in the north.", "other"),
        ("Two men fled their village after militants threatened to kill them.", "other"),
        # a person found with a gun or its wounds, or finding out (negatives) beside weapons found
        ("Police said a woman was found dead with gunshot wounds behind a garage.", None),
        ("Officers found the man in a hallway with a pistol beside him.", None),
        ("Owners can ring the county hotline to find out about gun locks.", None),
        ("Police found three rifles and a grenade in the car.", "disrupted_weapons_use"),
        ("A large cache of weapons and ammunition was found in the forest, the army said.", "disrupted_weapons_use"),
        # shots fired are an attack; a shot fired in a game is none
        ("Shots were fired outside a nightclub early Sunday and two men were wounded, police said.", "attack"),
        ("Someone fired several shots at the house on Friday night, police said.", "looting_property_destruction"),
        ("The striker fired a shot just wide of the post before the goalkeeper saved a penalty.", None),
        ("The winger fired a shot into the top corner to win the match 3-2.", None),
        ("The company fired its chief executive after the first round of talks failed.", None),
        # the police or the army that tell a gunman's deed are no side of it
        ("Police said a gunman killed two people at a bar on Saturday.", "attack"),
        ("A gunman killed two people at a bar, according to police.", "attack"),
        ("Police said gunmen attacked a police patrol on Monday.", "armed_clash"),
        ("Gunmen killed three police officers in the north, according to the governor.", "armed_clash"),
        ("Witnesses said gunmen opened fire on soldiers near the market.", "armed_clash"),
        # ... but a teller may be the doer: its own deed, or one told without a doer
        ("The army said it killed forty rebels in the hills.", "armed_clash"),
        ("Ten militants were killed in an operation in the valley, the army said.", "armed_clash"),
        # state forces killing people of no side: an attack, whoever tells it
        ("Government troops killed 20 villagers in the district, residents said.", "attack"),
        ("A spokesman for the rebels said government troops killed 20 villagers.", "attack"),
        ("A driver killed two pedestrians when he lost control of his car.", None),
    ],
)
def test_sides_and_senses_of_fire_barricades_and_killings(events_of: Callable[[str], EventList], text: str,
                                                          sub_event_type: str | None) -> None:
    events = events_of(text)
    assert (events[0][1] if events else None) == sub_event_type, text


@pytest.mark.parametrize(
    ("text", "protest"),
    [
        ("Thousands of opposition supporters held a rally in the capital on Sunday.", True),
        ("Activists staged a rally against the new mining law outside parliament.", True),
        ("Farmers rallied outside the ministry to demand higher grain prices.", True),
        ("Strong demand from refiners triggered an oil rally on Monday.", False),
        ("The top seed rallied to win the final set 7-5.", False),
        ("Bank shares rallied after the quarterly results beat forecasts.", False),
    ],
)
def test_a_rally_is_a_protest_only_with_people_or_a_cause(annotate, text: str, protest: bool) -> None:
    types = {t["event_type"] for t in annotate(text)._.ne_triggers}
    assert ("protests" in types) is protest


@pytest.mark.parametrize(
    ("text", "violence"),
    [
        ("The art collection of the murdered fashion designer will be auctioned in May.", False),
        ("Shares in the company founded by the assassinated former premier fell 15%.", False),
        ("Gunmen murdered a fashion designer outside his home on Tuesday.", True),
        ("The former premier was assassinated in a car bomb attack on Monday.", True),
    ],
)
def test_a_killing_word_that_describes_a_person_reports_no_event(annotate, text: str, violence: bool) -> None:
    kinds = {t["event_type"] for t in annotate(text)._.ne_triggers} - {None}
    assert bool(kinds & {"violence_against_civilians", "explosions_remote_violence", "battles"}) is violence


@pytest.mark.parametrize(
    ("text", "violence"),
    [
        ("A ranch will let web users use a remote rifle to shoot deer and wild pigs.", False),
        ("Hackers attacked the websites of two banks on Monday.", False),
        ("Gunmen shot two farmers near the village on Monday.", True),
        ("Gunmen attacked a bus carrying passengers near the town on Monday.", True),
    ],
)
def test_harm_aimed_at_animals_or_computers_is_no_event(annotate, text: str, violence: bool) -> None:
    kinds = {t["event_type"] for t in annotate(text)._.ne_triggers}
    assert bool(kinds & {"violence_against_civilians", "explosions_remote_violence", "battles"}) is violence


@pytest.mark.parametrize(
    ("text", "arrest"),
    [
        ("The media tycoon was arrested for fraud in Tokyo on Tuesday.", False),
        ("Police detained the banker on suspicion of theft.", False),
        ("Police arrested eight people suspected of planning the bombing.", True),
        ("Police arrested the opposition leader at his home on Tuesday.", True),
        ("Soldiers detained twelve rebels near the border.", True),
    ],
)
def test_an_arrest_for_an_ordinary_crime_is_no_event(annotate, text: str, arrest: bool) -> None:
    subs = {t["sub_event_type"] for t in annotate(text)._.ne_triggers}
    assert ("arrests" in subs) is arrest


@pytest.mark.parametrize(
    ("text", "agreement"),
    [
        ("The army and the rebels signed a ceasefire in the capital on Friday.", True),
        ("A truce between the two militias took effect at midnight.", True),
        ("Government forces and the militia agreed to a ceasefire on Friday.", True),
        ("The rebels agreed to withdraw from the town after talks with the army.", True),
        ("The president spoke of the peace process in a speech to parliament.", False),
        ("Opposition leaders voiced concern over the suspension of the ceasefire talks.", False),
        ("The singer agreed to pay the fine after the court hearing.", False),
        # ready or prepared to agree is no agreement yet
        ("The militia leaders are prepared to sign a ceasefire, a mediator said.", False),
        ("The militia leaders signed a ceasefire on Friday, a mediator said.", True),
    ],
)
def test_an_agreement_is_made_not_talked_about(annotate, text: str, agreement: bool) -> None:
    subs = {t["sub_event_type"] for t in annotate(text)._.ne_triggers}
    assert ("agreement" in subs) is agreement


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # Victims of an animal that no armed side owns: no word of violence tells them, but
        # their verb's doer says what hurt them (negatives) ...
        ("A bull that had been beaten by its owner injured two spectators at the festival.", False),
        ("Rangers shot the leopard that had injured three villagers.", False),
        ("Police shot the dog that had injured three children.", False),
        # ... beside people doing the same (positives).
        ("The man who had injured three children was shot by police.", True),
        ("Rangers shot the poacher who had injured three villagers.", True),
        ("A man who had been beaten by his brother injured two spectators with a knife.", True),
    ],
)
def test_casualties_an_animal_caused_make_no_event(events_of: Callable[[str], EventList], text: str,
                                                   event: bool) -> None:
    assert bool(events_of(text)) is event


@pytest.mark.parametrize(("text", "kept"), [
    # a datelined story led by a disaster: its state of emergency is the disaster's ...
    ("PADUCAH, Ky. — A line of severe storms spawned several tornadoes across the region late on "
     "Friday, killing four people and destroying dozens of homes. "
     "The governor declared a state of emergency to speed the release of state resources.", False),
    # ... not one led by violence,
    ("KANO, Nigeria — Gunmen killed four villagers in the north on Friday. "
     "The governor declared a state of emergency in the region.", True),
    # nor one whose dash later in the text is no dateline
    ("Hundreds of traders protested outside the market on Monday over new fees. NEMA — the "
     "emergency agency — said floods had displaced 2,000 people in the north. The governor "
     "declared a state of emergency in the city after the riots.", True),
])
def test_a_state_of_emergency_in_a_disaster_s_datelined_story(trigger_words: Callable[[str], list[str]],
                                                               text: str, kept: bool) -> None:
    assert ("state of emergency" in trigger_words(text)) is kept
