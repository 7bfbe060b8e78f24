"""The clean stage: small `str -> str` steps, composed in order, that leave the story's prose.

What goes: the seed-style header line, site chrome ("Expand / Collapse search", "Published"),
section labels above the headline, bylines (kept as metadata), photo credits, a photo caption
printed twice, all-caps links to other stories, mojibake and broken white space. What stays is
every sentence of the story: extracted facts point at character spans of the cleaned text.
The lexicons are files in `models/clean/`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

import ftfy

from pipeline import resources
from pipeline.schemas import Article

Step = Callable[[str], str]

_HEADER_DATE = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}[ \t]*", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_BLANK_RUNS = re.compile(r"\n{3,}")
_PHOTO_CREDIT = re.compile(
    r"[ \t]*\((?:[A-Z][\w.&'/ -]{0,40}?\s)?(?:Photo|Photograph|Image|Picture|File photo|Video)s?"
    r"(?:\s+by)?\b[^()\n]{0,80}\)",
    re.IGNORECASE,
)
_BY_LINE = re.compile(r"^by\s+[A-Z][\w.'-]*(?:\s+[\w.'-]+){0,5}(?:\s*(?:,|and|\||-)\s*[\w.' -]+)?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\"”’)]$")
_LETTERS = re.compile(r"[^\W\d_]")


def _read_lexicon(name: str) -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """Entries of a lexicon file of `models/clean/`: plain entries (case-folded) and `re:`
    patterns (full match)."""
    plain: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for line in resources.read_lines(f"clean/{name}"):
        if line.startswith("re:"):
            patterns.append(re.compile(line[3:], re.IGNORECASE))
        else:
            plain.add(line.casefold())
    return frozenset(plain), tuple(patterns)


@lru_cache(maxsize=None)
def _lexicon(name: str) -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    return _read_lexicon(name)


def _in_lexicon(line: str, name: str) -> bool:
    plain, patterns = _lexicon(name)
    key = line.strip().casefold()
    return key in plain or any(p.fullmatch(key) for p in patterns)


def _map_lines(text: str, keep: Callable[[str], bool]) -> str:
    return "\n".join(line for line in text.split("\n") if keep(line))


def drop_invisible(text: str) -> str:
    """Remove invisible characters (zero-width spaces and joiners, soft hyphens, byte-order
    marks): one inside a badly decoded character ("â\u200b€™") would hide it from the repair."""
    return _INVISIBLE.sub("", text)


def fix_mojibake(text: str) -> str:
    """Repair text decoded with the wrong codec ("Kazakhstanâ€™s" -> "Kazakhstan’s")."""
    if text.isascii():
        return text
    return ftfy.fix_text(text, uncurl_quotes=False, fix_latin_ligatures=False, normalization="NFC")


def normalize_whitespace(text: str) -> str:
    """One kind of line break and space, no invisible characters, trimmed lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def drop_header_date(text: str) -> str:
    """Remove the `date YYYY-MM-DD` header (ingest has read it as the publication date)."""
    return _HEADER_DATE.sub("", text, count=1)


def drop_chrome_lines(text: str) -> str:
    """Remove whole lines of site chrome listed in `models/clean/chrome_lines.txt`."""
    return _map_lines(text, lambda line: not (line and _in_lexicon(line, "chrome_lines.txt")))


def _is_prose(line: str) -> bool:
    return len(line.split()) >= 8 and bool(_SENTENCE_END.search(line))


def drop_section_labels(text: str) -> str:
    """Remove standalone section labels ("Asia", "World") above the story's first prose line."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _is_prose(line):
            break
        if line and _in_lexicon(line, "section_labels.txt"):
            lines[i] = ""
    return "\n".join(lines)


def is_byline(line: str) -> bool:
    """A short standalone line that names the writer or the wire service."""
    line = line.strip()
    if not line or len(line.split()) > 8 or line.endswith("."):
        return False
    if _BY_LINE.match(line) or _in_lexicon(line, "bylines.txt"):
        return True
    # "Jane Doe, Associated Press" / "Jane Doe | Reuters"
    parts = re.split(r"\s*[,|]\s*|\s+-\s+", line)
    return len(parts) == 2 and _in_lexicon(parts[1], "bylines.txt")


def find_byline(text: str) -> str | None:
    """The first byline of the text, to keep as metadata before it is removed."""
    for line in text.split("\n"):
        if is_byline(line):
            return re.sub(r"^by\s+", "", line.strip(), flags=re.IGNORECASE)
    return None


def drop_bylines(text: str) -> str:
    """Remove byline lines."""
    return _map_lines(text, lambda line: not is_byline(line))


def drop_photo_credits(text: str) -> str:
    """Remove credits such as "(AP Photo/Vladimir Tretyakov)" wherever they stand."""
    return _PHOTO_CREDIT.sub("", text)


def _upper_share(text: str) -> float:
    letters = _LETTERS.findall(text)
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def drop_caps_links(text: str) -> str:
    """Remove all-caps lines (links to other stories) from mixed-case articles.

    Old wire copy is upper case throughout; there every line stays.
    """
    if _upper_share(text) > 0.5:
        return text

    def keep(line: str) -> bool:
        return len(line.split()) < 3 or _upper_share(line) < 0.9

    return _map_lines(text, keep)


def drop_repeated_paragraphs(text: str) -> str:
    """Keep the first copy of a paragraph printed more than once (a photo caption, a teaser)."""
    seen: set[str] = set()
    out: list[str] = []
    for line in text.split("\n"):
        key = " ".join(line.split()).casefold()
        if len(key) > 40 and key in seen:
            continue
        seen.add(key)
        out.append(line)
    return "\n".join(out)


def collapse_blank_lines(text: str) -> str:
    """At most one blank line between paragraphs, none at the ends."""
    lines = [line.rstrip() for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


# The order matters: invisible characters out before the codec repair, which then runs once
# (`clean_article` runs PREPARE_STEPS apart); white space before the line tests so they see
# clean lines; credits before the repeated-paragraph test so two copies of a caption
# that differ only by credits compare equal.
PREPARE_STEPS: tuple[Step, ...] = (drop_invisible, fix_mojibake, normalize_whitespace)
_AFTER_PREPARE: tuple[Step, ...] = (
    drop_header_date,
    drop_chrome_lines,
    drop_section_labels,
    drop_bylines,
    drop_photo_credits,
    normalize_whitespace,
    drop_caps_links,
    drop_repeated_paragraphs,
    collapse_blank_lines,
)
CLEAN_STEPS: tuple[Step, ...] = (*PREPARE_STEPS, *_AFTER_PREPARE)


def clean_text(text: str, steps: Sequence[Step] = CLEAN_STEPS) -> str:
    """Apply the cleaning steps in order."""
    for step in steps:
        text = step(text)
    return text


def guess_title(text: str) -> str | None:
    """The headline of a cleaned text: its first line when short and not a sentence."""
    first = text.split("\n", 1)[0].strip()
    if first and len(first.split()) <= 20 and not first.endswith("."):
        return first
    return None


def clean_article(article: Article) -> Article:
    """The article with cleaned text, its byline as metadata and a title when it had none."""
    prepared = clean_text(article.text, PREPARE_STEPS)
    # The rest of the steps: repairing the codec again would cost as much as the first time.
    text = clean_text(prepared, _AFTER_PREPARE)
    return article.model_copy(
        update={
            "text": text,
            "byline": article.byline or find_byline(drop_header_date(prepared)),
            "title": article.title or guess_title(text),
        }
    )
