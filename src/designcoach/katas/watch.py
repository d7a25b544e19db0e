"""Notice when the user saves their solution: one event per save, once the file is still."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

# Editors write swap and backup files beside the real one; only the solution's own name counts.
SETTLE_SECONDS = 0.15
MAX_SETTLE_SECONDS = 5.0


def fingerprint(path: Path) -> tuple[int, int] | None:
    """What changes when a file is saved: its modification time and size."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def wait_until_still(path: Path, settle: float = SETTLE_SECONDS) -> bool:
    """Wait until `path` exists and has not changed for `settle` seconds (at most a few seconds).

    Returns False if the file is still missing at the end (deleted, or renamed away).
    """
    deadline = time.monotonic() + MAX_SETTLE_SECONDS
    last = fingerprint(path)
    while time.monotonic() < deadline:
        time.sleep(settle)
        now = fingerprint(path)
        if now is not None and now == last:
            return True
        last = now
    return last is not None


def saves(
    path: Path,
    *,
    stop: threading.Event | None = None,
    settle: float = SETTLE_SECONDS,
    baseline: tuple[int, int] | None = None,
) -> Iterator[Path]:
    """Yield `path` each time it is saved, after it stops changing, until `stop` is set.

    `baseline` is the fingerprint of the version already checked (default: the file as it is
    now); a save made after it, even before watching starts, is not missed.

    Watches the folder rather than the file, so editors that save by writing a new file and
    renaming it over the old one are seen too. Ctrl+C raises KeyboardInterrupt to the caller.
    """
    from watchfiles import Change, watch

    folder = path.parent
    name = path.name

    def is_solution(change: Change, changed: str) -> bool:
        return Path(changed).name == name and change != Change.deleted

    last = baseline if baseline is not None else fingerprint(path)
    for _ in watch(
        folder,
        watch_filter=is_solution,
        stop_event=stop,
        recursive=False,
        step=100,
        # Wake up twice a second even without events: a save made before the watcher was
        # ready, or one the OS did not report, is still caught by comparing the fingerprint.
        rust_timeout=500,
        yield_on_timeout=True,
    ):
        if fingerprint(path) == last:
            continue
        # Writes that landed while we waited arrive as one more batch: skip it if the file is
        # the same as the one already handed out.
        if wait_until_still(path, settle) and fingerprint(path) != last:
            last = fingerprint(path)
            yield path
        if stop is not None and stop.is_set():
            return
