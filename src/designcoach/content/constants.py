"""Content constants that need no pydantic: grading and the CLI read them on every run."""

from __future__ import annotations

FORMAT_VERSION = 1

# The phases of an interview, in the order they happen.
PHASE_IDS: tuple[str, ...] = (
    "requirements",
    "estimates",
    "api",
    "data-model",
    "high-level",
    "deep-dive",
    "wrap-up",
)

# The categories a rubric item scores in (the keys of a report's `categories`).
CATEGORIES: tuple[str, ...] = (
    "requirements",
    "estimates",
    "api",
    "data-model",
    "high-level",
    "deep-dive",
    "reliability",
    "trade-offs",
)

BANDS: tuple[str, ...] = ("strong hire", "hire", "lean no hire", "no hire")
