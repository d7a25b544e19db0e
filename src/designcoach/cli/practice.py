"""`designcoach practice`."""

from __future__ import annotations

from designcoach.errors import UserError


def run_practice(*args: object) -> None:
    raise UserError("'practice' is not built yet")
