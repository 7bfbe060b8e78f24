"""Finding outcome words and reading their claims: the PhraseMatcher's matches in a Doc's case
view, each followed to its victims and counted, as one `ClaimRecord` per claim; the story-level
links then turn the records into the Doc's fact dicts."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.casualties import filters
from pipeline.casualties.arguments import (condition_argument, headline_number, holding_verb, noun_argument,
                                           people_of, state_argument, verb_argument)
from pipeline.casualties.claim import Claim, ClaimRecord, added, make_fact, others, told_back, zero_fact
from pipeline.casualties.lexicon import Lexicon
from pipeline.casualties.story import link_story
from pipeline.casualties.victims import count_phrase
from pipeline.casualties.words import known_plural

# Noun outcome phrases that name the injured themselves, not their wounds or condition.
_INJURED_WORDS = ("injured", "wounded", "dead")


@dataclass
class _DocClaims:
    """What is read from one Doc: kept per call, never on the component."""

    doc: Doc
    view: Doc
    records: list[ClaimRecord] = field(default_factory=list)
    used: set[tuple[str, int]] = field(default_factory=set)  # (outcome, victim token) already counted
    dead_nouns: set[str] = field(default_factory=set)  # lemmas of the nouns naming the dead

    def add(self, span: Span, outcome: str, claim: Claim, past: bool = False) -> None:
        """Record a claim without a victim token of its own (a suicide, an implied toll)."""
        self.records.append(ClaimRecord(make_fact(self.doc, self.view, span, outcome, claim, False, False),
                                        past=past))

    def add_zero(self, span: Span, outcome: str) -> None:
        """Record a denial ("no injuries") of an outcome."""
        self.records.append(ClaimRecord(zero_fact(self.doc, self.view, span, outcome)))


def claims(lex: Lexicon, view: Doc, doc: Doc) -> list[dict]:
    """All casualty facts (dicts) of a Doc, read from its case view."""
    state = _DocClaims(doc, view)
    for span in filter_spans(lex.matcher(view, as_spans=True)):
        _read_span(lex, state, span)
    return link_story(lex, state.records, state.dead_nouns)


def _read_span(lex: Lexicon, st: _DocClaims, span: Span) -> None:
    """The claims of one outcome phrase."""
    outcome = span.label_
    trig = span.root
    phrase = span.text.lower()
    # A prepositional phrase ("in custody") states what its verb of holding says of someone:
    # that verb carries the denial, the modal or the habit the filters read ("was not in
    # custody"); another verb's denial is of something else ("have not named the man in custody").
    clause = (holding_verb(lex, trig) or trig) if trig.pos_ == "ADP" else trig
    # A hit is told by a verb; by a noun only when an adjective makes it a death ("the fatal
    # police shooting of a man"): a bare "the shooting of a man" is as often an earlier
    # incident, a trial's, or a victim who died, as a hit this story reports.
    shot_noun = outcome == "shot" and trig.pos_ == "NOUN" and trig.lower_ in lex.shot_nouns
    fatal = outcome in ("shot", "injured") and filters.fatal(lex, trig)
    if outcome == "shot" and trig.pos_ != "VERB" and not (shot_noun and fatal):
        return
    if fatal:
        outcome = "killed"  # "was fatally struck", "fatally wounding his brother", "shooting five to death"
    # A blade's wound that does not kill counts only for victims told by number ("stabbed three
    # people", "two students were stabbed"): "stabbed in the back by his party" is a figure.
    blade = outcome == "shot" and phrase in lex.fatal_only
    if outcome in ("suicide", "implicit", "casualties"):
        _special(lex, st, span, outcome)
        return
    if filters.not_a_report(lex, clause, outcome):
        return
    supersedes = partitive = False
    among = trig.dep_ == "pobj" and trig.head.lower_ == "among"
    if shot_noun:
        arg = people_of(lex, trig)  # who was hit; "two deer", "the shooting scene" name no one
    elif among or (trig.pos_ in ("NOUN", "PROPN") and span[-1].pos_ in ("NOUN", "PROPN")):
        read = _noun_trigger(lex, st, span, outcome, phrase)
        if read is None:
            return
        arg, supersedes, partitive = read
    elif trig.pos_ == "ADP":
        arg = state_argument(lex, trig)  # "a man is in custody", "police have two men in custody"
    elif trig.lower_ == "fatally" and trig.head.pos_ == "NUM":
        arg = trig.head  # "two were shot, one fatally"
    else:
        arg = _verb_trigger(lex, span, outcome, phrase)
    arg, found = _victims(lex, trig, arg)
    if arg is None or (outcome, arg.i) in st.used or blade and not _counted(arg, trig):
        return
    st.used.add((outcome, arg.i))
    negated = filters.negated(clause) or (trig.dep_ == "pobj" and trig.head.lower_ == "without")
    for claim in found:
        _record(lex, st, span, outcome, phrase, claim, supersedes, partitive or claim.partitive, negated)


def _counted(arg: Token, verb: Token) -> bool:
    """Whether a blade verb's victims are told by number: a number ("three were stabbed") or a
    number on their noun ("stabbed two students"), and not "in the back" (the figure: "stabbed
    two colleagues in the back")."""
    in_back = any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ == "back" for g in c.children)
                  for c in verb.children)
    return not in_back and (arg.pos_ == "NUM" or any(c.dep_ == "nummod" for c in arg.children))


