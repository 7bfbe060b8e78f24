"""ingest.decode: byte-order marks, legacy encodings, control characters, binary files, and
line streaming that never splits a UTF-16 letter."""

from __future__ import annotations

import codecs
import io
import json
from pathlib import Path

import pytest

from pipeline.ingest import read_inputs
from pipeline.ingest.decode import (
    Encoding,
    NotText,
    decode_bytes,
    decode_line,
    raw_lines,
    sniff,
    strip_controls,
)
from pipeline.schemas import Article, ManifestRow

TEXT = "Police in Zoë’s home town said three people were hurt – one seriously.\n"


def _read(*paths: Path) -> list[Article | ManifestRow]:
    return list(read_inputs([str(p) for p in paths]))


@pytest.mark.parametrize(
    "bom, codec, name",
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    ],
)
def test_a_byte_order_mark_decides(tmp_path: Path, bom: bytes, codec: str, name: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + TEXT.encode(codec))
    [article] = _read(path)
    assert isinstance(article, Article)
    assert article.text == TEXT and article.encoding == name


def test_utf16_without_a_mark_is_recognised_by_its_nul_pattern() -> None:
    assert sniff(TEXT.encode("utf-16-le")).codec == "utf-16-le"
    assert sniff(TEXT.encode("utf-16-be")).codec == "utf-16-be"
    assert decode_bytes(TEXT.encode("utf-16-le")) == (TEXT, "utf-16-le")


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_a_legacy_western_article_is_read_correctly(tmp_path: Path, codec: str) -> None:
    text = "Demonstrators outside the caf\xe9 in S\xe3o Paulo chanted for an hour.\n"
    if codec == "cp1252":
        text += "The mayor\u2019s office called it \u201cpeaceful\u201d \u2013 no arrests.\n"
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(codec))
    [article] = _read(path)
    assert isinstance(article, Article) and article.text == text
    assert article.encoding == "cp1252"


def test_stray_control_characters_are_stripped_not_the_article_rejected(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    body = "Two officers were injured\x00 when a crowd threw stones at the station.\x7f\x1b\n"
    path.write_bytes(body.encode("utf-8"))
    [article] = _read(path)
    assert isinstance(article, Article)
    assert article.text == "Two officers were injured when a crowd threw stones at the station.\n"


def test_strip_controls_keeps_tabs_and_line_ends_and_spaces_page_breaks() -> None:
    assert strip_controls("a\tb\r\nc\x00d\x0ce\x0bf\x7f") == "a\tb\r\ncd e f"


def test_a_truly_binary_file_fails_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 8)
    [row] = _read(path)
    assert isinstance(row, ManifestRow) and row.status == "failed"
    assert str(path) in row.error and "binary" in row.error


def test_undecodable_bytes_raise_not_text() -> None:
    with pytest.raises(NotText):
        decode_bytes(b"\x00\x01\x02\x03" * 100)


def test_utf16_json_lines_with_a_mark_are_streamed(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    lines = [{"id": "w1", "text": "Troops fired on a march \u2013 two dead."}, {"id": "w2", "text": "Calm."}]
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines)
    path.write_bytes(codecs.BOM_UTF16_LE + body.encode("utf-16-le"))
    first, second = _read(path)
    assert first.text == lines[0]["text"] and first.encoding == "utf-16"
    assert second.id == "w2" and second.source == f"{path}:2"


def test_one_undecodable_json_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    good = '{"id": "u%d", "text": "Quiet day."}\n'
    path.write_bytes(
        codecs.BOM_UTF16_LE
        + (good % 1).encode("utf-16-le")
        + b"\x00\xd8" + "\n".encode("utf-16-le")  # a lone surrogate: not UTF-16 text
        + (good % 3).encode("utf-16-le")
    )
    first, bad, third = _read(path)
    assert first.id == "u1" and third.id == "u3" and third.source == f"{path}:3"
    assert isinstance(bad, ManifestRow) and bad.status == "failed"
    assert f"{path}:2" in bad.error and "utf-16" in bad.error


def test_each_json_line_of_a_utf8_file_may_have_its_own_encoding(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    first = json.dumps({"id": "m1", "text": "Long and plain. " * 5000}) + "\n"  # past the head
    path.write_bytes(
        first.encode("ascii")
        + b'{"id": "m2", "text": "Caf\xe9 owner hurt."}\n'
        + '{"id": "m3", "text": "Zo\u00eb spoke."}\n'.encode("utf-8")
    )
    one, two, three = _read(path)
    assert one.encoding == "utf-8"
    assert two.text == "Caf\xe9 owner hurt." and two.encoding == "cp1252"
    assert three.text == "Zo\u00eb spoke." and three.encoding == "utf-8"


def test_json_escaped_controls_are_stripped_from_the_text(tmp_path: Path) -> None:
    path = tmp_path / "esc.jsonl"
    path.write_text(json.dumps({"id": "e1", "title": "A\u0007B", "text": "One\u0000two."}) + "\n")
    [article] = _read(path)
    assert article.text == "Onetwo." and article.title == "AB"


def test_raw_lines_never_break_inside_a_utf16_letter() -> None:
    # U+0A05 then U+4E00 in UTF-16 LE is 05 0A 00 4E: a 0A 00 pair that is not a line feed.
    text = "\u0a05\u4e00 first\nsecond\n"
    encoding = Encoding("utf-16", "utf-16-le", 0, 2)
    lines = list(raw_lines(io.BytesIO(text.encode("utf-16-le")), encoding))
    assert [decode_line(raw, encoding)[0] for raw in lines] == ["\u0a05\u4e00 first\n", "second\n"]


def test_raw_lines_keep_a_huge_line_whole() -> None:
    body = b"x" * 200_000 + b"\nshort\n"
    lines = list(raw_lines(io.BytesIO(body), Encoding("utf-8", "utf-8")))
    assert [len(line) for line in lines] == [200_001, 6]


def test_a_byte_order_mark_inside_joined_json_lines_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "joined.jsonl"
    one = '{"id": "j1", "text": "One."}\n'.encode("utf-8")
    path.write_bytes(codecs.BOM_UTF8 + one + codecs.BOM_UTF8 + one.replace(b"j1", b"j2"))
    assert [r.id for r in _read(path)] == ["j1", "j2"]
