"""The export stage: tables to UTF-8 CSV (and Parquet or JSON Lines), written atomically.

A table is written to a temporary file beside its target and renamed into place only when it
is complete, so an interrupted run never leaves half a table under the final name. CSV text
cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR)
get a leading `'`; `load_table` takes it off again.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from types import TracebackType
from typing import IO, Literal

import pandas as pd

from pipeline.tabulate import ARTICLE_DTYPES, EVENT_DTYPES, FACT_DTYPES

Format = Literal["csv", "parquet", "jsonl"]
FORMATS: tuple[str, ...] = ("csv", "parquet", "jsonl")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED = re.compile(r"^'(?=[=+\-@\t\r])")


def _text_columns(df: pd.DataFrame) -> list[str]:
    return [c for c in df.columns if pd.api.types.is_string_dtype(df[c]) or df[c].dtype == object]


def escape_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot be run as spreadsheet formulas."""
    out = df.copy()
    for column in _text_columns(out):
        values = out[column]
        mask = values.str.startswith(_FORMULA_START, na=False)
        if mask.any():
            out.loc[mask, column] = "'" + values[mask]
    return out


def unescape_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Undo `escape_formulas` on a table read back from CSV."""
    for column in _text_columns(df):
        df[column] = df[column].str.replace(_ESCAPED, "", regex=True)
    return df


class TableWriter:
    """Append DataFrame chunks to one CSV table; the file appears under its name on `commit`."""

    def __init__(self, path: Path, columns: list[str]) -> None:
        self.path = Path(path)
        self.columns = columns
        self.rows = 0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        self._tmp = Path(tmp)
        self._handle: IO[str] | None = os.fdopen(fd, "w", encoding="utf-8", newline="")
        pd.DataFrame(columns=columns).to_csv(self._handle, index=False)

    def write(self, df: pd.DataFrame) -> None:
        """Append rows (columns in the table's order)."""
        if df.empty or self._handle is None:
            return
        escape_formulas(df[self.columns]).to_csv(
            self._handle, index=False, header=False, date_format="%Y-%m-%d"
        )
        self.rows += len(df)

    def commit(self) -> Path:
        """Close the temporary file and rename it into place."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
            os.replace(self._tmp, self.path)
        return self.path

    def abort(self) -> None:
        """Drop the temporary file; the previous table, if any, stays as it was."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
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


def write_table(df: pd.DataFrame, path: Path, fmt: Format = "csv") -> Path:
    """Write a whole table atomically in the given format; returns the path written."""
    path = Path(path).with_suffix(f".{fmt}")
    if fmt == "csv":
        with TableWriter(path, list(df.columns)) as writer:
            writer.write(df)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        if fmt == "parquet":
            df.to_parquet(tmp, index=False)
        elif fmt == "jsonl":
            df.to_json(tmp, orient="records", lines=True, date_format="iso", force_ascii=False)
        else:
            raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path


def load_table(path: str | Path, dtypes: dict[str, str]) -> pd.DataFrame:
    """Read a table written by newsevents (CSV, Parquet or JSON Lines) with its documented dtypes."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        df = pd.read_parquet(path)
    elif suffix in (".jsonl", ".json"):
        df = pd.read_json(path, orient="records", lines=True, dtype=False)
    else:
        plain = {c: t for c, t in dtypes.items() if not t.startswith("datetime")}
        df = unescape_formulas(pd.read_csv(path, dtype=plain, keep_default_na=True))
    for column, dtype in dtypes.items():
        if column not in df.columns:
            continue
        if dtype.startswith("datetime"):
            df[column] = pd.to_datetime(df[column], errors="coerce").astype(dtype)
        elif str(df[column].dtype) != dtype:
            df[column] = df[column].astype(dtype)
    return df


def load_facts(path: str | Path) -> pd.DataFrame:
    """facts table with its documented dtypes."""
    return load_table(path, FACT_DTYPES)


def load_events(path: str | Path) -> pd.DataFrame:
    """events table with its documented dtypes."""
    return load_table(path, EVENT_DTYPES)


def load_articles(path: str | Path) -> pd.DataFrame:
    """articles (manifest) table with its documented dtypes."""
    return load_table(path, ARTICLE_DTYPES)
