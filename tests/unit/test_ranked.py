"""The cohort table's order: best score first, answers capped as off topic after every other
answer, files that could not be graded last."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from designcoach.grading.batch import Graded, ranked
from designcoach.grading.report import Report


def _graded(name: str, score: float, off_topic: bool = False) -> Graded:
    return Graded(name, cast("Report", SimpleNamespace(score=score, off_topic=off_topic)))


def test_off_topic_answers_come_after_every_answer_to_the_prompt() -> None:
    results = [
        _graded("offtopic.md", 10.0, off_topic=True),
        Graded("empty.md", error="the file is empty; write an answer first"),
        _graded("weak.md", 0.0),
        _graded("strong.md", 88.5),
        _graded("another-offtopic.md", 4.0, off_topic=True),
        _graded("middling.md", 45.0),
    ]
    order = [g.file for g in ranked(results)]
    assert order == [
        "strong.md",
        "middling.md",
        "weak.md",
        "offtopic.md",
        "another-offtopic.md",
        "empty.md",
    ]
