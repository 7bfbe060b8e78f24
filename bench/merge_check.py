"""Check cross-article merges against per-article gold that has no `cluster` field.

    python bench/merge_check.py GOLD.jsonl RUN_DIR [--verbose]

`RUN_DIR` is the output of `newsevents run GOLD.jsonl --out RUN_DIR` (or of `newsevents
aggregate`). For every pair of articles that one merged event joins, and that each have exactly
one gold event, the gold says:
- `contradicted`: the gold days lie more than `--days` (2) apart, or both gold locations are
  given and neither name contains the other ("Chicago" against "Dolton");
- `agreed`: gold days within one day and the same location;
- `unknown`: anything else (a gold day or location missing).

`contradicted / pairs` is a floor on the share of false merges (two shootings in one city on
one day are `agreed`). It measures merging on files like gvdb_dev, whose gold is per article:
`evaluate`'s `clusters` needs a gold `cluster`. Nothing is asserted: figures to read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
from pathlib import Path

from pipeline.evaluate import read_gold
from pipeline.export import find_table, load_events


def gold_events(path: Path) -> dict[str, dict]:
    """Article id -> its only gold event (articles with none or several are left out)."""
    return {r["id"]: r["events"][0] for r in read_gold(path) if len(r.get("events") or []) == 1}


def judge(a: dict, b: dict, days: int) -> str:
    """'contradicted', 'agreed' or 'unknown' for two gold events (see the module docstring)."""
    da, db = a.get("date"), b.get("date")
    gap = abs((dt.date.fromisoformat(da) - dt.date.fromisoformat(db)).days) if da and db else None
    la, lb = (a.get("location") or "").lower(), (b.get("location") or "").lower()
    if (gap is not None and gap > days) or (la and lb and la not in lb and lb not in la):
        return "contradicted"
    if gap is not None and gap <= 1 and la and lb:
        return "agreed"
    return "unknown"


def main() -> None:
    """Print the merged pairs' verdicts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("run", type=Path)
    parser.add_argument("--days", type=int, default=2)
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    gold = gold_events(args.gold)
    events = load_events(find_table(args.run, "events"))
    tally = {"contradicted": 0, "agreed": 0, "unknown": 0}
    for ids in events["article_ids"].dropna():
        articles = [a for a in str(ids).split(";") if a in gold]
        for a, b in itertools.combinations(articles, 2):
            verdict = judge(gold[a], gold[b], args.days)
            tally[verdict] += 1
            if args.verbose:
                ga, gb = gold[a], gold[b]
                print(f"{verdict:12} {a} {b}  {ga.get('date')} {gb.get('date')}  {ga.get('location')!r} {gb.get('location')!r}")
    pairs = sum(tally.values())
    merged = int((events["n_sources"] > 1).sum())
    print(f"{merged} merged events; {pairs} merged article pairs with one gold event each: "
          + ", ".join(f"{k} {v}" for k, v in tally.items()))
    if pairs:
        print(f"contradicted share: {tally['contradicted'] / pairs:.3f}")


if __name__ == "__main__":
    main()
