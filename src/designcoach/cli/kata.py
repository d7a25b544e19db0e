"""`designcoach kata ...`: start, check, watch and get hints for katas.

Only typer is imported here at start-up; each command imports the core when it runs, and
`kata check` stays away from heavy imports so the test process starts as soon as possible.
"""

# No `from __future__ import annotations`: Typer would eval() every string annotation to
# build the commands, a third of the time `--help` takes beyond `import typer`.

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from designcoach.cli.bounds import between

if TYPE_CHECKING:
    from designcoach.katas.runner import CheckResult
    from designcoach.katas.workspace import KataFiles

kata_app = typer.Typer(
    help="Small executable exercises checked by bundled tests.",
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help, no Rich import (see the root app)
)

Slug = Annotated[str, typer.Argument(help="The kata, e.g. hash-ring ('designcoach kata list').")]
FileOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--file", help="Check this file instead of the one in the kata's folder."),
]


def _kata(slug: str) -> "KataFiles":
    """The kata's files, or a one-line UserError naming the known katas or the broken file."""
    from designcoach.content.catalog import Catalog, UnknownId
    from designcoach.content.errors import ContentError
    from designcoach.errors import UserError
    from designcoach.katas.workspace import KataFiles

    catalog = Catalog(cache=True)
    try:
        meta = catalog.kata(slug)
    except UnknownId as exc:
        raise UserError(f"{exc}. Run 'designcoach kata list' to see them.") from None
    except ContentError as exc:
        raise UserError(f"invalid content: {exc}") from None
    return KataFiles(catalog.kata_dirs()[slug], meta)


def _solution(files: "KataFiles", file: Path | None) -> Path:
    from designcoach.errors import UserError
    from designcoach.katas.workspace import read_solution, workspace_for

    if file is not None:
        return read_solution(file.expanduser())
    path = workspace_for(files.meta.id) / files.meta.module
    if not path.exists():
        raise UserError(
            f"no solution at {path}: run 'designcoach kata start {files.meta.id}' first, "
            "or pass --file PATH"
        )
    return read_solution(path)


@kata_app.command("list")
def list_katas(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the katas with their difficulty and status from the last check."""
    from designcoach.content.catalog import Catalog
    from designcoach.content.yamlio import ContentError
    from designcoach.errors import UserError
    from designcoach.katas import status

    catalog = Catalog()
    records = status.load()
    rows: list[dict[str, Any]] = []
    for slug in catalog.kata_dirs():
        try:
            meta = catalog.kata(slug)
        except ContentError as exc:
            raise UserError(f"invalid content: {exc}") from None
        entry = records.get(slug, {})
        rows.append(
            {
                "id": slug,
                "title": meta.title,
                "difficulty": meta.difficulty,
                "minutes": meta.minutes,
                "status": status.status_of(slug, entry),
                "passed": entry.get("passed"),
                "failed": entry.get("failed"),
            }
        )
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        typer.echo("No katas found.")
        return
    width = max(len(row["id"]) for row in rows)
    typer.echo(f"{'ID':<{width}}  {'DIFFICULTY':<10}  {'MIN':>3}  {'STATUS':<11}  TITLE")
    for row in rows:
        typer.echo(
            f"{row['id']:<{width}}  {row['difficulty']:<10}  {row['minutes']:>3}  "
            f"{row['status']:<11}  {row['title']}"
        )


@kata_app.command()
def start(
    slug: Slug,
    folder: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--dir", help="Where to put the kata (default: under DESIGNCOACH_HOME)."),
    ] = None,
) -> None:
    """Write the starter, README and tests into the kata's folder (your solution is kept)."""
    from designcoach.errors import UserError
    from designcoach.katas.workspace import start as start_kata

    if folder is not None and not folder.strip():
        # Path("") is the current folder: an empty value (an unset shell variable) would
        # quietly put the kata wherever the command ran
        raise UserError("--dir needs a folder; leave it out for the default one")
    files = _kata(slug)
    report = start_kata(files, Path(folder) if folder is not None else None)
    typer.echo(f"Kata {slug} is in {report.folder}")
    if report.kept:
        typer.echo(f"  kept your {', '.join(report.kept)} (never overwritten)")
    typer.echo(f"  wrote {', '.join(report.written)}")
    typer.echo(
        f"Next: read README.md, edit {files.meta.module}, then run "
        f"'designcoach kata check {slug}' (or 'designcoach kata watch {slug}')."
    )


def _run(files: "KataFiles", path: Path, timeout: float) -> "CheckResult":
    from designcoach.katas import status
    from designcoach.katas.runner import run_check
    from designcoach.katas.workspace import workspace_for

    result = run_check(path, files.meta.module, files.tests, files.support, timeout=timeout)
    # The kata's status is its solution's: once it has a workspace, that file's. A check of
    # another file (--file, a scratch copy) counts as a check but leaves the status alone.
    solution = workspace_for(files.meta.id) / files.meta.module
    status.record_check(
        files.meta.id,
        ok=result.ok,
        passed=result.passed,
        failed=result.failed,
        timed_out=result.timed_out,
        sets_status=not solution.exists() or solution.resolve() == path.resolve(),
    )
    return result


def _headline(lines: list[str]) -> str:
    """The error itself: pytest's first `E ` line, else the last line."""
    for line in lines:
        if line.startswith("E "):
            return line[1:].strip()
    return lines[-1].strip()


def _show(result: "CheckResult") -> None:
    """Each failure with its message and Hypothesis' example, then `N passed, M failed`."""
    seen: set[str] = set()
    for failure in result.failures:
        lines = failure.message.rstrip().splitlines() or ["(no message)"]
        headline = _headline(lines)
        if headline in seen:
            # A starter fails every test the same way: repeat only the error, not the trace.
            typer.echo(f"FAILED {failure.test} - {headline[:160]}")
            continue
        seen.add(headline)
        typer.echo(f"FAILED {failure.test}")
        for line in lines:
            typer.echo(f"    {line}")
        typer.echo("")
    if result.ok:
        typer.echo("All tests passed.")
    summary = f"{result.passed} passed, {result.failed} failed"
    if result.not_run:
        why = "the time limit stopped the run" if result.timed_out else "the run stopped"
        summary += f" ({result.not_run} of them never ran: {why})"
    elif result.timed_out and not result.failed:
        summary += f", but the run went past the {result.timeout:g} s time limit"
    typer.echo(summary)


@kata_app.command()
def check(
    slug: Slug,
    file: FileOption = None,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            callback=between(1, 3600, "seconds"),
            help="Seconds before the run is stopped (1 to 3600).",
        ),
    ] = 60.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Run the kata's tests against your solution. Exit 0: all passed; 1: some failed."""
    files = _kata(slug)
    path = _solution(files, file)
    result = _run(files, path, timeout)
    if as_json:
        typer.echo(json.dumps({"kata": slug, "file": str(path), **result.to_dict()}, indent=2))
    else:
        _show(result)
    raise typer.Exit(0 if result.ok else 1)


