"""Output piped into a reader that stops early (`| head -1`): the command's own exit code, and
nothing on stderr but what the command itself says there."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "answers"


def _reader_leaves(argv: list[str], tmp_path: Path, *, read_first: bool) -> tuple[int, str, str]:
    """Run designcoach into a pipe, read its first line (or nothing), close the pipe, wait."""
    env = {**os.environ, "DESIGNCOACH_HOME": str(tmp_path / "home"), "COLUMNS": "100"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "designcoach", *argv],
        env=env,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    # Closed before designcoach has imported anything, the pipe has no reader at its first
    # write; after one line, as head -1 does, at a later write.
    first = proc.stdout.readline() if read_first else ""
    proc.stdout.close()
    err = proc.stderr.read()
    return proc.wait(timeout=120), first, err


def test_folder_json_into_a_reader_that_stops_early_exits_0(tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    folder.mkdir()
    # far more JSON than a pipe holds (64 KiB), so the writer meets the closed end
    for number in range(8):
        shutil.copy(EXAMPLES / "whatsapp-strong.md", folder / f"answer-{number}.md")
    argv = ["grade", str(folder), "--prompt", "whatsapp", "--json"]
    code, first, err = _reader_leaves(argv, tmp_path, read_first=True)
    assert (code, first, err) == (0, "[\n", "")
    assert _reader_leaves(argv, tmp_path, read_first=False)[::2] == (0, "")


def test_broken_content_still_exits_2_when_the_reader_leaves(tmp_path: Path) -> None:
    content = tmp_path / "mine"
    (content / "prompts").mkdir(parents=True)
    for name in ("a", "b", "c"):
        (content / "prompts" / f"{name}.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    for read_first in (True, False):
        code, _, err = _reader_leaves(
            ["content", "check", str(content)], tmp_path, read_first=read_first
        )
        assert code == 2, (read_first, err)
        assert "Traceback" not in err and "BrokenPipe" not in err


def test_a_failed_kata_check_still_exits_1_when_the_reader_leaves(tmp_path: Path) -> None:
    solution = tmp_path / "lru_cache.py"
    solution.write_text("class LRUCache:\n    pass\n", encoding="utf-8")
    argv = ["kata", "check", "lru-cache", "--file", str(solution)]
    for read_first in (True, False):
        code, _, err = _reader_leaves(argv, tmp_path, read_first=read_first)
        assert (code, err) == (1, ""), read_first


def test_a_command_that_fails_still_fails_when_piped(tmp_path: Path) -> None:
    argv = ["grade", str(tmp_path / "missing.md"), "--prompt", "whatsapp", "--json"]
    code, first, err = _reader_leaves(argv, tmp_path, read_first=True)
    assert first == ""
    assert err.startswith("designcoach: error:") and len(err.splitlines()) == 1
    assert code == 2
