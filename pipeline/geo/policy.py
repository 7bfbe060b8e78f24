"""The event policy of places: which of an article's place facts locates an event.

spaCy-free: the events stage imports it through `pipeline.geo`.
"""

from __future__ import annotations

from collections import Counter

from pipeline.schemas import PlaceFact

# How much a country counts towards the article's dominant country, by the place's role.
_ROLE_WEIGHT = {"event": 2.0, "report": 1.5, "other": 1.0}
_ROLE_RANK = {"event": 0, "report": 1, "other": 2}
_COARSEST = 3  # the precision of a place without one (a country)
# A state is the story's only with this many mentions and more than this share of them.
_MAIN_STATE_MIN = 2
_MAIN_STATE_SHARE = 0.5


def _dominant(places: list[PlaceFact]) -> str | None:
    counts: Counter = Counter()
    for p in places:
        if p.country_iso2:
            counts[p.country_iso2] += _ROLE_WEIGHT.get(p.role, 1.0)
    return counts.most_common(1)[0][0] if counts else None


def _main_state(all_places: list[PlaceFact], dominant: str | None) -> str | None:
    """The state of the dominant country most places lie in: a clear majority only (two
    states named once each say nothing)."""
    states = Counter(p.admin1 for p in all_places if p.admin1 and p.country_iso2 == dominant)
    if not states:
        return None
    name, n = states.most_common(1)[0]
    if n >= _MAIN_STATE_MIN and n / sum(states.values()) > _MAIN_STATE_SHARE:
        return name
    return None


def _best(pool: list[PlaceFact], dominant: str | None, main_state: str | None, counts: Counter,
          strict: bool) -> PlaceFact | None:
    """The most precise place of a pool (then the event's, the most named, the first), in the
    dominant country (only there when `strict`) and its main state when any."""
    pool = [p for p in pool if p.country_iso2 and p.feature != "continent"]
    if dominant:
        pool = [p for p in pool if p.country_iso2 == dominant] or ([] if strict else pool)
    if main_state:
        pool = [p for p in pool if p.admin1 == main_state] or pool
    if not pool:
        return None
    return min(pool, key=lambda p: (
        p.geo_precision or _COARSEST,
        _ROLE_RANK.get(p.role, _ROLE_RANK["other"]),
        -counts.get(p.geonameid, 0),
        p.char_start,
    ))


def _finer(chosen: PlaceFact, all_places: list[PlaceFact]) -> PlaceFact:
    """The event is only placed in a county, state or country: a town of the article inside
    it (the dateline first) is the more precise answer."""
    inside = [p for p in all_places if p.feature in ("city", "admin2") and p.latitude is not None
              and (p.geo_precision or _COARSEST) <= (chosen.geo_precision or _COARSEST)
              and p.country_iso2 == chosen.country_iso2
              and (chosen.feature in ("country", "region") or p.admin1 == chosen.admin1)]
    # The dateline first, then the town named closest to where the event is placed.
    finer = min(inside, key=lambda p: (p.geo_precision or _COARSEST, p.role != "report",
                                       abs(p.char_start - chosen.char_start)), default=None)
    if finer is not None and (finer.geo_precision, finer.latitude is None) < (
            chosen.geo_precision, chosen.latitude is None):
        return finer
    return chosen


def event_location(
    places: list[PlaceFact], all_places: list[PlaceFact], alone: bool = True
) -> dict[str, object]:
    """Event columns (country, iso2, iso3, admin1, admin2, location, latitude, longitude,
    geo_precision) for an event whose evidence holds `places`, given all places of the article.

    The most precise place where the event happened: places of the event's own evidence first,
    then the article's event places, then its dateline, then any place; always in the article's
    dominant country when one is known (an outlet's or a comparison's city elsewhere loses).
    When the article reports other events too (`alone` false) and the event's evidence names
    places, none of them the scene of an event, the event stays with those places (the coarse
    one they give), never a town of the article: those towns are the other events' places."""
    # The country where the article's events happen; failing that, where it was filed from.
    dominant = _dominant([p for p in all_places if p.role == "event"]) or _dominant(
        [p for p in all_places if p.role == "report"]) or _dominant(all_places)
    counts = Counter(p.geonameid for p in all_places if p.geonameid)
    main_state = _main_state(all_places, dominant)
    pools = ([p for p in places if p.role == "event"], [p for p in all_places if p.role == "event"],
             [p for p in all_places if p.role == "report"], places, all_places)
    # An event of a story of several events whose own evidence names places, none of them
    # where something happened ("a Russia-led alliance said it would send troops to
    # Kazakhstan"), stays with those places: the story's towns are its other events'.
    own_only = not alone and bool(places) and not any(p.role == "event" for p in places)
    if own_only:
        pools = (places,)
    # First a place in the article's dominant country (a comparison abroad loses), then any.
    chosen = next((best for strict in (True, False) for pool in pools
                   if (best := _best(pool, dominant, main_state, counts, strict)) is not None),
                  None)
    if chosen is None:
        return {}
    if ((chosen.geo_precision or _COARSEST) > 1 or chosen.latitude is None) and not own_only:
        chosen = _finer(chosen, all_places)
    return {
        "country": chosen.country,
        "iso2": chosen.country_iso2,
        "iso3": chosen.country_iso3,
        "admin1": chosen.admin1,
        "admin2": chosen.admin2 or (chosen.name if chosen.feature == "admin2" else None),
        "location": chosen.name if chosen.feature in ("city", "admin2", "admin1") else None,
        "latitude": chosen.latitude,
        "longitude": chosen.longitude,
        "geo_precision": chosen.geo_precision,
    }
