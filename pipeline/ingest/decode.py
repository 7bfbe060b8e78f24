"""Bytes into text: byte-order marks, legacy encodings, control characters, binary files.

The rules, in order:
1. A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE).
2. Many NUL bytes in the first `SAMPLE_BYTES`: UTF-16/32 without a mark when the NULs fall in
   that encoding's pattern, else a binary file (`NotText`).
3. Valid UTF-8 is UTF-8.
4. Otherwise the encoding `charset-normalizer` detects, preferring cp1252 / latin-1 when they
   decode the bytes as well as its first guess (the input is English news; short texts are
   otherwise often taken for Urdu or Cyrillic code pages).
5. A decoded text with many control characters is binary after all (`NotText`); a few stray
   ones are removed (`strip_controls`) rather than the article rejected.

Files are streamed line by line through `raw_lines` + `decode_line`, so one undecodable line
fails only that line.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

import charset_normalizer

# How much of a file's head is looked at to decide its encoding and whether it is binary.
SAMPLE_BYTES = 65536
# Above this share of NUL bytes (in a sample that is not UTF-16/32), a file is binary.
BINARY_NUL_SHARE = 0.05
# Above this share of control characters in the decoded sample, a file is binary.
BINARY_CONTROL_SHARE = 0.05
# A BOM-less UTF-16/32 guess needs this share of NULs in the code-unit bytes that hold them
# (ASCII text in UTF-16 LE has a NUL in every odd byte), and at most the low share elsewhere.
UTF16_NUL_HIGH = 0.6
UTF16_NUL_LOW = 0.1
# Too few bytes to tell a BOM-less UTF-16 text from a binary blob.
UTF16_MIN_BYTES = 16
# Encodings preferred when charset-normalizer's candidates include them with a chaos (its
# measure of how garbled a decoding looks) at most this much above its best guess.
WESTERN_ENCODINGS = ("cp1252", "latin_1")
WESTERN_CHAOS_MARGIN = 0.05
# Bytes read at a time when streaming a file's lines.
CHUNK_BYTES = 1 << 16

# C0 controls except tab, newline, carriage return, vertical tab and form feed; and DEL.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Vertical tab and form feed break lines or pages: a space keeps the words apart (as clean's
# white-space step would have made of them).
_BREAKS = re.compile(r"[\x0b\x0c]")
_ASCII_SPACE = b" \t\n\r\x0b\x0c"
_WIDE = re.compile(r"utf_(16|32)")


class NotText(ValueError):
    """A file (or line) that is binary or that no encoding decodes."""


@dataclass(frozen=True)
class Encoding:
    """How a file's bytes are read: `name` is what the manifest records, `codec` decodes."""

    name: str
    codec: str
    bom: int = 0  # length of the byte-order mark to skip
    unit: int = 1  # bytes per code unit: lines break only at a multiple of it

    @property
    def newline(self) -> bytes:
        """The line feed in this encoding."""
        return "\n".encode(self.codec)


UTF8 = Encoding("utf-8", "utf-8")
_BOMS: tuple[tuple[bytes, Encoding], ...] = (
    # UTF-32 LE's mark starts with UTF-16 LE's: test it first.
    (codecs.BOM_UTF32_LE, Encoding("utf-32", "utf-32-le", 4, 4)),
    (codecs.BOM_UTF32_BE, Encoding("utf-32", "utf-32-be", 4, 4)),
    (codecs.BOM_UTF8, Encoding("utf-8", "utf-8", 3, 1)),
    (codecs.BOM_UTF16_LE, Encoding("utf-16", "utf-16-le", 2, 2)),
    (codecs.BOM_UTF16_BE, Encoding("utf-16", "utf-16-be", 2, 2)),
)
# (encoding, unit, byte positions within a unit that hold NULs in mostly-ASCII text)
_NUL_PATTERNS: tuple[tuple[Encoding, tuple[int, ...]], ...] = (
    (Encoding("utf-32-le", "utf-32-le", 0, 4), (1, 2, 3)),
    (Encoding("utf-32-be", "utf-32-be", 0, 4), (0, 1, 2)),
    (Encoding("utf-16-le", "utf-16-le", 0, 2), (1,)),
    (Encoding("utf-16-be", "utf-16-be", 0, 2), (0,)),
)


