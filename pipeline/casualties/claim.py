"""The claim record: a count read from one victim phrase (`Claim`), the fact dict it becomes
(`make_fact`), and what the story-level links need to know of each fact (`ClaimRecord`)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

# The head of a fact with no victim token (a suicide, an implicit or implied toll, a denial).
NO_HEAD = -1
# Words that set a claim's victims beside those told before ("three others were shot",
# "another man was hit"): not the dead again.
OTHER_WORDS = frozenset({"other", "others", "another"})
# Those of them that on a hit's object may mean other than the one who hit ("he shot another man").
_OTHER_THAN = frozenset({"other", "another"})


@dataclass
class Claim:
    """A count read from one victim phrase, before it becomes a fact dict."""

    low: int
    best: int
    high: int | None
    qualifier: str | None
    tokens: list[Token]
    victims: str | None
    victim_type: str
    partitive: bool = False
    perpetrator: bool = False
    person: str | None = None

    @property
    def head_i(self) -> int:
        """Index of the token that names the victims (the same people share it across claims)."""
        return self.tokens[-1].i


@dataclass
class ClaimRecord:
    """One fact of a Doc with what the story-level links need to know of it."""

    fact: dict
    head: int = NO_HEAD  # victim token, to tie claims about the same people
    person: str | None = None  # the name of the fact's one victim, as the story names them
    past: bool = False  # dated in an earlier year ("in 2012", "last summer")
    state: bool = False  # tells the state of a victim the story knows ("the boy is critical")
    others: bool = False  # wounded told as others beside the dead ("three others were shot")
    back: bool = False  # dead told among people already counted ("one of them died", "the others")
    state_noun: str | None = None  # ... named by a definite noun ("the victim"): its lemma
    whole: str | None = None  # what a partitive's dead are one of ("them" in "one of them died")
    added: bool = False  # told as beside those just told ("another man was shot"): see `added`


def _sentence(doc: Doc, view: Doc, tok: Token) -> str:
    """The text of the sentence (of the case view) holding `tok`, from the original Doc."""
    sent = view[tok.i].sent
    # A span of the doc, not doc.text: Doc.text rebuilds the whole text on every call.
    return doc[sent.start : sent.end].text.strip()


def make_fact(doc: Doc, view: Doc, span: Span, outcome: str, claim: Claim, supersedes: bool,
              partitive: bool, beside: bool = False) -> dict:
    """A dict valid as CasualtyFact (minus article_id) for one claim; `beside`: its victims are
    told as beside those told before (`added`), so not the dead again."""
    toks = [*claim.tokens, span[0], span[-1]]
    sent = span.sent
    first = max(min(t.i for t in toks), sent.start)
    last = min(max(t.i for t in toks), sent.end - 1)
    start, end = view[first].idx, view[last].idx + len(view[last].text)
    # A gunshot wound, like "was shot", does not say whether the victim survived.
    wound = outcome == "injured" and "wound" in span.text.lower() and span.root.pos_ == "NOUN"
    # "the third victim is in stable condition": three were hit, not three injured;
    # "the fourth man died": one more death in a list, "a fourth man died": four dead
    ordinal = outcome in ("injured", "shot") and claim.qualifier in ("ordinal", "the ordinal")
    if outcome == "killed" and claim.qualifier == "the ordinal":
        claim.low = claim.best = claim.high = 1
    # "his brother was also hit": someone besides the victims told so far, so not one of the dead
    also = any(c.dep_ == "advmod" and c.lower_ == "also" for c in span.root.children)
    shot = (outcome == "shot" or wound or ordinal) and claim.best > 0 and not also and not beside and not others(claim)
    return {
        "kind": "casualty",
        "text": doc[first : last + 1].text,
        "sentence": _sentence(doc, view, span.root),
        "char_start": start,
        "char_end": end,
        "outcome": "injured" if outcome == "shot" else outcome,
        "count_low": claim.low,
        "count_best": claim.best,
        "count_high": claim.high,
        "victims": claim.victims,
        "victim_type": claim.victim_type,
        "qualifier": claim.qualifier,
        "supersedes_prior": supersedes,
        "partitive": partitive,
        "perpetrator": claim.perpetrator,
        "includes_killed": shot,
        "among_others": False,
        "adds": False,
    }


def zero_fact(doc: Doc, view: Doc, span: Span, outcome: str) -> dict:
    """A "no injuries" / "no casualties" claim: zero for the outcome (both for casualties)."""
    start = span.start
    if start > 0 and view[start - 1].lower_ == "no":
        start -= 1
    claim = Claim(0, 0, 0, "none", [view[start]], None, "unknown")
    return make_fact(doc, view, span, outcome, claim, False, False)


def _other_words(head: Token, deps: tuple[str, ...]) -> bool:
    """Whether a victim noun is "others"/"another" or has "other"/"another" as one of `deps`."""
    return head.lower_ in OTHER_WORDS or any(c.lower_ in OTHER_WORDS and c.dep_ in deps for c in head.children)


def _definite(head: Token) -> bool:
    return any(c.lower_ == "the" for c in head.children)


def told_back(claim: Claim) -> bool:
    """Whether a claim's dead are among people already counted: a partitive ("one of the two
    died", "including two who died") or the others named again ("the two others died later")."""
    if claim.partitive:
        return True
    return bool(claim.tokens) and _other_words(claim.tokens[-1], ("amod",)) and _definite(claim.tokens[-1])


def others(claim: Claim) -> bool:
    """Whether a claim's victims are others than those told before, as the subject of their
    claim and with no "the" ("one man was killed and three others were shot", "two other men
    were wounded", "another man was shot"): not the dead counted again. "He shot another man"
    (other than himself) and "the other woman was shot" (one of a group told) are no such."""
    if not claim.tokens:
        return False
    head = claim.tokens[-1]
    # "... with three others hurt": the subject of the clause "with" opens.
    subject = head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "pobj" and head.head.lower_ == "with")
    return subject and not _definite(head) and _other_words(head, ("amod", "det"))


def added(claim: Claim, words: frozenset[str], objects: bool) -> bool:
    """Whether a claim's victims are told as beside people told before: a word of `words`
    ("another man was shot", "two more suspects", "an additional victim", "two others") on
    their noun or its number, with no "the" ("the other two" are of a group told), said of the
    subject of their claim or its object ("killed two more people"). "He shot another man" (other
    than himself) is no such unless `objects` (arrests: the one who acts is the police, not one of
    the victims: "police arrested another man"), nor is "more than two" (a floor)."""
    if not claim.tokens or claim.partitive:
        return False
    head = claim.tokens[-1]
    subject = head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "pobj" and head.head.lower_ == "with")
    if not (subject or head.dep_ == "dobj") or _definite(head):
        return False
    marks = [head, *(c for c in head.children if c.dep_ in ("amod", "det")),
             *(g for c in head.children if c.dep_ == "nummod" for g in c.children if g.dep_ in ("amod", "advmod", "quantmod"))]
    doc = head.doc
    found = {t.lower_ for t in marks if t.lower_ in words and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "than")}
    # a hit's object "another man" may be other than the one who shot; "two more people" is not
    return bool(found) and (subject or objects or not found <= _OTHER_THAN)
