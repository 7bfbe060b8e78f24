"""`run`: the one place where the stages are put in order.

read -> clean -> set copies aside -> annotate (nlp) -> extract -> build events -> merge -> add
the copies to their events -> write, streamed: the stages are generators, so articles are read,
annotated and written in chunks and memory does not grow with the batch (except the per-article event records, a few hundred bytes each:
merging them across articles needs the whole batch, so events are written at the end). Every
record read ends up as one row of the manifest (articles.csv), whatever became of it: each
stage records the articles it drops (see `pipeline.output`).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice
from pathlib import Path

from spacy.language import Language

from pipeline.clean import clean_article
from pipeline.copies import Copies
from pipeline.aggregate import build_article_events, merge_events  # TODO events package
from pipeline.extract import extract_facts
from pipeline.ingest import read_inputs
from pipeline.annotate import annotate
from pipeline.nlp import load_nlp
from pipeline.output import Progress, RunOutput, annotated, cleaned, each_article
from pipeline.schemas import RunSummary


def run(
    inputs: Sequence[str | Path],
    out_dir: str | Path,
    *,
    model: str | None = None,
    nlp: Language | None = None,
    processes: int = 1,
    batch_size: int = 64,
    limit: int | None = None,
    on_article: Progress | None = None,
    fmt: str = "csv",
    merge: bool = True,
) -> RunSummary:
    """Process every article under `inputs` and write facts, events and articles (the manifest)
    into `out_dir`.

    `nlp` reuses a loaded pipeline (else `model`, or the default model, is loaded);
    `limit` stops after that many input records; `on_article` is called with each manifest row;
    `fmt` is the tables' format (csv, parquet, jsonl); `merge` merges the events of different
    articles that report one real-world event (`pipeline.events.merge_events`), else the events
    table keeps one row per event per article. `summary.events` counts its rows.
    """
    nlp = nlp or load_nlp(model)
    with RunOutput(out_dir, fmt, on_article) as output:
        records = islice(read_inputs(inputs), limit)
        copies = Copies()
        articles = copies.originals(cleaned(records, clean_article, output.record), output.record)
        docs = annotated(annotate(nlp, articles, batch_size=batch_size, n_process=processes), output.record)
        with_facts = each_article(extract_facts, docs, output.record)
        facts = ((article, found) for article, _doc, found in with_facts)
        with_events = each_article(build_article_events, facts, output.record)
        events = output.write_articles(with_events)
        output.write_events(copies.attach(merge_events(events) if merge else events))
        return output.commit()
