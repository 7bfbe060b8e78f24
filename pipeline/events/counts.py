"""Count reconciliation: one event's figures from its sources' reports (the count policy of
`pipeline.events`: never a sum, the latest credible report, the fewest for the injured), and
`combine`, which makes one event of a cluster's records.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence

from pipeline.events.records import is_follow_up, parse_ages
from pipeline.events.rules import FEWEST_OUTCOMES, OUTCOMES, VICTIM_OUTCOMES, MergeRules
from pipeline.events.text import norm
from pipeline.schemas import Event

# One report of an outcome: (low, best, high), high None when open ("at least 8").
Report = tuple[int, int, int | None]

_DATE_FIELDS = ("event_date", "date_low", "date_high", "time_precision")
_PLACE_FIELDS = (
    "country", "iso2", "iso3", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
)
_ACTOR_FIELDS = ("actor1", "inter1", "actor2", "inter2", "interaction")
# Sort keys of a missing time or geo precision: after every real one.
_NO_PRECISION = 9


def interval(event: Event, outcome: str) -> Report | None:
    """A report's (low, best, high) of one outcome (low and best filled from each other), or
    None when it gives no figure."""
    low = getattr(event, f"{outcome}_low")
    best = getattr(event, f"{outcome}_best")
    high = getattr(event, f"{outcome}_high")
    if low is None and best is None:
        return None
    low = low if low is not None else best
    best = best if best is not None else low
    return low, best, high


def within_reach(figure: int, of: int, *, rules: MergeRules) -> bool:
    """Whether `figure` is no outlier above another source's `of` (`credible_factor`,
    `credible_slack`): a toll may double between reports, not leap."""
    return figure <= rules.credible_factor * of + rules.credible_slack


def victims(event: Event) -> int | None:
    """The victims (killed plus injured, best figures) an event's source counts, or None."""
    counts = [getattr(event, f"{o}_best") for o in VICTIM_OUTCOMES]
    return None if all(c is None for c in counts) else sum(c or 0 for c in counts)


def credible(reports: list[Report], witnesses: Sequence[int] = (), *, rules: MergeRules) -> list[Report]:
    """The credible reports of one outcome (low, best, high), see the package docstring: not
    outliers, and only the most corroborated figure when more sources give it than any other.
    `witnesses` are the victim totals of the sources silent on this outcome: they cannot raise
    or lower it, but a figure far above every other source's count is not credible."""
    if len(reports) + len(witnesses) < 2:
        return reports
    # A toll may double between reports; a leap from 1 to 14 is more often a misread age or a
    # statistic than an update.
    near = [
        r
        for i, r in enumerate(reports)
        if any(within_reach(r[0], w[1], rules=rules) for j, w in enumerate(reports) if j != i)
        or any(within_reach(r[0], w, rules=rules) for w in witnesses)
    ]
    ranked = Counter(r[1] for r in near).most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return [r for r in near if r[1] == ranked[0][0]]
    return near


def _outcome(events: Sequence[Event], outcome: str, rules: MergeRules) -> tuple[int | None, ...]:
    """(low, best, high) of one outcome over its sources' credible reports."""
    intervals = [interval(e, outcome) for e in events]
    reports = [r for r in intervals if r is not None]
    witnesses: list[int] = []
    if outcome in VICTIM_OUTCOMES:
        totals = (victims(e) for e, r in zip(events, intervals) if r is None)
        witnesses = [t for t in totals if t is not None]
    reports = credible(reports, witnesses, rules=rules)
    if not reports:
        return None, None, None
    # Equal reports are alike in credibility: membership by value is enough.
    dated = [(e.published or dt.date.min, r) for e, r in zip(events, intervals) if r is not None and r in reports]
    exact = [(day, r[1]) for day, r in dated if r[2] is not None and r[0] == r[2]]
    vague = [r[0] for _, r in dated if r[2] is None or r[0] != r[2]]
    # Only a report no other report dwarfs can be the update (the credibility rule turned
    # round: "none hurt" after twenty wounded counts something else). The dead are the
    # latest report's (the highest among one day's); the wounded the fewest such a report
    # gives, as they are counted down (the dead told apart from "four shot", bystanders
    # from victims). A vague report ("at least 12") still stands as a floor.
    figures = [r[0] for _, r in dated]
    updates = [(day, n) for day, n in exact if all(within_reach(f, n, rules=rules) for f in figures)] or exact
    if not updates:
        chosen = None
    elif outcome in FEWEST_OUTCOMES:
        chosen = min(n for _, n in updates)
    else:
        chosen = max(updates)[1]
    best = low = max(x for x in (chosen, *vague) if x is not None)
    # "At least N" states no upper bound; a stated bound below the floor is outdated.
    highs = [r[2] for r in reports if r[2] is not None and r[2] >= best]
    return low, best, max(highs) if highs else None


