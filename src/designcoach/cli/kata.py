"""`designcoach kata ...`: start, check, watch and get hints for katas."""

from __future__ import annotations

import typer

kata_app = typer.Typer(
    help="Small executable exercises checked by bundled tests.", no_args_is_help=True
)
