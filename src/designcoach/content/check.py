"""The content checker: runs a list of checks over a catalog and collects `path:line` problems.

A check is any function `check(catalog) -> Iterable[ContentError]`. Problems that stop content
from working are ContentErrors; ContentWarnings point at content that works but is incomplete
(an item without a card or examples) and fail the check only in strict mode.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from designcoach.content.catalog import Catalog
from designcoach.content.check_behaviour import check_examples, check_samples
from designcoach.content.check_regex import check_regexes
from designcoach.content.check_structure import (
    check_completeness,
    check_files,
    check_ids,
    check_names,
    check_references,
    check_tabs,
)
from designcoach.content.index import index_for
from designcoach.content.yamlio import ContentError, ContentWarning
from designcoach.paths import bundled_content_root, user_content_root

Check = Callable[[Catalog], Iterable[ContentError]]


def check_katas(catalog: Catalog, report: list[Path] | None = None) -> Iterable[ContentError]:
    """Each kata's starter fails its tests and its reference passes (real subprocess runs).

    `report`: only the katas in these folders are run (the others' problems would not be shown).
    """
    from designcoach.katas.verify import verify_katas

    # check_names already reports a kata whose id is not its folder's name
    found = verify_katas(catalog, within=report)
    return [e for e in found if "must match the folder name" not in e.message]


# In order: a file that does not load is reported once by check_files, and the later checks
# look at files that loaded, so one mistake gives one line; a rubric that is YAML but fails
# validation still has its regexes and card names checked, so one run names every mistake.
CHECKS: list[Check] = [
    check_files,
    check_tabs,
    check_names,
    check_ids,
    check_references,
    check_regexes,
    check_examples,
    check_samples,
    check_completeness,
    check_katas,
]


@dataclass
class CheckResult:
    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)
    files: int = 0
    roots: list[Path] = field(default_factory=list)

    def ok(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)


def check_roots(folder: Path | None) -> tuple[list[Path], list[Path]]:
    """The folders to load and the folders whose problems to report.

    With no folder: the bundled content and the user's (DESIGNCOACH_CONTENT). With a folder: that
    folder, laid over the bundled content so its references may point at bundled cards.
    """
    bundled = bundled_content_root().resolve()
    if folder is None:
        roots = [bundled]
        user = user_content_root()
        if user is not None and user.resolve() != bundled:
            roots.append(user.resolve())
        return roots, roots
    folder = folder.resolve()
    if folder == bundled:
        return [bundled], [bundled]
    return [bundled, folder], [folder]


def run_checks(
    catalog: Catalog, checks: Iterable[Check] | None = None, report: list[Path] | None = None
) -> CheckResult:
    """Run every check; keep the problems in files under `report` (all roots by default)."""
    report = [r.resolve() for r in (report if report is not None else catalog.roots)]
    result = CheckResult(roots=report)
    found: set[tuple[str, int | None, str]] = set()
    for check in CHECKS if checks is None else checks:
        try:
            # the katas are run only where their problems are reported: checking a folder of
            # one's own does not run the bundled katas' tests as well
            problems = list(
                check_katas(catalog, report) if check is check_katas else check(catalog)
            )
        except Exception as exc:  # a bug in a check must not hide the other checks' results
            name = getattr(check, "__name__", repr(check))
            problems = [ContentError(report[0], None, f"{name} failed: {exc!r}")]
        for problem in problems:
            key = (str(problem.path), problem.line, problem.message)
            if key in found or not _under(problem.path, report):
                continue
            found.add(key)
            bucket = result.warnings if isinstance(problem, ContentWarning) else result.errors
            bucket.append(problem)
    result.errors.sort(key=_order)
    result.warnings.sort(key=_order)
    index = index_for(catalog)
    samples = [p for root in index.roots for p in (root / "examples" / "answers").glob("*")]
    result.files = sum(1 for doc in index.docs if _under(doc.path, report)) + sum(
        1 for path in samples if path.is_file() and _under(path, report)
    )
    return result


def check_folder(folder: Path | None = None, checks: Iterable[Check] | None = None) -> CheckResult:
    """Check a content folder (or the bundled and user content) with the standard checks."""
    roots, report = check_roots(folder)
    return run_checks(Catalog(roots), checks, report)


def _under(path: Path, roots: list[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved == root or resolved.is_relative_to(root) for root in roots)


def _order(problem: ContentError) -> tuple[str, int, str]:
    return (str(problem.path), problem.line or 0, problem.message)


def display_path(path: Path) -> str:
    """The path relative to the working folder when it is inside it, so lines stay short."""
    try:
        rel = path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return str(path)
    return str(rel) if str(rel) != "." else str(path)


def format_problem(problem: ContentError) -> str:
    where = display_path(problem.path)
    if problem.line:
        where = f"{where}:{problem.line}"
    prefix = "warning: " if isinstance(problem, ContentWarning) else ""
    return f"{where}: {prefix}{problem.message}"
