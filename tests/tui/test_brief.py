"""The brief's scrollbar, decided before the first layout only when the brief cannot fit."""

from __future__ import annotations

import pytest
from textual.content import Content

from designcoach.content.catalog import Catalog
from designcoach.tui.app import create_app
from designcoach.tui.brief import Brief
from designcoach.tui.session_text import rows_at_least, statement_text


@pytest.mark.parametrize("width", [20, 28, 40, 41])
def test_rows_at_least_is_never_more_than_the_statement_wraps_into(width: int) -> None:
    catalog = Catalog()
    for prompt_id in catalog.ids("prompts"):
        text = statement_text(catalog.prompt(prompt_id))
        wrapped = len(Content.from_rich_text(text).wrap(width))
        assert 0 < rows_at_least(text.plain, width) <= wrapped, prompt_id


@pytest.mark.parametrize(
    ("prompt_id", "size", "overflow", "scrollbar"),
    [
        ("whatsapp", (120, 40), "scroll", True),  # sure not to fit: shown from the start
        ("whatsapp", (120, 200), "auto", False),
        ("mini", (120, 40), "auto", False),
    ],
)
async def test_the_scrollbar_is_shown_from_the_start_only_when_the_brief_cannot_fit(
    prompt_id: str, size: tuple[int, int], overflow: str, scrollbar: bool, catalog: Catalog
) -> None:
    # whatsapp is bundled, mini is one of the tests' own prompts
    app = create_app(prompt_id, catalog=None if prompt_id == "whatsapp" else catalog)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        brief = app.screen.query_one("#brief", Brief)
        assert brief.styles.overflow_y == overflow
        assert brief.show_vertical_scrollbar is scrollbar
