"""The encoding policy: BOMs, valid UTF-8 (a few stray bytes replaced, with a notice), the
declared charset, then detection; mojibake repaired; binary junk refused."""

from __future__ import annotations

import codecs
import random
import unicodedata

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252", what browsers decode)
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


# --- bytes that do not say their encoding; mojibake ---------------------------------

RUSSIAN = (
    "Начальница порта Ильза Варга заявила во вторник, что паром до Сандвика будет "
    "ходить всю зиму. «Мы не отменим ни одного рейса», — сказала она совету."
)
GERMAN = "Die Hafenmeisterin sagte, die Fähre nach Sandvik fahre über den Winter. „Keine Überfahrt fällt aus“, sagte sie."
FRENCH = "La capitaine du port a déclaré que le ferry circulerait tout l'hiver. « Aucune traversée ne sera annulée », a-t-elle dit."
POLISH = "Kapitan portu powiedziała, że prom do Sandviku będzie kursował przez całą zimę."
GREEK = "Η λιμενάρχης είπε ότι το πλοίο θα ταξιδεύει όλο τον χειμώνα."
ENGLISH = "“We will not cancel a single crossing,” the harbour master Ilse Varga told the council — café owners cheered."


def test_utf8_with_a_stray_byte_stays_utf8_with_a_notice() -> None:
    data = "La défense … — “Varga”".encode() + b"\xff" + " a parlé.".encode()
    notices: list[str] = []
    text = decode_bytes(data, "a.txt", notices=notices)
    assert text == "La défense … — “Varga”\ufffd a parlé."
    assert notices == ["repaired: 1 invalid UTF-8 sequence replaced by U+FFFD"]


def test_a_windows_1252_file_is_not_taken_for_damaged_utf8() -> None:
    # Only invalid sequences, no valid multi-byte one: another encoding, not UTF-8.
    notices: list[str] = []
    assert decode_bytes(FRENCH.encode("cp1252"), "a.txt", notices=notices) == FRENCH
    assert notices == []


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN, "cp1251"),
        ("Песков сказал нет.", "cp1251"),  # short
        (RUSSIAN.replace("«", '"').replace("»", '"').replace("—", "-"), "koi8-r"),
        (GERMAN, "cp1252"),
        (FRENCH, "cp1252"),
        (POLISH, "cp1250"),
        (GREEK, "cp1253"),
        (ENGLISH, "cp1252"),
    ],
)
def test_undeclared_legacy_encodings_are_detected(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), "a.txt") == text


def test_an_xml_declaration_declares_the_encoding() -> None:
    xml = f'<?xml version="1.0" encoding="windows-1251"?><html><body><p>{RUSSIAN}</p></body></html>'
    assert RUSSIAN in decode_bytes(xml.encode("cp1251"), "a.xhtml")


@pytest.mark.parametrize("text", [ENGLISH, f"{ENGLISH}\n\n{ENGLISH}"])
def test_mojibake_in_the_source_is_repaired(text: str) -> None:
    """UTF-8 once read as Windows-1252 (as a browser reads it) and saved again as UTF-8."""
    mojibake = text.encode("utf-8").decode("sloppy-windows-1252")
    assert "â€œ" in mojibake
    assert decode_bytes(mojibake.encode("utf-8"), "a.txt") == text


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH,
        FRENCH,
        GERMAN,
        RUSSIAN,
        POLISH,
        GREEK,
        "Straight \"quotes\" and 'single' ones, a ﬁ ligature, ＦＵＬＬ width, a\u00a0non-breaking space, 10 € and ½.",
        "NÃO, disse o porta-voz em São Paulo; ¿Qué? ¡Sí! Ñandú, Ærø, Øresund, Þingvellir.",
    ],
)
def test_clean_text_is_left_exactly_as_it_is(text: str) -> None:
    notices: list[str] = []
    assert decode_bytes(text.encode("utf-8"), "a.txt", notices=notices) == text
    assert notices == []


def test_mojibake_with_decomposed_accents_is_repaired_not_refused() -> None:
    # "Basáñez" and "Carreño" read as Windows-1252 twice over, the "Ã" and "Â"
    # stored as a letter and a combining mark, as some archives keep them.
    garbled = "Mayor Jorge Bas\u00c3\x83\u00c2\u00a1\u00c3\x83\u00c2\u00b1ez met Ana Carre\u00c3\x83\u00c2\u00b1o. "
    decomposed = unicodedata.normalize("NFD", garbled * 3)
    assert "\u0303" in decomposed
    text = decode_bytes(decomposed.encode("utf-8"), "a.txt")
    assert "Basáñez" in text and "Carreño" in text
