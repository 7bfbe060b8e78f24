"""The compiled index: its place, its division names, its points."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import numpy as np
import pytest

from pipeline.geo import INDEX_VERSION, division_names, index_path, load_index
from pipeline.geo.index import ADMIN1, ADMIN2, CITY, haversine_km, nearest_km, spread_centre
from pipeline.resources import data_path


def test_index_path_follows_the_cache_variable(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSEVENTS_CACHE", str(tmp_path))
    assert index_path() == tmp_path / f"geonames_index_v{INDEX_VERSION}.pkl"
    monkeypatch.delenv("NEWSEVENTS_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert index_path() == tmp_path / "newsevents" / f"geonames_index_v{INDEX_VERSION}.pkl"


def test_spread_centre_ignores_outliers() -> None:
    assert spread_centre([]) == (None, None)
    points = [(10.0, 20.0)] * 18 + [(-50.0, 170.0), (60.0, -170.0)]
    assert spread_centre(points) == (10.0, 20.0)


def test_nearest_km_is_the_distance_to_the_closest_point() -> None:
    lats, lons = np.array([40.0, 35.0, 39.7]), np.array([-80.0, -90.0, -105.0])
    assert nearest_km(39.74, -104.99, lats, lons) == pytest.approx(haversine_km(39.74, -104.99, 39.7, -105.0))
    assert nearest_km(35.0, -90.0, lats, lons) == pytest.approx(0.0, abs=1e-6)
    assert nearest_km(0.0, 0.0, np.array([]), np.array([])) == math.inf


def test_division_names_read_from_a_copied_root(tmp_path: Path) -> None:
    (tmp_path / "gazetteer").mkdir()
    shutil.copy(data_path("gazetteer/admin1_overrides.tsv"), tmp_path / "gazetteer")
    # The generated table is absent from this root: only the corrections are read.
    names = division_names(tmp_path)
    assert names and names == {k: v for k, v in division_names().items() if k in names}
    assert names["FR.84"] == "Auvergne-Rhône-Alpes"


def test_the_loaded_index_holds_towns_and_divisions() -> None:
    ix = load_index()
    assert ix["version"] == INDEX_VERSION
    dayton = [i for i in ix["keys"]["dayton"] if ix["cc"][i] == "US" and ix["a1"][i] == "OH"]
    assert dayton and ix["kind"][dayton[0]] == CITY
    assert any(ix["kind"][i] == ADMIN1 for i in ix["keys"]["balochistan"])
    assert ix["name"][ix["capitals"]["FR"]] == "Paris"


def _counties(ix: dict, key: str) -> dict[str, int]:
    return {ix["a1"][i]: i for i in ix["keys"][key] if ix["kind"][i] == ADMIN2}


def test_a_county_weighs_its_towns_and_lies_at_one_of_them() -> None:
    ix = load_index()
    floyd = _counties(ix, "floyd county")
    # Floyd County, Georgia holds Rome (36,000 people); Floyd County, Texas two small towns.
    assert ix["pop"][floyd["GA"]] > 5 * ix["pop"][floyd["TX"]]
    rome = next(i for i in ix["keys"]["rome"] if ix["cc"][i] == "US" and ix["a1"][i] == "GA")
    assert (ix["lat"][floyd["GA"]], ix["lon"][floyd["GA"]]) == (ix["lat"][rome], ix["lon"][rome])
    # Each town knows its county, each county itself; a town abroad has none.
    assert ix["county"][rome] == floyd["GA"] == ix["county"][floyd["GA"]]
    assert all(i not in ix["county"] for i in ix["keys"]["kandahar"])
    # A county with no town of its own name still gets a point: its largest town's.
    perry = _counties(ix, "perry county")["PA"]
    assert ix["lat"][perry] is not None and 40.0 < ix["lat"][perry] < 41.0


def test_counties_without_the_generated_table_rank_by_their_seat(tmp_path: Path) -> None:
    # A copied root without us_town_counties.tsv builds the index as before the table existed.
    for name in ("admin1_overrides.tsv",):
        (tmp_path / "gazetteer").mkdir(exist_ok=True)
        shutil.copy(data_path(f"gazetteer/{name}"), tmp_path / "gazetteer")
    ix = load_index(tmp_path / "ix.pkl", root=tmp_path)
    floyd = _counties(ix, "floyd county")
    assert ix["lat"][floyd["GA"]] is None  # no town "Floyd" in Georgia
    assert ix["pop"][floyd["TX"]] > ix["pop"][floyd["GA"]]  # Floydada, Texas, the seat
