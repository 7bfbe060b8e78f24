"""Aggregation benchmark: `newsevents aggregate` on a large facts table, no NLP.

    newsevents run ../shared/eval/gva_dev.jsonl --out /tmp/gva --no-merge
    python bench/aggregate.py /tmp/gva [--rows 100000] [--shift 3] [--format csv] [--processes 1 2]

Builds a synthetic run by replicating the facts and articles tables of a real run until it
holds at least `--rows` fact rows: copy k gets new article ids and its dates moved by
k * `--shift` days, so the copies are distinct events on a dense timeline (with `--shift 0`
every copy reports the same events: the worst case for merging, large clusters). Then times
`aggregate_runs` end to end in a fresh process for each `--processes` (reading the tables,
rebuilding each article's events and their merge records in that many worker processes,
merging, writing events, ledgers and summaries; its peak memory is that process's) and, unless
`--no-parts`, its parts, in wall-clock and CPU seconds (on a shared machine the CPU figure
is the steadier one). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd
import psutil

from pipeline.aggregate import aggregate_runs, articles_from_frame, facts_from_frame
from pipeline.events import build_article_events, merge_events
from pipeline.export import find_table, load_articles, load_facts, write_table
from pipeline.schemas import Article

DATE_COLUMNS = ("date", "date_low", "date_high")


def replicate(run_dir: Path, rows: int, shift: int, out_dir: Path) -> tuple[int, int]:
    """Write a facts and articles table of at least `rows` facts made of shifted copies of a
    run's; returns (fact rows, articles)."""
    facts = load_facts(find_table(run_dir, "facts"))
    articles = load_articles(find_table(run_dir, "articles"))
    copies = max(1, -(-rows // len(facts)))
    fact_parts, article_parts = [], []
    for k in range(copies):
        f, a = facts.copy(), articles.copy()
        f["article_id"] = f["article_id"] + f"~{k}"
        a["article_id"] = a["article_id"] + f"~{k}"
        delta = pd.Timedelta(days=k * shift)
        for column in DATE_COLUMNS:
            f[column] = f[column] + delta
        a["published"] = a["published"] + delta
        fact_parts.append(f)
        article_parts.append(a)
    big_facts = pd.concat(fact_parts, ignore_index=True)
    big_articles = pd.concat(article_parts, ignore_index=True)
    write_table(big_facts, out_dir / "facts", "csv")
    write_table(big_articles, out_dir / "articles", "csv")
    return len(big_facts), int((big_articles["status"] == "ok").sum())


def timed(label: str, fn: Callable[[], Any]) -> Any:
    """Run `fn`, print its wall-clock and CPU time, return its result."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    print(f"  {label:<26} {time.perf_counter() - wall:7.2f} s wall {time.process_time() - cpu:7.2f} s CPU")
    return result


class _TreeMemory:
    """The peaks of the resident memory of this process and of it and its children summed,
    sampled every `PERIOD` seconds in a thread while the block runs. (`ru_maxrss` is no use
    here: a spawned process counts the pages of the parent it was forked from before it ran
    its program, and this one's parent holds the whole synthetic run.) A page shared by
    several processes counts once in each."""

    PERIOD = 0.2

    def __init__(self) -> None:
        self.own = 0
        self.total = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while True:
            own = me.memory_info().rss
            total = own
            for process in me.children(recursive=True):
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    continue  # a worker that ended between the listing and the reading
            self.own, self.total = max(self.own, own), max(self.total, total)
            if self._done.wait(self.PERIOD):
                return

    def __enter__(self) -> _TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()


def end_to_end(synthetic: Path, out: Path, fmt: str, processes: int) -> str:
    """Time `aggregate_runs` on a synthetic run (in this process, with `processes` workers
    building the article events); its figures as lines: wall-clock, CPU of this process and of
    its workers, the peak memory of this process and of it and its workers summed."""
    wall, cpu = time.perf_counter(), time.process_time()
    with _TreeMemory() as tree:
        summary = aggregate_runs([synthetic], out, fmt=fmt, processes=processes)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (
        f"  aggregate_runs ({fmt}, processes={processes}): {wall:.2f} s wall, {cpu:.2f} s CPU in the main "
        f"process ({workers.ru_utime + workers.ru_stime:.2f} s in its workers) for {summary.facts} fact rows "
        f"({summary.facts / wall:,.0f} rows/s wall), {summary.article_events} article events -> {summary.events} events\n"
        f"    peak resident memory (sampled every {_TreeMemory.PERIOD} s): {tree.own / 2**20:.0f} MiB in the main "
        f"process, {tree.total / 2**20:.0f} MiB with its workers"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("run_dir", type=Path, help="output folder of a `newsevents run`")
    parser.add_argument("--rows", type=int, default=100_000, help="fact rows to reach (default 100000)")
    parser.add_argument("--shift", type=int, default=3, help="days between copies (default 3)")
    parser.add_argument("--format", default="csv", choices=("csv", "parquet", "jsonl"))
    parser.add_argument("--no-parts", action="store_true", help="time only aggregate_runs end to end")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2],
                        help="worker processes of the end-to-end runs, one run each (default 1 2)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="newsevents-bench-") as tmp:
        synthetic, out = Path(tmp) / "run", Path(tmp) / "out"
        n_facts, n_articles = replicate(args.run_dir, args.rows, args.shift, synthetic)
        print(f"synthetic run: {n_facts} fact rows, {n_articles} articles (copies {args.shift} days apart)")

        if not args.no_parts:
            print("parts:")
            facts = timed("load facts + articles", lambda: load_facts(synthetic / "facts.csv"))
            articles_df = load_articles(synthetic / "articles.csv")
            by_article = timed("rebuild fact models", lambda: facts_from_frame(facts))
            known = articles_from_frame(articles_df[articles_df["status"] == "ok"])

            def build() -> list:
                events = []
                for article_id, items in by_article.items():
                    article = known.get(article_id) or Article(id=article_id, source="", text="")
                    events.extend(build_article_events(article, items))
                return events

            article_events = timed("build article events", build)
            merged = timed("merge_events", lambda: merge_events(article_events))
            print(f"  {len(article_events)} article events -> {len(merged)} events")

        print("end to end (each in a fresh process, so that its peak memory is its own):")
        for processes in args.processes:
            # An executor's worker, not a Pool's: a Pool's daemonic workers may not start the
            # aggregation's own worker processes.
            with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
                print(pool.submit(end_to_end, synthetic, out, args.format, processes).result())
        if not args.no_parts:
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"  peak resident memory of the parts above (all held at once): {peak_mb:.0f} MiB")


if __name__ == "__main__":
    main()
