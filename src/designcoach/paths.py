"""Where designcoach reads its content and writes its data: the one place that knows paths."""

from __future__ import annotations

import os
from pathlib import Path

from designcoach.errors import UserError

HOME_ENV = "DESIGNCOACH_HOME"
CONTENT_ENV = "DESIGNCOACH_CONTENT"


class DataHomeError(UserError, OSError):
    """The data folder (or one inside it) cannot be made or written.

    An OSError too, so code that treats a cache it cannot write as no cache keeps doing so; the
    commands that must write let it reach the CLI, which prints its one line.
    """


def data_home() -> Path:
    """The folder that holds everything designcoach writes (history, drafts, katas, caches)."""
    override = os.environ.get(HOME_ENV)
    if override:
        path = Path(override).expanduser()
        what = f"the data folder ({HOME_ENV})"
    else:
        from platformdirs import user_data_path

        path = user_data_path("designcoach", appauthor=False)
        what = "the data folder"
    return _usable_folder(path, what)


def _usable_folder(path: Path, what: str) -> Path:
    """`path`, made if missing, or a DataHomeError saying why it cannot hold designcoach's files."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        problem = "" if os.access(path, os.W_OK | os.X_OK) else "permission denied"
    except FileExistsError:
        problem = "it is a file, not a folder"
    except NotADirectoryError:
        problem = f"{_file_above(path)} is a file, not a folder"
    except OSError as exc:
        problem = (exc.strerror or str(exc)).lower()
    if problem:
        raise DataHomeError(
            f"cannot use {path} as {what}: {problem}; set {HOME_ENV} to a folder you can write"
        )
    return path


def _file_above(path: Path) -> Path:
    """The nearest ancestor of `path` that exists (a file, when mkdir said "not a directory")."""
    for parent in path.parents:
        if parent.exists():
            return parent
    return path


def history_db() -> Path:
    return data_home() / "history.sqlite3"


def drafts_dir() -> Path:
    return _usable_folder(data_home() / "drafts", "the drafts folder")


def katas_workspace() -> Path:
    return data_home() / "katas"


def cache_dir() -> Path:
    return _usable_folder(data_home() / "cache", "the cache folder")


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
