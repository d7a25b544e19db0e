"""The five prompts of the content-a set: they load, their examples score as declared, and their
sample answers land in their bands with a clear gap between strong and weak."""

from __future__ import annotations

from pathlib import Path

import pytest

from designcoach.content.catalog import Catalog
from designcoach.content.models import Prompt, Rubric
from designcoach.grading.engine import credit_sentence, grade_text, misconception_hit

ROOT = Path(__file__).resolve().parents[2]
PROMPT_IDS = [
    "distributed-cache",
    "task-scheduler",
    "sharded-profile-store",
    "chat-admin-api",
    "monolith-to-microservices",
]
# The card ids HELPERS.md lists; every item and misconception must point at one of them.
CARD_IDS = {
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
}


def _load(prompt_id: str) -> tuple[Prompt, Rubric]:
    catalog = Catalog([ROOT])
    prompt = catalog.prompt(prompt_id)
    return prompt, catalog.rubric_for(prompt)


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
    for item in rubric.items:
        assert item.examples.full and item.examples.half and item.examples.none, item.id
    for mis in rubric.misconceptions:
        assert mis.examples.hit and mis.examples.miss, mis.id


@pytest.mark.parametrize("prompt_id", PROMPT_IDS)
def test_item_examples_score_as_declared(prompt_id: str) -> None:
    _, rubric = _load(prompt_id)
    wrong = []
    for item in rubric.items:
        for expected, sentences in (
            (1.0, item.examples.full),
            (0.5, item.examples.half),
            (0.0, item.examples.none),
        ):
            for sentence in sentences:
                got = credit_sentence(item, sentence)
                if got != expected:
                    wrong.append(f"{item.id}: {sentence!r} earned {got}, declared {expected}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("prompt_id", PROMPT_IDS)
def test_misconception_examples(prompt_id: str) -> None:
    _, rubric = _load(prompt_id)
    wrong = []
    for mis in rubric.misconceptions:
        wrong += [
            f"{mis.id} missed {s!r}" for s in mis.examples.hit if not misconception_hit(mis, s)
        ]
        wrong += [f"{mis.id} hit {s!r}" for s in mis.examples.miss if misconception_hit(mis, s)]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("prompt_id", PROMPT_IDS)
def test_samples_land_in_their_bands(prompt_id: str) -> None:
    prompt, rubric = _load(prompt_id)
    by_kind = {}
    for sample in prompt.samples:
        text = (ROOT / "examples" / "answers" / sample.file).read_text(encoding="utf-8")
        report = grade_text(text, prompt, rubric)
        assert report.band in sample.expect, f"{sample.file}: {report.score} {report.band}"
        by_kind[sample.file.removesuffix(".md").rsplit("-", 1)[1]] = (report, text)
    strong, strong_text = by_kind["strong"]
    weak, weak_text = by_kind["weak"]
    assert 600 <= len(strong_text.split()) <= 950
    assert len(weak_text.split()) < 250
    assert strong.score - weak.score >= 25
    assert not strong.misconceptions, [m.id for m in strong.misconceptions]
    assert weak.misconceptions, "a weak sample should show at least one misconception"
