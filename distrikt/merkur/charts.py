"""Geometry of server-rendered SVG charts; the numbers themselves are always in a table too."""

from dataclasses import dataclass

BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 220
PLOT_WIDTH = 320


@dataclass(frozen=True)
class Bar:
    """One bar, positioned in SVG units."""

    label: str
    value: int
    y: int
    width: int
    text_y: int


@dataclass(frozen=True)
class BarChart:
    """A horizontal bar chart: its bars, its size and the label/plot split."""

    bars: list[Bar]
    width: int
    height: int
    label_width: int
    value_x_offset: int


def bar_chart(rows) -> BarChart:
    """Scale rows (objects with label and value) to bars; the longest bar fills the plot."""
    rows = list(rows)
    largest = max((row.value for row in rows), default=0) or 1
    bars = []
    for position, row in enumerate(rows):
        y = position * (BAR_HEIGHT + BAR_GAP)
        bars.append(
            Bar(
                label=str(row.label),
                value=row.value,
                y=y,
                width=max(round(row.value / largest * PLOT_WIDTH), 1 if row.value else 0),
                text_y=y + BAR_HEIGHT // 2 + 5,
            )
        )
    return BarChart(
        bars=bars,
        width=LABEL_WIDTH + PLOT_WIDTH + 70,
        height=max(len(bars) * (BAR_HEIGHT + BAR_GAP), BAR_HEIGHT),
        label_width=LABEL_WIDTH,
        value_x_offset=LABEL_WIDTH + 6,
    )
