"""The Rich report for one answer and the summary table for a folder.

Rich styles only a terminal; piped or redirected output is plain text without escape codes.
Everything the user wrote goes in as `Text`, never as markup, so brackets in an answer are safe.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from designcoach.grading.batch import Graded
from designcoach.grading.report import ItemResult, Report

if TYPE_CHECKING:
    from designcoach.content.models import Prompt

CardIdea = Callable[[str], "str | None"]
BAND_STYLE = {
    "strong hire": "bold green",
    "hire": "green",
    "lean no hire": "yellow",
    "no hire": "red",
}
MARKS = {1.0: ("✔", "green"), 0.5: ("◐", "yellow"), 0.0: ("✘", "red")}
BAR = 24


def bar(value: float, width: int = BAR) -> Text:
    """A 0-100 value as a bar of full and empty blocks, with the figure."""
    full = round(max(0.0, min(100.0, value)) / 100 * width)
    style = "green" if value >= 70 else "yellow" if value >= 40 else "red"
    return Text.assemble(("█" * full, style), ("░" * (width - full), "dim"), f" {value:5.1f}")


def _quote(text: str) -> Text:
    return Text(f"“{' '.join(text.split())}”", style="italic")


def _section(title: str) -> Text:
    return Text(f"\n{title}", style="bold underline")


def _item(item: ItemResult, card_idea: CardIdea | None) -> RenderableType:
    mark, style = MARKS.get(item.credit, MARKS[0.0])
    head = Text.assemble(
        (f"{mark} ", style),
        (item.title, "bold" if item.credit < 1 else ""),
        (f"  [{item.category}, weight {item.weight}]", "dim"),
    )
    lines: list[RenderableType] = [head]
    body: list[RenderableType] = []
    if item.evidence:
        body.extend(_quote(e) for e in item.evidence)
    if item.why and (item.credit < 1 or item.evidence):
        body.append(Text(item.why, style="dim"))
    if item.credit < 1:
        body.append(Text.assemble(("Hint: ", "bold"), item.hint))
        body.append(Text.assemble(("Notes: ", "bold"), item.note))
        idea = card_idea(item.card) if card_idea and item.card else None
        if idea:
            body.append(Text.assemble((f"Card {item.card}: ", "bold"), idea))
    if body:
        lines.append(Padding(Group(*body), (0, 0, 0, 4), expand=False))
    return Group(*lines)


def report_view(report: Report, prompt: Prompt, card_idea: CardIdea | None = None) -> Group:
    """Everything about one graded answer, top to bottom."""
    parts: list[RenderableType] = []
    parts.append(
        Text.assemble(
            (f"{prompt.title}: ", "bold"),
            (f"{report.score:.1f}/100 ", "bold"),
            (report.band, BAND_STYLE.get(report.band, "")),
            (f"   level {report.level}, {report.words} words", "dim"),
        )
    )
    parts.append(Text(report.anchor, style="italic"))
    if report.off_topic:
        parts.append(Text(f"Off topic: {report.relevance}.", style="bold red"))

    parts.append(_section("Categories"))
    cats = Table.grid(padding=(0, 2))
    cats.add_column()
    cats.add_column()
    for name, value in report.categories.items():
        cats.add_row(name, bar(value))
    parts.append(cats)

    done = [i for i in report.items if i.credit > 0]
    missing = [i for i in report.items if i.credit == 0]
    parts.append(_section(f"What you covered ({len(done)} of {len(report.items)})"))
    parts.extend(_item(i, card_idea) for i in sorted(done, key=lambda i: (-i.credit, -i.weight)))
    if missing:
        parts.append(_section("Missing"))
        parts.extend(_item(i, card_idea) for i in sorted(missing, key=lambda i: -i.weight))

    if report.misconceptions:
        parts.append(_section("Misconceptions"))
        for m in report.misconceptions:
            parts.append(
                Text.assemble(("! ", "bold red"), (m.title, "bold"), f"  (-{m.penalty:g})")
            )
            body = [Text("You said:", style="bold"), *(_quote(e) for e in m.evidence)]
            body.append(Text.assemble(("Correction: ", "bold"), m.correction))
            body.append(Text.assemble(("Notes: ", "bold"), m.note))
            parts.append(Padding(Group(*body), (0, 0, 0, 4), expand=False))

    if report.estimates:
        parts.append(_section("Estimates"))
        for e in report.estimates:
            mark, style = ("✔", "green") if e.ok else ("✘", "bold red")
            parts.append(Text.assemble((f"{mark} ", style), (e.evidence, "italic"), f"  {e.note}"))

    if report.transcript is not None:
        t = report.transcript
        parts.append(_section("Transcript"))
        parts.append(
            Text(
                f"{t.turns} turns; the candidate said {t.candidate_words} words, "
                f"the interviewer {t.interviewer_words}. Only the candidate's words are graded."
            )
        )
        if t.phases:
            table = Table(box=None, padding=(0, 2), show_edge=False)
            table.add_column("phase")
            table.add_column("spent", justify="right")
            table.add_column("budget", justify="right")
            table.add_column("")
            for p in t.phases:
                over = p.seconds - p.budget_seconds
                note = f"{over // 60:.0f} min over" if over >= 60 else ""
                table.add_row(p.title or p.phase, _mmss(p.seconds), _mmss(p.budget_seconds), note)
            parts.append(table)

    if report.followups:
        parts.append(_section("What an interviewer would ask next"))
        parts.extend(Text(f"{n}. {q}") for n, q in enumerate(report.followups, 1))
    return Group(*parts)


def _mmss(seconds: float) -> str:
    s = int(round(seconds))
    return f"{s // 60}:{s % 60:02d}"


def summary_table(results: list[Graded], base: str | None = None) -> Table:
    """One row per file, best first; files that could not be graded say why.

    `base`: the folder graded; file names are shown relative to it.
    """
    import os.path

    table = Table(title="Grades", title_justify="left")
    table.add_column("#", justify="right", style="dim")
    table.add_column("file", overflow="fold")
    table.add_column("score", justify="right")
    table.add_column("band")
    table.add_column("words", justify="right")
    table.add_column("misc.", justify="right")
    table.add_column("est. off", justify="right")

    def name(g: Graded) -> str:
        return os.path.relpath(g.file, base) if base else g.file

    for n, g in enumerate(results, 1):
        r = g.report
        if r is None:
            table.add_row(str(n), Text(name(g)), "-", Text(g.error, style="red"), "", "", "")
            continue
        table.add_row(
            str(n),
            Text(name(g)),
            f"{r.score:.1f}",
            Text(
                r.band + (" (off-topic)" if r.off_topic else ""), style=BAND_STYLE.get(r.band, "")
            ),
            str(r.words),
            str(len(r.misconceptions)),
            str(sum(not e.ok for e in r.estimates)),
        )
    return table


def console(stderr: bool = False) -> Console:
    """A console that styles only a real terminal."""
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def emit(renderable: RenderableType) -> None:
    """Print to stdout: styled on a terminal, else plain text without trailing blanks."""
    out = console()
    if out.is_terminal:
        out.print(renderable)
        return
    with out.capture() as captured:
        out.print(renderable)
    text = "\n".join(line.rstrip() for line in captured.get().splitlines())
    sys.stdout.write(text + "\n")
