"""Fuzz the whole run (ingest -> clean -> NLP -> tables) with hypothesis: random Unicode texts,
random bytes and broken JSON Lines, written to files. No exception, and every record read has
its row in the manifest. Few examples (the NLP runs on each); `test_fuzz_ingest.py` tries
hundreds of inputs on ingest and cleaning alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from pipeline.run import run

RUNS = settings(max_examples=25, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
_counter = iter(range(10**9))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz_run")


def _lines(texts: list[str], junk: list[bytes]) -> bytes:
    good = [json.dumps({"id": f"r{i}", "text": t}).encode() for i, t in enumerate(texts)]
    return b"\n".join([*good, *junk]) + b"\n"


@RUNS
@given(
    texts=st.lists(st.text(min_size=0, max_size=400), min_size=1, max_size=4),
    junk=st.lists(st.binary(min_size=1, max_size=80).filter(lambda b: b"\n" not in b and b.strip()), max_size=3),
    raw=st.binary(max_size=2000),
)
def test_any_input_gives_tables_and_a_row_for_every_record(
    folder: Path, nlp: Language, texts: list[str], junk: list[bytes], raw: bytes
) -> None:
    case = folder / f"c{next(_counter)}"
    case.mkdir()
    (case / "batch.jsonl").write_bytes(_lines(texts, junk))
    (case / "raw.txt").write_bytes(raw)
    summary = run([case], case / "out", nlp=nlp)
    manifest = pd.read_csv(case / "out" / "articles.csv")
    jsonl_rows = manifest[manifest["source"].astype(str).str.contains("batch.jsonl")]
    whole_file_refused = len(jsonl_rows) == 1 and jsonl_rows["status"].iloc[0] == "failed" and \
        "binary" in str(jsonl_rows["error"].iloc[0])  # mostly NUL bytes: not text at all
    assert whole_file_refused or len(jsonl_rows) == len(texts) + len(junk)
    assert (manifest["source"].astype(str).str.endswith("raw.txt")).sum() == 1
    assert summary.read == len(manifest)
    for name in ("facts", "events"):
        assert (case / "out" / f"{name}.csv").exists()
