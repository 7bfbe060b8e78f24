"""The merge ledger: one row per report a merge joined to an event, with every signal behind the
decision, so that a researcher can see why two reports became one event and undo it
(`newsevents aggregate RUN --split EVENT_ID`); and the claims ledger: for each merged event,
each report's killed, injured and arrested figures and what the reconciliation made of them.

A record joins a cluster when it is compatible with every member and linked to one
(`links.link_rule`); the row names that member and the rule. Rows are plain dicts with the
columns of `LEDGER_COLUMNS` (documented in the README, "merges"); `event_id` is the merged
event's id, filled in when the cluster becomes an event. spaCy-free, no file I/O.
"""

from __future__ import annotations

from typing import Any

from pipeline.events.counts import credible, interval, victims
from pipeline.events.links import day_gap, place_relation, text_weight
from pipeline.events.records import Record, km
from pipeline.events.rules import OUTCOMES, VICTIM_OUTCOMES, MergeRules
from pipeline.schemas import Event
from pipeline.events.links import Weights

# The columns of the merges table, in order.
LEDGER_COLUMNS = (
    "event_id", "report", "joined_to", "decision", "rule", "days_apart", "km", "place",
    "text_weight", "shared_words", "type", "type_other", "killed", "killed_other", "injured",
    "injured_other", "ages", "ages_other", "crowd", "stated_days", "streets", "streets_other",
    "shared_times",
)
# Shared words listed in a row, rarest first: enough to read why, short enough to scan.
MAX_SHARED_WORDS = 12
# Decisions: joined by the rules, or kept apart by the user's `--split`.
MERGED, SPLIT = "merged", "split"


def _ages(rec: Record) -> str | None:
    return ";".join(str(a) for a in sorted(rec.ages)) or None


def ledger_row(rec: Record, member: Record, rule: str, weights: Weights, *, rules: MergeRules) -> dict[str, Any]:
    """The row of `rec` joining the cluster of `member` by `rule`: days apart, distance and
    place relation, the shared rare words and their weight, both types, tolls and victims' ages,
    the larger of their crowds (compatible near reports in the batch) and of the incident days
    stated among them, their streets and the clock times both give."""
    shared = sorted(rec.words & member.words, key=lambda w: (-weights.get(w, 0.0), w))
    return {
        "event_id": None,
        "report": rec.event.event_id,
        "joined_to": member.event.event_id,
        "decision": MERGED,
        "rule": rule,
        "days_apart": day_gap(rec, member),
        "km": None if (distance := km(rec, member)) is None else round(distance, 1),
        "place": place_relation(rec, member, rules=rules) or "apart",
        "text_weight": round(text_weight(rec, member, weights), 3),
        "shared_words": ";".join(shared[:MAX_SHARED_WORDS]) or None,
        "type": rec.event.event_type,
        "type_other": member.event.event_type,
        "killed": rec.event.killed_best,
        "killed_other": member.event.killed_best,
        "injured": rec.event.injured_best,
        "injured_other": member.event.injured_best,
        "ages": _ages(rec),
        "ages_other": _ages(member),
        "crowd": max(rec.crowd, member.crowd),
        "stated_days": max(rec.stated_days, member.stated_days),
        "streets": ";".join(sorted(rec.streets)) or None,
        "streets_other": ";".join(sorted(member.streets)) or None,
        "shared_times": ";".join(sorted(rec.times & member.times)) or None,
    }


# The columns of the claims table, in order.
CLAIM_COLUMNS = ("event_id", "report", "outcome", "low", "best", "high", "role")


def _role(report: tuple, kept: list[tuple], final: tuple) -> str:
    """What the reconciliation made of one report's (low, best, high): `sets_best` (its figure
    is the event's), `sets_high` (its upper bound is), `superseded` (credible, another report's
    figure chosen: an earlier toll, a vaguer one) or `outlier` (set aside: far above every other
    source's count, or outvoted by a figure more sources give)."""
    if report not in kept:
        return "outlier"
    if report[1] == final[1]:
        return "sets_best"
    if report[2] is not None and report[2] == final[2]:
        return "sets_high"
    return "superseded"


def claim_rows(group: list[Event], merged: Event, *, rules: MergeRules) -> list[dict[str, Any]]:
    """The claims ledger of a merged event: one row per report and outcome it gives a figure
    for (the reports of `group`, reconciled into `merged` by `counts.reconcile_counts`)."""
    rows = []
    for outcome in OUTCOMES:
        intervals = [(e, interval(e, outcome)) for e in group]
        reports = [r for _, r in intervals if r is not None]
        if not reports:
            continue
        silent = [victims(e) for e, r in intervals if r is None] if outcome in VICTIM_OUTCOMES else []
        kept = credible(reports, [t for t in silent if t is not None], rules=rules)
        final = tuple(getattr(merged, f"{outcome}_{k}") for k in ("low", "best", "high"))
        for event, report in intervals:
            if report is not None:
                rows.append({"event_id": merged.event_id, "report": event.event_id, "outcome": outcome,
                             "low": report[0], "best": report[1], "high": report[2],
                             "role": _role(report, kept, final)})
    return rows
