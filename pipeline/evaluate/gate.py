"""The threshold gate of `evaluate --min [FILE.]FIELD[.KEY]=VALUE`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from pipeline.evaluate.names import FIELDS
from pipeline.evaluate.report import build_report
from pipeline.evaluate.tally import Tally

_MIN_SPEC = re.compile(r"^\s*([^=\s]+)\s*=\s*([0-9]*\.?[0-9]+)\s*$")


class GateError(ValueError):
    """A `--min` specification that names no metric of the report."""


def parse_min(spec: str) -> tuple[str, float]:
    """`FIELD=VALUE` -> (FIELD, VALUE)."""
    match = _MIN_SPEC.match(spec)
    if not match:
        raise GateError(f"--min {spec!r}: expected FIELD=VALUE, e.g. killed=0.5")
    return match.group(1), float(match.group(2))


def _lookup(report: dict[str, Any], target: str) -> tuple[str, dict[str, Any], str]:
    # [FILE.]FIELD[.KEY]: FILE is a NAME of the report, KEY a further key such as "recall".
    scope, rest = "overall", target
    for name in sorted(report["files"], key=len, reverse=True):
        if target.startswith(name + "."):
            scope, rest = name, target[len(name) + 1:]
            break
    table = report["overall"] if scope == "overall" else report["files"][scope]["metrics"]
    name, _, key = rest.partition(".")
    if name not in table or (key and key not in table[name]):
        known = ", ".join(report["files"])
        raise GateError(
            f"--min {target!r}: no such metric (FIELD is one of {', '.join(FIELDS)}, "
            f"optionally prefixed by a file name ({known}) and followed by .KEY)"
        )
    return scope, table[name], key or "value"


def validate_minimums(specs: Sequence[str], names: Iterable[str]) -> None:
    """Raise GateError now, before any run, when a `--min` spec is malformed or names no metric
    of a report over files called `names`."""
    report = build_report({name: Tally() for name in names})
    for spec in specs:
        _lookup(report, parse_min(spec)[0])


def _check(report: dict[str, Any], specs: Sequence[str], above: bool) -> list[str]:
    """Messages for each spec the report misses: below its minimum, or (`above`) over its
    maximum; an unmeasured metric fails too. Raises GateError on a malformed spec."""
    failures = []
    word, sign = ("maximum", ">") if above else ("minimum", "<")
    for spec in specs:
        target, threshold = parse_min(spec)
        scope, entry, key = _lookup(report, target)
        value = entry.get(key)
        if value is None:
            failures.append(f"{target}: not measured (n=0), {word} {threshold}")
        elif (value > threshold) if above else (value < threshold):
            failures.append(f"{target} = {value:.4f} {sign} {threshold} (n={entry.get('n')}, {scope})")
    return failures


def check_minimums(report: dict[str, Any], specs: Sequence[str]) -> list[str]:
    """Messages for each `--min [FILE.]FIELD[.KEY]=VALUE` that the report does not reach."""
    return _check(report, specs, above=False)


def check_maximums(report: dict[str, Any], specs: Sequence[str]) -> list[str]:
    """Messages for each `--max [FILE.]FIELD[.KEY]=VALUE` that the report exceeds (for metrics
    where less is better, such as false_events)."""
    return _check(report, specs, above=True)
