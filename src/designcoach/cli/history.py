"""`designcoach history`."""

from __future__ import annotations

from designcoach.errors import UserError


def run_history(*args: object) -> None:
    raise UserError("'history' is not built yet")
