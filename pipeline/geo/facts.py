"""Place facts: the PlaceFact fields of resolved mentions, and the coarse facts made when the
text names no usable place (a vague region, a country cue, the outlet's home)."""

from __future__ import annotations

import re
from typing import Any

from pipeline.geo.index import ADMIN1, FEATURES, PRECISION
from pipeline.geo.state import DocState, Mention
from pipeline.geo.tables import Gazetteer

# "the country's west", "the northern part of the country": a vague part of the article's country.
_VAGUE_REGION = re.compile(
    r"\b(?:the\s+country[\u2019']s\s+(?:far\s+)?(?:north|south|east|west|north-?east|north-?west|"
    r"south-?east|south-?west|center|centre|interior)(?:ern)?"
    r"|the\s+(?:north|south|east|west)(?:ern)?\s+(?:part|region|regions)\s+of\s+the\s+country)\b",
    re.IGNORECASE,
)
# The precision of a named part of a place ("Southwest Philadelphia") and of a vague region.
_PART_PRECISION = 2
_REGION_PRECISION = 3


def entry_fields(gaz: Gazetteer, idx: int) -> dict[str, Any]:
    """Name, ids, feature, country, admin1 and admin2 names and coordinates of an index
    entry (admin2 only for the US counties and the towns of the county table)."""
    ix = gaz.index
    kind = gaz.kind(idx)
    county = ix["county"].get(idx)
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
        "admin2": ix["name"][county] if county is not None else None,
        "latitude": ix["lat"][idx],
        "longitude": ix["lon"][idx],
        "geo_precision": PRECISION[kind],
    }


def place_dict(gaz: Gazetteer, st: DocState, men: Mention, idx: int) -> dict[str, Any]:
    """The PlaceFact fields of a resolved mention of the Doc."""
    span = st.doc[men.start:men.end]
    start, end = men.chars or (span.start_char, span.end_char)
    return {**entry_fields(gaz, idx),
            "text": st.text[start:end] if men.chars else span.text,
            "sentence": st.sentence_text(span),
            "char_start": start,
            "char_end": end,
            "role": men.role,
            **({"geo_precision": _PART_PRECISION} if men.part else {})}


def title_fact(gaz: Gazetteer, idx: int, text: str, headline: str, part: bool
               ) -> dict[str, Any]:
    """The event's place read from the headline (offsets 0: it lies outside the body)."""
    return {**entry_fields(gaz, idx), "text": text, "sentence": headline, "char_start": 0,
            "char_end": 0, "role": "event", **({"geo_precision": _PART_PRECISION} if part else {})}


def vague_regions(gaz: Gazetteer, st: DocState, dominant: str | None) -> list[dict[str, Any]]:
    """'the country's west': the article's country, as a region of coarse precision."""
    if not dominant:
        return []
    cidx = gaz.country_idx(dominant)
    if cidx is None:
        return []
    out = []
    for m in _VAGUE_REGION.finditer(st.text):
        span = st.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        fields = entry_fields(gaz, cidx)
        fields.update(feature="region", geo_precision=_REGION_PRECISION, text=m.group(0),
                      sentence=st.sentence_text(span), char_start=m.start(), char_end=m.end(),
                      role="event" if st.event_sentence(span, gaz.event_cues) else "other")
        out.append(fields)
    return out


def cue_fact(gaz: Gazetteer, st: DocState) -> list[dict[str, Any]]:
    """A country fact from the first country cue, for an article that names no place: the
    country is known even when the town is not."""
    for iso2, start, end, _ in sorted(st.cue_hits, key=lambda h: h[1]):
        cidx = gaz.country_idx(iso2)
        span = st.doc.char_span(start, end, alignment_mode="expand")
        if cidx is None or span is None:
            continue
        fields = entry_fields(gaz, cidx)
        fields.update(text=st.text[start:end], char_start=start, char_end=end, role="other",
                      sentence=st.sentence_text(span))
        return [fields]
    return []


def home_fact(gaz: Gazetteer, st: DocState, title: str | None) -> list[dict[str, Any]]:
    """Nothing else places the story: the outlet's state (never its city) is the best guess a
    local outlet allows, coarse as a state is."""
    if not st.home:
        return []
    a1, cc = st.home
    idx = gaz.index["state_idx"].get(a1) if a1 and cc == "US" else None
    idx = idx if idx is not None else gaz.country_idx(cc)
    if idx is None:
        return []
    return [{**entry_fields(gaz, idx), "text": gaz.index["name"][idx], "sentence": title or "",
             "char_start": 0, "char_end": 0, "role": "report"}]
