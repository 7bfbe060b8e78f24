"""Context cues: qualifiers after a place ("Springfield, Ill."), US cues anywhere in the text
(a state abbreviation after a comma, an outlet's web address), the outlet signature of a
headline, and country cues (a broadcaster's call sign, phrases of one country's news style).

spaCy-free: the patterns are compiled once per gazetteer (`Cues.build`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.geo.index import ADMIN1, CITY
from pipeline.geo.keys import norm
from pipeline.geo.sizes import TOWN
from pipeline.geo.tables import Gazetteer

# An American broadcaster's call sign: K or W and three more capitals ("WJBK", "KSLA").
_CALL_SIGN = re.compile(r"(?<![A-Za-z0-9\-])[KW][A-Z]{3}(?![A-Za-z0-9])")
MAX_CUE_WEIGHT = 2  # country cues only tip the balance when the article names no country
# An outlet's web address that spells its home ("abc7chicago.com", "nbcmontana.com").
_DOMAIN = re.compile(r"\b([A-Za-z0-9-]+)\.(?:com|net|org|tv)(?![a-z])")  # glued text: ".comA"
_DOMAIN_MIN_NAME = 5  # shorter names hide inside unrelated words
_DOMAIN_CITY_POP = 250_000
_NOT_LETTERS = re.compile(r"[^a-z]")
# The outlet's country is the story's: it counts as a country named twice.
_OUTLET_COUNTRY_WEIGHT = 2
# The last words of a signature part that may name the outlet's home ("WXYZ 3 Connecticut").
_SIGNATURE_TAIL_WORDS = (2, 1)


def _alternation(forms: set[str] | list[str]) -> str:
    """A regex alternation of literal forms, longest first."""
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def _domain_homes(gaz: Gazetteer) -> dict[str, str]:
    """US states and big cities as they are spelled inside web addresses ("northcarolina"),
    each with its state's postal code."""
    ix = gaz.index
    homes: dict[str, str] = {}
    for i in range(len(ix["gid"])):
        if ix["cc"][i] == "US" and (gaz.kind(i) == ADMIN1 or (
                gaz.kind(i) == CITY and ix["pop"][i] >= _DOMAIN_CITY_POP)):
            name = _NOT_LETTERS.sub("", norm(ix["name"][i]))
            if len(name) >= _DOMAIN_MIN_NAME:
                homes.setdefault(name, ix["a1"][i])
    return homes


def _station_cities(gaz: Gazetteer) -> dict[str, str]:
    """The big US cities (`_DOMAIN_CITY_POP`) whose name no other US town of `TOWN` people has
    ("Portland" and "Columbus" name two), each with its state's postal code."""
    ix = gaz.index
    towns: dict[str, list[int]] = {}
    for i in range(len(ix["gid"])):
        if gaz.kind(i) == CITY and ix["cc"][i] == "US" and ix["pop"][i] >= TOWN:
            towns.setdefault(norm(ix["name"][i]), []).append(i)
    return {name: ix["a1"][ids[0]] for name, ids in towns.items()
            if len(ids) == 1 and ix["pop"][ids[0]] >= _DOMAIN_CITY_POP}


@dataclass(frozen=True)
class Cues:
    """The patterns and sets of cues compiled from a gazetteer (shared by every Doc)."""

    capitals: frozenset[int]  # entry ids of national capitals
    postal: frozenset[str]  # US postal codes ("OH")
    qual: re.Pattern[str]  # a qualifier right after a place: ", Ill.", ", Kazakhstan", ", OH"
    homes: dict[str, str]  # a home as spelled in a web address -> postal code
    home_re: re.Pattern[str]
    abbr_any: re.Pattern[str]  # a state abbreviation after a comma
    station_cities: dict[str, str]  # a big US city's name no other sizeable one has -> postal code

    @classmethod
    def build(cls, gaz: Gazetteer) -> "Cues":
        """Compile the cues of a gazetteer."""
        ix = gaz.index
        us_names = {n for k, n in ix["admin1_names"].items() if k.startswith("US.")}
        forms = set(gaz.state_abbrev_raw) | us_names | set(gaz.country_alias_raw)
        homes = _domain_homes(gaz)
        return cls(
            capitals=frozenset(ix["capitals"].values()),
            postal=frozenset(k.split(".")[1] for k in ix["admin1_names"] if k.startswith("US.")),
            qual=re.compile(rf"\s*,\s*(?P<q>(?:{_alternation(forms)})(?![A-Za-z])"
                            r"|[A-Z]{2}(?![A-Za-z.]))"),
            homes=homes,
            home_re=re.compile("|".join(sorted(homes, key=len, reverse=True))),
            # A state abbreviation anywhere after a comma is context even when its city is
            # unknown.
            abbr_any=re.compile(rf",\s*(?P<q>{_alternation(gaz.state_abbrev_raw)})(?![A-Za-z])"),
            station_cities=_station_cities(gaz),
        )


