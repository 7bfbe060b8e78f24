"""Filters: outcome words that report no event's casualties (threats, plans and possibilities,
cases recalled from earlier years, running totals, obituaries, bodies not found, denials)."""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span, Token

from pipeline.aspect import attributive_participle, habitual, purpose_infinitive, recalled_death, told_deed
from pipeline.casualties.claim import Claim
from pipeline.casualties.grammar import KNOWN_DETERMINERS, SUBJ, says_none
from pipeline.casualties.lexicon import Lexicon
from pipeline.casualties.words import is_person, known_plural
from pipeline.doctext import doc_text

_YEAR_IN_RE = re.compile(r"\b(1[89]|20)\d\d\b")
# A time span that makes a count a running total ("since 1980", "in the past ten years", "this year").
_PAST_RE = re.compile(r"\b(last (year|summer|spring|fall|autumn|winter)|years? ago|decades? ago|months ago)\b")
_YEAR_ANY_RE = re.compile(r"\b((?:19|20)\d\d)\b")
_SPAN_RE = re.compile(r"\b(years|decades?|months|so far|to date|(this|last|past) year|the (19|20)\d\ds)\b")
# A span of years that tells the victims' ages, not a period: "30 years old", "19-40 years of age".
_AGE_RE = re.compile(r"[\d\s,]*(?:\b(?:to|and|or|between|from)\b[\d\s,]*)*\byears?(?:[- ]old\b|\s+of age\b(?!-))")
# Words before a span of years that make it the victims' ages ("aged 18 to 25 years").
_AGE_WORDS = frozenset({"aged", "age", "ages"})
_DECADE_RE = re.compile(r"\b(1[89]|20)\d0s\b")
_CONDITIONS = ("if", "unless", "lest")
# How far up the parse (through infinitives, clauses, conjuncts) a modal or an intent is sought.
_MAX_CLAUSE_STEPS = 4
# Dependencies that keep one clause: a modal or intent above them still governs the trigger.
_CLAUSE_DEPS = ("xcomp", "conj", "acl", "advcl", "pcomp", "relcl", "ccomp", "oprd")
_DETERMINERS = ("a", "an", "the", "this", "that")
_NEGATIONS = ("none", "not", "non", "neither")
# Words that make an adjective of death fall short of it ("near-fatal").
_ALMOST = ("near", "nearly", "almost")
# Words that open a clause of an incident that came before the one told ("two days after another
# man was shot", "since another officer was killed").
_EARLIER_MARKS = ("after", "since")
# Prepositions whose object may be an incident of its own ("in another attack", "during other
# protests"); "on the second floor", "at another house" are places.
_INCIDENT_PREPOSITIONS = ("in", "during")
_ANNUAL = ("annually", "yearly")
# Prepositions that put a toll inside a whole war ("died in the civil war").
_WAR_PREPS = ("in", "during", "throughout")
_NEW_PEOPLE = ("another", "one", "someone", "somebody")
# Clause links of a deed asked for under a verb of calling ("call for them to be killed").
_ASKED_DEPS = ("xcomp", "ccomp", "advcl")
# Words that name who is called on, or what is called for: "call for", "called on/upon".
_CALL_PREPS = ("for", "on", "upon")


def called_for(lex: Lexicon, trig: Token) -> bool:
    """A killing or wounding verb that is itself the deed one calls on others to do (`call_verbs`):
    "songs that call for foreigners to be killed or beaten", "called on his listeners to kill two
    journalists", "demanded that the men be shot", "incited the crowd to kill". The deed asked for
    must be an infinitive (or a bare "be" clause) with someone named to do or suffer it; only the
    trigger's own clause counts, so "called 911 to report he had been shot" stays a report."""
    node = trig.head if trig.dep_ == "conj" else trig  # "to be killed or beaten"
    head = node.head
    if node.dep_ not in _ASKED_DEPS or head == node or head.lemma_.lower() not in lex.call_verbs:
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
    bare_be = node.dep_ == "ccomp" and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "be" for c in node.children)
    someone = (any(c.dep_ == "mark" and c.lower_ == "for" for c in node.children)
               or any(c.dep_ in ("prep", "dobj") and (c.dep_ == "dobj" or c.lower_ in _CALL_PREPS)
                      for c in head.children))
    return bare_be or (infinitive and someone)