def reconcile_counts(events: Sequence[Event], *, rules: MergeRules = MergeRules()) -> dict[str, int | None]:
    """Counts of one event from its sources' reports, by the policy of the package docstring:
    never a sum; the latest credible report (the fewest for the injured)."""
    out: dict[str, int | None] = {}
    for outcome in OUTCOMES:
        low, best, high = _outcome(events, outcome, rules)
        out.update({f"{outcome}_low": low, f"{outcome}_best": best, f"{outcome}_high": high})
    _cap_injured(out, events)
    out["fatalities"] = out["killed_best"]
    return out


def _cap_injured(out: dict[str, int | None], events: Sequence[Event]) -> None:
    """Lower the injured figures so that killed plus injured is no more than the most victims
    any one source counts: a victim an early report calls wounded and a later one dead is one
    victim, counted as killed."""
    totals = [t for t in (victims(e) for e in events) if t is not None]
    killed = out.get("killed_best")
    if not totals or killed is None or out.get("injured_best") is None:
        return
    room = max(max(totals) - killed, 0)
    for key in ("injured_low", "injured_best", "injured_high"):
        if out[key] is not None and out[key] > room:
            out[key] = room


def _mode(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _by_date_and_place(events: Sequence[Event]) -> tuple[list[Event], list[Event]]:
    """The events ordered by how well they date (most precise, not follow-ups, most voted,
    earliest) and how well they place (coordinates, most precise, most voted)."""
    # Among equally precise sources, the date (place) most sources give: "Sunday night" and
    # "early Monday" split the vote, and the majority is more often right than the earliest.
    date_votes: Counter = Counter()
    place_votes: Counter = Counter()
    for e in events:
        date_votes[(e.time_precision, e.event_date)] += e.n_sources
        place_votes[norm(e.location)] += e.n_sources
    # A follow-up story's date is its own day, after the incident's: among equally precise
    # dates, the other sources' come first.
    by_date = sorted(
        events,
        key=lambda e: (
            e.time_precision or _NO_PRECISION,
            is_follow_up(e),
            -date_votes[(e.time_precision, e.event_date)],
            e.event_date or dt.date.max,
            e.event_id,
        ),
    )
    by_place = sorted(
        events,
        key=lambda e: (
            e.latitude is None, e.geo_precision or _NO_PRECISION, -place_votes[norm(e.location)], e.event_id,
        ),
    )
    return by_date, by_place


def _joined_union(values: Iterable[str | None]) -> str | None:
    """The sorted union of ";"-joined values (persons, street blocks, clock times), joined again."""
    return ";".join(sorted({v for value in values for v in (value or "").split(";") if v})) or None


def combine(events: Sequence[Event], *, rules: MergeRules = MergeRules()) -> Event:
    """One event from the records of its sources (see the package docstring for each column)."""
    if len(events) == 1:
        return events[0]
    by_date, by_place = _by_date_and_place(events)
    fields: dict[str, object] = {name: getattr(by_date[0], name) for name in _DATE_FIELDS}
    fields.update({name: getattr(by_place[0], name) for name in _PLACE_FIELDS})
    event_type = _mode(e.event_type for e in by_date)
    fields["event_type"] = event_type
    fields["sub_event_type"] = _mode(e.sub_event_type for e in by_date if e.event_type == event_type)
    with_actors = [e for e in by_date if e.actor1]
    fields.update({name: getattr(with_actors[0], name) for name in _ACTOR_FIELDS} if with_actors else {})
    fields.update(reconcile_counts(events, rules=rules))
    ids = sorted({a for e in events for a in e.article_ids.split(";") if a})
    in_article_order = sorted(events, key=lambda e: e.article_ids)
    sources = list(dict.fromkeys(s for e in in_article_order if e.source for s in e.source.split(";")))
    evidence = list(dict.fromkeys(e.evidence for e in by_date if e.evidence))[: rules.max_evidence]
    fields.update(
        event_id=min(e.event_id for e in events),
        source=";".join(sources) or None,
        notes=by_date[0].notes,
        n_sources=len(ids),
        article_ids=";".join(ids),
        evidence=" | ".join(evidence) or None,
        persons=_joined_union(e.persons for e in events),
        victim_ages=";".join(map(str, sorted(set().union(*(parse_ages(e.victim_ages) for e in events))))) or None,
        victim_sexes=_joined_union(e.victim_sexes for e in events),
        street_blocks=_joined_union(e.street_blocks for e in events),
        clock_times=_joined_union(e.clock_times for e in events),
        published=max((e.published for e in events if e.published), default=None),
    )
    return Event(**fields)
