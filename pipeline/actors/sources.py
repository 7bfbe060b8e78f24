"""Sources, not participants: outlets and agencies, spokespeople and photographers, and anyone
who only appears as the subject of "said"/"told"/"reported"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.actors.lexicon import ActorData
from pipeline.actors.names import has_phrase

# How many tokens before or after a name a role noun ("spokeswoman") is looked for.
_ROLE_REACH = 3


def is_source(span: Span, data: ActorData) -> bool:
    """Whether the mention reports rather than takes part."""
    words = [t.lower_ for t in span]
    if any(w in data.outlets for w in words) or any(has_phrase(words, tuple(o.split()))
                                                   for o in data.outlets if " " in o):
        return True
    doc = span.doc
    # "news channel Khabar-24", "spokeswoman Saltanat Azirbek", "(AP Photo/Name)"
    for tok in doc[max(span.start - _ROLE_REACH, span.sent.start):span.start]:
        if tok.lower_ in data.roles or tok.lemma_.lower() in data.roles:
            return True
    for tok in span:
        if tok.head.lemma_.lower() in data.roles and tok.dep_ in ("appos", "compound"):
            return True
        if tok.dep_ == "appos" and any(c.lemma_.lower() in data.roles for c in tok.head.subtree):
            return True
    after = doc[span.end:min(span.end + _ROLE_REACH, len(doc))]
    if any(t.lower_ in data.roles for t in after if t.dep_ == "appos" or t.head.i in range(span.start, span.end)):
        return True
    return False


def reports_only(tok: Token, data: ActorData) -> bool:
    """Whether the token is the subject of a reporting verb ("police said")."""
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in data.report_verbs
