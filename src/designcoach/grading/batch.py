"""Reading answer files, and grading a folder of them (in parallel when it is large)."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from designcoach.errors import UserError
from designcoach.grading.report import Report

SUFFIXES = frozenset({".md", ".markdown", ".txt"})
SUFFIX_NAMES = ".md, .markdown or .txt"  # for messages
# Below this many files a process pool costs more to start than it saves.
POOL_THRESHOLD = 24
# The largest answer graded: a written answer runs to a few thousand words and a two-hour
# transcript to about 150 KB; a file far past that is a log or a book, and would take minutes.
MAX_ANSWER_BYTES = 1 << 20


def _too_large(name: str, size: int) -> UserError:
    # a pipe or a device (/dev/zero) has no size to give: what was read is over the limit
    held = f"is {size / (1 << 20):.1f} MB" if size > MAX_ANSWER_BYTES else "holds more than 1 MB"
    return UserError(
        f"{name} {held}; designcoach grades answers and transcripts of up "
        "to 1 MB (a 45-minute interview is about 50 KB)"
    )


def decode_answer(data: bytes, name: str) -> str:
    """The text of an answer, or a UserError for binary, non-UTF-8 or empty input.

    UTF-16 with its byte-order mark (Windows Notepad's "Unicode") is read too: the mark
    leaves no doubt, where its zero bytes would otherwise look binary."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeError:
            raise UserError(
                f"{name} is not valid UTF-16 text; save it as UTF-8 and try again"
            ) from None
    if b"\x00" in data:
        raise UserError(f"{name} looks binary; give a text or Markdown answer")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{name} is not UTF-8 text; save it as UTF-8 and try again") from None
    if not text.strip():
        raise UserError(f"{name} is empty; write an answer first")
    return text


def unspoken(report: Report, name: str) -> str:
    """Why a report grades nothing, when its transcript holds no candidate turn (only the
    interviewer speaks), as one line; "" otherwise. Such a file is as empty as a blank one."""
    if report.transcript is None or report.transcript.candidate_words:
        return ""
    return (
        f"{name} has only the interviewer's turns, so nothing from the candidate to grade; "
        "label the candidate's turns `Candidate:`"
    )


def read_answer(path: str, name: str | None = None) -> str:
    """The answer in a file ('-' is standard input), or a UserError saying what is wrong.

    `name` is how messages call the file (default: its path).
    """
    if path == "-":
        data = sys.stdin.buffer.read(MAX_ANSWER_BYTES + 1)
        if len(data) > MAX_ANSWER_BYTES:
            raise _too_large("standard input", len(data) + len(sys.stdin.buffer.read()))
        return decode_answer(data, "standard input")
    p = Path(path)
    if not p.exists():
        raise UserError(f"no such file: {path}")
    if p.is_dir():
        raise UserError(f"{path} is a folder")
    try:
        with p.open("rb") as handle:
            data = handle.read(MAX_ANSWER_BYTES + 1)
            if len(data) > MAX_ANSWER_BYTES:
                raise _too_large(name or path, os.fstat(handle.fileno()).st_size)
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    return decode_answer(data, name or path)


def answer_files(folder: Path) -> list[Path]:
    """Every .md, .markdown and .txt file under `folder`, recursively, hidden files and
    folders skipped, sorted."""
    return walk_answers(folder)[0]


def walk_answers(folder: Path) -> tuple[list[Path], list[Path]]:
    """`answer_files(folder)`, and the other files found on the way (not hidden ones), which
    are not graded: the summary names them, so none vanishes without a word."""
    found: list[Path] = []
    other: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            kept = found if Path(name).suffix.lower() in SUFFIXES else other
            kept.append(Path(root) / name)
    return found, other


def _special(path: str) -> bool:
    """A pipe, socket or device: in a folder it is no answer, and reading a pipe would wait
    for a writer for ever. (Named on its own, one is read: `grade <(cmd)` gives a pipe.)"""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # gone, or a dangling link: reading it says what is wrong
    return not stat.S_ISREG(mode)


def shown_name(path: str) -> str:
    """A file name as reports show it: bytes that are not UTF-8 (kept by Python as lone
    surrogates) become U+FFFD, which JSON, CSV and the terminal can all write."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


@dataclass
class Graded:
    """One file of a folder: its report, or why it could not be graded."""

    file: str
    report: Report | None = None
    error: str = ""

    def to_dict(self) -> dict[str, object]:
        if self.report is None:
            return {"file": self.file, "error": self.error}
        return {"file": self.file, **self.report.to_dict()}


# Each worker loads the content once, in its initializer, then grades many files.
_WORKER: dict[str, object] = {}


def _init_worker(
    roots: list[Path] | None, prompt_id: str, level: str | None, prepared: Path | None = None
) -> None:
    from designcoach.content.catalog import Catalog
    from designcoach.grading.prepared import load_prepared

    if prepared is not None:
        load_prepared(prepared)
    catalog = Catalog(roots)
    prompt = catalog.prompt(prompt_id)
    _WORKER.update(prompt=prompt, rubric=catalog.rubric_for(prompt), level=level)


def _grade_file(path: str) -> Graded:
    from designcoach.grading.engine import grade_text

    if _special(path):
        return Graded(shown_name(path), error="a pipe, socket or device, not a file: not read")
    try:
        text = read_answer(path, name="the file")
    except UserError as exc:
        return Graded(shown_name(path), error=str(exc))
    try:
        report = grade_text(
            text,
            _WORKER["prompt"],  # type: ignore[arg-type]
            _WORKER["rubric"],  # type: ignore[arg-type]
            level=_WORKER["level"],  # type: ignore[arg-type]
        )
    except Exception as exc:  # noqa: BLE001 - one bad file must not sink the folder
        return Graded(shown_name(path), error=f"could not grade: {exc}")
    if why := unspoken(report, "the file"):
        return Graded(shown_name(path), error=why)
    return Graded(shown_name(path), report)


def grade_files(
    files: list[Path],
    prompt_id: str,
    *,
    roots: list[Path] | None = None,
    level: str | None = None,
    workers: int | None = None,
    on_done: Callable[[Graded], None] | None = None,
    prepared: Path | None = None,
) -> list[Graded]:
    """Grade many files, each independently; results in the order of `files`.

    `prepared`: saved pattern analysis (see `prepared.save_prepared`) for the workers to reuse.
    """
    names = [str(f) for f in files]
    cpus = workers or os.cpu_count() or 1

    def run() -> Iterator[Graded]:
        if len(names) < POOL_THRESHOLD or cpus < 2:
            _init_worker(roots, prompt_id, level)
            yield from map(_grade_file, names)
            return
        from concurrent.futures import ProcessPoolExecutor  # only for big folders: slow to import

        with ProcessPoolExecutor(
            max_workers=cpus,
            initializer=_init_worker,
            initargs=(roots, prompt_id, level, prepared),
        ) as pool:
            yield from pool.map(_grade_file, names, chunksize=max(1, len(names) // (cpus * 8)))

    out = []
    for graded in run():
        out.append(graded)
        if on_done is not None:
            on_done(graded)
    return out


def ranked(results: list[Graded]) -> list[Graded]:
    """Best score first, then by file; answers capped as off topic after the others (their
    capped score says nothing about how they compare with a weak answer to the prompt), and
    files that failed last."""

    def key(g: Graded) -> tuple[bool, bool, float, str]:
        if g.report is None:
            return True, True, 0.0, g.file
        return False, g.report.off_topic, -g.report.score, g.file

    return sorted(results, key=key)
