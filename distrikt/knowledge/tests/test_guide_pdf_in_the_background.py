"""A guide's PDF is made by a background task, once per published revision and language.

Callbacks after commit never run inside a test's transaction unless captured: the shipped
guides are published inside `django_capture_on_commit_callbacks(execute=True)` where the
test wants the task to have run (the test settings run tasks at once).
"""

import io

from django.core.management import call_command

import pytest
from django_tasks import default_task_backend
from pypdf import PdfReader

from distrikt.knowledge import guide_pdf_rendering
from distrikt.knowledge.models import GuidePage, GuidePdf, GuidePdfStatus, KnowledgeIndexPage
from distrikt.knowledge.tasks import generate_guide_pdf_task

pytestmark = pytest.mark.django_db

URL = "/kunnskap/naerdemokratirettleiaren/pdf/"
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def load_guides(home_page) -> GuidePage:
    index = KnowledgeIndexPage(title="Kunnskap", slug="kunnskap", language="nn")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    call_command("load_guides", verbosity=0)
    return GuidePage.objects.get(slug="naerdemokratirettleiaren")


@pytest.fixture
def published_guide(home_page, django_capture_on_commit_callbacks) -> GuidePage:
    """The democracy guide, published with its Nynorsk PDF made by the task."""
    with django_capture_on_commit_callbacks(execute=True):
        return load_guides(home_page)


@pytest.fixture
def dummy_tasks(settings):
    """A task backend that records what is enqueued and runs nothing."""
    settings.TASKS = DUMMY_TASKS
    default_task_backend.clear()
    return default_task_backend


def enqueued_pdf_tasks(backend) -> list:
    return [result for result in backend.results if result.task.name == generate_guide_pdf_task.name]


def test_publishing_a_guide_makes_its_pdf_in_the_background(published_guide):
    pdf = GuidePdf.objects.get(page=published_guide)
    assert pdf.status == GuidePdfStatus.DONE
    assert pdf.revision_id == published_guide.live_revision_id
    assert pdf.language == "nn"


def test_a_ready_pdf_is_served_at_once(client, published_guide):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "inline" in response["Content-Disposition"]
    text = pdf_text(b"".join(response.streaming_content))
    assert "Nærdemokratirettleiaren" in text
    assert "Oppfølging og evaluering" in text
    assert "Mandatet er skriftleg og vedteke politisk" in text


def test_a_pdf_not_yet_made_gives_a_page_that_says_so_with_a_link_to_check_again(
    client, home_page, dummy_tasks
):
    load_guides(home_page)
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "blir laga no" in html
    # No reload on a timer the reader cannot stop (WCAG 2.2.1, failure F41): a link instead.
    assert 'http-equiv="refresh"' not in html
    assert f'href="{URL}"' in html
    assert "<script>" not in html and "onclick" not in html


@pytest.mark.parametrize(("prefix", "words"), [("/nb", "blir laget nå"), ("/en", "being made")])
def test_the_waiting_page_speaks_the_visitors_language(client, home_page, dummy_tasks, prefix, words):
    load_guides(home_page)
    assert words in client.get(prefix + URL).content.decode()


def test_repeated_requests_enqueue_the_task_once(
    client, home_page, dummy_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        load_guides(home_page)
    assert len(enqueued_pdf_tasks(dummy_tasks)) == 1  # on publish, in Nynorsk
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.get(URL).status_code == 200
    assert len(enqueued_pdf_tasks(dummy_tasks)) == 1
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.get("/en" + URL)
    assert len(enqueued_pdf_tasks(dummy_tasks)) == 2  # one more for the English one
    assert GuidePdf.objects.filter(status=GuidePdfStatus.QUEUED).count() == 2


def test_the_first_request_orders_the_pdf_and_a_later_one_gets_it(
    client, home_page, django_capture_on_commit_callbacks
):
    load_guides(home_page)  # published, but its task never ran
    GuidePdf.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get("/nb" + URL)
    assert "blir laget nå" in first.content.decode()
    second = client.get("/nb" + URL)
    assert second["Content-Type"] == "application/pdf"
    assert GuidePdf.objects.get(language="nb").status == GuidePdfStatus.DONE


def test_a_new_revision_makes_the_old_pdf_stale(client, published_guide, django_capture_on_commit_callbacks):
    old = GuidePdf.objects.get(page=published_guide)
    published_guide.title = "Nærdemokratirettleiaren, ny utgåve"
    with django_capture_on_commit_callbacks(execute=True):
        published_guide.save_revision().publish()
    published_guide.refresh_from_db()
    assert not GuidePdf.objects.filter(pk=old.pk).exists()
    assert not old.file.storage.exists(old.file.name)
    response = client.get(URL)
    assert response["Content-Type"] == "application/pdf"
    assert "ny utgåve" in pdf_text(b"".join(response.streaming_content))


def test_a_failed_pdf_says_so_and_can_be_made_again(
    client, home_page, monkeypatch, django_capture_on_commit_callbacks
):
    def broken_render(*args, **kwargs):
        raise OSError("the fonts are gone")

    monkeypatch.setattr(guide_pdf_rendering, "render_pdf", broken_render)
    with django_capture_on_commit_callbacks(execute=True):
        load_guides(home_page)
    pdf = GuidePdf.objects.get()
    assert pdf.status == GuidePdfStatus.FAILED
    assert "fonts are gone" in pdf.error

    response = client.get(URL)
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "fekk ikkje laga PDF-en" in html
    assert "fonts are gone" not in html  # the cause is for the log, not the visitor
    assert 'http-equiv="refresh"' not in html
    assert 'method="post"' in html and "Prøv igjen" in html

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        retried = client.post(URL)
    assert retried.status_code == 302 and retried["Location"] == URL
    pdf.refresh_from_db()
    assert pdf.status == GuidePdfStatus.DONE and pdf.attempts == 2
    assert client.get(URL)["Content-Type"] == "application/pdf"


def test_a_retry_is_enqueued_once_however_often_it_is_asked(
    client, home_page, dummy_tasks, django_capture_on_commit_callbacks
):
    load_guides(home_page)
    GuidePdf.objects.update(status=GuidePdfStatus.FAILED, error="boom")
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(URL)
    assert len(enqueued_pdf_tasks(dummy_tasks)) == 1
    assert GuidePdf.objects.get().status == GuidePdfStatus.QUEUED


def test_a_row_someone_else_is_making_is_not_made_twice(published_guide):
    pdf = GuidePdf.objects.get()
    GuidePdf.objects.filter(pk=pdf.pk).update(status=GuidePdfStatus.RUNNING)
    guide_pdf_rendering.generate_guide_pdf(pdf.pk)
    pdf.refresh_from_db()
    assert pdf.attempts == 1 and pdf.status == GuidePdfStatus.RUNNING


def test_an_unpublished_guide_has_no_pdf(client, home_page):
    load_guides(home_page)
    assert client.get("/kunnskap/rettleiar-tilflyttarteneste/pdf/").status_code == 404
