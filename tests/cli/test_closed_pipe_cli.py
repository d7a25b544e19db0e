"""Output piped into a reader that stops early (`| head -1`): exit 0 and nothing on stderr."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "answers"


def _read_one_line_then_close(argv: list[str], tmp_path: Path) -> tuple[int, str, str]:
    env = {**os.environ, "DESIGNCOACH_HOME": str(tmp_path / "home")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "designcoach", *argv],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # as head does after its line: the rest hits a closed pipe
    err = proc.stderr.read()
    return proc.wait(timeout=120), first, err


def test_folder_json_into_a_reader_that_stops_early_exits_0(tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    folder.mkdir()
    # far more JSON than a pipe holds (64 KiB), so the writer meets the closed end
    for number in range(8):
        shutil.copy(EXAMPLES / "whatsapp-strong.md", folder / f"answer-{number}.md")
    code, first, err = _read_one_line_then_close(
        ["grade", str(folder), "--prompt", "whatsapp", "--json"], tmp_path
    )
    assert first == "[\n"
    assert err == ""
    assert code == 0


def test_a_command_that_fails_still_fails_when_piped(tmp_path: Path) -> None:
    code, first, err = _read_one_line_then_close(
        ["grade", str(tmp_path / "missing.md"), "--prompt", "whatsapp", "--json"], tmp_path
    )
    assert first == ""
    assert err.startswith("designcoach: error:") and len(err.splitlines()) == 1
    assert code == 2
