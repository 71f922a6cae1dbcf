"""The ``ruydad`` command line: a thin face over the Python API.

Each command parses options, calls one function of the package and prints its result; no analysis
or storage logic lives here (a command that needed some had it moved into the core package it
belongs to, where the HTTP API calls the same function). Layout:

- :mod:`ruydad.cli.app`: the one Typer app, the root ``--db`` and the mounting of every group;
- :mod:`ruydad.cli.options`: options declared once (``--db``, ``--format``, ``--theatre``) and the
  shared blocks (the query model's filters, the figures' output);
- :mod:`ruydad.cli.common`: the chosen store, consoles, the error guard;
- one module per command group: ``events`` (events, history, quarantine, batches, status),
  ``ingest``, ``analysis`` (stats ... brief), ``actors`` (actors, claims), ``extract`` (extract,
  add-article, classify), ``geo``, ``watch`` (watch, incidents, reconcile), ``spark``, ``tokens``,
  ``serve`` (serve, demo), ``bench``.

Core packages never import this package (``tests/test_layout.py``).
"""

from ruydad.cli.app import app, main
from ruydad.cli.common import _state, store_location  # noqa: F401  (_state: what `ruydad --db` chose)

__all__ = ["app", "main", "store_location"]

