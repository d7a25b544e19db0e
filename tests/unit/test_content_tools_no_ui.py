"""The checker, card search and schema export are core: they must not pull in Textual."""

import subprocess
import sys

import pytest

MODULES = [
    "designcoach.content.check",
    "designcoach.content.cards",
    "designcoach.content.schema",
    "designcoach.cli.notes",
    "designcoach.cli.content",
]


@pytest.mark.parametrize("module", MODULES)
def test_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", f"{module} pulled in textual"
