"""Shards and parts: the input cut into pieces, each finished atomically, resumed, gathered."""

from __future__ import annotations

import json
from collections.abc import Callable
import shutil
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

from pipeline import parts, shards
from pipeline.run import RunOptionError, run

STORY = "Police said gunmen killed {n} villagers near the market in Kano on Monday. Report {i}."


def _jsonl(path: Path, n: int, bad_line: int | None = None) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            if i + 1 == bad_line:
                fh.write("{not json\n")
            else:
                fh.write(json.dumps({"id": f"a{i}", "text": STORY.format(n=i % 5 + 2, i=i)}) + "\n")
    return path



def test_a_large_jsonl_file_is_cut_into_line_ranges_that_read_back_every_record(tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "in.jsonl", 25)
    (tmp_path / "one.txt").write_text("A short story.", encoding="utf-8")
    plan = shards.plan([src, tmp_path / "one.txt"], lines_per_shard=10)
    assert [(s.first_line, s.lines) for s in plan.shards] == [(1, 10), (11, 10), (21, 5), (1, None)]
    ids = [r.id for s in plan.shards for r in shards.read_shard(s)]
    assert ids == [f"a{i}" for i in range(25)] + ["one"]
    sources = [r.source for r in shards.read_shard(plan.shards[1])]
    assert sources[0].endswith("in.jsonl:11")


def test_a_shard_key_changes_with_its_file(tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "in.jsonl", 3)
    (before,) = shards.plan([src]).shards
    _jsonl(src, 4)
    (after,) = shards.plan([src]).shards
    assert shards.shard_key(before, None) != shards.shard_key(after, None)
    assert shards.shard_key(before, None) != shards.shard_key(before, "other_model")


def test_a_part_is_only_there_when_finished(tmp_path: Path) -> None:
    with pytest.raises(KeyboardInterrupt):
        with parts.writing(tmp_path, "k1") as folder:
            (folder / "facts.parquet").write_text("half")
            raise KeyboardInterrupt
    assert parts.finished(tmp_path) == set()
    with parts.writing(tmp_path, "k2") as folder:
        parts.write_events(folder, [])
    assert parts.finished(tmp_path) == {"k2"}
    (parts.parts_dir(tmp_path) / ".tmp-k3-stale").mkdir()
    assert parts.remove_unfinished(tmp_path) == 1


def test_resumed_and_sharded_runs_give_the_tables_of_one_pass(tmp_path: Path, nlp: Language, run_tables: Callable[[Path], dict]) -> None:
    src = _jsonl(tmp_path / "in.jsonl", 24, bad_line=7)
    whole = run([src], tmp_path / "whole", nlp=nlp, lines_per_shard=1000)
    sharded = run([src], tmp_path / "sharded", nlp=nlp, lines_per_shard=5)
    assert (whole.shards, sharded.shards) == (1, 5)
    assert run_tables(tmp_path / "whole") == run_tables(tmp_path / "sharded")
    # The bad line fails alone, in its shard.
    manifest = pd.read_csv(tmp_path / "sharded" / "articles.csv")
    assert (manifest["status"] == "failed").sum() == 1 and (manifest["status"] == "ok").sum() == 23
    # A run stopped after two shards, then resumed, redoes only the rest.
    out = tmp_path / "resumed"
    run([src], out, nlp=nlp, lines_per_shard=5)
    for key in sorted(parts.finished(out))[:3]:  # as if the run had stopped after two shards
        shutil.rmtree(parts.part_dir(out, key))
    again = run([src], out, nlp=nlp, lines_per_shard=5)
    assert (again.shards, again.resumed) == (5, 2)
    assert run_tables(out) == run_tables(tmp_path / "whole")
    fresh = run([src], out, nlp=nlp, lines_per_shard=5, fresh=True)
    assert fresh.resumed == 0


def test_limit_stops_across_shards(tmp_path: Path, nlp: Language) -> None:
    src = _jsonl(tmp_path / "in.jsonl", 12)
    summary = run([src], tmp_path / "o", nlp=nlp, lines_per_shard=5, limit=7)
    assert summary.read == 7
    with pytest.raises(RunOptionError):
        run([src], tmp_path / "o2", nlp=nlp, limit=3, workers=2)
