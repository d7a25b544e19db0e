"""The benchmark script keeps working: its quick mode runs every figure and exits 0.

Benchmarks are not tests: nothing here looks at a number, only that each figure is printed.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"


def test_quick_benchmark_run_prints_every_figure() -> None:
    out = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines and lines[0].startswith("designcoach benchmarks: quick")
    assert lines[0].endswith(
        "grader pure Python (an editable or DESIGNCOACH_PURE_PYTHON install: figure 3 is slower)"
    )
    for number in range(1, 8):
        found = [line for line in lines if line.startswith(f"{number}. ")]
        assert len(found) == 1, (number, out.stdout)
        # A measured figure shows its verdict; an unmeasured one says so, never silently.
        assert re.search(r"\b(ok|OVER)$", found[0]) or "not measured" in found[0], found[0]
