"""Misconceptions count where the answer asserts them, not where it argues against them."""

from __future__ import annotations

import pytest
from grading_fixtures import STRONG, chat, misconception

from designcoach.content.models import Misconception
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


def _mis(*detect: str, **extra: object) -> Misconception:
    return Misconception(
        id="claim-test", title="t", detect=list(detect), correction="c", note="n", **extra
    )


@pytest.mark.parametrize(
    ("sentence", "hit"),
    [
        ("The lock never fails.", True),
        ("Our lock cannot fail, so we skip the fencing token.", True),
        ("It is a myth that the lock never fails.", False),
        ("We do not claim the lock never fails.", False),
        ("The lock never fails is a wrong belief.", False),
        ("The lock can fail when its holder pauses.", False),
    ],
)
def test_a_claim_group_keeps_its_own_negation(sentence: str, hit: bool) -> None:
    """A wrong claim worded with a negation ("2PC never blocks") is marked by a `claim` group:
    its cue is the claim, while a denial around it still counts."""
    mis = _mis(r"\block (?P<claim>never|cannot) fails?\b")
    assert misconception_hit(mis, sentence) is hit


def test_without_a_claim_group_a_negation_in_the_match_denies_it() -> None:
    assert not misconception_hit(_mis(r"\block never fails\b"), "The lock never fails.")
