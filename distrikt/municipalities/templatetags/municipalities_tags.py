"""Filters for the long, regular parts of the municipality pages (table cells, option lists).

A comparison of eight municipalities prints hundreds of cells and a list of every
municipality; writing them here, escaped exactly as a template would, keeps the page cheap
to render (a template loop costs several times more per cell).
"""

from collections.abc import Iterable
from html import escape

from django import template
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import gettext

from distrikt.core.charts import MultiLineChart
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


@register.simple_tag
def multi_line_chart(chart: MultiLineChart, chart_id: str, title: str) -> SafeString:
    """The markup of `core/charts/multi_line_chart.html` for `chart`, written without a template.

    A comparison draws a chart of up to nine lines per indicator, and the template's loops
    over their points were the largest part of the page's rendering. Elements, attributes and
    texts are those of the template (a test compares the two); only the whitespace between
    tags is left out. Every coordinate is a ready string from `distrikt.core.charts`.
    """
    chart_id = _escaped(chart_id)
    parts = [
        '<figure class="chart">',
        f'<svg viewBox="{_escaped(chart.view_box)}" role="img" aria-labelledby="{chart_id}-title"'
        ' focusable="false" class="chart__svg">',
        f'<title id="{chart_id}-title">{_escaped(title)}. {_escaped(gettext("Tala står i tabellen under."))}</title>',
    ]
    left, width, label_x = _escaped(chart.left), _escaped(chart.width), _escaped(chart.label_x)
    for tick in chart.y_ticks:
        position = _escaped(tick.position)
        parts.append(
            f'<line x1="{left}" x2="{width}" y1="{position}" y2="{position}" class="chart__grid"></line>'
            f'<text x="{label_x}" y="{position}" class="chart__label" text-anchor="end"'
            f' dominant-baseline="middle">{_escaped(tick.label)}</text>'
        )
    height = _escaped(chart.height)
    parts.extend(
        f'<text x="{_escaped(tick.position)}" y="{height}" class="chart__label" text-anchor="middle"'
        f' dy="-8">{_escaped(tick.label)}</text>'
        for tick in chart.x_ticks
    )
    for line in chart.lines:
        style = f"chart__series--{int(line.style)}"
        parts.append(f'<g class="chart__series {style}">')
        parts.extend(
            f'<path d="{_escaped(segment)}" class="chart__series {style}"></path>'
            for segment in line.segments
        )
        parts.extend(
            f'<circle cx="{_escaped(point.x)}" cy="{_escaped(point.y)}" r="3" stroke-dasharray="none"'
            f' class="{style}{" chart__series--estimate" if point.is_estimate else ""}"></circle>'
            for point in line.points
        )
        parts.append("</g>")
    parts.append('</svg><figcaption class="ds-paragraph" data-size="sm"><ul class="chart-legend">')
    parts.extend(
        '<li><svg class="chart-legend__swatch" viewBox="0 0 32 12" aria-hidden="true" focusable="false">'
        f'<line x1="0" x2="32" y1="6" y2="6" class="chart__series chart__series--{int(line.style)}"></line>'
        f"</svg>{_escaped(line.label)}</li>"
        for line in chart.lines
    )
    parts.append("</ul>")
    notes = []
    if chart.has_gaps:
        notes.append(
            gettext(
                "Det manglar tal for nokre år. Berre år som følgjer etter kvarandre er bundne saman med strek."
            )
        )
    if chart.has_estimates:
        notes.append(gettext("Opne prikkar er anslag for kommunar som er delte, ikkje målte tal."))
    parts.append(_escaped(" ".join(notes)))
    parts.append("</figcaption></figure>")
    return mark_safe("".join(parts))  # noqa: S308 - every value escaped above
