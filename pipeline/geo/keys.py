"""Lookup keys of place names: how a name as written becomes the key the index is searched by.

spaCy-free: the index builder, the tables and the scripts share it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DOTS = re.compile(r"\.")
_DASHES = re.compile(r"\s*[-\u2010\u2011\u2012\u2013\u2014]\s*")
_SPACES = re.compile(r"\s+")
# The abbreviations English uses for Saint/Fort/Mount, and names that drop their article.
_SHORT_FORMS = (("saint ", "st "), ("sainte ", "ste "), ("fort ", "ft "), ("mount ", "mt "),
                ("the ", ""))
# Keys are looked up for every capitalised n-gram of every article: most repeat.
_NORM_CACHE = 200_000


@lru_cache(maxsize=_NORM_CACHE)
def norm(text: str) -> str:
    """The lookup key of a name: accents stripped, case-folded, periods dropped, dashes and
    spaces normalised ("St. Louis" -> "st louis", "Usulután" -> "usulutan")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("\u2019", "'")
    text = _DOTS.sub("", text)
    text = _DASHES.sub("-", text)
    return _SPACES.sub(" ", text).strip()


def latin(name: str) -> bool:
    """Whether a name is written in Latin script (alternate names in other scripts never occur
    in English text and would only bloat the index)."""
    for c in name:
        if c.isalpha() and not ("LATIN" in unicodedata.name(c, "")):
            return False
    return True


def variants(name: str) -> set[str]:
    """Keys for a name, with the abbreviations English uses for Saint/Fort/Mount."""
    key = norm(name)
    out = {key}
    for long, short in _SHORT_FORMS:
        if key.startswith(long):
            out.add(short + key[len(long):])
    return out
