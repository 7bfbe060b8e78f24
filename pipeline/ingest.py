"""The ingest stage: read articles from files, folders and globs, one at a time.

Formats, by file ending:
- `.txt`: one article; a `date YYYY-MM-DD` on the first line is its publication date.
- `.jsonl`: one JSON object a line with `id`, `title`, `published`, `text` (and optional `url`);
  the annotated-fixture format of `../shared/eval/FORMAT.md` is read as is (its gold is ignored).
- `.csv`: a header row with the same columns.
- `.html`/`.htm`: a web page; text, title and date come from `trafilatura`.

Nothing is held for the whole batch: files are listed lazily and records streamed. A problem
with one file or line becomes a failed `ManifestRow` naming it, and the batch goes on.
"""

from __future__ import annotations

import csv
import datetime as dt
import glob
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import ValidationError

from pipeline.dates import published_from_dateline
from pipeline.schemas import Article, ManifestRow

TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES

_HEADER_DATE = re.compile(r"\bdate\s+(\d{4}-\d{2}-\d{2})\b")
_GLOB_CHARS = re.compile(r"[*?\[]")

# Article texts can be long; the csv module's default field limit (128 KiB) is too small.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


class InputError(ValueError):
    """An input path that names nothing readable."""


def iter_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Expand files, folders (recursively) and glob patterns into input files, in a stable order."""
    for item in inputs:
        text = str(item)
        path = Path(text)
        if path.is_file():
            yield path
        elif path.is_dir():
            for sub in sorted(p for p in path.rglob("*") if p.is_file()):
                if sub.suffix.lower() in SUFFIXES and not any(
                    part.startswith(".") for part in sub.relative_to(path).parts
                ):
                    yield sub
        elif _GLOB_CHARS.search(text):
            matches = sorted(Path(p) for p in glob.glob(text, recursive=True))
            if not matches:
                raise InputError(f"{text}: the pattern matches no file")
            yield from (p for p in matches if p.is_file())
        else:
            raise InputError(f"{text}: no such file or folder")


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


def _failed(source: str, error: str, article_id: str | None = None) -> ManifestRow:
    return ManifestRow(article_id=article_id, source=source, status="failed", error=error)


def _check_not_binary(path: Path) -> None:
    with path.open("rb") as handle:
        if b"\x00" in handle.read(8192):
            raise ValueError("binary file, not text")


def _read_text(path: Path) -> str:
    """The file's text as UTF-8; raises ValueError with a readable reason otherwise."""
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise ValueError("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (byte {exc.start}): re-encode it as UTF-8") from None


def _file_id(path: Path) -> str:
    return path.stem


def _record_article(record: dict, source: str, fallback_id: str) -> Article:
    """An Article from a JSON/CSV record; raises ValueError naming what is wrong."""
    if not isinstance(record, dict):
        raise ValueError("a record must be a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError("the record has no 'text' string")
    rid = record.get("id")
    published = parse_date(record.get("published"))
    return Article(
        id=str(rid) if rid not in (None, "") else fallback_id,
        source=source,
        title=record.get("title") or None,
        published=published,
        published_from="field" if published else None,
        url=record.get("url") or None,
        text=text,
    )


def _read_txt(path: Path) -> Iterator[Article | ManifestRow]:
    text = _read_text(path)
    first_line = text.split("\n", 1)[0]
    match = _HEADER_DATE.search(first_line)
    published = parse_date(match.group(1)) if match else None
    yield Article(
        id=_file_id(path),
        source=str(path),
        published=published,
        published_from="header" if published else None,
        text=text,
    )


def _read_jsonl(path: Path) -> Iterator[Article | ManifestRow]:
    with path.open("rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            source = f"{path}:{lineno}"
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig"))
                yield _record_article(record, source, f"{path.stem}-{lineno}")
            except UnicodeDecodeError:
                yield _failed(source, f"{source}: not UTF-8 text")
            except json.JSONDecodeError as exc:
                yield _failed(source, f"{source}: malformed JSON ({exc.msg}, column {exc.colno})")
            except (ValueError, ValidationError) as exc:
                yield _failed(source, f"{source}: {_reason(exc)}")


def _read_csv(path: Path) -> Iterator[Article | ManifestRow]:
    _check_not_binary(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "text" not in reader.fieldnames:
            raise ValueError("a CSV input needs a header row with a 'text' column")
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError:
                raise ValueError(f"not UTF-8 text after line {reader.line_num}") from None
            # DictReader counts physical lines, so quoted multi-line texts keep their true line.
            source = f"{path}:{reader.line_num}"
            try:
                yield _record_article(record, source, f"{path.stem}-{reader.line_num}")
            except (ValueError, ValidationError) as exc:
                yield _failed(source, f"{source}: {_reason(exc)}")


def _read_html(path: Path) -> Iterator[Article | ManifestRow]:
    import trafilatura  # slow to import: only when a page is read

    html = _read_text(path)
    doc = trafilatura.bare_extraction(html, with_metadata=True)
    meta = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    published = parse_date(meta.get("date"))
    yield Article(
        id=_file_id(path),
        source=str(path),
        title=meta.get("title") or None,
        published=published,
        published_from="html" if published else None,
        url=meta.get("url") or None,
        byline=meta.get("author") or None,
        text=meta.get("text") or "",
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


def with_dateline_date(record: Article | ManifestRow) -> Article | ManifestRow:
    """An article without a publication date takes its wire dateline's date, when it has one."""
    if isinstance(record, Article) and record.published is None:
        published = published_from_dateline(record.text)
        if published:
            return record.model_copy(update={"published": published, "published_from": "dateline"})
    return record


def read_file(path: Path) -> Iterator[Article | ManifestRow]:
    """Articles (or failed manifest rows) from one file; never raises for bad content."""
    reader = _READERS.get(path.suffix.lower(), _read_txt)
    try:
        yield from map(with_dateline_date, reader(path))
    except OSError as exc:
        yield _failed(str(path), f"{path}: cannot read ({exc.strerror or exc})")
    except (ValueError, ValidationError) as exc:
        yield _failed(str(path), f"{path}: {_reason(exc)}")
    except Exception as exc:  # noqa: BLE001  a third-party parser must not end the batch
        yield _failed(str(path), f"{path}: {type(exc).__name__}: {exc}")


def unique_ids(records: Iterable[Article | ManifestRow]) -> Iterator[Article | ManifestRow]:
    """Keep article ids unique within a batch: a repeated id gets a short hash of its source."""
    seen: set[str] = set()
    for rec in records:
        if isinstance(rec, Article):
            if rec.id in seen:
                digest = hashlib.sha1(rec.source.encode()).hexdigest()[:8]
                rec = rec.model_copy(update={"id": f"{rec.id}~{digest}"})
            seen.add(rec.id)
        yield rec


def read_inputs(inputs: Iterable[str | Path]) -> Iterator[Article | ManifestRow]:
    """Every article (or failure) from the given files, folders and globs, streamed."""

    def records() -> Iterator[Article | ManifestRow]:
        for item in inputs:
            try:
                for path in iter_files([item]):
                    yield from read_file(path)
            except InputError as exc:
                yield _failed(str(item), str(exc))

    return unique_ids(records())
