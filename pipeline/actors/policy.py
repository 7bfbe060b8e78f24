"""The event policy of actor facts: `event_actors` picks actor1/actor2 of one event and ACLED's
inter codes and interaction. spaCy is not imported here (aggregate calls this)."""

from __future__ import annotations

from collections import Counter

from pipeline.schemas import INTER_CODES, ActorFact

# Violent actor types for actor1 of violent events, in ACLED's order of preference.
ARMED = ("state_forces", "rebel_groups", "political_militias", "identity_militias",
         "external_other_forces", "rioters")
_NON_STATE = ("rebel_groups", "political_militias", "identity_militias", "external_other_forces")
_VIOLENT_TYPES = ("battles", "explosions_remote_violence", "violence_against_civilians")
# The interaction code is ten times the lesser inter code plus the greater one.
_INTERACTION_BASE = 10

Actor = tuple[str, "str | None"]


def _pick(ranked: list[Actor], types: tuple[str | None, ...], exclude: str | None = None) -> Actor | None:
    for name, atype in ranked:
        if name != exclude and atype in types:
            return name, atype
    return None


def _ranked(facts: list[ActorFact]) -> list[Actor]:
    """(name, type) of the event's actors, the most mentioned first, proper names before nouns,
    then by first mention."""
    counts: Counter[str] = Counter(f.actor_name for f in facts)
    first: dict[str, int] = {}
    types: dict[str, str | None] = {}
    named: set[str] = set()
    for f in facts:
        first.setdefault(f.actor_name, f.char_start)
        types.setdefault(f.actor_name, f.actor_type)
        if f.named:
            named.add(f.actor_name)
    return [(n, types[n]) for n in sorted(counts, key=lambda n: (-counts[n], n not in named, first[n]))]


def _sides(ranked: list[Actor], event_type: str | None) -> tuple[Actor | None, Actor | None]:
    """actor1 (the side that acts) and actor2 (the side acted on) by the event's type."""
    if event_type == "protests":
        return _pick(ranked, ("protesters",)), _pick(ranked, ("state_forces", "external_other_forces"))
    if event_type == "riots":
        one = _pick(ranked, ("rioters", "protesters"))
        return one, _pick(ranked, ("state_forces", "civilians", "external_other_forces", "rioters"),
                          exclude=one[0] if one else None)
    if event_type in _VIOLENT_TYPES:
        one = _pick(ranked, _NON_STATE) or _pick(ranked, (None,)) or _pick(ranked, ARMED)
        rest = ("civilians",) + ARMED if event_type != "battles" else ARMED + ("civilians",)
        return one, _pick(ranked, rest, exclude=one[0] if one else None)
    # Ordinary crime (no type) and strategic developments: a named perpetrator first.
    one = _pick(ranked, (None,)) if event_type is None else None
    one = one or _pick(ranked, ARMED + ("protesters", None)) or ranked[0]
    return one, _pick(ranked, ARMED + ("protesters", "civilians", None), exclude=one[0] if one else None)


def event_actors(facts: list[ActorFact], event_type: str | None) -> dict[str, object]:
    """Event columns (actor1, inter1, actor2, inter2, interaction) from the actors of one event.

    actor1 is the side that acts (protesters in a protest, rioters in a riot, an armed actor in
    violence), actor2 the side acted on or fought against; names are ranked by how often the
    event's evidence mentions them, proper names before nouns, then by first mention."""
    if not facts:
        return {}
    one, two = _sides(_ranked(facts), event_type)
    if one is None:
        one, two = two, None
    if one is None:
        return {}
    if event_type == "riots" and one[1] == "protesters":
        # ACLED codes the demonstrators of a violent demonstration as rioters.
        one = (one[0].replace("Protesters", "Rioters", 1), "rioters")
    out: dict[str, object] = {"actor1": one[0], "inter1": INTER_CODES.get(one[1] or "")}
    if two is not None and two[0] != one[0]:
        out["actor2"] = two[0]
        out["inter2"] = INTER_CODES.get(two[1] or "")
    codes = [c for c in (out.get("inter1"), out.get("inter2")) if c]
    if len(codes) == 2:
        out["interaction"] = _INTERACTION_BASE * min(codes) + max(codes)
    elif len(codes) == 1:
        out["interaction"] = codes[0] * _INTERACTION_BASE
    return out
