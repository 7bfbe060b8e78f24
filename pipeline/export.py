"""The export stage: tables to UTF-8 CSV (and Parquet or JSON Lines), written atomically.

A table is written to a temporary file beside its target and renamed into place only when it
is complete, so an interrupted run never leaves half a table under the final name. CSV text
cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR)
get a leading `'`; `load_table` takes it off again (a cell that already started with quotes
before such a character gets one more, so the round trip is exact).

Loading, with the documented dtypes (pipeline.tabulate) whatever the format:

    from pipeline import load_events, load_facts, load_articles
    events = load_events("outputs/events.csv")      # or events.parquet / events.jsonl
    facts = load_facts("outputs/facts.parquet")

Integers come back as `Int64` (nullable), floats `Float64`, booleans `boolean`, text `string`,
days `datetime64[s]`. Parquet keeps these types in the file; JSON Lines holds days as
"YYYY-MM-DD" strings and null for missing values; CSV writes missing values as empty cells.
"""

from __future__ import annotations

import csv
import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Literal, get_args

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from pipeline.schemas import Status
from pipeline.tabulate import ARTICLE_DTYPES, EVENT_DTYPES, FACT_DTYPES

Format = Literal["csv", "parquet", "jsonl"]
FORMATS: tuple[str, ...] = ("csv", "parquet", "jsonl")
# The statuses of the articles table (`ManifestRow.status`).
STATUSES: tuple[str, ...] = get_args(Status)

# Written as plain patterns (no look-ahead) so that pyarrow's regex engine matches a whole
# string column at once; a compiled pattern would send pandas through a Python loop per cell.
_FORMULA_START = re.compile(r"^'*[=+\-@\t\r]")
_ESCAPED = re.compile(r"^'+[=+\-@\t\r]")  # one more quote than the cell had


def _matching_cells(values: pd.Series, pattern: re.Pattern[str]) -> pd.Series | None:
    """Mask of the text cells of a column that match `pattern`; None for a non-text column."""
    if pd.api.types.is_string_dtype(values) and values.dtype != object:
        return values.str.contains(pattern.pattern, regex=True, na=False).astype(bool)
    if values.dtype == object:  # untyped: only the cells that hold text
        return values.map(lambda v: isinstance(v, str) and pattern.match(v) is not None).astype(bool)
    return None


def escape_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot be run as spreadsheet formulas: a cell starting with `=`,
    `+`, `-`, `@`, tab or CR (after any quotes) gets one more leading `'`."""
    out = df.copy()
    for column in out.columns:
        mask = _matching_cells(out[column], _FORMULA_START)
        if mask is not None and mask.any():
            out.loc[mask, column] = "'" + out.loc[mask, column]
    return out


def unescape_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Undo `escape_formulas` on a table read back from CSV."""
    for column in df.columns:
        values = df[column]
        if pd.api.types.is_string_dtype(values) and values.dtype != object and not values.str.startswith("'").any():
            continue  # no cell starts with a quote: nothing escaped (a cheaper test than the pattern)
        mask = _matching_cells(values, _ESCAPED)
        if mask is not None and mask.any():
            df.loc[mask, column] = df.loc[mask, column].str[1:]
    return df


