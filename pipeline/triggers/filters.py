"""Filters of matched triggers: names and dates, talk of violence in general, threats and
intents, background clauses; and generic attack words that describe a riot or a battle."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span, Token

from pipeline.aspect import told_deed
from pipeline.numbers import parse_number
from pipeline.triggers.context import SentenceContext, one_of, prep_objects
from pipeline.triggers.policy import VIOLENT

# Entities whose words are names, not reports: "March 5", "Rally for the Republic".
_NAME_LABELS = frozenset({"DATE", "TIME", "PERSON", "ORG", "GPE", "LOC", "FAC", "WORK_OF_ART", "LAW",
                          "PRODUCT"})
_MODALS = frozenset({"will", "would", "could", "might", "may", "should", "must", "can", "shall", "'ll"})
# The modals of what is still to come or must be done ("will clash", "must fight"), not of
# what may have happened or could be seen ("may have clashed", "could be seen fighting").
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "must"})
# How a trigger hangs under a verb of intent ("plans to attack", "plans an attack").
_INTENT_DEPS = ("xcomp", "dobj", "ccomp", "pobj", "pcomp")
# How far up the parse a verb of intent or a relative clause is looked for.
_BACKGROUND_STEPS = 8
# How a verb completes a verb of command ("ordered that they be destroyed", "ordered them to attack").
_COMMANDED_DEPS = frozenset({"ccomp", "xcomp"})
# The words of an indirect question about a deed ("asked who attacked", "asked which group
# bombed it"); "asked whether they were arrested" says no arrest happened, as a request.
_WH_TAGS = frozenset({"WP", "WDT", "WRB", "WP$"})
# How many heads up a modal auxiliary is looked for.
_MODAL_STEPS = 3
# Words that open a clause of condition.
_CONDITIONS = frozenset({"if", "unless"})
# Words of knowing and asking whose "if" clause means "whether" ("not clear if", "asked if").
_ASKING = frozenset({"clear", "unclear", "know", "ask", "wonder", "see", "determine", "sure", "check", "decide",
                     "say", "tell", "learn", "confirm", "investigate"})
# A subject that names no one ("nobody was arrested"; "no one" is "one" with the determiner "no").
_NOBODY = frozenset({"nobody", "none", "noone"})
# Conjunctions of alternatives, which a negation covers: "did not meet or detain".
_ALTERNATIVE = frozenset({"or", "nor"})
# The last day of a month and the digits of a year: "27 MARCH", "MARCH 1989" are dates.
_LAST_DAY = 31
_YEAR_DIGITS = 4
# The highest priority of a generic attack word that takes the type of the article's violence.
_GENERIC_ATTACK_MAX = 4
# How many words up a trigger is followed to the verb that calls it off or denies it ("strike"
# -> "postponed"; "kidnapping" -> "claims" -> "dismissed"; "attack" -> "of" -> "reports").
_UNDONE_STEPS = 4
# How a trigger hangs under a verb that calls it off ("postponed the strike", "a strike was
# averted").
_CALLED_OFF_DEPS = frozenset({"dobj", "nsubjpass", "xcomp"})


def is_name_word(span: Span, mostly_upper: bool, cues: Mapping[str, frozenset[str]] | None = None) -> bool:
    """Whether the match is part of a name or a date rather than a report ("March 5"; with
    `cues`, also a month the entity recogniser missed: `month_as_date`)."""
    if cues is not None and month_as_date(span, cues, mostly_upper):
        return True
    for tok in span:
        if tok.ent_type_ in ("DATE", "TIME"):
            return True
        # Inside a longer name ("Desert Storm", "Strike Force"), not at its start
        # ("Protesters in X" mistagged as an organisation).
        if not mostly_upper and tok.ent_type_ in _NAME_LABELS and tok.ent_iob_ == "I":
            return True
    return False


def month_as_date(span: Span, cues: Mapping[str, frozenset[str]], mostly_upper: bool = True) -> bool:
    """Whether a one-word match is the name of a month in a date the entity recogniser missed,
    as it does in upper-case copy ("ON 27 MARCH", "MARCH 1989", "IN MARCH"): next to a day (a
    year only after it), or right after a word that introduces a time ("in", "since", "early").
    "Staged a march", "the march on 27 May", "some 2000 march" are no dates; in mixed-case
    text only a capitalised word is a month ("joined the march in 10 cities" is none)."""
    if len(span) != 1 or span[0].lower_ not in cues["months"]:
        return False
    tok = span[0]
    if not mostly_upper and not tok.text[:1].isupper():
        return False
    doc = tok.doc
    before = doc[tok.i - 1] if tok.i > 0 else None
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if before is not None and (_day(before) or before.lower_ in cues["time_before"]):
        return True
    return after is not None and (_day(after) or _year(after))


def _digits(tok: Token) -> str:
    """The ASCII digits of a number token without an ordinal's ending ("27th" -> "27"), or ""."""
    text = tok.text.rstrip(".,").lower()
    for ending in ("th", "st", "nd", "rd"):
        text = text.removesuffix(ending)
    return text if text.isascii() and text.isdigit() else ""


