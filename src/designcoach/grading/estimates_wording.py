"""How an estimate reads in a report: figures in words and units, and a verdict by how far off.

`ok` (the JSON field) is false only beyond 10x, as INTERFACES.md says; the line a person reads is
finer, so that a figure 9x too high does not look approved: within 2x it is close enough for an
estimate, between 2x and 10x it says how far off it is.
"""

from __future__ import annotations

import math
from typing import Protocol

CLOSE = 2.0  # within this factor a figure is close enough for an estimate
EXACT = 1.2  # within this factor it checks out
_COUNTS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))
_SIZES = ((1e18, "EB"), (1e15, "PB"), (1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "KB"))
_RATES = {
    "s": "per second",
    "min": "per minute",
    "h": "per hour",
    "day": "a day",
    "week": "a week",
    "month": "a month",
    "year": "a year",
}


class Checked(Protocol):
    """What a verdict needs: the figure stated, the one recomputed, and the 10x verdict."""

    stated: float
    computed: float
    ok: bool


def significant(value: float) -> str:
    """Three significant digits, without an exponent: 231, 1,460, 57.9, 0.05."""
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    rounded = float(f"{value:.3g}")
    if abs(rounded) >= 100 or rounded == int(rounded):
        return f"{rounded:,.0f}"
    return f"{rounded:g}"


def figure(value: float, unit: str = "", rate: str | None = None) -> str:
    """A figure as a person writes it: 230 thousand per second, 1.46 PB a year, 5%."""
    if unit == "%":
        text = f"{significant(value * 100)}%"
    else:
        steps, text = (_SIZES, f"{significant(value)} bytes") if unit == "bytes" else (_COUNTS, "")
        size = abs(value)
        for step, name in steps:
            # counts below 10,000 read best as digits: 2,000 servers, not 2 thousand
            if size >= step and (steps is _SIZES or size >= 1e4):
                text = f"{significant(value / step)} {name}"
                break
        else:
            text = text or significant(value)
    return f"{text} {_RATES[rate]}" if rate in _RATES else text


def off_by(stated: float, computed: float) -> float:
    """How many times apart the two figures are (1 when equal, inf when one is 0)."""
    low, high = sorted((abs(stated), abs(computed)))
    if high == low:
        return 1.0
    return high / low if low else math.inf


def times(factor: float) -> str:
    """`8.6x`, `86x`, `10,000x`."""
    if not math.isfinite(factor):
        return "infinitely"
    return f"{factor:.1f}x" if factor < 10 else f"{significant(factor)}x"


def note(est: Checked, unit: str = "", rate: str | None = None) -> str:
    """The report line's verdict: both figures, and how far apart they are."""
    computed = figure(est.computed, unit, rate)
    factor = off_by(est.stated, est.computed)
    if factor <= EXACT:
        return f"checks out (recomputed: {computed})"
    both = f"{figure(est.stated, unit, rate)} stated, {computed} computed"
    if factor <= CLOSE:
        return f"{both} (close enough for an estimate)"
    if est.ok:
        return f"{both} ({times(factor)} off, within the 10x tolerance)"
    return f"{both} ({times(factor)} off)"


def mark(est: Checked) -> tuple[str, str]:
    """The line's symbol and Rich style: ✔ within 2x, ~ within 10x, ✘ beyond."""
    if not est.ok:
        return "✘", "bold red"
    if off_by(est.stated, est.computed) <= CLOSE:
        return "✔", "green"
    return "~", "yellow"
