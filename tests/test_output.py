"""The run's output folder: manifest rows for every record, per-article failures, atomic tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.export import load_articles
from pipeline.output import RunOutput, annotated, cleaned, each_article, failed, manifest_row
from pipeline.schemas import Article, ManifestRow


def _article(aid: str, text: str = "Police said two men were arrested.") -> Article:
    return Article(id=aid, source=f"in.jsonl:{aid}", text=text)


def test_each_article_drops_only_the_article_its_step_fails_on() -> None:
    rows: list[ManifestRow] = []

    def step(article: Article, n: int) -> int:
        if article.id == "b":
            raise ValueError("odd value")
        return n * 2

    stream = [(_article("a"), 1), (_article("b"), 2), (_article("c"), 3)]
    out = list(each_article(step, stream, rows.append))
    assert [(a.id, n, r) for a, n, r in out] == [("a", 1, 2), ("c", 3, 6)]
    assert [(r.article_id, r.status) for r in rows] == [("b", "failed")]
    assert rows[0].error == "in.jsonl:b: ValueError: odd value"


def test_cleaned_records_reader_failures_empty_texts_and_cleaning_errors() -> None:
    rows: list[ManifestRow] = []
    bad_read = ManifestRow(article_id="x", source="in.csv:3", status="failed", error="in.csv:3: broken")

    def clean(article: Article) -> Article:
        if article.id == "boom":
            raise RuntimeError("no")
        return article.model_copy(update={"text": article.text.strip()})

    records = [bad_read, _article("ok"), _article("blank", "   "), _article("boom")]
    kept = list(cleaned(records, clean, rows.append))
    assert [a.id for a in kept] == ["ok"]
    assert [(r.article_id, r.status) for r in rows] == [("x", "failed"), ("blank", "empty"), ("boom", "failed")]
    assert rows[2].error == "in.jsonl:boom: cleaning failed: no"


def test_annotated_records_the_nlp_stage_errors() -> None:
    rows: list[ManifestRow] = []
    results = [(_article("a"), "doc-a", None), (_article("b"), None, "component x failed")]
    assert [(a.id, d) for a, d in annotated(results, rows.append)] == [("a", "doc-a")]
    assert rows[0].error == "in.jsonl:b: component x failed"


def test_commit_writes_every_row_and_an_error_leaves_no_table(tmp_path: Path) -> None:
    with RunOutput(tmp_path / "ok") as output:
        output.record(failed(_article("f"), "bad"))
        events = output.write_articles([(_article("a"), [], [])])
        output.write_events(events)
        summary = output.commit()
    assert (summary.read, summary.ok, summary.failed, summary.events) == (2, 1, 1, 0)
    manifest = load_articles(tmp_path / "ok" / "articles.csv")
    assert list(manifest["article_id"]) == ["f", "a"]

    with pytest.raises(KeyboardInterrupt):
        with RunOutput(tmp_path / "stopped") as output:
            output.record(manifest_row(_article("a"), "ok"))
            output.flush()
            raise KeyboardInterrupt
    assert list((tmp_path / "stopped").iterdir()) == []
