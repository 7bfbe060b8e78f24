"""Word sense of triggers on ordinary news, one named predicate per rule (each drops the
trigger in `refine.outcome_name`): habits, surges called explosions, devices nobody uses, the
displaced as people, the late recalled, deaths recalled by their noun alone, arrests of things,
rockets tested or played with, clashes of dates; and two
readings of the parse the rules share: a protest word in another sense, what a verb makes."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from pipeline.aspect import habitual, recalled_death
from pipeline.triggers.context import one_of, prep_objects, words_of
from pipeline.triggers.filters import denied
from pipeline.triggers.participants import doers

if TYPE_CHECKING:
    from pipeline.triggers.refine import Match

_IED = ("explosions_remote_violence", "remote_explosive_landmine_ied")
# The event types of a word of harm done to someone (whose doer and target matter).
HARM_TYPES = frozenset({"violence_against_civilians", "explosions_remote_violence", "battles"})
# Prepositions that name what an act aims at ("an attack on a website").
_TARGET_PREPS = frozenset({"on", "at", "against"})
# Prepositions that name where or when a clash happens ("clashed during a debate").
_SETTING_PREPS = frozenset({"in", "during", "at", "on"})
# Words a range of numbers follows ("killed 10-12", "for 2-3 hours"), unless a game's result.
_RANGE_HEADS = frozenset({"VERB", "AUX", "ADP"})
# What a range of numbers counts ("2-3 hours", "10-15 armed men"): no score before it.
_COUNTED_POS = frozenset({"NOUN", "PROPN", "NUM", "ADJ"})
# A game's score ("won 6-0", "a 2-1 defeat"): two small numbers joined by a dash.
_SCORE = re.compile(r"(?<![\d,.])\d{1,2}[-\u2013]\d{1,2}(?![\d,%-]|\.\d)")
# Prepositions whose bare "protest" is the reason or manner of another act ("resigned in
# protest", "paid under protest"), not a gathering ("shut their shops for protest" is one).
_MANNER_PREPS = frozenset({"in", "under"})
# Dependents that modify a word ("test" of "test-fired", "firework" of "a firework rocket").
_MODIFIER_DEPS = frozenset({"compound", "amod", "npadvmod", "nmod"})
# Dependents of an arrest verb that name who is arrested ("arrested three men", "three men were
# detained").
_ARRESTED_DEPS = frozenset({"dobj", "nsubjpass"})
# Prepositions by which a thing holds others ("a network of smugglers", "a boat with migrants";
# "the progression of the disease" holds a thing).
_HOLDING_PREPS = ("of", "with")
# How "demonstrate" takes what it shows ("demonstrated his skill", "demonstrates that ...").
_SHOWN_DEPS = frozenset({"dobj", "ccomp"})
# Dependents of a bomb verb that name what is bombed, or make it passive ("the town was bombed").
_BOMBED_DEPS = frozenset({"dobj", "nsubjpass", "auxpass"})
# Prepositions of what is bombed without an object ("bombed on the rebels' positions").
_BOMBED_PREPS = ("on", "against")
# How far up the parse a word of voting is looked for above a strike word ("balloted" -> "on"
# -> "action" -> "strike").
_VOTE_STEPS = 3
# Dependents of a verb of making that name what is made ("formed a militia", "a unit was created").
_MADE_DEPS = ("dobj", "nsubjpass")

# How an owner hangs off a doer ("police dogs", "the army's dogs").
_OWNER_DEPS = frozenset({"compound", "poss"})


def harm_targets(head: Token) -> list[Token]:
    """The head words of what a word of harm aims at: a verb's object or passive subject, and
    the objects of "on", "at", "against" after it ("an attack on the website")."""
    verb = head.head if head.dep_ in ("prt", "compound") else head
    # "on Wednesday" tells when, not what.
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] + [
        t for t in prep_objects(verb, _TARGET_PREPS) if t.ent_type_ not in ("DATE", "TIME")]


def _common_noun(tok: Token) -> bool:
    """Whether a doer is a common noun ("a dog", "the shark"), not a name or part of one
    ("the Tigers", "the Haqqani network", "the Grey Wolves": armed groups)."""
    # A capital, and the tagger's proper noun, tell a name only away from the sentence's start
    # ("Dogs attacked a woman ...").
    start = bool(tok.is_sent_start)
    capital = tok.text[:1].isupper() and not start
    return ((tok.pos_ == "NOUN" or (start and tok.pos_ == "PROPN")) and not capital
            and not any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in tok.children))


def aims_at_no_one(m: Match) -> bool:
    """A word of harm whose every target, or every doer, is an animal or a computer ("to shoot
    down deer", "hackers attacked the website", "was attacked by a dog", "a shark attacked a
    swimmer"): no conflict event, unless armed sides are named."""
    return harm_by_no_one(m) or (_unarmed_harm(m) and _all_non_human(harm_targets(m.span.root), m.cues))


def harm_by_no_one(m: Match) -> bool:
    """A word of violence or protest whose every doer is an animal, a computer thing or a force
    of nature, named as a common noun ("was attacked by a dog", "a pack of stray dogs attacked a
    boy", "a leopard that had wounded three villagers", "a shark attack", "penguins marched
    across the ice", "a late frost destroyed the blossom"; "the Tigers", "the Haqqani network"
    are armed groups), and no armed side is named in the sentence ("police dogs attacked the
    protesters")."""
    return not m.armed() and done_by_no_one(m.span.root, m.cues)


def done_by_no_one(word: Token, cues: Mapping[str, frozenset[str]]) -> bool:
    """Whether a word has doers (`participants.doers`), each an animal, a computer thing or a
    force of nature named as a common noun, none owned by an armed side ("police dogs", "the
    army's dogs"): `harm_by_no_one` without the rest of its sentence."""
    found = [t for t in doers(word, cues["groups"], cues["doer_compounds"]) if _common_noun(t)]
    return _all_non_human(found, cues) and not any(
        c.dep_ in _OWNER_DEPS and (one_of(c, cues["state"]) or one_of(c, cues["nonstate"]))
        for t in found for c in t.children)


def _unarmed_harm(m: Match) -> bool:
    """Whether the trigger is a word of harm and its sentence names no armed side."""
    return m.entry.event_type in HARM_TYPES and not m.armed()


def _all_non_human(tokens: list[Token], cues: Mapping[str, frozenset[str]]) -> bool:
    """Whether there are tokens and each is an animal or a computer thing (`non_human`), a
    fire (`fires`: "battled a wildfire") or a force of nature (`nature`: "hail", "a frost"; not
    a figure of speech, "a hail of bullets", "a storm of protest")."""
    return bool(tokens) and all(one_of(t, cues["non_human"]) or one_of(t, cues["fires"])
                                or one_of(t, cues["nature"]) and not prep_objects(t, ("of",)) for t in tokens)


def aims_at_words(m: Match) -> bool:
    """A word of harm or of downing whose every target is a thing of words and politics ("shot
    down the housing bill", "a fierce attack on the budget"): a figure of speech, whoever is
    named beside it (a government, an opposition). Protests against a law, a deal reached,
    are no harm: the rule is not theirs."""
    if m.entry.event_type not in HARM_TYPES and m.entry.sub_event_type != "disrupted_weapons_use":
        return False
    targets = harm_targets(m.span.root)
    return bool(targets) and all(one_of(t, m.cues["abstract"]) for t in targets)


def sport_contest(m: Match) -> bool:
    """A word of combat that sport borrows (clash, fight, battle, massacre, attack, fire) in a
    game: a score in its sentence ("hammered their rivals 6-0"), a player's role named in its
    sentence, as a side or not ("a clash with the goalkeeper", "fired a shot wide before the
    goalkeeper ..."), or an article that names players often ("killed on the
    counter-attack"); and no armed side, crowd, weapon or people harmed in its sentence: a
    match, no conflict event. Fans stabbed after a game, a player shot dead, stay events (no
    word of contest, or people and weapons named)."""
    head = m.span.root
    combat = m.entry.event_type in HARM_TYPES and {head.lower_, head.lemma_.lower()} & m.cues["contest"]
    # "his side had been destroyed": a team, not property, in an article about a game.
    ruined = m.entry.rule == "property" and m.doc_flags.get("sport") and not m.has("property")
    if not (combat or ruined):
        return False
    # A crowd named by a word no player shares: a striker or supporters of a game are players.
    crowd = m.ctx.has((m.cues["protester"] | m.cues["rioter"]) - m.cues["players"])
    if m.armed() or crowd or m.has("weapon") or m.has("people") or m.has("hurt"):
        return False  # "the father was injured in the attack": people harmed, whatever the article
    roles = m.cues["sport_roles"]
    people = roles | m.cues["players"]
    if any(_a_person(t, people) for t in harm_targets(head)):
        return False  # "two players were attacked outside the ground": someone was hurt
    # A role no other sense shares, as a side or anywhere in the sentence ("a clash with the
    # goalkeeper"; "defenders" and "opponents" also fight wars).
    return bool(m.doc_flags.get("sport")) or _has_score(m.ctx.sent, m.cues["results"]) or m.ctx.has(roles)


def _has_score(sent: Span, results: frozenset[str]) -> bool:
    """Whether the sentence gives a game's score ("beat them 6-0", "won 2-1", "6-0 on
    Sunday"): two small numbers joined by a dash that count nothing after them ("2-3 hours",
    "10-15 people" are ranges) and follow no other verb or preposition ("killed 10-12 since
    Monday", "for 2-3 hours"); `results` holds the verbs of a game's result (won, beat, ended)."""
    doc = sent.doc
    for found in _SCORE.finditer(sent.text):
        span = sent.char_span(found.start(), found.end(), alignment_mode="expand")
        if span is None:
            continue
        after = doc[span.end] if span.end < len(doc) else None
        before = doc[span.start - 1] if span.start > sent.start else None
        counted = after is not None and after.pos_ in _COUNTED_POS
        ranged = before is not None and before.pos_ in _RANGE_HEADS and before.lemma_.lower() not in results
        if not counted and not ranged:
            return True
    return False


def _a_person(tok: Token, people: frozenset[str]) -> bool:
    """Whether a target of harm is a person: a name, a pronoun, a player or fan (`people`)."""
    return tok.ent_type_ == "PERSON" or tok.pos_ == "PRON" or one_of(tok, people)


def names_a_pastime(m: Match) -> bool:
    """A word of harm as the modifier of a game, a sport or a show ("an online shooting game",
    "a shooting range", "a war film"): it names the thing, reports nothing ("a shooting
    suspect", "the bombing victims" stay: people, `pastime` holds none)."""
    head = m.span.root
    return (m.entry.event_type in HARM_TYPES and head.dep_ in ("compound", "amod")
            and head.head.i != head.i and head.head.lemma_.lower() in m.cues["pastime"])


def a_likeness(m: Match) -> bool:
    """A device word as the first part of a hyphenated word of likeness ("a missile-shaped
    nose", "a bomb-proof shelter"): what a thing looks like or withstands, no device used."""
    doc, end = m.span.doc, m.span.end
    return (end + 1 < len(doc) and doc[end].text == "-"
            and doc[end + 1].lemma_.lower() in m.cues["likeness"])


def a_spacecraft(m: Match) -> bool:
    """A rocket or a missile in a sentence about space flight ("a rocket launched from the
    peninsula, carrying two weather satellites into orbit"): a launcher, no attack."""
    return (m.entry.rule in ("missile", "air_vehicle") and m.has("space") and not m.armed()
            and not m.has("hurt"))


def _around(head: Token) -> list[Token]:
    """A trigger's words and their modifiers: itself and the word above it ("test" of "a
    missile test", the verb that fires it), their modifiers and the modifiers' own ("test" of
    "test-fired", "firework" of "a firework rocket"). Not what it is fired at ("at the army's
    test range" is a target), nor a clause above ("the army tested rifles after rebels fired
    rockets")."""
    tops = [head, head.head]
    mods = [c for t in tops for c in t.children if c.dep_ in _MODIFIER_DEPS]
    return [*tops, *mods, *(g for c in mods for g in c.children if g.dep_ in _MODIFIER_DEPS)]


def trial_or_toy(m: Match) -> bool:
    """A rocket or a missile fired in a test or for a show (`tests_and_toys` about it:
    "test-fired a ballistic missile", "a missile test", "a firework rocket"): no attack, unless
    someone is hurt in its sentence ("a test missile strayed into a village, killing two") or it
    is aimed at someone or something ("fired firework rockets at soldiers")."""
    head = m.span.root
    verb = head.head if head.dep_ in ("dobj", "nsubjpass") else head
    # Aimed anywhere below its verb ("fired firework rockets laced with nails at soldiers"; the
    # parse may hang "at soldiers" on the nails); a day is no target ("on New Year's Eve").
    aimed = any(t.dep_ == "pobj" and t.head.lower_ in _TARGET_PREPS and t.ent_type_ not in ("DATE", "TIME")
                for t in verb.subtree)
    return (m.entry.rule in ("missile", "air_vehicle") and not m.has("hurt") and not aimed
            and any(one_of(t, m.cues["tests_and_toys"]) for t in _around(head)))


def figurative_riot(m: Match) -> bool:
    """"A riot of colour": a riot word "of" things of the senses (`riot_of`); "a riot of neon
    and tweed": the word riot "of" things, none of them people who riot (`riot_people`, derived
    from the cues of people, crowds, rioters and armed sides; a name or a nationality counts
    as people: "a riot of prisoners", "a riot of Kurds" are events); or a work said to be a
    riot (`works`, `performances`: "the comedy show was a riot from start to finish"; "the
    protest was a riot" is one)."""
    head = m.span.root
    if m.entry.rule != "riot" or head.pos_ not in ("NOUN", "PROPN"):
        return False
    objects = prep_objects(head, ("of",))
    objects += [c for o in objects for c in o.conjuncts]
    if objects and all(one_of(o, m.cues["riot_of"]) for o in objects):
        return True
    if objects and head.lemma_.lower() == "riot":  # the idiom's own word ("the burning of tyres" burns)
        return not any(o.ent_type_ or o.pos_ == "PROPN" or one_of(o, m.cues["riot_people"]) for o in objects)
    if head.dep_ != "attr" or head.head.lemma_ != "be":
        return False
    subjects = [c for c in head.head.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(one_of(t, m.cues["works"]) or one_of(t, m.cues["performances"]) for t in subjects)


def verbal_clash(m: Match) -> bool:
    """A clash or a battle of words: it happens in or during a debate, a hearing or an
    interview ("leaders clashed during a bad-tempered debate"), and no armed side, crowd,
    weapon or word of hurt is named ("clashed outside a court hearing", "said in an
    interview" are no setting of the clash), or a debate turns into it."""
    if m.entry.rule != "clash" or m.armed() or m.crowd() or m.has("weapon") or m.has("hurt"):
        return False
    head = m.span.root
    talk = m.cues["talk_events"]
    if any(one_of(t, talk) for t in prep_objects(head, _SETTING_PREPS)):
        return True
    # "the debate turned into a bad-tempered clash": a talk event became the clash.
    verb = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "into" else None
    return verb is not None and any(c.dep_ == "nsubj" and one_of(c, talk) for c in verb.children)


def clash_of_dates(m: Match) -> bool:
    """A clash of dates: a clash verb whose subject, or what it clashes "with", is an occasion
    (`occasions`: "the summit clashes with a G20 meeting", "the final clashed with her exams"),
    and no armed side, crowd, weapon or word of hurt is named. "Fans clashed with police after
    the match" is a fight: the match is its time, not a side."""
    if m.entry.rule != "clash" or m.armed() or m.crowd() or m.has("weapon") or m.has("hurt"):
        return False
    head = m.span.root
    occasions = m.cues["occasions"]
    sides = [c for c in head.children if c.dep_ == "nsubj"] + prep_objects(head, ("with",))
    return any(one_of(t, occasions) for t in sides)


def medical_arrest(m: Match) -> bool:
    """An arrest or an attack of the heart, the breath or the mind ("suffered a cardiac
    arrest", "died of a heart attack", "a panic attack"): a medical emergency, nobody detained
    or attacked."""
    head = m.span.root
    if m.entry.rule not in ("arrest", "attack") or head.pos_ not in ("NOUN", "PROPN"):
        return False
    before = head.doc[head.i - 1] if head.i > 0 else head
    medical = m.cues["medical_arrest"]
    return before.lower_ in medical or any(
        c.dep_ in ("amod", "compound") and c.lower_ in medical for c in head.children)




def no_one_arrested(m: Match) -> bool:
    """An arrest verb whose every arrested (their conjuncts too) is a process, a good, property,
    an animal or a word of politics (`unarrested`, `property`, `non_human`, `abstract`; see
    `_a_thing`): "drugs that arrest the progression of the disease", "inspectors detained the
    cargo". "Police arrested three men", "the crew of the ship were detained" (the crew, not the
    ship), "arrested the owner of the car", "detained the trawler and its 20 fishermen" stay
    arrests, and so does a verb that names no arrested: a headline's "Teen arrested for threats"
    is parsed as "the patient arrested twice" (a heart that stopped) is."""
    head = m.span.root
    if m.entry.rule != "arrest" or head.pos_ != "VERB":
        return False
    held = [c for c in head.children if c.dep_ in _ARRESTED_DEPS]
    held += [c for h in held for c in h.conjuncts]  # "the trawler and its 20 fishermen"
    things = m.cues["unarrested"] | m.cues["property"] | m.cues["non_human"] | m.cues["abstract"]
    return bool(held) and all(_a_thing(c, things) for c in held)


def _a_thing(tok: Token, things: frozenset[str]) -> bool:
    """Whether an arrested is a thing of `things` and nothing more: a name is no thing, whatever
    it spells ("Jo Crow was arrested"), nor is a thing of or with others, or carrying them ("a
    network of smugglers", "a boat carrying 40 migrants"; "the progression of the disease" is
    one)."""
    if not one_of(tok, things) or tok.pos_ == "PROPN" or tok.ent_type_:
        return False
    carrying = any(c.dep_ in ("acl", "relcl") for c in tok.children)
    return not carrying and all(one_of(o, things) for o in prep_objects(tok, _HOLDING_PREPS))


def intervened(m: Match) -> bool:
    """Whether the sentence tells of an intervention (arrests, tear gas, dispersal) that it
    does not deny ("no arrests were made", "police did not intervene": none)."""
    return any(one_of(t, m.cues["intervention"]) and not denied(t.doc[t.i:t.i + 1]) for t in m.ctx.sent)


def recalls_the_late(m: Match) -> bool:
    """A killing word in a relative clause about someone called "the late" ("the late singer,
    who was stabbed in 1999"): it recalls who the dead person was, long before; the story's own
    victim is not yet "late" ("the mayor, who was shot dead on Friday" stays)."""
    head = m.span.root
    if head.dep_ != "relcl":
        return False
    person = head.head
    people = [person, person.head] if person.dep_ == "appos" else [person]
    late = m.cues["late_person"]
    if any(c.dep_ == "amod" and c.lower_ in late for p in people for c in p.children):
        return True
    j = person.i - 1  # the word before the name and its titles, however parsed ("late Beatle X")
    while j >= 0 and person.doc[j].pos_ in ("PROPN", "NOUN"):
        j -= 1
    return j >= 0 and person.doc[j].lower_ in late


def recalls_a_death(m: Match) -> bool:
    """A death noun that recalls one person's death in a story about something else ("shares
    fell after his assassination"), in an uncertain article that tells no killing: no event
    (`aspect.recalled_death`)."""
    return recalled_death(m.span.root, m.cues["recalled_nouns"], m.cues["killing_verbs"])


def habit_not_incident(m: Match) -> bool:
    """A word of violence in a clause of habit or general truth ("fans are often attacked",
    "people get shot every day"): what happens again and again is no incident."""
    return habitual(m.span.root, m.cues["habitual"])


def figurative_explosion(m: Match) -> bool:
    """An explosion word used of a surge ("an absolute explosion of crowds", "the population
    explosion", "an explosion of interest"): a degree adjective or a compound of `figurative`,
    or "of" a thing that is no weapon, device or place that burns."""
    head = m.span.root
    if m.entry.rule != "explosion" or head.pos_ not in ("NOUN", "PROPN"):
        return False
    figurative = m.cues["figurative"]
    before = head.doc[head.i - 1] if head.i > 0 else head
    if before.lower_ in figurative or any(c.dep_ in ("amod", "compound") and c.lower_ in figurative
                                          for c in head.children):
        return True
    solid = m.cues["weapon"] | m.cues["hazard"] | m.cues["property"] | m.cues["mishap"]
    objects = prep_objects(head, ("of",))
    return any(o.lower_ not in solid and o.lemma_.lower() not in solid and o.lower_ != "device" for o in objects)


def flopped(m: Match) -> bool:
    """A bomb verb with nothing bombed, in a sentence that names no armed side or aircraft:
    a flop ("the sequel bombed at the box office", "his new material bombed on opening night",
    "the app is bombing"); bombing is done to something ("jets bombed the town", "the town was
    bombed", "bombed on the rebels' positions"), and "warplanes bombed again" names its doer."""
    head = m.span.root
    if m.entry.rule != "bomb" or head.pos_ != "VERB" or m.armed() or m.has("air"):
        return False
    if any(c.dep_ in _BOMBED_DEPS for c in head.children):
        return False
    # A participle after its noun is read as bombing it ("the houses bombed in the raid"), unless
    # the noun is a work ("the sequel bombed at the box office", as the parser often reads it).
    if head.dep_ == "acl" and not one_of(head.head, m.cues["works"] | m.cues["work_parts"]):
        return False
    # "on the opening night" tells when, not what.
    return not any(t.ent_type_ not in ("DATE", "TIME") for t in prep_objects(head, _BOMBED_PREPS))


def describes_a_population(m: Match) -> bool:
    """A word of flight used of people rather than as a verb ("the displaced", "many displaced
    families"): it names who they are, no event ("fighting displaced thousands" is one)."""
    head = m.span.root
    if head.lower_ not in m.cues["population"] or head.tag_ == "VBD":
        return False  # a past tense is a verb, however parsed: "shelling displaced thousands"
    word = head.head if head.dep_ == "conj" else head  # "the missing or displaced"
    return (head.pos_ in ("ADJ", "NOUN") or word.pos_ in ("ADJ", "NOUN") or head.dep_ in ("amod", "acomp")
            or word.dep_ in ("pobj", "pcomp"))  # "lists of displaced"


def idle_devices(m: Match) -> bool:
    """Devices in the plural that nothing in the sentence uses, sets off, finds or clears and
    that harm no one: a hazard, a stock or a trade, no incident. Mines or bombs lying about
    ("the many landmines still dotted around the country"), and devices of any kind (bombs,
    missiles, rockets, shells, grenades) carried, sold, supplied or stored ("a cargo of rockets
    and rifles", "sold grenades to both gangs"): the second only with a word of stock or
    trade, so that rockets that landed or grenades tossed into a bar stay attacks whatever
    their verb. A single device ("a landmine") is left to the other rules."""
    head = m.span.root
    word = head.lower_
    if not word.endswith("s") or word.endswith("ings"):
        return False  # "bombings" are acts, not devices
    lying_about = (m.entry.event_type, m.entry.sub_event_type) == _IED and head.tag_ == "NNS"
    # A device noun by its form, not its tag: upper-case copy tags "MISSILES" as a singular
    # name, and a verb ("SHELLS", "explodes") ends in "s" too.
    traded = word[:-1] in m.cues["device_nouns"]
    if not (lying_about or traded) or m.has("use") or m.has("device_harm") or m.has("disrupt"):
        return False
    return lying_about or m.has("device_stock")


def protest_in_another_sense(head: Token, cues: Mapping[str, frozenset[str]]) -> bool:
    """A protest word that names no gathering: "demonstrate" with an object or a clause ("it
    demonstrated that ...", "demonstrated his skill": to show), "a demonstration of" something
    that is no crowd ("of strength"), a bare "in protest" or "under protest" (the reason or
    manner of another act: "resigned in protest", "paid the fine under protest"; "shopkeepers
    shut the markets for protest" is a protest) and a protest that is a document or a vote ("a
    protest note", "a protest vote")."""
    lemma = head.lemma_.lower()
    if head.pos_ == "VERB" and lemma == "demonstrate":
        return any(c.dep_ in _SHOWN_DEPS for c in head.children)
    if lemma == "demonstration":
        shown = prep_objects(head, ("of",))
        return any(not words_of([g]) & (cues["gathering"] | cues["protester"]) for g in shown)
    if lemma == "protest" and head.dep_ == "pobj" and head.head.lower_ in _MANNER_PREPS:
        return not any(c.dep_ in ("det", "poss") for c in head.children)  # "in the protest" is one
    return head.dep_ == "compound" and head.head.lemma_.lower() in cues["protest_documents"]


def made_thing(verb: Token) -> Token | None:
    """The head noun of what a verb makes or undoes: its object, its passive subject, or the
    noun it qualifies as a participle or relative clause ("a commission that was created");
    None when the parse names none."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for child in verb.children:
        if child.dep_ in _MADE_DEPS and child.pos_ in ("NOUN", "PROPN"):
            return child
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def old_ordnance(m: Match) -> bool:
    """A bomb or shell of a past war found or defused ("an unexploded bomb from the Second
    World War was defused", "a wartime shell found on a building site"), with nobody hurt and
    no armed group of today named: no event of a conflict of today. Only finds and defusings:
    "the heaviest bombing since the Second World War" is today's."""
    text = m.ctx.text
    return (m.has("disrupt") and not m.has("hurt") and not m.has("nonstate")
            and any(w in text and f"since {w}" not in text and f"since the {w}" not in text
                    for w in m.cues["old_war"]))


def voted_on(tok: Token, vote: frozenset[str]) -> bool:
    """Whether a word of voting governs the word, up to `_VOTE_STEPS` heads up ("balloted on
    strike action", "a strike ballot"), or is its compound head."""
    for _ in range(_VOTE_STEPS):
        if tok.head == tok:
            return False
        tok = tok.head
        if one_of(tok, vote):
            return True
    return False


def acts_on_a_group(head: Token) -> bool:
    """Whether what a verb acts on names an organisation or a people ("ambushed Boko Haram
    leaders"): an armed or political side, not passers-by."""
    verb = head.head if head.dep_ in ("dobj", "prt", "compound", "amod") else head
    return any(t.ent_type_ in ("ORG", "NORP") for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
               for t in c.subtree)
