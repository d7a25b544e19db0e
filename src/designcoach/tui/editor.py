"""The answer editor: Textual's TextArea with a cheaper placeholder, a cursor kept in view, and
a way to act on its text only once the keys already typed into it are in."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widget import Widget
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult

if TYPE_CHECKING:
    from textual.css.types import TextAlign, TextOverflow


class Placeholder(Content):
    """Plain text that wraps once per width. TextArea wraps (and, for a str, parses as markup)
    its placeholder again for every row it draws: on an empty editor that was a third of the
    time to the first frame of the session screen."""

    __slots__ = ("_wrapped",)

    def wrap(
        self, width: int, *, align: TextAlign = "left", overflow: TextOverflow = "fold"
    ) -> list[Content]:
        key = (width, align, overflow)
        cache: dict[tuple[int, str, str], list[Content]] = getattr(self, "_wrapped", None) or {}
        if key not in cache:
            cache[key] = super().wrap(width, align=align, overflow=overflow)
            self._wrapped = cache
        return list(cache[key])


class AnswerEditor(TextArea):
    """Textual's TextArea, plain with soft wrap; it also keeps the cursor in view when typing
    wraps onto a new last line (TextArea scrolls before it grows, so the new line stayed hidden)."""

    def edit(self, edit: Edit) -> EditResult:
        result = super().edit(edit)
        self.scroll_cursor_visible()
        return result

    def load_text(self, text: str) -> None:
        # Without the Changed echo: a phase's text shown again is not an edit.
        with self.prevent(TextArea.Changed):
            super().load_text(text)

    def after_typed(self, callback: Callable[[], object]) -> None:
        """Run `callback` once every key already sent to the editor is in its text."""
        after_queued_keys(self, callback)


def after_queued_keys(widget: Widget | None, callback: Callable[[], object]) -> None:
    """Run `callback` behind the keys already waiting in `widget`'s queue (at once without one)."""
    # Priority keys (^n, ^s, ^q) are handled by the app as soon as it reads them, while the keys
    # typed just before may still wait in the focused widget's queue (a burst: fast typing, a
    # busy app, a macro). Queued behind those keys, the callback runs in the order typed.
    if widget is None or not widget.call_later(callback):
        callback()  # no widget, or it is closing: no key can be waiting in it
