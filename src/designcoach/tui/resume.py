"""A saved draft when the session screen opens: a damaged one is said where it was kept, a good
one is offered to resume, keeping its own budget (said, when --minutes asked for another)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from designcoach.history.drafts import Draft
    from designcoach.tui.session import SessionScreen


def budget_notes(draft_minutes: float, asked: float | None) -> tuple[str, str]:
    """What the resume dialog, then a notification once resumed, say when the draft's budget is
    not the `--minutes` asked for; empty when it is."""
    # Resuming keeps the draft's budget: the time already used was measured against it.
    if asked is None or math.isclose(draft_minutes, asked):
        return "", ""
    return (
        f"Resume keeps its {draft_minutes:g}-minute budget; Start over uses {asked:g} minutes.",
        f"Resumed with the draft's {draft_minutes:g}-minute budget; "
        f"quit (^q) and Start over to use {asked:g} minutes.",
    )


def saved_draft(screen: SessionScreen) -> Draft | None:
    """The prompt's draft worth resuming, or None; a damaged one was set aside: say where."""
    draft = screen.drafts.load(screen.prompt.id)
    damaged = screen.drafts.damaged.pop(screen.prompt.id, None)
    if damaged is not None:
        screen.notify(
            f"It could not be read, so this is a new session. It is kept as {damaged}",
            title="Saved draft damaged",
            severity="warning",
            timeout=20,
        )
    return draft if draft is not None and draft.words else None


def offer_resume(
    screen: SessionScreen, draft: Draft, answer: Callable[[Draft, bool, str], None]
) -> None:
    """Ask whether to resume `draft`; `answer` gets it, the choice and what to say if resumed."""
    from designcoach.tui.dialogs import resume_dialog  # not needed for the first frame

    phases = screen.session.phases
    phase = next((p.title for p in phases if p.id == draft.current), draft.current)
    ask, resumed = budget_notes(draft.minutes, screen.minutes)
    dialog = resume_dialog(screen.prompt.title, draft, phase, ask)

    def answered(resume: bool | None) -> None:
        screen.keep_keys(dialog.typed)  # typed while it asked: they go into the answer too
        answer(draft, bool(resume), resumed)

    screen.app.push_screen(dialog, answered)
