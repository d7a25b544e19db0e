"""The names a kata's tests import from the solution, found in the tests themselves."""

from __future__ import annotations

import gc
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from designcoach.katas.loading import Solution, imported_names

KATAS = Path(__file__).resolve().parents[2] / "katas"


@pytest.mark.parametrize(
    ("slug", "names"),
    [
        ("hash-ring", ("HashRing",)),
        ("lru-cache", ("LRUCache",)),
        ("quorum-read", ("QuorumError", "QuorumStore")),
    ],
)
def test_each_kata_requires_what_its_tests_import(slug: str, names: tuple[str, ...]) -> None:
    meta = yaml.safe_load((KATAS / slug / "kata.yaml").read_text(encoding="utf-8"))
    files = [KATAS / slug / name for name in [*meta["tests"], *meta.get("support", [])]]
    assert imported_names(files, meta["module"]) == names


def test_only_top_level_absolute_imports_of_the_module_count(tmp_path: Path) -> None:
    test = tmp_path / "test_shop.py"
    test.write_text(
        "import shop\n"
        "from shop import (\n    Cart,\n    Item as Thing,\n)\n"
        "from shop import *\n"
        "from shopping import Basket\n"
        "from .shop import Relative\n"
        "from shop import Cart\n"
        "def test_it():\n    from shop import Inside\n"
    )
    broken = tmp_path / "test_broken.py"
    broken.write_text("from shop import Lost\ndef (\n")
    assert imported_names([test, broken, tmp_path / "gone.py"], "shop.py") == ("Cart", "Item")


class _Yields:
    """Garbage whose collection, inside another thread's parse, lets this thread run."""

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        time.sleep(0.0001)


def test_threads_can_find_names_at_the_same_time() -> None:
    # content check runs katas in threads; CPython 3.11's AST builder is not thread safe.
    files = [KATAS / "hash-ring" / "test_hash_ring.py"]

    def find(_: int) -> list[tuple[str, ...]]:
        found = []
        for _ in range(25):
            gc.disable()
            garbage = [_Yields() for _ in range(20)]
            del garbage
            gc.enable()
            found.append(imported_names(files, "hash_ring.py"))
        return found

    with ThreadPoolExecutor(4) as pool:
        results = [names for batch in pool.map(find, range(4)) for names in batch]
    assert set(results) == {("HashRing",)}


def test_missing_names_are_listed_in_the_tests_order() -> None:
    solution = Solution(Path("mine.py"), "quorum.py", ("QuorumError", "QuorumStore"))
    assert solution.missing(["QuorumError", "QuorumStore"]) == (
        "mine.py (tested as quorum.py) defines no QuorumError or QuorumStore "
        "(the tests import them: see README.md for the API)"
    )
    assert solution.exited(None).startswith(
        "mine.py (tested as quorum.py): importing it called "
        "sys.exit(); a solution must define QuorumError and QuorumStore"
    )
