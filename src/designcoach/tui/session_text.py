"""What the session screen shows, as Rich text: pure functions of the prompt and the session."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from rich.text import Text

from designcoach.timefmt import clock_text, left_text

if TYPE_CHECKING:
    from designcoach.content.models import Prompt
    from designcoach.history.hints import Hint
    from designcoach.history.session import PhasePlan, PracticeSession

# The key bar's shorter descriptions, used in this order while the bar is wider than the screen
# (80 columns need only the first).
SHORT_KEYS = {
    "scroll_brief(4)": "Scroll",
    "previous_phase": "Prev",
    "next_phase": "Next",
    "app.quit": "Quit",
}


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


def rows_at_least(text: str, width: int) -> int:
    """The fewest rows `text` can take wrapped at `width` columns, however it breaks its lines:
    a row holds `width` cells and the space it breaks at."""
    lines = text.rstrip("\n").split("\n")
    return sum(max(1, math.ceil(len(" ".join(line.split())) / (width + 1))) for line in lines)


def topbar_text(title: str, session: PracticeSession, width: int = 0) -> Text:
    """The top line: the prompt, the session's countdown and the current phase's.

    When it is wider than `width`, the clocks come first and the title is what gets cut.
    """
    clocks = Text()
    clocks.append(" Session ")
    clocks.append_text(countdown(session.remaining()))
    clocks.append(f"   {session.current.title} {clock_text(session.phase_elapsed())}")
    clocks.append(f" of {clock_text(session.current.budget)}, ")
    clocks.append_text(countdown(session.phase_remaining()))
    top = Text(no_wrap=True, overflow="ellipsis")
    if width and len(title) + 3 + len(clocks) > width:
        top.append_text(clocks)
        top.append(f"   {title}", style="bold")
    else:
        top.append(f" {title} ", style="bold")
        top.append(" ")
        top.append_text(clocks)
    return top


# How a phase already worked on shows its time, widest first; the list takes the first with
# which every name fits, so at 80 columns "5 High-level design" is not cut to make room.
USED_FORMATS = ("{used} / {budget}", "{used}/{budget}", "{budget}")


def phases_text(session: PracticeSession, width: int) -> Text:
    """The phase list, `width` columns wide: budgets, and the time used in phases left."""
    rows = []
    for i, plan in enumerate(session.phases):
        current = i == session.index
        used = 0.0 if current else session.phase_elapsed(i)
        rows.append((plan, f"{'▶' if current else ' '} {i + 1} {plan.title}", used))

    def times(form: str, plan: PhasePlan, used: float) -> str:
        budget = clock_text(plan.budget)
        return form.format(used=clock_text(used), budget=budget) if used else budget

    form = next(
        (
            f
            for f in USED_FORMATS
            if all(len(name) + 1 + len(times(f, plan, used)) <= width for plan, name, used in rows)
        ),
        USED_FORMATS[-1],
    )
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append("PHASES", style="bold")
    for i, (plan, name, used) in enumerate(rows):
        shown = times(form, plan, used)
        room = max(1, width - len(shown) - 1)
        if len(name) > room:
            name = name[: room - 1] + "…"
        line = Text(name.ljust(width - len(shown)) + shown)
        if i == session.index:
            line.stylize("bold reverse")
        elif used > plan.budget:
            line.stylize("yellow", len(line) - len(shown))
        elif not session.texts.get(plan.id):
            line.stylize("dim")
        text.append("\n")
        text.append_text(line)
    return text


def head_text(session: PracticeSession) -> Text:
    """The line above the editor: which phase, its budget and its goal (wrapped when narrow)."""
    plan = session.current
    head = Text()
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


def hint_text(hint: Hint) -> Text:
    """The hint panel: always headed by the phase the hint belongs to."""
    from designcoach.grading.export import CATEGORY_TITLES  # not needed for the first frame

    def where(phase: PhasePlan | None, category: str) -> str:
        title = CATEGORY_TITLES.get(category, category)
        if phase is None:
            return f"{title} (no phase for it)"
        return phase.title if category == phase.id else f"{phase.title} ({title})"

    text = Text()
    if hint.kind == "done":
        text.append("HINT\n", style="bold green")
        text.append("Every rubric item is explained. Sharpen numbers and trade-offs.")
        return text
    current = hint.current.title
    if hint.kind == "used-up":
        text.append(f"HINT · {current}\n", style="bold green")
        text.append(f"No hints left for {current}: {used_up_reason(hint)}.\n")
        text.append(
            f"^t again for one from {where(hint.next_phase, hint.next_category)}"
            " (it counts as a hint)."
        )
        return text
    assert hint.item is not None
    text.append(f"HINT · {where(hint.phase, hint.item.category)}\n", style="bold green")
    if hint.phase is not hint.current:
        text.append(f"From another phase: you are in {current}.\n", style="dim")
    if hint.kind == "again":
        text.append("Every open item has had its hint: seen before, not counted again.\n", "dim")
    text.append(hint.item.hint.strip() + "\n")
    text.append("^t again for another", style="dim")
    return text


def used_up_reason(hint: Hint) -> str:
    """Why the current phase has no hint left, from what its rubric items are."""
    given, explained = hint.given_here, hint.explained_here
    had = "you have had its hint" if given == 1 else f"you have had all {given} of its hints"
    if given and explained:
        return f"{had} and the rest is explained"
    if given:
        return had
    if explained:
        return "everything it covers is explained"
    return "the rubric has nothing for it"


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def status_text(
    words: int, hints: int, save_error: str | None, dirty: bool, saved_once: bool
) -> Text:
    """The line under the editor: words, hints taken and where the draft stands."""
    status = Text(no_wrap=True, overflow="ellipsis")
    status.append(plural(words, "word"))
    if hints:
        status.append(f" · {plural(hints, 'hint')}")
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
        return Text(f"{left_text(seconds)} left")
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
