"""Tests for the quorum-read kata.

Run them with `designcoach kata check quorum-read`, or with plain `pytest` in your kata folder.
Each test's name says what it checks; its message says what to look at when it fails.
"""

from __future__ import annotations

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from quorum import QuorumError, QuorumStore
from replicas import Replica, make_replicas


def reads(replica: Replica) -> int:
    return sum(1 for call in replica.calls if call[0] == "read")


def writes(replica: Replica) -> int:
    return sum(1 for call in replica.calls if call[0] == "write")


def clear_calls(replicas: list[Replica]) -> None:
    for replica in replicas:
        replica.calls.clear()


# --- setup ------------------------------------------------------------------------------


@pytest.mark.parametrize(("w", "r"), [(0, 1), (1, 0), (4, 1), (1, 4), (-1, 2)])
def test_quorum_sizes_outside_one_to_n_are_value_errors(w: int, r: int) -> None:
    with pytest.raises(ValueError):
        QuorumStore(make_replicas(3), w=w, r=r)


def test_no_replicas_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        QuorumStore([], w=1, r=1)


@pytest.mark.parametrize(
    ("n", "w", "r", "strong"),
    [(3, 2, 2, True), (3, 1, 1, False), (3, 2, 1, False), (3, 1, 3, True), (5, 3, 3, True)],
)
def test_strongly_consistent_means_r_plus_w_above_n(n: int, w: int, r: int, strong: bool) -> None:
    store = QuorumStore(make_replicas(n), w=w, r=r)
    assert store.strongly_consistent is strong, (
        f"n={n}, w={w}, r={r}: r + w > n is {strong}, so every read quorum "
        f"{'overlaps' if strong else 'need not overlap'} every write quorum"
    )


# --- put ---------------------------------------------------------------------------------


def test_put_writes_to_every_replica_that_is_up() -> None:
    replicas = make_replicas(3)
    replicas[1].up = False
    store = QuorumStore(replicas, w=2, r=2)
    version = store.put("k", "v")
    assert replicas[0].peek("k") == (version, "v")
    assert replicas[2].peek("k") == (version, "v")
    assert replicas[1].peek("k") is None, "a replica that is down cannot be written"


def test_put_returns_versions_that_always_grow() -> None:
    store = QuorumStore(make_replicas(3), w=2, r=2)
    versions = [store.put(key, i) for i, key in enumerate("abcabcab")]
    assert all(isinstance(v, int) for v in versions), f"versions must be ints, got {versions}"
    assert versions == sorted(set(versions)), (
        f"each put must return a version greater than all before it, got {versions}"
    )


def test_put_without_a_write_quorum_raises_and_writes_nothing() -> None:
    replicas = make_replicas(3)
    replicas[0].up = replicas[1].up = False
    store = QuorumStore(replicas, w=2, r=1)
    with pytest.raises(QuorumError):
        store.put("k", "v")
    assert replicas[2].peek("k") is None, (
        "only 1 replica was up and w=2: the put must fail before writing anything, or a later "
        "read could see a value whose put reported failure"
    )
    assert writes(replicas[2]) == 0, "no write call at all when the quorum cannot be reached"


def test_put_with_exactly_w_replicas_up_succeeds() -> None:
    replicas = make_replicas(3)
    replicas[2].up = False
    store = QuorumStore(replicas, w=2, r=2)
    version = store.put("k", "v")
    assert replicas[0].peek("k") == replicas[1].peek("k") == (version, "v")


# --- get ---------------------------------------------------------------------------------


def test_get_returns_the_value_put() -> None:
    store = QuorumStore(make_replicas(3), w=2, r=2)
    store.put("k", "v1")
    store.put("k", "v2")
    assert store.get("k") == "v2"


def test_get_of_a_key_nobody_has_is_a_key_error() -> None:
    store = QuorumStore(make_replicas(3), w=2, r=2)
    with pytest.raises(KeyError):
        store.get("missing")


