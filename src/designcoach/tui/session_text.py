"""What the session screen shows, as Rich text: pure functions of the prompt and the session."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from rich.text import Text

from designcoach.timefmt import clock_text

if TYPE_CHECKING:
    from designcoach.content.models import Prompt
    from designcoach.grading.report import ItemResult
    from designcoach.history.session import PracticeSession


def statement_text(prompt: Prompt) -> Text:
    """The prompt's statement and its clarifications, for the left panel."""
    text = Text()
    text.append("THE PROMPT\n", style="bold")
    text.append(reflow(prompt.statement) + "\n\n")
    text.append("CLARIFICATIONS", style="bold")
    for c in prompt.clarifications:
        text.append(f"\nQ: {reflow(c.question)}\n", style="italic")
        text.append(f"A: {reflow(c.answer)}\n")
    return text


def topbar_text(title: str, session: PracticeSession) -> Text:
    """The top line: the prompt, the session's countdown and the current phase's."""
    top = Text(no_wrap=True, overflow="ellipsis")
    top.append(f" {title} ", style="bold")
    top.append("  Session ")
    top.append_text(countdown(session.remaining()))
    top.append(f"   {session.current.title} {clock_text(session.phase_elapsed())}")
    top.append(f" of {clock_text(session.current.budget)}, ")
    top.append_text(countdown(session.phase_remaining()))
    return top


def phases_text(session: PracticeSession, width: int) -> Text:
    """The phase list, `width` columns wide: budgets, and the time used in phases left."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append("PHASES", style="bold")
    for i, plan in enumerate(session.phases):
        used, current = session.phase_elapsed(i), i == session.index
        times = (
            clock_text(plan.budget)
            if current or not used
            else (f"{clock_text(used)} / {clock_text(plan.budget)}")
        )
        name = f"{'▶' if current else ' '} {i + 1} {plan.title}"
        line = Text(name[: max(1, width - len(times) - 1)].ljust(width - len(times)) + times)
        if current:
            line.stylize("bold reverse")
        elif used > plan.budget:
            line.stylize("yellow", len(line) - len(times))
        elif not session.texts.get(plan.id):
            line.stylize("dim")
        text.append("\n")
        text.append_text(line)
    return text


def head_text(session: PracticeSession) -> Text:
    """The line above the editor: which phase, its budget and its goal."""
    plan = session.current
    head = Text(no_wrap=True, overflow="ellipsis")
    head.append(f"{session.index + 1}/{len(session.phases)} {plan.title}", "bold")
    head.append(f" · {clock_text(plan.budget)} · {plan.goal}")
    return head


def twist_text(prompt: Prompt) -> Text:
    """The interviewer's twist and follow-up questions."""
    text = Text()
    text.append("TWIST\n", style="bold magenta")
    text.append(prompt.twist.text.strip() + "\n\n")
    text.append("FOLLOW-UPS\n", style="bold")
    text.append("\n".join(f"• {q.strip()}" for q in prompt.followups))
    return text


def hint_text(item: ItemResult | None, where: str = "") -> Text:
    """A hint on a rubric item not yet covered (`where`: its category), or the all-done note."""
    text = Text()
    if item is None:
        text.append("HINT\n", style="bold green")
        text.append("Every rubric item is explained. Sharpen numbers and trade-offs.")
        return text
    text.append(f"HINT ({where})\n", style="bold green")
    text.append(item.hint.strip() + "\n")
    text.append("^t again for another", style="dim")
    return text


def status_text(
    words: int, hints: int, save_error: str | None, dirty: bool, saved_once: bool
) -> Text:
    """The line under the editor: words, hints taken and where the draft stands."""
    status = Text(no_wrap=True, overflow="ellipsis")
    status.append(f"{words} words")
    if hints:
        status.append(f" · {hints} hint{'' if hints == 1 else 's'}")
    if save_error:
        status.append(f" · draft NOT saved: {save_error}", style="bold red")
    elif dirty:
        status.append(" · unsaved changes")
    elif saved_once:
        status.append(" · draft saved")
    return status


def countdown(seconds: float) -> Text:
    """Time left, counting down to 0:00 (rounded up), then the overtime in colour."""
    if seconds > 0:
        return Text(f"{clock_text(math.ceil(seconds))} left")
    return Text(f"over +{clock_text(-seconds)}", style="bold red")


def reflow(text: str) -> str:
    """Join the hard-wrapped lines of YAML prose into paragraphs; list items keep their lines."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines: list[str] = []
        for line in block.splitlines():
            line = line.strip()
            if lines and not re.match(r"([-*•]|\d+[.)])\s", line):
                lines[-1] += " " + line
            else:
                lines.append(line)
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)
