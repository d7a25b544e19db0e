"""Watching a solution: real file changes on disk, in a background thread."""

from __future__ import annotations

import os
import queue
import threading
import time
from pathlib import Path

import pytest

from designcoach.katas.watch import saves, wait_until_still


class Watcher:
    """Runs saves() in a thread and collects what it yields."""

    def __init__(self, path: Path) -> None:
        self.stop = threading.Event()
        self.seen: queue.Queue[tuple[float, bytes]] = queue.Queue()
        self.thread = threading.Thread(target=self._run, args=(path,), daemon=True)
        self.thread.start()
        time.sleep(0.6)  # let the watcher start before the first change

    def _run(self, path: Path) -> None:
        for changed in saves(path, stop=self.stop):
            self.seen.put((time.monotonic(), changed.read_bytes()))

    def next(self, timeout: float = 10) -> tuple[float, bytes]:
        return self.seen.get(timeout=timeout)

    def quiet(self, seconds: float) -> bool:
        try:
            self.seen.get(timeout=seconds)
        except queue.Empty:
            return True
        return False

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=10)
        assert not self.thread.is_alive(), "saves() did not stop when asked"


@pytest.fixture
def solution(tmp_path: Path):
    path = tmp_path / "hash_ring.py"
    path.write_text("v = 0\n")
    return path


@pytest.fixture
def watcher(solution: Path):
    w = Watcher(solution)
    yield w
    w.close()


def test_a_plain_save_is_seen(solution: Path, watcher: Watcher) -> None:
    solution.write_text("v = 1\n")
    assert watcher.next()[1] == b"v = 1\n"


def test_save_by_writing_a_new_file_and_renaming_is_seen(solution: Path, watcher: Watcher) -> None:
    temp = solution.with_name(".hash_ring.py.tmp123")
    temp.write_text("v = 2\n")
    os.replace(temp, solution)
    assert watcher.next()[1] == b"v = 2\n"


def test_swap_and_backup_files_are_ignored(solution: Path, watcher: Watcher) -> None:
    for name in [".hash_ring.py.swp", "hash_ring.py~", "#hash_ring.py#", "other.py", "4913"]:
        solution.with_name(name).write_text("noise\n")
    assert watcher.quiet(1.5), "a change to another file triggered a check"


def test_a_burst_of_writes_gives_one_check_with_the_final_content(
    solution: Path, watcher: Watcher
) -> None:
    for i in range(8):
        with solution.open("a") as out:
            out.write(f"line {i}\n")
        time.sleep(0.05)
    _, content = watcher.next()
    assert content.endswith(b"line 7\n"), "the check must see the file after it stopped changing"
    assert watcher.quiet(1.0), "one burst of writes must give one check"


def test_deleting_the_file_is_not_a_save(solution: Path, watcher: Watcher) -> None:
    solution.unlink()
    assert watcher.quiet(1.0)
    solution.write_text("v = 3\n")
    assert watcher.next()[1] == b"v = 3\n"


def test_wait_until_still_waits_for_writes_to_stop(tmp_path: Path) -> None:
    path = tmp_path / "f.py"
    path.write_text("a")

    def writer() -> None:
        for _ in range(5):
            time.sleep(0.08)
            with path.open("a") as out:
                out.write("a")

    thread = threading.Thread(target=writer)
    thread.start()
    assert wait_until_still(path, settle=0.15)
    thread.join()
    assert path.read_text() == "a" * 6
