"""People read numbers in their language's conventions; counts never show decimals."""

from django.template import Context, Template
from django.utils import translation

import pytest

from distrikt.core.charts import line_chart
from distrikt.core.numbers import format_count, format_decimal, format_percent

NBSP = "\u00a0"


@pytest.mark.parametrize("language", ["nn", "nb"])
def test_norwegian_groups_thousands_with_a_space_and_uses_a_decimal_comma(language):
    with translation.override(language):
        assert format_count(728714.0) == f"728{NBSP}714"
        assert format_decimal(1234.56, 1) == f"1{NBSP}234,6"
        assert format_percent(12.5) == f"12,5{NBSP}%"


def test_english_groups_thousands_with_a_comma_and_uses_a_decimal_point():
    with translation.override("en"):
        assert format_count(728714.0) == "728,714"
        assert format_decimal(1234.56, 1) == "1,234.6"
        assert format_percent(12.5) == f"12.5{NBSP}%"


def test_a_head_count_stored_as_a_float_shows_no_decimals():
    template = Template("{% load core_tags %}{{ people|thousands }}|{{ people|count }}|{{ missing|count }}")
    with translation.override("nn"):
        rendered = template.render(Context({"people": 728714.0, "missing": None}))
    assert rendered == f"728{NBSP}714|728{NBSP}714|–"
    assert ",0" not in rendered


def test_rounding_gives_no_negative_zero():
    with translation.override("nn"):
        assert format_decimal(-0.01, 1) == "0,0"


def test_chart_axis_labels_follow_the_language_but_coordinates_stay_machine_numbers():
    points = [(2020, 12000.0, False), (2021, 15000.0, False)]
    with translation.override("en"):
        english = line_chart(points)
    with translation.override("nn"):
        nynorsk = line_chart(points)
    assert any("," in tick.label for tick in english.y_ticks)
    assert any(NBSP in tick.label for tick in nynorsk.y_ticks)
    assert [tick.position for tick in english.y_ticks] == [tick.position for tick in nynorsk.y_ticks]
    assert all("," not in tick.position for tick in nynorsk.y_ticks)
