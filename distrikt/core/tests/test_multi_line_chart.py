"""Charts with several lines: shared axes, one style per series, machine numbers."""

import re

from django.utils import translation

import pytest

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


SERIES = [
    # A gap (2019 missing) and an estimate, so both notes under the chart are printed.
    (
        "Steinkjer",
        [(2016, 21_000.0, True), (2017, 21_500.0, False), (2018, 22_000.0, False), (2020, 24_007.0, False)],
    ),
    ("Rana & <Hemnes>", [(2016, 26_000.0, False), (2017, 25_900.0, False), (2018, 25_844.0, False)]),
    ("Heile landet", [(2016, 12_000.0, False), (2020, 12_500.0, False)]),
]
NOTES = {
    "nn": ("Det manglar tal for nokre år.", "Opne prikkar er anslag"),
    "nb": ("Det mangler tall for noen år.", "Åpne prikker er anslag"),
    "en": ("Some years have no figures.", "Open dots are estimates"),
}


def test_the_markup_draws_every_segment_point_and_legend_entry():
    from distrikt.core.charts import multi_line_chart_markup

    chart = multi_line_chart(SERIES)
    assert chart is not None and chart.has_gaps and chart.has_estimates
    html = multi_line_chart_markup(chart, "chart-folketal", "Folketal & <meir>")
    assert html.count("<path ") == sum(len(line.segments) for line in chart.lines)
    assert html.count("<circle ") == sum(len(line.points) for line in chart.lines) == 9
    assert html.count("chart__series--estimate") == 1
    assert html.count("<li>") == 3
    assert 'aria-labelledby="chart-folketal-title"' in html and 'id="chart-folketal-title"' in html
    # Names and titles are escaped; coordinates are machine numbers (never a decimal comma).
    assert "Rana &amp; &lt;Hemnes&gt;" in html and "<Hemnes>" not in html
    assert "Folketal &amp; &lt;meir&gt;" in html
    number = r"-?\d+(?:\.\d+)?"
    for attribute in re.findall(r' (?:x|y|x1|x2|y1|y2|cx|cy|viewBox)="([^"]*)"', html):
        assert re.fullmatch(rf"{number}(?: {number})*", attribute), attribute
    for path in re.findall(r' d="([^"]*)"', html):
        assert re.fullmatch(rf"(?:[ML]{number},{number})+", path), path


@pytest.mark.parametrize("language", ["nn", "nb", "en"])
def test_the_notes_under_the_chart_are_in_the_interface_language(language):
    from distrikt.core.charts import multi_line_chart_markup

    with translation.override(language):
        html = multi_line_chart_markup(multi_line_chart(SERIES), "chart-x", "X")
    for note in NOTES[language]:
        assert note in html


def test_a_chart_without_gaps_or_estimates_has_no_notes():
    from distrikt.core.charts import multi_line_chart_markup

    chart = multi_line_chart([("Steinkjer", [(2017, 1.0, False), (2018, 2.0, False)])])
    assert multi_line_chart_markup(chart, "chart-x", "X").endswith("</ul></figcaption></figure>")
