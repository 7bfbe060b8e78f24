"""Refinement rules: the context of a trigger's sentence may retype it, change its priority or
drop it. Who acts (state forces, armed groups, protesters, a mob), against what (a town,
weapons), with which means (tear gas, live fire, stones).

Each rule of triggers.tsv (its `rule` column) is a predicate below that reads the sentence and
names an outcome, a row of `models/triggers/refinements.tsv` (KEEP: the lexicon's own type),
or returns None to drop the trigger. The types, sub-types and priorities live in that file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from spacy.tokens import Span, Token

from pipeline.aspect import attributive_participle
from pipeline.triggers.agreements import (agreement_made, deal_between_sides, deal_of_business_or_court,
                                          surrender_of_fighters, talk_of_an_agreement)
from pipeline.triggers.context import (SentenceContext, agent_patient, object_words, one_of,
                                       protesters_act, words_of)
from pipeline.triggers.lexicon import Outcome, TriggerEntry
from pipeline.triggers.participants import a_person_among, doers, found_a_person, harms_people, sides_opposed
from pipeline.triggers.sense import (HARM_TYPES, a_likeness, a_spacecraft, acts_on_a_group, aims_at_no_one,
                                     aims_at_words, clash_of_dates, describes_a_population, figurative_explosion,
                                     figurative_riot, flopped, habit_not_incident, harm_targets, idle_devices,
                                     intervened, made_thing, medical_arrest, names_a_pastime, no_one_arrested,
                                     old_ordnance, protest_in_another_sense, recalls_a_death, recalls_the_late,
                                     sport_contest, trial_or_toy, verbal_clash, voted_on)
from pipeline.triggers.settings import (an_address_block, arena_contest, barricaded_in, diplomatic_protest,
                                        flight_of_a_few, handed_no_place, in_a_drill, military_parade)
from pipeline.triggers.works import told_not_done

# Prepositions that give the reason of an arrest ("arrested for fraud", "on suspicion of theft").
_REASON_PREPS = frozenset({"for", "on", "over"})
# The outcome that keeps the lexicon's type, sub-type and priority.
KEEP = "keep"
# Words of the crowd that may turn a protest into a riot.
_RIOT_ACTORS = frozenset({"protester", "protestor", "demonstrator", "crowd", "rioter", "mob"})
# Words of an assault on a building or a seizure of it.
_ASSAULT_WORDS = frozenset({"attack", "attacks", "storm", "seizure", "seize"})
# "riot police" and "riot gear" are the police, not a riot.
_RIOT_GEAR = frozenset({"police", "policeman", "policemen", "officer", "officers", "gear", "squad",
                        "shield", "shields", "unit", "units", "control", "act", "cop", "cops",
                        "troops", "force", "forces"})
# Protest cue words that name the event, not the people who may be arrested.
_PROTEST_EVENT_WORDS = frozenset({"rally", "protest", "demonstration"})
# Below this priority a clash word without armed actors is talk ("battle for votes").
_CLASH_KEPT = 6
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_TRANSFER_PLACE_LABELS = frozenset({"GPE", "LOC"})
_IED = ("explosions_remote_violence", "remote_explosive_landmine_ied")
# Protest words that also mean something else: "an oil rally" (prices), "rallied to win" (sport).
AMBIGUOUS_PROTEST = frozenset({"rally"})
# The verb of artillery fire (other missile words as verbs are prices: "rocketed").
_SHELL = "shell"

# The highest priority of a word of harm that an article about computer crime may hold in
# another sense ("attack", "hit"): named weapons and bombings keep their own.
_CYBER_WEAK = 4


@dataclass(frozen=True)
class Match:
    """One lexicon match in its sentence, as the rules read it."""

    entry: TriggerEntry
    span: Span
    ctx: SentenceContext
    doc_flags: Mapping[str, bool]
    cues: Mapping[str, frozenset[str]]

    def has(self, cue: str) -> bool:
        """Whether a word of cue set `cue` occurs in the sentence."""
        return self.ctx.has(self.cues[cue])

    def armed(self) -> bool:
        """Whether state forces or an armed group are named in the sentence."""
        return self.has("state") or self.has("nonstate")

    def crowd(self) -> bool:
        """Whether protesters or rioters are named in the sentence."""
        return self.has("protester") or self.has("rioter")


Rule = Callable[[Match], "str | None"]


def _disrupted(m: Match) -> str:
    """A weapon found, seized or defused rather than used is a disrupted weapons use: in a
    sentence of disruption and no use, or by the very word that governs the weapon ("police
    seized the grenades after the attack", "displayed the captured rifles and grenades";
    `held` words, "smuggling rockets", "stored bombs", only where no use is told: "gunmen
    carrying grenades attacked the post" used them)."""
    if m.has("disrupt") and not m.has("use"):
        return "weapon_disrupted"
    words = _weapon_governors(m.span.root) if m.span.root.lemma_.lower() in m.cues["weapon"] else []
    held = m.cues["disrupt"] if m.has("use") else m.cues["disrupt"] | m.cues["held"]
    return "weapon_disrupted" if any(one_of(w, held) for w in words) else KEEP


def _weapon_governors(weapon: Token) -> list[Token]:
    """The words that say what was done with a weapon noun: its participles ("the captured
    rifles", "grenades seized in the raid") and the verb it is the object of, through a list
    ("seized rifles, grenades and bombs") and a preposition ("a shipment of rockets" is the
    object's own noun: its verb)."""
    first = weapon
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    found = [c for c in (*weapon.children, *first.children) if c.dep_ in ("amod", "acl")]
    gov = first.head
    if first.dep_ == "pobj" and gov.dep_ == "prep":
        gov = gov.head  # "a cache of grenades", "a shipment of rockets"
        if gov.dep_ in ("dobj", "nsubjpass"):
            found.append(gov.head)
    if first.dep_ in ("dobj", "nsubjpass"):
        found.append(gov)
    return found


def _protest_turns_riot(m: Match) -> bool:
    """Whether the protest of the sentence is violent: rioters, an assault on property, a
    violent adjective, a blockade, or protesters doing a violent act."""
    words = m.ctx.words
    attacks_property = bool(words & _ASSAULT_WORDS) and m.has("property")
    violent_adj = any(c.dep_ == "amod" and c.lower_ in m.cues["violent_adj"] for c in m.span.root.children)
    blockade = "barricade" in words or "blockade" in words or ("block" in words and m.has("road"))
    return m.has("rioter") or attacks_property or violent_adj or blockade or bool(
        words & _RIOT_ACTORS and m.has("riot_act") and protesters_act(m.ctx, m.cues))


def _a_gathering(m: Match) -> bool:
    """Whether a protest word names people gathering: the plain words (protest, demonstration)
    unless used in another sense (`sense.protest_in_another_sense`); an ambiguous one ("rally")
    only when its sentence names the people or the cause (supporters, thousands, marchers,
    against ...): prices and players rally too; a sign of protest (banner, slogan) only beside
    protesters: parties and adverts have banners too."""
    head = m.span.root
    lemmas = {head.lemma_.lower(), head.lower_}
    if lemmas & m.cues["protest_signs"]:
        return m.has("protester")
    if lemmas & AMBIGUOUS_PROTEST:
        return m.has("gathering")
    # A crowd in the sentence makes any protest word a gathering ("hundreds gathered in protest",
    # "students demonstrated their anger"): the other senses are read only without one.
    return m.has("crowd") or not protest_in_another_sense(head, m.cues)


def describes_a_person(m: Match) -> bool:
    """A killing word used as an adjective of a person ("the murdered fashion designer",
    "the assassinated former premier"): it tells who the person is by a past event and
    reports no event of its own (the story's own report has a verb: "was shot dead")."""
    head = m.span.root
    lemmas = m.cues["attributive_past"]
    return (head.dep_ == "amod" and head.tag_ == "VBN" and head.head.pos_ in ("NOUN", "PROPN")
            and head.lemma_.lower() in lemmas) or attributive_participle(head, lemmas)


def cyber_sense(m: Match) -> bool:
    """In an article about hackers or denial-of-service (cues `cyber`), a weak word of harm or
    an arrest without an armed group or protesters in its sentence is computer crime and its
    policing ("these attacks", "led to some arrests"), no conflict event."""
    if not m.doc_flags.get("cyber") or m.has("nonstate") or m.crowd():
        return False
    weak_harm = m.entry.event_type in HARM_TYPES and m.entry.priority <= _CYBER_WEAK
    return weak_harm or m.entry.rule == "arrest"


def _for_ordinary_crime(m: Match) -> bool:
    """Whether an arrest is said to be for an ordinary crime ("arrested for fraud", "detained
    on suspicion of theft"): police work, not a political arrest."""
    verb = m.span.root
    reasons = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _REASON_PREPS]
    return any(words_of(c.subtree) & m.cues["ordinary_crime"] for c in reasons)