def test_get_reads_only_the_first_r_replicas_that_answer() -> None:
    replicas = make_replicas(5)
    store = QuorumStore(replicas, w=3, r=2)
    store.put("k", "v")
    clear_calls(replicas)
    replicas[0].up = False
    assert store.get("k") == "v"
    assert [reads(replica) for replica in replicas] == [1, 1, 1, 0, 0], (
        "with r=2 and r0 down, the store asks r0 (no answer), then r1 and r2, and stops: "
        f"reads per replica were {[reads(replica) for replica in replicas]}"
    )


def test_get_without_a_read_quorum_raises() -> None:
    replicas = make_replicas(3)
    store = QuorumStore(replicas, w=1, r=2)
    store.put("k", "v")
    replicas[0].up = replicas[1].up = False
    with pytest.raises(QuorumError):
        store.get("k")


def test_failed_get_repairs_nothing() -> None:
    replicas = make_replicas(3)
    store = QuorumStore(replicas, w=1, r=3)
    replicas[1].up = False
    store.put("k", "v")
    replicas[1].up = True
    replicas[2].up = False
    clear_calls(replicas)
    with pytest.raises(QuorumError):
        store.get("k")
    assert replicas[1].peek("k") is None, "a get that raised QuorumError must not write"


def test_get_returns_the_highest_version_not_the_first_answer() -> None:
    replicas = make_replicas(3)
    store = QuorumStore(replicas, w=1, r=3)
    store.put("k", "old")
    replicas[0].up = False
    store.put("k", "new")
    replicas[0].up = True
    assert store.get("k") == "new", (
        "r0 answers first with an old version: the newest version among the answers wins"
    )


def test_versions_compare_as_numbers() -> None:
    replicas = make_replicas(2)
    store = QuorumStore(replicas, w=1, r=2)
    for i in range(9):
        store.put("k", i)
    replicas[1].up = False
    for i in range(9, 12):
        store.put("k", i)
    replicas[1].up = True
    assert store.get("k") == 11, "version 10 is newer than version 9: compare versions as ints"


def test_get_returns_falsy_values() -> None:
    store = QuorumStore(make_replicas(3), w=2, r=2)
    store.put("k", 0)
    assert store.get("k") == 0
    store.put("n", None)
    assert store.get("n") is None, "None is a value like any other"


def test_weak_quorum_can_miss_a_write() -> None:
    replicas = make_replicas(3)
    store = QuorumStore(replicas, w=1, r=1)
    replicas[0].up = False
    store.put("k", "v")
    replicas[0].up = True
    with pytest.raises(KeyError):
        store.get("k")  # r0 answers first and has never seen k: r + w <= n allows this


def test_read_repair_updates_stale_and_missing_replicas_that_answered() -> None:
    replicas = make_replicas(4)
    store = QuorumStore(replicas, w=2, r=3)
    replicas[1].up = False
    store.put("k", "old")  # r0, r2, r3
    replicas[1].up = True
    replicas[0].up = False
    version = store.put("k", "new")  # r1, r2, r3
    replicas[0].up = True
    assert store.get("k") == "new"  # asks r0 (old), r1 (new), r2 (new)
    assert replicas[0].peek("k") == (version, "new"), "r0 answered with an old version: repair it"
    replicas[1].up = False  # now r0, r2 and r3 answer, all with the new version
    assert store.get("k") == "new"


def test_read_repair_fills_in_a_replica_that_had_nothing() -> None:
    replicas = make_replicas(3)
    store = QuorumStore(replicas, w=2, r=2)
    replicas[0].up = False
    version = store.put("k", "v")
    replicas[0].up = True
    assert store.get("k") == "v"  # asks r0 (nothing) and r1 (v)
    assert replicas[0].peek("k") == (version, "v"), "r0 answered with nothing: repair it"


def test_read_repair_leaves_replicas_that_were_not_asked() -> None:
    replicas = make_replicas(3)
    store = QuorumStore(replicas, w=1, r=1)
    replicas[2].up = False
    store.put("k", "v")
    replicas[2].up = True
    clear_calls(replicas)
    assert store.get("k") == "v"
    assert replicas[2].peek("k") is None and replicas[2].calls == [], (
        "only replicas that answered the read are repaired; r2 was never asked"
    )


# --- random operations against a model --------------------------------------------------


