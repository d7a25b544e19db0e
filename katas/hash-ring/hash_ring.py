"""Your solution to the hash-ring kata. README.md says what to build; the tests say if it works.

Check it with `designcoach kata check hash-ring` (or `designcoach kata watch hash-ring`).
"""

from __future__ import annotations

import bisect  # noqa: F401  (you will want it for lookups)
import hashlib  # noqa: F401  (the default hash is MD5)
from collections.abc import Callable, Iterable


class HashRing:
    """Maps keys to nodes so that adding or removing a node moves only the keys it must."""

    def __init__(
        self,
        nodes: Iterable[str] = (),
        *,
        vnodes: int = 100,
        hash_fn: Callable[[str], int] | None = None,
    ) -> None:
        # Decide what to keep: the weights of the physical nodes, and the points
        # (position, node) in an order that makes "first point at or after" cheap.
        raise NotImplementedError("HashRing.__init__")

    @property
    def nodes(self) -> frozenset[str]:
        raise NotImplementedError("HashRing.nodes")

    def __len__(self) -> int:
        raise NotImplementedError("HashRing.__len__")

    def __contains__(self, node: object) -> bool:
        raise NotImplementedError("HashRing.__contains__")

    def add_node(self, node: str, weight: int = 1) -> None:
        raise NotImplementedError("HashRing.add_node")

    def remove_node(self, node: str) -> None:
        raise NotImplementedError("HashRing.remove_node")

    def get_node(self, key: str) -> str:
        raise NotImplementedError("HashRing.get_node")

    def get_nodes(self, key: str, count: int) -> list[str]:
        raise NotImplementedError("HashRing.get_nodes")
