"""The top-level command: version, prompt catalog, and one-line errors with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from designcoach import __version__


def run(*args: str, env_home: str) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(os.environ, DESIGNCOACH_HOME=env_home, COLUMNS="100")
    return subprocess.run(
        [sys.executable, "-m", "designcoach", *args], capture_output=True, text=True, env=env
    )


def test_version(tmp_path) -> None:
    out = run("--version", env_home=str(tmp_path))
    assert out.returncode == 0
    assert out.stdout.strip() == f"designcoach {__version__}"


def test_prompts_json_lists_whatsapp(tmp_path) -> None:
    out = run("prompts", "--json", env_home=str(tmp_path))
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    ids = [row["id"] for row in rows]
    assert "whatsapp" in ids
    assert all(row["minutes"] > 0 for row in rows)


@pytest.mark.parametrize(
    "args",
    [
        ("grade", "nowhere.md", "--prompt", "whatsapp"),
        ("grade", "x.md"),
        ("grade", "x.md", "--prompt", "whatsapp", "--bogus"),
        ("practice", "no-such-prompt"),
        ("frobnicate",),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, args) -> None:
    out = run(*args, env_home=str(tmp_path))
    assert out.returncode == 2, out
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert "Traceback" not in out.stderr
    assert lines[0].startswith("designcoach: error:")


@pytest.mark.parametrize("group", [[], ["kata"], ["content"]], ids=["root", "kata", "content"])
def test_a_bare_group_prints_its_help_and_exits_0(tmp_path, group: list[str]) -> None:
    bare = run(*group, env_home=str(tmp_path))
    helped = run(*group, "--help", env_home=str(tmp_path))
    assert bare.returncode == 0, bare.stderr
    assert bare.stdout.startswith(f"Usage: designcoach {' '.join([*group, ''])}[OPTIONS] COMMAND")
    assert "Commands:" in bare.stdout
    assert bare.stdout == helped.stdout and bare.stderr == ""
