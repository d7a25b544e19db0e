"""The answers the whole-report comparisons grade: every bundled sample, every calibration
answer and the benchmark answer, with the bundled catalog (shared by those tests)."""

from __future__ import annotations

from pathlib import Path

from designcoach.content.catalog import Catalog
from designcoach.paths import bundled_content_root

ROOT = bundled_content_root()
REPO = Path(__file__).resolve().parents[1]
CATALOG = Catalog([ROOT])
PROMPTS = {p.id: p for p in CATALOG.prompts()}
ANSWERS = sorted(
    [
        *(ROOT / "examples" / "answers").glob("*.md"),
        *(REPO / "tests" / "calibration" / "answers").glob("*.md"),
        REPO / "benchmarks" / "answer-800.md",
    ]
)
