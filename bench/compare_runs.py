"""Compare the tables of two run folders, row for row, ignoring row order.

    python bench/compare_runs.py RUN_A RUN_B [--tables facts events articles]

Prints, per table, the rows only in A and only in B (up to --show of each) and exits 1 when any
table differs. Used to show that a refactor changed no output: run the same input with the old
and the new code, then compare. Columns that hold a run's timing are left out.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

# Columns that differ between two runs of the same code (none today; keep the hook explicit).
VOLATILE: frozenset[str] = frozenset()
TABLES = ("facts", "events", "articles")


def _read(run: Path, table: str) -> pd.DataFrame | None:
    for suffix, reader in ((".csv", pd.read_csv), (".parquet", pd.read_parquet)):
        path = run / f"{table}{suffix}"
        if path.exists():
            df = reader(path, dtype=str) if suffix == ".csv" else reader(path).astype(str)
            return df.drop(columns=[c for c in df.columns if c in VOLATILE]).fillna("")
    return None


def _rows(df: pd.DataFrame) -> list[str]:
    return sorted("\t".join(map(str, row)) for row in df.itertuples(index=False))


def compare(a: Path, b: Path, table: str, show: int) -> bool:
    """Print the differences of one table of two runs; True when they hold the same rows."""
    da, db = _read(a, table), _read(b, table)
    if da is None or db is None:
        print(f"{table}: missing in {'A' if da is None else 'B'}")
        return da is None and db is None
    if list(da.columns) != list(db.columns):
        print(f"{table}: columns differ\n  A: {list(da.columns)}\n  B: {list(db.columns)}")
        return False
    ra, rb = _rows(da), _rows(db)
    only_a = sorted(set(ra) - set(rb))
    only_b = sorted(set(rb) - set(ra))
    same = ra == rb
    print(f"{table}: {len(ra)} rows vs {len(rb)}: {'identical' if same else 'DIFFERENT'}")
    for label, rows in (("A", only_a), ("B", only_b)):
        for row in rows[:show]:
            print(f"  only in {label}: {row[:400]}")
    return same


def main(argv: list[str] | None = None) -> int:
    """Compare the tables of two runs; exit status 1 when any differs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run_a", type=Path)
    parser.add_argument("run_b", type=Path)
    parser.add_argument("--tables", nargs="+", default=list(TABLES))
    parser.add_argument("--show", type=int, default=5, help="rows shown per side and table")
    args = parser.parse_args(argv)
    results = [compare(args.run_a, args.run_b, t, args.show) for t in args.tables]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
