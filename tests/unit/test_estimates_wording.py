"""Estimate lines: figures in words and units, and a verdict that says how far off a figure is."""

from __future__ import annotations

import pytest

from designcoach.grading.estimates_wording import figure, mark, note
from designcoach.grading.report import EstimateResult


@pytest.mark.parametrize(
    ("value", "unit", "rate", "text"),
    [
        (231_481.5, "", "s", "231 thousand per second"),
        (20e9, "", "day", "20 billion a day"),
        (2000, "", None, "2,000"),
        (57.87, "", "s", "57.9 per second"),
        (1.46e15, "bytes", "year", "1.46 PB a year"),
        (146e9, "bytes", "year", "146 GB a year"),
        (200, "bytes", None, "200 bytes"),
        (200e3, "bytes", None, "200 KB"),
        (0.05, "%", None, "5%"),
        (3.6e6, "", "h", "3.6 million per hour"),
    ],
)
def test_figures_read_as_people_write_them(
    value: float, unit: str, rate: str | None, text: str
) -> None:
    assert figure(value, unit, rate) == text


def _est(stated: float, computed: float) -> EstimateResult:
    ok = max(stated, computed) / min(stated, computed) <= 10
    return EstimateResult("evidence", stated, computed, ok)


def test_a_figure_off_beyond_10x_names_both_and_the_factor() -> None:
    est = _est(146e9, 1.46e15)
    assert note(est, "bytes", "year") == (
        "146 GB a year stated, 1.46 PB a year computed (10,000x off)"
    )
    assert mark(est) == ("✘", "bold red")


def test_a_figure_9x_off_is_not_shown_as_approved() -> None:
    est = _est(2e6, 20e9 / 86400)
    assert est.ok  # INTERFACES: ok is false only beyond 10x
    assert note(est, "", "s") == (
        "2 million per second stated, 231 thousand per second computed "
        "(8.6x off, within the 10x tolerance)"
    )
    assert mark(est)[0] == "~"


@pytest.mark.parametrize(
    ("stated", "computed", "words", "symbol"),
    [
        (230e3, 231e3, "checks out (recomputed: 231 thousand)", "✔"),
        (300e3, 231e3, "300 thousand stated, 231 thousand computed (close enough", "✔"),
        (500e3, 231e3, "(2.2x off, within the 10x tolerance)", "~"),
        (3e6, 231e3, "(13x off)", "✘"),
    ],
)
def test_the_verdict_follows_how_far_off(
    stated: float, computed: float, words: str, symbol: str
) -> None:
    est = _est(stated, computed)
    assert words in note(est)
    assert mark(est)[0] == symbol
