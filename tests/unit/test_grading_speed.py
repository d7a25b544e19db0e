"""A piped `grade` (JSON or plain text) never imports Rich or Textual.

Speed targets are checked by benchmarks/run.py, not by timed unit tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from grading_fixtures import STRONG


@pytest.mark.parametrize("extra", [["--json"], []])
def test_piped_grading_does_not_import_rich(tmp_path: Path, extra: list[str]) -> None:
    """JSON, and the plain-text report a pipe gets, print without importing Rich."""
    answer = tmp_path / "a.md"
    answer.write_text(STRONG, encoding="utf-8")
    args = ["grade", str(answer), "--prompt", "whatsapp", *extra]
    code = (
        "import sys\n"
        "from designcoach.cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "print('rich' in sys.modules, 'textual' in sys.modules, file=sys.stderr)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"DESIGNCOACH_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    assert out.stderr.strip().splitlines()[-1] == "False False"
    assert ('"score"' in out.stdout) if extra else ("Categories" in out.stdout)
