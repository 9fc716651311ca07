"""Which reader a source needs: by ``--format``, by extension, then by content.

An extension we know decides (``.txt`` is text even if it mentions ``<p>``);
otherwise the first bytes do: a JSON object or array, several JSON lines, or
markup. Content types from HTTP count like extensions.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Literal

from quotes.sources.decode import bom_encoding

Format = Literal["text", "html", "json", "jsonl"]
FORMATS: tuple[Format, ...] = ("text", "html", "json", "jsonl")

EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
CONTENT_TYPES: dict[str, Format] = {
    "text/plain": "text",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl",
}
_MARKUP = re.compile(rb"^\s*<(!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I)


def format_from_name(name: str) -> Format | None:
    return EXTENSIONS.get(PurePath(name.split("?")[0]).suffix.lower())


def format_from_content_type(content_type: str | None) -> Format | None:
    if not content_type:
        return None
    return CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())


def sniff(head: bytes) -> Format:
    """The format of a document from its first bytes (a few kilobytes are enough)."""
    encoding, skip = bom_encoding(head)
    if encoding and encoding != "utf-8":
        try:
            head = head[skip:].decode(encoding, "ignore").encode("utf-8")
        except LookupError:
            return "text"
        skip = 0
    body = head[skip:].lstrip()
    if _MARKUP.match(body) or (body[:1] == b"<" and b"</" in body):
        return "html"
    if body[:1] == b"[":
        return "json"
    if body[:1] == b"{":
        first, _, rest = body.partition(b"\n")
        if rest.strip().startswith(b"{"):
            try:
                json.loads(first)
            except ValueError:
                return "json"
            return "jsonl"
        return "json"
    return "text"
