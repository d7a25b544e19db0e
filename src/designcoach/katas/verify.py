"""Check the bundled katas themselves: metadata valid, files present, starter fails, reference passes.

`designcoach content check` calls verify_katas(); CI runs that command.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from designcoach.content.catalog import Catalog, UnknownId
from designcoach.content.yamlio import ContentError, load_yaml
from designcoach.katas.runner import CheckResult, run_check
from designcoach.katas.workspace import KataFiles


def _id_line(path: Path) -> int | None:
    try:
        return load_yaml(path).line_of(("id",))
    except ContentError:
        return None


def _summary(result: CheckResult) -> str:
    first = result.failures[0] if result.failures else None
    detail = (
        f"; first: {first.test}: {first.message.strip().splitlines()[-1][:200]}" if first else ""
    )
    return f"{result.passed} passed, {result.failed} failed{detail}"


def verify_katas(
    catalog: Catalog, *, timeout: float = 180.0, within: list[Path] | None = None
) -> list[ContentError]:
    """Every problem found in the catalog's katas, as ContentErrors naming a file (empty: all good).

    `within`: check only the katas whose folder is under one of these (default: all of them);
    each kata costs two test runs in a child process.
    """
    errors: list[ContentError] = []
    ready: list[KataFiles] = []
    for slug, root in catalog.kata_dirs().items():
        if within is not None and not any(root.resolve().is_relative_to(w) for w in within):
            continue
        meta_path = root / "kata.yaml"
        try:
            meta = catalog.kata(slug)
        except ContentError as exc:
            errors.append(exc)
            continue
        except UnknownId as exc:  # pragma: no cover - kata_dirs() found it a moment ago
            errors.append(ContentError(meta_path, None, str(exc)))
            continue
        if meta.id != slug:
            errors.append(
                ContentError(
                    meta_path,
                    _id_line(meta_path),
                    f"id {meta.id!r} must match the folder name {slug!r}",
                )
            )
            continue
        files = KataFiles(root, meta)
        missing = files.missing()
        errors.extend(ContentError(path, None, f"kata {slug} needs this file") for path in missing)
        if not missing:
            ready.append(files)

    def starter(files: KataFiles) -> ContentError | None:
        result = run_check(
            files.starter,
            files.meta.module,
            files.tests,
            files.support,
            timeout=timeout,
            fail_fast=True,
        )
        if result.ok:
            return ContentError(
                files.starter, None, "the starter passes the kata's tests; it must fail them"
            )
        if result.timed_out:
            return ContentError(
                files.starter, None, f"the starter's check timed out: {_summary(result)}"
            )
        return None

    def reference(files: KataFiles) -> ContentError | None:
        result = run_check(
            files.reference, files.meta.module, files.tests, files.support, timeout=timeout
        )
        if not result.ok:
            return ContentError(
                files.reference, None, f"the reference solution fails its tests: {_summary(result)}"
            )
        return None

    # Each check is a subprocess; two at a time keeps a 2-core machine busy without thrashing.
    with ThreadPoolExecutor(max_workers=2) as pool:
        found = list(
            pool.map(
                lambda job: job[0](job[1]), [(f, k) for k in ready for f in (starter, reference)]
            )
        )
    errors.extend(error for error in found if error is not None)
    return errors
