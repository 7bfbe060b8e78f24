"""The article's context for its place mentions: the dateline, appositions ("Springfield,
Ill."), locative and head-word cues on each mention, and the weighted counts of the countries
and US states the article names."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.anatomy import dateline_match
from pipeline.geo.cues import Cues, count_country_cues, country_cues, qualifier, us_cues
from pipeline.geo.index import ADMIN1, ADMIN2, CITY, COUNTRY, county_base
from pipeline.geo.keys import norm
from pipeline.geo.state import DocState, Mention
from pipeline.geo.tables import Gazetteer
from pipeline.geo.words import ADMIN_HEADS, BORDER_WORDS, DIRECTIONS, QUARTER_WORDS

# How much each cue adds to the counts of the countries and states the article names.
_DATELINE_WEIGHT = 3  # a dateline's region ("WILMINGTON, Calif. (AP) -")
_APPOSITION_COUNTRY = 1  # "Springfield, Ill.": the country...
_APPOSITION_STATE = 2  # ... and the state
_NAMED_COUNTRY = 2  # a country's name in the text
_NAMED_STATE = 2  # a US state's name
_CAPITAL_REACH = 3  # "Kabul, the capital": tokens after the comma that may say "capital"
_PLACE_LABELS = ("GPE", "LOC")


def context(gaz: Gazetteer, cues: Cues, st: DocState, mentions: list[Mention]) -> None:
    """Mark appositions, datelines and locative cues on the mentions; count the countries and
    US states the article names into `st.countries` and `st.states`."""
    _dateline(gaz, cues, st, mentions)
    for men in mentions:
        _cues_before(gaz, st.doc, men)
        _cues_after(gaz, cues, st, men)
    _town_then_division(gaz, st, mentions)
    if not st.upper:
        us_cues(gaz, cues, st.text, st.countries, st.states)
    st.cue_hits = country_cues(gaz, st.text, st.upper)
    count_country_cues(st.cue_hits, st.countries)
    _named_places(gaz, st, mentions)


def _dateline(gaz: Gazetteer, cues: Cues, st: DocState, mentions: list[Mention]) -> None:
    """The first dateline of the opening lines: its places report the story, its region
    ("Calif.") is context."""
    m = dateline_match(st.text)
    if not m:
        return
    pstart, pend = m.span("place")
    for men in mentions:
        span = st.doc[men.start:men.end]
        if span.start_char >= pstart and span.end_char <= pend + 1:
            men.role = "report"
    region = m.group("region")
    if not region:
        return
    key = norm(region)
    code = gaz.state_abbrev.get(key) or gaz.state_names.get(key) or (
        region if region in cues.postal else None)
    if code:
        st.states[code] += _DATELINE_WEIGHT
        st.countries["US"] += _DATELINE_WEIGHT
        for men in mentions:
            if men.role == "report" and not men.outlet:
                men.a1, men.cc = code, "US"
    elif key in gaz.country_alias:
        st.countries[gaz.country_alias[key]] += _DATELINE_WEIGHT


def _cues_before(gaz: Gazetteer, doc: Doc, men: Mention) -> None:
    """Cues in the words before a mention (and its own syntax): locative, origin, capital,
    street."""
    if men.start > 0:
        prev = doc[men.start - 1].lower_
        men.cue = men.cue or prev in gaz.words.locative
        men.origin = prev == "from" and any(gaz.kind(i) == COUNTRY for i in men.ids)
        # "the border with Niger": a landmark the story is measured from.
        men.origin = men.origin or (prev == "with" and men.start > 1
                                    and doc[men.start - 2].lower_ in BORDER_WORDS)
        if prev == "capital" or (men.start > 1 and doc[men.start - 2].lower_ == "capital"):
            men.capital_cue = True
    # "the 400 block of Main", "the 400 block of N. Main": an address, not a town.
    before = [t.lower_ for t in doc[max(men.start - 3, 0):men.start]]
    if before[-2:] == ["block", "of"] or (before[-3:-1] == ["block", "of"]
                                          and before[-1].rstrip(".") in DIRECTIONS):
        men.street = True
    if men.end + 1 < len(doc) and doc[men.end].text == "-" and \
            doc[men.end + 1].lower_ in gaz.words.adjective_heads:
        men.origin = True  # "Iran-backed militias", "a Kabul-based analyst"
    if men.end < len(doc) and doc[men.end].lower_ in BORDER_WORDS:
        men.origin = True  # "the Niger border"
    root = doc[men.start:men.end].root
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in gaz.speech_verbs:
        men.origin = True  # "Washington has blamed...": the government, not the place


def _cues_after(gaz: Gazetteer, cues: Cues, st: DocState, men: Mention) -> None:
    """Cues in the words after a mention: a division's or an agency's head word, a quarter,
    an apposition ("Springfield, Ill."), "the capital"."""
    doc = st.doc
    if men.end >= len(doc):
        return
    nxt = doc[men.end]
    if nxt.lower_ in ADMIN_HEADS:
        men.cue = men.division = True  # "Usulutan department"
    men.quarter = nxt.lower_ in QUARTER_WORDS
    words = gaz.words
    if (nxt.lower_ in words.agency_words or nxt.lower_ in words.resident_words
            or nxt.lower_ in words.scene_nouns) and not st.upper:
        men.cue = men.agency = True  # "Conroe police", "Augusta man", "Cicero shooting"
    if nxt.text == "," and men.end + 1 < len(doc):
        end_char = doc[men.end - 1].idx + len(doc[men.end - 1].text)
        q = cues.qual.match(st.text, end_char)
        if q and st.upper and q.group("q").lower() in gaz.stop:
            q = None  # "URIBE, IN META": a word of wire copy, not Indiana
        a1, cc = qualifier(gaz, cues, q.group("q")) if q else (None, None)
        kinds = {gaz.kind(i) for i in men.ids}
        if cc and not men.qualified and kinds & {CITY, ADMIN2}:
            men.a1, men.cc = a1, cc
            men.cue = True
            st.countries[cc] += _APPOSITION_COUNTRY
            if a1:
                st.states[a1] += _APPOSITION_STATE
        if "capital" in doc[men.end + 1:men.end + 1 + _CAPITAL_REACH].text.lower():
            men.capital_cue = True


def _town_then_division(gaz: Gazetteer, st: DocState, mentions: list[Mention]) -> None:
    """"Celaya, Guanajuato": a town, then the division it lies in."""
    ix, doc = gaz.index, st.doc
    for men, nxt_men in zip(mentions, mentions[1:]):
        if men.qualified or nxt_men.start != men.end + 1 or doc[men.end].text != ",":
            continue
        inside = {(ix["cc"][i], ix["a1"][i]) for i in men.ids if gaz.kind(i) == CITY}
        for d in nxt_men.ids:
            if gaz.foreign_division(d) and (ix["cc"][d], ix["a1"][d]) in inside:
                men.cc, men.a1 = ix["cc"][d], ix["a1"][d]
                men.cue = nxt_men.division = True
                st.countries[men.cc] += _APPOSITION_COUNTRY
                break


def _named_places(gaz: Gazetteer, st: DocState, mentions: list[Mention]) -> None:
    """Count the countries, states and demonyms named anywhere."""
    ix = gaz.index
    for men in mentions:
        kinds = {gaz.kind(i) for i in men.ids}
        strong = men.key not in gaz.weak or men.label in _PLACE_LABELS
        if COUNTRY in kinds and strong:
            st.countries[gaz.country_alias.get(men.key) or ix["cc"][men.ids[0]]] += _NAMED_COUNTRY
        if ADMIN1 in kinds and men.key in gaz.state_names and strong:
            code = gaz.state_names[men.key]
            # "Washington" alone may be the capital: only "Washington state" says the state.
            if not gaz.big_city_elsewhere(men.ids, code) or men.division:
                st.states[code] += _NAMED_STATE
            st.countries["US"] += 1
        if ADMIN2 in kinds and men.key.endswith((" county", " parish")):
            codes = {ix["a1"][i] for i in men.ids if gaz.kind(i) == ADMIN2}
            st.countries["US"] += 1  # counties and parishes in this gazetteer are American
            if len(codes) == 1:
                st.states[codes.pop()] += 1
    for tok in st.doc:
        if tok.text[:1].isupper():
            iso2 = gaz.demonyms.get(norm(tok.text))
            if iso2:
                st.countries[iso2] += 1


def nested_readings(gaz: Gazetteer, kept: list[Mention]) -> set[int]:
    """The readings of a town and of a county that holds it, both named under different names
    ("Hendersonville" in "Henderson County", North Carolina; not the bigger Hendersonville,
    Tennessee). A town of the county's own name ("Jackson" beside "Jackson County") is no
    evidence: it is often the county's name cut short, and every such county holds one; nor
    are two towns of one county ("Chesterfield" and "Richmond" are both towns of one small
    New Hampshire county)."""
    ix = gaz.index
    county = ix["county"]
    named: dict[int, str] = {}  # a county reading -> the base of the name that reads it
    for men in kept:
        for i in men.ids:
            if gaz.kind(i) == ADMIN2:
                named[i] = county_base(men.key)
    nested: set[int] = set()
    for men in kept:
        for i in men.ids:
            c = county.get(i)
            if gaz.kind(i) == CITY and c in named and named[c] != men.key:
                nested.update((i, c))
    return nested
