"""Fuzz ingest -> clean with hypothesis: random bytes, random Unicode, huge lines, broken JSON
Lines and broken CSV, written to files. Nothing raises, and every record is accounted for: a
JSON Lines file gives one row or article per non-blank line, any file at least one.

The NLP is not run here (too slow for hundreds of inputs); `test_ingest_run.py` runs a whole
batch of awkward files. `pytest --hypothesis-show-statistics` prints how many inputs were tried.
"""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.clean import clean_article
from pipeline.ingest import read_inputs
from pipeline.schemas import Article, ManifestRow

# Bounded: about 200 inputs a property.
FUZZ = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
HUGE = FUZZ
SUFFIXES = [".txt", ".jsonl", ".csv", ".html", ".dat"]
BOMS = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]

_counter = iter(range(10**9))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for every generated file (hypothesis reruns a test many times)."""
    return tmp_path_factory.mktemp("fuzz")


def _write(folder: Path, data: bytes, suffix: str) -> Path:
    path = folder / f"f{next(_counter)}{suffix}"
    path.write_bytes(data)
    return path


def _ingest_and_clean(path: Path) -> list[Article | ManifestRow]:
    """Every record of the file, each article cleaned; removes the file."""
    try:
        records = list(read_inputs([str(path)]))
        for record in records:
            assert isinstance(record, (Article, ManifestRow))
            if isinstance(record, Article):
                clean_article(record)
            else:
                assert record.status in ("failed", "empty") and record.error
        assert records, "a file gives at least one row"
        return records
    finally:
        os.unlink(path)


def _non_blank_lines(data: bytes) -> int:
    return sum(1 for line in data.split(b"\n") if line.strip())


def _check_jsonl(records: list[Article | ManifestRow], data: bytes) -> None:
    lines = _non_blank_lines(data)
    whole_file = len(records) == 1 and isinstance(records[0], ManifestRow)
    if whole_file and ("binary" in (records[0].error or "") or records[0].status == "empty"):
        return  # a binary file fails (or an all-blank one is empty) as a whole
    assert len(records) == lines


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES), bom=st.sampled_from(BOMS))
def test_random_bytes(folder: Path, data: bytes, suffix: str, bom: bytes) -> None:
    _ingest_and_clean(_write(folder, bom + data, suffix))


@FUZZ
@given(
    text=st.text(max_size=2000),
    codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "utf-16-le"]),
    suffix=st.sampled_from(SUFFIXES),
)
def test_random_unicode(folder: Path, text: str, codec: str, suffix: str) -> None:
    _ingest_and_clean(_write(folder, text.encode(codec, errors="surrogatepass"), suffix))


def _json_lines() -> st.SearchStrategy[str]:
    record = st.fixed_dictionaries(
        {"id": st.one_of(st.text(max_size=8), st.integers(), st.none())},
        optional={
            "text": st.one_of(st.text(max_size=300), st.integers(), st.none()),
            "title": st.one_of(st.text(max_size=30), st.none()),
            "published": st.one_of(st.dates().map(str), st.text(max_size=12)),
        },
    ).map(json.dumps)
    broken = record.flatmap(lambda line: st.integers(0, len(line)).map(lambda cut: line[:cut]))
    noise = st.text(alphabet=st.characters(blacklist_characters="\n"), max_size=80)
    return st.one_of(record, broken, noise, st.just(""), st.just("   "))


@FUZZ
@given(lines=st.lists(_json_lines(), max_size=20), latin=st.booleans())
def test_broken_json_lines(folder: Path, lines: list[str], latin: bool) -> None:
    data = "\n".join(lines).encode("cp1252" if latin else "utf-8", errors="replace")
    records = _ingest_and_clean(_write(folder, data, ".jsonl"))
    _check_jsonl(records, data)


def _csv_cells() -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(alphabet=st.sampled_from('ab ,"\n\r\x00é'), max_size=30),
        st.text(max_size=20),
    )


@FUZZ
@given(
    header=st.sampled_from(["id,title,published,text", "text", "id,body", "", '"id,text']),
    rows=st.lists(st.lists(_csv_cells(), max_size=6), max_size=12),
)
def test_broken_csv(folder: Path, header: str, rows: list[list[str]]) -> None:
    body = "\n".join([header, *(",".join(row) for row in rows)])
    _ingest_and_clean(_write(folder, body.encode("utf-8", errors="surrogatepass"), ".csv"))


def _huge(unit: str, size: int) -> str:
    return (unit * (size // max(1, len(unit)) + 1))[:size]


@HUGE
@given(
    unit=st.text(min_size=1, max_size=12),
    size=st.integers(60_000, 200_000),
    suffix=st.sampled_from([".txt", ".jsonl", ".csv"]),
)
def test_huge_lines(folder: Path, unit: str, size: int, suffix: str) -> None:
    line = _huge(unit, size)
    if suffix == ".jsonl":
        data = (json.dumps({"id": "h", "text": line}) + "\n" + line + "\n").encode("utf-8", "surrogatepass")
        records = _ingest_and_clean(_write(folder, data, suffix))
        _check_jsonl(records, data)
    elif suffix == ".csv":
        data = f'id,text\nh1,"{line}"\nh2,{line}\n'.encode("utf-8", "surrogatepass")
        _ingest_and_clean(_write(folder, data, suffix))
    else:
        _ingest_and_clean(_write(folder, line.encode("utf-8", "surrogatepass"), suffix))


def test_a_line_of_a_million_characters(folder: Path) -> None:
    line = "Police said. " * 80_000
    data = (json.dumps({"id": "m", "text": line}) + "\n").encode("utf-8")
    [article] = _ingest_and_clean(_write(folder, data, ".jsonl"))
    assert isinstance(article, Article) and len(article.text) == len(line)

