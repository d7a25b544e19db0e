"""Misconceptions count where the answer asserts them, not where it argues against them."""

from __future__ import annotations

import pytest
from grading_fixtures import STRONG, chat, misconception

from designcoach.grading.engine import grade_text, misconception_hit


@pytest.mark.parametrize(
    ("sentence", "hit"),
    [
        ("Each client polls the server for new messages every two seconds.", True),
        ("We don't need web sockets, so clients poll the server for new messages.", True),
        ("Clients poll the server for new messages rather than holding web sockets.", True),
        ("Clients never poll the server for new messages; the server pushes.", False),
        ("Instead of polling for new messages, the server pushes over a web socket.", False),
        ("Polling the server for new messages is a mistake at this scale.", False),
        ("We avoid polling for messages because it drains batteries.", False),
    ],
)
def test_negation_is_scoped_to_the_clause(sentence: str, hit: bool) -> None:
    assert misconception_hit(misconception("http-polling"), sentence) is hit


def test_report_shows_claim_correction_and_note_and_costs_points() -> None:
    prompt, rubric = chat()
    clean = STRONG
    wrong = clean + "\nImages are stored in the main database as BLOBs in the database."
    a, b = grade_text(clean, prompt, rubric), grade_text(wrong, prompt, rubric)
    assert [m.id for m in b.misconceptions] == ["blob-in-db"]
    found = b.misconceptions[0]
    assert found.evidence == ["Images are stored in the main database as BLOBs in the database."]
    assert found.correction and found.note
    assert a.misconceptions == []
    assert b.score == pytest.approx(a.score - found.penalty, abs=0.11)