def _special(lex: Lexicon, st: _DocClaims, span: Span, outcome: str) -> None:
    """Phrases that carry their own claim: a suicide, an implicit toll, a denial of casualties."""
    trig = span.root
    if outcome == "suicide":  # "then turned the gun on himself": the attacker died
        if not filters.hypothetical(lex, trig):
            st.add(span, "killed", Claim(1, 1, 1, None, list(span), span[-1].text, "unknown", perpetrator=True))
    elif outcome == "implicit":  # "a double homicide", "an apparent murder-suicide"
        # ("a non-fatal shooting", "a near-fatal shooting": no death)
        if not filters.hypothetical(lex, trig) and not filters.undone(span[0]):
            kind, n = lex.implicit[" ".join(t.lower_ for t in span).replace(" - ", "-")]
            # "the fatal shooting of three neighbors": its "of" object counts the victims, when
            # it counts no fewer than the phrase ("the double shooting of a man" is still two)
            victims = people_of(lex, trig)
            told = count_phrase(lex, victims) if victims is not None else []
            if sum(c.best for c in told) < n:
                told = [Claim(n, n, n, span.text.lower(), list(span), None, "unknown")]
            for claim in told:
                st.add(span, kind, claim)
    elif filters.negated(trig) or (trig.i > 0 and st.view[trig.i - 1].lower_ == "no"):
        # casualties, killed or injured: only its denial is informative
        st.add_zero(span, "killed")
        st.add_zero(span, "injured")


def _noun_trigger(lex: Lexicon, st: _DocClaims, span: Span, outcome: str,
                  phrase: str) -> tuple[Token | None, bool, bool] | None:
    """(victim phrase, supersedes, partitive) of a noun outcome ("12 fatalities", "his wounds"),
    or None when the phrase is done with (no claim, a denial, a death implied)."""
    trig = span.root
    supersedes = partitive = False
    if (outcome == "injured" and phrase not in _INJURED_WORDS) or (
        outcome == "killed" and ("wound" in phrase or "injur" in phrase)
    ):
        if any(c.dep_ == "det" and c.lower_ == "no" for c in trig.children):
            arg = None
        else:
            arg = condition_argument(lex, trig)
    else:
        arg, supersedes, partitive = noun_argument(lex, trig)
        if arg is not None and known_plural(lex, arg):
            return None  # "the deaths of her cousins": how many, the story says elsewhere
    if arg is None and filters.negated(trig):
        st.add_zero(span, outcome)
        return None
    if outcome == "killed" and (arg is None or not count_phrase(lex, arg)) and filters.implies_death(lex, trig):
        # "police are investigating the homicide", "the killing followed a dispute": at least one dead
        claim = Claim(1, 1, None, "implied", [trig], None, "unknown")
        st.add(span, outcome, claim, past=filters.dated_before(trig, st.doc._.published))
        return None
    return arg, supersedes, partitive


