"""The session screen's left panel: the phases, a hint, the twist and the statement, scrolled."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import VerticalScroll

from designcoach.tui.session_text import rows_at_least

if TYPE_CHECKING:
    from textual.css.types import Overflow
    from textual.geometry import Size

BRIEF_COLUMNS = 44  # the brief's width in a wide terminal (as in session.tcss)


def brief_columns(width: int) -> int:
    """The brief's width in a terminal `width` columns wide: 44, or 40% of a narrow one."""
    return min(BRIEF_COLUMNS, max(24, width * 2 // 5))


class Brief(VerticalScroll):
    """The left panel, with its scrollbar shown from the first layout when it cannot fit.

    Left to itself, Textual lays the statement out at full width, finds it too long, and lays
    it out and paints it again a column narrower for the scrollbar, before the first frame.
    """

    def __init__(self, phases: int, statement: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = phases + 2  # the phase list's title and phases, and the margin under it
        self.statement = statement
        self._overflow: Overflow = "auto"  # as in VerticalScroll's CSS

    def fit(self, size: Size, columns: int) -> None:
        """Show the scrollbar if the brief, `columns` wide, is sure to overflow `size`."""
        # The statement's fewest rows at the width inside the border and padding, against the
        # rows left by the top and key bars; when unsure, Textual decides, as for any size.
        rows = self.rows + rows_at_least(self.statement, columns - 3)
        overflow: Overflow = "scroll" if rows > size.height - 2 else "auto"
        if overflow != self._overflow:
            self._overflow = overflow
            self.styles.overflow_y = overflow