class QuorumMachine(RuleBasedStateMachine):
    """Random puts, gets and outages; every replica must hold what the spec says."""

    @initialize(data=st.data())
    def start(self, data) -> None:
        n = data.draw(st.integers(2, 4), label="n")  # one replica is covered by the scenarios
        self.w = data.draw(st.integers(1, n), label="w")
        self.r = data.draw(st.integers(1, n), label="r")
        self.replicas = make_replicas(n)
        self.store = QuorumStore(self.replicas, w=self.w, r=self.r)
        self.model: list[dict[str, tuple[int, object]]] = [{} for _ in range(n)]
        self.last_version = 0
        self.latest: dict[str, object] = {}  # the last value each key was put successfully
        self.puts = 0

    @rule(index=st.integers(0, 4))
    def flip(self, index: int) -> None:
        replica = self.replicas[index % len(self.replicas)]
        replica.up = not replica.up

    @rule()
    def all_back_up(self) -> None:
        for replica in self.replicas:
            replica.up = True

    @rule(key=st.sampled_from("xy"), index=st.integers(0, 3))
    def put_while_one_is_down(self, key: str, index: int) -> None:
        # The classic way a replica falls behind: it misses a write, then comes back.
        replica = self.replicas[index % len(self.replicas)]
        was_up = replica.up
        replica.up = False
        self.put(key)
        replica.up = was_up

    @rule(key=st.sampled_from("xy"))
    def put(self, key: str) -> None:
        # Every put writes a value never used before, so returning a stale one always shows.
        self.puts += 1
        value = f"v{self.puts}"
        live = [i for i, replica in enumerate(self.replicas) if replica.up]
        if len(live) < self.w:
            with pytest.raises(QuorumError):
                self.store.put(key, value)
            return
        version = self.store.put(key, value)
        assert version > self.last_version, f"version {version} is not above {self.last_version}"
        self.last_version = version
        self.latest[key] = value
        for i in live:
            self.model[i][key] = (version, value)

    @rule(key=st.sampled_from("xy"))
    def get(self, key: str) -> None:
        asked = [i for i, replica in enumerate(self.replicas) if replica.up][: self.r]
        if len(asked) < self.r:
            with pytest.raises(QuorumError):
                self.store.get(key)
            return
        found = [self.model[i][key] for i in asked if key in self.model[i]]
        if not found:
            with pytest.raises(KeyError):
                self.store.get(key)
            return
        newest = max(found, key=lambda held: held[0])
        clear_calls(self.replicas)
        got = self.store.get(key)
        assert got == newest[1], f"get({key!r}) returned {got!r}, expected {newest[1]!r}"
        for i, replica in enumerate(self.replicas):
            if i > asked[-1] or (replica.up and i not in asked):
                assert replica.calls == [], (
                    f"get({key!r}) with r={self.r} should ask only {[f'r{j}' for j in asked]}, "
                    f"but also called {replica.name}: {replica.calls}"
                )
        if self.store.strongly_consistent:
            assert got == self.latest[key], (
                f"r + w > n, yet get({key!r}) missed the last successful put {self.latest[key]!r}"
            )
        for i in asked:
            held = self.model[i].get(key)
            if held is None or held[0] < newest[0]:
                self.model[i][key] = newest

    @precondition(lambda self: hasattr(self, "replicas"))
    @invariant()
    def strongly_consistent_matches_sizes(self) -> None:
        expected = self.r + self.w > len(self.replicas)
        assert self.store.strongly_consistent is expected, (
            f"n={len(self.replicas)}, w={self.w}, r={self.r}: strongly_consistent is {expected}"
        )

    @precondition(lambda self: hasattr(self, "replicas"))
    @invariant()
    def replicas_hold_what_the_spec_says(self) -> None:
        for i, replica in enumerate(self.replicas):
            for key in "xy":
                assert replica.peek(key) == self.model[i].get(key), (
                    f"replica {replica.name} holds {replica.peek(key)} for {key!r}, "
                    f"expected {self.model[i].get(key)}"
                )


TestQuorumMachine = QuorumMachine.TestCase
