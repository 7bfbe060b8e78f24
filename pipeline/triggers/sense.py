"""Word sense of triggers on ordinary news, one named predicate per rule (each drops the
trigger in `refine.outcome_name`): habits, surges called explosions, devices nobody uses, the
displaced as people, the late recalled, and deaths recalled by their noun alone; and two
readings of the parse the rules share: a protest word in another sense, what a verb makes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from spacy.tokens import Token

from pipeline.aspect import habitual, recalled_death
from pipeline.triggers.context import words_of

if TYPE_CHECKING:
    from pipeline.triggers.refine import Match

_IED = ("explosions_remote_violence", "remote_explosive_landmine_ied")
# How "demonstrate" takes what it shows ("demonstrated his skill", "demonstrates that ...").
_SHOWN_DEPS = frozenset({"dobj", "ccomp"})
# Dependents of a verb of making that name what is made ("formed a militia", "a unit was created").
_MADE_DEPS = ("dobj", "nsubjpass")


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
    objects = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]
    return any(o.lower_ not in solid and o.lemma_.lower() not in solid and o.lower_ != "device" for o in objects)


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
    that is no crowd ("of strength"), "in protest" (the reason of another act: "resigned in
    protest") and a protest that is a document or a vote ("a protest note", "a protest vote")."""
    lemma = head.lemma_.lower()
    if head.pos_ == "VERB" and lemma == "demonstrate":
        return any(c.dep_ in _SHOWN_DEPS for c in head.children)
    if lemma == "demonstration":
        shown = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj"]
        return any(not words_of([g]) & (cues["gathering"] | cues["protester"]) for g in shown)
    if lemma == "protest" and head.dep_ == "pobj" and head.head.lower_ == "in":
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
