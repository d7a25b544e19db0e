"""A graded answer (or a folder's grades) as a plain document: headings, lines, bars, tables.

Two writers print it: `render_plain` (no imports beyond the standard library; used whenever
stdout is not a terminal, so piped output has no escape codes and a cold `grade` stays quick)
and `render_rich` (a terminal, with colour). Building the content once keeps the two alike.
"""

from __future__ import annotations

import os.path
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from designcoach.grading.estimates_wording import mark as estimate_mark
from designcoach.grading.report import ItemResult, Report

if TYPE_CHECKING:
    from designcoach.content.models import Prompt
    from designcoach.grading.batch import Graded

CardIdea = Callable[[str], "str | None"]
Span = tuple[str, str]  # text and a Rich style ("" for none)
MARKS = {1.0: ("✔", "green"), 0.5: ("◐", "yellow"), 0.0: ("✘", "red")}
BAND_STYLE = {
    "strong hire": "bold green",
    "hire": "green",
    "lean no hire": "yellow",
    "no hire": "red",
}


@dataclass
class Line:
    spans: list[Span]
    indent: int = 0
    wrap: bool = True  # False: one line whatever the width (the headline that `head -1` reads)


@dataclass
class Heading:
    text: str


@dataclass
class Bars:
    rows: list[tuple[str, float]]


@dataclass
class Rows:
    """A small table; `right` lists the columns to align right."""

    header: list[str]
    rows: list[list[Span]]
    right: set[int] = field(default_factory=set)
    title: str = ""


Block = Line | Heading | Bars | Rows


def _quote(text: str) -> Span:
    return (f"“{' '.join(text.split())}”", "italic")


def _item(item: ItemResult, card_idea: CardIdea | None) -> list[Block]:
    mark, style = MARKS.get(item.credit, MARKS[0.0])
    out: list[Block] = [
        Line(
            [
                (f"{mark} ", style),
                (item.title, "bold" if item.credit < 1 else ""),
                (f"  [{item.category}, weight {item.weight}]", "dim"),
            ]
        )
    ]
    out += [Line([_quote(e)], 4) for e in item.evidence]
    if item.why and (item.credit < 1 or item.evidence):
        out.append(Line([(item.why, "dim")], 4))
    if item.credit < 1:
        out.append(Line([("Hint: ", "bold"), (item.hint, "")], 4))
        out.append(Line([("Notes: ", "bold"), (item.note, "")], 4))
        idea = card_idea(item.card) if card_idea and item.card else None
        if idea:
            out.append(Line([("Card: ", "bold"), (idea, "")], 4))
    return out


def _mmss(seconds: float) -> str:
    s = int(round(seconds))
    return f"{s // 60}:{s % 60:02d}"


