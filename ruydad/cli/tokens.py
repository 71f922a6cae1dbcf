"""``ruydad token ...``: the API tokens that writes over HTTP need, one call into :mod:`ruydad.web.tokens` each.

Tokens live in the store, so a ``ruydad token revoke`` in a shell takes effect on a running server
at once; the secret is shown once and stored only hashed.
"""

from __future__ import annotations

from typing import Annotated

import typer

from ruydad.cli.common import open_cli_store, out_console, run_guarded
from ruydad.cli.options import FormatOption
from ruydad.output import OutputFormat, write_table

app = typer.Typer(help="API tokens for writes over HTTP (stored hashed).", no_args_is_help=True)


@app.command("create")
def token_create(name: Annotated[str, typer.Argument(help="Who or what uses it, e.g. field-team-laptop.")]) -> None:
    """Create a token; it is shown once, keep it."""
    from ruydad.web.tokens import create_token

    def body() -> None:
        with open_cli_store() as store:
            new = create_token(store, name)
        out_console.print(f"token for {new.name} (id {new.token_id}), shown only now:")
        out_console.print(new.token, highlight=False)

    run_guarded(body)


@app.command("list")
def token_list(fmt: FormatOption = OutputFormat.table) -> None:
    """Tokens (ids and names only; the secrets are not stored)."""
    from ruydad.web.tokens import list_tokens

    def body() -> None:
        with open_cli_store(read_only=True) as store:
            write_table(list_tokens(store), fmt, console=out_console)

    run_guarded(body)


@app.command("revoke")
def token_revoke(token_id: Annotated[str, typer.Argument(help="The token's id (see `ruydad token list`).")]) -> None:
    """Revoke a token at once."""
    from ruydad.web.tokens import revoke_token

    def body() -> None:
        with open_cli_store() as store:
            revoke_token(store, token_id)
        out_console.print(f"revoked {token_id}")

    run_guarded(body)
