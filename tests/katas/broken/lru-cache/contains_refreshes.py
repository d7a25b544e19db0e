"""Broken on purpose: `in` makes the key most recent."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class LRUCache:
    """A cache of at most `capacity` items; the one unused for longest leaves first."""

    def __init__(self, capacity: int, on_evict: Callable[[Any, Any], None] | None = None) -> None:
        if not isinstance(capacity, int) or isinstance(capacity, bool) or capacity < 0:
            raise ValueError(f"capacity must be an int >= 0, got {capacity!r}")
        self._capacity = capacity
        self._on_evict = on_evict
        # Oldest first, newest last: move_to_end and popitem(last=False) are both O(1).
        self._items: OrderedDict[Hashable, Any] = OrderedDict()

    def get(self, key: Hashable, default: Any = None) -> Any:
        if key not in self._items:
            return default
        self._items.move_to_end(key)
        return self._items[key]

    def put(self, key: Hashable, value: Any) -> None:
        if key in self._items:
            self._items[key] = value
            self._items.move_to_end(key)
            return
        self._items[key] = value
        if len(self._items) > self._capacity:
            old_key, old_value = self._items.popitem(last=False)
            if self._on_evict is not None:
                self._on_evict(old_key, old_value)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        if key in self._items:
            self._items.move_to_end(key)
            return True
        return False
