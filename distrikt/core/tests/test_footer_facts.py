"""The footer's settings and links are read once per change, and every change shows at once."""

from django.test import Client

import pytest

from distrikt.core.models import SiteSettings

pytestmark = pytest.mark.django_db


def footer_of(path: str = "/") -> str:
    body = Client().get(path).content.decode()
    return body[body.index('<footer class="site-footer">') :]


def test_unpublishing_a_linked_statement_removes_its_footer_link(site):
    assert 'href="/personvern/"' in footer_of()
    privacy = SiteSettings.load().privacy_page
    privacy.specific.unpublish()
    assert 'href="/personvern/"' not in footer_of()
    assert 'href="/personvern/"' not in footer_of("/en/")
    privacy.specific.save_revision().publish()
    assert 'href="/personvern/"' in footer_of()


def test_a_moved_statement_is_linked_at_its_new_address(site):
    footer_of()
    privacy = SiteSettings.load().privacy_page.specific
    privacy.slug = "personopplysningar"
    privacy.save_revision().publish()
    footer = footer_of()
    assert 'href="/personopplysningar/"' in footer
    assert 'href="/personvern/"' not in footer


def test_changed_site_settings_show_in_the_footer_at_once(site):
    footer_of()
    row = SiteSettings.load()
    row.footer_text = "Ein ny tekst i botnen."
    row.organisation_email = "ny@distriktssenteret.no"
    row.save()
    footer = footer_of()
    assert "Ein ny tekst i botnen." in footer
    assert "mailto:ny@distriktssenteret.no" in footer


def test_the_footer_costs_no_queries_once_read(site, django_assert_max_num_queries):
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    request = RequestFactory().get("/", HTTP_HOST="localhost")
    render_to_string("components/site_footer.html", request=request)
    with django_assert_max_num_queries(1):  # at most the version tokens
        html = render_to_string("components/site_footer.html", request=request)
    assert 'href="/personvern/"' in html
