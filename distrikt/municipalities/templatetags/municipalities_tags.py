"""Filters for the long, regular parts of the municipality pages (table cells, option lists).

A comparison of eight municipalities prints hundreds of cells and a list of every
municipality; writing them here, escaped exactly as a template would, keeps the page cheap
to render (a template loop costs several times more per cell).
"""

from collections.abc import Iterable
from html import escape

from django import template
from django.utils.safestring import SafeData, SafeString, mark_safe

register = template.Library()


def _escaped(value: object) -> str:
    """`conditional_escape` without its lazy-string wrapper: safe text as it is, the rest escaped."""
    return value if isinstance(value, SafeData) else escape(str(value))  # type: ignore[return-value]


@register.filter
def table_cells(texts: Iterable[object]) -> SafeString:
    """`<td>text</td>` for each text, escaped, with nothing between them."""
    return mark_safe("".join([f"<td>{_escaped(text)}</td>" for text in texts]))  # noqa: S308 - escaped


@register.filter
def column_headers(texts: Iterable[object]) -> SafeString:
    """`<th scope="col">text</th>` for each text, escaped, with nothing between them."""
    return mark_safe("".join([f'<th scope="col">{_escaped(text)}</th>' for text in texts]))  # noqa: S308 - escaped


@register.filter
def municipality_options(choices: Iterable[tuple[str, str]], selected: str = "") -> SafeString:
    """`<option>` elements for (code, name) pairs, labelled «name (code)»; `selected` marks one code."""
    parts = []
    for code, name in choices:
        value = _escaped(code)
        marker = " selected" if selected and code == selected else ""
        parts.append(f'<option value="{value}"{marker}>{_escaped(name)} ({value})</option>')
    return mark_safe("".join(parts))  # noqa: S308 - every value escaped above
