"""Numbers as news writes them: "353", "1,200", "twelve", "two dozen", "at least 20", "10 to 15".

`parse_count` turns a quantity phrase into an interval `(low, best, high, qualifier)` where `high`
is None when the phrase sets no upper bound ("at least eight"). Vague words ("dozens",
"several") come from a table the caller loads once (`load_vague_table`, the file
`models/casualties/quantities.json` read through `pipeline.resources`, documented in its README).
Pure string functions: no spaCy.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

from text_to_num import text2num
from word2number import w2n

from pipeline import resources

Interval = tuple[int, int, int | None]
Count = tuple[int, int, int | None, str | None]

_SMALL = {
    "zero": 0, "none": 0, "a": 1, "an": 1, "one": 1, "single": 1, "lone": 1, "two": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12, "score": 20,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12,
           "score": 20}

# Modifier phrase -> how it bends the number (see _apply). Longest first when matching.
MODIFIERS: dict[str, str] = {
    "at least": "min", "no fewer than": "min", "no less than": "min", "not less than": "min",
    "a minimum of": "min", "at minimum": "min", "upwards of": "min", "as many as": "max",
    "more than": "gt", "over": "gt", "in excess of": "gt", "above": "gt", "greater than": "gt",
    "well over": "gt", "just over": "gt",
    "up to": "max", "nearly": "max", "almost": "max", "close to": "max", "just under": "max",
    "fewer than": "lt", "less than": "lt", "under": "lt", "no more than": "max", "not more than": "max",
    "at most": "max",
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx", "some": "approx",
    "an estimated": "approx", "estimated": "approx", "circa": "approx", "nearly all": "approx",
    "some estimated": "approx", "reportedly": "approx", "an approximate": "approx",
}
_MOD_RE = re.compile(r"^(" + "|".join(sorted((re.escape(m) for m in MODIFIERS), key=len, reverse=True)) + r")\s+")
# Words that may precede a count without changing it ("another 353", "all three", "the two").
_LEAD_RE = re.compile(r"^(?:another|an additional|a further|additional|further|other|all|all of the|the|"
                      r"those|these|its|their|total of|a total of|only|just|still|least)\s+")
_DIGITS_RE = re.compile(r"^(\d+(?:\.\d+)?)(?:\s+(hundred|thousand|million|billion|dozen))?$")
_DIGIT_COMMA_RE = re.compile(r"(?<=\d),(?=\d{3}\b)")
_DASH_RANGE_RE = re.compile(r"(?<=\w)\s*[-\u2013\u2014]\s*(?=\w)")
_RANGE_RE = re.compile(r"^(?:between\s+)?(.+?)\s+(?:to|and|or|-)\s+(.+)$")
_TRAILING_OF_RE = re.compile(r"\s+of$")
_WORD_NUM_RE = re.compile(r"^[a-z]+(?:\s+(?:and\s+)?[a-z]+)*$")
VAGUE_TABLE = "casualties/quantities.json"


def load_vague_table(root: str | Path | None = None) -> dict[str, Interval]:
    """The table of vague quantities under `root` (a folder laid out like `models/`; None: the
    shipped data): phrase -> (low, best, high); keys starting "_" are comments."""
    raw = resources.read_json(VAGUE_TABLE, root)
    return {k: (v[0], v[1], v[2]) for k, v in raw.items() if not k.startswith("_")}


def _normalise(text: str) -> str:
    s = text.lower().replace("\u2019", "'").strip(" .,;:()[]\"'")
    s = _DIGIT_COMMA_RE.sub("", s)
    return " ".join(s.split())


@lru_cache(maxsize=4096)
def parse_number(text: str) -> int | None:
    """A plain number in digits or words ("1,200", "twelve", "twenty-five", "a", "two dozen",
    "1.5 million"), or None when `text` is not one."""
    s = _normalise(text).replace("-", " ")
    if not s:
        return None
    m = _DIGITS_RE.match(s)
    if m:
        value = float(m.group(1)) * _SCALES.get(m.group(2) or "", 1)
        return int(value) if value == int(value) else None
    if s in _SMALL:
        return _SMALL[s]
    words = s.split()
    if words[0] in ("a", "an") and len(words) == 2 and words[1] in _SCALES:
        return _SCALES[words[1]]
    if len(words) == 2 and words[1] in ("dozen", "score") and words[0] in _SMALL:
        return _SMALL[words[0]] * _SCALES[words[1]]
    if not _WORD_NUM_RE.match(s):
        return None
    try:
        return int(text2num(s, "en"))
    except (ValueError, AssertionError):
        pass
    if any(w not in _SMALL and w not in _SCALES and w != "and" for w in words):
        return None  # word2number guesses on foreign words; only let it see number words
    try:
        return int(w2n.word_to_num(s))
    except (ValueError, IndexError):
        return None


def _single(s: str, vague: dict[str, Interval]) -> tuple[Interval, str | None] | None:
    if s in vague:
        return vague[s], s
    s = _TRAILING_OF_RE.sub("", s)
    if s in vague:
        return vague[s], s
    n = parse_number(s)
    if n is None:
        return None
    return (n, n, n), None


def _apply(kind: str, n: int) -> Interval:
    """The interval a modifier makes of the number n."""
    if kind == "min":
        return n, n, None
    if kind == "gt":
        return n + 1, n + 1, None
    if kind == "max":
        return max(n - max(1, n // 5), 0) if n > 1 else n, n, n
    if kind == "lt":
        return max(n - max(1, n // 5), 0), max(n - 1, 0), max(n - 1, 0)
    # approx: a fifth either side, at least one
    spread = max(1, math.ceil(n / 5))
    return max(n - spread, 0), n, n + spread


@lru_cache(maxsize=4096)
def _parse_count(text: str, vague_key: int) -> Count | None:
    vague = _TABLES[vague_key]
    s = _normalise(text)
    s = _DASH_RANGE_RE.sub(" - ", s) if re.search(r"\d\s*[-\u2013\u2014]\s*\d", s) else s
    qualifier: str | None = None
    kind: str | None = None
    for _ in range(2):  # "another at least 3", "some 20": strip leads and one modifier
        s = _LEAD_RE.sub("", s)
        m = _MOD_RE.match(s)
        if m and kind is None:
            kind = MODIFIERS[m.group(1)]
            qualifier = m.group(1)
            s = s[m.end():]
    if not s:
        return None
    single = _single(s, vague)
    if single is None:
        m = _RANGE_RE.match(s)
        if not m:
            return None
        a, b = _single(m.group(1), vague), _single(m.group(2), vague)
        if a is None or b is None:
            return None
        lo, hi = min(a[0][0], b[0][0]), max(a[0][2] or a[0][1], b[0][2] or b[0][1])
        return lo, lo, hi, qualifier or ("between ... and" if s.startswith("between") else "range")
    (low, best, high), vague_word = single
    if vague_word is not None and low == high:  # "a dozen", "both": a number in words
        qualifier = " ".join(x for x in (qualifier, vague_word) if x)
        if kind is None:
            return low, best, high, qualifier
        low, best, high = _apply(kind, best)
        return low, best, high, qualifier
    if vague_word is not None:
        if kind in ("min", "gt"):
            high = None
        return low, best, high, " ".join(x for x in (qualifier, vague_word) if x)
    if kind is None:
        return low, best, high, None
    low, best, high = _apply(kind, best)
    return low, best, high, qualifier


# lru_cache needs hashable arguments: tables are registered once and referred to by key.
_TABLES: dict[int, dict[str, Interval]] = {}


def parse_count(text: str, vague: dict[str, Interval]) -> Count | None:
    """A quantity phrase as (low, best, high, qualifier), or None when `text` holds no count.

    "12" -> (12, 12, 12, None); "at least eight" -> (8, 8, None, "at least");
    "dozens" -> the table's interval; "between 10 and 15" -> (10, 10, 15, "between ... and").
    """
    key = id(vague)
    if key not in _TABLES:
        _TABLES[key] = vague
    return _parse_count(text, key)
