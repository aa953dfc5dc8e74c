"""Decoding raw bytes: encodings, BOMs, mojibake and binary rejection."""

from __future__ import annotations

import codecs

import pytest

from dateline.errors import IngestError
from transforms.decode import decode_bytes, looks_binary, repair_text

# A sentence from another story, with the accents, quotes and ligatures French text carries.
GREVE = "Le président a déclaré à l’Assemblée que la réforme était « nécessaire ». Grève, œuvre, 10 €."


def test_utf8_is_read_as_is(sample_dir):
    raw = (sample_dir / "000_9d64b1169d0cfd89.txt").read_bytes()
    dec = decode_bytes(raw)
    assert dec.encoding == "utf-8"
    assert dec.mojibake_fixed is False
    assert "Les États-Unis ont accusé la Russie" in dec.text


def test_cp1252_french_gets_its_accents_back():
    dec = decode_bytes(GREVE.encode("cp1252"))
    assert dec.text == GREVE
    assert dec.encoding == "cp1252"


def test_latin1_fixture_decodes_with_accents(fixtures_dir):
    dec = decode_bytes((fixtures_dir / "ingest/mixed/greve_latin1.txt").read_bytes())
    assert dec.encoding in {"cp1252", "iso8859_1", "iso8859_15"}
    assert "La grève contre la réforme des retraites a fortement perturbé" in dec.text
    assert "Édouard Philippe" in dec.text
    assert "« Nous irons jusqu'au retrait »" in dec.text


def test_double_encoded_utf8_is_repaired():
    moji = "Les Ã‰tats-Unis ont accusÃ© la Russie".encode("utf-8")
    dec = decode_bytes(moji)
    assert dec.text == "Les États-Unis ont accusé la Russie"
    assert dec.mojibake_fixed is True


def test_mojibake_fixture_is_repaired(fixtures_dir):
    dec = decode_bytes((fixtures_dir / "ingest/mixed/incendie_mojibake.txt").read_bytes())
    assert dec.mojibake_fixed is True
    assert dec.text.startswith("Incendie en Gironde : plus de 10 000 hectares brûlés à Landiras")
    assert "a déjà détruit" in dec.text
    assert "Ã" not in dec.text


def test_boms_are_removed_and_crlf_unified():
    utf8_bom = codecs.BOM_UTF8 + "Grève générale\r\nà Paris".encode("utf-8")
    assert decode_bytes(utf8_bom).text == "Grève générale\nà Paris"
    utf16 = "Grève générale\r\nà Paris".encode("utf-16")  # writes a BOM
    dec = decode_bytes(utf16)
    assert (dec.text, dec.encoding) == ("Grève générale\nà Paris", "utf_16")


def test_text_is_nfc():
    decomposed = "Re\u0301forme de l'E\u0301tat".encode("utf-8")
    assert decode_bytes(decomposed).text == "Réforme de l'État"


def test_curly_quotes_are_kept():
    assert decode_bytes(GREVE.encode("utf-8")).text == GREVE


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"PK\x03\x04\x14\x00\x06\x00",
        b"texte\x00avec\x00des\x00octets\x00nuls",
        bytes(range(1, 32)) * 4,
    ],
)
def test_binary_is_rejected(data):
    assert looks_binary(data)
    with pytest.raises(IngestError, match="binary content"):
        decode_bytes(data)


def test_png_fixture_is_binary(fixtures_dir):
    assert looks_binary((fixtures_dir / "ingest/mixed/photo.png").read_bytes())


def test_text_is_not_binary(sample_texts):
    assert not looks_binary(sample_texts["001"].encode("utf-8"))
    assert not looks_binary("Grève générale".encode("utf-16"))


def test_repair_text_fixes_mojibake_only():
    assert repair_text("Ã‰lisabeth Borne a dÃ©missionnÃ©\r\n") == "Élisabeth Borne a démissionné\n"
    assert repair_text(GREVE) == GREVE
