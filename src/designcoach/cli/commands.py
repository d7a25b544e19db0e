"""The Typer app behind `designcoach`: every command, its options and its help.

Only typer is imported at start-up; each command imports what it needs when it runs, so
`designcoach --help` stays as quick as a bare typer program.
"""

# No `from __future__ import annotations`: Typer would eval() every string annotation to
# build the commands, a third of the time `--help` takes beyond `import typer`.

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from designcoach import __version__
from designcoach.cli.bounds import between
from designcoach.cli.content import content_app
from designcoach.cli.kata import kata_app
from designcoach.cli.plain_args import MINUTES_RANGE

app = typer.Typer(
    name="designcoach",
    help="A terminal coach for system-design interviews.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain click help: Typer's Rich help imports Rich, Markdown and Pygments (~3x the time of
    # `import typer`) just to print --help.
    rich_markup_mode=None,
)
app.add_typer(kata_app, name="kata")
app.add_typer(content_app, name="content")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"designcoach {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
    content: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--content",
            help="A folder of your own prompts, rubrics, cards and katas, added to the bundled "
            "ones (same names override). Default: $DESIGNCOACH_CONTENT.",
            exists=True,
            file_okay=False,
        ),
    ] = None,
) -> None:
    """Practise system-design interviews in the terminal, grade answers, and drill katas."""
    if content is not None:
        import os

        from designcoach.paths import CONTENT_ENV

        # Through the environment, so every catalog (and any kata subprocess) sees it.
        os.environ[CONTENT_ENV] = str(content.resolve())


@app.command()
def practice(
    prompt_id: Annotated[Optional[str], typer.Argument(help="Prompt id; none: pick one.")] = None,  # noqa: UP045
    minutes: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option(
            "--minutes",
            callback=between(*MINUTES_RANGE, "minutes"),
            help="Length of the whole interview in minutes (0.05 to 600).",
        ),
    ] = None,
) -> None:
    """Run a timed interview in the terminal (the picker when no prompt is given)."""
    from designcoach.cli.practice import run_practice

    run_practice(prompt_id, minutes)


class Difficulty(StrEnum):
    easy = "easy"
    medium = "medium"
    hard = "hard"


@app.command()
def prompts(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    tag: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--tag", "-t", help="Only prompts with this tag (repeat to require several)."),
    ] = None,
    difficulty: Annotated[
        Optional[Difficulty],  # noqa: UP045
        typer.Option("--difficulty", "-d", help="Only prompts of this difficulty."),
    ] = None,
) -> None:
    """List the interview prompts."""
    from designcoach.cli.catalog import run_prompts

    run_prompts(as_json, tag, difficulty.value if difficulty else None)


@app.command()
def notes(
    topic: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(help="A card id or words to search for ('write back', 'LRU', '2pc')."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Concept cards: list them, or show the one that best matches TOPIC."""
    from designcoach.cli.notes import run_notes

    run_notes(topic or [], as_json)


@app.command()
def grade(
    path: Annotated[
        str, typer.Argument(help="Answer or transcript file, '-' for stdin, or a folder.")
    ],
    prompt: Annotated[str, typer.Option("--prompt", "-p", help="The prompt the answer is for.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    csv_path: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--csv", help="For a folder: also write a CSV summary here ('-': standard output)."
        ),
    ] = None,
    level: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--level", help="junior, mid (default), senior or staff: weights and band cut-offs."
        ),
    ] = None,
) -> None:
    """Grade a written answer, a mock-interview transcript, or a folder of them."""
    from designcoach.cli.grade import run_grade

    run_grade(path, prompt, as_json=as_json, csv_path=csv_path, level=level)


@app.command()
def history(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List past practice sessions and their scores."""
    from designcoach.cli.history import run_history

    run_history(as_json)


def main(argv: list[str] | None = None) -> None:
    """Entry point: runs the app and turns unusable input into one line and exit code 2."""
    from designcoach.errors import UserError

    try:  # newer typer carries its own copy of click
        from typer._click import exceptions as click
    except ImportError:  # pragma: no cover - older typer uses click itself
        from click import exceptions as click  # type: ignore[no-redef]

    from designcoach.cli.coercion import lighten
    from designcoach.cli.pipes import tolerate_early_readers

    tolerate_early_readers()  # `... | head -1` keeps the command's own exit code
    command = typer.main.get_command(app)
    lighten(command, sys.argv[1:] if argv is None else argv)
    try:
        code = command.main(args=argv, prog_name="designcoach", standalone_mode=False)
    except UserError as exc:
        _fail(str(exc))
    except click.NoArgsIsHelpError as exc:
        # A bare group asks what it can do: its help, as for --help, on stdout with exit 0 (exit 2
        # promises one line saying what is wrong). Click 8.2+, which typer now carries, only puts
        # the help in this exception; standalone click would print it to stderr and exit 2.
        typer.echo(exc.format_message())
        sys.exit(0)
    except click.UsageError as exc:
        hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
        # pydantic's prefix on a validator's own message, which says all there is to say
        message = exc.format_message().replace("Value error, ", "")
        _fail(f"{message}{hint}")
    except click.ClickException as exc:
        _fail(exc.format_message())
    except typer.Abort:
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    sys.exit(code if isinstance(code, int) else 0)


def _fail(message: str) -> None:
    from designcoach.errors import fail

    fail(message)
