"""Throughput benchmark: bare spaCy against the whole newsevents pipeline, on the same articles.

    python bench/throughput.py [INPUT ...] [--limit 400] [--processes 1] [--batch-size 64]

Three measurements, each in its own process so that peak memory is its own:
- `model`: `nlp.pipe` with the spaCy model alone (no newsevents component);
- `nlp`: `nlp.pipe` with the model and our components (places, dates, casualties, actors,
  triggers): what the nlp stage costs;
- `pipeline`: `pipeline.run.run`, every stage from reading the files to the CSV tables;
- `workers`: the same on a Dask LocalCluster of `--workers` (default 2) worker processes, shards
  of `--lines-per-shard` records (starting the cluster and loading the model in the workers is
  part of its time, as a user waits for it);
- `warm`: the same cluster, started and its workers' models loaded first (timed apart as its
  load): the rate of a long run, where that start-up is paid once;
- `warm1`: the same with one worker: the scaling of `warm` over it is the cluster's own (the
  in-process `pipeline` may use a second core for the model's matrix sums).
Model loading is timed apart and left out of the rates. Prints words/s and articles/s of each,
the ratios, and peak resident memory. Nothing is asserted: these are figures to report.

    python bench/throughput.py [INPUT ...] --components

instead times each component of the pipeline alone, in order, on the same docs in one process,
and prints its seconds and its share of the nlp stage (what geocoding, date parsing, counting
and typing cost), the article relevance score taken before the NLP first (`pipeline.relevance`;
the word-sense checks of issue 14 run inside `newsevents_triggers`).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = ROOT.parent / "shared" / "eval" / "gvdb_dev.jsonl"
MODES = ("model", "nlp", "pipeline", "workers", "warm", "warm1")


def _texts(inputs: list[str], limit: int) -> list[str]:
    from pipeline.ingest import read_inputs
    from pipeline.schemas import Article

    records = islice(read_inputs(inputs), limit)
    return [r.text for r in records if isinstance(r, Article)]


# Set from the command line: the workers of the `workers` mode and its shard size.
WORKERS = 2
LINES_PER_SHARD = 100


def _write_batch(inputs: list[str], limit: int, path: Path) -> None:
    """The first `limit` articles of `inputs` as one JSON Lines file (so that they shard)."""
    from pipeline.ingest import read_inputs
    from pipeline.schemas import Article

    with path.open("w", encoding="utf-8") as fh:
        for r in islice(read_inputs(inputs), limit):
            if isinstance(r, Article):
                fh.write(json.dumps({"id": r.id, "title": r.title, "text": r.text,
                                     "published": r.published.isoformat() if r.published else None}) + "\n")


def _on_cluster(inputs: list[str], limit: int, batch_size: int, warm: bool,
                workers: int) -> tuple[int, float, float]:
    """(articles, start-up seconds, run seconds) of a run on a LocalCluster of `workers`; with
    `warm`, the cluster is started and every worker's model loaded before the clock starts."""
    from pipeline.distributed import client, worker_nlp
    from pipeline.run import run

    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "batch.jsonl"
        _write_batch(inputs, limit, batch)
        started = time.perf_counter()
        if not warm:
            summary = run([batch], Path(tmp) / "out", workers=workers, batch_size=batch_size,
                          lines_per_shard=LINES_PER_SHARD)
            return summary.read, 0.0, time.perf_counter() - started
        with client(workers, None) as dask_client:
            dask_client.run(worker_nlp, None)  # every worker loads the model now
            load_s = time.perf_counter() - started
            started = time.perf_counter()
            summary = run([batch], Path(tmp) / "out", scheduler=dask_client.scheduler.address,
                          batch_size=batch_size, lines_per_shard=LINES_PER_SHARD)
            return summary.read, load_s, time.perf_counter() - started


def measure(mode: str, inputs: list[str], limit: int, processes: int, batch_size: int) -> dict:
    """Time one mode in this process; returns its figures."""
    from pipeline.nlp import load_model, load_nlp
    from pipeline.run import run

    texts = _texts(inputs, limit)
    words = sum(len(t.split()) for t in texts)
    if mode in ("workers", "warm", "warm1"):
        articles, load_s, seconds = _on_cluster(inputs, limit, batch_size, warm=mode != "workers",
                                                workers=1 if mode == "warm1" else WORKERS)
        return _figures(mode, articles, words, load_s, seconds, processes)
    started = time.perf_counter()
    nlp = load_model() if mode == "model" else load_nlp()
    load_s = time.perf_counter() - started
    if processes > 1:
        os.environ.setdefault("OMP_NUM_THREADS", "1")
    started = time.perf_counter()
    if mode == "pipeline":
        with tempfile.TemporaryDirectory() as out:
            summary = run(inputs, out, nlp=nlp, limit=limit, processes=processes, batch_size=batch_size)
        articles = summary.read
    else:
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=processes):
            pass
        articles = len(texts)
    return _figures(mode, articles, words, load_s, time.perf_counter() - started, processes)