def _day(tok: Token) -> bool:
    """A day of the month ("27", "27th")."""
    digits = _digits(tok)
    return bool(digits) and len(digits) <= 2 and 1 <= int(digits) <= _LAST_DAY


def _year(tok: Token) -> bool:
    """A year written in four digits ("1989")."""
    return len(tok.text) == _YEAR_DIGITS and tok.text.isascii() and tok.text.isdigit()


def _nobody(tok: Token) -> bool:
    """A subject that names no one: "nobody", "none (of them)", "no one" ("no word has been
    released, nor whether anyone was arrested" denies nothing of the arrest)."""
    return tok.lower_ in _NOBODY or tok.lower_ == "one" and any(c.dep_ == "det" and c.lower_ == "no"
                                                                for c in tok.children)


def denied(span: Span) -> bool:
    """Whether the trigger is denied: "did not attack", "no explosive device", "there was no
    attack", "no weapons were found", "found no weapons"."""
    root = span.root
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in root.children):
        return True
    if root.pos_ != "VERB":
        return False
    if _negated(root):
        return True  # "neither arrested ... nor"
    # "nobody was arrested", "no one was hurt or arrested": the subject of the first verb of a
    # coordination is every verb's.
    verb = root
    while verb.dep_ == "conj" and verb.head != verb and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):  # "..., and police arrested two"
        verb = verb.head
    if any(c.dep_ in ("nsubj", "nsubjpass") and _nobody(c) for c in verb.children):
        return True
    if _denied_alternative(root):
        return True
    return any(c.dep_ in ("nsubjpass", "dobj") and any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)
               for c in root.children)


def _negated(verb: Token) -> bool:
    """Whether a verb is negated: "not" on it, or "neither" ("police neither arrested the men
    nor ...", which the parser may hang on the subject)."""
    return any(c.dep_ == "neg" or c.lower_ == "neither" for c in verb.children) or any(
        c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ == "neither" for g in c.children) for c in verb.children)


def _denied_alternative(verb: Token) -> bool:
    """Whether a verb is an alternative of a negated verb whose subject it shares: negation
    covers "or" and "nor" ("did not search the bus or detain its passengers", "did not
    search, detain or question them", "neither arrested nor charged"), not a list with "but"
    or "and" ("did not release the names but arrested two men")."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    chain = [verb]
    while chain[-1].dep_ == "conj" and chain[-1].head != chain[-1]:
        chain.append(chain[-1].head)
    # The list's "or" may hang on any member ("search, detain or question": on "detain"); a
    # "but" or "and" that joins it to the negated verb ends the negation's reach.
    above = {c.lower_ for member in chain[1:] for c in member.children if c.dep_ == "cc"}
    own = {c.lower_ for c in verb.children if c.dep_ == "cc"}
    return _negated(chain[-1]) and above <= _ALTERNATIVE and bool((above | own) & _ALTERNATIVE)


def _scheduled_subject(tok: Token, cues: dict[str, frozenset[str]]) -> bool:
    """Whether the trigger is the subject of a schedule: "a bomb was due to explode", "the march
    is set to begin" (a plan, nothing happened yet)."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = tok.head
    heads = [verb, *(c for c in verb.children if c.dep_ == "acomp")]
    return any(h.lower_ in cues["scheduled"] and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in h.children)
        for h in heads)


