"""The bundled katas' tests are strong: they reject every broken solution and accept the reference.

Every check is a real subprocess through the runner users get. The broken ones run with
fail-fast and a small Hypothesis budget; they are run two at a time up front to keep the
wall-clock time down on a 2-core machine.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from designcoach.content.catalog import Catalog
from designcoach.katas.runner import CheckResult, run_check
from designcoach.katas.verify import verify_katas
from designcoach.katas.workspace import KataFiles

BROKEN = Path(__file__).parent / "broken"
SLUGS = ["hash-ring", "lru-cache", "quorum-read"]
CASES = [(slug, path.stem) for slug in SLUGS for path in sorted((BROKEN / slug).glob("*.py"))]


def kata(slug: str) -> KataFiles:
    catalog = Catalog()
    return KataFiles(catalog.kata_dirs()[slug], catalog.kata(slug))


def _check_broken(case: tuple[str, str]) -> CheckResult:
    slug, name = case
    files = kata(slug)
    return run_check(
        BROKEN / slug / f"{name}.py",
        files.meta.module,
        files.tests,
        files.support,
        fail_fast=True,
        max_examples=10,
    )


@pytest.fixture(scope="module")
def broken_results(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], CheckResult]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(CASES, pool.map(_check_broken, CASES), strict=True))


def test_each_kata_has_at_least_ten_broken_solutions() -> None:
    for slug in SLUGS:
        count = sum(1 for case in CASES if case[0] == slug)
        assert count >= 10, f"{slug} has only {count} broken solutions"


@pytest.mark.parametrize("case", CASES, ids=[f"{slug}/{name}" for slug, name in CASES])
def test_kata_tests_reject_broken_solution(
    case: tuple[str, str], broken_results: dict[tuple[str, str], CheckResult]
) -> None:
    result = broken_results[case]
    assert not result.ok, f"{case[0]}'s tests accept the broken solution {case[1]}.py"
    assert not result.timed_out, f"{case[1]}.py should fail by a test, not by the time limit"
    assert result.failures and result.failures[0].message.strip(), "a failure must say why"


def test_bundled_katas_verify_clean() -> None:
    """Metadata valid, files present, each starter fails its tests, each reference passes."""
    assert verify_katas(Catalog()) == []


def test_docstring_of_each_broken_solution_says_what_is_wrong() -> None:
    for slug, name in CASES:
        first = (BROKEN / slug / f"{name}.py").read_text().splitlines()[0]
        assert first.startswith('"""Broken on purpose: '), f"{slug}/{name}.py: {first}"