def hypothetical(lex: Lexicon, trig: Token) -> bool:
    """A threat, a plan, a possibility or a condition rather than a report."""
    intent = lex.hypothetical_heads
    doc = trig.doc
    if called_for(lex, trig) or purpose_infinitive(trig):
        return True  # "songs that call for them to be killed", "sent troops to kill them": not done
    if trig.i >= 2 and doc[trig.i - 1].lower_ == "to" and doc[trig.i - 2].lower_ in intent:
        return True  # "with intent to kill", "a plot to kill", whatever the parser made of them
    if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in intent and c.lower_ != "threatening"
           for c in trig.children):
        return True  # "attempted murder", "the plot killing"; "life-threatening injuries" are injuries
    clause = None  # "there should have been six people dead", "six people could be dead"
    if trig.dep_ in ("acomp", "oprd"):
        clause = trig.head
    elif trig.dep_ in ("amod", "acl") and trig.head.dep_ in ("attr", "dobj", "nsubj", "nsubjpass"):
        clause = trig.head.head
    if clause is not None:
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in lex.modals for c in clause.children):
            return True
    node, own = trig, False
    for _ in range(_MAX_CLAUSE_STEPS):
        if _unreal_clause(lex, node, modal_only=own):
            return True
        if node.dep_ not in _CLAUSE_DEPS:
            break
        if node.dep_ == "conj" and any(c.dep_ in SUBJ for c in node.children):
            break  # a coordinated clause with its own subject stands on its own
        # An adverbial clause that tells a deed done is its own: what the verb above intends
        # is not it ("were trying to flee when soldiers opened fire, killing five"), though a
        # modal above still governs it ("must wait until a soldier is injured").
        own = own or told_deed(node)
        node = node.head
    return False


def _unreal_clause(lex: Lexicon, node: Token, modal_only: bool = False) -> bool:
    """One step of `hypothetical`: `node` has a modal or a condition, or (unless `modal_only`)
    is an infinitive wanted, asked for, habitual or denied by the word it hangs on."""
    for child in node.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in lex.modals:
            return True
        if child.dep_ == "mark" and child.lower_ in _CONDITIONS:
            return True
    if modal_only:
        return False
    intent = lex.hypothetical_heads
    # "threatened to kill", "a plot to kill": an infinitive under a verb or noun of intent
    wanted = node.dep_ in ("xcomp", "ccomp") or (
        node.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
    )
    if wanted and (node.head.lemma_.lower() in intent or node.head.lower_ in intent):
        return True
    if (node.dep_ in ("xcomp", "ccomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            and node.head.lemma_.lower() in lex.request_heads):
        return True  # "yelled at them to kill him", "begged him to shoot": asked, not done
    used = node.head
    if (node.dep_ == "xcomp" and used.lower_ == "used" and used.i + 1 < len(used.doc)
            and used.doc[used.i + 1].lower_ == "to" and any(
                c.dep_ == "nsubj" and (c.pos_ == "PRON" or is_person(lex, c)) for c in used.children)):
        return True  # "I used to kill people": a habit ("the gun used to kill her", "used gas to ...": events)
    if node.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "neg" for c in node.head.children):
        return True  # "don't let him die", "did not want to kill anyone"
    return False


def story_year(doc: Doc, published: str | None) -> int:
    """The year of the story: its publication date's, else the latest year it writes (a page's
    date line, "Friday, March 6, 2015"), else 0 (unknown)."""
    if published:
        return int(published[:4])
    return _latest_year(doc)


@functools.lru_cache(maxsize=4)  # asked once per dated claim: read each story's text once
def _latest_year(doc: Doc) -> int:
    return max((int(y) for y in _YEAR_ANY_RE.findall(doc_text(doc))), default=0)


def ent_at(doc: Doc, i: int) -> Span | None:
    """The entity that holds token `i`, found from the token's IOB tags: `Doc.ents` builds
    every entity of the document on each call, too slow once per claim in a long article."""
    if not doc[i].ent_type_:
        return None
    start, end = i, i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=doc[i].ent_type_)


