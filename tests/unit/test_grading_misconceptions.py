"""Misconceptions count where the answer asserts them, not where it argues against them."""

from __future__ import annotations

import pytest
from grading_fixtures import STRONG, chat, misconception
from pydantic import ValidationError

from designcoach.content.catalog import Catalog
from designcoach.content.models import Misconception, Prompt, Rubric
from designcoach.grading.engine import (
    WHY_WRONG_MEANING,
    credit_sentence,
    grade_text,
    misconception_hit,
)
from designcoach.paths import bundled_content_root


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


def _cache() -> tuple[Prompt, Rubric]:
    catalog = Catalog([bundled_content_root()])
    return catalog.prompt("distributed-cache"), catalog.rubric("distributed-cache")


def test_a_misconception_cancels_the_item_whose_name_it_misuses() -> None:
    prompt, rubric = _cache()
    text = (
        "We use write-back: the application updates the database first and then invalidates "
        "the cache entry, so readers see fresh prices."
    )
    report = grade_text(text, prompt, rubric)
    assert [m.id for m in report.misconceptions] == ["write-back-means-db-first"]
    by_id = {i.id: i for i in report.items}
    assert by_id["write-back"].credit == 0.0
    assert by_id["write-back"].why == WHY_WRONG_MEANING
    assert by_id["write-back"].evidence == [text]
    assert by_id["cache-aside"].credit == 0.5  # described right, but in a wrong claim: half
    write_back = next(i for i in rubric.items if i.id == "write-back")
    assert credit_sentence(write_back, text, rubric.misconceptions) == 0.0


def test_the_notes_own_wording_named_as_theirs_is_no_misconception() -> None:
    prompt, rubric = _cache()
    text = (
        "What my notes call write-back, updating the database first and then invalidating the "
        "entry, is cache-aside, and it keeps prices fresh."
    )
    report = grade_text(text, prompt, rubric)
    assert report.misconceptions == []
    assert {i.id: i.credit for i in report.items}["cache-aside"] == 1.0


def test_cancels_must_name_items_of_the_rubric() -> None:
    _, rubric = _cache()
    data = rubric.model_dump()
    data["misconceptions"][0]["cancels"] = ["no-such-item"]
    with pytest.raises(ValidationError, match="no-such-item"):
        Rubric.model_validate(data)
