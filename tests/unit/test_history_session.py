"""A practice session without a screen: budgets, the clock, phases, drafts, hints, finishing."""

from __future__ import annotations

from pathlib import Path

import pytest

from designcoach.content.catalog import Catalog
from designcoach.content.models import Prompt
from designcoach.history.drafts import DraftStore
from designcoach.history.finish import finish_session
from designcoach.history.session import PracticeSession, compose_answer, plan_phases
from designcoach.history.store import HistoryStore

CONTENT = Path(__file__).resolve().parents[1] / "tui" / "content"


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def catalog() -> Catalog:
    return Catalog([CONTENT])


@pytest.fixture
def prompt(catalog: Catalog) -> Prompt:
    return catalog.prompt("mini")  # phases 2 + 2 + 1 minutes, twist at the deep dive


def test_minutes_scale_the_budgets_and_keep_their_proportions(prompt: Prompt) -> None:
    assert [p.budget for p in plan_phases(prompt, None)] == [120.0, 120.0, 60.0]
    assert [round(p.budget, 6) for p in plan_phases(prompt, 10)] == [240.0, 240.0, 120.0]
    assert sum(p.budget for p in plan_phases(prompt, 0.5)) == pytest.approx(30.0)


def test_time_counts_only_while_running_and_only_for_the_current_phase(prompt: Prompt) -> None:
    clock = FakeClock()
    session = PracticeSession(prompt, clock=clock)
    clock.now += 50  # not started yet
    assert session.elapsed() == 0
    session.start()
    clock.now += 30
    assert session.phase_elapsed() == 30
    assert session.phase_remaining() == 90
    assert session.go_to(1)
    clock.now += 10
    assert session.phase_elapsed(0) == 30 and session.phase_elapsed(1) == 10
    assert session.remaining() == 300 - 40
    assert not session.go_to(7) and not session.go_to(1)
    session.stop()
    clock.now += 1000
    assert session.elapsed() == 40


def test_overtime_once_the_budget_is_spent(prompt: Prompt) -> None:
    clock = FakeClock()
    session = PracticeSession(prompt, minutes=1, clock=clock)
    session.start()
    clock.now += 45
    assert session.overtime() == 0
    clock.now += 30
    assert session.remaining() == -15
    assert session.overtime() == 15


def test_twist_shows_from_its_phase_on(prompt: Prompt) -> None:
    session = PracticeSession(prompt, clock=FakeClock())
    assert not session.twist_seen
    session.go_to(1)
    assert not session.twist_seen
    session.go_to(2)
    assert session.twist_seen
    session.go_to(0)
    assert session.twist_seen


def test_answer_joins_the_phases_under_headings_and_skips_empty_ones(prompt: Prompt) -> None:
    plans = plan_phases(prompt, None)
    answer = compose_answer(
        plans, {"requirements": " Chat. ", "high-level": "", "deep-dive": "Queues."}
    )
    assert answer == "## Requirements\n\nChat.\n\n## Deep dives\n\nQueues.\n"


def test_a_draft_brings_back_texts_phase_time_and_hints(prompt: Prompt) -> None:
    clock = FakeClock()
    session = PracticeSession(prompt, minutes=4, clock=clock)
    session.start()
    session.texts["requirements"] = "200 users"
    clock.now += 20
    session.go_to(2)
    clock.now += 5
    session.hints.append("push")
    draft = session.to_draft()
    again = PracticeSession.from_draft(prompt, draft, clock=clock)
    assert again.minutes == 4
    assert again.current.id == "deep-dive" and again.twist_seen
    assert again.texts["requirements"] == "200 users"
    assert again.phase_elapsed(0) == 20 and again.phase_elapsed(2) == 5
    assert again.hints == ["push"]


def test_a_draft_with_a_hint_repeated_counts_it_once(prompt: Prompt) -> None:
    # drafts written before hints were counted once per item can repeat an id
    session = PracticeSession(prompt)
    session.hints = ["push", "scope", "push"]
    again = PracticeSession.from_draft(prompt, session.to_draft())
    assert again.hints == ["push", "scope"]
    assert again.started_at == session.started_at


def test_finishing_grades_stores_and_clears_the_draft(
    prompt: Prompt, catalog: Catalog, tmp_path: Path
) -> None:
    clock = FakeClock()
    drafts = DraftStore(tmp_path / "drafts")
    store = HistoryStore(tmp_path / "history.sqlite3")
    session = PracticeSession(prompt, clock=clock)
    session.start()
    session.texts["high-level"] = "Web sockets to every desk because polling wastes battery."
    session.texts["requirements"] = "Group chat, read receipts."
    clock.now += 42
    drafts.save(session.to_draft())
    done = finish_session(session, catalog.rubric_for(prompt), store, drafts)
    assert done.error is None
    assert drafts.load("mini") is None
    [kept] = store.sessions()
    assert kept.seconds == 42 and kept.overtime_seconds == 0
    assert kept.score == done.report.score and kept.report == done.report.to_dict()
    assert kept.answer.startswith("## Requirements") and "## High-level design" in kept.answer
    # the words written (9 + 4), as the status line counts them: not the headings added
    assert done.report.words == session.words() == 13 and kept.report["words"] == 13


def test_when_the_history_cannot_be_written_the_draft_stays(
    prompt: Prompt, catalog: Catalog, tmp_path: Path
) -> None:
    drafts = DraftStore(tmp_path / "drafts")
    (tmp_path / "history.sqlite3").mkdir()  # a folder where the file should be
    session = PracticeSession(prompt, clock=FakeClock())
    session.texts["requirements"] = "keep me"
    done = finish_session(
        session, catalog.rubric_for(prompt), HistoryStore(tmp_path / "history.sqlite3"), drafts
    )
    assert done.error and "history" in done.error
    assert drafts.load("mini").texts["requirements"] == "keep me"


def test_text_of_a_phase_the_prompt_no_longer_has_is_kept(prompt: Prompt) -> None:
    session = PracticeSession(prompt, clock=FakeClock())
    draft = session.to_draft()
    draft.texts["estimates"] = "1 billion users"  # mini has no estimates phase
    draft.texts["requirements"] = "Chat"
    again = PracticeSession.from_draft(prompt, draft, clock=FakeClock())
    assert again.texts["requirements"] == "Chat\n\n(estimates) 1 billion users"
