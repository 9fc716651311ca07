"""Bytes to text, with one stated policy for encodings.

1. A byte-order mark decides: UTF-8, UTF-16 or UTF-32 (LE or BE).
2. UTF-16 without a BOM is recognised by its zero bytes (ASCII-heavy text in
   UTF-16 has a NUL in every other byte) and read as such.
3. Valid UTF-8 is UTF-8, whatever a declaration says (a page saved as UTF-8
   keeps its old ``<meta charset>`` more often than the reverse).
4. UTF-8 with a few stray bytes (no more invalid sequences than valid
   multi-byte ones: one 0xFF in "défense ... —") is UTF-8 damaged, not another
   encoding: the stray bytes become U+FFFD and the article says so (a
   notice), rather than the whole text being read as Windows-1252 mojibake.
5. Otherwise the charset the document declares (HTTP ``Content-Type``, HTML
   ``<meta charset>``, an XML declaration), if the bytes decode in it.
6. Otherwise the encoding is detected: charset-normalizer proposes the
   encodings the bytes may be in, and the one whose text has the fewest
   impossible words (a word mixing scripts, "Ïåñêîâ" of accented letters
   only, a symbol inside a word) wins; Windows-1252, what old newsroom
   systems write, wins a tie. Undeclared Windows-1251 Russian is Russian.
7. Mojibake already in the text ("â€œ" for "“": UTF-8 once read as
   Windows-1252) is repaired by ftfy, with only its encoding fixers on:
   text without such sequences is not changed (no quote uncurling, width or
   ligature changes, no normalisation).
8. The result must be text: no NUL bytes and (almost) no control characters.
   Anything else is refused with the reason, never stored as garbage.
"""

from __future__ import annotations

import codecs
import contextlib
import itertools
import re
import unicodedata

from quotes.errors import SourceError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED_CHARSET = re.compile(
    rb"""(?:<meta[^>]+charset|<\?xml[^>]+encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I
)
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


def decode_bytes(
    data: bytes, source: str, declared: str | None = None, notices: list[str] | None = None
) -> str:
    """Decode ``data`` by the policy above; ``SourceError`` names ``source`` if it is not text.

    A repair made on the way (stray bytes replaced) is added to ``notices``.
    """
    encoding, skip = bom_encoding(data)
    if encoding is None:
        encoding = _bomless_utf16(data)
    if encoding is not None:
        try:
            text = data[skip:].decode(encoding)
        except UnicodeDecodeError:
            raise SourceError(source, f"not valid {encoding.upper()} text") from None
        return _finish(text, source)
    if b"\x00" in data:
        raise SourceError(source, "binary data, not text")
    decoded = _utf8(data, notices)
    for name in (known_encoding(declared), declared_charset(data)):
        if decoded is not None:
            break
        if name:
            with contextlib.suppress(UnicodeDecodeError, LookupError):
                decoded = data.decode(name)
    if decoded is None:
        decoded = _detected(data)
    if decoded is None:
        raise SourceError(source, "binary data or an unknown encoding, not text")
    return _finish(decoded, source)


def _finish(text: str, source: str) -> str:
    text = repair_mojibake(text)
    if not looks_like_text(text):
        # Mojibake with its accents decomposed ("A" + U+0303 for "Ã") hides from the
        # repair and its C1 controls look like binary; composed, it is repaired.
        text = repair_mojibake(unicodedata.normalize("NFC", text))
    if not looks_like_text(text):
        raise SourceError(source, "binary data, not text")
    return strip_controls(text)


def _utf8(data: bytes, notices: list[str] | None) -> str | None:
    """``data`` as UTF-8, with a few stray bytes replaced; None if it is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    if replaced > multibyte:  # more bad sequences than good ones: another encoding
        return None
    if notices is not None:
        plural = "s" if replaced != 1 else ""
        notices.append(f"repaired: {replaced} invalid UTF-8 sequence{plural} replaced by U+FFFD")
    return text


# How much of a document the candidate encodings are compared on.
_SAMPLE = 65_536
_NON_ASCII_WORD = re.compile(r"\w*[^\x00-\x7f]\w*")
_WORD_SYMBOLS = frozenset(("No", "So", "Sc", "Sm"))


def _detected(data: bytes) -> str | None:
    """``data`` in the encoding whose text reads best (rule 6), or None."""
    from charset_normalizer import from_bytes

    sample = data[:_SAMPLE]
    ranked: list[tuple[int, int, str]] = []
    proposed = [match.encoding for match in from_bytes(sample)]
    for order, name in enumerate(dict.fromkeys([FALLBACK_ENCODING, *proposed])):
        try:
            text = sample.decode(name, "ignore" if len(data) > _SAMPLE else "strict")
        except (UnicodeDecodeError, LookupError):
            continue
        ranked.append((_impossible_words(text), order, name))
    for _, _, name in sorted(ranked):
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue
    return None


def _impossible_words(text: str) -> int:
    """Words no language writes: what a wrong single-byte encoding makes of letters."""
    count = 0
    for match in _NON_ASCII_WORD.finditer(text):
        word = match.group()
        letters = [char for char in word if char.isalpha()]
        scripts = {unicodedata.name(char, "?").split(" ")[0] for char in letters}
        # Latin words are mostly of unaccented letters, in every language written in it.
        accented = sum(1 for char in letters if char > "\x7f") if scripts == {"LATIN"} else 0
        camel = any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))
        symbol = any(
            char > "\x7f" and unicodedata.category(char) in _WORD_SYMBOLS for char in word[1:-1]
        )
        if (
            len(scripts) > 1
            or camel
            or symbol
            or (len(letters) >= 3 and accented * 2 > len(letters))
        ):
            count += 1
    return count


# A lead byte of UTF-8 then a continuation byte, as Windows-1252 shows them:
# no mojibake of UTF-8 is without one, so a text without one is not handed to ftfy.
_MOJIBAKE_HINT = re.compile(
    "[\xc2-\xf4][\x80-\xbf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030"
    "\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122"
    "\u0161\u203a\u0153\u017e\u0178]"
)


def repair_mojibake(text: str) -> str:
    """``text`` with UTF-8-read-as-Windows-1252 sequences decoded again (ftfy)."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=False,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    return ftfy.fix_text(text, config)
