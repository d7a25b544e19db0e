"""`designcoach content ...`: validate content and write JSON Schema for editors."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from designcoach.errors import UserError

content_app = typer.Typer(help="Check prompts, rubrics, cards and katas.", no_args_is_help=True)

_KINDS = ("prompts", "rubrics", "cards", "katas", "examples")


@content_app.command("check")
def check(
    folder: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Argument(
            help="A content folder (prompts/, rubrics/, cards/, katas/, examples/answers/). "
            "Default: the bundled content and your own (--content / DESIGNCOACH_CONTENT).",
            exists=True,
            file_okay=False,
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail on warnings too (missing cards, no examples).")
    ] = False,
) -> None:
    """Validate content: one 'path:line: problem' line each; exit 2 when any is found."""
    run_check(folder, strict)


def run_check(folder: Path | None, strict: bool) -> None:
    from designcoach.content.check import check_folder, display_path, format_problem

    if folder is not None and not any((folder / kind).is_dir() for kind in _KINDS):
        raise UserError(f"{folder} holds none of {', '.join(k + '/' for k in _KINDS)}")
    if folder is None:
        from designcoach.cli.common import open_catalog

        open_catalog()  # fails with one line when DESIGNCOACH_CONTENT names no folder
    result = check_folder(folder)
    for problem in result.errors + result.warnings:
        print(format_problem(problem))
    where = ", ".join(display_path(root) for root in result.roots)
    warned = f", {len(result.warnings)} warning(s)" if result.warnings else ""
    if result.ok(strict):
        print(f"Content OK: {result.files} file(s) checked in {where}{warned}.")
        return
    count = len(result.errors) + (len(result.warnings) if strict else 0)
    sys.stdout.flush()
    print(
        f"{count} problem(s) in {result.files} file(s) checked in {where}{warned}.", file=sys.stderr
    )
    raise typer.Exit(2)


@content_app.command("schema")
def schema(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder to write the schema files into.")
    ] = Path("schema"),
) -> None:
    """Write JSON Schema for prompt, rubric, card and kata files, for editor completion.

    Then start a content file with a line naming its schema for the YAML language server (VS Code's YAML extension, Neovim's yamlls, Helix): '# yaml-language-server: $schema=../schema/prompt.schema.json'.
    """
    from designcoach.content.schema import write_schemas

    if out.exists() and not out.is_dir():
        raise UserError(f"{out} is a file; give a folder with --out")
    try:
        paths = write_schemas(out)
    except OSError as exc:
        raise UserError(f"cannot write to {out}: {exc.strerror or exc}") from None
    for path in paths:
        print(f"wrote {path}")
    example = paths[0].resolve()
    print(
        "\nTo have your editor (VS Code's YAML extension, yamlls, Helix) complete and check a "
        "file, make its first line name the schema, by absolute path or relative to the file:\n"
        f"  # yaml-language-server: $schema={example}\n"
        "  # yaml-language-server: $schema=../schema/prompt.schema.json"
    )
