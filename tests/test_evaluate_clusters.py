"""Cluster metrics and their error lines (pipeline.evaluate.clusters)."""

from __future__ import annotations

from pipeline.evaluate.clusters import cluster_counts, cluster_misses


def test_pairwise_counts() -> None:
    # Gold clusters x (3 events) and y (1); predicted: two x events merged, y merged with one x.
    items = [("x", "e1", "a"), ("x", "e1", "b"), ("x", "e2", "c"), ("y", "e2", "d")]
    assert cluster_counts((c, p) for c, p, _ in items) == (1, 1, 2)
    lines = cluster_misses(items)
    assert {(line["article_id"], line["gold"]["other_article"]) for line in lines} == {
        ("a", "c"), ("b", "c"), ("c", "d"),
    }  # fmt: skip


def test_misses_capped_per_group() -> None:
    items = [("x", None, str(i)) for i in range(10)]
    assert len(cluster_misses(items, per_group=5)) == 5
