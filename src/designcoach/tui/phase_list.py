"""The session screen's phase list, drawn at whatever width the brief gives it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widget import Widget

from designcoach.tui.session_text import phases_text

if TYPE_CHECKING:
    from designcoach.history.session import PracticeSession


class PhaseList(Widget):
    """The phases with their budgets and the time used so far.

    Drawn from the session when shown, at its own width: a Static filled in before the first
    layout knew no width, and had to be filled in again (another layout) once it did.
    """

    def __init__(self, session: PracticeSession, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        # a line per phase under the title: known, so layout need not draw it to measure it
        self.styles.height = len(session.phases) + 1

    def show(self, session: PracticeSession) -> None:
        """Draw the phases of `session` (the same one, or a resumed one) again."""
        self.session = session
        self.styles.height = len(session.phases) + 1
        self.refresh()

    def render(self) -> Text:
        return phases_text(self.session, self.size.width or 38)
