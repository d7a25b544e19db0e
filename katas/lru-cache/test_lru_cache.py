"""Tests for the lru-cache kata.

Run them with `designcoach kata check lru-cache`, or with plain `pytest` in your kata folder.
Each test's name says what it checks; its message says what to look at when it fails.
"""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from lru_cache import LRUCache


class Model:
    """The spec, as plainly as possible: a list of (key, value) pairs, oldest first."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.items: list[tuple[object, object]] = []
        self.evicted: list[tuple[object, object]] = []

    def _find(self, key: object) -> int | None:
        for index, (k, _) in enumerate(self.items):
            if k == key:
                return index
        return None

    def get(self, key: object, default: object = None) -> object:
        index = self._find(key)
        if index is None:
            return default
        pair = self.items.pop(index)
        self.items.append(pair)
        return pair[1]

    def put(self, key: object, value: object) -> None:
        index = self._find(key)
        if index is not None:
            self.items.pop(index)
            self.items.append((key, value))
            return
        self.items.append((key, value))
        if len(self.items) > self.capacity:
            self.evicted.append(self.items.pop(0))


def recording_cache(capacity: int) -> tuple[LRUCache, list[tuple[object, object]]]:
    evicted: list[tuple[object, object]] = []
    cache = LRUCache(capacity, on_evict=lambda key, value: evicted.append((key, value)))
    return cache, evicted


# --- scenarios -------------------------------------------------------------------------


def test_get_returns_what_put_stored() -> None:
    cache = LRUCache(2)
    cache.put("a", 1)
    assert cache.get("a") == 1
    assert len(cache) == 1 and "a" in cache


def test_missing_key_returns_default() -> None:
    cache = LRUCache(2)
    assert cache.get("nope") is None, "get without a default returns None for a missing key"
    assert cache.get("nope", "fallback") == "fallback"


@pytest.mark.parametrize("value", [0, None, "", False, [], 0.0])
def test_falsy_values_are_returned_not_the_default(value: object) -> None:
    cache = LRUCache(2)
    cache.put("k", value)
    got = cache.get("k", "DEFAULT")
    assert got == value and type(got) is type(value), (
        f"a stored {value!r} must come back as itself; check 'is None' or 'in', not truthiness"
    )


def test_least_recently_used_leaves_first() -> None:
    cache, evicted = recording_cache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("c", 3)
    assert evicted == [("a", 1)], f"the oldest item ('a', 1) should leave, got {evicted}"
    assert "a" not in cache and "b" in cache and "c" in cache


def test_get_makes_a_key_most_recent() -> None:
    cache, evicted = recording_cache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.get("a")
    cache.put("c", 3)
    assert evicted == [("b", 2)], (
        f"after get('a'), 'b' is the least recently used and should leave; evicted {evicted}"
    )
    assert cache.get("a") == 1


def test_put_of_existing_key_makes_it_most_recent() -> None:
    cache, evicted = recording_cache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("a", 10)
    cache.put("c", 3)
    assert evicted == [("b", 2)], f"put('a', ...) refreshes 'a'; 'b' should leave, got {evicted}"
    assert cache.get("a") == 10, "put on an existing key replaces its value"


def test_replacing_never_evicts() -> None:
    cache, evicted = recording_cache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    for value in range(5):
        cache.put("a", value)
        cache.put("b", value)
    assert evicted == [], f"replacing a key's value must not evict anything; evicted {evicted}"
    assert len(cache) == 2


def test_in_and_len_do_not_change_recency() -> None:
    cache, evicted = recording_cache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert "a" in cache and len(cache) == 2
    cache.put("c", 3)
    assert evicted == [("a", 1)], f"'in' must not refresh 'a'; 'a' should leave, got {evicted}"


def test_missing_get_does_not_change_recency() -> None:
    cache, evicted = recording_cache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.get("zzz")
    cache.put("c", 3)
    assert evicted == [("a", 1)]


def test_evicted_key_is_gone() -> None:
    cache = LRUCache(1)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a", "gone") == "gone" and len(cache) == 1


def test_capacity_zero_stores_nothing() -> None:
    cache, evicted = recording_cache(0)
    cache.put("a", 1)
    assert len(cache) == 0 and "a" not in cache and cache.get("a") is None
    assert evicted == [("a", 1)], (
        "with capacity 0 the inserted item itself is the least recently used one and leaves "
        f"at once, through on_evict; got {evicted}"
    )


def test_on_evict_gets_key_and_value_in_eviction_order() -> None:
    cache, evicted = recording_cache(3)
    for i in range(6):
        cache.put(f"k{i}", i * 10)
    assert evicted == [("k0", 0), ("k1", 10), ("k2", 20)], evicted


def test_on_evict_is_optional() -> None:
    cache = LRUCache(1)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("b") == 2


@pytest.mark.parametrize("capacity", [-1, -10, 1.5, "3", None])
def test_bad_capacity_is_a_value_error(capacity: object) -> None:
    with pytest.raises(ValueError):
        LRUCache(capacity)  # type: ignore[arg-type]


def test_keys_of_many_hashable_types() -> None:
    cache = LRUCache(4)
    for key in [1, "1", (1,), frozenset({1})]:
        cache.put(key, repr(key))
    for key in [1, "1", (1,), frozenset({1})]:
        assert cache.get(key) == repr(key), f"key {key!r} was mixed up with another"


def test_long_random_run_matches_model() -> None:
    rng = random.Random(7)
    cache, evicted = recording_cache(5)
    model = Model(5)
    for step in range(3000):
        key = rng.randrange(12)
        if rng.random() < 0.5:
            cache.put(key, step)
            model.put(key, step)
        else:
            assert cache.get(key, -1) == model.get(key, -1), f"get({key}) wrong at step {step}"
    assert evicted == model.evicted


# --- random operations against the model ---------------------------------------------

keys = st.sampled_from(["a", "b", "c", "d", "e"])
values = st.sampled_from([0, 1, 2, None, "", "x", False])


class CacheMachine(RuleBasedStateMachine):
    """Random puts and gets; after each one the cache must agree with the model."""

    @initialize(capacity=st.integers(0, 4))
    def start(self, capacity: int) -> None:
        self.cache, self.evicted = recording_cache(capacity)
        self.model = Model(capacity)

    @rule(key=keys, value=values)
    def put(self, key: str, value: object) -> None:
        self.cache.put(key, value)
        self.model.put(key, value)

    @rule(key=keys)
    def get(self, key: str) -> None:
        got = self.cache.get(key, "MISSING")
        expected = self.model.get(key, "MISSING")
        assert got == expected and type(got) is type(expected), (
            f"get({key!r}) returned {got!r}, expected {expected!r}"
        )

    @rule(key=keys)
    def contains(self, key: str) -> None:
        expected = any(k == key for k, _ in self.model.items)
        assert (key in self.cache) == expected, f"{key!r} in cache should be {expected}"

    @invariant()
    def same_size_and_evictions(self) -> None:
        assert len(self.cache) == len(self.model.items), (
            f"len is {len(self.cache)}, expected {len(self.model.items)}"
        )
        assert self.evicted == self.model.evicted, (
            f"on_evict calls {self.evicted}, expected {self.model.evicted}"
        )


TestCacheMachine = CacheMachine.TestCase


# --- cost ----------------------------------------------------------------------------------


def _workload_time(capacity: int, ops: list[tuple[bool, int]]) -> float:
    cache = LRUCache(capacity)
    for key in range(capacity):
        cache.put(key, key)
    start = time.perf_counter()
    for is_put, key in ops:
        if is_put:
            cache.put(key, key)
        else:
            cache.get(key)
    return time.perf_counter() - start


def _ops(capacity: int, count: int) -> list[tuple[bool, int]]:
    # Gets of present keys spread over the whole cache, and puts of new keys that evict.
    rng = random.Random(capacity)
    fresh = iter(range(capacity, capacity + count))
    return [
        (True, next(fresh)) if i % 4 == 0 else (False, rng.randrange(capacity))
        for i in range(count)
    ]


def test_get_and_put_cost_does_not_grow_with_size() -> None:
    """32x the items may cost a little more per operation, not 32x: no scans, no list.remove."""
    small_ops, large_ops = _ops(1000, 1500), _ops(32000, 1500)
    best_small = best_large = float("inf")
    for round_ in range(6):  # the best of several rounds shrugs off a busy machine
        best_small = min(best_small, _workload_time(1000, small_ops))
        best_large = min(best_large, _workload_time(32000, large_ops))
        if best_large < 6 * best_small:
            return
        if round_ >= 1 and best_large > 18 * best_small:
            break  # far past the limit twice: no need to wait for more rounds
    ratio = best_large / best_small
    pytest.fail(
        f"get/put took {ratio:.1f}x longer with 32x the items: something scans the items on "
        "each call (list.remove, index, min over timestamps, ...). A dict plus a doubly "
        "linked list, or collections.OrderedDict, gives O(1)."
    )
