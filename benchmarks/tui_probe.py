"""Measure the practice TUI against a bare Textual TextArea app, in a real pseudo-terminal.

    python benchmarks/tui_probe.py [--runs 5] [--keys 40]

Three figures, each as a ratio to the bare app measured in the same run, the two interleaved,
medians over the runs:
  start   process start to the first frame showing the screen (the prompt's title)
  key     keystroke to the frame that shows it, with a 5,000-word answer in the editor
  memory  peak resident memory (VmHWM) after typing; reported as a difference in MB

It writes a 5,000-word draft into a temporary DESIGNCOACH_HOME so the session resumes it.
Linux only (pty, /proc). Not a test: it prints numbers and never fails on them.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (120, 40)
WORDS = ("cache shard replica queue socket fanout presence receipt inbox region " * 500).split()


def answer_text() -> str:
    lines = [" ".join(WORDS[i : i + 50]) + "." for i in range(0, len(WORDS), 50)]
    return "\n\n".join(lines)


class Term:
    """A child process on a pseudo-terminal of SIZE, its output collected as it comes."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: size its terminal before the program looks at it
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
            os.execvpe(argv[0], argv, env)
        self.out = bytearray()

    def read(self, timeout: float) -> bytes:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b""
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:
            return b""
        self.out += chunk
        return chunk

    def wait_for(self, marker: bytes, timeout: float = 20.0) -> float:
        """Seconds from now until `marker` shows up in new output."""
        start = time.perf_counter()
        seen = bytearray()
        while time.perf_counter() - start < timeout:
            seen += self.read(0.05)
            if marker in seen:
                return time.perf_counter() - start
        raise TimeoutError(f"{marker!r} never appeared")

    def drain(self, quiet: float = 0.3) -> None:
        end = time.perf_counter() + quiet
        while time.perf_counter() < end:
            if self.read(0.02):
                end = time.perf_counter() + quiet

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)

    def peak_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def cpu_seconds(self) -> float:
        """User + system CPU time the child has used so far (steadier than wall time on a busy box)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self) -> None:
        self.send(b"\x11")  # ctrl+q
        deadline = time.perf_counter() + 5
        while time.perf_counter() < deadline:
            self.read(0.05)
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                break
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def environment(home: str) -> dict[str, str]:
    env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(SIZE[0]), LINES=str(SIZE[1]))
    env["DESIGNCOACH_HOME"] = home
    env.pop("TEXTUAL", None)
    return env


def start_figure(kind: str, home: str) -> tuple[float, float]:
    if kind == "bare":
        # the marker sits on the second line: the first holds the cursor, whose highlight
        # would split the marker's bytes until the first blink
        path = Path(home) / "marker.txt"
        path.write_text("Notes\nDesign WhatsApp\n", encoding="utf-8")
        argv = [sys.executable, str(ROOT / "benchmarks" / "bare_textarea.py"), str(path)]
    else:
        argv = [sys.executable, "-m", "designcoach", "practice", "whatsapp"]
    term = Term(argv, environment(home))
    try:
        term.wait_for(b"Design WhatsApp")
        return time.perf_counter() - term.started, term.cpu_seconds()
    finally:
        term.close()


def open_for_typing(kind: str, home: str, text: str) -> Term:
    """Start an app with the long answer loaded and the cursor at its end."""
    if kind == "bare":
        path = Path(home) / "answer.txt"
        path.write_text(text, encoding="utf-8")
        argv = [sys.executable, str(ROOT / "benchmarks" / "bare_textarea.py"), str(path)]
    else:
        write_draft(home, text)
        argv = [sys.executable, "-m", "designcoach", "practice", "whatsapp"]
    term = Term(argv, environment(home))
    if kind != "bare":
        term.wait_for(b"Resume")
        term.send(b"\r")  # resume the draft
    term.wait_for(b"cache shard")
    term.drain()
    term.send(b"\x1b[1;5F")  # ctrl+end: to the end of the text, as a writer would be
    term.drain()
    return term


def keystroke(term: Term) -> float | None:
    """Seconds until the typed character is on screen; None if no frame showed it (Textual's
    TextArea can leave a just-wrapped last line below the view until the next key)."""
    start = time.perf_counter()
    term.send(b"~")
    try:
        term.wait_for(b"~", timeout=2)
    except TimeoutError:
        return None
    elapsed = time.perf_counter() - start
    term.drain(0.03)
    return elapsed


def typing_figures(keys: int) -> dict[str, tuple[float, float]]:
    """Median keystroke-to-frame seconds and peak MB for both apps, alive side by side and
    typed into in turn, so a busy moment on the machine hits both alike."""
    text = answer_text()
    with tempfile.TemporaryDirectory() as bare_home, tempfile.TemporaryDirectory() as tui_home:
        terms = {"bare": open_for_typing("bare", bare_home, text)}
        terms["tui"] = open_for_typing("tui", tui_home, text)
        samples: dict[str, list[float]] = {"bare": [], "tui": []}
        try:
            for _ in range(keys):
                for kind, term in terms.items():
                    seconds = keystroke(term)
                    if seconds is not None:
                        samples[kind].append(seconds)
            return {k: (statistics.median(samples[k]), t.peak_mb()) for k, t in terms.items()}
        finally:
            for term in terms.values():
                term.close()


def write_draft(home: str, text: str) -> None:
    drafts = Path(home) / "drafts"
    drafts.mkdir(parents=True, exist_ok=True)
    draft = {
        "format_version": 1,
        "prompt": "whatsapp",
        "minutes": 45.0,
        "started_at": "2025-01-01T00:00:00+00:00",
        "current": "requirements",
        "texts": {"requirements": text},
        "spent": {"requirements": 1.0},
        "hints": [],
        "time_up_seen": False,
        "saved_at": "",
    }
    (drafts / "whatsapp.json").write_text(json.dumps(draft), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=40)
    args = parser.parse_args()
    results: dict[str, dict[str, list[float]]] = {
        k: {"start": [], "cpu": [], "key": [], "mem": []} for k in ("bare", "tui")
    }
    for _ in range(args.runs):
        for kind in ("bare", "tui"):  # interleaved, so drift hits both alike
            with tempfile.TemporaryDirectory() as home:
                wall, cpu = start_figure(kind, home)
                results[kind]["start"].append(wall)
                results[kind]["cpu"].append(cpu)
        for kind, (key, mem) in typing_figures(args.keys).items():
            results[kind]["key"].append(key)
            results[kind]["mem"].append(mem)
    med = {k: {f: statistics.median(v) for f, v in r.items()} for k, r in results.items()}
    b, t = med["bare"], med["tui"]
    print(
        f"start to first frame (wall): bare {b['start'] * 1000:.0f} ms, tui {t['start'] * 1000:.0f} ms, ratio {t['start'] / b['start']:.2f} (target <= 1.15)"
    )
    print(
        f"start to first frame (CPU):  bare {b['cpu'] * 1000:.0f} ms, tui {t['cpu'] * 1000:.0f} ms, ratio {t['cpu'] / b['cpu']:.2f}"
    )
    print(
        f"keystroke to frame:          bare {b['key'] * 1000:.1f} ms, tui {t['key'] * 1000:.1f} ms, ratio {t['key'] / b['key']:.2f} (target <= 1.10)"
    )
    print(
        f"peak memory:                 bare {b['mem']:.1f} MB, tui {t['mem']:.1f} MB, +{t['mem'] - b['mem']:.1f} MB (target <= +25)"
    )


if __name__ == "__main__":
    main()
