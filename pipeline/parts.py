"""Parts: what one shard wrote, under `OUT/parts/<shard key>/`, finished or absent.

A part holds the shard's `facts.parquet` and `articles.parquet` (the manifest rows of its
records, with their documented dtypes) and `events.jsonl` (its articles' events before merging,
one `Event` a line, so they come back exactly). It is written into a hidden temporary folder
and renamed into place only when complete: a part folder that exists is finished, whatever
happened to the run (Ctrl-C, kill -9, a lost worker). Temporary folders of stopped runs are
removed when a run starts.

Read the parts directly, without newsevents, e.g. with DuckDB:
`SELECT * FROM 'OUT/parts/*/facts.parquet'`, or `pyarrow.dataset.dataset("OUT/parts",
format="parquet")` (each table by its file name).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from pipeline.export import load_table
from pipeline.schemas import Event, ManifestRow
from pipeline.tabulate import ARTICLE_DTYPES, FACT_DTYPES

PARTS = "parts"
EVENTS_FILE = "events.jsonl"
_TMP_PREFIX = ".tmp-"


def parts_dir(out_dir: str | Path) -> Path:
    """The folder of a run's parts."""
    return Path(out_dir) / PARTS


def part_dir(out_dir: str | Path, key: str) -> Path:
    """The folder of one finished part."""
    return parts_dir(out_dir) / key


def finished(out_dir: str | Path) -> set[str]:
    """The keys of the finished parts in a run folder."""
    root = parts_dir(out_dir)
    if not root.is_dir():
        return set()
    return {p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")}


def remove_unfinished(out_dir: str | Path) -> int:
    """Remove the temporary part folders that stopped runs left; returns how many."""
    root = parts_dir(out_dir)
    stale = [p for p in root.glob(f"{_TMP_PREFIX}*") if p.is_dir()] if root.is_dir() else []
    for path in stale:
        shutil.rmtree(path, ignore_errors=True)
    return len(stale)


def remove_all(out_dir: str | Path) -> None:
    """Remove every part of a run folder (`--fresh`)."""
    shutil.rmtree(parts_dir(out_dir), ignore_errors=True)


@contextmanager
def writing(out_dir: str | Path, key: str) -> Iterator[Path]:
    """A temporary folder to write part `key` into; renamed into place when the block ends
    normally, removed when it raises."""
    root = parts_dir(out_dir)
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f"{_TMP_PREFIX}{key}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        yield tmp
        final = root / key
        if final.exists():  # the same shard finished twice (a worker thought lost): keep one
            shutil.rmtree(tmp)
        else:
            os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write_events(folder: Path, events: Iterable[Event]) -> None:
    """A part's events, one JSON object a line."""
    with (folder / EVENTS_FILE).open("w", encoding="utf-8") as fh:
        for event in events:
            fh.write(event.model_dump_json() + "\n")


def read_events(folder: Path) -> list[Event]:
    """A part's events, as written."""
    with (folder / EVENTS_FILE).open(encoding="utf-8") as fh:
        return [Event.model_validate_json(line) for line in fh if line.strip()]


def read_facts(folder: Path) -> pd.DataFrame:
    """A part's facts with their documented dtypes."""
    return load_table(folder / "facts.parquet", FACT_DTYPES)


def read_articles(folder: Path, columns: list[str] | None = None) -> pd.DataFrame:
    """A part's manifest rows with their documented dtypes (only `columns`, when given)."""
    dtypes = {c: t for c, t in ARTICLE_DTYPES.items() if columns is None or c in columns}
    df = pd.read_parquet(folder / "articles.parquet", columns=columns)
    return df.astype(dtypes)


def read_manifest_rows(folder: Path) -> list[ManifestRow]:
    """A part's manifest rows as records (for progress reports)."""
    df = read_articles(folder)
    rows = df.astype(object).where(df.notna(), None).to_dict("records")
    for row in rows:
        if row.get("published") is not None:
            row["published"] = row["published"].date()
    return [ManifestRow.model_validate(row) for row in rows]