def _commanded(tok: Token, cues: dict[str, frozenset[str]]) -> bool:
    """Whether the trigger is the verb of a command or a request (cues `commands`), or one
    joined to it: "ordered that the prints be destroyed", "ordered his troops to attack and burn
    the village", "demanded that they be arrested" tell what is to be done, not a deed; unless
    it is an indirect question ("asked who had attacked them") or its sentence tells people hurt
    (cues `hurt`: "ordered troops to open fire on the crowd, killing 12"). An ordered noun stays
    ("the general who ordered the attack": an attack that took place)."""
    verb = tok
    # "ordered them to attack and burn the village"; a verb in the past tense is a deed joined by
    # the parser ("ordered the owner to switch off the light and marched the boys away").
    while verb.dep_ == "conj" and verb.tag_ != "VBD" and verb.head.i != verb.i:
        verb = verb.head
    if tok.pos_ != "VERB" or verb.dep_ not in _COMMANDED_DEPS or verb.head.lemma_.lower() not in cues["commands"]:
        return False
    if any(t.tag_ in _WH_TAGS for t in verb.subtree if t.i < verb.i):
        return False  # "asked which group had bombed it": a question about a deed, no request
    return not any(one_of(t, cues["hurt"]) for t in tok.sent)


def background(span: Span, cues: dict[str, frozenset[str]]) -> str | None:
    """"intent" when the trigger sits under a verb of intent or a schedule ("plans to attack",
    "was due to explode": nothing happened), "clause" in a relative clause ("the town that was the scene of an attack":
    background, weaker than the news), else None."""
    tok = span.root
    if _scheduled_subject(tok, cues) or under_verb_of(span, cues["realis_blockers"]) or _commanded(tok, cues):
        return "intent"
    steps = 0
    found = None
    while tok.head != tok and steps < _BACKGROUND_STEPS:
        # "was due to explode", "is set to march": scheduled, not done ("due to the drills" is a cause).
        if tok.dep_ == "xcomp" and tok.head.lower_ in cues["scheduled"]:
            return "intent"
        if tok.dep_ == "relcl":
            found = "clause"
        tok = tok.head
        steps += 1
    return found


def conditional(span: Span) -> bool:
    """Whether the trigger is in a clause of condition ("if the air force bombs the city",
    "unless the army attacks"): what would follow from it, not a report. Only the clauses the
    trigger is in count: "if confirmed, the attack would be the deadliest" reports one."""
    tok = span.root
    for _ in range(_BACKGROUND_STEPS):
        # An adverbial clause only: "it was not clear if the gunmen ...", "asked if anyone saw
        # the shooting" ask whether, and report the rest.
        if (tok.dep_ == "advcl" and tok.head.lemma_.lower() not in _ASKING
                and any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in tok.children)):
            return True
        if tok.dep_ == "relcl":
            return False  # "the gunmen who killed three": a relative clause tells what is known
        if tok.head == tok:
            break
        tok = tok.head
    return False


def under_verb_of(span: Span, verbs: frozenset[str]) -> bool:
    """Whether the trigger hangs (as a complement or object, up the parse) under one of `verbs`
    ("promised the surrender", "ready to accept a truce"); not past a clause that tells a deed
    done ("were trying to flee when soldiers opened fire": `aspect.told_deed`)."""
    tok = span.root
    for _ in range(_BACKGROUND_STEPS):
        if tok.head == tok or told_deed(tok):
            break
        if tok.dep_ in _INTENT_DEPS and tok.head.lemma_.lower() in verbs:
            return True
        tok = tok.head
    return False


