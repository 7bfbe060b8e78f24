"""The I/O stage of `newsevents aggregate`: rebuild events from earlier runs without NLP.

Read the facts and articles tables of one or more runs (`facts_from_frame`,
`articles_from_frame`), let the events package build each article's events and merge them
(`pipeline.events`: every rule of merging and of the count policy is told there), and write
the events table and its summary tables.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd
from pydantic import BaseModel

from pipeline.events import SUMMARY_DTYPES, build_article_events, merge_events, summary_tables
from pipeline.events.ledger import SPLIT
from pipeline.export import find_table, load_articles, load_facts, load_table, write_table
from pipeline.schemas import (
    ActorFact,
    AggregateSummary,
    Article,
    CasualtyFact,
    DateFact,
    Event,
    Fact,
    PlaceFact,
    TriggerFact,
)
from pipeline.tabulate import claims_frame, events_frame, merges_frame

_FACT_MODELS: dict[str, type[BaseModel]] = {
    "place": PlaceFact,
    "actor": ActorFact,
    "casualty": CasualtyFact,
    "date": DateFact,
    "trigger": TriggerFact,
}


def _plain_records(df: pd.DataFrame) -> list[dict]:
    """Rows as dicts of plain Python values: missing -> None, timestamps -> dates."""
    columns = []
    for column in df.columns:
        values = df[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            values = values.dt.date
        columns.append(values.astype(object).where(values.notna(), None).tolist())
    names = list(df.columns)
    return [dict(zip(names, row)) for row in zip(*columns)]


def facts_from_frame(df: pd.DataFrame) -> dict[str, list[Fact]]:
    """Facts of a facts table (as `load_facts` reads it) grouped by article id, each validated
    as its kind's model, in table order."""
    by_article: dict[str, list[Fact]] = {aid: [] for aid in df["article_id"].dropna().unique()}
    order: dict[str, list[tuple[int, Fact]]] = defaultdict(list)
    for kind, model in _FACT_MODELS.items():
        part = df[df["kind"] == kind]
        if part.empty:
            continue
        columns = [c for c in model.model_fields if c in part.columns]
        # A missing optional value takes the model's default (only those whose default is not
        # None need dropping); a required one stays None and fails validation.
        defaulted = [
            c for c in columns
            if not model.model_fields[c].is_required()
            and model.model_fields[c].get_default(call_default_factory=True) is not None
        ]
        for position, record in zip(part.index, _plain_records(part[columns])):
            for column in defaulted:
                if record[column] is None:
                    del record[column]
            fact = model.model_validate(record)
            order[fact.article_id].append((position, fact))  # type: ignore[attr-defined]
    for article_id, items in order.items():
        items.sort(key=lambda pf: pf[0])
        by_article[article_id] = [fact for _, fact in items]
    return by_article


def iter_article_facts(df: pd.DataFrame, chunk: int = 2000) -> Iterator[tuple[str, list[Fact]]]:
    """(article id, its facts) for each article of a facts table, `chunk` articles at a time,
    so that only one chunk's fact models are in memory at once."""
    order = pd.Series(pd.factorize(df["article_id"])[0] // chunk, index=df.index)
    for _, part in df.groupby(order, sort=True):
        yield from facts_from_frame(part).items()


def articles_from_frame(df: pd.DataFrame) -> dict[str, Article]:
    """Minimal `Article`s (id, source, title, published; no text) of an articles table."""
    out: dict[str, Article] = {}
    columns = [c for c in ("article_id", "source", "title", "published") if c in df.columns]
    for row in _plain_records(df[columns]):
        if row.get("article_id") is None:
            continue
        out[row["article_id"]] = Article(
            id=row["article_id"],
            source=row.get("source") or "",
            title=row.get("title"),
            published=row.get("published"),
            text="",
        )
    return out


def load_summary(path: str | Path) -> pd.DataFrame:
    """A summary table (summary_country, summary_admin1, summary_day, summary_week) in any of
    the formats, with its dtypes."""
    return load_table(path, SUMMARY_DTYPES)


def _read_runs(run_dirs: Sequence[str | Path]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The facts and articles tables of the runs, each article's rows from the last run that
    has it (later runs win)."""
    facts_parts: list[pd.DataFrame] = []
    article_parts: list[pd.DataFrame] = []
    for run_dir in run_dirs:
        facts_parts.append(load_facts(find_table(run_dir, "facts")))
        article_parts.append(load_articles(find_table(run_dir, "articles")))
    articles_df = pd.concat(article_parts, ignore_index=True)
    facts_df = pd.concat(facts_parts, ignore_index=True)
    run_of_facts = pd.concat(
        [pd.Series(i, index=range(len(p))) for i, p in enumerate(facts_parts)], ignore_index=True
    )
    last_run = run_of_facts.groupby(facts_df["article_id"]).max()
    facts_df = facts_df[run_of_facts.to_numpy() == facts_df["article_id"].map(last_run).to_numpy()]
    facts_df = facts_df.reset_index(drop=True)
    repeated = articles_df["article_id"].notna() & articles_df.duplicated("article_id", keep="last")
    articles_df = articles_df[~repeated].reset_index(drop=True)
    return facts_df, articles_df


def _article_events(facts_df: pd.DataFrame, articles_df: pd.DataFrame) -> list[Event]:
    """Each article's events, built from its facts (an article missing from the articles table,
    or not read ok, has no source, title or publication day)."""
    known = articles_from_frame(articles_df[articles_df["status"] == "ok"])
    article_events: list[Event] = []
    for article_id, facts in iter_article_facts(facts_df):
        article = known.get(article_id) or Article(id=article_id, source="", text="")
        article_events.extend(build_article_events(article, facts))
    return article_events


def read_split_ids(path: str | Path) -> frozenset[str]:
    """The event ids of a `--split-file`: one a line; blank lines and lines starting with # are
    skipped. Raises FileNotFoundError naming the file."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such split file")
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def aggregate_runs(
    run_dirs: Sequence[str | Path],
    out_dir: str | Path,
    *,
    fmt: str = "csv",
    merge: bool = True,
    split: frozenset[str] = frozenset(),
) -> AggregateSummary:
    """Rebuild events (and summary tables) from the facts and articles tables of earlier runs,
    without NLP. An article id met in several runs keeps the facts of the last run given.
    Writes events, merges and claims (the merge and claims ledgers), summary_country, summary_admin1, summary_day and
    summary_week in `fmt` (csv, parquet or jsonl); the facts stay in the runs' own facts tables.
    A merged event whose id is in `split` is kept as its reports' own events."""
    started = time.perf_counter()
    summary = AggregateSummary(runs=len(run_dirs), out_dir=str(out_dir))
    facts_df, articles_df = _read_runs(run_dirs)
    article_events = _article_events(facts_df, articles_df)
    ledger: list[dict] = []
    claims: list[dict] = []
    events = merge_events(article_events, ledger=ledger, split=split, claims=claims) if merge else article_events
    events_df = events_frame(events)
    summary.split = sorted({row["event_id"] for row in ledger if row["decision"] == SPLIT})

    out = Path(out_dir)
    written = [
        write_table(events_df, out / "events", fmt),
        write_table(merges_frame(ledger), out / "merges", fmt),
        write_table(claims_frame(claims), out / "claims", fmt),
    ]
    for name, table in summary_tables(events_df).items():
        written.append(write_table(table, out / name, fmt))
    summary.articles = int((articles_df["status"] == "ok").sum())
    summary.facts = len(facts_df)
    summary.article_events = len(article_events)
    summary.events = len(events)
    summary.tables = [p.name for p in written]
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary
