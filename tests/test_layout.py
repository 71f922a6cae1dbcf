"""The package's layout rules, checked on its source: faces outside the core, no import cycles.

Why: the CLI, the HTTP API and the dashboard are thin faces over one Python API. A core package that
imports a face (or two modules that import each other at load time) hides that design and makes
start-up order fragile. Imports inside functions are lazy on purpose (start-up speed) and are
allowed to point anywhere except from the core to a face.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "ruydad"
FACES = ("ruydad.cli", "ruydad.web")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(path: Path, module: str, *, top_level_only: bool) -> set[str]:
    """Modules of the package that ``path`` imports (at load time only, when asked)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    found: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("ruydad"))
            elif isinstance(node, ast.ImportFrom):
                base = _absolute(node, module, is_package)
                if base and base.startswith("ruydad"):
                    found.add(base)
                    found.update(f"{base}.{a.name}" for a in node.names)
            elif isinstance(node, ast.If) and _is_type_checking(node):
                continue
            elif isinstance(node, (ast.If, ast.Try, ast.With)):
                for block in ("body", "orelse", "finalbody"):
                    visit(getattr(node, block, []) or [])
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)
            elif not top_level_only and isinstance(
                    node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                visit(node.body)
            elif not top_level_only:
                visit([n for n in ast.iter_child_nodes(node) if isinstance(n, ast.stmt)])

    visit(tree.body)
    return found


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str | None:
    if node.level == 0:
        return node.module
    parts = module.split(".")
    keep = len(parts) - node.level + (1 if is_package else 0)
    base = ".".join(parts[:keep])
    return f"{base}.{node.module}" if node.module else base


def _sources() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))
            if "theatres" not in p.parts or p.name == "__init__.py"}


def _graph(*, top_level_only: bool) -> dict[str, set[str]]:
    modules = _sources()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = {t for t in _imports(path, name, top_level_only=top_level_only) if t in modules}
        graph[name] = targets - {name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def strong(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return found


def _ancestors(module: str) -> set[str]:
    parts = module.split(".")
    return {".".join(parts[:i]) for i in range(1, len(parts))}


def test_no_import_cycles_at_load_time() -> None:
    graph = _graph(top_level_only=True)
    # A submodule importing its own package's __init__ is how Python loads packages, not a cycle.
    graph = {m: {t for t in targets if t not in _ancestors(m)} for m, targets in graph.items()}
    assert _cycles(graph) == []


@pytest.mark.parametrize("face", FACES)
def test_core_never_imports_a_face(face: str) -> None:
    offenders = []
    for name, targets in _graph(top_level_only=False).items():
        if name == face or name.startswith(face + ".") or any(
                name == f or name.startswith(f + ".") for f in FACES):
            continue
        if name in ("ruydad.__main__", "ruydad.cli_reference"):
            continue
        bad = sorted(t for t in targets if t == face or t.startswith(face + "."))
        if bad:
            offenders.append(f"{name} -> {', '.join(bad)}")
    assert offenders == []


def test_cycle_finder_sees_a_cycle() -> None:
    """The checker itself must be able to fail."""
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
