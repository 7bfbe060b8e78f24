"""The aggregate stage: build the events of each article from its facts.

`build_article_events` is the composition; each field's policy lives with its fact kind
(`triggers.split_events`, `geo.event_location`, `dates.event_date`, `casualties.reconcile`,
`actors.event_actors`), so improving one kind never touches the others.
"""

from __future__ import annotations

from pipeline import actors, casualties, dates, geo, triggers
from pipeline.schemas import (
    ActorFact,
    Article,
    CasualtyFact,
    DateFact,
    Event,
    Fact,
    PlaceFact,
)


def _of(kind: type, facts: list[Fact]) -> list:
    return [f for f in facts if isinstance(f, kind)]


def build_article_events(article: Article, facts: list[Fact]) -> list[Event]:
    """The events one article reports, with place, date, type, actors and reconciled counts."""
    all_places = _of(PlaceFact, facts)
    events: list[Event] = []
    for i, (event_type, sub_event_type, group) in enumerate(triggers.split_events(facts), start=1):
        fields: dict[str, object] = {
            "event_id": f"{article.id}#{i}",
            "event_type": event_type,
            "sub_event_type": sub_event_type,
            "source": article.source,
            "notes": article.title,
            "article_ids": article.id,
        }
        fields.update(geo.event_location(_of(PlaceFact, group), all_places))
        fields.update(dates.event_date(_of(DateFact, group), article.published))
        fields.update(casualties.reconcile(_of(CasualtyFact, group)))
        fields.update(actors.event_actors(_of(ActorFact, group), event_type))
        evidence = [f.sentence for f in group if f.kind in ("casualty", "trigger")]
        fields["evidence"] = evidence[0] if evidence else None
        events.append(Event(**fields))
    return events
