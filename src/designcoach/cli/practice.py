"""`designcoach practice [PROMPT_ID] [--minutes N]`: the timed interview in the terminal."""

from __future__ import annotations

import sys

from designcoach.cli.common import load_prompt, open_catalog
from designcoach.errors import UserError


def run_practice(prompt_id: str | None, minutes: float | None) -> None:
    catalog = open_catalog()
    if prompt_id is not None:
        load_prompt(catalog, prompt_id)  # an unknown id fails here, before the screen changes
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError(
            "practice needs an interactive terminal; to grade a file use "
            "'designcoach grade PATH --prompt ID'"
        )
    # Textual is imported here and only here, so every other command starts fast.
    from designcoach.tui.app import create_app

    app = create_app(prompt_id, minutes, catalog=catalog)
    try:
        app.run()
    finally:
        # whatever ended the app (quit, a signal, a crash), the draft reaches the disk
        saved = app.save_drafts()
    for prompt in saved:
        print(f"Your {prompt} draft is saved; 'designcoach practice {prompt}' resumes it.")
    if app.return_code == 1:  # Textual's code for an exception inside the app
        sys.stderr.write("designcoach: the practice screen stopped on an error (see above).\n")
    if app.return_code:
        sys.exit(app.return_code)
