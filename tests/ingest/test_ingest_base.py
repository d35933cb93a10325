"""Decoding bytes of pages and files whose charset is wrong or partly broken."""

from __future__ import annotations

from newsprism.ingest.base import decode_bytes

_PAGE = ("<html><head><meta charset='utf-8'></head><body>" + "<p>Die Ausführung der Brücke über die Förde wird "
         "teurer, sagte die Bürgermeisterin. Straßenbahn, Übergänge und Gehwege folgen später.</p>"
         "<p>Zuletzt geändert: März</p>" * 3 + "</body></html>")


def test_mostly_utf8_page_with_one_stray_byte_stays_utf8() -> None:
    """One Latin-1 byte in a footer used to send the whole page to a guessed single-byte charset (mojibake in every
    accented word); the stray byte is replaced and the rest read as UTF-8."""
    data = _PAGE.encode("utf-8") + b"<footer>\xa9 2024</footer>"
    decoded = decode_bytes(data, declared="utf-8")
    assert "Ausführung der Brücke über die Förde" in decoded.text
    assert decoded.encoding == "utf-8"
    assert decoded.text.count("\ufffd") == 1
    assert decoded.note and "1 invalid UTF-8" in decoded.note


def test_page_in_a_legacy_charset_is_not_read_as_utf8() -> None:
    data = _PAGE.replace("utf-8", "iso-8859-1").encode("latin-1")
    decoded = decode_bytes(data, declared="iso-8859-1")
    assert "Ausführung der Brücke über die Förde" in decoded.text
    assert "\ufffd" not in decoded.text


def test_valid_utf8_has_no_note() -> None:
    decoded = decode_bytes(_PAGE.encode("utf-8"), declared="iso-8859-1")
    assert decoded.encoding == "utf-8" and decoded.note is None and "Straßenbahn" in decoded.text
