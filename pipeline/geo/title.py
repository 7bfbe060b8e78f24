"""The headline as context: its places vote for the story's country and state, its outlet
signature names the outlet's home, and its most precise place is the event's when the body
names none ("Man shot in Dayton")."""

from __future__ import annotations

from typing import Any, Callable

from spacy.tokens import Doc

from pipeline.anatomy import is_upper_copy, signature_parts
from pipeline.geo.candidates import candidates
from pipeline.geo.cues import Cues, outlet_home, qualifier
from pipeline.geo.facts import title_fact
from pipeline.geo.index import ADMIN1, ADMIN2, CITY, COUNTRY, PRECISION
from pipeline.geo.keys import norm
from pipeline.geo.scoring import PlaceWeights, foreign_namesakes_pop, resolve
from pipeline.geo.sizes import BIG_CITY, CLEAR_MARGIN, TOWN, VILLAGE
from pipeline.geo.state import DocState, Mention
from pipeline.geo.tables import Gazetteer
from pipeline.geo.words import DIRECTIONS, HEAD_CUES

# A headline's place votes like the dateline's: as a country named twice.
_TITLE_VOTE = 2
# "North Baltimore" is a part of the city when the city is this many times the town's size.
_PART_OVER_TOWN = 10


def title_mentions(gaz: Gazetteer, cues: Cues, tokenizer: Callable[[str], Doc] | None,
                   st: DocState, title: str | None) -> tuple[list[Mention], Doc | None]:
    """Place mentions of the headline, which hold the story's place when the body names
    none ("Man shot in Dayton"); the outlet signature after it ("- WXYZ - Dayton, OH") names
    the outlet's home (`st.home`), which only adds its state and country to the context."""
    st.home = None
    if not title or tokenizer is None:
        return [], None
    parts = signature_parts(title)
    st.home = outlet_home(gaz, cues, parts[1:], st.countries)
    head = parts[0]
    hdoc = tokenizer(head)
    kept = [men for men in candidates(gaz, cues, hdoc, is_upper_copy(head), head)
            if not men.outlet and _title_place(gaz, cues, hdoc, head, men)]
    return kept, hdoc


def _title_place(gaz: Gazetteer, cues: Cues, hdoc: Doc, head: str, men: Mention) -> bool:
    """Mark a headline mention's cues; whether it is a place (headlines capitalise every
    word, so a word of English needs "in" and a city of some size)."""
    ix = gaz.index
    pop = gaz.max_pop(men.ids)
    kinds = {gaz.kind(i) for i in men.ids}
    q = cues.qual.match(head, hdoc[men.end - 1].idx + len(hdoc[men.end - 1].text))
    if q:
        men.a1, men.cc = qualifier(gaz, cues, q.group("q"))
    # "in Charlotte", "in southwest Charlotte", "at a Toledo lounge".
    k = men.start - 1
    part_prefix = gaz.words.part_prefix
    while k > 0 and (hdoc[k].lower_ in ("a", "an", "the") or hdoc[k].lower_ in part_prefix
                     or hdoc[k].lower_ in DIRECTIONS):
        k -= 1
    men.cue = k >= 0 and hdoc[k].lower_ in HEAD_CUES
    if men.end - men.start > 1 and hdoc[men.start].lower_ in part_prefix:
        # "North Baltimore": part of the city, not the small town of that name.
        rest = gaz.lookup(norm(hdoc[men.start + 1:men.end].text))
        if rest and max(ix["pop"][i] for i in rest) > _PART_OVER_TOWN * pop:
            men.start, men.ids, men.part = men.start + 1, rest, True
            men.key = norm(hdoc[men.start:men.end].text)
            pop = max(ix["pop"][i] for i in rest)
            kinds = {gaz.kind(i) for i in rest}
    if men.qualified or (kinds & {COUNTRY, ADMIN1} and men.key not in gaz.weak):
        return True
    if men.key in gaz.wordlist or men.key in gaz.weak:
        return men.cue and pop >= BIG_CITY
    return pop >= TOWN or (men.cue and pop >= VILLAGE)


def title_votes(gaz: Gazetteer, cues: Cues, st: DocState, mentions: list[Mention],
                weights: PlaceWeights) -> None:
    """The headline's places vote like the dateline's: context for the whole story."""
    ix = gaz.index
    for men in mentions:
        idx = resolve(gaz, cues, st, men, None, weights)
        ccs = {ix["cc"][i] for i in men.ids}
        rest = foreign_namesakes_pop(gaz, men, idx)
        # Only a reading that is clear by itself votes: "Capulin" is a village in two lands.
        if ix["cc"][idx] and (len(ccs) == 1 or men.qualified
                              or ix["pop"][idx] >= CLEAR_MARGIN * max(rest, 1)):
            st.countries[ix["cc"][idx]] += _TITLE_VOTE
        if ix["cc"][idx] == "US" and gaz.kind(idx) in (CITY, ADMIN2, ADMIN1) and (
                men.a1 or len({ix["a1"][i] for i in men.ids}) == 1):
            st.states[ix["a1"][idx]] += 1


def title_facts(gaz: Gazetteer, cues: Cues, st: DocState, hdoc: Doc, mentions: list[Mention],
                dominant: str | None, weights: PlaceWeights) -> list[dict[str, Any]]:
    """The headline's most precise place as the event's place, for a body that names no
    place where something happened (its offsets are 0: it lies outside the body text)."""
    ix = gaz.index
    best: tuple[int, int] | None = None
    home = st.home[0] if st.home else None
    for k, men in enumerate(mentions):
        idx = resolve(gaz, cues, st, men, dominant, weights)
        if men.cc and ix["cc"][idx] != men.cc:
            continue
        if dominant and ix["cc"][idx] != dominant:
            continue
        if (st.states or home) and not men.a1 and ix["cc"][idx] == "US" \
                and gaz.kind(idx) == CITY and ix["pop"][idx] < BIG_CITY \
                and ix["a1"][idx] not in st.states and ix["a1"][idx] != home:
            continue  # a small namesake in a state the story never names
        if best is None or PRECISION[gaz.kind(idx)] < PRECISION[gaz.kind(best[1])]:
            best = (k, idx)
    if best is None:
        return []
    men = mentions[best[0]]
    return [title_fact(gaz, best[1], hdoc[men.start:men.end].text, hdoc.text, men.part)]
