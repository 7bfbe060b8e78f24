"""Clustering: records taken most precise first, each joining the best-scoring cluster it is
compatible with (every member) and linked to (one member at least), else starting its own;
candidates come from a block index by day and place (`pipeline.events.blocks`) and by rare
word, so the cost grows with the events reported near one place in a few days, not with the
batch. `merge_events` is the stage's entry point.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.bulk import collector_paused
from pipeline.events.blocks import BlockIndex, Blocks
from pipeline.events.counts import combine
from pipeline.events.ledger import SPLIT, claim_rows, ledger_row
from pipeline.events.links import (
    YEAR_DAYS,
    anchor_names,
    compatible,
    day_gap,
    link_rule,
    place_relation,
    shares_name,
    sole_reports,
    text_over_dates,
    text_over_place,
    text_weight,
)
from pipeline.events.records import Record, event_articles, km, make_record
from pipeline.events.rules import OUTCOMES, MergeRules
from pipeline.events.text import WordWeights, outlet_words, strip_outlets, word_weights
from pipeline.schemas import Event

Weights = WordWeights
# Score of two records with the same place name and no coordinates to measure them by.
_SAME_NAME_SCORE = 0.5
# Score of the same event type, and of a shared actor name.
_TYPE_SCORE = _ACTOR_SCORE = 0.5


# The (low, high) field names of each outcome, spelled once: scoring reads them for every pair.
_BOUNDS = tuple((f"{outcome}_low", f"{outcome}_high") for outcome in OUTCOMES)


def _counts_agree(a: Event, b: Event) -> float:
    """Share of outcomes both report whose intervals overlap (1.0 when none is comparable)."""
    compared = agreed = 0
    for low, high in _BOUNDS:
        la, lb = getattr(a, low), getattr(b, low)
        if la is None or lb is None:
            continue
        ha, hb = getattr(a, high), getattr(b, high)
        compared += 1
        if (ha is None or lb <= ha) and (hb is None or la <= hb):
            agreed += 1
    return agreed / compared if compared else 1.0


def _score(a: Record, b: Record, weights: Weights, rules: MergeRules) -> float:
    """How alike two compatible records are; only ranks candidate clusters."""
    distance = km(a, b)
    # A follow-up story weeks after its incident scores nothing for dates, not less.
    score = max(0.0, 1.0 - day_gap(a, b) / (rules.merge_days + 1))
    if distance is not None:
        score += max(0.0, 1.0 - distance / rules.merge_km)
    else:
        score += _SAME_NAME_SCORE if a.location == b.location else 0.0
    score += _counts_agree(a.event, b.event)
    score += _TYPE_SCORE if a.event.event_type == b.event.event_type else 0.0
    score += _ACTOR_SCORE if a.actor_names & b.actor_names else 0.0
    score += min(1.0, text_weight(a, b, weights) / (2 * rules.text_min))
    return score


def set_crowds(records: Sequence[Record], *, rules: MergeRules) -> None:
    """Set each record's `crowd`: how many records of other articles are near it and on close
    dates, whatever their counts and victims (the town's other incidents of those days: a
    report of a woman shot is not one of a man shot, but tells that the town had two
    shootings, and a third report that describes neither victim may be either's)."""
    blocks = Blocks()
    for n, rec in enumerate(records):
        blocks.file(rec, n)
    for n, rec in enumerate(records):
        if not rec.location:
            continue  # near needs two places: a record without one has no crowd
        # Near is the same name, or two sets of coordinates within merge_km: its own blocks.
        seen = blocks.near_look_up(rec, rules)
        seen.discard(n)
        # Near places are never apart: compatibility need not measure them again.
        near = [records[m] for m in seen if records[m].location
                and place_relation(rec, records[m], rules=rules) == "near"
                and compatible(rec, records[m], rules=rules, places=False, counts=False)]
        rec.crowd = len(near)
        # Stated incident days among them (its own too): two or more, two incidents nearby.
        rec.stated_days = len({r.low for r in (rec, *near) if r.incident_day})


@dataclass
class _Cluster:
    members: list[Record] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    # The days its members' incidents may lie on (a follow-up story's reach back included).
    first: int = 0
    last: int = 0
    # The merge ledger's rows of the members that joined it (see `pipeline.events.ledger`).
    joins: list[dict] = field(default_factory=list)
    # The hull of its members' own date intervals, and the union of their words: bounds that
    # rule a cluster out without visiting its members (see `_Clustering.linkable`).
    low: int = 0
    high: int = 0
    words: set[str] = field(default_factory=set)
    # Its members that are their articles' only events (see `_Clustering.bridges`), and the
    # same sorted by their first day (`lows`, ascending), with the longest date interval among
    # them: the ones whose dates come within a window are a slice (`_Clustering.linkable`).
    alone_members: list[Record] = field(default_factory=list)
    alone_by_low: list[Record] = field(default_factory=list)
    lows: list[int] = field(default_factory=list)
    longest: int = 0

    def add_alone(self, rec: Record) -> None:
        """Keep a member that is its article's only event among the bridges."""
        self.alone_members.append(rec)
        at = bisect_right(self.lows, rec.low)
        self.lows.insert(at, rec.low)
        self.alone_by_low.insert(at, rec)
        self.longest = max(self.longest, rec.high - rec.low)


def _within(cluster: _Cluster, low: int, high: int, days: int) -> bool:
    """Whether a cluster's members' dates (its hull) come within `days` of the interval."""
    return cluster.low - days <= high and cluster.high + days >= low


@dataclass
class _Clustering:
    """The clusters built so far and their indexes."""

    rules: MergeRules
    weights: Weights
    clusters: list[_Cluster] = field(default_factory=list)
    blocks: Blocks = field(default_factory=Blocks)  # block key or grid cell -> clusters
    by_word: BlockIndex = field(default_factory=lambda: defaultdict(list))  # rare word -> clusters

    def earliest(self, rec: Record) -> int:
        """The first day a record's incident may lie on (earlier for a follow-up story)."""
        return rec.low - self.rules.follow_up_days if rec.follow_up else rec.low

    def candidates(self, rec: Record) -> set[int]:
        """The clusters a record may join: those of its blocks, and, as places apart or a
        follow-up story and its incident may still be one incident when the text says so (see
        `compatible`), clusters sharing a rare word whose days the record may reach; dates
        apart, only one with a member sharing `text_over_dates`."""
        found = self.blocks.look_up(rec, self.rules)
        reach = (self.earliest(rec) - self.rules.day_reach, rec.high + self.rules.day_reach)
        # `text_over_dates` needs a full personal name the two share, and dates within its
        # widest window: a cluster with none of the record's names, or no member that close,
        # has no member it holds for (bounds, not rules: the links are the same).
        names = anchor_names(rec.words, self.weights, rules=self.rules)
        far = max(self.rules.text_days, *YEAR_DAYS)
        for c in {c for word in rec.keywords for c in self.by_word.get(word, ())} - found:
            cluster = self.clusters[c]
            if (cluster.first <= reach[1] and cluster.last >= reach[0]) or (
                names
                and not names.isdisjoint(cluster.words)
                and _within(cluster, rec.low, rec.high, far)
                and any(text_over_dates(rec, m, self.weights, rules=self.rules) for m in cluster.members)
            ):
                found.add(c)
        return found

    def fits(self, rec: Record, cluster: _Cluster) -> bool:
        """Whether a record may join a cluster: compatible with every member, linked to one."""
        rules, weights = self.rules, self.weights
        if not cluster.articles.isdisjoint(rec.articles):
            return False
        # Most candidates link to no member: test that first. Compatibility with every member
        # needs the waivers below only when a member contradicts the record.
        if not any(link_rule(rec, m, weights, rules=rules) for m in self.linkable(rec, cluster)):
            return False
        if all(compatible(rec, m, weights, rules=rules) for m in cluster.members):
            return True
        # A toll at odds with a member's is a misread (an age, a year's statistic) when the
        # record shares many rare words with one member: the count policy sets it aside. So
        # are places or dates at odds with the other members when the record and one member
        # share a full personal name (`shares_name`) and as many rare words as outweigh that
        # contradiction between them: the record's place or date is the misread one. Common
        # words never waive a contradiction with members they do not join.
        echoed = [m for m in cluster.members
                  if sole_reports(rec, m) and text_over_place(rec, m, weights, rules=rules)]
        check_counts = not echoed
        check_places = not any(shares_name(rec, m, weights, rules=rules) for m in echoed)
        check_dates = not any(text_over_dates(rec, m, weights, rules=rules) for m in cluster.members)
        return all(
            compatible(rec, m, weights, rules=rules, counts=check_counts, dates=check_dates, places=check_places)
            for m in cluster.members
        )

    def linkable(self, rec: Record, cluster: _Cluster) -> list[Record]:
        """The bridges (see `bridges`) that `link_rule` may link a record to, in no particular
        order: all of them when the record shares words weighing `far_text_min` with the
        cluster's members together, else only those whose dates are close (within
        `day_reach`), as nothing else can link two reports whose dates are not close. A bound,
        not a rule: the links are the same."""
        rules = self.rules
        # day_gap(rec, m) <= day_reach, written out: this runs for every member of every
        # candidate cluster.
        first, last = rec.low - rules.day_reach, rec.high + rules.day_reach
        if first <= cluster.low and cluster.high <= last:
            return self.bridges(cluster)  # every member's dates are close: no words to weigh
        if len(cluster.members) == 1:
            close = cluster.members if cluster.low <= last and cluster.high >= first else []
        else:
            # A bridge whose dates reach `first` starts `longest` days before it at the earliest.
            start = bisect_left(cluster.lows, first - cluster.longest)
            close = [m for m in cluster.alone_by_low[start:bisect_right(cluster.lows, last)] if m.high >= first]
        if len(close) == len(self.bridges(cluster)):
            return close  # every bridge is close: no words to weigh
        if sum(self.weights.get(w, 0.0) for w in rec.words & cluster.words) >= rules.far_text_min:
            return self.bridges(cluster)
        return close

    @staticmethod
    def bridges(cluster: _Cluster) -> list[Record]:
        """The members a record may join a cluster through: a round-up's record (one of several
        events of its article) only while it is alone in its cluster, so that a round-up of a
        weekend's shootings never glues the reports of its incidents together."""
        if len(cluster.members) == 1:
            return cluster.members
        return cluster.alone_members

    def best(self, rec: Record) -> tuple[int, list[float]] | None:
        """The best-scoring cluster a record fits, with the record's score against each of its
        members, or None."""
        best: tuple[int, list[float]] | None = None
        best_score = -1.0
        for c in sorted(self.candidates(rec)):
            cluster = self.clusters[c]
            if not self.fits(rec, cluster):
                continue
            scores = [_score(rec, m, self.weights, self.rules) for m in cluster.members]
            score = sum(scores) / len(scores)
            if score > best_score:
                best, best_score = (c, scores), score
        return best

    def _note_join(self, rec: Record, cluster: _Cluster, scores: list[float]) -> None:
        """Write the ledger row of `rec` joining `cluster`: its most alike linked member among
        those that may bridge the cluster (`scores`: the record's score against each member)."""
        rules, weights = self.rules, self.weights
        bridges = {id(m) for m in self.linkable(rec, cluster)}
        # Most alike first (ties: the earliest member); the first one linked is the row's, so
        # the members below it need no link test (a large cluster has many).
        ranked = sorted((n for n, m in enumerate(cluster.members) if id(m) in bridges), key=lambda n: (-scores[n], n))
        for n in ranked:
            member = cluster.members[n]
            if rule := link_rule(rec, member, weights, rules=rules):
                cluster.joins.append(ledger_row(rec, member, rule, weights, rules=rules))
                return

    def add(self, rec: Record) -> int:
        """Put a record in its best cluster (or a new one) and index it; the cluster's number."""
        found = self.best(rec)
        if found is None:
            best = len(self.clusters)
            self.clusters.append(_Cluster(first=self.earliest(rec), last=rec.high, low=rec.low, high=rec.high))
        else:
            best = found[0]
            self._note_join(rec, self.clusters[best], found[1])
        cluster = self.clusters[best]
        cluster.first, cluster.last = min(cluster.first, self.earliest(rec)), max(cluster.last, rec.high)
        cluster.low, cluster.high = min(cluster.low, rec.low), max(cluster.high, rec.high)
        cluster.words |= rec.words
        cluster.members.append(rec)
        if rec.alone:
            cluster.add_alone(rec)
        cluster.articles |= rec.articles
        for word in rec.keywords:
            keyed = self.by_word[word]
            if not keyed or keyed[-1] != best:
                keyed.append(best)
        self.blocks.file(rec, best)
        return best


def _own_words(records: Sequence[Record]) -> None:
    """Leave out of each record's rare words those another event of its article also has: a
    round-up's headline and the names it gives belong to the article, not to one of its
    incidents, and would tie each incident to the reports of the others."""
    by_article: dict[frozenset[str], list[Record]] = defaultdict(list)
    for rec in records:
        by_article[rec.articles].append(rec)
    for siblings in by_article.values():
        if len(siblings) < 2:
            continue
        seen = Counter(w for rec in siblings for w in rec.words)
        for rec in siblings:
            rec.words = frozenset(w for w in rec.words if seen[w] == 1)


def _mergeable(events: Sequence[Event], rules: MergeRules,
               made: Sequence[Record | None] | None = None) -> tuple[list[tuple[int, Record]], Weights]:
    """The records of the events precise enough to merge (`made`, when given, holds each
    event's `make_record`), most precise first, with their batch features set (outlet words
    stripped, crowds, whether alone in their article, rarest words), and the batch's word
    weights."""
    records = enumerate(made if made is not None else [make_record(e, rules=rules) for e in events])
    mergeable = sorted(
        ((i, r) for i, r in records if r is not None),
        key=lambda ir: (ir[1].precision, not ir[1].fine, ir[1].low, ir[1].high, ir[1].event.event_id),
    )
    outlets = outlet_words(r.event.notes for _, r in mergeable)
    memo: dict[str, bool] = {}
    for _, rec in mergeable:
        rec.words = strip_outlets(rec.words, outlets, memo)
        rec.all_words = strip_outlets(rec.all_words, outlets, memo)
    _own_words([r for _, r in mergeable])
    weights = word_weights((r.words for _, r in mergeable), person_weight=rules.person_weight)
    set_crowds([r for _, r in mergeable], rules=rules)
    per_article = Counter(event_articles(e) for e in events)
    rare = rare_times([r for _, r in mergeable], rules=rules)
    for _, rec in mergeable:
        rec.alone = per_article[rec.articles] == 1
        rec.keywords = frozenset(w for w in rec.words if weights.get(w, 0.0) >= rules.keyword_min)
        rec.rare_times = rec.times & rare
    return mergeable, weights


def rare_times(records: Sequence[Record], *, rules: MergeRules) -> frozenset[str]:
    """The clock times that at most `time_share` of the records giving a time give (each article
    once: the events of one article share its times). Of those giving one, not of all: a batch
    of news without times (a wire service's) makes no hour of a city's shootings rarer."""
    by_article = {r.articles: r.times for r in records if r.times}
    given = Counter(t for times in by_article.values() for t in times)
    most = rules.time_share * len(by_article)
    return frozenset(t for t, n in given.items() if n <= most)


def _cluster(events: Sequence[Event], rules: MergeRules,
             made: Sequence[Record | None] | None = None) -> list[tuple[list[Event], list[dict]]]:
    """Groups of events that are one real-world event (singletons included), in input order of
    their first member, each with the ledger rows of its joins (`made`: see `_mergeable`)."""
    mergeable, weights = _mergeable(events, rules, made)
    built = _Clustering(rules=rules, weights=weights)
    owner = {i: built.add(rec) for i, rec in mergeable}  # event index -> cluster index
    groups: dict[object, list[Event]] = {}
    for i, event in enumerate(events):
        key: object = ("c", owner[i]) if i in owner else ("e", i)
        groups.setdefault(key, []).append(event)
    return [
        (group, built.clusters[key[1]].joins if key[0] == "c" else [])  # type: ignore[index]
        for key, group in groups.items()
    ]


def cluster_events(events: Sequence[Event], *, rules: MergeRules = MergeRules()) -> list[list[Event]]:
    """Groups of events that are one real-world event (singletons included), in input order of
    their first member. A record joins the best-scoring cluster it is linked to (through one
    member at least) and compatible with (every member), else starts its own."""
    return [group for group, _ in _cluster(events, rules)]


def merge_events(
    events: Sequence[Event],
    *,
    rules: MergeRules = MergeRules(),
    ledger: list[dict] | None = None,
    split: frozenset[str] = frozenset(),
    claims: list[dict] | None = None,
    records: Sequence[Record | None] | None = None,
) -> list[Event]:
    """Merge the event records of different articles that report the same real-world event;
    each merged event keeps its sources (`n_sources`, `article_ids`) and reconciled counts.
    `ledger`, when given, receives a row per report joined to an event (see
    `pipeline.events.ledger`); a merged event whose id is in `split` is kept as its reports'
    own events (its rows say "split"); `claims`, when given, receives the claims ledger of each
    merged event (`ledger.claim_rows`). `records`, when given, holds each event's merge record
    (`records.make_record` with the same `rules`, made where the events were built: worker
    processes), which merging then changes."""
    if records is not None and len(records) != len(events):
        raise ValueError(f"{len(records)} merge records for {len(events)} events")
    out: list[Event] = []
    with collector_paused():  # (see `pipeline.bulk`: a batch's records hold no cycles)
        for group, joins in _cluster(events, rules, records):
            merged = combine(group, rules=rules)
            apart = merged.event_id in split and len(group) > 1
            if apart:
                out.extend(group)  # each report its own event, as an article's events are built
            else:
                out.append(merged)
                if claims is not None and len(group) > 1:
                    claims.extend(claim_rows(group, merged, rules=rules))
            if ledger is not None:
                ledger.extend({**row, "event_id": merged.event_id, **({"decision": SPLIT} if apart else {})}
                              for row in joins)
    return out
