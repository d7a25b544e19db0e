"""The session screen in an 80x24 terminal: every shipped prompt's keys, phase names, goals and
clocks are shown in full (read from what the screen renders)."""

from __future__ import annotations

import pytest
from textual.widgets import Static
from tui_helpers import rendered, wait_until

from designcoach.content.catalog import Catalog
from designcoach.tui.app import create_app
from designcoach.tui.keybar import KeyBar
from designcoach.tui.phase_list import PhaseList
from designcoach.tui.session import SessionScreen

SIZE = (80, 24)


def joined(rows: list[str]) -> str:
    return " ".join(" ".join(rows).split())


@pytest.mark.parametrize("prompt_id", Catalog().ids("prompts"))
async def test_80_by_24_shows_keys_phase_names_and_goals_in_full(prompt_id: str) -> None:
    app = create_app(prompt_id, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        bar = screen.query_one(KeyBar)
        [keys] = rendered(app, bar)
        for key in bar._keys or []:
            assert key.display in keys, keys
        assert keys.rstrip().endswith("^↓ Scroll"), keys  # the last key, not cut
        phases = screen.query_one(PhaseList)
        head = screen.query_one("#phase-head", Static)
        for index, plan in enumerate(screen.session.phases):
            if index:
                await pilot.press("x", "ctrl+n")  # text and time in the phases left behind
                await wait_until(pilot, lambda i=index: screen.session.index == i)
            shown = phases.render().plain.splitlines()[1:]  # as drawn at the list's width
            for number, other in enumerate(screen.session.phases, 1):
                assert f"{number} {other.title}" in shown[number - 1], shown
            if index == 0:  # before the twist scrolls the brief: the list as on screen
                assert "\n".join(rendered(app, phases)[1:]) == "\n".join(shown)
            goal = " ".join(plan.goal.split())
            assert goal in joined(rendered(app, head)), rendered(app, head)
            assert goal not in str(screen.editor.placeholder)  # said once, above the editor
        # both countdowns in full: where the line is too long, the title is what gets cut
        top = screen.query_one("#topbar", Static)
        await wait_until(pilot, lambda: rendered(app, top)[0].count(" left") == 2)
