"""The cohort summary in a terminal: every file name whole, the problem column wrapping."""

from __future__ import annotations

import re

import pytest

from designcoach.content.catalog import Catalog
from designcoach.grading.batch import Graded
from designcoach.grading.document import summary_document
from designcoach.grading.engine import grade_text
from designcoach.grading.render import render_rich

CATALOG = Catalog()
PROMPT = CATALOG.prompt("whatsapp")
RUBRIC = CATALOG.rubric_for(PROMPT)


@pytest.mark.parametrize("columns", [80, 100])
def test_file_names_are_whole_and_lines_fit(
    columns: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    strong = "Phones keep a web socket open to a chat server so messages are pushed at once."
    results = [
        Graded("cohort/section-b/alice-final.md", grade_text(strong, PROMPT, RUBRIC)),
        Graded("cohort/transcripts/bob-mock.md", grade_text("Users like cats.", PROMPT, RUBRIC)),
        Graded("cohort/carol.md", error="the file looks binary; give a text or Markdown answer"),
    ]
    render_rich(summary_document(results, base="cohort"))
    out = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out)
    lines = out.splitlines()
    assert all(len(line) <= columns for line in lines), lines
    for name in ("section-b/alice-final.md", "transcripts/bob-mock.md", "carol.md"):
        assert any(name in line for line in lines), (name, lines)
    assert "…" not in out
    bob = next(line for line in lines if "bob-mock.md" in line)
    assert bob.split()[3:5] == ["no", "hire"], "the band alone in its column"
    # the problem column wraps onto lines of its own: read in order, its sentences are whole
    flowing = " ".join(" ".join(lines).split())
    assert "off topic: score capped" in flowing
    assert "the file looks binary; give a text or Markdown answer" in flowing
