"""Submitting an answer: the result screen, the Markdown report, the history."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static
from tui_helpers import answer_dialog, notices, text_of, wait_until

from designcoach import paths
from designcoach.content.catalog import Catalog
from designcoach.history.store import HistoryStore
from designcoach.tui.app import create_app
from designcoach.tui.history_screen import HistoryScreen
from designcoach.tui.picker import PickerScreen
from designcoach.tui.result import ResultScreen

SIZE = (120, 40)
ANSWER = "We push messages over web sockets because polling wastes battery."


async def submit(pilot, app) -> ResultScreen:
    await pilot.press("ctrl+s")
    await answer_dialog(pilot, yes=True)
    await wait_until(pilot, lambda: isinstance(app.screen, ResultScreen))
    return app.screen


async def test_result_shows_score_items_evidence_hints_and_cards(catalog: Catalog) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.editor.insert(ANSWER)  # typing speed is not what this test is about
        result = await submit(pilot, app)
        report = result.report
        headline = text_of(result.query_one("#headline", Static))
        assert f"{report.score:g} / 100" in headline
        assert report.band.upper() in headline
        assert report.anchor in headline
        categories = text_of(result.query_one("#categories", Static))
        assert "High-level design" in categories and "Deep dive / scale" in categories
        items = text_of(result.query_one("#items", Static))
        rubric = catalog.rubric("mini")
        for item in rubric.items:
            assert item.title in items
        assert ANSWER in items  # the evidence, verbatim
        assert "✔ explained" in items and "✘ missing" in items
        # missing items come with their hint, the notes' point and the card's idea if it exists
        offline = next(i for i in rubric.items if i.id == "offline")
        assert offline.hint in items and offline.notes in items
        assert catalog.card("message-delivery").summary in items
        assert "designcoach notes message-delivery" in items
        # the card of `scope` does not exist in the test catalog: no concept line, no error
        assert "designcoach notes interview-approach" not in items
        followups = text_of(result.query_one("#followups", Static))
        assert report.followups and all(q in followups for q in report.followups)
        times = text_of(result.query_one("#times", Static))
        assert "Requirements" in times and "of 2:00" in times


async def test_misconception_is_shown_with_its_correction(catalog: Catalog) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.editor.insert("Users poll the server for new chat messages every second.")
        result = await submit(pilot, app)
        shown = text_of(result.query_one("#misconceptions", Static))
        assert "Clients poll for new messages" in shown
        assert "Push over a persistent connection." in shown


async def test_save_writes_the_markdown_report_and_says_where(catalog: Catalog, home: Path) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.editor.insert(ANSWER)
        result = await submit(pilot, app)
        await pilot.press("s")
        assert result.saved_to is not None
        assert result.saved_to.parent == home / "reports"
        markdown = result.saved_to.read_text(encoding="utf-8")
        assert markdown.startswith("# Design a Mini Chat: ")
        assert f"> {ANSWER}" in markdown
        assert "## Time per phase" in markdown and "## Your answer" in markdown
        assert str(result.saved_to) in text_of(result.query_one("#saved", Static))


async def test_submitted_session_is_in_the_history_and_its_draft_is_gone(
    catalog: Catalog, home: Path
) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Web sockets", "ctrl+n")  # a phase change writes the draft
        await wait_until(pilot, lambda: (home / "drafts" / "mini.json").exists())
        await submit(pilot, app)
        assert not (home / "drafts" / "mini.json").exists()
    [record] = HistoryStore(paths.history_db()).sessions()
    assert record.prompt == "mini"
    assert record.answer.startswith("## Requirements\n\nWeb sockets")
    assert [p["phase"] for p in record.phases] == ["requirements", "high-level", "deep-dive"]
    assert record.report["score"] == record.score
    assert record.started_at <= record.ended_at


async def test_from_result_back_to_picker_then_history_and_an_old_report(catalog: Catalog) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.editor.insert(ANSWER)
        result = await submit(pilot, app)
        score = result.report.score
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, PickerScreen))
        table = app.screen.query_one("#prompts", DataTable)
        assert str(table.get_row("mini")[3]) == f"{score:g}"  # best score so far
        assert str(table.get_row("solo")[3]) == "-"
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        sessions = app.screen.query_one("#sessions", DataTable)
        assert sessions.row_count == 1
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ResultScreen))
        assert app.screen.report.score == score
        assert ANSWER in app.screen.answer
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, PickerScreen))


async def test_saving_twice_writes_once_and_says_where_it_is(catalog: Catalog, home: Path) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.editor.insert(ANSWER)
        result = await submit(pilot, app)
        await pilot.press("s")
        assert result.saved_to is not None
        written = result.saved_to.stat().st_mtime_ns
        await pilot.press("s", "s", "s")  # words typed after an accidental submit
        assert list((home / "reports").iterdir()) == [result.saved_to]
        assert result.saved_to.stat().st_mtime_ns == written  # not written again
        shown = notices(app)
        assert sum(n.startswith("Report saved") for n in shown) == 1, shown
        assert sum(n == f"Report already saved: {result.saved_to}" for n in shown) == 3


async def test_q_on_the_result_quits_with_the_session_in_the_history(
    catalog: Catalog, home: Path
) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Web sockets", "ctrl+n")  # a draft on disk
        await wait_until(pilot, lambda: (home / "drafts" / "mini.json").exists())
        await submit(pilot, app)
        await pilot.press("q")
        await wait_until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 0
    [record] = HistoryStore(paths.history_db()).sessions()
    assert record.answer.startswith("## Requirements\n\nWeb sockets")
    assert record.report["score"] == record.score  # the report can be opened again from there
    assert not (home / "drafts" / "mini.json").exists()  # no stale draft offered next time


async def test_the_sessions_notices_do_not_follow_onto_the_result(catalog: Catalog) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n", "ctrl+n")  # the deep dive: the twist is announced
        await pilot.pause()
        assert any(n.startswith("Twist:") for n in notices(app))
        app.screen.editor.insert(ANSWER)
        await submit(pilot, app)
        await pilot.pause()
        assert not any(n.startswith("Twist:") for n in notices(app))
