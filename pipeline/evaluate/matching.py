"""Pairing the predicted events of an article with its gold events, one to one, by the
highest total agreement (`pair_score`; see the package docstring)."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.evaluate.values import (
    _event_km,
    _same_country,
    _same_location,
    _to_date,
    count_distance,
    date_distance,
    gold_interval,
    predicted_count,
)

# Exact assignment search costs 2**k; above this many events on both sides, pair greedily.
_EXACT_PAIRING_MAX = 12


def pair_score(gold: dict, pred: dict) -> float:
    """How well a predicted event agrees with a gold event on type, date and place (see module
    docstring); only used to choose pairs."""
    score = 0.0
    if gold.get("event_type") and pred.get("event_type") == gold["event_type"]:
        score += 2.0
        if gold.get("sub_event_type") and pred.get("sub_event_type") == gold["sub_event_type"]:
            score += 1.0
    interval = gold_interval(gold.get("date"))
    day = _to_date(pred.get("event_date"))
    if interval and day:
        distance = date_distance(day, interval)
        score += 1.0 if distance == 0 else 0.5 if distance <= 7 else 0.0
    km = _event_km(gold, pred)
    if (km is not None and km <= 25) or _same_location(gold, pred):
        score += 1.0
    elif _same_country(gold, pred):
        score += 0.5
    for outcome in ("killed", "injured"):
        if gold.get(outcome) and count_distance(predicted_count(pred, outcome), gold[outcome]) == 0:
            score += 0.25
    if not gold.get("optional"):
        score += 0.01
    return score


def _assign_exact(scores: list[list[float]]) -> list[tuple[int, int]]:
    # Rows are the smaller side; dynamic programming over the set of rows already used, column by
    # column, maximising (number of pairs, total score).
    n_rows = len(scores)
    n_cols = len(scores[0]) if scores else 0
    best: dict[int, tuple[int, float, tuple[tuple[int, int], ...]]] = {0: (0, 0.0, ())}
    for c in range(n_cols):
        nxt = dict(best)
        for mask, (count, total, pairs) in best.items():
            for r in range(n_rows):
                if mask & (1 << r):
                    continue
                cand = (count + 1, total + scores[r][c], pairs + ((r, c),))
                key = mask | (1 << r)
                old = nxt.get(key)
                if old is None or cand[:2] > old[:2]:
                    nxt[key] = cand
        best = nxt
    winner = max(best.values(), key=lambda v: (v[0], v[1]))
    return list(winner[2])


def _assign_greedy(scores: list[list[float]]) -> list[tuple[int, int]]:
    cells = sorted(
        ((s, r, c) for r, row in enumerate(scores) for c, s in enumerate(row)),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    used_r: set[int] = set()
    used_c: set[int] = set()
    pairs = []
    for _, r, c in cells:
        if r not in used_r and c not in used_c:
            used_r.add(r)
            used_c.add(c)
            pairs.append((r, c))
    return pairs


def pair_events(golds: Sequence[dict], preds: Sequence[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) with the highest total `pair_score`."""
    if not golds or not preds:
        return []
    scores = [[pair_score(g, p) for p in preds] for g in golds]
    transposed = len(golds) > len(preds)
    if transposed:
        scores = [list(col) for col in zip(*scores)]
    if len(scores) <= _EXACT_PAIRING_MAX:
        pairs = _assign_exact(scores)
    else:
        pairs = _assign_greedy(scores)
    if transposed:
        pairs = [(c, r) for r, c in pairs]
    return sorted(pairs)
