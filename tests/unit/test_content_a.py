"""The five prompts of the content-a set keep the shape their issue asks for. The generic tests
(test_rubric_examples.py, test_bundled_samples.py) already prove every example and band; these
add what is specific to this set: 12 to 16 items, known cards, and samples that show (or avoid)
the misconceptions they were written to show."""

from __future__ import annotations

import pytest
from card_ids import CARD_IDS

from designcoach.content.catalog import Catalog
from designcoach.content.models import Prompt, Rubric
from designcoach.grading.engine import grade_text
from designcoach.paths import bundled_content_root

CATALOG = Catalog([bundled_content_root()])
PROMPT_IDS = [
    "distributed-cache",
    "task-scheduler",
    "sharded-profile-store",
    "chat-admin-api",
    "monolith-to-microservices",
]


def _load(prompt_id: str) -> tuple[Prompt, Rubric]:
    prompt = CATALOG.prompt(prompt_id)
    return prompt, CATALOG.rubric_for(prompt)


@pytest.mark.parametrize("prompt_id", PROMPT_IDS)
def test_prompt_shape(prompt_id: str) -> None:
    prompt, rubric = _load(prompt_id)
    assert 12 <= len(rubric.items) <= 16
    assert len(rubric.misconceptions) >= 3
    assert len(prompt.followups) >= 3
    assert prompt.twist.phase in {p.id for p in prompt.phases}
    assert prompt.minutes in (30, 45)
    cards = [i.card for i in rubric.items] + [m.card for m in rubric.misconceptions]
    assert set(cards) <= CARD_IDS, set(cards) - CARD_IDS


@pytest.mark.parametrize("prompt_id", PROMPT_IDS)
def test_samples_show_only_the_misconceptions_they_mean(prompt_id: str) -> None:
    prompt, rubric = _load(prompt_id)
    files = {s.file.removesuffix(".md").rsplit("-", 1)[1]: s.file for s in prompt.samples}
    assert set(files) == {"strong", "weak"}
    paths = {kind: CATALOG.sample_path(f) for kind, f in files.items()}
    assert None not in paths.values(), paths
    texts = {kind: path.read_text(encoding="utf-8") for kind, path in paths.items() if path}
    strong = grade_text(texts["strong"], prompt, rubric)
    weak = grade_text(texts["weak"], prompt, rubric)
    assert not strong.misconceptions, [m.id for m in strong.misconceptions]
    assert weak.misconceptions, "the weak sample should show at least one misconception"
    assert 600 <= len(texts["strong"].split()) <= 950
    assert len(texts["weak"].split()) < 250
