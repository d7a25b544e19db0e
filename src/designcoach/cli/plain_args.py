"""Reading `practice [ID] [--minutes N]` without Typer, for the one command a person waits on.

Only plain, valid command lines are read here; anything else returns None and goes to the Typer
app, which reads it the same way and words the errors. A test holds the two readings equal.
"""

from __future__ import annotations

MINUTES_RANGE = (0.05, 600.0)  # practice --minutes; the Typer option uses it too


def plain_practice(args: list[str]) -> tuple[str | None, float | None] | None:
    """(prompt id, minutes) for a plain `practice` command line, else None."""
    if not args or args[0] != "practice":
        return None
    prompt_id: str | None = None
    minutes: float | None = None
    rest = iter(args[1:])
    for arg in rest:
        if arg == "--minutes" or arg.startswith("--minutes="):
            if minutes is not None:
                return None  # given twice: Typer's rule decides
            value = arg.partition("=")[2] if "=" in arg else next(rest, None)
            minutes = _minutes(value)
            if minutes is None:
                return None
        elif arg.startswith("-") or prompt_id is not None:
            return None  # --help, other options, a second id: for Typer
        else:
            prompt_id = arg
    return prompt_id, minutes


def _minutes(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        minutes = float(value)
    except ValueError:
        return None
    low, high = MINUTES_RANGE
    return minutes if low <= minutes <= high else None  # False for nan and inf too
