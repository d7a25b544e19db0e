"""Kata metadata: the bundled katas validate, and the extended KataMeta rejects bad file lists."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pydantic import ValidationError

from designcoach.content.catalog import Catalog
from designcoach.content.models import KataMeta

BASE = {
    "format_version": 1,
    "id": "demo",
    "title": "Demo",
    "difficulty": "easy",
    "minutes": 5,
    "module": "demo.py",
    "tests": ["test_demo.py"],
    "concepts": ["caching"],
    "notes": "Distributed Caching",
    "hints": ["one"],
}


def test_bundled_katas_load_with_their_files_named() -> None:
    catalog = Catalog()
    assert sorted(catalog.kata_dirs()) == ["hash-ring", "lru-cache", "quorum-read"]
    quorum = catalog.kata("quorum-read")
    assert quorum.module == "quorum.py" and quorum.support == ["replicas.py"]
    for slug in catalog.kata_dirs():
        meta = catalog.kata(slug)
        assert meta.id == slug and len(meta.hints) >= 3 and meta.tests


@pytest.mark.parametrize(
    "change",
    [
        {"tests": []},
        {"tests": ["demo_test.py"]},
        {"tests": ["demo.py"]},
        {"support": ["demo.py"]},
        {"support": ["../escape.py"]},
        {"module": "Demo.py"},
        {"difficulty": "extreme"},
    ],
)
def test_bad_kata_metadata_is_rejected(change: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        KataMeta.model_validate({**BASE, **change})


def test_kata_commands_and_runner_import_neither_textual_nor_pydantic() -> None:
    # The runner is what `kata check` pays for before the test process starts: keep it thin.
    code = (
        "import sys, designcoach.cli, designcoach.katas.runner, designcoach.katas.watch; "
        "print(sorted(m for m in ('textual', 'pydantic', 'hypothesis', 'pytest') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
