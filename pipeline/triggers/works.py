"""Word sense of triggers told in a work, not done: a story a film, novel or play tells (set in
it, told by it, or its character's), and a fiction named as such. Each predicate drops the
trigger in `told_not_done` (with talk about a topic); `set_in_a_story` and `story_told` also make the vetoes by
which a story's victims join no event (`matching._harmless`, `matching._casualties_by_no_one`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from spacy.tokens import Token

from pipeline.triggers.context import one_of, prep_objects
from pipeline.triggers.participants import doers
from pipeline.triggers.sense import HARM_TYPES, harm_targets

if TYPE_CHECKING:
    from pipeline.triggers.refine import Match

# The prepositions of a place or thing a word of harm happens in or on ("across a fictional
# island"): a fiction there is the trigger's setting.
_SETTING_PREPS_FICTION = ("across", "in", "on", "at", "inside")
# How far up the parse a work's telling is looked for above a trigger ("kidnapped" -> "diplomat"
# -> "of" -> "story" -> "tells", whose subject is "the thriller").
_WORK_STEPS = 5
# How far up the parse, relative clauses included, a telling is looked for above a trigger
# ("looted" -> "retirees" -> "of" -> "crew" -> "follows", whose subject is "the comedy").
_STORY_STEPS = 8
# Dependencies of what a verb of telling tells ("follows a crew", "centres on", "tells how").
_TOLD_SIDE_DEPS = frozenset({"dobj", "prep", "ccomp", "xcomp", "attr", "oprd"})
# Dependencies of a clause below a noun ("a village where soldiers shot three protesters").
_CLAUSE_DEPS = frozenset({"relcl"})
# Dependencies of a clause joined to another: its own news, not part of what the other tells.
_JOINED_DEPS = frozenset({"conj", "parataxis"})
# A day of the last week named as news names it ("on Monday", "yesterday", "last night").
_RECENT_DAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\byesterday\b|\btoday\b|\btonight\b"
                         r"|\bovernight\b|\blast (?:night|week)\b|\bthis (?:morning|afternoon|evening|week)\b",
                         re.IGNORECASE)
# How far up the parse a word that depicts or tells of a trigger is looked for.
_TOLD_STEPS = 4
# How a trigger hangs under what depicts or tells of it: as its object, a preposition's object
# or part of one ("depicts a dirty bomb attack", "a novel about the massacre").
_TOLD_DEPS = frozenset({"compound", "conj", "dobj", "pobj", "prep"})
# Prepositions that attach a trigger to a work or a talk as its topic.
_TOPIC_PREPS = frozenset({"of", "about"})


def set_in_fiction(m: Match) -> bool:
    """Whether the trigger is set in fiction: its noun, the noun it is part of, or a place or
    thing its verb acts on or in is called fictional or imaginary ("a fictional chemical
    attack", "storming bunkers across a fictional island"); or, for a word of harm with no armed
    group and nobody hurt, a work is the one filming or staging in its sentence ("the production
    was staging a shootout"; a bystander who filmed the shooting, a crew filming a show while
    gunfire rang out, are no work)."""
    head = m.span.root
    noun = head.head if head.dep_ == "compound" else head
    verb = head.head if head.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") else head
    near = [*head.children, *noun.children, *prep_objects(verb, _SETTING_PREPS_FICTION),
            *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))]
    if any(c.dep_ == "amod" and c.lower_ in m.cues["fiction"] for t in near for c in (t, *t.children)):
        return True
    works = m.cues["works"]
    return (m.entry.event_type in HARM_TYPES and not m.has("nonstate") and not m.has("hurt")
            and any(t.pos_ == "VERB" and one_of(t, m.cues["filming"])
                    and any(c.dep_ in ("nsubj", "nsubjpass") and one_of(c, works) for c in t.children)
                    for t in head.sent))


def in_a_work(m: Match, told: frozenset[str] | None = None) -> bool:
    """Whether the trigger is in the story a work tells (what a verb of telling tells is
    `story_told`'s): under a word set "in" a work or a part of one ("in the
    graphic novel, a mining town is looted", "in the novel's last chapter"), or a compound of a
    part a work holds ("the film's massacre scene"; "secured the shooting scene" is a crime
    scene). Works are `told_in` and `shows`, parts `work_parts`; as a setting or a teller
    (cue `set_in_works`) neither counts when it is a word of `not_set_in` ("in a show of
    force", "a series of raids", "in the season finale", "in a trailer", "the book fair", "the
    game ended in a riot"), a name ("in Drama", a Greek town), a word "of" or "to" something ("a
    new chapter of violence", "a sequel to last week's riots"), or a phrase that holds the
    trigger ("found in the scene of the murder"). A part of the story (`story_parts`) "of" a
    work or one it owns is set in it too ("in the historical drama's final episode, the queen is
    executed"; not "in the film's opening weekend"), and so is a
    character a work owns (`characters`: "the novel's hero is kidnapped"; "the film's director
    was arrested" is news). The search stops at a relative clause: the
    main clause's setting says nothing of it ("a student who was shot during the protests appears
    in the documentary")."""
    head = m.span.root
    if head.dep_ == "compound" and one_of(head.head, m.cues["work_parts"]) and any(
            c.dep_ == "poss" and one_of(c, m.cues["works"]) for c in head.head.children):
        return True
    told = m.cues["set_in_works"] if told is None else told
    if any(_of_a_work(t, told) and one_of(t, m.cues["characters"]) for t in doers(head, m.cues["groups"]) + harm_targets(head)):
        return True  # "the novel's hero is kidnapped", "the horror novel's killer stabbed his victims"
    tok = head
    for _ in range(_WORK_STEPS):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "in" and any(
                    o.dep_ == "pobj" and head not in o.subtree
                    and (_names_a_work(o, told) or one_of(o, m.cues["story_parts"]) and _of_a_work(o, told))
                    for o in c.children):
                return True
        if tok.head.i == tok.i or tok.dep_ == "relcl":
            return False
        tok = tok.head
    return False


def _of_a_work(tok: Token, told: frozenset[str]) -> bool:
    """Whether a common noun is owned by a work or is "of" one ("the drama's final episode",
    "the opening scene of the thriller", "the novel's hero"; "the game's final minutes" are a
    match's: `told` holds no game)."""
    if tok.pos_ != "NOUN":
        return False
    owners = [c for c in tok.children if c.dep_ == "poss"] + prep_objects(tok, ("of",))
    return any(_names_a_work(o, told) for o in owners)


def _names_a_work(tok: Token, told: frozenset[str]) -> bool:
    """Whether a noun is one of the works `told` as a common noun and not "of" or "to" something
    ("a chapter of violence", "a sequel to last week's riots")."""
    return (one_of(tok, told) and tok.pos_ == "NOUN" and not tok.ent_type_
            and not any(c.dep_ == "prep" and c.lower_ in ("of", "to") for c in tok.children))


def set_in_a_story(m: Match) -> bool:
    """Whether the trigger's clause is set in a work's story (`in_a_work`: "in the new spy film,
    a diplomat is kidnapped") or in a fiction (`set_in_fiction`), so that the clause's victims
    are the story's too; not in a drama or a thriller, which is as often the incident itself
    ("in the ensuing drama, police shot dead two gunmen"; the trigger is dropped, its victims
    stay). What a work tells is a phrase of the sentence, not its clause (`story_told`: "three
    people were wounded outside a cinema showing a film about the massacre")."""
    return set_in_fiction(m) or in_a_work(m, m.cues["story_works"])


def told_by_a_work(m: Match) -> bool:
    """Whether the trigger is in what a work tells (`story_told`)."""
    return story_told(m.span.root, m.cues)


def story_told(word: Token, cues: Mapping[str, frozenset[str]], veto: bool = False) -> bool:
    """Whether a word is in what a work tells, its relative clauses included: the told side of
    a verb of telling (`narrates`) whose subject is a work ("the thriller centres on a crew of
    retirees who looted a casino vault"), the "about" phrase of a work ("the film, about a girl
    who joins her father's hunger strike, won a prize", "the play is about a soldier who shoots
    his commander"), or what a work's character is said to be ("the novel's hero is a policeman
    who was shot"). `in_a_work` stops at a relative clause, as
    a setting says nothing of one; a telling holds what it tells, clauses and all. News stays
    news: a clause under a work that tells nothing ("a man who was shot appears in the
    documentary"), the work's own subject side ("a film crew that was attacked tells its
    story"), a clause joined to the telling ("the film explores the war, and on Sunday an
    airstrike killed its star") and a clause dated to a recent day ("the documentary focuses on
    a journalist who was shot dead on Monday"). A drama or a thriller is as often the incident
    itself ("the siege drama centred on a hotel where militants killed 15 guests"): through a
    clause, or to veto victims (`veto`), only the other works tell."""
    told = cues["set_in_works"]
    path = [word]
    for _ in range(_STORY_STEPS):
        child, tok = path[-1], path[-1].head
        if tok.i == child.i or (child.dep_ in _JOINED_DEPS and child.pos_ in ("VERB", "AUX")):
            return False  # the root, or a clause of its own
        if _tells(child, tok, cues, told):
            strict = veto or any(t.dep_ in _CLAUSE_DEPS for t in path)
            if strict and not _tells(child, tok, cues, cues["story_works"]):
                return False
            return not any(_recent_day(t) for t in (*word.subtree, *(c for t in path for c in t.children)))
        path.append(tok)
    return False


def _tells(child: Token, tok: Token, cues: Mapping[str, frozenset[str]], told: frozenset[str]) -> bool:
    """Whether `tok` tells a story that its dependent `child` is part of (see `story_told`)."""
    if (child.dep_ in _TOLD_SIDE_DEPS and tok.pos_ == "VERB" and one_of(tok, cues["narrates"])
            and any(c.dep_ == "nsubj" and _names_a_work(c, told) for c in tok.children)):
        return True
    if child.dep_ == "prep" and child.lower_ == "about" and _names_a_work(tok, told):
        return True
    if tok.lemma_ != "be" or child.dep_ not in ("attr", "prep"):
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    # "the play is about a soldier who shoots his commander" ("about" may hang below the attr).
    about = child.lower_ == "about" or any(t.lower_ == "about" for t in child.lefts for t in t.subtree)
    return any((about and _names_a_work(c, told))
               or (child.dep_ == "attr" and one_of(c, cues["characters"]) and _of_a_work(c, told))
               for c in subjects)


def _recent_day(tok: Token) -> bool:
    """Whether a dependent is a date of the last days ("on Monday", "yesterday"): news, not a
    story ("in 1970s Milan" is a story's setting)."""
    target = tok if tok.ent_type_ == "DATE" else next((o for o in tok.children if o.dep_ == "pobj"), None)
    return target is not None and target.ent_type_ == "DATE" and _RECENT_DAY.search(target.text) is not None


def told_not_done(m: Match) -> bool:
    """A word of violence in a work of fiction or in talk about a topic, not in a report: "a
    fictional chemical attack", "the film depicts a bomb attack", "a novel about a massacre",
    "the play raises awareness of abuse". A work (cues `told_in`) or an awareness counts only
    with the trigger as its topic ("of", "about"), a verb of depiction (`depict`) only with it
    as its object."""
    head = m.span.root
    if set_in_fiction(m) or in_a_work(m) or told_by_a_work(m):
        return True
    tok = head
    for _ in range(_TOLD_STEPS):
        if tok.dep_ not in _TOLD_DEPS or tok.head == tok:
            return False
        gov = tok.head
        lemma = gov.lemma_.lower()
        if gov.pos_ == "VERB":
            return tok.dep_ == "dobj" and lemma in m.cues["depict"]
        if tok.dep_ == "prep" and tok.lower_ in _TOPIC_PREPS and gov.pos_ == "NOUN" and lemma in m.cues["told_in"]:
            return True
        tok = gov
    return False
