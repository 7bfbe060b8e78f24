"""Who does a word of violence, read from the dependency parse: the subject of its verb, its
passive "by", and where a word has no subject of its own, the one it borrows (the antecedent of
a relative clause, the subject of the verb an infinitive completes, the owner of an event noun,
the subject of the verb an event noun is the object of); a group word stands for its members
("a pack of dogs", "hundreds of penguins")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.tokens import Span, Token

from pipeline.triggers.context import one_of, prep_objects
from pipeline.triggers.filters import denied

# Dependents of a verb that name who does it (its passive "by" is read apart).
_SUBJECT_DEPS = ("nsubj",)
# Relative pronouns that stand for the noun a relative clause hangs off ("a leopard that ...").
_RELATIVE_TAGS = frozenset({"WDT", "WP"})
# How an infinitive or a participle without a subject of its own completes a verb whose
# subject it takes ("lay in wait to ambush", "went on to attack").
_BORROWED_DEPS = frozenset({"xcomp", "advcl"})
# Verbs whose subject does the act of their object ("went on a rampage", "launched an attack").
_LIGHT_VERBS = frozenset({"go", "launch", "stage", "carry", "mount", "unleash", "begin", "make", "wage"})
# Parts of speech of a verb whose subject an event noun may take ("went on a rampage").
_VERB_POS = frozenset({"VERB", "AUX"})


def _subjects(verb: Token) -> list[Token]:
    """A verb's subject, and the object of its passive "by" ("was attacked by a dog")."""
    out = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    out.extend(g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj")
    return out


def _noun_doers(noun: Token, by_compound: frozenset[str], light_verbs: frozenset[str]) -> list[Token]:
    """Who does an event noun: its owner ("the bull's rampage"), or its compound where the noun
    takes its doer so (`by_compound`: "a shark attack"; "a cattle raid" raids cattle, "cow
    vigilantism" is about cows), else the subject of the verb it is the object of, directly or
    after a preposition ("went on a rampage", "launched an attack")."""
    compound = noun.lemma_.lower() in by_compound
    own = [c for c in noun.children if (c.dep_ == "poss" or compound and c.dep_ == "compound")
           and c.pos_ in ("NOUN", "PROPN")]
    if own:
        return own
    gov = noun.head
    if noun.dep_ == "pobj" and gov.dep_ == "prep":
        gov = gov.head
    elif noun.dep_ != "dobj":
        return []
    # Only a verb that does the noun's act ("went on a rampage", "launched an attack"); "dogs
    # chased the protesters" act on them.
    if gov.pos_ not in _VERB_POS or gov == noun or gov.lemma_.lower() not in light_verbs:
        return []
    return _subjects(gov)


def members(tok: Token, groups: frozenset[str]) -> list[Token]:
    """The members a group word stands for ("a pack of dogs" -> dogs, "hundreds of penguins"
    -> penguins), or the word itself."""
    if tok.lemma_.lower() in groups or tok.lower_ in groups:
        inner = prep_objects(tok, ("of",))
        if inner:
            return inner
    return [tok]


def doers(head: Token, groups: frozenset[str], by_compound: frozenset[str] = frozenset(),
          light_verbs: frozenset[str] = _LIGHT_VERBS) -> list[Token]:
    """The head words of who does a word of violence (`head`, the trigger's root): see the
    module's docstring; `groups` the words that stand for their members, `by_compound` the
    event nouns whose compound is their doer, `light_verbs` those whose subject does the act of
    their object. Names and common nouns alike; the callers judge them."""
    verb = head.head if head.dep_ in ("prt", "compound") else head
    found = _subjects(verb)
    if not found and verb.pos_ in ("NOUN", "PROPN"):
        found = _noun_doers(verb, by_compound, light_verbs)
    if not found and verb.dep_ in _BORROWED_DEPS and verb.head.pos_ in _VERB_POS:
        found = _subjects(verb.head)  # "crocodiles lie in wait to ambush wildebeest"
    if verb.dep_ == "relcl":
        # "a leopard that had wounded three villagers": the pronoun stands for the leopard.
        found = [verb.head if t.tag_ in _RELATIVE_TAGS else t for t in found]
    found += [c for t in found for c in t.conjuncts]  # "dogs and their handlers attacked"
    return [m for t in found for m in members(t, groups)]


# Personal pronouns that name a thing, not a person ("set it alight").
_THING_PRONOUNS = frozenset({"it", "itself"})


def a_person_among(targets: Iterable[Token]) -> bool:
    """Whether a verb's objects (`sense.harm_targets`) hold a personal pronoun ("stabbed her to
    death in their home", "beat him outside the shop"): a person attacked, whatever place the
    sentence names."""
    return any(t.dep_ in ("dobj", "nsubjpass") and t.tag_ == "PRP" and t.lower_ not in _THING_PRONOUNS
               for t in targets)


def harms_people(sent: Span, harm_words: frozenset[str]) -> bool:
    """Whether a sentence tells people killed or hurt, with a word of `harm_words` not denied
    ("killing 12 worshippers", "left two dead"; not "no one was injured"): an attack on a
    church that kills its worshippers is no attack on property."""
    return any(one_of(t, harm_words) and not denied(sent.doc[t.i : t.i + 1]) for t in sent)


def _head_words(heads: Iterable[Token]) -> set[str]:
    """The words (text and lemma) of head nouns, their compounds, owners and conjuncts ("a
    police inspector", "the soldiers' commander", "soldiers and policemen")."""
    tokens = (n for h in heads for t in (h, *h.conjuncts)
              for n in (t, *(c for c in t.children if c.dep_ in ("compound", "poss"))))
    return {w for n in tokens for w in (n.lower_, n.lemma_.lower())}


def sides_opposed(doer_heads: list[Token], target_heads: list[Token], state: frozenset[str],
                  nonstate: frozenset[str]) -> bool | None:
    """Whether who did a harm and whom it hit stand on opposite armed sides ("gunmen killed
    three soldiers", "troops killed five militants"); False when an armed group's victims are
    named people of no side ("police said a gunman killed two people": the police only tell it;
    "the army said rebels killed twelve villagers"); None when it cannot tell: doers of unknown
    side ("it killed 40 rebels", "a gunfight kills three militants"), victims unnamed ("killing
    20 of them"), or state forces' victims of no side (the sentence decides, as before).
    `target_heads`: the objects and passive subjects of the harm, not its places."""
    doers_w, targets_w = _head_words(doer_heads), _head_words(target_heads)
    if doers_w & state:
        return True if targets_w & nonstate else None
    if not doers_w & nonstate:
        return None
    if targets_w & state:
        return True
    named = any(t.pos_ in ("NOUN", "PROPN") for h in target_heads for t in (h, *h.conjuncts))
    return False if named else None


def found_a_person(head: Token, cues: Mapping[str, frozenset[str]]) -> bool:
    """Whether what a verb of finding finds is a person (a pronoun, a name, a word of `people`)
    or is found dead, shot or hurt (a complement of `hurt` or `harm_outcomes`); or whether the
    verb is "find out" (what one learns)."""
    if any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children):
        return True
    found = [t for c in head.children if c.dep_ in ("dobj", "nsubjpass") for t in (c, *c.conjuncts)]
    if any(t.ent_type_ == "PERSON" or t.tag_ == "PRP" and t.lower_ not in ("it", "them")
           or one_of(t, cues["people"] | cues["kill_victims"]) for t in found):
        return True
    hurt = cues["hurt"] | cues["harm_outcomes"]
    return any(c.dep_ in ("oprd", "acomp", "xcomp", "advcl", "ccomp") and one_of(c, hurt) for c in head.children)
