"""Word sense at the trigger, one sentence at a time: does the trigger component read a word of
violence as an event where the sentence reports one, and as nothing where it does not?

    python bench/sense_sentences.py [tests/fixtures/sense_sentences.jsonl] [--show A] [--json OUT]

Each record of the file is one sentence with its word of violence (`trigger`, verbatim) and a
label: "event" (the sentence reports violence, a protest held or an arrest) or "other" (the
same words in sport, markets, fiction, medicine, metaphor, history, plans...). Each sentence
is run through the pipeline's NLP as an article of its own (published 2023-05-10), and the
labelled word counts as read when a trigger fact that vetoes nothing overlaps it; the sentence
makes an event when `build_article_events` builds one from its facts (a casualty count may make
one without a trigger; a lone word of violence with nothing else may make none, as
`triggers.policy` wants corroboration). Printed per hash half of the id (A: sha1 first hex
digit even, where rules may be refined; B: the figures to report, nobody reads its failures):
for "event" and for "other" sentences, the share whose trigger is read and the share that make
an event. `--show A` lists half A's "other" sentences read or made an event, to read; half B's
are never listed. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from pathlib import Path

from relevance_check import half

from pipeline.events import build_article_events
from pipeline.extract import extract_facts
from pipeline.nlp import load_nlp, make_doc
from pipeline.schemas import Article

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "tests/fixtures/sense_sentences.jsonl"
PUBLISHED = dt.date(2023, 5, 10)
BATCH = 64


def read_records(path: Path) -> list[dict]:
    """The records of a sentence file; raises ValueError naming the line of a record whose
    trigger is not in its text."""
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        if record["trigger"] not in record["text"]:
            raise ValueError(f"{path}:{number}: trigger {record['trigger']!r} not in its text")
        records.append(record)
    return records


def read_sentences(records: list[dict]) -> tuple[list[bool], list[bool]]:
    """For each record, whether a trigger fact that vetoes nothing overlaps its trigger, and
    whether the sentence, as an article of its own, makes an event."""
    nlp = load_nlp()
    articles = [Article(id=r["id"], source="sense", text=r["text"], published=PUBLISHED) for r in records]
    docs = nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=BATCH)
    read, events = [], []
    for record, article, doc in zip(records, articles, docs):
        start = record["text"].find(record["trigger"])
        end = start + len(record["trigger"])
        facts = doc._.ne_triggers or []
        read.append(any(not f["vetoes"] and f["char_start"] < end and start < f["char_end"] for f in facts))
        events.append(bool(build_article_events(article, extract_facts(article, doc))))
    return read, events


def table(records: list[dict], read: list[bool], events: list[bool]) -> dict[str, dict[str, float]]:
    """Per half: the number of "event" and of "other" sentences, and the share of each whose
    trigger is read (`read_*`) and that make an event (`events_*`)."""
    counts: Counter = Counter()
    for record, hit, made in zip(records, read, events):
        key = (half(record["id"]), record["label"])
        counts[key] += 1
        counts[(*key, "read")] += hit
        counts[(*key, "events")] += made
    out: dict[str, dict[str, float]] = {}
    for side in ("A", "B"):
        row: dict[str, float] = {}
        for label in ("event", "other"):
            n = counts[(side, label)]
            row[f"n_{label}"] = n
            for what in ("read", "events"):
                row[f"{what}_{label}"] = round(counts[(side, label, what)] / n, 4) if n else 0.0
        out[side] = row
    return out


def main() -> None:
    """Run every sentence, print the table (and half A's misreadings with --show A)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--show", choices=("A",), help="list this half's misreadings")
    parser.add_argument("--json", type=Path, help="write the table here")
    args = parser.parse_args()
    records = read_records(args.path)
    read, events = read_sentences(records)
    result = table(records, read, events)
    print("half  event sentences: n, trigger read, an event   other sentences: n, trigger read, an event")
    for side, row in result.items():
        print(f"{side}     {row['n_event']:>5.0f} {row['read_event']:>13.3f} {row['events_event']:>9.3f}"
              f"   {row['n_other']:>21.0f} {row['read_other']:>13.3f} {row['events_other']:>9.3f}")
    if args.show:
        for record, hit, made in zip(records, read, events):
            if half(record["id"]) == args.show and record["label"] == "other" and (hit or made):
                print("FALSE", "read" if hit else "    ", "event" if made else "     ", record["id"],
                      record["domain"], "|", record["trigger"], "|", record["text"])
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
