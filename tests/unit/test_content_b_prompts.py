"""Content tests for the reliability, pipeline, store, web-front and URL-shortener prompts.

Every example sentence in a rubric is a test: it must earn the credit it declares. The sample
answers must land in their declared bands, with the strong one well above the weak one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from designcoach.content.catalog import Catalog
from designcoach.content.models import Prompt, Rubric
from designcoach.grading.engine import credit_sentence, grade_text, misconception_hit

ROOT = Path(__file__).resolve().parents[2]
PROMPT_IDS = [
    "health-check-service",
    "order-pipeline",
    "quorum-kv-store",
    "ha-web-front",
    "url-shortener",
]
# The card ids HELPERS.md lists; every item and misconception must point at one.
CARD_IDS = frozenset(
    [
        "scaling",
        "load-balancing",
        "consistent-hashing",
        "message-queues",
        "microservices",
        "sharding",
        "replication",
        "single-point-of-failure",
        "caching",
        "cache-writes",
        "cache-eviction",
        "api-design",
        "pagination",
        "sql-vs-nosql",
        "blob-storage",
        "indexes",
        "quorum",
        "distributed-transactions",
        "request-vs-queue",
        "pub-sub",
        "event-driven",
        "heartbeats",
        "realtime-push",
        "message-delivery",
        "presence",
        "graceful-degradation",
        "capacity-estimation",
        "interview-approach",
        "geo-search",
    ]
)
GOOD_BANDS = {"strong hire", "hire"}


def _load(prompt_id: str) -> tuple[Prompt, Rubric]:
    catalog = Catalog([ROOT])
    prompt = catalog.prompt(prompt_id)
    return prompt, catalog.rubric_for(prompt)


@pytest.fixture(scope="module", params=PROMPT_IDS)
def loaded(request: pytest.FixtureRequest) -> tuple[Prompt, Rubric]:
    return _load(request.param)


def test_prompt_shape(loaded: tuple[Prompt, Rubric]) -> None:
    prompt, rubric = loaded
    assert rubric.prompt == prompt.id
    assert prompt.minutes <= 45
    assert len(prompt.followups) >= 3
    assert prompt.twist.phase == "deep-dive"
    assert 12 <= len(rubric.items) <= 16
    assert len(rubric.misconceptions) >= 3
    assert len({item.category for item in rubric.items}) >= 5


def test_every_item_and_misconception_points_at_a_known_card(
    loaded: tuple[Prompt, Rubric],
) -> None:
    _, rubric = loaded
    for entry in [*rubric.items, *rubric.misconceptions]:
        assert entry.card in CARD_IDS, f"{rubric.id}/{entry.id}: card {entry.card!r}"


def test_item_examples_earn_their_declared_credit(loaded: tuple[Prompt, Rubric]) -> None:
    _, rubric = loaded
    wrong = []
    for item in rubric.items:
        ex = item.examples
        assert len(ex.full) >= 2 and len(ex.half) >= 2 and len(ex.none) >= 2, item.id
        for want, sentences in ((1.0, ex.full), (0.5, ex.half), (0.0, ex.none)):
            for sentence in sentences:
                got = credit_sentence(item, sentence)
                if got != want:
                    wrong.append(f"{item.id}: wanted {want}, got {got}: {sentence}")
    assert not wrong, "\n".join(wrong)


def test_misconception_examples_hit_and_miss(loaded: tuple[Prompt, Rubric]) -> None:
    _, rubric = loaded
    wrong = []
    for mis in rubric.misconceptions:
        assert len(mis.examples.hit) >= 2 and len(mis.examples.miss) >= 2, mis.id
        wrong += [
            f"{mis.id} missed: {s}" for s in mis.examples.hit if not misconception_hit(mis, s)
        ]
        wrong += [
            f"{mis.id} wrongly hit: {s}" for s in mis.examples.miss if misconception_hit(mis, s)
        ]
    assert not wrong, "\n".join(wrong)


def test_samples_land_in_their_bands(loaded: tuple[Prompt, Rubric]) -> None:
    prompt, rubric = loaded
    scores: dict[str, float] = {}
    for sample in prompt.samples:
        text = (ROOT / "examples" / "answers" / sample.file).read_text(encoding="utf-8")
        report = grade_text(text, prompt, rubric)
        assert report.band in sample.expect, f"{sample.file}: {report.score} {report.band}"
        scores[sample.file] = report.score
        if sample.file.endswith("-strong.md"):
            assert report.band in GOOD_BANDS
            assert not report.misconceptions, f"{sample.file}: {report.misconceptions}"
        else:
            assert report.misconceptions, f"{sample.file} should show a misconception"
    strong = scores[f"{prompt.id}-strong.md"]
    weak = scores[f"{prompt.id}-weak.md"]
    assert strong - weak >= 25, (strong, weak)


def test_sample_lengths(loaded: tuple[Prompt, Rubric]) -> None:
    prompt, _ = loaded
    words = {
        s.file: len((ROOT / "examples" / "answers" / s.file).read_text(encoding="utf-8").split())
        for s in prompt.samples
    }
    assert 600 <= words[f"{prompt.id}-strong.md"] <= 950, words
    assert words[f"{prompt.id}-weak.md"] <= 250, words
