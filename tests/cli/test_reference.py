from __future__ import annotations

from pathlib import Path

from ruydad.cli_reference import reference

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_cli_reference_in_docs_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == reference(), (
        "docs/cli.md is stale: run `python -m ruydad.cli_reference > docs/cli.md`")


def test_reference_covers_every_top_level_command() -> None:
    text = reference()
    for command in ("ingest", "events", "geo", "actors", "claims", "extract", "stats", "check", "brief", "serve"):
        assert f"`ruydad {command}" in text
