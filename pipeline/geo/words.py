"""The word classes the place rules test tokens against (lower case).

The lexical classes are data files of models/gazetteer/ (`PlaceWords`, read once per
gazetteer from its root); the few closed classes of function words stay here. spaCy-free.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from pathlib import Path

from pipeline import resources

# Head words after a division's name ("Usulutan department").
ADMIN_HEADS = frozenset({"department", "province", "state", "county", "parish", "region",
                         "municipality", "district", "departament", "governorate", "oblast",
                         "prefecture"})
BORDER_WORDS = frozenset({"border", "borders", "frontier"})
# Last words of town names the NER may cut off ("Iowa City", "Palm Beach", "Hot Springs"), and
# the words that make such a name a building's instead ("Dallas City Hall").
TOWN_TAILS = frozenset({"city", "beach", "springs", "falls"})
BUILDING_WORDS = frozenset({"hall", "council", "court", "courthouse", "jail", "college", "school",
                            "hospital", "library", "center", "centre", "zoo", "park"})
# A story of the whole country ("across the United States", "nationwide"): a local outlet's
# state is not where it happened.
NATIONAL_SCOPE = re.compile(
    r"\b(?:nationwide|(?:across|around|throughout) the (?:country|nation|u\.s\.|us|united states))\b",
    re.IGNORECASE)
IN_WORDS = frozenset({"in", "near", "outside", "into", "across", "throughout"})
HEAD_CUES = IN_WORDS | {"at"}  # a headline's place after these is the scene
# Heads that end only streets' names ("Oak Lane", "Kingston Road" are also neighbourhoods).
STREET_WORDS = frozenset({"street", "st", "avenue", "ave", "boulevard", "blvd"})
# Words before the first of two streets told with one plural head: a crossing ("at Oak and
# Elm streets", "on Oak and Elm streets", "the corner of Oak and Elm streets"); "spread to
# Dayton and Toledo streets" are the towns' streets.
CROSSING_WORDS = frozenset({"at", "on", "near", "of", "between", "around"})
# Directions that start a street's name in an address ("the 400 block of N. Main").
DIRECTIONS = frozenset({"n", "s", "e", "w", "north", "south", "east", "west", "ne", "nw", "se",
                        "sw"})
# A street's number as an ordinal, in digits (a pattern: "87th") or spelled out ("Fifth"), which
# no town's name is; read by `geo.candidates` and by `triggers.policy` (a crossing says where).
ORDINAL = r"\d+(?:st|nd|rd|th)"
ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                           "ninth", "tenth", "eleventh", "twelfth"})
QUARTER_WORDS = frozenset({"neighborhood", "neighbourhood", "neighborhoods", "section",
                           "subdivision"})

# Each field of PlaceWords is read from models/gazetteer/<file>.
_FILES = {
    "fragments": "name_fragments.txt",
    "locative": "locative_words.txt",
    "connectors": "name_connectors.txt",
    "adjective_heads": "adjective_heads.txt",
    "part_prefix": "part_prefixes.txt",
    "resident_words": "resident_words.txt",
    "scene_nouns": "scene_nouns.txt",
    "not_place_heads": "not_place_heads.txt",
    "agency_words": "agency_words.txt",
}


@dataclass(frozen=True)
class PlaceWords:
    """The lexical word classes of models/gazetteer/ (see its README)."""

    fragments: frozenset[str]  # begin names, never one alone before a capital ("San")
    locative: frozenset[str]  # a name after these is a place ("in", "near")
    connectors: frozenset[str]  # may join the words of one name ("de", "upon")
    adjective_heads: frozenset[str]  # "Iran-backed": the place describes someone
    part_prefix: frozenset[str]  # a named part of a place ("Southwest Philadelphia")
    resident_words: frozenset[str]  # "Augusta man": where people are from
    scene_nouns: frozenset[str]  # "the Cicero shooting": where it happened
    not_place_heads: frozenset[str]  # "Ashland Avenue": a street's or building's name
    agency_words: frozenset[str]  # "Houston Police": a place's agency

    @classmethod
    def load(cls, root: str | Path | None = None) -> "PlaceWords":
        """Read the word classes from `root` (None: the shipped models/)."""
        return cls(**{field: resources.read_words(f"gazetteer/{name}", root)
                      for field, name in _FILES.items()})
