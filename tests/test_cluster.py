"""Runs on a Dask LocalCluster of two workers: the same tables as in one process, and a worker
killed mid-run costs only its shard."""

from __future__ import annotations

import json
from collections.abc import Callable
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline import parts
from pipeline.run import run

pytest.importorskip("dask.distributed")

STORY = "Police said gunmen killed {n} villagers near the market in Kano on Monday. Report {i}."
# Seconds a cluster run may take before the test gives up on it.
RUN_SECONDS = 240


def _batch(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"a{i}", "text": STORY.format(n=i % 5 + 2, i=i)}) + "\n")
    return path



def _children() -> set[int]:
    mine = str(os.getpid())
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "stat").read_text().rsplit(")", 1)[1].split()[1] == mine:
                    out.add(int(entry.name))
            except OSError:
                continue
    return out


def test_two_workers_give_the_tables_of_one_process(tmp_path: Path, nlp: Language, run_tables: Callable[[Path], dict]) -> None:
    src = _batch(tmp_path / "in.jsonl", 30)
    one = run([src], tmp_path / "one", nlp=nlp, lines_per_shard=6)
    two = run([src], tmp_path / "two", workers=2, lines_per_shard=6)
    assert (one.shards, two.shards, two.ok) == (5, 5, 30)
    assert run_tables(tmp_path / "one") == run_tables(tmp_path / "two")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the worker processes")
def test_a_worker_killed_mid_run_costs_only_its_shard(tmp_path: Path, nlp: Language, run_tables: Callable[[Path], dict]) -> None:
    src = _batch(tmp_path / "in.jsonl", 60)
    before = _children()
    out = tmp_path / "killed"
    result: dict[str, object] = {}
    thread = threading.Thread(
        target=lambda: result.update(summary=run([src], out, workers=2, lines_per_shard=4)), daemon=True
    )
    thread.start()
    deadline = time.monotonic() + RUN_SECONDS
    while time.monotonic() < deadline and not parts.finished(out):
        time.sleep(0.2)
    workers = sorted(_children() - before)
    assert workers, "no worker process was found"
    os.kill(workers[0], signal.SIGKILL)
    thread.join(RUN_SECONDS)
    assert not thread.is_alive(), "the run did not finish after losing a worker"
    summary = result["summary"]
    assert summary.ok == 60 and summary.shards == 15
    run([src], tmp_path / "one", nlp=nlp, lines_per_shard=4)
    assert run_tables(out) == run_tables(tmp_path / "one")
