"""The shipped WhatsApp prompt end to end, as a user runs it (assertions read the content,
so they hold whatever the content engineers write)."""

from __future__ import annotations

from textual.widgets import Static
from tui_helpers import answer_dialog, text_of, wait_until

from designcoach.content.catalog import Catalog
from designcoach.tui.app import create_app
from designcoach.tui.result import ResultScreen
from designcoach.tui.session import SessionScreen


async def test_whatsapp_session_from_typing_to_the_report() -> None:
    catalog = Catalog()
    prompt = catalog.prompt("whatsapp")
    rubric = catalog.rubric_for(prompt)
    app = create_app("whatsapp")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        brief = text_of(screen.query_one("#statement", Static))
        assert " ".join(prompt.clarifications[0].question.split()) in brief
        scroller = screen.query_one("#brief")
        if scroller.max_scroll_y > 0:  # a long brief scrolls while the editor keeps the keys
            await pilot.press("ctrl+down")
            assert scroller.scroll_y > 0
            assert app.focused is screen.editor
        await pilot.press(*"Users chat one to one and in groups.", "ctrl+n")
        assert screen.session.current.id == prompt.phases[1].id
        await pilot.press("ctrl+t")
        shown = text_of(screen.query_one("#hint", Static))
        assert (
            any(item.hint.strip()[:30] in shown for item in rubric.items) or "Every rubric" in shown
        )
        screen.editor.insert("We keep a web socket open per user because polling wastes battery.")
        await pilot.press("ctrl+s")
        await answer_dialog(pilot, yes=True)
        await wait_until(pilot, lambda: isinstance(app.screen, ResultScreen))
        result = app.screen
        assert prompt.title in text_of(result.query_one("#headline", Static))
        items = text_of(result.query_one("#items", Static))
        assert all(item.title in items for item in rubric.items)
