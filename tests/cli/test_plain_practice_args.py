"""`practice` command lines read without Typer must be read exactly as Typer reads them."""

from __future__ import annotations

import contextlib
import importlib
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from designcoach.cli import commands
from designcoach.cli.plain_args import plain_practice

IDS = ["whatsapp", "tinder", "", "-x", "--help", "--", "practice"]
VALUES = [
    "5",
    "0.05",
    "0.04",
    "600",
    "600.5",
    "0.01",
    "1e1",
    "1_0",
    " 7",
    "nan",
    "inf",
    "abc",
    "-5",
]
PART = st.one_of(
    st.sampled_from(IDS).map(lambda token: [token]),
    st.sampled_from(VALUES).map(lambda value: ["--minutes", value]),
    st.sampled_from(VALUES).map(lambda value: [f"--minutes={value}"]),
    st.just(["--minutes"]),
)


def typer_reading(args: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple | None:
    """What the Typer app passes to run_practice for `args`, or None when it does not start."""
    seen: list[tuple] = []
    module = importlib.import_module("designcoach.cli.practice")
    monkeypatch.setattr(module, "run_practice", lambda *call: seen.append(call))
    with contextlib.suppress(SystemExit):
        commands.main(args)
    return seen[0] if seen else None


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(PART, max_size=3))
def test_a_plain_reading_is_the_typer_reading(parts: list[list[str]]) -> None:
    args = ["practice", *(token for part in parts for token in part)]
    plain = plain_practice(args)
    if plain is None:
        return  # Typer reads it (and words any error)
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert typer_reading(args, monkeypatch) == plain, args


@pytest.mark.parametrize("value", VALUES)
def test_each_minutes_value_is_read_as_typer_reads_it(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["practice", "whatsapp", "--minutes", value]
    assert plain_practice(args) in (None, typer_reading(args, monkeypatch))
    if typer_reading(args, monkeypatch) is None:
        assert plain_practice(args) is None, "Typer refuses it, so it must go to Typer"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["practice"], (None, None)),
        (["practice", "whatsapp"], ("whatsapp", None)),
        (["practice", "whatsapp", "--minutes", "30"], ("whatsapp", 30.0)),
        (["practice", "--minutes=2.5", "tinder"], ("tinder", 2.5)),
        (["practice", "whatsapp", "--minutes", "inf"], None),
        (["practice", "whatsapp", "--help"], None),
        (["--content", "x", "practice"], None),
        (["grade", "a.md"], None),
    ],
)
def test_plain_command_lines(args: list[str], expected: tuple | None) -> None:
    assert plain_practice(args) == expected


def test_plain_practice_starts_without_importing_typer() -> None:
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('typer' in sys.modules, file=sys.stderr))\n"
        "from designcoach.cli import main\n"
        "main(['practice', 'whatsapp'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 2  # no terminal here: one line, as from the Typer app
    lines = out.stderr.splitlines()
    assert lines[0].startswith("designcoach: error: practice needs an interactive terminal")
    assert lines[-1] == "False"