def _protest(m: Match) -> str | None:
    """A protest word: not one at all (a market's rally), violent (riot), met with lethal or
    excessive force, with an intervention, or peaceful."""
    if not _a_gathering(m):
        return None
    if _protest_turns_riot(m):
        return "protest_riot"
    if m.has("lethal") or m.has("excessive") and m.has("state"):
        return "protest_excessive_force"
    with_intervention = m.entry.sub_event_type == "protest_with_intervention"
    if (m.has("state") or with_intervention) and intervened(m):
        return "protest_intervention"
    return KEEP if with_intervention else "protest_peaceful"


def _labour(m: Match) -> str | None:
    """A strike word is a protest only as a labour strike, and only one that is held: a
    strike voted on ("balloted on strike action", "voted to strike", "a strike ballot") is a
    decision, not yet a strike."""
    text = m.ctx.text
    if voted_on(m.span.root, m.cues["vote"]) and not m.has("walkout"):
        return None  # "voted to strike" (but "voted to strike and walked out" struck)
    if "on strike" in text or "general strike" in text or m.ctx.has(m.cues["labour"] - {"strike"}):
        return "labour_strike"
    return None


def _riot(m: Match) -> str | None:
    """A riot word: mob violence in a communal quarrel, else a violent demonstration."""
    doc = m.span.doc
    nxt = doc[m.span.end] if m.span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in _RIOT_GEAR:
        return None
    if m.entry.sub_event_type == "mob_violence" or (m.has("communal") and not m.has("protester")):
        return "riot_mob"
    return "riot_demonstration"


