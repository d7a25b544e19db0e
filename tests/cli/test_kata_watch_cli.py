"""`designcoach kata watch` as a user runs it: a real process, a real save, then Ctrl+C."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

KATAS = Path(__file__).resolve().parents[2] / "katas"


def _lines(stream, sink: queue.Queue[str]) -> None:
    for line in iter(stream.readline, ""):
        sink.put(line)


def _wait_for(sink: queue.Queue[str], text: str, seen: list[str], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = sink.get(timeout=0.5)
        except queue.Empty:
            continue
        seen.append(line)
        if text in line:
            return
    raise AssertionError(f"{text!r} never appeared; output so far:\n{''.join(seen)[-3000:]}")


def _started(
    args: list[str], env: dict[str, str], cwd: Path
) -> tuple[subprocess.Popen[str], queue.Queue[str], queue.Queue[str]]:
    """`python ARGS` running, with its stdout and stderr lines gathered into two queues."""
    proc = subprocess.Popen(
        [sys.executable, *args],
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out: queue.Queue[str] = queue.Queue()
    err: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_lines, args=(proc.stdout, out), daemon=True).start()
    threading.Thread(target=_lines, args=(proc.stderr, err), daemon=True).start()
    return proc, out, err


def _signal_state(pid: int) -> str:
    """The Sig* lines of a process's status (Linux), per thread: which signals each blocks."""
    lines = []
    for task in sorted(Path(f"/proc/{pid}/task").glob("*")):
        status = (task / "status").read_text().splitlines()
        lines.append(f"{task.name}: " + " ".join(x for x in status if x.startswith("Sig")))
    return "; ".join(lines)


def test_watch_rechecks_after_a_rename_save_and_quits_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    # faulthandler: if the watcher ever hangs, SIGABRT makes it print where every thread is
    env = {**os.environ, "DESIGNCOACH_HOME": str(tmp_path / "home"), "PYTHONFAULTHANDLER": "1"}
    folder = tmp_path / "ws"
    subprocess.run(
        [sys.executable, "-m", "designcoach", "kata", "start", "lru-cache", "--dir", str(folder)],
        env=env,
        check=True,
        capture_output=True,
    )
    proc, out, err = _started(["-m", "designcoach", "kata", "watch", "lru-cache"], env, tmp_path)
    seen: list[str] = []
    try:
        _wait_for(out, "0 passed,", seen)  # the first check, of the starter
        _wait_for(err, "Watching", seen)
        # Save the way many editors do: write a new file, then rename it over the old one.
        temp = folder / ".lru_cache.py.swp-new"
        shutil.copyfile(KATAS / "lru-cache" / "solution" / "lru_cache.py", temp)
        os.replace(temp, folder / "lru_cache.py")
        _wait_for(out, "saved: checking", seen)
        _wait_for(out, "passed, 0 failed", seen)
        proc.send_signal(signal.SIGINT)
        try:
            code = proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            signals = _signal_state(proc.pid)  # blocked, ignored or caught: why no Ctrl+C?
            proc.send_signal(signal.SIGABRT)
            proc.wait(timeout=30)
            time.sleep(0.5)
            stacks = "".join(err.get() for _ in range(err.qsize()))
            raise AssertionError(
                f"still running 30 s after Ctrl+C; signals {signals}; its threads:\n{stacks}"
            ) from None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    time.sleep(0.2)
    rest = []
    while not err.empty():
        rest.append(err.get())
    errors = "".join(rest)
    assert code == 0, f"exit code {code}; stderr: {errors}"
    assert "Traceback" not in errors and "KeyboardInterrupt" not in errors, errors
    assert "Stopped watching" in errors
    assert not (folder / ".hypothesis").exists() and not (folder / ".pytest_cache").exists()


# `kata watch` where the Ctrl+C lands in code that swallows every exception (a library with a
# bare except): the KeyboardInterrupt is lost, and the watcher must still stop.
SWALLOWING = """
import sys, time
from designcoach.katas import watch

real = watch.fingerprint

def fingerprint(path):
    try:
        print("looking", file=sys.stderr, flush=True)
        time.sleep(0.5)
    except BaseException:
        pass
    return real(path)

watch.fingerprint = fingerprint
from designcoach.cli import main
main(["kata", "watch", "lru-cache"])
"""


def test_ctrl_c_stops_the_watch_even_where_the_interrupt_is_swallowed(tmp_path: Path) -> None:
    env = {**os.environ, "DESIGNCOACH_HOME": str(tmp_path / "home"), "PYTHONFAULTHANDLER": "1"}
    subprocess.run(
        [sys.executable, "-m", "designcoach", "kata", "start", "lru-cache"],
        env=env,
        check=True,
        capture_output=True,
    )
    proc, _, err = _started(["-c", SWALLOWING], env, tmp_path)
    seen: list[str] = []
    try:
        _wait_for(err, "Watching", seen)
        _wait_for(err, "looking", seen)  # now in the half second that swallows everything
        proc.send_signal(signal.SIGINT)
        try:
            code = proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            raise AssertionError("still watching 15 s after Ctrl+C") from None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    time.sleep(0.2)
    rest = "".join(err.get() for _ in range(err.qsize()))
    assert code == 0, rest
    assert "Stopped watching" in rest and "Traceback" not in rest
