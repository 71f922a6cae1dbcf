"""Options declared once (ruydad/cli/options.py): every command that filters events takes the same
filter options and reads them the same way, and every ``--db`` keeps a URL a string."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from ruydad.cli import app
from ruydad.cli.options import FILTERS, FilterOptions, filter_options

runner = CliRunner()
FILTER_FLAGS = {"--actor", "--actor1", "--actor2", "--actor-category", "--event-type", "--sub-event-type",
                "--admin1", "--admin2", "--country", "--dataset", "--from", "--to", "--period", "--violent",
                "--civilian-targeting"}
FULL_FILTER_COMMANDS = ("events", "stats", "trend", "targets", "infighting", "cross-border")


def _commands(command: Any, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    found = {path: command}
    for name, sub in getattr(command, "commands", {}).items():
        found.update(_commands(sub, (*path, name)))
    return found


@pytest.fixture(scope="module")
def tree() -> dict[tuple[str, ...], Any]:
    return _commands(typer.main.get_command(app))


def _options(command: Any) -> dict[str, Any]:
    """Option flags -> parameter (duck-typed: Typer ships its own Click)."""
    return {opt: p for p in command.params if getattr(p, "param_type_name", "") == "option" for opt in p.opts}


def test_the_filter_block_is_the_same_on_events_and_every_analysis_command(tree: dict[tuple[str, ...], Any]) -> None:
    helps = {}
    for name in FULL_FILTER_COMMANDS:
        options = _options(tree[(name,)])
        assert set(options) >= FILTER_FLAGS, (name, FILTER_FLAGS - set(options))
        helps[name] = {flag: options[flag].help for flag in FILTER_FLAGS}
    assert all(h == helps["events"] for h in helps.values())
    assert len(FILTERS) == len(FILTER_FLAGS)


def test_commands_that_choose_their_own_window_take_no_dates(tree: dict[tuple[str, ...], Any]) -> None:
    for name in ("surges", "compare"):
        options = set(_options(tree[(name,)]))
        assert FILTER_FLAGS - {"--from", "--to", "--period"} <= options
        assert not {"--from", "--to"} & options


def test_every_db_option_is_a_string_never_a_path(tree: dict[tuple[str, ...], Any]) -> None:
    """``pathlib.Path`` turns ``postgresql://`` into ``postgresql:/``: a ``--db`` typed as a path breaks URLs."""
    with_db = {path: _options(command)["--db"] for path, command in tree.items() if "--db" in _options(command)}
    assert {(), ("stats",), ("claims",), ("actors", "show"), ("add-article",)} <= set(with_db)
    for path, option in with_db.items():
        assert option.type_descriptor.annotation is str, (path, option.type_descriptor)


def test_a_bad_filter_reads_the_same_in_events_and_in_stats(tmp_path: Path, ucdp_sample: Path) -> None:
    db = str(tmp_path / "o.duckdb")
    assert runner.invoke(app, ["--db", db, "ingest", "ucdp", str(ucdp_sample)]).exit_code == 0
    answers = []
    for command in ("events", "stats"):
        result = runner.invoke(app, ["--db", db, command, "--period", "2022H1", "--from", "2022-01-01"])
        assert result.exit_code == 1
        answers.append(result.output.strip())
    assert answers[0] == answers[1] == "error: give --period or --from/--to, not both"


def test_a_block_hands_the_command_one_object_and_keeps_its_other_parameters() -> None:
    seen: list[tuple[int, dict[str, Any]]] = []

    @filter_options(only=("actor", "violent"))
    def command(top: int = 3, *, filters: FilterOptions) -> None:
        seen.append((top, filters.values))

    probe = typer.Typer()
    probe.command()(command)
    result = runner.invoke(probe, ["--top", "5", "--actor", "NRF", "--violent"])
    assert result.exit_code == 0, result.output
    assert seen == [(5, {"actor": "NRF", "violent": True})]
    assert FilterOptions(seen[0][1]).filters().actor == "NRF"


def test_python_dash_m_runs_the_same_app() -> None:
    done = subprocess.run([sys.executable, "-m", "ruydad.cli", "--help"], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "events" in done.stdout and "stats" in done.stdout
