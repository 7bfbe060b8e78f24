"""What the resolver keeps while it reads one Doc: the candidate mentions and the per-Doc
state (created inside each call, never stored on the component)."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span


@dataclass
class Mention:
    """A candidate place mention while a Doc is being resolved."""

    start: int  # token indices
    end: int
    text: str
    key: str
    ids: tuple[int, ...]
    label: str | None  # the NER label of a span equal to it, if any
    cue: bool = False  # preceded by a locative word or followed by "department", "county"...
    cc: str | None = None  # apposition/dateline constraint: the country
    a1: str | None = None  # apposition/dateline constraint: the US state (postal code)
    role: str = "other"
    capital_cue: bool = False
    part: bool = False  # a part of the place was named ("Southwest Philadelphia")
    agency: bool = False  # heads an agency's name ("Austin Police Department")
    division: bool = False  # followed by "province", "state"...: a first-level division
    origin: bool = False  # "a man from Mexico": where someone comes from, not where it happened
    chars: tuple[int, int] | None = None  # the place's characters when its tokens hold more
    quarter: bool = False  # "the Washington Heights neighborhood": a part of some city
    street: bool = False  # "the 11000 block of South Ewing": a street's name
    outlet: bool = False  # heads an outlet's name ("The Augusta Chronicle")
    resolved: int | None = None

    @property
    def qualified(self) -> bool:
        """Whether an apposition or the dateline fixed its state or country."""
        return bool(self.a1 or self.cc)


@dataclass
class DocState:
    """The per-Doc state of one resolver call."""

    doc: Doc
    text: str  # Doc.text joins every token on each call: read once
    upper: bool  # upper-case wire copy
    countries: Counter = field(default_factory=Counter)  # weighted counts of countries named
    states: Counter = field(default_factory=Counter)  # ... and of US states (postal codes)
    cooc: Counter = field(default_factory=Counter)  # states where ambiguous names all exist
    nested: set[int] = field(default_factory=set)  # readings in a county another name shares
    cue_hits: list[tuple[str, int, int, int]] = field(default_factory=list)
    home: tuple[str | None, str] | None = None  # the headline outlet's state, country
    named_states: frozenset[str] = frozenset()  # states the text and headline name (context)
    _sents: tuple[list[int], list[Span]] | None = None
    _event_sents: dict[int, bool] = field(default_factory=dict)

    def sentence(self, span: Span) -> Span | None:
        """The sentence holding a span (the Doc's sentences are listed once per Doc: spaCy's
        `span.sent` walks them all on every call)."""
        if self._sents is None:
            doc = self.doc
            sents = list(doc.sents) if doc.has_annotation("SENT_START") else []
            self._sents = ([s.start for s in sents], sents)
        starts, sents = self._sents
        k = bisect.bisect_right(starts, span.start) - 1
        return sents[k] if k >= 0 else None

    def sentence_text(self, span: Span) -> str:
        """The stripped text of a span's sentence (the span's own text without sentences)."""
        sent = self.sentence(span)
        return sent.text.strip() if sent is not None else span.text

    def event_sentence(self, span: Span, event_cues: set[str]) -> bool:
        """Whether the span's sentence tells the event (holds a word of `event_cues`)."""
        sent = self.sentence(span)
        if sent is None:
            return False
        if sent.start not in self._event_sents:
            self._event_sents[sent.start] = any(
                t.lemma_.lower() in event_cues or t.lower_ in event_cues for t in sent)
        return self._event_sents[sent.start]
