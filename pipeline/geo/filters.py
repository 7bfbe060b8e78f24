"""Filters on place mentions: before resolution (people's names, section labels, weak hits)
and after it (a resolved reading that contradicts the story's country or state)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc

from pipeline.geo.index import ADMIN1, CITY, CONTINENT, COUNTRY, haversine_km, nearest_km
from pipeline.geo.keys import norm
from pipeline.geo.scoring import accept
from pipeline.geo.sizes import BIG_CITY, GREAT_CITY, TOWN
from pipeline.geo.state import DocState, Mention
from pipeline.geo.tables import Gazetteer
from pipeline.geo.words import IN_WORDS

_PLACE_LABELS = ("GPE", "LOC")
# A word of a person's name shorter than this is an initial or a particle, not a surname.
_SURNAME_MIN_LEN = 3
# A reading abroad is dropped when the dominant country counts at least this many times more.
_ANCHOR_RATIO = 2
# A state counting this share of the article's states is the story's state.
_MAIN_STATE_SHARE = 0.5
# A town of another state within this many km of the dateline's place is a suburb across the
# state line (a metropolitan area: "MEMPHIS --" and a town in Mississippi), not the namesake of
# one of the city's neighbourhoods hundreds of km away.
_SUBURB_KM = 100.0
# A local outlet (its headline signed "... - Dayton, Ohio") reports its own market, which may
# reach over a state line (a station of one state covers its neighbour's towns nearby). A
# village farther than this from every town of the outlet's state, named bare in a text
# that names nothing else of the town's state, is the namesake of a neighbourhood or a
# street of the outlet's city that the gazetteer lacks; a town of `TOWN` people or more is
# more often itself, a regional story: it must lie farther still to be doubted.
_OUTLET_REACH_KM = 150.0
_OUTLET_REACH_TOWN_KM = 400.0


def surnames(doc: Doc, upper: bool) -> set[str]:
    """Keys of the words of the people the NER names in full ("Jaime Rodriguez"): alone later on,
    such a word is the person ("Rodriguez, 21, was shot"). Not in capitals, where the NER is
    unreliable, nor after "in" ("in E. Houston" is no person)."""
    if upper:
        return set()
    return {norm(t.text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2
            and "\n" not in ent.text and not (ent.start > 0 and doc[ent.start - 1].lower_ in IN_WORDS)
            # "Surrey RCMP": an agency the NER took for a person
            and not any(t.is_upper and len(t) > 1 for t in ent)
            for t in ent if t.text[:1].isupper() and len(t.text) >= _SURNAME_MIN_LEN}


def _a_person(gaz: Gazetteer, men: Mention, people: set[str]) -> bool:
    """"Rodriguez" after "Jaime Rodriguez" is the man, not a town abroad."""
    return men.key in people and not (men.qualified or men.role == "report") and not (
        men.label in _PLACE_LABELS and men.cue) and not any(
        gaz.kind(i) in (CONTINENT, COUNTRY, ADMIN1) or gaz.index["pop"][i] >= GREAT_CITY
        for i in men.ids)


def _alone_on_its_line(text: str, start: int, end: int, span_text: str) -> bool:
    """Lines that hold nothing but the place are site chrome ("Asia" as a section label)."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    return text[ls:le].strip(" \t|") == span_text


def keep_mentions(gaz: Gazetteer, st: DocState, mentions: list[Mention]) -> list[Mention]:
    """The mentions that are places at all: no person's name, no section label, and a hit
    strong enough for `accept`."""
    people = surnames(st.doc, st.upper)
    kept: list[Mention] = []
    for men in mentions:
        span = st.doc[men.start:men.end]
        if _a_person(gaz, men, people):
            continue
        if _alone_on_its_line(st.text, span.start_char, span.end_char, span.text) \
                and men.role != "report":
            continue
        if accept(gaz, men, st.upper, st.countries):
            kept.append(men)
    return kept


def main_state(states: Counter) -> tuple[str | None, float]:
    """The state the article names most and its share of the state counts."""
    if not states:
        return None, 0.0
    code, n = states.most_common(1)[0]
    return code, n / sum(states.values())