def generic_plural(span: Span, ctx: SentenceContext, event_nouns: frozenset[str]) -> bool:
    """Whether the trigger is a bare plural event noun of talk about violence in general
    ("bombings and massacres must stop"), not a report: no article, number or owner, no date in
    the sentence, and not the subject of a verb in the past ("bombings killed 12")."""
    head = span.root
    if head.pos_ not in ("NOUN", "PROPN") or not head.lower_.endswith("s") or head.lower_ not in event_nouns:
        return False
    if any(c.dep_ in ("det", "nummod", "poss", "predet") for c in head.children):
        return False
    if "DATE" in ctx.ent_labels or "TIME" in ctx.ent_labels:
        return False
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.tag_ in ("VBD", "VBN"):
        return False
    return True


def modal(span: Span, modals: frozenset[str] = _MODALS) -> bool:
    """Whether the trigger, or the verb it depends on, is under one of `modals` ("we will
    continue our attacks", "could kidnap"): a possibility or a threat, not a report."""
    tok = span.root
    for _ in range(_MODAL_STEPS):
        if any(c.dep_ == "aux" and c.lower_ in modals for c in tok.children):
            return True
        if tok.head == tok or tok.pos_ == "VERB" and tok.dep_ not in ("xcomp", "ccomp"):
            break
        tok = tok.head
    return False


def _verb_phrase(verb: Token) -> str:
    """A verb's lemma with its particle, if any ("called off" -> "call off")."""
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {prt}" if prt else verb.lemma_.lower()


def _refused(verb: Token, cues: Mapping[str, frozenset[str]]) -> bool:
    """Whether a verb is negated or refused ("has not called off the strike", "refused to call
    off the strike", "would not be called off")."""
    return any(c.dep_ == "neg" for c in verb.children) or (
        verb.dep_ == "xcomp" and verb.head.lemma_.lower() in cues["unrealised"])


def _said_false(tok: Token, false_words: frozenset[str]) -> bool:
    """Whether a subject is said to be false ("reports of an attack were false", "the claims
    are baseless")."""
    return tok.dep_ == "nsubj" and any(c.dep_ in ("acomp", "attr") and c.lower_ in false_words
                                       for c in tok.head.children)


def _report_above(tok: Token, reports: frozenset[str], events: frozenset[str]) -> Token | None:
    """The report noun that names the trigger `tok`, if any ("kidnapping claims", "reports of
    an attack", "reports that police had opened fire"), or the event noun a trigger word is
    part of ("grenade" in "a grenade attack"; not "the murder trial")."""
    head = tok.head
    if tok.dep_ == "compound" and head.lower_ in events:
        return head
    if tok.dep_ in ("compound", "acl", "ccomp") and head.lemma_.lower() in reports:
        return head
    if tok.dep_ == "pobj" and head.lower_ in ("of", "about") and head.head.lemma_.lower() in reports:
        return head.head
    return None


def undone(span: Span, cues: Mapping[str, frozenset[str]]) -> bool:
    """Whether the trigger names what was called off, averted or ruled out (`called_off`:
    "postponed its proposed strike", "a rail strike was averted", "ruled out street protests"),
    or is named by a report that is denied (`denying`: "dismissed reports that police had
    opened fire") or said to be false ("reports of a grenade attack were false"): nothing
    happened, by the sentence's own account. A denial of the act itself is no such account:
    "the army denied that its planes bombed the camp", "he denied attacking him" are the
    accused's word, and "dismissed the protests as the work of a few" speaks of protests held."""
    tok = span.root
    via_report = False
    for _ in range(_UNDONE_STEPS):
        if tok.head == tok:
            return False
        verb = _verb_phrase(tok.head)
        if tok.dep_ in _CALLED_OFF_DEPS and verb in cues["called_off"] and not _refused(tok.head, cues):
            # "called off their strike" may end one under way: only a planned one was not held
            return verb not in cues["ended_or_off"] or any(
                c.dep_ in ("amod", "compound") and c.lower_ in cues["planned"] for c in span.root.children)
        if via_report and tok.dep_ == "dobj" and verb in cues["denying"]:
            return True
        if via_report and _said_false(tok, cues["false_words"]):
            return True
        report = _report_above(tok, cues["report_nouns"], cues["event_nouns"])
        if report is None:
            return False
        via_report = via_report or report.lemma_.lower() in cues["report_nouns"]
        tok = report
    return False


