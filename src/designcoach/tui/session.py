"""The interview screen: the brief and phases on the left, the answer editor, the clocks on top.

Typing costs one flag and one clock reading per keystroke; everything else (word counts, the
draft snapshot, the countdown) happens on a half-second tick, and drafts are written by a
background thread. What each part shows is built in session_text; when to save, in autosave.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static, TextArea
from textual.widgets.text_area import Selection

from designcoach.history.drafts import Draft, DraftStore, DraftWriter
from designcoach.history.session import PracticeSession
from designcoach.timefmt import clock_text, local_time
from designcoach.tui import session_text as show
from designcoach.tui.autosave import SaveClock
from designcoach.tui.brief import BRIEF_COLUMNS, Brief, brief_columns
from designcoach.tui.editor import AnswerEditor, Placeholder
from designcoach.tui.keybar import KeyBar
from designcoach.tui.phase_list import PhaseList
from designcoach.tui.resume import offer_resume, saved_draft

if TYPE_CHECKING:
    from textual.geometry import Size

    from designcoach.content.models import Prompt, Rubric
    from designcoach.tui.app import CoachApp


class SessionScreen(Screen[None]):
    """One timed interview on one prompt."""

    CSS_PATH = "session.tcss"
    AUTO_FOCUS = "#editor"  # keys typed while the screen is still starting go into the answer
    BINDINGS = [
        Binding("ctrl+n", "next_phase", "Next phase", priority=True),
        Binding("ctrl+p", "previous_phase", "Prev phase", priority=True),
        Binding("ctrl+t", "hint", "Hint", priority=True),
        Binding("ctrl+s", "submit", "Submit", priority=True),
        Binding("ctrl+q", "app.quit", "Save & quit", priority=True),  # after the keys before it
        # the brief can be long; the editor keeps the focus, so scroll it from here
        Binding("ctrl+down,alt+down", "scroll_brief(4)", "Scroll brief", priority=True),
        Binding("ctrl+up,alt+up", "scroll_brief(-4)", "Scroll brief", show=False, priority=True),
    ]

    def __init__(
        self,
        prompt: Prompt,
        rubric: Rubric,
        drafts: DraftStore,
        *,
        minutes: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        tick: float = 0.5,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.prompt = prompt
        self.rubric = rubric
        self.drafts = drafts
        self.clock = clock
        self.tick = tick
        self.cursor_blink = cursor_blink
        self.session = PracticeSession(prompt, minutes, clock=clock)
        self.minutes = minutes  # as asked for (--minutes), or None for the prompt's own
        self.writer = DraftWriter(drafts, on_error=self._save_failed)
        self.started = False
        self.finished = False
        self.draft_saved = False  # written on the way out
        self._timer: Timer | None = None
        self.saves = SaveClock()
        self._save_error: str | None = None
        self._top_shown = ""
        self._error_shown: str | None = None
        self._words = 0
        self._twist_shown = False
        self._cursors: dict[str, Selection] = {}
        self._stray_keys: list[events.Key] = []  # typed while the editor did not have them
        self._columns = f"{BRIEF_COLUMNS} 1fr"  # the grid's columns, as session.tcss sets them

    @property
    def coach(self) -> CoachApp:
        return cast("CoachApp", self.app)

    # --- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # A grid on the screen itself, so the editor is a direct child of the screen: each
        # keystroke's messages bubble through no more widgets than in a bare TextArea app.
        yield Static(id="topbar", markup=False)
        statement = show.statement_text(self.prompt)
        self.brief = Brief(len(self.session.phases), statement.plain, id="brief")
        self._fit(self.app.size)  # the first layout at the terminal's size, not the CSS's
        with self.brief:
            yield PhaseList(self.session, id="phases")
            yield Static(id="hint", markup=False)
            yield Static(id="twist", markup=False)
            yield Static(statement, id="statement", markup=False)
        yield Static(id="phase-head", markup=False)
        yield self._make_editor()
        yield Static(id="editor-status", markup=False)
        yield KeyBar(short=show.SHORT_KEYS)

    def _make_editor(self) -> TextArea:
        # One editor for every phase: switching loads the phase's text into it, so keys typed
        # right after ^n can only land in the phase now shown.
        editor = AnswerEditor(soft_wrap=True, tab_behavior="indent", id="editor")
        editor.cursor_blink = self.cursor_blink
        self._label_editor(editor)
        self.editor = editor  # kept: its text stays readable even after the screen is gone
        return editor

    def _label_editor(self, editor: TextArea) -> None:
        # the goal is in full on the line above: not said again here
        editor.placeholder = Placeholder(
            f"Write your {self.session.current.title.lower()} here (Markdown welcome). ^n: next phase."
        )

    def on_mount(self) -> None:
        draft = saved_draft(self)
        if draft is None:
            self._start()
            return
        self._paint_all()
        offer_resume(self, draft, self._resume)

    def _resume(self, draft: Draft, resume: bool, budget_note: str) -> None:
        if resume:
            self.session = PracticeSession.from_draft(self.prompt, draft, clock=self.clock)
            self._load_phase()
            self._snapshot()  # counts the draft's words for the status line
            if budget_note:
                self.notify(budget_note, title="Draft resumed", timeout=10)
        else:
            self.drafts.set_aside(self.prompt.id)
        self._start()

    def _start(self) -> None:
        self.coach.sessions.append(self)
        self.session.start()
        self.started = True
        self._timer = self.set_interval(self.tick, self._tick)
        self._paint_all()
        self._editor().focus()
        self._type_stray_keys()

    # --- keys that missed the editor ---------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        """Typing that reached the screen itself: the editor never had it. That happens to keys
        typed while the program starts (before the editor has the focus; the terminal keeps
        them), before the resume question shows, or after Esc moved the focus away. They go
        into the answer, in the order typed: once the session has started, at once."""
        if self.finished or not (event.is_printable or event.key == "enter"):
            return  # the editor stops every printable key and Enter it takes
        event.stop()
        event.prevent_default()
        self._stray_keys.append(events.Key(event.key, event.character))
        if self.started:
            self._type_stray_keys()

    def keep_keys(self, keys: list[events.Key]) -> None:
        """Keys typed into a dialog over the screen: into the answer once the session runs."""
        self._stray_keys.extend(keys)

    def _type_stray_keys(self) -> None:
        if not self._stray_keys:
            return
        editor = self._editor()
        editor.focus()
        for key in self._stray_keys:
            editor.post_message(key)  # queued: behind them, any key typed since they came
        self._stray_keys.clear()

    # --- painting --------------------------------------------------------------------------

    def _paint_all(self) -> None:
        self._paint_clocks()
        self._paint_phases()
        self._paint_head()
        self._paint_twist()
        self._paint_status()

    def _paint_clocks(self) -> None:
        """The top line; redrawn only when what it shows changes (once a second)."""
        bar = self.query_one("#topbar", Static)
        top = show.topbar_text(self.prompt.title, self.session, bar.size.width)
        if top.plain != self._top_shown:
            self._top_shown = top.plain
            bar.update(top, layout=False)

    def _paint_phases(self) -> None:
        """The phase list; drawn when the phase changes (and by itself when its width does)."""
        self.query_one("#phases", PhaseList).show(self.session)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size)

    def _fit(self, size: Size) -> None:
        brief = brief_columns(size.width)
        columns = f"{brief} 1fr"
        # set only when it changes: even the stylesheet's own value would cost another layout
        if columns != self._columns:
            self._columns = columns
            self.styles.grid_columns = columns
        self.brief.fit(size, brief)

    def _paint_head(self) -> None:
        # with layout: a longer goal may wrap onto more lines
        self.query_one("#phase-head", Static).update(show.head_text(self.session))

    def _paint_twist(self) -> None:
        twist = self.query_one("#twist", Static)
        if not self.session.twist_seen:
            twist.display = False
            return
        twist.update(show.twist_text(self.prompt))
        twist.display = True
        if not self._twist_shown:
            self._twist_shown = True
            if self.started:
                self.notify("The interviewer adds a twist (left panel).", title="Twist")
            self.call_after_refresh(twist.scroll_visible)

    def _paint_status(self) -> None:
        status = show.status_text(
            self._words,
            len(self.session.hints),
            self._save_error,
            self.saves.dirty,
            self.saves.saved_once,
        )
        self.query_one("#editor-status", Static).update(status, layout=False)
        self._error_shown = self._save_error

    # --- typing, the tick and autosave ---------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # the hot path: keep it to a flag and a clock reading (load_text sends no Changed)
        if self.saves.edited() and self.saves.saved_once:
            self._paint_status()  # once per save cycle, not per keystroke

    def _tick(self) -> None:
        if self.finished:
            return
        if self.saves.due(any(self.session.texts.values())):
            self._autosave()
        if not self.is_current:
            return  # under a dialog: repainting would redraw the whole screen for nothing
        self._paint_clocks()
        if self._save_error != self._error_shown:
            self._paint_status()
        if not self.session.time_up_seen and self.session.remaining() <= 0:
            self._time_up()

    def _editor(self) -> TextArea:
        return self.editor

    def _snapshot(self) -> None:
        """Copy the editor's text into the session's current phase."""
        self.session.texts[self.session.current.id] = self._editor().text
        self._words = self.session.words()

    def _autosave(self) -> None:
        self._snapshot()
        self.saves.saved()
        self.writer.submit(self.session.to_draft())
        self._paint_status()

    def _save_failed(self, exc: BaseException) -> None:
        # runs on the writer thread: only leave a note; the tick paints it
        self._save_error = str(exc) or type(exc).__name__

    def save_draft_now(self) -> bool:
        """Write the draft and wait for it (quit, signal and crash paths); True if one was written.

        Nothing to do before the session started or once it was submitted.
        """
        if not self.started or self.finished:
            return False
        self.finished = True  # once: later calls (unmount after quit) find nothing to do
        self._snapshot()
        if not any(t.strip() for t in self.session.texts.values()):
            self.writer.close()
            return False
        self.writer.submit(self.session.to_draft())
        self.draft_saved = self.writer.close() and self._save_error is None
        return self.draft_saved

    def on_screen_resume(self) -> None:
        if self.started:
            self._paint_all()

    def on_unmount(self) -> None:
        self.save_draft_now()

    def action_scroll_brief(self, lines: int) -> None:
        self.brief.scroll_relative(y=lines, animate=False)

    # --- phases --------------------------------------------------------------------------

    # ^n, ^p, ^t and ^s read the editor's text: each waits for the keys typed before it
    def action_next_phase(self) -> None:
        self.editor.after_typed(lambda: self._go_to(self.session.index + 1))

    def action_previous_phase(self) -> None:
        self.editor.after_typed(lambda: self._go_to(self.session.index - 1))

    def _go_to(self, index: int) -> None:
        if self.finished:
            return  # submitted by a key typed before this one
        self._snapshot()
        editor = self._editor()
        self._cursors[self.session.current.id] = editor.selection
        if not self.session.go_to(index):
            self.app.bell()
            return
        self._load_phase()
        if self.started:
            self._autosave()

    def _load_phase(self) -> None:
        """Show the current phase's text in the editor, with its cursor where it was left."""
        editor = self._editor()
        editor.load_text(self.session.texts[self.session.current.id])
        selection = self._cursors.get(self.session.current.id)
        if selection is not None:
            editor.selection = selection
        else:
            editor.move_cursor(editor.document.end)
        self._label_editor(editor)
        editor.focus()
        self._paint_all()

    # --- hint, submit, time up -------------------------------------------------------------------

    def action_hint(self) -> None:
        self.editor.after_typed(self._hint)

    def _hint(self) -> None:
        from designcoach.grading.engine import grade_text

        if self.finished or not self.session.hint_wanted():
            return  # a repeat of the request just answered: the panel already shows it
        self._snapshot()
        report = grade_text(self.session.answer(), self.prompt, self.rubric, transcript=False)
        hint = self.query_one("#hint", Static)
        hint.update(show.hint_text(self.session.give_hint(report)))
        hint.display = True
        self.call_after_refresh(hint.scroll_visible)
        # saved at once, not at the next autosave: a hint taken counts even if the program
        # is killed a moment later
        self._autosave()

    def action_submit(self) -> None:
        self.editor.after_typed(self._ask_submit)

    def _ask_submit(self) -> None:
        if self.finished:
            return
        self._snapshot()
        if not self.session.answer().strip():
            self.notify("Nothing to grade yet: write your answer first.", severity="warning")
            return
        remaining = self.session.remaining()
        if remaining <= 0:
            self._submit()
            return
        from designcoach.tui.dialogs import submit_dialog  # not needed for the first frame

        self.app.push_screen(submit_dialog(remaining), self._after_confirm)

    def _after_confirm(self, ok: bool | None) -> None:
        if ok:
            self._submit()
        else:
            self._editor().focus()

    def _time_up(self) -> None:
        # A notice, not a dialog: keys typed as time runs out stay in the answer (a dialog took
        # them for its buttons, and an Enter mid-sentence closed it, the words before it gone).
        self.session.time_up_seen = True
        self._autosave()
        self.app.bell()
        self.notify(
            f"The interview's {clock_text(self.session.budget)} have run out. ^s submits now; "
            "or keep writing: the overtime is recorded and shown with the result.",
            title="Time is up",
            severity="warning",
            timeout=20,
        )

    def _submit(self) -> None:
        from designcoach.history.finish import finish_session
        from designcoach.tui.result import ResultScreen

        self._snapshot()
        self.finished = True
        self.coach.sessions.remove(self)
        if self._timer is not None:
            self._timer.stop()
        done = finish_session(
            self.session, self.rubric, self.coach.history, self.drafts, self.writer
        )
        self.drafts.release(self.prompt.id)  # another designcoach may open it now
        # the session's notices (a twist, a time warning) say nothing about the result
        self.app.clear_notifications()
        if done.error:
            self.notify(
                f"{done.error}. Your draft is kept.",
                title="Not saved",
                severity="error",
                timeout=15,
            )
        self.app.switch_screen(
            ResultScreen(
                self.prompt,
                done.report,
                phases=done.record.phases,
                overtime=done.record.overtime_seconds,
                answer=done.record.answer,
                when=local_time(done.record.ended_at),
                hints=done.record.hints,
            )
        )
