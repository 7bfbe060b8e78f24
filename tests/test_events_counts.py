"""events.counts: the count policy (never a sum, the latest credible report) and merged columns."""

from __future__ import annotations

import datetime as dt

from event_builders import ev, killed
from pipeline.events import merge_events, reconcile_counts
from pipeline.schemas import Event


def test_the_date_most_equally_precise_sources_give_wins() -> None:
    # One report dated by its saying ("said on Sunday"), two by the incident's own day.
    merged = merge_events([ev("a", "2023-03-04", date_basis="report"), ev("b", "2023-03-05"), ev("c", "2023-03-05")])
    assert len(merged) == 1 and merged[0].event_date == dt.date(2023, 3, 5)


def test_counts_are_never_summed() -> None:
    counts = reconcile_counts([ev("a", **killed(4, 4, 4)), ev("b", **killed(4, 4, 4))])
    assert (counts["killed_low"], counts["killed_best"], counts["killed_high"]) == (4, 4, 4)


def test_a_vague_floor_above_the_exact_reports_raises_best() -> None:
    counts = reconcile_counts([ev("a", **killed(8, 8, 8)), ev("b", **killed(12, 12, None))])
    assert (counts["killed_low"], counts["killed_best"], counts["killed_high"]) == (12, 12, None)


def test_vague_only_reports_give_the_highest_floor() -> None:
    counts = reconcile_counts([ev("a", **killed(12, 24, 99)), ev("b", **killed(10, 10, None))])
    assert (counts["killed_low"], counts["killed_best"], counts["killed_high"]) == (12, 12, 99)


def test_an_outlier_report_is_not_credible() -> None:
    # One killed against 14 (a misread age, a quoted statistic): not an update of the toll.
    counts = reconcile_counts([ev("a", **killed(1, 1, 1)), ev("b", **killed(14, 14, 14))])
    assert (counts["killed_low"], counts["killed_best"], counts["killed_high"]) == (1, 1, 1)
    # A toll that doubles is an update.
    counts = reconcile_counts([ev("a", **killed(3, 3, 3)), ev("b", **killed(8, 8, 8))])
    assert counts["killed_best"] == 8


def test_a_corroborated_figure_beats_a_lone_higher_one() -> None:
    counts = reconcile_counts([ev(x, **killed(8, 8, 8)) for x in "ab"] + [ev("c", **killed(12, 12, 12))])
    assert (counts["killed_low"], counts["killed_best"], counts["killed_high"]) == (8, 8, 8)
    # No majority: the highest credible report.
    counts = reconcile_counts([ev(x, **killed(n, n, n)) for x, n in zip("abcd", (8, 8, 12, 12))])
    assert counts["killed_best"] == 12


def test_a_toll_far_above_every_other_count_of_victims_is_not_credible() -> None:
    # One source reads 100 killed where two others count a single wounded victim.
    wounded = {"injured_low": 1, "injured_best": 1, "injured_high": 1}
    counts = reconcile_counts([ev("a", **wounded), ev("b", **wounded), ev("c", **killed(100, 100, 100), **wounded)])
    assert counts["killed_best"] is None and counts["injured_best"] == 1
    # A toll within reach of the others' victims stands (three wounded, two of whom died).
    counts = reconcile_counts([ev("a", injured_low=3, injured_best=3, injured_high=3), ev("b", **killed(2, 2, 2))])
    assert counts["killed_best"] == 2


def test_a_wounded_victim_reported_dead_later_is_counted_once() -> None:
    wounded = {"injured_low": 1, "injured_best": 1, "injured_high": 1}
    counts = reconcile_counts([ev("a", **wounded), ev("b", **killed(1, 1, 1))])
    assert (counts["killed_best"], counts["injured_best"]) == (1, 0)
    # Three wounded, two of whom died: one is still wounded.
    counts = reconcile_counts([ev("a", injured_low=3, injured_best=3, injured_high=3), ev("b", **killed(2, 2, 2))])
    assert (counts["killed_best"], counts["injured_low"], counts["injured_best"], counts["injured_high"]) == (2, 1, 1, 1)
    # A source counting the dead and the wounded apart keeps both.
    counts = reconcile_counts([ev("a", **wounded), ev("b", **killed(1, 1, 1), **wounded)])
    assert (counts["killed_best"], counts["injured_best"]) == (1, 1)
    # An open count ("at least 3 wounded") is lowered but stays open.
    counts = reconcile_counts([ev("a", injured_low=3, injured_best=3, injured_high=None), ev("b", **killed(3, 3, 3))])
    assert (counts["injured_low"], counts["injured_best"], counts["injured_high"]) == (0, 0, None)


