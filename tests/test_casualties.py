"""Casualty claims (component) and their reconciliation into event counts.

Every sentence below was written for these tests; none comes from the fixture corpora.
"""

from __future__ import annotations

import pytest

from pipeline.casualties import reconcile
from pipeline.schemas import CasualtyFact

# (sentence, expected claims as (outcome, low, best, high, victim_type)); order does not matter.
K, I, A, M = "killed", "injured", "arrested", "missing"
CASES: list[tuple[str, list[tuple[str, int, int, int | None, str]]]] = [
    # plain wire copy, passive voice
    ("Police said 14 soldiers were killed in the ambush on Tuesday.", [(K, 14, 14, 14, "state_forces")]),
    ("Three civilians were wounded when the shell hit the market.", [(I, 3, 3, 3, "civilians")]),
    ("Two people were killed and five others injured in the blast.",
     [(K, 2, 2, 2, "civilians"), (I, 5, 5, 5, "unknown")]),
    ("A man was shot and killed outside a bar late Friday.", [(K, 1, 1, 1, "civilians")]),
    ("The woman died at the scene, officials said.", [(K, 1, 1, 1, "civilians")]),
    ("The victim was pronounced dead at a hospital.", [(K, 1, 1, 1, "civilians")]),
    ("Authorities said 1,200 protesters were detained over the weekend.", [(A, 1200, 1200, 1200, "protesters")]),
    ("Nine police officers were hurt during the clashes.", [(I, 9, 9, 9, "state_forces")]),
    ("Seven miners lost their lives in the attack on the convoy.", [(K, 7, 7, 7, "civilians")]),
    ("Twelve villagers were slain by gunmen overnight.", [(K, 12, 12, 12, "civilians")]),
    # a passive conjunct shares its head verb's subject, never that verb's object
    ("The 5-year-old boy picked up the pistol and was shot in the arm.", [(I, 1, 1, 1, "civilians")]),
    ("A woman stepped out of her car and was shot in the back on Sunday.", [(I, 1, 1, 1, "civilians")]),
    ("Two men argued outside a bar and were wounded by gunfire.", [(I, 2, 2, 2, "civilians")]),
    ("The driver fled the scene and was arrested hours later.", [(A, 1, 1, 1, "civilians")]),
    ("Officers arrived at the house and were shot at from a window.", []),
    ("Two deputies returned to their car and were shot at from a passing truck.", []),
    ("Two deputies were shot at from a passing truck on Sunday.", []),
    ("The driver lost control, struck a tree and was killed.", [(K, 1, 1, 1, "civilians")]),
    ("The clerk opened the door and was shot at close range.", [(I, 1, 1, 1, "civilians")]),
    ("The striker dribbled past two defenders and was brought down in the box.", []),
    ("The company missed its targets and was hit by heavy losses.", []),
    # active voice
    ("Gunmen killed eight farmers and wounded three others near the border.",
     [(K, 8, 8, 8, "civilians"), (I, 3, 3, 3, "unknown")]),
    ("Police arrested two suspects after the robbery.", [(A, 2, 2, 2, "unknown")]),
    ("The militants abducted 40 students from their dormitory.", [(M, 40, 40, 40, "civilians")]),
    ("He killed his wife before turning the gun on himself.", [(K, 1, 1, 1, "civilians"), (K, 1, 1, 1, "unknown")]),
    ("The car bomb killed at least 25 people, including six children.", [(K, 25, 25, None, "civilians")]),
    ("The gunman opened fire on the crowd, killing four, including a toddler.", [(K, 4, 4, 4, "unknown")]),
    ("Troops shot dead two rebels during the raid.", [(K, 2, 2, 2, "rebels_militants")]),
    # words, vague quantities, modifiers and ranges
    ("Twenty-five passengers were injured when the bus was attacked.", [(I, 25, 25, 25, "civilians")]),
    ("Dozens of demonstrators were wounded by rubber bullets.", [(I, 12, 12, 99, "protesters")]),
    ("Hundreds of people were arrested in the crackdown.", [(A, 100, 100, 999, "civilians")]),
    ("Scores of villagers were killed in the massacre.", [(K, 40, 40, 199, "civilians")]),
    ("Several soldiers were injured in the exchange of fire.", [(I, 3, 3, 9, "state_forces")]),
    ("A number of students were detained by security agents.", [(A, 3, 3, None, "civilians")]),
    ("More than 30 people died in the fighting.", [(K, 31, 31, None, "civilians")]),
    ("Nearly 50 rebels were killed, the army claimed.", [(K, 40, 50, 50, "rebels_militants")]),
    ("Up to 200 people may have been hurt.", []),
    ("As many as 60 worshippers were killed when the mosque was bombed.", [(K, 48, 60, 60, "civilians")]),
    ("About 100 protesters were arrested on Sunday.", [(A, 80, 100, 120, "protesters")]),
    ("Between 10 and 15 guards were wounded in the prison riot.", [(I, 10, 10, 15, "state_forces")]),
    ("Officials said 10 to 15 fighters died in the air strike.", [(K, 10, 10, 15, "rebels_militants")]),
    ("Two dozen people were hospitalised after the stampede.", [(I, 24, 24, 24, "civilians")]),
    ("At least eight police officers have been killed since the unrest began on Sunday.",
     [(K, 8, 8, None, "state_forces")]),
    # headlines and telegraphic style
    ("3 dead, 5 hurt in shooting at warehouse", [(K, 3, 3, 3, "unknown"), (I, 5, 5, 5, "unknown")]),
    ("Unrest leaves dozens dead, police say", [(K, 12, 12, 99, "unknown")]),
    ("Four killed as gunmen storm village", [(K, 4, 4, 4, "unknown")]),
    ("Teen shot dead outside school", [(K, 1, 1, 1, "civilians")]),
    # appositions, names, ages
    ("A 17-year-old boy was shot dead on Elm Street.", [(K, 1, 1, 1, "civilians")]),
    ("The victim, Maria Lopez, 34, died of her wounds on Monday.", [(K, 1, 1, 1, "civilians")]),
    ("John Carter, 52, of Springfield, was killed in the crash.", [(K, 1, 1, 1, "unknown")]),
    ("A 30-year-old was wounded in the leg.", [(I, 1, 1, 1, "civilians")]),
    ("Two men, aged 19 and 23, were arrested at the scene.", [(A, 2, 2, 2, "civilians")]),
    ("One army captain, three soldiers and two civilians were killed.",
     [(K, 4, 4, 4, "state_forces"), (K, 2, 2, 2, "civilians")]),
    ("A woman and her two daughters were found dead in the house.", [(K, 3, 3, 3, "civilians")]),
    # negation
    ("No one was hurt in the fire.", [(I, 0, 0, 0, "unknown")]),
    ("No injuries were reported.", [(I, 0, 0, 0, "unknown")]),
    ("There were no casualties, the ministry said.", [(K, 0, 0, 0, "unknown"), (I, 0, 0, 0, "unknown")]),
    ("Nobody was killed in the explosion.", [(K, 0, 0, 0, "unknown")]),
    ("No arrests have been made.", [(A, 0, 0, 0, "unknown")]),
    ("The driver was not injured.", [(I, 0, 0, 0, "civilians")]),
    # composition, toll updates, partitives
    ("The death toll rose to 31 on Thursday.", [(K, 31, 31, 31, "unknown")]),
    ("Three more bodies were found, bringing the death toll to 19.",
     [(K, 3, 3, 3, "unknown"), (K, 19, 19, 19, "unknown")]),
    ("Among the dead were two journalists.", [(K, 2, 2, 2, "civilians")]),
    ("One of the officers was found beheaded.", [(K, 1, 1, 1, "state_forces")]),
    ("The bodies of six men were recovered from the river.", [(K, 6, 6, 6, "civilians")]),
    ("The attack caused 17 fatalities.", [(K, 17, 17, 17, "unknown")]),
    ("Two of the wounded were in critical condition.", [(I, 2, 2, 2, "unknown")]),
    # non-human counts, hypotheticals, statistics: no claim
    ("The blast destroyed three vehicles and two houses.", []),
    # organisations and the things of markets and networks are hurt only in a figure of speech;
    # their people are victims
    ("Several hedge funds were badly wounded by the short squeeze.", []),
    ("The worm hit more than 40,000 websites in a day.", []),
    ("Two companies were badly hurt by the ban.", []),
    ("Two members of the football team were wounded in the attack.", [(I, 2, 2, 2, "civilians")]),
    ("Gunmen killed three employees of the company at the mine.", [(K, 3, 3, 3, "civilians")]),
    ("Gunmen killed a vaccination team of three in the city.", [(K, 3, 3, 3, "unknown")]),
    ("John Stock was killed by a gunman on Tuesday.", [(K, 1, 1, 1, "unknown")]),
    ("The rebels threatened to kill thousands of hostages.", []),
    # a blade's wound counts when it kills, with its victim between verb and "to death"; a
    # stabbing that does not is too often a figure of speech
    ("A man stabbed his neighbour to death on Friday.", [(K, 1, 1, 1, "civilians")]),
    ("The minister said he had been stabbed in the back by his own party.", []),
    # what a clause of its own tells under a verb of intent is a report; a modal still governs
    ("Villagers were trying to flee when soldiers opened fire, killing five.", [(K, 5, 5, 5, "unknown")]),
    ("The villagers were trying to kill five soldiers when the army arrived.", []),
    ("Under the rules, commanders must wait until a soldier is injured before they return fire.", []),
    ("Such a bomb could kill hundreds of people.", []),
    ("If the dam breaks, thousands would die.", []),
    ("The city recorded 300 murders in 2019.", []),
    ("More than 5,000 people have been killed since 2015.", []),
    ("He paid $500 for the rifle on 12 March 2020.", []),
    ("The march drew 20,000 people.", []),
    # shot without saying whether fatally: injured, flagged includes_killed
    ("Two teenagers were shot near the park.", [(I, 2, 2, 2, "civilians")]),
    ("Police said the man suffered a gunshot wound to the arm.", [(I, 1, 1, 1, "civilians")]),
    ("A woman is in stable condition after the shooting.", [(I, 1, 1, 1, "civilians")]),
    # event nouns that carry their toll; an old event keeps its count
    ("Detectives are investigating an apparent murder-suicide in the suburb.", [(K, 2, 2, 2, "unknown")]),
    ("A double shooting left one man dead on Friday.", [(I, 2, 2, 2, "unknown"), (K, 1, 1, 1, "civilians")]),
    ("The former guard is charged with killing his neighbour in 2009.",
     [(K, 1, 1, 1, "civilians"), (A, 1, 1, 1, "state_forces")]),
    ("The landslide of violence claimed the lives of 12 people.", [(K, 12, 12, 12, "civilians")]),
    ("An air strike killed a family of five.", [(K, 5, 5, 5, "civilians")]),
    ("Some 400 people have died since the war began.", []),
    # a span of years is a period ("over the past 10 years"), unless it tells the victims' ages
    ("Bandits have killed 90 herders over the past 10 years.", []),
    ("Gunmen killed three herders, from 19 to 40 years of age, at the well.", [(K, 3, 3, 3, "civilians")]),
    ("Gunmen killed four herders aged between 18 and 25 years at the well.", [(K, 4, 4, 4, "civilians")]),
    ("Over the past 40 years of age-old feuds, thousands have been killed in the valley.", []),
    ("The cartel has killed 80 boys under 16 years of age over the past decade.", []),
    ("Clashes have killed at least 30 people since Monday.", [(K, 30, 30, None, "civilians")]),
    # two outcomes joined by "or": the toll of both, of neither alone (beside "and": each its own)
    ("Nine teenagers have been hurt or killed by gunfire on the east side.", []),
    ("At least 40 villagers were killed or wounded in the shelling.", []),
    ("Nine teenagers were hurt and two killed by gunfire on the east side.",
     [(I, 9, 9, 9, "civilians"), (K, 2, 2, 2, "unknown")]),
    # ... but a denial of both still counts none of either, and a clause of its own keeps its count
    ("Nobody was killed or injured when the shell hit the depot.", [(K, 0, 0, 0, "unknown"), (I, 0, 0, 0, "unknown")]),
    ("Two guards were killed or wounded at the gate, and police arrested four men.", [(A, 4, 4, 4, "civilians")]),
    ("Officers arrested or detained 30 marchers near the square.", [(A, 30, 30, 30, "protesters")]),
    # a number in figures after "a" or "an" names a score, not people (beside counts of people)
    ("The veteran shot an even-par 70 and trails the leader by four.", []),
    ("She shot a 68 on Saturday and leads by two.", []),
    ("Soldiers shot 64 protesters in the square on Saturday.", [(I, 64, 64, 64, "protesters")]),
    ("Gunmen shot a 64-year-old farmer on Saturday.", [(I, 1, 1, 1, "civilians")]),
    # a suspect charged or indicted is one arrested; "charged" only as a charge, never a rush
    ("Two men were charged with murder on Wednesday.", [(A, 2, 2, 2, "civilians")]),
    ("Prosecutors charged a 17-year-old with aggravated assault.", [(A, 1, 1, 1, "civilians")]),
    ("Three teenagers have been charged in the shooting.", [(A, 3, 3, 3, "civilians")]),
    ("A 20-year-old man was indicted by a grand jury on Friday.", [(A, 1, 1, 1, "civilians")]),
    ("No one has been charged, the sheriff said.", [(A, 0, 0, 0, "unknown")]),
    ("Riot police charged the protesters with batons.", []),
    ("Mounted police charged 200 demonstrators near the square.", []),
    ("Officers charged two men on Friday.", []),
    ("The bull charged three spectators at the fair.", []),
    ("A warrant was issued for two men who have been charged with murder.", []),
    ("Both suspects, charged with robbery, remain at large.", []),
    ("Two men were charged with murder, and a warrant was issued for a third.", [(A, 2, 2, 2, "civilians")]),
    ("Detectives said they wanted to thank the witnesses after three men were charged.",
     [(A, 3, 3, 3, "civilians")]),
    ("Hundreds of students were charged by riot police on horseback.", []),
    ("Police charged two hundred farmers after the killing of a union leader.", [(K, 1, 1, 1, "civilians")]),
    ("A 19-year-old was charged by police with assault.", [(A, 1, 1, 1, "civilians")]),
    ("Riot police charged 200 students on the anniversary of the strike.", []),
    ("Prosecutors charged a 20-year-old on two counts of attempted murder.", [(A, 1, 1, 1, "civilians")]),
    ("After police served a search warrant at the house, two men were charged with possession.",
     [(A, 2, 2, 2, "civilians")]),
    ("Two men were charged with murder and remain at large.", []),
    # "in custody" is said of its verb's object, else of its subject; not a sentence served,
    # a death in custody, a custody battle, a modal, protective custody
    ("A 41-year-old woman is in custody, the sheriff's office said.", [(A, 1, 1, 1, "civilians")]),
    ("Deputies have two teenagers in custody after the robbery.", [(A, 2, 2, 2, "civilians")]),
    ("Three suspects remain in custody at the county jail.", [(A, 3, 3, 3, "unknown")]),
    ("Troopers took a 30-year-old driver into custody on Monday.", [(A, 1, 1, 1, "civilians")]),
    ("Nobody is in custody yet, police said.", [(A, 0, 0, 0, "unknown")]),
    ("The gunman was not in custody on Tuesday night.", [(A, 0, 0, 0, "unknown")]),
    ("She received credit for 90 days in custody.", []),
    ("A prisoner died in custody last week.", [(K, 1, 1, 1, "civilians")]),
    ("The couple fought a long custody battle.", []),
    ("The suspect could be in custody by the weekend.", []),
    ("Two brothers were placed in protective custody.", []),
    ("Two in custody after armed robbery at gas station", [(A, 2, 2, 2, "unknown")]),
    ("There are four people in custody, the chief said.", [(A, 4, 4, 4, "civilians")]),
    ("The suspect in custody has not been named.", [(A, 1, 1, 1, "unknown")]),
    ("An inmate was beaten while in custody on Sunday.", []),
    ("Deputies want the driver in custody before the weekend.", []),
    ("Is the gunman in custody?", []),
    ("The girl was placed in custody of her aunt.", []),
    ("Police hope to have a suspect in custody soon.", []),
    ("The man was remanded in custody.", [(A, 1, 1, 1, "civilians")]),
    # "hope" and "expect" tell no report; a victim expected to survive was still hit
    ("Two men are expected to be charged.", []),
    ("A man was shot and is expected to survive.", [(I, 1, 1, 1, "civilians")]),
    # "the fatal shooting of" names who was killed; a bare "the shooting of" is no claim (an
    # earlier incident, a trial's, or a victim who died), nor a shooting counted or placed
    ("Deputies are looking into the shooting of a 52-year-old man.", []),
    ("Rangers condemned the shooting of two elk.", []),
    ("Two shootings rattled the neighborhood over the weekend.", []),
    ("Reporters gathered near the shooting scene on Tuesday.", []),
    ("The shooting of the documentary wrapped up in June.", []),
    ("The shooting deaths of two cousins left the family shaken.", [(K, 2, 2, 2, "civilians")]),
    ("Neighbors mourned after the deadly police shooting of two cousins.", [(K, 2, 2, 2, "civilians")]),
    ("The fatal shooting of three neighbors is under investigation.", [(K, 3, 3, 3, "civilians")]),
    ("Detectives are looking into a fatal shooting near the park.", [(K, 1, 1, 1, "unknown")]),
    ("Detectives are looking into a non-fatal shooting near the park.", []),
    ("Neighbors described the near-fatal shooting of a teenager.", []),
    ("The double shooting of a cousin remains unsolved.", [(I, 2, 2, 2, "unknown")]),
    # a number of a counted group is a part of it, not the group ("one of the three men")
    ("One of the three hikers was killed in the ambush.", [(K, 1, 1, 1, "civilians")]),
    ("Two of the four guards died at the hospital.", [(K, 2, 2, 2, "state_forces")]),
    ("Two of the three suspects were arrested on Monday.", [(A, 2, 2, 2, "unknown")]),
    ("Two of the 10 people shot died at the scene.", [(I, 10, 10, 10, "civilians"), (K, 2, 2, 2, "civilians")]),
    # upper-case wire copy
    ("GUERRILLAS KILLED 12 SOLDIERS AND WOUNDED FIVE OTHERS IN AN AMBUSH NEAR THE TOWN YESTERDAY.",
     [(K, 12, 12, 12, "state_forces"), (I, 5, 5, 5, "unknown")]),
    ("THE ARMY REPORTED THAT THREE PEASANTS WERE MURDERED BY A DEATH SQUAD IN THE NORTHERN PROVINCE.",
     [(K, 3, 3, 3, "civilians")]),
    ("POLICE SAID NO ONE WAS INJURED IN THE BOMB ATTACK ON THE POWER PYLON.", [(I, 0, 0, 0, "unknown")]),
    ("TWO POLICEMEN WERE KIDNAPPED BY TERRORISTS ON THE HIGHWAY LEADING TO THE CAPITAL.",
     [(M, 2, 2, 2, "state_forces")]),
]


