"""Server-rendered SVG charts for every app: one scale, one axis, machine numbers in attributes.

Each chart is drawn from the same rows as the table printed under it, so a reader without
sight of the chart loses nothing. Geometry is returned as strings written with a dot
(`distrikt.core.svg.svg_number`), so the templates never localise a coordinate.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape

from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import gettext

from .numbers import format_count
from .svg import svg_number

WIDTH = 640
HEIGHT = 260
MARGIN_LEFT = 64
MARGIN_RIGHT = 16
MARGIN_TOP = 16
MARGIN_BOTTOM = 32
# With this many points or fewer every measured point gets a marker.
SPARSE_POINTS = 15
TICK_COUNT = 4


@dataclass(frozen=True)
class LinearScale:
    """Maps a value range (the domain) onto a coordinate range."""

    domain_low: float
    domain_high: float
    range_low: float
    range_high: float

    def __call__(self, value: float) -> float:
        span = self.domain_high - self.domain_low or 1
        return self.range_low + (value - self.domain_low) / span * (self.range_high - self.range_low)


def nice_step(span: float, count: int = TICK_COUNT) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about `count` intervals."""
    raw = span / count if span > 0 else 1
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def nice_ticks(low: float, high: float, *, include_zero: bool = False) -> list[float]:
    """Round tick values that cover [low, high] (and zero, when asked)."""
    if include_zero:
        low, high = min(low, 0), max(high, 0)
    step = nice_step(high - low)
    first = math.floor(low / step) * step
    last = math.ceil(high / step) * step
    if last == first:
        last = first + step
    return [first + index * step for index in range(round((last - first) / step) + 1)]


@dataclass(frozen=True)
class Tick:
    """An axis tick: its position (a machine number) and its label (localised text)."""

    position: str
    label: str


def value_axis(ticks: Sequence[float], scale: LinearScale) -> list[Tick]:
    return [Tick(svg_number(scale(tick)), format_count(tick)) for tick in ticks]


@dataclass(frozen=True)
class ChartPoint:
    """A marked point of a line chart."""

    x: str
    y: str
    is_estimate: bool


@dataclass(kw_only=True)
class PlotFrame:
    """The frame of a chart with a value axis on the left (machine numbers as strings)."""

    view_box: str = f"0 0 {WIDTH} {HEIGHT}"
    width: str = str(WIDTH)
    height: str = str(HEIGHT)
    left: str = str(MARGIN_LEFT)
    label_x: str = str(MARGIN_LEFT - 6)


@dataclass(kw_only=True)
class LineChart(PlotFrame):
    """A line chart: one line per run of consecutive years, points where years are missing."""

    segments: list[str]
    points: list[ChartPoint]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    has_gaps: bool
    has_estimates: bool


def _runs(points: list[tuple[int, float, bool]]) -> list[list[tuple[int, float, bool]]]:
    """Split a series where a year is missing, so no line crosses a gap in the data."""
    runs: list[list[tuple[int, float, bool]]] = []
    for point in points:
        if runs and point[0] == runs[-1][-1][0] + 1:
            runs[-1].append(point)
        else:
            runs.append([point])
    return runs


def line_chart(points: Iterable[tuple[int, float, bool]]) -> LineChart | None:
    """Geometry for (year, value, is_estimate) points sorted by year; None with fewer than two.

    Consecutive years are joined by a line. Years with no neighbour are drawn as points
    only, so irregular years (2005, 2015, 2017) do not look like a trend.
    """
    points = sorted(points)
    if len(points) < 2:
        return None
    years = [year for year, _value, _estimate in points]
    values = [value for _year, value, _estimate in points]
    ticks = nice_ticks(min(values), max(values))
    x = LinearScale(years[0], years[-1], MARGIN_LEFT, WIDTH - MARGIN_RIGHT)
    y = LinearScale(ticks[0], ticks[-1], HEIGHT - MARGIN_BOTTOM, MARGIN_TOP)
    runs = _runs(points)
    segments = [
        "M" + "L".join(f"{svg_number(x(year))},{svg_number(y(value))}" for year, value, _estimate in run)
        for run in runs
        if len(run) > 1
    ]
    is_sparse = len(points) <= SPARSE_POINTS
    marked = [
        ChartPoint(svg_number(x(year)), svg_number(y(value)), is_estimate)
        for run in runs
        for year, value, is_estimate in run
        if is_estimate or is_sparse or len(run) == 1
    ]
    year_step = max(1, round((years[-1] - years[0]) / 6))
    return LineChart(
        segments=segments,
        points=marked,
        x_ticks=[Tick(svg_number(x(year)), str(year)) for year in range(years[0], years[-1] + 1, year_step)],
        y_ticks=value_axis(ticks, y),
        has_gaps=len(runs) > 1,
        has_estimates=any(estimate for _year, _value, estimate in points),
    )


# Lines beyond this many share a style; a comparison shows at most eight places and the country.
SERIES_STYLES = 9


@dataclass(frozen=True)
class ChartLine:
    """One series of a chart with several lines: its label, segments and marked points.

    `style` picks colour and dash pattern (CSS class ``chart__series--<style>``), so lines
    differ by more than colour.
    """

    label: str
    style: int
    segments: list[str]
    points: list[ChartPoint]


@dataclass(kw_only=True)
class MultiLineChart(PlotFrame):
    """Several series over the same years on one value axis, with a legend."""

    lines: list[ChartLine]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    has_gaps: bool
    has_estimates: bool


