"""A data folder (DESIGNCOACH_HOME) that cannot be used: one line and exit 2, or no cache."""

from __future__ import annotations

import os
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


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a chmod 000 folder anyway")
def test_a_home_without_write_permission(tmp_path: Path) -> None:
    home = tmp_path / "locked"
    home.mkdir(mode=0o000)
    try:
        result = run_cli(["kata", "hint", "hash-ring"], env={"DESIGNCOACH_HOME": str(home)})
    finally:
        home.chmod(0o700)
    assert result.code == 2
    assert one_line(result).endswith(
        ": permission denied; set DESIGNCOACH_HOME to a folder you can write"
    )


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
