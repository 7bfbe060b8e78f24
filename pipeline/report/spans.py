"""What the event page highlights: each fact of an article at its span in the cleaned text.

A span is `[start, end, kind, fact]`: character offsets into the cleaned text, the index of
the fact's kind in `KINDS` (the colour) and the index of the fact in the article's list (in
the page's data: of the fact's label, shared by the facts that read alike). Spans may nest ("officers" inside "12 officers have been killed") or coincide (one word
both actor and trigger); the page nests them, and a span that crosses another's end is cut
there (`laminar`) so that nesting is always possible. A fact whose offsets do not hold its words is
not highlighted but listed as misplaced, so a changed input file shows instead of lying.
"""

from __future__ import annotations

import heapq
from typing import Any

import pandas as pd

from pipeline.report.data import CLAIM_COLUMNS, KINDS, plain

Span = list[int]


def fact_label(fact: dict[str, Any]) -> str:
    """A one-line description of a fact, by kind, for the hover text and the fact list."""
    kind = fact.get("kind")
    if kind == "place":
        where = ", ".join(str(fact[k]) for k in ("name", "admin1", "country") if fact.get(k))
        return f"place: {where or 'unresolved'} (role {fact.get('role')}, precision {fact.get('geo_precision')})"
    if kind == "date":
        span = f"{fact.get('date_low')}..{fact.get('date_high')}"
        return f"date: {fact.get('date')} ({span}, role {fact.get('role')})"
    if kind == "casualty":
        high = fact.get("count_high")
        counts = f"{fact.get('count_low')}/{fact.get('count_best')}/{'open' if high is None else high}"
        return f"casualty: {fact.get('outcome')} {counts} (low/best/high), victims {fact.get('victims') or '?'}"
    if kind == "actor":
        return f"actor: {fact.get('actor_name')} ({fact.get('actor_type') or 'no type'})"
    if kind == "trigger":
        sub = f" / {fact['sub_event_type']}" if fact.get("sub_event_type") else ""
        return f"trigger: {fact.get('event_type')}{sub} (priority {fact.get('priority')})"
    return f"{kind}: {fact.get('text')}"


def holds(text: str, fact: dict[str, Any]) -> bool:
    """Whether the fact's offsets hold its words in `text`."""
    start, end = fact.get("char_start"), fact.get("char_end")
    if start is None or end is None or not 0 <= start < end <= len(text):
        return False
    return text[start:end] == fact.get("text")


def laminar(spans: list[Span]) -> list[Span]:
    """The spans cut so that any two either nest or do not touch: a span that starts inside
    another and ends after it is cut at that end (its rest goes on as a new span). Sorted by
    start, longer first, so the page can nest them with a stack."""
    queue = [(s[0], -s[1], s[2], s[3]) for s in spans]
    heapq.heapify(queue)
    out: list[Span] = []
    open_ends: list[int] = []  # ends of the spans that contain the current position
    while queue:
        start, neg_end, kind, fact = heapq.heappop(queue)
        end = -neg_end
        while open_ends and open_ends[-1] <= start:
            open_ends.pop()
        if open_ends and end > open_ends[-1]:  # crosses the end of the innermost open span
            heapq.heappush(queue, (open_ends[-1], neg_end, kind, fact))
            end = open_ends[-1]
        out.append([start, end, kind, fact])
        open_ends.append(end)
    return out


def article_spans(text: str, facts: list[dict[str, Any]]) -> tuple[list[Span], list[int]]:
    """The spans to highlight in `text` (sorted by start, longer first) and the indexes of
    the facts whose offsets do not hold their words (misplaced)."""
    spans: list[Span] = []
    misplaced: list[int] = []
    for index, fact in enumerate(facts):
        kind = fact.get("kind")
        if kind not in KINDS or not holds(text, fact):
            misplaced.append(index)
            continue
        spans.append([int(fact["char_start"]), int(fact["char_end"]), KINDS.index(kind), index])
    return laminar(spans), misplaced


def facts_by_article(facts: pd.DataFrame) -> dict[str, list[dict[str, Any]]]:
    """Each article's facts as plain dicts, in table order."""
    out: dict[str, list[dict[str, Any]]] = {}
    columns = list(facts.columns)
    for row in facts.itertuples(index=False):
        fact = {c: plain(v) for c, v in zip(columns, row)}
        out.setdefault(str(fact.get("article_id")), []).append(fact)
    return out


def claim_entry(fact: dict[str, Any], label: int) -> dict[str, Any]:
    """A casualty claim for the event page's claims table: its words, sentence, counts and
    flags, where it starts (to jump to its highlight) and its label's index."""
    entry = {"label": label, "text": fact.get("text"), "start": fact.get("char_start"),
             "sentence": fact.get("sentence")}
    # a value not given (None) or a flag not set (False) is left out: 10,000 events' worth of
    # claims stay small, and the page reads a missing key as "none"
    entry.update({c: fact[c] for c in CLAIM_COLUMNS if fact.get(c) is not None and fact.get(c) is not False})
    return entry


def article_detail(text: str | None, facts: list[dict[str, Any]], missing: str) -> dict[str, Any]:
    """One article's entry in the lazily parsed details: its text (or why it is missing), the
    distinct fact labels, the spans (whose last item indexes `labels`: one label serves every
    mention of a place), the casualty claims and the misplaced facts as [words, label]."""
    labels: dict[str, int] = {}
    label_of = [labels.setdefault(fact_label(f), len(labels)) for f in facts]
    claims = [claim_entry(f, label_of[i]) for i, f in enumerate(facts) if f.get("kind") == "casualty"]
    spans, misplaced = article_spans(text, facts) if text is not None else ([], [])
    return {
        "text": text,
        "missing": None if text is not None else missing,
        "labels": list(labels),
        "spans": [[start, end, kind, label_of[fact]] for start, end, kind, fact in spans],
        "claims": claims,
        "misplaced": [[facts[i].get("text"), label_of[i]] for i in misplaced],
    }
