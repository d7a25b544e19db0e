"""Autosave, quitting, resuming and starting over, through the real draft files."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from textual.widgets import Static
from tui_helpers import answer_dialog, notices, text_of, wait_until

from designcoach.content.catalog import Catalog
from designcoach.history.drafts import Draft, DraftStore
from designcoach.tui.app import create_app
from designcoach.tui.dialogs import ConfirmDialog
from designcoach.tui.session import SessionScreen

SIZE = (120, 40)


def draft_text(home: Path, prompt: str = "mini") -> dict[str, str]:
    path = home / "drafts" / f"{prompt}.json"
    return json.loads(path.read_text(encoding="utf-8"))["texts"] if path.exists() else {}


async def test_draft_reaches_disk_about_two_seconds_after_typing(
    catalog: Catalog, home: Path
) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Web sockets")
        typed = time.monotonic()
        await wait_until(
            pilot, lambda: draft_text(home).get("requirements") == "Web sockets", timeout=4
        )
        # promised: about 2 s after the last key (slack for a busy test machine)
        assert time.monotonic() - typed < 4.0
        # the file is in place a moment before the writer counts the save: wait for the writer
        assert app.screen.writer.flush()
        assert app.screen.writer.saves >= 1
        # the draft, and the lock that keeps another designcoach off it: no temp files
        assert sorted(p.name for p in (home / "drafts").iterdir()) == ["mini.json", "mini.lock"]


async def test_phase_change_saves_at_once(catalog: Catalog, home: Path) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("x", "ctrl+n")
        app.screen.writer.flush()
        saved = json.loads((home / "drafts" / "mini.json").read_text(encoding="utf-8"))
        assert saved["texts"]["requirements"] == "x"
        assert saved["current"] == "high-level"


async def test_quit_saves_then_reopening_offers_to_resume(catalog: Catalog, home: Path) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"first", "ctrl+n", *"second")
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    assert draft_text(home) == {"requirements": "first", "high-level": "second", "deep-dive": ""}

    again = create_app("mini", catalog=catalog)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ConfirmDialog)
        await wait_until(pilot, lambda: again.focused is not None)
        assert again.focused.id == "yes"  # Resume is the safe default
        await pilot.press("enter")
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, SessionScreen)
        assert screen.session.current.id == "high-level"
        assert screen.editor.text == "second"
        assert screen.session.phase_elapsed(0) > 0  # time spent before is kept
        await pilot.press(" ", "x")
        assert screen.editor.text == "second x"


async def test_starting_over_keeps_the_old_draft_aside(catalog: Catalog, home: Path) -> None:
    store = DraftStore(home / "drafts")
    store.save(
        Draft(
            "mini", 5.0, "2025-01-01T00:00:00+00:00", "requirements", {"requirements": "old words"}
        )
    )
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer_dialog(pilot, yes=False)  # Start over
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.editor.text == ""
    kept = list((home / "drafts").glob("mini.*.old.json"))
    assert len(kept) == 1
    assert json.loads(kept[0].read_text(encoding="utf-8"))["texts"]["requirements"] == "old words"


async def test_a_damaged_draft_is_set_aside_not_lost(catalog: Catalog, home: Path) -> None:
    (home / "drafts").mkdir(parents=True, exist_ok=True)
    (home / "drafts" / "mini.json").write_text("{not json", encoding="utf-8")
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)  # no resume question for garbage
        [damaged] = (home / "drafts").glob("mini.*.damaged.json")
        # said, with where the file is kept
        assert any(str(damaged) in notice for notice in notices(app)), notices(app)
    assert damaged.read_text(encoding="utf-8") == "{not json"


def save_draft(home: Path, minutes: float = 5.0) -> None:
    store = DraftStore(home / "drafts")
    texts = {"requirements": "one two three", "high-level": "four five"}
    store.save(Draft("mini", minutes, "2025-01-01T00:00:00+00:00", "high-level", texts))


async def test_a_resumed_draft_shows_its_words_at_once(catalog: Catalog, home: Path) -> None:
    save_draft(home)
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer_dialog(pilot, yes=True)  # Resume
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert text_of(screen.query_one("#editor-status", Static)).startswith("5 words")


async def test_resuming_keeps_the_drafts_budget_and_says_so(catalog: Catalog, home: Path) -> None:
    save_draft(home, minutes=2.0)
    app = create_app("mini", minutes=3, catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        body = text_of(app.screen.query_one("#dialog-body", Static))
        assert "Resume keeps its 2-minute budget; Start over uses 3 minutes." in body
        await answer_dialog(pilot, yes=True)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert round(screen.session.budget) == 120
        assert any("draft's 2-minute budget" in n and "3 minutes" in n for n in notices(app))


async def test_starting_over_uses_the_minutes_asked_for(catalog: Catalog, home: Path) -> None:
    save_draft(home, minutes=2.0)
    app = create_app("mini", minutes=3, catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer_dialog(pilot, yes=False)  # Start over
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert round(screen.session.budget) == 180
        assert not any("budget" in n for n in notices(app))


async def test_resuming_with_the_same_minutes_says_nothing_of_budgets(
    catalog: Catalog, home: Path
) -> None:
    save_draft(home, minutes=5.0)
    app = create_app("mini", catalog=catalog)  # the prompt's own 5 minutes
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "budget" not in text_of(app.screen.query_one("#dialog-body", Static))
        await answer_dialog(pilot, yes=True)
        assert not any("budget" in n for n in notices(app))


async def test_a_hint_reaches_the_draft_at_once(catalog: Catalog, home: Path) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n", *"We keep a log of messages.")
        await pilot.press("ctrl+t")
        assert app.screen.writer.flush()  # whatever was handed to the writer is on disk
        path = home / "drafts" / "mini.json"
        saved = json.loads(path.read_text(encoding="utf-8"))
        assert saved["hints"] == ["push"]
        assert saved["texts"]["high-level"] == "We keep a log of messages."


@pytest.mark.parametrize("resume", [False, True])
async def test_typing_while_the_resume_question_is_up_is_kept(
    catalog: Catalog, home: Path, resume: bool
) -> None:
    """Someone typing as the program opens: what reaches the dialog goes into the answer, after
    what was typed before it, whichever way the question is answered."""
    from designcoach.tui.dialogs import ConfirmDialog

    save_draft(home)
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press(*"typing early")
        await answer_dialog(pilot, yes=resume)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        expected = "four five" + "typing early" if resume else "typing early"
        await wait_until(pilot, lambda: screen.editor.text == expected)