def protest_to_come(span: Span, continuing: frozenset[str], holding: frozenset[str]) -> bool:
    """Whether a protest word is under a modal as one to be held ("said they would march to
    the capital next month", "might launch another protest", "would call a strike only as a
    last resort"), not as one going on: the subject of what will happen ("the strike will
    continue") or the object of going on (`continuing`: "will keep up their sit-in")."""
    root = span.root
    # Only the protest itself as the verb, or as what is held ("would march", "might launch a
    # protest"); not "would not tolerate the protests", "what would become the largest protest".
    # (Tested before the modal, which walks up the parse.)
    held = root.pos_ == "VERB" or (root.dep_ == "dobj" and root.head.lemma_.lower() in holding)
    # The word itself and its governor: "will keep up their boycott", "will continue protesting".
    return held and not any(t.lemma_.lower() in continuing for t in (root, root.head)) and modal(span)


Refined = list[tuple[str, str, int, Span]]


def absorb_generic_attacks(refined: Refined) -> Refined:
    """Generic attack words ("killed", "beheaded", "stormed") in an article about a riot, a
    battle or a bombing describe that event: they take its type."""
    others = [r for r in refined if r[0] in VIOLENT and r[0] != "violence_against_civilians"
              and not (r[0] == "protests" and r[1] == "peaceful_protest")]
    if not others:
        return refined
    etype, sub, _, _ = max(others, key=lambda r: r[2])
    return [(etype, sub, p, span) if t == "violence_against_civilians" and s == "attack" and p <= _GENERIC_ATTACK_MAX
            else (t, s, p, span) for t, s, p, span in refined]


# A bare year ("in 1993", "the 1987 killing") this many calendar years or more before
# publication dates a memory, not news (the dates component resolves no bare year); so does a
# time this many years "ago".
_YEARS_AGO = 2
# The earliest year read as one: a four-digit number the NER calls a date ("the 1746 clash",
# "the 1066 battle"); counts are CARDINAL ("1500 soldiers clashed").
_YEAR_MIN = 1000
# Prepositions whose year is no date of the trigger: a comparison ("the deadliest attack since
# 2015", "for the first time since 2012").
_NOT_WHEN = frozenset({"since", "before", "after", "than"})
# Dependents of a word that date it ("the 1987 killing") or of a date that hold its year ("in
# August 1944").
_DATE_PARTS = frozenset({"nummod", "compound", "amod", "npadvmod", "appos"})
# Prepositions that set a trigger inside another event, whose date is the trigger's own
# ("arrested during the general strike of 1926"; "arrested for a shooting in 2019" is not).
_DURING = frozenset({"during", "amid"})
# Nouns whose number is an address, no year ("in the 2000 block of Elm Avenue").
_ADDRESS_NOUNS = frozenset({"block", "blocks"})
# Prepositions that set a trigger in another event ("looted in the 1897 expedition"; "during"
# and "amid" are `_DURING`'s).
_IN_EVENT_PREPS = frozenset({"in"})
# Units of time before "ago", in years ("15 years ago", "two decades ago").
_AGO_YEARS = {"year": 1, "decade": 10, "century": 100}


