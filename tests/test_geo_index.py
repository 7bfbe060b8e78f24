"""The compiled index: its place, its division names, its points."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.geo import INDEX_VERSION, division_names, index_path, load_index
from pipeline.geo.index import ADMIN1, CITY, spread_centre
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
