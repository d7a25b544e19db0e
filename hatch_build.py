"""Build hook: a regular wheel carries the grader compiled to C by mypyc.

The grading modules are plain, fully typed Python; mypyc turns them into extension modules that
sit beside the .py files in the wheel (an extension module is imported ahead of a .py file of
the same name). Warm grading runs about 30% faster compiled.

- An editable install (`pip install -e`) is left pure Python, so edits to the source take effect
  and tests can patch module functions.
- DESIGNCOACH_PURE_PYTHON=1 builds a pure-Python wheel on purpose.
- Where compiling fails (no C compiler, no Python headers), the wheel is built pure Python with a
  warning: designcoach then grades the same, only slower.

hatch-mypyc was not used: it compiles into the source tree, so the extension modules would
shadow the .py files in an editable install, and it has no pure-Python fallback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PURE_ENV = "DESIGNCOACH_PURE_PYTHON"
# What grading a text runs, warm. Not compiled: content loading (pydantic), the prepared-pattern
# cache and the regex internals it reads (rubric compile time), the output writers, and the
# report classes: the history rebuilds them from stored JSON, and compiled classes check field
# types (an int field given 12.0 raises), where compiling them saves nothing measurable.
COMPILED = (
    "depth",
    "engine",
    "estimates",
    "estimates_prose",
    "estimates_tokens",
    "estimates_wording",
    "literal_index",
    "matching",
    "misconceptions",
    "replies",
    "scoring",
    "text",
    "transcript_phases",
    "transcripts",
)
GROUP = "designcoach_grader"  # the shared library's name: designcoach_grader__mypyc.*.so

_SETUP = """\
import sys
from setuptools import setup
from mypyc.build import mypycify

paths, out, temp, group = sys.argv[1:-3], *sys.argv[-3:]
setup(
    name="designcoach-grader",
    ext_modules=mypycify(paths, opt_level="3", group_name=group, target_dir=temp + "/c"),
    script_args=["build_ext", "--build-lib", out, "--build-temp", temp],
)
"""


class CompileGrader(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._work: str | None = None
        if self.target_name != "wheel" or version == "editable" or os.environ.get(PURE_ENV):
            return
        self._work = tempfile.mkdtemp(prefix="designcoach-mypyc-")
        work = Path(self._work)
        out = work / "lib"
        grading = Path(self.root, "src", "designcoach", "grading")
        sources = [str(grading / f"{name}.py") for name in COMPILED]
        # mypy's cache goes to the build folder, not the checkout; the build environment holds no
        # pydantic, which the grader names only for type checking
        args = [*sources, f"--cache-dir={work / 'mypy-cache'}", "--ignore-missing-imports"]
        setup_py = work / "setup.py"
        setup_py.write_text(_SETUP, encoding="utf-8")
        try:
            # In the build folder: setuptools would otherwise read this project's pyproject.toml.
            done = subprocess.run(
                [sys.executable, str(setup_py), *args, str(out), str(work / "tmp"), GROUP],
                cwd=work,
                capture_output=True,
                text=True,
            )
        except OSError as exc:
            self._fall_back(str(exc))
            return
        built = sorted(p for p in out.rglob("*") if p.suffix in (".so", ".pyd"))
        names = {p.name.split(".", 1)[0] for p in built}
        if done.returncode or not names >= {*COMPILED, f"{GROUP}__mypyc"}:
            self._fall_back(done.stdout[-2000:] + done.stderr[-2000:])
            return
        for path in built:
            build_data["force_include"][str(path)] = path.relative_to(out).as_posix()
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def _fall_back(self, why: str) -> None:
        self.app.display_warning(
            "designcoach: could not compile the grader with mypyc; building a pure-Python wheel "
            "(it grades the same, about 30% slower).\n" + why.strip()
        )

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._work is not None:
            shutil.rmtree(self._work, ignore_errors=True)
