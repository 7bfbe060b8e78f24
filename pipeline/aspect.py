"""Habits and general truths: a clause that tells what happens again and again ("people get
shot every day", "fans are often attacked") reports no incident, nor does an infinitive that
tells what a deed was for ("sent commandos to kill the rebel leader"); a killing word inside a noun
phrase ("the murdered director") and a death recalled by its noun alone in a story about
something else ("shares fell after his assassination") report none either. Grammar only; the
words are data of the component that asks (casualties, triggers), passed in."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.relevance import uncertain

# Pronouns that stand for anyone ("you get mugged", "they get shot").
_ANYONE = frozenset({"you", "we", "they", "one", "people", "anyone", "everyone", "someone", "somebody"})
# Determiners of a phrase of time that make it a frequency: "every day", "each year".
_EVERY = frozenset({"every", "each"})
# Quantity words that leave a bare plural generic: "many people", "some fans".
_GENERIC_QUANTITY = frozenset({"many", "some", "more", "most", "lots", "plenty"})
# Present and progressive forms of the "get" passive (forms: the lemmatizer leaves "getting");
# "got shot" is one incident.
_PRESENT_GET = frozenset({"get", "gets", "getting"})
_SUBJ = ("nsubj", "nsubjpass")
# How far a noun trigger climbs to its clause's verb ("the attacks happen every week").
_UP = 2
# The simple present of a verb ("kidnap", "bombs") and the dependencies of an auxiliary.
_PRESENT_TAGS = frozenset({"VBP", "VBZ"})
_AUX = ("aux", "auxpass")
# How far a relative clause's noun climbs to the verb of its sentence ("condemned" <- "gangs").
_UP_TO_MAIN = 3


def clause_verb(tok: Token) -> Token:
    """The verb of the clause `tok` belongs to: itself, or the verb a noun hangs on."""
    for _ in range(_UP):
        if tok.pos_ in ("VERB", "AUX") or tok.head == tok:
            return tok
        tok = tok.head
    return tok


def _frequency(verb: Token, words: frozenset[str]) -> bool:
    """A frequency adverb ("often", "routinely") or phrase ("every day") on the verb."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in words:
            return True
        if child.dep_ in ("npadvmod", "advmod") and any(
                g.dep_ == "det" and g.lower_ in _EVERY for g in child.children):
            return True
    return False


def _generic_subject(verb: Token) -> bool:
    """A subject that stands for anyone: a generic pronoun or a bare plural ("fans", "many
    people"), not a counted or known group ("three fans", "the fans")."""
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    if subj is None:
        return False
    if subj.lower_ in _ANYONE:
        return True
    if subj.tag_ not in ("NNS", "NNPS"):
        return False
    return not any(c.dep_ in ("det", "nummod", "poss", "predet") and c.lower_ not in _GENERIC_QUANTITY
                   for c in subj.children)


def habitual(tok: Token, frequency_words: frozenset[str]) -> bool:
    """Whether the clause of `tok` tells a habit or a general truth, not an incident: a
    frequency adverb or phrase on its verb ("are often attacked", "every day"), what a kind of
    doer does (`_what_they_do`: "condemned gangs that kidnap children"), or a present
    "get" passive of a generic subject ("people get shot", "many are getting injured"; "two
    fans got hurt" and "a fan gets hurt" in a headline are incidents)."""
    verb = clause_verb(tok)
    # (what they do: the word's own verb; "seized arms, which include grenades" tells no habit)
    if _frequency(verb, frequency_words) or verb == tok and _what_they_do(verb):
        return True
    gets = any(c.dep_ == "auxpass" and c.lower_ in _PRESENT_GET for c in verb.children)
    return gets and _generic_subject(verb)


def purpose_infinitive(tok: Token) -> bool:
    """Whether `tok` is a "to" infinitive that tells what another deed was for ("sent commandos
    to kill the rebel leader", "planted mines to kill soldiers", "in order to punish and
    kill deserters"), not that it was done. A deed told in a verb of its own beside it ("stormed the
    hotel and killed six guests", "opened fire, killing five") is no such infinitive."""
    if tok.tag_ != "VB":
        return False  # "to kill foreigners and killed six guests": the past tells a deed
    while tok.dep_ == "conj" and tok.head != tok and tok.head.tag_ == "VB":
        tok = tok.head  # "to punish and kill"
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    if tok.dep_ == "advcl" and any(c.dep_ == "prt" and c.lower_ == "on" for c in tok.head.children):
        return False  # "went on to kill two more people": what was done next
    return tok.dep_ == "advcl" or tok.dep_ == "acl" and tok.head.lower_ == "order"


def _what_they_do(verb: Token) -> bool:
    """Whether `verb` heads a relative clause in the simple present inside a sentence told in
    the past or the perfect ("condemned gangs that kidnap children", "denounced the thugs who
    kill shopkeepers", "the group, which bombs pipelines, has threatened ...", "soldiers
    who kill civilians will face trial"): it says what a kind of doer does. The habit rule
    leaves a headline's present ("Police hunt man who shoots two"), a past clause ("the gang
    that kidnapped two children") and a sentence told in the present."""
    if verb.dep_ != "relcl" or verb.tag_ not in _PRESENT_TAGS or any(c.dep_ in _AUX for c in verb.children):
        return False
    main = verb.head
    for _ in range(_UP_TO_MAIN):
        if main.pos_ in ("VERB", "AUX") or main.head == main:
            break
        main = main.head
    return main.tag_ == "VBD" or any(c.dep_ in _AUX and (c.lemma_.lower() == "have" or c.tag_ == "MD")
                                     for c in main.children)


