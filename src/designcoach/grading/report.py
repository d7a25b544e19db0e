"""The report a grade produces; `to_dict()` is the JSON promised in INTERFACES.md."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class ItemResult:
    id: str
    title: str
    category: str
    weight: int
    credit: float  # 0, 0.5 or 1: missing, mentioned, explained
    evidence: list[str]
    hint: str
    note: str  # the point of the notes the item comes from
    followup: str = ""
    card: str | None = None
    why: str = ""  # why this credit, in words (e.g. "named without a reason")


@dataclass
class MisconceptionResult:
    id: str
    title: str
    evidence: list[str]
    correction: str
    note: str
    penalty: float
    card: str | None = None


@dataclass
class EstimateResult:
    evidence: str
    stated: float
    computed: float
    ok: bool
    note: str = ""  # e.g. "recomputed: 20B, not 20M"


@dataclass
class PhaseTime:
    phase: str
    seconds: int
    budget_seconds: int
    title: str = ""


@dataclass
class TranscriptInfo:
    candidate_words: int
    phases: list[PhaseTime] | None = None
    interviewer_words: int = 0
    turns: int = 0
    # stamps left out of the timing because they go back in time, in seconds, in file order
    unordered_stamps: list[int] = field(default_factory=list)


@dataclass
class Report:
    prompt: str
    score: float
    band: str
    words: int
    items: list[ItemResult]
    misconceptions: list[MisconceptionResult]
    followups: list[str]
    categories: dict[str, float]
    estimates: list[EstimateResult] = field(default_factory=list)
    transcript: TranscriptInfo | None = None
    anchor: str = ""  # the band described in words
    off_topic: bool = False
    level: str = "mid"
    topic_share: float = 1.0  # share of the graded words in sentences on the prompt's topic
    relevance: str = ""  # why the score was capped as off-topic, if it was
    # how the file was read, when that may surprise (a talk graded as a written answer); the
    # text report's alone: INTERFACES.md promises no key for it
    reading: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of INTERFACES.md; keys beyond it are additions, never renames."""
        data: dict[str, Any] = {
            "prompt": self.prompt,
            "score": self.score,
            "band": self.band,
            "anchor": self.anchor,
            "words": self.words,
            "items": [
                {
                    "id": i.id,
                    "title": i.title,
                    "category": i.category,
                    "weight": i.weight,
                    "credit": i.credit,
                    "evidence": i.evidence,
                    "hint": i.hint,
                    "note": i.note,
                    "why": i.why,
                    "card": i.card,
                }
                for i in self.items
            ],
            "misconceptions": [
                {
                    "id": m.id,
                    "title": m.title,
                    "evidence": m.evidence,
                    "correction": m.correction,
                    "note": m.note,
                    "penalty": m.penalty,
                    "card": m.card,
                }
                for m in self.misconceptions
            ],
            "followups": self.followups,
            "categories": self.categories,
            "estimates": [asdict(e) for e in self.estimates],
            "off_topic": self.off_topic,
            "level": self.level,
            "topic_share": self.topic_share,
            "relevance": self.relevance,
        }
        if self.transcript is not None:
            t: dict[str, Any] = {
                "candidate_words": self.transcript.candidate_words,
                "interviewer_words": self.transcript.interviewer_words,
                "turns": self.transcript.turns,
            }
            if self.transcript.phases is not None:
                t["phases"] = [asdict(p) for p in self.transcript.phases]
            if self.transcript.unordered_stamps:
                t["unordered_stamps"] = list(self.transcript.unordered_stamps)
            data["transcript"] = t
        return data