def test_silent_sources_do_not_lower_an_outcome() -> None:
    injured = {"injured_low": 5, "injured_best": 5, "injured_high": 5}
    counts = reconcile_counts([ev("a", **injured), ev("b")])
    assert counts["injured_best"] == 5
    assert counts["killed_best"] is None and counts["arrested_low"] is None


def test_the_latest_exact_report_is_the_update() -> None:
    def on(day: str, article: str, low: int, best: int, high: int | None) -> Event:
        return ev(article, published=dt.date.fromisoformat(day), **killed(low, best, high))

    # A later story corrects an earlier count, downwards too ("four shot, one dead": three wounded).
    # The earlier figure stays the upper bound of the range.
    counts = reconcile_counts([on("2023-03-04", "a", 4, 4, 4), on("2023-03-06", "b", 3, 3, 3)])
    assert (counts["killed_low"], counts["killed_best"], counts["killed_high"]) == (3, 3, 4)
    counts = reconcile_counts([on("2023-03-06", "a", 4, 4, 4), on("2023-03-04", "b", 3, 3, 3)])
    assert counts["killed_best"] == 4
    # Reports of one day (or undated): the highest; a vague floor above the latest still raises it.
    counts = reconcile_counts([on("2023-03-04", "a", 4, 4, 4), on("2023-03-04", "b", 3, 3, 3)])
    assert counts["killed_best"] == 4
    counts = reconcile_counts([on("2023-03-04", "a", 6, 6, None), on("2023-03-06", "b", 3, 3, 3)])
    assert (counts["killed_low"], counts["killed_best"], counts["killed_high"]) == (6, 6, None)
    # The merged event keeps its latest source's day.
    merged = merge_events([on("2023-03-04", "a", 4, 4, 4), on("2023-03-06", "b", 3, 3, 3)])
    assert [(e.killed_best, e.published) for e in merged] == [(3, dt.date(2023, 3, 6))]


def test_a_later_report_far_below_another_is_no_update() -> None:
    # "Nobody else died" after two reports of 14 and 20 dead counts something else.
    def on(day: str, article: str, n: int) -> Event:
        return ev(article, published=dt.date.fromisoformat(day), **killed(n, n, n))

    counts = reconcile_counts([on("2023-03-04", "a", 14), on("2023-03-05", "b", 20), on("2023-03-06", "c", 0)])
    assert counts["killed_best"] == 20
    # One victim, then none (a misread, or another incident's report): within reach, an update.
    counts = reconcile_counts([on("2023-03-04", "a", 1), on("2023-03-06", "b", 0)])
    assert counts["killed_best"] == 0


def test_the_wounded_are_the_fewest_credible_report() -> None:
    def on(day: str, article: str, n: int) -> Event:
        return ev(article, published=dt.date.fromisoformat(day), injured_low=n, injured_best=n, injured_high=n)

    # "Four shot" read as four wounded, then "three wounded": the dead were among the shot,
    # whichever report came first.
    for days in (("2023-03-04", "2023-03-05"), ("2023-03-05", "2023-03-04")):
        counts = reconcile_counts([on(days[0], "a", 4), on(days[1], "b", 3)])
        assert (counts["injured_low"], counts["injured_best"], counts["injured_high"]) == (3, 3, 4)
    # ...but "nobody hurt" after 14 and 20 wounded is no count of the same victims.
    counts = reconcile_counts([on("2023-03-04", "a", 14), on("2023-03-05", "b", 20), on("2023-03-06", "c", 0)])
    assert counts["injured_best"] == 14
    # A report of none wounded within reach of one or two wounded is the count down to none
    # (the wounded died, or were told apart as unhurt).
    counts = reconcile_counts([on("2023-03-04", "a", 2), on("2023-03-05", "b", 0)])
    assert counts["injured_best"] == 0
