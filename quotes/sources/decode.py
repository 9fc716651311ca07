"""Bytes to text, with one stated policy for encodings.

1. A byte-order mark decides: UTF-8, UTF-16 or UTF-32 (LE or BE).
2. UTF-16 without a BOM is recognised by its zero bytes (ASCII-heavy text in
   UTF-16 has a NUL in every other byte) and read as such.
3. Otherwise the bytes must be UTF-8, or the charset that the document itself
   declares (an HTML ``<meta charset>`` or an HTTP ``Content-Type``).
4. Failing that, the bytes are read as Windows-1252, the superset of Latin-1
   that old newsroom systems write, *if* the result is text: no NUL bytes and
   (almost) no control characters. Anything else is binary and rejected.

The result is never guessed silently: a file that is neither is refused with
a reason, rather than stored as mojibake.
"""

from __future__ import annotations

import codecs
import re

from quotes.errors import SourceError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# C0 and C1 controls except tab, newline, vertical tab, form feed and carriage return.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
FALLBACK_ENCODING = "cp1252"


def bom_encoding(data: bytes) -> tuple[str | None, int]:
    """The encoding a BOM announces and the BOM's length, or ``(None, 0)``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None, 0


def _bomless_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > 0.4 * half and even_zeros < 0.05 * half:
        return "utf-16-le"
    if even_zeros > 0.4 * half and odd_zeros < 0.05 * half:
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML document declares in its first kilobytes, if Python knows it."""
    match = _DECLARED_CHARSET.search(data[:4096])
    if not match:
        return None
    return known_encoding(match.group(1).decode("ascii", "replace"))


def known_encoding(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def looks_like_text(text: str) -> bool:
    """Few control characters other than whitespace: binary data has many.

    A stray one (a ``^Z`` at the end of an old DOS file) is tolerated, and
    removed by ``strip_controls``.
    """
    strays = len(_CONTROLS.findall(text))
    return strays <= max(2, len(text) // 1000)


def strip_controls(text: str) -> str:
    return _CONTROLS.sub("", text)


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode ``data`` by the policy above; ``SourceError`` names ``source`` if it is not text."""
    encoding, skip = bom_encoding(data)
    if encoding is None:
        encoding = _bomless_utf16(data)
    if encoding is not None:
        try:
            text = data[skip:].decode(encoding)
        except UnicodeDecodeError:
            raise SourceError(source, f"not valid {encoding.upper()} text") from None
        if not looks_like_text(text):
            raise SourceError(source, "binary data, not text")
        return strip_controls(text)
    if b"\x00" in data:
        raise SourceError(source, "binary data, not text")
    candidates = ["utf-8"]
    for name in (known_encoding(declared), declared_charset(data)):
        if name and name not in candidates:
            candidates.append(name)
    candidates.append(FALLBACK_ENCODING)
    for candidate in candidates:
        try:
            text = data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
        if looks_like_text(text):
            return strip_controls(text)
        break
    raise SourceError(source, "binary data or an unknown encoding, not text")