# Particles that make "storm" a leaving, not an assault ("stormed out", "stormed off").
_LEAVING = frozenset({"out", "off"})


def _storm(m: Match) -> str | None:
    """"stormed": a riot by a crowd, an attack by armed men, else nothing ("a storm"), nor
    when it is a leaving ("stormed out of the talks", "stormed off the stage": its particle)."""
    head = m.span.root
    if head.pos_ != "VERB" or any(c.dep_ in ("prt", "prep") and c.lower_ in _LEAVING for c in head.children):
        return None
    if m.crowd():
        return "storm_riot"
    return "storm_attack" if m.armed() else None


def _clash(m: Match) -> str | None:
    """A clash of protesters or rioters is a riot, of villagers mob violence."""
    if m.crowd():
        return "clash_riot"
    if m.has("communal") and not m.armed():
        return "clash_mob"
    if not m.armed() and m.entry.priority < _CLASH_KEPT:
        return None  # "fighting corruption", "battle for votes"
    return KEEP


def _attack(m: Match) -> str | None:
    """An attack on protesters, on the forces of the other side, or on property (that hurts no one)."""
    if m.has("protester") and m.has("state"):
        return "attack_on_protesters"
    target = object_words(m.span.root)
    if target & m.cues["state_target"] and m.armed():
        return "attack_clash"
    if (target and target & m.cues["property"] and not target & m.cues["people"]
            and not a_person_among(harm_targets(m.span.root)) and not harms_people(m.ctx.sent, m.cues["harm_outcomes"])):
        return "attack_on_property"
    sides = m.ctx.side_words(m.cues["speech"])  # "police said a gunman ...": the police tell it
    if not target and not sides.isdisjoint(m.cues["nonstate"]) and not sides.isdisjoint(m.cues["state"]):
        return "attack_clash"
    if (m.entry.event_type == "battles" and target & m.cues["people"] and not m.has("state")
            and not target & (m.cues["nonstate"] | m.cues["irregulars"]) and not acts_on_a_group(m.span.root)):
        return "ambush_on_civilians"  # "gunmen ambushed a family on the road": no clash
    return KEEP


