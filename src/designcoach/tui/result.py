"""The result of a session: score and band, a bar per category, every item with its evidence."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from designcoach import paths
from designcoach.grading.estimates_wording import mark as estimate_mark
from designcoach.grading.export import (
    CATEGORY_TITLES,
    bar,
    card_ideas,
    clock_text,
    mark,
    report_markdown,
)

if TYPE_CHECKING:
    from designcoach.content.models import Prompt
    from designcoach.grading.report import ItemResult, Report
    from designcoach.tui.app import CoachApp

BAND_STYLES = {
    "strong hire": "bold green",
    "hire": "bold green",
    "lean no hire": "bold yellow",
    "no hire": "bold red",
}
MARK_STYLES = {"explained": "green", "named": "yellow", "missing": "red"}


class ResultScreen(Screen[None]):
    """A graded answer, already in the history; `s` saves it as Markdown, once."""

    CSS_PATH = "result.tcss"
    BINDINGS = [
        Binding("s", "save", "Save report (.md)"),
        Binding("escape,b", "back", "Back"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(
        self,
        prompt: Prompt,
        report: Report,
        *,
        phases: Sequence[Mapping[str, Any]] = (),
        overtime: float = 0.0,
        answer: str = "",
        when: str = "",
        hints: int = 0,
    ) -> None:
        super().__init__()
        self.prompt = prompt
        self.report = report
        self.phases = list(phases)
        self.overtime = overtime
        self.answer = answer
        self.when = when
        self.hints = hints
        self.saved_to: Path | None = None

    @property
    def coach(self) -> CoachApp:
        return cast("CoachApp", self.app)

    def compose(self) -> ComposeResult:
        self.cards = card_ideas(self.coach.catalog, self.report)
        with VerticalScroll(id="result"):
            yield Static(self._headline(), id="headline")
            yield Static(self._categories(), id="categories")
            yield Static(self._items(), id="items")
            yield Static(self._misconceptions(), id="misconceptions")
            if self.report.estimates:
                yield Static(self._estimates(), id="estimates")
            yield Static(self._followups(), id="followups")
            yield Static(self._times(), id="times")
        yield Static("Press s to save this report as Markdown.", id="saved", markup=False)
        yield Footer()

    # --- sections ------------------------------------------------------------------------

    def _headline(self) -> RenderableType:
        r = self.report
        text = Text()
        text.append(f"{self.prompt.title}\n", style="bold")
        text.append(f"{r.score:g} / 100  ", style="bold")
        text.append(r.band.upper(), style=BAND_STYLES.get(r.band, "bold"))
        if r.anchor:
            text.append(f"\n{r.anchor}", style="italic")
        facts = [f"{r.words} words"]
        if self.phases:
            used = sum(float(p["seconds"]) for p in self.phases)
            budget = sum(float(p["budget_seconds"]) for p in self.phases)
            facts.append(f"{clock_text(used)} used of {clock_text(budget)}")
        if self.overtime > 0:
            facts.append(f"{clock_text(self.overtime)} overtime")
        if self.hints:
            facts.append(f"{self.hints} hint{'s' if self.hints != 1 else ''}")
        text.append("\n" + " · ".join(facts), style="dim")
        if r.off_topic:
            why = r.relevance or "does not read as an answer to this prompt"
            text.append(f"\nOff topic: the answer {why}.", style="bold red")
        return text

    def _categories(self) -> RenderableType:
        table = Table.grid(padding=(0, 2))
        table.add_column(min_width=20)
        table.add_column()
        table.add_column(justify="right")
        for cat, value in self.report.categories.items():
            style = "green" if value >= 60 else "yellow" if value >= 40 else "red"
            table.add_row(
                CATEGORY_TITLES.get(cat, cat), Text(bar(value, 24), style=style), f"{value:g}"
            )
        return Group(Text("CATEGORIES", style="bold"), table)

    def _items(self) -> RenderableType:
        parts: list[RenderableType] = [Text("ITEMS", style="bold")]
        order = {cat: n for n, cat in enumerate(CATEGORY_TITLES)}
        items = sorted(self.report.items, key=lambda i: order.get(i.category, len(order)))
        category = None
        for item in items:
            if item.category != category:
                category = item.category
                title = CATEGORY_TITLES.get(category, category)
                parts.append(Text(f"\n{title}", style="bold underline"))
            parts.extend(self._item(item))
        return Group(*parts)

    def _item(self, item: ItemResult) -> list[RenderableType]:
        word, symbol = mark(item.credit)
        head = Text()
        head.append(f"{symbol} {word:<10}", style=MARK_STYLES[word])
        head.append(item.title)
        head.append(f"  (weight {item.weight})", style="dim")
        details = [Text(f"“{quote}”", style="italic") for quote in item.evidence]
        if item.why:
            details.append(Text(item.why, style="dim"))
        if item.credit < 1:
            details.append(_labelled("Hint: ", item.hint))
            details.append(_labelled("Notes: ", item.note))
            if item.card and item.card in self.cards:
                details.append(self._concept(item.card))
        return [head, *(_indented(d) for d in details)]

    def _concept(self, card: str) -> Text:
        text = _labelled("Concept: ", self.cards[card])
        text.append(f"  (designcoach notes {card})", style="dim")
        return text

    def _misconceptions(self) -> RenderableType:
        parts: list[RenderableType] = [Text("MISCONCEPTIONS", style="bold")]
        if not self.report.misconceptions:
            parts.append(Text("None found.", style="dim"))
        for mis in self.report.misconceptions:
            head = Text(f"✘ {mis.title}", style="red")
            head.append(f"  (-{mis.penalty:g} points)", style="dim")
            parts.append(head)
            details = [Text(f"“{quote}”", style="italic") for quote in mis.evidence]
            details.append(_labelled("Correction: ", mis.correction))
            details.append(_labelled("Notes: ", mis.note))
            if mis.card and mis.card in self.cards:
                details.append(self._concept(mis.card))
            parts.extend(_indented(d) for d in details)
        return Group(*parts)

    def _estimates(self) -> RenderableType:
        parts: list[RenderableType] = [Text("ESTIMATES CHECKED", style="bold")]
        for est in self.report.estimates:
            symbol, style = estimate_mark(est)
            head = Text(f"{symbol} ", style=style)
            head.append(est.evidence, style="italic")
            parts.append(head)
            note = est.note or ("" if est.ok else "off by more than 10x")
            if note:
                parts.append(_indented(Text(note, style="dim" if est.ok else "")))
        return Group(*parts)

    def _followups(self) -> RenderableType:
        text = Text()
        text.append("FOLLOW-UP QUESTIONS", style="bold")
        for n, question in enumerate(self.report.followups, 1):
            text.append(f"\n{n}. {question}")
        if not self.report.followups:
            text.append("\nNone: every item is explained.", style="dim")
        return text

    def _times(self) -> RenderableType:
        if not self.phases:
            return Text("")
        titles: dict[str, str] = {p.id: p.title for p in self.prompt.phases}
        table = Table.grid(padding=(0, 2))
        table.add_column(min_width=20)
        table.add_column(justify="right")
        table.add_column(justify="right")
        for row in self.phases:
            used, budget = float(row["seconds"]), float(row["budget_seconds"])
            style = "yellow" if used > budget else ""
            name = titles.get(str(row["phase"]), str(row["phase"]))
            table.add_row(name, Text(clock_text(used), style=style), f"of {clock_text(budget)}")
        return Group(Text("TIME PER PHASE (used of budget)", style="bold"), table)

    # --- actions ----------------------------------------------------------------------------

    def markdown(self) -> str:
        return report_markdown(
            self.report,
            self.prompt,
            phases=self.phases,
            answer=self.answer,
            cards=self.cards,
            when=self.when,
            overtime=self.overtime,
        )

    def action_save(self) -> None:
        if self.saved_to is not None:  # once is enough: `s` is easy to hit while still typing
            self.notify(str(self.saved_to), title="Report already saved")
            return
        folder = paths.data_home() / "reports"
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = folder / f"{self.prompt.id}-{stamp}.md"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target.write_text(self.markdown(), encoding="utf-8")
        except OSError as exc:
            self.notify(f"Could not save the report: {exc}", severity="error")
            return
        self.saved_to = target
        self.query_one("#saved", Static).update(f"Saved to {target}")
        self.notify(str(target), title="Report saved")

    def action_back(self) -> None:
        from designcoach.tui.history_screen import HistoryScreen

        stack = self.app.screen_stack
        if len(stack) > 1 and isinstance(stack[-2], HistoryScreen):
            self.app.pop_screen()  # opened from the history: back to it
        else:
            self.coach.show_prompts()


def _labelled(label: str, value: str) -> Text:
    text = Text(label, style="bold")
    text.append(" ".join(value.split()))
    return text


def _indented(renderable: RenderableType) -> Padding:
    """Evidence and advice under an item, wrapped lines kept under the first."""
    return Padding(renderable, (0, 0, 0, 4))
