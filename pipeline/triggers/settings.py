"""Words of violence told in a setting that is no violence, one named predicate per rule (each
drops the trigger in `refine.outcome_name`): a drill or an exercise ("air defence training with
helicopters"), a contest fought in a court, a market or a parliament ("a legal battle with her
neighbours"), soldiers on parade ("troops marched past in review"), a handover of what is no
place ("handing over command"), a protest lodged by a government ("the ministry summoned the
ambassador to protest").

Each rule reads the parse around the trigger, never the sentence's words alone: a missile that
struck "a base where troops were training", a clan battle "over grazing land", soldiers who
"marched into the town" stay what they were."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from pipeline.triggers.context import one_of, prep_objects
from pipeline.triggers.participants import doers
from pipeline.triggers.sense import harm_targets

if TYPE_CHECKING:
    from pipeline.triggers.refine import Match

# The event types of weapons used, fought with or held (a drill uses them all).
_ARMED_TYPES = frozenset({"battles", "explosions_remote_violence", "violence_against_civilians",
                          "strategic_developments"})
# Prepositions that set a clause in a drill ("fired during a joint exercise", "in training").
_SETTING_PREPS = ("during", "in", "at", "for", "as")
# How far up the parse a drill word is looked for above the trigger ("helicopters" -> "with"
# -> "training"; "jets" -> "and" -> "helicopters" -> "with" -> "training").
_DRILL_STEPS = 5
# How many "of"s lead from a setting to its drill ("as part of a week of training").
_OF_STEPS = 2
# Dependents that say what kind of contest a battle or a war is ("a legal battle", "a
# ratings war", "the custody fight").
_KIND_DEPS = frozenset({"amod", "compound", "nmod"})
# The contests an arena's name makes figurative (no "war" is a trigger): clashes stay
# ("election clashes", "political clashes" are often fought with stones and guns).
_CONTESTS = frozenset({"battle", "battles", "fight", "fights"})
# Objects by which one barricades oneself in ("barricaded himself in his home").
_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself"})
# Who marches on parade besides troops (`military_recipients`).
_PARADERS = frozenset({"cadet", "cadets", "veteran", "veterans", "sailor", "sailors", "guard", "guards",
                       "soldier", "troop", "marine", "regiment", "battalion", "unit", "units"})
# Nouns that count people hurt ("causing dozens of casualties"), besides the words of `hurt`.
_HARM_NOUNS = frozenset({"casualties", "casualty", "injuries", "injury", "fatalities", "fatality"})
# How a protest noun hangs on the verb that lodges it ("lodged a protest", "a protest was lodged").
_LODGED_DEPS = frozenset({"dobj", "nsubjpass"})
# Prepositions that relate a trigger in time to the drill, not in it ("a week after a rocket attack").
_TIME_PREPS = frozenset({"after", "before", "since", "following", "until", "despite"})


def _clause_of(tok: Token) -> Token:
    """The verb (or the root) whose clause holds a token, however far up the parse
    (`aspect.clause_verb` climbs two steps only: "helicopters" -> "with" -> "targets" ->
    "against" -> "gunnery" -> "include")."""
    node = tok
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:  # the root heads itself
        node = node.head
    return node


def _set_in_a_drill(head: Token, drills: frozenset[str]) -> bool:
    """Whether a drill word governs the trigger, is the subject or the setting of its clause
    ("the drills include ... helicopters", "fired artillery during a joint exercise")."""
    node = head
    for _ in range(_DRILL_STEPS):
        if node.head.i == node.i:
            break
        node = node.head
        if one_of(node, drills):
            return True
    clause = _clause_of(head)
    if _reached_through(head, clause, _TIME_PREPS):
        return False  # "the drills come a week after a rocket attack on the base"
    settings = prep_objects(clause, _SETTING_PREPS) + prep_objects(head, _SETTING_PREPS)
    for _ in range(_OF_STEPS):  # "as part of a week of training"
        settings += [o for t in settings for o in prep_objects(t, ("of",)) if o not in settings]
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(one_of(t, drills) for t in settings + subjects)


def _reached_through(tok: Token, top: Token, preps: frozenset[str]) -> bool:
    """Whether the path from a token up to `top` passes one of the prepositions `preps`."""
    node = tok
    while node.i != top.i and node.head.i != node.i:
        node = node.head
        if node.dep_ == "prep" and node.lower_ in preps:
            return True
    return False


def in_a_drill(m: Match) -> bool:
    """A weapon, an attack or a strike told of a drill, an exercise or training (cues `drills`),
    with no one hurt and no armed group or crowd in its sentence: practice, no event. A
    military exercise as such is a change of group activity (its own trigger row)."""
    # A drill word in the sentence first: the test of nearly every match, and the cheapest.
    if not m.has("drills") or m.entry.event_type not in _ARMED_TYPES or m.entry.rule == "-":
        return False
    if _harmed(m) or m.crowd() or _an_armed_group(m):
        return False
    head = m.span.root
    clause = _clause_of(head)
    # Weapons fired at soldiers or people, or by attackers, are an attack, whatever training
    # they were at ("a missile hit soldiers during a training exercise", "attackers threw a
    # grenade at soldiers during training").
    people = m.cues["kill_victims"] | m.cues["state"] | m.cues["military_recipients"]
    if any(one_of(t, people) for t in harm_targets(head) + harm_targets(clause)):
        return False
    if any(one_of(t, m.cues["assailants"]) for t in doers(clause, m.cues["groups"])):
        return False
    return _set_in_a_drill(head, m.cues["drills"])


def _harmed(m: Match) -> bool:
    """Whether the sentence tells of people hurt (cues `hurt`, or casualties counted)."""
    return m.has("hurt") or bool(m.ctx.words & _HARM_NOUNS)


def _an_armed_group(m: Match) -> bool:
    """Whether the sentence names an armed group (cues `nonstate`), also as a modifier ("rebel
    mortar fire"), but for a warplane's name ("fighter jets" are aircraft)."""
    nonstate, air = m.cues["nonstate"], m.cues["air"]
    return any(one_of(t, nonstate) and not (t.dep_ in _KIND_DEPS and one_of(t.head, air))
               for t in m.ctx.sent)


def arena_contest(m: Match) -> bool:
    """A battle, fight or war whose own modifier names a contest of courts, markets, ballots or
    ratings (cues `arenas`: "a legal battle", "the custody fight", "a patent war"): whoever its
    sides are, no one fights with arms. A gun battle, a pitched battle, a clan battle stay."""
    head = m.span.root
    if not one_of(head, _CONTESTS) or _harmed(m) or _an_armed_group(m):
        return False  # "fighters were killed in a political battle between rival militias"
    return any(c.dep_ in _KIND_DEPS and one_of(c, m.cues["arenas"]) for c in head.children)


def military_parade(m: Match) -> bool:
    """A march by troops, no protest: on parade ("troops marched past in review", cadets or
    veterans at a ceremony: cues `parade`) or on the move ("soldiers marched into the town"),
    unless a protest's purpose is told ("soldiers marched past the palace demanding their
    unpaid bonuses"). Police, and veterans away from a parade, march to protest too."""
    head = m.span.root
    if m.entry.rule != "protest" or head.pos_ != "VERB" or m.has("protest_purpose"):
        return False
    marchers = doers(head, m.cues["groups"])
    if not marchers:
        return False
    if all(one_of(t, m.cues["military_recipients"]) for t in marchers):
        return True
    return m.has("parade") and all(one_of(t, m.cues["military_recipients"] | _PARADERS) for t in marchers)


def handed_no_place(m: Match) -> bool:
    """A handover whose every object is surely no place: people, weapons, goods or an office
    (cues `handed_things`: "handing over command", "handed over the hostages", "handed over
    food"; not "handed over the base", "the dam", "control of the town", "them")."""
    head = m.span.root
    if head.lemma_ != "hand":
        return False
    # The object, or the particle's ("handing over command" parses "command" under "over").
    handed = [t for t in head.children if t.dep_ == "dobj"] + [
        g for c in head.children if c.lower_ == "over" for g in c.children if g.dep_ == "pobj"]
    # Only what is surely no place: people, weapons, goods and offices; anything else (a dam,
    # "the eastern half of the island", "them") may be territory.
    things = m.cues["handed_things"] | m.cues["kill_victims"] | m.cues["weapon"] | m.cues["nonstate"]
    return bool(handed) and all(one_of(t, things) for t in handed)


def diplomatic_protest(m: Match) -> bool:
    """A protest that is a complaint or a note, no gathering: one lodged (cues `lodging`:
    "lodged a formal protest with the embassy", "a protest was filed"), or one whose every
    protester is a government, a ministry, an embassy, a minister or a diplomat (cues
    `officialdom`), as the subject of "protest" or of the verb "to protest" completes ("the
    ministry summoned the ambassador to protest"), or a place standing for its government (a
    name, cues `polities`) that protests something in words of diplomacy (cues `diplomacy`:
    "Beijing protested the sale in a statement"). Not where the protest stands outside a
    building ("protested outside the ministry"), nor a place's people ("Paris protested against
    the reform", "Minneapolis protested the verdict for a third night"), nor public servants
    ("ministry workers", "election officials" protesting over pay)."""
    head = m.span.root
    if m.entry.rule != "protest" or head.lemma_.lower() != "protest" or m.has("crowd") or _outside(head):
        return False
    if head.pos_ != "VERB" and head.dep_ in _LODGED_DEPS and head.head.lemma_.lower() in m.cues["lodging"]:
        return True  # "lodged a formal protest", "a protest was lodged by the government"
    protesters = [t for t in doers(head, m.cues["groups"]) if not _dateline_place(t)]
    if not protesters:
        return False
    # A place's people protest against something; its government protests it in words of
    # diplomacy.
    of_state = head.pos_ == "VERB" and any(c.dep_ == "dobj" for c in head.children) and m.has("diplomacy")
    places = m.cues["polities"]
    return all(one_of(t, m.cues["officialdom"]) or of_state and (t.ent_type_ == "GPE" or one_of(t, places))
               for t in protesters)


def _outside(head: Token) -> bool:
    """Whether a protest, or the verb it completes, stands "outside" somewhere: a gathering."""
    return any(c.dep_ == "prep" and c.lower_ == "outside" for t in (head, head.head) for c in t.children)


def _dateline_place(tok: Token) -> bool:
    """Whether a token is the place of the article's dateline ("OSLO — Norway's foreign ministry
    summoned ..."), which the parser may take for a subject of the lead's verb."""
    line = (tok.doc._.anatomy or {}).get("dateline") if tok.doc.has_extension("anatomy") else None
    return bool(line) and line["start"] <= tok.idx < line["end"]


def barricaded_in(m: Match) -> bool:
    """A barricade verb of one who shuts a place or themselves in, with no protesters or rioters
    in its sentence: "a man barricaded himself in his home" (a standoff with police), "the
    teacher barricaded the classroom door" (shelter). A road, a street or a town barricaded is
    a protest's blockade ("villagers barricaded the road to the quarry")."""
    head = m.span.root
    if head.lemma_.lower() != "barricade" or head.pos_ != "VERB" or m.crowd():
        return False
    shut = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(c.lower_ in _REFLEXIVES or one_of(c, m.cues["shelters"]) for c in shut)


def an_address_block(m: Match) -> bool:
    """A block of a street as an address ("in the 4500 block of Maple Avenue", the way police
    news places an incident): no road blocked."""
    first = m.span[0]
    return first.lemma_.lower() == "block" and first.i + 1 < len(first.doc) and first.doc[first.i + 1].lower_ == "of"


def flight_of_a_few(m: Match) -> bool:
    """Flight is a displacement of a population ("thousands of villagers fled the fighting",
    "families fled their homes", "two men fled their village"); a suspect, a gunman, a driver or
    a car that fled ("the two robbers fled across a car park", "a stolen van fled toward the highway") is one
    leaving a scene (cues `lone_doers` and `assailants` but the `people`, and `getaway`: cars and
    their drivers)."""
    head = m.span.root
    if head.lemma_.lower() != "flee":
        return False
    # (not a man or two women: people of any kind may flee their village)
    few = (m.cues["lone_doers"] | m.cues["assailants"]) - m.cues["people"] | m.cues["getaway"]
    return any(one_of(t, few) for t in doers(head, m.cues["groups"]))
