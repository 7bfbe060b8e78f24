"""What the refinement rules read around a trigger: the words of its sentence, and who does
what to whom in the dependency parse."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

# Dependents of a verb that hold the words of what it acts on.
_OBJECT_DEPS = ("dobj", "prep", "nsubjpass", "attr", "oprd", "dative", "npadvmod")


class SentenceContext:
    """Lowercase words and lemmas of one sentence, computed once and shared by the rules."""

    def __init__(self, sent: Span) -> None:
        self.sent = sent
        self.words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
        # Labels of the named entities of the sentence (Span.ents walks the whole Doc).
        self.ent_labels = {t.ent_type_ for t in sent if t.ent_type_}
        self.text = sent.text.lower()
        self._sides: set[str] | None = None

    def has(self, words: frozenset[str]) -> bool:
        """Whether any of `words` occurs in the sentence."""
        return not self.words.isdisjoint(words)

    def side_words(self, speech: frozenset[str]) -> set[str]:
        """The words of the sentence but those of who tells it: the subject of a verb of speech
        (`speech`: "police said a gunman killed two people") and an "according to" phrase. Who
        tells of a deed another did is no side of it (`_doer_told`); one that tells its own, or a
        deed without a doer, may be ("the army said it killed forty rebels", "ten militants were
        killed, the army said"). The same `speech` is passed for every trigger of a sentence:
        computed once."""
        if self._sides is None:
            told = {x.i for t in self.sent if t.pos_ == "VERB" and t.lemma_.lower() in speech and _doer_told(t)
                    for c in t.children if c.dep_ == "nsubj" for x in c.subtree}
            told |= {x.i for t in self.sent if t.lower_ == "according" and _doer_told(t) for x in t.subtree}
            self._sides = words_of(t for t in self.sent if t.i not in told) if told else self.words
        return self._sides


def _doer_told(told: Token) -> bool:
    """Whether what a teller tells (a verb of speech, or "according" of "according to") names its
    own doer in a noun: a subject ("police said a gunman killed two"), or an agent ("two were
    killed by a gunman"). A pronoun subject ("the army said it killed forty rebels") or none
    ("ten militants were killed in an operation, the army said") leaves the teller the likely doer."""
    clauses = [c for c in told.children if c.dep_ == "ccomp"]
    if not clauses and told.head != told:
        clauses = [told.head]  # "..., the army said", "..., according to police"
    return any(c.dep_ == "agent" or c.dep_ == "nsubj" and c.pos_ != "PRON" for cl in clauses for c in cl.children)


def words_of(tokens: Iterable[Token]) -> set[str]:
    """Lowercase forms and lemmas of the tokens."""
    return {w for t in tokens for w in (t.lower_, t.lemma_.lower())}


def one_of(tok: Token, words: frozenset[str]) -> bool:
    """Whether a token's lowercase form or lemma is one of `words`."""
    return tok.lower_ in words or tok.lemma_.lower() in words


def prep_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    """The objects of the prepositions `preps` hanging off a token ("a riot of colour" ->
    colour for {"of"})."""
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children
            if g.dep_ == "pobj"]


def agent_patient(head: Token) -> tuple[set[str], set[str]]:
    """Words of the doer and of the undergoer of a verb, passives turned around."""
    agent: set[str] = set()
    patient: set[str] = set()
    verb = head
    # "took control" / "regained control": the verb holds the subject.
    if verb.dep_ in ("dobj", "pobj", "prt", "compound", "amod") and verb.head != verb:
        verb = verb.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            agent |= words_of(child.subtree)
        elif child.dep_ == "nsubjpass":
            patient |= words_of(child.subtree)
        elif child.dep_ == "agent":
            agent |= words_of(child.subtree)
        elif child.dep_ == "dobj":
            patient |= words_of(child.subtree)
    # A conjoined verb shares its subject: "troops entered and recaptured the town".
    if not agent and verb.dep_ == "conj":
        for child in verb.head.children:
            if child.dep_ == "nsubj":
                agent |= words_of(child.subtree)
    return agent, patient


def object_words(head: Token) -> set[str]:
    """Words of what a verb acts on, with its prepositional objects."""
    verb = head.head if head.dep_ in ("dobj", "prt", "compound", "amod") else head
    out: set[str] = set()
    for child in verb.children:
        if child.dep_ in _OBJECT_DEPS:
            out |= words_of(child.subtree)
    return out


def protesters_act(ctx: SentenceContext, cues: dict[str, frozenset[str]]) -> bool:
    """Whether protesters are the doers of some violent act of the sentence."""
    for tok in ctx.sent:
        if tok.pos_ != "VERB" or not ({tok.lemma_.lower(), tok.lower_} & cues["riot_act"]):
            continue
        agent, patient = agent_patient(tok)
        if agent & cues["protester"] or agent & cues["rioter"]:
            return True
        if patient & cues["protester"] and not agent:
            return False
        # "protesters and police clashed": both are doers.
        if tok.lemma_.lower() == "clash":
            return True
    return False
