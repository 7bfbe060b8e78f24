"""What single tokens are: counts, ages, people, names, victim types (read with the lexicon)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from pipeline.casualties.lexicon import Lexicon
from pipeline.numbers import Count, parse_count, parse_number

_YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")
_BARS = {"|", "\u00ab", "\u00bb"}
# What follows a number that is an age, a time, an amount or an address, not a count of people.
_AGE_FOLLOWERS = ("- year", "-year", "year", "years old", "yr", "month", "p.m", "a.m", "percent", "%",
                  "o'clock", "block", "- month")
_NOT_COUNT_ENTS = ("MONEY", "PERCENT", "TIME", "ORDINAL")
_NUMBER_SIGNS = ("$", "#", "No.", "no.")
_AGE_WORDS = ("aged", "age", "ages")
# What may follow "Name, 25" when 25 is an age: "Justin Burns, 14, of Palisade".
_AFTER_AGE = (",", ";", "of", ")", "-", "\u2013", "|", ".")
# Range words that tie a second number to the first: "10 to 15", "10 and 15".
_RANGE_WORDS = ("to", "and", "or", "-")
_RANGE_DEPS = ("conj", "prep", "quantmod", "cc")
# How far left a phrase's first word may lie and still lead the victim phrase.
_MAX_LEAD = 6
# Tokens read after a number for what it measures ("years old", "p.m."), and for a month beside it.
_UNIT_WINDOW = 3
_MONTH_WINDOW = 2


def across_bar(a: Token, b: Token) -> bool:
    """A page separator ("|", "«", "»") lies between two tokens: they belong to different headlines
    or to a headline and the site's menu ("... 1 killed | Local, Traffic, Opinion")."""
    lo, hi = sorted((a.i, b.i))
    return any(t.text in _BARS for t in a.doc[lo + 1 : hi])


def is_year(tok: Token) -> bool:
    """A four-digit year ("2015")."""
    return bool(_YEAR_RE.match(tok.lower_))


def is_quantity(lex: Lexicon, tok: Token) -> bool:
    """A token that can head a count: a number, a number word or a vague quantity word."""
    low = tok.lower_
    if low in lex.quantity_words or low in lex.quantity_nouns:
        return True
    if tok.like_num and not tok.is_punct:
        # a bare year ("December 5, 2015") is not a count; "2015 people" would be
        return not (_YEAR_RE.match(low) and not (tok.dep_ == "nummod" and is_person(lex, tok.head)))
    return tok.pos_ == "NUM" and parse_number(low) is not None


