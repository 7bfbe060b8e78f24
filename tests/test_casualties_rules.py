"""Casualty rules for shootings as local news reports them: fatal adverbs, bodies, obituaries,
wishes and plans, and one named victim followed through a story (shot, then died).

Every text below was written for these tests; none comes from the fixture corpora.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipeline.casualties import reconcile
from pipeline.casualties.filters import _charge_words
from pipeline.schemas import CasualtyFact

K, I = "killed", "injured"
# (sentence, expected claims as (outcome, best)); order does not matter.
CASES: list[tuple[str, list[tuple[str, int]]]] = [
    # a fatal adverb makes a hit a death
    ("Dana Blake was fatally struck in the chest when the gunfire began.", [(K, 1)]),
    ("The boy was mortally wounded by a stray round.", [(K, 1)]),
    ("His rifle went off, fatally wounding his cousin.", [(K, 1)]),
    ("One man was killed, while three others were hit, none fatally.", [(K, 1), (I, 3)]),
    # "a female", "a male": police words for a person; a male lion is no victim
    ("Officers found a female with a gunshot wound behind the store.", [(I, 1)]),
    ("A male was shot twice in the parking lot on Sunday.", [(I, 1)]),
    ("A male lion was shot by poachers in the reserve.", []),
    ("Rangers tracked a lioness for days. The female was shot by poachers near the river.", []),
    ("A dog barked at the gate. Police said a male was shot in the leg outside the bar.", [(I, 1)]),
    # a body reports a death only when it is found, recovered, lies somewhere
    ("Hikers found the bodies of two women in a ravine.", [(K, 2)]),
    ("Her body was pulled from the lake on Sunday.", [(K, 1)]),
    ("Three bodies lay in the road after the raid.", [(K, 3)]),
    ("Medics found him with a bullet wound to his upper body.", [(I, 1)]),
    ("A line of patrol cars escorted her body to the chapel.", []),
    ("Every woman has a right to decide about her own body, the speaker said.", []),
    # obituaries: "survived by" is the family, not an injury
    ("Okafor is survived by his wife and two sons.", []),
    ("She was survived by three grandchildren.", []),
    ("The surviving brothers spoke at the vigil.", []),
    # wishes, plans and intentions are not reports
    ('"Please do not let my daughter die," the mother prayed.', []),
    ("He told the dispatcher he was going to kill his neighbors.", []),
    ("The teen said he was gonna shoot everyone at the party.", []),
    ("He did not want to kill anyone, his lawyer said.", []),
    ("There should have been a dozen people dead that night.", []),
    # "any" asks, it does not report
    ("Officials said there was no sign that any villagers were hurt.", [(I, 0)]),
    ("It was unclear whether any guards had been killed.", []),
    # ordinals: "a second man died" is a toll of two; "the second man died" is one person of a list
    ("A third patient has died, the hospital said.", [(K, 3)]),
    ("The second hostage was found dead near the road.", [(K, 1)]),
    # statistics since a coup are not one event
    ("Security forces have killed 120 demonstrators since the coup.", []),
    # the attacker's own death: "turned the gun on himself"; a reflexive next to other victims
    ("He shot his neighbor and then turned the gun on himself.", [(I, 1), (K, 1)]),
    ("The student killed three classmates and himself.", [(K, 3), (K, 1)]),
    ("The man shot six relatives to death before killing himself.", [(K, 6), (K, 1)]),
    ("A girl accidentally shot herself in the foot while cleaning a pistol.", [(I, 1)]),
    # what nearly or possibly happened did not happen
    ("The round missed by inches, nearly killing a deputy.", []),
    ("Investigators said the blast could have possibly killed dozens.", []),
    # "of N" sizes a group, not a person
    ("A young father of four was killed on Maple Street.", [(K, 1)]),
    ("Gunmen killed a family of six in their home.", [(K, 6)]),
    # reports that look like them stay
    ("The gunman went on to kill two more people.", [(K, 2)]),
    ("A woman survived three gunshot wounds to the back.", [(I, 1)]),
    # denials in every spelling count none, "one" beside them counts one
    ("The drummer said he was glad no-one got injured.", [(I, 0)]),
    ("No-one was injured in the blast at the depot.", [(I, 0)]),
    ("Gunmen fired on the convoy but no-one was killed.", [(K, 0)]),
    ("No one was hurt when the roof fell in.", [(I, 0)]),
    ("Nobody was wounded in the exchange of fire.", [(I, 0)]),
    ("None of the passengers were hurt.", [(I, 0)]),
    ("Not one person was hurt in the raid.", [(I, 0)]),
    ("One was killed and no-one else was hurt.", [(K, 1), (I, 0)]),
    ("One person was hurt in the raid.", [(I, 1)]),
    # habits and general truths count no one; the incident told in the same words does
    ("We moved from a town where people get shot every day.", []),
    ("Many people are getting injured by the old mines.", []),
    ("Visiting fans are often hurt after derby matches.", []),
    ("Two people got shot outside the club on Friday.", [(I, 2)]),
    ("A fan gets hurt in a stadium brawl.", [(I, 1)]),
    ("Three visiting fans were hurt after the derby.", [(I, 3)]),
    # a whole war's toll is no incident; a toll of one clash in it is
    ("Half a million people died in the long civil war.", []),
    ("Thousands were killed during the insurgency.", []),
    ("Three soldiers were killed in the ambush on Monday.", [(K, 3)]),
    # a killing participle inside a noun phrase tells who a person is, not a death reported
    ("Shares in the builder founded by assassinated former premier Tomas Brandt fell 15%.", []),
    ("The festival honours the murdered film director Anton Keel.", []),
    ("Former premier Tomas Brandt was assassinated in Oslo on Monday.", [(K, 1)]),
    ("Gunmen killed three villagers near the border.", [(K, 3)]),
    # a deed one calls on others to do is no report; the deed done, or reported to the caller, is
    ("Posters that called for foreigners to be killed or beaten were removed.", []),
    ("The preacher called on his listeners to kill two journalists.", []),
    ("Protesters demanded that the men be shot.", []),
    ("Campaigners demanded for the prisoners to be shot.", []),
    ("His listeners killed two journalists after the sermon.", [(K, 2)]),
    ("The victim called police to say two men had been shot.", [(I, 2)]),
    ("Police called for witnesses after two men were shot dead.", [(K, 2)]),
]


def _claims(doc) -> list[tuple]:
    return sorted((f["outcome"], f["count_best"]) for f in doc._.ne_casualties)


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_rule_claims(annotate, sentence: str, expected: list[tuple]) -> None:
    assert _claims(annotate(sentence)) == sorted(expected)


# ---- one named person across a story: shot (or in critical condition), then died ---------------
STORIES: list[tuple[str, int | None, int | None]] = [
    # (text, killed_best, injured_best)
    ("Police said 19-year-old Marcus Vell was shot in the chest on Elm Street. Vell was driven to "
     "the hospital in critical condition. He died early Saturday.", 1, 0),
    ("Ivan Hale was wounded in the leg. Hale later died at the hospital.", 1, 0),
    ("Ada Quist was shot in the arm and is in stable condition. Her neighbor, Lior Brandt, died at "
     "the scene.", 1, 1),
    ("Two men were shot outside the bar, one fatally. The dead man was identified as Pim Osei.", 1, 1),
    ("A woman was killed and a teenager was wounded in the shooting on Pine Avenue.", 1, 1),
    ("Kenji Aldo suffered a gunshot wound to his hand. His brother Rafe was not hurt.", None, 1),
    # murder-suicides: the attacker adds to several victims; one victim and one dead attacker may
    # be one person told twice, unless the story says murder-suicide
    ("A man killed his two sons and then turned the gun on himself.", 3, None),
    ("Police say the gunwoman, Vera Lind, killed herself. A woman was found dead upstairs.", 1, None),
    ("Investigators called it a murder-suicide: Ian Roe shot his wife, then himself.", 2, 0),
    ("Three people are dead after a murder-suicide at a motel; the gunman turned the gun on himself.", 3, None),
    # the state of a victim told in the sentence that reports the death: one of the dead
    ("A boy was shot on the porch. He was rushed to a hospital in critical condition, where he died.", 1, 0),
    ("A man was killed on Oak Street, and his brother was wounded.", 1, 1),
    ("A man was killed on Oak Street. His brother is in critical condition.", 1, 1),
    # "also" adds a victim besides those told; a conjunct with its own count is its own claim
    ("A toddler was shot and killed in the car. Her uncle was also struck.", 1, 1),
    ("The brawl ended in gunfire, leaving one man dead and at least four others hurt.", 1, 4),
    # "others", "other men", "another" as the subject set victims beside the dead; "shot
    # another man" (other than the shooter) and "the other woman" (one of a group) do not
    ("A man was stabbed to death on the pier and two others were shot.", 1, 2),
    ("Gunfire killed one guest at the wedding. Two other guests were shot in the legs.", 1, 2),
    ("One woman died at the scene. Another woman was shot in the arm.", 1, 1),
    # ... unless deaths are told among them next: the others shot include those dead, who add to
    # the dead told before when they are one "of them", "of whom" or "of the two" others (the
    # first was 1 killed, a floor, before `among_others`); "one of the victims" may be any
    ("A guard was killed and two others were shot. One of the two died on Friday.", 2, 1),
    ("A man was killed and three others were shot, one of them fatally.", 2, 2),
    ("A clerk died at the scene and two other people were wounded, one of whom later died.", 2, 1),
    ("A guard was killed and two others were shot. One of the victims died on Friday.", 1, 1),
    ("A man was killed and three others were shot, one of them fatally. Two people died in all.", 2, 2),
    ("A man was killed and three others were shot, one of them fatally. The toll has since risen to three.", 3, 1),
    ("A man was killed and three others were shot, one of them fatally. Two officers were also killed.", 4, 2),
    ("Three people were shot in the alley, one of them fatally.", 1, 2),
    ("A guard was killed in the yard and two others were shot. The two others were later "
     "pronounced dead.", 2, 0),
    ("The fight at the depot ended with one porter dead and with four others sustaining stab wounds.", 1, 4),
    ("Witnesses said the cook shot another man near the loading dock. That man later died.", 1, 0),
    ("Two brothers died after gunmen fired into their truck. One brother was hit in the neck; the "
     "other brother was hit in the chest.", 2, 0),
    # an ordinal victim counts those hit: three were hit, two of them died
    ("Two brothers died in the shooting. The third victim, a cousin, was hit in the arm.", 2, 1),
    ("Four men were shot at the party. The fourth man died on Monday.", 1, 3),
    # a sign of survival in the wound's own sentence: that victim lived, whoever else died
    ("Omar Teague died at the scene. His cousin was taken to a hospital with a gunshot wound to the "
     "leg and is in stable condition.", 1, 1),
    ("Lena Voss, 52, was shot and killed on Tuesday. Deputies also found a 17-year-old boy who had "
     "been shot once in the arm. The boy was treated for a gunshot wound and is expected to "
     "survive.", 1, 1),
    ("Bram Kiel was pronounced dead at the hospital. A passenger was struck by a bullet but her "
     "injuries are non-life-threatening.", 1, 1),
    # ... but not when the story names that victim dying later, nor when the sentence tells a death
    ("Tomas Reyna was shot in the back and was in stable condition on Friday. He died on Sunday.", 1, 0),
    ("The victim, who had been listed in stable condition after he was shot, died on Monday.", 1, 0),
    # a wounded gunman who will survive is not one more victim
    ("Five people were wounded in the attack. A deputy then shot the gunman, who is expected to survive.", None, 5),
    ("A man was shot outside the store. He died later; a clerk was in good condition.", 1, 1),
]


@pytest.mark.parametrize("text,killed,injured", STORIES, ids=[s[0][:40] for s in STORIES])
def test_story_totals(annotate, text: str, killed: int | None, injured: int | None) -> None:
    out = reconcile([CasualtyFact(**f) for f in annotate(text)._.ne_casualties])
    assert (out["killed_best"], out["injured_best"]) == (killed, injured)


# ---- victims told as beside those just told: added to them, only to the same outcome ---------
ADDED: list[tuple[str, int | None, int | None, int | None]] = [
    # (text, killed_best, injured_best, arrested_best)
    ("A man was shot on the east side on Sunday night. Another man was also shot and taken to a "
     "hospital.", None, 2, None),
    ("Officers arrested two men at the scene. Two more people were taken into custody later that "
     "night.", None, None, 4),
    ("Three men were arrested. Police later arrested another man in connection with the raid.", None, None, 4),
    ("Police arrested one man at the depot. Two others were arrested later.", None, None, 3),
    ("Two men were shot outside the bar. Two others were injured by flying glass.", None, 4, None),
    ("A man was shot in the chest. An additional victim, a woman, was shot in the hand.", None, 2, None),
    ("A woman was stabbed to death in the hall. Another woman was stabbed to death upstairs.", 2, None, None),
    ("Five soldiers were killed and eight were wounded in the ambush. Two more soldiers died of "
     "their wounds.", 7, 8, None),
    ("Deputies arrested two men on Monday. On Wednesday they arrested two more men. On Friday, three "
     "more men were taken into custody.", None, None, 7),
    ("Police arrested 140 marchers. Another 20 were arrested later.", None, None, 160),
    # one addition told by two words is added once
    ("A man was shot in the leg. Another man was also shot and was taken to a hospital.", None, 2, None),
    # a headline told again: the same number of added people just after
    ("Police arrest another suspect in Milford robbery. Police have arrested another suspect in the "
     "robbery of a Milford bank.", None, None, 1),
    ("The gunman killed his wife at the house. He then drove to a store and killed two more people.", 3, None, None),
    ("Three people were shot, one fatally. Two others were wounded by shrapnel.", 1, 4, None),
    # the arrested and the harmed are different people: a claim of one between two of the other
    ("Police arrested a man accused of shooting a delivery driver. The driver was shot in the leg. "
     "Another man was also arrested.", None, 1, 2),
    ("Two men were shot in the alley. Police arrested a suspect. Two others were wounded by glass.", None, 4, 1),
    ("Three people were shot. Police arrested a man. One man died. Two others were wounded.", 1, 2, 1),
    # the attackers are not their victims; one added victim after another is one more each time
    ("Three officers were shot. The gunman was killed. Another officer was also shot.", 1, 4, None),
    ("A man was shot in the leg. Another man was shot in the arm. Another man was shot in the back.", None, 3, None),
    # a place is no other incident ("on the second floor"), nor is the verb "separate"
    ("Two men were wounded at the bar. Another man was shot on the second floor of the bar.", None, 3, None),
    ("Police arrested two men. Another man was detained by officers who were trying to separate the "
     "crowd.", None, None, 3),
    # a floor is added to; a vague count is not (below)
    ("At least nine people were killed in the attack. Another two people died in hospital.", 11, None, None),
    ("More than 20 protesters were arrested. Another 15 were detained later.", None, None, 36),
    # negatives: a running total is added to nothing
    ("Police have now arrested five people in the riot. Two more suspects were arrested Tuesday.", None, None, 5),
    # negatives: a whole toll told after the additions stands
    ("Two people were killed in the blast. Two more people were killed in the blast. The death toll "
     "rose to three.", 3, None, None),
    ("Police arrested two men. Officers arrested two more men. Three people were arrested in all.", None, None, 3),
    # negatives: the parts of a total told first, each beside the one before
    ("Two people were shot late Friday in Oakmere. One man was hit in the hip. Another man was "
     "grazed in the arm.", None, 2, None),
    ("Police arrested three men on Monday. One man was arrested at the bus station. Two others were "
     "arrested at an apartment.", None, None, 3),
    ("Four arrested in store robbery. Police arrested two women on Tuesday. Two more suspects were "
     "arrested Thursday.", None, None, 4),
    ("Two men were shot in Bramley on Sunday. One of the men was shot in the chest. Another man was "
     "shot in the foot.", None, 2, None),
    ("Man shot, another wounded on Hale Road. A man was shot on Hale Road and another man was "
     "wounded, police said.", None, 2, None),
    # ... an incident before the one told
    ("A man was shot and wounded on Vine Street on Friday, two days after another man was shot on "
     "the same street.", None, 1, None),
    # negatives: others beside the dead, among the people shot told before
    ("Three people were shot. One man died and two others were wounded.", 1, 2, None),
    ("Three people were shot. One man died. Two others were wounded.", 1, 2, None),
    # ... one of a group told ("the other"), a floor ("more than"), the same others told again
    ("A man was shot in the leg. The other man was shot in the arm.", None, 1, None),
    ("Four people were shot and two of them died. The other two were treated at a hospital.", 2, 2, None),
    ("Police arrested more than two suspects on Friday.", None, None, 3),
    ("Two dead, two others hurt at depot. One man was killed and two others were hurt at the depot "
     "on Sunday.", 2, 2, None),
    # ... another incident, and a hit's object other than its shooter
    ("Police arrested two men. Officers also arrested another man in an unrelated case.", None, None, 2),
    ("Two people were shot on Friday. Police said another man was shot in a separate incident.", None, 2, None),
    ("A gunman shot another man during an argument on Sunday.", None, 1, None),
]


@pytest.mark.parametrize("text,killed,injured,arrested", ADDED, ids=[s[0][:40] for s in ADDED])
def test_added_victims(annotate, text: str, killed: int | None, injured: int | None, arrested: int | None) -> None:
    out = reconcile([CasualtyFact(**f) for f in annotate(text)._.ne_casualties])
    assert (out["killed_best"], out["injured_best"], out["arrested_best"]) == (killed, injured, arrested)


# another incident, a tally, a vague toll or a time of its own: no claim is told as added
NOT_ADDED = [
    "Five people were shot on the block on Thursday, where six more people have been wounded since last week.",
    "Two men were shot outside the club. Two more people were shot in another attack nearby.",
    "A man was wounded on Main Street. Another man was shot at 3 a.m. on Saturday near the river.",
    "Two men were wounded in the square. Police said another man was wounded in an unrelated fight.",
    "A man was killed outside the tavern, the same bar where another man was killed during a fight.",
    "A man was wounded on Dock Street. In a second shooting, another woman was wounded on Bay Street.",
    "Two people were shot in the park. Elsewhere, two more people were shot near the school.",
    "A boy was shot on the porch. \"Another kid got shot. When does it end?\" a neighbor asked.",
]


@pytest.mark.parametrize("text", NOT_ADDED, ids=[t[:40] for t in NOT_ADDED])
def test_not_added(annotate, text: str) -> None:
    assert not any(f["adds"] for f in annotate(text)._.ne_casualties)


def test_a_vague_toll_takes_no_addition(annotate) -> None:
    # "multiple people" may be the five: 5, not 2 + 5
    out = reconcile([CasualtyFact(**f) for f in annotate(
        "Multiple people were shot at the party. Officials said five others were injured.")._.ne_casualties])
    assert out["injured_best"] == 5


def test_named_victim_who_died_is_flagged(annotate) -> None:
    doc = annotate("Officer Nia Pahl was wounded in the shootout. Pahl died two days later.")
    injured = [f for f in doc._.ne_casualties if f["outcome"] == "injured"]
    assert injured and all(f["includes_killed"] for f in injured)
    doc = annotate("Officer Nia Pahl was wounded in the shootout. Her partner, Sam Ortiz, died.")
    injured = [f for f in doc._.ne_casualties if f["outcome"] == "injured"]
    assert injured and not any(f["includes_killed"] for f in injured)


def test_dead_gunman_name_does_not_touch_victims(annotate) -> None:
    doc = annotate("Rosa Quist was wounded. The gunman, Quist's former husband, was killed by police.")
    injured = [f for f in doc._.ne_casualties if f["outcome"] == "injured"]
    assert injured and not any(f["includes_killed"] for f in injured)


@pytest.mark.parametrize("text,expected", [
    # an earlier case the story recalls does not count when the story has its own toll
    ("A man was shot dead on Friday. In 2012, five teens were killed at the same corner.", [(K, 1)]),
    ("A man was shot dead on Friday. Last summer, five teens were killed at the same corner.", [(K, 1)]),
    # a story about an old case keeps it
    ("The former guard is accused of killing his two neighbors in 2013.", [(K, 2)]),
], ids=["year", "last summer", "old case only"])
def test_earlier_cases(annotate, text: str, expected: list[tuple]) -> None:
    assert _claims(annotate(text, published="2016-01-05")) == sorted(expected)


@pytest.mark.parametrize(("text", "victims"), [
    # One who shot himself is the subject's noun: its age and sex tell who was hit.
    ("A 4-year-old boy accidentally shot himself while playing with a pistol.", "4-year-old boy himself"),
    ("Deputies said a 52-year-old woman shot herself in the hand while cleaning a rifle.",
     "52-year-old woman herself"),
    # A pronoun subject, or none, leaves the pronoun; a dateline's place is no subject.
    ("He shot himself in the leg on Friday, police said.", "himself"),
    ("The man shot his neighbor before shooting himself.", "himself"),
    ("MAPLETON, Utah (KQRS): A 12 year old boy wounded himself with a rifle on Sunday.",
     "12 year old boy himself"),
    ("MAPLETON, Utah (KQRS): He wounded himself with a rifle on Sunday.", "himself"),
    ("Riverton, Wyo. - Dana Reyes, 34, shot herself in the leg on Tuesday, deputies said.",
     "Dana Reyes herself"),
    ("Cedar Falls, Iowa \u2014 Harold Jenkins shot himself in the foot while hunting on Saturday.",
     "Harold Jenkins himself"),
    # Someone else hit in the sentence: the subject may be an attacker, whose age is no victim's.
    ("The 50-year-old man shot himself after wounding a deputy.", "himself"),
])
def test_a_reflexive_victim_is_its_subject(annotate, text: str, victims: str) -> None:
    found = [f["victims"] for f in annotate(text)._.ne_casualties if f["victims"].endswith("self")]
    assert found == [victims]


def test_what_one_is_charged_with_is_its_noun_and_modifiers(nlp) -> None:
    # "with [Shooting] Bar": a headline's noun modifier names the offence; "of the killing"
    # after a date is no charge ("on the anniversary of the killing").
    doc = Doc(nlp.vocab, words=["with", "Shooting", "Outside", "Bar"], heads=[0, 3, 3, 0],
              deps=["ROOT", "nmod", "compound", "pobj"])
    assert {t.text for t in _charge_words(doc[3])} == {"Shooting", "Outside", "Bar"}
    doc = Doc(nlp.vocab, words=["on", "the", "anniversary", "of", "the", "killing"], heads=[0, 2, 0, 2, 5, 3],
              deps=["ROOT", "det", "pobj", "prep", "det", "pobj"])
    assert [t.text for t in _charge_words(doc[2])] == ["anniversary"]
    doc = Doc(nlp.vocab, words=["on", "two", "counts", "of", "murder"], heads=[0, 2, 0, 2, 3],
              deps=["ROOT", "nummod", "pobj", "prep", "pobj"], lemmas=["on", "two", "count", "of", "murder"])
    assert [t.text for t in _charge_words(doc[2])] == ["counts", "murder"]
