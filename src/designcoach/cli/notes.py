"""`designcoach notes [TOPIC]`: list the concept cards, or show the one that best matches TOPIC."""

from __future__ import annotations

import json
import textwrap
from typing import TYPE_CHECKING

from designcoach.cli.common import content_error, open_catalog
from designcoach.errors import UserError

if TYPE_CHECKING:
    from rich.console import Console

    from designcoach.content.models import Card

_WIDTH = 88  # plain-text wrap width: readable in a pager and in a log


def run_notes(words: list[str], as_json: bool) -> None:
    from designcoach.content.yamlio import ContentError

    catalog = open_catalog()
    try:
        cards = catalog.cards()
    except ContentError as exc:
        raise content_error(exc) from None
    if not cards:
        raise UserError("no concept cards found; the content folder has no cards/ folder")
    query = " ".join(words).strip()
    if not query:
        _list(cards, as_json)
        return
    from designcoach.content.cards import search_cards

    matches = search_cards(cards, query)
    if not matches:
        raise UserError(f"no card matches {query!r}; {_suggestion(cards, query)}")
    best, others = matches[0].card, [m.card for m in matches[1:] if m.score >= matches[0].score / 2]
    if as_json:
        data = best.model_dump(mode="json")
        data["also"] = [c.id for c in others]
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return
    console = _console()
    if console.is_terminal:
        _show_rich(console, best, others)
    else:
        print(plain_card(best, others), end="")


def _suggestion(cards: list[Card], query: str) -> str:
    """What to try instead: a card id the query looks like, else those sharing some of its words."""
    from designcoach.content.cards import close_ids, near_ids, topic_stems

    listing = "run 'designcoach notes' to list them"
    if not topic_stems(query):  # "the": any card would look close
        return listing
    close = close_ids(cards, query)
    if close:
        return f"did you mean {', '.join(close)}? Or {listing}"
    near = near_ids(cards, query)
    if near:
        return f"closest: {', '.join(near)}; or {listing}"
    return listing


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def _list(cards: list[Card], as_json: bool) -> None:
    if as_json:
        rows = [{"id": c.id, "title": c.title, "summary": c.summary} for c in cards]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    console = _console()
    if not console.is_terminal:
        width = max(len(c.id) for c in cards)
        for c in cards:
            print(f"{c.id:<{width}}  {c.title} — {c.summary}")
        return
    from rich.table import Table

    table = Table(title="Concept cards", title_justify="left", caption="designcoach notes TOPIC")
    table.add_column("id", style="bold cyan", no_wrap=True)
    table.add_column("title", style="bold")
    table.add_column("in one line")
    for c in cards:
        table.add_row(c.id, c.title, c.summary)
    console.print(table)


def plain_card(card: Card, others: list[Card] | None = None) -> str:
    """The card as plain text (for pipes, files and logs)."""
    from designcoach.content.cards import card_sections

    out = [f"{card.title} ({card.id})", card.summary, ""]
    for section in card_sections(card):
        out.append(section.title.upper())
        for text in section.paragraphs:
            first, rest = ("  - ", "    ") if section.bullets else ("  ", "  ")
            out.append(textwrap.fill(text, _WIDTH, initial_indent=first, subsequent_indent=rest))
        out.append("")
    out.extend(
        textwrap.fill(line, _WIDTH, subsequent_indent="  ") for line in _footer(card, others)
    )
    return "\n".join(out).rstrip("\n") + "\n"


def _footer(card: Card, others: list[Card] | None) -> list[str]:
    from designcoach.content.cards import normalize

    lines = []
    # "write-back" and "write back" are both there for search; show one of them
    shown = {normalize(a): a for a in reversed(card.aliases)}
    names = [a for a in card.aliases if shown[normalize(a)] is a]
    if names:
        lines.append(f"Also called: {', '.join(names)}")
    if card.related:
        lines.append(f"Related: {', '.join(card.related)}")
    if others:
        lines.append(f"Other matches: {', '.join(c.id for c in others)} (designcoach notes ID)")
    return lines


def _show_rich(console: Console, card: Card, others: list[Card]) -> None:
    from rich.console import Group, RenderableType
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from designcoach.content.cards import card_sections

    parts: list[RenderableType] = [Text(card.summary, style="italic")]
    for section in card_sections(card):
        parts.append(Text(f"\n{section.title}", style="bold magenta"))
        if not section.bullets:
            parts.extend(Text(text) for text in section.paragraphs)
            continue
        grid = Table.grid(padding=(0, 1))  # a grid keeps wrapped bullet lines indented
        grid.add_column(width=2, justify="right")
        grid.add_column()
        for text in section.paragraphs:
            grid.add_row("•", text)
        parts.append(grid)
    footer = _footer(card, others)
    if footer:
        parts.append(Text("\n" + "\n".join(footer), style="dim"))
    title = f"[bold]{escape(card.title)}[/] [dim]({escape(card.id)})[/]"
    console.print(Panel(Group(*parts), title=title, title_align="left", padding=(0, 1)))
