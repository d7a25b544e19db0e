"""The picker: prompts with difficulty, minutes and best score; filters; starting a session."""

from __future__ import annotations

from textual.widgets import DataTable, Select, Static
from tui_helpers import notices, text_of

from designcoach.content.catalog import Catalog
from designcoach.timefmt import minutes_text
from designcoach.tui.app import create_app
from designcoach.tui.picker import PickerScreen
from designcoach.tui.session import SessionScreen

SIZE = (120, 40)


def rows(app) -> list[str]:
    table = app.screen.query_one("#prompts", DataTable)
    return [str(key.value) for key in table.rows]


async def test_picker_lists_every_prompt_with_difficulty_and_minutes(catalog: Catalog) -> None:
    app = create_app(catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert rows(app) == ["mini", "solo"]
        table = app.screen.query_one("#prompts", DataTable)
        assert [str(cell) for cell in table.get_row("mini")[:4]] == [
            "Design a Mini Chat",
            "easy",
            "5",
            "-",
        ]
        assert str(table.get_row("solo")[1]) == "hard"
        details = text_of(app.screen.query_one("#details", Static))
        assert "A tiny chat service, for tests." in details
        assert "Requirements 2 → High-level design 2 → Deep dives 1" in details


async def test_filters_by_difficulty_and_by_tag(catalog: Catalog) -> None:
    app = create_app(catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#difficulty", Select).value = "hard"
        await pilot.pause()
        assert rows(app) == ["solo"]
        app.screen.query_one("#difficulty", Select).clear()
        app.screen.query_one("#tag", Select).value = "chat"
        await pilot.pause()
        assert rows(app) == ["mini"]


async def test_enter_starts_the_highlighted_prompt(catalog: Catalog) -> None:
    app = create_app(catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.prompt.id == "solo"
        # the twist of a prompt whose twist phase is its last phase shows there
        await pilot.press("ctrl+n")
        assert app.screen.query_one("#twist").display


async def test_minutes_apply_to_every_prompt_and_the_picker_shows_them(catalog: Catalog) -> None:
    app = create_app(minutes=2, catalog=catalog)  # practice --minutes 2
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#prompts", DataTable)
        assert [str(table.get_row(key)[2]) for key in ("mini", "solo")] == ["2", "2"]
        intro = text_of(app.screen.query_one("#intro", Static))
        assert "--minutes 2: every interview in this run lasts 2 minutes" in intro
        details = text_of(app.screen.query_one("#details", Static))
        assert "Design a Mini Chat  (easy, 2 minutes, 5 as written)" in details
        assert "Requirements 0:48 → High-level design 0:48 → Deep dives 0:24" in details
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.prompt.id == "solo"
        assert round(app.screen.session.budget) == 120


def _held_elsewhere(prompt_id: str) -> None:
    from designcoach import paths

    (paths.drafts_dir() / f"{prompt_id}.lock").write_text("1")  # pid 1 lives as long as we do


async def test_a_prompt_open_in_another_designcoach_is_not_opened_twice(catalog: Catalog) -> None:
    _held_elsewhere("mini")
    app = create_app(catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # mini, the first row
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen), "its draft is another process's to write"
        [notice] = notices(app)
        assert notice.startswith("Cannot open this prompt: Design a Mini Chat is open in another")
        assert "(process 1)" in notice
        await pilot.press("down", "enter")  # solo is free
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and app.screen.prompt.id == "solo"


def test_practice_of_a_prompt_open_elsewhere_fails_before_the_screen_changes(
    catalog: Catalog,
) -> None:
    import pytest

    from designcoach.errors import UserError

    _held_elsewhere("mini")
    with pytest.raises(UserError, match=r"^Design a Mini Chat is open in another designcoach"):
        create_app("mini", catalog=catalog)
    assert create_app("solo", catalog=catalog).start_prompt is not None


async def test_the_details_say_when_a_draft_is_saved(catalog: Catalog) -> None:
    from designcoach import paths
    from designcoach.history.drafts import Draft, DraftStore

    DraftStore(paths.drafts_dir()).save(
        Draft(
            prompt="solo",
            minutes=10.0,
            started_at="2026-12-01T09:00:00+00:00",
            current="requirements",
            texts={"requirements": "one two three four"},
            spent={"requirements": 75.0},
        )
    )
    app = create_app(catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        details = text_of(app.screen.query_one("#details", Static))
        assert "Not submitted yet." in details and "draft" not in details  # mini has none
        await pilot.press("down")  # solo
        await pilot.pause()
        details = text_of(app.screen.query_one("#details", Static))
        assert "A draft is saved: 4 words, 1:15 used. Enter offers to resume it." in details


async def test_one_minute_is_said_in_the_singular(catalog: Catalog) -> None:
    app = create_app(minutes=1, catalog=catalog)  # practice --minutes 1
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        intro = text_of(app.screen.query_one("#intro", Static))
        assert intro.endswith("--minutes 1: every interview in this run lasts 1 minute.")
        details = text_of(app.screen.query_one("#details", Static))
        assert "Design a Mini Chat  (easy, 1 minute, 5 as written)" in details


def test_minutes_text() -> None:
    assert [minutes_text(m) for m in (1, 1.0, 0.5, 1.5, 2, 45)] == [
        "1 minute",
        "1 minute",
        "0.5 minutes",
        "1.5 minutes",
        "2 minutes",
        "45 minutes",
    ]