def _old_year(tok: Token, limit: int) -> bool:
    """Whether a token is a year of the DATE entity no later than `limit`."""
    return (tok.ent_type_ == "DATE" and tok.is_digit and len(tok.text) == _YEAR_DIGITS
            and _YEAR_MIN <= int(tok.text) <= limit)


def _dating(head: Token) -> list[Token]:
    """The words that may date `head`: its modifiers ("the 1987 killing") and the objects of
    its own prepositions with their parts ("in 1993", "in August 1944", "in the summer of
    1967")."""
    out = [c for c in head.children if c.dep_ in _DATE_PARTS]
    for c in head.children:
        if c.dep_ != "prep" or c.lower_ in _NOT_WHEN:
            continue
        for g in c.children:
            if g.dep_ != "pobj":
                continue
            out.append(g)
            if g.ent_type_ == "DATE":  # "August 1944"; not "the 2000 block of Elm Avenue"
                out.extend(x for x in g.children if x.dep_ in _DATE_PARTS)
                out.extend(prep_objects(g, ("of",)))
    return out


def _setting_year(head: Token, limit: int) -> bool:
    """Whether the trigger happened in an event dated by a year no later than `limit` ("looted
    in the 1897 expedition", "destroyed in the 1992 riots"), in a sentence that gives no other
    date: "clashed in the 1936 stadium after Saturday's derby" is dated by its day; a named
    place's year ("the 1936 Olympic Stadium") or an address ("in the 1900 block") dates
    nothing."""
    years = [x for p in head.children if p.dep_ == "prep" and p.lower_ in _IN_EVENT_PREPS
             for g in p.children if g.dep_ == "pobj" and not g.ent_type_ and g.lemma_.lower() not in _ADDRESS_NOUNS
             for x in g.children if x.dep_ in _DATE_PARTS and _old_year(x, limit)]
    if not years:
        return False
    dates = [e for e in head.sent.ents if e.label_ == "DATE"]
    return all(any(e.start <= y.i < e.end for y in years) for e in dates)


def _relative_subject(clause: Token) -> bool:
    """Whether a relative clause's subject is its relative pronoun ("the riot that swept the
    city": the riot did; "the riot that police broke up": police did)."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in clause.children)


def _years_ago(head: Token) -> int:
    """How many years "ago" dates `head` ("a bombing 15 years ago", "two decades ago"), 0 if
    none."""
    for ago in (c for c in head.children if c.lower_ == "ago"):
        for unit in ago.children:
            years = _AGO_YEARS.get(unit.lemma_.lower())
            if years is None:
                continue
            count = next((parse_number(n.text) for n in unit.children if n.dep_ in ("nummod", "det")), None)
            return years * (count or 0)
    return 0


def long_ago(span: Span, published: str | None) -> bool:
    """Whether the trigger is dated two or more years before publication, by a year of its own
    (as its modifier, "the 1987 killing", or after one of its own prepositions, "was murdered
    during a robbery in 1993", "ambushed a convoy in August 1944") or of the event it happened
    "during" ("arrested during the general strike of 1926") or in ("looted in the 1897
    expedition": `_setting_year`), or by a time "ago" ("a bombing 15 years ago"): a memory
    recalled, not news. A year under another word ("arrested on Monday
    for a shooting in 2019" dates the shooting, not the arrest) or of a comparison ("the
    deadliest attack since 2015") dates nothing of it."""
    if not published:
        return False
    head = span.root
    limit = int(published[:4]) - _YEARS_AGO
    dating = _dating(head)
    dating += [t for g in prep_objects(head, _DURING) for t in _dating(g)]
    # What the event did, in a clause of its own, is dated by that clause ("the rioting that
    # swept the city in the summer of 1967").
    dating += [t for c in head.children if c.dep_ == "relcl" and _relative_subject(c) for t in _dating(c)]
    return (any(_old_year(t, limit) for t in dating) or _years_ago(head) >= _YEARS_AGO
            or _setting_year(head, limit))
