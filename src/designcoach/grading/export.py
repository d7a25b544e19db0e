"""A report as Markdown (the TUI's save key and the CLI share it), and a report read back from JSON."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import fields
from typing import TYPE_CHECKING, Any, TypeVar

from designcoach.grading.estimates_wording import mark as estimate_mark
from designcoach.grading.report import (
    EstimateResult,
    ItemResult,
    MisconceptionResult,
    PhaseTime,
    Report,
    TranscriptInfo,
)
from designcoach.timefmt import clock_text

if TYPE_CHECKING:
    from designcoach.content.catalog import Catalog
    from designcoach.content.models import Prompt

T = TypeVar("T")

# credit -> (word, symbol); the symbols read well in a terminal and in Markdown alike
MARKS: dict[float, tuple[str, str]] = {
    1.0: ("explained", "✔"),
    0.5: ("named", "◐"),
    0.0: ("missing", "✘"),
}

CATEGORY_TITLES: dict[str, str] = {
    "requirements": "Requirements",
    "estimates": "Estimates",
    "api": "API",
    "data-model": "Data model",
    "high-level": "High-level design",
    "deep-dive": "Deep dive / scale",
    "reliability": "Reliability",
    "trade-offs": "Trade-offs",
}


def mark(credit: float) -> tuple[str, str]:
    """The word and symbol for a credit of 0, 0.5 or 1."""
    if credit >= 1.0:
        return MARKS[1.0]
    return MARKS[0.5] if credit > 0 else MARKS[0.0]


def bar(percent: float, width: int = 20) -> str:
    filled = round(max(0.0, min(100.0, percent)) / 100 * width)
    return "█" * filled + "░" * (width - filled)


def card_ideas(catalog: Catalog, report: Report) -> dict[str, str]:
    """One line per concept card the report points to: the card's summary, else the first
    sentence of its idea. Cards that are missing or broken are left out."""
    from designcoach.content.catalog import UnknownId
    from designcoach.content.yamlio import ContentError

    wanted = {i.card for i in report.items if i.card} | {
        m.card for m in report.misconceptions if m.card
    }
    ideas = {}
    for card_id in sorted(wanted):
        try:
            card = catalog.card(card_id)
        except (UnknownId, ContentError, OSError):
            continue
        line = card.summary or card.idea.strip().split(". ")[0]
        ideas[card_id] = " ".join(line.split())
    return ideas


def report_markdown(
    report: Report,
    prompt: Prompt,
    *,
    phases: Sequence[Mapping[str, Any]] | None = None,
    answer: str | None = None,
    cards: Mapping[str, str] | None = None,
    when: str | None = None,
    overtime: float = 0.0,
) -> str:
    """The whole report as Markdown: score, categories, items, misconceptions, time, answer."""
    cards = cards or {}
    out = [f"# {prompt.title}: {report.score:g} / 100 ({report.band})", ""]
    if report.anchor:
        out += [f"> {report.anchor}", ""]
    facts = [f"{report.words} words"]
    if when:
        facts.insert(0, when)
    out += [" · ".join(facts), ""]
    if report.off_topic:
        out += [
            "**The answer does not look like it is about this prompt, so the score is capped at 10.**",
            "",
        ]

    out += ["## Categories", "", "| Category | Score | |", "|---|---:|---|"]
    for cat, value in report.categories.items():
        out.append(f"| {CATEGORY_TITLES.get(cat, cat)} | {value:g} | `{bar(value)}` |")
    out.append("")

    out += ["## Items", ""]
    for item in sorted(report.items, key=lambda i: (-i.credit, -i.weight)):
        word, symbol = mark(item.credit)
        title = CATEGORY_TITLES.get(item.category, item.category)
        out.append(f"### {symbol} {word.capitalize()}: {item.title}")
        out += ["", f"*{title} · weight {item.weight}*", ""]
        out += [f"> {quote}" for quote in item.evidence]
        if item.evidence:
            out.append("")
        if item.credit < 1:
            out += [f"- Hint: {item.hint}", f"- From the notes: {item.note}"]
            if item.card and item.card in cards:
                out.append(f"- Concept: {cards[item.card]} (`designcoach notes {item.card}`)")
            out.append("")

    if report.misconceptions:
        out += ["## Misconceptions", ""]
        for mis in report.misconceptions:
            out += [f"### {mis.title} (-{mis.penalty:g} points)", ""]
            out += [f"> {quote}" for quote in mis.evidence]
            out += ["", f"- Correction: {mis.correction}", f"- From the notes: {mis.note}"]
            if mis.card and mis.card in cards:
                out.append(f"- Concept: {cards[mis.card]} (`designcoach notes {mis.card}`)")
            out.append("")

    if report.estimates:
        out += ["## Estimates checked", ""]
        for est in report.estimates:
            verdict = estimate_mark(est)[0]
            note = est.note or ("consistent" if est.ok else "off by more than 10x")
            out.append(f"- {verdict} {est.evidence} ({note})")
        out.append("")

    if report.followups:
        out += ["## Follow-up questions", ""]
        out += [f"{n}. {q}" for n, q in enumerate(report.followups, 1)]
        out.append("")

    if phases:
        out += phase_table(prompt, phases, overtime)

    if answer is not None:
        out += ["## Your answer", "", answer.strip(), ""]
    return "\n".join(out)


def phase_table(prompt: Prompt, phases: Sequence[Mapping[str, Any]], overtime: float) -> list[str]:
    titles: dict[str, str] = {p.id: p.title for p in prompt.phases}
    lines = ["## Time per phase", "", "| Phase | Used | Budget |", "|---|---:|---:|"]
    for row in phases:
        name = titles.get(str(row["phase"]), str(row["phase"]))
        used, budget = float(row["seconds"]), float(row["budget_seconds"])
        flag = " (over)" if used > budget else ""
        lines.append(f"| {name} | {clock_text(used)}{flag} | {clock_text(budget)} |")
    used = sum(float(r["seconds"]) for r in phases)
    budget = sum(float(r["budget_seconds"]) for r in phases)
    lines.append(f"| **Total** | **{clock_text(used)}** | **{clock_text(budget)}** |")
    if overtime > 0:
        lines += ["", f"Overtime: {clock_text(overtime)}."]
    return [*lines, ""]


def _build(cls: type[T], data: Mapping[str, Any]) -> T:
    """A report dataclass from its dict, ignoring keys it does not know (older or newer JSON)."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})


def report_from_dict(data: Mapping[str, Any]) -> Report:
    """A Report rebuilt from its `to_dict()` JSON (as the history stores it)."""
    top = dict(data)
    top["items"] = [_build(ItemResult, i) for i in data.get("items", [])]
    top["misconceptions"] = [_build(MisconceptionResult, m) for m in data.get("misconceptions", [])]
    top["estimates"] = [_build(EstimateResult, e) for e in data.get("estimates", [])]
    top.setdefault("followups", [])
    top.setdefault("categories", {})
    top.setdefault("words", 0)
    if data.get("transcript") is not None:
        t = dict(data["transcript"])
        if t.get("phases") is not None:
            t["phases"] = [_build(PhaseTime, p) for p in t["phases"]]
        top["transcript"] = _build(TranscriptInfo, t)
    return _build(Report, top)
