"""The Enhetsregisteret client reads the register's JSON format and fails gracefully offline.

The samples in tests/fixtures/enhetsregisteret follow the documented format of
GET /enhetsregisteret/api/enheter/{orgnr}; the enterprise in them is invented.
"""

import json
from pathlib import Path

import pytest
import requests

from distrikt.merkur.enhetsregisteret import fetch_enterprise, parse_enterprise

FIXTURES = Path(__file__).parent / "fixtures" / "enhetsregisteret"
NUMBER = "100000008"


@pytest.fixture(autouse=True)
def register_url(settings):
    settings.MERKUR_ENHETSREGISTERET_URL = "https://data.brreg.no/enhetsregisteret/api/enheter/"


class RecordedSession:
    """Answers every GET with one recorded response (or raises), and remembers the request."""

    def __init__(self, status: int = 200, body: bytes = b"", error: Exception | None = None) -> None:
        self.status, self.body, self.error = status, body, error
        self.requests: list[tuple[str, dict]] = []

    def get(self, url: str, **kwargs) -> requests.Response:
        self.requests.append((url, kwargs))
        if self.error:
            raise self.error
        response = requests.Response()
        response.status_code = self.status
        response._content = self.body
        return response


def sample(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_a_registered_enterprise_is_read_from_the_registers_format():
    session = RecordedSession(body=sample("enhet.json"))
    enterprise = fetch_enterprise("100 000 008", session=session)
    assert session.requests[0][0] == f"https://data.brreg.no/enhetsregisteret/api/enheter/{NUMBER}"
    assert session.requests[0][1]["timeout"] > 0
    assert enterprise is not None
    assert enterprise.name == "BYGDEBUTIKKEN DEMO AS"
    assert enterprise.organisation_form == "Aksjeselskap"
    assert (enterprise.address, enterprise.postcode, enterprise.post_town) == (
        "Butikkvegen 1",
        "6996",
        "HYLLESTAD",
    )
    assert enterprise.municipality_number == "4637"
    assert enterprise.industry_code == "47.111"
    assert enterprise.employees == 6
    assert not enterprise.is_bankrupt and not enterprise.is_deleted


def test_a_bankrupt_enterprise_is_flagged():
    data = json.loads(sample("enhet.json"))
    data["konkurs"] = True
    assert parse_enterprise(data).is_bankrupt


def test_a_deleted_enterprise_answers_gone():
    enterprise = fetch_enterprise(NUMBER, session=RecordedSession(status=410, body=sample("slettet.json")))
    assert enterprise is not None and enterprise.is_deleted


@pytest.mark.parametrize(
    "session",
    [
        RecordedSession(status=404, body=b'{"status": 404}'),
        RecordedSession(status=500, body=b"Internal error"),
        RecordedSession(status=200, body=b"<html>maintenance</html>"),
        RecordedSession(error=requests.ConnectionError("offline")),
        RecordedSession(error=requests.Timeout("slow")),
    ],
)
def test_unknown_numbers_errors_and_offline_give_nothing_instead_of_failing(session):
    assert fetch_enterprise(NUMBER, session=session) is None


def test_an_answer_about_another_number_is_not_trusted():
    data = json.loads(sample("enhet.json"))
    data["organisasjonsnummer"] = "974760673"
    assert fetch_enterprise(NUMBER, session=RecordedSession(body=json.dumps(data).encode())) is None


def test_an_invalid_number_is_not_looked_up():
    session = RecordedSession(body=sample("enhet.json"))
    assert fetch_enterprise("123456789", session=session) is None
    assert session.requests == []


def test_the_lookup_can_be_switched_off(settings):
    settings.MERKUR_ENHETSREGISTERET_URL = ""
    session = RecordedSession(body=sample("enhet.json"))
    assert fetch_enterprise(NUMBER, session=session) is None
    assert session.requests == []


@pytest.mark.django_db
def test_a_new_draft_gets_the_registered_name_once(own_shop):
    from distrikt.merkur import workflow
    from distrikt.merkur.enhetsregisteret import Enterprise
    from distrikt.merkur.factories import ApplicationFactory

    application = ApplicationFactory(shop=own_shop, enterprise_name="")
    found = Enterprise(
        application.organisation_number, "KARIS BUTIKK AS", "", "", "", "", "", "", "", None, False, False
    )
    assert workflow.prefill_enterprise(application.pk, lambda number: found)
    application.refresh_from_db()
    assert application.enterprise_name == "KARIS BUTIKK AS"
    assert not workflow.prefill_enterprise(application.pk, lambda number: None)
    assert not workflow.prefill_enterprise(application.pk, lambda number: found)  # never overwrites
