"""Ending a practice session: grade the answer, keep it in the history, drop the draft."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from designcoach.history.drafts import DraftStore, DraftWriter
from designcoach.history.store import HistoryError, HistoryStore, SessionRecord
from designcoach.timefmt import now_iso

if TYPE_CHECKING:
    from designcoach.content.models import Rubric
    from designcoach.grading.report import Report
    from designcoach.history.session import PracticeSession


@dataclass
class Finished:
    report: Report
    record: SessionRecord
    error: str | None = None  # why the history could not keep it (the draft then stays)


def finish_session(
    session: PracticeSession,
    rubric: Rubric,
    store: HistoryStore,
    drafts: DraftStore,
    writer: DraftWriter | None = None,
) -> Finished:
    """Grade, store and clear the draft; if the history cannot be written, the draft stays."""
    from designcoach.grading.engine import grade_text

    session.stop()
    answer = session.answer()
    # never a transcript: the TUI's answer has no speaker turns, whatever the user writes
    report = grade_text(answer, session.prompt, rubric, transcript=False)
    # the words the user wrote, as the status line counted them, not the headings added
    report.words = session.words()
    record = SessionRecord(
        prompt=session.prompt.id,
        started_at=session.started_at,
        ended_at=now_iso(),
        budget_seconds=round(session.budget, 1),
        seconds=round(session.elapsed(), 1),
        overtime_seconds=round(session.overtime(), 1),
        phases=session.phase_times(),
        answer=answer,
        score=report.score,
        band=report.band,
        report=report.to_dict(),
        hints=len(session.hints),
    )
    try:
        store.add(record)
    except HistoryError as exc:
        if writer is not None:
            writer.submit(session.to_draft())
            writer.close()
        else:
            drafts.save(session.to_draft())
        return Finished(report, record, str(exc))
    if writer is not None:
        writer.discard()
        writer.close()
    drafts.clear(session.prompt.id)
    return Finished(report, record)
