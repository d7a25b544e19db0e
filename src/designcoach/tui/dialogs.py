"""Yes-or-no dialogs: resume a draft, submit now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from designcoach.timefmt import clock_text, left_text, local_time

if TYPE_CHECKING:
    from designcoach.history.drafts import Draft


class ConfirmDialog(ModalScreen[bool]):
    """Asks one question; dismisses with True (the first button) or False (the second).

    Escape gives `escape_result`, and the button for `default` has focus, so a stray Enter
    while typing picks the safe answer.
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape", "answer_escape", "Close", show=False),
        Binding("left,up", "app.focus_previous", show=False),
        Binding("right,down", "app.focus_next", show=False),
    ]

    def __init__(
        self,
        title: str,
        body: str,
        *,
        yes: str = "Yes",
        no: str = "No",
        default: bool = False,
        escape_result: bool = False,
        keep_typing: bool = False,
        name: str | None = None,
    ) -> None:
        super().__init__(name=name)
        # With keep_typing, what is typed while the question is up (Enter aside) is kept in
        # `typed`, for the screen below to put in the answer: someone typing as it opened
        # loses nothing.
        self.keep_typing = keep_typing
        self.typed: list[events.Key] = []
        self.title_text = title
        self.body = body
        self.yes_label = yes
        self.no_label = no
        self.default = default
        self.escape_result = escape_result

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.title_text, id="dialog-title", markup=False)
            yield Static(self.body, id="dialog-body", markup=False)
            with Horizontal(id="dialog-buttons"):
                # No button is coloured as the main one: the highlight is the focus alone, so the
                # button that looks chosen is the one Enter picks (a blue "Submit" beside a
                # focused "Keep writing" read as if Enter would submit).
                yield Button(self.yes_label, id="yes")
                yield Button(self.no_label, id="no")
            yield Static(self.keys_text(), id="dialog-keys", markup=False)

    def keys_text(self) -> str:
        """How to answer: the focus starts on the safe button, so Enter alone may not submit."""
        escape = self.yes_label if self.escape_result else self.no_label
        return f"← → to choose, Enter to pick, Esc: {escape}"

    def on_mount(self) -> None:
        self.query_one("#yes" if self.default else "#no", Button).focus()

    def on_key(self, event: events.Key) -> None:
        if self.keep_typing and event.is_printable:
            event.stop()
            event.prevent_default()
            self.typed.append(events.Key(event.key, event.character))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer_escape(self) -> None:
        self.dismiss(self.escape_result)


def resume_dialog(title: str, draft: Draft, phase: str, budget_note: str = "") -> ConfirmDialog:
    """Resume a saved draft (of the prompt `title`, left in `phase`) or start over."""
    saved = local_time(draft.saved_at) if draft.saved_at else "earlier"
    used = clock_text(draft.seconds)
    budget = clock_text(draft.minutes * 60)
    return ConfirmDialog(
        f"Resume your draft of {title}?",
        f"Saved {saved}: {draft.words} words, in {phase}, {used} used of {budget}. "
        f"{budget_note + ' ' if budget_note else ''}"
        "Starting over keeps the old draft in the drafts folder.",
        yes="Resume",
        no="Start over",
        default=True,
        escape_result=True,
        keep_typing=True,
    )


def submit_dialog(remaining: float) -> ConfirmDialog:
    """Submit with `remaining` seconds of the session left, or keep writing."""
    return ConfirmDialog(
        "Submit and grade now?",
        f"{left_text(remaining)} of the session is left. The answer cannot be edited after.",
        yes="Submit",
        no="Keep writing",
    )
