"""CSV records with the physical lines they came from, and what an unbalanced quote swallowed.

The `csv` module parses; an instrumented line iterator (`_Feed`) records which lines each
record took, so a record is named by its FIRST line. A quote left open swallows the lines after
it into one field; the marks of that are a record whose field count differs from the header's,
and a quote still open at the end of the input. Such a record fails (its error names the lines
it swallowed) and the swallowed lines are parsed again on their own, so the records in them are
recovered instead of vanishing. Only the lines of the current record are held in memory.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pipeline.ingest.decode import Encoding, NotText, decode_line, strip_controls

# Article texts can be long; the csv module's default field limit (128 KiB) is too small.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

# A lone carriage return ends a line too (old Mac files; the csv module expects it so).
_AFTER_LONE_CR = re.compile(r"(?<=\r)(?!\n)")


@dataclass(frozen=True)
class Line:
    """One physical line: its number (from 1), text, the encoding that read it, and why it
    could not be decoded (then `text` holds replacement characters)."""

    number: int
    text: str
    encoding: str
    error: str | None = None


@dataclass(frozen=True)
class CsvRecord:
    """One record: its first line, its fields by header name (None when it failed) and why
    it failed."""

    first_line: int
    fields: dict[str, str] | None
    error: str | None = None
    encoding: str | None = None


def csv_lines(raw_lines: Iterable[bytes], encoding: Encoding) -> Iterator[Line]:
    """Decoded, numbered physical lines (line ends kept) of a CSV file's raw lines."""
    number = 0
    for raw in raw_lines:
        try:
            text, name = decode_line(raw, encoding)
            error = None
        except NotText as exc:
            text = strip_controls(raw.decode(encoding.codec, errors="replace"))
            name, error = encoding.name, str(exc)
        for piece in _AFTER_LONE_CR.split(text):
            if piece:
                number += 1
                yield Line(number, piece, name, error)


class _Feed:
    """The line texts handed to `csv.reader`, remembering the lines taken since `take`."""

    def __init__(self, lines: Iterable[Line]) -> None:
        self.lines = iter(lines)
        self.taken: list[Line] = []
        self.exhausted = False

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        try:
            line = next(self.lines)
        except StopIteration:
            self.exhausted = True
            raise
        self.taken.append(line)
        return line.text

    def take(self) -> list[Line]:
        """The lines taken since the last call."""
        taken, self.taken = self.taken, []
        return taken


# (row or None, the lines it took, a parse error or None, True when a quote was left open)
_Parsed = tuple[list[str] | None, list[Line], str | None, bool]


def _parse(lines: Iterable[Line]) -> Iterator[_Parsed]:
    """Rows of `lines`, each with the lines it took."""
    feed = _Feed(lines)
    reader = csv.reader(feed)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            taken = feed.take()
            if not taken:  # an error that consumed nothing would repeat forever
                return
            yield None, taken, f"malformed CSV ({exc})", False
            continue
        # Only a quoted field still open at the end makes the reader pull past the last line.
        yield row, feed.take(), None, feed.exhausted


def _problem(parsed: _Parsed, width: int, end: str) -> str | None:
    """Why a parsed record fails (naming the lines a quote swallowed), or None."""
    row, taken, error, unclosed = parsed
    first, last = taken[0].number, taken[-1].number
    swallowed = f"lines {first + 1}–{last}" if last > first + 1 else f"line {last}"
    again = "those lines are read again on their own"
    if unclosed:
        if last > first:
            return f"a quote opened in this record is never closed: it swallowed {swallowed}, up to {end}; {again}"
        return f"a quote opened in this record is never closed before {end}"
    if error is None and row is not None and len(row) != width:
        counts = f"{len(row)} field{'s' * (len(row) != 1)} where the header has {width}"
        if last > first:
            return f"an unbalanced quote swallowed {swallowed} ({counts}); {again}"
        return f"the record has {counts}"
    if error is None:
        error = next((f"line {line.number}: {line.error}" for line in taken if line.error), None)
    return error


def csv_records(lines: Iterable[Line]) -> Iterator[CsvRecord]:
    """The records of a CSV file's lines after its header row; raises ValueError when the
    first row is not a header with a `text` column."""
    parsed = _parse(lines)
    head = next(parsed, None)
    if head is None or head[0] is None or "text" not in head[0] or head[3]:
        raise ValueError("a CSV input needs a header row with a 'text' column")
    header = head[0]
    stack: list[tuple[Iterator[_Parsed], str]] = [(parsed, "the end of the file")]
    while stack:
        records, end = stack[-1]
        item = next(records, None)
        if item is None:
            stack.pop()
            continue
        row, taken, _error, unclosed = item
        if not taken or (row == [] and not unclosed):  # a blank line
            continue
        first = taken[0]
        problem = _problem(item, len(header), end)
        if problem is None and row is not None:
            yield CsvRecord(first.number, dict(zip(header, row)), None, first.encoding)
            continue
        yield CsvRecord(first.number, None, problem, first.encoding)
        if len(taken) > 1:
            stack.append((_parse(taken[1:]), f"line {taken[-1].number}"))
