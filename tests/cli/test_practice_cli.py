"""`designcoach practice`: what happens before the screen takes over."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from designcoach.cli import main


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DESIGNCOACH_HOME", str(tmp_path))
    return tmp_path


def test_unknown_prompt_exits_2_and_names_the_known_ones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["practice", "no-such-prompt"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1  # one line, no traceback
    assert "no-such-prompt" in err and "whatsapp" in err


def test_without_a_terminal_practice_says_so_in_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["practice", "whatsapp"])  # pytest's stdin is not a terminal
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "interactive terminal" in err and err.count("\n") == 1


@pytest.mark.parametrize("minutes", ["0", "-3", "soon"])
def test_bad_minutes_exit_2(minutes: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["practice", "whatsapp", "--minutes", minutes])
    assert exit_.value.code == 2
    assert "--minutes" in capsys.readouterr().err


@pytest.mark.parametrize("minutes", ["inf", "-inf", "nan", "1e9", "600.5", "0.01"])
def test_minutes_out_of_range_are_refused_before_the_screen(
    minutes: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["practice", "whatsapp", "--minutes", minutes])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("designcoach: error: Invalid value for '--minutes': ")
    assert "is not between 0.05 and 600 minutes" in err


@pytest.mark.parametrize("minutes", ["0.05", "600"])
def test_minutes_at_the_ends_of_the_range_are_taken(
    minutes: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["practice", "whatsapp", "--minutes", minutes])
    assert "interactive terminal" in capsys.readouterr().err  # past the options, at the tty check


def test_textual_is_imported_only_by_practice() -> None:
    code = (
        "import sys\n"
        "from designcoach.cli import history, practice\n"
        "import designcoach.history.store, designcoach.history.drafts, designcoach.history.session\n"
        "import designcoach.history.finish, designcoach.grading.export\n"
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