def ents_in(span: Span) -> list[Span]:
    """The entities that start in `span` (as `Span.ents`, without walking the whole Doc)."""
    return [ent for tok in span if tok.ent_iob_ == "B" and (ent := ent_at(tok.doc, tok.i)) is not None]


def dated_before(trig: Token, published: str | None) -> bool:
    """The claim's clause carries a date in an earlier year than the story's ("in 2012",
    "summer of 2012", "last year", "years ago")."""
    clause = trig if trig.pos_ in ("VERB", "AUX", "ADJ") else trig.head
    if clause.dep_ == "relcl" and clause.head.ent_type_ == "DATE":
        # "since 2011, when 17 were killed", "in June 2016, where 49 died": a case recalled by its date
        head = clause.head
        ent = ent_at(trig.doc, head.i)
        years = [int(y) for y in _YEAR_ANY_RE.findall(ent.text)] if ent is not None else []
        if years and max(years) < story_year(trig.doc, published):
            return True
    for ent in ents_in(trig.sent):
        if ent.label_ != "DATE" or not (ent.root.head in (clause, trig) or ent.root.head.head in (clause, trig)):
            continue
        text = ent.text.lower()
        if _PAST_RE.search(text):
            return True
        years = [int(y) for y in _YEAR_ANY_RE.findall(text)]
        if years and max(years) < story_year(trig.doc, published):
            return True
    return False


def running_total(lex: Lexicon, trig: Token) -> bool:
    """A statistic over a period ("13,000 killed since 1980", "64 homicides this year"), not an event."""
    clause = trig.head if trig.pos_ in ("NOUN", "PROPN") and trig.dep_ != "ROOT" else trig
    if clause.pos_ not in ("VERB", "AUX", "ADJ") and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head
    for tok in clause.subtree:
        if tok.lower_ in _ANNUAL and tok.head in (clause, trig):
            return True
        if tok.lower_ == "since" and (tok.head in (clause, trig) or tok.head.head in (clause, trig)):
            # "since 1980", "since January", "since the war began": a running total;
            # "since Monday", "since the unrest began on Sunday": the toll of an event still going on
            span_text = " ".join(t.lower_ for t in (tok.subtree if tok.dep_ == "prep" else tok.head.subtree))
            if _YEAR_IN_RE.search(span_text) or any(m in span_text.split() for m in lex.months) or any(
                w in span_text.split() for w in lex.eras
            ):
                return True
        if tok.dep_ == "prep" and tok.head == clause and tok.lower_ in _WAR_PREPS and any(
                g.dep_ == "pobj" and g.lemma_.lower() in lex.wars for g in tok.children):
            return True  # "died in the civil war", "killed during the insurgency": a war's toll
        if tok.ent_iob_ == "B" and tok.ent_type_ == "DATE":
            ent = ent_at(tok.doc, tok.i)
            if ent is not None and _SPAN_RE.search(_without_ages(ent)):
                return True  # "over the past 10 years"; not an age, "aged 19 to 40 years"
    return False


def _without_ages(ent: Span) -> str:
    """A DATE entity's text without the victims' ages it tells ("30 years old", "19 to 40 years
    of age"; all of it after "aged" or "age": "aged 18 to 25 years"), so that what is left shows
    whether it is a period ("under 16 years of age over the past decade"; "age-old" is none)."""
    i = ent.start - 1
    while i >= 0 and ent.doc[i].lower_ in ("from", "between"):
        i -= 1  # "ranged in age from 20 to 45 years"
    if i >= 0 and ent.doc[i].lower_ in _AGE_WORDS:
        return ""
    return _AGE_RE.sub(" ", ent.text.lower())


