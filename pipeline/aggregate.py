"""The I/O stage of `newsevents aggregate`: rebuild events from earlier runs without NLP.

Read the facts and articles tables of one or more runs (`facts_from_frame`,
`articles_from_frame`), let the events package build each article's events and merge them
(`pipeline.events`: every rule of merging and of the count policy is told there), and write
the events table and its summary tables.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import defaultdict, deque
from contextlib import nullcontext
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
from pydantic import BaseModel, TypeAdapter, ValidationError

from pipeline.bulk import collector_paused
from pipeline.copies import Copies
from pipeline.events import SUMMARY_DTYPES, MergeRules, build_article_events, merge_events, summary_tables
from pipeline.events.ledger import SPLIT
from pipeline.events.records import Record, make_record
from pipeline.export import TableError, find_table, load_articles, load_facts, load_table, write_tables
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
# Columns `_read_runs` adds to the facts rows: the table and row (from 1) each came from, so
# that a row no fact model accepts can be named.
TABLE, ROW = "_table", "_row"
# Articles whose fact models are built at once (one chunk of work for a worker process).
CHUNK_ARTICLES = 2000
# What `events_of_facts` gives back for one chunk: its events, their merge records (None for
# an event too vague to merge) and the rows left out.
Built = tuple[list[Event], list[Record | None], list[str]]


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


@cache
def _adapter(model: type[BaseModel]) -> TypeAdapter:
    """A validator of a list of one fact model's rows: one call for a whole part of a table
    (a model's own validation is called once per row, which costs a third more)."""
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def _origin(part: pd.DataFrame, position: int) -> str:
    """Where a row of a facts table came from: its table, row and article (`_read_runs`)."""
    row = part.iloc[position]
    where = f"{row[TABLE]} {row[ROW]}" if TABLE in part.columns else f"row {position + 1}"
    article = row["article_id"]
    return f"{where} ({'no article id' if pd.isna(article) else f'article {article}'})"


def _validated(model: type[BaseModel], records: list[dict], part: pd.DataFrame,
               problems: list[tuple[int, str]]) -> list[BaseModel | None]:
    """The facts of one kind's rows, in order; a row its model does not accept is None, and
    `problems` gets its index in the table and a line naming it and its first error."""
    try:
        return _adapter(model).validate_python(records)
    except ValidationError:
        pass  # name each row the model refuses: only after a failure
    facts: list[BaseModel | None] = []
    for position, record in enumerate(records):
        try:
            facts.append(model.model_validate(record))
        except ValidationError as exc:
            first = exc.errors()[0]
            field_name = ".".join(str(step) for step in first["loc"]) or "row"
            problems.append((part.index[position], f"{_origin(part, position)}: {field_name}: {first['msg']}"))
            facts.append(None)
    return facts


def _count_problem(fact: BaseModel) -> str | None:
    """What makes a casualty fact's count no count (a negative figure, a low above its best or
    its high, a best above its high), or None; None for the other kinds."""
    if not isinstance(fact, CasualtyFact):
        return None
    low, best, high = fact.count_low, fact.count_best, fact.count_high
    if min(low, best, high if high is not None else 0) < 0:
        return f"count: {low}/{best}/{high} holds a negative figure"
    if not (low <= best and (high is None or best <= high)):
        return f"count: low {low}, best {best}, high {high} are out of order"
    return None


def facts_from_frame(df: pd.DataFrame, problems: list[str] | None = None) -> dict[str, list[Fact]]:
    """Facts of a facts table (as `load_facts` reads it) grouped by article id, each validated
    as its kind's model, in table order. A row without an article id, of no known kind, one
    its model does not accept, or a casualty whose count is no count is left out; `problems`,
    when given, gets a line naming it (its table and row when `_read_runs` read it), else
    ValueError is raised with that line."""
    found: list[tuple[int, str]] = []  # (index in the table, what is wrong)
    no_id = df[df["article_id"].isna()]
    found.extend((index, f"{_origin(no_id, n)}: article_id: missing") for n, index in enumerate(no_id.index))
    df = df[df["article_id"].notna()]
    by_article: dict[str, list[Fact]] = {aid: [] for aid in df["article_id"].unique()}
    order: dict[str, list[tuple[int, Fact]]] = defaultdict(list)
    unknown = df[~df["kind"].isin(list(_FACT_MODELS))]
    found.extend((index, f"{_origin(unknown, n)}: kind: {kind!r} is none of {', '.join(_FACT_MODELS)}")
                 for n, (index, kind) in enumerate(unknown["kind"].astype(object).items()))
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
        records = _plain_records(part[columns])
        for record in records:
            for column in defaulted:
                if record[column] is None:
                    del record[column]
        for n, (position, fact) in enumerate(zip(part.index, _validated(model, records, part, found))):
            if fact is not None and (wrong := _count_problem(fact)):
                found.append((position, f"{_origin(part, n)}: {wrong}"))
            elif fact is not None:
                order[fact.article_id].append((position, fact))  # type: ignore[attr-defined]
    found.sort(key=lambda item: item[0])
    if found and problems is None:
        raise ValueError(found[0][1])
    if problems is not None:
        problems.extend(message for _, message in found)
    for article_id, items in order.items():
        items.sort(key=lambda pf: pf[0])
        by_article[article_id] = [fact for _, fact in items]
    return by_article


def _chunks(df: pd.DataFrame, articles: int) -> Iterator[pd.DataFrame]:
    """The rows of a facts table, `articles` articles' rows at a time (table order)."""
    order = pd.Series(pd.factorize(df["article_id"])[0] // articles, index=df.index)
    for _, part in df.groupby(order, sort=True):
        yield part


def events_of_facts(facts: pd.DataFrame, known: dict[str, Article], rules: MergeRules | None = None) -> Built:
    """The events of each article of a facts table's rows, in table order (an article missing
    from `known` has no source, title or publication day), their merge records under `rules`
    (`make_record`; none without rules) and the rows left out (see `facts_from_frame`). Runs in
    a worker process when `aggregate_runs` is given several: the records are made there, not
    in the one process that merges."""
    events: list[Event] = []
    problems: list[str] = []
    with collector_paused():
        for article_id, items in facts_from_frame(facts, problems).items():
            article = known.get(article_id) or Article(id=article_id, source="", text="")
            events.extend(build_article_events(article, items))
        records = [make_record(e, rules=rules) for e in events] if rules is not None else []
    return events, records, problems


def _in_order(pool: Executor, jobs: Iterator[tuple], ahead: int) -> Iterator[Built]:
    """`events_of_facts` of each job on the pool, results in job order, at most `ahead` jobs
    submitted at once (so that only a few chunks' rows are copied to the workers)."""
    pending: deque[Future] = deque()
    for job in jobs:
        pending.append(pool.submit(events_of_facts, *job))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


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


def _row_lines(path: Path, rows: int) -> np.ndarray:
    """The line of each row of a JSON Lines table (blank lines hold none), so that a row left
    out is named by the line an editor shows; row numbers if the count disagrees."""
    with path.open("rb") as fh:
        lines = np.array([n for n, raw in enumerate(fh, 1) if raw.strip()], dtype=np.int64)
    return lines if len(lines) == rows else np.arange(1, rows + 1)


def _read_runs(run_dirs: Sequence[str | Path]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The facts and articles tables of the runs, each article's rows from the last run that
    has it (later runs win)."""
    facts_parts: list[pd.DataFrame] = []
    article_parts: list[pd.DataFrame] = []
    for run_dir in run_dirs:
        path = find_table(run_dir, "facts")
        facts = load_facts(path)
        line = path.suffix.lower() in (".jsonl", ".json")
        facts[TABLE] = pd.Categorical.from_codes(np.zeros(len(facts), dtype=int),
                                                 categories=[f"{path} {'line' if line else 'row'}"])
        facts[ROW] = _row_lines(path, len(facts)) if line else np.arange(1, len(facts) + 1)
        facts_parts.append(facts)
        article_parts.append(load_articles(find_table(run_dir, "articles")))
    articles_df = pd.concat(article_parts, ignore_index=True)
    facts_df = pd.concat(facts_parts, ignore_index=True)
    run_of_facts = pd.concat(
        [pd.Series(i, index=range(len(p))) for i, p in enumerate(facts_parts)], ignore_index=True
    )
    last_run = run_of_facts.groupby(facts_df["article_id"]).max()
    # A row without an article id stays, to be named as left out (`facts_from_frame`).
    latest = run_of_facts.to_numpy() == facts_df["article_id"].map(last_run).to_numpy()
    facts_df = facts_df[latest | facts_df["article_id"].isna().to_numpy()]
    facts_df = facts_df.reset_index(drop=True)
    repeated = articles_df["article_id"].notna() & articles_df.duplicated("article_id", keep="last")
    articles_df = articles_df[~repeated].reset_index(drop=True)
    return facts_df, articles_df


def _article_events(facts_df: pd.DataFrame, articles_df: pd.DataFrame, processes: int = 1,
                    problems: list[str] | None = None,
                    rules: MergeRules | None = None) -> tuple[list[Event], list[Record | None]]:
    """Each article's events, built from its facts (an article missing from the articles table,
    or not read ok, has no source, title or publication day), `CHUNK_ARTICLES` articles at a
    time so that only one chunk's fact models are in memory at once; in `processes` worker
    processes when more than one; and their merge records under `rules` (none without). The
    events are in table order either way; `problems` gets the rows left out
    (`facts_from_frame`)."""
    known = articles_from_frame(articles_df[articles_df["status"] == "ok"])
    jobs = (
        (part, {a: known[a] for a in part["article_id"].dropna().unique() if a in known}, rules)
        for part in _chunks(facts_df, CHUNK_ARTICLES)
    )
    article_events: list[Event] = []
    article_records: list[Record | None] = []
    left_out: list[str] = [] if problems is None else problems
    # Spawned, not forked: the parent may hold threads (pyarrow's) that a fork would copy.
    with (ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"))
          if processes > 1 else nullcontext()) as pool:
        results = (_in_order(pool, jobs, ahead=2 * processes) if pool is not None
                   else (events_of_facts(*job) for job in jobs))
        for events, records, found in results:
            article_events.extend(events)
            article_records.extend(records)
            left_out.extend(found)
    return article_events, article_records


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
    processes: int = 1,
) -> AggregateSummary:
    """Rebuild events (and summary tables) from the facts and articles tables of earlier runs,
    without NLP. An article id met in several runs keeps the facts of the last run given.
    Writes events, merges and claims (the merge and claims ledgers), summary_country, summary_admin1, summary_day and
    summary_week in `fmt` (csv, parquet or jsonl); the facts stay in the runs' own facts tables.
    A merged event whose id is in `split` is kept as its reports' own events. Each article's
    events are built in `processes` worker processes (merging is one pass in this one)."""
    started = time.perf_counter()
    summary = AggregateSummary(runs=len(run_dirs), out_dir=str(out_dir))
    facts_df, articles_df = _read_runs(run_dirs)
    rules = MergeRules()
    article_events, records = _article_events(facts_df, articles_df, processes, summary.left_out,
                                              rules if merge else None)
    if len(facts_df) and len(summary.left_out) == len(facts_df):
        # Nothing of the tables could be read: no empty tables written over earlier ones.
        raise TableError(f"every fact row was left out, as {summary.left_out[0]}")
    ledger: list[dict] = []
    claims: list[dict] = []
    events = (merge_events(article_events, rules=rules, ledger=ledger, split=split, claims=claims, records=records)
              if merge else article_events)
    # The run's copies (status `copy`) are sources of their originals' events, as in the run;
    # not one that has events of its own (an original in another run's tables).
    own = {a for e in article_events for a in e.article_ids.split(";")}
    events = Copies.of_manifest(articles_df, own).attach(events)
    events_df = events_frame(events)
    summary.split = sorted({row["event_id"] for row in ledger if row["decision"] == SPLIT})

    # Every table is made before any is written, and the set is renamed into place at once:
    # a failure leaves no new events table beside an earlier run's merges.
    tables = {"events": events_df, "merges": merges_frame(ledger), "claims": claims_frame(claims),
              **summary_tables(events_df)}
    written = write_tables(tables, out_dir, fmt)
    summary.articles = int((articles_df["status"] == "ok").sum())
    summary.facts = len(facts_df)
    summary.article_events = len(article_events)
    summary.events = len(events)
    summary.tables = [p.name for p in written]
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary
