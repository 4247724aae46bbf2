"""The shared chart geometry: machine numbers, gaps in series, bars around zero."""

from typing import NamedTuple

from django.utils import translation

from distrikt.core.charts import bar_chart, column_chart, line_chart, nice_ticks
from distrikt.core.maps import classify, project
from distrikt.core.svg import svg_number


class Row(NamedTuple):
    label: str
    value: int


def test_coordinates_are_written_with_a_dot_whatever_the_language():
    with translation.override("nb"):
        assert svg_number(157.84) == "157.8"
        assert svg_number(12.0) == "12"
        assert svg_number(-0.04) == "0"
        assert svg_number(12345.67) == "12345.7"


def test_consecutive_years_are_joined_and_a_year_after_a_gap_is_a_point():
    chart = line_chart([(2005, 100, False), (2015, 120, False), (2016, 125, False), (2017, 130, False)])
    assert len(chart.segments) == 1
    assert chart.segments[0].count("L") == 2
    assert chart.has_gaps
    assert len(chart.points) == 4


def test_irregular_years_have_no_line_at_all():
    chart = line_chart([(2005, 10_512.5, False), (2015, 11_020, False), (2017, 11_210, False)])
    assert chart.segments == []
    assert [point.x for point in chart.points] == ["64", "530.7", "624"]


def test_the_value_axis_has_round_ticks_that_cover_the_values():
    assert nice_ticks(10_512.5, 11_210) == [10_400, 10_600, 10_800, 11_000, 11_200, 11_400]
    assert nice_ticks(-12.5, 30, include_zero=True) == [-20, 0, 20, 40]


def test_negative_columns_hang_below_the_zero_line():
    chart = column_chart([("2021", -10), ("2022", 30)])
    negative, positive = chart.columns
    assert negative.is_negative and float(negative.y) == float(chart.zero)
    assert float(positive.y) + float(positive.height) == float(chart.zero)


def test_the_longest_bar_fills_the_plot():
    chart = bar_chart([Row("A", 5), Row("B", 10)])
    assert [bar.width for bar in chart.bars] == ["160", "320"]


def test_oslo_lies_south_east_of_bergen_on_the_map():
    (oslo_x, bergen_x), (oslo_y, bergen_y) = project([10.75, 5.32], [59.91, 60.39])
    assert oslo_x > bergen_x and oslo_y > bergen_y


def test_choropleth_classes_cover_every_value():
    colours, legend = classify({"a": 1.0, "b": 2.0, "c": 3.0, "d": None})
    assert set(colours) == {"a", "b", "c"}
    assert legend[0].low == 1.0 and legend[-1].high == 3.0
