"""The grader stops reading a sentence for items already settled (full credit, all their
evidence shown): the reports are those it gives when it reads every sentence for every item."""

from __future__ import annotations

from pathlib import Path

import pytest
from bundled_answers import ANSWERS, CATALOG, PROMPTS, REPO

from designcoach.grading import engine


class NeverSettled(engine._Best):
    """Never settled: every sentence is read for every item, with its explain patterns."""

    __slots__ = ()

    def offer(self, credit: float, why: str, text: str, own: bool = False) -> None:
        super().offer(credit, why, text, own)
        self.settled = False


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda p: p.name)
def test_skipping_settled_items_changes_no_report(
    answer: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = answer.read_text(encoding="utf-8")
    own = [pid for pid in PROMPTS if answer.stem.startswith(pid)] or ["whatsapp"]
    for pid in own:
        prompt, rubric = PROMPTS[pid], CATALOG.rubric_for(PROMPTS[pid])
        for level in ("junior", "staff"):
            quick = engine.grade_text(text, prompt, rubric, level=level)
            with monkeypatch.context() as patch:
                patch.setattr(engine, "_Best", NeverSettled)
                full = engine.grade_text(text, prompt, rubric, level=level)
            assert quick == full, (answer.name, pid, level)


def test_strong_answers_do_settle_items() -> None:
    """Otherwise the comparison above would compare the same path twice."""
    text = (REPO / "benchmarks" / "answer-800.md").read_text(encoding="utf-8")
    prompt = PROMPTS["whatsapp"]
    settled: list[bool] = []

    class Watch(engine._Best):
        __slots__ = ()

        def offer(self, credit: float, why: str, text: str, own: bool = False) -> None:
            super().offer(credit, why, text, own)
            settled.append(self.settled)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "_Best", Watch)
        engine.grade_text(text, prompt, CATALOG.rubric_for(prompt))
    assert any(settled)
