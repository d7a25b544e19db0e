"""A real `designcoach practice` in a pseudo-terminal, killed with SIGKILL after typing:
the draft on disk holds what was typed, and the next session resumes it."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

from pty_terminal import Terminal
from tui_helpers import CONTENT, answer_dialog, wait_until

from designcoach.content.catalog import Catalog
from designcoach.tui.app import create_app
from designcoach.tui.session import SessionScreen

TYPED = "Messages go over web sockets"


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
        term.type(TYPED)
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
