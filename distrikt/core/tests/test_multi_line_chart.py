"""Charts with several lines: shared axes, one style per series, machine numbers."""

from django.utils import translation

from distrikt.core.charts import HEIGHT, MARGIN_BOTTOM, MARGIN_LEFT, WIDTH, multi_line_chart


def test_series_share_the_axes_and_get_their_own_style():
    with translation.override("nn"):
        chart = multi_line_chart(
            [
                ("Ein", [(2020, 1000.0, False), (2021, 1500.5, False)]),
                ("To", [(2019, 2000.0, False), (2021, 2500.0, True)]),
            ]
        )
    assert chart is not None
    assert [line.label for line in chart.lines] == ["Ein", "To"]
    assert [line.style for line in chart.lines] == [0, 1]
    # 2019 is the left edge for both lines; 2021 the right edge.
    first_segment = chart.lines[0].segments[0]
    assert first_segment.startswith("M")
    assert first_segment.split("L")[1].split(",")[0] == str(WIDTH - 16)
    assert chart.lines[1].points[0].x == str(MARGIN_LEFT)
    # The lone years of the second line are points without a line, and the estimate is flagged.
    assert chart.lines[1].segments == []
    assert chart.has_gaps and chart.has_estimates
    assert all("," not in point.y for line in chart.lines for point in line.points)
    assert all(float(tick.position) <= HEIGHT - MARGIN_BOTTOM for tick in chart.y_ticks)


def test_no_chart_when_no_series_has_two_points():
    assert multi_line_chart([("Ein", [(2020, 1.0, False)]), ("To", [])]) is None
    assert multi_line_chart([]) is None
