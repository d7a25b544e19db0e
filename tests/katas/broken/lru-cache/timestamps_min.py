"""Broken on purpose: stamps each use with a counter and finds the oldest with min() (O(n))."""

from __future__ import annotations

import itertools


class LRUCache:
    def __init__(self, capacity, on_evict=None):
        if not isinstance(capacity, int) or isinstance(capacity, bool) or capacity < 0:
            raise ValueError("capacity must be an int >= 0")
        self.capacity = capacity
        self.on_evict = on_evict
        self.values = {}
        self.used = {}
        self.clock = itertools.count()

    def get(self, key, default=None):
        if key not in self.values:
            return default
        self.used[key] = next(self.clock)
        return self.values[key]

    def put(self, key, value):
        self.values[key] = value
        self.used[key] = next(self.clock)
        if len(self.values) > self.capacity:
            oldest = min(self.used, key=self.used.__getitem__)
            del self.used[oldest]
            old_value = self.values.pop(oldest)
            if self.on_evict is not None:
                self.on_evict(oldest, old_value)

    def __len__(self):
        return len(self.values)

    def __contains__(self, key):
        return key in self.values
