"""`run`: the one place where the stages are put in order.

A run cuts its input into shards (`pipeline.shards`: files, and line ranges of large JSON Lines
files). Each shard goes through the stages on its own and leaves a finished part in
`OUT/parts/` (`run_shard`: read -> clean -> set copies aside -> score relevance (articles
below the threshold stop here) -> annotate (nlp) -> extract -> build events -> write the part). Then the parts are gathered into the run's tables
(`pipeline.gather`: manifest, facts, events merged across articles, copies added to their
events). The stages are generators, so memory does not grow with a shard, and a shard's size
bounds what any one process holds.

The shards run here, one after another (the NLP in `processes` worker processes), or on a Dask
cluster (`workers`: a LocalCluster; `scheduler`: a running one; `pipeline.distributed`). The same
code processes a shard either way, so the tables are the same. A run into a folder that holds
finished parts of the same shards skips them (resume); `fresh` starts over.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from itertools import islice
from pathlib import Path

from spacy.language import Language

from pipeline import parts, shards
from pipeline.annotate import annotate
from pipeline.clean import clean_article
from pipeline.copies import Copies
from pipeline.distributed import client, run_on_cluster, worker_nlp
from pipeline.events import build_article_events, merge_events
from pipeline.extract import extract_facts
from pipeline.gather import gather
from pipeline.nlp import load_nlp
from pipeline.output import Progress, RunOutput, annotated, cleaned, each_article
from pipeline.relevance import MIN_RELEVANCE, scored
from pipeline.schemas import RunSummary, Shard, ShardResult

PART_TABLES = ("facts", "articles")


class RunOptionError(ValueError):
    """Options of a run that do not go together."""


def run_shard(
    shard: Shard,
    key: str,
    out_dir: str | Path,
    nlp: Language,
    *,
    processes: int = 1,
    batch_size: int = 64,
    limit: int | None = None,
    on_article: Progress | None = None,
    min_relevance: float = MIN_RELEVANCE,
) -> ShardResult:
    """Process one shard (at most `limit` records of it) and write its part `key` under
    `out_dir` (see the module docstring)."""
    with parts.writing(out_dir, key) as folder, RunOutput(folder, "parquet", on_article, PART_TABLES) as output:
        records = islice(shards.read_shard(shard), limit)
        articles = Copies().originals(cleaned(records, clean_article, output.record), output.record)
        articles = scored(articles, min_relevance, output.record)
        docs = annotated(annotate(nlp, articles, batch_size=batch_size, n_process=processes), output.record)
        with_facts = each_article(extract_facts, docs, output.record)
        facts = ((article, found) for article, _doc, found in with_facts)
        with_events = each_article(build_article_events, facts, output.record)
        parts.write_events(folder, output.write_articles(with_events))
        summary = output.commit()
    return ShardResult(key=key, part=str(parts.part_dir(out_dir, key)), read=summary.read, ok=summary.ok,
                       words=summary.words)


def shard_task(shard: Shard, key: str, *, out_dir: str, model: str | None, batch_size: int,
               min_relevance: float) -> ShardResult:
    """`run_shard` on a cluster worker, with the worker's own pipeline."""
    return run_shard(shard, key, out_dir, worker_nlp(model), batch_size=batch_size, min_relevance=min_relevance)


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
    workers: int | None = None,
    scheduler: str | None = None,
    fresh: bool = False,
    lines_per_shard: int = shards.LINES_PER_SHARD,
    min_relevance: float = MIN_RELEVANCE,
) -> RunSummary:
    """Process every article under `inputs` and write facts, events and articles (the manifest)
    into `out_dir`.

    `nlp` reuses a loaded pipeline (else `model`, or the default model, is loaded); `limit`
    stops after that many input records (in-process only); `on_article` is called with each
    manifest row; `fmt` is the tables' format (csv, parquet, jsonl); `merge` merges the events
    of different articles that report one real-world event (`pipeline.events.merge_events`),
    else the events table keeps one row per event per article. `workers` / `scheduler` run the
    shards on a Dask cluster; `fresh` ignores finished parts of an earlier run; articles whose
    relevance score (`pipeline.relevance`) is below `min_relevance` skip the NLP (0: none does).
    """
    started = time.perf_counter()
    if fresh:
        parts.remove_all(out_dir)
    parts.remove_unfinished(out_dir)
    plan = shards.plan(inputs, lines_per_shard)
    keyed = [(shard, shards.shard_key(shard, model, min_relevance)) for shard in plan.shards]
    if limit is not None:
        keyed = _limited(keyed, limit)
    todo = [(shard, key) for shard, key in keyed if key not in parts.finished(out_dir)]
    if workers or scheduler:
        if limit is not None:
            raise RunOptionError("--limit runs in one process: leave out --workers and --scheduler")
        _on_cluster(todo, out_dir, workers, scheduler, model, batch_size, on_article, min_relevance)
    elif todo:
        _in_process(todo, out_dir, nlp or load_nlp(model), processes, batch_size, limit, on_article, min_relevance)
    present = parts.finished(out_dir)  # with `limit`, the shards after it were not read
    keys = [key for _, key in keyed if key in present]
    summary = gather(out_dir, keys, plan.rows, merge_events if merge else None, fmt, on_article)
    summary.shards, summary.resumed = len(keyed), len(keyed) - len(todo)
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def _limited(keyed: list[tuple[Shard, str]], limit: int) -> list[tuple[Shard, str]]:
    """With `limit`, a part holds a shard's first records only: its key says how many may be."""
    return [(shard, f"{key}-first{limit}") for shard, key in keyed]


def _in_process(
    todo: list[tuple[Shard, str]], out_dir: str | Path, nlp: Language, processes: int,
    batch_size: int, limit: int | None, on_article: Progress | None, min_relevance: float,
) -> None:
    remaining = limit
    for shard, key in todo:
        if remaining is not None and remaining <= 0:
            break
        result = run_shard(shard, key, out_dir, nlp, processes=processes, batch_size=batch_size,
                           limit=remaining, on_article=on_article, min_relevance=min_relevance)
        if remaining is not None:
            remaining -= result.read


def _on_cluster(
    todo: list[tuple[Shard, str]], out_dir: str | Path, workers: int | None, scheduler: str | None,
    model: str | None, batch_size: int, on_article: Progress | None, min_relevance: float,
) -> None:
    def done(result: ShardResult) -> None:
        if on_article:
            for row in parts.read_manifest_rows(Path(result.part)):
                on_article(row)

    with client(workers, scheduler) as dask_client:
        run_on_cluster(dask_client, todo, shard_task, done, out_dir=str(out_dir), model=model,
                       batch_size=batch_size, min_relevance=min_relevance)
