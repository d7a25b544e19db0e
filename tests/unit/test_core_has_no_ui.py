"""The core must not import Textual: it keeps `designcoach grade` fast and testable alone."""

import subprocess
import sys

import pytest

CORE_MODULES = [
    "designcoach.cli",
    "designcoach.paths",
    "designcoach.content.catalog",
    "designcoach.content.models",
    "designcoach.grading.engine",
    "designcoach.history.session",
    "designcoach.history.hints",
    "designcoach.content.check",
    "designcoach.content.cards",
    "designcoach.content.schema",
    "designcoach.cli.notes",
    "designcoach.cli.content",
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", f"{module} pulled in textual"
