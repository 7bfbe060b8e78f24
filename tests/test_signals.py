"""A two-worker run stopped by SIGTERM or SIGINT to its main process ends within seconds: no
worker left, no traceback, no table and no temporary file or half-written part; a later run removes the temporary
files of a killed one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.output import RunOutput

# Seconds allowed for each phase: workers to appear, the run to end after the signal.
START_SECONDS = 60
STOP_SECONDS = 15


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough invented articles to keep two workers busy for a while."""
    path = tmp_path_factory.mktemp("batch") / "batch.jsonl"
    story = ("Police said gunmen killed {n} villagers near the market on Monday. "
             "The army said two soldiers were wounded in a clash with the attackers. ") * 6
    story += "This is report number {i}."  # distinct texts: copies would not be annotated
    with path.open("w", encoding="utf-8") as fh:
        for i in range(3000):
            fh.write(json.dumps({"id": f"a{i}", "text": story.format(n=i % 9 + 2, i=i)}) + "\n")
    return path


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the worker processes")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_run_and_its_workers(batch: Path, tmp_path: Path, sig: signal.Signals) -> None:
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", str(batch), "--out", str(out), "--processes", "2", "--quiet"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + START_SECONDS
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        time.sleep(0.2)
        workers = _children(proc.pid)
    assert len(workers) >= 2, "the run never started its two workers"
    time.sleep(1.0)  # let them take work
    proc.send_signal(sig)
    try:
        _, stderr = proc.communicate(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        proc.kill()
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        pytest.fail(f"the run did not stop within {STOP_SECONDS} s of {sig.name}")
    assert proc.returncode == 128 + sig.value
    assert "Traceback" not in stderr, stderr
    assert f"stopped by {sig.name}" in stderr
    assert not any(_alive(pid) for pid in workers), "a worker outlived the run"
    assert [p.name for p in out.iterdir()] in ([], ["parts"]), "an interrupted run left a table behind"
    # Only finished parts stay (a later run resumes from them); no half-written one.
    assert not [p for p in (out / "parts").glob(".*")] if (out / "parts").exists() else True


def test_a_new_run_removes_the_temporary_tables_of_a_killed_one(tmp_path: Path) -> None:
    stale = tmp_path / ".facts.csv.abc123.tmp"
    stale.write_text("half a table")
    keep = tmp_path / "notes.tmp"
    keep.write_text("not ours")
    with RunOutput(tmp_path) as output:
        output.write_events([])
        output.commit()
    assert not stale.exists() and keep.exists()
