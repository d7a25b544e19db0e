"""Checks for the health-check, order-pipeline, quorum-store, web-front and URL-shortener prompts
that the generic content tests (test_rubric_examples.py, test_bundled_samples.py) leave out:
the shape each prompt promises, known card ids, and samples that show what they claim to."""

from __future__ import annotations

from pathlib import Path

import pytest
from card_ids import CARD_IDS

from designcoach.content.catalog import Catalog
from designcoach.content.models import Prompt, Rubric
from designcoach.grading.engine import grade_text

ROOT = Path(__file__).resolve().parents[2]
PROMPT_IDS = [
    "health-check-service",
    "order-pipeline",
    "quorum-kv-store",
    "ha-web-front",
    "url-shortener",
]


@pytest.fixture(scope="module", params=PROMPT_IDS)
def loaded(request: pytest.FixtureRequest) -> tuple[Prompt, Rubric]:
    catalog = Catalog([ROOT])
    prompt = catalog.prompt(request.param)
    return prompt, catalog.rubric_for(prompt)


def _sample(prompt: Prompt, kind: str) -> str:
    return (ROOT / "examples" / "answers" / f"{prompt.id}-{kind}.md").read_text(encoding="utf-8")


def test_prompt_shape(loaded: tuple[Prompt, Rubric]) -> None:
    prompt, rubric = loaded
    assert rubric.prompt == prompt.id
    assert prompt.minutes == 45
    assert len(prompt.followups) >= 3
    assert prompt.twist.phase == "deep-dive"
    assert 12 <= len(rubric.items) <= 16
    assert len(rubric.misconceptions) >= 3
    files = {s.file: set(s.expect) for s in prompt.samples}
    assert files[f"{prompt.id}-strong.md"] == {"strong hire", "hire"}
    assert files[f"{prompt.id}-weak.md"] <= {"lean no hire", "no hire"}


def test_every_item_and_misconception_points_at_a_known_card(
    loaded: tuple[Prompt, Rubric],
) -> None:
    _, rubric = loaded
    unknown = [
        f"{entry.id}: {entry.card!r}"
        for entry in [*rubric.items, *rubric.misconceptions]
        if entry.card not in CARD_IDS
    ]
    assert not unknown, unknown


def test_passing_samples_are_clean_and_weak_sample_shows_a_misconception(
    loaded: tuple[Prompt, Rubric],
) -> None:
    prompt, rubric = loaded
    for sample in prompt.samples:
        kind = sample.file.removeprefix(f"{prompt.id}-").removesuffix(".md")
        report = grade_text(_sample(prompt, kind), prompt, rubric)
        assert not report.off_topic, sample.file
        if set(sample.expect) <= {"strong hire", "hire"}:
            assert not report.misconceptions, [m.evidence for m in report.misconceptions]
    weak = grade_text(_sample(prompt, "weak"), prompt, rubric)
    assert weak.misconceptions


def test_sample_lengths(loaded: tuple[Prompt, Rubric]) -> None:
    prompt, _ = loaded
    assert 600 <= len(_sample(prompt, "strong").split()) <= 950
    assert len(_sample(prompt, "weak").split()) <= 250