def _kill(m: Match) -> str | None:
    """A weak killing word counts only between armed sides (its own doers and victims, where they
    tell: `sides_opposed`), done by an armed group, by state forces to people ("troops killed
    five villagers"), or by an assailant to people ("a suspect killed four people"); a man or a
    driver "kills" by accident."""
    head, cues, doer_heads = m.span.root, m.cues, doers(m.span.root, m.cues["groups"])
    targets = harm_targets(head)
    victims = [t for t in targets if t.dep_ in ("dobj", "nsubjpass")]  # not "at a checkpoint"
    sides = m.ctx.side_words(cues["speech"])
    if not sides.isdisjoint(cues["nonstate"]) and not sides.isdisjoint(cues["state"]) and sides_opposed(
            doer_heads, victims, cues["state"], cues["nonstate"]) is not False:
        return "kill_clash"
    if agent_patient(head)[0] & cues["nonstate"]:  # its subject
        return "kill_by_nonstate"
    # "a suspect who killed two women": the relative pronoun stands for the suspect (`doers`).
    by = {w for t in doer_heads for w in (t.lower_, t.lemma_.lower())}
    # Victims by their head nouns (`kill_victims`): not "the family's dog", not "himself".
    people = any(one_of(t, cues["kill_victims"]) for h in targets for t in (h, *h.conjuncts))
    if m.has("driving"):
        return None  # a car driven
    if by & cues["state"] and people:
        return "kill_by_state"  # "troops killed 20 villagers": no armed side against them
    if not by & cues["assailants"]:
        return None  # no assailant
    return "kill_by_person" if people else None


def _confront(m: Match) -> str | None:
    """A confrontation counts only with protesters or rioters."""
    return KEEP if m.crowd() else None


def _explosion(m: Match) -> str | None:
    """An explosion with no attacker, bomb or target in the article is an accident."""
    return KEEP if m.doc_flags["conflict"] else None


def _weapon_found(m: Match) -> str | None:
    """Weapons found, and not used; not a person found ("a woman was found dead with gunshot
    wounds", "found him shot"), nor what one finds out ("ring the hotline to find out about gun locks")."""
    if found_a_person(m.span.root, m.cues):
        return None
    return KEEP if m.has("weapon") and not m.has("use") else None  # the sentence's words hold its objects


def _weapon_seized(m: Match) -> str | None:
    """Weapons named as what is seized or found, unless a person is what is found ("was found
    dead with gunshot wounds", "officers found the man in a hallway with a pistol beside him"),
    or one finds out about them."""
    return None if found_a_person(m.span.root, m.cues) else KEEP


def _tried_or_state(m: Match) -> bool:
    """Whether a capture word only describes ("the occupied West Bank") or was tried ("an
    attack to capture the base"), not done."""
    head = m.span.root
    return head.dep_ == "amod" or any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)


