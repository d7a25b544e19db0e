"""Running two commands alternately, shared by every figure."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def alternate(
    ours: Callable[[], T], floor: Callable[[], T], runs: int, warm: bool = True
) -> tuple[list[T], list[T]]:
    """`runs` results of each, taken in turn (A, B, A, B, ...) so that load on the machine
    hits both alike, after one unrecorded run of each when `warm` (to fill the OS file cache,
    the byte-code cache and designcoach's own caches, as any second run finds them)."""
    if warm:
        ours(), floor()
    xs, ys = [], []
    for _ in range(runs):
        xs.append(ours())
        ys.append(floor())
    return xs, ys
