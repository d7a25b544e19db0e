"""TUI figures (4, 5, 7): the practice screen against a bare Textual app with one TextArea.

Each measurement runs in a fresh child process, headless, driven by an auto pilot:
- 4: wall time from spawning the child to the first painted screen (the pilot's first pause
  after the session screen is up, stamped by the child); the exit that follows is not counted. Ours starts the way `designcoach practice
  whatsapp` does (`cli.practice.build_app`, which calls `create_app`).
- 5: with a 5,000-word answer in the editor and the cursor at its end, each key is pressed
  and the app left to process and repaint (`press` then `pause`); the child reports the
  median time per key.
- 7: the child's peak resident memory (ru_maxrss) at the end of the figure 5 run.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from timing import alternate

HERE = Path(__file__).resolve().parent
SIZE = (120, 40)

# The child: argv = mode (ours | bare), task (start | keys), answer file, number of keys.
CHILD = r"""
import asyncio, json, resource, statistics, sys, time

mode, task, answer, keys = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
SIZE = (120, 40)
EDITOR_WIDTH = 76  # the practice screen's editor at SIZE: 120 columns less the 44 of the brief
samples = []
painted_at = None  # wall clock (time.time) when the first frame of the screen was painted

if mode == "ours":
    # Nothing else imported first: build_app imports Textual, as `designcoach practice` does.
    from designcoach.cli.practice import build_app

    app = build_app("whatsapp", None, check_tty=False)
    app.cursor_blink = False

    def ready():
        from designcoach.tui.session import SessionScreen

        return isinstance(app.screen, SessionScreen) and app.screen.started

    def editor():
        return app.screen.editor
else:
    from textual.app import App
    from textual.widgets import TextArea

    class Bare(App):
        # As wide as the practice screen's editor, so both wrap the answer into the same lines.
        CSS = "TextArea { width: %d; }" % EDITOR_WIDTH

        def compose(self):
            area = TextArea(soft_wrap=True, id="editor")
            area.cursor_blink = False
            yield area

        def on_mount(self):
            self.query_one(TextArea).focus()

    app = Bare()

    def ready():
        return bool(app.query("#editor"))

    def editor():
        return app.query_one("#editor")


async def pilot_run(pilot):
    # Polled with a bare sleep: pilot.pause() would also wait for a repaint, so a screen not
    # ready at the first look (ours is ready once its on_mount has run) would be stamped a
    # repaint later than one ready at once (the bare app).
    while not ready():
        await asyncio.sleep(0.001)
    await pilot.pause()  # the first frame of that screen is painted
    global painted_at
    painted_at = time.time()
    width = editor().outer_size.width
    assert width == EDITOR_WIDTH, f"{mode} editor is {width} wide, not {EDITOR_WIDTH}"
    if task == "keys":
        area = editor()
        area.load_text(open(answer, encoding="utf-8").read())
        area.move_cursor(area.document.end)
        await pilot.pause()
        for i in range(keys):
            key = "space" if i % 6 == 5 else "abcdefghij"[i % 10]
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            samples.append(time.perf_counter() - start)
    pilot.app.exit()


app.run(headless=True, size=SIZE, auto_pilot=pilot_run)
rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({
    "key": statistics.median(samples) if samples else None,
    "rss_kb": rss_kb,
    "painted_at": painted_at,
}))
"""


def _answer_5000(cwd: Path) -> Path:
    """A 5,000-word answer made of the 800-word one, repeated."""
    path = cwd / "answer-5000.md"
    if not path.exists():
        base = (HERE / "answer-800.md").read_text(encoding="utf-8").split("\n\n")
        out: list[str] = []
        count = 0
        while count < 5000:
            for para in base:
                out.append(para)
                count += len(para.split())
                if count >= 5000:
                    break
        path.write_text("\n\n".join(out), encoding="utf-8")
    return path


def _child(cwd: Path) -> Path:
    path = cwd / "tui_child.py"
    path.write_text(CHILD, encoding="utf-8")
    return path


def _run(mode: str, task: str, keys: int, env: dict[str, str], cwd: Path) -> tuple[float, dict]:
    """Seconds from spawning one child to its first painted frame, and what it printed."""
    home = Path(env["DESIGNCOACH_HOME"])
    # A draft left by an earlier run would open the resume dialog instead of the session.
    shutil.rmtree(home / "drafts", ignore_errors=True)
    command = [sys.executable, str(_child(cwd)), mode, task, str(_answer_5000(cwd)), str(keys)]
    # Wall-clock time on both sides of the spawn: the child reports when it painted, so the
    # figure stops at the first frame and leaves out how long the process takes to exit.
    start = time.time()
    out = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, check=True)
    report = json.loads(out.stdout.strip().splitlines()[-1])
    return report["painted_at"] - start, report


def measure_startup(runs, env, cwd, figure, warm: bool = True):  # noqa: ANN001, ANN201
    xs, ys = alternate(
        lambda: _run("ours", "start", 0, env, cwd)[0],
        lambda: _run("bare", "start", 0, env, cwd)[0],
        runs,
        warm,
    )
    return figure(
        "4. TUI start to first paint", statistics.median(xs), statistics.median(ys), "s", 1.15
    )


_KEY_RUNS: dict[str, list[dict]] = {}  # figure 7 reads the memory of figure 5's children


def _key_runs(runs: int, keys: int, env: dict[str, str], cwd: Path, warm: bool) -> None:
    if _KEY_RUNS:
        return
    xs, ys = alternate(
        lambda: _run("ours", "keys", keys, env, cwd)[1],
        lambda: _run("bare", "keys", keys, env, cwd)[1],
        runs,
        warm,
    )
    _KEY_RUNS.update(ours=xs, bare=ys)


def measure_keystrokes(runs, env, cwd, figure, quick=False, warm: bool = True):  # noqa: ANN001, ANN201
    _key_runs(max(1, runs // 2), 8 if quick else 60, env, cwd, warm)
    ours = statistics.median(r["key"] for r in _KEY_RUNS["ours"])
    bare = statistics.median(r["key"] for r in _KEY_RUNS["bare"])
    return figure("5. keystroke, 5,000 words", ours, bare, "s", 1.1)


def measure_memory(env, cwd, figure, runs: int = 1, quick: bool = False, warm: bool = True):  # noqa: ANN001, ANN201
    _key_runs(max(1, runs // 2), 8 if quick else 60, env, cwd, warm)
    ours = statistics.median(r["rss_kb"] for r in _KEY_RUNS["ours"]) / 1024
    bare = statistics.median(r["rss_kb"] for r in _KEY_RUNS["bare"]) / 1024
    return figure("7. peak memory (ru_maxrss)", ours, bare, "MB", 25.0)
