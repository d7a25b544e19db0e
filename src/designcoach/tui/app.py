"""The practice app: one factory, `create_app`, used by the CLI and by every test."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from designcoach import paths
from designcoach.history.drafts import DraftStore

if TYPE_CHECKING:
    from designcoach.content.catalog import Catalog
    from designcoach.content.models import Prompt, Rubric
    from designcoach.history.store import HistoryStore
    from designcoach.tui.session import SessionScreen


class CoachApp(App[None]):
    """Picker, session, result and history screens over one catalog, draft folder and history."""

    TITLE = "designcoach"
    ENABLE_COMMAND_PALETTE = False  # frees ctrl+p for "previous phase"
    # Ctrl+C quits, as in any terminal program (Textual's default only says to press ctrl+q);
    # quitting saves every draft first.
    BINDINGS = [Binding("ctrl+c", "quit", "Quit", show=False, priority=True)]
    # The session screen's own CSS_PATH, read with the app's styles at start-up: Textual loads
    # no stylesheet for the default screen (which the session is, below), and a screen pushed
    # with one not yet loaded makes it re-parse every style (~10 ms before the first frame).
    CSS_PATH = ["session.tcss"]

    def __init__(
        self,
        catalog: Catalog,
        *,
        prompt: tuple[Prompt, Rubric] | None = None,
        minutes: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        tick: float = 0.5,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.start_prompt = prompt
        self.minutes = minutes
        self.clock = clock
        self.tick = tick
        self.cursor_blink = cursor_blink
        self.drafts = DraftStore(paths.drafts_dir())
        self._history: HistoryStore | None = None
        self.sessions: list[SessionScreen] = []  # started and not submitted

    @property
    def history(self) -> HistoryStore:
        # sqlite3 is imported when first needed, not at start-up
        if self._history is None:
            from designcoach.history.store import HistoryStore

            self._history = HistoryStore(paths.history_db())
        return self._history

    def get_default_screen(self) -> Screen:
        # A session is the first screen itself, not one pushed over Textual's blank default:
        # a screen below is a "background" one, and its own layouts repainted the whole session
        # screen once more before the first frame settled.
        if self.start_prompt is None:
            return super().get_default_screen()
        screen = self._session_screen(*self.start_prompt)
        # switch_screen (to the result) pops the callback push_screen would have left
        screen._push_result_callback(self, None)
        return screen

    def on_mount(self) -> None:
        if not self.is_headless:
            self._handle_signals()
        self.call_after_refresh(self._started)
        if self.start_prompt is None:
            from designcoach.tui.picker import PickerScreen

            # pushed, not the default screen: a pushed screen gets its CSS_PATH loaded
            self.push_screen(PickerScreen())

    def _started(self) -> None:
        """The first frame is up: the cyclic garbage collector, off since `build_app`, runs
        again. What start-up made (modules, Textual's classes, the content, the screen) lives
        as long as the app: frozen, no full collection walks it again (one did, for 12 ms in
        the middle of drawing the first frame, before start-up ran without the collector)."""
        if not gc.isenabled():  # left alone where it was never turned off (the tests)
            gc.freeze()
            gc.enable()

    def open_session(self, prompt_id: str) -> None:
        """Start (or resume) a session on a prompt chosen in the picker."""
        from designcoach.content.catalog import UnknownId
        from designcoach.content.yamlio import ContentError
        from designcoach.history.drafts import DraftInUse

        try:
            prompt = self.catalog.prompt(prompt_id)
            rubric = self.catalog.rubric_for(prompt)
            self.drafts.claim(prompt.id, prompt.title)
        except (UnknownId, ContentError, DraftInUse) as exc:
            self.notify(str(exc), title="Cannot open this prompt", severity="error")
            return
        self.push_screen(self._session_screen(prompt, rubric))

    def _session_screen(self, prompt: Prompt, rubric: Rubric) -> Screen:
        from designcoach.tui.session import SessionScreen

        return SessionScreen(
            prompt,
            rubric,
            self.drafts,
            minutes=self.minutes,
            clock=self.clock,
            tick=self.tick,
            cursor_blink=self.cursor_blink,
        )

    def show_prompts(self) -> None:
        """Back to the picker: pop to it when it is below, else put one in place."""
        from designcoach.tui.picker import PickerScreen

        for index, screen in enumerate(self.screen_stack):
            if isinstance(screen, PickerScreen) and screen is not self.screen:
                while len(self.screen_stack) > index + 1:
                    self.pop_screen()
                return
        self.switch_screen(PickerScreen())

    def save_drafts(self) -> list[str]:
        """Put every open session's draft on disk and wait for it (quit, signal, crash).

        Returns the prompt ids of the drafts written on the way out.
        """
        for screen in self.sessions:
            screen.save_draft_now()
        return [screen.prompt.id for screen in self.sessions if screen.draft_saved]

    def _handle_signals(self) -> None:
        """On SIGTERM or SIGHUP (a closed terminal), save drafts and leave the terminal clean."""
        loop = asyncio.get_running_loop()
        for sig in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)):
            if sig is not None:
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(sig, self._on_signal, int(sig))

    def _on_signal(self, number: int) -> None:
        self.save_drafts()
        self.exit(return_code=128 + number)

    async def action_quit(self) -> None:
        # Behind the keys typed just before ^q or ^c, so the draft holds every one of them.
        from designcoach.tui.editor import after_queued_keys

        after_queued_keys(self.focused, self._save_and_exit)

    def _save_and_exit(self) -> None:
        self.save_drafts()
        self.exit()


def create_app(
    prompt_id: str | None = None,
    minutes: float | None = None,
    *,
    catalog: Catalog | None = None,
    clock: Callable[[], float] = time.monotonic,
    tick: float = 0.5,
    cursor_blink: bool = True,
) -> CoachApp:
    """The app for `designcoach practice [PROMPT_ID] [--minutes N]`.

    The prompt is loaded here, before the terminal is taken over, so an unknown id or a broken
    file fails as a plain error. `clock`, `tick` and `cursor_blink` exist for tests and snapshots.
    """
    if catalog is None:
        from designcoach.content.catalog import Catalog

        catalog = Catalog()
    prompt = None
    if prompt_id is not None:
        loaded = catalog.prompt(prompt_id)
        prompt = (loaded, catalog.rubric_for(loaded))
    app = CoachApp(
        catalog, prompt=prompt, minutes=minutes, clock=clock, tick=tick, cursor_blink=cursor_blink
    )
    if prompt is not None:
        # open in another designcoach: said here, as a plain error, before the screen changes
        app.drafts.claim(prompt[0].id, prompt[0].title)
    return app
