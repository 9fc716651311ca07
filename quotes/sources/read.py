"""Sources in, articles out: the one entry point of ``quotes.sources``.

``read_sources`` chains the walk, the fetch, the decoding and the format's
reader, and yields ``ArticleInput`` or ``SourceError`` values, one at a time.

Size policy: ``max_bytes`` bounds every document held in memory at once: a
file, a URL's body, stdin, and each *line* of a JSONL stream. A JSONL file
itself may be of any size, since it is read a line at a time.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import IO

from quotes.errors import SourceError
from quotes.sources.article import ArticleInput, with_notices
from quotes.sources.dateline import dateline_date
from quotes.sources.decode import bom_encoding, decode_bytes
from quotes.sources.detect import (
    Format,
    format_from_content_type,
    format_from_name,
    sniff,
)
from quotes.sources.fetch import DEFAULT_TIMEOUT, Fetcher, format_size, is_url
from quotes.sources.html import parse_html
from quotes.sources.jsonl import parse_json, parse_jsonl_lines
from quotes.sources.language import article_language
from quotes.sources.text import parse_text
from quotes.sources.walk import STDIN, expand

DEFAULT_MAX_BYTES = 10_000_000
STDIN_NAME = "<stdin>"
_SNIFF_BYTES = 8192

__all__ = ["ReadOptions", "count_articles", "read_sources"]


@dataclass
class ReadOptions:
    fmt: Format | None = None  # forced format; None: detect
    glob: str | None = None  # file pattern inside folders; None: known extensions
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    allow_private_hosts: bool = False  # URLs on loopback, private, link-local... addresses
    stdin: IO[bytes] | None = field(default=None, repr=False)  # default: sys.stdin's bytes


def read_sources(
    paths: Iterable[str | os.PathLike[str]], options: ReadOptions | None = None
) -> Iterator[ArticleInput | SourceError]:
    """Every article in ``paths`` (files, folders, ``-``, URLs), lazily, errors included."""
    options = options or ReadOptions()
    for item in _read_all(paths, options):
        yield item if isinstance(item, SourceError) else _with_language(item)


def _with_language(article: ArticleInput) -> ArticleInput:
    """The article with the language its text is in (``language``), where that is
    known, and the date its dateline gives where nothing else dated it."""
    published = (
        article.published
        or dateline_date(article.text)
        # A dateline on a line of its own may have been read as the title.
        or (dateline_date(article.title) if article.title else None)
    )
    return replace(
        article, language=article_language(article.text, article.language), published=published
    )


def _read_all(
    paths: Iterable[str | os.PathLike[str]], options: ReadOptions
) -> Iterator[ArticleInput | SourceError]:
    fetcher: Fetcher | None = None
    try:
        for location in expand(paths, options.glob):
            if isinstance(location, SourceError):
                yield location
            elif location == STDIN:
                stream = options.stdin or sys.stdin.buffer
                yield from _read_stream(stream, STDIN_NAME, options)
            elif is_url(location):
                if fetcher is None:
                    fetcher = Fetcher(
                        timeout=options.timeout,
                        max_bytes=options.max_bytes,
                        allow_private_hosts=options.allow_private_hosts,
                    )
                yield from _read_url(fetcher, location, options)
            else:
                yield from _read_file(location, options)
    finally:
        if fetcher is not None:
            fetcher.close()


def count_articles(paths: Iterable[str], options: ReadOptions | None = None) -> int | None:
    """How many articles ``read_sources`` will yield, about; ``None`` if stdin is read.

    For a progress bar: a JSONL file counts its non-blank lines, any other
    file or URL counts one. Memory stays flat; time is one walk, plus one read
    of each JSONL file.
    """
    options = options or ReadOptions()
    total = 0
    for location in expand(paths, options.glob):
        if location == STDIN:
            return None
        if isinstance(location, str) and not is_url(location):
            fmt = options.fmt or format_from_name(location)
            if fmt == "jsonl":
                total += _count_lines(location)
                continue
        total += 1
    return total


def _count_lines(path: str) -> int:
    count = 0
    try:
        with open(path, "rb") as file:
            for line in file:
                count += bool(line.strip())
    except OSError:
        return 1
    return max(count, 1)


def _read_file(path: str, options: ReadOptions) -> Iterator[ArticleInput | SourceError]:
    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            yield from _read_stream(file, path, options, size=size)
    except OSError as exc:
        yield SourceError(path, exc.strerror or f"cannot read ({type(exc).__name__})")


def _read_stream(
    stream: IO[bytes], origin: str, options: ReadOptions, *, size: int | None = None
) -> Iterator[ArticleInput | SourceError]:
    fmt = options.fmt or (None if origin == STDIN_NAME else format_from_name(origin))
    # A known format needs no sniffing: take what has come (a feed on stdin
    # may be one line so far) rather than wait for a full head.
    head = _read_some(stream, _SNIFF_BYTES) if fmt else stream.read(_SNIFF_BYTES)
    if fmt is None and not head.strip():
        yield SourceError(origin, "empty: no article text found")
        return
    fmt = fmt or sniff(head)
    encoding, _ = bom_encoding(head)
    if fmt == "jsonl" and encoding in (None, "utf-8"):
        lines = _lines(stream, head, options.max_bytes, origin)
        yield from parse_jsonl_lines(lines, origin)
        return
    if size is not None and size > options.max_bytes:
        yield SourceError(origin, _too_large(size, options.max_bytes))
        return
    data = head
    if len(head) <= options.max_bytes:
        data += stream.read(options.max_bytes + 1 - len(head))
    if len(data) > options.max_bytes:
        yield SourceError(origin, _too_large(len(data), options.max_bytes, more=True))
        return
    yield from _parse_document(data, origin, fmt)


def _read_url(
    fetcher: Fetcher, url: str, options: ReadOptions
) -> Iterator[ArticleInput | SourceError]:
    try:
        fetched = fetcher.fetch(url)
    except SourceError as exc:
        yield exc
        return
    typed = format_from_content_type(fetched.content_type)
    fmt = (
        options.fmt
        or format_from_name(fetched.url)
        or (typed if typed != "text" else None)
        or sniff(fetched.body[:_SNIFF_BYTES])
    )
    yield from _parse_document(fetched.body, url, fmt, url=fetched.url, charset=fetched.charset)


def _parse_document(
    data: bytes,
    origin: str,
    fmt: Format,
    *,
    url: str | None = None,
    charset: str | None = None,
) -> Iterator[ArticleInput | SourceError]:
    """A whole document in memory, by its format."""
    if not data.strip():
        yield SourceError(origin, "empty: no article text found")
        return
    notices: list[str] = []
    try:
        text = decode_bytes(data, origin, declared=charset, notices=notices)
        items: Iterable[ArticleInput | SourceError]
        if fmt == "json":
            items = parse_json(text, origin)
        elif fmt == "jsonl":
            items = parse_jsonl_lines(enumerate(text.splitlines(), 1), origin)
        elif fmt == "html":
            items = [parse_html(text, origin, url=url)]
        else:
            article = parse_text(text, origin, _as_utf8(data))
            items = [article if url is None else replace(article, url=url)]
        for item in items:
            yield with_notices(item, notices)
    except SourceError as exc:
        yield exc


def _as_utf8(data: bytes) -> str | None:
    """The document as UTF-8 reads it, before any repair; None if it is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _lines(
    stream: IO[bytes], head: bytes, limit: int, origin: str
) -> Iterator[tuple[int, bytes | SourceError]]:
    """Numbered lines of ``head`` + the rest of ``stream``; one over ``limit`` is an error.

    An oversized line is skipped without being held in memory, and the lines
    after it are read as usual.
    """
    buffer = io.BufferedReader(_Prefixed(head, stream))
    number = 0
    while True:
        line = buffer.readline(limit + 1)
        if not line:
            return
        number += 1
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of the line
                more = buffer.readline(1 << 16)
                if not more or more.endswith(b"\n"):
                    break
            reason = f"line larger than --max-bytes ({format_size(limit)})"
            yield number, SourceError(f"{origin}:{number}", reason)
            continue
        yield number, line


class _Prefixed(io.RawIOBase):
    """A raw stream that returns ``head`` first, then what is left in ``stream``."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        # What has come, not a full buffer: a JSONL feed is read a line as it arrives.
        data = _read_some(self._stream, len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_some(stream: IO[bytes], size: int) -> bytes:
    """Up to ``size`` bytes, as many as have come (at least one, or none at the end)."""
    read1 = getattr(stream, "read1", None)
    return read1(size) if read1 is not None else stream.read(size)


def _too_large(size: int, limit: int, *, more: bool = False) -> str:
    over = "more than " if more else ""
    return f"larger than --max-bytes ({over}{format_size(size)} > {format_size(limit)})"
