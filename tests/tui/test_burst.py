"""Keys sent in one burst are handled in the order typed, ^n, ^p, ^s and ^q included.

The phase, submit and quit keys are priority bindings, run by the app as soon as it reads them,
while the letters before them may still wait in the editor's queue (fast typing, a lagging
app, a macro, tmux send-keys).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tui_helpers import answer_dialog, burst, wait_until

from designcoach import paths
from designcoach.content.catalog import Catalog
from designcoach.history.store import HistoryStore
from designcoach.tui.app import create_app
from designcoach.tui.dialogs import ConfirmDialog
from designcoach.tui.result import ResultScreen
from designcoach.tui.session import SessionScreen

SIZE = (120, 40)


async def test_letters_then_next_phase_in_one_burst_stay_in_the_first_phase(
    catalog: Catalog, home: Path
) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await burst(pilot, *"one two", "ctrl+n", *"three")
        await wait_until(pilot, lambda: screen.editor.text == "three")
        assert screen.session.current.id == "high-level"
        assert screen.session.texts["requirements"] == "one two"
        assert screen.writer.flush()
        saved = json.loads((home / "drafts" / "mini.json").read_text(encoding="utf-8"))
        assert saved["texts"]["requirements"] == "one two"
        assert saved["current"] == "high-level"


async def test_letters_then_previous_phase_in_one_burst_stay_where_typed(
    catalog: Catalog,
) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await burst(pilot, "a", "ctrl+n", *"bc", "ctrl+n", *"de", "ctrl+p", "ctrl+p", "f")
        await wait_until(pilot, lambda: screen.editor.text == "af")
        assert screen.session.current.id == "requirements"
        assert screen.session.texts["high-level"] == "bc"
        assert screen.session.texts["deep-dive"] == "de"


async def test_letters_then_submit_in_one_burst_are_part_of_the_answer(catalog: Catalog) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, *"Web sockets", "ctrl+s")
        # with the letters still queued, ^s found nothing to grade and asked nothing
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await answer_dialog(pilot, yes=True)
        await wait_until(pilot, lambda: isinstance(app.screen, ResultScreen))
        assert "Web sockets" in app.screen.answer
    [record] = HistoryStore(paths.history_db()).sessions()
    assert record.answer.startswith("## Requirements\n\nWeb sockets")


@pytest.mark.parametrize("quit_key", ["ctrl+q", "ctrl+c"])
async def test_letters_then_quit_in_one_burst_are_saved(
    catalog: Catalog, home: Path, quit_key: str
) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, *"last words", quit_key)
        await wait_until(pilot, lambda: app.return_code is not None)
    path = home / "drafts" / "mini.json"
    assert path.exists()
    assert json.loads(path.read_text(encoding="utf-8"))["texts"]["requirements"] == "last words"
