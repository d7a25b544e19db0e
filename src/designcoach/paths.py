"""Where designcoach reads its content and writes its data: the one place that knows paths."""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "DESIGNCOACH_HOME"
CONTENT_ENV = "DESIGNCOACH_CONTENT"


def data_home() -> Path:
    """The folder that holds everything designcoach writes (history, drafts, katas, caches)."""
    override = os.environ.get(HOME_ENV)
    if override:
        path = Path(override).expanduser()
    else:
        from platformdirs import user_data_path

        path = user_data_path("designcoach", appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def history_db() -> Path:
    return data_home() / "history.sqlite3"


def drafts_dir() -> Path:
    path = data_home() / "drafts"
    path.mkdir(parents=True, exist_ok=True)
    return path


def katas_workspace() -> Path:
    return data_home() / "katas"


def cache_dir() -> Path:
    path = data_home() / "cache"
    path.mkdir(parents=True, exist_ok=True)
    return path


def bundled_content_root() -> Path:
    """The folder holding prompts/, rubrics/, katas/ and examples/ that ship with designcoach.

    In an installed wheel they live in the package under ``_content``; in a source
    checkout (or an editable install) they sit at the repository root.
    """
    package_dir = Path(__file__).resolve().parent
    packaged = package_dir / "_content"
    if (packaged / "prompts").is_dir():
        return packaged
    return package_dir.parent.parent


def user_content_root() -> Path | None:
    """A folder of the user's own prompts, rubrics and katas, if DESIGNCOACH_CONTENT names one."""
    value = os.environ.get(CONTENT_ENV)
    return Path(value).expanduser() if value else None
