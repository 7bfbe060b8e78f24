"""Arguments: following the parse from an outcome word to the phrase that names its victims
(passive subject, object, subject of "died"/"dead", the noun a participle modifies, the number a
toll rises to, who has the injuries)."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.casualties.grammar import PASSIVE_DEPS, SUBJ
from pipeline.casualties.lexicon import Lexicon
from pipeline.casualties.words import (across_bar, is_age, is_age_head, is_name, is_person, is_quantity, of_pobj,
                                       own_predicate, quantity_child, vtype)

# Subjects of a headline's past tense that are the doers, never its victims ("Police shot ...").
_DOER_SUBJECTS = ("police", "he", "she", "they", "who", "i", "we")
_SENT_END = ".!?"
# Verbs whose "to"/"from"/"of" object is what someone died of ("succumbed to his injuries").
_DIE_OF = ("die", "succumb", "perish")
_DIE_OF_PREPS = ("to", "from", "of")
_ONE_WORDS = ("another", "one")
# Dependencies a headline parse gives a "dies" it broke ("Man shot in robbery dies").
_BROKEN_DIES = ("pobj", "conj", "dep", "compound", "dobj", "npadvmod")
_MAX_INHERIT = 2  # "shot and killed": at most two steps up through coordinated verbs
# "lost control, struck a tree and was killed": steps up a chain of coordinated verbs to the
# one with the subject a passive conjunct shares.
_MAX_CONJUNCTS = 3
# Verbs of shooting that "at" turns into aiming ("were shot at": nobody hit).
_AIM_VERBS = ("shoot", "fire")
_MAX_HEADLINE_STEPS = 3  # nouns or adjectives between a headline's number and its outcome


def _subject(trig: Token, kids: list[Token]) -> Token | None:
    """The subject of a trigger (passive first), skipping one with its own outcome ("one dead,
    two hurt"); the attribute or object of an expletive ("there were three dead")."""
    subjects = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if len(subjects) > 1:  # "one dead, two hurt": the subject with its own outcome is not this verb's
        subjects = [c for c in subjects if not own_predicate(c)] or subjects
    subj = next((c for c in subjects if c.dep_ == "nsubjpass"), None) or next(
        (c for c in subjects if c.dep_ in ("nsubj", "expl")), None
    )
    if subj is not None and subj.dep_ == "expl":
        subj = next((c for c in kids if c.dep_ in ("attr", "dobj")), None)
    return subj


def people_of(lex: Lexicon, noun: Token) -> Token | None:
    """The "of" object of an incident noun when it names people ("the fatal shooting of two
    teenagers", "of a 19-year-old", "of Dana Reyes"): a person's noun or name, or an age; None
    for anything else ("of two deer", "of 20 photos", "of three-pointers")."""
    pobj = of_pobj(noun)
    if pobj is None:
        return None
    return pobj if is_age_head(pobj) or is_person(lex, pobj) or is_name(pobj) else None


def state_verb(prep: Token) -> Token | None:
    """The verb of the clause a prepositional outcome phrase ("in custody") is said in: its head
    ("a man is in custody"), or the verb whose object or attribute the phrase qualifies ("police
    have a man in custody", "there are two people in custody"); None for a phrase on a subject
    ("the suspect in custody has not been named") or on no verb ("Two in custody after
    robbery": a headline)."""
    head = prep.head
    if head.pos_ in ("VERB", "AUX"):
        return head
    if head.dep_ in ("dobj", "attr") and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return None


def holding_verb(lex: Lexicon, prep: Token) -> Token | None:
    """The verb that says who is held, when `state_verb` is a verb of holding or of being held
    (`custody_verbs`, `custody_states`): it carries the denial or the modal ("was not in
    custody", "could be in custody"); None for any other verb ("police have not identified the
    man in custody": that denial is of something else)."""
    verb = state_verb(prep)
    if verb is None or verb.lemma_.lower() not in lex.custody_verbs | lex.custody_states:
        return None
    return verb


def state_argument(lex: Lexicon, prep: Token) -> Token | None:
    """Who a prepositional outcome phrase ("in custody") is said of. On a verb of holding
    (`custody_verbs`): its object ("deputies have two teenagers in custody", "took the driver
    into custody") or its passive subject ("was remanded in custody"); on a verb of being held
    (`custody_states`): its subject ("a woman is in custody", "three suspects remain in
    custody"); on a noun that names people, is a number or a pronoun: that noun ("the two men in
    custody", "Two in custody after robbery"), unless a wish governs it ("police want the man
    in custody"). Any other verb makes the phrase a circumstance ("was injured in custody",
    "died in custody"); "credit for 90 days in custody" and "deaths in custody" name no one
    held; nor does a guardian's custody ("placed in custody of his grandmother") or a
    question ("Is the suspect in custody?")."""
    custody = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if prep.sent.text.rstrip().endswith("?") or (custody is not None and of_pobj(custody) is not None):
        return None
    verb = state_verb(prep)
    lemma = verb.lemma_.lower() if verb is not None else ""
    head = prep.head
    if head == verb:
        kids = list(head.children)
        if lemma in lex.custody_states:
            return _subject(head, kids)
        if lemma in lex.custody_verbs:
            return next((c for c in kids if c.dep_ in ("dobj", "nsubjpass")), None)
        return None
    if lemma in lex.hypothetical_heads:
        return None  # a wish: "police want the man in custody"
    if lemma in lex.custody_verbs or head.pos_ in ("NUM", "PRON") or is_person(lex, head):
        return head  # "police have the driver in custody", "identified the three suspects in custody"
    return None


def _direct_argument(trig: Token, kids: list[Token], subj: Token | None, dobj: Token | None,
                     intransitive: bool) -> Token | None:
    """The victims as the verb's own argument: the subject of a passive or of "died", the object
    of an active verb, the subject of a headline's reduced passive."""
    passive = any(c.dep_ in PASSIVE_DEPS for c in kids)
    if intransitive or passive:
        if subj is not None:
            return subj
    elif dobj is not None and across_bar(trig, dobj):
        nxt = trig.doc[trig.i + 1] if trig.i + 1 < len(trig.doc) else None
        if nxt is not None and nxt.like_num and not across_bar(trig, nxt):
            return nxt  # "kills one | Sports, Weather": the count before the page's menu
    elif dobj is not None:
        if dobj.lemma_.lower() == "life":  # "claimed the lives of 12 people"
            return of_pobj(dobj) or dobj
        return dobj
    elif (
        subj is not None
        and trig.tag_ in ("VBN", "VBD")
        and not any(c.dep_ in ("aux", "ccomp", "xcomp") or c.lower_ == "at" for c in kids)
        and subj.lower_ not in _DOER_SUBJECTS
        and (trig.tag_ == "VBN" or subj.i == trig.sent.start or trig.sent.text.rstrip()[-1:] not in _SENT_END)
    ):
        return subj  # reduced passive in headlines: "3 killed in blast", "Man shot", "three others wounded"
    return None


def _predicate_argument(trig: Token) -> Token | None:
    """The victims of an outcome that completes another verb: "was shot dead", "left two dead",
    "are dead", "was found beheaded"."""
    if not (
        trig.dep_ in ("oprd", "acomp", "xcomp", "ccomp")
        and trig.head.pos_ in ("VERB", "AUX")
        and (trig.pos_ == "ADJ" or trig.tag_ in ("VBN", "JJ"))
    ):
        return None
    hk = list(trig.head.children)
    deps = ("nsubjpass", "dobj") if trig.dep_ == "ccomp" else ("nsubjpass", "dobj", "nsubj")
    for dep in deps:
        found = next((c for c in hk if c.dep_ == dep and c != trig), None)
        if found is not None:
            return found
    return None


def verb_argument(lex: Lexicon, trig: Token, outcome: str, phrase: str, depth: int = 0) -> Token | None:
    """The victim phrase of a verb or adjective trigger."""
    kids = list(trig.children)
    if shot_at(trig, kids) and any(c.dep_ == "auxpass" for c in kids):
        return None  # "two officers were shot at": aimed at, nobody hit
    subj = _subject(trig, kids)
    dobj = next((c for c in kids if c.dep_ in ("dobj", "attr")), None)
    intransitive = phrase in lex.intransitive or trig.pos_ in ("ADJ",) or trig.lemma_ in ("die",)
    direct = _direct_argument(trig, kids, subj, dobj, intransitive)
    if direct is not None:
        return direct
    if trig.dep_ in ("acl", "amod") and trig.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        if subj is not None and subj.dep_ == "nsubj" and trig.tag_ in ("VBD", "VBN"):
            return subj  # "Police: one man shot and killed": a headline clause with its own subject
        number = trig.head
        own_verb = number.dep_ in (*SUBJ, "attr") and number.head.pos_ in ("VERB", "AUX") and number.head != trig
        group = of_pobj(number) if number.pos_ == "NUM" and own_verb else None
        if group is not None and group.pos_ in ("NOUN", "PROPN") and group.i < trig.i:
            # "he was one of three people shot", the participle parsed onto "one": the group
            # was shot ("Two of five hikers killed in ambush", a headline, keeps its number)
            return group
        return trig.head  # "12 people killed", "wounded soldiers"
    if intransitive or trig.tag_ == "VBN":
        near = headline_number(lex, trig)
        if near is not None:
            return near
    found = _predicate_argument(trig)
    if found is not None:
        return found
    if intransitive and subj is None and (trig.dep_ == "ROOT" or (
            trig.lower_ in ("dies", "died") and trig.dep_ in _BROKEN_DIES)):
        # headlines the parser breaks: "Man shot in robbery dies" ("dies" read as a preposition's object)
        near = nearest_person_left(lex, trig)
        if near is not None:
            return near  # "X, 16, of Springfield, died": the parser lost the subject in the appositions
    if trig.dep_ == "conj" and subj is not None and dobj is None and (
        quantity_child(lex, subj) is not None or is_quantity(lex, subj)
    ):
        return subj  # "leaving two dead and at least five others hurt": the conjunct has its own count
    shared = _shared_subject(trig, kids, subj)
    if shared is not None:
        return shared
    inherit = trig.dep_ == "conj" or (trig.dep_ == "advcl" and trig.head.lower_ in lex.trigger_words)
    if inherit and depth < _MAX_INHERIT and trig.head.pos_ in ("VERB", "ADJ", "AUX"):
        return verb_argument(lex, trig.head, outcome, trig.head.lower_, depth + 1)  # "shot and killed"
    return None


def _shared_subject(trig: Token, kids: list[Token], subj: Token | None) -> Token | None:
    """The victim of a passive conjunct without a subject of its own: the subject of the verbs
    it is coordinated with ("the boy picked up the pistol and was shot": the boy; "lost control,
    struck a tree and was killed": the subject of "lost"). Their objects are no victims (the
    pistol); an active conjunct ("shot and killed a man") has its own object or shares its
    head's, as `verb_argument` climbs. "Were shot at" hit nobody (`shot_at`)."""
    if trig.dep_ != "conj" or subj is not None or not any(c.dep_ == "auxpass" for c in kids):
        return None
    head = trig
    for _ in range(_MAX_CONJUNCTS):
        if head.dep_ != "conj" or head.head.pos_ not in ("VERB", "AUX"):
            return None
        head = head.head
        found = next((c for c in head.children if c.dep_ in SUBJ), None)
        if found is not None:
            return found if found.pos_ in ("NOUN", "PROPN", "PRON") else None
    return None


def shot_at(trig: Token, kids: list[Token]) -> bool:
    """Whether a verb of shooting strands an "at" ("were shot at from a window", "fired at"):
    aimed at, not hit. "Shot at a party", "shot at close range" give the preposition words of
    its own; "arrested at noon" is no shooting."""
    return trig.lemma_.lower() in _AIM_VERBS and any(
        c.lower_ == "at" and c.dep_ in ("prep", "prt") and not list(c.children) for c in kids)


def _toll_argument(lex: Lexicon, trig: Token) -> tuple[Token | None, bool, bool] | None:
    """The figure a toll noun is the subject of ("the death toll rose to 12": supersedes; "the
    dead included two children": partitive), or None when the noun is no such subject."""
    head = trig.head
    if not (trig.dep_ in SUBJ and head.pos_ in ("VERB", "AUX")):
        return None
    rises = head.lemma_.lower() in lex.rising or head.lower_ in lex.rising
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "at"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj, rises, False
        if c.dep_ in ("attr", "dobj") and c != trig:
            return c, rises, False
    if head.lemma_ in ("include",):
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        return obj, False, True
    return None


def noun_argument(lex: Lexicon, trig: Token) -> tuple[Token | None, bool, bool]:
    """(victim phrase, supersedes, partitive) of a noun trigger ("12 fatalities", "toll rose to 12")."""
    for child in trig.children:
        if child.dep_ in ("nummod", "quantmod") and not is_age(lex, child):
            return child, False, False
    if trig.dep_ == "compound" and trig.lower_ != "death":
        return None, False, False
    pobj = of_pobj(trig)
    if pobj is not None:
        return pobj, False, False
    if trig.tag_ == "NN":  # "her child's death", "his murder"
        poss = next((c for c in trig.children if c.dep_ == "poss"), None)
        if poss is not None:
            return poss, False, False
    head = trig.head
    if trig.dep_ == "pobj" and head.lower_ in ("among",):
        verb = head.head
        for c in verb.children:
            if c.dep_ in ("nsubj", "attr", "nsubjpass") and c != head:
                return c, False, True
    toll = _toll_argument(lex, trig)
    if toll is not None:
        return toll
    if trig.dep_ == "dobj" and head.lemma_.lower() in lex.raise_verbs:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "to":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                return pobj, True, False
    if trig.dep_ == "appos" and head.pos_ == "NUM":
        return head, False, False
    return None, False, False


def condition_argument(lex: Lexicon, trig: Token, depth: int = 0) -> Token | None:
    """Who has the injuries: "suffered wounds", "a man with gunshot wounds", "in critical condition"."""
    head = trig.head
    if head.lower_ in _DIE_OF_PREPS and head.head.lemma_.lower() in _DIE_OF:
        return None  # "succumbed to his injuries", "died of wounds"
    poss = next((c for c in trig.children if c.dep_ == "poss"), None)
    if poss is not None and poss.lower_ not in ("their", "its"):
        return poss  # "his injuries were not life-threatening"
    if trig.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
        return subject_of(head)
    if trig.dep_ == "pobj":
        governor = head.head
        if head.lower_ in _DIE_OF_PREPS and governor.lemma_.lower() in _DIE_OF:
            return None  # "succumbed to his injuries", "died of wounds"
        if governor.pos_ == "PRON" and governor.lower_ in _ONE_WORDS:
            return governor  # "one killed, another with wounds that may prove fatal"
        if governor.pos_ in ("NOUN", "PROPN"):
            if depth == 0 and not is_person(lex, governor) and not is_name(governor):
                return condition_argument(lex, governor, 1)  # "taken to a hospital for minor injuries"
            return governor
        if governor.pos_ in ("VERB", "AUX"):
            obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
            if obj is not None and (obj.pos_ == "PRON" or obj.pos_ in ("NOUN", "PROPN") and is_person(lex, obj)):
                return obj  # "found a man with gunshot wounds", "found him with a wound"
            return subject_of(governor)
    return None


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb (passive first), the noun a participle modifies, or a coordinated
    verb's subject."""
    for dep in ("nsubjpass", "nsubj"):
        found = next((c for c in verb.children if c.dep_ == dep), None)
        if found is not None:
            return found
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head  # "one person suffering injuries"
    if verb.dep_ == "conj":
        return next((c for c in verb.head.children if c.dep_ in SUBJ), None)
    return None


def nearest_person_left(lex: Lexicon, trig: Token) -> Token | None:
    """The closest name or person noun before the trigger in its sentence, not inside a PP."""
    for tok in reversed(trig.doc[trig.sent.start : trig.i]):
        if tok.dep_ in ("compound", "poss", "pobj") or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if is_person(lex, tok) or is_name(tok):
            return tok
    return None


def headline_number(lex: Lexicon, trig: Token) -> Token | None:
    """A number just before the trigger in telegraphic style: "3 dead, 5 hurt", "four injured"."""
    doc = trig.doc
    i = trig.i - 1
    steps = 0
    while i >= 0 and steps < _MAX_HEADLINE_STEPS:
        tok = doc[i]
        if tok.is_space or tok.is_punct or "\n" in tok.whitespace_:
            return None
        if is_quantity(lex, tok) and tok.lower_ not in ("a", "an", "some"):
            return tok
        if tok.pos_ in ("NOUN", "ADJ") and vtype(lex, tok) is not None or tok.lower_ in ("more", "others"):
            i -= 1
            steps += 1
            continue
        return None
    return None
