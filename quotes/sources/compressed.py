"""Opening a text file that may be compressed: by its name, gzip (.gz) or bzip2 (.bz2)."""

from __future__ import annotations

import bz2
import gzip
import io
from pathlib import Path
from typing import IO


def open_text(path: Path) -> IO[str]:
    """A UTF-8 text file, read through gzip or bzip2 when its name ends .gz or .bz2."""
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    if path.suffix == ".bz2":
        return io.TextIOWrapper(bz2.open(path, "rb"), encoding="utf-8", newline="")
    return path.open(encoding="utf-8", newline="")


def base_name(path: Path) -> str:
    """The name without a compression suffix: "people.csv.gz" -> "people.csv"."""
    return path.name.removesuffix(".gz").removesuffix(".bz2")
