"""Every `ruydad` command the README shows runs as written (on a store holding an ACLED-format export and the
UCDP sample). Commands that need what a test cannot have are listed with the reason, so a new README line
is run unless someone says why it cannot be."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ruydad.cli import app

README = Path(__file__).resolve().parents[2] / "README.md"
NOT_RUN = {
    "ingest acled 2022-afghanistan.csv": "a file the reader downloads from ACLED (the export reader is tested on "
                                         "tests/data/acled)",
    "ingest ucdp GEDEvent_v25_1.csv": "a file the reader downloads from UCDP (tested on the sample)",
    "ingest acled-api": "needs ACLED credentials and the network (tested against a local server)",
    "ingest ucdp-api": "needs a UCDP token and the network (tested against a local server)",
    "ingest acled-deleted deleted.csv": "a file the reader downloads from ACLED",
    "history acled AFG12345": "an example id",
    "extract article.html": "the reader's own article file", "add-article article.txt": "the reader's own file",
    "watch add https://outlet.example": "an example feed on the network", "watch run": "polls feeds forever",
    "incidents show INCIDENT_ID": "an example id", "serve": "serves until stopped",
    "token create": "tested in tests/web", "classify": "reads standard input (tested in tests/extract)",
}


def readme_commands() -> list[str]:
    text = README.read_text(encoding="utf-8")
    block = text[text.index("## Using it"):]
    block = block[block.index("```bash") + 7:block.index("```", block.index("```bash") + 7)]
    commands = []
    for line in block.splitlines():
        line = line.split("|", 1)[-1].strip() if "| ruydad" in line else line.strip()
        if not line.startswith("ruydad "):
            continue
        words: list[str] = []
        for token in [*shlex.split(line, comments=True), ";"]:
            if token.endswith(";"):
                words.append(token[:-1]) if token[:-1] else None
                if words and words[0] == "ruydad":
                    commands.append(shlex.join(words[1:]))
                words = []
            else:
                words.append(token)
    return commands


COMMANDS = readme_commands()


def test_the_readme_shows_commands() -> None:
    assert len(COMMANDS) >= 30
    assert "trend --every month --actor NRF --dataset acled" in COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_runs(command: str, both_duckdb_file: str, tmp_path: Path) -> None:
    reason = next((why for start, why in NOT_RUN.items() if command.startswith(start)), None)
    if reason:
        pytest.skip(reason)
    db = tmp_path / "store.duckdb"
    shutil.copy(both_duckdb_file, db)
    argv = shlex.split(command)
    if ">" in argv:  # a shell redirection of standard output: the output is read here instead
        argv = argv[:argv.index(">")]
    argv = [a.replace("csv|json|parquet", "parquet") for a in argv]
    argv = [str(tmp_path / a) if re.fullmatch(r"[\w.-]+\.(parquet|geojson|html|xlsx)", a) else a for a in argv]
    result = CliRunner().invoke(app, ["--db", str(db), *argv])
    assert result.exit_code == 0, f"ruydad {command}\n{result.output}"
