"""The `designcoach` command. Modules here stay thin: they parse options and call the core.

`main` starts `practice` at once when its command line is plain (an id, --minutes in range):
importing Typer is about a sixth of the time to the first frame of the session. Every other
command line, bad ones included, goes to the Typer app in `commands`.
"""

from __future__ import annotations

import sys
from typing import Any

from designcoach.cli.plain_args import plain_practice


def main(argv: list[str] | None = None) -> None:
    """Entry point: runs the command and turns unusable input into one line and exit code 2."""
    practice_args = plain_practice(sys.argv[1:] if argv is None else argv)
    if practice_args is None:
        from designcoach.cli.commands import main as run_command

        run_command(argv)
        return
    from designcoach.cli.practice import run_practice
    from designcoach.errors import UserError, fail

    try:
        run_practice(*practice_args)
    except UserError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(0)


def __getattr__(name: str) -> Any:
    """`from designcoach.cli import app`: the Typer app, loaded when asked for."""
    if name != "app":
        raise AttributeError(f"module 'designcoach.cli' has no attribute {name!r}")
    import importlib

    return importlib.import_module("designcoach.cli.commands").app
