"""Population thresholds: how much evidence a place name needs grows as its place shrinks.

spaCy-free.
"""

from __future__ import annotations

BIG_CITY = 100_000  # population above which a city name needs less evidence
TOWN = 20_000  # a town this big, in a country the article is about, needs little evidence
VILLAGE = 5_000  # a place this big has its own police ("St. Augustine police")
GREAT_CITY = 5 * BIG_CITY  # a city abroad this big may well be a place of a story elsewhere
CLEAR_MARGIN = 10  # a city this many times bigger than its namesakes abroad names its country
