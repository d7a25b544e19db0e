"""Validated content kept between runs, so a warm `grade` reads no YAML and imports no pydantic.

Parsing a prompt and its rubric and validating them costs more than the grading itself, and
importing pydantic to do it costs more again. After a file has been validated once, its data
is saved under the cache folder as JSON, keyed by the file's path, size and modification time
and by the version of the models that checked it. A later run that finds the file unchanged
gets a `View` of that data instead of a model.

A `View` has every field and property of the model it was made from, as read-only attributes
(nested models are Views too); it is not a pydantic object (no `model_dump`, no `isinstance`).
Anything the cache cannot read or write falls back to parsing the file.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from designcoach import __version__

if TYPE_CHECKING:
    from pydantic import BaseModel

CACHE_VERSION = 1
_MODELS = Path(__file__).with_name("models.py")
_KIND = "@"  # the key that names the model a dict was made from


class View:
    """A validated content object read from the cache: attributes only, read-only."""

    __slots__ = ("_data",)

    def __init__(self, data: dict[str, Any]) -> None:
        object.__setattr__(self, "_data", data)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._data[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{self._data[_KIND]} is read-only")

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self._data.items() if k != _KIND)
        return f"{self._data[_KIND]}View({fields})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, View) and self._data == other._data

    def __hash__(self) -> int:
        return id(self)


def _properties(model: BaseModel) -> list[str]:
    """The properties our own model classes define (Prompt.minutes, ...), not pydantic's."""
    from pydantic import BaseModel

    names: list[str] = []
    for cls in type(model).__mro__:
        if cls is BaseModel:
            break
        names += [n for n, v in vars(cls).items() if isinstance(v, property)]
    return names


def _dump(value: Any) -> Any:
    """A model as JSON-ready data: each field and property, each nested model likewise."""
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        out = {_KIND: type(value).__name__}
        for name in type(value).model_fields:
            out[name] = _dump(getattr(value, name))
        for name in _properties(value):
            out[name] = _dump(getattr(value, name))
        return out
    if isinstance(value, list | tuple):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        raise TypeError("content models hold no plain dicts; a new field needs a cache format")
    return value


def _load(value: Any) -> Any:
    if isinstance(value, dict):
        return View({k: _load(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_load(v) for v in value]
    return value


def _stamp(path: Path) -> list[Any] | None:
    """What must be unchanged for a saved copy to stand: the file and the models that read it."""
    try:
        st, models = path.stat(), _MODELS.stat()
    except OSError:
        return None
    return [
        CACHE_VERSION,
        __version__,
        str(path),
        st.st_size,
        st.st_mtime_ns,
        models.st_size,
        models.st_mtime_ns,
    ]


def _entry(folder: Path, path: Path) -> Path:
    # A collision only costs a miss: the saved stamp names the full path.
    digest = zlib.crc32(str(path).encode("utf-8", "surrogateescape"))
    return folder / f"{path.parent.name}-{path.stem}-{digest:08x}.json"


def load(folder: Path, path: Path, model: str) -> Any | None:
    """The saved View of `path` (validated as `model`), or None when it is missing or stale."""
    path = path.absolute()
    stamp = _stamp(path)
    if stamp is None:
        return None
    try:
        saved = json.loads(_entry(folder, path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(saved, dict) or saved.get("stamp") != stamp:
        return None
    data = saved.get("data")
    if not isinstance(data, dict) or data.get(_KIND) != model:
        return None
    return _load(data)


def save(folder: Path, path: Path, value: BaseModel, stamp_before: list[Any] | None) -> None:
    """Save a freshly validated model; skipped if the file changed while it was read."""
    path = path.absolute()
    stamp = _stamp(path)
    if stamp is None or stamp != stamp_before:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = _entry(folder, path)
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"stamp": stamp, "data": _dump(value)}), encoding="utf-8")
        os.replace(tmp, target)
    except (OSError, TypeError, ValueError):
        return


def stamp(path: Path) -> list[Any] | None:
    """The stamp of `path` now (take it before reading the file, pass it to `save`)."""
    return _stamp(path.absolute())
