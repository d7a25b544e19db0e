"""Scores: weights by level, bands with their anchor sentences, categories and follow-ups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from designcoach.content.constants import CATEGORIES


@dataclass(frozen=True)
class Level:
    """How a level weighs categories, and where its bands start."""

    name: str
    cuts: tuple[float, float, float]  # strong hire, hire, lean no hire
    weights: dict[str, float] = field(default_factory=dict)

    def factor(self, category: str) -> float:
        return self.weights.get(category, 1.0)


# A junior is not expected to size the system or go deep; a senior or staff engineer is judged
# above all on numbers, depth, failure handling and trade-offs (GRADING-IDEAS.md, weights by level).
LEVELS: dict[str, Level] = {
    "junior": Level(
        "junior",
        (70.0, 50.0, 35.0),
        {"estimates": 0.5, "deep-dive": 0.75, "trade-offs": 0.75, "reliability": 0.75},
    ),
    "mid": Level("mid", (80.0, 60.0, 40.0)),
    "senior": Level(
        "senior",
        (82.0, 65.0, 45.0),
        {"estimates": 1.25, "deep-dive": 1.25, "reliability": 1.25, "trade-offs": 1.5},
    ),
    "staff": Level(
        "staff",
        (85.0, 70.0, 50.0),
        {
            "requirements": 1.25,
            "estimates": 1.25,
            "deep-dive": 1.5,
            "reliability": 1.5,
            "trade-offs": 2.0,
        },
    ),
}
DEFAULT_LEVEL = "mid"

ANCHORS: dict[str, str] = {
    "strong hire": "Clear, well-reasoned design that covers the system at this scale.",
    "hire": "Workable design with reasons for most choices; some gaps in depth.",
    "lean no hire": "Parts of a design, but shallow reasoning or large gaps for this scale.",
    "no hire": "Not yet a design: key parts are missing or wrong.",
}


def level_for(name: str | None) -> Level:
    """The level called `name` (default: mid); a ValueError names the known ones."""
    key = (name or DEFAULT_LEVEL).strip().lower()
    if key not in LEVELS:
        raise ValueError(f"unknown level {name!r}; use one of {', '.join(LEVELS)}")
    return LEVELS[key]


def band_for(score: float, level: str | None = None) -> tuple[str, str]:
    """The band for a score at a level, and the sentence that describes it."""
    strong, hire, lean = level_for(level).cuts
    if score >= strong:
        band = "strong hire"
    elif score >= hire:
        band = "hire"
    elif score >= lean:
        band = "lean no hire"
    else:
        band = "no hire"
    return band, ANCHORS[band]


@dataclass(frozen=True, slots=True)
class Weighed:
    """What scoring needs of an item's result."""

    category: str
    weight: float
    credit: float


def weighted_score(results: Sequence[Weighed], level: Level) -> float:
    """100 * sum(weight * credit) / sum(weight), with the level's category factors."""
    total = sum(r.weight * level.factor(r.category) for r in results)
    if total <= 0:
        return 0.0
    return 100.0 * sum(r.weight * level.factor(r.category) * r.credit for r in results) / total


def category_scores(results: Sequence[Weighed]) -> dict[str, float]:
    """0-100 per category that has items, in the fixed category order."""
    weight: dict[str, float] = {}
    earned: dict[str, float] = {}
    for r in results:  # (in rubric order within each category, as the sums always ran)
        weight[r.category] = weight.get(r.category, 0) + r.weight
        earned[r.category] = earned.get(r.category, 0) + r.weight * r.credit
    return {
        cat: round(100.0 * earned[cat] / weight[cat], 1) for cat in CATEGORIES if weight.get(cat)
    }


def pick_followups(
    missed: Sequence[tuple[float, float, str]], prompt_followups: Sequence[str], limit: int = 4
) -> list[str]:
    """Questions for the heaviest missed items (credit 0 before half), then the prompt's own.

    `missed` holds (weight, credit, question) in rubric order; ties keep that order.
    """
    ranked = sorted(
        (m for m in enumerate(missed) if m[1][1] < 1.0),
        key=lambda m: (m[1][1], -m[1][0], m[0]),
    )
    out: list[str] = []
    for _, (_, _, question) in ranked[: max(0, limit - 1)]:
        if question not in out:
            out.append(question)
    for question in prompt_followups:
        if len(out) >= limit:
            break
        if question not in out:
            out.append(question)
    return out
