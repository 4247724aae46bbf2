"""The result list written in Python (`search_tags.search_hits`): tags, dates, language, escaping."""

import datetime

from django.utils import translation
from django.utils.safestring import mark_safe

from distrikt.search.engine import Hit
from distrikt.search.templatetags.search_tags import search_hits


def hit(**changes) -> Hit:
    fields = {
        "title": "Nærbutikken <b>lever</b>",
        "url": '/kunnskap/naer"butikk/',
        "result_type": "event",
        "type_label": "Arrangement",
        "snippet": mark_safe("Om <mark>nærbutikken</mark> & bygda"),
        "language": "nb",
        "date": datetime.date(2026, 12, 3),
        "is_demo": True,
        "is_upcoming": True,
    }
    return Hit(**{**fields, **changes})


def test_a_result_line_carries_its_tags_date_language_and_escaped_text():
    with translation.override("nn"):
        markup = str(search_hits([hit()]))
    assert markup.startswith('<ol class="result-list search-results"><li>')
    assert '<span class="ds-tag">Arrangement</span>' in markup
    assert '<span class="ds-tag" data-color="warning">Demo</span>' in markup
    assert '<span class="ds-tag" data-color="success">Komande</span>' in markup
    assert '<time datetime="2026-12-03">3. desember 2026</time>' in markup
    assert '<h2 class="ds-heading" data-size="xs" lang="nb">' in markup
    assert "Nærbutikken &lt;b&gt;lever&lt;/b&gt;" in markup and "<b>" not in markup
    assert 'href="/kunnskap/naer&quot;butikk/"' in markup
    # The snippet is already escaped by the engine, with its highlights.
    assert '<p class="search-result__snippet" lang="nb">Om <mark>nærbutikken</mark> & bygda</p>' in markup


def test_tags_and_months_follow_the_interface_language():
    with translation.override("en"):
        markup = str(search_hits([hit()]))
    assert 'data-color="success">Upcoming<' in markup
    assert "3. December 2026" in markup


def test_a_line_without_date_snippet_or_language_leaves_them_out():
    markup = str(
        search_hits([hit(date=None, snippet=mark_safe(""), language="", is_demo=False, is_upcoming=False)])
    )
    assert "<time" not in markup and "search-result__snippet" not in markup and "lang=" not in markup
    assert "data-color" not in markup
