"""Actor names: countries of words and of the article, ACLED-style names from templates, titles
of office, and named groups found among a mention's words."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from pipeline.actors.lexicon import ActorData, Group

_THE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s$")
_TEMPLATE_COUNTRY = re.compile(r"\s*(?:\(\{country\}\)|of \{country\})")
# Country names that take "the" after "of".
_THE_COUNTRIES = ("United ", "Democratic Republic", "Republic of", "Central African", "Philippines",
                  "Netherlands", "Gambia", "Bahamas", "Comoros", "Maldives", "Czech")
# Words of a state organisation's name that say only what kind of force it is.
_STATE_NAME_WORDS = {"the", "army", "military", "armed", "forces", "force", "air", "navy", "national",
                     "guard", "police", "security", "command", "high", "units", "unit", "defence",
                     "defense", "gendarmerie", "'s", "’s"}
# Regular demonyms start like their country (Syrian, Nigerian, Ukrainian, Kenyan): their
# endings, the least length of such a word, and how many first letters are compared.
_DEMONYM_ENDINGS = ("an", "ian", "i", "ese", "ish")
_DEMONYM_MIN = 5
_DEMONYM_STEM = 4


def has_phrase(words: list[str], phrase: tuple[str, ...]) -> bool:
    """Whether `phrase` occurs as consecutive words of `words`."""
    n = len(phrase)
    return any(tuple(words[i:i + n]) == phrase for i in range(len(words) - n + 1))


def groups_in(words: list[str], data: ActorData) -> list[Group]:
    """The groups whose name starts with one of `words` (candidates for has_phrase)."""
    return [g for w in dict.fromkeys(words) for g in data.groups_by_first.get(w, ())]


def country_of_word(word: str, data: ActorData) -> str | None:
    """The country a country name or demonym stands for ("Iraqi" -> Iraq), or None."""
    w = _POSSESSIVE.sub("", word.lower())
    if w in data.countries:
        return data.countries[w]
    if w in data.demonyms:
        return data.demonyms[w]
    if len(w) >= _DEMONYM_MIN and w.endswith(_DEMONYM_ENDINGS):
        stem = w[:_DEMONYM_STEM]
        hits = [name for low, name in data.countries.items() if low.startswith(stem) and " " not in low]
        if len(hits) == 1:
            return hits[0]
    return None


def doc_country(doc: Doc, data: ActorData) -> str | None:
    """The article's main country: from the places component, else from GPE mentions."""
    counts: Counter[str] = Counter()
    for place in doc._.ne_places or ():
        if place.get("country") and place.get("role") != "report":
            counts[place["country"]] += 1
    if not counts:
        for ent in doc.ents:
            if ent.label_ in ("GPE", "NORP"):
                country = country_of_word(_THE.sub("", ent.text), data)
                if country:
                    counts[country] += 1
    return counts.most_common(1)[0][0] if counts else None


def fill_name(template: str, country: str | None) -> str:
    """An actor name from its template ("Police Forces of {country}"), without the country
    when none is known."""
    if country:
        if country.startswith(_THE_COUNTRIES) and "of {country}" in template:
            country = "the " + country  # "Military Forces of the United States"
        return template.replace("{country}", country)
    return _TEMPLATE_COUNTRY.sub("", template)


def clean_name(text: str) -> str:
    """A name as written, without a leading article or line breaks."""
    return _THE.sub("", " ".join(text.split()))


def _pobj_country(prep: Token, data: ActorData) -> str | None:
    """The country of the object of "in"/"of"/"from", or of its owner ("of Kazakhstan's")."""
    for pobj in prep.children:
        if pobj.dep_ == "pobj":
            country = country_of_word(pobj.text, data)
            if country:
                return country
            for sub in pobj.children:
                if sub.dep_ == "poss":
                    country = country_of_word(sub.text, data)
                    if country:
                        return country
    return None


def modifier_country(tok: Token, data: ActorData) -> str | None:
    """The country named next to a noun: "Iraqi troops", "Kazakhstan's police", "police in Almaty"."""
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod"):
            country = country_of_word(child.text, data)
            if country:
                return country
        if child.dep_ == "prep" and child.lower_ in ("in", "of", "from"):
            country = _pobj_country(child, data)
            if country:
                return country
    return None


def state_name(ent: Span, atype: str, data: ActorData, country: str | None) -> str | None:
    """ "Military Forces of X" / "Police Forces of X" for a state organisation named only by
    generic words and a country ("the ARMY", "Salvadoran Air Force"), else None."""
    if atype != "state_forces":
        return None
    own = None
    for tok in ent:
        low = tok.lower_
        if low in _STATE_NAME_WORDS or tok.is_punct:
            continue
        own = own or country_of_word(tok.text, data)
        if own is None:
            return None  # a proper name of its own ("3rd Infantry Brigade")
    kind = "Police Forces" if "police" in {t.lower_ for t in ent} else "Military Forces"
    return fill_name(kind + " of {country}", own or country)


def title_before(span: Span, data: ActorData) -> tuple[str | None, int]:
    """The title right before or at the start of a name, and how many tokens it takes."""
    doc = span.doc
    for n in range(data.max_title_words, 0, -1):
        for start in (span.start, span.start - n):
            if start < 0 or start + n > len(doc):
                continue
            words = " ".join(t.lower_ for t in doc[start:start + n])
            if words in data.titles:
                return data.titles[words], (n if start == span.start else 0)
    return None, 0
