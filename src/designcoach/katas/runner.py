"""Run a kata's tests against one solution file in a separate, isolated pytest process.

The child runs in a fresh temporary folder holding only a copy of the solution (under the
module name the tests import), the kata's test and support files, and our own conftest,
result recorder and solution loader, so nothing in the user's folders or environment can
change the verdict: no stray `random.py`, no parent `conftest.py` or `pytest.ini`, no
auto-loaded plugin, no PYTEST_ADDOPTS. The verdict comes from the recorder's JSON lines, never from the exit code.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from designcoach.katas.loading import Solution, imported_names
from designcoach.paths import cache_dir

DEFAULT_TIMEOUT = 60.0
OUTPUT_LIMIT = 64 * 1024  # bytes of the child's own output kept, half from each end
RECORDER = "_designcoach_recorder"
LOADER = "_designcoach_loader"
_CHILD = Path(__file__).resolve().parent / "child"
# Only what a Python process needs to start and find a temp folder and locale; everything
# else (PYTHONPATH, PYTEST_ADDOPTS, PYTEST_PLUGINS, HYPOTHESIS_*, ...) stays out.
_KEPT_ENV = ("PATH", "HOME", "USERPROFILE", "SYSTEMROOT", "TMPDIR", "TEMP", "TMP", "LANG", "LC_ALL")


@dataclass
class Failure:
    """One test that did not pass, with what pytest and Hypothesis said about it."""

    test: str
    message: str


@dataclass
class CheckResult:
    """The verdict of one check: counts, failures, and whether the time limit was hit."""

    passed: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    timed_out: bool = False
    timeout: float = DEFAULT_TIMEOUT
    not_run: int = 0  # of the failed: tests never reached, the run having stopped before them
    seconds: float = 0.0
    output: str = ""

    @property
    def ok(self) -> bool:
        return self.passed > 0 and self.failed == 0 and not self.timed_out

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        del data["output"]
        data["ok"] = self.ok
        return data


def syntax_error(source: Path) -> Failure | None:
    """A Failure naming file and line when `source` does not compile, else None."""
    try:
        compile(source.read_bytes(), str(source), "exec", dont_inherit=True)
    except SyntaxError as exc:
        where = f"{source}, line {exc.lineno}" if exc.lineno else str(source)
        shown = (exc.text or "").rstrip()
        pointer = ""
        if shown and exc.offset:
            pointer = "\n    " + " " * (exc.offset - 1 - (len(shown) - len(shown.lstrip()))) + "^"
        body = f"\n    {shown.strip()}{pointer}" if shown else ""
        return Failure("syntax", f"{type(exc).__name__} in {where}: {exc.msg}{body}")
    return None


def run_check(
    solution: Path,
    module: str,
    tests: Iterable[Path],
    support: Iterable[Path] = (),
    *,
    timeout: float = DEFAULT_TIMEOUT,
    fail_fast: bool = False,
    max_examples: int | None = None,
    python: str | None = None,
) -> CheckResult:
    """Run `tests` against `solution` (imported as `module`) and return the verdict.

    Args:
        timeout: seconds before the whole run is killed and counted as timed out.
        fail_fast: stop at the first failure (for proving tests reject broken code quickly).
        max_examples: Hypothesis' budget per property; None keeps the kata default.
        python: the interpreter for the child; defaults to the one running designcoach.
    """
    started = time.monotonic()
    bad_syntax = syntax_error(solution)
    if bad_syntax is not None:
        return CheckResult(failed=1, failures=[bad_syntax], timeout=timeout)
    tests, support = list(tests), list(support)
    subject = Solution(solution, module, imported_names([*tests, *support], module))
    work = Path(tempfile.mkdtemp(prefix="designcoach-kata-"))
    try:
        copy = work / module
        shutil.copyfile(solution, copy)
        for path in [*tests, *support]:
            shutil.copyfile(path, work / path.name)
        shutil.copyfile(_CHILD / "conftest.py", work / "conftest.py")
        shutil.copyfile(_CHILD / "recorder.py", work / f"{RECORDER}.py")
        shutil.copyfile(_CHILD / "loader.py", work / f"{LOADER}.py")
        (work / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
        results = work / "results.jsonl"
        env = {name: os.environ[name] for name in _KEPT_ENV if name in os.environ}
        env.update(
            PYTEST_DISABLE_PLUGIN_AUTOLOAD="1",
            PYTHONHASHSEED="0",
            PYTHONIOENCODING="utf-8",
            DESIGNCOACH_KATA_RESULTS=str(results),
            DESIGNCOACH_KATA_EXAMPLES=str(max_examples or ""),
            DESIGNCOACH_KATA_MODULE=module.removesuffix(".py"),
            DESIGNCOACH_KATA_NAMES=",".join(subject.names),
            # Hypothesis' unicode tables and constants cache survive between checks here.
            DESIGNCOACH_KATA_HYPOTHESIS_DIR=str(cache_dir() / "hypothesis"),
        )
        command = [
            python or sys.executable,
            "-B",
            "-m",
            "pytest",
            *(path.name for path in tests),
            "-c",
            str(work / "pytest.ini"),
            "--rootdir",
            str(work),
            "--confcutdir",
            str(work),
            "-p",
            "_hypothesis_pytestplugin",
            "-p",
            RECORDER,
            "-p",
            LOADER,
            "-p",
            "no:cacheprovider",
            "-q",
            "--tb=short",
            "--show-capture=no",
            "--color=no",
        ]
        if fail_fast:
            command.append("-x")
        code, output, timed_out = _run(command, work, env, timeout)
        result = _verdict(results, code, output, timed_out, timeout, subject)
        for failure in result.failures:
            failure.message = _for_user(failure.message, work, solution, module)
        result.seconds = round(time.monotonic() - started, 3)
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(
    command: list[str], cwd: Path, env: dict[str, str], timeout: float
) -> tuple[int | None, str, bool]:
    """Run `command` with stdin closed and output merged and capped; kill it at `timeout`."""
    group: dict[str, object] = (
        {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}  # type: ignore[attr-defined]
        if os.name == "nt"
        else {"start_new_session": True}
    )
    proc = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        **group,  # type: ignore[call-overload]
    )
    head = bytearray()
    tail = bytearray()
    dropped = 0

    def drain() -> None:
        # Keep reading so a chatty child never blocks on a full pipe; keep only both ends.
        nonlocal dropped
        assert proc.stdout is not None
        while chunk := proc.stdout.read1(65536):
            room = OUTPUT_LIMIT // 2 - len(head)
            if room > 0:
                head.extend(chunk[:room])
                chunk = chunk[room:]
            tail.extend(chunk)
            if len(tail) > OUTPUT_LIMIT // 2:
                dropped += len(tail) - OUTPUT_LIMIT // 2
                del tail[: len(tail) - OUTPUT_LIMIT // 2]

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    timed_out = False
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
    finally:
        # Also on Ctrl+C: never leave the child (or anything it started) running.
        _kill_group(proc)
        reader.join(timeout=5)
        if proc.stdout is not None:
            proc.stdout.close()
    text = head.decode("utf-8", "replace")
    if dropped:
        text += f"\n... ({dropped} bytes of output left out) ...\n"
    text += tail.decode("utf-8", "replace")
    return proc.returncode, text, timed_out


# pytest's words when code reads stdin under capture; its advice (`-s`) is no option of kata check.
_PYTEST_STDIN = "pytest: reading from stdin while output is captured!  Consider using `-s`."
OUR_STDIN = (
    "the solution read standard input (input() or sys.stdin), which kata check does not give it"
)


# pytest's advice to rerun with -v for a longer diff: kata check takes no pytest options.
_MORE_DIFF = re.compile(r"^E?\s*Use -v+ to get more diff\n?", re.MULTILINE)


def _for_user(message: str, work: Path, solution: Path, module: str) -> str:
    """`message` with the child's temporary paths turned into ones the user knows, and pytest's
    advice for reading stdin (a `-s` that kata check does not have) put in the user's terms;
    its advice to rerun with -v, which kata check cannot do, left out."""
    message = message.replace(_PYTEST_STDIN, OUR_STDIN)
    if "to get more diff" in message:
        message = _MORE_DIFF.sub("", message)
    message = message.replace(str(work / module), str(solution))
    message = message.replace(f"{work}{os.sep}", "")  # the kata's own files, by name
    if solution.name == module:
        return message
    # pytest names frames relative to the temporary folder: `lru_cache.py:6: in get`.
    frame = re.compile(rf"^(\s*){re.escape(module)}(?=:\d+: in )", re.MULTILINE)
    return frame.sub(lambda match: match.group(1) + str(solution), message)


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        proc.kill()
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def _verdict(
    results: Path,
    code: int | None,
    output: str,
    timed_out: bool,
    timeout: float,
    subject: Solution,
) -> CheckResult:
    """Turn the recorder's lines into counts; anything not seen to pass counts as failed."""
    collected: int | None = None
    finished = False
    importing = False
    failed_import: dict[str, object] | None = None
    running: str | None = None
    outcomes: dict[str, tuple[str, str]] = {}
    try:
        lines = results.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    for line in lines:
        try:
            event = json.loads(line)
        except ValueError:
            continue  # a line cut short when the process died
        kind = event.get("event")
        if kind == "collected":
            collected = int(event["count"])
        elif kind == "start":
            running = event["test"]
        elif kind == "result":
            test = event["test"]
            # A test can report in setup, call and teardown: any bad phase makes it fail.
            if outcomes.get(test, ("passed", ""))[0] == "passed":
                outcomes[test] = (event["outcome"], event.get("message", ""))
            if test == running:
                running = None
        elif kind == "finished":
            finished = True
        elif kind in ("importing", "imported", "import_failed"):
            importing = kind == "importing"
            if kind == "import_failed":
                failed_import = event
    if failed_import is not None:
        failure = Failure("(import)", subject.failed_import(failed_import))
        return CheckResult(failed=1, failures=[failure], timeout=timeout, output=output)
    failures = [
        Failure(test, _explain(outcome, message))
        for test, (outcome, message) in outcomes.items()
        if outcome != "passed"
    ]
    reported_failures = len(failures)
    passed = sum(1 for outcome, _ in outcomes.values() if outcome == "passed")
    result = CheckResult(passed=passed, timed_out=timed_out, timeout=timeout, output=output)
    unreported = max(0, (collected or 0) - len(outcomes))
    # Every test reported and the process still ran past the limit: the check fails, but no
    # test did (something the solution started kept the process alive).
    all_reported = bool(collected) and unreported == 0 and not importing and running is None
    if timed_out and all_reported:
        failures.append(
            Failure(
                "(time limit)",
                f"timed out: every test ran, but the test process did not end within "
                f"{timeout:g} s. Does the solution leave a thread, a child process or an exit "
                "handler running?",
            )
        )
    elif timed_out:
        if importing:
            running, where = "(import)", f" while importing {subject.shown}"
        else:
            where = f" while running {running}" if running else ""
        failures.append(
            Failure(
                running or "(time limit)",
                f"timed out: the tests did not finish within {timeout:g} s{where}. "
                "Look for an endless loop, or raise the limit with --timeout.",
            )
        )
    elif not finished and importing:
        failures.append(Failure("(import)", subject.died(code)))
    elif not finished:
        failures.append(
            Failure(
                running or "(test run)",
                f"the test process stopped before it finished (exit code {code}). Does the "
                "solution call os._exit() or crash the interpreter?\n" + output[-2000:],
            )
        )
    elif not outcomes:
        failures.append(Failure("(test run)", "no test ran:\n" + output[-4000:]))
    # Tests collected but never reported (killed, hung, deselected) count as failed; the
    # run-level failure above stands for at least one of them (unless every test reported).
    run_failed = len(failures) > reported_failures and not (timed_out and all_reported)
    result.failed = reported_failures + (max(unreported, 1) if run_failed else unreported)
    result.not_run = max(0, unreported - 1) if run_failed else unreported
    result.failures = failures
    return result


_LOCATION = re.compile(r"^(\S.*?):\d+: in \S+$")


def _tidy(message: str) -> str:
    """Drop traceback entries inside Hypothesis and pytest themselves: they only add noise."""
    kept: list[str] = []
    skipping = False
    for line in message.splitlines():
        location = _LOCATION.match(line)
        if location:
            path = location.group(1).replace("\\", "/")
            skipping = "/hypothesis/" in path or "/_pytest/" in path
        elif skipping and not line[:1].isspace():
            skipping = False
        if not skipping:
            kept.append(line)
    return "\n".join(kept)


def _explain(outcome: str, message: str) -> str:
    if outcome == "skipped":
        return "skipped: a kata test must run to count as passed.\n" + message
    return _tidy(message)
