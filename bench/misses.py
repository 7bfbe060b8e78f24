"""Break down the misses of `newsevents evaluate --errors FILE` by gold and predicted value.

    python bench/misses.py ERRORS.jsonl [--field killed] [--file gvdb_dev] [--top 15]

For each (file, field) it prints how many misses there are, how many predicted too little or
too much (count fields), and the commonest (gold, predicted) pairs: e.g. how many gvdb_dev
`killed` misses have a gold 0/0, the corpus's mark of an article whose annotator listed no
victim. Nothing is asserted: these are figures to read, like the benchmarks'.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from pipeline.evaluate import COUNT_FIELDS


def gold_key(gold: object) -> str:
    """A short, hashable form of a gold value: an interval {low, high} as 'low..high'."""
    if isinstance(gold, dict) and "low" in gold:
        low, high = gold.get("low"), gold.get("high")
        return str(low) if low == high else f"{low}..{high}"
    return json.dumps(gold, sort_keys=True) if isinstance(gold, (dict, list)) else str(gold)


def direction(gold: object, predicted: object) -> str:
    """'under', 'over' or 'other' for a count miss against its gold interval."""
    if not isinstance(gold, dict) or not isinstance(predicted, (int, type(None))):
        return "other"
    low, high = gold.get("low"), gold.get("high")
    value = predicted or 0
    if low is not None and value < low:
        return "under"
    if high is not None and value > high:
        return "over"
    return "other"


def breakdown(lines: list[dict], top: int) -> dict[tuple[str, str], dict]:
    """Per (file, field): the number of misses, under/over counts, and the top (gold, predicted) pairs."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for line in lines:
        groups[(line["file"], line["field"])].append(line)
    out = {}
    for key, misses in sorted(groups.items()):
        pairs = Counter((gold_key(m["gold"]), gold_key(m["predicted"])) for m in misses)
        sides = Counter(direction(m["gold"], m["predicted"]) for m in misses) if key[1] in COUNT_FIELDS else Counter()
        out[key] = {"n": len(misses), "sides": dict(sides), "pairs": pairs.most_common(top)}
    return out


def main() -> None:
    """Read an errors file and print the breakdown."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("errors", type=Path)
    parser.add_argument("--field", action="append", help="only these fields (repeatable)")
    parser.add_argument("--file", action="append", help="only these gold files (repeatable)")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    lines = [json.loads(line) for line in args.errors.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = [
        m for m in lines
        if (not args.field or m["field"] in args.field) and (not args.file or m["file"] in args.file)
    ]
    for (name, field), info in breakdown(lines, args.top).items():
        sides = ", ".join(f"{k} {v}" for k, v in sorted(info["sides"].items()))
        print(f"{name} {field}: {info['n']} misses" + (f" ({sides})" if sides else ""))
        for (gold, predicted), n in info["pairs"]:
            print(f"  gold {gold:>8}  predicted {predicted:>8}  {n}")


if __name__ == "__main__":
    main()
