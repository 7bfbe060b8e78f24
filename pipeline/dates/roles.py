"""What a date expression attaches to in the parse, and so its role: the date of the incident,
of a report ("said Thursday"), of a plan ("will appear Monday") or of a life story."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.dates.lexicon import Lexicon

# At most this many tokens between a date and its verb of saying ("said early on Thursday").
_REPORT_GAP = 3


def _lemma(token: Token, lex: Lexicon) -> str:
    """The token's lemma; for upper-case wire copy, which the lemmatizer leaves as written
    ("ATTACKED"), the first suffix-stripped form that one of the lexicons knows."""
    lemma = token.lemma_.lower()
    if not token.is_upper or (lemma and lemma != token.lower_):
        return lemma
    lemma = token.lower_
    known = lex.known_words
    for suffix, end in (("", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"),
                        ("s", ""), ("es", "")):  # fmt: skip
        if lemma.endswith(suffix):
            stem = lemma[: len(lemma) - len(suffix)] + end
            if stem in known:
                return stem
    return lemma


def _governor(span: Span, lex: Lexicon) -> Token | None:
    """The word a date attaches to: its nearest verb, or a nearer noun of the lexicons
    ("a statement Friday", "the attack on Monday", "a vigil Sunday")."""
    token = span.root
    for _ in range(4):
        head = token.head
        if head == token:
            return None
        lemma = _lemma(head, lex)
        if head.pos_ in ("VERB", "AUX") or lemma in lex.known_words:
            return head
        token = head
    return None


def _governor_lemma(governor: Token, lex: Lexicon) -> str:
    """The lemma a date's governor is known by; a verb with an aftermath noun in its
    prepositional phrase is known by that noun ("taken into custody", "was in court")."""
    lemma = _lemma(governor, lex)
    if lemma in lex.report_words:
        return lemma
    for prep in governor.children:
        if prep.dep_ == "prep":
            for obj in prep.children:
                if obj.dep_ == "pobj" and _lemma(obj, lex) in lex.aftermath_words:
                    return _lemma(obj, lex)
    return lemma


def _is_plan(governor: Token, lex: Lexicon) -> bool:
    """Whether the verb a date attaches to is planned, not done: "will appear Monday", "is
    scheduled for Friday", "is expected to be arraigned Monday"."""
    for token in (governor, governor.head if governor.dep_ in ("xcomp", "ccomp") else None):
        if token is None:
            continue
        if token.lemma_.lower() in lex.future_words:
            return True
        if any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in lex.future_words for c in token.children
        ):
            return True
    return False


def _role(span: Span, governor: Token | None, lex: Lexicon) -> str:
    """'report' when the date attaches to a nearby word of saying ("said Thursday", "a
    statement Friday"), else 'event'. A passive "was reported Sunday" dates the incident; a
    date far from the verb of saying is more often a parse error inside the reported clause
    ("... was shot on Jan. 6 around 9 p.m., police said")."""
    if governor is None or _lemma(governor, lex) not in lex.report_words:
        return "event"
    if any(child.dep_ in ("auxpass", "nsubjpass") for child in governor.children):
        return "event"
    gap = span.start - governor.i - 1 if governor.i < span.start else governor.i - span.end
    return "report" if gap <= _REPORT_GAP else "event"
