"""Filters for the long, regular parts of the municipality pages (table cells, option lists).

A comparison of eight municipalities prints hundreds of cells and a list of every
municipality; writing them here, escaped exactly as a template would, keeps the page cheap
to render (a template loop costs several times more per cell).
"""

from collections.abc import Iterable
from html import escape

from django import template
from django.utils.safestring import SafeData, SafeString, mark_safe

from distrikt.municipalities.comparison import DisplayRow

register = template.Library()


def _escaped(value: object) -> str:
    """`conditional_escape` without its lazy-string wrapper: safe text as it is, the rest escaped."""
    return value if isinstance(value, SafeData) else escape(str(value))  # type: ignore[return-value]


@register.filter
def table_cells(texts: Iterable[object]) -> SafeString:
    """`<td>text</td>` for each text, escaped, with nothing between them."""
    return mark_safe("".join([f"<td>{_escaped(text)}</td>" for text in texts]))  # noqa: S308 - escaped


@register.filter
def year_rows(rows: Iterable[DisplayRow]) -> SafeString:
    """A table row per year: the year as row header, then each column's text, escaped."""
    return mark_safe(  # noqa: S308 - escaped
        "".join(
            [
                f'<tr><th scope="row">{_escaped(row.year)}</th>'
                + "".join([f"<td>{_escaped(text)}</td>" for text in row.municipalities])
                + "".join([f"<td>{_escaped(text)}</td>" for text in row.counties])
                + f"<td>{_escaped(row.national)}</td></tr>"
                for row in rows
            ]
        )
    )


@register.filter
def column_headers(texts: Iterable[object]) -> SafeString:
    """`<th scope="col">text</th>` for each text, escaped, with nothing between them."""
    return mark_safe("".join([f'<th scope="col">{_escaped(text)}</th>' for text in texts]))  # noqa: S308 - escaped


# Each municipality's `<option>` (not selected), by (code, name): every comparison prints the
# same few hundred twice. Plain text of names and codes, so every language shares it.
_OPTIONS: dict[tuple[str, str], str] = {}
_OPTIONS_LIMIT = 10_000


def _option(code: str, name: str, selected: bool = False) -> str:
    value = _escaped(code)
    marker = " selected" if selected else ""
    return f'<option value="{value}"{marker}>{_escaped(name)} ({value})</option>'


@register.filter
def municipality_options(choices: Iterable[tuple[str, str]], selected: str = "") -> SafeString:
    """`<option>` elements for (code, name) pairs, labelled «name (code)»; `selected` marks one code."""
    parts = []
    for choice in choices:
        if selected and choice[0] == selected:
            parts.append(_option(*choice, selected=True))
            continue
        option = _OPTIONS.get(choice)
        if option is None:
            if len(_OPTIONS) >= _OPTIONS_LIMIT:
                _OPTIONS.clear()
            option = _OPTIONS[choice] = _option(*choice)
        parts.append(option)
    return mark_safe("".join(parts))  # noqa: S308 - every value escaped in _option
