"""The wheel carries its content: installed into a fresh venv, the commands work from another folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("designcoach-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv with the wheel installed; its dependencies come from the running interpreter's
    site-packages through a path file (without that folder's own path files, so an editable
    install of this checkout stays out of sight)."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site_dir = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    deps = [p for p in sys.path if p.endswith(("site-packages", "dist-packages"))]
    Path(site_dir, "host-deps.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    return env_dir


def _run(env_dir: Path, *args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DESIGNCOACH_CONTENT")}
    env["DESIGNCOACH_HOME"] = str(home)
    return subprocess.run(
        [str(env_dir / "bin" / "designcoach"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_wheel_contains_the_content(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "designcoach/_content/prompts/whatsapp.yaml" in names
    assert "designcoach/_content/rubrics/whatsapp.yaml" in names
    for kind in ("prompts", "rubrics"):
        shipped = {Path(n).name for n in names if n.startswith(f"designcoach/_content/{kind}/")}
        in_repo = {p.name for p in (REPO / kind).glob("*.yaml")}
        assert in_repo <= shipped, f"{kind} missing from the wheel: {in_repo - shipped}"


def test_installed_commands_work_outside_the_repo(installed: Path, tmp_path: Path) -> None:
    where = _run(installed, "--version", cwd=tmp_path, home=tmp_path / "home")
    assert where.returncode == 0 and where.stdout.startswith("designcoach ")

    listed = _run(installed, "prompts", "--json", cwd=tmp_path, home=tmp_path / "home")
    assert listed.returncode == 0, listed.stderr
    ids = {row["id"] for row in json.loads(listed.stdout)}
    assert {"whatsapp"} <= ids

    answer = tmp_path / "answer.md"
    answer.write_text(
        "Clients keep a WebSocket open to a chat server because long polling wastes requests.\n",
        encoding="utf-8",
    )
    graded = _run(
        installed,
        "grade",
        str(answer),
        "--prompt",
        "whatsapp",
        "--json",
        cwd=tmp_path,
        home=tmp_path / "home",
    )
    assert graded.returncode == 0, graded.stderr
    report = json.loads(graded.stdout)
    assert report["prompt"] == "whatsapp" and 0 <= report["score"] <= 100

    # the installed package, not the checkout, answered
    probe = subprocess.run(
        [
            str(installed / "bin" / "python"),
            "-c",
            "import designcoach.paths as p; print(p.bundled_content_root())",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    assert str(installed) in probe.stdout and "_content" in probe.stdout