def report_document(
    report: Report, prompt: Prompt, card_idea: CardIdea | None = None
) -> list[Block]:
    """Everything about one graded answer, top to bottom."""
    doc: list[Block] = [
        Line(
            [
                (f"{prompt.title}: ", "bold"),
                (f"{report.score:.1f}/100 ", "bold"),
                (report.band, BAND_STYLE.get(report.band, "")),
                (f"   level {report.level}, {report.words} words", "dim"),
            ],
            wrap=False,
        ),
        Line([(report.anchor, "italic")]),
    ]
    if report.off_topic:
        doc.append(Line([(f"Off topic: {report.relevance}.", "bold red")]))
    if report.reading:
        doc.append(Line([(f"{report.reading}.", "yellow")]))
    doc += [Heading("Categories"), Bars(list(report.categories.items()))]

    done = sorted((i for i in report.items if i.credit > 0), key=lambda i: (-i.credit, -i.weight))
    missing = sorted((i for i in report.items if i.credit == 0), key=lambda i: -i.weight)
    doc.append(Heading(f"What you covered ({len(done)} of {len(report.items)})"))
    for item in done:
        doc += _item(item, card_idea)
    if missing:
        doc.append(Heading("Missing"))
        for item in missing:
            doc += _item(item, card_idea)

    if report.misconceptions:
        doc.append(Heading("Misconceptions"))
        for m in report.misconceptions:
            doc.append(Line([("! ", "bold red"), (m.title, "bold"), (f"  (-{m.penalty:g})", "")]))
            doc.append(Line([("You said:", "bold")], 4))
            doc += [Line([_quote(e)], 4) for e in m.evidence]
            doc.append(Line([("Correction: ", "bold"), (m.correction, "")], 4))
            doc.append(Line([("Notes: ", "bold"), (m.note, "")], 4))

    if report.estimates:
        doc.append(Heading("Estimates"))
        for e in report.estimates:
            mark, style = estimate_mark(e)
            doc.append(Line([(f"{mark} ", style), (e.evidence, "italic"), (f"  {e.note}", "")]))

    t = report.transcript
    if t is not None:
        doc.append(Heading("Transcript"))
        doc.append(
            Line(
                [
                    (
                        f"{t.turns} turns; the candidate said {t.candidate_words} words, the "
                        f"interviewer {t.interviewer_words}. Only the candidate's words are graded.",
                        "",
                    )
                ]
            )
        )
        if t.phases:
            rows = []
            for p in t.phases:
                over = p.seconds - p.budget_seconds
                note = f"{over // 60:.0f} min over" if over >= 60 else ""
                rows.append(
                    [
                        (p.title or p.phase, ""),
                        (_mmss(p.seconds), ""),
                        (_mmss(p.budget_seconds), ""),
                        (note, "yellow"),
                    ]
                )
            doc.append(Rows(["phase", "spent", "budget", ""], rows, right={1, 2}))
        if t.unordered_stamps:
            stamps = ", ".join(f"[{_mmss(s)}]" for s in t.unordered_stamps)
            doc.append(
                Line([(f"Out of order with the stamps around, so not timed: {stamps}.", "yellow")])
            )

    if report.followups:
        doc.append(Heading("What an interviewer would ask next"))
        doc += [Line([(f"{n}. {q}", "")]) for n, q in enumerate(report.followups, 1)]
    return doc


SKIPPED_SHOWN = 5  # files named in the line about the files not graded


def summary_document(
    results: list[Graded], base: str | None = None, skipped: list[str] | None = None
) -> list[Block]:
    """One row per file, best first; files that could not be graded say why, and `skipped`
    (files of the folder that are not answers by their names) are named after the table."""
    rows = []
    for n, g in enumerate(results, 1):
        name = os.path.relpath(g.file, base) if base else g.file
        r = g.report
        if r is None:
            rows.append(
                [
                    (str(n), "dim"),
                    (name, ""),
                    ("-", ""),
                    ("error", "red"),
                    ("", ""),
                    ("", ""),
                    ("", ""),
                    (g.error, "red"),
                ]
            )
            continue
        rows.append(
            [
                (str(n), "dim"),
                (name, ""),
                (f"{r.score:.1f}", ""),
                (r.band, BAND_STYLE.get(r.band, "")),
                (str(r.words), ""),
                (str(len(r.misconceptions)), ""),
                (str(sum(not e.ok for e in r.estimates)), ""),
                ("off topic: score capped" if r.off_topic else "", "yellow"),
            ]
        )
    header = ["#", "file", "score", "band", "words", "misc.", "est. off", "problem"]
    doc: list[Block] = [Rows(header, rows, right={0, 2, 4, 5, 6}, title="Grades")]
    if skipped:
        names = [os.path.relpath(p, base) if base else p for p in skipped]
        shown = ", ".join(names[:SKIPPED_SHOWN])
        more = f" and {len(names) - SKIPPED_SHOWN} more" if len(names) > SKIPPED_SHOWN else ""
        doc.append(
            Line(
                [
                    (
                        f"Not graded, as not .md, .markdown or .txt: {shown}{more}. Rename an "
                        "answer to one of those to grade it.",
                        "yellow",
                    )
                ]
            )
        )
    return doc
