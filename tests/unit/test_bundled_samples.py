"""The sample answers that ship with each prompt grade into the bands they promise, and a
prompt's strong samples beat its weak ones by a clear margin. Generic over all bundled prompts."""

from __future__ import annotations

import pytest

from designcoach.content.catalog import Catalog
from designcoach.content.models import Prompt
from designcoach.grading.engine import grade_text
from designcoach.paths import bundled_content_root

CATALOG = Catalog([bundled_content_root()])
PROMPTS: list[Prompt] = [p for p in CATALOG.prompts() if p.samples]
PASSING = {"strong hire", "hire"}
FAILING = {"lean no hire", "no hire"}
MIN_GAP = 25.0


def _score(prompt: Prompt, file: str) -> tuple[float, str]:
    path = CATALOG.sample_path(file)
    assert path is not None, f"{prompt.id}: sample {file} is not in examples/answers/"
    report = grade_text(path.read_text(encoding="utf-8"), prompt, CATALOG.rubric_for(prompt))
    return report.score, report.band


def test_foundation_prompts_ship_samples() -> None:
    assert {"whatsapp", "tinder"} <= {p.id for p in PROMPTS}


@pytest.mark.parametrize(
    ("prompt", "file"),
    [pytest.param(p, s.file, id=f"{p.id}/{s.file}") for p in PROMPTS for s in p.samples],
)
def test_sample_grades_into_expected_band(prompt: Prompt, file: str) -> None:
    expect = next(s.expect for s in prompt.samples if s.file == file)
    score, band = _score(prompt, file)
    assert band in expect, f"{file} scored {score} ({band}), expected {expect}"


@pytest.mark.parametrize("prompt", PROMPTS, ids=lambda p: p.id)
def test_strong_samples_beat_weak_ones(prompt: Prompt) -> None:
    strong = [s.file for s in prompt.samples if set(s.expect) <= PASSING]
    weak = [s.file for s in prompt.samples if set(s.expect) <= FAILING]
    assert strong and weak, f"{prompt.id} needs a passing and a failing sample"
    strong_scores = {f: _score(prompt, f)[0] for f in strong}
    weak_scores = {f: _score(prompt, f)[0] for f in weak}
    worst_strong = min(strong_scores.values())
    best_weak = max(weak_scores.values())
    assert worst_strong >= best_weak + MIN_GAP, (strong_scores, weak_scores)
