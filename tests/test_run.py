"""run: the stages in order, and a batch that survives bad input with every record accounted for."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from spacy.language import Language

from pipeline.run import run
from pipeline.tabulate import ARTICLE_DTYPES, EVENT_DTYPES, FACT_DTYPES

GOOD = (
    "Police said on Tuesday that three protesters were killed and 20 injured when security forces "
    "opened fire on a crowd in the capital."
)


def test_bad_input_is_recorded_and_the_good_articles_come_out(tmp_path: Path, nlp: Language) -> None:
    batch = tmp_path / "in"
    batch.mkdir()
    (batch / "a.jsonl").write_text(
        json.dumps({"id": "good-1", "published": "2021-06-03", "text": GOOD})
        + "\n{broken json\n"
        + json.dumps({"id": "good-2", "text": GOOD.replace("three", "two")})
        + "\n",
        encoding="utf-8",
    )
    (batch / "empty.txt").write_text("", encoding="utf-8")
    (batch / "chrome.txt").write_text("Advertisement\nShare this article\n", encoding="utf-8")
    (batch / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00")
    out = tmp_path / "out"

    summary = run([batch], out, nlp=nlp)

    articles = pd.read_csv(out / "articles.csv")
    assert list(articles.columns) == list(ARTICLE_DTYPES)
    assert len(articles) == summary.read == 6
    by_source = {Path(s).name: st for s, st in zip(articles.source, articles.status)}
    assert by_source["a.jsonl:1"] == "ok" and by_source["a.jsonl:3"] == "ok"
    assert by_source["a.jsonl:2"] == "failed"
    assert by_source["empty.txt"] == "empty" and by_source["chrome.txt"] == "empty"
    assert by_source["blob.txt"] == "failed"
    failed = articles[articles.status == "failed"]
    assert failed.error.str.contains("a.jsonl:2").any() and failed.error.str.contains("blob.txt").any()
    assert (summary.ok, summary.empty, summary.failed) == (2, 2, 2)

    facts = pd.read_csv(out / "facts.csv")
    assert list(facts.columns) == list(FACT_DTYPES)
    assert set(facts.article_id) <= {"good-1", "good-2"}
    assert list(pd.read_csv(out / "events.csv").columns) == list(EVENT_DTYPES)
    assert not list(out.glob(".*.tmp"))  # temporary files renamed into place


def test_limit_and_multiprocess_give_the_same_tables(tmp_path: Path, nlp: Language) -> None:
    src = tmp_path / "b.jsonl"
    src.write_text(
        "".join(
            json.dumps({"id": f"n{i}", "published": "2021-06-03", "text": f"{GOOD} It happened in Lagos, Nigeria. Report {i} of 5."})
            + "\n"
            for i in range(5)
        ),
        encoding="utf-8",
    )
    one = run([src], tmp_path / "one", nlp=nlp, limit=3)
    assert one.read == 3
    two = run([src], tmp_path / "two", nlp=nlp, processes=2, batch_size=2)
    assert two.ok == 5
    single = run([src], tmp_path / "single", nlp=nlp)
    facts = pd.read_csv(tmp_path / "two" / "facts.csv")
    # Every kind of fact must survive the trip back from the worker processes.
    assert {"place", "date", "casualty"} <= set(facts.kind)
    pd.testing.assert_frame_equal(facts, pd.read_csv(tmp_path / "single" / "facts.csv"))


def test_component_failure_is_one_failed_row(tmp_path: Path, nlp: Language, monkeypatch) -> None:
    from pipeline import run as run_module

    def explode(article, facts):
        if article.id == "bad":
            raise RuntimeError("boom")
        return []

    monkeypatch.setattr(run_module, "build_article_events", explode)
    src = tmp_path / "c.jsonl"
    src.write_text(
        json.dumps({"id": "bad", "text": GOOD}) + "\n" + json.dumps({"id": "fine", "text": GOOD + " More later."}) + "\n",
        encoding="utf-8",
    )
    summary = run([src], tmp_path / "o", nlp=nlp)
    articles = pd.read_csv(tmp_path / "o" / "articles.csv").set_index("article_id")
    assert articles.loc["bad", "status"] == "failed" and "boom" in articles.loc["bad", "error"]
    assert articles.loc["fine", "status"] == "ok" and summary.ok == 1
