"""JSON and JSONL articles: one object per article.

An object has ``text`` and optionally ``title``, ``url``, ``outlet``,
``published`` (an ISO date or timestamp), ``language`` and ``author``; other
keys are ignored. A JSON document holds one object or an array of them; JSONL
holds one per line and is read line by line, so a file of any size streams,
and a broken line fails alone, named by its line number.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

from quotes.errors import SourceError
from quotes.sources.article import ArticleInput, clean_text, with_notices
from quotes.sources.decode import decode_bytes

_OPTIONAL_STRINGS = ("title", "url", "outlet", "language", "author")


def article_from_object(value: Any, origin: str) -> ArticleInput:
    """One JSON value as an article, or a ``SourceError`` saying what is wrong with it."""
    if not isinstance(value, dict):
        raise SourceError(origin, f"expected a JSON object, found {_json_type(value)}")
    text = value.get("text")
    if not isinstance(text, str):
        reason = 'no "text"' if text is None else '"text" is not a string'
        raise SourceError(origin, reason)
    text = clean_text(text)
    if not text:
        raise SourceError(origin, '"text" is empty')
    fields: dict[str, str | None] = {}
    for name in _OPTIONAL_STRINGS:
        item = value.get(name)
        if item is not None and not isinstance(item, str):
            raise SourceError(origin, f'"{name}" is not a string')
        fields[name] = item.strip() or None if isinstance(item, str) else None
    return ArticleInput(
        text=text,
        origin=origin,
        title=fields["title"],
        url=fields["url"],
        outlet=fields["outlet"],
        published=_published(value.get("published"), origin),
        language=fields["language"],
        author=fields["author"],
    )


def parse_json(data: str, origin: str) -> Iterator[ArticleInput | SourceError]:
    """A JSON document: one object, or an array whose items are ``origin[index]``."""
    try:
        value = json.loads(data)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # several objects: it is really JSONL
            yield from parse_jsonl_lines(enumerate(data.splitlines(), 1), origin)
            return
        yield SourceError(origin, f"not valid JSON: {exc.msg} at line {exc.lineno}")
        return
    if isinstance(value, list):
        if not value:
            yield SourceError(origin, "empty JSON array: no articles")
        for index, item in enumerate(value):
            yield _attempt(item, f"{origin}[{index}]")
        return
    yield _attempt(value, origin)


def parse_jsonl_lines(
    lines: Iterable[tuple[int, str | bytes | SourceError]], origin: str
) -> Iterator[ArticleInput | SourceError]:
    """``(line number, line)`` pairs to articles; blank lines are skipped.

    A line may already be a ``SourceError`` (too long to read); it is passed on.
    """
    for number, raw in lines:
        where = f"{origin}:{number}"
        if isinstance(raw, SourceError):
            yield raw
            continue
        notices: list[str] = []
        if isinstance(raw, bytes):
            if not raw.strip():
                continue
            try:
                line = decode_bytes(raw, where, notices=notices)
            except SourceError as exc:
                yield exc
                continue
        else:
            line = raw
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield SourceError(where, f"not valid JSON: {exc.msg} (column {exc.colno})")
            continue
        yield with_notices(_attempt(value, where), notices)


def _attempt(value: Any, origin: str) -> ArticleInput | SourceError:
    try:
        return article_from_object(value, origin)
    except SourceError as exc:
        return exc


def _published(value: Any, origin: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise SourceError(origin, '"published" is not a date string')
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise SourceError(origin, f'"published": {value!r} is not an ISO date') from None


def _json_type(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    return "a number" if isinstance(value, int | float) else type(value).__name__