def strip_controls(text: str) -> str:
    """The text without control characters (NUL, other C0 controls but tab, newline and CR,
    DEL); a vertical tab or form feed becomes a space."""
    return _CONTROLS.sub("", _BREAKS.sub(" ", text))


def control_share(text: str) -> float:
    """Share of control characters (as `strip_controls` removes them) in the text."""
    return len(_CONTROLS.findall(text)) / len(text) if text else 0.0


def _nul_share(sample: bytes) -> float:
    return sample.count(0) / len(sample) if sample else 0.0


def _nul_pattern(sample: bytes) -> Encoding | None:
    """The BOM-less UTF-16/32 whose NUL pattern the sample shows, if any."""
    if len(sample) < UTF16_MIN_BYTES:
        return None
    for encoding, nul_positions in _NUL_PATTERNS:
        unit = encoding.unit
        body = sample[: len(sample) // unit * unit]
        shares = [_nul_share(body[i::unit]) for i in range(unit)]
        high = all(shares[i] >= UTF16_NUL_HIGH for i in nul_positions)
        low = all(shares[i] <= UTF16_NUL_LOW for i in range(unit) if i not in nul_positions)
        if high and low:
            try:
                body.decode(encoding.codec)
            except UnicodeDecodeError:
                continue
            return encoding
    return None


def detect(data: bytes) -> str | None:
    """The legacy encoding charset-normalizer finds for `data` (a `codecs` name such as
    "cp1252"), preferring a Western one among equally good candidates; None if none fits."""
    # UTF-16/32 are told by their mark or NUL pattern (`sniff`); a guess of them for bytes
    # without NULs is garbage, and would break lines inside letters.
    results = [m for m in charset_normalizer.from_bytes(data) if not _WIDE.match(m.encoding)]
    if not results:
        return None
    best = results[0]
    for match in results:
        if match.chaos > best.chaos + WESTERN_CHAOS_MARGIN:
            continue
        for name in WESTERN_ENCODINGS:
            if name in match.could_be_from_charset:
                return codecs.lookup(name).name
    return codecs.lookup(best.encoding).name


def _check_controls(text: str, what: str) -> None:
    share = control_share(text[:SAMPLE_BYTES])
    if share > BINARY_CONTROL_SHARE:
        raise NotText(f"binary {what}, not text ({share:.0%} control characters)")


def sniff(head: bytes, fallback: Encoding | None = None) -> Encoding:
    """How to read a file whose first bytes are `head` (up to `SAMPLE_BYTES`); raises NotText
    for a binary file. An ASCII-compatible head that is not UTF-8 gets the detected encoding,
    else `fallback` when given (a streamed file whose lines are decoded one by one)."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    sample = head[:SAMPLE_BYTES]
    if _nul_share(sample) > BINARY_NUL_SHARE:
        encoding = _nul_pattern(sample)
        if encoding is None:
            raise NotText(f"binary file, not text ({_nul_share(sample):.0%} NUL bytes)")
        return encoding
    # A sample cut in the middle of a character is still UTF-8: decode incrementally.
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        name = detect(sample)
        if name is None and fallback is None:
            raise NotText("undecodable: not UTF-8, and no known encoding fits") from None
        encoding = Encoding(name, name) if name else fallback
        text = sample.decode(encoding.codec, errors="replace")
    else:
        encoding = UTF8
    _check_controls(text, "file")
    return encoding


def decode_bytes(data: bytes) -> tuple[str, str]:
    """A whole file's text (control characters stripped) and its encoding's name; raises
    NotText for a binary or undecodable file."""
    # No fallback-free sniff here: the whole file, not only its head, is tried below.
    encoding = sniff(data[:SAMPLE_BYTES], fallback=UTF8)
    body = data[encoding.bom :]
    if encoding.unit > 1:
        try:
            text = body.decode(encoding.codec)
        except UnicodeDecodeError as exc:
            raise NotText(f"not valid {encoding.name} text (byte {exc.start + encoding.bom})") from None
        name = encoding.name
    else:
        text, name = _decode_ascii_compatible(body, encoding.codec)
    _check_controls(text, "file")
    return strip_controls(text), name


def _decode_ascii_compatible(data: bytes, first: str, second: str = "utf-8") -> tuple[str, str]:
    """`data` decoded with `first`, else `second`, else the detected encoding; raises NotText."""
    for name in dict.fromkeys((first, second)):
        try:
            return data.decode(name), name
        except UnicodeDecodeError as exc:
            position = exc.start
    name = detect(data)
    if name is not None:
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            pass
    raise NotText(f"undecodable: not UTF-8 (byte {position}), and no known encoding fits")


def open_encoding(handle: BinaryIO) -> Encoding:
    """The encoding of an open binary file, from its head; leaves the file just after its
    byte-order mark. Raises NotText for a binary file; a head that no encoding fits is taken
    for UTF-8, so that only its undecodable lines fail."""
    encoding = sniff(handle.read(SAMPLE_BYTES), fallback=UTF8)
    handle.seek(encoding.bom)
    return encoding


def raw_lines(handle: BinaryIO, encoding: Encoding) -> Iterator[bytes]:
    """The file's lines as bytes, each with its line feed, streamed: a line breaks only at a
    line feed that starts a code unit (a UTF-16 text holds 0x0A bytes inside other letters)."""
    newline, unit = encoding.newline, encoding.unit
    line = bytearray()
    # Chunks are a whole number of code units, so a line feed never straddles two of them.
    for chunk in iter(lambda: handle.read(CHUNK_BYTES), b""):
        start = 0
        found = chunk.find(newline)
        while found != -1:
            if (found - start + len(line)) % unit == 0:
                line += chunk[start : found + unit]
                yield bytes(line)
                line.clear()
                start = found + unit
                found = chunk.find(newline, start)
            else:
                found = chunk.find(newline, found + 1)
        line += chunk[start:]
    if line:
        yield bytes(line)


def is_blank(raw: bytes, encoding: Encoding) -> bool:
    """True for a line of nothing but ASCII white space."""
    if encoding.unit == 1:
        return not raw.strip(_ASCII_SPACE)
    return not raw.decode(encoding.codec, errors="replace").strip(_ASCII_SPACE.decode())


def decode_line(raw: bytes, encoding: Encoding) -> tuple[str, str]:
    """One streamed line's text (control characters stripped) and the encoding that read it:
    the file's; for an ASCII-compatible file, UTF-8, else the file's, else the line's detected.
    Raises NotText when nothing decodes it."""
    if encoding.unit > 1:
        try:
            return _line_text(raw.decode(encoding.codec)), encoding.name
        except UnicodeDecodeError as exc:
            raise NotText(f"not valid {encoding.name} text (byte {exc.start} of the line)") from None
    # Valid UTF-8 with non-ASCII letters is almost never legacy text: UTF-8 first, so a line
    # written in UTF-8 into a cp1252 file is not misread; a pure-ASCII line keeps the file's name.
    text, name = _decode_ascii_compatible(raw, "utf-8", encoding.codec)
    if name == "utf-8" and raw.isascii():
        name = encoding.name
    return _line_text(text), name


def _line_text(text: str) -> str:
    # A byte-order mark starting a line is where two files were joined (`cat a.jsonl b.jsonl`).
    return strip_controls(text.removeprefix("\ufeff"))
