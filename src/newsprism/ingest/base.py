"""What every reader shares: the Reader protocol, the read context, decoding and sniffing of bytes.

Readers never raise for bad input: they append a ``Failure`` that says what to do and go on, so one bad file never
stops a batch and a good document is never lost because of its neighbour.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol

from charset_normalizer import from_bytes

from newsprism.records import Failure, FailurePolicy, RawDocument
from newsprism.settings import Settings

STAGE = "ingest"

RECORD_FIELDS: tuple[str, ...] = ("id", "url", "title", "text", "html", "outlet", "published")

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|article)\b",
                         re.IGNORECASE | re.DOTALL)
_FEED_START = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_URL_LINE = re.compile(r"^https?://\S+$", re.IGNORECASE)
_EXTENDED_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(slots=True)
class ReadContext:
    """Settings, the field map and the failure list a reader appends to (the only thing it mutates)."""

    settings: Settings
    failures: list[Failure]
    field_map: dict[str, str] = field(default_factory=dict)

    def fail(self, source: str | None, error: str) -> None:
        """The input ``source`` (or a record of it) was not read: an error row."""
        FailurePolicy(self.failures).fail(STAGE, source, error)

    def warn(self, source: str | None, error: str) -> None:
        """The input was read, but a value of it was dropped or changed: a warning row."""
        FailurePolicy(self.failures).warn(STAGE, source, error)


class Reader(Protocol):
    """One input format: reads an open binary stream and yields documents, reporting bad input to ``ctx``."""

    name: str

    def read(self, stream: BinaryIO, source: str, ctx: ReadContext) -> Iterator[RawDocument]:
        """Yield every good document of ``stream``; ``source`` is the path or URL as the user gave it."""
        ...


def read_limited(stream: BinaryIO, source: str, ctx: ReadContext) -> bytes | None:
    """Read a whole single-document stream, or report it as too big (None)."""
    limit = ctx.settings.max_document_bytes
    data = stream.read(limit + 1)
    if len(data) > limit:
        ctx.fail(source, f"file is larger than max_document_bytes ({limit:,} bytes); raise it with "
                         f"--set max_document_bytes=N or split the file")
        return None
    return data


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding: NUL bytes or many control characters."""
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.05


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML meta tag or XML declaration names, if Python knows it."""
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _known_charset(name: str) -> str | None:
    """Python's name for a charset, or None for one it does not know (a server may send ``charset=nope``)."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None  # set when the bytes were not what they claimed: a reason to list in failures


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Bytes to text: a BOM, then UTF-8 (or UTF-8 with a few invalid bytes), then a declared charset, then detection,
    then UTF-8 with replacement.

    Never fails: the last resort keeps every readable character and says so in ``note``.
    """
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), enc)
            except UnicodeDecodeError:
                break
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    if declared and _known_charset(declared) not in (None, "utf-8"):  # an HTTP header may name any charset
        try:
            return Decoded(data.decode(declared), declared)
        except UnicodeDecodeError:
            pass
    best = from_bytes(data).best()
    if best is not None and best.encoding not in ("utf_8", "utf-8"):
        try:
            text = data.decode(best.encoding)
            return Decoded(text, best.encoding, note=f"not valid UTF-8 and no charset declared; read as "
                                                       f"{best.encoding} (detected). Re-save the file as UTF-8 "
                                                       f"if characters look wrong")
        except (UnicodeDecodeError, LookupError):
            pass
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8",
                   note="invalid UTF-8 bytes replaced by U+FFFD (encoding could not be detected); the rest of "
                        "the text was read. Re-save the file as UTF-8 to keep every character")


MOSTLY_UTF8 = 20
"""Valid non-ASCII UTF-8 characters needed per invalid byte for a page to be read as UTF-8 all the same."""


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with its few invalid bytes replaced, where the rest is valid UTF-8: a page whose footer holds one stray
    Latin-1 byte. A single-byte charset guessed for the whole page would turn every other accent into mojibake
    ("Ausf\u0102\u013dhrung" for "Ausf\u00fchrung"); a page in a legacy charset has hardly any valid multi-byte
    sequences."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad  # non-ASCII characters, counted in C
    if bad == 0 or good < MOSTLY_UTF8 * bad:
        return None
    return Decoded(text, "utf-8", note=f"{bad} invalid UTF-8 byte sequence(s) replaced by U+FFFD; the rest of the "
                                       "text is valid UTF-8 and was read as such")


_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"), (b"PK\x03\x04", "ZIP (or DOCX/ODT/EPUB)"), (b"\x89PNG", "PNG image"), (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"), (b"\xd0\xcf\x11\xe0", "MS Office (OLE)"), (b"{\\rtf", "RTF"),
    (b"\x7fELF", "executable"), (b"MZ", "executable"), (b"7z\xbc\xaf", "7-Zip"), (b"Rar!", "RAR"),
)


def binary_kind(data: bytes) -> str | None:
    """What a file is when its first bytes name a binary format we do not read (a PDF is mostly ASCII at its start,
    so the control-character test alone took one for a 16-character article), or when it holds NUL bytes anywhere
    (outside UTF-16 text)."""
    head = data[:16]
    for magic, name in _BINARY_MAGIC:
        if head.startswith(magic):
            return name
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "binary data (NUL bytes)"
    return None


def sniff(data: bytes) -> str:
    """Guess a format from content: 'feed', 'html', 'jsonl', 'urls', 'binary' or 'text'."""
    if looks_binary(data) or binary_kind(data) is not None:
        return "binary"
    head = data[:4096].lstrip(codecs.BOM_UTF8)
    if _FEED_START.search(head) and (head.lstrip().startswith(b"<?xml") or head.lstrip()[:5].lower() in (b"<rss ",
                                                                                                          b"<feed")):
        return "feed"
    if _HTML_START.match(head):
        return "html"
    stripped = head.lstrip()
    if stripped.startswith(b"{") or stripped.startswith(b"["):
        return "jsonl"
    lines = [ln.strip() for ln in head.decode("utf-8", "ignore").splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    if lines and all(_URL_LINE.match(ln) for ln in lines[:50]):
        return "urls"
    return "text"


def checked_published(value: str | None, *, today: dt.date | None = None) -> tuple[str | None, str | None]:
    """(published, warning): an ISO date-time is kept as given, another date form is read into YYYY-MM-DD; what is
    not a date, or lies more than a day in the future, becomes None with the reason (it would otherwise reach a
    story's date range and the API as it is)."""
    if value is None:
        return None, None
    today = today or dt.datetime.now(dt.UTC).date()
    text = value.strip()
    day: dt.date | None = None
    try:
        day = dt.datetime.fromisoformat(text).date() if len(text) >= 10 else None
    except ValueError:
        day = None
    if day is None:
        from newsprism.clean.meta import parse_date

        found = parse_date(text) if 6 <= len(text) <= 80 else None
        if found is None:
            return None, f"published {value!r} is not a date; left empty (give an ISO date such as 2024-05-01)"
        text, day = found, dt.date.fromisoformat(found)
    if day > today + dt.timedelta(days=1):
        return None, f"published {value!r} lies in the future (after {today.isoformat()}); left empty"
    if not _EXTENDED_DATE.match(text):  # ISO basic or week forms (20240501, 2024-W18-3): report.json wants YYYY-MM-DD
        text = day.isoformat()
    return text, None


def clean_str(value: object) -> str | None:
    """A record value as a stripped string, or None when absent or blank."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def read_text(stream: BinaryIO, source: str, ctx: ReadContext) -> str | None:
    """A whole file as text: size-limited, decoded with detection; a decoding note becomes a failure row."""
    data = read_limited(stream, source, ctx)
    if data is None:
        return None
    decoded = decode_bytes(data)
    if decoded.note:
        ctx.warn(source, decoded.note)  # read anyway: kept, with a warning
    return decoded.text
