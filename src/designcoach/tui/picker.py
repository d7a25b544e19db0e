"""The picker: every prompt with its difficulty, length and best score; filters; history."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Select, Static

from designcoach.history.session import plan_phases
from designcoach.timefmt import clock_text, minutes_text

if TYPE_CHECKING:
    from designcoach.content.models import Prompt
    from designcoach.tui.app import CoachApp

DIFFICULTIES = ("easy", "medium", "hard")


class PickerScreen(Screen[None]):
    """Choose a prompt to practise."""

    CSS_PATH = "picker.tcss"
    BINDINGS = [
        Binding("h", "history", "History"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.prompts: list[Prompt] = []
        self.problems: list[str] = []
        self.best: dict[str, float] = {}

    @property
    def coach(self) -> CoachApp:
        return cast("CoachApp", self.app)

    def compose(self) -> ComposeResult:
        self._load()
        tags = sorted({t for p in self.prompts for t in p.tags})
        intro = (
            "Pick an interview to practise: arrows to choose, Enter to start, h for past sessions."
        )
        if self.coach.minutes:  # --minutes scales every session of the run, not just the first
            minutes = self.coach.minutes
            intro += (
                f"\n--minutes {minutes:g}: every interview in this run lasts "
                f"{minutes_text(minutes)}."
            )
        yield Static(intro, id="intro", markup=False)
        with Horizontal(id="filters"):
            yield Select([(t, t) for t in tags], prompt="Any tag", id="tag")
            yield Select([(d, d) for d in DIFFICULTIES], prompt="Any difficulty", id="difficulty")
        yield DataTable(id="prompts", cursor_type="row", zebra_stripes=True)
        yield Static(id="details", markup=False)
        yield Static("\n".join(self.problems), id="problems", markup=False)
        yield Footer()

    def _load(self) -> None:
        from designcoach.content.yamlio import ContentError

        self.prompts, self.problems = [], []
        for prompt_id in self.coach.catalog.ids("prompts"):
            try:
                self.prompts.append(self.coach.catalog.prompt(prompt_id))
            except ContentError as exc:  # one broken file should not hide the rest
                self.problems.append(f"Skipped {prompt_id}: {exc}")

    def on_mount(self) -> None:
        table = self.query_one("#prompts", DataTable)
        table.add_columns("Prompt", "Difficulty", "Minutes", "Best", "Tags", "Id")
        self.query_one("#problems", Static).display = bool(self.problems)
        self._fill()
        table.focus()

    def on_screen_resume(self) -> None:
        self._fill()  # a session may have just set a new best score

    def _best_scores(self) -> dict[str, float]:
        from designcoach.history.store import HistoryError

        try:
            return self.coach.history.best_scores()
        except HistoryError as exc:
            self.notify(str(exc), severity="error")
            return {}

    def _fill(self) -> None:
        self.best = self._best_scores()
        tag = self.query_one("#tag", Select).value
        difficulty = self.query_one("#difficulty", Select).value
        table = self.query_one("#prompts", DataTable)
        table.clear()
        for p in self.prompts:
            if isinstance(tag, str) and tag not in p.tags:
                continue
            if isinstance(difficulty, str) and p.difficulty != difficulty:
                continue
            best = self.best.get(p.id)
            table.add_row(
                p.title,
                p.difficulty,
                f"{self.coach.minutes or p.minutes:g}",
                "-" if best is None else f"{best:g}",
                ", ".join(p.tags),
                p.id,
                key=p.id,
            )

    def on_select_changed(self, event: Select.Changed) -> None:
        self._fill()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        prompt = next((p for p in self.prompts if p.id == event.row_key.value), None)
        details = self.query_one("#details", Static)
        if prompt is None:
            details.update("")
            return
        text = Text()
        text.append(prompt.title, style="bold")
        scaled = self.coach.minutes
        length = minutes_text(prompt.minutes)
        if scaled:
            length = f"{minutes_text(scaled)}, {prompt.minutes:g} as written"
        text.append(f"  ({prompt.difficulty}, {length})\n", style="dim")
        text.append(prompt.summary.strip() + "\n\n")
        if scaled:
            plans = plan_phases(prompt, scaled)
            phases = " → ".join(f"{p.title} {clock_text(p.budget)}" for p in plans)
            text.append(f"Phases (m:ss): {phases}\n", style="dim")
        else:
            phases = " → ".join(f"{p.title} {p.minutes:g}" for p in prompt.phases)
            text.append(f"Phases (minutes): {phases}\n", style="dim")
        best = self.best.get(prompt.id)
        if best is not None:
            text.append(f"Best score so far: {best:g}", style="green")
        else:
            text.append("Not submitted yet.", style="dim")
        draft = self.coach.drafts.peek(prompt.id)
        if draft is not None:
            text.append(
                f"\nA draft is saved: {draft.words} words, {clock_text(draft.seconds)} used. "
                "Enter offers to resume it.",
                style="yellow",
            )
        details.update(text)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.coach.open_session(event.row_key.value)

    def action_history(self) -> None:
        from designcoach.tui.history_screen import HistoryScreen

        self.app.push_screen(HistoryScreen())
