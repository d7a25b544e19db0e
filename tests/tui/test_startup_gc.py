"""`designcoach practice` starts without the cyclic garbage collector and turns it back on once
the first frame is up (or when the start fails), so a long session collects as usual."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from designcoach.cli.practice import build_app
from designcoach.history.drafts import DraftInUse
from designcoach.tui.session import SessionScreen


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    yield
    gc.unfreeze()  # build_app froze what the test process had made; let it be collected
    gc.enable()


async def test_the_collector_is_off_from_the_build_until_the_first_frame() -> None:
    app = build_app("whatsapp", None, check_tty=False)
    assert not gc.isenabled()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert gc.isenabled()


def test_a_start_that_fails_leaves_the_collector_on(home: Path) -> None:
    # the prompt is held by another live designcoach (this test's parent process stands in)
    (home / "drafts").mkdir(parents=True, exist_ok=True)
    (home / "drafts" / "whatsapp.lock").write_text(str(os.getppid()), encoding="ascii")
    with pytest.raises(DraftInUse):
        build_app("whatsapp", None, check_tty=False)
    assert gc.isenabled()
