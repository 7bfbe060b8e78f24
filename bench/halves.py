"""Evaluate a saved run on the two hash halves of each gold file, side by side.

    newsevents run GOLD... --out RUN          # once: the NLP
    newsevents aggregate RUN --out RUN2       # after a change of event rules: no NLP
    python bench/halves.py RUN GOLD... [--json OUT.json] [--metrics events.recall,killed]

A rule is refined on half A of a file (sha1 of the record id, first hex digit even: the rule
of `bench/relevance_check.py`) and judged on half B, which nobody read while writing it. Each
gold file is split into `NAME_A` and `NAME_B`; `newsevents evaluate --predictions RUN` scores
both; the table shows each chosen metric per file and half. Nothing is asserted: figures to
read.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from relevance_check import half

from pipeline.evaluate import evaluate_files

DEFAULT_METRICS = (
    "events.precision", "events.recall", "false_events.value", "killed.value", "injured.value",
    "event_type.value", "clusters.precision", "clusters.value",
)


def split_gold(paths: list[Path], out_dir: Path) -> list[Path]:
    """Each gold file written as two files, `NAME_A.jsonl` and `NAME_B.jsonl`, by id hash."""
    written = []
    for path in paths:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for side in ("A", "B"):
            kept = [line for line in lines if half(str(json.loads(line)["id"])) == side]
            target = out_dir / f"{path.stem}_{side}.jsonl"
            target.write_text("\n".join(kept) + "\n", encoding="utf-8")
            written.append(target)
    return written


def cell(report: dict, name: str, metric: str) -> str:
    """One metric of one file of the report, as printed ("-" when not measured)."""
    field, _, key = metric.partition(".")
    entry = report["files"][name]["metrics"].get(field, {})
    value = entry.get(key or "value")
    return "-" if value is None else f"{value:.4f}"


def main() -> None:
    """Split, score, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", type=Path)
    parser.add_argument("gold", type=Path, nargs="+")
    parser.add_argument("--metrics", default=",".join(DEFAULT_METRICS))
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    metrics = args.metrics.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        report = evaluate_files(split_gold(args.gold, Path(tmp)), predictions=args.run)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print("file".ljust(18) + "".join(m.ljust(20) for m in metrics))
    for name in report["files"]:
        print(name.ljust(18) + "".join(cell(report, name, m).ljust(20) for m in metrics))


if __name__ == "__main__":
    main()
