"""The comparison writes its charts in Python with the markup of the shared chart template."""

import re

from django.template.loader import render_to_string
from django.utils import translation

from distrikt.core.charts import multi_line_chart
from distrikt.municipalities.templatetags.municipalities_tags import multi_line_chart as write_chart

SERIES = [
    # A gap (2019 missing) and an estimate, so both notes under the chart are printed.
    (
        "Steinkjer",
        [(2016, 21_000.0, True), (2017, 21_500.0, False), (2018, 22_000.0, False), (2020, 24_007.0, False)],
    ),
    ("Rana & <Hemnes>", [(2016, 26_000.0, False), (2017, 25_900.0, False), (2018, 25_844.0, False)]),
    ("Heile landet", [(2016, 12_000.0, False), (2020, 12_500.0, False)]),
]


def normalised(html: str) -> str:
    """Whitespace between tags left out, other runs of whitespace as one space."""
    return re.sub(r"\s*([<>])\s*", r"\1", re.sub(r"\s+", " ", html)).strip()


def test_the_written_chart_is_the_template_s_markup_in_every_language():
    chart = multi_line_chart(SERIES)
    assert chart is not None and chart.has_gaps and chart.has_estimates
    for language in ("nn", "nb", "en"):
        with translation.override(language):
            expected = render_to_string(
                "core/charts/multi_line_chart.html",
                {"chart": chart, "chart_id": "chart-folketal", "title": "Folketal & <meir>"},
            )
            written = write_chart(chart, "chart-folketal", "Folketal & <meir>")
        assert normalised(written) == normalised(expected)
        assert "Rana &amp; &lt;Hemnes&gt;" in written and "<Hemnes>" not in written


def test_a_chart_without_gaps_or_estimates_has_no_notes():
    chart = multi_line_chart([("Steinkjer", [(2017, 1.0, False), (2018, 2.0, False)])])
    assert chart is not None
    written = write_chart(chart, "chart-x", "X")
    expected = render_to_string(
        "core/charts/multi_line_chart.html", {"chart": chart, "chart_id": "chart-x", "title": "X"}
    )
    assert normalised(written) == normalised(expected)
    assert written.endswith("</ul></figcaption></figure>")
