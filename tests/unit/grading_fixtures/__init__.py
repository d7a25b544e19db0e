"""A small chat prompt and rubric for the grader's own tests (the bundled content changes)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from designcoach.content.catalog import Catalog
from designcoach.content.models import Prompt, Rubric

ROOT = Path(__file__).parent
STRONG = (ROOT / "answers" / "strong.md").read_text(encoding="utf-8")


@cache
def chat() -> tuple[Prompt, Rubric]:
    catalog = Catalog([ROOT])
    prompt = catalog.prompt("chat")
    return prompt, catalog.rubric_for(prompt)


def item(item_id: str):  # noqa: ANN201 - an Item
    return next(i for i in chat()[1].items if i.id == item_id)


def misconception(mis_id: str):  # noqa: ANN201 - a Misconception
    return next(m for m in chat()[1].misconceptions if m.id == mis_id)
