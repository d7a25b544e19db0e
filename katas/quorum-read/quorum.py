"""Your solution to the quorum-read kata. README.md says what to build; the tests say if it works.

The replicas you talk to are in replicas.py (read it; do not change it).
Check it with `designcoach kata check quorum-read` (or `designcoach kata watch quorum-read`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class QuorumError(Exception):
    """Too few replicas answered to reach the quorum."""


class QuorumStore:
    """Writes need `w` replicas up; reads ask the first `r` that answer and repair stale ones."""

    def __init__(self, replicas: Sequence[Any], *, w: int, r: int) -> None:
        raise NotImplementedError("QuorumStore.__init__")

    @property
    def strongly_consistent(self) -> bool:
        raise NotImplementedError("QuorumStore.strongly_consistent")

    def put(self, key: Any, value: Any) -> int:
        raise NotImplementedError("QuorumStore.put")

    def get(self, key: Any) -> Any:
        raise NotImplementedError("QuorumStore.get")
