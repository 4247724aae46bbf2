"""Server-rendered chart geometry: inline SVG with the same numbers as the table behind it."""

from dataclasses import dataclass, field

WIDTH = 640
HEIGHT = 260
LEFT = 64
RIGHT = 16
TOP = 16
BOTTOM = 32
SPARSE_POINTS = 15


@dataclass
class Tick:
    """An axis tick: its position and label."""

    position: float
    label: str


@dataclass
class LineChart:
    """A line chart's SVG geometry."""

    path: str
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    estimate_points: list[tuple[float, float]] = field(default_factory=list)
    markers: list[tuple[float, float]] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    bottom: float = HEIGHT - BOTTOM


def _nice_step(span: float) -> float:
    raw = span / 4 if span > 0 else 1
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _format(value: float) -> str:
    return f"{value:,.0f}".replace(",", "\u00a0")


def line_chart(points: list[tuple[int, float, bool]]) -> LineChart | None:
    """Geometry for (year, value, is_estimate) points, or None with fewer than two points."""
    if len(points) < 2:
        return None
    years = [year for year, _value, _estimate in points]
    values = [value for _year, value, _estimate in points]
    step = _nice_step(max(values) - min(values))
    low = (min(values) // step) * step
    high = (max(values) // step + 1) * step
    first, last = min(years), max(years)
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM

    def x(year: float) -> float:
        return round(LEFT + (year - first) / max(last - first, 1) * plot_width, 1)

    def y(value: float) -> float:
        return round(TOP + (high - value) / (high - low) * plot_height, 1)

    path = " ".join(
        f"{'M' if index == 0 else 'L'}{x(year)},{y(value)}"
        for index, (year, value, _estimate) in enumerate(points)
    )
    year_step = max(1, round((last - first) / 6))
    y_ticks = []
    tick = low
    while tick <= high:
        y_ticks.append(Tick(y(tick), _format(tick)))
        tick += step
    return LineChart(
        path=path,
        x_ticks=[Tick(x(year), str(year)) for year in range(first, last + 1, year_step)],
        y_ticks=y_ticks,
        estimate_points=[(x(year), y(value)) for year, value, estimate in points if estimate],
        # With few points, mark each one so a straight line is not read as yearly data.
        markers=[
            (x(year), y(value))
            for year, value, estimate in points
            if not estimate and len(points) <= SPARSE_POINTS
        ],
    )


@dataclass
class Bar:
    """One bar of a bar chart."""

    x: float
    y: float
    width: float
    height: float
    label: str
    value: float
    is_negative: bool


@dataclass
class BarChart:
    """A horizontal-axis bar chart with a zero line."""

    bars: list[Bar]
    zero: float
    width: int = WIDTH
    height: int = HEIGHT


def bar_chart(items: list[tuple[str, float]]) -> BarChart | None:
    """Bars for (label, value) items around a zero line."""
    if not items:
        return None
    largest = max(abs(value) for _label, value in items) or 1
    plot_height = HEIGHT - TOP - BOTTOM
    zero = TOP + plot_height / 2
    slot = (WIDTH - LEFT - RIGHT) / len(items)
    bars = []
    for index, (label, value) in enumerate(items):
        size = abs(value) / largest * plot_height / 2
        bars.append(
            Bar(
                x=round(LEFT + index * slot + slot * 0.15, 1),
                y=round(zero - size if value >= 0 else zero, 1),
                width=round(slot * 0.7, 1),
                height=round(max(size, 0.5), 1),
                label=label,
                value=value,
                is_negative=value < 0,
            )
        )
    return BarChart(bars=bars, zero=zero)
