"""The estimation check finds back-of-envelope arithmetic and recomputes it."""

from __future__ import annotations

import pytest
from grading_fixtures import STRONG, chat

from designcoach.grading.engine import grade_text
from designcoach.grading.estimates import check_sentence


@pytest.mark.parametrize(
    ("sentence", "stated", "computed"),
    [
        ("500M users x 40 msgs/day = 20B/day", 20e9, 20e9),
        ("20B / 86400 ~ 230K/s", 230e3, 20e9 / 86400),
        ("2 TB/day * 365 = 730 TB", 730e12, 730e12),
        ("500 million users * 40 messages per day = 20 million messages per day", 20e6, 20e9),
        ("20B messages/day ≈ 230K/s", 230e3, 20e9 / 86400),  # a rate restated per second
        ("10% of 500M = 50M", 50e6, 50e6),
        ("20B / (24 x 3600) = 231K", 231e3, 20e9 / 86400),
        ("so 20B x 100 B = 2 TB/day", 2e12, 2e12),  # spaced B is bytes, glued B is billions
        ("1e5 seconds a day, so 2B / 1e5 = 20K/s", 20e3, 20e3),
        ("5 KB x 20B = 100 TB per day", 100e12, 100e12),
    ],
)
def test_recomputes(sentence: str, stated: float, computed: float) -> None:
    found = check_sentence(sentence)
    assert len(found) == 1, found
    _, _, got_stated, got_computed = found[0]
    assert got_stated == pytest.approx(stated)
    assert got_computed == pytest.approx(computed)


def test_chained_steps_are_each_checked() -> None:
    found = check_sentence("100M DAU x 20 = 2B/day, / 86400 ≈ 23K/s")
    assert [(s, c) for _, _, s, c in found] == [
        (2e9, 2e9),
        (23e3, pytest.approx(2e9 / 86400)),
    ]


@pytest.mark.parametrize(
    "sentence",
    ["1 day = 86,400 seconds", "S3 x 2 = 6", "We need 3 replicas.", "HTTP/2 and p99 latency"],
)
def test_not_a_calculation(sentence: str) -> None:
    assert check_sentence(sentence) == []


def test_report_flags_a_result_off_by_more_than_10x_with_the_right_figure() -> None:
    prompt, rubric = chat()
    text = STRONG.replace("= 20B messages/day", "= 20M messages/day")
    report = grade_text(text, prompt, rubric)
    bad = [e for e in report.estimates if not e.ok]
    assert len(bad) == 1
    assert bad[0].stated == 20e6 and bad[0].computed == 20e9
    assert bad[0].evidence in " ".join(text.split())
    assert bad[0].note == "20 million a day stated, 20 billion a day computed (1,000x off)"
    assert all(e.ok for e in grade_text(STRONG, prompt, rubric).estimates)