# Words before an adjective inside a noun phrase: a determiner, a possessive, a preposition
# ("the murdered", "his slain", "by assassinated").
_BEFORE_ADJECTIVE_POS = frozenset({"DET", "ADP"})
_BEFORE_ADJECTIVE_TAGS = frozenset({"PRP$", "POS", "WP$"})
# What an adjective inside a noun phrase comes before: the phrase's words.
_NOUN_PHRASE_POS = frozenset({"ADJ", "NOUN", "PROPN"})


def attributive_participle(tok: Token, lemmas: frozenset[str]) -> bool:
    """Whether `tok`, a past form of one of `lemmas` ("killed", "assassinated"), stands as an
    adjective inside a noun phrase whatever the parse says: right after a determiner, a
    possessive or a preposition and right before the phrase's words ("founded by assassinated
    former premier Tomas Brandt", "the murdered director"). The parser sometimes reads such a
    word as a clause's verb; a finite or passive verb never sits between "by" and a noun.
    "Twelve people killed", "was killed", "killed three people" are no such word."""
    if tok.tag_ not in ("VBN", "VBD") or tok.lemma_.lower() not in lemmas:
        return False
    if tok.i == 0 or tok.i + 1 >= len(tok.doc):
        return False
    before, after = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
    return ((before.pos_ in _BEFORE_ADJECTIVE_POS or before.tag_ in _BEFORE_ADJECTIVE_TAGS)
            and after.pos_ in _NOUN_PHRASE_POS)


# Possessives that make a death noun one person's ("his murder"); "their deaths" are several.
_ONE_OWNER = frozenset({"his", "her"})
# How a name before a death noun hangs on it ("the Brandt killing").
_NAME_BEFORE = frozenset({"compound", "nmod", "nsubj"})
# Forms of an adjective of death that make a clause of it: "was found dead", "left him dead".
_PREDICATIVE = frozenset({"acomp", "oprd"})


def _one_name(tok: Token) -> bool:
    """Whether a word is (part of) one person's name: a singular proper noun of a PERSON entity
    here or at another mention of the same word in the article (a headline's title case fools
    the recogniser); a country, a cartel or a town owns no death ("the Oslo killing")."""
    if tok.tag_ != "NNP":
        return False
    return tok.ent_type_ == "PERSON" or any(
        e.label_ == "PERSON" and any(t.text == tok.text for t in e) for e in tok.doc.ents)


def one_persons_death(noun: Token) -> bool:
    """Whether a death noun belongs to one person: "of" a name ("the death of Mr Brandt"), or,
    with no "of" phrase, a possessive ("his murder", "Brandt's death") or a name before it
    ("the Brandt killing"). The object of "of" is the victim, whoever the possessive names:
    "his murder of two guards" and "the cartel's killing of 12 workers" are no one person's;
    nor are "their deaths" and "the murder" alone."""
    victims = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]
    if victims:
        return any(_one_name(g) for g in victims)
    for c in noun.children:
        if c.dep_ == "poss" and (c.lower_ in _ONE_OWNER or _one_name(c)):
            return True
        if c.dep_ in _NAME_BEFORE and c.i < noun.i and _one_name(c):
            return True  # headlines get odd parses: "Brandt killing hits shares", Brandt its nsubj
    return False


def _tells_a_killing(tok: Token, nouns: frozenset[str], verbs: frozenset[str]) -> bool:
    """A word that tells a killing rather than recalling one: a clause of killing ("was shot
    dead", "gunmen killed", "she died", "was found dead") or a death noun nobody owns ("the
    killing happened at night", "the death toll")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and lemma in nouns:
        return not one_persons_death(tok)
    if lemma not in verbs:
        return False
    if tok.pos_ == "VERB":
        return tok.dep_ != "amod" and not attributive_participle(tok, verbs)
    return tok.pos_ == "ADJ" and tok.dep_ in _PREDICATIVE


def recalled_death(tok: Token, nouns: frozenset[str], verbs: frozenset[str]) -> bool:
    """Whether `tok` is a death noun of `nouns` that recalls one person's death in a story about
    something else ("shares fell after his assassination", "the film led to his murder"): the
    noun belongs to one person (`one_persons_death`), the article's relevance score is in the
    uncertain band (mostly other news: `relevance.uncertain`), and no word of the article tells a
    killing (no clause of a killing verb of `verbs`, no death noun nobody owns). A report of the
    death has its clause ("X was shot dead on Monday") and keeps every mention."""
    doc = tok.doc
    # The article's score first: it rules out nearly every article at no cost (this is asked of
    # every death word of every article).
    if not (Doc.has_extension("relevance") and uncertain(doc._.relevance)):
        return False
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns or not one_persons_death(tok):
        return False
    return not any(_tells_a_killing(t, nouns, verbs) for t in doc)


# Words that open an adverbial clause of a limit, a condition or a time still to come ("vowed
# to fight until every soldier is killed", "plan to detain them once the march begins").
_NOT_YET_MARKS = frozenset({"until", "till", "unless", "once", "if"})


def told_deed(verb: Token) -> bool:
    """Whether `verb` heads an adverbial clause with its own subject that tells a deed done: in
    the past, without a modal, not a limit or a condition ("were trying to flee when soldiers
    opened fire"; not "vowed to fight on until every soldier is killed", "before they could
    flee"). A verb of intent above it does not make it an intent."""
    children = list(verb.children)
    if verb.dep_ != "advcl" or not any(c.dep_ in _SUBJ for c in children):
        return False
    if any(c.dep_ == "mark" and c.lower_ in _NOT_YET_MARKS for c in children):
        return False
    auxiliaries = [c for c in children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" for c in auxiliaries):
        return False
    return verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxiliaries)

