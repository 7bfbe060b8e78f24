"""The event policy on hand-made place facts (spaCy-free)."""

from __future__ import annotations

import sys

from pipeline.geo import event_location
from pipeline.schemas import PlaceFact


def _place(name: str, feature: str, cc: str, role: str, start: int, admin1: str | None = None,
           precision: int = 1, lat: float | None = 1.0) -> PlaceFact:
    return PlaceFact(article_id="a", kind="place", text=name, sentence=name, char_start=start,
                     char_end=start + len(name), name=name, geonameid=start + 1,
                     feature=feature, country=cc, country_iso2=cc, country_iso3=cc + "X",
                     admin1=admin1, latitude=lat, longitude=lat, geo_precision=precision,
                     role=role)


def test_the_package_top_level_imports_no_spacy() -> None:
    import subprocess

    code = "import pipeline.geo, sys; assert 'spacy' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_the_event_place_of_the_dominant_country_wins() -> None:
    town = _place("Dayton", "city", "US", "event", 10, "Ohio")
    abroad = _place("Lyon", "city", "FR", "other", 40)
    state = _place("Ohio", "admin1", "US", "other", 60, "Ohio", precision=3)
    where = event_location([abroad], [town, abroad, state])
    assert (where["iso2"], where["location"], where["admin1"]) == ("US", "Dayton", "Ohio")


def test_a_state_is_refined_by_a_town_inside_it() -> None:
    state = _place("Ohio", "admin1", "US", "event", 5, "Ohio", precision=3)
    town = _place("Dayton", "city", "US", "report", 0, "Ohio")
    where = event_location([state], [town, state])
    assert (where["location"], where["geo_precision"]) == ("Dayton", 1)


def test_no_place_no_columns() -> None:
    assert event_location([], []) == {}
