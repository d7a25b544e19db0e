"""Drafts of unfinished practice sessions: one JSON file per prompt, written atomically.

A draft is saved from a background thread (DraftWriter) so typing never waits on the disk,
and each save replaces the file in one step, so a crash leaves the old draft or the new one,
never half of either.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from designcoach.errors import UserError
from designcoach.timefmt import now_iso

DRAFT_FORMAT = 1


@dataclass
class Draft:
    """Everything needed to pick a session up where it stopped."""

    prompt: str
    minutes: float  # the whole session's budget
    started_at: str
    current: str  # the phase being written
    texts: dict[str, str] = field(default_factory=dict)
    spent: dict[str, float] = field(default_factory=dict)  # seconds per phase
    hints: list[str] = field(default_factory=list)  # rubric item ids already hinted
    time_up_seen: bool = False
    saved_at: str = ""

    @property
    def words(self) -> int:
        return sum(len(text.split()) for text in self.texts.values())

    @property
    def seconds(self) -> float:
        return sum(self.spent.values())

    def to_json(self) -> str:
        data: dict[str, Any] = {"format_version": DRAFT_FORMAT, **asdict(self)}
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Draft:
        """Parse a draft file; ValueError when it is not one."""
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format_version") != DRAFT_FORMAT:
            raise ValueError("not a designcoach draft")
        try:
            return cls(
                prompt=str(data["prompt"]),
                minutes=float(data["minutes"]),
                started_at=str(data["started_at"]),
                current=str(data["current"]),
                texts={str(k): str(v) for k, v in data.get("texts", {}).items()},
                spent={str(k): float(v) for k, v in data.get("spent", {}).items()},
                hints=[str(h) for h in data.get("hints", [])],
                time_up_seen=bool(data.get("time_up_seen", False)),
                saved_at=str(data.get("saved_at", "")),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"draft is missing a field: {exc}") from None


def _lock_pid(path: Path) -> int | None:
    try:
        return int(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def atomic_write(path: Path, data: str) -> None:
    """Replace `path` with `data` in one step: temp file, fsync, rename, fsync the folder."""
    import tempfile  # here, not at start-up: the practice screen should open fast

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    # The rename is only durable once the folder's entry is on disk too (POSIX).
    if hasattr(os, "O_DIRECTORY"):
        dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


class DraftInUse(UserError):
    """The prompt is open in another designcoach process, whose saves would overwrite ours."""

    def __init__(self, title: str, pid: int) -> None:
        super().__init__(
            f"{title} is open in another designcoach (process {pid}), which saves its draft as "
            "you type; quit it there first, or practise another prompt"
        )
        self.pid = pid


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    except OSError:
        return False
    return True


class DraftStore:
    """The drafts folder: `<prompt id>.json` for each unfinished session.

    One process at a time works on a prompt: `claim` leaves `<prompt id>.lock` holding the
    process id, so a second designcoach opening the same prompt is told, instead of the two
    writing over each other's draft. A lock whose process has gone is taken over.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.damaged: dict[str, Path] = {}  # prompt id -> where load put its unreadable draft
        self._claimed: set[str] = set()

    def claim(self, prompt_id: str, title: str) -> None:
        """Hold the prompt for this process; DraftInUse if another live one holds it."""
        path = self.folder / f"{prompt_id}.lock"
        me = os.getpid()
        # written whole under another name, then linked into place: the lock appears with its
        # process id in it, or not at all, so no one reads it half made
        made = path.with_name(f".{path.name}.{me}")
        try:
            made.write_text(str(me), encoding="ascii")
            for _ in range(3):
                try:
                    os.link(made, path)
                    break
                except FileExistsError:
                    holder = _lock_pid(path)
                    if holder == me:
                        break
                    if holder is not None and _alive(holder):
                        raise DraftInUse(title, holder) from None
                    with contextlib.suppress(FileNotFoundError):
                        path.unlink()  # left by a process that has ended
        except OSError:
            return  # a folder that takes no lock: work as before, unguarded
        finally:
            with contextlib.suppress(OSError):
                made.unlink()
        if not self._claimed:
            atexit.register(self.release_all)
        self._claimed.add(prompt_id)

    def release(self, prompt_id: str) -> None:
        """Let other processes open the prompt (after a submit, and at exit)."""
        self._claimed.discard(prompt_id)
        path = self.folder / f"{prompt_id}.lock"
        if _lock_pid(path) == os.getpid():
            with contextlib.suppress(OSError):
                path.unlink()

    def release_all(self) -> None:
        for prompt_id in list(self._claimed):
            self.release(prompt_id)

    def path_for(self, prompt_id: str) -> Path:
        return self.folder / f"{prompt_id}.json"

    def save(self, draft: Draft) -> Path:
        draft.saved_at = now_iso()
        path = self.path_for(draft.prompt)
        atomic_write(path, draft.to_json())
        return path

    def load(self, prompt_id: str) -> Draft | None:
        """The saved draft, or None. A damaged file is moved aside (never deleted, its new path
        kept in `damaged` for the screen to tell), then None."""
        path = self.path_for(prompt_id)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        try:
            draft = Draft.from_json(text)
        except (ValueError, UnicodeDecodeError):
            self.damaged[prompt_id] = self._set_aside(path, "damaged")
            return None
        return draft if draft.prompt == prompt_id else None

    def peek(self, prompt_id: str) -> Draft | None:
        """The saved draft, or None; unlike `load`, a damaged file is left where it is."""
        try:
            draft = Draft.from_json(self.path_for(prompt_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return draft if draft.prompt == prompt_id else None

    def clear(self, prompt_id: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path_for(prompt_id).unlink()

    def set_aside(self, prompt_id: str) -> Path | None:
        """Keep an old draft under another name when the user starts over."""
        path = self.path_for(prompt_id)
        return self._set_aside(path, "old") if path.exists() else None

    def _set_aside(self, path: Path, why: str) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.stem}.{stamp}.{why}.json")
        os.replace(path, target)
        return target


class DraftWriter:
    """Saves drafts on a background thread; only the newest pending draft is written.

    `submit` never blocks on the disk. `flush` waits until what was submitted is on disk.
    """

    def __init__(
        self, store: DraftStore, on_error: Callable[[BaseException], None] | None = None
    ) -> None:
        self.store = store
        self.on_error = on_error
        self._pending: Draft | None = None
        self._busy = False
        self._closed = False
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self.saves = 0  # how many drafts reached the disk (tests and status line)

    def submit(self, draft: Draft) -> None:
        with self._cond:
            if self._closed:
                return
            self._pending = draft
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="designcoach-draft-writer", daemon=True
                )
                self._thread.start()
            self._cond.notify_all()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every submitted draft is written; False on time-out."""
        with self._cond:
            return self._cond.wait_for(
                lambda: self._pending is None and not self._busy, timeout=timeout
            )

    def close(self, timeout: float = 5.0) -> bool:
        """Write what is pending, then stop the thread."""
        done = self.flush(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
        return done

    def discard(self) -> None:
        """Drop a pending draft (the session was submitted) and wait for a save in progress."""
        with self._cond:
            self._pending = None
            self._cond.wait_for(lambda: not self._busy, timeout=5.0)

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending is not None or self._closed)
                if self._pending is None:
                    return
                draft, self._pending = self._pending, None
                self._busy = True
            try:
                self.store.save(draft)
                self.saves += 1
            except Exception as exc:  # a full disk must not kill the session
                if self.on_error is not None:
                    self.on_error(exc)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
