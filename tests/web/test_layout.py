"""The web face's layout: routes at module level in ``ruydad/web/routes/``, no import cycles.

Why: routes nested inside a factory close over its locals, so they can be read, tested and reused
only through the factory, and the factory and the route modules ended up importing each other.
Here every route is declared on a module-level ``APIRouter`` and asks for what it needs through
``ruydad.web.deps``; :func:`ruydad.web.app.create_app` only assembles. Checked on the source:

- no import cycle among ``ruydad.web`` modules, counting imports inside functions too (a lazy
  import is still a dependency; tests/test_layout.py checks load-time cycles package-wide);
- no route decorator inside a function, and every module of ``ruydad/web/routes`` has a router;
- each module imports alone in a fresh interpreter.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parents[2] / "ruydad" / "web"
ROUTE_DECORATORS = {"get", "post", "put", "patch", "delete", "api_route", "websocket", "middleware",
                    "exception_handler"}


def _module(path: Path) -> str:
    parts = ["ruydad", *path.relative_to(WEB.parent).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): p for p in sorted(WEB.rglob("*.py"))}


def _imports(path: Path, module: str) -> set[str]:
    """Every ``ruydad.web`` module ``path`` imports, wherever the import statement stands."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)
    return {m for m in found if m in MODULES and m != module}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle (as a path that returns to its start), or [] when there is none."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target):], target]
            if target not in state and (found := visit(target)):
                return found
        state[node] = 2
        stack.pop()
        return []

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return []


def _ancestors(module: str) -> set[str]:
    parts = module.split(".")
    return {".".join(parts[:i]) for i in range(1, len(parts))}


def test_no_import_cycle_inside_the_web_face_even_through_lazy_imports() -> None:
    # A module importing its own package (``ruydad.web``) is how Python loads packages, not a cycle.
    graph = {m: _imports(p, m) - _ancestors(m) for m, p in MODULES.items()}
    assert _cycle(graph) == []


def test_the_cycle_check_can_fail() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _imports(WEB / "app.py", "ruydad.web.app") >= {"ruydad.web.routes", "ruydad.web.state"}


def _nested_routes(path: Path) -> list[str]:
    """``@x.get(...)`` and the like on functions defined inside other functions."""
    found = []
    for outer in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(outer, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for inner in ast.walk(outer):
            if inner is outer or not isinstance(inner, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for decorator in inner.decorator_list:
                call = decorator.func if isinstance(decorator, ast.Call) else decorator
                if isinstance(call, ast.Attribute) and call.attr in ROUTE_DECORATORS:
                    found.append(f"{path.name}:{inner.lineno} {inner.name} inside {outer.name}")
    return found


def test_routes_are_declared_at_module_level() -> None:
    assert [hit for p in MODULES.values() for hit in _nested_routes(p)] == []
    routers = [p for p in (WEB / "routes").glob("*.py") if p.name != "__init__.py"]
    assert len(routers) >= 6
    for path in routers:
        assigned = {t.id for node in ast.parse(path.read_text(encoding="utf-8")).body
                    if isinstance(node, ast.Assign) for t in node.targets if isinstance(t, ast.Name)}
        assert "router" in assigned, f"{path.name} declares no module-level router"


def test_the_nested_route_check_can_fail(tmp_path: Path) -> None:
    source = tmp_path / "closure.py"
    source.write_text("def create_app(app):\n    @app.get('/x')\n    def x():\n        return 1\n", encoding="utf-8")
    assert _nested_routes(source) == ["closure.py:3 x inside create_app"]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_each_module_imports_alone(module: str) -> None:
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
