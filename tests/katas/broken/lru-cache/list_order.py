"""Broken on purpose: keeps recency in a list, so get and put scan it (O(n))."""

from __future__ import annotations


class LRUCache:
    def __init__(self, capacity, on_evict=None):
        if not isinstance(capacity, int) or isinstance(capacity, bool) or capacity < 0:
            raise ValueError("capacity must be an int >= 0")
        self.capacity = capacity
        self.on_evict = on_evict
        self.values = {}
        self.order = []  # oldest first

    def get(self, key, default=None):
        if key not in self.values:
            return default
        self.order.remove(key)
        self.order.append(key)
        return self.values[key]

    def put(self, key, value):
        if key in self.values:
            self.order.remove(key)
        self.values[key] = value
        self.order.append(key)
        if len(self.order) > self.capacity:
            oldest = self.order.pop(0)
            old_value = self.values.pop(oldest)
            if self.on_evict is not None:
                self.on_evict(oldest, old_value)

    def __len__(self):
        return len(self.values)

    def __contains__(self, key):
        return key in self.values
