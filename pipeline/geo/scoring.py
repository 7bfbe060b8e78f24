"""Which readings of a place name to believe: whether a gazetteer hit is a place at all
(`accept`), and which entry a mention names (`resolve`), scored with `PlaceWeights`."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from pipeline.geo.cues import Cues
from pipeline.geo.index import ADMIN1, ADMIN2, CITY, CONTINENT, COUNTRY
from pipeline.geo.sizes import BIG_CITY, GREAT_CITY, TOWN, VILLAGE
from pipeline.geo.state import DocState, Mention
from pipeline.geo.tables import Gazetteer

_PLACE_LABELS = ("GPE", "LOC")
# A PERSON span is a place only when it is a city this big (a mislabel of the NER).
_PERSON_CITY_POP = 5 * BIG_CITY
# "Lebanon" in a story about one state is its town there when the state counts this much
# and the country no more than this.
_LOCAL_STATE_MIN = 2
_LOCAL_COUNTRY_MAX = 2


@dataclass(frozen=True)
class PlaceWeights:
    """The weights of the score that ranks the readings of an ambiguous place name (the
    entries its name has in the gazetteer); the default instance holds the tuned values.

    A reading scores log10(population + `population_offset`), then adds:
    """

    population_offset: float = 10.0  # keeps a place of unknown population (0) scorable
    dominant_country: float = 3.0  # its country is the one the article names most
    country_share: float = 4.0  # times its country's share of the article's country counts
    state_cooccurrence: float = 2.0  # times (names all found in its US state - 1)
    state_share: float = 6.0  # times its US state's share of the article's state counts
    state_named: float = 2.0  # its US state is named at all
    county_nesting: float = 4.0  # it lies in a county another name of the article lies in
    home_state: float = 1.0  # in the headline outlet's own state (a tie-breaker)
    capital_cue: float = 3.0  # a national capital after "the capital" ("the capital, Kabul")
    national_capital: float = 2.0  # a national capital otherwise: what a bare name means


DEFAULT_WEIGHTS = PlaceWeights()


def score(gaz: Gazetteer, cues: Cues, st: DocState, i: int, dominant: str | None,
          capital_ids: frozenset[int] | set[int], weights: PlaceWeights = DEFAULT_WEIGHTS
          ) -> float:
    """How well entry `i` fits the article's context (higher is better)."""
    ix, w = gaz.index, weights
    countries, states = st.countries, st.states
    total_c = sum(countries.values()) or 1
    total_s = sum(states.values()) or 1
    s = math.log10(ix["pop"][i] + w.population_offset)
    cc = ix["cc"][i]
    if cc == dominant:
        s += w.dominant_country
    s += w.country_share * countries.get(cc, 0) / total_c
    if cc == "US":
        s += w.state_cooccurrence * max(st.cooc.get(ix["a1"][i], 0) - 1, 0)
        s += w.state_share * states.get(ix["a1"][i], 0) / total_s
        if states.get(ix["a1"][i], 0):
            s += w.state_named
        if i in st.nested:
            s += w.county_nesting
    if st.home and st.home[0] and cc == st.home[1] and ix["a1"][i] == st.home[0]:
        s += w.home_state
    if i in capital_ids:
        s += w.capital_cue
    elif i in cues.capitals:
        s += w.national_capital
    return s


