"""A data folder (DESIGNCOACH_HOME) that cannot be used: one line and exit 2, or no cache."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import Run, run_cli

from designcoach import paths

ANSWER = "We push messages over websockets and keep them in Cassandra, sharded by chat id.\n"

WRITERS = [
    ["history"],
    ["kata", "start", "hash-ring"],
    ["kata", "hint", "hash-ring"],
    ["kata", "check", "hash-ring"],
    ["kata", "check", "hash-ring", "--file", "solution.py"],
    ["kata", "solution", "hash-ring"],
    ["kata", "watch", "hash-ring"],
    ["kata", "watch", "hash-ring", "--file", "solution.py"],
]


@pytest.fixture(autouse=True)
def _cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "solution.py").write_text("class HashRing:\n    pass\n")
    (tmp_path / "afile").write_text("not a folder\n")


def one_line(result: Run) -> str:
    lines = result.err.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.err, result.err
    return lines[0]


@pytest.mark.parametrize("argv", WRITERS, ids=" ".join)
def test_a_home_that_is_a_file_is_one_line_and_exit_2(tmp_path: Path, argv: list[str]) -> None:
    home = tmp_path / "afile"
    result = run_cli(argv, env={"DESIGNCOACH_HOME": str(home)})
    assert result.code == 2
    assert one_line(result) == (
        f"designcoach: error: cannot use {home} as the data folder (DESIGNCOACH_HOME): "
        "it is a file, not a folder; set DESIGNCOACH_HOME to a folder you can write"
    )


@pytest.mark.parametrize("argv", WRITERS, ids=" ".join)
def test_a_home_under_a_file_names_the_file(tmp_path: Path, argv: list[str]) -> None:
    # what a folder without write permission gives too; unlike chmod, it stops root as well
    home = tmp_path / "afile" / "sub"
    result = run_cli(argv, env={"DESIGNCOACH_HOME": str(home)})
    assert result.code == 2
    assert one_line(result) == (
        f"designcoach: error: cannot use {home} as the data folder (DESIGNCOACH_HOME): "
        f"{tmp_path / 'afile'} is a file, not a folder; set DESIGNCOACH_HOME to a folder you "
        "can write"
    )


def _without_root_file_powers() -> None:
    """In the child before exec: drop the capabilities that let root ignore file permissions
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) from its bounding set, so root meets chmod 000 as
    any user does."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def test_a_home_without_write_permission(tmp_path: Path) -> None:
    home = tmp_path / "locked"
    home.mkdir(mode=0o000)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "designcoach", "kata", "hint", "hash-ring"],
            env={**os.environ, "DESIGNCOACH_HOME": str(home)},
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=_without_root_file_powers if os.geteuid() == 0 else None,
        )
    finally:
        home.chmod(0o700)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0] == (
        f"designcoach: error: cannot use {home} as the data folder (DESIGNCOACH_HOME): "
        "permission denied; set DESIGNCOACH_HOME to a folder you can write"
    )
    assert os.listdir(home) == []


def test_no_write_permission_is_found_without_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # root passes every chmod, so the permission check itself is given a locked folder
    monkeypatch.setenv("DESIGNCOACH_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(paths.os, "access", lambda *_: False)
    with pytest.raises(paths.DataHomeError, match="home as the data folder .*: permission denied"):
        paths.data_home()


@pytest.mark.parametrize("home", ["afile", "afile/sub"])
def test_grade_and_the_read_only_commands_work_without_a_usable_home(
    tmp_path: Path, home: str
) -> None:
    (tmp_path / "answer.md").write_text(ANSWER)
    env = {"DESIGNCOACH_HOME": str(tmp_path / home)}
    graded = run_cli(["grade", "answer.md", "-p", "whatsapp", "--json"], env=env)
    assert graded.code == 0, graded.err
    assert '"prompt": "whatsapp"' in graded.out
    for argv in (
        ["prompts"],
        ["notes", "lru"],
        ["kata", "list"],
        ["kata", "solution", "lru-cache", "--force"],
    ):
        assert run_cli(argv, env=env).code == 0, argv


def test_a_cache_folder_that_is_a_file_is_not_used(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "cache").write_text("in the way\n")
    (tmp_path / "answer.md").write_text(ANSWER)
    result = run_cli(["grade", "answer.md", "-p", "whatsapp"], env={"DESIGNCOACH_HOME": str(home)})
    assert result.code == 0, result.err
    assert result.out.startswith("Design WhatsApp: ")
    assert (home / "cache").read_text() == "in the way\n"