def multi_line_chart(
    series: Sequence[tuple[str, Iterable[tuple[int, float, bool]]]],
) -> MultiLineChart | None:
    """Geometry for labelled (year, value, is_estimate) series on shared axes.

    None when no series has two points. Gaps and lone points follow `line_chart`.
    """
    collected = [(label, sorted(points)) for label, points in series]
    everything = [point for _label, points in collected for point in points]
    if not any(len(points) >= 2 for _label, points in collected):
        return None
    years = sorted({year for year, _value, _estimate in everything})
    values = [value for _year, value, _estimate in everything]
    ticks = nice_ticks(min(values), max(values))
    x = LinearScale(years[0], years[-1], MARGIN_LEFT, WIDTH - MARGIN_RIGHT)
    y = LinearScale(ticks[0], ticks[-1], HEIGHT - MARGIN_BOTTOM, MARGIN_TOP)
    lines = []
    has_gaps = False
    for index, (label, points) in enumerate(collected):
        runs = _runs(points)
        has_gaps = has_gaps or len(runs) > 1
        is_sparse = len(points) <= SPARSE_POINTS
        lines.append(
            ChartLine(
                label=label,
                style=index % SERIES_STYLES,
                segments=[
                    "M" + "L".join(f"{svg_number(x(year))},{svg_number(y(value))}" for year, value, _e in run)
                    for run in runs
                    if len(run) > 1
                ],
                points=[
                    ChartPoint(svg_number(x(year)), svg_number(y(value)), is_estimate)
                    for run in runs
                    for year, value, is_estimate in run
                    if is_estimate or is_sparse or len(run) == 1
                ],
            )
        )
    year_step = max(1, round((years[-1] - years[0]) / 6))
    return MultiLineChart(
        lines=lines,
        x_ticks=[Tick(svg_number(x(year)), str(year)) for year in range(years[0], years[-1] + 1, year_step)],
        y_ticks=value_axis(ticks, y),
        has_gaps=has_gaps,
        has_estimates=any(estimate for _year, _value, estimate in everything),
    )


@dataclass(frozen=True)
class Column:
    """A vertical bar from the zero line, and its label under the axis."""

    x: str
    y: str
    width: str
    height: str
    label_x: str
    label: str
    is_negative: bool


@dataclass(kw_only=True)
class ColumnChart(PlotFrame):
    """Vertical bars around a zero line, with a value axis."""

    columns: list[Column]
    zero: str
    y_ticks: list[Tick]


def column_chart(items: Iterable[tuple[str, float]]) -> ColumnChart | None:
    """Columns for (label, value) items, negative values below the zero line."""
    items = list(items)
    if not items:
        return None
    values = [value for _label, value in items]
    ticks = nice_ticks(min(values), max(values), include_zero=True)
    y = LinearScale(ticks[0], ticks[-1], HEIGHT - MARGIN_BOTTOM, MARGIN_TOP)
    slot = (WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / len(items)
    zero = y(0)
    columns = []
    for index, (label, value) in enumerate(items):
        left = MARGIN_LEFT + index * slot
        top = min(y(value), zero)
        columns.append(
            Column(
                x=svg_number(left + slot * 0.15),
                y=svg_number(top),
                width=svg_number(slot * 0.7),
                height=svg_number(max(abs(y(value) - zero), 0.5)),
                label_x=svg_number(left + slot / 2),
                label=label,
                is_negative=value < 0,
            )
        )
    return ColumnChart(columns=columns, zero=svg_number(zero), y_ticks=value_axis(ticks, y))


BAR_HEIGHT = 22
BAR_GAP = 8
BAR_LABEL_WIDTH = 220
BAR_PLOT_WIDTH = 320


@dataclass(frozen=True)
class Bar:
    """A horizontal bar with its label on the left and its value at the end."""

    label: str
    value: float
    y: str
    width: str
    text_y: str
    value_x: str


@dataclass
class BarChart:
    """Horizontal bars from zero; the longest fills the plot."""

    bars: list[Bar] = field(default_factory=list)
    view_box: str = ""
    bar_x: str = str(BAR_LABEL_WIDTH)
    label_x: str = str(BAR_LABEL_WIDTH - 6)
    bar_height: str = str(BAR_HEIGHT)


def bar_chart(rows: Iterable) -> BarChart:
    """Bars for rows with `label` and a non-negative `value`."""
    rows = list(rows)
    largest = max((row.value for row in rows), default=0) or 1
    x = LinearScale(0, largest, 0, BAR_PLOT_WIDTH)
    bars = []
    for position, row in enumerate(rows):
        top = position * (BAR_HEIGHT + BAR_GAP)
        width = max(x(row.value), 1 if row.value else 0)
        bars.append(
            Bar(
                label=str(row.label),
                value=row.value,
                y=svg_number(top),
                width=svg_number(width),
                text_y=svg_number(top + BAR_HEIGHT / 2 + 5),
                value_x=svg_number(BAR_LABEL_WIDTH + width + 6),
            )
        )
    height = max(len(bars) * (BAR_HEIGHT + BAR_GAP), BAR_HEIGHT)
    return BarChart(bars=bars, view_box=f"0 0 {BAR_LABEL_WIDTH + BAR_PLOT_WIDTH + 70} {height}")


def _escaped(value: object) -> str:
    """`conditional_escape` without its lazy-string wrapper: safe text as it is, the rest escaped."""
    return value if isinstance(value, SafeData) else escape(str(value))  # type: ignore[return-value]


def multi_line_chart_markup(chart: MultiLineChart, chart_id: str, title: str) -> SafeString:
    """The SVG figure of a multi-line chart, with its legend and notes (`{% multi_line_chart %}`).

    Written in Python rather than a template: a comparison draws up to nine lines per
    indicator, and a template's loops over their points were the largest part of the page's
    rendering. Every coordinate is a ready, unlocalised string (see `svg_number`).
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
