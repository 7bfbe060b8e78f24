"""The report: per-file and overall metrics, the readable table, and JSON output."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pipeline.evaluate.names import COUNT_FIELDS, DATE_FIELDS, FACT_KINDS, FIELDS
from pipeline.evaluate.tally import Tally, metrics


def file_name(path: str | Path, taken: Iterable[str] = ()) -> str:
    """The NAME of a gold file in the report: its name without `.jsonl` (made unique)."""
    name = Path(path).name
    for suffix in (".jsonl", ".json"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    taken = set(taken)
    unique, i = name, 2
    while unique in taken:
        unique, i = f"{name}#{i}", i + 1
    return unique


def file_names(paths: Sequence[str | Path]) -> list[str]:
    """The report NAME of each gold file, in order."""
    names: list[str] = []
    for path in paths:
        names.append(file_name(path, names))
    return names


def build_report(tallies: dict[str, Tally]) -> dict[str, Any]:
    """The metrics JSON: {"files": {NAME: {"articles": n, "metrics": M}}, "overall": M}."""
    overall = Tally()
    files = {}
    for name, tally in tallies.items():
        files[name] = {"articles": tally.articles, "metrics": metrics(tally)}
        overall.add(tally)
    return {"files": files, "overall": metrics(overall)}



def _cell(entry: dict[str, Any], key: str = "value") -> str:
    value = entry.get(key)
    if value is None:
        return "-"
    return f"{value:.3f} ({entry.get('n', 0)})"


# Further keys shown under their metric in the readable table.
_TABLE_KEYS = {
    "events": ("precision", "recall"),
    "clusters": ("precision", "recall"),
    **{name: ("mae",) for name in COUNT_FIELDS},
    **{name: ("dated",) for name in DATE_FIELDS},
    "sub_event_type": ("macro_f1", "weighted_f1"),
    **{f"facts_{kind}": ("precision", "recall") for kind in FACT_KINDS},
}


def format_table(report: dict[str, Any], markdown: bool = False) -> str:
    """A readable table: one row per metric (further keys as `metric.key` rows), one column per
    file plus overall; cells are `value (n)`, "-" where nothing was scored; rows scored nowhere
    are left out. `markdown` gives a Markdown table."""
    columns = [(name, data["metrics"]) for name, data in report["files"].items()]
    columns.append(("overall", report["overall"]))
    rows = [(f, k) for f in FIELDS for k in ("value", *_TABLE_KEYS.get(f, ()))]
    rows = [r for r in rows if any(m[r[0]].get(r[1]) is not None for _, m in columns)]
    header = ["metric", *[name for name, _ in columns]]
    articles = ["articles", *[str(d["articles"]) for d in report["files"].values()],
                str(sum(d["articles"] for d in report["files"].values()))]
    body = [[f if k == "value" else f"{f}.{k}", *[_cell(m[f], k) for _, m in columns]]
            for f, k in rows]
    table = [header, articles, *body]
    if markdown:
        lines = ["| " + " | ".join(row) + " |" for row in table]
        lines.insert(1, "|" + "|".join(["---", *["---:"] * (len(header) - 1)]) + "|")
        return "\n".join(lines)
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                       for i, cell in enumerate(row)) for row in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)



def write_json(obj: Any, path: str | Path) -> None:
    """Write an object as indented JSON (UTF-8)."""
    Path(path).write_text(json.dumps(obj, indent=2, ensure_ascii=False, default=str) + "\n",
                          encoding="utf-8")


def write_jsonl(rows: Iterable[dict], path: str | Path) -> int:
    """Write one JSON object per line; returns the number written."""
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            n += 1
    return n
