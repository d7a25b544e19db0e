"""Broken on purpose: writes first and raises afterwards, leaving partial writes behind."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class QuorumError(Exception):
    """Too few replicas answered to reach the quorum."""


class QuorumStore:
    """Writes go to every replica that is up and need `w` of them; reads ask `r` and repair."""

    def __init__(self, replicas: Sequence[Any], *, w: int, r: int) -> None:
        n = len(replicas)
        if not 1 <= w <= n:
            raise ValueError(f"w must be between 1 and {n} (the number of replicas), got {w}")
        if not 1 <= r <= n:
            raise ValueError(f"r must be between 1 and {n} (the number of replicas), got {r}")
        self._replicas = list(replicas)
        self._w = w
        self._r = r
        self._version = 0

    @property
    def strongly_consistent(self) -> bool:
        # Any r replicas then overlap any w replicas, so a read meets the latest write.
        return self._r + self._w > len(self._replicas)

    def put(self, key: Any, value: Any) -> int:
        self._version += 1
        written = 0
        for replica in self._replicas:
            try:
                replica.write(key, self._version, value)
                written += 1
            except ConnectionError:
                pass
        if written < self._w:
            raise QuorumError(f"only {written} replicas took the write; it needs {self._w}")
        return self._version

    def get(self, key: Any) -> Any:
        answers: list[tuple[Any, tuple[int, Any] | None]] = []
        for replica in self._replicas:
            if len(answers) == self._r:
                break
            try:
                answers.append((replica, replica.read(key)))
            except ConnectionError:
                continue
        if len(answers) < self._r:
            raise QuorumError(f"only {len(answers)} replicas answered; a read needs {self._r}")
        found = [held for _, held in answers if held is not None]
        if not found:
            raise KeyError(key)
        newest = max(found, key=lambda held: held[0])
        for replica, held in answers:
            if held is None or held[0] < newest[0]:
                replica.write(key, newest[0], newest[1])
        return newest[1]
