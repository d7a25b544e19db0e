"""The submit dialog says the time left as the top bar's countdown does (both rounded up)."""

from __future__ import annotations

from designcoach.tui.dialogs import submit_dialog
from designcoach.tui.session_text import countdown


def test_the_submit_dialog_says_what_the_clock_says() -> None:
    for remaining in (2673.4, 60.00000000000001, 0.5):
        shown = countdown(remaining).plain.removesuffix(" left")
        assert f"{shown} of the session is left" in submit_dialog(remaining).body