def near_report_place(gaz: Gazetteer, idx: int, report_ids: Sequence[int]) -> bool:
    """Whether entry `idx` lies within `_SUBURB_KM` of a place of the dateline."""
    lat, lon = gaz.index["lat"][idx], gaz.index["lon"][idx]
    return lat is not None and lon is not None and any(
        gaz.index["lat"][j] is not None and gaz.index["lon"][j] is not None
        and haversine_km(lat, lon, gaz.index["lat"][j], gaz.index["lon"][j]) <= _SUBURB_KM
        for j in report_ids)


def off_story(gaz: Gazetteer, st: DocState, men: Mention, idx: int, named: set[str],
              dominant: str | None, anchor: Counter, report_ids: Sequence[int] = ()) -> bool:
    """Whether a resolved reading lies off the story: a town abroad sharing a local place's
    name, a country an apposition contradicts, a small town in another state (unless it lies
    near the dateline's place, `report_ids`: a suburb across the state line)."""
    ix = gaz.index
    town = gaz.kind(idx) == CITY
    if st.upper and named and town and ix["cc"][idx] not in named:
        return True  # wire copy: a town abroad that only shares a local place's name
    if men.cc and ix["cc"][idx] != men.cc:
        return True  # "Vauxhall, N.J.": no such town in the gazetteer, not one abroad
    state, share = main_state(st.states)
    if share >= _MAIN_STATE_SHARE and not (men.qualified or men.role == "report") and town \
            and ix["cc"][idx] == "US" and ix["a1"][idx] != state \
            and (ix["pop"][idx] < BIG_CITY or men.quarter) and not near_report_place(gaz, idx, report_ids):
        return True  # a neighbourhood of the story's city, matching a small town elsewhere
    if not st.upper and dominant and not men.qualified and town \
            and ix["cc"][idx] != dominant and (
                ix["pop"][idx] < GREAT_CITY or men.key in gaz.weak) \
            and anchor[dominant] >= _ANCHOR_RATIO * anchor.get(ix["cc"][idx], 0):
        return True  # "East Side" in a San Antonio story is no town abroad
    return False


def beyond_outlet(gaz: Gazetteer, st: DocState, men: Mention, idx: int, state_names: set[str]) -> bool:
    """Whether a reading is a small US town beyond a local outlet's reach (`_OUTLET_REACH_KM`
    from every town of the state its headline signs with, `_OUTLET_REACH_TOWN_KM` for a town of
    `TOWN` people), named without a region or a dateline in a text that never names its state
    (headline, datelines, appositions, state names: `st.named_states`; nor inside a name: "the
    Texas Department of Public Safety") and holds no other place name read in it
    (`state_names`: the names of the article's readings in that state besides this one)."""
    ix = gaz.index
    if not (st.home and st.home[0] and st.home[1] == "US") or men.qualified or men.role == "report":
        return False
    a1 = ix["a1"][idx]
    if gaz.kind(idx) != CITY or ix["cc"][idx] != "US" or a1 == st.home[0] or ix["pop"][idx] >= BIG_CITY:
        return False
    if a1 in st.named_states or state_names - {men.key} or _names_state(gaz, st.text, a1):
        return False
    lat, lon = ix["lat"][idx], ix["lon"][idx]
    reach = _OUTLET_REACH_TOWN_KM if ix["pop"][idx] >= TOWN else _OUTLET_REACH_KM
    return lat is not None and lon is not None and nearest_km(lat, lon, *gaz.state_towns(st.home[0])) > reach


def _names_state(gaz: Gazetteer, text: str, a1: str) -> bool:
    """Whether a text holds a US state's name anywhere, an agency's or a hospital's name too
    ("the Texas Department of Public Safety")."""
    name = gaz.index["admin1_names"].get(f"US.{a1}")
    return bool(name) and _word_pattern(name).search(text) is not None


@lru_cache(maxsize=None)
def _word_pattern(name: str) -> re.Pattern[str]:
    """A name as a whole word, compiled once."""
    return re.compile(rf"\b{re.escape(name)}\b")
