"""Whether two names of victims name one person (spaCy-free: plain strings)."""

from __future__ import annotations

# Generational suffixes: "John Smith Jr." and "John Smith Sr." are father and son.
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# A first name shorter than this is too often part of another word to be taken for glue.
_MIN_GLUED = 3


def same_person(a: str, b: str) -> bool:
    """Two names of one person: the same surname, and one name is that surname alone or both start
    alike ("Dana Reyes" / "Reyes"; a page title glued to the name: "TimesDana Reyes"). "Dana Reyes" and
    "Luis Reyes" are two people."""
    words = [n.replace(".", "").split() for n in (a, b)]
    suffixes = [{w.lower() for w in ws if w.lower() in _NAME_SUFFIXES} for ws in words]
    if suffixes[0] and suffixes[1] and suffixes[0] != suffixes[1]:
        return False  # "John Smith Jr." and "John Smith Sr." are father and son
    wa, wb = ([w for w in ws if w.lower() not in _NAME_SUFFIXES] for ws in words)
    if not wa or not wb or wa[-1].lower() != wb[-1].lower():
        return False
    short, long_ = sorted((wa, wb), key=len)
    if [w.lower() for w in long_[len(long_) - len(short):]] == [w.lower() for w in short]:
        return True  # "Reyes", "Dana Reyes" / "Lee Dana Reyes"
    return _glued(wa[0], wb[0]) or _glued(wb[0], wa[0])


def _glued(word: str, first: str) -> bool:
    """`word` is a page title's last word glued to the first name `first` ("TimesDana" and
    "Dana"): it ends with it, right after a lower-case letter ("Ana" in "Dana" is no glue)."""
    cut = len(word) - len(first)
    return (len(first) >= _MIN_GLUED and cut > 0 and word.endswith(first) and word[cut - 1].islower()
            and first[0].isupper())
