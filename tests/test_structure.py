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
