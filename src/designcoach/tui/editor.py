"""The answer editor: Textual's TextArea with a cheaper placeholder and a cursor kept in view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
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