def table_format(path: str | Path) -> str:
    """The format of a table file from its suffix (csv, parquet or jsonl)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    fmt = "jsonl" if suffix == "json" else suffix
    if fmt not in FORMATS:
        raise ValueError(f"unknown table format {suffix!r}: use one of {', '.join(FORMATS)}")
    return fmt


def find_table(run_dir: str | Path, name: str) -> Path:
    """The file of table `name` (facts, events, articles ...) in a run folder, whatever its
    format; FileNotFoundError when there is none."""
    for fmt in FORMATS:
        path = Path(run_dir) / f"{name}.{fmt}"
        if path.exists():
            return path
    raise FileNotFoundError(f"{run_dir}: no {name} table ({', '.join(f'{name}.{f}' for f in FORMATS)})")


def empty_frame(dtypes: dict[str, str]) -> pd.DataFrame:
    """A table with no rows and the given columns and dtypes."""
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in dtypes.items()})


def _iso_days(df: pd.DataFrame) -> pd.DataFrame:
    """Dates as ISO day strings: JSON Lines readers then see "2022-01-05", not a timestamp."""
    out = df.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class TableWriter:
    """Append DataFrame chunks to one table (CSV, Parquet or JSON Lines, from `fmt` or the
    path's suffix); the file appears under its name on `commit`, never half written.

    `dtypes` fixes the columns' types (needed for a Parquet schema when no row is written)."""

    def __init__(
        self,
        path: Path,
        columns: list[str],
        fmt: str | None = None,
        dtypes: dict[str, str] | None = None,
    ) -> None:
        self.path = Path(path)
        self.fmt = fmt or table_format(self.path)
        if self.fmt not in FORMATS:
            raise ValueError(f"unknown format {self.fmt!r}: use one of {', '.join(FORMATS)}")
        self.columns = columns
        self.dtypes = dtypes
        self.rows = 0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        self._tmp = Path(tmp)
        self._parquet: pq.ParquetWriter | None = None
        self._schema: pa.Schema | None = None
        self._finished = False  # written and closed, not yet renamed
        self._open = True
        if self.fmt == "parquet":
            os.close(fd)
            self._handle: IO[str] | None = None
        else:
            self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        if self.fmt == "csv":
            try:
                pd.DataFrame(columns=columns).to_csv(self._handle, index=False)
            except BaseException:
                self.abort()
                raise

    def _write_parquet(self, df: pd.DataFrame) -> None:
        if self._parquet is None:
            table = pa.Table.from_pandas(df, preserve_index=False)
            self._schema = table.schema
            self._parquet = pq.ParquetWriter(self._tmp, self._schema)
        else:
            table = pa.Table.from_pandas(df, schema=self._schema, preserve_index=False)
        self._parquet.write_table(table)

    def write(self, df: pd.DataFrame) -> None:
        """Append rows (columns in the table's order)."""
        if df.empty or not self._open:
            return
        df = df[self.columns]
        if self.fmt == "csv":
            escape_formulas(df).to_csv(self._handle, index=False, header=False, date_format="%Y-%m-%d")
        elif self.fmt == "jsonl":
            # pandas ends each chunk with a newline, so chunks append into valid JSON Lines.
            _iso_days(df).to_json(self._handle, orient="records", lines=True, force_ascii=False)
        else:
            self._write_parquet(df)
        self.rows += len(df)

    def _close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        if self._parquet is not None:
            self._parquet.close()
            self._parquet = None
        self._open = False

    def finish(self) -> None:
        """Write what is left and close the temporary file, without renaming it (`commit` does)."""
        if self._open:
            if self.fmt == "parquet" and self._parquet is None:
                empty = empty_frame(self.dtypes) if self.dtypes else pd.DataFrame(columns=self.columns)
                self._write_parquet(empty[self.columns])
            self._close()
            # mkstemp makes the file private (0600); a table gets the usual permissions.
            os.chmod(self._tmp, 0o666 & ~_umask())
            self._finished = True

    def commit(self) -> Path:
        """Close the temporary file and rename it into place."""
        self.finish()
        if self._finished:
            os.replace(self._tmp, self.path)
            self._finished = False
        return self.path

    def abort(self) -> None:
        """Drop the temporary file; the previous table, if any, stays as it was."""
        if self._open:
            self._close()
        self._finished = False
        self._tmp.unlink(missing_ok=True)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def write_table(df: pd.DataFrame, path: str | Path, fmt: str = "csv") -> Path:
    """Write a whole table atomically in `fmt` (csv, parquet, jsonl); the path's suffix is set
    to the format's. Returns the path written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    path = Path(path).with_suffix(f".{fmt}")
    dtypes = {c: str(t) for c, t in df.dtypes.items()}
    with TableWriter(path, list(df.columns), fmt, dtypes) as writer:
        writer.write(df)
    return path


def write_tables(tables: dict[str, pd.DataFrame], folder: str | Path, fmt: str = "csv") -> list[Path]:
    """Write a set of tables (name -> table) into `folder` as one: every table is written and
    closed under a temporary name first, and all are renamed into place only once all are, so a
    failure or an interruption while writing leaves the previous set as it was, never a mix of
    new tables and old ones. (Only the renames themselves, each atomic, come after: a failure
    among them drops the temporary files left.) Returns the paths written, in the order given."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    writers: list[TableWriter] = []
    try:
        for name, df in tables.items():
            path = (Path(folder) / name).with_suffix(f".{fmt}")
            writer = TableWriter(path, list(df.columns), fmt, {c: str(t) for c, t in df.dtypes.items()})
            writers.append(writer)
            writer.write(df)
        for writer in writers:
            writer.finish()
        paths = [writer.commit() for writer in writers]
    except BaseException:
        for writer in writers:
            writer.abort()
        raise
    return paths


class TableError(ValueError):
    """A table that cannot be read with its documented dtypes; the message names the file and,
    where one is to blame, the row and the column."""


# The Arrow type each documented dtype is read as from CSV (days as text), and back.
_ARROW_TYPES = {"Int64": pa.int64(), "Float64": pa.float64(), "boolean": pa.bool_(), "string": pa.string()}
_PANDAS_TYPES = {pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype(), pa.bool_(): pd.BooleanDtype(),
                 pa.string(): pd.StringDtype("pyarrow")}
# A table file this small is read whole to see whether it holds only white space.
_BLANK_PROBE_BYTES = 4096
# The texts a CSV boolean cell may hold (what pandas' reader accepts), compared lower-cased.
_BOOLEAN_TEXTS = frozenset({"true", "false", "1", "0", "1.0", "0.0"})


def _unreadable(values: pd.Series, dtype: str) -> pd.Series:
    """Mask of the cells of a column read as text (or JSON values) that `dtype` cannot hold: no
    number for Int64 or Float64, a fraction for Int64, no truth value for boolean."""
    given = values.notna()
    if dtype in ("Int64", "Float64"):
        numbers = pd.to_numeric(values.where(given, None), errors="coerce")
        bad = given & numbers.isna()
        if dtype == "Int64":
            bad |= given & numbers.notna() & (numbers.fillna(0) % 1 != 0)
        return bad
    if dtype == "boolean":
        return given & ~values.map(lambda v: isinstance(v, bool) or str(v).lower() in _BOOLEAN_TEXTS).astype(bool)
    return pd.Series(False, index=values.index)


def numbered_lines(path: str | Path, error: type[ValueError]) -> Iterator[tuple[int, str]]:
    """Each line of a UTF-8 text file (a byte-order mark allowed) with its number from 1; a
    byte that is no UTF-8 raises `error` naming the file and the line."""
    with open(path, "rb") as lines:
        for number, raw in enumerate(lines, 1):
            try:
                yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise error(f"{path}: line {number}: not UTF-8 text (byte {raw[exc.start]:#x})") from None


def _json_rows(path: Path) -> None:
    """TableError naming the first line of a JSON Lines table that is no JSON object (or no
    UTF-8 text); None when every line is one or blank. Run after pandas' reader failed: it
    fails on such a line too, without naming it."""
    for number, line in numbered_lines(path, TableError):
        try:
            if line.strip() and not isinstance(json.loads(line), dict):
                raise ValueError("a JSON value that is no object")
        except ValueError as exc:
            raise TableError(f"{path}: line {number}: not a JSON object of one row ({exc})") from None


def _cell_error(path: Path, column: str, values: pd.Series, bad: pd.Series | np.ndarray, what: str) -> TableError:
    """The error naming the first cell of a column that `bad` marks: its row (from 1), its
    column, its value and `what` is wrong with it."""
    position = int(np.asarray(bad, dtype=bool).argmax())
    value = values.iloc[position]
    value = value.item() if hasattr(value, "item") else value  # a numpy scalar: its plain value
    return TableError(f"{path}: row {position + 1}, column {column}: {value!r} {what}")


def _raw_table(path: Path, suffix: str) -> pd.DataFrame:
    """A CSV or JSON Lines table as written, every CSV cell as text; TableError (naming the
    line of a JSON Lines table that is no JSON object) when even that fails."""
    if suffix in (".jsonl", ".json"):
        _json_rows(path)  # names the line that is no JSON object, if one is to blame
    try:
        if suffix in (".jsonl", ".json"):
            return pd.read_json(path, orient="records", lines=True, dtype=False)
        return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8-sig")
    except (ValueError, OverflowError, pd.errors.ParserError) as exc:
        ragged = _ragged_row(path) if suffix == ".csv" else None  # the parser's message counts lines
        raise _not_ours(path, suffix, ragged or str(exc).strip().replace("\n", " ")) from None


def _not_ours(path: Path, suffix: str, reason: str) -> TableError:
    """The error of a file that is no table newsevents wrote in its format, and why."""
    return TableError(f"{path}: not a {suffix.lstrip('.').upper()} table newsevents wrote ({reason})")


def _ragged_row(path: Path) -> str | None:
    """The first CSV row (from 1, no header) with another width than the header, and its line."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.reader(handle)
        width = len(next(rows, []))
        for number, row in enumerate(rows, start=1):
            if row and len(row) != width:  # (both readers skip a blank line)
                return f"row {number}, line {rows.line_num}: {len(row)} cells, the header has {width}"
    return None


def _table_error(path: Path, suffix: str, dtypes: dict[str, str], exc: Exception) -> TableError:
    """The error of a table that failed to load: its first cell (row, column, value) that its
    column's dtype cannot hold, else the reader's own message. Only run after a failure."""
    if isinstance(exc, TableError):
        return exc
    if suffix == ".parquet":
        try:
            pq.read_schema(path)
        except (OSError, pa.ArrowException):
            return TableError(f"{path}: not a Parquet table newsevents wrote ({exc})")
        return TableError(f"{path}: a column cannot be read with its documented type ({exc})")
    raw = _raw_table(path, suffix)
    for column, dtype in dtypes.items():
        if column in raw.columns:
            bad = _unreadable(raw[column], dtype)
            if bad.any():
                return _cell_error(path, column, raw[column], bad, f"is not of type {dtype}")
    return TableError(f"{path}: {str(exc).strip()}")


def _blank(path: Path) -> bool:
    """Whether a file holds nothing but white space (a JSON Lines table with no row)."""
    size = path.stat().st_size
    return size == 0 or (size <= _BLANK_PROBE_BYTES and not path.read_bytes().strip())


def load_table(path: str | Path, dtypes: dict[str, str], required: tuple[str, ...] = ()) -> pd.DataFrame:
    """Read a table written by newsevents (CSV, Parquet or JSON Lines) with its documented
    dtypes. A table without one of the `required` columns, or with a cell its column cannot
    hold, raises TableError naming the file and the column, and the row (counted from 1, the
    CSV header not counted) of the cell."""
    path = Path(path)
    suffix = path.suffix.lower()
    if _blank(path):
        return empty_frame(dtypes)
    try:
        df = _load_typed(path, suffix, dtypes)
    except (ValueError, TypeError, OverflowError, UnicodeDecodeError, pa.ArrowException) as exc:
        raise _table_error(path, suffix, dtypes, exc) from None
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise TableError(f"{path}: no column {', '.join(missing)} (its columns: {', '.join(map(str, df.columns))})")
    return df


def _load_typed(path: Path, suffix: str, dtypes: dict[str, str]) -> pd.DataFrame:
    """`load_table` without its error message: the readers' own errors propagate, and a day
    that is no ISO day raises TableError naming its row and column."""
    if suffix == ".parquet":
        df = pd.read_parquet(path)
    elif suffix in (".jsonl", ".json"):
        # dtype=False: no guessing (dates from column names either); the dtypes below decide.
        # utf-8-sig: a table saved by an editor that starts it with a byte order mark reads too.
        df = pd.read_json(path, orient="records", lines=True, dtype=False, encoding="utf-8-sig")
    else:
        df = unescape_formulas(_read_csv(path, dtypes))
    for column, dtype in dtypes.items():
        if column not in df.columns:
            continue
        if dtype.startswith("datetime"):
            df[column] = _days(df[column], path, column).astype(dtype)
        elif str(df[column].dtype) != dtype:
            if dtype in ("Int64", "Float64") and df[column].dtype == object:
                _no_truth_values(df[column], path, column, dtype)
            df[column] = df[column].astype(dtype)
        if dtype == "Float64":
            _finite(df[column], path, column)
    return df


def _no_truth_values(values: pd.Series, path: Path, column: str, dtype: str) -> None:
    """TableError naming the first JSON truth value in a number column (`true` would be read
    as 1 without a word): only a column of mixed JSON values (dtype object) can hold one."""
    flags = values.map(lambda v: isinstance(v, bool)).astype(bool)
    if flags.any():
        raise _cell_error(path, column, values, flags, f"is not of type {dtype}")


def _finite(values: pd.Series, path: Path, column: str) -> None:
    """TableError naming the first cell of a number column that is infinite ("inf", "1e400"):
    no place, count or score is."""
    bad = values.isin([np.inf, -np.inf]).fillna(False).to_numpy(dtype=bool)
    if bad.any():
        raise _cell_error(path, column, values, bad, "is no finite number")


def _read_csv(path: Path, dtypes: dict[str, str]) -> pd.DataFrame:
    """A CSV table with its documented column types, days as text (`_days` reads them). Read
    by pyarrow's parser, several times faster than pandas' on a large table; a cell pyarrow
    does not take ("3.0" in a whole-number column) sends the table through pandas' reader,
    whose errors `load_table` explains. Only an empty cell is missing either way: a title
    "None" or a place "Nan" stays text."""
    types = {c: _ARROW_TYPES.get(t, pa.string()) for c, t in dtypes.items()}
    try:
        table = pacsv.read_csv(path, parse_options=pacsv.ParseOptions(newlines_in_values=True),
                               convert_options=pacsv.ConvertOptions(column_types=types, null_values=[""],
                                                                    strings_can_be_null=True))
        twice = sorted({c for c in table.column_names if table.column_names.count(c) > 1})
        if twice:
            raise TableError(f"{path}: column {', '.join(twice)} appears twice in the header")
        return table.to_pandas(types_mapper=_PANDAS_TYPES.get)
    except pa.ArrowInvalid:
        if (ragged := _ragged_row(path)) is not None:  # pandas would fill a short row with blanks
            raise _not_ours(path, ".csv", ragged) from None
        plain = {c: t for c, t in dtypes.items() if not t.startswith("datetime")}
        return pd.read_csv(path, dtype=plain, keep_default_na=False, na_values=[""], encoding="utf-8-sig")


def _days(values: pd.Series, path: Path, column: str) -> pd.Series:
    """A column of ISO days (or timestamps) as datetimes; TableError naming the first cell that
    is given but no ISO day ("06/01/2022", "2022-02-30"), which would otherwise read as none."""
    days = pd.to_datetime(values, errors="coerce", format="ISO8601")
    bad = values.notna() & days.isna() & (values.astype(str).str.strip() != "")
    if bad.any():
        raise _cell_error(path, column, values, bad, "is no ISO day")
    return days


def load_facts(path: str | Path) -> pd.DataFrame:
    """facts table with its documented dtypes (TableError without `article_id` or `kind`)."""
    return load_table(path, FACT_DTYPES, required=("article_id", "kind"))


def load_events(path: str | Path) -> pd.DataFrame:
    """events table with its documented dtypes (TableError without `event_id` or `event_type`)."""
    return load_table(path, EVENT_DTYPES, required=("event_id", "event_type"))


def load_articles(path: str | Path) -> pd.DataFrame:
    """articles (manifest) table with its documented dtypes (TableError without `article_id`
    or `status`)."""
    articles = load_table(path, ARTICLE_DTYPES, required=("article_id", "status"))
    known = articles["status"].isin(STATUSES) | articles["status"].isna()
    if not known.all():
        raise _cell_error(Path(path), "status", articles["status"], ~known, f"is none of {', '.join(STATUSES)}")
    return articles
