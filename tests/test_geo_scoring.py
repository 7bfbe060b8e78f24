"""Scoring of place readings: the weights object, `resolve` and `accept` on a hand-built
gazetteer of a few entries."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.geo.cues import Cues
from pipeline.geo.index import ADMIN1, CITY, COUNTRY
from pipeline.geo.scoring import DEFAULT_WEIGHTS, PlaceWeights, accept, resolve
from pipeline.geo.state import DocState, Mention
from pipeline.geo.tables import Gazetteer

# (gid, name, kind, cc, a1, lat, lon, pop)
_ENTRIES = [
    (1, "United States", COUNTRY, "US", "", 39.0, -98.0, 300_000_000),
    (2, "Illinois", ADMIN1, "US", "IL", 40.0, -89.0, 1_000_000),
    (3, "Missouri", ADMIN1, "US", "MO", 38.5, -92.5, 1_000_000),
    (4, "Springfield", CITY, "US", "IL", 39.8, -89.6, 114_000),
    (5, "Springfield", CITY, "US", "MO", 37.2, -93.3, 169_000),
    (6, "Paris", CITY, "FR", "11", 48.9, 2.3, 2_100_000),
    (7, "Paris", CITY, "US", "IL", 39.6, -87.7, 8_000),
    (8, "France", COUNTRY, "FR", "", 46.6, 2.4, 67_000_000),
]


def _gazetteer() -> Gazetteer:
    cols = {name: [e[k] for e in _ENTRIES] for k, name in
            enumerate(("gid", "name", "kind", "cc", "a1", "lat", "lon", "pop"))}
    keys: dict[str, tuple[int, ...]] = {}
    for i, e in enumerate(_ENTRIES):
        keys[e[1].lower()] = keys.get(e[1].lower(), ()) + (i,)
    index = {**cols, "kind": bytes(cols["kind"]), "keys": keys, "alt_keys": {},
             "state_idx": {"IL": 1, "MO": 2}, "capitals": {"FR": 5},
             "countries": {"US": {"name": "United States", "iso3": "USA", "idx": 0},
                           "FR": {"name": "France", "iso3": "FRA", "idx": 7}},
             "admin1_names": {"US.IL": "Illinois", "US.MO": "Missouri"}}
    return Gazetteer(index=index, state_abbrev={"ill": "IL", "mo": "MO"},
                     state_abbrev_raw=["Ill.", "Mo."], country_alias_raw=["France"],
                     state_names={"illinois": "IL", "missouri": "MO"},
                     country_alias={"france": "FR", "united states": "US"}, demonyms={},
                     weak=set(), outlet_heads=set(), outlet_names=set(), event_cues=set(),
                     speech_verbs=set())


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return _gazetteer()


def _state(**counts: Counter) -> DocState:
    st = DocState(doc=Doc(Vocab(), words=["x"]), text="x", upper=False)
    st.countries.update(counts.get("countries", Counter()))
    st.states.update(counts.get("states", Counter()))
    return st


def _mention(gaz: Gazetteer, key: str, **kw: object) -> Mention:
    return Mention(0, 1, key.title(), key, gaz.index["keys"][key], kw.pop("label", "GPE"), **kw)


def test_default_weights_are_the_tuned_numbers() -> None:
    assert DEFAULT_WEIGHTS == PlaceWeights()
    assert dataclasses.asdict(DEFAULT_WEIGHTS) == {
        "population_offset": 10.0, "dominant_country": 3.0, "country_share": 4.0,
        "state_cooccurrence": 2.0, "state_share": 6.0, "state_named": 2.0, "county_nesting": 4.0,
        "home_state": 1.0,
        "capital_cue": 3.0, "national_capital": 2.0}


def test_weights_are_frozen_and_keyword_replaceable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_WEIGHTS.state_share = 0.0  # type: ignore[misc]
    lighter = dataclasses.replace(DEFAULT_WEIGHTS, state_share=1.0)
    assert lighter.state_share == 1.0 and DEFAULT_WEIGHTS.state_share == 6.0


def test_every_weight_is_documented() -> None:
    import inspect

    source = inspect.getsource(PlaceWeights)
    for f in dataclasses.fields(PlaceWeights):
        line = next(ln for ln in source.splitlines() if ln.strip().startswith(f"{f.name}:"))
        assert "#" in line, f"{f.name} has no comment"


def test_population_alone_picks_the_bigger_namesake(gaz: Gazetteer) -> None:
    idx = resolve(gaz, Cues.build(gaz), _state(), _mention(gaz, "springfield"), None)
    assert gaz.index["a1"][idx] == "MO"


def test_a_named_state_outweighs_population(gaz: Gazetteer) -> None:
    st = _state(states=Counter({"IL": 2}), countries=Counter({"US": 2}))
    idx = resolve(gaz, Cues.build(gaz), st, _mention(gaz, "springfield"), "US")
    assert gaz.index["a1"][idx] == "IL"


def test_the_state_weights_decide_it(gaz: Gazetteer) -> None:
    st = _state(states=Counter({"IL": 2}), countries=Counter({"US": 2}))
    blind = PlaceWeights(state_share=0.0, state_named=0.0)
    idx = resolve(gaz, Cues.build(gaz), st, _mention(gaz, "springfield"), "US", blind)
    assert gaz.index["a1"][idx] == "MO"


def test_a_great_city_abroad_beats_a_village_unless_the_story_is_at_home(gaz: Gazetteer) -> None:
    cues = Cues.build(gaz)
    assert gaz.index["cc"][resolve(gaz, cues, _state(), _mention(gaz, "paris"), None)] == "FR"
    st = _state(states=Counter({"IL": 4}), countries=Counter({"US": 6}))
    assert gaz.index["cc"][resolve(gaz, cues, st, _mention(gaz, "paris"), "US")] == "US"


def test_an_apposition_constrains_the_reading(gaz: Gazetteer) -> None:
    men = _mention(gaz, "springfield", a1="IL", cc="US")
    assert gaz.index["a1"][resolve(gaz, Cues.build(gaz), _state(), men, None)] == "IL"


def test_accept_needs_evidence_for_a_small_town(gaz: Gazetteer) -> None:
    bare = _mention(gaz, "paris", label=None)
    bare.ids = (6,)  # the village only
    assert not accept(gaz, bare, False, Counter())
    cued = _mention(gaz, "paris", label=None, cue=True)
    cued.ids = (6,)
    assert accept(gaz, cued, False, Counter())
    assert accept(gaz, _mention(gaz, "france"), False, Counter())
