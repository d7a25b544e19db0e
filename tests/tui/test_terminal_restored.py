"""Every way out of `designcoach practice` leaves the terminal as it was and the draft on disk.

The real command runs on a pseudo-terminal; after it ends, its output must have switched the
alternate screen off, stopped mouse reporting and shown the cursor again, and the words typed
must be in the draft file.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

import pytest
from pty_terminal import Terminal
from tui_helpers import CONTENT

TYPED = "Phones keep a web socket open"

# Ends practice with an exception raised inside the running app, a second after it starts.
CRASHING = """
import sys
from designcoach.cli import main
from designcoach.tui.app import CoachApp

mount = CoachApp.on_mount

def on_mount(self):
    mount(self)
    self.set_timer(float(sys.argv[1]), self.boom)

def boom(self):
    raise RuntimeError("a bug in the practice screen")

CoachApp.on_mount = on_mount
CoachApp.boom = boom
main(["practice", "mini"])
"""

RESTORED = {
    "alternate screen off": b"\x1b[?1049l",
    "mouse reporting off": b"\x1b[?1000l",
    "cursor shown": b"\x1b[?25h",
}


def _start(home: Path, argv: list[str]) -> Terminal:
    env = dict(os.environ, TERM="xterm-256color", DESIGNCOACH_HOME=str(home))
    env["DESIGNCOACH_CONTENT"] = str(CONTENT)
    return Terminal(argv, env)


def _draft_text(home: Path) -> str:
    try:
        data = json.loads((home / "drafts" / "mini.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    return data["texts"].get("requirements", "")


def _assert_restored(term: Terminal) -> None:
    after_paint = bytes(term.output[term.output.find(b"Design a Mini Chat") :])
    for what, sequence in RESTORED.items():
        assert sequence in after_paint, f"{what}: {sequence!r} never sent after the screen was up"


def _typed_session(term: Terminal) -> None:
    assert term.wait_for(lambda: b"Design a Mini Chat" in term.output, timeout=30), (
        f"the session never painted: {bytes(term.output[-500:])!r}"
    )
    term.pump(0.3)
    term.type(TYPED)
    term.pump(0.3)


@pytest.mark.parametrize(
    "how",
    ["ctrl+q", "ctrl+c", "SIGTERM", "SIGHUP"],
)
def test_leaving_restores_the_terminal_and_keeps_the_draft(home: Path, how: str) -> None:
    term = _start(home, [sys.executable, "-m", "designcoach", "practice", "mini"])
    try:
        _typed_session(term)
        if how == "ctrl+q":
            os.write(term.fd, b"\x11")
        elif how == "ctrl+c":
            os.write(term.fd, b"\x03")
        else:
            os.kill(term.pid, getattr(signal, how))
        status = term.wait_exit(timeout=15)
        assert status is not None, f"practice was still running 15 s after {how}"
    finally:
        term.kill()
    _assert_restored(term)
    assert _draft_text(home) == TYPED
    if how.startswith("ctrl"):
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
        assert b"draft is saved" in term.output


def test_a_crash_inside_the_app_restores_the_terminal_and_keeps_the_draft(home: Path) -> None:
    term = _start(home, [sys.executable, "-c", CRASHING, "4"])
    try:
        _typed_session(term)
        status = term.wait_exit(timeout=20)
        assert status is not None, "practice was still running after the error"
    finally:
        term.kill()
    _assert_restored(term)
    assert _draft_text(home) == TYPED
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 1
    tail = bytes(term.output[term.output.rfind(b"\x1b[?1049l") :])
    assert b"a bug in the practice screen" in tail
    assert b"draft is saved" in tail


def test_keys_typed_while_practice_starts_are_in_the_answer(home: Path) -> None:
    # Typed at once, while Python is still importing: the terminal holds the keys until the
    # app reads them, before its editor has the focus. They used to be dropped.
    term = _start(home, [sys.executable, "-m", "designcoach", "practice", "mini"])
    try:
        term.type("Phones keep")
        assert term.wait_for(lambda: b"Design a Mini Chat" in term.output, timeout=30)
        term.type(" a web socket open")
        term.pump(0.5)
        os.write(term.fd, b"\x11")
        status = term.wait_exit(timeout=15)
        assert status is not None, "practice was still running 15 s after ctrl+q"
    finally:
        term.kill()
    assert _draft_text(home) == TYPED
