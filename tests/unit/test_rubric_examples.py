"""Every bundled rubric proves its own matchers: item examples earn the credit they claim,
misconception examples trigger (or not) as they claim. Generic over all bundled content."""

from __future__ import annotations

import re

import pytest

from designcoach.content.catalog import Catalog
from designcoach.content.models import CATEGORIES, Rubric
from designcoach.grading.engine import credit_sentence, misconception_hit
from designcoach.paths import bundled_content_root

CATALOG = Catalog([bundled_content_root()])
RUBRICS: list[Rubric] = [CATALOG.rubric(rid) for rid in CATALOG.ids("rubrics")]
EXPECTED = {"full": 1.0, "half": 0.5, "none": 0.0}


def _item_cases() -> list[object]:
    cases = []
    for rubric in RUBRICS:
        for item in rubric.items:
            for kind, credit in EXPECTED.items():
                for n, sentence in enumerate(getattr(item.examples, kind)):
                    case = (rubric.id, item.id, sentence, credit)
                    cases.append(pytest.param(*case, id=f"{rubric.id}/{item.id}/{kind}{n}"))
    return cases


def _misconception_cases() -> list[object]:
    cases = []
    for rubric in RUBRICS:
        for mis in rubric.misconceptions:
            for kind, hit in (("hit", True), ("miss", False)):
                for n, sentence in enumerate(getattr(mis.examples, kind)):
                    case = (rubric.id, mis.id, sentence, hit)
                    cases.append(pytest.param(*case, id=f"{rubric.id}/{mis.id}/{kind}{n}"))
    return cases


def _rubric(rubric_id: str) -> Rubric:
    return next(r for r in RUBRICS if r.id == rubric_id)


# The foundation rubrics hold themselves to two stricter rules than other content must (a short
# prompt may skip a category; a checker-wide rule on detect/explain overlap is the integrator's
# call): they cover every category, and naming an item never counts as explaining it.
FOUNDATION = [r for r in RUBRICS if r.id in {"whatsapp", "tinder"}]


def test_bundled_rubrics_exist() -> None:
    assert {"whatsapp", "tinder"} <= {r.id for r in RUBRICS}


@pytest.mark.parametrize(("rubric_id", "item_id", "sentence", "credit"), _item_cases())
def test_item_example_earns_its_credit(
    rubric_id: str, item_id: str, sentence: str, credit: float
) -> None:
    item = next(i for i in _rubric(rubric_id).items if i.id == item_id)
    assert credit_sentence(item, sentence, _rubric(rubric_id).misconceptions) == credit, sentence


@pytest.mark.parametrize(("rubric_id", "mis_id", "sentence", "hit"), _misconception_cases())
def test_misconception_example(rubric_id: str, mis_id: str, sentence: str, hit: bool) -> None:
    mis = next(m for m in _rubric(rubric_id).misconceptions if m.id == mis_id)
    assert misconception_hit(mis, sentence) is hit, sentence


@pytest.mark.parametrize("rubric", RUBRICS, ids=lambda r: r.id)
def test_every_matcher_is_tested(rubric: Rubric) -> None:
    """Two examples of each kind at least, so a rubric edit that breaks a matcher shows up."""
    thin = [
        f"{item.id}.{kind}"
        for item in rubric.items
        for kind in EXPECTED
        if len(getattr(item.examples, kind)) < 2
    ]
    thin += [
        f"{mis.id}.{kind}"
        for mis in rubric.misconceptions
        for kind in ("hit", "miss")
        if len(getattr(mis.examples, kind)) < 2
    ]
    assert not thin, f"fewer than two examples: {', '.join(thin)}"


@pytest.mark.parametrize("rubric", RUBRICS, ids=lambda r: r.id)
def test_patterns_compile_and_match_nothing_empty(rubric: Rubric) -> None:
    patterns = list(rubric.topic)
    for item in rubric.items:
        patterns += item.detect + item.explain
    for mis in rubric.misconceptions:
        patterns += mis.detect
    for pattern in patterns:
        compiled = re.compile(pattern, re.IGNORECASE)
        # A pattern that matches the empty string would fire on every sentence.
        assert compiled.search("") is None, pattern


@pytest.mark.parametrize("rubric", FOUNDATION, ids=lambda r: r.id)
def test_rubric_covers_every_category(rubric: Rubric) -> None:
    missing = set(CATEGORIES) - {item.category for item in rubric.items}
    assert not missing, f"{rubric.id} has no items in {sorted(missing)}"


@pytest.mark.parametrize("rubric", FOUNDATION, ids=lambda r: r.id)
def test_naming_an_item_is_not_explaining_it(rubric: Rubric) -> None:
    """The words a detect pattern matches must not satisfy an explain pattern by themselves,
    or merely naming the item would earn full credit. Checked on the item's own examples, for
    patterns without gaps (a gap's text is free prose); digits are left out, since a number
    counts as a reason anyway."""
    clashes = []
    for item in rubric.items:
        sentences = item.examples.full + item.examples.half + item.examples.none
        tight = [d for d in item.detect if "{" not in d]
        for sentence in sentences:
            for detect in tight:
                for found in re.finditer(detect, sentence, re.IGNORECASE):
                    named = re.sub(r"\d", " ", found.group(0))
                    for explain in item.explain:
                        if re.search(explain, named, re.IGNORECASE):
                            clashes.append(f"{item.id}: {found.group(0)!r} ~ {explain}")
    assert not clashes, clashes
