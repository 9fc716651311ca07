"""Reading a Wikidata JSON dump (``latest-all.json``) one entity at a time.

The dump is one JSON array with one entity a line: ``[`` on the first line,
then each entity followed by a comma, the last one without, then ``]``.
Read line by line (through gzip or bzip2 when the name says so), it needs
the memory of one entity, whatever the size of the dump.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quotes.errors import SourceError
from quotes.sources.compressed import open_text


def read_entities(path: Path) -> Iterator[dict[str, Any] | SourceError]:
    """The entities of a dump; a line that is not one is a ``SourceError`` naming
    the file and line, and reading goes on."""
    try:
        stream = open_text(path)
    except OSError as exc:
        yield SourceError(str(path), exc.strerror or str(exc))
        return
    with stream:
        for number, line in enumerate(stream, 1):
            text = line.strip()
            if text in ("[", "]", ""):
                continue
            try:
                entity = json.loads(text.removesuffix(","))
            except ValueError as exc:
                yield SourceError(f"{path}:{number}", f"not JSON ({exc.args[0].split(':')[0]})")
                continue
            if not isinstance(entity, dict) or not isinstance(entity.get("id"), str):
                yield SourceError(f"{path}:{number}", "not an entity")
                continue
            yield entity


def claim_ids(entity: dict[str, Any], prop: str) -> list[str]:
    """The item ids an entity's claims of ``prop`` point to, best rank first
    (preferred, then normal; deprecated ones left out)."""
    found: list[tuple[int, str]] = []
    for claim in entity.get("claims", {}).get(prop, ()):
        rank = claim.get("rank", "normal")
        if rank == "deprecated":
            continue
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            found.append((0 if rank == "preferred" else 1, value["id"]))
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def claim_time(entity: dict[str, Any], prop: str) -> str | None:
    """The first time value of ``prop`` as ISO text to its precision: "1978-01-25",
    "1978-01" or "1978" (None before a year's precision or without one)."""
    for claim in entity.get("claims", {}).get(prop, ()):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if not isinstance(value, dict) or not isinstance(value.get("time"), str):
            continue
        precision = value.get("precision", 11)
        sign = "-" if value["time"].startswith("-") else ""
        date = value["time"].lstrip("+-").split("T")[0]
        year, _, rest = date.partition("-")
        if precision >= 11:
            return f"{sign}{year}-{rest}"
        if precision == 10:
            return f"{sign}{year}-{rest[:2]}"
        if precision == 9:
            return f"{sign}{year}"
    return None


def texts(entity: dict[str, Any], field: str) -> dict[str, list[str]]:
    """Labels, aliases or descriptions by language: {"en": ["..."], ...}."""
    raw = entity.get(field, {})
    found: dict[str, list[str]] = {}
    if not isinstance(raw, dict):
        return found
    for language, value in raw.items():
        values = value if isinstance(value, list) else [value]
        found[language] = [
            v["value"] for v in values if isinstance(v, dict) and isinstance(v.get("value"), str)
        ]
    return found
