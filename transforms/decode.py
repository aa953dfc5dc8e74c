"""Decode raw article bytes into clean Unicode text, whatever their encoding."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

import charset_normalizer
import ftfy
from ftfy import TextFixerConfig

from dateline.errors import IngestError

# Magic numbers of formats that are never article text.
_BINARY_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG\r\n\x1a\n",
    b"%PDF-",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"\x1f\x8b",  # gzip
    b"BZh",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"\x7fELF",
    b"RIFF",  # WebP, WAV, AVI
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # old MS Office
    b"ID3",  # MP3
    b"OggS",
    b"\x00\x00\x01\x00",  # ICO
)

_UTF16_32_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
    (codecs.BOM_UTF32_LE, "utf_32"),
    (codecs.BOM_UTF32_BE, "utf_32"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
)

# Share of control characters (outside tab/newline/CR/FF) above which bytes are not text.
_MAX_CONTROL_SHARE = 0.05
_SNIFF_BYTES = 8192

# Single-byte encodings that French text usually comes in; charset-normalizer often
# reports cp1250 or cp1257 first for them, which turns "à" into "ŕ".
_WESTERN_PREFERENCE = ("cp1252", "iso8859_15", "iso8859_1", "mac_roman", "cp850")
_CHAOS_TOLERANCE = 0.02

# Mojibake repair only: quotes, ligatures and widths are left as the outlet wrote them,
# and HTML entities are left for the HTML parser.
_FTFY_CONFIG = TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization="NFC",
)
_MOJIBAKE_STEPS = {
    "decode_inconsistent_utf8",
    "restore_byte_a0",
    "replace_lossy_sequences",
    "fix_c1_controls",
}


@dataclass(frozen=True)
class Decoded:
    """Text decoded from raw bytes, with how it was decoded."""

    text: str
    encoding: str
    mojibake_fixed: bool


def looks_binary(data: bytes) -> bool:
    """True when bytes are a binary format (magic number, NUL bytes or many control chars)."""
    if any(data.startswith(bom) for bom, _ in _UTF16_32_BOMS):
        return False
    if data.startswith(_BINARY_MAGIC):
        return True
    head = data[:_SNIFF_BYTES]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head) > _MAX_CONTROL_SHARE


def _charset_guess(data: bytes) -> tuple[str, str]:
    """Decode non-UTF-8 bytes with charset-normalizer, preferring Western encodings on a tie."""
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise IngestError("undecodable")
    best_chaos = min(m.chaos for m in matches)
    close = {m.encoding: m for m in matches if m.chaos <= best_chaos + _CHAOS_TOLERANCE}
    for enc in _WESTERN_PREFERENCE:
        if enc in close:
            return data.decode(enc), enc
    best = matches[0]
    return str(best), best.encoding


def _fix(text: str) -> tuple[str, bool]:
    """Repair mojibake and normalise; report whether an encoding repair happened."""
    fixed = ftfy.fix_and_explain(text, _FTFY_CONFIG)
    steps = fixed.explanation or []
    mojibake = any(
        kind in ("encode", "decode", "transcode") or (kind == "apply" and name in _MOJIBAKE_STEPS)
        for kind, name in steps
    )
    out = unicodedata.normalize("NFC", fixed.text.replace("\r\n", "\n").replace("\r", "\n"))
    return out.replace("\ufeff", ""), mojibake


def repair(text: str) -> tuple[str, bool]:
    """Text with mojibake repaired (NFC, newlines unified, BOMs removed) and whether any was."""
    return _fix(text)


def repair_text(text: str) -> str:
    """Text with mojibake repaired, NFC-normalised, newlines unified and BOMs removed."""
    return _fix(text)[0]


def decode_bytes(data: bytes) -> Decoded:
    """Decode bytes of any common encoding to NFC text with mojibake repaired."""
    for bom, enc in _UTF16_32_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise IngestError("undecodable") from exc
            fixed, moji = _fix(text)
            return Decoded(fixed, enc, moji)
    if looks_binary(data):
        raise IngestError("binary content")
    if data.startswith(codecs.BOM_UTF8):
        try:
            text, enc = data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise IngestError("undecodable") from exc
    else:
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, enc = _charset_guess(data)
    fixed, moji = _fix(text)
    return Decoded(fixed, enc, moji)
