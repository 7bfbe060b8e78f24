"""The data the audit report is built from: a run's tables turned into plain JSON values.

Two parts: `summary` (overview, events, articles: parsed when the page opens) and `details`
(each article's cleaned text and facts: parsed only when an event is first opened, so a large
run opens fast). Every fact is placed at its character span in the cleaned text; a fact whose
span does not hold its words (the input file changed since the run) is listed, not highlighted.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.export import find_table, load_articles, load_events, load_facts
from pipeline.report.texts import Texts, read_texts

KINDS: tuple[str, ...] = ("place", "date", "casualty", "actor", "trigger")
COUNTS: tuple[str, ...] = ("killed", "injured", "arrested")
# Decimals kept of an event's coordinates: 5 is about a metre, finer than any gazetteer.
COORDINATE_DIGITS = 5
# Fact columns a casualty claim shows on the event page, beside its sentence.
CLAIM_COLUMNS: tuple[str, ...] = (
    "outcome", "count_low", "count_best", "count_high", "qualifier", "victims", "victim_type",
    "supersedes_prior", "partitive", "perpetrator", "includes_killed", "among_others", "adds",
)


@dataclass
class Run:
    """The three tables of one run folder."""

    articles: pd.DataFrame
    facts: pd.DataFrame
    events: pd.DataFrame


def load_run(run_dir: str | Path) -> Run:
    """The articles (manifest), facts and events tables of `run_dir`, whatever their format."""
    return Run(
        articles=load_articles(find_table(run_dir, "articles")),
        facts=load_facts(find_table(run_dir, "facts")),
        events=load_events(find_table(run_dir, "events")),
    )


def plain(value: Any) -> Any:
    """A table cell as a JSON value: missing -> None, days -> "YYYY-MM-DD", numpy -> Python."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (pd.Timestamp, dt.date)):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "item"):  # numpy scalars
        return plain(value.item())
    return value


def records(df: pd.DataFrame, columns: tuple[str, ...] | list[str]) -> list[dict[str, Any]]:
    """The rows of `df` as dicts of plain values, limited to `columns` that exist."""
    kept = [c for c in columns if c in df.columns]
    return [{c: plain(v) for c, v in zip(kept, row)} for row in df[kept].itertuples(index=False)]


def total(events: pd.DataFrame, column: str) -> int:
    """The sum of a count column (missing counts as nothing)."""
    if column not in events.columns or events.empty:
        return 0
    return int(pd.to_numeric(events[column], errors="coerce").fillna(0).sum())


def overview(run: Run, texts: Texts) -> dict[str, Any]:
    """Articles read by status, the failed and empty ones with their errors, events by type,
    the totals of killed/injured/arrested and facts by kind."""
    articles = run.articles
    statuses = Counter(str(s) for s in articles["status"].dropna())
    problems = articles[articles["status"].isin(["failed", "empty"])]
    types = Counter(str(t) if t is not None else "unknown" for t in map(plain, run.events["event_type"]))
    read_ok = articles.loc[articles["status"].isin(["ok", "copy"]), "source"].dropna()
    unavailable = sorted({texts.why_missing(s) for s in read_ok if texts.text(s) is None})
    return {
        "read": int(len(articles)),
        "statuses": dict(statuses.most_common()),
        "problems": records(problems, ["status", "source", "error", "article_id"]),
        "events": int(len(run.events)),
        "types": dict(types.most_common()),
        "totals": {c: total(run.events, f"{c}_best") for c in COUNTS},
        "facts": dict(Counter(str(k) for k in run.facts["kind"].dropna()).most_common()),
        "unavailable": unavailable,
    }


def event_table(events: pd.DataFrame) -> dict[str, Any]:
    """The events as columns and rows of plain values (compact for 10,000 events);
    coordinates rounded to `COORDINATE_DIGITS`."""
    columns = list(events.columns)
    rounded = events.copy()
    for column in ("latitude", "longitude"):
        if column in rounded.columns:
            rounded[column] = rounded[column].round(COORDINATE_DIGITS)
    rows = [[plain(v) for v in row] for row in rounded.itertuples(index=False)]
    return {"columns": columns, "rows": rows}


def article_index(articles: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """Each article's manifest row (without its id), by article id."""
    columns = ["source", "status", "error", "copy_of", "title", "published", "words", "facts", "events",
               "relevance", "relevant"]
    rows = records(articles, ["article_id", *[c for c in columns if c in articles.columns]])
    return {r.pop("article_id"): r for r in rows if r.get("article_id")}
