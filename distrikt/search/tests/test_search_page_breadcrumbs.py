"""The search page has the same breadcrumb trail as every other page."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_search_page_trail_is_home_then_search(client, home_page):
    body = client.get("/en/sok/?q=kommune").content.decode()
    start = body.index('class="ds-breadcrumbs')
    trail = body[start : body.index("</nav>", start)]
    assert 'href="/en/">Distriktssenteret<' in trail
    assert 'href="/en/sok/" aria-current="page">Search<' in trail
