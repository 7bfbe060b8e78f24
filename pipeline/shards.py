"""Shards: the input cut into pieces that are processed on their own and can be resumed.

`plan` lists the input (files, folders, globs, as `pipeline.ingest` reads them) and cuts it
into `Shard`s: a file is a shard, except a JSON Lines file of more than `lines_per_shard`
lines, which is cut into line ranges (the byte offset of each range's first line is found by
reading the file's line breaks once, so a shard seeks straight to its lines). Entries a folder
scan passes over, and inputs that name nothing, become manifest rows of the plan itself.

A shard's `key` names it for resuming: a hash of its file (path, size, modification time), its
line range, the package version and the model; a finished shard of the same key is not redone.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import __version__
from pipeline.ingest import InputError, Skipped, read_file, scan, skipped_row, unique_ids
from pipeline.ingest.decode import NotText, open_encoding, raw_lines
from pipeline.ingest.paths import JSONL_SUFFIXES
from pipeline.ingest.readers import read_jsonl_lines
from pipeline.schemas import Article, ManifestRow, Shard

# Lines of a JSON Lines file per shard: about half a minute of NLP on one core, small enough that a
# lost worker costs little, large enough that the per-shard overhead stays under a second.
LINES_PER_SHARD = 500

Record = Article | ManifestRow


@dataclass
class Plan:
    """The shards of a run's input, in input order, and the rows of what is not read."""

    shards: list[Shard] = field(default_factory=list)
    rows: list[ManifestRow] = field(default_factory=list)


def _line_ranges(path: Path, lines_per_shard: int) -> list[tuple[int, int, int]]:
    """(first line, number of lines, byte offset) of each range of an ASCII-compatible file;
    one range for the whole file when it is short or in a wider encoding."""
    with path.open("rb") as handle:
        encoding = open_encoding(handle)
        if encoding.unit > 1:
            return []
        ranges: list[tuple[int, int, int]] = []
        offset = handle.tell()
        count = 0
        for count, line in enumerate(raw_lines(handle, encoding), start=1):
            if (count - 1) % lines_per_shard == 0:
                ranges.append((count, lines_per_shard, offset))
            offset += len(line)
    if len(ranges) <= 1:
        return []
    first, _, start = ranges[-1]
    ranges[-1] = (first, count - first + 1, start)
    return ranges


def _file_shards(path: Path, lines_per_shard: int) -> list[Shard]:
    stat = path.stat()
    whole = Shard(path=str(path), size=stat.st_size, mtime_ns=stat.st_mtime_ns)
    if path.suffix.lower() not in JSONL_SUFFIXES:
        return [whole]
    try:
        ranges = _line_ranges(path, lines_per_shard)
    except (OSError, NotText):
        return [whole]  # reading it will say what is wrong
    return [whole.model_copy(update={"first_line": a, "lines": n, "offset": o}) for a, n, o in ranges] or [whole]


def plan(inputs: Iterable[str | Path], lines_per_shard: int = LINES_PER_SHARD) -> Plan:
    """The shards of `inputs` (see the module docstring)."""
    out = Plan()
    for item in inputs:
        try:
            for entry in scan([item]):
                if isinstance(entry, Skipped):
                    out.rows.append(skipped_row(entry))
                else:
                    out.shards.extend(_file_shards(entry, lines_per_shard))
        except (InputError, OSError) as exc:
            out.rows.append(ManifestRow(article_id=None, source=str(item), status="failed", error=str(exc)))
    return out


def shard_key(shard: Shard, model: str | None, *options: object) -> str:
    """The name of a shard's finished part: its file, range, the package version, the model and
    the run's `options` that change a part (the relevance threshold)."""
    blob = json.dumps([shard.model_dump(), __version__, model or "default", *options], sort_keys=True)
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()[:20]


def read_shard(shard: Shard) -> Iterator[Record]:
    """The records of one shard, as `pipeline.ingest` reads them (ids unique within it)."""
    path = Path(shard.path)
    if shard.lines is None:
        return unique_ids(read_file(path))
    return unique_ids(read_jsonl_lines(path, shard.first_line, shard.lines, shard.offset))
