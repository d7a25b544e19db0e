"""Pydantic models for every YAML file designcoach reads. Each file carries `format_version`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# Re-exported: they live apart so that grading can read them without importing pydantic.
from designcoach.content.constants import BANDS, CATEGORIES, FORMAT_VERSION, PHASE_IDS  # noqa: F401

Slug = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=64)

Difficulty = Literal["easy", "medium", "hard"]

PhaseId = Literal[
    "requirements", "estimates", "api", "data-model", "high-level", "deep-dive", "wrap-up"
]

Category = Literal[
    "requirements",
    "estimates",
    "api",
    "data-model",
    "high-level",
    "deep-dive",
    "reliability",
    "trade-offs",
]

Band = Literal["strong hire", "hire", "lean no hire", "no hire"]


class Strict(BaseModel):
    """Base for content models: unknown keys are errors, so typos surface."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Clarification(Strict):
    question: str = Field(min_length=1)
    answer: str = Field(min_length=1)


class Phase(Strict):
    id: PhaseId
    title: str = Field(min_length=1)
    minutes: float = Field(gt=0)
    goal: str = Field(min_length=1, description="What the candidate should get done in this phase.")


class Twist(Strict):
    phase: PhaseId = "deep-dive"
    text: str = Field(min_length=1)


class Sample(Strict):
    """A sample answer that ships with a prompt, and the bands it must grade into."""

    file: str = Field(min_length=1, description="Path relative to examples/answers/.")
    expect: list[Band] = Field(min_length=1)


class Prompt(Strict):
    format_version: Literal[1]
    id: str = Slug
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1, description="One line for the picker.")
    difficulty: Difficulty
    tags: list[str] = Field(default_factory=list)
    statement: str = Field(min_length=1)
    clarifications: list[Clarification] = Field(min_length=1)
    phases: list[Phase] = Field(min_length=1)
    followups: list[str] = Field(min_length=3)
    twist: Twist
    rubric: str | None = Field(default=None, description="Rubric id; defaults to the prompt id.")
    samples: list[Sample] = Field(default_factory=list)

    @property
    def minutes(self) -> float:
        return sum(phase.minutes for phase in self.phases)

    @property
    def rubric_id(self) -> str:
        return self.rubric or self.id

    @field_validator("phases")
    @classmethod
    def _phases_in_order(cls, phases: list[Phase]) -> list[Phase]:
        ids = [phase.id for phase in phases]
        if len(set(ids)) != len(ids):
            raise ValueError("a phase appears twice")
        if ids != sorted(ids, key=PHASE_IDS.index):
            raise ValueError(f"phases must follow the interview order {', '.join(PHASE_IDS)}")
        return phases


class Examples(Strict):
    """Sentences that must earn full credit, half credit and nothing: they double as tests."""

    full: list[str] = Field(default_factory=list)
    half: list[str] = Field(default_factory=list)
    none: list[str] = Field(default_factory=list)


class Item(Strict):
    id: str = Slug
    title: str = Field(min_length=1, description="What a strong answer does, as a statement.")
    category: Category
    weight: int = Field(ge=1, le=5)
    detect: list[str] = Field(
        min_length=1, description="Regular expressions (case-insensitive) that name the concept."
    )
    explain: list[str] = Field(
        default_factory=list,
        description="Regular expressions that, near a detection, show the reason or trade-off.",
    )
    hint: str = Field(min_length=1)
    followup: str = Field(min_length=1, description="What an interviewer asks when it is missing.")
    notes: str = Field(min_length=1, description="The point of the study notes it comes from.")
    card: str | None = Field(default=None, description="The concept card that teaches it.")
    examples: Examples = Field(default_factory=Examples)


class MisconceptionExamples(Strict):
    hit: list[str] = Field(default_factory=list)
    miss: list[str] = Field(default_factory=list)


class Misconception(Strict):
    id: str = Slug
    title: str = Field(min_length=1, description="The wrong claim, in a few words.")
    detect: list[str] = Field(min_length=1)
    correction: str = Field(min_length=1)
    note: str = Field(min_length=1, description="What the study notes say.")
    penalty: float = Field(default=5.0, ge=0, le=25, description="Points taken off the score.")
    card: str | None = None
    cancels: list[str] = Field(
        default_factory=list,
        description="Ids of the rubric's items a sentence asserting it earns nothing for: the"
        " item whose name the wrong claim gives another meaning.",
    )
    examples: MisconceptionExamples = Field(default_factory=MisconceptionExamples)


class Rubric(Strict):
    format_version: Literal[1]
    id: str = Slug
    prompt: str = Slug
    topic: list[str] = Field(
        min_length=1,
        description="Patterns that show the answer is about this prompt at all (relevance gate).",
    )
    topic_min: int = Field(default=2, ge=1)
    items: list[Item] = Field(min_length=1)
    misconceptions: list[Misconception] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_ids(self) -> Rubric:
        ids = [item.id for item in self.items] + [m.id for m in self.misconceptions]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"ids repeat: {', '.join(dupes)}")
        items = {item.id for item in self.items}
        for mis in self.misconceptions:
            unknown = [i for i in mis.cancels if i not in items]
            if unknown:
                raise ValueError(
                    f"misconception {mis.id!r} cancels items the rubric lacks: {', '.join(unknown)}"
                )
        return self

    @property
    def total_weight(self) -> int:
        return sum(item.weight for item in self.items)


class Card(Strict):
    """A concept card: the idea, when to use it, its trade-offs and the usual mistakes."""

    format_version: Literal[1]
    id: str = Slug
    title: str = Field(min_length=1)
    summary: str = Field(
        min_length=1, max_length=120, description="One line for `designcoach notes`."
    )
    aliases: list[str] = Field(
        default_factory=list, description="Other names people search for (LRU, 2PC, ...)."
    )
    idea: str = Field(min_length=1, description="What it is and why it works.")
    when: str = Field(min_length=1, description="When to reach for it, and when not to.")
    tradeoffs: list[str] = Field(min_length=1)
    mistakes: list[str] = Field(min_length=1, description="What candidates commonly get wrong.")
    from_notes: list[str] = Field(
        default_factory=list, description="The facts of the study notes it covers, restated."
    )
    notes_wording: str | None = Field(
        default=None,
        description="Where the study notes use a word differently, and what they mean.",
    )
    related: list[str] = Field(default_factory=list, description="Ids of related cards.")


class KataMeta(Strict):
    format_version: Literal[1]
    id: str = Slug
    title: str = Field(min_length=1)
    difficulty: Difficulty
    minutes: int = Field(gt=0)
    module: str = Field(pattern=r"^[a-z_][a-z0-9_]*\.py$", description="The user's solution file.")
    concepts: list[str] = Field(min_length=1)
    notes: str = Field(min_length=1, description="The part of the study notes it drills.")
    hints: list[str] = Field(min_length=1, description="From gentle to explicit.")
    card: str | None = None
    tests: list[Annotated[str, Field(pattern=r"^test_[a-z0-9_]*\.py$")]] = Field(
        min_length=1, description="The bundled test files, run by `kata check`."
    )
    support: list[Annotated[str, Field(pattern=r"^[a-z_][a-z0-9_]*\.py$")]] = Field(
        default_factory=list,
        description="Other modules the tests and solution import (shipped, not edited).",
    )

    @model_validator(mode="after")
    def _distinct_files(self) -> KataMeta:
        names = [self.module, *self.tests, *self.support]
        if len(set(names)) != len(names):
            raise ValueError(f"module, tests and support must be different files: {names}")
        return self
