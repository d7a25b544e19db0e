"""Yes-or-no dialogs: time is up, resume a draft, submit now."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


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
        name: str | None = None,
    ) -> None:
        super().__init__(name=name)
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
                yield Button(self.yes_label, id="yes", variant="primary")
                yield Button(self.no_label, id="no")

    def on_mount(self) -> None:
        self.query_one("#yes" if self.default else "#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer_escape(self) -> None:
        self.dismiss(self.escape_result)