def accept(gaz: Gazetteer, men: Mention, upper: bool, countries: Counter) -> bool:
    """Whether a gazetteer hit is strong enough to be a place at all."""
    kinds = {gaz.kind(i) for i in men.ids}
    weak = men.key in gaz.weak
    if men.role == "report" and not men.outlet:
        return True  # a dateline names a place, whatever the NER thinks
    if men.street:
        return False
    pop = gaz.max_pop(men.ids)
    if (men.agency or men.outlet) and pop >= VILLAGE and (kinds & {CITY} or any(
            gaz.kind(i) == ADMIN1 and not gaz.foreign_division(i) for i in men.ids)):
        # "Austin police", "Augusta man", "The Augusta Chronicle": the NER's PERSON is wrong.
        return True
    if men.outlet:
        return False
    if all(gaz.foreign_division(i) for i in men.ids) and men.label not in _PLACE_LABELS \
            and not (men.division or men.qualified or (men.cue and not men.agency)):
        # "Meta" the company is no Colombian department, "St. Mary Sheriff's Office" no
        # Jamaican parish.
        return False
    if men.label == "PERSON" and (weak or not (kinds & {COUNTRY, CONTINENT})):
        # People: a PERSON span that is a big city is a mislabel, anything else is a person.
        if weak or max((gaz.index["pop"][i] for i in men.ids), default=0) < _PERSON_CITY_POP:
            return False
    if kinds & {COUNTRY, CONTINENT} and not weak:
        return True
    if men.qualified or men.role == "report":
        return True
    if weak:
        if men.label not in _PLACE_LABELS:
            return False
        return bool(kinds & {COUNTRY, ADMIN1}) or pop >= TOWN
    if kinds & {ADMIN1} and men.key in gaz.state_names:
        return True
    return _accept_plain(gaz, men, upper, countries, pop)


def _accept_plain(gaz: Gazetteer, men: Mention, upper: bool, countries: Counter, pop: int
                  ) -> bool:
    """`accept` for a name that is no country, no state, no weak word and unqualified."""
    single = men.end - men.start == 1
    in_context = any(gaz.index["cc"][i] in countries for i in men.ids)
    if upper:
        if not in_context:
            # With no country named at all, a place after "IN" that is no English word.
            return (men.label in _PLACE_LABELS and pop >= BIG_CITY) or (
                not countries and men.cue and men.key not in gaz.wordlist)
        if single and men.key in gaz.wordlist and pop < BIG_CITY:
            return False  # an English word in capitals ("ORDER", "ARMY")
        return men.cue or men.role == "report" or not single or pop >= BIG_CITY
    if men.label in ("GPE", "LOC", "FAC"):
        return True
    if men.label in ("ORG", "NORP"):
        return pop >= BIG_CITY or (men.cue and (in_context or pop >= TOWN))
    # A bare capitalised word outside NER entities.
    if single and men.key in gaz.wordlist and not men.cue and pop < BIG_CITY:
        return False
    return men.cue or pop >= BIG_CITY or (pop >= TOWN and in_context)


def foreign_namesakes_pop(gaz: Gazetteer, men: Mention, idx: int) -> int:
    """The population of the largest place named like `men` in another country than `idx`'s
    (0 when none): a place far bigger than its namesakes abroad names its country."""
    cc = gaz.index["cc"]
    return max((gaz.index["pop"][i] for i in men.ids if cc[i] != cc[idx]), default=0)


def resolve(gaz: Gazetteer, cues: Cues, st: DocState, men: Mention, dominant: str | None,
            weights: PlaceWeights = DEFAULT_WEIGHTS) -> int:
    """The entry the mention most likely names, given the article's context in `st` and its
    dominant country."""
    ids = _constrained(gaz, men)
    chosen = _country_reading(gaz, st, men, ids, dominant)
    if chosen is not None:
        return chosen
    ids = _without_shadowed_divisions(gaz, men, ids)
    chosen = _us_state_reading(gaz, st, men, ids)
    if chosen is not None:
        return chosen
    capital_ids = cues.capitals if men.capital_cue else frozenset()
    return max(ids, key=lambda i: score(gaz, cues, st, i, dominant, capital_ids, weights))


def _constrained(gaz: Gazetteer, men: Mention) -> list[int]:
    """The readings an apposition or the dateline allows (towns and counties first)."""
    ix = gaz.index
    ids = list(men.ids)
    if men.qualified:
        keep = [i for i in ids if (not men.cc or ix["cc"][i] == men.cc)
                and (not men.a1 or ix["a1"][i] == men.a1 or gaz.kind(i) != CITY)]
        keep = [i for i in keep if gaz.kind(i) in (CITY, ADMIN2)] or keep
        if keep:
            ids = keep
    return ids


