"""The core page types: where they may stand and that they render."""

import re

from wagtail.models import Page

import pytest

from distrikt.core.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_home_page_stands_only_at_the_root():
    assert HomePage.allowed_parent_page_models() == [Page]


def test_standard_page_may_stand_under_the_home_page():
    assert HomePage in StandardPage.allowed_parent_page_models()


def test_home_page_renders_with_skip_link_navigation_and_offices(client, bundled_site):
    response = client.get("/")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'href="#main-content"' in body
    assert 'id="main-content"' in body
    assert ">Om oss<" in body  # the about page is in the main menu
    for office in ("Steinkjer", "Sogndal", "Alstahaug"):
        assert office in body
    assert len(re.findall(r"<h1[ >]", body)) == 1


def test_standard_page_renders_its_body_and_subpages(client, bundled_site):
    response = client.get("/om-oss/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Tilsette" in body and "Kontora våre" in body


def test_running_the_bundled_data_again_changes_nothing(bundled_site):
    from django.core.management import call_command

    before = Page.objects.count()
    call_command("load_bundled_data", verbosity=0)
    assert Page.objects.count() == before


def test_breadcrumbs_end_with_the_current_page(client, bundled_site):
    body = client.get("/om-oss/kontor/").content.decode()
    trail = body[
        body.index('class="ds-breadcrumbs') : body.index("</nav>", body.index('class="ds-breadcrumbs'))
    ]
    assert trail.index(">Distriktssenteret<") < trail.index(">Om oss<") < trail.index(">Kontora våre<")
    assert 'aria-current="page">Kontora våre<' in trail
