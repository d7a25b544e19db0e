"""Tests for the hash-ring kata.

Run them with `designcoach kata check hash-ring`, or with plain `pytest` in your kata folder.
Each test's name says what it checks; its message says what to look at when it fails.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import os
import subprocess
import sys
import time
from collections import Counter

import hash_ring
import pytest
from hash_ring import HashRing
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

KEYS = [f"user:{i}" for i in range(2000)]


def md5_64(text: str) -> int:
    """What the spec says the default hash is, computed here independently."""
    return int.from_bytes(hashlib.md5(text.encode("utf-8")).digest()[:8], "big")


def table_hash(table: dict[str, int]):
    """A hash_fn that puts chosen texts at chosen positions (anything else far away at 10**9)."""

    def hash_fn(text: str) -> int:
        return table.get(text, 10**9)

    return hash_fn


def small_hash(size: int):
    """A hash_fn with only `size` positions, so points share positions and keys wrap often."""

    @functools.cache
    def hash_fn(text: str) -> int:
        return md5_64(text) % size

    return hash_fn


class Model:
    """The ring as the spec describes it, by brute force: every point, no cleverness."""

    def __init__(self, vnodes: int, hash_fn) -> None:
        self.vnodes = vnodes
        self.hash_fn = hash_fn
        self.weights: dict[str, int] = {}

    def points(self) -> list[tuple[int, str]]:
        state = tuple(sorted(self.weights.items()))
        if getattr(self, "_state", None) != state:
            self._state = state
            self._points = sorted(
                (self.hash_fn(f"{node}#{i}"), node)
                for node, weight in self.weights.items()
                for i in range(self.vnodes * weight)
            )
        return self._points

    def owner(self, key: str) -> str:
        points = self.points()
        h = self.hash_fn(key)
        at_or_after = [point for point in points if point[0] >= h]
        return (at_or_after or points)[0][1]

    def walk(self, key: str) -> list[str]:
        points = self.points()
        h = self.hash_fn(key)
        start = next((i for i, point in enumerate(points) if point[0] >= h), 0)
        order: list[str] = []
        for _, node in points[start:] + points[:start]:
            if node not in order:
                order.append(node)
        return order

    def has_shared_positions(self) -> bool:
        positions = [p for p, _ in self.points()]
        return len(positions) != len(set(positions))


# --- errors and bookkeeping -------------------------------------------------------------


def test_empty_ring_raises_lookup_error() -> None:
    with pytest.raises(LookupError):
        HashRing().get_node("anything")


def test_ring_emptied_by_removal_raises_lookup_error() -> None:
    ring = HashRing(["a"])
    ring.remove_node("a")
    with pytest.raises(LookupError):
        ring.get_node("anything")


def test_vnodes_below_one_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        HashRing(vnodes=0)


def test_weight_below_one_is_a_value_error() -> None:
    ring = HashRing()
    with pytest.raises(ValueError):
        ring.add_node("a", weight=0)
    assert "a" not in ring, "a rejected add_node must leave the ring unchanged"


def test_adding_a_node_twice_is_a_value_error() -> None:
    ring = HashRing(["a"])
    with pytest.raises(ValueError):
        ring.add_node("a")
    with pytest.raises(ValueError):
        HashRing(["b", "b"])


def test_adding_a_node_twice_leaves_its_points_alone() -> None:
    ring = HashRing(["a", "b"], vnodes=20)
    before = [ring.get_node(key) for key in KEYS[:300]]
    with pytest.raises(ValueError):
        ring.add_node("a", weight=5)
    after = [ring.get_node(key) for key in KEYS[:300]]
    assert after == before, "a rejected add_node changed where keys go"


def test_removing_an_absent_node_is_a_key_error() -> None:
    ring = HashRing(["a"])
    with pytest.raises(KeyError):
        ring.remove_node("b")


def test_negative_count_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        HashRing(["a"]).get_nodes("k", -1)


def test_nodes_len_and_in_follow_adds_and_removes() -> None:
    ring = HashRing(["a", "b"])
    ring.add_node("c", weight=3)
    assert ring.nodes == frozenset({"a", "b", "c"})
    assert isinstance(ring.nodes, frozenset), "nodes must be a frozenset"
    assert len(ring) == 3, "len counts physical nodes, not points"
    assert "c" in ring and "z" not in ring
    ring.remove_node("b")
    assert ring.nodes == frozenset({"a", "c"}) and len(ring) == 2 and "b" not in ring


# --- exact positions, chosen with hash_fn ----------------------------------------------

# a owns the point at 100, b the one at 200, c the one at 300.
EXACT = {"a#0": 100, "b#0": 200, "c#0": 300}


@pytest.mark.parametrize(
    ("position", "owner"),
    [(100, "a"), (101, "b"), (199, "b"), (200, "b"), (250, "c"), (300, "c"), (0, "a")],
)
def test_key_goes_to_the_first_point_at_or_after_it(position: int, owner: str) -> None:
    ring = HashRing(["a", "b", "c"], vnodes=1, hash_fn=table_hash({**EXACT, "key": position}))
    got = ring.get_node("key")
    assert got == owner, (
        f"a key hashed to {position} belongs to the first point at or after {position} "
        f"({owner}), got {got}"
    )


@pytest.mark.parametrize("position", [301, 10**6])
def test_key_past_the_largest_point_wraps_to_the_smallest(position: int) -> None:
    ring = HashRing(["a", "b", "c"], vnodes=1, hash_fn=table_hash({**EXACT, "key": position}))
    assert ring.get_node("key") == "a", "past the largest point the ring wraps to the smallest"


def test_points_are_placed_at_name_hash_index() -> None:
    table = {"a#0": 500, "a#1": 100, "a#2": 300, "b#0": 200, "b#1": 400, "b#2": 600}
    for position, owner in [(50, "a"), (150, "b"), (250, "a"), (350, "b"), (450, "a"), (550, "b")]:
        ring = HashRing(["a", "b"], vnodes=3, hash_fn=table_hash({**table, "k": position}))
        assert ring.get_node("k") == owner, (
            f"with vnodes=3, node n has points hash_fn('n#0'), 'n#1', 'n#2'; "
            f"a key at {position} should go to {owner}"
        )


def test_weight_multiplies_the_number_of_points() -> None:
    table = {"a#0": 100, "b#0": 200, "b#1": 300}
    ring = HashRing(["a"], vnodes=1, hash_fn=table_hash({**table, "k": 250}))
    ring.add_node("b", weight=2)
    assert ring.get_node("k") == "b", "a node of weight 2 with vnodes=1 owns 'b#0' and 'b#1'"


@pytest.mark.parametrize("order", [("apple", "banana"), ("banana", "apple")])
def test_shared_position_goes_to_the_name_that_sorts_first(order: tuple[str, str]) -> None:
    hash_fn = table_hash({"apple#0": 100, "banana#0": 100, "k": 50})
    ring = HashRing(vnodes=1, hash_fn=hash_fn)
    for node in order:
        ring.add_node(node)
    assert ring.get_node("k") == "apple", (
        f"two points at one position: the name that sorts first owns it, "
        f"whatever the order nodes were added ({' then '.join(order)})"
    )
    ring.remove_node("apple")
    assert ring.get_node("k") == "banana", "after removing apple, banana's point is still there"


def test_default_hash_is_md5_first_eight_bytes_big_endian() -> None:
    nodes = ["alpha", "beta", "gamma", "delta"]
    ring = HashRing(nodes, vnodes=3)
    model = Model(3, md5_64)
    model.weights = dict.fromkeys(nodes, 1)
    wrong = [key for key in KEYS[:400] if ring.get_node(key) != model.owner(key)]
    assert not wrong, (
        f"{len(wrong)} of 400 keys went to another node than with the default hash "
        f"(first 8 bytes of MD5 of the UTF-8 text, big-endian), e.g. {wrong[0]!r}"
    )


def test_same_mapping_in_another_process() -> None:
    folder = os.path.dirname(os.path.abspath(hash_ring.__file__))
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); from hash_ring import HashRing; "
        "ring = HashRing(['a', 'b', 'c', 'd']); "
        f"print(json.dumps([ring.get_node(f'user:{{i}}') for i in range({len(KEYS)})]))"
    )
    ring = HashRing(["a", "b", "c", "d"])
    here = [ring.get_node(key) for key in KEYS]
    # Another hash seed than this process's, so a ring built on built-in hash() differs.
    seed = "1" if os.environ.get("PYTHONHASHSEED") != "1" else "2"
    out = subprocess.run(
        [sys.executable, "-c", code, folder],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": seed},
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert out.returncode == 0, f"the ring failed in a fresh process:\n{out.stderr[-2000:]}"
    assert json.loads(out.stdout) == here, (
        "another process put keys on other nodes: the default hash must not depend on "
        "the process (Python's built-in hash() of a str changes every run)"
    )


# --- get_nodes: the preference list ---------------------------------------------------

WALK = {"a#0": 100, "b#0": 200, "a#1": 300, "c#0": 400, "d#0": 500, "d#1": 10}


@pytest.mark.parametrize(
    ("position", "count", "expected"),
    [
        (150, 2, ["b", "a"]),
        (150, 3, ["b", "a", "c"]),
        (450, 4, ["d", "a", "b", "c"]),
        (600, 2, ["d", "a"]),
        (250, 9, ["a", "c", "d", "b"]),
        (250, 0, []),
    ],
)
def test_get_nodes_walks_clockwise_and_skips_repeats(
    position: int, count: int, expected: list[str]
) -> None:
    table = {**WALK, "k": position}
    ring = HashRing(vnodes=1, hash_fn=table_hash(table))
    ring.add_node("a", weight=2)
    ring.add_node("b")
    ring.add_node("c")
    ring.add_node("d", weight=2)
    got = ring.get_nodes("k", count)
    assert got == expected, (
        f"from position {position}, walking clockwise and keeping the first {count} distinct "
        f"nodes gives {expected}, got {got}"
    )


def test_get_nodes_on_an_empty_ring_is_empty() -> None:
    assert HashRing().get_nodes("k", 3) == []


# --- properties against the brute-force model -----------------------------------------

names = st.text(alphabet="abcdefgh", min_size=1, max_size=3)
weighted_nodes = st.dictionaries(names, st.integers(1, 3), min_size=1, max_size=5)


@given(
    nodes=weighted_nodes,
    vnodes=st.integers(1, 4),
    size=st.sampled_from([16, 64, 2**64]),
    keys=st.lists(st.text(max_size=4), min_size=1, max_size=10),
)
def test_owner_matches_the_spec_on_crowded_rings(nodes, vnodes, size, keys) -> None:
    hash_fn = small_hash(size)
    ring = HashRing(vnodes=vnodes, hash_fn=hash_fn)
    model = Model(vnodes, hash_fn)
    for node, weight in nodes.items():
        ring.add_node(node, weight)
        model.weights[node] = weight
    for key in keys:
        assert ring.get_node(key) == model.owner(key), (
            f"key {key!r} at position {hash_fn(key)} went to the wrong node; ring points "
            f"(position, node): {model.points()}"
        )
        walk = ring.get_nodes(key, len(nodes))
        assert sorted(walk) == sorted(nodes), f"get_nodes(key, {len(nodes)}) must list every node"
        assert walk[0] == model.owner(key), "get_nodes' first node must be get_node's answer"
        if not model.has_shared_positions():
            assert walk == model.walk(key), f"walk order for key {key!r} is wrong"


@given(nodes=st.lists(names, min_size=2, max_size=5, unique=True), data=st.data())
def test_mapping_does_not_depend_on_the_order_nodes_were_added(nodes, data) -> None:
    hash_fn = small_hash(32)  # few positions, so many points share one
    shuffled = data.draw(st.permutations(nodes))
    first = HashRing(nodes, vnodes=3, hash_fn=hash_fn)
    second = HashRing(shuffled, vnodes=3, hash_fn=hash_fn)
    for key in KEYS[:64]:
        assert first.get_node(key) == second.get_node(key), (
            f"key {key!r}: adding {nodes} gave {first.get_node(key)}, adding {shuffled} gave "
            f"{second.get_node(key)}; ties must go to the name that sorts first"
        )


@given(nodes=st.lists(names, min_size=1, max_size=6, unique=True), new=names)
def test_adding_a_node_moves_keys_only_to_it(nodes, new) -> None:
    if new in nodes:
        nodes.remove(new)
    if not nodes:
        return
    ring = HashRing(nodes, vnodes=10)
    before = {key: ring.get_node(key) for key in KEYS[:500]}
    ring.add_node(new)
    moved = {key: ring.get_node(key) for key in before if ring.get_node(key) != before[key]}
    wrong = {key: node for key, node in moved.items() if node != new}
    assert not wrong, (
        f"adding {new!r} moved keys between the old nodes, e.g. {next(iter(wrong.items()))}; "
        "only keys that now belong to the new node may move"
    )


@given(nodes=st.lists(names, min_size=2, max_size=6, unique=True), data=st.data())
def test_removing_a_node_moves_only_its_keys(nodes, data) -> None:
    gone = data.draw(st.sampled_from(nodes))
    ring = HashRing(nodes, vnodes=10)
    before = {key: ring.get_node(key) for key in KEYS[:500]}
    ring.remove_node(gone)
    for key, owner in before.items():
        if owner != gone:
            assert ring.get_node(key) == owner, (
                f"removing {gone!r} moved {key!r} away from {owner!r}, which is still on the ring"
            )
        else:
            assert ring.get_node(key) != gone, f"{key!r} still goes to removed node {gone!r}"


def test_load_is_balanced_with_virtual_nodes() -> None:
    nodes = [f"cache-{i}" for i in range(10)]
    ring = HashRing(nodes)
    counts = Counter(ring.get_node(key) for key in [f"item:{i}" for i in range(20000)])
    fair = 20000 / len(nodes)
    shares = {node: round(counts[node] / fair, 2) for node in nodes}
    assert all(0.7 <= share <= 1.3 for share in shares.values()), (
        f"with 100 points per node each node should get 0.7x to 1.3x its fair share; "
        f"shares: {shares}. Does every node get vnodes points?"
    )


def test_shares_follow_weights() -> None:
    ring = HashRing(["small-1", "small-2"])
    ring.add_node("big", weight=3)
    counts = Counter(ring.get_node(key) for key in [f"item:{i}" for i in range(20000)])
    ratio = counts["big"] / ((counts["small-1"] + counts["small-2"]) / 2)
    assert 2.0 <= ratio <= 4.5, (
        f"a node of weight 3 should get about 3x the keys of a weight-1 node; got {ratio:.2f}x "
        f"({dict(counts)})"
    )


class RingMachine(RuleBasedStateMachine):
    """Random adds and removes; after each step every key must land where the model says."""

    @initialize(vnodes=st.integers(1, 3))
    def start(self, vnodes: int) -> None:
        self.hash_fn = small_hash(50)
        self.ring = HashRing(vnodes=vnodes, hash_fn=self.hash_fn)
        self.model = Model(vnodes, self.hash_fn)

    @rule(node=names, weight=st.integers(1, 3))
    def add(self, node: str, weight: int) -> None:
        if node in self.model.weights:
            with pytest.raises(ValueError):
                self.ring.add_node(node, weight)
        else:
            self.ring.add_node(node, weight)
            self.model.weights[node] = weight

    @precondition(lambda self: self.model.weights)
    @rule(data=st.data())
    def remove(self, data) -> None:
        node = data.draw(st.sampled_from(sorted(self.model.weights)))
        self.ring.remove_node(node)
        del self.model.weights[node]

    @rule(node=names)
    def remove_absent(self, node: str) -> None:
        if node not in self.model.weights:
            with pytest.raises(KeyError):
                self.ring.remove_node(node)

    @invariant()
    def same_nodes(self) -> None:
        assert self.ring.nodes == frozenset(self.model.weights)
        assert len(self.ring) == len(self.model.weights)

    @invariant()
    def keys_land_where_the_spec_says(self) -> None:
        for key in KEYS[:20]:
            if not self.model.weights:
                with pytest.raises(LookupError):
                    self.ring.get_node(key)
                continue
            expected = self.model.owner(key)
            got = self.ring.get_node(key)
            assert got == expected, (
                f"{key!r} at {self.hash_fn(key)} went to {got}, expected {expected}; "
                f"points: {self.model.points()}"
            )
            walk = self.ring.get_nodes(key, 2)
            assert len(walk) == min(2, len(self.model.weights)) and walk[0] == expected
            assert len(set(walk)) == len(walk), f"get_nodes repeated a node: {walk}"


TestRingMachine = RingMachine.TestCase
TestRingMachine.settings = settings(stateful_step_count=25)


# --- cost ----------------------------------------------------------------------------------


def _fast_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def _lookup_time(ring: HashRing, keys: list[str]) -> float:
    start = time.perf_counter()
    for key in keys:
        ring.get_node(key)
    return time.perf_counter() - start


def test_get_node_cost_grows_logarithmically() -> None:
    """16x the points may cost a little more per lookup, not 16x: use binary search (bisect)."""
    nodes = [f"n{i}" for i in range(8)]
    small = HashRing(nodes, vnodes=250, hash_fn=_fast_hash)  # 2,000 points
    large = HashRing(nodes, vnodes=4000, hash_fn=_fast_hash)  # 32,000 points
    keys = [f"lookup:{i}" for i in range(300)]
    best_small = best_large = float("inf")
    for round_ in range(6):  # the best of several rounds shrugs off a busy machine
        best_small = min(best_small, _lookup_time(small, keys))
        best_large = min(best_large, _lookup_time(large, keys))
        if best_large < 4 * best_small:
            return
        if round_ >= 1 and best_large > 12 * best_small:
            break  # far past the limit twice: no need to wait for more rounds
    ratio = best_large / best_small
    pytest.fail(
        f"get_node took {ratio:.1f}x longer on a ring with 16x the points: it looks like a "
        "scan over the points. Keep them sorted and use binary search (the bisect module)."
    )


def test_walks_every_order_of_three_nodes() -> None:
    # Exhaustive over a tiny case: every insertion order gives the same preference lists.
    hash_fn = small_hash(8)
    results = set()
    for order in itertools.permutations(["x", "y", "z"]):
        ring = HashRing(order, vnodes=2, hash_fn=hash_fn)
        results.add(tuple(ring.get_node(key) for key in KEYS[:50]))
    assert len(results) == 1, "the mapping changed with the order the nodes were added in"
