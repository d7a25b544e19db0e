"""verify_katas() on a catalog of tiny katas, good and broken in each way it must report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from designcoach.content.catalog import Catalog
from designcoach.katas.verify import verify_katas

ADDER = Path(__file__).resolve().parents[1] / "katas" / "fixtures" / "adder"

META = """format_version: 1
id: {id}
title: Add two numbers
difficulty: easy
minutes: 5
module: adder.py
tests: [test_adder.py]
concepts: [scaling]
notes: none really
hints: [use +]
"""


def make_kata(root: Path, folder: str, *, starter: str, reference: str, meta_id: str = "") -> Path:
    kata = root / "katas" / folder
    (kata / "solution").mkdir(parents=True)
    (kata / "kata.yaml").write_text(META.format(id=meta_id or folder))
    (kata / "README.md").write_text("# Add\n")
    shutil.copyfile(ADDER / "test_adder.py", kata / "test_adder.py")
    shutil.copyfile(ADDER / "solutions" / starter, kata / "adder.py")
    shutil.copyfile(ADDER / "solutions" / reference, kata / "solution" / "adder.py")
    return kata


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESIGNCOACH_HOME", str(tmp_path / "home"))


def test_reports_each_kind_of_problem(tmp_path: Path) -> None:
    root = tmp_path / "content"
    make_kata(root, "fine", starter="wrong.py", reference="good.py")
    make_kata(root, "swapped", starter="good.py", reference="wrong.py")
    make_kata(root, "renamed", starter="wrong.py", reference="good.py", meta_id="other-name")
    (make_kata(root, "no-readme", starter="wrong.py", reference="good.py") / "README.md").unlink()
    bad = make_kata(root, "bad-meta", starter="wrong.py", reference="good.py")
    (bad / "kata.yaml").write_text(META.format(id="bad-meta").replace("easy", "extreme"))

    errors = verify_katas(Catalog([root]))
    found = sorted((e.path.relative_to(root).as_posix(), e.message) for e in errors)
    paths = [path for path, _ in found]
    assert paths == sorted(
        [
            "katas/bad-meta/kata.yaml",
            "katas/no-readme/README.md",
            "katas/renamed/kata.yaml",
            "katas/swapped/adder.py",
            "katas/swapped/solution/adder.py",
        ]
    ), found
    messages = dict(found)
    assert "starter passes" in messages["katas/swapped/adder.py"]
    assert "reference solution fails" in messages["katas/swapped/solution/adder.py"]
    assert "folder name" in messages["katas/renamed/kata.yaml"]
    bad_meta = next(e for e in errors if "bad-meta" in str(e.path))
    assert bad_meta.line == 4, "the error points at the difficulty line"


def test_checking_a_folder_runs_only_its_own_katas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `content check DIR` reports DIR's problems only: the bundled katas' four test runs each
    # would be thrown away, so they are not made
    from designcoach.content import check
    from designcoach.katas import verify

    mine = tmp_path / "mine"
    make_kata(mine, "swapped", starter="good.py", reference="wrong.py")
    ran: list[Path] = []
    real = verify.run_check

    def counting(solution: Path, *args: object, **kwargs: object) -> object:
        ran.append(solution.resolve())
        return real(solution, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(verify, "run_check", counting)
    result = check.check_folder(mine, checks=[check.check_katas])
    kata = (mine / "katas" / "swapped").resolve()
    assert sorted(ran) == sorted([kata / "adder.py", kata / "solution" / "adder.py"])
    assert sorted(e.path.relative_to(mine).as_posix() for e in result.errors) == [
        "katas/swapped/adder.py",
        "katas/swapped/solution/adder.py",
    ]

    ran.clear()
    bundled = Catalog()
    run_all = check.run_checks(Catalog([*bundled.roots, mine]), [check.check_katas])
    assert len(ran) == 2 * len(Catalog([*bundled.roots, mine]).kata_dirs())
    assert len(run_all.errors) == 2
