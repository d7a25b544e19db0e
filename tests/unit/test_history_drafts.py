"""Drafts: atomic files, damaged files set aside, the background writer."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from designcoach.history.drafts import Draft, DraftStore, DraftWriter, atomic_write


def draft(text: str = "hello", prompt: str = "whatsapp") -> Draft:
    return Draft(
        prompt=prompt,
        minutes=45.0,
        started_at="2025-01-01T09:00:00+00:00",
        current="estimates",
        texts={"requirements": text, "estimates": "1 billion users"},
        spent={"requirements": 120.0, "estimates": 30.5},
        hints=["realtime-push"],
    )


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    original = draft()
    path = store.save(original)
    assert path == tmp_path / "whatsapp.json"
    loaded = store.load("whatsapp")
    assert loaded == original
    assert loaded.saved_at  # stamped on save
    assert loaded.words == 4 and loaded.seconds == 150.5
    assert store.load("tinder") is None


def test_atomic_write_replaces_whole_files_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "x.json"
    atomic_write(target, "one")
    atomic_write(target, "two")
    assert target.read_text(encoding="utf-8") == "two"
    assert [p.name for p in target.parent.iterdir()] == ["x.json"]


def test_a_damaged_draft_is_moved_aside_with_its_bytes(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    (tmp_path / "whatsapp.json").write_text('{"format_version": 1, "prompt": ', encoding="utf-8")
    assert store.load("whatsapp") is None
    [aside] = tmp_path.glob("whatsapp.*.damaged.json")
    assert store.damaged == {"whatsapp": aside}  # for the screen to say where
    assert aside.read_text(encoding="utf-8") == '{"format_version": 1, "prompt": '
    assert not (tmp_path / "whatsapp.json").exists()


def test_set_aside_and_clear(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.save(draft("old"))
    kept = store.set_aside("whatsapp")
    assert kept is not None and kept.name.endswith(".old.json")
    assert json.loads(kept.read_text(encoding="utf-8"))["texts"]["requirements"] == "old"
    assert store.set_aside("whatsapp") is None
    store.save(draft())
    store.clear("whatsapp")
    store.clear("whatsapp")  # twice is fine
    assert store.load("whatsapp") is None


def test_writer_keeps_only_the_newest_and_flush_waits_for_it(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    writer = DraftWriter(store)
    started = time.perf_counter()
    for n in range(200):
        writer.submit(draft(f"version {n}"))
    submitting = time.perf_counter() - started
    assert writer.flush(5.0)
    assert store.load("whatsapp").texts["requirements"] == "version 199"
    assert 1 <= writer.saves <= 200
    # submitting never waits for the disk: 200 submits take far less than 200 fsyncs would
    assert submitting < 0.5
    writer.close()
    writer.submit(draft("after close"))  # ignored, not an error
    assert store.load("whatsapp").texts["requirements"] == "version 199"


def test_writer_reports_errors_instead_of_dying(tmp_path: Path) -> None:
    blocker = tmp_path / "drafts"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    errors: list[BaseException] = []
    writer = DraftWriter(DraftStore(blocker), on_error=errors.append)
    writer.submit(draft())
    assert writer.flush(5.0)
    assert errors and isinstance(errors[0], OSError)
    # still alive: once the folder can be made, the next draft is saved
    blocker.unlink()
    writer.submit(draft("second try"))
    assert writer.close(5.0)
    assert DraftStore(blocker).load("whatsapp").texts["requirements"] == "second try"


@pytest.mark.parametrize(
    "text",
    ['{"format_version": 2, "prompt": "x"}', "[]", '{"format_version": 1}', "not json"],
)
def test_from_json_rejects_what_is_not_a_draft(text: str) -> None:
    with pytest.raises(ValueError):
        Draft.from_json(text)


HOLDER = """
import sys
from pathlib import Path
from designcoach.history.drafts import DraftStore
DraftStore(Path(sys.argv[1])).claim("whatsapp", "Design WhatsApp")
print("held", flush=True)
sys.stdin.read()  # until the test lets go
"""


def test_a_prompt_open_in_another_process_cannot_be_claimed_until_it_exits(
    tmp_path: Path,
) -> None:
    import subprocess
    import sys

    from designcoach.history.drafts import DraftInUse

    other = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline() == "held\n"
        store = DraftStore(tmp_path)
        with pytest.raises(DraftInUse) as caught:
            store.claim("whatsapp", "Design WhatsApp")
        message = str(caught.value)
        assert f"process {other.pid}" in message and "Design WhatsApp is open" in message
        assert "\n" not in message
        store.claim("tinder", "Design Tinder")  # another prompt is free
    finally:
        assert other.stdin is not None
        other.stdin.close()
        other.wait(timeout=30)
    assert not (tmp_path / "whatsapp.lock").exists(), "released when its process ended"
    store.claim("whatsapp", "Design WhatsApp")
    assert (tmp_path / "whatsapp.lock").read_text() == str(os.getpid())
    store.claim("whatsapp", "Design WhatsApp")  # again, by the same process: fine
    store.release("whatsapp")
    assert not (tmp_path / "whatsapp.lock").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tinder.lock"], "no temp files left"


def test_a_lock_left_by_a_process_that_has_gone_is_taken_over(tmp_path: Path) -> None:
    import subprocess
    import sys

    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        text=True,
        capture_output=True,
        check=True,
    )
    (tmp_path / "whatsapp.lock").write_text(gone.stdout.strip())
    (tmp_path / "tinder.lock").write_text("not a process id")
    store = DraftStore(tmp_path)
    store.claim("whatsapp", "Design WhatsApp")
    store.claim("tinder", "Design Tinder")
    assert (tmp_path / "whatsapp.lock").read_text() == str(os.getpid())
    assert (tmp_path / "tinder.lock").read_text() == str(os.getpid())


def test_release_leaves_another_process_lock_alone(tmp_path: Path) -> None:
    (tmp_path / "whatsapp.lock").write_text("1")  # pid 1 is always alive
    DraftStore(tmp_path).release("whatsapp")
    assert (tmp_path / "whatsapp.lock").read_text() == "1"
