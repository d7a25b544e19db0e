"""The replicas a quorum store talks to: in-memory stand-ins for the servers of a Dynamo-style
database. Shipped with the kata; your solution uses them, it does not change them.

Each replica keeps, for every key, the newest `(version, value)` it has been sent. A replica that
is down raises `ConnectionError` from `read` and `write`, like a server that does not answer.
Every call is recorded in `calls`, so the tests (and you) can see which replicas a store used.
"""

from __future__ import annotations

from typing import Any


class Replica:
    """One storage server: a name, an up/down switch and a map of key -> (version, value)."""

    def __init__(self, name: str, *, up: bool = True) -> None:
        self.name = name
        self.up = up
        self.calls: list[tuple[str, Any]] = []
        self._data: dict[Any, tuple[int, Any]] = {}

    def __repr__(self) -> str:
        state = "up" if self.up else "down"
        return f"Replica({self.name!r}, {state}, {len(self._data)} keys)"

    def read(self, key: Any) -> tuple[int, Any] | None:
        """The `(version, value)` held for `key`, or None when this replica has never seen it."""
        self.calls.append(("read", key))
        if not self.up:
            raise ConnectionError(f"replica {self.name} is down")
        return self._data.get(key)

    def write(self, key: Any, version: int, value: Any) -> None:
        """Keep `(version, value)` for `key` only if `version` is newer than the one held."""
        self.calls.append(("write", key))
        if not self.up:
            raise ConnectionError(f"replica {self.name} is down")
        held = self._data.get(key)
        if held is None or version > held[0]:
            self._data[key] = (version, value)

    def peek(self, key: Any) -> tuple[int, Any] | None:
        """What this replica holds for `key`, without counting as a call or caring if it is up.

        For tests and debugging only: a real store cannot look inside a server that is down.
        """
        return self._data.get(key)


def make_replicas(count: int) -> list[Replica]:
    """`count` replicas named r0, r1, ... all up."""
    return [Replica(f"r{i}") for i in range(count)]
