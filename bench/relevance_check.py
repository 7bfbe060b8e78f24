"""How the article relevance decision (pipeline/relevance.py) splits incidents from other news.

    python bench/relevance_check.py [--threshold 0.5] [--eval-dir ../shared/eval] [--explain]

No NLP: each record's text is cleaned as a run cleans it, then scored. The records of every file
are split by a hash of their id into half A (sha1 first hex digit even: where the few weights
and the threshold were set) and half B (odd: the figures to report). Per file and half it prints
the articles whose gold has a (non-optional) event kept as relevant (recall, with the ids of
the misses), the articles with `events: []` rejected (bbc_dev per section too; in muc4_dev the
no-event messages, many of them political news of the same war: informative only), and the
scoring time per 1,000 articles. `--explain` adds the top evidence terms of each miss and of
each kept negative, to read (never to copy into the word lists).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import defaultdict
from pathlib import Path

from pipeline.clean import clean_article
from pipeline.relevance import MIN_RELEVANCE, evidence, is_relevant, relevance
from pipeline.schemas import Article

ROOT = Path(__file__).resolve().parent.parent
EVAL_FILES = ("gvdb_dev", "gva_dev", "muc4_dev", "case2021_dev", "bbc_dev")
FIXTURES = (ROOT / "tests/fixtures/blind.jsonl", ROOT / "tests/fixtures/seed.jsonl")


def half(record_id: str) -> str:
    """'A' (refine) or 'B' (report), from the first hex digit of sha1(id)."""
    return "A" if int(hashlib.sha1(record_id.encode("utf-8")).hexdigest()[0], 16) % 2 == 0 else "B"


def kind(record: dict) -> str:
    """'pos' (a non-optional gold event), 'neg' (events: []) or 'optional' (only optional)."""
    events = record.get("events") or []
    if not events:
        return "neg"
    return "pos" if any(not e.get("optional") for e in events) else "optional"


def prepared(record: dict) -> tuple[str, str | None]:
    """The cleaned text and title a run would score."""
    article = clean_article(
        Article(id=record["id"], source="bench", title=record.get("title") or None,
                text=record.get("text") or "")
    )
    return article.text, article.title


def score_file(path: Path, threshold: float) -> tuple[list[dict], float]:
    """Each record's id, half, kind, section, text, title and score; and the scoring seconds."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            text, title = prepared(record)
            rows.append({"id": record["id"], "half": half(record["id"]), "kind": kind(record),
                         "section": record.get("section"), "text": text, "title": title})
    start = time.perf_counter()
    for row in rows:
        row["score"] = relevance(row["text"], row["title"])
    seconds = time.perf_counter() - start
    for row in rows:
        row["kept"] = is_relevant(row["score"], threshold)
    return rows, seconds


def rate(hits: int, total: int) -> str:
    """'0.997 (n=312)', or '-' when there is nothing to count."""
    return f"{hits / total:.3f} (n={total})" if total else "-"


def report(name: str, rows: list[dict], explain: bool) -> None:
    """Print one file's lines: recall and misses, rejected negatives (by section), per half."""
    for which in ("A", "B"):
        part = [r for r in rows if r["half"] == which]
        pos = [r for r in part if r["kind"] == "pos"]
        neg = [r for r in part if r["kind"] == "neg"]
        missed = [r for r in pos if not r["kept"]]
        kept_neg = [r for r in neg if r["kept"]]
        line = f"{name:<14} {which}  kept {rate(len(pos) - len(missed), len(pos)):<18}"
        line += f" rejected {rate(len(neg) - len(kept_neg), len(neg))}"
        print(line)
        sections: dict[str, list[dict]] = defaultdict(list)
        for r in neg:
            if r["section"]:
                sections[r["section"]].append(r)
        for section, members in sorted(sections.items()):
            rejected = sum(1 for r in members if not r["kept"])
            print(f"{'':<17}{section:<14} rejected {rate(rejected, len(members))}")
        if missed:
            listed = " ".join(f"{r['id']}({r['score']:.2f})" for r in missed)
            print(f"{'':<17}missed: {listed}")
        if explain:
            for r in missed + kept_neg:
                top = evidence(r["text"], r["title"]).terms[:8]
                print(f"{'':<17}{r['kind']} {r['id']} {r['score']:.2f}: "
                      + ", ".join(f"{t}/{c}={w:g}" for t, _, c, w in top))


def main() -> None:
    """Score every file and print the table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--threshold", type=float, default=MIN_RELEVANCE)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--explain", action="store_true", help="top evidence terms of each error")
    args = parser.parse_args()
    paths = [args.eval_dir / f"{name}.jsonl" for name in EVAL_FILES] + list(FIXTURES)
    total_rows, total_seconds = 0, 0.0
    print(f"threshold {args.threshold}; A = sha1(id) first hex digit even (refine), "
          "B = odd (report)")
    for path in paths:
        if not path.is_file():
            print(f"{path.stem:<14} (absent: {path})")
            continue
        rows, seconds = score_file(path, args.threshold)
        total_rows += len(rows)
        total_seconds += seconds
        report(path.stem, rows, args.explain)
    if total_rows:
        print(f"scoring time: {1000 * total_seconds / total_rows:.3f} s per 1,000 articles "
              f"({total_rows} articles)")


if __name__ == "__main__":
    main()
