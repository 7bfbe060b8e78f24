"""A run's output folder: the manifest, the facts and the events, written as they come.

`RunOutput` is what `pipeline.run.run` writes into. Every record read becomes one manifest row
(`record`), whatever became of it; an article's facts are buffered and written every
`FLUSH_EVERY` articles, so memory does not grow with the batch; its events are kept (a few hundred
bytes each: merging across articles needs the whole batch) until `write_events`. Every table is
written under a temporary name and renamed into place only by `commit`, so an interrupted run
leaves no table that looks finished but is not (used as a context manager, an exception aborts).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType

import pandas as pd

from pipeline.export import TableWriter
from pipeline.manifest import failed, manifest_row
from pipeline.schemas import Article, Event, Fact, ManifestRow, RunSummary
from pipeline.tabulate import (
    ARTICLE_DTYPES,
    CLAIM_DTYPES,
    EVENT_DTYPES,
    FACT_DTYPES,
    MERGE_DTYPES,
    claims_frame,
    events_frame,
    facts_frame,
    manifest_frame,
    merges_frame,
)

TABLES = {
    "facts": FACT_DTYPES, "events": EVENT_DTYPES, "articles": ARTICLE_DTYPES,
    "merges": MERGE_DTYPES, "claims": CLAIM_DTYPES,
}

# Rows are written every this many articles: bounded memory, few small writes.
FLUSH_EVERY = 256

# The RunSummary field that counts a manifest status, where the two names differ.
_SUMMARY_FIELD = {"copy": "copies"}

Progress = Callable[[ManifestRow], None]
Recorder = Callable[[ManifestRow], None]


def remove_stale_temps(out_dir: Path) -> list[Path]:
    """Remove the temporary tables a killed run (SIGKILL, a power cut) left in `out_dir`;
    returns them. (Two runs writing into one folder at once are not supported.)"""
    stale = [p for name in TABLES for p in out_dir.glob(f".{name}.*.tmp") if p.is_file()]
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


class RunOutput:
    """The tables of one run, written into `out_dir` in format `fmt` (see the module docstring)."""

    def __init__(
        self,
        out_dir: str | Path,
        fmt: str = "csv",
        on_article: Progress | None = None,
        tables: tuple[str, ...] = tuple(TABLES),
    ) -> None:
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(self.out)
        self.writers = {
            name: TableWriter(self.out / f"{name}.{fmt}", list(d), fmt, d)
            for name, d in TABLES.items()
            if name in tables
        }
        self.on_article = on_article
        self.summary = RunSummary(out_dir=str(self.out))
        self.started = time.perf_counter()
        self._facts: list[Fact] = []
        self._rows: list[ManifestRow] = []

    def record(self, row: ManifestRow) -> None:
        """Add one record's manifest row and count it in the summary."""
        self.summary.read += 1
        counter = _SUMMARY_FIELD.get(row.status, row.status)
        setattr(self.summary, counter, getattr(self.summary, counter) + 1)
        self.summary.words += row.words
        self.summary.not_relevant += row.relevant is False
        self._rows.append(row)
        if self.on_article:
            self.on_article(row)
        if len(self._rows) >= FLUSH_EVERY:
            self.flush()

    def write_articles(self, results: Iterable[tuple[Article, list[Fact], list[Event]]]) -> list[Event]:
        """Write each finished article's facts and manifest row; returns all their events."""
        events: list[Event] = []
        for article, facts, article_events in results:
            self._facts.extend(facts)
            events.extend(article_events)
            self.summary.facts += len(facts)
            self.record(manifest_row(article, "ok", facts=len(facts), events=len(article_events)))
        return events

    def flush(self) -> None:
        """Write the buffered facts and manifest rows."""
        self.writers["facts"].write(facts_frame(self._facts))
        self.writers["articles"].write(manifest_frame(self._rows))
        self._facts, self._rows = [], []

    def record_frame(self, rows: pd.DataFrame) -> None:
        """Add manifest rows already in a frame (a shard's part), counted in the summary."""
        self.flush()
        for status, n in rows["status"].value_counts().items():
            counter = _SUMMARY_FIELD.get(str(status), str(status))
            setattr(self.summary, counter, getattr(self.summary, counter) + int(n))
        self.summary.read += len(rows)
        self.summary.not_relevant += int((rows["relevant"] == False).sum())  # noqa: E712  (NA stays out)
        self.summary.words += int(rows["words"].fillna(0).sum())
        self.writers["articles"].write(rows)

    def write_facts_frame(self, facts: pd.DataFrame) -> None:
        """Add facts already in a frame (a shard's part)."""
        self.flush()
        self.summary.facts += len(facts)
        self.writers["facts"].write(facts)

    def write_events(self, events: list[Event], merges: list[dict] | None = None,
                     claims: list[dict] | None = None) -> None:
        """Write the batch's events and the rows of the merge and claims ledgers (called once,
        after merging)."""
        self.writers["events"].write(events_frame(events))
        if "merges" in self.writers:
            self.writers["merges"].write(merges_frame(merges or []))
        if "claims" in self.writers:
            self.writers["claims"].write(claims_frame(claims or []))
        self.summary.events = len(events)

    def commit(self) -> RunSummary:
        """Write what is left and rename every table into place; returns the run's summary."""
        self.flush()
        for writer in self.writers.values():
            writer.commit()
        self.summary.seconds = round(time.perf_counter() - self.started, 3)
        return self.summary

    def abort(self) -> None:
        """Remove every temporary table: nothing of an interrupted run looks finished."""
        for writer in self.writers.values():
            writer.abort()

    def __enter__(self) -> RunOutput:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if kind is not None:
            self.abort()


def each_article(
    step: Callable[..., object], stream: Iterable[tuple], record: Recorder
) -> Iterator[tuple]:
    """Apply `step` to every item `(article, *values)` of `stream`, yielding the item with the
    step's result appended; an article the step raises on is recorded as failed and dropped,
    so a bug on one article never loses the rest of the batch."""
    for article, *values in stream:
        try:
            result = step(article, *values)
        except Exception as exc:  # noqa: BLE001  one article's failure must not end the batch
            record(failed(article, f"{type(exc).__name__}: {exc}"))
            continue
        yield (article, *values, result)


def cleaned(records: Iterable[Article | ManifestRow], clean: Callable[[Article], Article],
            record: Recorder) -> Iterator[Article]:
    """The articles of `records`, cleaned by `clean`; a reader's failure row, a text that fails
    to clean, and an article left with no text are recorded in the manifest instead."""
    for rec in records:
        if isinstance(rec, ManifestRow):
            record(rec)
            continue
        try:
            article = clean(rec)
        except Exception as exc:  # noqa: BLE001  one odd text must not end the batch
            record(failed(rec, f"cleaning failed: {exc}"))
            continue
        if not article.text.strip():
            record(manifest_row(article, "empty", f"{article.source}: no text after cleaning"))
            continue
        yield article


def annotated(results: Iterable[tuple[Article, object, str | None]], record: Recorder) -> Iterator[tuple]:
    """`(article, doc)` for every article the NLP stage annotated; the others are recorded as
    failed with the stage's error."""
    for article, doc, error in results:
        if doc is None:
            record(failed(article, str(error)))
            continue
        yield article, doc
