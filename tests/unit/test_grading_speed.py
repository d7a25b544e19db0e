"""Speed: warm grading of an 800-word answer, and a `--json` run that never imports Rich."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from grading_fixtures import STRONG, chat

from designcoach.content.catalog import Catalog
from designcoach.grading.engine import grade_text

ROOT = Path(__file__).resolve().parents[2]


def _words(text: str, n: int) -> str:
    """About n words of the text, cut at a line."""
    out, count = [], 0
    for line in ((text + "\n") * 4).splitlines():
        out.append(line)
        count += len(line.split())
        if count >= n:
            break
    return "\n".join(out)


def warm_ms(text: str, prompt, rubric, rounds: int = 30) -> float:  # noqa: ANN001
    """Best-of-5 mean CPU milliseconds per grade, after one warm-up."""
    grade_text(text, prompt, rubric)
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        for _ in range(rounds):
            grade_text(text, prompt, rubric)
        best = min(best, (time.process_time() - start) / rounds * 1000)
    return best


def test_warm_grading_of_800_words_is_fast() -> None:
    prompt, rubric = chat()
    text = _words(STRONG, 800)
    assert 780 <= len(text.split()) <= 900
    fixture = warm_ms(text, prompt, rubric)
    catalog = Catalog()
    wa = catalog.prompt("whatsapp")
    bundled = warm_ms(
        _words((ROOT / "tests/calibration/answers/whatsapp-strong.md").read_text(), 800),
        wa,
        catalog.rubric_for(wa),
    )
    print(
        f"\nwarm grading, 800 words: fixture rubric {fixture:.2f} ms, whatsapp rubric {bundled:.2f} ms"
    )
    # Generous bounds: a regression guard for a shared, busy CI machine, not the target itself.
    assert fixture < 20
    assert bundled < 60


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
