"""The package's layers are visible in its imports: no module imports one that imports it back.

Imports inside functions count too: deferring an import hides a circle, it
does not remove it.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import quotes

PACKAGE = Path(quotes.__file__).parent


def _imports() -> dict[str, set[str]]:
    """Each module of ``quotes`` and the modules of ``quotes`` it imports."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module)
                imported.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
        graph[name] = {other for other in imported & modules.keys() if other != name}
    return graph


def test_no_import_circle() -> None:
    graph = _imports()
    assert graph["quotes.services.stance"] >= {"quotes.services.topics"}  # the graph is read
    try:
        order = list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as exc:
        raise AssertionError(f"import circle: {' -> '.join(exc.args[1])}") from None
    assert len(order) == len(graph)


# What builds or runs SQL: only ``quotes.storage`` may use it.
_SQL_NAMES = frozenset(
    {
        "select",
        "insert",
        "update",
        "delete",
        "text",
        "func",
        "bindparam",
        "literal",
        "literal_column",
        "exists",
        "or_",
        "and_",
        "not_",
        "case",
        "tuple_",
        "union",
        "union_all",
        "table",
        "column",
    }
)
_SQL_CALLS = frozenset({"execute", "exec_driver_sql"})
_FRONT_LAYERS = ("services", "cli", "web")


def _sql_uses(path: Path) -> list[str]:
    """Where the module builds or runs SQL: ``line: what``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            top = node.module.split(".")
            if top[0] != "sqlalchemy":
                continue
            if "dialects" in top or "sql" in top:
                found.append(f"{node.lineno}: from {node.module} import ...")
            found.extend(
                f"{node.lineno}: from {node.module} import {alias.name}"
                for alias in node.names
                if alias.name in _SQL_NAMES
            )
        elif isinstance(node, ast.Attribute) and (
            node.attr in _SQL_CALLS
            or (
                node.attr in _SQL_NAMES
                and isinstance(node.value, ast.Name)
                and node.value.id in {"sqlalchemy", "sa"}
            )
        ):
            found.append(f"{node.lineno}: .{node.attr}")
    return found


def test_sql_only_in_storage() -> None:
    """Services, the CLI and the web app call ``quotes.storage``; they build no queries."""
    offenders = {}
    for layer in _FRONT_LAYERS:
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            uses = _sql_uses(path)
            if uses:
                offenders[str(path.relative_to(PACKAGE.parent))] = uses
    assert not offenders, f"SQL outside quotes/storage: {offenders}"


def test_sql_check_sees_sql(tmp_path: Path) -> None:
    """The check above finds each way of building or running SQL it looks for."""
    module = tmp_path / "module.py"
    module.write_text(
        "import sqlalchemy as sa\n"
        "from sqlalchemy import Connection, select\n"
        "from sqlalchemy.dialects import sqlite\n"
        "from sqlalchemy.orm import Session\n"
        "def f(connection: Connection) -> None:\n"
        "    connection.execute(sa.text('SELECT 1'))\n",
        encoding="utf-8",
    )
    assert _sql_uses(module) == [
        "2: from sqlalchemy import select",
        "3: from sqlalchemy.dialects import ...",
        "6: .execute",
        "6: .text",
    ]
