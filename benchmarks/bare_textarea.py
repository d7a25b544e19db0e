"""The floor for the TUI figures: a bare Textual app with one TextArea.

`python benchmarks/bare_textarea.py [FILE]` shows FILE's text (or a one-line marker) in a
soft-wrapped TextArea, as the session screen's editor does. Ctrl+Q quits.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import TextArea


class Bare(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield TextArea(self.text, soft_wrap=True, id="editor")


if __name__ == "__main__":
    text = Path(sys.argv[1]).read_text(encoding="utf-8") if len(sys.argv) > 1 else "Design WhatsApp"
    Bare(text).run()
