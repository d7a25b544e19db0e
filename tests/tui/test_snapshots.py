"""Snapshots of the main screens (pytest-textual-snapshot); a stopped clock and no cursor blink
keep them stable. Review changes with `pytest tests/tui --snapshot-update` and the diff report."""

from __future__ import annotations

from designcoach.content.catalog import Catalog
from designcoach.tui.app import create_app

SIZE = (120, 40)


def stopped_clock() -> float:
    return 1000.0


def test_session_screen(snap_compare, catalog: Catalog) -> None:
    app = create_app("mini", catalog=catalog, clock=stopped_clock, cursor_blink=False)
    assert snap_compare(app, terminal_size=SIZE)


def test_session_screen_at_the_deep_dive_with_a_hint(snap_compare, catalog: Catalog) -> None:
    app = create_app("mini", catalog=catalog, clock=stopped_clock, cursor_blink=False)
    assert snap_compare(app, terminal_size=SIZE, press=["ctrl+n", "ctrl+n", "ctrl+t"])


def test_picker(snap_compare, catalog: Catalog) -> None:
    app = create_app(catalog=catalog, cursor_blink=False)
    assert snap_compare(app, terminal_size=SIZE)
