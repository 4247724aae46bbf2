"""A merchant sees only their own applications, by URL and by API; advisors see all."""

import pytest

from distrikt.merkur.factories import ApplicationFactory
from distrikt.merkur.models import Application, Attachment

pytestmark = pytest.mark.django_db


@pytest.fixture
def others_application(others_shop):
    application = ApplicationFactory(shop=others_shop)
    Attachment.objects.create(
        application=application,
        file_name="tilbod.pdf",
        content_type="application/pdf",
        size=5,
        content=b"%PDF-",
    )
    return application


def urls_of(application: Application) -> list[str]:
    attachment = application.attachments.first()
    return [
        f"/merkur-register/soknader/{application.pk}/",
        f"/merkur-register/soknader/{application.pk}/endre/",
        f"/merkur-register/soknader/{application.pk}/vedlegg/{attachment.pk}/",
    ]


def test_a_merchant_cannot_read_another_merchants_application_by_url(client, merchant, others_application):
    client.force_login(merchant)
    for url in urls_of(others_application):
        assert client.get(url).status_code == 404, url


def test_a_merchant_cannot_change_another_merchants_application(client, merchant, others_application):
    client.force_login(merchant)
    response = client.post(
        f"/merkur-register/soknader/{others_application.pk}/endre/",
        {
            "action": "submit",
            "project_description": "Overteke",
            "budget-TOTAL_FORMS": "0",
            "budget-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 404
    assert client.post(f"/merkur-register/soknader/{others_application.pk}/trekk/").status_code == 404
    others_application.refresh_from_db()
    assert others_application.status == "draft"
    assert others_application.project_description != "Overteke"


def test_a_merchant_cannot_read_another_merchants_application_by_api(
    client, merchant, own_shop, others_application
):
    own = ApplicationFactory(shop=own_shop)
    client.force_login(merchant)
    assert client.get(f"/api/v1/merkur/my/applications/{others_application.pk}").status_code == 404
    assert client.get(f"/api/v1/merkur/my/applications/{own.pk}").json()["id"] == own.pk
    assert [row["id"] for row in client.get("/api/v1/merkur/my/applications").json()] == [own.pk]


def test_anonymous_visitors_see_no_applications(client, others_application):
    assert client.get("/api/v1/merkur/my/applications").json() == []
    assert client.get(f"/api/v1/merkur/my/applications/{others_application.pk}").status_code == 404
    response = client.get(f"/merkur-register/soknader/{others_application.pk}/")
    assert response.status_code == 302
    assert "logg-inn" in response["Location"]


def test_a_merchant_cannot_open_the_advisors_queue_or_case(client, merchant, others_application):
    client.force_login(merchant)
    assert client.get("/merkur-register/saker/").status_code == 403
    assert client.get(f"/merkur-register/saker/{others_application.pk}/").status_code == 403


def test_an_advisor_sees_every_application(client, advisor, others_application):
    client.force_login(advisor)
    assert client.get(f"/merkur-register/soknader/{others_application.pk}/").status_code == 200
    assert client.get(f"/merkur-register/saker/{others_application.pk}/").status_code == 200
    assert client.get(f"/api/v1/merkur/my/applications/{others_application.pk}").status_code == 200
