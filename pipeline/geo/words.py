"""The small closed word classes the place rules test tokens against (lower case).

spaCy-free. Open lists (names, cues, outlets) are data files of models/gazetteer/.
"""

from __future__ import annotations

# Words that begin names but are never one alone when a capitalised word follows ("San Jan
# County" with a typo is not San in Mali).
FRAGMENTS = {"san", "santa", "santo", "sao", "st", "saint", "ste", "el", "la", "los", "las",
             "new", "fort", "ft", "port", "mount", "mt", "lake", "north", "south", "east",
             "west", "upper", "lower", "great", "little", "old", "de", "del"}
# A place after these is where something is or happens ("in", "near") or an endpoint.
LOCATIVE = {"in", "near", "at", "from", "to", "of", "outside", "into", "across", "toward",
            "towards", "around", "throughout", "inside", "between", "and", "via", "through"}
# Lower-case words that may join the capitalised words of one name ("Rio de Janeiro").
CONNECTORS = {"de", "del", "la", "las", "los", "el", "of", "the", "do", "da", "dos", "das", "y",
              "upon", "on", "au", "le", "les", "du", "des", "al", "di", "van", "von", "der"}
# Head words after a division's name ("Usulutan department").
ADMIN_HEADS = {"department", "province", "state", "county", "parish", "region", "municipality",
               "district", "departament", "governorate", "oblast", "prefecture"}
BORDER_WORDS = {"border", "borders", "frontier"}
# "Iran-backed", "Moscow-based": a place in a modifier describes someone, not where it happened.
ADJECTIVE_HEADS = {"backed", "led", "based", "funded", "sponsored", "allied", "aligned",
                   "linked", "brokered", "born", "bred", "owned", "controlled", "held"}
IN_WORDS = {"in", "near", "outside", "into", "across", "throughout"}
HEAD_CUES = IN_WORDS | {"at"}  # a headline's place after these is the scene
# Words that make a named part of a place ("Southwest Philadelphia", "Central Fresno").
PART_PREFIX = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
               "southwest", "central", "downtown", "greater", "upper", "lower", "metro",
               "northern", "southern", "eastern", "western", "midtown", "uptown", "inner",
               "outer", "suburban", "rural", "old"}
# "Augusta man", "Dayton teens": a headline's way of saying where people are from.
RESIDENT_WORDS = {"man", "woman", "men", "women", "teen", "teens", "teenager", "boy", "girl",
                  "resident", "residents", "couple", "mother", "father", "family", "toddler"}
# Heads that end only streets' names ("Oak Lane", "Kingston Road" are also neighbourhoods).
STREET_WORDS = {"street", "st", "avenue", "ave", "boulevard", "blvd"}
# Directions that start a street's name in an address ("the 400 block of N. Main").
DIRECTIONS = {"n", "s", "e", "w", "north", "south", "east", "west", "ne", "nw", "se", "sw"}
QUARTER_WORDS = {"neighborhood", "neighbourhood", "neighborhoods", "section", "subdivision"}
# "the Cicero shooting": a name before the event's noun is where it happened.
SCENE_NOUNS = {"shooting", "shootings", "stabbing", "stabbings", "homicide", "homicides",
               "slaying", "killing", "killings", "robbery", "standoff", "bombing", "blast",
               "explosion", "riot", "riots", "unrest", "attack", "massacre", "ambush"}
# A name followed by one of these is a street's, a building's or a school's ("Ashland Avenue").
NOT_PLACE_HEADS = {"avenue", "ave", "street", "st", "road", "rd", "boulevard", "blvd", "drive",
                   "dr", "lane", "ln", "highway", "hwy", "parkway", "pkwy", "way", "court", "ct",
                   "place", "pl", "circle", "terrace", "trail", "pike", "square", "mall", "high",
                   "elementary", "middle", "school", "university", "college", "hospital",
                   "church", "apartments", "apartment", "plaza", "expressway", "freeway",
                   "turnpike", "bridge", "tavern", "bar", "restaurant", "hotel", "motel", "inn",
                   "farm", "farms", "ranch", "club", "lounge", "store", "market", "stadium",
                   "arena", "academy", "institute", "park"}
# An ORG that is a place's agency names the place: "Houston Police Department".
AGENCY_WORDS = {"police", "sheriff", "sheriff's", "fire", "county", "city", "township", "pd",
                "marshal", "marshals", "borough", "village", "town"}
