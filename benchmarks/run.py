"""Speed and memory figures for designcoach, each against a floor measured in the same run.

Usage: python benchmarks/run.py [--quick] [--runs N] [--only NAME ...]

Each figure runs designcoach and its floor interleaved (A, B, A, B, ...) so that load on the
machine hits both alike, and reports medians. `--quick` runs everything once or twice to prove the
script still works (CI does this); it prints figures but they mean little.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from bench_tui import measure_keystrokes, measure_memory, measure_startup  # noqa: E402
from timing import alternate  # noqa: E402


@dataclass
class Figure:
    name: str
    ours: float
    floor: float
    unit: str
    limit: float | None  # the ratio it must stay under, or None for an absolute figure
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.floor if self.floor else float("inf")

    def line(self) -> str:
        if self.limit is None:
            verdict = "ok" if self.ours <= self.floor else "OVER"
            return f"{self.name:<34} {self.ours:9.3f} {self.unit:<3} (target <= {self.floor:g} {self.unit}) {verdict}"
        if self.unit == "MB":
            verdict = "ok" if self.ours - self.floor <= self.limit else "OVER"
            return (
                f"{self.name:<34} {self.ours:9.1f} MB vs {self.floor:.1f} MB floor: "
                f"+{self.ours - self.floor:.1f} MB (limit +{self.limit:g} MB) {verdict}"
            )
        verdict = "ok" if self.ratio <= self.limit else "OVER"
        return (
            f"{self.name:<34} {self.ours * 1000:8.1f} ms vs {self.floor * 1000:8.1f} ms floor: "
            f"{self.ratio:5.2f}x (limit {self.limit:g}x) {verdict}"
        )


def designcoach_cmd() -> list[str]:
    script = Path(sys.executable).with_name("designcoach")
    if script.exists():
        return [str(script)]
    found = shutil.which("designcoach")
    return [found] if found else [sys.executable, "-m", "designcoach"]


def wall(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
    )
    return time.perf_counter() - start


WARM_UP = True  # off in --quick mode, where the figures only prove the script runs


def interleaved(a: Callable[[], float], b: Callable[[], float], runs: int) -> tuple[float, float]:
    """Medians of `a` and `b`, run alternately (see timing.alternate)."""
    xs, ys = alternate(a, b, runs, WARM_UP)
    return statistics.median(xs), statistics.median(ys)


def answer_800_words() -> str:
    text = (REPO / "benchmarks" / "answer-800.md").read_text(encoding="utf-8")
    return text


def fig_help(runs: int, env: dict[str, str], cwd: Path) -> Figure:
    ours, floor = interleaved(
        lambda: wall([*designcoach_cmd(), "--help"], env, cwd),
        lambda: wall([sys.executable, "-c", "import typer"], env, cwd),
        runs,
    )
    return Figure("1. --help, cold", ours, floor, "s", 1.2)


def fig_grade_cold(runs: int, env: dict[str, str], cwd: Path) -> Figure:
    answer = cwd / "answer.md"
    answer.write_text(answer_800_words(), encoding="utf-8")
    ours, floor = interleaved(
        lambda: wall([*designcoach_cmd(), "grade", str(answer), "--prompt", "whatsapp"], env, cwd),
        lambda: wall([sys.executable, "-c", "import typer, pydantic, yaml"], env, cwd),
        runs,
    )
    return Figure("2. grade 800 words, cold", ours, floor, "s", 1.3)


def fig_grade_warm(runs: int) -> Figure:
    from designcoach.content.catalog import Catalog
    from designcoach.grading.engine import grade_text

    catalog = Catalog()
    prompt = catalog.prompt("whatsapp")
    rubric = catalog.rubric_for(prompt)
    text = answer_800_words()
    grade_text(text, prompt, rubric)  # warm: matchers compiled, caches filled
    loops = 50 if runs > 2 else 5
    samples = []
    for _ in range(max(runs, 5)):
        start = time.perf_counter()
        for _ in range(loops):
            grade_text(text, prompt, rubric)
        samples.append((time.perf_counter() - start) / loops)
    return Figure("3. grade 800 words, warm", statistics.median(samples) * 1000, 1.0, "ms", None)


def fig_kata_check(runs: int, env: dict[str, str], cwd: Path) -> Figure | None:
    kata_dir = REPO / "katas" / "lru-cache"
    if not (kata_dir / "kata.yaml").exists():
        return None
    from bench_kata import floor_env, kata_pair

    ours_cmd, floor_cmd, floor_cwd = kata_pair(designcoach_cmd(), kata_dir, cwd, env)
    ours, floor = interleaved(
        lambda: wall_ok(ours_cmd, env, cwd),
        lambda: wall_ok(floor_cmd, floor_env(env), floor_cwd),
        runs,
    )
    return Figure("6. kata check vs bare pytest", ours, floor, "s", 1.25)


def wall_ok(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    """Like wall(), for commands whose exit code is a verdict rather than success."""
    start = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def grader_kind() -> str:
    """Whether this designcoach grades with the mypyc-compiled modules (figure 3 depends on it)."""
    spec = importlib.util.find_spec("designcoach.grading.engine")
    origin = spec.origin if spec is not None else None
    if origin is not None and origin.endswith((".so", ".pyd")):
        return "grader compiled (mypyc)"
    return "grader pure Python (an editable or DESIGNCOACH_PURE_PYTHON install: figure 3 is slower)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="one or two runs each, to prove it works"
    )
    parser.add_argument("--runs", type=int, default=7, help="runs per command (median); at least 5")
    parser.add_argument("--only", nargs="*", default=None, help="figure numbers to run, e.g. 1 2 5")
    args = parser.parse_args()
    runs = 1 if args.quick else max(5, args.runs)
    global WARM_UP
    WARM_UP = not args.quick
    wanted = set(args.only or "1234567")

    with tempfile.TemporaryDirectory(prefix="designcoach-bench-") as tmp:
        cwd = Path(tmp)
        env = dict(os.environ, DESIGNCOACH_HOME=str(cwd / "home"))
        env.pop("PYTHONPATH", None)
        # Byte-code as an installed package has it (pip compiles on install), for both sides:
        # an editable checkout under PYTHONDONTWRITEBYTECODE would recompile designcoach's
        # modules on every run and measure the compiler. The warm-up run of each fills it.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(cwd / "pycache")
        figures: list[Figure | None] = []
        steps: list[tuple[str, Callable[[], Figure | None]]] = [
            ("1", lambda: fig_help(runs, env, cwd)),
            ("2", lambda: fig_grade_cold(runs, env, cwd)),
            ("3", lambda: fig_grade_warm(runs)),
            ("4", lambda: measure_startup(runs, env, cwd, Figure, warm=WARM_UP)),
            (
                "5",
                lambda: measure_keystrokes(runs, env, cwd, Figure, quick=args.quick, warm=WARM_UP),
            ),
            ("6", lambda: fig_kata_check(runs, env, cwd)),
            (
                "7",
                lambda: measure_memory(env, cwd, Figure, runs=runs, quick=args.quick, warm=WARM_UP),
            ),
        ]
        mode = (
            "quick runs (one unwarmed run each: proves the script works, the figures mean little)"
            if args.quick
            else f"median of {runs} runs"
        )
        print(
            f"designcoach benchmarks: {mode}, python {sys.version.split()[0]}, "
            f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; {grader_kind()}"
        )
        for number, step in steps:
            if number not in wanted:
                continue
            figure = step()
            figures.append(figure)
            if figure is None:
                print(f"{number}. (not measured: the part it needs is not built)")
            else:
                print(figure.line(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
