"""One way to print listings: a table on a terminal, ``--json``, ``--nl`` or ``--csv``.

Every listing command takes ``@output_options`` and hands rows (plain dicts)
to ``emit``. CSV cells that a spreadsheet would run as a formula are made
inert, because fact-checkers open these files in spreadsheets.
"""

from __future__ import annotations

import csv
import functools
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import click

from quotes.services.schema import to_json

F = TypeVar("F", bound=Callable[..., Any])

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


# The columns a table of appearances shows (the JSON has every field).
APPEARANCE_COLUMNS = [
    "quote_id",
    "outlet",
    "published_on",
    "said_on",
    "match_method",
    "match_score",
    "text",
]


def plural(count: int, noun: str) -> str:
    """``noun`` for one, ``noun + "s"`` otherwise: "1 source", "2 sources"."""
    return noun if count == 1 else noun + "s"


def counted(count: int, noun: str) -> str:
    """ "1 quote", "3 quotes"."""
    return f"{count} {plural(count, noun)}"


def output_options(function: F) -> F:
    """Add the mutually exclusive ``--table/--json/--nl/--csv`` flags as ``fmt``.

    The flags share one destination; the command always sees one of the four
    names. With none given: a table on a terminal, one JSON object a line
    into a pipe or a file (a box-drawn table is no use to the next program).
    """

    @functools.wraps(function)
    def with_format(*args: Any, fmt: str | None = None, **kwargs: Any) -> Any:
        chosen = fmt or ("table" if sys.stdout.isatty() else "nl")
        return function(*args, fmt=chosen, **kwargs)

    command: Any = with_format
    for flag, help_text in reversed(
        [
            ("table", "A readable table (the default on a terminal)."),
            ("json", "A JSON array."),
            ("nl", "One JSON object per line (the default into a pipe)."),
            ("csv", "CSV with a header row."),
        ]
    ):
        command = click.option(
            f"--{flag}",
            "fmt",
            flag_value=flag,
            help=help_text,
        )(command)
    return command  # type: ignore[no-any-return]


def csv_safe(value: Any) -> str:
    """A cell as text, with a leading quote where a spreadsheet would see a formula."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        text = "; ".join(csv_safe(v) for v in value)
    elif isinstance(value, Mapping):
        text = json.dumps(to_json(value), ensure_ascii=False)
    else:
        text = str(to_json(value))
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    return str(to_json(value))


def emit(
    rows: Iterable[Mapping[str, Any]],
    fmt: str = "table",
    *,
    columns: Sequence[str] | None = None,
    title: str | None = None,
) -> int:
    """Print rows in the chosen format; return how many were printed."""
    out = sys.stdout
    count = 0
    if fmt == "nl":
        for row in rows:
            out.write(json.dumps(to_json(row), ensure_ascii=False) + "\n")
            count += 1
        return count
    materialised = [dict(row) for row in rows]
    count = len(materialised)
    names = list(columns) if columns else _columns(materialised)
    if fmt == "json":
        out.write(json.dumps(to_json(materialised), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        for row in materialised:
            writer.writerow([csv_safe(row.get(name)) for name in names])
    else:
        _print_table(materialised, names, title)
    return count


def _columns(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    names: dict[str, None] = {}
    for row in rows:
        names.update(dict.fromkeys(row))
    return list(names)


def _print_table(
    rows: Sequence[Mapping[str, Any]], names: Sequence[str], title: str | None
) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=False)
    if not rows:
        console.print("(no results)")
        return
    table = Table(title=title, show_lines=False, expand=False)
    for name in names:
        table.add_column(name.replace("_", " "), overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(name)) for name in names))
    console.print(table)
