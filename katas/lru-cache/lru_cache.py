"""Your solution to the lru-cache kata. README.md says what to build; the tests say if it works.

Check it with `designcoach kata check lru-cache` (or `designcoach kata watch lru-cache`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any


class LRUCache:
    """A cache of at most `capacity` items; the one unused for longest leaves first."""

    def __init__(self, capacity: int, on_evict: Callable[[Any, Any], None] | None = None) -> None:
        raise NotImplementedError("LRUCache.__init__")

    def get(self, key: Hashable, default: Any = None) -> Any:
        raise NotImplementedError("LRUCache.get")

    def put(self, key: Hashable, value: Any) -> None:
        raise NotImplementedError("LRUCache.put")

    def __len__(self) -> int:
        raise NotImplementedError("LRUCache.__len__")

    def __contains__(self, key: object) -> bool:
        raise NotImplementedError("LRUCache.__contains__")
