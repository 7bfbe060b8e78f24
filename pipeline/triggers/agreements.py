"""Agreements (a ceasefire, a peace deal, a surrender, talks): when a word of agreement reports
one made between conflict or political actors, and when it only talks of one.

An ACLED agreement is a deed: a truce signed, fighters who surrendered. Most words of agreement
in the news are talk instead: a deal hoped for, demanded, promised, refused, one that would or
could be made, one spoken of in general ("a negotiated peace is the only way"), or a business
deal. `refine.outcome_name` drops a trigger when `talk_of_an_agreement` or
`deal_of_business_or_court` holds, and keeps a word of the `agreement` rule only when
`agreement_made` says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from pipeline.triggers.context import one_of, prep_objects
from pipeline.triggers.filters import modal, under_verb_of
from pipeline.triggers.participants import doers

if TYPE_CHECKING:
    from pipeline.triggers.refine import Match

AGREEMENT = "agreement"
# Prepositions between a verb of concluding and what is agreed ("agreed to/on a ceasefire").
_AGREED_PREPS = frozenset({"to", "on", "upon"})
# What an agreement hangs on when it is asked for or weighed ("calls for a truce", "the
# possibility of a deal").
_ASKED_PREPS = frozenset({"for", "of", "toward", "towards"})
# How a word of agreement is what a preposition governs: a noun or a gerund ("for reaching a deal").
_PREP_OBJECTS = frozenset({"pobj", "pcomp"})
# The links by which a word of agreement is part of a subject: the object of a gerund
# ("reaching a deal is ..."), a noun joined by "or"/"and" ("a victory or a surrender is ...").
_SUBJECT_PARTS = frozenset({"dobj", "conj", "compound"})
# How far up the parse the subject of a general statement is looked for.
_SUBJECT_STEPS = 3
# How an agreement noun is what its verb does or undergoes ("a deal was reached", "signed a truce").
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
# Pronouns of one person: a surrender of one is a lone doer's.
_LONE_PRONOUNS = frozenset({"he", "she", "him", "her", "another", "one"})
# The tags of one thing or person named ("the man", "Ravi Tane"): a side is named by its own word.
_ONE_TAGS = frozenset({"NN", "NNP"})
# Entity labels that date a subject.
_WHEN_LABELS = frozenset({"DATE", "TIME"})
# The tags of "is"/"are": a statement of the present, not a report of what happened.
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def deal_of_business_or_court(m: Match) -> bool:
    """An agreement whose sentence is about business or a court ("agreed to buy the firm", "a
    deal with record labels", "pleaded guilty and agreed to assist the prosecution", "surrender
    his passport"): ACLED agreements are between conflict or political actors. An armed group
    named in the sentence keeps it."""
    return (m.entry.sub_event_type == AGREEMENT and m.has("not_conflict_deal")
            and not m.has("nonstate"))


def agreement_made(m: Match) -> bool:
    """An agreement that is made, not talked about: "agreed to" between armed sides or with
    protesters; a ceasefire or a peace deal only as the object or subject of a verb that
    concludes or starts it ("signed a ceasefire", "the truce took effect"), or standing alone
    as in a headline. Peace processes hoped for, demanded or refused are no event."""
    head = m.span.root
    if head.pos_ in ("VERB", "AUX"):
        return m.armed() or m.crowd()
    head = _qualified(head)
    if concluded_in_its_clause(head, m.cues):
        return True
    governor = head.head
    if governor == head or head.dep_ in ("ROOT", "compound", "conj", "appos"):
        return True
    if governor.pos_ == "ADP":
        # "agreed to a ceasefire", "agreed on a truce": the verb above the preposition; other
        # prepositions tell a purpose or a setting ("talks for a possible ceasefire").
        if governor.lower_ not in _AGREED_PREPS:
            return False
        governor = governor.head
    # "the truce is set to take effect": the subject of a verb whose complement concludes it.
    verbs = [governor, *(c for c in governor.children if c.dep_ == "xcomp")]
    return any(v.lemma_.lower() in m.cues["conclude"] for v in verbs) and not _negated(governor)


def deal_between_sides(m: Match) -> bool:
    """A deal signed or reached ("signed an agreement", "reached a deal") is an ACLED agreement
    only between conflict sides: an armed group or protesters named in the sentence, a deal of
    conflict (cues `conflict_deal`: peace, ceasefire, prisoners, hostages, disarmament ...), or
    an article that names an armed group or such a deal anywhere (Doc flag `armed`: "the two
    sides signed an agreement" after a sentence on the fighting). State forces alone are no
    such side: "the army signed an agreement with a university", "the government signed a
    trade pact", like "the company reached an agreement with its lenders", are none."""
    return (m.has("nonstate") or m.crowd() or m.has("conflict_deal") or bool(m.doc_flags.get("armed"))
            or bool(m.doc_flags.get("protest")))


def surrender_of_fighters(m: Match) -> bool:
    """A surrender is an ACLED agreement when those who surrender are fighters, an armed group
    or state forces ("two hundred rebels surrendered", "the militia commander surrendered",
    "the surrender of the garrison"); a suspect who surrendered to police, a lone gunman after a
    standoff, a champion who surrendered a title, one person named ("Ravi Tane gave himself up")
    are none. When the parse names no one it can judge ("they surrendered", "hundreds
    surrendered", "the surrender of the town"), an armed
    side named besides those surrendered to, or an article that names an armed group, decides
    ("surrendered to police" names only whom to)."""
    head = m.span.root
    found = doers(head, m.cues["groups"])
    if head.pos_ in ("NOUN", "PROPN"):
        found += prep_objects(head, ("of",))
    sides = m.cues["nonstate"] | m.cues["state"] | m.cues["surrender_sides"] | m.cues["conflict_deal"]
    lone = m.cues["lone_doers"] | m.cues["assailants"] | _LONE_PRONOUNS
    if any(t.lower_ not in lone and _a_side(t, sides) for t in found):
        return True
    if found and all(t.lower_ in lone or t.tag_ in _ONE_TAGS for t in found):
        return False  # one person: "Ravi Tane surrendered at the station", "a second man surrendered"
    return _armed_besides_recipient(m) or bool(m.doc_flags.get("armed"))


def _a_side(word: Token, sides: frozenset[str]) -> bool:
    """Whether a surrenderer is a fighter, a group or a force: its word, or a word that
    qualifies it ("the militia commander", "fighters of the armed group")."""
    words = [word, *(c for c in word.children if c.dep_ in ("compound", "amod", "poss")),
             *(t for o in prep_objects(word, ("of",)) for t in o.subtree)]
    return any(one_of(t, sides) for t in words)


def _armed_besides_recipient(m: Match) -> bool:
    """Whether the sentence names state forces or an armed group outside the phrase of whom a
    surrender is made to ("surrendered to police" names the police only as that), or an army
    as that ("surrendered to the army")."""
    recipient = {t.i for o in prep_objects(m.span.root, ("to",)) for t in o.subtree}
    armed = m.cues["nonstate"] | m.cues["state"]
    military = m.cues["military_recipients"]
    # Surrendered to an army is a surrender in a war; to the police, a suspect's.
    return any(t.lower_ in military if t.i in recipient else one_of(t, armed) for t in m.span.sent)


def _qualified(head: Token) -> Token:
    """The noun a word of agreement qualifies ("a ceasefire accord", "the truce deal"): what is
    concluded."""
    while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN") and head.head != head:
        head = head.head
    return head


def concluded_in_its_clause(head: Token, cues: Mapping[str, frozenset[str]]) -> bool:
    """Whether an agreement noun's own participle or relative clause concludes it ("the
    ceasefire deal signed on Monday", "the truce that took effect on Sunday"): made."""
    return any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in cues["conclude"] for c in head.children)


def _told_done(word: Token) -> bool:
    """Whether a verb of agreement is itself in the past, with no modal of its own ("a deal was
    reached on Monday; it will take effect next week", "fighters surrendered"): a deed, whatever
    the clause the parse hangs it under."""
    if word.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in word.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return False
    return word.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def talk_of_an_agreement(m: Match) -> bool:
    """An agreement (a ceasefire, a surrender, a deal) promised, demanded, proposed, refused
    or out of reach ("promised to hand over the rifles", "ready to accept a truce", "unable to
    agree on a truce"), asked for ("called for the surrender of the rebels"), one that would,
    could or will be made ("they would sign a truce if ..."), or spoken of in general ("a
    negotiated peace is the only way"): talk of one, not one made. Only agreements: "police
    stood ready to stop the demonstrators" still tells of demonstrators."""
    if m.entry.sub_event_type != AGREEMENT:
        return False
    if under_verb_of(m.span, m.cues["unrealised"]):
        return True
    # A deal its own words show made ("the truce that took effect on Sunday will last two
    # weeks", "they would respect the truce they signed") is no talk, whatever the main clause.
    head = _qualified(m.span.root)
    if concluded_in_its_clause(head, m.cues) or _told_done(m.span.root) or (
            head.dep_ in _ARGUMENT_DEPS and _told_done(head.head)):
        return False
    return modal(m.span) or asked_for(m.span, m.cues) or spoken_of_in_general(m.span)


def asked_for(span: Span, cues: Mapping[str, frozenset[str]]) -> bool:
    """Whether the word is what a verb or noun of asking, hoping or weighing is "for" or "of"
    ("called for a ceasefire", "amid calls for a truce", "the need for reaching a deal", "the
    possibility of a truce"), not a deal made "for" something ("signed a truce for the
    holidays": the deal is the object, not after "for")."""
    word = span.root
    if word.dep_ == "dobj" and word.head.tag_ == "VBG":
        word = word.head  # "for reaching a peace deal": the gerund is what "for" governs
    prep = word.head
    if word.dep_ not in _PREP_OBJECTS or prep.lower_ not in _ASKED_PREPS or prep.head == prep:
        return False
    return prep.head.lemma_.lower() in cues["asking_for"]


def spoken_of_in_general(span: Span) -> bool:
    """Whether the word is (part of) the subject of "is"/"are" said of it in general ("the
    surrender of the rebels is impossible", "reaching a deal is the only path to peace"): an
    opinion of the present, not a report. "The truce is holding" tells a verb of its own, and
    "the truce was signed" is in the past."""
    tok = span.root
    for _ in range(_SUBJECT_STEPS):
        if tok.dep_ in ("nsubj", "csubj") or tok.dep_ not in _SUBJECT_PARTS or tok.head == tok:
            break
        tok = tok.head
    be = tok.head
    # A dated subject is a deed judged ("the surrender of the commander on Monday is a blow").
    dated = any(t.ent_type_ in _WHEN_LABELS for t in tok.subtree)
    return (tok.dep_ in ("nsubj", "csubj") and be.lemma_ == "be" and be.tag_ in _PRESENT_TAGS
            and any(c.dep_ in ("acomp", "attr") for c in be.children) and not dated)


def _negated(verb: Token) -> bool:
    """Whether a verb, or the verb whose complement it is, is negated ("will not extend the
    ceasefire", "are not going to extend the ceasefire")."""
    heads = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    return any(c.dep_ == "neg" for h in heads for c in h.children)
