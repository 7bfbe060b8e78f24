"""Trigger words that are part of a name or a modifier, not a report: the title of a work in
quotation marks ('Shell Shock'), a word in scare quotes (had been 'ambushed'), the first word of
a proper name ("Riot Engine" the band), the first part of a hyphenated modifier of a state ("a
shell-shocked defence")."""

from __future__ import annotations

from spacy.tokens import Span, Token

# A quoted title is short: a song, a film, a tour ("'Firestorm'", "“Gunfire Love”").
_TITLE_MAX = 6
# Words a title leaves in lower case ("Lord of the Flies", "Gone with the Wind").
_TITLE_SMALL = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with", "by",
                          "from", "is", "my", "your", "our", "no"})
# Entities whose first proper noun may begin a name made of trigger words.
_NAMES = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "EVENT", "NORP"})
_PROPER = ("NNP", "NNPS")
# A sentence of at least this many words, this share of them capitalised, is a headline.
_HEADLINE_MIN, _HEADLINE_SHARE = 4, 0.8


def _quotation(span: Span) -> Span | None:
    """The words between the quotation marks around a span inside one sentence, or None (an
    odd number of quotation marks before it in its sentence: it is inside a quotation)."""
    doc = span.doc
    sent = span.sent
    before = [t for t in doc[sent.start:span.start] if t.is_quote]
    if len(before) % 2 == 0:
        return None
    close = next((t for t in doc[span.end:sent.end] if t.is_quote), None)
    if close is None:
        return None
    return doc[before[-1].i + 1:close.i]


def _title_case(words: list[Token]) -> bool:
    """Whether words are written as a title: each capitalised but the small words inside."""
    return bool(words) and words[0].is_title and all(
        w.is_title or (w.lower_ in _TITLE_SMALL and i) for i, w in enumerate(words))


def quoted_title(span: Span, mostly_upper: bool, armed_or_hurt: frozenset[str]) -> bool:
    """Whether the match is in a short quoted title ("their hit 'Shell Shock'") or is alone in
    scare quotes ("he had been 'ambushed' by people he trusted"): a work's name or a figure of
    speech. A quoted clause ("'We were attacked,' he said") is a report, a witness's word quoted
    beside the armed or the hurt ("were 'shot dead' by gunmen") too, and upper-case wire copy
    shows no titles."""
    if mostly_upper:
        return False
    inner = _quotation(span)
    if inner is None or not 0 < len(inner) <= _TITLE_MAX or _title_sentence(span.sent):
        return False
    words = [t for t in inner if t.is_alpha]
    if inner.start == span.start and inner.end == span.end and all(w.is_lower for w in words):
        return not any(t.lower_ in armed_or_hurt or t.lemma_.lower() in armed_or_hurt for t in span.sent)
    return _title_case(words)


def _title_sentence(sent: Span) -> bool:
    """Whether a sentence is written in Title Case, a headline inside the text ("Bombing Kills
    12 In Baghdad Market"): its capitals tell no names."""
    words = [t for t in sent if t.is_alpha and t.lower_ not in _TITLE_SMALL]
    return len(words) >= _HEADLINE_MIN and sum(t.is_title for t in words) >= _HEADLINE_SHARE * len(words)


def starts_a_name(span: Span, mostly_upper: bool) -> bool:
    """Whether the match is the first word of a proper name the NER found ("Riot Engine
    brought their tour to Berlin"): a proper noun followed, inside the entity, only by proper
    nouns. A plural common noun the NER takes for an organisation's start ("Protesters in
    Paris") is no name, nor a capital of a headline in Title Case ("Bombing Kills 12 In
    Baghdad Market")."""
    tok = span[0]
    if mostly_upper or tok.ent_iob_ != "B" or tok.ent_type_ not in _NAMES or tok.tag_ not in _PROPER:
        return False
    if _title_sentence(tok.sent):
        return False
    doc = tok.doc
    end = span.end
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    rest = doc[span.end:end]
    return len(rest) > 0 and all(t.tag_ in _PROPER for t in rest)


def hyphen_modifier(span: Span, figure_parts: frozenset[str]) -> bool:
    """Whether the match is the first part of a hyphenated modifier that tells a state (its
    second part one of `figure_parts`: "a shell-shocked defence", "battle-hardened players",
    "the war-torn region"): it describes its noun, it reports no event. A weapon's use
    ("rocket-propelled", "gun-wielding") and a likeness ("riot-like") are no such parts."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].tag_ != "HYPH":
        return False
    return doc[span.end + 1].lower_ in figure_parts
