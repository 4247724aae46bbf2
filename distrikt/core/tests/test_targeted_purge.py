"""Publishing a page purges it, its parent and the pages linking to it; nothing else."""

from django.test import Client

import pytest

from distrikt.core.cache import page_cache_instance
from distrikt.core.models import StandardPage

pytestmark = pytest.mark.django_db


def is_cached(rf, url: str) -> bool:
    cache = page_cache_instance()
    return cache.lookup(cache.key(rf.get(url)), cache.signal.read()) is not None


@pytest.fixture
def pages(site, home_page):
    index = home_page.add_child(instance=StandardPage(title="Register", slug="register-test"))
    a = index.add_child(instance=StandardPage(title="Side A", slug="side-a"))
    unrelated = index.add_child(instance=StandardPage(title="Ei anna side", slug="anna-side"))
    linking = home_page.add_child(
        instance=StandardPage(title="Lenkjer til A", slug="lenkjer", english_version=a)
    )
    pages = {"index": index, "a": a, "unrelated": unrelated, "linking": linking}
    client = Client()
    for page in pages.values():
        assert client.get(page.url).status_code == 200
    return pages


def test_publishing_a_page_purges_it_its_index_and_the_pages_linking_to_it(rf, pages):
    assert all(is_cached(rf, page.url) for page in pages.values())
    a = StandardPage.objects.get(pk=pages["a"].pk)
    a.lead = "Ny ingress"
    a.save_revision().publish()
    assert not is_cached(rf, pages["a"].url)
    assert not is_cached(rf, pages["index"].url)
    assert not is_cached(rf, pages["linking"].url)
    assert is_cached(rf, pages["unrelated"].url)
    assert "Ny ingress" in Client().get(pages["a"].url).content.decode()


def test_a_new_title_also_purges_the_pages_below_it(rf, pages):
    index = StandardPage.objects.get(pk=pages["index"].pk)
    index.title = "Nytt namn på registeret"
    index.save_revision().publish()
    assert not is_cached(rf, pages["unrelated"].url)
    assert "Nytt namn på registeret" in Client().get(pages["unrelated"].url).content.decode()


def test_saving_a_draft_purges_nothing(rf, pages):
    a = StandardPage.objects.get(pk=pages["a"].pk)
    a.title = "Utkast"
    a.save_revision()
    assert all(is_cached(rf, page.url) for page in pages.values())


def test_unpublishing_a_page_purges_its_index(rf, pages):
    StandardPage.objects.get(pk=pages["a"].pk).unpublish()
    assert not is_cached(rf, pages["index"].url)
    assert is_cached(rf, pages["unrelated"].url)
    assert Client().get(pages["a"].url).status_code == 404


def test_deleting_a_page_purges_its_index(rf, pages):
    StandardPage.objects.get(pk=pages["a"].pk).delete()
    assert not is_cached(rf, pages["index"].url)
    assert is_cached(rf, pages["unrelated"].url)


def test_moving_a_page_purges_the_old_and_the_new_parent(rf, pages, home_page):
    Client().get(home_page.url)
    StandardPage.objects.get(pk=pages["unrelated"].pk).move(pages["linking"], pos="last-child")
    assert not is_cached(rf, pages["index"].url)
    assert not is_cached(rf, pages["linking"].url)
    assert is_cached(rf, pages["a"].url)
    assert is_cached(rf, home_page.url)


def test_changing_the_site_settings_purges_every_page(rf, pages):
    from distrikt.core.models import SiteSettings

    settings = SiteSettings.load()
    settings.footer_text = "Ny tekst i botnen"
    settings.save()
    assert not any(is_cached(rf, page.url) for page in pages.values())
