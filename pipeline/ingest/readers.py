"""One reader per input format, and the stream of every article (or manifest row) of a batch.

A problem with one file or line becomes a failed `ManifestRow` naming it, a file a folder scan
passes over a `skipped` one, a file with no record at all an `empty` one; the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import ValidationError

from pipeline.ingest.csv_records import csv_lines, csv_records
from pipeline.ingest.decode import (
    Encoding,
    decode_bytes,
    decode_line,
    is_blank,
    open_encoding,
    raw_lines,
    strip_controls,
)
from pipeline.ingest.paths import (
    CSV_SUFFIXES,
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    TEXT_SUFFIXES,
    InputError,
    Skipped,
    scan,
)
from pipeline.schemas import Article, ManifestRow

_HEADER_DATE = re.compile(r"\bdate\s+(\d{4}-\d{2}-\d{2})\b")

Record = Article | ManifestRow


def parse_date(value: object) -> dt.date | None:
    """An ISO date (or the date part of an ISO timestamp), else None."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _failed(source: str, error: str, article_id: str | None = None, encoding: str | None = None) -> ManifestRow:
    return ManifestRow(
        article_id=article_id, source=source, status="failed", error=error, encoding=encoding
    )


def _text_field(record: dict, name: str) -> str | None:
    """A string field of a record with control characters removed; None when blank."""
    value = record.get(name)
    if value in (None, ""):
        return None
    return strip_controls(value) if isinstance(value, str) else value


