"""Text pasted from a web page or a document is full of no-break and thin spaces: an answer
written with them gets the report it gets with plain spaces."""

from __future__ import annotations

import unicodedata

import pytest
from bundled_answers import ANSWERS, CATALOG, PROMPTS

from designcoach.grading.engine import grade_text
from designcoach.grading.text import plain_spaces

SPACES = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Zs" and c != 32]


def test_every_unicode_space_becomes_a_plain_one() -> None:
    assert len(SPACES) == 16  # Unicode's space separators besides " "
    assert plain_spaces("a" + "".join(SPACES) + "b") == "a" + " " * len(SPACES) + "b"
    assert plain_spaces("plain ascii") == "plain ascii"


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009", "\u3000"])
@pytest.mark.parametrize("answer", [a for a in ANSWERS if a.stem.startswith("whatsapp")][:3])
def test_an_answer_with_other_spaces_gets_the_same_report(answer, space: str) -> None:  # noqa: ANN001
    text = answer.read_text(encoding="utf-8")
    prompt = PROMPTS["whatsapp"]
    rubric = CATALOG.rubric_for(prompt)
    spaced = text.replace(" ", space)
    assert spaced != text
    assert grade_text(spaced, prompt, rubric) == grade_text(text, prompt, rubric)
