"""Figure 6: `designcoach kata check` against bare pytest running the same tests.

Ours: `designcoach kata check lru-cache --file <the kata's reference solution>`.
Floor: `python -m pytest` in a temporary folder holding the same test files, the kata's
support files and pytest settings (the conftest that `kata start` also writes beside the
tests, so both run the same Hypothesis examples), and the reference solution copied in under
the module name the tests import. Both run with pytest's plugin autoloading off and the
Hypothesis plugin on, as `kata check` runs its child: plugins installed for other work
(Textual snapshots, asyncio, ...) would slow the floor down and flatter the figure.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
CONFTEST = REPO / "src" / "designcoach" / "katas" / "child" / "conftest.py"


def kata_pair(
    designcoach: list[str], kata_dir: Path, cwd: Path, env: dict[str, str]
) -> tuple[list[str], list[str], Path]:
    """(our command, the floor's command, the folder the floor runs in)."""
    meta = yaml.safe_load((kata_dir / "kata.yaml").read_text(encoding="utf-8"))
    reference = kata_dir / "solution" / meta["module"]
    floor_dir = cwd / f"floor-{kata_dir.name}"
    floor_dir.mkdir(exist_ok=True)
    shutil.copyfile(reference, floor_dir / meta["module"])
    for name in [*meta["tests"], *meta.get("support", [])]:
        shutil.copyfile(kata_dir / name, floor_dir / name)
    shutil.copyfile(CONFTEST, floor_dir / "conftest.py")
    (floor_dir / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    ours = [*designcoach, "kata", "check", kata_dir.name, "--file", str(reference)]
    floor = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "_hypothesis_pytestplugin",
        "-p",
        "no:cacheprovider",
        *meta["tests"],
    ]
    return ours, floor, floor_dir


def floor_env(env: dict[str, str]) -> dict[str, str]:
    return dict(env, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
