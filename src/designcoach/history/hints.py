"""Which hint a practice session shows next, and the phase each hint belongs to.

Hints come from the current phase first. When it has none left, the next request gets a note
saying so and where the next hint would come from; only a further request shows that hint.
A hint is counted once per rubric item: showing one again is free.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from designcoach.grading.report import ItemResult, Report
    from designcoach.history.session import PhasePlan

# Rubric categories that belong to a phase besides the one of the same name.
PHASE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "high-level": ("high-level", "reliability"),
    "deep-dive": ("deep-dive", "reliability", "trade-offs"),
    "wrap-up": ("trade-offs", "reliability", "deep-dive"),
}

# A request this soon after the one before, in the same phase, is the same request: a held key
# repeats ~30 times a second and a bounced or double-tapped one within a few tenths, while
# reading a hint before asking for the next takes seconds.
REPEAT_GUARD = 1.0  # seconds

HintKind = Literal["hint", "again", "used-up", "done"]


def categories_of(phase: str) -> tuple[str, ...]:
    """The rubric categories a phase covers."""
    return PHASE_CATEGORIES.get(phase, (phase,))


def home_phase(category: str, phases: list[PhasePlan], index: int) -> PhasePlan | None:
    """The phase a category's hints belong to, seen from phase `index`: that phase if it covers
    the category, else the next that does (wrapping round); None when no phase covers it."""
    for offset in range(len(phases)):
        plan = phases[(index + offset) % len(phases)]
        if category in categories_of(plan.id):
            return plan
    return None


@dataclass(frozen=True)
class Hint:
    """What the hint panel shows after a request.

    kind: "hint" a rubric item not hinted before (counted); "again" one hinted before (every
    open item has been, so they come round again, free); "used-up" the current phase has no
    hint left and `next_phase` (or, when no phase covers it, `next_category`) is where the
    next would come from; "done" every item is explained.
    """

    kind: HintKind
    current: PhasePlan
    item: ItemResult | None = None
    phase: PhasePlan | None = None  # the phase `item` belongs to; None: no phase covers it
    next_phase: PhasePlan | None = None
    next_category: str = ""
    given_here: int = 0  # used-up: the current phase's items already hinted and still open
    explained_here: int = 0  # used-up: the current phase's items already explained

    @property
    def counted(self) -> bool:
        return self.kind == "hint"


def next_hint(
    report: Report,
    phases: list[PhasePlan],
    index: int,
    given: list[str],
    *,
    beyond: bool = False,
    shown: str | None = None,
) -> Hint:
    """The hint to show for a request made in phase `index`.

    Args:
        given: the ids of the items hinted so far.
        beyond: the user has seen that this phase's hints are used up and asked again.
        shown: the id of the item on the panel now (where "again" hints go on from).
    """
    current = phases[index]
    order = {item.id: n for n, item in enumerate(report.items)}
    homes = {item.id: home_phase(item.category, phases, index) for item in report.items}
    # the current phase first, then the phases after it, then those before; none last
    rank_of_phase = {phases[(index + k) % len(phases)].id: k for k in range(len(phases))}

    def rank(item: ItemResult) -> tuple[int, float, int, int]:
        home = homes[item.id]
        where = len(phases) if home is None else rank_of_phase[home.id]
        return (where, item.credit, -item.weight, order[item.id])

    open_items = sorted((i for i in report.items if i.credit < 1), key=rank)
    if not open_items:
        return Hint("done", current)
    fresh = [i for i in open_items if i.id not in given]
    if fresh:
        best = fresh[0]
        home = homes[best.id]
        if home is current or beyond:
            return Hint("hint", current, best, home)
        mine = [i for i in report.items if homes[i.id] is current]
        return Hint(
            "used-up",
            current,
            next_phase=home,
            next_category=best.category,
            given_here=sum(1 for i in mine if i.credit < 1 and i.id in given),
            explained_here=sum(1 for i in mine if i.credit >= 1),
        )
    # every open item has had its hint: show them again in turn, this phase's first
    ids = [i.id for i in open_items]
    after = ids.index(shown) + 1 if shown in ids else 0
    item = open_items[after % len(open_items)]
    return Hint("again", current, item, homes[item.id])