def _claims(doc) -> list[tuple]:
    return sorted(
        (f["outcome"], f["count_low"], f["count_best"], f["count_high"], f["victim_type"])
        for f in doc._.ne_casualties
    )


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_claims(annotate, sentence: str, expected: list[tuple]) -> None:
    doc = annotate(sentence)
    assert _claims(doc) == sorted(expected)


def test_enough_hand_written_cases() -> None:
    assert len(CASES) >= 60


def test_facts_valid_and_spans_point_at_text(annotate) -> None:
    text = "Officials said 12 officers were killed. Another 40 were wounded in the fighting."
    doc = annotate(text)
    facts = [CasualtyFact(**f) for f in doc._.ne_casualties]
    assert facts
    for f in facts:
        assert text[f.char_start : f.char_end] == f.text
        assert f.text in f.sentence


def test_partitive_and_toll_flags(annotate) -> None:
    doc = annotate("One of the officers was beheaded. The death toll rose to 12.")
    flags = {(f["count_best"], f["partitive"], f["supersedes_prior"]) for f in doc._.ne_casualties}
    assert flags == {(1, True, False), (12, False, True)}


def test_shot_claims_flagged(annotate) -> None:
    doc = annotate("Two men were shot, one fatally, on Main Street.")
    facts = {(f["outcome"], f["count_best"], f["includes_killed"]) for f in doc._.ne_casualties}
    assert facts == {("injured", 2, True), ("killed", 1, False)}


# ---- seed golden test ----------------------------------------------------------------------------
def test_seed_casualties(annotate, seed_gold: dict) -> None:
    doc = annotate(seed_gold["text"], published=seed_gold["published"])
    facts = [CasualtyFact(**f) for f in doc._.ne_casualties]
    got = {(f.outcome, f.count_low, f.count_high, f.victim_type) for f in facts}
    for gold in seed_gold["facts"]["casualties"]:
        key = (gold["outcome"], gold["count"]["low"], gold["count"]["high"], gold["victims"])
        if gold.get("optional"):
            continue
        assert key in got, key
    beheaded = [f for f in facts if f.partitive and f.outcome == "killed"]
    assert beheaded and beheaded[0].count_best == 1
    out = reconcile(facts)
    assert 24 <= out["killed_best"] <= 111
    assert out["injured_best"] == 353
    for f in facts:
        assert doc.text[f.char_start : f.char_end] == f.text
