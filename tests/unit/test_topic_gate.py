"""Short or weak answers that are about the prompt pass its topic gate, so they are graded for
what they say (their misconceptions, what they miss) rather than capped as off topic."""

from __future__ import annotations

import pytest

from designcoach.content.catalog import Catalog
from designcoach.grading.engine import grade_text
from designcoach.paths import bundled_content_root

CATALOG = Catalog([bundled_content_root()])
WEAK_TINDER = (
    "I would build a mobile app with React Native and a backend in Node.js. Users sign up and "
    "upload photos which we save in the database as blobs. The server uses one big MySQL "
    "database with an index on age, an index on gender and an index on location so the query "
    "can filter by all of them at once. When users are matched they can chat, the app checks "
    "for new messages every 5 seconds."
)


@pytest.mark.parametrize(
    ("prompt_id", "text"),
    [
        ("tinder", WEAK_TINDER),
        ("url-shortener", "Short codes via base62 of a counter; reads hit a cache."),
        (
            "url-shortener",
            "We generate short links by hashing the long URL with MD5 and taking the first 7 "
            "characters; on collision we retry.",
        ),
    ],
)
def test_a_weak_answer_on_the_topic_is_not_off_topic(prompt_id: str, text: str) -> None:
    prompt = CATALOG.prompt(prompt_id)
    report = grade_text(text, prompt, CATALOG.rubric_for(prompt))
    assert not report.off_topic


def test_the_weak_tinder_answer_is_told_its_misconceptions() -> None:
    prompt = CATALOG.prompt("tinder")
    report = grade_text(WEAK_TINDER, prompt, CATALOG.rubric_for(prompt))
    found = {m.id for m in report.misconceptions}
    assert {"images-as-blobs", "multi-index-filter", "chat-polling"} <= found
