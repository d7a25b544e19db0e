"""Broken on purpose: get_nodes stops at the largest point instead of wrapping."""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable, Iterable


def md5_hash(text: str) -> int:
    """The first 8 bytes of MD5(text) as a big-endian unsigned int: the same in every process."""
    return int.from_bytes(hashlib.md5(text.encode("utf-8")).digest()[:8], "big")


class HashRing:
    """Maps keys to nodes so that adding or removing a node moves only the keys it must."""

    def __init__(
        self,
        nodes: Iterable[str] = (),
        *,
        vnodes: int = 100,
        hash_fn: Callable[[str], int] | None = None,
    ) -> None:
        if vnodes < 1:
            raise ValueError(f"vnodes must be at least 1, got {vnodes}")
        self._vnodes = vnodes
        self._hash = hash_fn or md5_hash
        self._weights: dict[str, int] = {}
        # Two parallel sorted lists: positions for bisect, (position, node) for tie order.
        self._positions: list[int] = []
        self._owners: list[str] = []
        for node in nodes:
            self.add_node(node)

    @property
    def nodes(self) -> frozenset[str]:
        return frozenset(self._weights)

    def __len__(self) -> int:
        return len(self._weights)

    def __contains__(self, node: object) -> bool:
        return node in self._weights

    def add_node(self, node: str, weight: int = 1) -> None:
        if weight < 1:
            raise ValueError(f"weight must be at least 1, got {weight}")
        if node in self._weights:
            raise ValueError(f"node {node!r} is already on the ring")
        self._weights[node] = weight
        points = [(self._hash(f"{node}#{i}"), node) for i in range(self._vnodes * weight)]
        self._rebuild(list(zip(self._positions, self._owners, strict=True)) + points)

    def remove_node(self, node: str) -> None:
        if node not in self._weights:
            raise KeyError(node)
        del self._weights[node]
        kept = [(p, n) for p, n in zip(self._positions, self._owners, strict=True) if n != node]
        self._rebuild(kept)

    def _rebuild(self, points: list[tuple[int, str]]) -> None:
        # Sorting by (position, name) makes the first name win a shared position,
        # whatever order the nodes arrived in.
        points.sort()
        self._positions = [p for p, _ in points]
        self._owners = [n for _, n in points]

    def _start(self, key: str) -> int:
        if not self._positions:
            raise LookupError("the ring has no nodes")
        index = bisect.bisect_left(self._positions, self._hash(key))
        return 0 if index == len(self._positions) else index

    def get_node(self, key: str) -> str:
        return self._owners[self._start(key)]

    def get_nodes(self, key: str, count: int) -> list[str]:
        if count < 0:
            raise ValueError(f"count must be 0 or more, got {count}")
        wanted = min(count, len(self._weights))
        if wanted == 0:
            return []
        start = self._start(key)
        found: list[str] = []
        total = len(self._owners)
        for step in range(total - start):
            node = self._owners[start + step]
            if node not in found:
                found.append(node)
                if len(found) == wanted:
                    break
        return found
