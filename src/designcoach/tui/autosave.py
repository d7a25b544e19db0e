"""When the session screen saves its draft: after a pause in typing, and never too long after."""

from __future__ import annotations

import time
from collections.abc import Callable

QUIET_SECONDS = 1.0  # save once typing pauses this long...
MAX_UNSAVED_SECONDS = 2.0  # ...or once the oldest unsaved keystroke is this old
IDLE_SAVE_SECONDS = 30.0  # and now and then anyway, so the time spent survives a crash


class SaveClock:
    """Tracks unsaved edits and says when a save is due; the screen asks on every tick."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.dirty = False  # edits not yet handed to the writer
        self.saved_once = False  # drafts are handed to the writer, which saves in ms
        self._dirty_since = 0.0
        self._last_edit = 0.0
        self._last_save = clock()

    def edited(self) -> bool:
        """Note a keystroke; True when it is the first since the last save."""
        # the hot path (once per key): a clock reading and a flag
        self._last_edit = self.clock()
        if self.dirty:
            return False
        self.dirty = True
        self._dirty_since = self._last_edit
        return True

    def due(self, has_text: bool) -> bool:
        """Whether to save now; `has_text`: whether there is anything worth an idle save."""
        now = self.clock()
        if self.dirty:
            return (
                now - self._last_edit >= QUIET_SECONDS
                or now - self._dirty_since >= MAX_UNSAVED_SECONDS
            )
        return has_text and now - self._last_save >= IDLE_SAVE_SECONDS

    def saved(self) -> None:
        """The draft was just handed to the writer."""
        self.dirty = False
        self.saved_once = True
        self._last_save = self.clock()
