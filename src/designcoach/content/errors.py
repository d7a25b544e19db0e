"""Errors about content files; apart from `yamlio` so that reporting one needs no YAML import."""

from __future__ import annotations

from pathlib import Path


class ContentError(Exception):
    """A content file that cannot be used, with the path and line to fix."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {message}")


class ContentWarning(ContentError):
    """Content that works but is incomplete (no card, no examples): fails only a strict check."""
