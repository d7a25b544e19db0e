"""Kata fixtures and broken solutions are data for the runner, not tests of this project."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

collect_ignore_glob = ["fixtures/*", "broken/*"]


@pytest.fixture(scope="session", autouse=True)
def _designcoach_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # Runner caches go under DESIGNCOACH_HOME: keep them out of the real home directory.
    # Session-wide (not monkeypatch) so module-scoped fixtures that run checks see it too.
    old = os.environ.get("DESIGNCOACH_HOME")
    os.environ["DESIGNCOACH_HOME"] = str(tmp_path_factory.mktemp("home"))
    yield
    if old is None:
        os.environ.pop("DESIGNCOACH_HOME", None)
    else:
        os.environ["DESIGNCOACH_HOME"] = old