def qualifier(gaz: Gazetteer, cues: Cues, text: str) -> tuple[str | None, str | None]:
    """The US state (postal code) and country that a qualifier names: "Ill.", "Maine", "OH",
    "Kazakhstan"."""
    key = norm(text)
    if text.endswith(".") and key in gaz.state_abbrev:
        return gaz.state_abbrev[key], "US"
    if key in gaz.state_names:
        return gaz.state_names[key], "US"
    if text in cues.postal:
        return text, "US"
    if key in gaz.country_alias:
        return None, gaz.country_alias[key]
    return None, None


def us_cues(gaz: Gazetteer, cues: Cues, text: str, countries: Counter, states: Counter) -> None:
    """Count the states that abbreviations after a comma and outlets' web addresses name
    (not in wire copy: call with lower-case text only)."""
    for q in cues.abbr_any.finditer(text):
        states[gaz.state_abbrev[norm(q.group("q"))]] += 1
        countries["US"] += 1
    for dm in _DOMAIN.finditer(text):
        home = cues.home_re.search(dm.group(1).lower())
        if home:
            states[cues.homes[home.group(0)]] += 1
            countries["US"] += 1


def country_cues(gaz: Gazetteer, text: str, upper: bool) -> list[tuple[str, int, int, int]]:
    """The first hit of each country cue of the text (a broadcaster's call sign, "the 3400
    block of"): (iso2, start, end, weight as context). None in upper-case wire copy, where
    every word is in capitals."""
    if upper:
        return []
    hits = []
    for m in _CALL_SIGN.finditer(text):
        word = m.group(0).lower()
        if word not in gaz.wordlist and word not in gaz.stop:
            hits.append(("US", m.start(), m.end(), MAX_CUE_WEIGHT))
            break
    for pattern, iso2, weight in gaz.country_cues:
        m = pattern.search(text)
        if m:
            hits.append((iso2, m.start(), m.end(), weight))
    return hits


def count_country_cues(hits: list[tuple[str, int, int, int]], countries: Counter) -> None:
    """Add the country cues' weights to the country counts, each country's capped."""
    weights: Counter = Counter()
    for iso2, _, _, weight in hits:
        weights[iso2] += weight
    for iso2, weight in weights.items():
        if weight:  # a zero would still make the country "named"
            countries[iso2] += min(weight, MAX_CUE_WEIGHT)


def _tail_state(gaz: Gazetteer, cues: Cues, words: list[str]) -> tuple[str | None, str | None]:
    """The state and country the last words of a signature part name ("WXYZ 3 Connecticut").
    A state's name that is also a big city's elsewhere ("NBC Washington") names the country
    only: the city's station as likely as the state's."""
    for k in _SIGNATURE_TAIL_WORDS:
        if len(words) >= k:
            tail = " ".join(words[-k:])
            a1, cc = qualifier(gaz, cues, tail)
            if a1 and gaz.big_city_elsewhere(gaz.lookup(norm(tail)), a1):
                return None, cc
            if a1 or cc:
                return a1, cc
    return None, None


def _tail_city(cues: Cues, words: list[str]) -> str | None:
    """The state of a big city ending a station's signature part ("NBC Chicago", "FOX31
    Denver": an upper-case network name or call sign, or a channel number, before it; a
    byline's name is no station), when no other sizeable US city has its name."""
    for k in _SIGNATURE_TAIL_WORDS:
        head = words[:-k]
        if len(words) > k and any((w.isupper() and len(w) >= 2) or any(c.isdigit() for c in w) for w in head):
            a1 = cues.station_cities.get(norm(" ".join(words[-k:])))
            if a1:
                return a1
    return None


def outlet_home(gaz: Gazetteer, cues: Cues, signature: list[str], countries: Counter
                ) -> tuple[str | None, str] | None:
    """The outlet's home (state, country) that a headline's signature parts name ("- WXYZ -
    Dayton, OH", "| WXYZ Chicago"); each part naming a country adds it to the country counts."""
    home = None
    for seg in signature:
        q = cues.qual.search(seg)
        words = seg.split()
        a1, cc = qualifier(gaz, cues, q.group("q")) if q else (None, None)
        if not (a1 or cc):
            a1, cc = _tail_state(gaz, cues, words)
        if not (a1 or cc):
            a1 = _tail_city(cues, words)
            cc = "US" if a1 else None
        if cc:
            # The outlet's country is the story's; its state only breaks near ties: a
            # regional station covers its neighbours' big cities too.
            countries[cc] += _OUTLET_COUNTRY_WEIGHT
            home = home or (a1, cc)
    return home
