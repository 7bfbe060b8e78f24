"""Running the evaluation: score gold files against saved tables or a fresh pipeline run."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.evaluate.gold import load_tables, read_gold
from pipeline.evaluate.report import build_report, file_names
from pipeline.evaluate.scoring import score_file
from pipeline.evaluate.tally import Tally


def predict(gold_path: Path, work_dir: Path, nlp: Any, limit: int | None = None,
            processes: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run the pipeline on a gold file (its first `limit` records) into `work_dir` and return
    its events and facts tables; ingest reads the fixture format itself."""
    from pipeline.run import run  # imported late: scoring saved tables needs no NLP

    run([str(gold_path)], work_dir, nlp=nlp, processes=processes, limit=limit)
    return load_tables(work_dir)


def evaluate_files(
    gold_paths: Sequence[str | Path],
    limit: int | None = None,
    predictions: str | Path | None = None,
    processes: int = 1,
    errors: list[dict] | None = None,
    progress: Any = None,
) -> dict[str, Any]:
    """Score each gold file (first `limit` records) against the tables in `predictions`, or
    against a fresh pipeline run on the file; returns the metrics report."""
    tallies: dict[str, Tally] = {}
    # Every gold file is read (and checked: GoldError) before any table is read or model run.
    gold = [(name, Path(path), read_gold(path, limit)) for name, path in zip(file_names(gold_paths), gold_paths)]
    tables = load_tables(predictions) if predictions is not None else None
    nlp = None
    if tables is None:
        from pipeline.nlp import load_nlp

        nlp = load_nlp()
    for name, path, records in gold:
        if progress:
            progress(f"{name}: {len(records)} articles")
        file_errors: list[dict] | None = [] if errors is not None else None
        if tables is not None:
            events, facts = tables
            tallies[name] = score_file(records, events, facts, file_errors)
        else:
            with tempfile.TemporaryDirectory(prefix="newsevents-eval-") as tmp:
                events, facts = predict(path, Path(tmp), nlp, limit, processes)
                tallies[name] = score_file(records, events, facts, file_errors)
        if errors is not None and file_errors is not None:
            errors.extend({"file": name, **e} for e in file_errors)
    return build_report(tallies)
