"""Cluster metrics: pairs of gold events of one cluster against pairs paired to one
predicted event, and the error lines of the wrong pairs."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence


def cluster_counts(items: Iterable[tuple[str, str | None]]) -> tuple[int, int, int]:
    """Pairwise (tp, fp, fn) over gold events given as (gold cluster, predicted event id or None):
    a pair is gold-same when the clusters are equal, predicted-same when the ids are equal."""
    items = list(items)

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    gold_same = sum(pairs(n) for n in Counter(c for c, _ in items).values())
    pred_same = sum(pairs(n) for n in Counter(p for _, p in items if p is not None).values())
    both = sum(pairs(n) for n in Counter((c, p) for c, p in items if p is not None).values())
    return both, pred_same - both, gold_same - both



def cluster_misses(items: Sequence[tuple[str, str | None, str]],
                   per_group: int = 20) -> list[dict]:
    """Error lines for the wrong pairs among (gold cluster, predicted event id, article id):
    events of one cluster left apart, and events of different clusters merged (at most
    `per_group` lines per cluster or predicted event, so one runaway merge stays readable)."""
    lines: list[dict] = []
    for key, other in ((0, 1), (1, 0)):
        groups: dict[str, list[tuple[str, str | None, str]]] = defaultdict(list)
        for item in items:
            if item[key] is not None:
                groups[item[key]].append(item)
        for members in groups.values():
            shown = 0
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    if (a[other] is not None and a[other] == b[other]) or shown >= per_group:
                        continue
                    shown += 1
                    lines.append({
                        "article_id": a[2],
                        "field": "clusters",
                        "gold": {"cluster": a[0], "other_article": b[2], "other_cluster": b[0]},
                        "predicted": {"event_id": a[1], "other_event_id": b[1]},
                        "event_id": a[1],
                        "evidence": None,
                    })
    return lines
