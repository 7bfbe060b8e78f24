"""Scoring the predicted events of an article, and of a gold file, into a `Tally`."""

from __future__ import annotations

import pandas as pd

from pipeline.evaluate.clusters import cluster_counts, cluster_misses
from pipeline.evaluate.facts import score_facts
from pipeline.evaluate.fields import _miss, _score_pair
from pipeline.evaluate.gold import events_by_article, facts_by_article
from pipeline.evaluate.matching import pair_events
from pipeline.evaluate.names import COUNT_FIELDS
from pipeline.evaluate.tally import Tally
from pipeline.evaluate.values import gold_interval


def _annotated_fields(gold: dict) -> list[str]:
    names = [o for o in COUNT_FIELDS if gold.get(o) is not None]
    if gold_interval(gold.get("date")) is not None:
        names += ["date", "date_1d", "date_7d"]
    names += [n for n in ("country", "admin1", "event_type", "sub_event_type") if gold.get(n)]
    if gold.get("location"):
        names.append("location_name")
    if gold.get("latitude") is not None and gold.get("longitude") is not None:
        names += ["location_25km", "location_161km"]
    return names


def _gold_event_label(gold: dict) -> dict:
    keys = ("event_type", "sub_event_type", "date", "country", "admin1", "location",
            "killed", "injured", "arrested")
    return {k: gold.get(k) for k in keys if gold.get(k) is not None}


# The type key of a false event predicted without an event type.
UNTYPED = "untyped"


def _pred_event_label(pred: dict) -> dict:
    keys = ("event_id", "event_type", "sub_event_type", "event_date", "iso2", "admin1",
            "location", "killed_best", "injured_best", "arrested_best")
    return {k: pred.get(k) for k in keys if pred.get(k) is not None}


def score_article(
    gold: dict,
    preds: list[dict],
    tally: Tally,
    errors: list[dict] | None = None,
) -> list[tuple[dict, str | None]]:
    """Score one article's predicted events against its gold into `tally`; returns, for each
    gold event with a `cluster`, (gold event, paired predicted event_id or None)."""
    article_id = str(gold["id"])
    golds = list(gold.get("events") or [])
    tally.articles += 1
    if gold.get("events") == []:  # an article that reports no event: every prediction is false
        slot = tally.negatives.setdefault(str(gold.get("section") or ""), [0, 0])
        slot[0] += 1
        slot[1] += len(preds)
        tally.false_types.update(str(p.get("event_type") or UNTYPED) for p in preds)
    pairs = pair_events(golds, preds)
    paired_gold = {g: p for g, p in pairs}
    paired_pred = {p for _, p in pairs}
    for g_index, gold_event in enumerate(golds):
        optional = bool(gold_event.get("optional"))
        p_index = paired_gold.get(g_index)
        if p_index is None:
            if not optional:
                tally.events[2] += 1
                _miss(errors, article_id, "events", _gold_event_label(gold_event), None, None)
                for name in _annotated_fields(gold_event):
                    tally.unpaired(name)
            continue
        if optional:
            continue
        tally.events[0] += 1
        _score_pair(tally, article_id, gold_event, preds[p_index], errors,
                    dated=bool(gold.get("published")))
    for p_index, pred in enumerate(preds):
        if p_index not in paired_pred:
            tally.events[1] += 1
            _miss(errors, article_id, "events", None, pred, _pred_event_label(pred))
    clustered = []
    for g_index, gold_event in enumerate(golds):
        if gold_event.get("cluster"):
            p_index = paired_gold.get(g_index)
            pred_id = preds[p_index].get("event_id") if p_index is not None else None
            clustered.append((gold_event, None if pred_id is None else str(pred_id)))
    return clustered



def score_file(
    gold: list[dict],
    events: pd.DataFrame,
    facts: pd.DataFrame | None = None,
    errors: list[dict] | None = None,
) -> Tally:
    """Score the predicted tables against one gold file's records (article ids must match)."""
    tally = Tally()
    by_article = events_by_article(events)
    facts_of = facts_by_article(facts) if facts is not None else {}
    clustered: list[tuple[str, str | None, str]] = []
    for record in gold:
        article_id = str(record["id"])
        for gold_event, pred_id in score_article(record, by_article.get(article_id, []), tally,
                                                 errors):
            clustered.append((str(gold_event["cluster"]), pred_id, article_id))
        if record.get("facts"):
            score_facts(record, facts_of.get(article_id, []), tally, errors)
    tally.clusters = list(cluster_counts((c, p) for c, p, _ in clustered))
    if errors is not None:
        errors.extend(cluster_misses(clustered))
    return tally
