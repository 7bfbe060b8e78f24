"""Victims and counts: the claims a victim phrase makes ("three villagers", "dozens of
protesters", "a 17-year-old", "two men and a woman"), read from the phrase's head token."""

from __future__ import annotations

import re

from spacy.tokens import Token

from pipeline.casualties.claim import Claim
from pipeline.casualties.grammar import (DEFINITE, REFLEXIVE, RELATIVE_PRONOUNS, SINGULAR_PRONOUNS, SUBJ,
                                         ZERO_WORDS, says_none)
from pipeline.casualties.lexicon import Lexicon
from pipeline.casualties.names import same_person
from pipeline.casualties.words import (across_bar, is_age_head, is_name, is_partitive_np, is_person, is_quantity,
                                       is_year, left_lead, of_pobj, own_predicate, person_name, quantity_child,
                                       quantity_of_number, victim_words, vtype)
from pipeline.numbers import parse_count

# Nouns of a sex that name a person in police reports and an animal in wildlife stories.
_SEX_NOUNS = frozenset({"female", "male"})
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10}
_ORDINAL_RE = re.compile(r"^\d+(st|nd|rd|th)$")
# A rank above this is a tally of the year ("the 18th child this year"), not a list of victims.
_MAX_RANK = 10
_MAX_DEPTH = 3
# Tokens of an age standing for a person, the number included: "17 - year - old".
_AGE_TOKENS = 5
# Clauses climbed from a reflexive to the attacker's other deed ("before shooting himself").
_MAX_CLAUSE_UP = 3
# Quantity nouns that count nothing without "of": "a number of students", not "a number".
_NEED_OF = ("number", "lot", "group", "majority", "couple", "pair", "handful")
_ONE_WORDS = ("another", "one")
# Articles before a number in figures make it a number's name, not a count of people: a score,
# a size or a grade ("shot a 64", "an even-par 70"); people are counted without them.
_NAMING_ARTICLES = ("a", "an")
_COUNTED_POS = ("NUM", "NOUN", "ADJ", "DET", "PRON", "X", "PROPN")
_NAME_ENTS = ("PERSON", "NORP", "ORG", "")


def count_token(lex: Lexicon, tok: Token, depth: int = 0) -> Claim | None:
    """The claim a victim phrase headed by `tok` makes (one conjunct), or None."""
    if depth > _MAX_DEPTH:
        return None
    low = tok.lower_
    doc = tok.doc
    if tok.pos_ in ("PRON", "DET") and low in lex.vague and low not in ("some", "many"):
        return count_number_head(lex, tok)  # "both were injured", "several were hurt"
    if tok.pos_ == "PRON" or low in RELATIVE_PRONOUNS:
        return _pronoun_claim(lex, tok, depth)
    if any(c.dep_ == "det" and c.lower_ == "any" for c in tok.children):
        return None  # "whether any civilians were killed": asks, does not report
    if says_none(tok):
        return Claim(0, 0, 0, "none", [doc[tok.left_edge.i], tok], tok.text, "unknown")
    if is_age_head(tok):
        return _age_claim(lex, tok)
    if low == "total":  # "a total of 12 people"
        pobj = of_pobj(tok)
        return count_token(lex, pobj, depth + 1) if pobj is not None else None
    if tok.dep_ == "nummod" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i and not across_bar(
            tok, tok.head):
        return count_token(lex, tok.head, depth + 1)  # reached through the number: "two people dead"
    if low in _ORDINALS and tok.dep_ in SUBJ and any(c.dep_ == "det" for c in tok.children):
        return Claim(1, 1, 1, None, [left_lead(tok), tok], tok.text, "unknown")  # "a second was hurt"
    if named_number(tok):
        return None
    if is_quantity(lex, tok) and tok.pos_ in _COUNTED_POS:
        return count_number_head(lex, tok)
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    return _noun_claim(lex, tok)


def named_number(tok: Token) -> bool:
    """Whether a number in figures heads its phrase after "a" or "an" ("shot a final-round 64",
    "carded an even-par 70"): it names a score or a size; "shot 64 protesters", "a 64-year-old"
    and "a dozen" count people."""
    return (tok.text.replace(",", "").isdigit()
            and any(c.dep_ == "det" and c.lower_ in _NAMING_ARTICLES for c in tok.children))


