"""The CLI reference (docs/cli.md), generated from the command line itself so it cannot drift.

``python -m ruydad.cli_reference > docs/cli.md`` rewrites it; a test fails when it is stale.
"""

from __future__ import annotations

from typing import Any

import typer

from ruydad.cli import app


def _lines(command: Any, path: list[str]) -> list[str]:
    """Markdown for one command and its sub-commands (Typer ships its own Click, so duck typing)."""
    name = " ".join(path)
    out = [f"{'#' * min(len(path) + 1, 4)} `{name}`", ""]
    doc = (command.help or "").strip()
    if doc:
        out += [doc.split("\n\n")[0].replace("\n", " "), ""]
    params = [p for p in command.params if not getattr(p, "hidden", False)]
    arguments = [p for p in params if getattr(p, "param_type_name", "") == "argument"]
    options = [p for p in params if getattr(p, "param_type_name", "") == "option"]
    usage = " ".join([name, *(f"{a.name.upper()}" for a in arguments if a.name), "[OPTIONS]" if options else ""])
    out += [f"`{usage.strip()}`", ""]
    for option in options:
        flags = ", ".join(f"`{o}`" for o in [*option.opts, *option.secondary_opts])
        help_text = (option.help or "").replace("\n", " ")
        out.append(f"- {flags}: {help_text}".rstrip(": "))
    if options:
        out.append("")
    if hasattr(command, "commands"):
        for sub_name in sorted(command.commands):
            out += _lines(command.commands[sub_name], [*path, sub_name])
    return out


def reference() -> str:
    root = typer.main.get_command(app)
    header = ["# Ruydad command reference", "",
              "Generated from the CLI by `python -m ruydad.cli_reference`; do not edit by hand.", ""]
    return "\n".join(header + _lines(root, ["ruydad"])).rstrip() + "\n"


if __name__ == "__main__":
    print(reference(), end="")
