"""ingest CSV: records named by their first line, unbalanced quotes reported with the lines they
swallowed, and the records inside those lines recovered."""

from __future__ import annotations

import codecs
from pathlib import Path

from pipeline.ingest import read_inputs
from pipeline.schemas import Article, ManifestRow

HEADER = "id,title,published,text\n"


def _csv(tmp_path: Path, body: str, name: str = "batch.csv") -> tuple[Path, list[Article | ManifestRow]]:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8", newline="")
    return path, list(read_inputs([str(path)]))


def test_a_multiline_record_is_named_by_its_first_line(tmp_path: Path) -> None:
    path, (first, second) = _csv(tmp_path, 'c1,A,,"Line one.\nLine two.\nLine three."\nc2,B,,Short.\n')
    assert first.source == f"{path}:2" and first.text == "Line one.\nLine two.\nLine three."
    assert second.source == f"{path}:5"


def test_an_unbalanced_quote_names_the_lines_it_swallowed_and_they_are_recovered(tmp_path: Path) -> None:
    path, records = _csv(
        tmp_path,
        'c1,A,,"Broken text\n'
        "c2,B,,Fine one.\n"
        'c3,C,,"Quoted, two."\n'
        "c4,D,,Last.\n",
    )
    broken, *rest = records
    assert isinstance(broken, ManifestRow) and broken.status == "failed"
    assert broken.source == f"{path}:2"
    assert f"{path}:2:" in broken.error and "unbalanced quote swallowed lines 3–4" in broken.error
    assert [(r.id, r.source.rsplit(":", 1)[1], r.text) for r in rest] == [
        ("c2", "3", "Fine one."),
        ("c3", "4", "Quoted, two."),
        ("c4", "5", "Last."),
    ]


def test_a_quote_open_until_the_end_of_the_file(tmp_path: Path) -> None:
    path, records = _csv(tmp_path, 'x1,A,,fine\nx2,B,,"never closed\nx3,C,,swallowed\nx4,D,,too\n')
    fine, broken, *rest = records
    assert fine.id == "x1"
    assert broken.status == "failed" and broken.source == f"{path}:3"
    assert "never closed" in broken.error and "lines 4–5" in broken.error
    assert "end of the file" in broken.error
    assert [r.id for r in rest] == ["x3", "x4"]


def test_a_quote_left_open_on_the_last_line_fails_it(tmp_path: Path) -> None:
    path, (fine, broken) = _csv(tmp_path, 'x1,A,,fine\nx2,B,,"never closed\n')
    assert fine.id == "x1" and broken.status == "failed" and broken.source == f"{path}:3"


def test_a_single_line_with_the_wrong_field_count_fails_alone(tmp_path: Path) -> None:
    path, (short, ok) = _csv(tmp_path, "s1,only two\ns2,B,,Fine.\n")
    assert short.status == "failed" and "2 fields where the header has 4" in short.error
    assert ok.id == "s2" and ok.source == f"{path}:3"


def test_carriage_return_line_ends_and_a_utf16_csv(tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes(b'id,text\rr1,one\rr2,"two\rlines"\rr3,three\r')
    records = list(read_inputs([str(path)]))
    assert [(r.id, r.source.rsplit(":", 1)[1]) for r in records] == [("r1", "2"), ("r2", "3"), ("r3", "5")]
    wide = tmp_path / "wide.csv"
    wide.write_bytes(codecs.BOM_UTF16_LE + "id,text\nw1,\"Zo\u00eb, hurt\"\n".encode("utf-16-le"))
    [article] = read_inputs([str(wide)])
    assert article.text == "Zo\u00eb, hurt" and article.encoding == "utf-16"


def test_a_header_without_records_gives_an_empty_row(tmp_path: Path) -> None:
    path, [row] = _csv(tmp_path, "")
    assert isinstance(row, ManifestRow) and row.status == "empty" and str(path) in row.error


def test_nul_bytes_in_a_csv_are_stripped(tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    path.write_bytes(b"id,text\nn1,Shots\x00 fired.\n")
    [article] = read_inputs([str(path)])
    assert article.text == "Shots fired."
