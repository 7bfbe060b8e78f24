"""The counts behind the metrics (`Tally`) and the metrics dict computed from them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pipeline.evaluate.names import _DATED, ACCURACY_FIELDS, COUNT_FIELDS, DATE_FIELDS, FACT_KINDS


@dataclass
class Tally:
    """Counts behind the metrics of one file; tallies add up into the overall figures."""

    acc: dict[str, list[float]] = field(default_factory=dict)  # field -> [right, n, unpaired]
    mae: dict[str, float] = field(default_factory=dict)  # count field -> summed distance
    events: list[int] = field(default_factory=lambda: [0, 0, 0])  # tp, fp, fn
    clusters: list[int] = field(default_factory=lambda: [0, 0, 0])  # tp, fp, fn pairs
    sub_types: list[tuple[str, str | None]] = field(default_factory=list)  # (gold, predicted)
    facts: dict[str, list[int]] = field(default_factory=dict)  # kind -> [p_ok, p_n, g_ok, g_n]
    # articles whose gold says `events: []`, by section ("" when none): [articles, predicted events]
    negatives: dict[str, list[int]] = field(default_factory=dict)
    # the events predicted on those articles, by event type ("untyped" when none)
    false_types: Counter[str] = field(default_factory=Counter)
    articles: int = 0

    def add(self, other: Tally) -> Tally:
        """Add another tally's counts into this one."""
        for name, values in other.acc.items():
            mine = self.acc.setdefault(name, [0, 0, 0])
            for i, v in enumerate(values):
                mine[i] += v
        for name, v in other.mae.items():
            self.mae[name] = self.mae.get(name, 0.0) + v
        self.events = [a + b for a, b in zip(self.events, other.events)]
        self.clusters = [a + b for a, b in zip(self.clusters, other.clusters)]
        self.sub_types.extend(other.sub_types)
        for kind, values in other.facts.items():
            mine = self.facts.setdefault(kind, [0, 0, 0, 0])
            for i, v in enumerate(values):
                mine[i] += v
        for section, (n, k) in other.negatives.items():
            mine = self.negatives.setdefault(section, [0, 0])
            mine[0] += n
            mine[1] += k
        self.false_types.update(other.false_types)
        self.articles += other.articles
        return self

    def hit(self, name: str, right: bool) -> None:
        """One scored gold item of an accuracy field."""
        slot = self.acc.setdefault(name, [0, 0, 0])
        slot[0] += int(right)
        slot[1] += 1

    def unpaired(self, name: str) -> None:
        """One annotated gold item without a predicted event."""
        self.acc.setdefault(name, [0, 0, 0])[2] += 1


def _ratio(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    # F1 = 2TP / (2TP + FP + FN): defined (0) even when nothing was predicted.
    f1 = _ratio(2 * tp, 2 * tp + fp + fn)
    return {"value": f1, "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn), "f1": f1}


def _f1_scores(pairs: list[tuple[str, str | None]]) -> tuple[float | None, float | None]:
    # Labels are those of the gold: a predicted label the gold never uses only lowers precision.
    support = Counter(g for g, _ in pairs)
    if not support:
        return None, None
    predicted = Counter(p for _, p in pairs)
    right = Counter(g for g, p in pairs if g == p)
    f1s = {}
    for label, n_gold in support.items():
        tp = right[label]
        p = tp / predicted[label] if predicted[label] else 0.0
        r = tp / n_gold
        f1s[label] = 2 * p * r / (p + r) if p + r else 0.0
    macro = sum(f1s.values()) / len(f1s)
    weighted = sum(f1s[k] * support[k] for k in f1s) / sum(support.values())
    return round(macro, 4), round(weighted, 4)


# false_events is given per this many articles whose gold reports no event.
PER_ARTICLES = 100


def _false_events(negatives: dict[str, list[int]], types: Counter[str]) -> dict[str, Any]:
    """Predicted events per 100 articles whose gold says `events: []` (every one a false
    alarm), overall, per section ("section_sport": ...) and per predicted event type
    ("type_battles": ..., "type_untyped", only the types predicted there): which kinds of false
    alarm a run raises; value None when there are none."""
    n = sum(a for a, _ in negatives.values())
    k = sum(e for _, e in negatives.values())
    entry: dict[str, Any] = {"value": _ratio(PER_ARTICLES * k, n), "n": n, "events": k}
    for section, (a, e) in sorted(negatives.items()):
        if section:
            entry[f"section_{section}"] = _ratio(PER_ARTICLES * e, a)
    for event_type, e in sorted(types.items()):
        entry[f"type_{event_type}"] = _ratio(PER_ARTICLES * e, n)
    return entry


def metrics(tally: Tally) -> dict[str, dict[str, Any]]:
    """The metrics dict M of one tally: field -> {"value": x, "n": k, ...}, every field present
    (value None when nothing was scored)."""
    out: dict[str, dict[str, Any]] = {}
    tp, fp, fn = tally.events
    out["events"] = {**_prf(tp, fp, fn), "n": tp + fn, "tp": tp, "fp": fp, "fn": fn}
    out["false_events"] = _false_events(tally.negatives, tally.false_types)
    tp, fp, fn = tally.clusters
    out["clusters"] = {**_prf(tp, fp, fn), "n": tp + fn, "tp": tp, "fp": fp, "fn": fn}
    for name in ACCURACY_FIELDS:
        right, n, unpaired = tally.acc.get(name, [0, 0, 0])
        entry: dict[str, Any] = {
            "value": _ratio(right, n),
            "n": int(n),
            "unpaired": int(unpaired),
            "recall": _ratio(right, n + unpaired),
        }
        if name in COUNT_FIELDS:
            entry["mae"] = _ratio(tally.mae.get(name, 0.0), n)
        if name in DATE_FIELDS:
            d_right, d_n, _ = tally.acc.get(f"{name}{_DATED}", [0, 0, 0])
            entry["dated"] = _ratio(d_right, d_n)
            entry["dated_n"] = int(d_n)
        out[name] = entry
    right = sum(1 for g, p in tally.sub_types if g == p)
    macro, weighted = _f1_scores(tally.sub_types)
    sub_unpaired = int(tally.acc.get("sub_event_type", [0, 0, 0])[2])
    out["sub_event_type"] = {
        "value": _ratio(right, len(tally.sub_types)),
        "macro_f1": macro,
        "weighted_f1": weighted,
        "n": len(tally.sub_types),
        "unpaired": sub_unpaired,
        "recall": _ratio(right, len(tally.sub_types) + sub_unpaired),
    }
    for kind in FACT_KINDS:
        p_ok, p_n, g_ok, g_n = tally.facts.get(kind, [0, 0, 0, 0])
        precision, recall = _ratio(p_ok, p_n), _ratio(g_ok, g_n)
        f1 = None
        if g_n:
            p, r = precision or 0.0, recall or 0.0
            f1 = round(2 * p * r / (p + r), 4) if p + r else 0.0
        out[f"facts_{kind}"] = {
            "value": f1, "precision": precision, "recall": recall, "f1": f1,
            "n": g_n, "predicted": p_n,
        }
    return out
