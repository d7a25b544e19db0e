"""`designcoach practice [PROMPT_ID] [--minutes N]`: the timed interview in the terminal."""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING

from designcoach.cli.common import load_prompt, open_catalog
from designcoach.errors import UserError

if TYPE_CHECKING:
    from designcoach.tui.app import CoachApp


def build_app(prompt_id: str | None, minutes: float | None, *, check_tty: bool = True) -> CoachApp:
    """The practice app as `designcoach practice` starts it (the benchmarks start it so too).

    Content comes from the cache of validated files when it can (no YAML, no pydantic).
    """
    catalog = open_catalog(cache=True)
    if prompt_id is not None:
        load_prompt(catalog, prompt_id)  # an unknown id fails here, before the screen changes
    if check_tty and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError(
            "practice needs an interactive terminal; to grade a file use "
            "'designcoach grade PATH --prompt ID'"
        )
    # No cyclic garbage collection until the first frame is up (the app turns it back on):
    # importing Textual and building the first screen make objects fast enough to set off a
    # hundred young-generation collections, and nearly all of them live as long as the app.
    gc.disable()
    try:
        # Textual is imported here and only here, so every other command starts fast.
        from designcoach.tui.app import create_app

        app = create_app(prompt_id, minutes, catalog=catalog)
    except BaseException:
        gc.enable()
        raise
    return app


def run_practice(prompt_id: str | None, minutes: float | None) -> None:
    app = build_app(prompt_id, minutes)
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
