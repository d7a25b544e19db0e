"""`designcoach grade`: grade an answer file, stdin, a transcript, or a folder of them.

Rich is imported only for the human-readable output: `--json` stays a lean, quick start.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from designcoach.cli.common import load_prompt, open_catalog
from designcoach.errors import UserError
from designcoach.grading.batch import read_answer  # re-exported for other commands

if TYPE_CHECKING:
    from designcoach.content.catalog import Catalog
    from designcoach.content.models import Rubric
    from designcoach.grading.batch import Graded

__all__ = ["read_answer", "run_grade"]


def _check_level(level: str | None) -> str | None:
    from designcoach.grading.scoring import level_for

    try:
        return level_for(level).name
    except ValueError as exc:
        raise UserError(str(exc)) from None


def _card_idea(catalog: Catalog) -> Callable[[str], str | None]:
    """The idea line of a concept card, or None when the card is missing or broken."""

    def idea(card_id: str) -> str | None:
        try:
            text = " ".join(catalog.card(card_id).idea.split())
        except Exception:  # noqa: BLE001 - cards are optional extras in a report
            return None
        first = re.split(r"(?<=[.?!])\s", text, maxsplit=1)[0]  # the card itself has the rest
        return f"{first} (more: designcoach notes {card_id})" if first else None

    return idea


def _prepare(rubric: Rubric) -> Path | None:
    """Compile the rubric's matchers, reusing the pattern analysis saved by earlier runs.

    Returns where that analysis is saved (None when the cache folder cannot be made).
    """
    from designcoach.grading import prepared as saved_patterns
    from designcoach.grading.engine import compiled
    from designcoach.paths import cache_dir

    try:
        path = cache_dir() / saved_patterns.cache_name()
    except OSError:
        compiled(rubric)
        return None
    saved_patterns.load_prepared(path)
    compiled(rubric)
    saved_patterns.save_prepared(path)
    return path


def _save_prepared(path: Path | None) -> None:
    """Save what grading compiled (regexes are compiled as first needed), for the next run."""
    if path is not None:
        from designcoach.grading import prepared as saved_patterns

        saved_patterns.save_prepared(path)


def run_grade(
    path: str,
    prompt_id: str,
    *,
    as_json: bool,
    csv_path: Path | None,
    level: str | None = None,
) -> None:
    level = _check_level(level)
    catalog = open_catalog(cache=True)
    prompt, rubric = load_prompt(catalog, prompt_id)
    prepared = _prepare(rubric)
    if path != "-" and Path(path).is_dir():
        _grade_folder(
            Path(path),
            catalog,
            prompt_id,
            as_json=as_json,
            csv_path=csv_path,
            level=level,
            prepared=prepared,
        )
        return
    if csv_path is not None:
        raise UserError("--csv is for folders; for one answer use --json")
    text = read_answer(path)
    from designcoach.grading.engine import grade_text

    report = grade_text(text, prompt, rubric, level=level)
    _save_prepared(prepared)
    from designcoach.grading.batch import unspoken

    if why := unspoken(report, "standard input" if path == "-" else path):
        raise UserError(why)
    if as_json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return
    from designcoach.grading.document import report_document
    from designcoach.grading.render import emit

    emit(report_document(report, prompt, _card_idea(catalog)))


def _grade_folder(
    folder: Path,
    catalog: Catalog,
    prompt_id: str,
    *,
    as_json: bool,
    csv_path: Path | None,
    level: str | None,
    prepared: Path | None,
) -> None:
    from designcoach.grading.batch import SUFFIX_NAMES, ranked, walk_answers

    files, skipped = walk_answers(folder)
    if not files:
        raise UserError(f"no {SUFFIX_NAMES} files under {folder}")
    csv_to_stdout = csv_path is not None and str(csv_path) == "-"
    if csv_to_stdout and as_json:
        raise UserError(
            "--csv - and --json both print to standard output; give --csv a file name, "
            "or leave out one of them"
        )
    if csv_path is not None and not csv_to_stdout:
        _check_csv_target(csv_path)
    results = ranked(_with_progress(files, catalog, prompt_id, level, prepared))
    if csv_to_stdout:
        _write_csv_rows(sys.stdout, results)
        sys.stdout.flush()
    elif csv_path is not None:
        _write_csv(csv_path, results)
    if as_json:
        print(json.dumps([g.to_dict() for g in results], indent=2, ensure_ascii=False))
    else:
        from designcoach.grading.document import summary_document
        from designcoach.grading.render import emit

        # with the CSV on stdout, the table goes to stderr: `--csv - > out.csv` is CSV alone
        emit(
            summary_document(results, base=str(folder), skipped=[str(p) for p in skipped]),
            stderr=csv_to_stdout,
        )
        if csv_path is not None and not csv_to_stdout:
            print(f"CSV written to {csv_path}")
    if all(g.report is None for g in results):
        # The table says why for each file; a script needs the exit code to know nothing was graded.
        sys.stdout.flush()
        raise UserError(
            f"none of the {len(results)} file(s) under {folder} could be graded; "
            "fix what each one's error says and try again"
        )


def _with_progress(
    files: list[Path], catalog: Catalog, prompt_id: str, level: str | None, prepared: Path | None
) -> list[Graded]:
    """Grade the files, with a progress bar on stderr when stderr is a terminal."""
    from designcoach.grading.batch import grade_files

    if not sys.stderr.isatty():
        return grade_files(files, prompt_id, roots=catalog.roots, level=level, prepared=prepared)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("grading"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task("grading", total=len(files))
        return grade_files(
            files,
            prompt_id,
            roots=catalog.roots,
            level=level,
            on_done=lambda _: progress.advance(task),
            prepared=prepared,
        )


def _check_csv_target(path: Path) -> None:
    """Refuse, before grading, a --csv path that would overwrite what may be an answer."""
    if path.suffix.lower() in (".md", ".txt") or (path.is_file() and path.suffix.lower() != ".csv"):
        raise UserError(
            f"--csv {path}: will not write over a file that is not a .csv (it may be an "
            "answer); give a path ending in .csv"
        )


def _write_csv(path: Path, results: list[Graded]) -> None:
    try:
        with path.open("w", newline="", encoding="utf-8") as fh:
            _write_csv_rows(fh, results)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None


def _cell(text: str) -> str:
    """Text for a CSV cell: one that a spreadsheet would run as a formula (a file named
    `=HYPERLINK(...).md`) starts with an apostrophe, which shows it as the text it is."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _write_csv_rows(fh: TextIO, results: list[Graded]) -> None:
    """The CSV summary, a header row then a row per file, written to `fh`."""
    from designcoach.content.constants import CATEGORIES

    head = [
        "file",
        "score",
        "band",
        "level",
        "words",
        "off_topic",
        "misconceptions",
        "estimates_off",
    ]
    writer = csv.writer(fh)
    writer.writerow([*head, *CATEGORIES, "error"])
    for g in results:
        r = g.report
        if r is None:
            writer.writerow(
                [_cell(g.file), *[""] * (len(head) - 1 + len(CATEGORIES)), _cell(g.error)]
            )
            continue
        writer.writerow(
            [
                _cell(g.file),
                f"{r.score:.1f}",
                r.band,
                r.level,
                r.words,
                int(r.off_topic),
                len(r.misconceptions),
                sum(not e.ok for e in r.estimates),
                *(r.categories.get(c, "") for c in CATEGORIES),
                "",
            ]
        )
