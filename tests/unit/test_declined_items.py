"""An item named only to be turned down ("we will not use a session service") earns nothing;
named as part of the design, with a negation elsewhere in the sentence, it still does."""

from __future__ import annotations

import pytest

from designcoach.content.catalog import Catalog
from designcoach.grading.engine import credit_sentence, grade_text
from designcoach.grading.misconceptions import declined

CATALOG = Catalog()
PROMPT = CATALOG.prompt("whatsapp")
RUBRIC = CATALOG.rubric_for(PROMPT)
ITEMS = {item.id: item for item in RUBRIC.items}


def credits(text: str) -> dict[str, float]:
    report = grade_text(text, PROMPT, RUBRIC)
    return {i.id: i.credit for i in report.items if i.credit > 0}


@pytest.mark.parametrize(
    ("sentence", "item", "kept"),
    [
        ("We will not use a session service.", "session-routing", "We will use a session service."),
        ("We don't need heartbeats.", "heartbeats", "We need heartbeats between servers."),
        ("We do not really need heartbeats here.", "heartbeats", "We really need heartbeats here."),
        (
            "There is no need for a session service.",
            "session-routing",
            "There is a session service.",
        ),
        ("We won\u2019t bother with heartbeats.", "heartbeats", "We bother with heartbeats."),
    ],
)
def test_an_item_turned_down_earns_nothing(sentence: str, item: str, kept: str) -> None:
    assert item not in credits(sentence)
    assert credit_sentence(ITEMS[item], sentence) == 0.0
    # the same words without the refusal: named, so credited
    assert credits(kept).get(item, 0) > 0 and credit_sentence(ITEMS[item], kept) > 0


@pytest.mark.parametrize(
    ("sentence", "item"),
    [
        # the negation is about something else in the sentence
        (
            "A session service maps each user to their chat server, not a database.",
            "session-routing",
        ),
        ("Servers send heartbeats so a dead one is not left in the pool.", "heartbeats"),
        ("We use a session service instead of asking every server.", "session-routing"),
        # the negation is part of the goal itself
        ("Messages must never be lost once acknowledged.", "nonfunctional"),
    ],
)
def test_a_negation_elsewhere_in_the_sentence_takes_nothing(sentence: str, item: str) -> None:
    assert credits(sentence).get(item, 0) > 0
    assert credit_sentence(ITEMS[item], sentence) > 0


def test_declined_looks_only_just_before_the_name() -> None:
    text = "we will not use polling; a session service maps users"
    assert declined(text, text.index("polling"))
    assert not declined(text, text.index("session service"))
    assert not declined("i want to use a cache", len("i want to use a "))
