"""Package exports loaded on first use, so that ``ruydad --help`` does not load the whole library.

A package ``__init__`` lists what it exports and from which module; the module is imported the first
time one of its names is read (PEP 562), and the name is then kept on the package so later reads
cost nothing. For type checkers the same names are imported under ``TYPE_CHECKING``. Importing
``ruydad.cli`` must not pull in scipy, scikit-learn, spaCy, PySpark or Ibis
(``tests/cli/test_startup.py`` holds that line).

One subtlety: a package may export a function named like one of its modules (``ruydad.geo.locate``
is both). Importing the module sets the package attribute to the module; an eager ``__init__``
rebinds it to the function right after, and :class:`LazyPackage` does the same when the import
system sets it, so ``from ruydad.geo import locate`` is the function whatever was imported first.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import Any


class LazyPackage(ModuleType):
    """A package module whose exports are imported from their modules on first read."""

    def __getattr__(self, name: str) -> Any:
        exports: dict[str, str] = self.__dict__.get("_lazy_exports", {})
        source = exports.get(name)
        if source is None:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        module = import_module(source, self.__name__) if source.startswith(".") else import_module(source)
        value = getattr(module, name)
        self.__dict__[name] = value
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        exports: dict[str, str] = self.__dict__.get("_lazy_exports", {})
        if isinstance(value, ModuleType) and value.__name__ == f"{self.__name__}.{name}" and name in exports:
            value = getattr(import_module(exports[name], self.__name__), name)
        super().__setattr__(name, value)

    def __dir__(self) -> list[str]:
        return sorted(set(self.__dict__) | set(self.__dict__.get("_lazy_exports", {})))


def lazy_exports(package: str, exports: dict[str, str]) -> None:
    """Make ``package`` (a module in ``sys.modules``) export ``exports``: name -> the module that
    defines it (absolute, or relative to the package such as ``".core"``), imported on first read."""
    module = sys.modules[package]
    module.__dict__["_lazy_exports"] = exports
    module.__class__ = LazyPackage


class LazyModule(ModuleType):
    """A stand-in for a module, imported on the first attribute read: ``ibis = lazy_module("ibis")``
    lets code call ``ibis.literal(...)`` while a process that never does (a grouped figure read from
    the store's summary tables) never pays for importing it."""

    def __getattr__(self, name: str) -> Any:
        return getattr(import_module(self.__name__), name)


def lazy_module(name: str) -> Any:
    """The module ``name``, imported when first used (see :class:`LazyModule`)."""
    return sys.modules.get(name) or LazyModule(name)
