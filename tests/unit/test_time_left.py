"""How the practice screen shows the time left: rounded up, float noise aside."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from designcoach.content.catalog import Catalog
from designcoach.history.session import PracticeSession
from designcoach.timefmt import left_text


def test_a_fresh_one_minute_session_shows_one_minute_left() -> None:
    session = PracticeSession(Catalog().prompt("whatsapp"), minutes=1, clock=lambda: 0.0)
    session.start()
    assert left_text(session.remaining()) == "1:00"


def test_time_left_rounds_up() -> None:
    assert left_text(59.2) == "1:00"
    assert left_text(0.4) == "0:01"
    assert left_text(3600.0) == "1:00:00"


@given(st.integers(0, 10_000), st.floats(0, 1e-9))
def test_float_noise_adds_no_second(whole: int, noise: float) -> None:
    assert left_text(whole + noise) == left_text(whole)
