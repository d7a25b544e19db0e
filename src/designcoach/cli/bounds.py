"""Number options with a range: inf, nan and values out of range are refused in one line."""

from collections.abc import Callable

import typer


def between(low: float, high: float, unit: str) -> Callable[[float | None], float | None]:
    """A Typer callback that lets None and numbers from `low` to `high` through."""

    def check(value: float | None) -> float | None:
        # The comparison is False for nan as well as for inf and numbers out of range; Typer's
        # own min= check lets inf through and calls nan too small.
        if value is not None and not low <= value <= high:
            raise typer.BadParameter(f"{value:g} is not between {low:g} and {high:g} {unit}")
        return value

    return check
