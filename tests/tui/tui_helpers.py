"""Small helpers for driving the app with Pilot."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static

CONTENT = Path(__file__).parent / "content"  # the test catalog: prompts mini and solo


async def wait_until(pilot: Pilot, condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Let the app run until `condition()` holds; fail after `timeout` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("the app never reached the expected state")
        await pilot.pause(0.05)


def text_of(static: Static) -> str:
    """What a Static shows, as plain text."""
    content = static.content
    if isinstance(content, str):
        return content
    out = io.StringIO()
    Console(file=out, width=200, color_system=None).print(content)
    return out.getvalue()


async def answer_dialog(pilot: Pilot, yes: bool) -> None:
    """Wait for the confirm dialog to be up and focused, then press one of its buttons."""
    from textual.widgets import Button

    from designcoach.tui.dialogs import ConfirmDialog

    app = pilot.app

    def ready() -> bool:
        focused = app.focused
        return (
            isinstance(app.screen, ConfirmDialog)
            and focused is not None
            and focused.id in ("yes", "no")
        )

    await wait_until(pilot, ready)
    app.screen.query_one("#yes" if yes else "#no", Button).press()
    await pilot.pause()


async def burst(pilot: Pilot, *keys: str) -> None:
    """Send `keys` to the app all at once, as a fast typist, a macro or a lagging terminal does.

    `pilot.press` waits for the app to go idle after each key, so it never sees keys queued
    behind each other; here every key is in the app's queue before the first is handled.
    """
    from textual import events
    from textual.keys import _character_to_key

    app = pilot.app
    for key in keys:
        char = key if len(key) == 1 else None
        name = _character_to_key(key) if char is not None and not key.isalnum() else key
        event = events.Key(name, char)
        event.set_sender(app)
        app.post_message(event)
    await pilot.pause()


def notices(app: App) -> list[str]:
    """The title and message of every notification the app has shown (and not yet expired)."""
    return [f"{n.title}: {n.message}" for n in app._notifications]


def rendered(app: App, widget: Widget) -> list[str]:
    """The rows of the screen `widget` covers, as plain text: what the terminal shows there."""
    region = widget.region
    rows = [strip.text for strip in app.screen._compositor.render_strips()]
    return [row[region.x : region.right] for row in rows[region.y : region.bottom]]
