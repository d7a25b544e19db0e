"""The session screen's key bar: the Footer's keys in one widget, clickable like the Footer's."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

from designcoach.content.catalog import Catalog
from designcoach.tui.app import create_app
from designcoach.tui.keybar import KeyBar
from designcoach.tui.session import SessionScreen

SIZE = (120, 40)


def session_of(app) -> SessionScreen:
    [screen] = [s for s in app.screen_stack if isinstance(s, SessionScreen)]
    return screen


async def test_the_bar_shows_each_actions_first_shown_key(catalog: Catalog) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        shown = [(k.display, k.description) for k in bar._read_keys()]
        assert shown == [
            ("^n", "Next phase"),
            ("^p", "Prev phase"),
            ("^t", "Hint"),
            ("^s", "Submit"),
            ("^q", "Save & quit"),
            ("^↓", "Scroll brief"),
        ]


async def test_hovering_shows_a_key_and_clicking_presses_it(catalog: Catalog) -> None:
    app = create_app("mini", catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_of(app)
        assert screen.session.index == 0
        bar = app.screen.query_one(KeyBar)
        await pilot.hover(KeyBar, offset=(20, 0))
        assert bar._hover == 1  # drawn on the hover background, as the Footer's keys are
        await pilot.click(KeyBar, offset=(2, 0))  # on " ^n Next phase "
        await pilot.pause()
        assert screen.session.index == 1
        await pilot.click(KeyBar, offset=(16, 0))  # on " ^p Prev phase "
        await pilot.pause()
        assert screen.session.index == 0


class Toggled(Screen[None]):
    """A screen whose one key is enabled, or shown disabled (check_action gives None), at will."""

    BINDINGS = [Binding("ctrl+g", "go", "Go")]

    def __init__(self) -> None:
        super().__init__()
        self.enabled = True
        self.went = 0

    def compose(self):  # noqa: ANN201
        yield KeyBar()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "go" and not self.enabled else True

    def action_go(self) -> None:
        self.went += 1


async def test_the_bar_follows_the_bindings_and_a_disabled_key_only_rings(
    catalog: Catalog,
) -> None:
    app = create_app(catalog=catalog)
    async with app.run_test(size=SIZE) as pilot:
        screen = Toggled()
        await app.push_screen(screen)
        await pilot.pause()
        bar = screen.query_one(KeyBar)
        assert [k.enabled for k in bar._keys or []] == [True]
        screen.enabled = False
        screen.refresh_bindings()
        await pilot.pause()
        assert [k.enabled for k in bar._keys or []] == [False]
        await pilot.click(KeyBar, offset=(1, 0))
        await pilot.pause()
        assert screen.went == 0
        screen.enabled = True
        screen.refresh_bindings()
        await pilot.pause()
        await pilot.click(KeyBar, offset=(1, 0))
        await pilot.pause()
        assert screen.went == 1
