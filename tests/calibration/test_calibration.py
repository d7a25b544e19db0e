"""Calibration: hand-written answers of known quality must grade in the right order.

For each prompt: strong > medium > weak; a keyword-stuffed answer scores at most half the strong
one and below the medium one; a good answer to another question scores at most 15; an answer
that asserts misconceptions scores below the same answer with them corrected. A regression set:
run it after every rubric or grader change.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from designcoach.content.catalog import Catalog
from designcoach.grading.engine import grade_text
from designcoach.grading.report import Report

ANSWERS = Path(__file__).parent / "answers"
PROMPTS = ["whatsapp", "tinder"]


@cache
def grade(prompt_id: str, kind: str) -> Report:
    catalog = Catalog()
    prompt = catalog.prompt(prompt_id)
    text = (ANSWERS / f"{prompt_id}-{kind}.md").read_text(encoding="utf-8")
    return grade_text(text, prompt, catalog.rubric_for(prompt))


@pytest.mark.parametrize("prompt_id", PROMPTS)
def test_strong_is_at_least_hire(prompt_id: str) -> None:
    report = grade(prompt_id, "strong")
    assert report.band in ("hire", "strong hire"), report.score
    assert not report.misconceptions
    assert all(e.ok for e in report.estimates) and report.estimates


@pytest.mark.parametrize("prompt_id", PROMPTS)
def test_strong_beats_medium_beats_weak(prompt_id: str) -> None:
    strong, medium, weak = (grade(prompt_id, k).score for k in ("strong", "medium", "weak"))
    assert strong > medium > weak, (strong, medium, weak)
    assert strong - weak >= 40


@pytest.mark.parametrize("prompt_id", PROMPTS)
def test_keyword_stuffing_earns_little(prompt_id: str) -> None:
    stuffed = grade(prompt_id, "stuffed")
    assert stuffed.score <= grade(prompt_id, "strong").score / 2
    assert stuffed.score < grade(prompt_id, "medium").score
    # it names many items but explains none of them
    assert sum(i.credit == 1.0 for i in stuffed.items) <= 1
    assert sum(bool(i.evidence) for i in stuffed.items) >= 5


@pytest.mark.parametrize("prompt_id", PROMPTS)
def test_off_topic_scores_at_most_15(prompt_id: str) -> None:
    report = grade(prompt_id, "offtopic")
    assert report.score <= 15
    assert report.off_topic


@pytest.mark.parametrize("prompt_id", PROMPTS)
def test_misconceptions_cost_points(prompt_id: str) -> None:
    wrong = grade(prompt_id, "misconceptions")
    fixed = grade(prompt_id, "misconceptions-fixed")
    assert len(wrong.misconceptions) >= 3
    assert not fixed.misconceptions
    assert wrong.score < fixed.score
    for found in wrong.misconceptions:
        assert found.correction and found.note and found.evidence
