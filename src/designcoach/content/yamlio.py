"""Safe YAML loading that rejects duplicate keys, keeps YAML 1.1's yes/no/on/off as strings,
and remembers where each value sits so errors can name a line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from designcoach.content.errors import ContentError, ContentWarning

__all__ = ["ContentError", "ContentWarning", "Located", "load_yaml", "read_text"]

try:  # the C parser is several times faster; the constructor stays in Python either way
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _StrictLoader(_BaseLoader):
    name: str = "?"
    pass


# YAML 1.1 reads yes/no/on/off as booleans; content authors mean the words. Keep only true/false.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise ContentError(
                getattr(loader, "name", "?"),
                key_node.start_mark.line + 1,
                f"duplicate key {key!r} (first at line {seen[key]})",
            )
        seen[key] = key_node.start_mark.line + 1
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class Located:
    """A parsed YAML document together with its node tree, to turn a data path into a line."""

    def __init__(self, path: Path, data: Any, node: yaml.Node | None) -> None:
        self.path = path
        self.data = data
        self.node = node

    def line_of(self, loc: tuple[Any, ...]) -> int | None:
        """The 1-based line of the value at `loc` (keys and list indexes), or its nearest parent."""
        node = self.node
        if node is None:
            return None
        line = node.start_mark.line + 1
        for part in loc:
            child = None
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == part:
                        child = value_node
                        line = key_node.start_mark.line + 1
                        break
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(node.value)
            ):
                child = node.value[part]
                line = child.start_mark.line + 1
            if child is None:
                break
            node = child
        return line


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(path, None, "file not found") from None
    except UnicodeDecodeError:
        raise ContentError(path, None, "not UTF-8 text") from None
    except OSError as exc:
        raise ContentError(path, None, exc.strerror or str(exc)) from None


# what PyYAML calls a bracket or quote left open, and what a user would call it
_UNCLOSED = {"flow sequence": "[ list", "flow mapping": "{ mapping", "quoted scalar": "quoted text"}


def _yaml_problem(exc: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    """The line to show and the message for a YAML syntax error.

    For a bracket or quote left open, PyYAML marks where it gave up, often lines later or at
    the end of the file; the line that opened it is the one to fix."""
    problem, context = exc.problem_mark, exc.context_mark
    opened = next((name for kind, name in _UNCLOSED.items() if kind in (exc.context or "")), None)
    if opened and problem is not None and context is not None and context.line != problem.line:
        return (
            context.line + 1,
            f"invalid YAML: the {opened} opened on this line is not closed ({exc.problem} on "
            f"line {problem.line + 1})",
        )
    mark = problem or context
    return (mark.line + 1 if mark else None), f"invalid YAML: {exc.problem or exc.context}"


def load_yaml(path: Path, text: str | None = None) -> Located:
    """Parse one YAML file; raise ContentError with a line for syntax errors and duplicate keys."""
    if text is None:
        text = read_text(path)
    loader = _StrictLoader(text)
    loader.name = str(path)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except ContentError as exc:
        raise ContentError(path, exc.line, exc.message) from None
    except yaml.MarkedYAMLError as exc:
        raise ContentError(path, *_yaml_problem(exc)) from None
    except yaml.YAMLError as exc:
        raise ContentError(path, None, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    return Located(path, data, node)