def implies_death(lex: Lexicon, trig: Token) -> bool:
    """A singular noun naming a killing that stands for its event ("the homicide", "charged with
    murder", "a death"), not a modifier ("homicide detectives", "murder charges") nor a fate
    ("sentenced to death")."""
    low = trig.lower_
    if low not in lex.implied_deaths or trig.tag_ not in ("NN", "NNP") or trig.dep_ in ("compound", "amod"):
        return False
    nxt = trig.doc[trig.i + 1] if trig.i + 1 < len(trig.doc) else None
    if nxt is not None and nxt.pos_ == "NOUN":
        return False  # a compound the parser missed: "murder trial", "homicide unit"
    prv = trig.doc[trig.i - 1] if trig.i > 0 else None
    if prv is not None and prv.lower_ in ("to", "intent"):
        return False  # "assault with intent to murder", "sentenced to death": no one died
    scope = [trig, trig.head, trig.head.head]
    if any(c.lower_ in lex.earlier for t in scope for c in t.children) or _DECADE_RE.search(trig.sent.text):
        return False  # "a prior conviction for murder", "served time for a killing in the 1990s"
    if trig.dep_ in ("dobj", "pobj") and hypothetical(lex, trig.head if trig.dep_ == "dobj" else trig.head.head):
        return False  # "conspiracy to commit murder", "a plot to carry out a killing"
    if low in lex.implied_with_det:
        return any(c.dep_ == "det" and c.lower_ in _DETERMINERS for c in trig.children)
    return True


def body_found(lex: Lexicon, trig: Token) -> bool:
    """A body noun that reports a death: what is found, recovered or lies somewhere."""
    node = trig.head if trig.dep_ != "conj" else trig.head.head
    return node.lemma_.lower() in lex.finding_verbs


def negated(trig: Token) -> bool:
    """The outcome itself is denied ("was not injured", "no injuries")."""
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in trig.children)


def fatal(lex: Lexicon, trig: Token) -> bool:
    """A hit made a death: "was fatally struck", "fatally wounding his brother", "shooting five
    to death", "the fatal shooting of a man" (but not "none fatally")."""
    view = trig.doc
    return any(
        c.dep_ == "advmod" and c.lower_ in lex.fatal_adverbs and view[c.i - 1].lower_ not in _NEGATIONS
        for c in trig.children
    ) or any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
             for c in trig.children) or (
        # a hit told by a noun: "the fatal police shooting of a man" (not a "non-fatal" one)
        trig.pos_ == "NOUN" and trig.lower_ in lex.shot_nouns
        and any(c.dep_ == "amod" and c.lower_ in lex.fatal_adjectives and not undone(c) for c in trig.children))


def undone(adjective: Token) -> bool:
    """Whether a word before an adjective undoes it: "non-fatal", "near-fatal", "not fatal"."""
    doc = adjective.doc
    before = adjective.i - 2 if adjective.i >= 2 and doc[adjective.i - 1].text == "-" else adjective.i - 1
    return before >= 0 and doc[before].lower_ in (*_NEGATIONS, *_ALMOST)


def either_outcome(lex: Lexicon, trig: Token) -> bool:
    """Whether the outcome word is one of two of different outcomes joined by "or" ("hurt or
    killed", "killed or wounded"), the second without a subject of its own: the number counts
    the victims of both, so it is the toll of neither (counted as both, "eight hurt or killed"
    made eight dead and eight hurt). A denial ("no one was killed or injured") still counts
    none of either."""
    first, partners = (trig.head, [trig]) if trig.dep_ == "conj" else (trig, list(trig.children))
    if not any(c.dep_ == "cc" and c.lower_ == "or" for c in first.children) or _denied(first):
        return False
    mine = _outcome_of(lex, first)
    return mine is not None and any(
        p.dep_ == "conj" and p.head.i == first.i and not any(c.dep_ in SUBJ for c in p.children)
        and _outcome_of(lex, p) not in (None, mine)
        for p in partners
    )