def _pronoun_claim(lex: Lexicon, tok: Token, depth: int) -> Claim | None:
    """A pronoun's claim: "he" one, "nobody" none, "who" its antecedent's."""
    low = tok.lower_
    if low in REFLEXIVE:  # "killed his wife and himself": the attacker, counted apart from his victims
        return Claim(1, 1, 1, None, [tok], reflexive_victims(lex, tok), "unknown",
                     perpetrator=attacker_himself(lex, tok))
    if low in SINGULAR_PRONOUNS:
        return Claim(1, 1, 1, None, [tok], tok.text, "unknown")
    if low in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
        return count_token(lex, tok.head.head, depth + 1)
    if says_none(tok):
        return Claim(0, 0, 0, "none", [tok], tok.text, "unknown")
    if low in _ONE_WORDS:
        return Claim(1, 1, 1, None, [tok], tok.text, "unknown")
    if low in ("neither",):
        return Claim(0, 0, 0, "none", [tok], tok.text, "unknown")
    return None


def _age_claim(lex: Lexicon, tok: Token) -> Claim:
    """"a 17-year-old was killed", "two 15-year-olds": the age stands for the person."""
    doc = tok.doc
    qtok = quantity_child(lex, tok)
    q = quantity_of_number(lex, qtok) if qtok is not None and qtok.i < doc[tok.i - 2].left_edge.i else None
    if tok.lower_ == "olds":
        q = q or (2, 2, None, "plural")
        return Claim(q[0], q[1], q[2], q[3], [left_lead(tok), tok], tok.text, "civilians")
    return Claim(1, 1, 1, None, [left_lead(tok), tok], doc[tok.i - _AGE_TOKENS + 1 : tok.i + 1].text, "civilians")


def _noun_claim(lex: Lexicon, tok: Token) -> Claim | None:
    """The claim of a noun naming people: counted, a bare plural, a rank or one person."""
    typed = vtype(lex, tok)
    if typed is None or _an_animal(lex, tok):
        return None
    vt, perp = typed
    qtok = quantity_child(lex, tok)
    victims = victim_words(tok)
    of_num = of_pobj(tok)
    if (qtok is None and of_num is not None and of_num.like_num
            and all(c.dep_ == "prep" for c in of_num.children)
            and tok.lemma_.lower() in lex.group_nouns):
        qtok = of_num  # "a family of five"; "a mother of three" is one mother
    if qtok is not None:
        if is_year(qtok) and not is_person(lex, tok):
            return None  # "December 5, 2015 Mastic Beach"
        q = quantity_of_number(lex, qtok)
        if q is None:
            return None
        tokens = [tok.doc[qtok.left_edge.i], tok]
        return Claim(q[0], q[1], q[2], q[3], tokens, victims, vt, is_partitive_np(lex, tok), perp)
    if tok.tag_ in ("NNS", "NNPS") and tok.pos_ == "NOUN":
        return _plural_claim(lex, tok, victims, vt, perp)
    ranked = _ordinal_claim(lex, tok, victims, vt, perp)
    if ranked is not None:
        return ranked
    if tok.pos_ == "PROPN" and tok.ent_type_ not in _NAME_ENTS:
        return None
    if not is_person(lex, tok) and not is_name(tok):
        return None
    return Claim(1, 1, 1, None, [left_lead(tok), tok], victims, vt, is_partitive_np(lex, tok), perp,
                 person_name(lex, tok))


def _an_animal(lex: Lexicon, tok: Token) -> bool:
    """Whether "a female", "the male" stands for an animal: the nearest creature the article
    names before it is an animal, not a person ("rangers tracked a lioness ... the female was
    shot"; "a dog barked ... police said a male was shot"). Police reports name people so,
    wildlife stories animals."""
    if tok.lemma_.lower() not in _SEX_NOUNS:
        return False
    for t in reversed(tok.doc[: tok.i]):
        if t.lemma_.lower() in lex.animals:
            return True
        if t.pos_ in ("NOUN", "PROPN") and is_person(lex, t):
            return False
    return False


def _plural_claim(lex: Lexicon, tok: Token, victims: str, vt: str, perp: bool) -> Claim | None:
    """A bare plural ("soldiers were killed"): at least two, unless it names no toll."""
    if not is_person(lex, tok) or tok.lower_ in lex.collective:
        return None
    if tok.dep_ == "dobj" and tok.head.tag_ == "VBG" and not any(c.dep_ == "det" for c in tok.children):
        return None  # "killing people", "shooting citizens": what someone does, not a toll
    if any(c.dep_ == "prep" and c.lower_ == "like" for c in tok.children):
        return None  # "he killed people like him": a kind of people, not a toll
    if any(c.dep_ in ("predet", "det") and c.lower_ == "all" for c in tok.children) and any(
            c.dep_ == "relcl" for c in tok.children):
        return None  # "a song for all the neighbours who died": everyone, no count
    return Claim(2, 2, None, "plural", [left_lead(tok), tok], victims, vt, False, perp)