def _figures(mode: str, articles: int, words: int, load_s: float, seconds: float, processes: int) -> dict:
    """One mode's row: rates and peak resident memory of this process (and its children)."""
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if processes > 1:
        peak_kib += resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "mode": mode,
        "articles": articles,
        "words": words,
        "load_s": round(load_s, 2),
        "seconds": round(seconds, 2),
        "words_per_s": round(words / seconds),
        "articles_per_s": round(articles / seconds, 1),
        "peak_mib": round(peak_kib / 1024),
    }


def component_times(inputs: list[str], limit: int, batch_size: int) -> list[tuple[str, float]]:
    """Seconds each pipeline component takes over the articles, run one component at a time,
    the relevance score of each article (taken before the NLP) first."""
    from pipeline.ingest import read_inputs
    from pipeline.nlp import load_nlp, make_doc
    from pipeline.relevance import relevance
    from pipeline.schemas import Article

    nlp = load_nlp()
    articles = [r for r in islice(read_inputs(inputs), limit) if isinstance(r, Article)]
    # The relevance decision runs before the NLP, on every article (`pipeline.relevance`).
    started = time.perf_counter()
    for article in articles:
        relevance(article.text, article.title)
    times = [("relevance (before nlp)", time.perf_counter() - started)]
    started = time.perf_counter()
    docs = [make_doc(nlp, a) for a in articles]
    times.append(("tokenizer", time.perf_counter() - started))
    for name, proc in nlp.pipeline:
        started = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(doc) for doc in docs]
        times.append((name, time.perf_counter() - started))
    return times


def main() -> None:
    """Run each mode in a child process and print a table of the figures."""
    global WORKERS, LINES_PER_SHARD
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", default=[str(DEFAULT_INPUT)])
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--components", action="store_true", help="time each component alone")
    parser.add_argument("--workers", type=int, default=WORKERS, help="workers of the `workers` mode")
    parser.add_argument("--lines-per-shard", type=int, default=LINES_PER_SHARD)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    WORKERS, LINES_PER_SHARD = args.workers, args.lines_per_shard

    if args.components:
        times = component_times(args.inputs, args.limit, args.batch_size)
        total = sum(t for _, t in times)
        print(f"inputs: {', '.join(args.inputs)}; limit {args.limit}; one process")
        print(f"{'component':<24}{'seconds':>9}{'share':>8}")
        for name, t in times:
            print(f"{name:<24}{t:>9.2f}{t / total:>8.1%}")
        print(f"{'nlp stage':<24}{total:>9.2f}{1:>8.0%}")
        return

    if args.child:
        print(json.dumps(measure(args.child, args.inputs, args.limit, args.processes, args.batch_size)))
        return

    results = []
    for mode in args.modes.split(","):
        cmd = [sys.executable, __file__, *args.inputs, "--limit", str(args.limit),
               "--processes", str(args.processes), "--batch-size", str(args.batch_size),
               "--workers", str(args.workers), "--lines-per-shard", str(args.lines_per_shard), "--child", mode]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))

    print(f"inputs: {', '.join(args.inputs)}; limit {args.limit}; processes {args.processes}; "
          f"batch size {args.batch_size}")
    header = f"{'mode':<10}{'articles':>9}{'words':>9}{'load s':>8}{'run s':>8}{'words/s':>9}{'art/s':>8}{'peak MiB':>10}"
    print(header)
    for r in results:
        print(f"{r['mode']:<10}{r['articles']:>9}{r['words']:>9}{r['load_s']:>8}{r['seconds']:>8}"
              f"{r['words_per_s']:>9}{r['articles_per_s']:>8}{r['peak_mib']:>10}")
    by_mode = {r["mode"]: r for r in results}
    if "pipeline" in by_mode:
        for base in ("model", "nlp"):
            if base in by_mode:
                ratio = by_mode["pipeline"]["words_per_s"] / by_mode[base]["words_per_s"]
                print(f"pipeline / {base}: {ratio:.2f} of the words/s")
    for mode in ("workers", "warm"):
        if mode in by_mode and "pipeline" in by_mode:
            ratio = by_mode[mode]["words_per_s"] / by_mode["pipeline"]["words_per_s"]
            print(f"{mode} ({args.workers}) / pipeline in one process: {ratio:.2f} of the words/s")
    if "warm" in by_mode and "warm1" in by_mode:
        ratio = by_mode["warm"]["words_per_s"] / by_mode["warm1"]["words_per_s"]
        print(f"warm ({args.workers} workers) / warm1 (1 worker): {ratio:.2f} of the words/s")
    if "nlp" in by_mode and "model" in by_mode:
        ratio = by_mode["nlp"]["words_per_s"] / by_mode["model"]["words_per_s"]
        print(f"nlp (model + our components) / model: {ratio:.2f} of the words/s")


if __name__ == "__main__":
    main()
