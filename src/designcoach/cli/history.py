"""`designcoach history [--json]`: past practice sessions."""

from __future__ import annotations

import json
import sys

from designcoach import paths
from designcoach.errors import UserError


def run_history(as_json: bool) -> None:
    from designcoach.history.store import HistoryError, HistoryStore

    try:
        records = HistoryStore(paths.history_db()).sessions()
    except HistoryError as exc:
        raise UserError(str(exc)) from None
    if as_json:
        print(json.dumps([r.to_dict() for r in records], indent=2, ensure_ascii=False))
        return
    if not records:
        print("No sessions yet. Run 'designcoach practice' to do one.")
        return
    rows = [r.cells() for r in records]
    if not sys.stdout.isatty():
        # Piped: one line per session, never a band split over two lines at 80 columns.
        from designcoach.cli.plain import aligned

        header = ["#", "FINISHED", "PROMPT", "SCORE", "BAND", "TIME USED", "OVER", "HINTS"]
        print(aligned(header, rows, right={0, 3, 5, 6, 7}), end="")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Practice sessions (newest first)", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("finished", no_wrap=True)
    table.add_column("prompt", style="bold")
    table.add_column("score", justify="right")
    table.add_column("band")
    table.add_column("time used", justify="right")
    table.add_column("over", justify="right")
    table.add_column("hints", justify="right")
    for row in rows:
        table.add_row(*row)
    Console().print(table)
