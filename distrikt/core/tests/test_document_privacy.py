"""A document on a page that has never been published is not public until the page is."""

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission

import pytest

from distrikt.core.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    document = get_document_model().objects.create(
        title="Embargo", file=SimpleUploadedFile("embargo.txt", b"Tal som ikkje er offentlege enno")
    )
    yield document
    document.file.delete(save=False)


def add_page(parent, slug: str, document, publish: bool) -> StandardPage:
    page = StandardPage(
        title=slug,
        slug=slug,
        body=[("document", {"document": document, "title": "Rapport"})],
    )
    if not publish:
        page.live = False
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


def fetch(client, document):
    return client.get(document.url)


def test_a_document_only_on_a_never_published_page_is_not_found(client, home_page, report):
    add_page(home_page, "utkast", report, publish=False)
    assert fetch(client, report).status_code == 404


def test_editors_still_see_it(editor_client, home_page, report):
    add_page(home_page, "utkast", report, publish=False)
    assert fetch(editor_client, report).status_code == 200


def test_a_logged_in_user_without_document_permissions_does_not(client, home_page, report, django_user_model):
    add_page(home_page, "utkast", report, publish=False)
    client.force_login(django_user_model.objects.create_user("lesar", password="x"))
    assert fetch(client, report).status_code == 404


def test_an_editor_with_document_permission_sees_it(client, home_page, report, django_user_model):
    add_page(home_page, "utkast", report, publish=False)
    user = django_user_model.objects.create_user("dokred", password="x")
    group = Group.objects.create(name="Dokumentredaktørar")
    GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="choose_document"),
    )
    user.groups.add(group)
    client.force_login(user)
    assert fetch(client, report).status_code == 200


def test_it_becomes_public_when_the_page_is_published(client, home_page, report):
    page = add_page(home_page, "utkast", report, publish=False)
    assert fetch(client, report).status_code == 404
    page.save_revision().publish()
    assert fetch(client, report).status_code == 200


def test_a_document_on_a_live_page_is_always_served(client, home_page, report):
    add_page(home_page, "utkast", report, publish=False)
    add_page(home_page, "publisert", report, publish=True)
    assert fetch(client, report).status_code == 200


def test_a_document_used_nowhere_is_served_as_before(client, report):
    assert fetch(client, report).status_code == 200


def test_a_document_of_an_unpublished_page_that_was_live_once_stays_served(client, home_page, report):
    page = add_page(home_page, "trekt", report, publish=True)
    page.refresh_from_db()
    page.unpublish()
    assert not page.live
    assert fetch(client, report).status_code == 200
