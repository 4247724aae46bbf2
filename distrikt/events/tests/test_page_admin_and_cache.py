"""Editors can add and edit events; the public page stays fresh in the page cache."""

import pytest

from distrikt.events.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_editor_can_open_the_add_and_edit_forms(editor_client, calendar, event):
    add = editor_client.get(f"/admin/pages/add/events/eventpage/{calendar.pk}/")
    edit = editor_client.get(f"/admin/pages/{event.pk}/edit/")
    assert add.status_code == 200
    assert edit.status_code == 200
    assert "Ekstra spørsmål i påmeldinga" in edit.content.decode()


def test_page_listing_offers_the_participants_page(editor_client, calendar, event):
    response = editor_client.get(f"/admin/pages/{calendar.pk}/")
    assert f"/admin/arrangement/{event.pk}/" in response.content.decode()


def test_cached_event_page_shows_fresh_seat_count_after_a_registration(client, event):
    assert "2 ledige plassar" in client.get(event.url).content.decode()
    assert "2 ledige plassar" in client.get(event.url).content.decode()
    RegistrationFactory(event=event)
    assert "1 ledig plass." in client.get(event.url).content.decode()


def test_event_page_is_served_from_the_page_cache(client, event, django_assert_max_num_queries):
    client.get(event.url)
    with django_assert_max_num_queries(8):
        response = client.get(event.url)
    assert response.status_code == 200
