"""The encoding policy: BOMs decide, then UTF-8 or the declared charset, then
Windows-1252 if the result is text; binary junk is refused."""

from __future__ import annotations

import codecs
import random

import pytest

from quotes.errors import SourceError
from quotes.sources.decode import decode_bytes

TEXT = "Zelensky said Kyiv was “ready” — café, Kraków, naïve.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with its BOM
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),  # no BOM: recognised by its zero bytes
        TEXT.encode("utf-32"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-nobom", "utf32"],
)
def test_unicode_encodings_are_read(data: bytes) -> None:
    assert decode_bytes(data, "a.txt") == TEXT


def test_latin1_falls_back_to_windows_1252() -> None:
    text = "Le café de Kraków était fermé. “Non,” a-t-il dit."
    assert decode_bytes(text.encode("cp1252"), "a.txt") == text
    assert decode_bytes("Señor Pérez".encode("latin-1"), "a.txt") == "Señor Pérez"


def test_declared_charset_wins_over_the_fallback() -> None:
    html = '<html><head><meta charset="koi8-r"></head><body>Песков</body></html>'
    assert "Песков" in decode_bytes(html.encode("koi8-r"), "a.html")
    assert decode_bytes("Песков".encode("koi8-r"), "u", declared="koi8-r") == "Песков"


def test_binary_junk_is_refused_with_the_source_named() -> None:
    junk = random.Random(7).randbytes(4096)
    with pytest.raises(SourceError, match=r"^news/a\.txt: binary data"):
        decode_bytes(junk, "news/a.txt")
    with pytest.raises(SourceError, match="binary"):
        decode_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" * 50, "a.zip")


def test_a_stray_control_character_is_dropped_not_fatal() -> None:
    assert decode_bytes(b"Peskov said no.\x1a", "a.txt") == "Peskov said no."