def _territory(m: Match) -> str | None:
    """A capture of weapons, a handover, or a place taken by the state or by an armed group."""
    if _tried_or_state(m):
        return None
    objects = object_words(m.span.root) | words_of(m.span)
    if objects & m.cues["weapon"] and not objects & m.cues["place"]:
        # Weapons taken by someone who is no armed side ("users take control of a rifle").
        return "territory_weapons" if m.armed() else None
    if not (objects & m.cues["place"] or m.ctx.ent_labels & _PLACE_LABELS):
        return None
    if not m.armed() and "control" not in m.ctx.words:
        return None
    text = m.ctx.text
    if m.has("transfer") or "without a fight" in text or "without resistance" in text:
        return "territory_transfer"
    agent, patient = agent_patient(m.span.root)
    state, nonstate = m.cues["state"], m.cues["nonstate"]
    state_agent = bool(agent & state) or bool(patient & nonstate and not agent)
    nonstate_agent = bool(agent & nonstate) or bool(patient & state and not agent)
    if state_agent and not nonstate_agent:
        return "territory_retaken"
    if nonstate_agent and not state_agent:
        return "territory_overtaken"
    return KEEP


def _missile(m: Match) -> str | None:
    """A missile or rocket: intercepted, fired from the air, found, or launched."""
    if m.span.root.pos_ not in ("NOUN", "PROPN") and not _shelled_by_armed(m):
        return None  # "prices rocketed", "shelled out", "the batters shelled the pitcher"
    if m.has("intercept"):
        return "missile_intercepted"
    if m.has("air"):
        return "missile_air_strike"
    return _disrupted(m)


def _shelled_by_armed(m: Match) -> bool:
    """The verb "shell" where state forces or an armed group are named: "the army shelled the
    town"; not "shelled out a fortune" (its particle) nor a sport's "shelled the pitcher"."""
    root = m.span.root
    return (root.lemma_.lower() == _SHELL and not any(c.dep_ == "prt" for c in root.children)
            and m.armed())


def _bomb(m: Match) -> str | None:
    """A bomb: a suicide bombing, an air strike, talk ("bomb threat"), found, or exploded."""
    if "suicide" in m.ctx.words:
        return "bomb_suicide"
    if m.has("air"):
        return "bomb_air_strike"
    if m.has("negative_context"):
        return None
    return _disrupted(m)


def _air_vehicle(m: Match) -> str | None:
    """A drone or a warplane: intercepted, or attacking."""
    if m.has("intercept"):
        return "air_vehicle_intercepted"
    return KEEP if m.has("attack_verb") else None


def _grenade(m: Match) -> str | None:
    """Stun grenades at a protest are an intervention; other grenades are found or thrown."""
    if "stun" in m.ctx.words and m.has("protester"):
        return "grenade_stun"
    return _disrupted(m)


def _chemical(m: Match) -> str | None:
    """A chemical counts only as a weapon or in an attack."""
    return KEEP if m.has("attack_verb") or "weapon" in m.ctx.words else None


def _property(m: Match) -> str | None:
    """Property destroyed by a mob, or in an article about protests, is a riot."""
    if m.has("rioter") and "mob" in m.ctx.words:
        return "property_mob"
    if m.has("protester") or m.doc_flags["protest"]:
        return "property_riot"
    return KEEP


def _arrest(m: Match) -> str | None:
    """Protesters arrested: a protest with intervention; an arrest for an ordinary crime (fraud,
    theft), or of no person (`sense.no_one_arrested`), is no event."""
    if no_one_arrested(m):
        return None  # "drugs that arrest the progression", "inspectors detained the cargo"
    _, patient = agent_patient(m.span.root)
    if patient & (m.cues["protester"] - _PROTEST_EVENT_WORDS):
        return "arrest_of_protesters"
    if _for_ordinary_crime(m) and not m.has("nonstate"):
        return None
    return KEEP


def _transfer(m: Match) -> str | None:
    """A handover of a place between armed sides (not of command: `settings.handed_no_place`)."""
    if not (m.has("place") or m.ctx.ent_labels & _TRANSFER_PLACE_LABELS) or handed_no_place(m):
        return None
    return KEEP if m.armed() else None


