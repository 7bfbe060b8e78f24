"""Gather: the finished parts of a run's shards become its tables.

In the plan's order (so the tables do not depend on which worker finished first): the plan's
own manifest rows (entries a folder scan passed over), then each part's manifest rows, facts
and events. A text whose words were already read in an earlier shard is a copy of that earlier
article (`pipeline.copies`: copies within one shard were set aside while it was read): its row
says so and its facts and events are dropped. The events of all parts are then merged across
articles (unless `merge` is off), each copy is added to its original's events, and the tables
(with `merges` and `claims`, the merge and claims ledgers) are written atomically. Only the manifest's key columns and the events are held in memory; facts
pass through one part at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import pandas as pd

from pipeline import parts
from pipeline.copies import Copies
from pipeline.output import Progress, RunOutput
from pipeline.schemas import Event, ManifestRow, RunSummary

Merge = Callable[..., list[Event]]  # events -> merged events; keywords `ledger`, `claims` get rows


def _mark_copies(rows: pd.DataFrame, copies: Copies) -> set[str]:
    """Turn the rows of `ok` articles whose text an earlier shard read into `copy` rows (in
    place) and note every copy in `copies`; returns the ids whose facts and events to drop."""
    dropped: set[str] = set()
    for i in rows.index:
        aid, status, key = rows.at[i, "article_id"], rows.at[i, "status"], rows.at[i, "text_key"]
        if status == "copy":
            copies.note(str(aid), str(rows.at[i, "copy_of"]), str(rows.at[i, "source"]))
            continue
        if status != "ok" or pd.isna(key):
            continue
        original = copies.first.setdefault(str(key), str(aid))
        if original != aid:
            copies.note(str(aid), original, str(rows.at[i, "source"]))
            rows.loc[i, ["status", "copy_of", "facts", "events"]] = ["copy", original, 0, 0]
            dropped.add(str(aid))
    return dropped


def gather(
    out_dir: str | Path,
    keys: Iterable[str],
    plan_rows: Iterable[ManifestRow],
    merge: Merge | None,
    fmt: str = "csv",
    on_article: Progress | None = None,
) -> RunSummary:
    """Write the run's tables from the parts `keys` (in plan order); `merge` merges events
    across articles (None: one row per event per article)."""
    copies = Copies()
    events: list[Event] = []
    with RunOutput(out_dir, fmt, on_article) as output:
        for row in plan_rows:
            output.record(row)
        for key in keys:
            folder = parts.part_dir(out_dir, key)
            rows = parts.read_articles(folder)
            dropped = _mark_copies(rows, copies)
            output.record_frame(rows)
            facts = parts.read_facts(folder)
            output.write_facts_frame(facts[~facts["article_id"].isin(dropped)] if dropped else facts)
            events.extend(e for e in parts.read_events(folder) if e.article_ids not in dropped)
        ledger: list[dict] = []  # the merge and claims ledgers' rows (pipeline.events.ledger)
        claims: list[dict] = []
        merged = merge(events, ledger=ledger, claims=claims) if merge else events
        output.write_events(copies.attach(merged), ledger, claims)
        return output.commit()
