"""Numbers in paths, query strings and forms that no database or calendar can hold: 4xx, not 500."""

import pytest

from distrikt.events.models import Registration

pytestmark = pytest.mark.django_db

HUGE = "9" * 25


@pytest.mark.parametrize("suffix", ["", "avmeld/", "slett/"])
def test_a_registration_link_with_a_huge_id_is_not_found(client, suffix):
    assert client.get(f"/pamelding/{HUGE}/token/{suffix}").status_code == 404


@pytest.mark.parametrize("month", ["9999-12", "0000-01", "2100-13"])
def test_a_calendar_month_outside_the_calendar_is_a_form_error(client, event, calendar, month):
    response = client.get(calendar.url, {"month": month})
    assert response.status_code == 200
    assert "Skriv månaden som ÅÅÅÅ-MM." in response.content.decode()


@pytest.mark.parametrize("page", [HUGE, "-1", "x"])
def test_a_page_number_out_of_range_still_shows_the_calendar(client, event, calendar, page):
    assert client.get(calendar.url, {"side": page}).status_code == 200


def test_a_municipality_id_too_large_gets_the_registration_form_back(client, event):
    response = client.post(
        event.url + "pamelding/",
        {
            "name": "Kari Nordmann",
            "email": "kari@example.org",
            "municipality": HUGE,
            "has_consented": "on",
        },
    )
    assert response.status_code == 200  # the form again, with the message (as for other errors)
    assert "Vel ein kommune frå lista." in response.content.decode()
    assert not Registration.objects.exists()
