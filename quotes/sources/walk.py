"""Expanding the command line's paths into sources, lazily.

Folders are walked depth-first with ``os.scandir`` iterators, one per level,
so a folder of 100,000 files is never listed into memory; the order is the
file system's. Hidden files and folders (``.git``, editor backups) are
skipped, and symbolic links to folders are not followed (no cycles).
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator

from quotes.errors import SourceError
from quotes.sources.detect import EXTENSIONS
from quotes.sources.fetch import is_url

STDIN = "-"


def default_patterns() -> tuple[str, ...]:
    """Without ``--glob``: every file with an extension that a reader knows."""
    return tuple(f"*{extension}" for extension in EXTENSIONS)


def expand(
    paths: Iterable[str | os.PathLike[str]], glob: str | None = None
) -> Iterator[str | SourceError]:
    """Each path as itself (a file, ``-``, a URL) or, for a folder, its matching files.

    A path that does not exist is a ``SourceError`` in the stream, not an exception.
    """
    patterns = (glob,) if glob else default_patterns()
    for given in paths:
        path = os.fspath(given)
        if path == STDIN or is_url(path):
            yield path
        elif os.path.isdir(path):
            yield from walk_folder(path, patterns)
        elif os.path.isfile(path):
            yield path
        elif os.path.exists(path):
            yield SourceError(path, "not a regular file")
        else:
            yield SourceError(path, "no such file or directory")


def walk_folder(root: str, patterns: tuple[str, ...]) -> Iterator[str | SourceError]:
    """Files under ``root`` whose name (or path below ``root``) matches a pattern."""
    stack: list[Iterator[os.DirEntry[str]]] = []
    try:
        stack.append(os.scandir(root))
    except OSError as exc:
        yield SourceError(root, exc.strerror or "cannot list folder")
        return
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            iterator = stack.pop()
            close = getattr(iterator, "close", None)
            if close is not None:
                close()
            continue
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                stack.append(os.scandir(entry.path))
                continue
            is_file = entry.is_file()
        except OSError as exc:
            yield SourceError(entry.path, exc.strerror or "cannot read")
            continue
        if is_file and _matches(entry, root, patterns):
            yield entry.path


def _matches(entry: os.DirEntry[str], root: str, patterns: tuple[str, ...]) -> bool:
    for pattern in patterns:
        if "/" in pattern or os.sep in pattern:
            relative = os.path.relpath(entry.path, root)
            if fnmatch.fnmatch(relative, pattern):
                return True
        elif fnmatch.fnmatch(entry.name.lower(), pattern.lower()):
            return True
    return False