def _outcome_of(lex: Lexicon, tok: Token) -> str | None:
    """The outcome an outcome verb names, by its form or its lemma (None for other words)."""
    return lex.word_outcome.get(tok.lower_) or lex.word_outcome.get(tok.lemma_.lower())


def _denied(verb: Token) -> bool:
    """Whether the verb is negated or its subject denies anyone ("nobody", "no one": `says_none`)."""
    return negated(verb) or any(c.dep_ in SUBJ and says_none(c) for c in verb.children)


# The prepositions of a charge's offence ("with murder", "on two counts", "over the attack",
# "in the shooting").
_CHARGE_PREPS = ("with", "on", "over", "in")


def charge_without_arrest(lex: Lexicon, trig: Token) -> bool:
    """Whether a charge verb ("charged") tells no arrest. A charge is told by a passive without
    an agent ("two men were charged"), by the incident or an offence (`offences`) after "in"
    ("charged in the shooting", "in connection with") or as what one is charged "with", "on" or
    "over" ("charged him with murder", "was charged by police with assault"); anything else is
    a rush ("police charged the crowd after the killing", "were charged by riot police", "he
    charged at officers"). A charge of someone at large is no arrest either (`at_clause_large`)."""
    if trig.lower_ not in lex.charges:
        return False
    if at_clause_large(lex, trig):
        return True
    children = list(trig.children)
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in children) and not any(c.dep_ == "agent" for c in children):
        return False
    # The parser hangs "with murder" on the verb or on its object ("charged a teen with murder").
    heads = [trig, *(c for c in children if c.dep_ == "dobj")]
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in _CHARGE_PREPS):
        if any(t.lemma_.lower() in lex.offences or t.lower_ in lex.offences
               for obj in prep.children if obj.dep_ == "pobj" for t in _charge_words(obj)):
            return False  # "with murder", "on two counts of assault", "in the shooting"
    return True