def _verb_trigger(lex: Lexicon, span: Span, outcome: str, phrase: str) -> Token | None:
    """The victim phrase of a verb or adjective outcome."""
    trig = span.root
    arg = verb_argument(lex, trig, outcome, phrase)
    for other in span:  # "shot and killed a neighbor": the object hangs off "killed"
        if arg is None and other != trig and other.pos_ in ("VERB", "ADJ"):
            arg = verb_argument(lex, other, outcome, phrase)
    if arg is None:
        arg = headline_number(lex, trig)
    return arg


def _victims(lex: Lexicon, trig: Token, arg: Token | None) -> tuple[Token | None, list[Claim]]:
    """The victim phrase and its claims; when the parser's choice names no people ("four killed
    as gunmen storm village"), the noun the participle hangs on, then a number just before it."""
    found = count_phrase(lex, arg) if arg is not None else []
    if arg is not None and not found:
        alt = trig.head if trig.dep_ in ("acl", "amod") and trig.head.i != arg.i else None
        found = count_phrase(lex, alt) if alt is not None else []
        if found:
            arg = alt
        else:
            arg = headline_number(lex, trig) if trig.pos_ in ("VERB", "ADJ") else None
            found = count_phrase(lex, arg) if arg is not None else []
    return arg, found


def _record(lex: Lexicon, st: _DocClaims, span: Span, outcome: str, phrase: str, claim: Claim,
            supersedes: bool, partitive: bool, negated: bool) -> None:
    """Record one claim of a victim phrase, with what the story-level links need."""
    trig = span.root
    if negated:
        claim.low = claim.best = 0
        claim.high = 0
        claim.qualifier = "not"
    # "another man was shot in a separate incident", "two days after another man was shot", "in
    # another attack", a hit at a time of its own ("minutes later, another man was shot at a
    # gas station": often an incident of its own; arrests of a case go on for days): not beside
    # this story's victims
    beside = claim.best > 0 and added(claim, lex.added_words, objects=outcome == "arrested")
    if beside:
        sent = trig.sent
        # (an adjective or adverb: "a separate incident"; not the verb "to separate the crowd")
        beside = (not any(t.lower_ in lex.other_incident and t.pos_ in ("ADJ", "ADV") for t in sent)
                  and not filters.told_as_earlier(trig) and not filters.another_incident(lex.added_words, sent, claim.tokens[-1])
                  and not (outcome != "arrested" and filters.timed(sent)))
    fact = make_fact(st.doc, st.view, span, outcome, claim, supersedes, partitive, beside)
    record = ClaimRecord(fact, added=beside, head=claim.head_i, past=filters.dated_before(trig, st.doc._.published),
                         others=fact["outcome"] == "injured" and others(claim),
                         back=outcome == "killed" and (partitive or told_back(claim)),
                         whole=claim.tokens[-1].lower_ if (partitive or claim.partitive) and claim.tokens else None)
    if outcome == "injured" and claim.best == 1 and filters.condition_of_known_victim(lex, trig, phrase, claim):
        record.state = True
        head = claim.tokens[-1]
        if any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            record.state_noun = head.lemma_.lower()
    if outcome == "killed" and claim.best > 0 and not claim.perpetrator:
        st.dead_nouns.add(claim.tokens[-1].lemma_.lower())
    record.person = claim.person if (claim.low, claim.best, claim.high) == (1, 1, 1) else None
    st.records.append(record)
