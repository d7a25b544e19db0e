"""Past sessions, newest first; Enter opens one's report."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from designcoach.timefmt import local_time

if TYPE_CHECKING:
    from designcoach.history.store import SessionRecord
    from designcoach.tui.app import CoachApp


class HistoryScreen(Screen[None]):
    """The sessions in the history file."""

    CSS_PATH = "history_screen.tcss"
    BINDINGS = [
        Binding("enter", "open", "Open report", show=True),
        Binding("escape,b", "app.pop_screen", "Back"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.records: dict[str, SessionRecord] = {}

    @property
    def coach(self) -> CoachApp:
        return cast("CoachApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="summary", markup=False)
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        from designcoach.history.store import HistoryError

        table = self.query_one("#sessions", DataTable)
        table.add_columns("#", "Finished", "Prompt", "Score", "Band", "Time", "Over", "Hints")
        try:
            records = self.coach.history.sessions()
        except HistoryError as exc:
            records = []
            self.notify(str(exc), severity="error")
        for r in records:
            key = str(r.id)
            self.records[key] = r
            table.add_row(*r.cells(), key=key)
        summary = self.query_one("#summary", Static)
        if records:
            summary.update(
                f"{len(records)} session{'' if len(records) == 1 else 's'}. "
                "Enter opens a report; Escape goes back."
            )
        else:
            summary.update("No sessions yet: submit an interview and it shows up here.")
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self._open(event.row_key.value)

    def action_open(self) -> None:
        table = self.query_one("#sessions", DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            if key is not None:
                self._open(key)

    def _open(self, key: str) -> None:
        from designcoach.content.catalog import UnknownId
        from designcoach.content.yamlio import ContentError
        from designcoach.grading.export import report_from_dict
        from designcoach.tui.result import ResultScreen

        record = self.records[key]
        try:
            prompt = self.coach.catalog.prompt(record.prompt)
            report = report_from_dict(record.report)
        except (UnknownId, ContentError, KeyError, ValueError, TypeError) as exc:
            self.notify(f"Cannot show session {key}: {exc}", severity="error")
            return
        self.app.push_screen(
            ResultScreen(
                prompt,
                report,
                phases=record.phases,
                overtime=record.overtime_seconds,
                answer=record.answer,
                when=local_time(record.ended_at),
                hints=record.hints,
            )
        )
