"""Fixtures for the Pilot tests: a private DESIGNCOACH_HOME and a small fixed catalog."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import CONTENT

from designcoach.content.catalog import Catalog


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DESIGNCOACH_HOME", str(tmp_path))
    monkeypatch.delenv("DESIGNCOACH_CONTENT", raising=False)
    return tmp_path


@pytest.fixture
def catalog() -> Catalog:
    """The test prompts `mini` and `solo`, whose text the tests can rely on."""
    return Catalog([CONTENT])
