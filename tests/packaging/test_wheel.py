"""The wheel carries its content and its compiled grader: installed into a fresh venv, the
commands work from another folder and the compiled grader gives the pure-Python reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from bundled_answers import ANSWERS, CATALOG, PROMPTS

from designcoach.grading import engine

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # the build hook, for the list of modules it compiles
from hatch_build import COMPILED, GROUP  # noqa: E402

sys.path.remove(str(REPO))


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


def test_wheel_carries_the_grader_compiled(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    compiled = {n.split(".", 1)[0] for n in names if n.endswith(".so")}
    expected = {f"designcoach/grading/{m}" for m in COMPILED} | {f"{GROUP}__mypyc"}
    assert compiled == expected
    # the sources stay beside them (tracebacks, and a pure fallback if they are removed)
    assert {f"designcoach/grading/{m}.py" for m in COMPILED} <= set(names)
    assert "-cp3" in wheel.name and not wheel.name.endswith("-none-any.whl")


# Graded by the installed (compiled) package: each case's report JSON, as `grade --json` prints it.
_GRADE_ALL = """
import json, sys
from designcoach.content.catalog import Catalog
from designcoach.grading import engine
from designcoach.grading.engine import grade_text
from designcoach.paths import bundled_content_root

catalog = Catalog([bundled_content_root()])
out = {"engine": engine.__file__, "reports": []}
for text, pid, level in json.load(sys.stdin):
    prompt = catalog.prompt(pid)
    report = grade_text(text, prompt, catalog.rubric_for(prompt), level=level)
    out["reports"].append(json.dumps(report.to_dict(), sort_keys=True))
print(json.dumps(out))
"""


def _as_transcript(text: str) -> str:
    """The answer spoken in a mock interview: a stamped interviewer turn before each paragraph."""
    turns = []
    for n, para in enumerate(p for p in text.split("\n\n") if p.strip()):
        turns.append(f"[{n * 3:02d}:00] Interviewer: Go on, what next?")
        turns.append(f"[{n * 3:02d}:20] Candidate: {para.strip()}")
    return "\n".join(turns) + "\n"


def _cases() -> list[tuple[str, str, str]]:
    cases = []
    for answer in ANSWERS:
        text = answer.read_text(encoding="utf-8")
        pid = next((p for p in PROMPTS if answer.stem.startswith(p)), "whatsapp")
        variants = [
            text,
            text.upper(),
            # non-ASCII text takes the Unicode regexes and the wider word tables
            text.replace(" the ", " thé ").replace("-", "\u2011") + "\nNaïve café — “ok”.\n",
            _as_transcript(text),
        ]
        cases += [(v, pid, level) for v in variants for level in ("junior", "mid", "staff")]
    return cases


def test_compiled_grader_gives_the_pure_python_reports(installed: Path, tmp_path: Path) -> None:
    assert engine.__file__.endswith(".py")  # this process grades in pure Python
    cases = _cases()
    assert len(cases) == 12 * len(ANSWERS) > 0
    done = subprocess.run(
        [str(installed / "bin" / "python"), "-c", _GRADE_ALL],
        input=json.dumps(cases),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DESIGNCOACH_CONTENT")},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout)
    assert out["engine"].endswith(".so") and str(installed) in out["engine"]
    assert len(out["reports"]) == len(cases)
    for (text, pid, level), compiled in zip(cases, out["reports"], strict=True):
        prompt = PROMPTS[pid]
        pure = engine.grade_text(text, prompt, CATALOG.rubric_for(prompt), level=level)
        assert json.dumps(pure.to_dict(), sort_keys=True) == compiled, (pid, level, text[:80])


@pytest.mark.parametrize(
    "env",
    [{"DESIGNCOACH_PURE_PYTHON": "1"}, {"CC": "/bin/false"}],
    ids=["asked-for", "no-c-compiler"],
)
def test_a_pure_python_wheel_when_asked_or_when_compiling_fails(
    env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "dist"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
        + ["-w", str(out), str(REPO)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    (built,) = out.glob("designcoach-*.whl")
    assert built.name.endswith("-py3-none-any.whl")
    names = zipfile.ZipFile(built).namelist()
    assert "designcoach/grading/engine.py" in names
    assert not [n for n in names if n.endswith((".so", ".pyd"))]
