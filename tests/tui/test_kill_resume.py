"""A real `designcoach practice` in a pseudo-terminal, killed with SIGKILL after typing:
the draft on disk holds what was typed, and the next session resumes it."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

from tui_helpers import CONTENT, answer_dialog, wait_until

from designcoach.content.catalog import Catalog
from designcoach.tui.app import create_app
from designcoach.tui.session import SessionScreen

TYPED = "Messages go over web sockets"


class Terminal:
    """A child process on a 120x40 pseudo-terminal; its output is drained as we wait."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
            os.execvpe(argv[0], argv, env)
        self.output = bytearray()

    def pump(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.05))
            if ready:
                try:
                    self.output += os.read(self.fd, 65536)
                except OSError:
                    return

    def wait_for(self, condition, timeout: float) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if condition():
                return True
            self.pump(0.05)
        return condition()

    def kill(self) -> int:
        os.kill(self.pid, signal.SIGKILL)
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return status


async def test_kill_9_after_typing_then_resume_finds_the_text(home: Path, catalog: Catalog) -> None:
    env = dict(os.environ, TERM="xterm-256color", DESIGNCOACH_HOME=str(home))
    env["DESIGNCOACH_CONTENT"] = str(CONTENT)
    term = Terminal([sys.executable, "-m", "designcoach", "practice", "mini"], env)
    draft = home / "drafts" / "mini.json"

    def saved_text() -> str:
        try:
            return json.loads(draft.read_text(encoding="utf-8"))["texts"]["requirements"]
        except (OSError, ValueError, KeyError):
            return ""

    try:
        assert term.wait_for(lambda: b"Design a Mini Chat" in term.output, timeout=30), (
            f"the session never painted: {bytes(term.output[-500:])!r}"
        )
        for char in TYPED:
            os.write(term.fd, char.encode())
            term.pump(0.01)
        typed_at = time.monotonic()
        assert term.wait_for(lambda: saved_text() == TYPED, timeout=10)
        # promised: on disk within about 2 s of the last keystroke (slack for a busy machine)
        assert time.monotonic() - typed_at < 4.0
    finally:
        status = term.kill()
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    assert saved_text() == TYPED

    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await answer_dialog(pilot, yes=True)  # Resume
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        assert app.screen.editor.text == TYPED
