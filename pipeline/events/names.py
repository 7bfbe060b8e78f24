"""People named by an article: the full personal names its facts hold (an event's `persons`),
and those names as merge tokens (see "People named" in `pipeline.events`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from pipeline.events.text import common_words, norm, not_name_words, place_prepositions
from pipeline.geo import keys as place_keys
from pipeline.geo.index import load_index
from pipeline.schemas import ActorFact, CasualtyFact, Fact, PlaceFact

_PERSON_SUFFIX = re.compile(r",? (?:Jr|Sr|II|III|IV)\.?$")
_POSSESSIVE = re.compile(r"['’]s$")
# A full personal name: two or more capitalised words, middle initials allowed, a suffix kept
# ("Dana R. Kowalczyk Jr."); a single surname ("Kowalczyk") is too common to tell incidents.
_PERSON = re.compile(
    r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?(?: [A-Z]\.)*(?: (?:Mc|Mac|O'|De|Di|La|Le)?[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?)+"
    r"(?:,? (?:Jr|Sr)\.?|,? (?:II|III|IV))?"
)


def person_names(facts: Iterable[Fact]) -> list[str]:
    """The full personal names (first and last) an article's facts hold, sorted: named actors
    without an actor type (a person, not a police force or an armed group: a mayor or chief
    typed as state forces is quoted in many stories), casualty facts whose victim words are a
    name, and the names in casualty sentences ("Dana Kowalczyk, 19, was shot": see
    `_sentence_names`); never one of the article's own place names ("Long Beach")."""
    facts = list(facts)
    common = common_words()
    out: set[str] = set()
    read: set[str] = set()  # sentences already read: an article's claims share theirs
    for fact in facts:
        text = None
        if isinstance(fact, ActorFact) and fact.named and fact.actor_type is None:
            text = fact.actor_name
        elif isinstance(fact, CasualtyFact):
            text = fact.victims
            if fact.sentence not in read:
                read.add(fact.sentence)
                out.update(_sentence_names(fact.sentence, common))
        # "related coverage man": a last word that is a common news word is no surname.
        if text and _PERSON.fullmatch(text) and text.split()[-1].lower().strip(".,") not in common:
            out.add(" ".join(text.split()))
    # "Long Beach" is capitalised like a name: drop the article's own places; and a phrase
    # with an institution's, a title's or a holiday's word is no person, whatever found it
    # ("Christmas Eve" read as a named actor would tie every report of that night).
    places = {norm(p) for f in facts if isinstance(f, PlaceFact) for p in (f.text, f.name) if p}
    bad = not_name_words()
    return sorted(n for n in out if norm(n) not in places and bad.isdisjoint(norm(n).split())
                  and not is_place_name(n))


@lru_cache(maxsize=1)
def _place_keys() -> dict:
    """The lookup keys of the compiled GeoNames index (the one copy `load_index` holds)."""
    return load_index()["keys"]


def is_place_name(name: str) -> bool:
    """Whether a capitalised phrase is a place's name of more than one word in the gazetteer
    ("Fort Worth" in "a Fort Worth man was shot"; a one-word name is never a full name): a
    place named in two reports is no person they share, and the merge compares places by
    themselves."""
    key = place_keys.norm(name)
    return " " in key and key in _place_keys()


def _sentence_names(sentence: str, common: frozenset[str]) -> list[str]:
    """Full personal names in a casualty sentence ("Dana Kowalczyk, 19, was shot"): capitalised
    runs without a common news word or an institution's or a title's word (`not_name_words`),
    not after a title, nor after a locative word unless possessive (`place_prepositions`)."""
    bad, places = not_name_words(), place_prepositions()
    out = []
    for match in _PERSON.finditer(sentence):
        words = [w.lower().strip(".,") for w in match.group().split()]
        if any(w in common or w in bad for w in words):
            continue
        # A title just before the name: an official, quoted in many stories.
        before = sentence[: match.start()].split()[-1:]
        if before and before[0].lower().strip(".,") in bad:
            continue
        # A locative word before it: a place the gazetteer lacks ("shot in Windsor Mill"),
        # unless the phrase is possessive ("in Dana Smith's death").
        possessive = _POSSESSIVE.search(match.group()) or sentence.startswith(("'s", "’s"), match.end())
        if before and before[0].lower() in places and not possessive:
            continue
        # "Dana Smith's car": the name, not its possessive, is the token reports share.
        out.append(" ".join(_POSSESSIVE.sub("", match.group()).split()))
    return out


def person_tokens(persons: str | None) -> frozenset[str]:
    """An event's `persons` as merge tokens: lower-cased names, each one token with a space (no
    headline word has one), a suffix dropped ("Jr." is not in every report)."""
    return frozenset(
        _PERSON_SUFFIX.sub("", p).strip().lower() for p in (persons or "").split(";") if p.strip()
    )