def vtype(lex: Lexicon, tok: Token) -> tuple[str, bool] | None:
    """(victim type, is perpetrator) of a noun, or None for a non-human noun."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    # A person's name that spells a thing ("Officer Dana Bank") is no thing.
    if (lemma in lex.non_human or low in lex.non_human) and tok.ent_type_ != "PERSON":
        return None
    if lemma in lex.perpetrators or low in lex.perpetrators:
        return "unknown", True
    for key in (low, lemma):
        if key in lex.victim_type:
            return lex.victim_type[key], False
    for child in tok.children:  # "security forces", "police personnel"; not "Police: One man shot"
        if (child.dep_ in ("compound", "amod") and child.lemma_.lower() in lex.victim_type
                and not any(t.is_punct for t in tok.doc[min(child.i, tok.i) + 1 : max(child.i, tok.i)])):
            return lex.victim_type[child.lemma_.lower()], False
    if tok.ent_type_ == "NORP":
        return "civilians", False
    # a bare name says nothing of the role ("Officer Cottrell" elsewhere): unknown, so that it
    # merges with the typed mentions of the same person instead of adding to them
    return "unknown", False


def is_name(tok: Token) -> bool:
    """A capitalised word inside a sentence that the tagger or NER takes for a name."""
    if tok.ent_type_ in ("PERSON",):
        return True
    if tok.ent_type_ not in ("", "NORP", "ORG") or not tok.is_title:
        return False
    return tok.pos_ == "PROPN" or tok.tag_ == "NN"


def is_person(lex: Lexicon, tok: Token) -> bool:
    """A noun that names people for sure (so that a bare singular counts as one)."""
    lemma = tok.lemma_.lower()
    return (
        lemma in lex.victim_type
        or tok.lower_ in lex.victim_type
        or lemma in lex.perpetrators
        or tok.ent_type_ == "PERSON"
    )


def is_common_noun(lex: Lexicon, tok: Token) -> bool:
    """A word of the victim lexicons ("Officer", "Man" in a headline), not a name."""
    lemma, low = tok.lemma_.lower(), tok.lower_
    return any(w in lex.victim_type or w in lex.perpetrators for w in (lemma, low))


def person_name(lex: Lexicon, tok: Token) -> str | None:
    """The name of one person a noun names ("Dana Reyes", "Officer Dana Reyes" -> "Dana Reyes"),
    or None for a common noun."""
    if not is_name(tok) or is_common_noun(lex, tok) or (tok.lower_ in lex.non_human and tok.ent_type_ != "PERSON"):
        return None
    words: list[Token] = []
    for c in reversed(list(tok.lefts)):  # nearest first; a glued or common word ends the name
        if c.i != (words[0].i if words else tok.i) - 1 or not (
                c.dep_ == "compound" and c.is_title and not is_common_noun(lex, c) and c.pos_ == "PROPN"):
            break
        words.insert(0, c)
    return " ".join(t.text for t in [*words, tok])


def quantity_of_number(lex: Lexicon, num: Token) -> Count | None:
    """Count of a number token with its modifiers ("at least 20", "between 10 and 15")."""
    doc = num.doc
    if is_age(lex, num):
        return None
    start = num.left_edge.i
    end = num.i + 1
    for child in num.rights:  # ranges: "10 to 15", "10 and 15" hang off the first number
        if child.dep_ in _RANGE_DEPS and child.lower_ in _RANGE_WORDS:
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ == "conj" and child.like_num:
            end = max(end, child.i + 1)
    if start > 0 and doc[start - 1].lower_ in ("a", "an") and num.lower_ not in ("one",):
        start -= 1  # "a few", "a dozen"
    text = doc[start:end].text
    found = parse_count(text, lex.vague) or parse_count(num.text, lex.vague)
    if found is None and start > 0:
        found = parse_count(doc[start - 1 : num.i + 1].text, lex.vague)
    return found


def is_age_head(tok: Token) -> bool:
    """Whether a token heads an age used as a noun ("a 19-year-old", "two 17-year-olds"): "old"
    two tokens after "year"."""
    return tok.lower_ in ("old", "olds") and tok.i > 1 and tok.doc[tok.i - 2].lower_ in ("year", "years")


def is_age(lex: Lexicon, num: Token) -> bool:
    """A number that is an age, a time or an amount rather than a count of people."""
    doc = num.doc
    nxt = doc[num.i + 1 : num.i + 1 + _UNIT_WINDOW]
    low = " ".join(t.lower_ for t in nxt)
    if low.startswith(_AGE_FOLLOWERS):
        return True
    if num.ent_type_ in _NOT_COUNT_ENTS:
        return True
    if num.ent_type_ == "QUANTITY" and not (num.i + 1 < len(doc) and doc[num.i + 1].lower_ in lex.trigger_words):
        return True  # "5 pounds"; but "1 killed" in a headline the tagger took for a measure is a count
    if num.i > 0 and doc[num.i - 1].text in _NUMBER_SIGNS:
        return True
    if num.dep_ == "appos" or (num.dep_ == "npadvmod" and num.head.pos_ == "PROPN"):
        return True  # "John Smith, 25," is his age
    if num.i > 0 and doc[num.i - 1].lower_ in _AGE_WORDS:
        return True
    nxt_word = next((t for t in doc[num.i + 1 : num.i + 1 + _MONTH_WINDOW] if not t.is_space), None)
    prv_word = next((t for t in reversed(doc[max(num.i - _MONTH_WINDOW, 0) : num.i]) if not t.is_space), None)
    if (nxt_word is not None and nxt_word.lower_.rstrip(".") in lex.months) or (
        prv_word is not None and prv_word.lower_.rstrip(".") in lex.months
    ):
        return True  # "the massacre of 16 November", "on Jan. 5"
    after = doc[num.i + 1].text if num.i + 1 < len(doc) else "."
    if num.i > 1 and doc[num.i - 1].text == "," and after in _AFTER_AGE:
        return doc[num.i - 2].pos_ in ("PROPN", "NOUN")  # "Justin Burns, 14, of Palisade": an age
    return False


def of_pobj(tok: Token) -> Token | None:
    """The object of "of" hanging off tok ("dozens of protesters" -> protesters)."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for gc in child.children:
                if gc.dep_ == "pobj":
                    return gc
    return None


def quantity_child(lex: Lexicon, noun: Token) -> Token | None:
    """The number or quantity word counting a noun ("12 officers", "several people")."""
    doc = noun.doc
    for child in noun.lefts:
        if any("\n\n" in t.text for t in doc[child.i : noun.i]):
            continue  # a number on another line (a headline, a caption) does not count this noun
        if child.dep_ in ("nummod", "quantmod") and not is_age(lex, child):
            return child
    for child in noun.lefts:
        if child.dep_ in ("amod", "det", "advmod", "nmod", "compound") and child.lower_ in lex.vague:
            return child
        if child.dep_ in ("amod", "compound", "nmod") and child.like_num and not is_age(lex, child):
            return child
    return None


def is_partitive_np(lex: Lexicon, noun: Token) -> bool:
    """A noun phrase that names part of a group counted elsewhere ("including two children")."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ in lex.partitive_heads


def left_lead(tok: Token) -> Token:
    """The first word of a victim phrase, when it is near enough to the noun to lead it."""
    return tok.doc[tok.left_edge.i] if tok.left_edge.i >= tok.i - _MAX_LEAD else tok


def victim_words(tok: Token) -> str:
    """The victim noun with its compounds and adjectives ("law-enforcement officers")."""
    doc = tok.doc
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("compound", "amod") and child.i < start and not child.like_num:
            start = min(start, child.left_edge.i)
        if child.dep_ == "det" and child.lower_ == "another":  # "another victim": one more
            start = min(start, child.i)
    return doc[start : tok.i + 1].text


def known_plural(lex: Lexicon, noun: Token) -> bool:
    """A bare plural with a possessive and no number ("his siblings", "their sons"): a group the
    reader is assumed to know, whose size this phrase does not tell."""
    return (noun.tag_ in ("NNS", "NNPS") and any(c.dep_ == "poss" for c in noun.children)
            and quantity_child(lex, noun) is None)


def own_predicate(tok: Token) -> bool:
    """A noun or number with its own outcome after it ("one dead", "two critical", "three others
    wounded"): a claim of its own, not part of a list."""
    return any(g.pos_ in ("ADJ", "VERB") and g.dep_ in ("amod", "acl", "acomp") and g.i > tok.i
               for g in tok.children)
