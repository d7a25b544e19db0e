"""The fast matcher (literal plan, bit sets, per-word memo) grades exactly like the plain way:
every pattern run on every sentence. Whole reports are compared, on every bundled sample and
calibration answer, as written and as a transcript; and every answer the index gives, on any
text (Hypothesis)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from bundled_answers import ANSWERS, CATALOG, PROMPTS, REPO, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designcoach.content.catalog import Catalog
from designcoach.grading import engine, literal_index
from designcoach.grading.literal_index import Index
from designcoach.grading.matching import Matcher, fold
from designcoach.grading.text import Sentence, split_sentences


class PlainIndex:
    """The reference: no literals, no plan; each pattern's regex on each sentence, in order."""

    def __init__(self, folded: str, sentences: Sequence[Sentence], plan: object = None) -> None:
        self.texts = [folded[s.start : s.end] for s in sentences]
        self.digits = sum(1 << i for i, text in enumerate(self.texts) if re.search(r"\d", text))

    def matches(self, matcher: Matcher) -> dict[int, list[tuple[int, int]]]:
        found: dict[int, list[tuple[int, int]]] = {}
        for part in matcher.parts:
            for i, text in enumerate(self.texts):
                spans = [m.span() for m in part.rx.finditer(text)]
                if spans:
                    found.setdefault(i, []).extend(spans)
        return found

    def matching(self, matcher: Matcher) -> int:
        return sum(1 << i for i in self.matches(matcher))

    def matched(self, matcher: Matcher) -> list[int]:
        return list(self.matches(matcher))

    def spans_in(self, matcher: Matcher, idx: int) -> list[tuple[int, int]]:
        return self.matches(matcher).get(idx, [])

    def first(self, matcher: Matcher, idx: int) -> re.Match[str] | None:
        return matcher.first(self.texts[idx])


def _as_transcript(text: str) -> str:
    """The answer as a stamped interview: each paragraph a candidate turn after a question."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    return "\n".join(
        f"[{2 * i:02d}:{7 * i % 60:02d}] Interviewer: And then?\n"
        f"[{2 * i + 1:02d}:{11 * i % 60:02d}] Candidate: {p}"
        for i, p in enumerate(paras)
    )


def _prompts_for(answer: Path) -> list[str]:
    own = [pid for pid in PROMPTS if answer.stem.startswith(pid)]
    return sorted({*own, "whatsapp", "tinder"})


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda p: p.name)
def test_fast_matching_grades_exactly_like_every_pattern_on_every_sentence(
    answer: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = answer.read_text(encoding="utf-8")
    for pid in _prompts_for(answer):
        prompt = PROMPTS[pid]
        rubric = CATALOG.rubric_for(prompt)
        for variant in (text, _as_transcript(text)):
            fast = engine.grade_text(variant, prompt, rubric)
            with monkeypatch.context() as patch:
                patch.setattr(engine, "Index", PlainIndex)
                plain = engine.grade_text(variant, prompt, rubric)
            assert fast == plain, (answer.name, pid)


def test_the_reference_really_runs_in_place_of_the_fast_index(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """If the engine stopped using `engine.Index`, the comparison above would prove nothing."""
    prompt = PROMPTS["whatsapp"]
    rubric = CATALOG.rubric_for(prompt)
    text = (REPO / "benchmarks" / "answer-800.md").read_text(encoding="utf-8")

    class Blind(PlainIndex):
        def matches(self, matcher: Matcher) -> dict[int, list[tuple[int, int]]]:
            return {}

    monkeypatch.setattr(engine, "Index", Blind)
    assert engine.grade_text(text, prompt, rubric).score == 0


# Any text, for the index itself: each rubric's example sentences (so that most patterns meet
# some sentence), digits of other scripts, case variants and anything at all.
RUBRICS = [CATALOG.rubric_for(PROMPTS[p]) for p in ("whatsapp", "tinder", "distributed-cache")]
EXAMPLES = sorted(
    {
        s
        for r in RUBRICS
        for s in (
            *(e for i in r.items for e in (*i.examples.full, *i.examples.half, *i.examples.none)),
            *(e for m in r.misconceptions for e in (*m.examples.hit, *m.examples.miss)),
        )
    }
)
PIECES = st.one_of(
    st.sampled_from(EXAMPLES),
    st.sampled_from(EXAMPLES).map(str.upper),
    st.sampled_from(["٣ GB", "4 TB/day", "x²", "a_b", "İd ſhard", "— ", ". ", "\n- ", "\t"]),
    st.text(max_size=20),
)
TEXTS = st.lists(PIECES, max_size=10).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_the_index_answers_every_question_as_the_plain_way_does(text: str) -> None:
    sentences = split_sentences(text)
    folded = fold(text)
    plain = PlainIndex(folded, sentences)
    for rubric in RUBRICS:
        plan = engine.compiled(rubric)
        index = Index(folded, sentences, plan.plan)
        assert index.digits == plain.digits
        for matcher in (
            *(m for im in plan.items for m in (im.detect, im.explain)),
            *plan.misconceptions,
            *plan.topic,
        ):
            assert index.matches(matcher) == plain.matches(matcher)
            assert index.matched(matcher) == plain.matched(matcher)
            assert index.matching(matcher) == plain.matching(matcher)
            for idx in range(len(sentences)):
                assert index.spans_in(matcher, idx) == plain.spans_in(matcher, idx)
                assert _span(index.first(matcher, idx)) == _span(plain.first(matcher, idx))


def _span(found: re.Match[str] | None) -> tuple[int, int] | None:
    return found.span() if found else None


def test_a_memo_that_starts_afresh_still_knows_every_word(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plan forgets its words at a limit; the answer that passes it still has all of its own
    words learnt (not only those new to the memo)."""
    prompt = PROMPTS["whatsapp"]
    rubric = CATALOG.rubric_for(prompt)
    text = (REPO / "benchmarks" / "answer-800.md").read_text(encoding="utf-8")
    want = engine.grade_text(text, prompt, rubric)
    monkeypatch.setattr(literal_index, "_MEMO_LIMIT", 50)
    fresh = Catalog([ROOT]).rubric_for(prompt)  # (a plan of its own, that has met no word yet)
    engine.grade_text(text[:3000], prompt, fresh)  # over the limit, with words of the answer
    assert engine.grade_text(text, prompt, fresh) == want