def _charge_words(noun: Token) -> list[Token]:
    """The words of what one is charged with: the noun, its compounds and modifiers, and an "of"
    chain ("two counts of attempted murder"); not the rest of the phrase ("on the anniversary
    of the killing", "near the site of the attack": when, where)."""
    words = [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod", "nmod"))]
    if noun.lemma_.lower() in ("count", "charge"):
        words += [t for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj" for t in _charge_words(o)]
    return words


def at_clause_large(lex: Lexicon, trig: Token) -> bool:
    """Whether the clause of a charge tells its suspect is at large (`at_large`: "a warrant was
    issued for two men who have been charged", "the suspects, charged with robbery, remain at
    large"): the clause the charged person's phrase belongs to, without the clauses joined to it
    ("two men were charged, and police are hunting a third" holds two suspects)."""
    if lex.at_large is None:
        return False
    clause = trig
    if trig.dep_ in ("acl", "relcl"):  # "two men who have been charged": the men's own clause
        clause = trig.head
        while clause.dep_ not in ("ROOT", "conj", "ccomp", "advcl") and clause.head != clause:
            clause = clause.head
    # Not a clause of its own: one joined with its own subject, or one of time or cause ("after
    # police served a search warrant").
    skip = {t.i for c in clause.children if c.dep_ == "advcl" or (c.dep_ == "conj" and any(
        g.dep_ in ("nsubj", "nsubjpass") for g in c.children)) for t in c.subtree}
    words = " ".join(t.lower_ for t in clause.subtree if t.i not in skip)
    return bool(lex.at_large.search(words))


def not_a_report(lex: Lexicon, trig: Token, outcome: str) -> bool:
    """An outcome word that reports no casualty of this event: a threat or plan, a running total,
    what nearly happened, an obituary's survivors, a body not found, people the story knows, the
    one who did it."""
    if hypothetical(lex, trig) or running_total(lex, trig) or habitual(trig, lex.habit_adverbs):
        return True  # "people get shot every day": a habit, no incident
    if outcome == "arrested" and charge_without_arrest(lex, trig):
        return True  # "riot police charged the crowd", "a warrant for the man, who is charged"
    if either_outcome(lex, trig):
        return True  # "eight have been hurt or killed": the toll of both, not of either
    if any(c.dep_ == "advmod" and c.lower_ in lex.counterfactual for c in trig.children):
        return True  # "nearly killed", "possibly killing the trooper"
    if outcome == "killed" and attributive_participle(trig, lex.attributive_past):
        return True  # "founded by assassinated former premier X": who X was, not a death reported
    if outcome == "killed" and recalled_death(trig, lex.recalled_nouns, lex.killing_verbs):
        return True  # "shares fell after his assassination", in a story that tells no killing
    if trig.lower_.startswith("surviv") and (
        any(c.dep_ in ("agent", "auxpass") for c in trig.children) or trig.dep_ == "amod"
    ):
        return True  # "she is survived by two sons", "her surviving son": family, not an injury
    if trig.lower_ in lex.body_nouns and not body_found(lex, trig):
        return True  # "pain in his body", "escorted her body home": not a report of a death
    if trig.dep_ == "amod" and known_plural(lex, trig.head):
        return True  # "her dead cousins", "their wounded sons": people the story knows, not a toll
    if trig.dep_ in ("amod", "compound") and (
        trig.head.lemma_.lower() in lex.perpetrators or (outcome == "shot" and not is_person(lex, trig.head))
    ):
        return True  # "the shooting suspect", "a shooting scene": who did it or where, not who was hit
    return False


def condition_of_known_victim(lex: Lexicon, trig: Token, phrase: str, claim: Claim) -> bool:
    """"The boy was in critical condition", "his nephew was hospitalised", "the wounded teen":
    the state of a victim the story already knows, who may have died since; not a new injured
    person (reconcile counts them as injured only when no death takes them)."""
    if not (phrase in lex.condition_nouns or trig.dep_ == "amod" or phrase.startswith("hospitali")):
        return False
    head = claim.tokens[-1]
    if head.lower_ in _NEW_PEOPLE:
        return False  # "one dead and another with critical injuries": someone new
    if head.pos_ in ("PRON", "PROPN"):
        return True
    return any(c.dep_ in ("det", "poss") and c.lower_ in KNOWN_DETERMINERS for c in head.children)


def told_as_earlier(trig: Token) -> bool:
    """Whether an outcome word lies in a clause opened by "after" or "since" ("shot on Friday, two
    days after another man was shot on the same street") or in a relative clause ("the bar where
    another man was killed"), or its verb is told "since" a time ("six more have been wounded
    since last week"): an incident before the one told, or a tally."""
    if any(c.dep_ == "prep" and c.lower_ == "since" for c in trig.children):
        return True
    tok = trig
    while tok.dep_ != "ROOT" and tok.head is not tok:
        # ... or a relative clause: what a place or a person has seen ("the bar where another
        # man was killed")
        if tok.dep_ == "relcl" or any(c.dep_ == "mark" and c.lower_ in _EARLIER_MARKS for c in tok.children) or (
                tok.dep_ == "pcomp" and tok.head.lower_ in _EARLIER_MARKS):
            return True
        tok = tok.head
    return False


def another_incident(words: frozenset[str], sentence: Span, victim: Token) -> bool:
    """Whether a sentence puts its claim in another incident by an added word on the object of a
    preposition of an incident ("in", "during") that is not the victims ("two more people were
    shot in another attack", "during other protests"), or an ordinal ("in a second shooting"; not
    "on the second floor"); `words`: the added words ("another", "other", ...)."""
    return any((t.lower_ in words or t.ent_type_ == "ORDINAL") and t.head.dep_ == "pobj" and t.head.i != victim.i
               and t.head.head.lower_ in _INCIDENT_PREPOSITIONS for t in sentence)


def timed(sentence: Span) -> bool:
    """Whether a sentence gives a date or a time of its own ("on Sunday", "minutes later"), or
    quotes someone ("'Another kid got shot,' a neighbour said": a lament, not a count)."""
    return any(e.label_ in ("DATE", "TIME") for e in sentence.ents) or any(t.is_quote for t in sentence)
