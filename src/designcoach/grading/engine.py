"""The grader: matches rubric items and misconceptions sentence by sentence.

First version: the grading issue refines depth, lists, estimates and transcripts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from designcoach.content.models import CATEGORIES, Item, Misconception, Prompt, Rubric
from designcoach.grading.report import ItemResult, MisconceptionResult, Report

BAND_CUTS: tuple[tuple[float, str, str], ...] = (
    (80.0, "strong hire", "Clear, well-reasoned design that covers the system at this scale."),
    (60.0, "hire", "Workable design with reasons for most choices; some gaps in depth."),
    (
        40.0,
        "lean no hire",
        "Parts of a design, but shallow reasoning or large gaps for this scale.",
    ),
    (0.0, "no hire", "Not yet a design: key parts are missing or wrong."),
)

REASON = re.compile(
    r"\b(because|since|so that|so we|so the|which means|this means|to avoid|to keep|to reduce|"
    r"otherwise|trade-?off|at the cost of|the cost is|instead of|rather than|in exchange|but|"
    r"downside|upside|avoids?|prevents?|ensures?|guarantees?)\b",
    re.IGNORECASE,
)
NUMBER = re.compile(r"\d")
NEGATION = re.compile(
    r"\b(not|never|no|avoid|don'?t|do not|instead of|rather than|isn'?t|aren'?t|won'?t|"
    r"shouldn'?t|wrong|myth|mistake)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'_-]*")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """Split on sentence ends and line breaks; spans index into the original text."""
    out = []
    for m in _SENTENCE.finditer(text):
        raw = m.group(0)
        stripped = raw.strip()
        if not stripped:
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        out.append(Sentence(start, start + len(stripped), stripped))
    return out


@lru_cache(maxsize=4096)
def compile_any(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _credit(item: Item, sentence: Sentence) -> float:
    if not compile_any(tuple(item.detect)).search(sentence.text):
        return 0.0
    words = len(_WORD.findall(sentence.text))
    explained = (
        (item.explain and compile_any(tuple(item.explain)).search(sentence.text))
        or REASON.search(sentence.text)
        or NUMBER.search(sentence.text)
    )
    return 1.0 if explained and words >= 6 else 0.5


def credit_sentence(item: Item, sentence: str) -> float:
    """The credit one sentence alone earns for an item: 0, 0.5 or 1 (used to test rubric examples)."""
    return _credit(item, Sentence(0, len(sentence), sentence))


def misconception_hit(mis: Misconception, sentence: str) -> bool:
    """Whether one sentence alone asserts the misconception."""
    return bool(compile_any(tuple(mis.detect)).search(sentence)) and not NEGATION.search(sentence)


def band_for(score: float) -> tuple[str, str]:
    for cut, band, anchor in BAND_CUTS:
        if score >= cut:
            return band, anchor
    return BAND_CUTS[-1][1], BAND_CUTS[-1][2]


def grade_text(text: str, prompt: Prompt, rubric: Rubric) -> Report:
    """Grade one answer; the same text always gets the same report."""
    sents = sentences(text)
    items: list[ItemResult] = []
    for item in rubric.items:
        best, evidence = 0.0, []
        for s in sents:
            c = _credit(item, s)
            if c > best:
                best, evidence = c, [s.text]
        items.append(
            ItemResult(
                id=item.id,
                title=item.title,
                category=item.category,
                weight=item.weight,
                credit=best,
                evidence=evidence,
                hint=item.hint,
                note=item.notes,
                followup=item.followup,
                card=item.card,
            )
        )
    found = []
    for mis in rubric.misconceptions:
        hits = [s.text for s in sents if misconception_hit(mis, s.text)]
        if hits:
            found.append(
                MisconceptionResult(
                    mis.id, mis.title, hits[:2], mis.correction, mis.note, mis.penalty, mis.card
                )
            )
    total = sum(i.weight for i in items) or 1
    raw = 100.0 * sum(i.weight * i.credit for i in items) / total
    score = max(0.0, raw - sum(m.penalty for m in found))
    topic_hits = sum(1 for p in rubric.topic if compile_any((p,)).search(text))
    off_topic = topic_hits < rubric.topic_min
    if off_topic:
        score = min(score, 10.0)
    categories = {}
    for cat in CATEGORIES:
        in_cat = [i for i in items if i.category == cat]
        if in_cat:
            w = sum(i.weight for i in in_cat)
            categories[cat] = round(100.0 * sum(i.weight * i.credit for i in in_cat) / w, 1)
    missed = sorted((i for i in items if i.credit < 1), key=lambda i: (-i.weight, i.credit))
    followups = [i.followup for i in missed[:3]]
    score = round(score, 1)
    band, anchor = band_for(score)
    return Report(
        prompt=prompt.id,
        score=score,
        band=band,
        words=len(_WORD.findall(text)),
        items=items,
        misconceptions=found,
        followups=followups,
        categories=categories,
        anchor=anchor,
        off_topic=off_topic,
    )
