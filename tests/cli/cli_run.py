"""Run the real entry point (`designcoach.cli.main`) inside Typer's CliRunner isolation, so the
tests see the exit codes and one-line errors users see."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from typer.testing import CliRunner

from designcoach.cli import main


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(args: list[str], env: Mapping[str, str | None] | None = None) -> Run:
    # Every variable the commands read is listed, so a value set by one test (or by the
    # root --content option, which sets DESIGNCOACH_CONTENT) is restored afterwards.
    base: dict[str, str | None] = {
        "DESIGNCOACH_CONTENT": None,
        "TTY_COMPATIBLE": None,
        "FORCE_COLOR": None,
        "NO_COLOR": None,
        "COLUMNS": "100",
    }
    base.update(env or {})
    with CliRunner().isolation(env=base) as (out, err, _):
        import sys

        try:
            main(args)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        return Run(code, out.getvalue().decode(), err.getvalue().decode())