def _agreement(m: Match) -> str | None:
    """An agreement made keeps its type (`agreements.agreement_made`); talk of one is dropped."""
    return KEEP if agreement_made(m) else None


def _deal(m: Match) -> str | None:
    """A deal signed or reached keeps its type between conflict or political sides."""
    return KEEP if deal_between_sides(m) else None


def _surrender(m: Match) -> str | None:
    """A surrender keeps its type when fighters, a group or a force surrender."""
    return KEEP if surrender_of_fighters(m) else None


def _group(m: Match) -> str | None:
    """A word that counts only where state forces or an armed group are named, and, when the
    parse says what is formed, created or disbanded, only when that is a group or a unit ("the
    rebels formed a new front"; not "the war has created a cycle of violence", "the problem
    created by traffickers")."""
    # Recruits are people of any kind ("recruited teenagers"): only what is formed must be a unit.
    made = None if m.span.root.lemma_.lower() == "recruit" else made_thing(m.span.root)
    if made is not None and not {made.lemma_.lower(), made.lower_, made.lower_.removesuffix("s")} & m.cues["units"]:
        return None
    return KEEP if m.armed() else None


# Rules tried before the lexicon's IED rows, which are found or exploded whatever their rule.
_BEFORE_IED: dict[str, Rule] = {
    "protest": _protest, "labour": _labour, "riot": _riot, "storm": _storm, "clash": _clash,
    "attack": _attack, "kill": _kill, "confront": _confront, "explosion": _explosion,
    "weapon_found": _weapon_found, "weapon_seized": _weapon_seized, "territory_take": _territory,
    "territory_retake": _territory, "missile": _missile, "bomb": _bomb, "air_vehicle": _air_vehicle, "grenade": _grenade,
}
_AFTER_IED: dict[str, Rule] = {
    "chemical": _chemical, "property": _property, "arrest": _arrest, "transfer": _transfer,
    "group": _group, "agreement": _agreement, "deal": _deal, "surrender": _surrender,
}


def outcome_name(m: Match) -> str | None:
    """The name of the outcome (a row of refinements.tsv) of a match, or None to drop it."""
    if (describes_a_person(m) or recalls_the_late(m) or aims_at_no_one(m) or told_not_done(m) or deal_of_business_or_court(m)
            or cyber_sense(m) or habit_not_incident(m) or figurative_explosion(m) or idle_devices(m)
            or describes_a_population(m) or recalls_a_death(m) or talk_of_an_agreement(m) or medical_arrest(m)
            or sport_contest(m) or names_a_pastime(m) or a_spacecraft(m) or figurative_riot(m) or verbal_clash(m)
            or clash_of_dates(m)
            or a_likeness(m) or old_ordnance(m) or aims_at_words(m) or flopped(m) or trial_or_toy(m)
            or in_a_drill(m) or arena_contest(m) or military_parade(m) or diplomatic_protest(m) or barricaded_in(m)
            or an_address_block(m) or flight_of_a_few(m)):
        return None
    rule = m.entry.rule
    if rule in _BEFORE_IED:
        return _BEFORE_IED[rule](m)
    if (m.entry.event_type, m.entry.sub_event_type) == _IED:
        return _disrupted(m)
    if rule in _AFTER_IED:
        return _AFTER_IED[rule](m)
    return KEEP


def refine(entry: TriggerEntry, span: Span, ctx: SentenceContext, doc_flags: Mapping[str, bool],
           cues: Mapping[str, frozenset[str]], outcomes: Mapping[str, Outcome]) -> tuple[str, str, int] | None:
    """The (event_type, sub_event_type, priority) of one match in its sentence, or None to drop."""
    name = outcome_name(Match(entry, span, ctx, doc_flags, cues))
    return None if name is None else outcomes[name].apply(entry)
