"""`run`: the one place where the stages are put in order.

ingest -> clean -> nlp -> extract -> tabulate -> aggregate -> export, streamed: articles are
read, annotated and written in chunks, so memory does not grow with the batch (except the
per-article event records, a few hundred bytes each: merging them across articles needs the
whole batch, so events.csv is written at the end). Every record read ends up as one row of the
manifest (articles.csv), whatever became of it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from pathlib import Path

from spacy.language import Language

from pipeline.events import build_article_events, merge_events
from pipeline.clean import clean_article
from pipeline.export import TableWriter
from pipeline.extract import extract_facts
from pipeline.ingest import read_inputs
from pipeline.nlp import annotate, load_nlp
from pipeline.schemas import Article, Event, Fact, ManifestRow, RunSummary
from pipeline.tabulate import (
    ARTICLE_DTYPES,
    EVENT_DTYPES,
    FACT_DTYPES,
    events_frame,
    facts_frame,
    manifest_frame,
)

TABLES = {"facts": FACT_DTYPES, "events": EVENT_DTYPES, "articles": ARTICLE_DTYPES}

# Rows are written every this many articles: bounded memory, few small writes.
FLUSH_EVERY = 256

Progress = Callable[[ManifestRow], None]


class _Tables:
    """The output tables, buffered and written in chunks; events are held (they are few and
    small) and merged across articles when the batch is complete."""

    def __init__(self, out_dir: Path, fmt: str = "csv", merge: bool = True) -> None:
        self.writers = {
            name: TableWriter(out_dir / f"{name}.{fmt}", list(d), fmt, d) for name, d in TABLES.items()
        }
        self.merge = merge
        self.facts: list[Fact] = []
        self.events: list[Event] = []
        self.rows: list[ManifestRow] = []

    def flush(self) -> None:
        self.writers["facts"].write(facts_frame(self.facts))
        self.writers["articles"].write(manifest_frame(self.rows))
        self.facts, self.rows = [], []

    def commit(self) -> int:
        """Write what is left, the (merged) events, and rename every table into place;
        returns the number of events written."""
        self.flush()
        events = merge_events(self.events) if self.merge else self.events
        self.writers["events"].write(events_frame(events))
        for writer in self.writers.values():
            writer.commit()
        return len(events)

    def abort(self) -> None:
        for writer in self.writers.values():
            writer.abort()


def _row(article: Article, status: str, error: str | None = None, **counts: int) -> ManifestRow:
    return ManifestRow(
        article_id=article.id,
        source=article.source,
        status=status,
        error=error,
        title=article.title,
        published=article.published,
        published_from=article.published_from,
        words=len(article.text.split()),
        **counts,
    )


def run(
    inputs: Sequence[str | Path],
    out_dir: str | Path,
    *,
    model: str | None = None,
    nlp: Language | None = None,
    processes: int = 1,
    batch_size: int = 64,
    limit: int | None = None,
    on_article: Progress | None = None,
    fmt: str = "csv",
    merge: bool = True,
) -> RunSummary:
    """Process every article under `inputs` and write facts.csv, events.csv and articles.csv.

    `nlp` reuses a loaded pipeline (else `model`, or the default model, is loaded);
    `limit` stops after that many input records; `on_article` is called with each manifest row;
    `fmt` is the tables' format (csv, parquet, jsonl); `merge` merges the events of different
    articles that report one real-world event (`events.merge_events`), else events.csv keeps
    one row per event per article. `summary.events` counts the rows of events.csv.
    """
    started = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    nlp = nlp or load_nlp(model)
    summary = RunSummary(out_dir=str(out))
    tables = _Tables(out, fmt, merge)

    def record(row: ManifestRow) -> None:
        summary.read += 1
        setattr(summary, row.status, getattr(summary, row.status) + 1)
        summary.words += row.words
        tables.rows.append(row)
        if on_article:
            on_article(row)

    def articles() -> Iterator[Article]:
        for rec in islice(read_inputs(inputs), limit):
            if isinstance(rec, ManifestRow):
                record(rec)
                continue
            try:
                article = clean_article(rec)
            except Exception as exc:  # noqa: BLE001  one odd text must not end the batch
                record(_row(rec, "failed", f"{rec.source}: cleaning failed: {exc}"))
                continue
            if not article.text.strip():
                record(_row(article, "empty", f"{article.source}: no text after cleaning"))
                continue
            yield article

    try:
        for article, doc, error in annotate(nlp, articles(), batch_size=batch_size, n_process=processes):
            if doc is None:
                record(_row(article, "failed", f"{article.source}: {error}"))
                continue
            try:
                facts = extract_facts(article, doc)
                events = build_article_events(article, facts)
            except Exception as exc:  # noqa: BLE001  a bug on one article must not lose the rest
                record(_row(article, "failed", f"{article.source}: {type(exc).__name__}: {exc}"))
                continue
            tables.facts.extend(facts)
            tables.events.extend(events)
            summary.facts += len(facts)
            summary.events += len(events)
            record(_row(article, "ok", facts=len(facts), events=len(events)))
            if len(tables.rows) >= FLUSH_EVERY:
                tables.flush()
        summary.events = tables.commit()
    except BaseException:
        tables.abort()
        raise
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary
