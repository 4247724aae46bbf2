"""The streaming address of an online event stays out of every public place, search included."""

import pytest

from distrikt.events.factories import EventIndexPageFactory, EventPageFactory
from distrikt.search.indexer import index_page
from distrikt.search.models import SearchDocument

pytestmark = pytest.mark.django_db

SECRET_URL = "https://video.example.org/rom/hemmeleg-123"


def test_streaming_link_is_not_in_the_search_index_or_the_public_page(client, home_page):
    calendar = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=calendar, online_url=SECRET_URL, lead="Eit nettmøte om bygdeutvikling.")
    document = index_page(event)
    assert document is not None
    assert "bygdeutvikling" in document.text
    assert "hemmeleg" not in document.text
    assert not SearchDocument.objects.filter(text__contains="hemmeleg").exists()
    assert "hemmeleg" not in client.get(event.url).content.decode()
