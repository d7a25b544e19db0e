"""Kata status, hints and workspaces persist in DESIGNCOACH_HOME and survive a bad state file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from designcoach.errors import UserError
from designcoach.katas import status
from designcoach.katas.workspace import read_solution, workspace_for


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESIGNCOACH_HOME", str(tmp_path / "home"))


def test_status_moves_from_not_started_to_started_to_failing_to_passing(tmp_path: Path) -> None:
    assert status.status_of("lru-cache") == status.NOT_STARTED
    status.record_start("lru-cache", tmp_path / "ws")
    assert status.status_of("lru-cache") == status.STARTED
    status.record_check("lru-cache", ok=False, passed=3, failed=2, timed_out=False)
    assert status.status_of("lru-cache") == status.FAILING
    status.record_check("lru-cache", ok=True, passed=5, failed=0, timed_out=False)
    assert status.status_of("lru-cache") == status.PASSING
    entry = status.record("lru-cache")
    assert entry["checks"] == 2 and entry["passed"] == 5
    assert status.status_of("hash-ring") == status.NOT_STARTED


def test_state_is_one_json_file_under_the_data_home(tmp_path: Path) -> None:
    status.record_check("hash-ring", ok=True, passed=1, failed=0, timed_out=False)
    data = json.loads((tmp_path / "home" / "katas.json").read_text())
    assert data["katas"]["hash-ring"]["status"] == "passing"
    assert [p.name for p in (tmp_path / "home").iterdir()] == ["katas.json"], "no temp files left"


@pytest.mark.parametrize(
    "content", [b"{not json", b"[]", b'{"katas": 3}', b'{"format_version": 1}', b"\xff\xfe{"]
)
def test_unreadable_state_is_kept_aside_said_and_counts_as_empty(
    tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "katas.json").write_bytes(content)
    assert status.status_of("hash-ring") == status.NOT_STARTED
    (kept,) = home.glob("katas.*.damaged.json")
    assert kept.read_bytes() == content, "what the file held is not lost"
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"kept as {kept}" in err and "could not be read" in err
    status.record_check("hash-ring", ok=True, passed=1, failed=0, timed_out=False)
    assert status.status_of("hash-ring") == status.PASSING
    assert kept.read_bytes() == content, "the next save writes a new file beside it"
    assert capsys.readouterr().err == "", "said once, not at every read"


@pytest.mark.parametrize("content", ["", "  \n"])
def test_an_empty_state_file_is_simply_empty(
    tmp_path: Path, content: str, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "katas.json").write_text(content)
    assert status.status_of("hash-ring") == status.NOT_STARTED
    assert not list(home.glob("*.damaged.json")) and capsys.readouterr().err == ""


def test_hints_advance_one_at_a_time_then_stay_on_the_last() -> None:
    shown = [status.next_hint("quorum-read", 3) for _ in range(5)]
    assert shown == [0, 1, 2, 2, 2]
    assert status.next_hint("lru-cache", 3) == 0, "each kata has its own hint count"


def test_workspace_defaults_under_home_and_follows_start(tmp_path: Path) -> None:
    assert workspace_for("hash-ring") == tmp_path / "home" / "katas" / "hash-ring"
    status.record_start("hash-ring", tmp_path / "elsewhere")
    assert workspace_for("hash-ring") == tmp_path / "elsewhere"


def test_read_solution_rejects_missing_folder_binary_and_non_utf8(tmp_path: Path) -> None:
    good = tmp_path / "ok.py"
    good.write_text("x = 1\n")
    assert read_solution(good) == good
    binary = tmp_path / "b.py"
    binary.write_bytes(b"\x00\x01\x02")
    latin = tmp_path / "l.py"
    latin.write_bytes("x = 'caf\xe9'\n".encode("latin-1"))
    for path, words in [
        (tmp_path / "nope.py", "does not exist"),
        (tmp_path, "not a file"),
        (binary, "binary"),
        (latin, "UTF-8"),
    ]:
        with pytest.raises(UserError, match=words):
            read_solution(path)
