"""The session screen's key bar: the keys Textual's Footer would show, drawn as one widget."""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


class Key(NamedTuple):
    """One key as the bar shows it."""

    key: str  # what a click presses
    display: str
    description: str
    enabled: bool
    tooltip: str
    action: str = ""


class KeyBar(Widget, can_focus=False):
    """The screen's shown bindings, looking and acting like Textual's Footer, in one widget.

    The Footer makes a widget per key and builds them again each time the bindings may have
    changed (three times before the session screen's first frame): a fifth of the time to
    that frame. This draws one line, again only when the keys change or the width does. A
    click presses the key; hover and disabled keys look as in the Footer. Where the line would
    not fit, the descriptions in `short` (by action) are used, in its order, until it does.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"keybar--key", "keybar--description", "keybar--hover"}
    # The Footer's and its keys' styles (non-compact), so both bars look the same.
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        .keybar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keybar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .keybar--hover {
            background: $block-hover-background;
        }
        &:hover {
            pointer: pointer;
        }
    }
    """

    def __init__(self, *, short: dict[str, str] | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.short = short or {}
        self._keys: list[Key] | None = None  # read when first drawn
        self._spans: list[tuple[int, int]] = []  # each key's first and last+1 column
        self._hover: int | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        keys = self._read_keys()
        if keys != self._keys:
            self._keys = keys
            self.refresh()

    def _read_keys(self) -> list[Key]:
        """The first shown binding of each action, as the Footer picks them."""
        keys: dict[str, Key] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in keys:
                display = self.app.get_key_display(binding)
                keys[binding.action] = Key(
                    binding.key, display, binding.description, enabled, tooltip, binding.action
                )
        return list(keys.values())

    def render(self) -> Text:
        if self._keys is None:
            self._keys = self._read_keys()
        key_style = self.get_component_rich_style("keybar--key")
        description_style = self.get_component_rich_style("keybar--description")
        hover = Style(bgcolor=self.get_component_rich_style("keybar--hover").bgcolor)
        text = Text(no_wrap=True, overflow="crop")
        self._spans = []
        column = 0
        for index, (key, description) in enumerate(zip(self._keys, self._fitted(), strict=True)):
            start = len(text)
            if description:
                text.append(f" {key.display} ", key_style)
                text.append(f"{description} ", description_style)
            else:
                text.append(key.display, key_style)
            if not key.enabled:
                text.stylize("dim", start)
            if index == self._hover:
                text.stylize(hover, start)
            width = cell_len(text.plain[start:])
            self._spans.append((column, column + width))
            column += width
        return text

    def _fitted(self) -> list[str]:
        """Each key's description, the ones in `short` shortened in turn until the bar fits."""
        keys = self._keys or []
        labels = {key.action: key.description for key in keys}

        def width() -> int:
            # " ^n Next phase " with a description, the bare key without one
            return sum(
                cell_len(k.display) + (cell_len(labels[k.action]) + 3 if labels[k.action] else 0)
                for k in keys
            )

        for action, short in self.short.items():
            if not self.size.width or width() <= self.size.width:
                break
            if labels.get(action):
                labels[action] = short
        return [labels[key.action] for key in keys]

    def _key_at(self, x: int) -> int | None:
        return next((i for i, (a, b) in enumerate(self._spans) if a <= x < b), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._key_at(event.x)
        if index != self._hover:
            self._hover = index
            tooltip = self._keys[index].tooltip if self._keys and index is not None else ""
            self.tooltip = tooltip or None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._key_at(event.x)
        if index is None or not self._keys:
            return
        if self._keys[index].enabled:
            self.app.simulate_key(self._keys[index].key)
        else:
            self.app.bell()
