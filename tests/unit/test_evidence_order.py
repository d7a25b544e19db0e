"""Of the sentences that earn an item the same credit, the one giving the item's own reason is
quoted first, whatever the order of the answer."""

from __future__ import annotations

from designcoach.content.catalog import Catalog
from designcoach.grading.engine import grade_text
from designcoach.paths import bundled_content_root

CATALOG = Catalog([bundled_content_root()])
ESTIMATE = "Storage: 100 million profiles x 5 photos x 300 KB = 150 TB of photos."
MECHANISM = "Photos are stored in S3 as files, with only their URLs in the profile, behind a CDN."


def _photos(text: str) -> tuple[float, list[str]]:
    prompt = CATALOG.prompt("tinder")
    report = grade_text(text, prompt, CATALOG.rubric_for(prompt))
    item = next(i for i in report.items if i.id == "profile-images")
    return item.credit, item.evidence


def test_the_sentence_with_the_items_own_reason_is_quoted_first() -> None:
    for text in (f"{ESTIMATE}\n\n{MECHANISM}\n", f"{MECHANISM}\n\n{ESTIMATE}\n"):
        credit, evidence = _photos(text)
        assert credit == 1.0
        assert evidence[0] == MECHANISM, evidence