def _country_reading(gaz: Gazetteer, st: DocState, men: Mention, ids: list[int],
                     dominant: str | None) -> int | None:
    """Countries and continents first ("Asia" the continent, not the town in Peru), unless
    the name is a town of the story's state or a weak word; None: no decision."""
    ix, states = gaz.index, st.states
    top = [i for i in ids if gaz.kind(i) in (CONTINENT, COUNTRY)]
    if not top:
        return None
    if ix["cc"][top[0]] != "US" and not men.qualified:
        # "Lebanon", "Mexico", "Ceylon" in a story about one state, or beside a county that
        # holds such a town ("Boone County") in a story naming no other country: the town.
        abroad = set(st.countries) - {"US", ix["cc"][top[0]]}
        local = [i for i in ids if gaz.kind(i) == CITY and ix["cc"][i] == "US" and (
            (i in st.nested and not abroad)
            or (dominant == "US" and states.get(ix["a1"][i], 0) >= _LOCAL_STATE_MIN))]
        if local and st.countries.get(ix["cc"][top[0]], 0) <= _LOCAL_COUNTRY_MAX:
            return max(local, key=lambda i: (states.get(ix["a1"][i], 0), ix["pop"][i]))
    if men.key not in gaz.weak:
        return top[0]
    # "Georgia": the US state in a US story, the country elsewhere.
    state = [i for i in ids if gaz.kind(i) == ADMIN1 and ix["cc"][i] == "US"]
    if state and dominant == "US":
        return state[0]
    if men.label in _PLACE_LABELS:
        return top[0]
    return None


def _without_shadowed_divisions(gaz: Gazetteer, men: Mention, ids: list[int]) -> list[int]:
    """Divisions outside the US only when the text says "province", "state"...; otherwise a
    town of a division's name in that country is the reading."""
    ix = gaz.index
    if not any(gaz.foreign_division(i) for i in ids):
        return ids
    if men.division:
        # "Kaduna state", "Idlib province": the division, not its capital.
        return [i for i in ids if gaz.kind(i) in (ADMIN1, ADMIN2)] or ids
    # A town and a division of one name in one country ("Kandahar"): the town is the more
    # precise reading, and lies in it or near it.
    towns = {ix["cc"][i] for i in ids if gaz.kind(i) == CITY}
    return [i for i in ids if not (gaz.foreign_division(i) and ix["cc"][i] in towns)]


def _us_state_reading(gaz: Gazetteer, st: DocState, men: Mention, ids: list[int]) -> int | None:
    """An unqualified name that is a US state's: the big city of that name inside the state,
    the state when it is named, a huge city elsewhere, else the state; None: no state."""
    ix, states = gaz.index, st.states
    admin1 = [i for i in ids if gaz.kind(i) == ADMIN1 and ix["cc"][i] == "US"]
    if not admin1 or men.qualified:
        return None
    code = ix["a1"][admin1[0]]
    big = [i for i in ids if gaz.kind(i) == CITY and ix["cc"][i] == "US"
           and ix["pop"][i] >= BIG_CITY and men.label != "LOC"]
    # "New York": the city inside the same-named state is the more precise reading.
    same = [i for i in big if ix["a1"][i] == code]
    if same:
        return max(same, key=lambda i: ix["pop"][i])
    if states.get(code):
        return admin1[0]
    # "Washington" with no word of the state: the capital city, not the state.
    huge = [i for i in big if ix["pop"][i] >= GREAT_CITY or states.get(ix["a1"][i])]
    if huge:
        return max(huge, key=lambda i: (states.get(ix["a1"][i], 0), ix["pop"][i]))
    return admin1[0]
