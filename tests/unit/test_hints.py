"""Hints without a screen: which comes next, the phase it belongs to, and which requests count."""

from __future__ import annotations

from pathlib import Path

import pytest

from designcoach.content.catalog import Catalog
from designcoach.content.models import Prompt
from designcoach.grading.report import ItemResult, Report
from designcoach.history.hints import REPEAT_GUARD, home_phase, next_hint
from designcoach.history.session import PhasePlan, PracticeSession

CONTENT = Path(__file__).resolve().parents[1] / "tui" / "content"

PHASES = [
    PhasePlan(id_, id_.title(), "goal", 60.0)
    for id_ in ("requirements", "estimates", "high-level", "deep-dive", "wrap-up")
]


def item(id_: str, category: str, weight: int = 1, credit: float = 0.0) -> ItemResult:
    return ItemResult(id_, id_, category, weight, credit, [], f"hint for {id_}", "note")


def report_of(*items: ItemResult) -> Report:
    return Report("mini", 0.0, "no hire", 0, list(items), [], [], {})


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_category_belongs_to_this_phase_else_the_next_that_covers_it() -> None:
    assert home_phase("requirements", PHASES, 0) is PHASES[0]
    assert home_phase("trade-offs", PHASES, 0) is PHASES[3]  # the deep dive, not the wrap-up
    assert home_phase("trade-offs", PHASES, 4) is PHASES[4]
    assert home_phase("estimates", PHASES, 4) is PHASES[1]  # wraps round to an earlier phase
    assert home_phase("reliability", PHASES, 0) is PHASES[2]
    assert home_phase("api", PHASES, 0) is None  # no phase of this interview covers it


def test_this_phase_first_then_least_covered_then_heaviest() -> None:
    report = report_of(
        item("a", "high-level", 5),
        item("b", "requirements", 1, credit=0.5),
        item("c", "requirements", 3),
        item("d", "requirements", 5, credit=1.0),  # explained: never hinted
    )
    first = next_hint(report, PHASES, 0, [])
    assert (first.kind, first.item and first.item.id, first.phase) == ("hint", "c", PHASES[0])
    assert first.counted
    second = next_hint(report, PHASES, 0, ["c"])
    assert second.item is not None and second.item.id == "b"


def test_when_this_phase_has_none_left_it_says_so_and_where_the_next_comes_from() -> None:
    report = report_of(
        item("r1", "requirements"),
        item("r2", "requirements", credit=1.0),
        item("t", "trade-offs", 9),
        item("h", "high-level", 1),
    )
    note = next_hint(report, PHASES, 0, ["r1"])
    assert note.kind == "used-up" and note.item is None and not note.counted
    # the next phase that has one, before a heavier item further on
    assert note.next_phase is PHASES[2] and note.next_category == "high-level"
    assert (note.given_here, note.explained_here) == (1, 1)
    # asked again, deliberately: the other phase's hint, naming its phase
    beyond = next_hint(report, PHASES, 0, ["r1"], beyond=True)
    assert beyond.kind == "hint" and beyond.item is not None and beyond.item.id == "h"
    assert beyond.phase is PHASES[2] and beyond.current is PHASES[0]


def test_a_phase_with_nothing_open_says_so_at_once() -> None:
    report = report_of(item("r", "requirements", credit=1.0), item("x", "api"))
    note = next_hint(report, PHASES, 0, [])
    assert note.kind == "used-up" and (note.given_here, note.explained_here) == (0, 1)
    assert note.next_phase is None and note.next_category == "api"


def test_once_every_open_item_was_hinted_they_come_round_again_uncounted() -> None:
    report = report_of(item("h", "high-level"), item("r", "requirements"), item("e", "estimates"))
    given = ["h", "r", "e"]
    shown = [next_hint(report, PHASES, 0, given, shown=None)]
    for _ in range(3):
        item_id = shown[-1].item.id if shown[-1].item else None
        shown.append(next_hint(report, PHASES, 0, given, shown=item_id))
    assert all(h.kind == "again" and not h.counted for h in shown)
    # this phase's first, then in phase order, then round again
    assert [h.item.id for h in shown if h.item] == ["r", "e", "h", "r"]


def test_no_hint_when_everything_is_explained() -> None:
    hint = next_hint(report_of(item("a", "api", credit=1.0)), PHASES, 0, [])
    assert hint.kind == "done" and hint.item is None and not hint.counted


@pytest.fixture
def prompt() -> Prompt:
    return Catalog([CONTENT]).prompt("mini")  # phases requirements, high-level, deep-dive


MINI = report_of(
    item("scope", "requirements"),
    item("push", "high-level", 3),
    item("offline", "deep-dive", 2),
)


def test_a_held_key_asks_once(prompt: Prompt) -> None:
    clock = FakeClock()
    session = PracticeSession(prompt, clock=clock)
    asked = []
    for _ in range(100):  # held for three seconds at a terminal's ~30 repeats a second
        asked.append(session.hint_wanted())
        clock.now += 0.03
    assert asked == [True] + [False] * 99
    clock.now += REPEAT_GUARD
    assert session.hint_wanted()  # let go, then pressed again: a new request
    clock.now += REPEAT_GUARD * 0.9
    assert not session.hint_wanted()  # a double press
    session.go_to(1)
    assert session.hint_wanted()  # in a new phase at once: a new request


def test_eight_quick_presses_give_one_hint_and_the_phase_stays(prompt: Prompt) -> None:
    clock = FakeClock()
    session = PracticeSession(prompt, clock=clock)
    given = []
    for _ in range(8):
        if session.hint_wanted():
            given.append(session.give_hint(MINI))
        clock.now += 0.15
    assert [(h.kind, h.phase) for h in given] == [("hint", session.phases[0])]
    assert session.hints == ["scope"]


def test_going_past_a_used_up_phase_takes_a_request_and_counts_each_item_once(
    prompt: Prompt,
) -> None:
    session = PracticeSession(prompt)
    kinds = []
    for _ in range(6):
        hint = session.give_hint(MINI)
        kinds.append((hint.kind, hint.item.id if hint.item else hint.next_category))
    assert kinds == [
        ("hint", "scope"),
        ("used-up", "high-level"),  # told, not counted
        ("hint", "push"),  # asked again: another phase's hint, counted
        ("hint", "offline"),
        ("again", "scope"),  # all had their hint: shown again, not counted
        ("again", "push"),
    ]
    assert session.hints == ["scope", "push", "offline"]
    # moving to another phase and back: told again before going past it
    session.hints = ["scope"]
    session.go_to(1)
    session.go_to(0)
    assert session.give_hint(MINI).kind == "used-up"
