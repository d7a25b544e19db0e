"""The session screen driven by Pilot: typing, phases, hints, the twist, time running out."""

from __future__ import annotations

from pathlib import Path

from textual.color import Color
from textual.widgets import Button, Static, TextArea
from tui_helpers import burst, text_of, wait_until

from designcoach.content.catalog import Catalog
from designcoach.grading.engine import grade_text
from designcoach.tui.app import create_app
from designcoach.tui.dialogs import ConfirmDialog
from designcoach.tui.result import ResultScreen
from designcoach.tui.session import SessionScreen
from designcoach.tui.session_text import reflow, status_text

SIZE = (120, 40)


def session_of(app) -> SessionScreen:
    [screen] = [s for s in app.screen_stack if isinstance(s, SessionScreen)]
    return screen


async def test_typing_goes_to_the_current_phase_and_phases_keep_their_text(
    catalog: Catalog,
) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_of(app)
        await pilot.press(*"About 200 users in one office.")
        await pilot.press("ctrl+n")
        assert screen.session.current.id == "high-level"
        assert screen.editor.text == ""
        assert "High-level design" in text_of(app.screen.query_one("#phase-head", Static))
        await pilot.press(*"Web sockets to each desk.")
        await pilot.press("ctrl+p")
        assert screen.session.current.id == "requirements"
        assert screen.editor.text == "About 200 users in one office."
        assert screen.session.texts["high-level"] == "Web sockets to each desk."
        answer = screen.session.answer()
        assert "## Requirements\n\nAbout 200 users" in answer
        assert "## High-level design\n\nWeb sockets" in answer


async def test_keys_typed_right_after_next_phase_land_in_the_new_phase(catalog: Catalog) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # no pause between the keys: a fast typist or a paste
        await pilot.press("a", "ctrl+n", "ctrl+n", "b")
        screen = session_of(app)
        assert screen.session.texts["requirements"] == "a"
        assert screen.session.current.id == "deep-dive"
        assert screen.editor.text == "b"