def _ordinal_claim(lex: Lexicon, tok: Token, victims: str, vt: str, perp: bool) -> Claim | None:
    """"a third victim": at least three; "the third victim": one of at least three (see
    `make_fact`); None when no rank qualifies the noun."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    for child in tok.lefts:
        rank = _ORDINALS.get(child.lower_) or (int(child.lower_[:-2]) if _ORDINAL_RE.match(child.lower_) else 0)
        # "the 18th child this year" is a tally, not a list of victims
        if child.dep_ == "amod" and 1 < rank <= _MAX_RANK and is_person(lex, tok):
            qualifier = "the ordinal" if definite else "ordinal"
            return Claim(rank, rank, None, qualifier, [left_lead(tok), tok], victims, vt, False, perp)
    return None


def reflexive_victims(lex: Lexicon, tok: Token) -> str:
    """A reflexive victim's words: its clause's subject's when that is a person, then the pronoun
    ("a 4-year-old boy accidentally shot himself": "4-year-old boy himself"), so that the age, the
    sex or the name of the one hit are told as another report tells them. Of the subjects that
    are a person's word or a name, and their appositions, the one nearest the verb (a dateline's
    town the parser took for a subject stands farther, the person beside it). The pronoun
    alone when no subject is a person ("he shot himself"), or when the sentence tells someone
    else hit ("a man shot himself after wounding a deputy": the subject may be an attacker
    whom nothing else marks, whose age is no victim's)."""
    if _others_hit(lex, tok):
        return tok.text
    verb = tok.head
    subjects = [n for c in verb.children if c.dep_ in SUBJ
                for n in (c, *(a for a in c.children if a.dep_ == "appos"))
                if n.pos_ in ("NOUN", "PROPN") and (is_person(lex, n) or is_name(n))]
    # The subject nearest the verb: a dateline's town stands farther from it.
    subj = min(subjects, key=lambda n: abs(verb.i - n.i), default=None)
    return tok.text if subj is None else f"{victim_words(subj)} {tok.text}"


def _others_hit(lex: Lexicon, tok: Token) -> bool:
    """Whether a reflexive's sentence tells someone else as the object of a harm's verb ("after
    shooting his girlfriend", "a deputy was wounded")."""
    return any(t.dep_ in ("dobj", "nsubjpass") and t.i != tok.i and t.lower_ not in REFLEXIVE
               and t.pos_ in ("NOUN", "PROPN", "PRON") and t.head.lower_ in lex.trigger_words
               for t in tok.sent)


def attacker_himself(lex: Lexicon, tok: Token) -> bool:
    """A reflexive victim that is an attacker who also hit others ("killed his wife and himself",
    "shot three people before shooting himself", "the gunman shot himself"), not a person who
    shot himself by accident."""
    if tok.dep_ == "conj":
        return True
    verb = tok.head
    subj = next((c for c in verb.children if c.dep_ in SUBJ), None)
    if subj is not None and vtype(lex, subj) == ("unknown", True):
        return True
    node = verb
    for _ in range(_MAX_CLAUSE_UP):  # up through "before shooting himself", "and then himself"
        if node.dep_ not in ("advcl", "conj", "pcomp", "pobj", "prep"):
            break
        node = node.head
        obj = next((c for c in node.children if c.dep_ == "dobj" and c.lower_ not in REFLEXIVE), None)
        if obj is not None and node.pos_ == "VERB" and node.lower_ in lex.trigger_words:
            return True
        # "the gunman, mailing a note shortly before killing himself": the clause's own attacker
        doer = node.head if node.dep_ == "acl" else None
        if doer is not None and doer.pos_ in ("NOUN", "PROPN") and vtype(lex, doer) == ("unknown", True):
            return True
    return False


def count_number_head(lex: Lexicon, tok: Token) -> Claim | None:
    """A count headed by a number or quantity word: "three", "dozens of protesters"."""
    pobj = of_pobj(tok)
    if tok.lower_ in _NEED_OF and pobj is None:
        return None
    q = quantity_of_number(lex, tok)
    if q is None and pobj is not None:  # "a number of students"
        q = parse_count(tok.doc[tok.left_edge.i : tok.i + 2].text, lex.vague)
    if q is None:
        return None
    vt, perp, victims, partitive = "unknown", False, None, False
    tokens = [tok.doc[tok.left_edge.i], tok]
    if pobj is not None:
        typed = vtype(lex, pobj) if pobj.pos_ in ("NOUN", "PROPN") else ("unknown", False)
        if typed is None:
            return None
        vt, perp = typed
        victims = victim_words(pobj)
        partitive = pobj.lower_ in DEFINITE or any(
            c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in pobj.children
        )
        tokens.append(pobj)
        # "all of the 12 people": the object's own number counts; a number of them is a part
        # ("one of the three men was killed": 1, not 3)
        if pobj.pos_ == "NOUN" and not tok.like_num and any(c.dep_ == "nummod" for c in pobj.children):
            inner = count_token(lex, pobj, 1)
            if inner is not None:
                return inner
    else:
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.pos_ == "NOUN" and vtype(lex, nxt) is None:
            return None  # "three vehicles"
        if tok.dep_ == "nummod" and tok.head.pos_ in ("NOUN", "PROPN") and vtype(lex, tok.head) is None:
            return None
    if tok.dep_ == "pobj" and tok.head.lower_ in lex.partitive_heads:
        partitive = True
    return Claim(q[0], q[1], q[2], q[3], tokens, victims, vt, partitive, perp)


def _parts(lex: Lexicon, arg: Token) -> list[Token]:
    """The heads of a victim phrase's conjuncts ("two men and a woman"), `arg` first."""
    parts = [arg]
    if arg.dep_ in SUBJ and not own_predicate(arg):  # a second subject the parser could not coordinate
        parts += [c for c in arg.head.children if c.dep_ == arg.dep_ and c.i > arg.i and not c.is_punct
                  and not own_predicate(c)]  # "one dead, two hurt": each count has its own outcome
    if arg.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        parts += [
            c for c in arg.conjuncts
            if c.i > arg.i and (c.pos_ in ("NOUN", "PROPN", "NUM") or c.lower_ in SINGULAR_PRONOUNS)
            # "one dead, two critical": a conjunct with its own predicate is another claim
            and not own_predicate(c)
        ]
        if arg.tag_ in ("NN", "NNP") or arg.lower_ == "one":
            # "one lieutenant, four soldiers and three civilians": the parser makes the list an apposition
            for app in arg.children:
                if app.dep_ == "appos" and quantity_child(lex, app) is not None and app.conjuncts:
                    parts += [app, *(c for c in app.conjuncts if c.i > app.i)]
    # "he [Smith] died": a name in brackets is the editor's gloss of the word before it
    parts = [p for i, p in enumerate(parts) if i == 0 or p.i == 0 or p.doc[p.i - 1].text not in ("[", "(")]
    return [p for p in parts if not across_bar(arg, p)]  # another headline of the page


def count_phrase(lex: Lexicon, arg: Token) -> list[Claim]:
    """Claims of a victim phrase with its conjuncts, one per victim type (same type summed)."""
    if arg.lower_ in RELATIVE_PRONOUNS and arg.head.dep_ == "relcl":
        arg = arg.head.head  # "a girl and her mother who were killed": count the antecedent
    claims = [c for c in (count_token(lex, p) for p in _parts(lex, arg)) if c is not None]
    if len(claims) <= 1:
        return claims
    claims = one_per_person(claims)
    if len(claims) >= 3 and claims[0].best == sum(c.best for c in claims[1:]):
        return claims[:1]  # "three people, two men and a woman": the list spells out the first
    merged: dict[tuple[str, bool, bool], Claim] = {}
    for c in claims:
        key = (c.victim_type, c.perpetrator, c.partitive)
        if key not in merged:
            merged[key] = c
            continue
        m = merged[key]
        m.low += c.low
        m.best += c.best
        m.high = None if m.high is None or c.high is None else m.high + c.high
        m.tokens += c.tokens
        m.victims = f"{m.victims} and {c.victims}"
    return list(merged.values())


def one_per_person(claims: list[Claim]) -> list[Claim]:
    """Drop a claim that names again a person named by an earlier claim of the same list (a page
    title repeated before the story: "Dana Reyes, 34 - Daily Report - Dana Reyes, a 34-year-old...")."""
    kept: list[Claim] = []
    for c in claims:
        if c.person and any(k.person and same_person(c.person, k.person) for k in kept):
            continue
        kept.append(c)
    return kept
