"""A large shop import is a handful of bulk queries, not several per row, and still has the
side effects of saving the shops one by one: Wagtail's usage index, one accessibility
recompute and one page-cache purge after the commit."""

from wagtail.models import ReferenceIndex

import pytest

from distrikt.core.derived import dataset_versions
from distrikt.merkur import importers, services
from distrikt.merkur.factories import ChainFactory, valid_organisation_number
from distrikt.merkur.models import REGISTER_DATASET, ImportJob, ImportJobStatus, Shop
from distrikt.merkur.services import start_shop_import
from distrikt.municipalities.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

HEADER = "namn,organisasjonsnummer,kommunenummer,kjede"


def distinct_numbers(count: int) -> list[str]:
    numbers: list[str] = []
    sequence = 0
    while len(numbers) < count:
        sequence += 1
        number = valid_organisation_number(sequence)
        if number not in numbers:
            numbers.append(number)
    return numbers


def shop_csv(count: int) -> bytes:
    lines = [f"Butikk {n} (demo),{number},9101,Joker" for n, number in enumerate(distinct_numbers(count))]
    return "\n".join([HEADER, *lines]).encode()


@pytest.fixture
def municipality():
    return MunicipalityFactory(code="9101", name="Importvik")


@pytest.fixture
def chain():
    return ChainFactory(name="Joker", slug="joker")


def test_an_import_of_200_rows_takes_fewer_than_50_queries(
    municipality, chain, advisor, django_assert_max_num_queries
):
    job = start_shop_import(advisor, "butikkar.csv", shop_csv(200))
    with django_assert_max_num_queries(49):
        imported = importers.run_import_job(job.pk)
    assert imported == 200
    assert Shop.objects.count() == 200


def test_an_import_records_the_shops_references_for_wagtail(municipality, chain, advisor):
    job = start_shop_import(advisor, "butikkar.csv", shop_csv(3))
    importers.run_import_job(job.pk)
    shops = set(Shop.objects.values_list("pk", flat=True))
    for target in (municipality, chain):
        referring = ReferenceIndex.get_references_to(target).values_list("object_id", flat=True)
        assert {int(pk) for pk in referring} == shops


def test_an_import_schedules_one_accessibility_update_and_one_cache_purge_after_it_commits(
    municipality, chain, advisor, monkeypatch, django_capture_on_commit_callbacks
):
    queued = []
    monkeypatch.setattr(services, "_enqueue_accessibility_update", lambda: queued.append("update"))
    job = start_shop_import(advisor, "butikkar.csv", shop_csv(20))
    before = dataset_versions([REGISTER_DATASET])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        importers.run_import_job(job.pk)
    assert dataset_versions([REGISTER_DATASET]) == before
    assert queued == []
    for callback in callbacks:
        callback()
    assert queued == ["update"]
    assert dataset_versions([REGISTER_DATASET]) != before


def test_a_failed_save_leaves_neither_shops_nor_references(municipality, chain, advisor, monkeypatch):
    def break_after_the_insert(sender, **kwargs):
        assert Shop.objects.count() == 5
        raise RuntimeError("the disk is full")

    importers.shops_imported.connect(break_after_the_insert)
    try:
        job = start_shop_import(advisor, "butikkar.csv", shop_csv(5))
        with pytest.raises(RuntimeError):
            importers.run_import_job(job.pk)
    finally:
        importers.shops_imported.disconnect(break_after_the_insert)
    assert not Shop.objects.exists()
    assert not ReferenceIndex.get_references_to(municipality).exists()
    assert ImportJob.objects.get(pk=job.pk).status == ImportJobStatus.FAILED


def test_references_written_in_bulk_are_those_wagtail_writes_itself(municipality, chain):
    from django.db import transaction

    from distrikt.core.references import index_new_objects
    from distrikt.merkur.factories import ShopFactory

    columns = (
        "content_type",
        "base_content_type",
        "to_content_type",
        "to_object_id",
        "model_path",
        "content_path",
    )
    shop = ShopFactory(municipality=municipality, chain=chain)
    ReferenceIndex.objects.all().delete()
    with transaction.atomic():
        ReferenceIndex.create_or_update_for_object(shop)
    by_wagtail = set(ReferenceIndex.objects.values_list(*columns, "content_path_hash"))
    ReferenceIndex.objects.all().delete()
    assert index_new_objects([shop]) == 2
    assert set(ReferenceIndex.objects.values_list(*columns, "content_path_hash")) == by_wagtail
