"""Finding the date expressions of an annotated Doc and turning them into date facts.

Candidates are the model's DATE entities, TIME entities that name a day ("Saturday night",
"last night") and a regular-expression scan for day expressions the model misses (upper-case
wire copy, "early Thursday", "overnight"). Each is resolved (`pipeline.dates.resolve`) and
given a role: the dateline and page stamps date the report, as does a word of saying it
attaches to; a relative date after publication, a plan or a life story date nothing.

Without a publication date, a day written without its year takes the year that puts it
nearest the article's latest fully dated day; relative days stay unresolved.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span, Token

from pipeline.dates.lexicon import Lexicon
from pipeline.dates.resolve import _OVERNIGHT, DAY, Resolved, _resolve_cached, _resolve_near
from pipeline.dates.roles import _governor, _governor_lemma, _is_plan, _lemma, _role
from pipeline.dates.scan import (
    _ABBREVIATION_END,
    _LOWER_MONTH,
    _PRECEDING_NOT_EVENT,
    _SCAN,
    _TIME_DAY_WORDS,
)
from pipeline import anatomy
from pipeline.dates.stamps import _LEADING_CLOCK, _STAMP, _STAMP_BEFORE
from pipeline.doctext import doc_text

# How far before a candidate a word that rules it out ("every", "next") or a publishing word
# ("Posted on") may stand.
_NOT_EVENT_REACH = 12
_STAMP_WORD_REACH = 24

Candidate = tuple[int, int, str, Resolved | None]


def _candidates(doc: Doc, text_all: str) -> list[tuple[int, int]]:
    """Character spans of date expressions: DATE entities, TIME entities naming a day, and the
    day expressions the regular-expression scan finds; overlaps keep the longest."""
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ == "DATE" or (
            ent.label_ == "TIME" and _TIME_DAY_WORDS.search(ent.text)
        ):
            spans.append((ent.start_char, ent.end_char))
    spans.extend(m.span() for m in _SCAN.finditer(text_all) if not _LOWER_MONTH.search(m[0]))
    spans.sort(key=lambda se: (se[0] - se[1], se[0]))
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if all(end <= s or start >= e for s, e in kept):
            kept.append((start, end))
    kept.sort()
    return kept


def _trim_end(text: str, start: int, end: int) -> int:
    """End of a date span without the trailing blanks and sentence punctuation the model may
    include ("12 JANUARY."), keeping the period of an abbreviation ("Jan.", "Sept.")."""
    while end > start and (text[end - 1] in " \t\r\n,;:" or (
        text[end - 1] == "." and _ABBREVIATION_END.search(text, start, end) is None
    )):
        end -= 1
    return end


def _resolved_candidates(
    doc: Doc, text_all: str, published: dt.date | None, lex: Lexicon
) -> list[Candidate]:
    """(start, end, text, resolution or None) of each candidate. Without a publication date, a
    day written without its year ("Jan. 5") takes the year that puts it nearest the latest
    fully dated day of the article; relative days stay out."""
    candidates = []
    for start, end in _candidates(doc, text_all):
        end = _trim_end(text_all, start, end)
        text = text_all[start:end]
        candidates.append((start, end, text, _resolve_cached(text, published, lex)))
    if published is not None:
        return candidates
    full = [f.date for *_, f in candidates if f is not None and f.has_year and f.time_precision == DAY]
    anchor = max(full, default=None)
    if anchor is None:
        return candidates
    return [
        (start, end, text, found if found is not None else _resolve_near(text, anchor))
        for start, end, text, found in candidates
    ]


def _date_span(doc: Doc, text_all: str, start: int, end: int, text: str) -> Span | None:
    """The span of a resolved candidate, or None when it dates no event of the text: "every
    Tuesday", "next Friday" (the scan does not take the word before), a video's running time
    before its title, "an overnight shift" or "overnight lows"."""
    if _PRECEDING_NOT_EVENT.search(text_all, max(0, start - _NOT_EVENT_REACH), start):
        return None
    clock = _LEADING_CLOCK.match(text_all, text_all.rfind("\n", 0, start) + 1)
    if clock is not None and start <= clock.end() < end:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or (_OVERNIGHT.match(text.lower()) and span.root.pos_ != "ADV"):
        return None
    return span


def _is_stamp(
    text: str, start: int, end: int, found: Resolved, published: dt.date | None, dateline_end: int
) -> bool:
    """Whether the date is the dateline or a page stamp ("Posted Jan. 5, 2022 4:39 PM"), or a
    fully written date that is the publication day (prose rarely spells out today)."""
    return end <= dateline_end or (
        found.has_year
        and (
            found.date == published
            or _STAMP.match(text, end)
            or anatomy.PAREN_DATELINE_CLOSE.match(text, end) and text[start - 1 : start] == "("
            or _STAMP_BEFORE.search(text, max(0, start - _STAMP_WORD_REACH), start)
        )
    )


def _date_role(
    span: Span, governor: Token | None, found: Resolved, published: dt.date | None,
    stamp: bool, lex: Lexicon,
) -> str:  # fmt: skip
    """'report', 'event' or 'other' (a relative date after publication is a plan, as is a date
    of a planned verb; a date of a life story dates no event)."""
    role = "report" if stamp else _role(span, governor, lex)
    if published is not None and found.date_low > published and not found.has_year:
        return "other"
    if governor is not None and role == "event" and (
        _is_plan(governor, lex) or _lemma(governor, lex) in lex.life_words
    ):
        return "other"
    return role


def _fact(
    doc: Doc, span: Span, where: tuple[int, int, str], found: Resolved, role: str,
    governor: Token | None, lex: Lexicon,
) -> dict[str, object]:  # fmt: skip
    """The plain dict of one date fact (valid as DateFact without article_id); `where` is the
    expression's (start, end, text), which the token-aligned `span` may overreach."""
    start, end, text = where
    return {
        "kind": "date",
        "text": text,
        "sentence": span.sent.text.strip() if doc.has_annotation("SENT_START") else text,
        "char_start": start,
        "char_end": end,
        # ISO strings, not dates: Doc extensions must survive msgpack (n_process > 1).
        "date": found.date.isoformat(),
        "date_low": found.date_low.isoformat(),
        "date_high": found.date_high.isoformat(),
        "time_precision": found.time_precision,
        "role": role,
        "governor": _governor_lemma(governor, lex) if governor is not None else None,
    }


def date_facts(doc: Doc, lex: Lexicon) -> list[dict[str, object]]:
    """The resolved date expressions of an annotated Doc, as dicts valid as DateFact."""
    text_all = doc_text(doc)  # Doc.text rebuilds the whole text on every call
    published = dt.date.fromisoformat(doc._.published) if doc._.published else None
    dateline_end = anatomy.dated_dateline_end(text_all)
    facts: list[dict[str, object]] = []
    for start, end, text, found in _resolved_candidates(doc, text_all, published, lex):
        if found is None:
            continue
        span = _date_span(doc, text_all, start, end, text)
        if span is None:
            continue
        governor = _governor(span, lex)
        stamp = _is_stamp(text_all, start, end, found, published, dateline_end)
        role = _date_role(span, governor, found, published, stamp, lex)
        facts.append(_fact(doc, span, (start, end, text), found, role, governor, lex))
    return facts
