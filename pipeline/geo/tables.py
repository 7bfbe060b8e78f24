"""The gazetteer: the compiled index plus the hand-written tables of models/gazetteer/, and
the lookups on it. spaCy-free (the component passes in the model's word lists).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from pipeline import resources
from pipeline.geo.index import ADMIN1, CITY, load_index
from pipeline.geo.keys import norm
from pipeline.geo.sizes import BIG_CITY
from pipeline.geo.words import PlaceWords

_FIRST_WORD = re.compile(r"[ \-]")
_KEY_WORDS = re.compile(r"[ \-']")
# A place reached by an alternate name that is other places' own name must be this much
# bigger than they are, and at least this big ("Bombay" is Mumbai, not a village Bombay).
_ALT_OVER_OWN = 10
_ALT_MIN_POP = 100_000


def _table(name: str, root: str | Path | None) -> dict[str, str]:
    """A two-column table keyed by the lookup key of its first column."""
    return {norm(a): b for a, b in resources.read_rows(f"gazetteer/{name}", root)}


def _words(name: str, root: str | Path | None) -> tuple[str, ...]:
    return resources.read_lines(f"gazetteer/{name}", root)


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
    words: PlaceWords = field(default_factory=PlaceWords.load)  # the word classes
    _state_towns: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: str | Path | None, wordlist: set[str], stop: set[str]) -> "Gazetteer":
        """Read the index and the tables once (`root`: a folder laid out like models/, None
        for the shipped data); `wordlist` and `stop` are the model's English words."""
        index = load_index(root=root)
        names = {norm(n): k.split(".")[1] for k, n in index["admin1_names"].items()
                 if k.startswith("US.")}
        alias = _table("country_aliases.tsv", root)
        for iso2, info in index["countries"].items():
            alias.setdefault(norm(info["name"]), iso2)
        outlets = _words("outlets.txt", root)
        raw_alias = [row[0] for row in resources.read_rows("gazetteer/country_aliases.tsv", root)]
        raw_alias += [info["name"] for info in index["countries"].values()]
        return cls(
            index=index,
            state_abbrev=_table("us_state_abbreviations.tsv", root),
            state_abbrev_raw=[row[0] for row in
                              resources.read_rows("gazetteer/us_state_abbreviations.tsv", root)],
            country_alias_raw=raw_alias,
            state_names=names,
            country_alias=alias,
            demonyms=_table("demonyms.tsv", root),
            weak={norm(w) for w in _words("weak_names.txt", root)},
            outlet_heads={norm(w) for w in outlets if not w.startswith("=")},
            outlet_names={norm(w[1:]) for w in outlets if w.startswith("=")},
            event_cues={w.lower() for w in _words("event_cues.txt", root)},
            speech_verbs={w.lower() for w in _words("speech_verbs.txt", root)},
            country_cues=[(re.compile(pattern), iso2, int(weight)) for pattern, iso2, weight in
                          resources.read_rows("gazetteer/country_cues.tsv", root)],
            wordlist=wordlist,
            stop=stop,
            words=PlaceWords.load(root),
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
        if alt and not all(w in self.wordlist for w in _KEY_WORDS.split(key) if w):
            if ids:
                # A name that is some places' own name is theirs, unless the place that also goes
                # by it is far bigger ("Bombay" is Mumbai before any village called Bombay).
                top = max(self.index["pop"][i] for i in ids)
                alt = tuple(i for i in alt
                            if self.index["pop"][i] >= max(_ALT_OVER_OWN * top, _ALT_MIN_POP))
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
            w in self.wordlist or w in self.stop or w in self.words.part_prefix
            or (w.endswith("s") and w[:-1] in self.wordlist)
            for w in _KEY_WORDS.split(key) if w)

    def country_idx(self, iso2: str) -> int | None:
        """Entry id of a country."""
        info = self.index["countries"].get(iso2)
        return info["idx"] if info else None

    def state_towns(self, a1: str) -> tuple[np.ndarray, np.ndarray]:
        """The latitudes and longitudes of the US towns of a state (postal code), read once."""
        if a1 not in self._state_towns:
            ix = self.index
            ids = [i for i, (kind, cc, code) in enumerate(zip(ix["kind"], ix["cc"], ix["a1"]))
                   if kind == CITY and cc == "US" and code == a1 and ix["lat"][i] is not None]
            self._state_towns[a1] = (np.array([ix["lat"][i] for i in ids], dtype=float),
                                     np.array([ix["lon"][i] for i in ids], dtype=float))
        return self._state_towns[a1]

    def big_city_elsewhere(self, ids: tuple[int, ...] | list[int], code: str) -> bool:
        """Whether some of these entries is a big US city outside the state `code`: a state's
        name that is also such a city's ("Washington") may name the city."""
        ix = self.index
        return any(self.kind(i) == CITY and ix["cc"][i] == "US" and ix["a1"][i] != code
                   and ix["pop"][i] >= BIG_CITY for i in ids)

    def max_pop(self, ids: tuple[int, ...] | list[int]) -> int:
        """The population of the biggest of these entries."""
        return max(self.index["pop"][i] for i in ids)
