"""ingest: formats, stable ids, and failures that name the file and line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.ingest import InputError, iter_files, read_inputs
from pipeline.schemas import Article, ManifestRow


def _read(*paths: Path | str) -> list[Article | ManifestRow]:
    return list(read_inputs([str(p) for p in paths]))


def test_txt_header_date_is_the_publication_date(tmp_path: Path) -> None:
    path = tmp_path / "a1.txt"
    path.write_text(" date 2021-03-04 Menu\nWorld\n\nRiot in town.\n", encoding="utf-8")
    [article] = _read(path)
    assert isinstance(article, Article)
    assert article.id == "a1"
    assert article.published == dt.date(2021, 3, 4)
    assert article.published_from == "header"


def test_txt_without_header_has_no_date(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text("Police said two people were hurt.\n", encoding="utf-8")
    [article] = _read(path)
    assert article.published is None and article.published_from is None


def test_jsonl_records_and_malformed_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "x1", "title": "T", "published": "2020-05-01", "text": "One text."}),
        "{not json",
        json.dumps({"id": "x3", "text": "Another text.", "url": "http://e.org/3"}),
        json.dumps({"id": "x4", "title": "no text field"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = _read(path)
    assert [type(r).__name__ for r in records] == ["Article", "ManifestRow", "Article", "ManifestRow"]
    assert records[0].published == dt.date(2020, 5, 1) and records[0].published_from == "field"
    assert records[1].status == "failed" and f"{path}:2" in records[1].error
    assert "malformed JSON" in records[1].error
    assert records[2].url == "http://e.org/3"
    assert f"{path}:4" in records[3].error and "text" in records[3].error


def test_fixture_format_is_read_as_is(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    record = {
        "id": "g-1",
        "dataset": "demo",
        "published": "2016-01-28",
        "title": None,
        "text": "Two men were shot.",
        "events": [{"killed": {"low": 0, "high": 0}}],
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = _read(path)
    assert article.id == "g-1" and article.published == dt.date(2016, 1, 28)


def test_csv_rows_with_multiline_text(tmp_path: Path) -> None:
    path = tmp_path / "batch.csv"
    path.write_text(
        'id,title,published,text\nc1,A,2019-12-31,"Line one.\nLine two."\nc2,B,,Short.\n',
        encoding="utf-8",
    )
    first, second = _read(path)
    assert first.text == "Line one.\nLine two." and first.published == dt.date(2019, 12, 31)
    assert second.id == "c2" and second.published is None
    assert second.source.endswith(":4")


def test_csv_without_text_column_fails_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("id,body\n1,x\n", encoding="utf-8")
    [row] = _read(path)
    assert isinstance(row, ManifestRow) and row.status == "failed" and str(path) in row.error


def test_html_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Clashes in the capital</title>"
        '<meta property="article:published_time" content="2022-01-06T10:00:00Z"></head>'
        "<body><article><h1>Clashes in the capital</h1>"
        "<p>Police said twelve people were killed in clashes on Wednesday in the capital, "
        "officials reported, as crowds gathered outside government buildings.</p>"
        "<p>The interior ministry said the situation was under control by the evening.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    [article] = _read(path)
    assert isinstance(article, Article)
    assert "twelve people were killed" in article.text
    assert article.title == "Clashes in the capital"
    assert article.published == dt.date(2022, 1, 6) and article.published_from == "html"


def test_binary_fails_with_the_file_named_and_latin1_is_read(tmp_path: Path) -> None:
    binary = tmp_path / "img.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 bombing".encode("latin-1"))
    failed, article = _read(binary, latin)
    assert isinstance(failed, ManifestRow) and failed.status == "failed"
    assert str(binary) in failed.error and "binary" in failed.error
    assert isinstance(article, Article) and article.text == "Caf\xe9 bombing"
    assert article.encoding == "cp1252"


def test_folder_is_read_recursively_in_order_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("B.", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert [p.name for p in iter_files([tmp_path])] == ["b.txt", "a.txt"]


def test_glob_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("One.", encoding="utf-8")
    assert [p.name for p in iter_files([str(tmp_path / "*.txt")])] == ["one.txt"]
    with pytest.raises(InputError):
        list(iter_files([str(tmp_path / "missing.txt")]))
    [row] = _read(tmp_path / "missing.txt")
    assert row.status == "failed" and "no such file" in row.error


def test_repeated_ids_are_made_unique(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text("Text.", encoding="utf-8")
    ids = [r.id for r in _read(tmp_path)]
    assert ids[0] == "same" and ids[1].startswith("same~") and len(set(ids)) == 2


def test_wire_dateline_gives_the_date_when_the_record_has_none(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    rows = [
        {"id": "w1", "published": None, "text": "LIMA, 12 MAR 89 (AFP) -- TWO POLICEMEN WERE KILLED."},
        {"id": "w2", "published": "1989-03-13", "text": "LIMA, 12 MAR 89 (AFP) -- NOTHING."},
        {"id": "w3", "text": "No dateline here, 12 March 1989."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    first, second, third = _read(path)
    assert first.published == dt.date(1989, 3, 12) and first.published_from == "dateline"
    assert second.published == dt.date(1989, 3, 13) and second.published_from == "field"
    assert third.published is None
