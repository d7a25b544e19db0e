"""A practice session's state without any screen: phases, budgets, the clock and the texts.

The TUI drives it; tests can drive it with a fake clock. Time is counted only while the
session runs, so a resumed draft continues from where it stopped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from designcoach.history.drafts import Draft
from designcoach.timefmt import now_iso

if TYPE_CHECKING:
    from designcoach.content.models import Prompt
    from designcoach.grading.report import Report
    from designcoach.history.hints import Hint


@dataclass(frozen=True)
class PhasePlan:
    id: str
    title: str
    goal: str
    budget: float  # seconds


def plan_phases(prompt: Prompt, minutes: float | None) -> list[PhasePlan]:
    """The prompt's phases, their budgets scaled so they add up to `minutes` when given."""
    scale = 1.0 if not minutes else minutes / prompt.minutes
    return [PhasePlan(p.id, p.title, p.goal, p.minutes * 60.0 * scale) for p in prompt.phases]


def compose_answer(plans: list[PhasePlan], texts: dict[str, str]) -> str:
    """The whole answer: each phase that has text, under a `## <Phase title>` heading."""
    parts = []
    for plan in plans:
        text = texts.get(plan.id, "").strip()
        if text:
            parts.append(f"## {plan.title}\n\n{text}\n")
    return "\n".join(parts)


class PracticeSession:
    """Phases with budgets, the current phase, time spent per phase, the texts written."""

    def __init__(
        self,
        prompt: Prompt,
        minutes: float | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.prompt = prompt
        self.clock = clock
        self.minutes = minutes or prompt.minutes
        self.phases = plan_phases(prompt, self.minutes)
        self.budget = sum(p.budget for p in self.phases)
        self.index = 0
        self.texts: dict[str, str] = {p.id: "" for p in self.phases}
        self.spent: dict[str, float] = {p.id: 0.0 for p in self.phases}
        self.hints: list[str] = []  # the rubric items hinted, each once, in the order given
        self.hint_shown: str | None = None  # the item on the hint panel
        self._hints_beyond = False  # this phase's hints are used up and the user was told
        self._hint_asked: float | None = None  # clock reading at the last hint request
        self.time_up_seen = False
        self.started_at = now_iso()
        self._entered: float | None = None  # clock reading when the current phase resumed
        twist_phase = prompt.twist.phase
        ids = [p.id for p in self.phases]
        # a twist for a phase this prompt lacks shows from the last phase on
        self.twist_index = ids.index(twist_phase) if twist_phase in ids else len(ids) - 1
        self.twist_seen = False

    @classmethod
    def from_draft(
        cls, prompt: Prompt, draft: Draft, *, clock: Callable[[], float] = time.monotonic
    ) -> PracticeSession:
        session = cls(prompt, draft.minutes, clock=clock)
        session.started_at = draft.started_at
        for plan in session.phases:
            session.texts[plan.id] = draft.texts.get(plan.id, "")
            session.spent[plan.id] = draft.spent.get(plan.id, 0.0)
        ids = [p.id for p in session.phases]
        session.index = ids.index(draft.current) if draft.current in ids else 0
        # text from a phase the prompt no longer has is kept, in the phase being resumed
        orphans = [
            f"({phase}) {text.strip()}"
            for phase, text in draft.texts.items()
            if phase not in ids and text.strip()
        ]
        if orphans:
            current = session.current.id
            session.texts[current] = "\n\n".join(filter(None, [session.texts[current], *orphans]))
        # once each: drafts written before hints were counted once per item repeat some
        session.hints = list(dict.fromkeys(draft.hints))
        session.time_up_seen = draft.time_up_seen
        session.twist_seen = session.index >= session.twist_index
        return session

    # --- the clock -----------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._entered is not None

    def start(self) -> None:
        if self._entered is None:
            self._entered = self.clock()

    def stop(self) -> None:
        """Stop counting (submitted or closed); spent time stays."""
        if self._entered is not None:
            self.spent[self.current.id] += self.clock() - self._entered
            self._entered = None

    def phase_elapsed(self, index: int | None = None) -> float:
        plan = self.phases[self.index if index is None else index]
        extra = 0.0
        if plan is self.current and self._entered is not None:
            extra = self.clock() - self._entered
        return self.spent[plan.id] + extra

    def elapsed(self) -> float:
        return sum(self.phase_elapsed(i) for i in range(len(self.phases)))

    def remaining(self) -> float:
        """Seconds left in the whole session; negative once over time."""
        return self.budget - self.elapsed()

    def phase_remaining(self) -> float:
        return self.current.budget - self.phase_elapsed()

    def overtime(self) -> float:
        return max(0.0, -self.remaining())

    # --- phases --------------------------------------------------------------------------

    @property
    def current(self) -> PhasePlan:
        return self.phases[self.index]

    def go_to(self, index: int) -> bool:
        """Move to another phase; False when there is none there."""
        if not 0 <= index < len(self.phases) or index == self.index:
            return False
        was_running = self.running
        self.stop()
        self.index = index
        self._hints_beyond = False
        self._hint_asked = None  # a hint asked for right after moving is a new request
        if was_running:
            self.start()
        if self.index >= self.twist_index:
            self.twist_seen = True
        return True

    # --- hints ---------------------------------------------------------------------------

    def hint_wanted(self) -> bool:
        """False for a request within REPEAT_GUARD seconds of the last one in this phase (a
        held, bounced or double-pressed key): it shows nothing new and costs nothing. Every
        request restarts the interval, so a key held down asks once."""
        # hints load on the first ^t, not with the practice screen
        from designcoach.history.hints import REPEAT_GUARD

        now = self.clock()
        last, self._hint_asked = self._hint_asked, now
        return last is None or now - last >= REPEAT_GUARD

    def give_hint(self, report: Report) -> Hint:
        """The next hint for the current phase (see `next_hint`), recorded in `hints` when new."""
        from designcoach.history.hints import next_hint

        hint = next_hint(
            report,
            self.phases,
            self.index,
            self.hints,
            beyond=self._hints_beyond,
            shown=self.hint_shown,
        )
        if hint.kind == "used-up":
            self._hints_beyond = True  # told once: the next request may go to another phase
        if hint.counted and hint.item is not None:
            self.hints.append(hint.item.id)
        self.hint_shown = hint.item.id if hint.item is not None else None
        return hint

    def answer(self) -> str:
        return compose_answer(self.phases, self.texts)

    def words(self) -> int:
        """The words written in every phase: the answer's, less the phase headings it adds."""
        return sum(len(text.split()) for text in self.texts.values())

    def phase_times(self) -> list[dict[str, float | str]]:
        """Time used per phase against its budget, in the shape the history and JSON use."""
        return [
            {
                "phase": p.id,
                "seconds": round(self.phase_elapsed(i), 1),
                "budget_seconds": round(p.budget, 1),
            }
            for i, p in enumerate(self.phases)
        ]

    def to_draft(self) -> Draft:
        return Draft(
            prompt=self.prompt.id,
            minutes=self.minutes,
            started_at=self.started_at,
            current=self.current.id,
            texts=dict(self.texts),
            spent={p.id: round(self.phase_elapsed(i), 2) for i, p in enumerate(self.phases)},
            hints=list(self.hints),
            time_up_seen=self.time_up_seen,
        )
