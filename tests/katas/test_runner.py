"""The kata runner against solutions that misbehave: each must get the verdict it deserves."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

import pytest

from designcoach.katas.runner import CheckResult, run_check

FIXTURES = Path(__file__).parent / "fixtures"
ADDER = FIXTURES / "adder"
SOLUTIONS = ADDER / "solutions"
TEST = ADDER / "test_adder.py"
TOTAL = 3  # tests in test_adder.py


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESIGNCOACH_HOME", str(tmp_path / "home"))


def check(solution: Path, **options: object) -> CheckResult:
    return run_check(solution, "adder.py", [TEST], **options)  # type: ignore[arg-type]


def in_folder(tmp_path: Path, name: str) -> Path:
    """Copy a fixture solution into a user folder of its own, as `solution.py`."""
    folder = tmp_path / "user" / "kata"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "solution.py"
    shutil.copyfile(SOLUTIONS / name, target)
    return target


def all_text(result: CheckResult) -> str:
    return "\n".join(f"{f.test}\n{f.message}" for f in result.failures)


def test_good_solution_passes() -> None:
    result = check(SOLUTIONS / "good.py")
    assert (result.passed, result.failed, result.ok) == (TOTAL, 0, True), all_text(result)
    assert result.not_run == 0


def test_wrong_solution_fails_with_falsifying_example() -> None:
    result = check(SOLUTIONS / "wrong.py")
    assert (result.passed, result.failed, result.ok) == (TOTAL - 1, 1, False)
    [failure] = result.failures
    assert failure.test.endswith("test_adds_any_integers")
    # the wording changed across Hypothesis releases
    assert "Falsifying example" in failure.message or "Failing test case" in failure.message
    assert "b=5" in failure.message, "Hypothesis should shrink to the smallest breaking input"


def test_same_solution_gets_the_same_verdict_twice() -> None:
    first, second = check(SOLUTIONS / "wrong.py"), check(SOLUTIONS / "wrong.py")
    assert [f.message for f in first.failures] == [f.message for f in second.failures]


def test_endless_loop_times_out_naming_the_limit() -> None:
    started = time.monotonic()
    result = check(SOLUTIONS / "endless_loop.py", timeout=4)
    assert time.monotonic() - started < 30
    assert result.timed_out and not result.ok
    assert result.passed == 0 and result.failed == TOTAL
    # the first test hung: it failed, the other two never ran
    assert result.not_run == TOTAL - 1 and result.to_dict()["not_run"] == TOTAL - 1
    assert "timed out" in all_text(result) and "4 s" in all_text(result)
    assert "test_small_numbers" in all_text(result), "the verdict names the test that hung"


def test_a_run_past_the_limit_after_every_test_passed_counts_no_test_failed() -> None:
    result = check(SOLUTIONS / "hangs_at_exit.py", timeout=3)
    assert result.timed_out and not result.ok
    # the tests all passed: the time limit fails the check, but it is not one more test
    assert (result.passed, result.failed, result.not_run) == (TOTAL, 0, 0), all_text(result)
    assert "timed out" in all_text(result)


def test_endless_loop_at_import_times_out() -> None:
    result = check(SOLUTIONS / "endless_loop_at_import.py", timeout=3)
    assert result.timed_out and not result.ok and result.failed >= 1
    assert "while importing" in all_text(result) and "endless_loop_at_import.py" in all_text(result)


def test_timeout_kills_processes_the_solution_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    result = check(SOLUTIONS / "spawns_looping_child.py", timeout=4)
    assert result.timed_out
    pid = int((tmp_path / "grandchild.pid").read_text())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split()[2]
        except FileNotFoundError:
            return
        if state in ("Z", "X"):
            return
        time.sleep(0.1)
    os.kill(pid, 9)
    pytest.fail(f"process {pid} started by the solution was still running after the timeout")


@pytest.mark.parametrize("name", ["reads_stdin.py", "reads_stdin_at_import.py"])
def test_reading_stdin_fails_fast(name: str) -> None:
    started = time.monotonic()
    result = check(SOLUTIONS / name, timeout=30)
    assert not result.timed_out and not result.ok
    assert time.monotonic() - started < 20, "reading stdin must fail at once, not hang"
    messages = "\n".join(failure.message for failure in result.failures)
    assert "read standard input" in messages, messages
    assert "Consider using `-s`" not in messages


@pytest.mark.parametrize(
    "name",
    [
        "sys_exit_at_import.py",
        "os_exit_at_import.py",
        "sys_exit_in_method.py",
        "os_exit_in_method.py",
    ],
)
def test_exiting_with_zero_is_a_failure_never_a_pass(name: str) -> None:
    result = check(SOLUTIONS / name)
    assert not result.ok and result.failed >= 1, f"{name} got {result}"
    assert result.passed + result.failed >= 1


def assert_reads_well(message: str) -> None:
    """No pytest internals and no temporary paths: only what the user wrote and can fix."""
    for noise in (
        "INTERNALERROR",
        "mainloop",
        "Hint:",
        "_pytest",
        "importlib",
        "designcoach-kata-",
    ):
        assert noise not in message, f"{noise!r} in the message:\n{message}"


def test_sys_exit_at_import_is_one_failure_naming_the_file(tmp_path: Path) -> None:
    solution = in_folder(tmp_path, "sys_exit_at_import.py")
    result = check(solution)
    assert (result.passed, result.failed, result.ok) == (0, 1, False)
    [failure] = result.failures
    assert failure.message.startswith(f"{solution} (tested as adder.py): "), failure.message
    assert "importing it called sys.exit(0)" in failure.message
    assert "must define add and not exit" in failure.message
    assert_reads_well(failure.message)


def test_os_exit_at_import_says_the_process_ended_while_importing(tmp_path: Path) -> None:
    solution = in_folder(tmp_path, "os_exit_at_import.py")
    result = check(solution)
    assert (result.passed, result.failed, result.ok) == (0, 1, False)
    [failure] = result.failures
    assert str(solution) in failure.message and "while importing it" in failure.message
    assert "exit code 0" in failure.message and "os._exit()" in failure.message
    assert_reads_well(failure.message)


def test_exception_at_import_shows_the_lines_of_the_users_file(tmp_path: Path) -> None:
    solution = in_folder(tmp_path, "raises_at_import.py")
    result = check(solution)
    assert (result.passed, result.failed, result.ok) == (0, 1, False)
    [failure] = result.failures
    lines = failure.message.splitlines()
    assert lines[0] == f"importing {solution} (tested as adder.py) raised KeyError:"
    assert lines[1:] == [
        f'  File "{solution}", line 9, in <module>',
        "    OPERATIONS = table()",
        f'  File "{solution}", line 6, in table',
        '    return {"add": add}["plus"]',
        "KeyError: 'plus'",
    ]


@pytest.mark.parametrize("name", ["empty.py", "defines_other_names.py"])
def test_solution_without_the_imported_name_says_which(tmp_path: Path, name: str) -> None:
    solution = in_folder(tmp_path, name)
    result = check(solution)
    assert (result.passed, result.failed, result.ok) == (0, 1, False)
    [failure] = result.failures
    assert failure.message == (
        f"{solution} (tested as adder.py) defines no add "
        "(the tests import it: see README.md for the API)"
    )


def test_solution_under_the_tested_name_is_shown_by_its_path_alone(tmp_path: Path) -> None:
    solution = tmp_path / "adder.py"
    shutil.copyfile(SOLUTIONS / "empty.py", solution)
    [failure] = check(solution).failures
    assert failure.message.startswith(f"{solution} defines no add ")


def test_failure_in_a_method_names_the_users_file_and_line(tmp_path: Path) -> None:
    solution = in_folder(tmp_path, "sys_exit_in_method.py")
    result = check(solution)
    assert not result.ok and result.failed == TOTAL - 1
    for failure in result.failures:
        assert f"{solution}:5: in add" in failure.message, failure.message
        assert "SystemExit: 0" in failure.message


def test_collection_error_shows_no_temporary_path() -> None:
    result = check(SOLUTIONS / "breaks_the_tests_import.py")
    assert not result.ok and result.failed >= 1
    assert "ImportError while importing test module 'test_adder.py'" in all_text(result)
    assert "designcoach-kata-" not in all_text(result)


def test_os_exit_in_a_method_counts_every_test_not_run_as_failed() -> None:
    result = check(SOLUTIONS / "os_exit_in_method.py")
    assert result.passed + result.failed == TOTAL
    assert "os._exit" in all_text(result)


def test_megabytes_of_output_are_capped_and_a_pass_stays_a_pass() -> None:
    result = check(SOLUTIONS / "prints_megabytes.py")
    assert result.ok, all_text(result)
    assert len(result.output) < 100_000


def test_megabytes_of_output_are_capped_and_a_failure_stays_a_failure() -> None:
    result = check(SOLUTIONS / "prints_megabytes_wrong.py")
    assert not result.ok and result.failed >= 1
    assert len(result.output) < 100_000
    assert all(len(f.message) < 20_000 for f in result.failures)


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    solution = in_folder(tmp_path, "syntax_error.py")
    result = check(solution)
    assert not result.ok and result.failed == 1
    message = all_text(result)
    assert str(solution) in message and "line 2" in message


def test_skipping_tests_does_not_pass() -> None:
    result = check(SOLUTIONS / "skips_tests.py")
    assert not result.ok and result.failed >= 2


def test_stdlib_shadows_beside_the_solution_change_nothing(tmp_path: Path) -> None:
    solution = in_folder(tmp_path, "good.py")
    poison = "raise RuntimeError('the user folder leaked into the test run')\n"
    (solution.parent / "random.py").write_text(poison)
    (solution.parent / "queue.py").write_text(poison)
    result = check(solution)
    assert result.ok, all_text(result)


@pytest.mark.parametrize("name", ["good.py", "wrong.py"])
def test_parent_conftest_and_pytest_ini_change_nothing(tmp_path: Path, name: str) -> None:
    solution = in_folder(tmp_path, name)
    for parent in (solution.parent, solution.parent.parent):
        shutil.copyfile(FIXTURES / "plugin" / "parent_conftest.py", parent / "conftest.py")
        (parent / "pytest.ini").write_text("[pytest]\naddopts = -p no:python --co\n")
    result = check(solution)
    assert result.ok is (name == "good.py"), all_text(result)
    assert result.passed + result.failed == TOTAL


def test_user_environment_changes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "random.py").write_text("raise RuntimeError('PYTHONPATH leaked')\n")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    monkeypatch.setenv("PYTEST_ADDOPTS", "--collect-only")
    monkeypatch.setenv("PYTEST_PLUGINS", "always_green")
    monkeypatch.setenv("HYPOTHESIS_PROFILE", "nonexistent")
    result = check(SOLUTIONS / "wrong.py")
    assert (result.passed, result.failed) == (TOTAL - 1, 1), all_text(result)


def test_installed_third_party_plugin_is_not_loaded(tmp_path: Path) -> None:
    env_dir = tmp_path / "env"
    venv.EnvBuilder(system_site_packages=True, with_pip=False, symlinks=os.name != "nt").create(
        env_dir
    )
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    site_dir = Path(site)
    shutil.copyfile(FIXTURES / "plugin" / "always_green.py", site_dir / "always_green.py")
    info = site_dir / "always_green-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: always-green\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[pytest11]\nalways_green = always_green\n")
    # The plugin really is installed: a plain pytest run in that environment loads it.
    probe = subprocess.run(
        [
            str(python),
            "-c",
            "import importlib.metadata as m; "
            "print([e.name for e in m.entry_points(group='pytest11')])",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "always_green" in probe.stdout
    result = check(SOLUTIONS / "wrong.py", python=str(python))
    assert (result.passed, result.failed) == (TOTAL - 1, 1), all_text(result)


def test_no_caches_left_in_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    solution = in_folder(tmp_path, "wrong.py")
    monkeypatch.chdir(solution.parent)
    check(solution)
    left = sorted(p.name for p in (tmp_path / "user").rglob("*") if p.name.startswith("."))
    assert left == [], f"the check left {left} in the user's folders"
    assert not list(tmp_path.rglob("__pycache__"))


def test_fail_fast_stops_at_the_first_failure() -> None:
    result = check(SOLUTIONS / "skips_tests.py", fail_fast=True)
    assert not result.ok and result.passed + result.failed == TOTAL


def test_python_interpreter_is_used_as_given() -> None:
    result = check(SOLUTIONS / "good.py", python=sys.executable)
    assert result.ok


def test_pytest_advice_to_rerun_with_v_is_left_out(tmp_path: Path) -> None:
    from designcoach.katas.runner import _for_user

    message = (
        "E   assert [('a', 1)] == [('b', 2)]\n"
        "E     At index 0 diff: ('a', 1) != ('b', 2)\n"
        "E     Use -v to get more diff\n"
        "E   Failing test case: <state machine>\n"
    )
    shown = _for_user(message, tmp_path / "work", tmp_path / "lru_cache.py", "lru_cache.py")
    assert "Use -v" not in shown
    assert "At index 0 diff" in shown and "Failing test case" in shown
