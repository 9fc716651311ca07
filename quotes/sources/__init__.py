"""Turning files, folders, stdin and URLs into articles; no database here.

Everything streams: folders are walked lazily and JSONL is read line by line,
so reading 100,000 files takes as little memory as reading one. A source that
cannot be read comes out as a ``SourceError`` value in the stream (not raised),
so that one bad file never stops the others.
"""

from quotes.sources.article import ArticleInput, content_hash, normalize_text
from quotes.sources.detect import FORMATS, Format
from quotes.sources.read import ReadOptions, count_articles, read_sources

__all__ = [
    "FORMATS",
    "ArticleInput",
    "Format",
    "ReadOptions",
    "content_hash",
    "count_articles",
    "normalize_text",
    "read_sources",
]
