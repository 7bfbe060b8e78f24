"""The evaluation corpora are copyrighted news kept outside the repository: no file of ours may
hold a run of their words (tests, lexicons, comments, docs). A run of `RUN` words shared with
a corpus text fails; shorter runs are the stock phrases of news ("was rushed to the hospital
in critical condition") that anyone writes."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = 9
_WORD = re.compile(r"[a-z0-9']+")
_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand".split()
)
SCANNED = ("pipeline", "models", "tests", "docs", "bench", "README.md")
SUFFIXES = {".py", ".md", ".json", ".jsonl", ".txt", ".tsv"}


def runs(text: str, n: int = RUN) -> set[tuple[str, ...]]:
    """Every run of `n` words of a text (lower-cased), but runs of number words only (a list
    of the number words is no quotation)."""
    words = _WORD.findall(text.lower())
    out = set()
    for i in range(len(words) - n + 1):
        run = tuple(words[i : i + n])
        if not _NUMBER_WORDS.issuperset(run):
            out.add(run)
    return out


def our_files() -> list[Path]:
    """The repository's text files that could quote a corpus."""
    files: list[Path] = []
    for name in SCANNED:
        path = ROOT / name
        candidates = [path] if path.is_file() else sorted(path.rglob("*"))
        files.extend(p for p in candidates if p.is_file() and p.suffix in SUFFIXES)
    return files


def test_runs_of_words_are_found_and_number_lists_ignored() -> None:
    text = "Police said the man was shot twice in the chest near the corner store."
    assert ("man", "was", "shot", "twice", "in", "the", "chest", "near", "the") in runs(text)
    assert runs("one two three four five six seven eight nine ten") == set()
    assert runs("too short") == set()


def test_no_file_quotes_an_evaluation_corpus(eval_dir: Path) -> None:
    corpus: set[tuple[str, ...]] = set()
    for path in sorted(eval_dir.glob("*.jsonl")):
        if path.name == "seed.jsonl":
            continue  # the seed article is ours to quote: it is in seeds/
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                corpus |= runs(f"{record.get('title') or ''}\n{record.get('text') or ''}")
    quoted = {}
    for path in our_files():
        shared = runs(path.read_text(encoding="utf-8", errors="replace")) & corpus
        if shared:
            quoted[str(path.relative_to(ROOT))] = sorted(" ".join(r) for r in shared)[:3]
    assert not quoted, f"runs of {RUN} words copied from the evaluation corpora: {quoted}"