class FakeClock:
    """The session's clock, moved by the test: a second press of ^t is then a deliberate one."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_hint_points_at_an_item_the_answer_does_not_cover_yet(catalog: Catalog) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_of(app)
        hint_box = app.screen.query_one("#hint", Static)
        assert not hint_box.display
        await pilot.press("ctrl+n", *"We keep a log of messages.")
        await pilot.press("ctrl+t")
        report = grade_text(screen.session.answer(), screen.prompt, screen.rubric)
        open_hints = {i.id: i.hint for i in report.items if i.credit < 1}
        assert hint_box.display
        assert screen.session.hints == ["push"], "the high-level item, recorded"
        assert open_hints["push"] in text_of(hint_box)
        assert text_of(hint_box).startswith("HINT · High-level design\n")
        assert "1 hint" in text_of(app.screen.query_one("#editor-status", Static))


async def test_a_repeated_hint_key_costs_one_hint(catalog: Catalog) -> None:
    clock = FakeClock()  # still: the presses below all come within the repeat interval
    app = create_app("mini", catalog=catalog, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_of(app)
        # a held key: every press queued before the first is handled
        await burst(pilot, *["ctrl+t"] * 8)
        await wait_until(pilot, lambda: bool(screen.session.hints))
        clock.now += 0.4
        await pilot.press("ctrl+t")  # and a quick press after it
        assert screen.session.hints == ["scope"]
        shown = text_of(app.screen.query_one("#hint", Static))
        assert shown.startswith("HINT · Requirements\n") and "how many people" in shown
        status = text_of(app.screen.query_one("#editor-status", Static))
        assert "1 hint" in status and "hints" not in status


async def test_hints_stay_in_the_phase_until_asked_past_it(catalog: Catalog) -> None:
    clock = FakeClock()
    app = create_app("mini", catalog=catalog, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_of(app)
        hint_box = app.screen.query_one("#hint", Static)
        await pilot.press("ctrl+t")
        assert screen.session.hints == ["scope"]
        clock.now += 3  # read it, then ask again
        await pilot.press("ctrl+t")
        shown = text_of(hint_box)
        assert shown.startswith("HINT · Requirements\n")
        assert "No hints left for Requirements: you have had its hint." in shown
        assert "^t again for one from High-level design (it counts as a hint)." in shown
        assert screen.session.hints == ["scope"], "the note is not a hint"
        clock.now += 0.3
        await pilot.press("ctrl+t")  # bounced: the note stays
        assert "No hints left" in text_of(hint_box)
        clock.now += 3
        await pilot.press("ctrl+t")
        shown = text_of(hint_box)
        assert shown.startswith("HINT · High-level design\n")
        assert "From another phase: you are in Requirements." in shown
        assert "Keep a connection open per online user." in shown
        assert screen.session.current.id == "requirements"
        assert "2 hints" in text_of(app.screen.query_one("#editor-status", Static))


async def test_twist_and_followups_appear_when_the_deep_dive_starts(catalog: Catalog) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        twist = app.screen.query_one("#twist", Static)
        assert not twist.display
        await pilot.press("ctrl+n")
        assert not twist.display
        await pilot.press("ctrl+n")
        assert twist.display
        shown = text_of(twist)
        assert "second site on another continent" in shown
        assert "How would you add read receipts?" in shown
        await pilot.press("ctrl+p")
        assert twist.display  # once revealed it stays


async def test_minutes_scale_every_phase_budget(catalog: Catalog) -> None:
    app = create_app("mini", minutes=10, catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        session = session_of(app).session
        assert round(session.budget) == 600
        assert [round(p.budget) for p in session.phases] == [240, 240, 120]
        assert (
            "10:00" in text_of(app.screen.query_one("#topbar", Static)) or session.remaining() < 600
        )


async def test_typing_through_the_deadline_keeps_every_key_then_submit_records_overtime(
    catalog: Catalog,
) -> None:
    # 0.02 minutes: the whole interview lasts 1.2 s
    app = create_app("mini", minutes=0.02, catalog=catalog, tick=0.2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_of(app)
        typed = ""
        # keys and Enters pressed while time runs out, as a user mid-sentence would
        while not screen.session.time_up_seen or len(typed) < 60:
            line = f"line {len(typed) // 10} words\n"
            await pilot.press(*line[:-1], "enter")
            typed += line
            await pilot.pause(0.05)
        await pilot.press(*"More.")
        await pilot.pause()
        assert app.screen is screen and app.focused is screen.editor, "no dialog took the keys"
        assert screen.editor.text == typed + "More."
        notices = [n for n in app._notifications if n.title == "Time is up"]
        assert len(notices) == 1 and "^s submits" in notices[0].message
        await wait_until(pilot, lambda: "over +" in text_of(screen.query_one("#topbar", Static)))
        await pilot.press("ctrl+s")  # time is up: no question
        await wait_until(pilot, lambda: isinstance(app.screen, ResultScreen))
        result = app.screen
        assert isinstance(result, ResultScreen)
        assert result.overtime > 0
        assert "overtime" in text_of(result.query_one("#headline", Static))
    from designcoach import paths
    from designcoach.history.store import HistoryStore

    [record] = HistoryStore(paths.history_db()).sessions()
    assert record.overtime_seconds > 0
    assert record.seconds > record.budget_seconds
    assert (typed + "More.").strip() in record.answer


async def test_nothing_written_cannot_be_submitted(catalog: Catalog) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


async def test_submit_asks_first_and_keep_writing_returns_to_the_editor(catalog: Catalog) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_of(app)
        await pilot.press(*"Some text.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        keys = text_of(app.screen.query_one("#dialog-keys", Static))
        assert "Enter to pick" in keys and keys.endswith("Esc: Keep writing")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert app.focused is screen.editor
        await pilot.press(*" More")
        assert screen.editor.text == "Some text. More"


async def test_the_highlighted_dialog_button_is_the_one_enter_picks(catalog: Catalog) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Some text.", "ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        yes, no = dialog.query_one("#yes", Button), dialog.query_one("#no", Button)

        accent = Color.parse(app.theme_variables["accent"])

        def highlighted() -> list[str]:
            # what the eye goes by: the one button in the accent colour, in bold
            return [
                b.id or ""
                for b in (yes, no)
                if b.styles.background == accent and b.styles.text_style.bold
            ]

        assert yes.variant == no.variant == "default"  # no button coloured as the main one
        assert app.focused is no and highlighted() == ["no"]
        await pilot.press("left")
        await pilot.pause()
        assert app.focused is yes and highlighted() == ["yes"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)


def test_practice_screen_files_sit_beside_their_css() -> None:
    folder = Path(__file__).resolve().parents[2] / "src" / "designcoach" / "tui"
    for module in ("session", "result", "picker", "history_screen", "dialogs"):
        assert (folder / f"{module}.tcss").is_file(), module
    editor_type = TextArea  # the answer editor is Textual's TextArea, plain with soft wrap
    assert editor_type.__name__ == "TextArea"


def test_reflow_joins_hard_wrapped_prose_but_keeps_list_items() -> None:
    text = (
        "We want to build\na chat app.\n\nIt needs:\n- receipts that\n  travel back\n- presence\n"
    )
    assert reflow(text) == (
        "We want to build a chat app.\n\nIt needs:\n- receipts that travel back\n- presence"
    )


def test_status_line_counts_one_word_in_the_singular() -> None:
    assert status_text(1, 0, None, False, False).plain == "1 word"
    assert status_text(2, 1, None, True, True).plain == "2 words · 1 hint · unsaved changes"


async def test_typing_with_the_focus_elsewhere_goes_into_the_answer(catalog: Catalog) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_of(app)
        await pilot.press(*"Web")
        app.screen.set_focus(None)  # as before the editor had it, or after Esc moved it away
        await pilot.pause()
        assert app.focused is None
        await pilot.press(*" sockets", "enter", *"push")
        await pilot.pause()
        assert screen.editor.text == "Web sockets\npush"
        assert app.focused is screen.editor
        await pilot.press(*" it")
        assert screen.editor.text == "Web sockets\npush it"
