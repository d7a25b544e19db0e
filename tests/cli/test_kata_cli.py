"""`designcoach kata ...` end to end through the real entry point (main), with a temp home."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from designcoach.cli import main

KATAS = Path(__file__).resolve().parents[2] / "katas"
KATA_MODULES = {
    "hash-ring": "hash_ring.py",
    "lru-cache": "lru_cache.py",
    "quorum-read": "quorum.py",
}


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("DESIGNCOACH_HOME", str(home))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.chdir(tmp_path)
    return home


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(argv))
    out, err = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 0), out, err


def kata_rows(capsys: pytest.CaptureFixture[str]) -> dict[str, dict]:
    """`kata list --json`, by kata id."""
    return {row["id"]: row for row in json.loads(run(capsys, "kata", "list", "--json")[1])}


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_list_shows_every_kata_not_started(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kata", "list")
    assert code == 0
    for slug, difficulty in [
        ("hash-ring", "medium"),
        ("lru-cache", "easy"),
        ("quorum-read", "hard"),
    ]:
        line = next(line for line in out.splitlines() if line.startswith(slug))
        assert difficulty in line and "not started" in line


def test_start_writes_files_and_never_overwrites_the_solution(
    capsys: pytest.CaptureFixture[str], _home: Path
) -> None:
    code, out, _ = run(capsys, "kata", "start", "quorum-read")
    folder = _home / "katas" / "quorum-read"
    assert code == 0 and str(folder) in out
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["README.md", "conftest.py", "quorum.py", "replicas.py", "test_quorum.py"]
    (folder / "quorum.py").write_text("# my work\n")
    code, out, _ = run(capsys, "kata", "start", "quorum-read")
    assert code == 0 and "kept your quorum.py" in out
    assert (folder / "quorum.py").read_text() == "# my work\n"


def test_start_with_dir_and_check_uses_that_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "my katas" / "lru"
    assert run(capsys, "kata", "start", "lru-cache", "--dir", str(folder))[0] == 0
    shutil.copyfile(KATAS / "lru-cache" / "solution" / "lru_cache.py", folder / "lru_cache.py")
    code, out, _ = run(capsys, "kata", "check", "lru-cache")
    assert code == 0, out
    assert out.strip().splitlines()[-1].endswith("passed, 0 failed")
    assert not (folder / ".pytest_cache").exists() and not (folder / ".hypothesis").exists()
    code, out, _ = run(capsys, "kata", "list", "--json")
    rows = {row["id"]: row for row in json.loads(out)}
    assert rows["lru-cache"]["status"] == "passing" and rows["lru-cache"]["failed"] == 0


def test_check_of_the_starter_fails_with_counts_and_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run(capsys, "kata", "start", "lru-cache")
    code, out, _ = run(capsys, "kata", "check", "lru-cache", "--json")
    data = json.loads(out)
    assert code == 1
    assert data["ok"] is False and data["passed"] == 0 and data["failed"] > 0
    assert data["kata"] == "lru-cache" and data["file"].endswith("lru_cache.py")
    assert "NotImplementedError" in data["failures"][0]["message"]
    code, out, _ = run(capsys, "kata", "check", "lru-cache")
    assert code == 1
    assert out.strip().splitlines()[-1] == f"0 passed, {data['failed']} failed"
    assert "FAILED test_lru_cache.py::" in out


def test_check_with_a_broken_file_shows_the_falsifying_example(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = Path(__file__).resolve().parents[1] / "katas" / "broken" / "lru-cache"
    code, out, _ = run(
        capsys, "kata", "check", "lru-cache", "--file", str(broken / "evicts_newest.py")
    )
    assert code == 1
    # older Hypothesis releases say "Falsifying example", newer ones "Failing test case"
    assert re.search(
        r"(Falsifying example|Failing test case)\S*[^\n]*\n    E   state = CacheMachine\(\)", out
    ), out
    assert "state.put(key=" in out
    assert "/hypothesis/" not in out, "Hypothesis' own frames are noise in a learner's report"


def test_syntax_error_is_a_failed_check_naming_file_and_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "mine.py"
    bad.write_text("class LRUCache:\n    def get(self\n")
    code, out, _ = run(capsys, "kata", "check", "lru-cache", "--file", str(bad))
    assert code == 1
    assert f"{bad}, line 2" in out
    assert out.strip().splitlines()[-1] == "0 passed, 1 failed"


@pytest.mark.parametrize(
    ("slug", "missing"),
    [
        ("hash-ring", "HashRing"),
        ("lru-cache", "LRUCache"),
        ("quorum-read", "QuorumError or QuorumStore"),
    ],
)
def test_empty_solution_names_the_classes_the_tests_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, slug: str, missing: str
) -> None:
    empty = tmp_path / "mine.py"
    empty.write_text("")
    code, out, _ = run(capsys, "kata", "check", slug, "--file", str(empty))
    assert code == 1
    assert out.strip().splitlines() == [
        "FAILED (import)",
        f"    {empty} (tested as {KATA_MODULES[slug]}) defines no {missing} "
        f"(the tests import {'them' if ' or ' in missing else 'it'}: see README.md for the API)",
        "",
        "0 passed, 1 failed",
    ]


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("import sys\nsys.exit(0)\n", "importing it called sys.exit(0); a solution must define"),
        ("import os\nos._exit(0)\n", "the test process ended (exit code 0) while importing it"),
        ("\n\nclass LRUCache:\n    SIZE = 1 / 0\n", "line 4, in LRUCache\n        SIZE = 1 / 0"),
        ("class LRUCache:\n    def get(self\n", "line 2: '(' was never closed"),
    ],
)
def test_unloadable_solution_is_one_failure_and_json_says_the_same(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, source: str, words: str
) -> None:
    solution = tmp_path / "lru_cache.py"
    solution.write_text(source)
    code, out, _ = run(capsys, "kata", "check", "lru-cache", "--file", str(solution))
    assert code == 1
    assert words in out and str(solution) in out
    assert out.strip().splitlines()[-1] == "0 passed, 1 failed"
    for noise in ("INTERNALERROR", "mainloop", "Hint:", "_pytest", "designcoach-kata-"):
        assert noise not in out
    code, out, _ = run(capsys, "kata", "check", "lru-cache", "--file", str(solution), "--json")
    report = json.loads(out)
    assert code == 1 and (report["passed"], report["failed"], report["ok"]) == (0, 1, False)
    [failure] = report["failures"]
    assert (
        words.replace("\n    ", "\n") in failure["message"] and str(solution) in failure["message"]
    )


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["kata", "check", "no-such-kata"], "unknown kata 'no-such-kata'"),
        (["kata", "start", "nope"], "unknown kata"),
        (["kata", "hint", "nope"], "unknown kata"),
        (["kata", "check", "lru-cache", "--file", "missing.py"], "does not exist"),
        (["kata", "check", "lru-cache"], "kata start lru-cache"),
        (["kata", "check", "lru-cache", "--file", "bin.py"], "binary"),
        (["kata", "check", "lru-cache", "--timeout", "0", "--file", "x.py"], "--timeout"),
        (
            ["kata", "check", "lru-cache", "--timeout", "inf", "--file", "x.py"],
            "is not between 1 and 3600 seconds",
        ),
        (
            ["kata", "check", "lru-cache", "--timeout", "nan", "--file", "x.py"],
            "is not between 1 and 3600 seconds",
        ),
        (
            ["kata", "check", "lru-cache", "--timeout", "1e12", "--file", "x.py"],
            "is not between 1 and 3600 seconds",
        ),
        (
            ["kata", "check", "lru-cache", "--timeout", "abc", "--file", "x.py"],
            "Invalid value for '--timeout': 'abc' is not a number (see",
        ),
        (["kata", "solution", "lru-cache"], "--force"),
    ],
)
def test_unusable_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], words: str
) -> None:
    (tmp_path / "bin.py").write_bytes(b"\x7fELF\x00\x00")
    (tmp_path / "x.py").write_text("")
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert words in one_line_error(err)


def test_hint_gives_the_next_hint_each_time(capsys: pytest.CaptureFixture[str]) -> None:
    outs = [run(capsys, "kata", "hint", "hash-ring")[1] for _ in range(6)]
    assert outs[0].startswith("Hint 1 of 5:") and outs[1].startswith("Hint 2 of 5:")
    assert outs[4].startswith("Hint 5 of 5:") and "last hint" in outs[4]
    assert outs[5].startswith("Hint 5 of 5:")
    assert len(set(outs[:5])) == 5


def test_solution_after_a_check_or_with_force(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kata", "solution", "hash-ring", "--force")
    assert code == 0 and "class HashRing" in out and "bisect" in out
    run(capsys, "kata", "start", "quorum-read")
    assert run(capsys, "kata", "check", "quorum-read")[0] == 1
    code, out, _ = run(capsys, "kata", "solution", "quorum-read")
    assert code == 0 and "class QuorumStore" in out


def test_start_into_a_folder_with_files_of_the_same_name_keeps_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "README.md").write_text("my project\n")
    (folder / "conftest.py").write_text("# my fixtures\n")
    code, out, _ = run(capsys, "kata", "start", "hash-ring", "--dir", str(folder))
    assert code == 0 and "kept your README.md, conftest.py" in out
    assert (folder / "README.md").read_text() == "my project\n"
    assert (folder / "conftest.py").read_text() == "# my fixtures\n"
    assert (folder / "test_hash_ring.py").exists() and (folder / "hash_ring.py").exists()


def test_a_timed_out_check_says_how_many_tests_never_ran(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    solution = tmp_path / "lru_cache.py"
    solution.write_text(
        "class LRUCache:\n"
        "    def __init__(self, capacity, on_evict=None):\n"
        "        while True:\n"
        "            pass\n",
        encoding="utf-8",
    )
    code, out, _ = run(
        capsys, "kata", "check", "lru-cache", "--file", str(solution), "--timeout", "3"
    )
    assert code == 1
    summary = out.strip().splitlines()[-1]
    match = re.fullmatch(
        r"0 passed, (\d+) failed \((\d+) of them never ran: the time limit stopped the run\)",
        summary,
    )
    assert match, summary
    failed, never_ran = int(match[1]), int(match[2])
    assert never_ran == failed - 1 and never_ran > 0, "only the first test ran, and hung"


def test_a_folder_holding_one_kata_does_not_take_another(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "kata", "start", "lru-cache", "--dir", "kd")[0] == 0
    code, out, err = run(capsys, "kata", "start", "hash-ring", "--dir", "kd")
    assert code == 2 and out == ""
    assert one_line_error(err) == (
        f"designcoach: error: {tmp_path / 'kd'} holds the lru-cache kata; start hash-ring in a "
        "folder of its own (--dir)"
    )
    assert not (tmp_path / "kd" / "hash_ring.py").exists()
    assert run(capsys, "kata", "start", "lru-cache", "--dir", "kd")[0] == 0, "its own kata: fine"
    assert run(capsys, "kata", "start", "hash-ring", "--dir", "kd2")[0] == 0


@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_dir_is_refused_not_taken_for_the_current_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, value: str
) -> None:
    code, out, err = run(capsys, "kata", "start", "hash-ring", "--dir", value)
    assert code == 2 and out == ""
    assert "--dir needs a folder" in one_line_error(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == [], "nothing written where it ran"


def test_a_check_over_the_time_limit_with_every_test_passed_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from designcoach.cli.kata import _show
    from designcoach.katas.runner import CheckResult, Failure

    over = CheckResult(
        passed=27, timed_out=True, timeout=3, failures=[Failure("(time limit)", "x")]
    )
    _show(over)
    out = capsys.readouterr().out
    assert "27 passed, 0 failed, but the run went past the 3 s time limit" in out
    assert "All tests passed" not in out


def test_a_check_of_another_file_leaves_the_solutions_status(
    capsys: pytest.CaptureFixture[str], _home: Path, tmp_path: Path
) -> None:
    run(capsys, "kata", "start", "lru-cache")
    reference = KATAS / "lru-cache" / "solution" / "lru_cache.py"
    shutil.copyfile(reference, _home / "katas" / "lru-cache" / "lru_cache.py")
    assert run(capsys, "kata", "check", "lru-cache")[0] == 0
    scratch = tmp_path / "scratch.py"
    scratch.write_text("class LRUCache:\n    pass\n")
    assert run(capsys, "kata", "check", "lru-cache", "--file", str(scratch))[0] == 1
    rows = kata_rows(capsys)
    assert rows["lru-cache"]["status"] == "passing" and rows["lru-cache"]["failed"] == 0
    # the workspace's own file named with --file is the solution: its result counts
    (_home / "katas" / "lru-cache" / "lru_cache.py").write_text(scratch.read_text())
    solution = str(_home / "katas" / "lru-cache" / "lru_cache.py")
    assert run(capsys, "kata", "check", "lru-cache", "--file", solution)[0] == 1
    rows = kata_rows(capsys)
    assert rows["lru-cache"]["status"] == "failing"


def test_a_kata_never_started_takes_its_status_from_the_file_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    mine = tmp_path / "mine.py"
    shutil.copyfile(KATAS / "hash-ring" / "solution" / "hash_ring.py", mine)
    assert run(capsys, "kata", "check", "hash-ring", "--file", str(mine))[0] == 0
    rows = kata_rows(capsys)
    assert rows["hash-ring"]["status"] == "passing"


def test_a_file_that_is_not_python_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    notes = tmp_path / "README.md"
    notes.write_text("# my notes\n")
    code, _, err = run(capsys, "kata", "check", "lru-cache", "--file", str(notes))
    assert code == 2
    assert "is not a Python file" in one_line_error(err)
