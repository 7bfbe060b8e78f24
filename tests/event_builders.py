"""Event records and facts built by hand for the tests of `pipeline.events` (not a test module)."""

from __future__ import annotations

import datetime as dt

from pipeline.events import merge_events
from pipeline.schemas import ActorFact, CasualtyFact, DateFact, Event


# Two cities 30 km apart (roughly one third of a degree of latitude), and a far one.
CITY = {"location": "Townsville", "latitude": 10.0, "longitude": 7.0}
NEAR = {"location": "Suburbia", "latitude": 10.1, "longitude": 7.05}  # ~12 km away
FAR30 = {"location": "Farton", "latitude": 10.27, "longitude": 7.0}  # ~30 km away


def ev(article: str, day: str = "2023-03-04", n: int = 1, **fields: object) -> Event:
    """A per-article event record as build_article_events makes it."""
    date = dt.date.fromisoformat(day)
    base: dict[str, object] = {
        "event_id": f"{article}#{n}",
        "event_date": date,
        "date_low": date,
        "date_high": date,
        "time_precision": 1,
        "event_type": "riots",
        "country": "Nigeria",
        "iso2": "NG",
        "iso3": "NGA",
        "admin1": "Kaduna",
        "geo_precision": 1,
        "source": f"{article}.txt",
        "article_ids": article,
        **CITY,
    }
    base.update(fields)
    return Event(**base)


def killed(low: int, best: int, high: int | None) -> dict[str, int | None]:
    return {"killed_low": low, "killed_best": best, "killed_high": high, "fatalities": best}


def by_articles(events: list[Event]) -> set[str]:
    return {e.article_ids for e in events}


def filler(n: int = 12) -> list[Event]:
    """Unrelated reports far away in time, each with its own headline, so that word rarity
    can be told."""
    words = ["alder", "birch", "cedar", "dogwood", "elm", "fir", "ginkgo", "hazel", "ivy", "juniper",
             "larch", "maple", "oak", "pine", "rowan", "spruce"]
    return [
        ev(f"z{i}", f"2022-0{1 + i % 9}-1{i % 9}", notes=f"Storm damage near the {words[i]} grove",
           location=f"Place{i}", latitude=20.0 + i, longitude=3.0)
        for i in range(n)
    ]


def merged_articles(events: list[Event]) -> set[str]:
    """The article_ids of the merged events with more than one source."""
    return {e.article_ids for e in merge_events(events) if e.n_sources > 1}


COUNTY = {"location": "Greene County", "admin2": "Greene County", "geo_precision": 2,
          "latitude": None, "longitude": None}


def date_fact(text: str, day: str, governor: str | None, role: str = "event") -> DateFact:
    d = dt.date.fromisoformat(day)
    return DateFact(text=text, sentence=text, char_start=0, char_end=len(text), date=d, date_low=d,
                    date_high=d, time_precision=1, role=role, governor=governor)  # fmt: skip


def actor_fact(name: str, actor_type: str | None = None, named: bool = True) -> ActorFact:
    return ActorFact(text=name, sentence=f"{name} said.", char_start=0, char_end=len(name),
                     actor_name=name, actor_type=actor_type, named=named)  # fmt: skip


def victims_fact(words: str) -> CasualtyFact:
    return CasualtyFact(text="was shot", sentence=f"{words} was shot.", char_start=0, char_end=8,
                        outcome="injured", count_low=1, count_best=1, count_high=1, victims=words)  # fmt: skip


def big_filler() -> list[Event]:
    """48 unrelated reports: a name only two reports give is rare in a batch this size."""
    return [
        e.model_copy(update={"event_id": f"{e.event_id}{k}", "article_ids": f"{e.article_ids}{k}",
                             "location": f"{e.location}{k}", "longitude": 3.0 + 10 * j})  # fmt: skip
        for j, k in enumerate("xyz")
        for e in filler(16)
    ]


# Strong text evidence against a contradiction: reports that share many rare words (or a
# victim's full name and more) are one incident even when one of them misread a toll or a date.
MALL = "Gunman opens fire in Harbourview mall cinema lobby"
