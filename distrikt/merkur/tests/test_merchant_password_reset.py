"""Password reset for the Merkur login: the e-mail goes through the outbox with a link to
SITE_BASE_URL, an unknown address gets the same answer, and requests are rate limited."""

import re

from django.urls import reverse

import pytest

from distrikt.core.models import OutboxMessage

pytestmark = pytest.mark.django_db

RESET_URL = "/merkur-register/glemt-passord/"
LINK = re.compile(r"(https://distriktssenteret\.no(/\w+)?/merkur-register/nytt-passord/[\w-]+/[\w-]+/)")


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.SITE_BASE_URL = "https://distriktssenteret.no"
    settings.MERKUR_PASSWORD_RESET_RATE_LIMIT = 3
    settings.MERKUR_PASSWORD_RESET_CLIENT_RATE_LIMIT = 10


@pytest.fixture
def merchant_with_email(merchant):
    merchant.email = "kari@example.org"
    merchant.save()
    return merchant


def reset_link(message: OutboxMessage) -> str:
    match = LINK.search(message.body)
    assert match, message.body
    return match.group(1)


def test_the_login_page_links_to_the_password_reset(client):
    page = client.get(reverse("merkur:login")).content.decode()
    assert f'href="{RESET_URL}"' in page
    assert "Har du gløymt passordet?" in page


def test_a_known_address_gets_a_link_through_the_outbox_that_sets_a_new_password(client, merchant_with_email):
    response = client.post(RESET_URL, {"email": "Kari@Example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("merkur:password_reset_done")
    message = OutboxMessage.objects.get()
    assert message.to == ["kari@example.org"]
    assert message.subject == "Nytt passord til Merkur-registeret"
    assert "kari" in message.body  # the username
    link = reset_link(message)
    # The link works on this site: it leads to the form for the new password.
    path = link.removeprefix("https://distriktssenteret.no")
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    assert 'name="new_password1"' in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "nytt-sterkt-passord-42", "new_password2": "nytt-sterkt-passord-42"},
    )
    assert done["Location"] == reverse("merkur:password_reset_complete")
    merchant_with_email.refresh_from_db()
    assert merchant_with_email.check_password("nytt-sterkt-passord-42")
    # Used once: the same link no longer works.
    again = client.get(path, follow=True).content.decode()
    assert "Lenkja verkar ikkje" in again


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, merchant_with_email):
    known = client.post(RESET_URL, {"email": "kari@example.org"}, follow=True)
    unknown = client.post(RESET_URL, {"email": "ingen@example.org"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain
    assert known.content == unknown.content
    assert OutboxMessage.objects.count() == 1


def test_a_bad_address_is_refused_and_kept(client):
    response = client.post(RESET_URL, {"email": "ikkje-ei-adresse"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="ikkje-ei-adresse"' in page
    assert "Skjemaet har feil" in page


def test_one_address_gets_at_most_the_limit_of_emails_with_the_same_answer(client, merchant_with_email):
    responses = [client.post(RESET_URL, {"email": "kari@example.org"}) for _ in range(5)]
    assert {response.status_code for response in responses} == {302}
    assert OutboxMessage.objects.count() == 3


def test_a_client_asking_too_often_is_refused_with_a_message(client, settings, merchant_with_email):
    settings.MERKUR_PASSWORD_RESET_CLIENT_RATE_LIMIT = 2
    for number in range(2):
        assert client.post(RESET_URL, {"email": f"person{number}@example.org"}).status_code == 302
    response = client.post(RESET_URL, {"email": "kari@example.org"})
    assert response.status_code == 429
    page = response.content.decode()
    assert "for mange gonger" in page
    assert 'value="kari@example.org"' in page
    assert not OutboxMessage.objects.exists()


@pytest.mark.parametrize(
    ("language", "heading", "subject"),
    [
        ("nb", "Har du glemt passordet?", "Nytt passord til Merkur-registeret"),
        ("en", "Forgotten your password?", "New password for the Merkur register"),
    ],
)
def test_the_reset_speaks_bokmaal_and_english_with_links_in_the_same_language(
    client, merchant_with_email, language, heading, subject
):
    page = client.get(f"/{language}{RESET_URL}").content.decode()
    assert heading in page
    assert f'lang="{language}"' in page
    client.post(f"/{language}{RESET_URL}", {"email": "kari@example.org"})
    message = OutboxMessage.objects.get()
    assert message.subject == subject
    assert f"https://distriktssenteret.no/{language}/merkur-register/nytt-passord/" in message.body


def test_a_completed_reset_lifts_the_login_lockout_of_the_user(client, settings, merchant_with_email):
    login_url = reverse("merkur:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(login_url, {"username": "kari", "password": "feil"})
    locked = client.post(login_url, {"username": "kari", "password": "passord-for-test"})
    assert locked.status_code == 429
    client.post(RESET_URL, {"email": "kari@example.org"})
    path = reset_link(OutboxMessage.objects.get()).removeprefix("https://distriktssenteret.no")
    form_page = client.get(path, follow=True)
    # Only a completed reset lifts the lockout: the form alone does not.
    assert client.post(login_url, {"username": "kari", "password": "passord-for-test"}).status_code == 429
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "nytt-sterkt-passord-42", "new_password2": "nytt-sterkt-passord-42"},
    )
    response = client.post(login_url, {"username": "kari", "password": "nytt-sterkt-passord-42"})
    assert response.status_code == 302
    assert response["Location"] == reverse("merkur:my_shops")
