"""The Markdown report and a report read back from its JSON."""

from __future__ import annotations

from pathlib import Path

from designcoach.content.catalog import Catalog
from designcoach.grading.engine import grade_text
from designcoach.grading.export import (
    bar,
    card_ideas,
    clock_text,
    report_from_dict,
    report_markdown,
)

CONTENT = Path(__file__).resolve().parents[1] / "tui" / "content"
ANSWER = (
    "## Requirements\n\nAbout 200 users in one office.\n\n"
    "## High-level design\n\nClients poll the server for new messages.\n"
)


def graded():
    catalog = Catalog([CONTENT])
    prompt = catalog.prompt("mini")
    return catalog, prompt, grade_text(ANSWER, prompt, catalog.rubric_for(prompt))


def test_markdown_holds_score_items_evidence_hints_misconceptions_time_and_answer() -> None:
    catalog, prompt, report = graded()
    phases = [
        {"phase": "requirements", "seconds": 130.0, "budget_seconds": 120.0},
        {"phase": "high-level", "seconds": 60.0, "budget_seconds": 120.0},
    ]
    md = report_markdown(
        report, prompt, phases=phases, answer=ANSWER, cards=card_ideas(catalog, report), overtime=5
    )
    assert md.startswith(f"# Design a Mini Chat: {report.score:g} / 100 ({report.band})")
    assert f"> {report.anchor}" in md
    for item in report.items:
        assert item.title in md
        for quote in item.evidence:
            assert f"> {quote}" in md
    missing = [i for i in report.items if i.credit < 1]
    assert missing and all(f"- Hint: {i.hint}" in md for i in missing)
    # the card that exists gives its summary line; the one that does not is left out
    assert "- Concept: Store each message until the recipient's device acknowledges it." in md
    assert "`designcoach notes message-delivery`" in md
    assert "notes interview-approach" not in md
    assert "## Misconceptions" in md and "Push over a persistent connection." in md
    assert "| Requirements | 2:10 (over) | 2:00 |" in md
    assert "| **Total** | **3:10** | **4:00** |" in md and "Overtime: 0:05." in md
    assert md.rstrip().endswith("Clients poll the server for new messages.")


def test_report_survives_a_trip_through_its_json() -> None:
    _, _, report = graded()
    back = report_from_dict(report.to_dict())
    assert back.to_dict() == report.to_dict()
    assert [i.credit for i in back.items] == [i.credit for i in report.items]


def test_clock_and_bar_formatting() -> None:
    assert clock_text(0) == "0:00"
    assert clock_text(59.6) == "1:00"
    assert clock_text(3725) == "1:02:05"
    assert clock_text(-61) == "-1:01"
    assert bar(50, 10) == "█████░░░░░"
    assert bar(140, 4) == "████" and bar(-3, 4) == "░░░░"


def test_estimates_are_checked_in_the_markdown_and_survive_the_json() -> None:
    catalog = Catalog([CONTENT])
    prompt = catalog.prompt("mini")
    answer = "About 200 users x 40 messages/day = 8M messages/day for our users."
    report = grade_text(answer, prompt, catalog.rubric_for(prompt), transcript=False)
    assert report.estimates and not report.estimates[0].ok  # 8000, not 8M
    md = report_markdown(report, prompt)
    assert "## Estimates checked" in md and "- ✘ " in md
    assert report_from_dict(report.to_dict()).estimates == report.estimates


def test_an_older_report_without_the_newer_keys_still_loads() -> None:
    _, _, report = graded()
    old = report.to_dict()
    for key in ("level", "topic_share", "relevance", "estimates", "anchor"):
        old.pop(key, None)
    old["items"] = [{k: v for k, v in i.items() if k not in ("why", "card")} for i in old["items"]]
    back = report_from_dict(old)
    assert back.score == report.score and len(back.items) == len(report.items)
