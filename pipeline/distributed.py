"""Running shards on a Dask cluster: a `LocalCluster` of N workers, or a scheduler you started.

Each task processes one shard (`pipeline.run.run_shard`) on a worker and writes its part into
the run folder, which every worker must see (the same machine, or a shared file system). A
worker loads the spaCy pipeline once, on its first shard, and keeps it (`worker_nlp`): nothing
heavy is pickled. BLAS/OpenMP threads stay at one per worker: the workers are the parallelism.
A worker lost mid-shard costs only that shard, which Dask runs again elsewhere; its half-written
part was never renamed into place (`pipeline.parts`).

`dask.distributed` is imported only when a cluster is asked for: the plain in-process run does
not need it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from spacy.language import Language

from pipeline.schemas import Shard, ShardResult

# Threads per worker process: one, so N workers use N cores and no more.
THREADS_PER_WORKER = 1
_SINGLE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
_NLP: dict[str | None, Language] = {}


def worker_nlp(model: str | None) -> Language:
    """The pipeline of this worker process, loaded on first use and kept."""
    if model not in _NLP:
        from pipeline.nlp import load_nlp

        _NLP[model] = load_nlp(model)
    return _NLP[model]


@contextmanager
def client(workers: int | None, scheduler: str | None) -> Iterator[Any]:
    """A Dask client: on a running scheduler at `scheduler`, else on a new LocalCluster of
    `workers` single-threaded worker processes (closed when the block ends)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - dask is a dependency
        raise RuntimeError('a cluster run needs dask[distributed]: pip install "newsevents[cluster]"') from exc
    if scheduler:
        with Client(scheduler) as dask_client:
            yield dask_client
        return
    os.environ.update(_SINGLE_THREAD_ENV)  # inherited by the worker processes
    with LocalCluster(
        n_workers=workers, threads_per_worker=THREADS_PER_WORKER, processes=True,
        dashboard_address=None, env=_SINGLE_THREAD_ENV,
    ) as cluster, Client(cluster) as dask_client:
        yield dask_client


def run_on_cluster(
    dask_client: Any,
    shards: Sequence[tuple[Shard, str]],
    task: Callable[..., ShardResult],
    done: Callable[[ShardResult], None],
    **options: Any,
) -> list[ShardResult]:
    """Run `task(shard, key, **options)` for every (shard, key) on the cluster, calling `done`
    with each result as it arrives; returns the results in `shards`' order."""
    from dask.distributed import as_completed

    futures = [
        dask_client.submit(task, shard, key, **options, key=f"newsevents-shard-{key}", pure=False)
        for shard, key in shards
    ]
    by_key: dict[str, ShardResult] = {}
    for future in as_completed(futures):
        result = future.result()
        by_key[result.key] = result
        done(result)
    return [by_key[key] for _, key in shards]