@kata_app.command()
def watch(slug: Slug, file: FileOption = None) -> None:
    """Check the solution now and again each time it is saved. Ctrl+C stops."""
    import signal
    import threading
    import time

    from designcoach.katas.runner import DEFAULT_TIMEOUT
    from designcoach.katas.watch import fingerprint, saves

    files = _kata(slug)
    path = _solution(files, file).resolve()
    stop = threading.Event()

    def interrupted(signum: int, frame: object) -> None:
        # Ctrl+C is remembered as well as raised: a KeyboardInterrupt raised where some code
        # swallows every exception is lost, and the watcher then went on for good (its test saw
        # it twice in about 70 runs); with the event set it stops at its next step instead.
        stop.set()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        checked = fingerprint(path)
        _show(_run(files, path, DEFAULT_TIMEOUT))
        typer.echo(f"Watching {path} for changes (Ctrl+C to stop).", err=True)
        for _ in saves(path, baseline=checked, stop=stop):
            typer.echo(f"\n--- {time.strftime('%H:%M:%S')} {path.name} saved: checking ---")
            _show(_run(files, path, DEFAULT_TIMEOUT))
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGINT, previous)
    typer.echo("\nStopped watching.", err=True)


@kata_app.command()
def hint(slug: Slug) -> None:
    """Show the next hint (each call gives one more, from gentle to explicit)."""
    from designcoach.katas import status

    files = _kata(slug)
    hints = files.meta.hints
    index = status.next_hint(slug, len(hints))
    typer.echo(f"Hint {index + 1} of {len(hints)}: {hints[index]}")
    if index == len(hints) - 1:
        typer.echo(
            f"That was the last hint. 'designcoach kata solution {slug}' shows the reference "
            "once you have run a check."
        )


@kata_app.command()
def solution(
    slug: Slug,
    force: Annotated[bool, typer.Option("--force", help="Show it even before a check.")] = False,
) -> None:
    """Print the reference solution (after at least one check, or with --force)."""
    from designcoach.errors import UserError
    from designcoach.katas import status
    from designcoach.paths import data_home

    files = _kata(slug)
    if not force:
        data_home()  # the record of checks lives there; unreadable is not "never checked"
    if not force and not status.record(slug).get("checks"):
        raise UserError(
            f"no check of {slug} yet: try it first with 'designcoach kata check {slug}', "
            "or pass --force"
        )
    typer.echo(files.reference.read_text(encoding="utf-8"), nl=False)
