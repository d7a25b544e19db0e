"""A kata's files, and the folder where the user solves it."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from designcoach.errors import UserError
from designcoach.katas import status
from designcoach.paths import katas_workspace

if TYPE_CHECKING:  # read from the content cache as a view when it can be: no pydantic import
    from designcoach.content.models import KataMeta

_CONFTEST = Path(__file__).resolve().parent / "child" / "conftest.py"


@dataclass(frozen=True)
class KataFiles:
    """Where one kata's bundled files live."""

    root: Path
    meta: KataMeta

    @property
    def starter(self) -> Path:
        return self.root / self.meta.module

    @property
    def readme(self) -> Path:
        return self.root / "README.md"

    @property
    def tests(self) -> list[Path]:
        return [self.root / name for name in self.meta.tests]

    @property
    def support(self) -> list[Path]:
        return [self.root / name for name in self.meta.support]

    @property
    def reference(self) -> Path:
        return self.root / "solution" / self.meta.module

    def missing(self) -> list[Path]:
        wanted = [self.starter, self.readme, *self.tests, *self.support, self.reference]
        return [path for path in wanted if not path.is_file()]


@dataclass
class StartReport:
    folder: Path
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def workspace_for(slug: str) -> Path:
    """The folder the kata was started in, or the default one under the data home."""
    saved = status.record(slug).get("workspace")
    return Path(saved) if saved else katas_workspace() / slug


def start(files: KataFiles, folder: Path | None = None) -> StartReport:
    """Copy the starter, README and tests into `folder`; an existing solution is never touched."""
    folder = (folder or katas_workspace() / files.meta.id).expanduser().resolve()
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder} exists and is not a folder; pass another --dir")
    for slug, entry in status.load().items():
        if slug != files.meta.id and entry.get("workspace") == str(folder):
            # its README and tests would stay, and the new kata's would never be written
            raise UserError(
                f"{folder} holds the {slug} kata; start {files.meta.id} in a folder of its own "
                "(--dir)"
            )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        report = StartReport(folder)
        solution = folder / files.meta.module
        if solution.exists():
            report.kept.append(solution.name)
        else:
            shutil.copyfile(files.starter, solution)
            report.written.append(solution.name)
        # Ours, not the user's: refresh them so the tests match this version of designcoach,
        # unless the folder is new to us and already has a different file by that name.
        ours = status.record(files.meta.id).get("workspace") == str(folder)
        for source in [files.readme, *files.tests, *files.support, _CONFTEST]:
            target = folder / source.name
            if target.exists() and not ours and target.read_bytes() != source.read_bytes():
                report.kept.append(target.name)
                continue
            shutil.copyfile(source, target)
            report.written.append(source.name)
    except OSError as exc:
        raise UserError(f"cannot write the kata into {folder}: {exc.strerror or exc}") from None
    status.record_start(files.meta.id, folder)
    return report


def read_solution(path: Path) -> Path:
    """`path` if it is a readable text file, else a UserError saying what is wrong."""
    if not path.exists():
        raise UserError(f"{path} does not exist")
    if not path.is_file():
        raise UserError(f"{path} is not a file; pass the solution's .py file")
    if path.suffix.lower() != ".py":
        raise UserError(f"{path} is not a Python file; pass the solution's .py file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    if b"\0" in data:
        raise UserError(f"{path} is a binary file, not Python source")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{path} is not UTF-8 text; save it as UTF-8") from None
    return path