def _record_article(record: object, source: str, fallback_id: str, encoding: str) -> Article:
    """An Article from a JSON/CSV record; raises ValueError naming what is wrong."""
    if not isinstance(record, dict):
        raise ValueError("a record must be a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError("the record has no 'text' string")
    rid = record.get("id")
    published = parse_date(record.get("published"))
    return Article(
        id=strip_controls(str(rid)) if rid not in (None, "") else fallback_id,
        source=source,
        title=_text_field(record, "title"),
        published=published,
        published_from="field" if published else None,
        url=_text_field(record, "url"),
        encoding=encoding,
        text=strip_controls(text),
    )


def _read_txt(path: Path) -> Iterator[Record]:
    text, encoding = decode_bytes(path.read_bytes())
    first_line = text.split("\n", 1)[0]
    match = _HEADER_DATE.search(first_line)
    published = parse_date(match.group(1)) if match else None
    yield Article(
        id=path.stem,
        source=str(path),
        published=published,
        published_from="header" if published else None,
        encoding=encoding,
        text=text,
    )


def _read_jsonl(path: Path) -> Iterator[Record]:
    """One record per non-blank line, streamed; a bad line fails alone."""
    with path.open("rb") as handle:
        encoding = open_encoding(handle)
        yield from _jsonl_records(path, enumerate(raw_lines(handle, encoding), start=1), encoding)


def _jsonl_records(path: Path, lines: Iterable[tuple[int, bytes]], encoding: Encoding) -> Iterator[Record]:
    for lineno, raw in lines:
        if is_blank(raw, encoding):
            continue
        source = f"{path}:{lineno}"
        used = encoding.name
        try:
            text, used = decode_line(raw, encoding)
            record = json.loads(text)
            yield _record_article(record, source, f"{path.stem}-{lineno}", used)
        except json.JSONDecodeError as exc:
            error = f"malformed JSON ({exc.msg}, column {exc.colno})"
            yield _failed(source, f"{source}: {error}", encoding=used)
        except (ValueError, ValidationError) as exc:
            yield _failed(source, f"{source}: {_reason(exc)}", encoding=used)


def read_jsonl_lines(path: Path, first_line: int, count: int, offset: int) -> Iterator[Record]:
    """The records of lines `first_line` .. `first_line + count - 1` of a JSON Lines file,
    whose first line starts at byte `offset` (a shard of it: `pipeline.shards`); like
    `read_file`, never raises for bad content."""
    try:
        with path.open("rb") as handle:
            encoding = open_encoding(handle)
            handle.seek(max(offset, encoding.bom))
            numbered = zip(range(first_line, first_line + count), raw_lines(handle, encoding))
            yield from map(with_dateline_date, _jsonl_records(path, numbered, encoding))
    except (OSError, ValueError) as exc:
        yield _failed(f"{path}:{first_line}", f"{path}:{first_line}: cannot read ({exc})")


def _read_csv(path: Path) -> Iterator[Record]:
    """One record per CSV record, named by its first line; see `csv_records`."""
    with path.open("rb") as handle:
        encoding = open_encoding(handle)
        for record in csv_records(csv_lines(raw_lines(handle, encoding), encoding)):
            source = f"{path}:{record.first_line}"
            if record.fields is None:
                yield _failed(source, f"{source}: {record.error}", encoding=record.encoding)
                continue
            try:
                fallback = f"{path.stem}-{record.first_line}"
                yield _record_article(record.fields, source, fallback, record.encoding or encoding.name)
            except (ValueError, ValidationError) as exc:
                yield _failed(source, f"{source}: {_reason(exc)}", encoding=record.encoding)


def _read_html(path: Path) -> Iterator[Record]:
    import trafilatura  # slow to import: only when a page is read

    html, encoding = decode_bytes(path.read_bytes())
    doc = trafilatura.bare_extraction(html, with_metadata=True)
    meta = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    published = parse_date(meta.get("date"))
    yield Article(
        id=path.stem,
        source=str(path),
        title=meta.get("title") or None,
        published=published,
        published_from="html" if published else None,
        url=meta.get("url") or None,
        byline=meta.get("author") or None,
        encoding=encoding,
        text=strip_controls(meta.get("text") or ""),
    )


_READERS = {
    **{s: _read_txt for s in TEXT_SUFFIXES},
    **{s: _read_jsonl for s in JSONL_SUFFIXES},
    **{s: _read_csv for s in CSV_SUFFIXES},
    **{s: _read_html for s in HTML_SUFFIXES},
}


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        return f"field {'.'.join(map(str, first['loc']))}: {first['msg']}"
    return str(exc)


def with_dateline_date(record: Record) -> Record:
    """An article without a publication date takes its wire dateline's date, when it has one."""
    # Imported here: pipeline.dates loads spaCy, which reading files does not need.
    from pipeline.dates import published_from_dateline

    if isinstance(record, Article) and record.published is None:
        published = published_from_dateline(record.text)
        if published:
            return record.model_copy(update={"published": published, "published_from": "dateline"})
    return record


def _read_records(path: Path) -> Iterator[Record]:
    """The file's records; an empty row when it holds none."""
    reader = _READERS.get(path.suffix.lower(), _read_txt)
    count = 0
    for count, record in enumerate(map(with_dateline_date, reader(path)), start=1):
        yield record
    if count == 0:
        yield ManifestRow(
            article_id=None, source=str(path), status="empty", error=f"{path}: no record in the file"
        )


def read_file(path: Path) -> Iterator[Record]:
    """Articles (or failed manifest rows) from one file; never raises for bad content."""
    try:
        yield from _read_records(path)
    except OSError as exc:
        yield _failed(str(path), f"{path}: cannot read ({exc.strerror or exc})")
    except (ValueError, ValidationError) as exc:
        yield _failed(str(path), f"{path}: {_reason(exc)}")
    except Exception as exc:  # noqa: BLE001  a third-party parser must not end the batch
        yield _failed(str(path), f"{path}: {type(exc).__name__}: {exc}")


def skipped_row(item: Skipped) -> ManifestRow:
    """The manifest row of an entry a folder scan passed over."""
    error = f"{item.path}: skipped: {item.reason}"
    return ManifestRow(article_id=None, source=str(item.path), status="skipped", error=error)


def unique_ids(records: Iterable[Record]) -> Iterator[Record]:
    """Keep article ids unique within a batch: a repeated id gets a short hash of its source."""
    seen: set[str] = set()
    for rec in records:
        if isinstance(rec, Article):
            if rec.id in seen:
                digest = hashlib.sha1(rec.source.encode()).hexdigest()[:8]
                rec = rec.model_copy(update={"id": f"{rec.id}~{digest}"})
            seen.add(rec.id)
        yield rec


def read_inputs(inputs: Iterable[str | Path]) -> Iterator[Record]:
    """Every article (or failed, empty or skipped row) of the given files, folders and globs,
    streamed."""

    def records() -> Iterator[Record]:
        for item in inputs:
            try:
                for entry in scan([item]):
                    if isinstance(entry, Skipped):
                        yield skipped_row(entry)
                    else:
                        yield from read_file(entry)
            except InputError as exc:
                yield _failed(str(item), str(exc))

    return unique_ids(records())
