"""The registration form: it keeps what was typed, catches duplicates, bots and floods."""

import datetime

from django.core import mail
from django.test import override_settings
from django.utils import timezone

import pytest

from distrikt.events.factories import EventPageFactory
from distrikt.events.models import (
    Registration,
    RegistrationQuestion,
    RegistrationStatus,
)

pytestmark = pytest.mark.django_db


def form_url(event) -> str:
    return event.url + "pamelding/"


def valid_data(**overrides) -> dict:
    data = {
        "name": "Kari Nordmann",
        "email": "kari@example.org",
        "organisation": "Testkommune",
        "role": "Rådgivar",
        "dietary_needs": "Vegetar",
        "accessibility_needs": "",
        "has_consented": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def test_form_page_is_not_cached_and_has_a_csrf_token(client, event):
    response = client.get(form_url(event))
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_valid_registration_redirects_to_the_personal_page(client, event):
    response = client.post(form_url(event), valid_data())
    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response["Location"].startswith(f"/pamelding/{registration.pk}/")
    assert registration.dietary_needs == "Vegetar"
    assert registration.language == "nn"


def test_form_with_errors_keeps_everything_typed(client, event):
    response = client.post(form_url(event), valid_data(email="ikkje-ei-adresse", has_consented=""))
    html = response.content.decode()
    assert response.status_code == 200
    assert Registration.objects.count() == 0
    assert 'value="Kari Nordmann"' in html
    assert 'value="ikkje-ei-adresse"' in html
    assert "Vegetar" in html
    assert "Skriv ei gyldig e-postadresse" in html
    assert "Du må samtykkje" in html


def test_same_email_twice_takes_no_second_seat(client, event):
    client.post(form_url(event), valid_data())
    mail.outbox.clear()
    response = client.post(form_url(event), valid_data(email="KARI@example.org "))
    assert response.status_code == 302
    assert Registration.objects.filter(event=event).count() == 1
    # The confirmation went out less than an hour ago, so it is not sent again.
    assert len(mail.outbox) == 0


def test_cancelled_person_may_register_again(client, event):
    from distrikt.events.services import cancel_registration

    client.post(form_url(event), valid_data())
    cancel_registration(Registration.objects.get())
    client.post(form_url(event), valid_data())
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 1


def test_honeypot_filled_in_stores_nothing(client, event):
    response = client.post(form_url(event), valid_data(website="http://spam.example"))
    assert response.status_code == 400
    assert Registration.objects.count() == 0


@override_settings(EVENT_REGISTRATION_RATE_LIMIT=3, EVENT_REGISTRATION_RATE_WINDOW=60)
def test_too_many_attempts_from_one_address_are_refused(client, calendar):
    event = EventPageFactory(parent=calendar, capacity=None)
    statuses = [
        client.post(form_url(event), valid_data(email=f"p{n}@example.org")).status_code for n in range(5)
    ]
    assert statuses == [302, 302, 302, 429, 429]
    assert Registration.objects.count() == 3
    other = client.post(form_url(event), valid_data(email="x@example.org"), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_registration_closes_at_the_deadline(client, calendar):
    event = EventPageFactory(
        parent=calendar,
        registration_deadline=timezone.now() - datetime.timedelta(minutes=1),
    )
    response = client.post(form_url(event), valid_data())
    assert "Påmeldingsfristen er ute" in response.content.decode()
    assert Registration.objects.count() == 0


def test_registration_is_refused_before_it_opens(calendar):
    from distrikt.events.services import RegistrationClosedError, register_for_event

    event = EventPageFactory(parent=calendar, registration_opens=timezone.now() + datetime.timedelta(days=1))
    with pytest.raises(RegistrationClosedError) as closed:
        register_for_event(event, name="A", email="a@example.org", has_consented=True)
    assert closed.value.state == "not_open"


def test_extra_questions_are_asked_and_answers_stored(client, event):
    RegistrationQuestion.objects.create(page=event, label="Kva vil du lære?", kind="text", is_required=True)
    RegistrationQuestion.objects.create(page=event, label="Kva workshop?", kind="choice", choices="A\nB")
    RegistrationQuestion.objects.create(page=event, label="Overnattar du?", kind="yes_no")
    questions = {question.label: question.field_name for question in event.questions.all()}
    response = client.post(form_url(event), valid_data())
    assert "Svar på dette spørsmålet" in response.content.decode()
    client.post(
        form_url(event),
        valid_data(
            **{
                questions["Kva vil du lære?"]: "Om nærbutikkar",
                questions["Kva workshop?"]: "B",
                questions["Overnattar du?"]: "ja",
            }
        ),
    )
    answers = {item["question"]: item["answer"] for item in Registration.objects.get().answers}
    assert answers == {
        "Kva vil du lære?": "Om nærbutikkar",
        "Kva workshop?": "B",
        "Overnattar du?": "ja",
    }


def test_registration_in_bokmaal_interface_is_stored_with_that_language(client, event):
    client.post("/nb" + form_url(event), valid_data())
    assert Registration.objects.get().language == "nb"


def test_chosen_municipality_is_stored_and_kept_on_error(client, event):
    from distrikt.municipalities.factories import MunicipalityFactory

    municipality = MunicipalityFactory(name="Prøvekommune")
    response = client.post(form_url(event), valid_data(municipality=municipality.pk, has_consented=""))
    assert f'<option value="{municipality.pk}" selected>' in response.content.decode()
    client.post(form_url(event), valid_data(municipality=municipality.pk))
    assert Registration.objects.get().municipality == municipality


def test_form_page_breadcrumbs_lead_back_to_the_event(client, event):
    response = client.get(form_url(event))
    assert response.context["breadcrumbs"][-1].title == event.title
    assert response.context["breadcrumbs"][-1].url == event.url


def test_unknown_municipality_is_a_form_error(client, event):
    response = client.post(form_url(event), valid_data(municipality="999999"))
    assert response.status_code == 200
    assert "municipality" in response.context["form"].errors
    assert Registration.objects.count() == 0
